"""Turn a submitted GitHub issue form («Foreslå en pilot eller et tiltak») into a record.

GitHub renders an issue form as Markdown: one ``### Label`` heading per field, the
answer below it, ``_No response_`` for empty answers and ``- [X] Label`` for ticked
boxes. The labels here must match ``.github/ISSUE_TEMPLATE/forslag.yml`` (a test
checks that).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
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
    "Kommuner": "municipalities",
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
    """The record made from a form: where it goes, its YAML text, and the municipalities
    named in the form that have no record yet (listed for the editor, never guessed)."""

    kind: str
    record_id: str
    path: str
    text: str
    unknown_municipalities: list[str] = field(default_factory=list)
    # Answers the form had that could not be used (an unknown county …), in the form's words.
    problems: list[tuple[str, str]] = field(default_factory=list)


class FormError(ValueError):
    """The form cannot become a record: each problem as (the form's label, a message for
    the person who sent it)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"«{label}»: {text}" for label, text in problems))


def parse_body(body: str) -> dict[str, str]:
    """Split the rendered form into ``{field key: answer}``; unknown headings are errors."""
    answers: dict[str, str] = {}
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"^### +(.+?)\s*$", text, flags=re.M)
    unknown = [label for label in parts[1::2] if label not in LABELS]
    if unknown:
        raise FormError([(label, "ukjent felt i skjemaet: «" + label + "»; skjemaet er "
                          "kanskje endret siden saken ble skrevet") for label in unknown])
    for label, answer in zip(parts[1::2], parts[2::2], strict=True):
        value = answer.strip()
        answers[LABELS[label]] = "" if value == NO_RESPONSE else value
    return answers


def slugify(name: str) -> str:
    """An id from a name: «Åpen dag for studenter» → ``apen-dag-for-studenter``."""
    text = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def accepted(choices: dict[str, str]) -> str:
    """The labels of a vocabulary, for «du kan velge …»."""
    return ", ".join(choices.values())


def _ticked(answer: str, choices: dict[str, str], label: str,
            problems: list[tuple[str, str]]) -> list[str]:
    ticked = re.findall(r"^\s*[-*] \[[xX]\] (.+?)\s*$", answer, flags=re.M)
    by_label = {text.casefold(): key for key, text in choices.items()}
    unknown = [text for text in ticked if text.casefold() not in by_label]
    if unknown:
        problems.append((label, f"kjenner ikke igjen {_quoted(unknown)}; du kan velge: "
                                f"{accepted(choices)}"))
    return [by_label[text.casefold()] for text in ticked if text.casefold() in by_label]


def _quoted(values: list[str]) -> str:
    return ", ".join(f"«{value}»" for value in values)


def fold_place(name: str, suffixes: tuple[str, ...]) -> str:
    """A place name for matching: any case, spaces tidied, «fylke»/«kommune» left out."""
    text = " ".join(name.split()).casefold()
    for suffix in suffixes:
        text = text.removesuffix(" " + suffix)
    return text.strip()


def _places(answer: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", answer) if part.strip()]


def match_counties(answer: str) -> tuple[list[str], list[str]]:
    """County ids for the names in ``answer`` (with or without «fylke», any case), and the
    names that match none. «Vestland og Rogaland» is two counties; «Møre og Romsdal» one."""
    known = {fold_place(label, ()): key for key, label in vocab.COUNTIES.items()}
    known.update({key: key for key in vocab.COUNTIES})
    found: list[str] = []
    unknown: list[str] = []
    for name in _places(answer):
        folded = fold_place(name, ("fylkeskommune", "fylke"))
        parts = [fold_place(p, ("fylkeskommune", "fylke")) for p in folded.split(" og ")]
        if folded in known:
            found.append(known[folded])
        elif len(parts) > 1 and all(part in known for part in parts):
            found.extend(known[part] for part in parts)
        else:
            unknown.append(name)
    return list(dict.fromkeys(found)), unknown


def match_municipalities(answer: str, known: dict[str, str]) -> tuple[list[str], list[str]]:
    """Municipality ids for the names in ``answer`` (``known``: name or id → id, matched with
    or without «kommune», any case), and the names that match none."""
    folded = {fold_place(name, ("kommune",)): record_id for name, record_id in known.items()}
    found: list[str] = []
    unknown: list[str] = []
    for name in _places(answer):
        record_id = folded.get(fold_place(name, ("kommune",)))
        if record_id is None:
            unknown.append(name)
        elif record_id not in found:
            found.append(record_id)
    return found, unknown


def record_from_body(body: str, municipalities: dict[str, str] | None = None) -> FormRecord:
    """Build the record (as YAML text) from a submitted form; ``municipalities`` maps the
    names and ids of the municipalities that have records to their ids."""
    answers = parse_body(body)
    problems: list[tuple[str, str]] = []
    kind = KIND_CHOICES.get(answers.get("kind", ""))
    if kind is None:
        problems.append(("Hva vil du foreslå?", "velg «Et tiltak» eller «En pilot»"))
    name = answers.get("name", "")
    record_id = slugify(name)
    if not record_id:
        problems.append(("Navn", "skriv navnet på tiltaket eller piloten"))
    unknown: list[str] = []
    if kind == "pilot":
        data = _pilot(answers, problems)
        found, unknown = match_municipalities(answers.get("municipalities", ""),
                                              municipalities or {})
        if found:
            data["municipalities"] = [{"municipality": m} for m in found]
    else:
        data = _measure(answers, problems)
    if kind is None or not record_id:
        raise FormError(problems)
    data = {"id": record_id, "name": name, **data}
    header = (f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
              "# Laget fra et forslag sendt inn med skjemaet «Foreslå en pilot eller et tiltak».\n")
    text = header + yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False,
                              width=90)
    folder = "measures" if kind == "measure" else "pilots"
    return FormRecord(kind, record_id, f"content/{folder}/{record_id}.yml", text, unknown,
                      problems)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as a ``|`` block, the way editors write prose by hand."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def _measure(answers: dict[str, str], problems: list[tuple[str, str]]) -> dict[str, Any]:
    steps = [line.lstrip("-*0123456789. ").strip()
             for line in answers.get("getting_started", "").splitlines() if line.strip()]
    data: dict[str, Any] = {
        "summary": answers.get("summary", ""),
        "description": _with_source(answers),
        "target_groups": _ticked(answers.get("target_groups", ""), vocab.TARGET_GROUPS,
                                 "Målgrupper", problems),
        "aims": _ticked(answers.get("aims", ""), vocab.AIMS, "Mål", problems),
        "resource_need": RESOURCE_CHOICES.get(answers.get("resource_need", ""), ""),
    }
    if steps:
        data["getting_started"] = steps
    return data


def _pilot(answers: dict[str, str], problems: list[tuple[str, str]]) -> dict[str, Any]:
    counties, unknown = match_counties(answers.get("counties", ""))
    if unknown:
        problems.append(("Fylker", f"kjenner ikke igjen {_quoted(unknown)}; skriv ett eller "
                                   f"flere av: {accepted(vocab.COUNTIES)}"))
    period: dict[str, str] = {"start": answers.get("start", "")}
    if answers.get("end"):
        period["end"] = answers["end"]
    return {
        "summary": answers.get("summary", ""),
        "region": answers.get("region", ""),
        "counties": counties,
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
