"""``tiltakshefte serve``: live reload that rebuilds only what an edit changed.

Every rebuild renders the whole site in memory, which is cheap (files that did not change
are not even parsed again), and compares each page's Markdown with the last build.
MkDocs then re-processes only the pages whose text changed, in its "dirty" build mode
(driven by ``File.is_modified``). Everything else a page's HTML depends on is common to
all pages: the MkDocs settings (navigation included) and the theme's templates. When
those change, or a page or file disappears, the whole site is built again.

Pages that are not rebuilt keep their HTML from before. Their state (Markdown, metadata,
HTML, table of contents) is restored so that templates see what a full build would show
them. ``tests/test_serve_incremental.py`` checks the served site against a fresh build.

After each build the Pagefind index is made again in the background and swapped in
(:class:`generator.search_index.BackgroundIndexer`): the page reloads at once, and its
search catches up a moment later.

When an edit breaks the content, nothing is built: the site on disk stays the last good
one, and every page is sent with a banner listing the problems until they are fixed.
"""

from __future__ import annotations

import logging
import re
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from .content import LoadCache
from .markup import escape
from .mkdocs_adapter import LivePlugin, SiteInput, load_mkdocs_config, our_plugin
from .mkdocs_config import config_yaml
from .output import render_project
from .pagecache import PageCache
from .pipeline import Project
from .problems import ContentError, Problem
from .search_index import BackgroundIndexer

log = logging.getLogger("mkdocs.plugins.tiltakshefte")
report = logging.getLogger("tiltakshefte.serve")

# How often the watcher looks for saved files (MkDocs' default is 0.5 s). Polling, not
# file-system events, works the same in containers and on network drives; one look at the
# project's content and theme takes about a millisecond.
POLL_INTERVAL = 0.05
# How long MkDocs waits for more changes before it builds (its default is 0.1 s). The watcher
# reports what changed in one look together, so a longer wait would only add to each reload.
BUILD_DELAY = 0.01


class LiveSite:
    """The site being served: renders, compares and rebuilds what changed."""

    def __init__(self, project: Project, site_url: str, work: Path) -> None:
        self.project, self.site_url, self.work = project, site_url, work
        self.site_dir = work / "site"
        self.cache = LoadCache()
        self.page_cache = PageCache()
        self.live = LivePlugin()
        self.indexer = BackgroundIndexer(self.site_dir)
        self.config: MkDocsConfig | None = None
        self.banner = ""
        self.settings = ""
        self.theme: list[tuple[str, int, int]] = []
        self.texts: dict[str, str | bytes] = {}
        self.files: set[str] = set()
        self.theme_files: list[tuple[str, str]] | None = None

    def build(self) -> None:
        """Build the site: all of it the first time, afterwards only what changed."""
        start = time.perf_counter()
        try:
            output = render_project(self.project, strict=False, site_url=self.site_url,
                                    cache=self.cache, page_cache=self.page_cache)
        except ContentError as exc:
            if self.config is None:
                raise  # nothing to show yet: the command reports the problems and stops
            self._show_problems(exc.problems)
            return
        self.banner = ""
        texts = {page.doc: page.text() for page in output.pages} | output.extra_files
        site = SiteInput(output, texts=texts)
        settings = output.mkdocs_settings(self.work / "docs", self.project.theme_dir,
                                          self.site_dir, str(self.project.root), False)
        files = set(texts) | {uri for uri, _ in output.static_files}
        theme = _theme_signature(self.project.theme_dir)
        settings_text = config_yaml(settings)
        # Settings or templates changed, or a page or file is gone (its output must go too).
        full = settings_text != self.settings or theme != self.theme or not files >= self.files
        if settings_text != self.settings:
            self._load_config(settings)
        if full:
            self.live.reset()
            self.theme_files = None
        else:
            site.changed = {uri for uri, text in texts.items() if self.texts.get(uri) != text}
        self._run(site, full)
        self.indexer.request()
        self.texts, self.files, self.theme = texts, files, theme
        pages = {page.doc for page in output.pages}
        done = "alle" if site.changed is None else str(len(site.changed & pages))
        report.info("Bygget %s av %d sider på %.2f s.", done, len(pages),
                    time.perf_counter() - start)

    def _show_problems(self, problems: list[Problem]) -> None:
        for problem in problems:
            log.error(problem.format())
        log.error("Innholdet har feil; viser forrige gode versjon til feilen er rettet.")
        self.banner = error_banner(problems)

    def _load_config(self, settings: dict[str, Any]) -> None:
        if self.config is not None:
            self.config.plugins.on_shutdown()
        (self.work / "docs").mkdir(exist_ok=True)
        self.config = load_mkdocs_config(self.work, settings)
        self.config.plugins["tiltakshefte-live"] = self.live
        self.config.plugins.on_startup(command="serve", dirty=False)
        self.settings = config_yaml(settings)  # after loading: a failed load is tried again

    def _run(self, site: SiteInput, full: bool) -> None:
        assert self.config is not None
        our_plugin(self.config).site = site
        try:
            with _dirty_warning_hidden(), self._theme_listed_once():
                build(self.config, serve_url=self.site_url, dirty=not full)
        except BaseException:
            self.settings = ""  # the site on disk is unknown now: build all of it next time
            raise

    @contextmanager
    def _theme_listed_once(self) -> Iterator[None]:
        """MkDocs lists the theme folders (Material's has 14 000 files, mostly icons) in
        every build, and has no hook before it does. While the theme stays the same (any
        change to it makes a full build, which lists it again), the list is reused."""
        original = Files.add_files_from_theme

        def add_files_from_theme(files: Files, env: Environment, config: MkDocsConfig) -> None:
            if self.theme_files is None:
                before = len(files)
                original(files, env, config)
                self.theme_files = [(f.src_uri, f.src_dir or "") for f in list(files)[before:]]
                return
            for uri, folder in self.theme_files:
                files.append(File(uri, folder, config.site_dir, config.use_directory_urls))

        Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            Files.add_files_from_theme = original  # type: ignore[method-assign]

    def close(self) -> None:
        """End the plugins' session (after the last index, which writes into the site)."""
        self.indexer.wait(60)
        if self.config is not None:
            self.config.plugins.on_shutdown()


