"""Turn a submitted GitHub issue form («Foreslå en pilot eller et tiltak») into a record.

GitHub renders an issue form as Markdown: one ``### Label`` heading per field, the
answer below it, ``_No response_`` for empty answers and ``- [X] Label`` for ticked
boxes. The labels here must match ``.github/ISSUE_TEMPLATE/forslag.yml`` (a test
checks that).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from . import vocab

NO_RESPONSE = "_No response_"

# Form label → field key.
LABELS: dict[str, str] = {
    "Hva vil du foreslå?": "kind",
    "Navn": "name",
    "Kort beskrivelse": "summary",
    "Beskrivelse": "description",
    "Målgrupper": "target_groups",
    "Mål": "aims",
    "Ressursbehov": "resource_need",
    "Slik kommer man i gang": "getting_started",
    "Region": "region",
    "Fylker": "counties",
    "Start": "start",
    "Slutt": "end",
    "Arbeidsform": "method",
    "Kilde": "source_text",
    "Kontaktperson eller rolle": "contact",
}
KIND_CHOICES = {"Et tiltak": "measure", "En pilot": "pilot"}
RESOURCE_CHOICES = {label: key for key, label in vocab.RESOURCE_NEEDS.items()}


@dataclass
class FormRecord:
    """The record made from a form: where it goes, and its YAML text."""

    kind: str
    record_id: str
    path: str
    text: str


class FormError(ValueError):
    """The form cannot become a record; the message is for the person who sent it."""


def parse_body(body: str) -> dict[str, str]:
    """Split the rendered form into ``{field key: answer}``; unknown headings are errors."""
    answers: dict[str, str] = {}
    parts = re.split(r"^### +(.+?)\s*$", body.replace("\r\n", "\n"), flags=re.M)
    for label, answer in zip(parts[1::2], parts[2::2], strict=True):
        if label not in LABELS:
            raise FormError(f"ukjent felt i skjemaet: «{label}»")
        text = answer.strip()
        answers[LABELS[label]] = "" if text == NO_RESPONSE else text
    return answers


def slugify(name: str) -> str:
    """An id from a name: «Åpen dag for studenter» → ``apen-dag-for-studenter``."""
    text = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def _ticked(answer: str, choices: dict[str, str]) -> list[str]:
    labels = re.findall(r"^- \[[xX]\] (.+?)\s*$", answer, flags=re.M)
    by_label = {label: key for key, label in choices.items()}
    unknown = [label for label in labels if label not in by_label]
    if unknown:
        raise FormError(f"ukjent valg: {', '.join(unknown)}")
    return [by_label[label] for label in labels]


def record_from_body(body: str) -> FormRecord:
    """Build the record (as YAML text) from a submitted form."""
    answers = parse_body(body)
    kind = KIND_CHOICES.get(answers.get("kind", ""))
    if kind is None:
        raise FormError("velg «Et tiltak» eller «En pilot»")
    name = answers.get("name", "")
    record_id = slugify(name)
    if not record_id:
        raise FormError("navnet mangler")
    data = _measure(answers) if kind == "measure" else _pilot(answers)
    data = {"id": record_id, "name": name, **data}
    header = (f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
              "# Laget fra et forslag sendt inn med skjemaet «Foreslå en pilot eller et tiltak».\n")
    text = header + yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False,
                              width=90)
    folder = "measures" if kind == "measure" else "pilots"
    return FormRecord(kind, record_id, f"content/{folder}/{record_id}.yml", text)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as a ``|`` block, the way editors write prose by hand."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def _measure(answers: dict[str, str]) -> dict[str, Any]:
    steps = [line.lstrip("-*0123456789. ").strip()
             for line in answers.get("getting_started", "").splitlines() if line.strip()]
    data: dict[str, Any] = {
        "summary": answers.get("summary", ""),
        "description": _with_source(answers),
        "target_groups": _ticked(answers.get("target_groups", ""), vocab.TARGET_GROUPS),
        "aims": _ticked(answers.get("aims", ""), vocab.AIMS),
        "resource_need": RESOURCE_CHOICES.get(answers.get("resource_need", ""), ""),
    }
    if steps:
        data["getting_started"] = steps
    return data


def _pilot(answers: dict[str, str]) -> dict[str, Any]:
    counties = [c.strip() for c in answers.get("counties", "").split(",") if c.strip()]
    by_label = {label: key for key, label in vocab.COUNTIES.items()}
    unknown = [c for c in counties if c not in by_label]
    if unknown:
        raise FormError(f"ukjent fylke: {', '.join(unknown)}")
    period: dict[str, str] = {"start": answers.get("start", "")}
    if answers.get("end"):
        period["end"] = answers["end"]
    return {
        "summary": answers.get("summary", ""),
        "region": answers.get("region", ""),
        "counties": [by_label[c] for c in counties],
        "period": period,
        "method": answers.get("method", ""),
        "background": {"text": _with_source(answers)},
    }


def _with_source(answers: dict[str, str]) -> str:
    text = answers.get("description", "")
    source = answers.get("source_text", "")
    if source:  # the contact person is deliberately left out: it is not published
        text += f"\n\nKilde oppgitt i forslaget: {source}"
    return text.strip() + "\n" if text.strip() else ""
