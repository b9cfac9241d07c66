"""The pages the site will have, known before anything is rendered: so that two pages that
would write the same URL, or two records with the same name, are errors with both files
named, and links can be checked against the real list of pages."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import vocab
from .booklets import booklet_doc
from .content import NON_RECORD_DIRS, ContentTree
from .graph import Site
from .links import LinkTargets
from .messages import message
from .problems import ContentError, Problem
from .records import KIND_LABELS
from .urls import LINK_PREFIXES, doc_url, record_doc

if TYPE_CHECKING:
    from .render import RenderedPage

# Kinds with a page of their own per record (terms and datasets are parts of a page).
PAGE_KINDS = ("pilots", "municipalities", "measures", "organisations", "sources", "pages")


def section_docs(site: Site | None = None) -> list[str]:
    """The docs paths of the section pages, in the order the renderer makes them.

    Without the ``site`` (validation, before the site is built), the pages whose number
    depends on the content (the catalogue's pages, the booklets per aim) are listed for an
    empty catalogue, and a booklet is listed for every aim."""
    from types import SimpleNamespace

    from .render import Renderer, _section_pages

    # The section list is read without rendering: the page functions only read the site
    # and settings when they are called, and only the title and description when listed.
    source = site if site is not None else SimpleNamespace(measures=list)
    stub = SimpleNamespace(site=source, config=SimpleNamespace(title="", description=""))
    docs = [doc for doc, _ in _section_pages(cast(Renderer, stub))]
    return docs if site is not None else docs + [booklet_doc(aim) for aim in vocab.AIMS]


def page_owners(tree: ContentTree) -> dict[str, list[tuple[str, str]]]:
    """URL → every ``(owner, named form or docs path)`` that would write it."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc in section_docs():
        owners[doc_url(doc)].append((message("section_owner", doc=doc), doc))
    for kind, raw in tree.parsed:
        record_id = raw.data.get("id")
        if kind in PAGE_KINDS and isinstance(record_id, str):
            url = doc_url(record_doc(kind, record_id))
            owners[url].append((raw.file, f"{LINK_PREFIXES[kind]}:{record_id}"))
    return owners


def collision_problems(tree: ContentTree) -> list[Problem]:
    """Two pages at one URL, and two records of one kind with the same name."""
    problems = []
    positions = {raw.file: raw for _, raw in tree.parsed}
    for url, owners in page_owners(tree).items():
        files = [owner for owner, _ in owners if owner in positions]
        for file in files:
            others = [owner for owner, _ in owners if owner != file]
            if others:
                line, col = positions[file].position(("id",))
                text = message("url_collision", url=url, others=" og ".join(others))
                problems.append(Problem(file, line, col, "id", text))
    return problems + _same_names(tree)


def _same_names(tree: ContentTree) -> list[Problem]:
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    positions = {item.raw.file: item for item in tree.loaded}
    for item in tree.loaded:
        if item.kind in PAGE_KINDS:
            by_name[(item.kind, item.record.display_name().strip().lower())].append(item.raw.file)
    problems = []
    for (kind, _), files in by_name.items():
        for file in files:
            others = [other for other in files if other != file]
            if others:
                item = positions[file]
                field = next((f for f in ("name", "title") if f in item.raw.data), "id")
                line, col = item.raw.position((field,))
                text = message("same_name", kind=KIND_LABELS[kind][0],
                               name=item.record.display_name(), others=_some(others))
                problems.append(Problem(file, line, col, field, text))
    return problems


def _some(files: list[str], limit: int = 3) -> str:
    """«a og b», or «a, b, c og 7 andre filer» for a long list."""
    if len(files) <= limit:
        return " og ".join(files)
    return f"{', '.join(files[:limit])} og {len(files) - limit} andre filer"


def link_targets(tree: ContentTree, content_dir: Path) -> LinkTargets:
    """Everything an internal link may point at."""
    # Every file's id counts, also a file with errors: its own problems are reported, and a
    # link to it is not broken as well.
    pages = {doc_url(doc): doc for doc in section_docs()}
    for kind in PAGE_KINDS:
        for record_id in tree.ids.get(kind, set()):
            pages[doc_url(record_doc(kind, record_id))] = f"{LINK_PREFIXES[kind]}:{record_id}"
    files: set[str] = set()
    for folder in NON_RECORD_DIRS:
        base = content_dir / folder
        if base.is_dir():
            files.update(f"{folder}/{p.relative_to(base).as_posix()}"
                         for p in base.rglob("*") if p.is_file())
    return LinkTargets({kind: set(ids) for kind, ids in tree.ids.items()}, pages, files)


def check_unique_urls(pages: list[RenderedPage]) -> None:
    """The last guard against a page silently overwriting another (``validate`` reports
    the records first, with their lines; this catches a section added without a check)."""
    seen: dict[str, RenderedPage] = {}
    for page in pages:
        url = doc_url(page.doc)
        other = seen.setdefault(url, page)
        if other is not page:
            owners = " og ".join(p.source_file or p.doc for p in (other, page))
            text = message("url_collision_pages", url=url, others=owners)
            raise ContentError([Problem(page.source_file or page.doc, 1, 1, "", text)])
