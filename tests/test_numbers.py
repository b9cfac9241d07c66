"""«Tall uten kilde» per text: a record's own sources cover its summary only; every other
text that states a number needs a source of its own, a figure, or ``applies_to``."""

from __future__ import annotations

from test_cli import run
from test_strictness import PILOT, SOURCE

MEASURE = """\
id: a
name: Tiltak a
summary: Et tiltak der {summary}.
description: |
  Første avsnitt uten tall, fra 2019.

  I kommunen svarte {description} i undersøkelsen.
target_groups: [sykepleiere]
aims: [beholde]
resource_need: lav
sources:
  - source: s
    location: kap. 2
"""
WARNING = ("content/measures/a.yml:7:21: description: advarsel: teksten sier «38 prosent», men "
           "har ingen kilde: gi avsnittet egne kilder (sources), legg tallet i figures med "
           "kilde, eller nevn feltet i applies_to på en av postens kilder (se CONTRIBUTING.md)")


def files(measure: str) -> dict[str, str]:
    return {"content/measures/a.yml": measure, "content/pilots/p.yml": PILOT,
            "content/sources/s.yml": SOURCE}


def test_a_record_source_does_not_cover_a_number_in_the_description(tree) -> None:
    root = tree(files(MEASURE.format(summary="12 ansatte deltok",
                                     description="38 prosent av de ansatte")))
    result = run(root, "validate")
    assert (result.returncode, result.stderr.splitlines()) == (0, [WARNING])
    result = run(root, "validate", "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == WARNING


def test_applies_to_a_figure_or_the_text_s_own_block_cites_the_number(tree) -> None:
    base = MEASURE.format(summary="alle deltok", description="38 prosent av de ansatte")
    cited = [
        base + "    applies_to: [description]\n",
        base + "figures:\n  - label: Svarte\n    value: 38\n    unit: prosent\n"
               "    source:\n      source: s\n      location: tabell 3\n",
    ]
    for text in cited:
        result = run(tree(files(text)), "validate", "--strict")
        assert result.returncode == 0, result.stderr
    pilot = PILOT.replace("    what: Det piloten gjorde.",
                          "    what: Det piloten gjorde.\n    results:\n"
                          "      - text: 20 nye sykepleiere ble ansatt.\n"
                          "    sources:\n      - source: s\n        location: s. 4")
    result = run(tree({**files(MEASURE.format(summary="x", description="alle")),
                       "content/pilots/p.yml": pilot}), "validate", "--strict")
    assert result.returncode == 0, result.stderr


def test_years_and_chapters_are_not_numbers_but_counts_of_people_are(tree) -> None:
    text = MEASURE.format(summary="x", description="alle i 2018 for helsefagarbeidere, kap. 3")
    assert run(tree(files(text)), "validate", "--strict").returncode == 0
    text = MEASURE.format(summary="x", description="3 av 12 nye\n  sykepleiere")
    result = run(tree(files(text)), "validate", "--strict")
    assert "teksten sier «12 nye sykepleiere»" in result.stderr


def test_applies_to_with_a_typo_suggests_the_field(tree) -> None:
    text = MEASURE.format(summary="x", description="alle") + "    applies_to: [desription]\n"
    result = run(tree(files(text)), "validate")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/measures/a.yml:14:18: sources[0].applies_to[0]: «desription» er ikke et felt "
        "i posten; mente du «description»?")
