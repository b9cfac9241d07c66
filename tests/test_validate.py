"""Schema validation: every error collected, located and in Norwegian."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import Project, check_content

MEASURE = """\
id: test-tiltak
name: Test
summary: Et tiltak.
description: Beskrivelse.
target_groups: [sykepleiere]
aims: [beholde]
resource_need: lav
"""


def messages(root: Path) -> list[str]:
    _, problems = check_content(Project(root))
    return [p.format() for p in problems]


def test_valid_measure_has_only_editorial_warnings(tree) -> None:
    root = tree({"content/measures/test-tiltak.yml": MEASURE})
    assert messages(root) == [
        "content/measures/test-tiltak.yml:1:1: id: advarsel: posten har ingen kilder (sources)",
        "content/measures/test-tiltak.yml:1:1: id: advarsel: tiltaket er ikke brukt av noen pilot",
    ]


def test_every_schema_error_is_reported_with_line_and_key(tree) -> None:
    text = MEASURE.replace("summary: Et tiltak.", "summary: 12").replace(
        "aims: [beholde]", "aims: [beholde, rekrutere]\nnavn: x"
    ).replace("resource_need: lav", "resource_need: no")
    root = tree({"content/measures/test-tiltak.yml": text})
    assert messages(root) == [
        "content/measures/test-tiltak.yml:3:1: summary: forventet tekst, fikk et heltall (12); "
        "sett teksten i anførselstegn hvis den skal leses som tekst",
        "content/measures/test-tiltak.yml:6:17: aims[1]: ugyldig verdi «rekrutere»; gyldige "
        "verdier er «rekruttere», «beholde», «praksis-og-laering», «kompetanse», «omdomme», "
        "«ledelse», «heltid», «samarbeid»; mente du «rekruttere»?",
        "content/measures/test-tiltak.yml:7:1: navn: ukjent felt «navn»; mente du «name»?",
        "content/measures/test-tiltak.yml:8:1: resource_need: ugyldig verdi «no»; gyldige "
        "verdier er «lav», «middels», «hoy»",
    ]


def test_missing_field_and_file_name_mismatch(tree) -> None:
    text = MEASURE.replace("description: Beskrivelse.\n", "")
    root = tree({"content/measures/annet-navn.yml": text})
    assert messages(root) == [
        "content/measures/annet-navn.yml:1:1: description: påkrevd felt mangler",
        "content/measures/annet-navn.yml:1:1: id: id-en «test-tiltak» må være lik filnavnet "
        "uten .yml («annet-navn»)",
    ]


def test_unknown_reference_suggests_the_closest_id(tree) -> None:
    other = MEASURE.replace("test-tiltak", "mentorordning").replace("name: Test", "name: Mentor")
    text = MEASURE + "related: [mentorording, test-tiltak]\n"
    root = tree({"content/measures/test-tiltak.yml": text,
                 "content/measures/mentorordning.yml": other})
    assert [m for m in messages(root) if "advarsel" not in m] == [
        "content/measures/test-tiltak.yml:8:11: related[0]: ukjent tiltak «mentorording»; "
        "mente du «mentorordning»?",
        "content/measures/test-tiltak.yml:8:25: related[1]: en post kan ikke vise til seg selv",
    ]


def test_html_in_prose_is_rejected_with_location(tree) -> None:
    text = MEASURE.replace("description: Beskrivelse.", "description: Se <script>alert(1)</script>")
    root = tree({"content/measures/test-tiltak.yml": text})
    assert messages(root) == [
        "content/measures/test-tiltak.yml:4:17: description: HTML er ikke tillatt i tekstfelt "
        "(«<script>»); bruk Markdown (se CONTRIBUTING.md)",
    ]
