"""Pages an edit cannot have changed are taken from the last build (for ``serve``).

While a page is rendered, every read it makes of the site is recorded with what it gave: a
record, the list of a kind, an entry of a back-link table, a figure, a date. At the next
build a page is rendered again only when one of its reads now gives something else;
otherwise its text from the last build is used. Records are frozen, and a file whose bytes
did not change keeps its record object (:class:`generator.content.LoadCache`), so what a
read gave is compared by identity: exact, and cheap. Strings and numbers are compared by
value, lists and tuples item by item, figures by value. Anything else counts as changed.

The reads go through :class:`TrackedSite`, which has the same interface as
:class:`generator.graph.Site`. A template that reaches the site some other way would escape
the record; ``tests/test_pagecache.py`` renders the site after many kinds of edit, with and
without the cache, and compares every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .figures import BuiltFigure
from .graph import Site
from .history import FileChange, LastUpdated
from .records import Record

Key = tuple[str, ...]
_MISSING = object()
# The tables of :class:`Site` that templates read; each entry read is one dependency.
_TABLES = ("items", "measure_uses", "municipality_pilots", "organisation_roles", "citations",
           "related", "municipality_measures", "charts")


def same(old: Any, new: Any) -> bool:
    """Whether a read gave the same thing in both builds (see the module's docstring)."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, str | int | float | BuiltFigure):
        return bool(old == new)
    if isinstance(old, list | tuple):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same(old[k], new[k]) for k in old)
    return False


class _TrackedTable(dict[Any, Any]):
    """One of :class:`Site`'s tables; each entry a page reads is noted."""

    def __init__(self, site: TrackedSite, name: str, table: dict[Any, Any]) -> None:
        super().__init__(table)
        self._site, self._name, self._table = site, name, table

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._site.note(("table", self._name, key), self._table.get(key, _MISSING))
        return default if value is _MISSING else value

    def __getitem__(self, key: Any) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def _whole(self) -> dict[Any, Any]:
        """The table itself, noted as read in full (a page that lists or counts it)."""
        return self._site.note(("whole", self._name), self._table)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def keys(self) -> Any:
        return self._whole().keys()

    def values(self) -> Any:
        return self._whole().values()

    def items(self) -> Any:
        return self._whole().items()


class TrackedSite(Site):
    """A :class:`Site` that notes what the page being rendered reads from it."""

    def __init__(self, site: Site, figures: dict[str, BuiltFigure], history: LastUpdated) -> None:
        self.site, self.figures, self.history = site, figures, history
        self.reads: dict[Key, Any] | None = None
        self._lists: dict[str, list[Record]] = {}
        tables = {name: _TrackedTable(self, name, getattr(site, name)) for name in _TABLES}
        super().__init__(chart_ids=site.chart_ids, **tables)

    def note(self, key: Key, value: Any) -> Any:
        """Record that the page being rendered read ``key`` and got ``value``."""
        if self.reads is not None:
            self.reads.setdefault(key, value)
        return value

    def all(self, kind: str) -> list[Record]:
        if kind not in self._lists:
            self._lists[kind] = self.site.all(kind)
        return list(self.note(("all", kind), self._lists[kind]))

    def get(self, kind: str, record_id: str) -> Record:
        return self.note(("record", kind, record_id), self.site.get(kind, record_id))  # type: ignore[no-any-return]

    def figure(self, chart_id: str) -> BuiltFigure | None:
        """The built figure of a chart (or the map), if there is one."""
        return self.note(("figure", chart_id), self.figures.get(chart_id))  # type: ignore[no-any-return]

    def updated(self, source_file: str) -> str | None:
        """The date ``source_file`` last changed (see :mod:`generator.history`)."""
        return self.note(("updated", source_file), self.history.get(source_file))  # type: ignore[no-any-return]

    def changes(self) -> list[FileChange]:
        """Every change to a content file, newest first (see :mod:`generator.history`)."""
        self.note(("changes",), _change_values(self.history.changes))
        return self.history.changes

    def file_text(self, path: str) -> str:
        """The text of a file beside the records (such as a template under content/files/),
        or "" if there is none."""
        return self.note(("file", path), _read_text(path))  # type: ignore[no-any-return]

    def read_now(self, key: Key) -> Any:
        """What ``key`` gives in this build, without noting it."""
        reads, self.reads = self.reads, None
        try:
            kind = key[0]
            if kind == "table":
                return getattr(self, key[1]).get(key[2], _MISSING)
            if kind == "whole":
                return getattr(self.site, key[1])
            if kind == "all":
                return self.all(key[1])
            if kind == "record":
                item = self.site.items.get(key[1], {}).get(key[2])
                return _MISSING if item is None else item.record
            if kind == "figure":
                return self.figure(key[1])
            if kind == "file":
                return _read_text(key[1])
            if kind == "changes":
                return _change_values(self.history.changes)
            return self.updated(key[1])
        finally:
            self.reads = reads


def _change_values(changes: list[FileChange]) -> list[tuple[int, str, str]]:
    """The changes as plain values, which :func:`same` compares (new objects every build)."""
    return [(c.time, c.status, c.path) for c in changes]


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError:
        return ""


@dataclass
class _Entry:
    page: Any
    reads: dict[Key, Any]


@dataclass
class PageCache:
    """The pages (and parts of pages) of the last build, each with what it read (``serve``
    keeps one)."""

    config: SiteConfig | None = None
    entries: dict[str, _Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    rendered: int = 0  # pages and parts rendered (not reused) in the last build

    def start(self, config: SiteConfig) -> None:
        """Begin a build; with other settings, nothing is reused."""
        if config != self.config:
            self.entries = {}
        self.config, self.rendered, self.used = config, 0, set()

    def page(self, key: str, site: TrackedSite, render: Callable[[], Any]) -> Any:
        """The page (or part: ``page#part``) ``key``: from the last build if all its reads
        give the same now, else made by ``render`` with its reads noted. A part made while
        a page is rendered adds its reads to the page's."""
        outer = site.reads
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is None or not all(same(value, site.read_now(read))
                                    for read, value in entry.reads.items()):
            site.reads = {}
            try:
                entry = _Entry(render(), site.reads)
            finally:
                site.reads = outer
            self.entries[key] = entry
            self.rendered += 1
        if outer is not None:
            for read, value in entry.reads.items():
                outer.setdefault(read, value)
        return entry.page

    def finish(self) -> None:
        """End a build: forget the pages it did not have (they are gone) and their parts.
        A page taken from the cache did not visit its parts, so those are kept with it."""
        self.entries = {key: e for key, e in self.entries.items()
                        if key.split("#", 1)[0] in self.used}
