"""«Kunnskapskart»: the measures set against aims (rows) and target groups (columns).

Every number in the map is counted here from the records: which measures fall in a cell,
how many of them were tried in a pilot, and the strongest evidence level among those.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from . import vocab
from .evidence import EVIDENCE_LEVELS, measure_facts
from .graph import Site

# What a cell's strongest evidence says about the cell. The two gaps are named on the page.
GAP_UNTRIED = "ikke-provd"
GAP_UNMEASURED = "ikke-malt"
MEASURED = "malt"
CELL_KINDS: dict[str, tuple[str, str]] = {
    MEASURED: ("Målt", "Minst ett tiltak i ruta har resultater med tall."),
    GAP_UNMEASURED: ("Prøvd, ikke målt", "Tiltak er prøvd, men ingen resultater har tall."),
    GAP_UNTRIED: ("Ikke prøvd", "Ingen tiltak i ruta er prøvd i pilotene."),
}

# The evidence levels in the cells' few words (the full names are in the legend).
SHORT_LABELS: dict[int, str] = {
    4: "Målt i flere piloter",
    3: "Målt i én pilot",
    2: "Uten tall",
    1: "Uten resultat",
    0: "Ikke prøvd",
}

# Catalogue filter for «tried in a pilot»: every evidence level but 0.
TRIED_LEVELS = [str(level) for level in sorted(EVIDENCE_LEVELS) if level > 0]


@dataclass(frozen=True)
class MapCell:
    """One aim × target group: the measures there and what is known of them."""

    aim: str
    group: str
    measures: tuple[str, ...]  # every measure with this aim and target group
    tried: tuple[str, ...]  # those tried in at least one pilot
    strongest: int  # the strongest evidence level among the tried ones (0 if none)

    @property
    def kind(self) -> str:
        """Measured, tried but not measured, or not tried (see :data:`CELL_KINDS`)."""
        if not self.tried:
            return GAP_UNTRIED
        return MEASURED if self.strongest >= 3 else GAP_UNMEASURED

    @property
    def untried(self) -> int:
        """Measures in the cell that no pilot tried."""
        return len(self.measures) - len(self.tried)

    def query(self, tried_only: bool = True) -> str:
        """The catalogue's URL state that shows exactly this cell's tried measures (or,
        with ``tried_only`` false, all its measures)."""
        params = {"target_groups": self.group, "aims": self.aim}
        if tried_only:
            params["evidence"] = ",".join(TRIED_LEVELS)
        return "?" + urlencode(params, safe=",")


def evidence_map(site: Site) -> list[list[MapCell]]:
    """The map's rows (one per aim, in vocabulary order), each a cell per target group."""
    levels = {m.id: measure_facts(site, m).evidence for m in site.measures()}
    rows = []
    for aim in vocab.AIMS:
        row = []
        for group in vocab.TARGET_GROUPS:
            ids = tuple(m.id for m in site.measures()
                        if aim in m.aims and group in m.target_groups)
            tried = tuple(i for i in ids if levels[i] > 0)
            row.append(MapCell(aim, group, ids, tried, max((levels[i] for i in tried),
                                                           default=0)))
        rows.append(row)
    return rows


def gap_counts(rows: list[list[MapCell]]) -> dict[str, int]:
    """How many cells are of each kind."""
    counts = dict.fromkeys(CELL_KINDS, 0)
    for row in rows:
        for cell in row:
            counts[cell.kind] += 1
    return counts
