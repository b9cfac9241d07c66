"""Everything the site consists of, in memory, and the engine-free ways to write it."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import builthtml
from .changes import FEED_LIMIT, atom_feed, content_changes
from .config import SiteConfig
from .content import NON_RECORD_DIRS, LoadCache
from .datafiles import render_data_files
from .history import read_history
from .mkdocs_config import config_yaml, mkdocs_config
from .opendata import open_data_files
from .pagecache import PageCache
from .pipeline import Project, load_project
from .planforms import template_files
from .problems import Problem
from .progress import Progress, quiet_progress
from .render import RenderedPage, navigation, render_pages
from .shortlist import shortlist_files
from .sitemap import PAGE_KINDS, section_docs


@dataclass
class SiteOutput:
    """Rendered pages, files copied as they are, and generated non-page files."""

    config: SiteConfig
    pages: list[RenderedPage]
    static_files: list[tuple[str, Path]] = field(default_factory=list)
    extra_files: dict[str, str | bytes] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def mkdocs_settings(self, docs_dir: Path, theme_dir: Path, site_dir: Path | None,
                        project_root: str | None, strict: bool = True) -> dict[str, Any]:
        """MkDocs settings for these pages; with ``project_root``, our plugin is enabled."""
        plugin = None if project_root is None else {"project": project_root, "strict": strict}
        settings = mkdocs_config(self.config, navigation(self.config, self.pages), docs_dir,
                                 theme_dir, site_dir, plugin)
        settings["strict"] = strict
        return settings


def render_project(
    project: Project, strict: bool = True, site_url: str | None = None,
    cache: LoadCache | None = None, page_cache: PageCache | None = None,
    progress: Progress | None = None,
) -> SiteOutput:
    """Load, check and render the whole project; raises ContentError on problems.

    ``serve`` keeps a ``cache`` of loaded files and a ``page_cache`` of rendered pages
    between builds, so that only what an edit may change is done again.
    """
    progress = progress or quiet_progress()
    warnings: list[Problem] = []
    with progress.stage("content"):
        config, site = load_project(project, strict=strict, cache=cache, warnings=warnings)
    config = config.with_site_url(site_url)
    history = read_history(project.root)
    total = sum(len(site.items.get(kind, {})) for kind in PAGE_KINDS) + len(section_docs(site))
    with progress.stage("render", total) as stage:
        pages = render_pages(site, config, history, page_cache,
                             project.content_dir / "files", stage.advance)
    extra: dict[str, str | bytes] = dict(_extra_files(config))
    extra.update(open_data_files(site, config))
    extra.update(shortlist_files(site))
    extra["feed.xml"] = atom_feed(config, content_changes(site, history.changes, FEED_LIMIT))
    templates = template_files(project.content_dir / "files")  # text with BOM, and .docx
    extra.update(templates)
    extra.update(render_data_files(site, config, history))
    static = [(uri, path) for uri, path in _static_files(project) if uri not in templates]
    return SiteOutput(config, pages, static, extra, warnings)


def _static_files(project: Project) -> list[tuple[str, Path]]:
    files = []
    for folder in sorted(NON_RECORD_DIRS):
        base = project.content_dir / folder
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files.append((f"{folder}/{path.relative_to(base).as_posix()}", path))
    return files


def _extra_files(config: SiteConfig) -> dict[str, str]:
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n"
    return {"robots.txt": robots}


def export(output: SiteOutput, project: Project, target: Path) -> None:
    """Write ``target/mkdocs.yml`` and ``target/docs/`` for a plain ``mkdocs build``."""
    docs = target / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for page in output.pages:
        _write(docs / page.doc, page.text())
    for uri, path in output.static_files:
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / uri)
    for uri, content in output.extra_files.items():
        _write(docs / uri, content)
    theme = target / "theme"
    if theme.exists():
        shutil.rmtree(theme)
    shutil.copytree(project.theme_dir, theme)
    settings = output.mkdocs_settings(Path("docs"), Path("theme"), None, None)
    settings.pop("site_dir", None)
    settings["hooks"] = [_write_hook(target)]
    (target / "mkdocs.yml").write_text(config_yaml(settings), encoding="utf-8")
    from .search_index import export_files  # it writes into built sites with replace_directory

    for name, text in export_files("site").items():
        _write(target / name, text)


def _write_hook(target: Path) -> str:
    """Copy the pass over built pages (:mod:`generator.builthtml`) into the export as an
    MkDocs hook; return its path relative to ``mkdocs.yml``."""
    hook = Path("hooks") / "builthtml.py"
    (target / hook).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(builthtml.__file__), target / hook)
    return hook.as_posix()


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def replace_directory(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with renames, so readers never see a mix."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    if old.exists():
        shutil.rmtree(old)
