"""Open data: every dataset and the whole catalogue as CSV, JSON and Excel under ``data/``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from . import vocab
from .config import SiteConfig
from .datasets import Dataset
from .evidence import measure_facts
from .graph import Site
from .markup import plain_text
from .models import SourceRef
from .records import Measure, Municipality, Organisation, Pilot, Record, Source
from .urls import doc_url, record_doc
from .workbooks import Sheet, workbook_bytes

DATA_LICENCE = "CC BY 4.0"
CATALOGUE_FILES = {
    "measures": "tiltak",
    "pilots": "piloter",
    "municipalities": "kommuner",
    "organisations": "organisasjoner",
    "sources": "kilder",
}

# Columns of each catalogue file: (column name, heading in the workbook, description for the
# «Åpne data» page). Names come first, as a reader expects them; the ids the names stand for
# follow in their own columns (``*_id``, several joined with |), for programs.
CSV_FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "measures": [
        ("id", "Id", "Id"), ("navn", "Navn", "Navn"),
        ("sammendrag", "Kort beskrivelse", "Kort beskrivelse"),
        ("malgrupper", "Målgrupper", "Målgrupper (skilt med ; )"),
        ("mal", "Mål", "Mål (skilt med ; )"),
        ("ressursbehov", "Ressursbehov", "Lav, middels eller høy"),
        ("kunnskapsgrunnlag", "Kunnskapsgrunnlag", "Regnet ut fra resultatene"),
        ("resultater_fra", "Resultater fra", "Årene til pilotene med resultater, f.eks. 2017–2020"),
        ("piloter", "Piloter", "Piloter som har prøvd tiltaket (skilt med ; )"),
        ("kommuner", "Kommuner", "Kommuner som har prøvd tiltaket (skilt med ; )"),
        ("url", "Side", "Side"),
        ("malgrupper_id", "Målgrupper (id)", "Id-ene til målgruppene (skilt med |)"),
        ("mal_id", "Mål (id)", "Id-ene til målene (skilt med |)"),
        ("ressursbehov_id", "Ressursbehov (id)", "lav, middels eller hoy"),
        ("kunnskapsgrunnlag_niva", "Kunnskapsgrunnlag (nivå)", "Nivå 0–4"),
        ("piloter_id", "Piloter (id)", "Id-ene til pilotene (skilt med |)"),
        ("kommuner_id", "Kommuner (id)", "Id-ene til kommunene (skilt med |)"),
    ],
    "pilots": [
        ("id", "Id", "Id"), ("navn", "Navn", "Navn"), ("region", "Region", "Region"),
        ("start", "Start", "Start"), ("slutt", "Slutt", "Slutt"),
        ("arbeidsform", "Arbeidsform", "Arbeidsform"),
        ("kommuner", "Kommuner", "Kommuner (skilt med ; )"),
        ("tiltak", "Tiltak", "Tiltak (skilt med ; )"), ("url", "Side", "Side"),
        ("kommuner_id", "Kommuner (id)", "Id-ene til kommunene (skilt med |)"),
        ("tiltak_id", "Tiltak (id)", "Id-ene til tiltakene (skilt med |)"),
    ],
    "municipalities": [
        ("id", "Id", "Id"), ("navn", "Navn", "Navn"), ("fylke", "Fylke", "Fylke"),
        ("piloter", "Piloter", "Piloter (skilt med ; )"), ("url", "Side", "Side"),
        ("fylke_id", "Fylke (id)", "Id-en til fylket"),
        ("piloter_id", "Piloter (id)", "Id-ene til pilotene (skilt med |)"),
        ("kommunesenter", "Kommunesenter", "Kommunesenteret, der kommunen står på kartet"),
        ("breddegrad", "Breddegrad", "Kommunesenterets breddegrad (desimalgrader)"),
        ("lengdegrad", "Lengdegrad", "Kommunesenterets lengdegrad (desimalgrader)"),
        ("kilde_kommunesenter", "Kilde for kommunesenteret", "Hvor koordinatene kommer fra"),
    ],
    "organisations": [
        ("id", "Id", "Id"), ("navn", "Navn", "Navn"),
        ("forkortelse", "Forkortelse", "Forkortelse"), ("type", "Type", "Type"),
        ("url", "Side", "Side"), ("type_id", "Type (id)", "Id-en til typen"),
    ],
    "sources": [
        ("id", "Id", "Id"), ("tittel", "Tittel", "Tittel"), ("type", "Type", "Type"),
        ("serie", "Serie", "Serie"), ("dato", "Dato", "Dato"),
        ("utgiver", "Utgiver", "Utgiver eller forfatter"), ("url", "Side", "Side"),
        ("type_id", "Type (id)", "Id-en til typen"),
    ],
}
# The sheet of each kind in the catalogue workbook.
SHEET_NAMES = {"measures": "Tiltak", "pilots": "Piloter", "municipalities": "Kommuner",
               "organisations": "Organisasjoner", "sources": "Kilder"}
CATALOGUE_WORKBOOK = "data/tiltakshefte.xlsx"


def open_data_files(site: Site, config: SiteConfig) -> dict[str, str | bytes]:
    """Site path → content of every open-data file (text, or bytes for the workbooks)."""
    files: dict[str, str | bytes] = {}
    for item in site.items.get("datasets", {}).values():
        dataset = item.record
        assert isinstance(dataset, Dataset)
        source = site.get("sources", dataset.source.source)
        assert isinstance(source, Source)
        files.update(_dataset_files(dataset, source))
    tables: dict[str, list[dict[str, Any]]] = {}
    for kind, name in CATALOGUE_FILES.items():
        rows = tables[kind] = [catalogue_row(site, kind, r, config) for r in site.all(kind)]
        files[f"data/{name}.csv"] = _csv([f for f, _, _ in CSV_FIELDS[kind]], rows)
        full = [dict(r.model_dump(mode="json"), url=row["url"])
                for r, row in zip(site.all(kind), rows, strict=True)]
        files[f"data/{name}.json"] = _json_file(name, {"lisens": DATA_LICENCE, "poster": full})
    files[CATALOGUE_WORKBOOK] = catalogue_workbook(config, tables)
    return files


# The files of each dataset from the last build, with the records they were made from: a
# record is frozen, and one whose file did not change is the same object (``serve``).
_DATASET_FILES: dict[str, tuple[Dataset, Source, dict[str, str | bytes]]] = {}


def _dataset_files(dataset: Dataset, source: Source) -> dict[str, str | bytes]:
    """A dataset's CSV, JSON and workbook, made again only when a record is another."""
    known = _DATASET_FILES.get(dataset.id)
    if known is not None and known[0] is dataset and known[1] is source:
        return known[2]
    files: dict[str, str | bytes] = {
        f"data/datasett/{dataset.id}.csv": dataset_csv(dataset),
        f"data/datasett/{dataset.id}.json": _json_file(f"datasett/{dataset.id}",
                                                       dataset_json(dataset)),
        f"data/datasett/{dataset.id}.xlsx": dataset_workbook(dataset, source),
    }
    _DATASET_FILES[dataset.id] = (dataset, source, files)
    return files


