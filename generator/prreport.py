"""What a pull request changes: records, page text and ``validate`` problems.

Two states of the project are compared: the base (the target branch) and the head
(the pull request). Records come from the two ``content/`` folders. Page text comes
from the two *built* sites, each built by its own version of the code, so that a
change to a template or the theme shows on the pages it touches, just as a change to
a record does. Problems are the head's, checked like ``tiltakshefte validate``.
:mod:`generator.prcomment` turns the result into one Markdown comment.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .config import load_site_config
from .pipeline import Project, check_content
from .problems import ContentError, Problem
from .recorddiff import RecordChange, record_changes
from .sitetext import PageText, read_site
from .urls import doc_url, record_doc

PageStatus = Literal["added", "changed", "removed"]
MAX_DIFF_LINES = 40
MAX_LINE_CHARS = 300
CONTEXT_LINES = 1


@dataclass(frozen=True)
class PageChange:
    """A page whose reading text differs; ``diff`` lines start with ``+``, ``-``, space or ⋯."""

    path: str
    title: str
    status: PageStatus
    diff: tuple[str, ...]
    hidden: int = 0


@dataclass
class Report:
    """Everything the comment shows. ``pages`` is None when the sites could not be compared."""

    records: list[RecordChange]
    pages: list[PageChange] | None
    problems: list[Problem]
    new_problems: set[Problem] = field(default_factory=set)
    site_url: str | None = None
    run_url: str | None = None
    notes: list[str] = field(default_factory=list)


def _clip(line: str) -> str:
    return line if len(line) <= MAX_LINE_CHARS else line[: MAX_LINE_CHARS - 1] + "…"


def text_diff(old: tuple[str, ...], new: tuple[str, ...],
              max_lines: int = MAX_DIFF_LINES) -> tuple[tuple[str, ...], int]:
    """A short diff of two pages' lines, and how many diff lines were left out."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        if lines:
            lines.append("⋯")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend("  " + line for line in old[i1:i2])
                continue
            lines.extend("- " + line for line in old[i1:i2])
            lines.extend("+ " + line for line in new[j1:j2])
    shown = tuple(_clip(line) for line in lines[:max_lines])
    return shown, len(lines) - len(shown)


def page_changes(base: dict[str, PageText], head: dict[str, PageText],
                 first: set[str] | frozenset[str] = frozenset()) -> list[PageChange]:
    """Pages added, removed or with other text; pages in ``first`` (the changed records'
    own pages) come first, then the rest by path."""
    changes = []
    for path in sorted(base.keys() | head.keys(), key=lambda p: (p not in first, p)):
        old, new = base.get(path), head.get(path)
        if old is not None and new is not None and old.lines == new.lines:
            continue
        status: PageStatus = "changed" if old and new else "added" if new else "removed"
        diff, hidden = text_diff(old.lines if old else (), new.lines if new else ())
        title = new.title if new else old.title if old else path
        changes.append(PageChange(path, title, status, diff, hidden))
    return changes


def record_page_path(change: RecordChange) -> str:
    """The URL path of a record's page (``tiltak/x/``; a dataset's is ``tall/``)."""
    return doc_url(record_doc(change.kind, change.id)).partition("#")[0]


def _missing_sites(base_site: Path | None, head_site: Path | None) -> str:
    """Why the pages cannot be compared, in terms of what ``report`` was given; or nothing."""
    given = (("--base-site", "basen", base_site), ("--head-site", "denne versjonen", head_site))
    absent = [flag for flag, _, site in given if site is None]
    if absent:
        return (f"Sidene er ikke sammenlignet: {' og '.join(absent)} er ikke oppgitt. Bygg "
                "versjonene med `tiltakshefte build --output MAPPE` og gi mappene til "
                "`report` for å se sidene med endret tekst.")
    unbuilt = [f"nettstedet for {label} ({site})" for _, label, site in given
               if site is not None and not (site / "index.html").is_file()]
    if unbuilt:
        return (f"Sidene er ikke sammenlignet: {' og '.join(unbuilt)} har ingen index.html; "
                "byggingen feilet, eller mappen er feil.")
    return ""


def make_report(base_root: Path, head_root: Path, base_site: Path | None,
                head_site: Path | None, run_url: str | None = None) -> Report:
    """Compare the base and head projects (and their built sites, where they exist)."""
    records = record_changes(base_root / "content", head_root / "content")
    _, problems = check_content(Project(head_root))
    _, old_problems = check_content(Project(base_root))
    known = {(p.file, p.path, p.message) for p in old_problems}
    report = Report(records, None, problems,
                    {p for p in problems if (p.file, p.path, p.message) not in known},
                    _site_url(head_root), run_url)
    has_errors = any(p.severity == "error" for p in problems)
    note = ("Sidene er ikke sammenlignet: innholdet har feil (se under), så nettstedet for "
            "denne versjonen kan ikke bygges." if has_errors else
            _missing_sites(base_site, head_site))
    if note:
        report.notes.append(note)
        return report
    assert base_site is not None and head_site is not None
    first = {record_page_path(change) for change in records}
    report.pages = page_changes(read_site(base_site), read_site(head_site), first)
    return report


def _site_url(root: Path) -> str | None:
    try:
        return load_site_config(root / "site_config.yml").site_url
    except ContentError:
        return None
