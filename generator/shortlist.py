"""«Min liste» and «Lag plan»: one small JSON file per measure, under ``data/liste/``.

The list and plan pages fetch only the files of the measures a reader has chosen, so no
page grows with the catalogue: a normal page carries one button per measure shown, and
the list page fetches one file per measure on the list.

Every text is plain (Markdown is rendered, sanitised and stripped of tags here), and the
script puts it in the page as text, never as HTML.
"""

from __future__ import annotations

import json
from typing import Any

from . import vocab
from .evidence import measure_facts
from .graph import Site
from .markup import plain_text
from .models import SourceRef
from .records import Measure, Source
from .urls import doc_url, record_doc

SHORTLIST_DIR = "data/liste"
# Long enough for any step or pitfall in one piece (the cut is for meta descriptions).
_NO_LIMIT = 100_000


def shortlist_files(site: Site) -> dict[str, str]:
    """Site path → JSON text for every measure's list entry."""
    return {f"{SHORTLIST_DIR}/{m.id}.json": json.dumps(shortlist_entry(site, m),
                                                       ensure_ascii=False, indent=1) + "\n"
            for m in site.measures()}


def shortlist_entry(site: Site, measure: Measure) -> dict[str, Any]:
    """What the list and plan pages show of one measure; URLs are relative to the site root."""
    facts = measure_facts(site, measure)
    return {
        "id": measure.id,
        "navn": measure.name,
        "url": doc_url(record_doc("measures", measure.id)),
        "sammendrag": measure.summary,
        "mal": [vocab.AIMS[a] for a in measure.aims],
        "malgrupper": [vocab.TARGET_GROUPS[g] for g in measure.target_groups],
        "kunnskapsgrunnlag": {"niva": facts.evidence, "navn": facts.evidence_label},
        "ressursbehov": {"niva": measure.resource_need,
                         "navn": vocab.RESOURCE_NEEDS[measure.resource_need],
                         "merknad": _plain(measure.resource_note or "")},
        "provd_i": [{"navn": site.get("pilots", p).display_name(),
                     "url": doc_url(record_doc("pilots", p))} for p in facts.pilots],
        "kommuner": [site.get("municipalities", m).display_name() for m in facts.municipalities],
        "kom_i_gang": [_plain(step) for step in measure.getting_started],
        "fallgruver": [_plain(pitfall) for pitfall in measure.pitfalls],
        "kilder": _sources(site, _measure_refs(site, measure)),
    }


def _plain(markdown_text: str) -> str:
    return plain_text(markdown_text, _NO_LIMIT) if markdown_text else ""


def _measure_refs(site: Site, measure: Measure) -> list[SourceRef]:
    """The measure's own sources, then those of its uses and results, each place once."""
    refs = list(measure.sources)
    for _, use in site.measure_uses.get(measure.id, []):
        refs += use.sources
        for result in use.results:
            refs += result.sources
    seen: set[tuple[str, str]] = set()
    unique = []
    for ref in refs:
        if (ref.source, ref.location) not in seen:
            seen.add((ref.source, ref.location))
            unique.append(ref)
    return unique


def _sources(site: Site, refs: list[SourceRef]) -> list[dict[str, str]]:
    """One entry per source document, with every place in it, in the order first cited."""
    places: dict[str, list[str]] = {}
    for ref in refs:
        places.setdefault(ref.source, []).append(ref.location)
    entries = []
    for source_id, locations in places.items():
        source = site.get("sources", source_id)
        assert isinstance(source, Source)
        entries.append({"navn": source.series or source.title, "tittel": source.title,
                        "sted": "; ".join(locations),
                        "url": doc_url(record_doc("sources", source_id))})
    return entries
