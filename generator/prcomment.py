"""The pull-request report as one Markdown comment for GitHub, in Norwegian.

Every piece of content text (names, ids, file names, key paths, page text) is
neutralised before it goes in: HTML and Markdown are escaped, ``@name`` and ``#123``
get an invisible break so they mention or link nobody, and page text sits in fenced
code blocks whose fence is longer than any backtick run inside. The comment never
exceeds ``limit`` characters: whole entries are left out and a note says how many.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import quote

from .problems import Problem
from .prreport import PageChange, Report
from .recorddiff import MAX_VALUES, RecordChange
from .urls import doc_url, record_doc

MARKER = "<!-- tiltakshefte-pr-rapport -->"
GITHUB_LIMIT = 65_536
# Room under GitHub's limit for the posting job's own additions and for counting
# differences (GitHub counts characters; we stay well clear).
DEFAULT_LIMIT = 60_000
MAX_LIST_ITEMS = 50
SEPARATOR = "\n\n"
_NOTE_ROOM = 400  # for the note that says what was left out

KIND_NAMES = {
    "pilots": "Pilot", "municipalities": "Kommune", "measures": "Tiltak",
    "organisations": "Organisasjon", "sources": "Kilde", "terms": "Ord i ordlisten",
    "pages": "Side", "datasets": "Datasett",
}
STATUS_HEADINGS = {"added": "Lagt til", "changed": "Endret", "removed": "Fjernet"}
PAGE_STATUS = {"added": "ny side", "changed": "endret", "removed": "fjernet"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_MENTION = re.compile(r"([@#])(?=[\w-])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~:-])")
_ZWSP = "\u200b"


def _clean(text: str) -> str:
    """One line without control or direction-override characters."""
    return " ".join(_CONTROL.sub("", text).split())


def _defuse(text: str) -> str:
    return _MENTION.sub(r"\1" + _ZWSP, text)


def md_text(text: str) -> str:
    """Content text for Markdown outside code: no HTML, no Markdown, no mentions."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(_defuse(_clean(text)), quote=False))


def html_text(text: str) -> str:
    """Content text inside an HTML element such as ``<summary>``."""
    return html.escape(_defuse(_clean(text)), quote=True)


