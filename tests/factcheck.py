"""Check that sourced figures appear at their cited lines in the sources' text editions.

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


def check(seeds: Path) -> tuple[list[Located], list[str]]:
    """Return every checked figure and a message for each one that is not found."""
    loaded = load_content(ROOT / "content").loaded
    editions = {
        i.record.id: i.record.text_edition
        for i in loaded
        if isinstance(i.record, Source) and i.record.text_edition
    }
    checked: list[Located] = []
    failures: list[str] = []
    for item in loaded:
        if True:
            for path, figure in iter_figures(item.record):
                ref = figure.source
                if not ref.lines or ref.source not in editions:
                    continue
                lines = (seeds / editions[ref.source]).read_text(encoding="utf-8").splitlines()
                start, _, end = ref.lines.partition("-")
                excerpt = "\n".join(lines[int(start) - 1 : int(end or start)])
                checked.append(Located(item.raw.file, path, figure))
                if not appears(figure.value, excerpt):
                    failures.append(
                        f"{item.raw.file}: {path}: {figure.value} finnes ikke i "
                        f"{ref.source} linje {ref.lines}"
                    )
    return checked, failures


if __name__ == "__main__":
    found, failed = check(seeds_dir(sys.argv[1] if len(sys.argv) > 1 else None))
    print("\n".join(failed))
    print(f"{len(found) - len(failed)} av {len(found)} tall funnet på oppgitt sted.")
    raise SystemExit(1 if failed else 0)
