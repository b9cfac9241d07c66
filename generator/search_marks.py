"""What each page tells the search index about itself (pure data, no engine, no Pagefind).

A page with a ``pagefind`` entry in its front matter has its main content indexed;
``theme/main.html`` turns the entry into Pagefind's attributes (``data-pagefind-body``,
``-meta``, ``-filter``). Pages without one (the home page, the catalogue, the booklet and
the comparison, which repeat the measure pages' text) are left out, so a search finds each
thing once, on the page about it.
"""

from __future__ import annotations

from typing import Any

from . import vocab
from .records import Measure, Record

# The kind shown beside each result and offered as a filter chip, by content folder.
KIND_NAMES: dict[str, str] = {
    "measures": "Tiltak",
    "pilots": "Pilot",
    "municipalities": "Kommune",
    "organisations": "Organisasjon",
    "sources": "Kilde",
    "pages": "Side",
}
TERM_KIND = "Begrep"
NUMBERS_KIND = "Tall"
PAGE_KIND = "Side"

# Filter keys in the index. «tiltak» holds each measure page's id, so the catalogue can ask
# which measures match a text without fetching any result's text (search.js).
KIND_FILTER, AIM_FILTER, GROUP_FILTER, MEASURE_FILTER = "type", "mål", "målgruppe", "tiltak"


def search_entry(kind: str, title: str, filters: dict[str, list[str]] | None = None
                 ) -> dict[str, Any]:
    """The front-matter entry that puts a page in the index as ``kind``."""
    return {"pagefind": {"title": title, "kind": kind,
                         "filters": {KIND_FILTER: [kind], **(filters or {})}}}


def record_entry(folder: str, record: Record) -> dict[str, Any]:
    """The entry for a record's own page; a measure also gets its aims and target groups."""
    filters: dict[str, list[str]] = {}
    if isinstance(record, Measure):
        filters = {AIM_FILTER: [vocab.AIMS[a] for a in record.aims],
                   GROUP_FILTER: [vocab.TARGET_GROUPS[g] for g in record.target_groups],
                   MEASURE_FILTER: [record.id]}
    return search_entry(KIND_NAMES[folder], record.display_name(), filters)
