"""The YAML loader: positions, YAML 1.2 scalars, and what it refuses."""

from __future__ import annotations

from generator.loader import parse_yaml, read_text


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_yaml(text, "x.yml")


def test_positions_are_recorded_for_keys_and_items() -> None:
    record, problems = parse("id: a\nlist:\n  - one\n  - key: v\n")
    assert problems == []
    assert record is not None
    assert record.positions[("id",)] == (1, 1)
    assert record.positions[("list", 1)] == (4, 5)
    assert record.positions[("list", 1, "key")] == (4, 5)
    assert record.position(("list", 1, "missing")) == (4, 5)


def test_norwegian_words_stay_text_and_numbers_follow_yaml_12() -> None:
    record, _ = parse("a: no\nb: yes\nc: on\nd: 012\ne: 1e3\nf: 2019-05-03\ng: 12\nh: true\n")
    assert record is not None
    assert record.data == {"a": "no", "b": "yes", "c": "on", "d": "012", "e": 1000.0,
                           "f": "2019-05-03", "g": 12, "h": True}


def test_quoted_values_are_always_text() -> None:
    record, _ = parse('a: "12"\nb: |\n  tekst\n')
    assert record is not None
    assert record.data == {"a": "12", "b": "tekst\n"}


def test_duplicate_keys_are_an_error_with_both_lines() -> None:
    _, problems = parse("id: a\nname: x\nname: y\n")
    assert [p.format() for p in problems] == [
        "x.yml:3:1: name: nøkkelen «name» står to ganger (første gang på linje 2)"
    ]


def test_aliases_are_refused() -> None:
    _, problems = parse("a: &x [1, 2]\nb: *x\n")
    assert [p.format() for p in problems] == [
        "x.yml:1:4: b: ankere og aliaser (& og *) er ikke tillatt i innholdsfiler; skriv verdien ut"
    ]


def test_multiple_documents_are_refused() -> None:
    _, problems = parse("id: a\n---\nid: b\n")
    assert [p.format() for p in problems] == [
        "x.yml:2:1: filen inneholder flere YAML-dokumenter (skilt med ---); én post per fil"
    ]


def test_tab_indentation_gets_a_norwegian_message() -> None:
    _, problems = parse("id: a\nlist:\n\t- x\n")
    assert [p.format() for p in problems] == [
        "x.yml:3:1: tabulator er ikke tillatt i innrykk; bruk mellomrom"
    ]


def test_bom_is_accepted_and_latin1_is_located() -> None:
    text, problems = read_text(b"\xef\xbb\xbfid: a\n", "x.yml")
    assert (text, problems) == ("id: a\n", [])
    _, problems = read_text(b"id: a\nname: S\xf8r\n", "x.yml")
    assert [p.format() for p in problems] == [
        "x.yml:2:1: filen er ikke gyldig UTF-8 (ugyldig byte 0xf8 på linje 2); "
        "lagre filen som UTF-8"
    ]
