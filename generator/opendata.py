"""Open data: every dataset and the whole catalogue as CSV and JSON under ``data/``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .config import SiteConfig
from .datasets import Dataset
from .evidence import measure_facts
from .graph import Site
from .records import Measure, Municipality, Organisation, Pilot, Record, Source
from .urls import doc_url, record_doc

DATA_LICENCE = "CC BY 4.0"
CATALOGUE_FILES = {
    "measures": "tiltak",
    "pilots": "piloter",
    "municipalities": "kommuner",
    "organisations": "organisasjoner",
    "sources": "kilder",
}

# Columns of each catalogue CSV: (column name, description for the «Åpne data» page).
CSV_FIELDS: dict[str, list[tuple[str, str]]] = {
    "measures": [
        ("id", "Id"), ("navn", "Navn"), ("sammendrag", "Kort beskrivelse"),
        ("malgrupper", "Målgrupper (skilt med |)"), ("mal", "Mål (skilt med |)"),
        ("ressursbehov", "lav, middels eller hoy"),
        ("kunnskapsgrunnlag", "Nivå 0–4, regnet ut fra resultatene"),
        ("piloter", "Piloter som har prøvd tiltaket (id-er, skilt med |)"),
        ("kommuner", "Kommuner som har prøvd tiltaket (id-er, skilt med |)"), ("url", "Side"),
    ],
    "pilots": [
        ("id", "Id"), ("navn", "Navn"), ("region", "Region"), ("start", "Start"),
        ("slutt", "Slutt"), ("arbeidsform", "Arbeidsform"),
        ("kommuner", "Kommuner (id-er, skilt med |)"), ("tiltak", "Tiltak (id-er, skilt med |)"),
        ("url", "Side"),
    ],
    "municipalities": [
        ("id", "Id"), ("navn", "Navn"), ("fylke", "Fylke"),
        ("piloter", "Piloter (id-er, skilt med |)"), ("url", "Side"),
        ("kommunesenter", "Kommunesenteret, der kommunen står på kartet"),
        ("breddegrad", "Kommunesenterets breddegrad (desimalgrader)"),
        ("lengdegrad", "Kommunesenterets lengdegrad (desimalgrader)"),
        ("kilde_kommunesenter", "Hvor koordinatene kommer fra"),
    ],
    "organisations": [
        ("id", "Id"), ("navn", "Navn"), ("forkortelse", "Forkortelse"), ("type", "Type"),
        ("url", "Side"),
    ],
    "sources": [
        ("id", "Id"), ("tittel", "Tittel"), ("type", "Type"), ("serie", "Serie"),
        ("dato", "Dato"), ("url", "Side"),
    ],
}


def open_data_files(site: Site, config: SiteConfig) -> dict[str, str]:
    """Site path → file text for every open-data file."""
    files: dict[str, str] = {}
    for item in site.items.get("datasets", {}).values():
        dataset = item.record
        assert isinstance(dataset, Dataset)
        files.update(_dataset_files(dataset))
    for kind, name in CATALOGUE_FILES.items():
        rows = [catalogue_row(site, kind, r, config) for r in site.all(kind)]
        files[f"data/{name}.csv"] = _csv([f for f, _ in CSV_FIELDS[kind]], rows)
        full = [dict(r.model_dump(mode="json"), url=row["url"])
                for r, row in zip(site.all(kind), rows, strict=True)]
        files[f"data/{name}.json"] = _json_file(name, {"lisens": DATA_LICENCE, "poster": full})
    return files


# The files of each dataset from the last build, with the record they were made from: a
# record is frozen, and one whose file did not change is the same object (``serve``).
_DATASET_FILES: dict[str, tuple[Dataset, dict[str, str]]] = {}


def _dataset_files(dataset: Dataset) -> dict[str, str]:
    """A dataset's CSV and JSON files, made again only when the record is another."""
    known = _DATASET_FILES.get(dataset.id)
    if known is not None and known[0] is dataset:
        return known[1]
    files = {f"data/datasett/{dataset.id}.csv": dataset_csv(dataset),
             f"data/datasett/{dataset.id}.json": _json_file(f"datasett/{dataset.id}",
                                                           dataset_json(dataset))}
    _DATASET_FILES[dataset.id] = (dataset, files)
    return files


def dataset_csv(dataset: Dataset) -> str:
    """The dataset as a CSV table: one header row with labels, then the rows."""
    header = [c.label + (f" ({c.unit})" if c.unit else "") for c in dataset.columns]
    rows = zip(*[c.values for c in dataset.columns], strict=True)
    return _csv(header, [dict(zip(header, row, strict=True)) for row in rows])


def dataset_json(dataset: Dataset) -> dict[str, Any]:
    """The dataset with its metadata, as JSON-ready data."""
    return dict(dataset.model_dump(mode="json"), lisens=DATA_LICENCE)


def catalogue_row(site: Site, kind: str, record: Record, config: SiteConfig) -> dict[str, Any]:
    """One CSV row for a record."""
    url = config.site_url + doc_url(record_doc(kind, record.id))
    if isinstance(record, Measure):
        facts = measure_facts(site, record)
        return {"id": record.id, "navn": record.name, "sammendrag": record.summary,
                "malgrupper": "|".join(record.target_groups), "mal": "|".join(record.aims),
                "ressursbehov": record.resource_need, "kunnskapsgrunnlag": facts.evidence,
                "piloter": "|".join(facts.pilots), "kommuner": "|".join(facts.municipalities),
                "url": url}
    if isinstance(record, Pilot):
        return {"id": record.id, "navn": record.name, "region": record.region,
                "start": record.period.start, "slutt": record.period.end or "",
                "arbeidsform": record.method,
                "kommuner": "|".join(p.municipality for p in record.municipalities),
                "tiltak": "|".join(u.measure for u in record.measures), "url": url}
    if isinstance(record, Municipality):
        pilots = [p.id for p, _ in site.municipality_pilots.get(record.id, [])]
        centre = record.centre
        return {"id": record.id, "navn": record.name, "fylke": record.county,
                "piloter": "|".join(pilots), "url": url,
                "kommunesenter": centre.name if centre else "",
                "breddegrad": centre.latitude if centre else "",
                "lengdegrad": centre.longitude if centre else "",
                "kilde_kommunesenter": centre.source if centre else ""}
    if isinstance(record, Organisation):
        return {"id": record.id, "navn": record.name, "forkortelse": record.short_name or "",
                "type": record.kind, "url": url}
    assert isinstance(record, Source)
    return {"id": record.id, "tittel": record.title, "type": record.kind,
            "serie": record.series or "", "dato": record.date, "url": url}


def _csv(header: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# The last text of each JSON file, by the ``repr`` of its value: ``serve`` builds again and
# again, and most files stay the same. (``repr`` tells 1, 1.0 and True apart and keeps key
# order, as the JSON text does; ``==`` would not.)
_JSON_TEXTS: dict[str, tuple[str, str]] = {}


def _json_file(name: str, value: object) -> str:
    """``value`` as the text of a JSON file, written afresh only when the value changed."""
    key = repr(value)
    known = _JSON_TEXTS.get(name)
    if known is not None and known[0] == key:
        return known[1]
    text = _json(value)
    _JSON_TEXTS[name] = (key, text)
    return text


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
