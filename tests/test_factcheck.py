"""Every sourced figure appears at its cited lines in the source's text edition.

The text editions of the reports are not in this repository. In development and CI
they are in ``../shared/seeds`` (or where ``TILTAKSHEFTE_SEEDS`` points); elsewhere
this test is skipped, and says so.
"""

from __future__ import annotations

import pytest
from factcheck import appears, check, seeds_dir

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
