"""Where each record's page lives, and relative URLs between pages."""

from __future__ import annotations

from functools import cache

# Folder (and URL segment) for each kind's pages, in Norwegian.
KIND_DIRS: dict[str, str] = {
    "pilots": "piloter",
    "municipalities": "kommuner",
    "measures": "tiltak",
    "organisations": "organisasjoner",
    "sources": "kilder",
}
GLOSSARY_PAGE = "ordliste.md"


def record_doc(kind: str, record_id: str) -> str:
    """The docs path of a record's page, e.g. ``tiltak/mentorordning.md``."""
    if kind == "terms":
        return f"{GLOSSARY_PAGE}#{record_id}"
    if kind == "pages":
        return f"{record_id}.md"
    if kind == "datasets":
        return f"tall.md#datasett-{record_id}"
    return f"{KIND_DIRS[kind]}/{record_id}.md"


def index_doc(kind: str) -> str:
    """The docs path of a kind's overview page."""
    return f"{KIND_DIRS[kind]}/index.md"


def doc_url(doc: str) -> str:
    """The site URL path (directory URLs) of a docs path: ``tiltak/x.md`` → ``tiltak/x/``."""
    path, _, anchor = doc.partition("#")
    url = path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/"
    return url + (f"#{anchor}" if anchor else "")


@cache  # thousands of links per build, between a few hundred pages
def relative_url(from_doc: str, to_doc: str) -> str:
    """A relative URL from the page of ``from_doc`` to the page of ``to_doc``."""
    path, _, anchor = doc_url(to_doc).partition("#")
    rel = _relpath(path, doc_url(from_doc))
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(target: str, here: str) -> str:
    """``posixpath.relpath`` for the clean, ``..``-free site paths we generate (much faster)."""
    to = [part for part in target.split("/") if part]
    base = [part for part in here.split("/") if part]
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


@cache
def relative_file(from_doc: str, target: str) -> str:
    """A relative URL from the page of ``from_doc`` to a file such as ``assets/x.js``."""
    return _relpath(target, doc_url(from_doc))


# Links by name in Markdown: ``[tekst](tiltak:mentorordning)``, prefix → record kind.
LINK_KINDS: dict[str, str] = {
    "tiltak": "measures",
    "pilot": "pilots",
    "kommune": "municipalities",
    "organisasjon": "organisations",
    "kilde": "sources",
    "side": "pages",
    "ord": "terms",
    "datasett": "datasets",
}
LINK_PREFIXES = {kind: prefix for prefix, kind in LINK_KINDS.items()}


def named_target(url: str) -> tuple[str, str, str] | None:
    """``tiltak:x#avsnitt`` → ``("measures", "x", "avsnitt")``; None for any other URL."""
    prefix, colon, rest = url.partition(":")
    if not colon or prefix not in LINK_KINDS:
        return None
    record_id, _, anchor = rest.partition("#")
    return LINK_KINDS[prefix], record_id, anchor
