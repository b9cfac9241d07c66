"""Load and validate a whole content tree, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .kinds import KINDS
from .loader import RawRecord, parse_yaml, read_text
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


@dataclass
class LoadedFile:
    """One content file as read, parsed and validated."""

    kind: str
    data: bytes
    raw: RawRecord | None
    problems: list[Problem]
    item: Loaded | None


class LoadCache:
    """The files of the last load, reused while their bytes stay the same.

    ``serve`` keeps one across rebuilds, so that saving a record parses and validates
    that file only. Reading, parsing and validating depend on nothing but the file's
    kind, path and bytes, so a reused result is the one a fresh load would give.
    """

    def __init__(self) -> None:
        self.files: dict[Path, LoadedFile] = {}

    def keep_only(self, paths: set[Path]) -> None:
        """Forget files that are gone."""
        self.files = {path: f for path, f in self.files.items() if path in paths}


def load_content(content_dir: Path, cache: LoadCache | None = None) -> ContentTree:
    """Load and validate every record under ``content_dir``."""
    files, problems = iter_content_files(content_dir)
    tree = ContentTree(problems=problems)
    for kind, path in files:
        tree.ids.setdefault(kind, set()).add(path.stem)
        loaded = _load_file(kind, path, _display(path, content_dir), cache)
        tree.problems.extend(loaded.problems)
        raw = loaded.raw
        if raw is None:
            continue
        tree.parsed.append((kind, raw))
        if isinstance(raw.data.get("id"), str):  # a mismatched id is reported once, not per link
            tree.ids[kind].add(raw.data["id"])
        if loaded.item is not None:
            tree.loaded.append(loaded.item)
    if cache is not None:
        cache.keep_only({path for _, path in files})
    return tree


def _load_file(kind: str, path: Path, display: str, cache: LoadCache | None) -> LoadedFile:
    """Read, parse and validate one file (or take it from ``cache`` if it is unchanged)."""
    data = path.read_bytes()
    known = cache.files.get(path) if cache is not None else None
    if known is not None and known.kind == kind and known.data == data:
        return known
    text, problems = read_text(data, display)
    raw, item = None, None
    if text is not None:
        raw, problems = parse_yaml(text, display)
    if raw is not None:
        item, record_problems = validate_record(kind, KINDS[kind], raw, path.stem)
        problems = problems + record_problems
    loaded = LoadedFile(kind, data, raw, problems, item)
    if cache is not None:
        cache.files[path] = loaded
    return loaded


def _display(path: Path, content_dir: Path) -> str:
    """The path editors see: relative to the project, with forward slashes."""
    try:
        return path.relative_to(content_dir.parent).as_posix()
    except ValueError:  # pragma: no cover - content outside its parent
        return path.as_posix()
