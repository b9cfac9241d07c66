"""The plan templates from Østfold (``content/files/mal-*.txt``): read into parts, and
written as Word files (.docx) beside the text files when the site is built.

The text file is the one source: the Word file and the plan page («Lag plan») are made
from its parts, so the three never drift apart.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

# The templates (page id = file name without .txt), in the order they are used.
PLAN_TEMPLATES: dict[str, str] = {
    "mal-hovedplan": "Hovedplan",
    "mal-fremdriftsplan": "Fremdriftsplan",
    "mal-statusrapport": "Statusrapport",
}
MAIN_PLAN = "mal-hovedplan"
BOM = "\ufeff"

_HEADING = re.compile(r"^(\d+)\.\s+(.*)$")
_BULLET = re.compile(r"^(\s+)-\s+(.*)$")


@dataclass
class Block:
    """One part of a template: ``kind`` is paragraph, field, heading, bullet or table."""

    kind: str
    text: str = ""
    level: int = 1  # bullets: 1 or 2
    number: str = ""  # headings
    rows: list[list[str]] = field(default_factory=list)  # tables: header, then rows


@dataclass
class PlanForm:
    """A template: its title and parts."""

    title: str
    blocks: list[Block]


def read_form(text: str) -> PlanForm:
    """Read a template's text: a title line, then paragraphs, «Label:» fields, numbered
    headings with indented prompts («- …») and tables («a | b»)."""
    lines = text.lstrip(BOM).splitlines()
    if not lines:
        return PlanForm("", [])
    title, blocks = lines[0].strip(), list[Block]()
    for line in lines[1:]:
        _add_line(blocks, line)
    return PlanForm(title.capitalize(), blocks)


def _add_line(blocks: list[Block], line: str) -> None:
    last = blocks[-1] if blocks else None
    stripped = line.strip()
    if not stripped:
        blocks.append(Block("break"))
    elif "|" in line:
        cells = [cell.strip() for cell in line.split("|")]
        if last is None or last.kind != "table":
            blocks.append(Block("table", rows=[cells]))
        elif not set(stripped) <= set("-| "):
            last.rows.append(cells)
    elif heading := _HEADING.match(line):
        blocks.append(Block("heading", heading.group(2), number=heading.group(1)))
    elif bullet := _BULLET.match(line):
        level = 1 if len(bullet.group(1)) <= 3 else 2
        blocks.append(Block("bullet", bullet.group(2), level=level))
    elif line.startswith(" ") and last is not None and last.kind in ("heading", "bullet"):
        last.text += " " + stripped  # a wrapped heading or prompt
    elif stripped.endswith(":"):
        blocks.append(Block("field", stripped))
    elif last is not None and last.kind == "paragraph":
        last.text += " " + stripped
    else:
        blocks.append(Block("paragraph", stripped))
    _drop_double_breaks(blocks)


def _drop_double_breaks(blocks: list[Block]) -> None:
    if len(blocks) >= 2 and blocks[-1].kind == blocks[-2].kind == "break":
        blocks.pop()


def form_parts(form: PlanForm) -> list[Block]:
    """The parts without the blank lines between them."""
    return [block for block in form.blocks if block.kind != "break"]


# A fixed date inside the Word files and their zip entries, so that a build gives the same
# bytes every time (``serve`` and the build-identity test compare files).
_FIXED = datetime(2020, 1, 1)


def form_docx(form: PlanForm) -> bytes:
    """The template as a Word document: headings, prompts as bullets, room to write."""
    from docx import Document

    document = Document()
    document.core_properties.title = form.title
    document.core_properties.author = "Jobbvinner tiltakshefte"
    for name in ("created", "modified", "last_printed"):
        setattr(document.core_properties, name, _FIXED)
    document.core_properties.revision = 1
    document.add_heading(form.title, level=0)
    for block in form_parts(form):
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _add_block(document: object, block: Block) -> None:
    add_paragraph = document.add_paragraph  # type: ignore[attr-defined]
    if block.kind == "heading":
        document.add_heading(f"{block.number}. {block.text}", level=1)  # type: ignore[attr-defined]
        return
    if block.kind == "bullet":
        add_paragraph(block.text, style="List Bullet" if block.level == 1 else "List Bullet 2")
        return
    if block.kind == "field":
        add_paragraph().add_run(block.text).bold = True
        add_paragraph("")
        return
    if block.kind == "table":
        header, *rows = block.rows
        table = document.add_table(rows=1 + max(len(rows), 4), cols=len(header))  # type: ignore[attr-defined]
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        return
    add_paragraph(block.text)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``_FIXED`` and in a fixed order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def template_files(files_dir: Path) -> dict[str, str | bytes]:
    """Site path → content: each template's text with a byte order mark (so that a browser
    or editor that gets no charset still reads it as UTF-8), and its Word file."""
    result: dict[str, str | bytes] = {}
    for template_id in PLAN_TEMPLATES:
        path = files_dir / f"{template_id}.txt"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8-sig")
        result[f"files/{template_id}.txt"] = BOM + text
        result[f"files/{template_id}.docx"] = form_docx(read_form(text))
    return result


@dataclass
class FormSection:
    """A numbered heading with its prompts (level, text)."""

    number: str
    title: str
    prompts: list[tuple[int, str]]


def form_sections(form: PlanForm) -> tuple[list[Block], list[FormSection]]:
    """The parts before the first heading, and the numbered sections with their prompts."""
    preamble: list[Block] = []
    sections: list[FormSection] = []
    for block in form_parts(form):
        if block.kind == "heading":
            sections.append(FormSection(block.number, block.text, []))
        elif block.kind == "bullet" and sections:
            sections[-1].prompts.append((block.level, block.text))
        elif not sections:
            preamble.append(block)
    return preamble, sections
