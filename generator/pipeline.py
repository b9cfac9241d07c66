"""The pure core, end to end: load → validate → resolve → check → render.

Nothing here imports MkDocs; :mod:`generator.mkdocs_adapter` hands the rendered
pages to MkDocs, and :mod:`generator.export` writes them as plain files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import editorial_warnings
from .config import SiteConfig, load_site_config
from .content import ContentTree, LoadCache, load_content
from .graph import Site, resolve
from .links import check_links
from .problems import ContentError, Problem
from .sitemap import collision_problems, link_targets


@dataclass(frozen=True)
class Project:
    """The folders and files of a tiltakshefte project."""

    root: Path

    @property
    def content_dir(self) -> Path:
        """``content/``: one YAML record per file."""
        return self.root / "content"

    @property
    def theme_dir(self) -> Path:
        """``theme/``: Material overrides (MkDocs ``custom_dir``)."""
        return self.root / "theme"

    @property
    def config_file(self) -> Path:
        """``site_config.yml``."""
        return self.root / "site_config.yml"


def check_content(
    project: Project, cache: LoadCache | None = None
) -> tuple[Site | None, list[Problem]]:
    """Load, validate and resolve all content; return the site and every problem.

    With a ``cache`` (kept by ``serve``), files that have not changed are not read again.
    """
    tree = load_content(project.content_dir, cache)
    site, ref_problems = resolve(tree)
    problems = _merge(tree.problems, ref_problems) + _page_problems(tree, project)
    if not any(p.severity == "error" for p in problems):
        problems.extend(editorial_warnings(site))
        return site, sorted(problems)
    return None, sorted(problems)


def load_project(
    project: Project, strict: bool = True, cache: LoadCache | None = None,
    warnings: list[Problem] | None = None,
) -> tuple[SiteConfig, Site]:
    """Load settings and content, raising :class:`ContentError` if anything is wrong.

    Warnings that do not stop the build (``strict=False``) are added to ``warnings``.
    """
    config = load_site_config(project.config_file)
    site, problems = check_content(project, cache)
    failing = [p for p in problems if p.severity == "error" or strict]
    if site is None or failing:
        raise ContentError(failing or problems)
    if warnings is not None:
        warnings.extend(problems)
    return config, site


def _page_problems(tree: ContentTree, project: Project) -> list[Problem]:
    """Pages that would overwrite each other, records with the same name, broken links."""
    problems = collision_problems(tree)
    targets = link_targets(tree, project.content_dir)
    for kind, raw in tree.parsed:
        problems.extend(check_links(kind, raw, targets))
    return problems


def _merge(schema: list[Problem], references: list[Problem]) -> list[Problem]:
    """Combine schema and reference problems; for a malformed id keep the reference message,
    which says the same and suggests the right id."""
    referenced = {(p.file, p.path) for p in references}
    kept = [p for p in schema
            if not (p.message.startswith("ugyldig id") and (p.file, p.path) in referenced)]
    return kept + references
