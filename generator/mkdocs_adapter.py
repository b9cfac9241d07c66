"""The one place that hands our rendered pages to MkDocs (with :mod:`generator.mkdocs_serve`).

A move to another engine (ProperDocs, Zensical) replaces these two modules; the core
(load, validate, resolve, render) does not change.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import config_options as opt
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .builthtml import fix_page
from .htmlstash import RawHtmlStash
from .mkdocs_config import config_yaml
from .output import SiteOutput
from .pipeline import Project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the user's temporary folder, if it can be made."""
    try:
        return FileSystemBytecodeCache(pattern="__tiltakshefte_theme_%s.cache")
    except (OSError, RuntimeError):
        return None


# Material's templates are compiled again by every build; compiling them takes longer than
# rendering a page. Jinja keeps the compiled code between runs, keyed by a checksum of each
# template's source, so an edited template is always compiled afresh.
_THEME_BYTECODE = _bytecode_cache()


@dataclass
class SiteInput:
    """What one MkDocs build gets from us: the rendered site and, for a partial rebuild
    (``serve``), the pages and generated files that changed (``None``: all of them)."""

    output: SiteOutput
    changed: set[str] | None = None
    texts: dict[str, str | bytes] | None = None  # the pages' Markdown (and files), if made

    def is_changed(self, uri: str) -> bool:
        """Whether the page or generated file at ``uri`` is to be written in this build."""
        return self.changed is None or uri in self.changed


class _GeneratedFile(File):
    """A generated page or file that a partial rebuild (MkDocs' "dirty" build) may leave
    as it is."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class _PluginConfig(Config):  # type: ignore[no-untyped-call]
    # Written into mkdocs.yml for whoever reads it; build and serve render the site before
    # MkDocs runs and hand it over in ``TiltakshefttePlugin.site``.
    project = opt.Type(str, default=".")
    strict = opt.Type(bool, default=True)


class TiltakshefttePlugin(BasePlugin[_PluginConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages and files to MkDocs' file collection.

    ``run_build`` and ``serve`` render the site first and set ``site``. Pages are given to
    MkDocs as Markdown; the HTML blocks in them are set aside by :class:`RawHtmlStash`
    instead of being parsed again (the output is the same).
    """

    site: SiteInput | None = None
    on_page_done: Callable[[], None] | None = None  # the build's progress, page by page

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        extensions = config.markdown_extensions
        if not any(isinstance(e, RawHtmlStash) for e in extensions):
            extensions.append(RawHtmlStash())  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        site = self.site
        if site is None:
            raise RuntimeError("the tiltakshefte plugin is driven by `tiltakshefte build/serve`")
        output = site.output
        ours: list[File] = []
        texts = site.texts or {}
        generated = [(page.doc, texts.get(page.doc) or page.text()) for page in output.pages]
        for uri, content in [*generated, *output.extra_files.items()]:
            file = _GeneratedFile.generated(config, uri, content=content)
            assert isinstance(file, _GeneratedFile)
            file.changed = site.is_changed(uri)
            ours.append(file)
        for uri, path in output.static_files:
            ours.append(File.generated(config, uri, abs_src_path=str(path)))
        for file in sorted(ours, key=lambda f: docs_order(f.src_uri)):
            files.append(file)
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.on_page_done is not None:
            self.on_page_done()
        return fix_page(output)

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_page(output_content)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if env.bytecode_cache is None:
            env.bytecode_cache = _THEME_BYTECODE
        return env


@dataclass
class _PageState:
    """What MkDocs works out when it reads a page, kept for pages a rebuild skips."""

    markdown: str | None
    meta: dict[str, Any]
    content: str
    toc: TableOfContents

    def restore(self, page: Page) -> None:
        """Give a page that was not read again the state a full build would give it."""
        page.markdown, page.content, page.toc = self.markdown, self.content, self.toc
        page.meta = dict(self.meta)


class LivePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps what the pages a partial rebuild skips need (``serve`` adds it to MkDocs): their
    state for the templates, and one template environment."""

    def __init__(self) -> None:
        self.env: Environment | None = None
        self.pages: dict[str, _PageState] = {}

    def reset(self) -> None:
        """Forget everything (before a full build: templates or settings changed)."""
        self.env, self.pages = None, {}

    @event_priority(-100)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # One environment for every rebuild with the same templates: Material's templates
        # are compiled once per session instead of once per rebuild.
        self.env = self.env or env
        for file in files.documentation_pages():
            state = self.pages.get(file.src_uri)
            if file.page is not None and file.page.markdown is None and state is not None:
                state.restore(file.page)
        return self.env

    @event_priority(-100)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        self.pages[page.file.src_uri] = _PageState(page.markdown, dict(page.meta), html, page.toc)
        return html


def docs_order(uri: str) -> list[tuple[int, str]]:
    """The order in which MkDocs finds ``uri`` in a docs folder (folders sorted by name, files
    before subfolders, ``index`` first), so that the sitemap lists the
    pages as a plain ``mkdocs build`` of ``tiltakshefte export`` does."""
    *folders, name = uri.split("/")
    stem = name.rsplit(".", 1)[0]
    return [(1, folder) for folder in folders] + [(0, f"{stem not in ('index', 'README'):d}{name}")]


def write_mkdocs_yml(directory: Path, settings: dict[str, Any]) -> Path:
    """Write ``mkdocs.yml`` into ``directory`` and return its path."""
    path = directory / "mkdocs.yml"
    path.write_text(config_yaml(settings), "utf-8")
    return path


def load_mkdocs_config(work: Path, settings: dict[str, Any]) -> MkDocsConfig:
    """MkDocs' configuration for ``settings``, written to ``work/mkdocs.yml`` and read back."""
    return load_config(config_file=str(write_mkdocs_yml(work, settings)))


def our_plugin(config: MkDocsConfig) -> TiltakshefttePlugin:
    """The instance of our plugin in ``config``."""
    plugin = config.plugins["tiltakshefte"]
    assert isinstance(plugin, TiltakshefttePlugin)
    return plugin


def run_build(output: SiteOutput, project: Project, site_dir: Path,
              on_page: Callable[[], None] | None = None) -> None:
    """Build the site into ``site_dir`` with MkDocs and Material; ``on_page`` is called
    after each page is written."""
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-") as work:
        docs = Path(work) / "docs"
        docs.mkdir()
        settings = output.mkdocs_settings(docs, project.theme_dir, site_dir, str(project.root))
        config = load_mkdocs_config(Path(work), settings)
        our_plugin(config).site = SiteInput(output)
        our_plugin(config).on_page_done = on_page
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()


def run_serve(project: Project, host: str, port: int) -> None:
    """Serve the site with live reload (see :mod:`generator.mkdocs_serve`)."""
    from .mkdocs_serve import serve

    serve(project, host, port)
