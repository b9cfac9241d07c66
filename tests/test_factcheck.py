"""Every sourced figure appears at its cited lines in the source's text edition.

The text editions of the reports are not in this repository. In development and CI
they are in ``../shared/seeds`` (or where ``TILTAKSHEFTE_SEEDS`` points); elsewhere
this test is skipped, and says so.
"""

from __future__ import annotations

from typing import Any

import pytest
from factcheck import (
    appears,
    check,
    citation_conflicts,
    numbers_in,
    seeds_dir,
    years_missing,
)

from generator.models import Figure

SEEDS = seeds_dir()


@pytest.mark.skipif(not SEEDS.is_dir(),
                    reason=f"tekstutgavene av rapportene finnes ikke i {SEEDS}; "
                           "sett TILTAKSHEFTE_SEEDS for å kjøre tallkontrollen")
def test_at_least_60_figures_are_found_at_their_cited_lines() -> None:
    checked, failures = check(SEEDS)
    assert failures == []
    assert len(checked) >= 60
    sources = {located.figure.source.source for located in checked}
    assert len(sources) >= 4, sources


@pytest.mark.parametrize("value,text,found", [
    (6567, "6 567 årsverk", True),
    (6567, "6\u00a0567", True),
    (19.5, "19,5 prosent", True),
    (19, "19,5 prosent", False),
    (180570, "01.01.20\t–\t31.12.20\t 180\t570,-", True),  # a PDF table row with tabs
    (1805, "180 570", False),
    (57, "570", False),
])
def test_a_number_is_found_only_as_printed(value: float, text: str, found: bool) -> None:
    assert appears(value, text) is found


def figure(value: float, lines: str, year: str | None = "2018", source: str = "tfou-2020-7",
           label: str = "Nye sykepleiere som begynte") -> Figure:
    """A figure as an editor would write it."""
    data: dict[str, Any] = {"label": label, "value": value, "unit": "personer",
                            "source": {"source": source, "location": "kap. 5", "lines": lines}}
    if year is not None:
        data["year"] = year
    return Figure.model_validate(data)


@pytest.mark.parametrize("year,text,missing", [
    ("2018–2019", "2018= utprøvingsperiode\n20 nye sykepleiere", ["2019"]),  # undated slides
    ("2016/2017", "Det er i 2016/2017 gitt et rekrutteringstillegg", []),
    ("før sammenslåingen 1.1.2020", "fra januar 2020", []),
    ("prosjektperioden", "i løpet av prosjektperioden", []),
    (None, "", []),
    ("2019", "20190 kroner", ["2019"]),  # part of a longer number is not the year
])
def test_a_year_the_source_never_mentions_is_reported(
    year: str | None, text: str, missing: list[str]
) -> None:
    assert years_missing(year, text) == missing


def test_the_same_figure_twice_in_a_record_must_cite_the_same_place() -> None:
    summary = figure(24, "169-171")
    chapter = figure(24, "6244-6246")
    assert citation_conflicts([("figures[0]", summary), ("measures[0]", chapter)]) == [
        ("figures[0]", "measures[0]")
    ]


@pytest.mark.parametrize("other", [
    figure(24, "6245"),  # overlapping lines
    figure(24, "169-171", year="prosjektperioden"),  # another time: another figure
    figure(20, "169-171"),  # another number
    figure(24, "169-171", label="Nye sykepleiere som sluttet"),
    figure(24, "376-380", source="jobbvinner-presentasjon"),  # another source, checked on its own
])
def test_figures_that_agree_or_differ_are_not_conflicts(other: Figure) -> None:
    assert citation_conflicts([("a", figure(24, "6244-6246")), ("b", other)]) == []


def test_numbers_in_a_headline_are_read_as_written() -> None:
    text = "hadde 37,5 prosent vurdert det i 2021, mot 52,5 i 2019 (110 mot 308 svar)"
    assert numbers_in(text) == [37.5, 2021, 52.5, 2019, 110, 308]
