"""The open data as a municipal office opens it: workbooks in Excel, CSV in a program."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import yaml

from generator.vocab import AIMS

ROOT = Path(__file__).resolve().parent.parent


def sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    """Every row of a sheet (the first one if not named), read as a spreadsheet would."""
    book = openpyxl.load_workbook(path, read_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = [tuple(row) for row in ws.iter_rows(values_only=True)]
    book.close()
    return rows


def test_every_dataset_has_a_workbook_with_title_unit_source_and_licence(site_dir: Path) -> None:
    records = sorted((ROOT / "content/datasets").glob("*.yml"))
    assert records
    for record in records:
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
        rows = sheet_rows(site_dir / f"data/datasett/{data['id']}.xlsx")
        facts = {row[0]: row[1] for row in rows[1:] if row[0] and row[1]}
        assert rows[0][0] == data["title"], record.name
        assert facts["Enhet"] == data["unit"]
        assert data["source"]["location"] in str(facts["Kilde"])
        assert "CC BY 4.0" in str(facts["Lisens"])
        header = rows.index(next(r for r in rows if r[0] == data["columns"][0]["label"]))
        values = [row[1] for row in rows[header + 1:]]
        assert values == data["columns"][1]["values"], record.name  # numbers stay numbers


def test_the_catalogue_workbook_shows_names_and_keeps_ids(site_dir: Path) -> None:
    book = openpyxl.load_workbook(site_dir / "data/tiltakshefte.xlsx", read_only=True)
    assert book.sheetnames == ["Om dataene", "Tiltak", "Piloter", "Kommuner", "Organisasjoner",
                               "Kilder"]
    book.close()
    rows = sheet_rows(site_dir / "data/tiltakshefte.xlsx", "Tiltak")
    header = rows[2]
    mentor = dict(zip(header, next(r for r in rows if r[0] == "mentorordning"), strict=True))
    assert mentor["Mål"] and "|" not in str(mentor["Mål"])
    assert "beholde" in str(mentor["Mål (id)"])
    assert "Mentor i Trondheim kommune" in str(mentor["Piloter"])
    assert "mentor" in str(mentor["Piloter (id)"]).split("|")
    assert re.fullmatch(r"20\d\d(–20\d\d)?", str(mentor["Resultater fra"]))
    about = dict((r[0], r[1]) for r in sheet_rows(site_dir / "data/tiltakshefte.xlsx"))
    assert "CC BY 4.0" in str(about["Lisens"])


def test_csv_files_start_with_a_byte_order_mark_and_read_as_utf8(site_dir: Path) -> None:
    files = [*site_dir.glob("data/*.csv"), *site_dir.glob("data/datasett/*.csv")]
    assert len(files) > 5
    for path in files:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    with (site_dir / "data/tiltak.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    mentor = rows["mentorordning"]
    ids = mentor["mal_id"].split("|")
    assert ids and mentor["mal"] == "; ".join(AIMS[i] for i in ids)
    assert "Spørsmål" in (site_dir / "data/datasett/salten-undersokelse-2019-2021.csv").read_text(
        encoding="utf-8-sig")


def test_chart_and_data_pages_link_the_workbooks(site_dir: Path) -> None:
    numbers = (site_dir / "tall/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*data/datasett/salten-regnskap\.xlsx" download>Excel</a>',
                     numbers)
    opendata = (site_dir / "apne-data/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*data/tiltakshefte\.xlsx" download', opendata)
    for link in re.findall(r'href="([^"]+\.xlsx)"', opendata):
        assert (site_dir / "apne-data" / link).resolve().is_file(), link
