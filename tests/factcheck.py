"""Check that sourced figures appear at their cited lines in the sources' text editions.

Besides the number itself, two slips are caught: a year the source never mentions
(a figure dated from somewhere else), and one record showing the same figure twice
with citations to lines of one source that do not overlap (one of them cites lines
that lack part of what is shown, such as a summary without the year).

Used by ``tests/test_factcheck.py``, and runnable on its own while writing content:

    python tests/factcheck.py [SEEDS_DIR]

The text editions of the reports are not part of this repository. Their folder is
taken from the argument, from ``TILTAKSHEFTE_SEEDS``, or from ``../shared/seeds``
beside the project.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content import load_content  # noqa: E402
from generator.models import Figure  # noqa: E402
from generator.records import Source  # noqa: E402


@dataclass(frozen=True)
class Located:
    """A figure, where it is in content, and what it cites."""

    file: str
    path: str
    figure: Figure


def seeds_dir(argument: str | None = None) -> Path:
    """The folder with the reports' text editions."""
    chosen = argument or os.environ.get("TILTAKSHEFTE_SEEDS")
    return Path(chosen) if chosen else ROOT.parent / "shared" / "seeds"


def iter_figures(obj: BaseModel, path: str = "") -> Iterator[tuple[str, Figure]]:
    """Every :class:`Figure` inside a record, with its key path."""
    if isinstance(obj, Figure):
        yield path, obj
        return
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        here = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from iter_figures(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_figures(item, f"{here}[{index}]")


def number_forms(value: float | int) -> list[str]:
    """The ways a report may print ``value``: 6567 / 6 567 / 6.567, 19,5 / 19.5."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return [str(value)]
    text = repr(value)
    return [text.replace(".", ","), text]


def normalise(text: str) -> str:
    """Join lines and drop thousands separators, so «6 567» and «6567» compare equal."""
    text = re.sub(r"\s+", " ", text)
    for _ in range(3):
        text = re.sub(r"(?<=\d)[ .\u00a0](?=\d{3}(?!\d))", "", text)
    return text


def appears(value: float | int, text: str) -> bool:
    """Whether ``value`` is printed in ``text`` as a whole number, not part of a longer one.

    Both readings of «132 182» count: two numbers in a table row, or one with a
    thousands space.
    """
    for flat in (re.sub(r"\s+", " ", text), normalise(text)):
        for form in number_forms(value):
            if re.search(rf"(?<![\d,]){re.escape(form)}(?![\d]|,\d)", flat):
                return True
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return isinstance(value, int) and value in integer_readings(text)


def integer_readings(text: str) -> set[int]:
    """Every whole number a run of digit groups can be read as.

    Text taken from PDF tables puts tabs between cells and inside numbers alike, so
    «31.12.20 180 570,-» holds 20, 180, 570 and 180570 (with a thousands space): a group
    may start a number, and each following group of exactly three digits may continue it.
    """
    found: set[int] = set()
    flat = re.sub(r"\s+", " ", text)
    for run in re.finditer(r"(?<![\d,])\d+(?:[ .\u00a0]\d+)*(?![\d]|,\d)", flat):
        groups = re.split(r"[ .\u00a0]", run.group())
        for start, first in enumerate(groups):
            found.add(int(first))
            number = first
            for group in groups[start + 1:]:
                if len(group) != 3:
                    break
                number += group
                found.add(int(number))
    return found


def years_missing(year: str | None, text: str) -> list[str]:
    """The four-digit years in a figure's ``year`` that ``text`` never mentions."""
    named = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", year or "")
    return [y for y in named if not re.search(rf"(?<!\d){y}(?!\d)", text)]


def line_span(lines: str) -> tuple[int, int]:
    """``"120-135"`` as ``(120, 135)``, ``"120"`` as ``(120, 120)``."""
    start, _, end = lines.partition("-")
    return int(start), int(end or start)


def cited_apart(a: Figure, b: Figure) -> bool:
    """Whether two citations of one figure point to lines of the same source that do not overlap.

    Two different sources may well print the same figure; each is checked on its own.
    """
    if a.source.source != b.source.source or not a.source.lines or not b.source.lines:
        return False
    (a_start, a_end), (b_start, b_end) = line_span(a.source.lines), line_span(b.source.lines)
    return a_end < b_start or b_end < a_start


def citation_conflicts(figures: list[tuple[str, Figure]]) -> list[tuple[str, str]]:
    """Key paths of figures in one record that show the same thing but cite different lines.

    «The same thing» is the same label, value, unit and year. A record that shows a figure
    twice should cite it the same way; when it does not, one citation is usually a summary
    or a neighbouring line that lacks what the figure shows.
    """
    first: dict[tuple[str, float | int, str | None, str | None], tuple[str, Figure]] = {}
    conflicts: list[tuple[str, str]] = []
    for path, figure in figures:
        key = (figure.label.strip().casefold(), figure.value, figure.unit, figure.year)
        if key not in first:
            first[key] = (path, figure)
        elif cited_apart(first[key][1], figure):
            conflicts.append((first[key][0], path))
    return conflicts


def check(seeds: Path) -> tuple[list[Located], list[str]]:
    """Return every checked figure and a message for each problem found."""
    loaded = load_content(ROOT / "content").loaded
    editions = {
        i.record.id: (seeds / i.record.text_edition).read_text(encoding="utf-8")
        for i in loaded
        if isinstance(i.record, Source) and i.record.text_edition
    }
    checked: list[Located] = []
    failures: list[str] = []
    for item in loaded:
        figures = list(iter_figures(item.record))
        for path, figure in figures:
            located = Located(item.raw.file, path, figure)
            failures.extend(figure_failures(located, editions))
            if figure.source.lines and figure.source.source in editions:
                checked.append(located)
        failures.extend(
            f"{item.raw.file}: {later}: samme tall som {earlier}, "
            "men henvisningen peker et annet sted"
            for earlier, later in citation_conflicts(figures)
        )
        failures.extend(headline_failures(item.raw.file, item.record, editions))
    return checked, failures


def numbers_in(text: str) -> list[float | int]:
    """The numbers written with digits in a sentence: «37,5 prosent» gives 37.5."""
    found: list[float | int] = []
    for match in re.finditer(r"(?<![\d,])\d+(?:,\d+)?(?![\d])", text):
        digits = match.group()
        found.append(float(digits.replace(",", ".")) if "," in digits else int(digits))
    return found


def headline_failures(file: str, record: BaseModel, editions: dict[str, str]) -> list[str]:
    """A pilot's main result: every number in it must be at one of the lines it cites."""
    text = getattr(record, "headline_result", None)
    refs = [r for r in getattr(record, "headline_sources", []) if r.lines and r.source in editions]
    if not text or not refs:
        return []
    excerpts = []
    for ref in refs:
        start, end = line_span(ref.lines)
        excerpts.append("\n".join(editions[ref.source].splitlines()[start - 1 : end]))
    return [f"{file}: headline_result: {value} finnes ikke på linjene i headline_sources"
            for value in numbers_in(text) if not any(appears(value, e) for e in excerpts)]


def figure_failures(located: Located, editions: dict[str, str]) -> list[str]:
    """Messages for one figure: a year its source never mentions, a number not at its lines."""
    ref = located.figure.source
    if ref.source not in editions:
        return []
    where = f"{located.file}: {located.path}"
    failures = [
        f"{where}: året {year} står ikke i {ref.source}"
        for year in years_missing(located.figure.year, editions[ref.source])
    ]
    if ref.lines:
        start, end = line_span(ref.lines)
        excerpt = "\n".join(editions[ref.source].splitlines()[start - 1 : end])
        if not appears(located.figure.value, excerpt):
            failures.append(
                f"{where}: {located.figure.value} finnes ikke i {ref.source} linje {ref.lines}"
            )
    return failures


if __name__ == "__main__":
    found, failed = check(seeds_dir(sys.argv[1] if len(sys.argv) > 1 else None))
    print("\n".join(failed))
    print(f"{len(found)} tall kontrollert mot oppgitte linjer, {len(failed)} problemer funnet.")
    raise SystemExit(1 if failed else 0)
