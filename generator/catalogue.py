"""The measures overview: its facets and their counts, and its pages when it is large.

Up to CATALOGUE_PAGE measures, ``tiltak/`` holds every card, as it always has. A larger
catalogue is split into pages of CATALOGUE_PAGE cards (``tiltak/``, ``tiltak/side-2/`` …),
which work without JavaScript; the filters then draw their results from one data file
(CATALOGUE_DATA: every card's facets, search text and HTML), fetched only when the reader
first filters, searches or sorts. The first view stays the same size however many measures
there are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import vocab
from .evidence import EVIDENCE_LEVELS, MeasureFacts, measure_facts
from .graph import Site

CATALOGUE_PAGE = 100
CATALOGUE_DATA = "tiltak/kort.json"
# «Sammenlign tiltak» holds every measure up to COMPARE_INLINE; beyond, each measure is a
# file of its own in COMPARE_PARTS, fetched when a reader chooses it.
COMPARE_INLINE = 100
COMPARE_PARTS = "tiltak/sammenlign/deler/"


def catalogue_docs(site: Site) -> list[str]:
    """The docs paths of the overview's pages: ``tiltak/index.md``, ``tiltak/side-2.md`` …"""
    count = max(1, -(-len(site.measures()) // CATALOGUE_PAGE))
    return ["tiltak/index.md"] + [f"tiltak/side-{n}.md" for n in range(2, count + 1)]


def catalogue_context(site: Site, number: int = 1) -> dict[str, Any]:
    """The overview's page ``number``: its cards, the pager, and the facets as
    (name, title, [(value, label)]) in display order."""
    pilots = site.pilots()
    county_ids: set[str] = set()
    for pilot in pilots:
        county_ids.update(pilot.counties)

    def counties_of(facts: MeasureFacts) -> list[str]:
        found = {c for p in pilots if p.id in facts.pilots for c in p.counties}
        return sorted(found)

    facets = [
        ("target_groups", "Målgruppe", list(vocab.TARGET_GROUPS.items())),
        ("aims", "Mål", list(vocab.AIMS.items())),
        ("pilots", "Pilot", [(p.id, p.name) for p in pilots]),
        ("counties", "Fylke", [(c, vocab.COUNTIES[c]) for c in vocab.COUNTIES if c in county_ids]),
        ("evidence", "Kunnskapsgrunnlag",
         [(str(level), label) for level, (label, _) in EVIDENCE_LEVELS.items()]),
        ("resource_need", "Ressursbehov", list(vocab.RESOURCE_NEEDS.items())),
    ]
    measures = site.measures()
    docs = catalogue_docs(site)
    start = (number - 1) * CATALOGUE_PAGE
    return {"facets": facets, "counties_of": counties_of, "counts": facet_counts(site, counties_of),
            "shown": measures[start:start + CATALOGUE_PAGE], "page_number": number,
            "page_docs": docs, "first_shown": start + 1,
            "data_file": CATALOGUE_DATA if len(docs) > 1 else None}


def card_data(site: Site, render_card: Callable[[Any, Any], str]) -> str:
    """The data file: every card's HTML, whose data attributes are what the filters read."""
    counties_of = catalogue_context(site)["counties_of"]
    cards = [render_card(measure, counties_of).strip() for measure in site.measures()]
    return json.dumps({"kort": cards}, ensure_ascii=False, separators=(",", ":"))


def facet_counts(site: Site, counties_of: Callable[[MeasureFacts], list[str]]
                 ) -> dict[str, dict[str, int]]:
    """Facet → value → how many measures have it: the counts with no filter chosen, written
    into the page so that the catalogue need not count at start-up."""
    # Every facet, so that a catalogue with no measures yet still renders its filters.
    counts: dict[str, dict[str, int]] = {facet: {} for facet in (
        "target_groups", "aims", "pilots", "counties", "evidence", "resource_need")}
    for measure in site.measures():
        facts = measure_facts(site, measure)
        values = {"target_groups": measure.target_groups, "aims": measure.aims,
                  "pilots": facts.pilots, "counties": counties_of(facts),
                  "evidence": [str(facts.evidence)], "resource_need": [measure.resource_need]}
        for facet, chosen in values.items():
            for value in chosen:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts
