"""Editorial warnings: problems that fail a build only in strict mode."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .graph import Site
from .loader import KeyPath, format_path
from .messages import message
from .numbers import unsourced_numbers
from .problems import Problem
from .records import Measure, Municipality, Pilot
from .validate import Loaded


def editorial_warnings(site: Site) -> list[Problem]:
    """Every strict-mode warning for the resolved site."""
    warnings: list[Problem] = []
    for records in site.items.values():
        for item in records.values():
            warnings.extend(_record_warnings(site, item))
    return warnings


def _record_warnings(site: Site, item: Loaded) -> Iterator[Problem]:
    record = item.record
    if item.kind not in ("terms", "sources", "datasets") and not record.sources:
        yield _warning(item, ("id",), "warn_no_sources")
    if isinstance(record, Pilot) and record.headline_result and not record.headline_sources:
        yield _warning(item, ("headline_result",), "warn_headline_without_source")
    if isinstance(record, Measure) and record.id not in site.measure_uses:
        yield _warning(item, ("id",), "warn_measure_unused")
    if isinstance(record, Municipality) and record.id not in site.municipality_pilots:
        yield _warning(item, ("id",), "warn_municipality_unused")
    if item.raw.unsourced is None:  # the same for as long as the file is (``serve``)
        item.raw.unsourced = unsourced_numbers(item.kind, record)
    for found in item.raw.unsourced:
        line, col = item.raw.text_position(found.path, found.digits)
        text = message("warn_number_without_source", number=found.phrase)
        yield Problem(item.raw.file, line, col, format_path(found.path), text, "warning")
    yield from _applies_to_problems(item)


def _applies_to_problems(item: Loaded) -> Iterator[Problem]:
    """``applies_to`` must name a text field of the record (a typo would silence nothing)."""
    fields = [name for name in type(item.record).model_fields if name != "sources"]
    for index, ref in enumerate(item.record.sources):
        for position, name in enumerate(ref.applies_to):
            if name not in fields:
                path = ("sources", index, "applies_to", position)
                line, col = item.raw.position(path)
                hint = difflib.get_close_matches(name, fields, n=1, cutoff=0.5)
                text = message("unknown_applies_to", name=name, hint=message(
                    "did_you_mean", suggestion=hint[0]) if hint else "")
                yield Problem(item.raw.file, line, col, format_path(path), text)


def _warning(item: Loaded, path: KeyPath, code: str) -> Problem:
    line, col = item.raw.position(path)
    return Problem(item.raw.file, line, col, format_path(path), message(code), "warning")
