"""Editorial warnings: problems that fail a build only in strict mode."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from .graph import Site
from .loader import KeyPath, format_path
from .messages import message
from .problems import Problem
from .records import Measure, Municipality, Pilot
from .validate import Loaded

_NUMBER = re.compile(r"\d")
_TEXT_FIELDS = ("text", "what", "statement", "role", "description")


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
        item.raw.unsourced = list(_unsourced_numbers(record, (), bool(record.sources)))
    for path in item.raw.unsourced:
        yield _warning(item, path, "warn_number_without_source")


def _unsourced_numbers(obj: BaseModel, path: KeyPath, parent_sourced: bool) -> Iterator[KeyPath]:
    """Text fields with digits where neither the object nor its parent has sources."""
    sources = getattr(obj, "sources", None)
    sourced = bool(sources) or parent_sourced or getattr(obj, "source", None) is not None
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if name in _TEXT_FIELDS and isinstance(value, str) and _NUMBER.search(value):
            if not sourced:
                yield path + (name,)
        elif isinstance(value, BaseModel):
            yield from _unsourced_numbers(value, path + (name,), bool(sources))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _unsourced_numbers(item, path + (name, index), bool(sources))


def _warning(item: Loaded, path: KeyPath, code: str) -> Problem:
    line, col = item.raw.position(path)
    return Problem(item.raw.file, line, col, format_path(path), message(code), "warning")