SHOWN_PROBLEMS = 20


def error_banner(problems: list[Problem]) -> str:
    """An HTML banner listing content problems, shown at the top of every page while serving.

    It is fixed to the top of the window, so the scroll position the browser restores after
    the live reload cannot hide it; an invisible copy in the page's flow keeps it from
    covering the top of the page before you scroll.
    """
    items = "".join(
        f'<li><code class="th-serve-error__where">{escape(p.file)}:{p.line}</code> '
        f"{escape(p.format().split(': ', 1)[-1])}</li>" for p in problems[:SHOWN_PROBLEMS])
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        items += f"<li>… og {more} til; se terminalen.</li>"
    several = len(problems) > 1
    count = f"{len(problems)} feil" if several else "en feil"
    inner = (f'<p class="th-serve-error__title">Innholdet har {count} – du ser forrige gode '
             "versjon</p>\n"
             f'<p class="th-serve-error__help">Rett {"feilene" if several else "feilen"} og '
             "lagre; siden oppdateres av seg selv.</p>\n"
             f'<ul class="th-serve-error__list">{items}</ul>\n')
    return (f'<div class="th-serve-error" role="alert">\n{inner}</div>\n'
            f'<div class="th-serve-error th-serve-error--spacer" aria-hidden="true">\n'
            f"{inner}</div>\n")


_CONTENT_START = re.compile(rb"<body[^>]*>")


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, adding the error banner (if any) to every page it sends."""

    def __init__(self, site: LiveSite, host: str, port: int) -> None:
        super().__init__(builder=site.build, host=host, port=port, root=str(site.site_dir),
                         polling_interval=POLL_INTERVAL)
        self.build_delay = BUILD_DELAY
        self.site = site
        self.error_handler = self._error_page

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        banner = self.site.banner.encode()
        start = _CONTENT_START.search(content) if banner else None
        if start:
            content = content[:start.end()] + banner + content[start.end():]
        page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        return page

    def _error_page(self, code: int) -> bytes | None:
        page = self.site.site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _theme_signature(theme_dir: Path) -> list[tuple[str, int, int]]:
    """Name, size and time of every theme file; only the names of static assets, which
    MkDocs copies again by itself when they are newer than the copy."""
    found = []
    for path in sorted(theme_dir.rglob("*")):
        if path.is_file():
            relative = path.relative_to(theme_dir).as_posix()
            stat = path.stat()
            found.append((relative, 0, 0) if relative.startswith("assets/")
                         else (relative, stat.st_size, stat.st_mtime_ns))
    return found


class _HideDirtyWarning(logging.Filter):
    """MkDocs warns that a "dirty" build may leave stale navigation and links. Ours do not:
    anything that affects every page makes the next build a full one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextmanager
def _dirty_warning_hidden() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    hide = _HideDirtyWarning()
    logger.addFilter(hide)
    try:
        yield
    finally:
        logger.removeFilter(hide)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(project: Project, host: str, port: int) -> None:
    """Serve the site on ``host:port`` and rebuild what changes when a file is saved."""
    _show_progress()
    signal.signal(signal.SIGTERM, _stop)  # stop cleanly (temporary folders removed) on SIGTERM
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-serve-") as work:
        site = LiveSite(project, f"http://{host}:{port}/", Path(work))
        try:
            site.build()
            server = _Server(site, host, port)
            for path in (project.content_dir, project.theme_dir, project.config_file):
                server.watch(str(path))
            report.info("Viser nettstedet på http://%s:%d/ (Ctrl+C avslutter).", host, port)
            try:
                server.serve()  # type: ignore[no-untyped-call]
            except KeyboardInterrupt:
                pass
            finally:
                server.shutdown()
        finally:
            site.close()


def _show_progress() -> None:
    """Print our short progress lines («Bygget 12 av 124 sider …») on the terminal."""
    if not report.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        report.addHandler(handler)
        report.setLevel(logging.INFO)
        report.propagate = False