def dataset_csv(dataset: Dataset) -> str:
    """The dataset as a CSV table: one header row with labels, then the rows."""
    header = [c.label + (f" ({c.unit})" if c.unit else "") for c in dataset.columns]
    rows = zip(*[c.values for c in dataset.columns], strict=True)
    return _csv(header, [dict(zip(header, row, strict=True)) for row in rows])


def dataset_json(dataset: Dataset) -> dict[str, Any]:
    """The dataset with its metadata, as JSON-ready data."""
    return dict(dataset.model_dump(mode="json"), lisens=DATA_LICENCE)


def _names(site: Site, kind: str, ids: Iterable[str]) -> str:
    return "; ".join(site.get(kind, i).display_name() for i in ids)


def _labels(labels: dict[str, str], ids: Iterable[str]) -> str:
    return "; ".join(labels[i] for i in ids)


def catalogue_row(site: Site, kind: str, record: Record, config: SiteConfig) -> dict[str, Any]:
    """One CSV row for a record: names for readers, ids for programs."""
    url = config.site_url + doc_url(record_doc(kind, record.id))
    if isinstance(record, Measure):
        return _measure_row(site, record) | {"url": url}
    if isinstance(record, Pilot):
        towns = [p.municipality for p in record.municipalities]
        measures = [u.measure for u in record.measures]
        return {"id": record.id, "navn": record.name, "region": record.region,
                "start": record.period.start, "slutt": record.period.end or "",
                "arbeidsform": record.method, "kommuner": _names(site, "municipalities", towns),
                "tiltak": _names(site, "measures", measures), "url": url,
                "kommuner_id": "|".join(towns), "tiltak_id": "|".join(measures)}
    if isinstance(record, Municipality):
        pilots = [p.id for p, _ in site.municipality_pilots.get(record.id, [])]
        centre = record.centre
        return {"id": record.id, "navn": record.name, "fylke": vocab.COUNTIES[record.county],
                "piloter": _names(site, "pilots", pilots), "url": url,
                "fylke_id": record.county, "piloter_id": "|".join(pilots),
                "kommunesenter": centre.name if centre else "",
                "breddegrad": centre.latitude if centre else "",
                "lengdegrad": centre.longitude if centre else "",
                "kilde_kommunesenter": centre.source if centre else ""}
    if isinstance(record, Organisation):
        return {"id": record.id, "navn": record.name, "forkortelse": record.short_name or "",
                "type": vocab.ORGANISATION_KINDS[record.kind], "url": url,
                "type_id": record.kind}
    assert isinstance(record, Source)
    return {"id": record.id, "tittel": record.title, "type": vocab.SOURCE_KINDS[record.kind],
            "serie": record.series or "", "dato": record.date,
            "utgiver": record.publisher or record.author_role or "", "url": url,
            "type_id": record.kind}


