"""Which records a change adds, changes and removes, read from two content folders.

Records are compared by their YAML values, not their text, so a change to a comment or
to indentation alone is not a change. A file that cannot be read as YAML is compared by
its bytes, so that a broken file still shows up.
"""

from __future__ import annotations

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
            changes.append(RecordChange(*key, new[key].name, "changed", new[key].file, fields))
    for key in sorted(old.keys() - new.keys()):
        changes.append(RecordChange(*key, old[key].name, "removed", old[key].file))
    return changes
