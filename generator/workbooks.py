"""Open data as Excel workbooks, for the offices that work in a spreadsheet.

A CSV file opens in Norwegian Excel as one column (it expects semicolons and decimal
commas), and carries no title, unit or source. A workbook holds real numbers (Excel shows
them with the reader's decimal comma) and, above the table, what the numbers are, where
they come from and under which licence they may be used.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import xlsxwriter

# A fixed creation time, so that the same content gives the same bytes in every build.
_CREATED = datetime(2020, 1, 1)
Cell = str | float | int | None


class Sheet:
    """One worksheet: a block of facts (label, text) above a table with a header row."""

    def __init__(self, name: str, title: str, facts: Sequence[tuple[str, str]],
                 header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        self.name = name[:31]  # Excel's limit for a sheet name
        self.title = title
        self.facts = facts
        self.header = header
        self.rows = rows


def workbook_bytes(title: str, sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx file with ``sheets``, in memory."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": title, "created": _CREATED, "author": "Jobbvinner"})
    styles = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "label": book.add_format({"bold": True, "valign": "top"}),
        "text": book.add_format({"text_wrap": True, "valign": "top"}),
        "head": book.add_format({"bold": True, "bottom": 1, "text_wrap": True,
                                 "valign": "bottom"}),
    }
    for sheet in sheets:
        _write_sheet(book.add_worksheet(sheet.name), sheet, styles)
    book.close()
    return buffer.getvalue()


def _write_sheet(ws: Any, sheet: Sheet, styles: dict[str, Any]) -> None:
    ws.write_string(0, 0, sheet.title, styles["title"])
    row = 1
    for label, text in sheet.facts:
        ws.write_string(row, 0, label, styles["label"])
        ws.write_string(row, 1, text, styles["text"])
        row += 1
    row += 1
    if not sheet.header:
        ws.set_column(0, 0, 16)
        ws.set_column(1, 1, 80)
        return
    for col, name in enumerate(sheet.header):
        ws.write_string(row, col, name, styles["head"])
    ws.freeze_panes(row + 1, 0)
    for values in sheet.rows:
        row += 1
        for col, value in enumerate(values):
            _write_cell(ws, row, col, value)
    widths = [min(max(len(str(v or "")) for v in column) + 2, 60)
              for column in zip(sheet.header, *sheet.rows, strict=True)]
    if sheet.facts and len(widths) > 1:
        widths[1] = 60  # the facts' texts wrap in the second column
    for col, width in enumerate(widths):
        ws.set_column(col, col, max(width, 10))


def _write_cell(ws: Any, row: int, col: int, value: Cell) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        ws.write_string(row, col, str(value))
    else:
        ws.write_number(row, col, value)
