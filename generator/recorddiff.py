"""Which records a change adds, changes and removes, read from two content folders.

Records are compared by their YAML values, not their text, so a change to a comment or
to indentation alone is not a change. A file that cannot be read as YAML is compared by
its bytes, so that a broken file still shows up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .content import iter_content_files
from .loader import load_file

Status = Literal["added", "changed", "removed"]
_NAME_FIELDS = ("name", "title", "term")
_MISSING = object()


@dataclass(frozen=True)
class RecordChange:
    """One record added, changed or removed; ``fields`` are the top-level keys that changed."""

    kind: str
    id: str
    name: str
    status: Status
    file: str
    fields: tuple[str, ...] = ()
    # (key path, old value, new value) for each changed value, shortened for the report.
    values: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class _Snapshot:
    file: str
    data: dict[str, Any] | None
    raw: bytes

    @property
    def name(self) -> str:
        for key in _NAME_FIELDS:
            value = (self.data or {}).get(key)
            if isinstance(value, str) and value.strip():
                return value
        return Path(self.file).stem


def _snapshots(content_dir: Path) -> dict[tuple[str, str], _Snapshot]:
    if not content_dir.is_dir():
        return {}
    files, _ = iter_content_files(content_dir)
    found = {}
    for kind, path in files:
        display = path.relative_to(content_dir.parent).as_posix()
        raw, _ = load_file(path, display)
        found[(kind, path.stem)] = _Snapshot(display, raw.data if raw else None, path.read_bytes())
    return found


def _changed_fields(old: _Snapshot, new: _Snapshot) -> tuple[str, ...] | None:
    """The keys whose values differ; None when the records are the same."""
    if old.data is None or new.data is None:
        return None if old.raw == new.raw else ()
    keys = list(dict.fromkeys([*new.data, *old.data]))
    changed = tuple(k for k in keys if old.data.get(k, _MISSING) != new.data.get(k, _MISSING))
    return changed or None


MAX_VALUE = 90
MAX_VALUES = 8


def changed_values(old: Any, new: Any, path: str = "") -> list[tuple[str, str, str]]:
    """Every value that differs, as (key path, old, new), down to the smallest part that
    changed: a list of the same length is compared item by item, a mapping key by key."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(dict.fromkeys([*old, *new]))
        return [change for key in keys for change in changed_values(
            old.get(key, _MISSING), new.get(key, _MISSING), f"{path}.{key}" if path else key)]
    if (isinstance(old, list) and isinstance(new, list)
            and any(isinstance(item, dict | list) for item in old + new)):
        if len(old) == len(new):
            return [change for index, (a, b) in enumerate(zip(old, new, strict=True))
                    for change in changed_values(a, b, f"{path}[{index}]")]
        return ([(path, _label(item), "") for item in old if item not in new]
                + [(path, "", _label(item)) for item in new if item not in old])
    return [(path, show_value(old), show_value(new))]


def _label(item: Any) -> str:
    """A list item by what names it: the record it refers to, or its text."""
    if isinstance(item, dict):
        for key in ("measure", "municipality", "organisation", "source", "id", "label",
                    "heading", "title", "text"):
            if isinstance(item.get(key), str):
                return show_value(item[key])
    return show_value(item)


def show_value(value: Any) -> str:
    """A value as an editor wrote it, on one short line; empty for a missing one."""
    if value is _MISSING or value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        text = ", ".join(show_value(v) for v in value)
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        text = str(value).lower()
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def record_changes(base_content: Path, head_content: Path) -> list[RecordChange]:
    """Records added, changed and removed going from ``base_content`` to ``head_content``.

    Sorted by status (added, changed, removed), then kind and id.
    """
    old, new = _snapshots(base_content), _snapshots(head_content)
    changes = []
    for key in sorted(new.keys() - old.keys()):
        changes.append(RecordChange(*key, new[key].name, "added", new[key].file))
    for key in sorted(new.keys() & old.keys()):
        fields = _changed_fields(old[key], new[key])
        if fields is not None:
            values = changed_values(old[key].data, new[key].data) \
                if old[key].data is not None and new[key].data is not None else []
            changes.append(RecordChange(*key, new[key].name, "changed", new[key].file, fields,
                                        tuple(values)))
    for key in sorted(old.keys() - new.keys()):
        changes.append(RecordChange(*key, old[key].name, "removed", old[key].file))
    return changes