def md_code(text: str) -> str:
    """Content text as an inline code span (mentions and HTML are inert inside)."""
    text = _clean(text) or " "
    ticks = "`" * (max(map(len, re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def code_block(lines: Iterable[str], language: str = "diff") -> str:
    """A fenced code block no line can close early."""
    body = [_CONTROL.sub("", line) for line in lines]
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + language, *body, fence])


def md_link(label: str, url: str) -> str:
    """A Markdown link to an http(s) URL, percent-encoded so it cannot end early."""
    if not url.startswith(("https://", "http://")):
        return label
    return f"[{label}]({quote(url, safe=':/#?=&%~.-_')})"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class _Budget:
    """Collects blocks while they fit under the limit; counts what is left out, by section."""

    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0
        self.parts: list[str] = []
        self.left_out: dict[str, int] = {}

    def add(self, block: str, unit: str = "avsnitt") -> bool:
        """Add one block, or count it as left out (and everything after it)."""
        cost = len(block) + len(SEPARATOR)
        if self.left_out or self.used + cost > self.limit:
            self.left_out[unit] = self.left_out.get(unit, 0) + 1
            return False
        self.parts.append(block)
        self.used += cost
        return True

    def section(self, heading: str, blocks: list[str], unit: str) -> None:
        """A heading with its blocks; the heading goes in only with its first block."""
        for index, block in enumerate(blocks):
            self.add(f"{heading}\n\n{block}" if index == 0 else block, unit)

    def note(self) -> str:
        """What was left out, or nothing."""
        if not self.left_out:
            return ""
        missing = "; ".join(f"{unit} ({count})" for unit, count in self.left_out.items())
        limit = f"{GITHUB_LIMIT:,}".replace(",", "\u00a0")
        return (f"> **Rapporten er forkortet** fordi en kommentar på GitHub kan ha høyst "
                f"{limit} tegn. Ikke vist: {missing}. Bygg nettstedet selv, eller last det "
                "ned fra kjøringen, for å se resten.")


def _capped(items: list[str], noun: str) -> list[str]:
    if len(items) <= MAX_LIST_ITEMS:
        return items
    rest = len(items) - MAX_LIST_ITEMS
    return [*items[:MAX_LIST_ITEMS], f"- … og {_plural(rest, noun, noun + 'er')} til"]


def _record_line(change: RecordChange, site_url: str | None) -> str:
    line = (f"- {KIND_NAMES.get(change.kind, change.kind)} **{md_text(change.name)}** "
            f"({md_code(change.id)}) – {md_code(change.file)}")
    if site_url and change.status != "added":
        url = site_url + doc_url(record_doc(change.kind, change.id))
        line += " – " + md_link("publisert side", url)
    if change.fields:
        line += " – endret: " + ", ".join(md_code(name) for name in change.fields)
    shown = change.values[:MAX_VALUES]
    for path, old, new in shown:
        line += f"\n  - {md_code(path)}: {_shown(old)} → {_shown(new)}"
    if len(change.values) > len(shown):
        line += f"\n  - … og {len(change.values) - len(shown)} endringer til"
    return line


def _shown(value: str) -> str:
    return f"«{md_text(value)}»" if value else "*tomt*"


def _record_blocks(report: Report) -> list[str]:
    blocks = []
    for status, heading in STATUS_HEADINGS.items():
        lines = [_record_line(c, report.site_url) for c in report.records if c.status == status]
        if lines:
            blocks.append(f"**{heading}**\n\n" + "\n".join(_capped(lines, "post")))
    return blocks or ["Ingen poster er lagt til, endret eller fjernet."]


def _problem_line(problem: Problem, new: bool) -> str:
    where = md_code(f"{problem.file}:{problem.line}")
    key = f" {md_code(problem.path)}:" if problem.path else ""
    return f"- {where}{key} {md_text(problem.message)}" + (" **(ny)**" if new else "")


def _problem_block(problems: list[Problem], report: Report, intro: str) -> str:
    lines = [_problem_line(p, p in report.new_problems) for p in problems]
    return intro + "\n\n" + "\n".join(_capped(lines, "problem"))


def _page_block(page: PageChange) -> str:
    title = f"{html_text(page.title)} – {html_text(page.path or '/')} ({PAGE_STATUS[page.status]})"
    more = (f"\n\n… og {_plural(page.hidden, 'linje', 'linjer')} til i denne siden."
            if page.hidden else "")
    return (f"<details>\n<summary>{title}</summary>\n\n{code_block(page.diff)}{more}\n\n"
            "</details>")


def _summary(report: Report) -> str:
    counts = {s: sum(1 for c in report.records if c.status == s) for s in STATUS_HEADINGS}
    records = ", ".join(f"{n} {STATUS_HEADINGS[s].lower()}" for s, n in counts.items())
    errors = sum(1 for p in report.problems if p.severity == "error")
    warnings = len(report.problems) - errors
    parts = [f"**Poster:** {records}"]
    if report.pages is not None:
        parts.append(f"**Sider med endret tekst:** {len(report.pages)}")
    parts.append(f"**Feil:** {errors}" if errors else "")
    parts.append(f"**Advarsler:** {warnings}")
    return " · ".join(p for p in parts if p)


def _footer(report: Report) -> str:
    where = (" Det bygde nettstedet og skjermbildene kan lastes ned fra "
             f"{md_link('kjøringen', report.run_url)}." if report.run_url else "")
    return ("---\n<sub>Laget automatisk for hver push til pull requesten; kommentaren "
            f"oppdateres i stedet for å gjentas.{where}</sub>")


def format_comment(report: Report, limit: int = DEFAULT_LIMIT) -> str:
    """The whole comment, at most ``limit`` characters, starting with :data:`MARKER`."""
    footer = _footer(report)
    budget = _Budget(limit - len(footer) - _NOTE_ROOM)
    budget.add(f"{MARKER}\n## Rapport for pull requesten\n\n{_summary(report)}")
    for note in report.notes:
        budget.add(f"> {note}")
    errors = [p for p in report.problems if p.severity == "error"]
    warnings = [p for p in report.problems if p.severity == "warning"]
    if errors:
        budget.section(f"### Feil ({len(errors)})", [_problem_block(
            errors, report, "Nettstedet kan ikke bygges før disse er rettet:")], "avsnitt om feil")
    budget.section("### Poster", _record_blocks(report), "avsnitt om poster")
    if warnings:
        budget.section(f"### Advarsler fra `validate` ({len(warnings)})", [_problem_block(
            warnings, report, "Advarslene stopper ikke byggingen her, men sjekken i CI "
            "(`validate --strict`) regner dem som feil.")], "avsnitt om advarsler")
    if report.pages:
        budget.section(f"### Sider med endret tekst ({len(report.pages)})",
                       [_page_block(page) for page in report.pages], "sider med endret tekst")
    elif report.pages is not None:
        budget.section("### Sider med endret tekst", ["Ingen sider får endret tekst."],
                       "avsnitt om sider")
    parts = [*budget.parts, budget.note(), footer]
    return SEPARATOR.join(part for part in parts if part) + "\n"
