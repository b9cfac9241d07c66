"""Markdown rendering, escaping and Norwegian number format."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from conftest import ROOT

from generator.markup import _SPECIAL, _convert, _plain_paragraphs, escape_markdown, format_number


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_fast_path_gives_the_same_html_as_python_markdown() -> None:
    texts = [t for path in sorted((ROOT / "content").rglob("*.yml"))
             for t in strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    texts += ["To linjer\nsom hører sammen.", "Avsnitt en.\n\nAvsnitt to.", "50 % av 200",
              "Tekst med «sitat» og \"anførsel\".", "  Innrykk først\nneste"]
    plain = [t for t in texts if t.strip() and not _SPECIAL.search(t)]
    assert len(plain) > 5
    mismatches = [t for t in plain if _plain_paragraphs(t) != _convert(t)]
    assert mismatches == []


@pytest.mark.parametrize("value,approx,expected", [
    (6567, False, "6\u00a0567"), (19.5, False, "19,5"), (13000, True, "ca. 13\u00a0000"),
    (0.8, False, "0,8"), (120, False, "120"), (1500000, False, "1\u00a0500\u00a0000"),
    (-3, False, "\u22123"), (52.5, False, "52,5"),
])
def test_norwegian_number_format(value: float, approx: bool, expected: str) -> None:
    assert format_number(value, approx) == expected


def test_plain_text_is_escaped_for_markdown_and_html() -> None:
    assert escape_markdown('Navn *med* <tegn> & "sitat"') == (
        "Navn \\*med\\* &lt;tegn&gt; &amp; &quot;sitat&quot;")


@pytest.mark.parametrize("value,expected", [
    ("2019", "2019"), ("2019-12", "desember 2019"), ("2019-01-05", "5. januar 2019"),
    ("høsten 2016", "høsten 2016"), ("2019-13", "2019-13"),
])
def test_dates_read_as_norwegian_text(value: str, expected: str) -> None:
    from generator.markup import format_date

    assert format_date(value) == expected