def _measure_row(site: Site, record: Measure) -> dict[str, Any]:
    facts = measure_facts(site, record)
    return {"id": record.id, "navn": record.name, "sammendrag": record.summary,
            "malgrupper": _labels(vocab.TARGET_GROUPS, record.target_groups),
            "mal": _labels(vocab.AIMS, record.aims),
            "ressursbehov": vocab.RESOURCE_NEEDS[record.resource_need],
            "kunnskapsgrunnlag": facts.evidence_label, "resultater_fra": facts.years_label,
            "piloter": _names(site, "pilots", facts.pilots),
            "kommuner": _names(site, "municipalities", facts.municipalities),
            "malgrupper_id": "|".join(record.target_groups), "mal_id": "|".join(record.aims),
            "ressursbehov_id": record.resource_need, "kunnskapsgrunnlag_niva": facts.evidence,
            "piloter_id": "|".join(facts.pilots),
            "kommuner_id": "|".join(facts.municipalities)}


LICENCE_TEXT = (f"{DATA_LICENCE}: fritt å bruke. Oppgi «Jobbvinner – digitalt tiltakshefte» og "
                "rapporten tallene kommer fra.")


def cite_text(source: Source, ref: SourceRef) -> str:
    """A citation as plain text: the report, its series, and the place in it."""
    series = f" ({source.series})" if source.series else ""
    return f"{source.title}{series}, {ref.location}"


def dataset_workbook(dataset: Dataset, source: Source) -> bytes:
    """The dataset as a workbook: what the numbers are and where they come from, then them."""
    facts = [("Enhet", dataset.unit), ("Gjelder", dataset.population), ("År", dataset.year)]
    if dataset.n is not None:
        facts.append(("Antall svar (n)", str(dataset.n)))
    facts.append(("Kilde", cite_text(source, dataset.source)))
    for label, text in (("Om tallene", dataset.description), ("Merknad", dataset.note)):
        if text:
            facts.append((label, plain_text(text, 10_000)))
    facts.append(("Lisens", LICENCE_TEXT))
    header = [c.label + (f" ({c.unit})" if c.unit else "") for c in dataset.columns]
    rows = [list(row) for row in zip(*[c.values for c in dataset.columns], strict=True)]
    return workbook_bytes(dataset.title, [Sheet("Tall", dataset.title, facts, header, rows)])


def catalogue_workbook(config: SiteConfig, tables: dict[str, list[dict[str, Any]]]) -> bytes:
    """The catalogue as one workbook: a sheet about the data, then one sheet per kind."""
    title = f"{config.title}: katalogen"
    about = [("Innhold", "Tiltak, piloter, kommuner, organisasjoner og kilder, ett ark for "
              "hver."),
             ("Kilde", "Jobbvinner-rapportene; hver post viser kildene sine på sin side (kolonnen "
              "«Side»)."),
             ("Nettsted", config.site_url), ("Lisens", LICENCE_TEXT)]
    sheets = [Sheet("Om dataene", title, about, [], [])]
    for kind, rows in tables.items():
        fields = CSV_FIELDS[kind]
        sheets.append(Sheet(SHEET_NAMES[kind], f"{config.title}: {SHEET_NAMES[kind].lower()}",
                            [], [heading for _, heading, _ in fields],
                            [[row[f] for f, _, _ in fields] for row in rows]))
    return workbook_bytes(title, sheets)


def _csv(header: list[str], rows: list[dict[str, Any]]) -> str:
    # A byte order mark first: without it Excel reads UTF-8 as Latin-1 («SpÃ¸rsmÃ¥l»).
    buffer = io.StringIO()
    buffer.write("\ufeff")
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
