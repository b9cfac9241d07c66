"""The one place that hands our rendered pages to Zensical: the second engine.

Zensical (the successor of Material for MkDocs, by its authors) reads ``mkdocs.yml`` but has
no plugin API yet, so it builds what ``tiltakshefte export`` writes: the same pages, the same
files and the same settings as the MkDocs build, with the few differences that
:func:`zensical_settings` and :func:`write_project` name. Then
:func:`generator.builthtml.fix_site` makes the same fixes in the built pages as the MkDocs
plugin makes page by page. This module has the same interface
as :mod:`generator.mkdocs_adapter` (``run_build``, ``run_serve``) and is the only one that
imports Zensical.
"""

from __future__ import annotations

import copy
import filecmp
import logging
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .builthtml import fix_site
from .content import LoadCache
from .mkdocs_config import config_yaml
from .output import SiteOutput, export, render_project
from .pipeline import Project
from .problems import ContentError

report = logging.getLogger("tiltakshefte.serve")

# Material's look ("classic"); our stylesheet is written against it. Zensical's own
# ("modern") draws the header, the tabs and the tables of contents differently.
VARIANT = "classic"
CONFIG_NAME = "zensical.yml"
POLL_INTERVAL = 0.2  # seconds between looks for saved files while serving


def zensical_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The export's MkDocs settings as Zensical is to build them.

    * Zensical's own search is off: its index refuses very long pages (a source page that
      lists every page built on it, at a few thousand measures), and the site's search is
      engine-neutral (it indexes the built HTML).
    * No MkDocs hook (Zensical runs none): :func:`fix_site` does the hook's work afterwards.
    * No MkDocs plugins: Zensical ignores those it does not know, ours included.
    * The theme variant that looks like Material (:data:`VARIANT`).
    """
    result = copy.deepcopy(settings)
    result["plugins"] = [{"search": {"enabled": False}}]
    result.pop("hooks", None)
    result["theme"]["variant"] = VARIANT
    result["site_dir"] = "site"
    return result


def write_project(output: SiteOutput, project: Project, target: Path) -> Path:
    """Export the site into ``target`` and add Zensical's settings; return their path.

    Every page becomes a folder's ``index.md`` (``tiltak/mentorordning.md`` is written as
    ``tiltak/mentorordning/index.md``): the same URL, but Zensical reads the relative links
    in a page's HTML as relative to the page's file, and ours are relative to its URL.
    """
    export(output, project, target)
    docs = target / "docs"
    for page in output.pages:
        folder_page = as_folder_page(page.doc)
        if folder_page != page.doc:
            (docs / folder_page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page.doc).rename(docs / folder_page)
    settings = output.mkdocs_settings(Path("docs"), Path("theme"), None, None)
    settings["nav"] = [{title: as_folder_page(doc) for title, doc in entry.items()}
                       for entry in settings["nav"]]
    path = target / CONFIG_NAME
    path.write_text(config_yaml(zensical_settings(settings)), "utf-8")
    return path


def as_folder_page(doc: str) -> str:
    """The docs path of a page as a folder's index (the same URL with directory URLs)."""
    if doc == "index.md" or doc.endswith("/index.md") or not doc.endswith(".md"):
        return doc
    return doc.removesuffix(".md") + "/index.md"


def run_build(output: SiteOutput, project: Project, site_dir: Path) -> None:
    """Build the site into ``site_dir`` with Zensical (which must be installed)."""
    import zensical

    # Zensical writes only inside the folder of its settings file: build next to site_dir
    # (same file system) and move the result into place.
    with tempfile.TemporaryDirectory(prefix=".zensical-", dir=site_dir.parent) as work:
        config = write_project(output, project, Path(work))
        # Strict, as the MkDocs build: a warning stops the build (reported as BuildFailed).
        zensical.build(str(config), {"clean": True, "strict": True})
        built = Path(work) / "site"
        fix_site(built)
        built.rename(site_dir)


def run_serve(project: Project, host: str, port: int) -> None:
    """Serve the site with Zensical's live reload; our watcher exports again on each save.

    Zensical serves from a child process: on Ctrl+C it ends its process at once, which
    would leave our temporary export behind. Here it is stopped, and the export removed,
    on Ctrl+C and on SIGTERM alike.
    """
    _show_progress()
    signal.signal(signal.SIGTERM, _stop)
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-zensical-") as work:
        exporter = _Exporter(project, f"http://{host}:{port}/", Path(work))
        exporter.export()
        server = subprocess.Popen([sys.executable, "-m", "zensical", "serve", "-f",
                                   str(exporter.config), "-a", f"{host}:{port}"])
        report.info("Viser nettstedet med Zensical på http://%s:%d/ (Ctrl+C avslutter).",
                    host, port)
        try:
            exporter.watch(until=lambda: server.poll() is not None)
        except KeyboardInterrupt:
            pass
        finally:
            _end(server)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _end(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class _Exporter:
    """Keeps an export up to date with the project; Zensical watches the export."""

    def __init__(self, project: Project, site_url: str, work: Path) -> None:
        self.project, self.site_url, self.work = project, site_url, work
        self.config = work / CONFIG_NAME
        self.cache = LoadCache()

    def export(self) -> None:
        """Render the project and copy what changed into the export (so Zensical, which
        watches the export, rebuilds only that). Content errors keep the last good export."""
        start = time.perf_counter()
        output = render_project(self.project, strict=False, site_url=self.site_url,
                                cache=self.cache)
        with tempfile.TemporaryDirectory(dir=self.work) as fresh:
            write_project(output, self.project, Path(fresh))
            changed = _sync(Path(fresh), self.work, keep={Path(fresh).name, "site", ".cache"})
        report.info("Eksportert %d endrede filer på %.2f s.", changed,
                    time.perf_counter() - start)

    def watch(self, until: Callable[[], bool]) -> None:
        """Export again whenever a file under content/ or theme/, or the settings, change,
        until ``until()`` is true."""
        seen = _signature(self.project)
        while not until():
            time.sleep(POLL_INTERVAL)
            now = _signature(self.project)
            if now == seen:
                continue
            seen = now
            try:
                self.export()
            except ContentError as exc:
                for problem in exc.problems:
                    report.error(problem.format())
                report.error("Innholdet har feil; viser forrige gode versjon til feilen er "
                             "rettet.")


def _signature(project: Project) -> list[tuple[str, int, int]]:
    found = [(str(project.config_file), *_stat(project.config_file))]
    for folder in (project.content_dir, project.theme_dir):
        found += [(str(p), *_stat(p)) for p in sorted(folder.rglob("*")) if p.is_file()]
    return found


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _sync(source: Path, target: Path, keep: set[str]) -> int:
    """Make ``target`` hold what ``source`` holds (except the top-level names in ``keep``),
    touching only files that differ; return how many files were written or removed."""
    changed = 0
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        old, new = target / relative, source / relative
        if not old.is_file() or not filecmp.cmp(old, new, shallow=False):
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(new, old)
            changed += 1
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target)
        if relative.parts[0] in keep or relative in wanted:
            continue
        if path.is_file():
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def _show_progress() -> None:
    if not report.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        report.addHandler(handler)
        report.setLevel(logging.INFO)
        report.propagate = False
