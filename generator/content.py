"""Load and validate a whole content tree, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .kinds import KINDS
from .loader import RawRecord, load_file
from .messages import message
from .problems import Problem
from .validate import Loaded, validate_record

# Folders under content/ that hold files other than records (downloads, images).
NON_RECORD_DIRS = {"files"}


def iter_content_files(content_dir: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """List ``(kind, path)`` for every record file, and problems with the layout."""
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for entry in sorted(content_dir.iterdir()):
        if entry.name.startswith(".") or entry.name in NON_RECORD_DIRS:
            continue
        display = _display(entry, content_dir)
        if not entry.is_dir() or entry.name not in KINDS:
            valid = ", ".join(sorted(KINDS))
            problems.append(Problem(display, 1, 1, "", message(
                "unknown_kind", name=entry.name, valid=valid)))
            continue
        for path in sorted(entry.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yml":
                problems.append(Problem(_display(path, content_dir), 1, 1, "", message(
                    "file_extension", suffix=path.suffix or path.name)))
                continue
            found.append((entry.name, path))
    return found, problems


@dataclass
class ContentTree:
    """Everything read from ``content/``: valid records, every parsed file, problems."""

    loaded: list[Loaded] = field(default_factory=list)
    parsed: list[tuple[str, RawRecord]] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_content(content_dir: Path) -> ContentTree:
    """Load and validate every record under ``content_dir``."""
    files, problems = iter_content_files(content_dir)
    tree = ContentTree(problems=problems)
    for kind, path in files:
        tree.ids.setdefault(kind, set()).add(path.stem)
        display = _display(path, content_dir)
        raw, file_problems = load_file(path, display)
        tree.problems.extend(file_problems)
        if raw is None:
            continue
        tree.parsed.append((kind, raw))
        if isinstance(raw.data.get("id"), str):  # a mismatched id is reported once, not per link
            tree.ids[kind].add(raw.data["id"])
        item, record_problems = validate_record(kind, KINDS[kind], raw, path.stem)
        tree.problems.extend(record_problems)
        if item is not None:
            tree.loaded.append(item)
    return tree


def _display(path: Path, content_dir: Path) -> str:
    """The path editors see: relative to the project, with forward slashes."""
    try:
        return path.relative_to(content_dir.parent).as_posix()
    except ValueError:  # pragma: no cover - content outside its parent
        return path.as_posix()
