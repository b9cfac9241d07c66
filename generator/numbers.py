"""«Tall uten kilde»: every text that states a number needs a source of its own.

A number is a figure with a unit (``38 prosent``, ``30 timer``, ``275 000 kroner``) or a count
of people or places (``20 nye sykepleiere``, ``18 kommuner``); a year or a chapter number is
not. A text is sourced when

* its own block has sources (a result, a measure use, a section, a quote …) or sits inside
  one that has;
* it is the record's ``summary`` and the record has ``sources``: the record's own sources cover
  that one sentence only;
* a record-level source names the field in ``applies_to`` (``applies_to: [description]``);
* the number is one of the record's ``figures``, each of which has its source.

A dataset is a table from its one source, so all its text is covered by that source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .loader import KeyPath
from .models import Discrepancy, Figure, SourceRef
from .records import Record

_UNITS = (r"%|prosent\w*|kr\b|kroner|mill\w*|milliard\w*|årsverk\w*|stilling\w*|timer?\b"
          r"|dager?\b|døgn|uker?\b|måneder?\b|år\b")
_PEOPLE = (r"sykepleier\w*|helsefagarbeider\w*|fagarbeider\w*|ansatt\w*|nyansatt\w*|person\w*"
           r"|deltaker\w*|lærling\w*|student\w*|elev\w*|søker\w*|medarbeider\w*|leder\w*"
           r"|mentor\w*|kommune\w*|svar\b|respondent\w*|innbygger\w*|pasient\w*|tillitsvalgt\w*"
           r"|vikar\w*|team\w*")
_AMOUNT = r"(?<![\w.,/-])(\d+(?:[ \u00a0]\d{3})*(?:,\d+)?)"
# A year («i 2018 for helsefagarbeidere») only counts when the unit follows it directly.
_NUMBER = re.compile(
    rf"{_AMOUNT}(?:\s*(?:{_UNITS})|\s+(?:{_PEOPLE})"
    rf"|(?<!\d{{4}})\s+(?:[a-zæøå]+\s+){{1,2}}?(?:{_PEOPLE}))", re.I)
# Fields that name, date or locate things rather than state facts.
_NOT_TEXT = {"id", "lines", "location", "date", "start", "end", "year", "unit", "url",
             "source", "measure", "municipality", "organisation", "label", "name", "title"}


@dataclass(frozen=True)
class Unsourced:
    """A text with a number and no source: where, the phrase and its digits as written."""

    path: KeyPath
    phrase: str
    digits: str


def unsourced_numbers(kind: str, record: Record) -> list[Unsourced]:
    """Every text of ``record`` that states a number without a source."""
    if kind in ("datasets", "sources"):
        return []
    covered = {"summary"} if record.sources else set()
    covered.update(name for ref in record.sources for name in ref.applies_to)
    if getattr(record, "headline_sources", None):
        covered.add("headline_result")
    cited = _figure_values(record)
    return list(_walk(record, (), cited, covered, False))


def _walk(obj: BaseModel, path: KeyPath, cited: set[float], covered: set[str],
          sourced: bool) -> Iterator[Unsourced]:
    """Texts with unsourced numbers in ``obj``; ``covered`` names top-level fields only."""
    for name in type(obj).model_fields:
        if name in _NOT_TEXT or name == "sources":
            continue
        value = getattr(obj, name)
        inside = sourced or (not path and name in covered)
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = path + ((name, index) if isinstance(value, list) else (name,))
            if isinstance(item, str) and not inside:
                found = _unsourced_in(item, cited)
                if found:
                    yield Unsourced(where, " ".join(found.group(0).split()), found.group(1))
            elif isinstance(item, BaseModel) and not isinstance(item, SourceRef):
                yield from _walk(item, where, cited | _figure_values(item), covered,
                                 inside or _has_source(item))


def _has_source(obj: BaseModel) -> bool:
    if isinstance(obj, Discrepancy):  # every version has its source; topic and note sum up
        return True
    return bool(getattr(obj, "sources", None)) or getattr(obj, "source", None) is not None


def _unsourced_in(text: str, cited: set[float]) -> re.Match[str] | None:
    for match in _NUMBER.finditer(text):
        if _to_number(match.group(1)) not in cited:
            return match
    return None


def _figure_values(obj: BaseModel) -> set[float]:
    figures = getattr(obj, "figures", None)
    if not isinstance(figures, list):
        return set()
    return {float(f.value) for f in figures if isinstance(f, Figure)}


def _to_number(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
