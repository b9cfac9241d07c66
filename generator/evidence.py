"""Headline ratings for measures, computed from the content, never typed by hand."""

from __future__ import annotations

from dataclasses import dataclass

from .graph import Site
from .records import Measure, Pilot

# Highest first. The criteria are published on the «Slik vurderer vi» page.
EVIDENCE_LEVELS: dict[int, tuple[str, str]] = {
    4: ("Målt i flere piloter", "Resultater med tall fra to eller flere piloter."),
    3: ("Målt i én pilot", "Resultater med tall fra én pilot."),
    2: ("Erfaringer uten tall", "Piloter beskriver resultater, men uten tall."),
    1: ("Prøvd, uten resultat", "Tiltaket er prøvd, men ingen resultater er rapportert."),
    0: ("Ikke prøvd i pilotene", "Tiltaket er beskrevet, men ikke prøvd i noen pilot."),
}


@dataclass(frozen=True)
class MeasureFacts:
    """The same headline facts for every measure, as shown on cards and pages."""

    pilots: tuple[str, ...]
    municipalities: tuple[str, ...]
    evidence: int
    # First and last year of the periods of the pilots with results for the measure: how
    # old the evidence is. None when no pilot reported a result.
    years: tuple[int, int] | None = None

    @property
    def evidence_label(self) -> str:
        """The evidence level's name."""
        return EVIDENCE_LEVELS[self.evidence][0]

    @property
    def years_label(self) -> str:
        """The years the results come from, «2017–2020» (or «2019» for one year); or ''."""
        if self.years is None:
            return ""
        first, last = self.years
        return str(first) if first == last else f"{first}–{last}"


def measure_facts(site: Site, measure: Measure) -> MeasureFacts:
    """Where a measure was tried, and its evidence level from the recorded results."""
    uses = site.measure_uses.get(measure.id, [])
    pilots = tuple(dict.fromkeys(pilot.id for pilot, _ in uses))
    municipalities: dict[str, None] = {}
    measured: set[str] = set()
    reported: set[str] = set()
    for pilot, use in uses:
        for municipality in use.municipalities:
            municipalities[municipality] = None
        for result in use.results:
            for municipality in result.municipalities:
                municipalities[municipality] = None
            (measured if result.figures else reported).add(pilot.id)
    years = _years([pilot for pilot, _ in uses if pilot.id in measured | reported])
    return MeasureFacts(pilots, tuple(municipalities), _level(pilots, measured, reported),
                        years)


def _years(pilots: list[Pilot]) -> tuple[int, int] | None:
    """The span of the pilots' periods, in whole years (a pilot without an end: its start)."""
    if not pilots:
        return None
    starts = [int(p.period.start[:4]) for p in pilots]
    ends = [int((p.period.end or p.period.start)[:4]) for p in pilots]
    return min(starts), max(ends)


def _level(pilots: tuple[str, ...], measured: set[str], reported: set[str]) -> int:
    if len(measured) >= 2:
        return 4
    if measured:
        return 3
    if reported:
        return 2
    return 1 if pilots else 0
