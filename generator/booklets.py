"""The booklet split into parts: one booklet per aim, in parts of at most PART_SIZE measures.

A single booklet of every measure grows with the catalogue (about 6 KiB of HTML per
measure: 30 MB at 5,000 measures), so each aim gets its own booklet and a long one is
split into numbered parts. While the whole catalogue is small, «Hele tiltaksheftet»
still holds every measure on one page, as printed booklets always have.

The booklets sit beside the measures (``tiltak/hefte-rekruttere/``), at the depth of a
measure page, because links in the content's text are written relative to that depth.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .graph import Site
from .records import Measure

# Measures per booklet page: keeps every page far under 2 MB of HTML.
PART_SIZE = 100
BOOKLET_INDEX = "tiltak/hefte.md"


@dataclass(frozen=True)
class BookletPart:
    """One booklet page: the measures with one aim, or a numbered part of them."""

    doc: str
    aim: str
    label: str
    number: int
    parts: int
    measures: list[Measure]

    @property
    def title(self) -> str:
        """«Tiltakshefte: Rekruttere», with «del 2 av 3» when the aim has several parts."""
        part = f", del {self.number} av {self.parts}" if self.parts > 1 else ""
        return f"Tiltakshefte: {self.label}{part}"


def whole_booklet(site: Site) -> bool:
    """Whether «Hele tiltaksheftet» can hold every measure on its own page."""
    return len(site.measures()) <= PART_SIZE


def booklet_doc(aim: str, suffix: str = "") -> str:
    """The docs path of an aim's booklet (``suffix`` numbers its later parts: ``-2``)."""
    return f"tiltak/hefte-{aim}{suffix}.md"


def booklet_parts(site: Site) -> list[BookletPart]:
    """Every aim's booklet pages, in the order of the aims; aims no measure has are left out."""
    parts = []
    measures = site.measures()
    for aim, label in vocab.AIMS.items():
        chosen = [m for m in measures if aim in m.aims]
        chunks = [chosen[i:i + PART_SIZE] for i in range(0, len(chosen), PART_SIZE)]
        for number, chunk in enumerate(chunks, start=1):
            suffix = "" if number == 1 else f"-{number}"
            parts.append(BookletPart(booklet_doc(aim, suffix), aim, label, number,
                                     len(chunks), chunk))
    return parts
