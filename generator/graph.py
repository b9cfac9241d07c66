"""Resolve references between records and build the back-links both ways."""

from __future__ import annotations

import difflib
import re
import types
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .content import ContentTree
from .datasets import Chart, Dataset
from .fields import ID_PATTERN, RefTo
from .kinds import KINDS
from .loader import KeyPath, RawRecord, format_path
from .messages import message
from .problems import Problem
from .records import (
    KIND_LABELS,
    Measure,
    MeasureUse,
    Municipality,
    Organisation,
    Participant,
    Partner,
    Pilot,
    Record,
    Source,
)
from .validate import Loaded

Ref = tuple[KeyPath, str, str]


@dataclass
class Site:
    """Every record, by kind and id, with the links between them resolved."""

    items: dict[str, dict[str, Loaded]]
    measure_uses: dict[str, list[tuple[Pilot, MeasureUse]]] = field(default_factory=dict)
    municipality_pilots: dict[str, list[tuple[Pilot, Participant]]] = field(default_factory=dict)
    organisation_roles: dict[str, list[tuple[Pilot, Partner]]] = field(default_factory=dict)
    citations: dict[str, list[tuple[str, Record]]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    municipality_measures: dict[str, list[tuple[Pilot, MeasureUse]]] = field(default_factory=dict)
    chart_ids: set[str] = field(default_factory=set)
    charts: dict[str, tuple[Dataset, Chart]] = field(default_factory=dict)

    def all(self, kind: str) -> list[Record]:
        """Every record of ``kind``, sorted by display name (Norwegian order)."""
        records = [item.record for item in self.items.get(kind, {}).values()]
        return sorted(records, key=lambda r: sort_key(r.display_name()))

    def get(self, kind: str, record_id: str) -> Record:
        """The record of ``kind`` with ``record_id`` (references are checked first)."""
        return self.items[kind][record_id].record

    def pilots(self) -> list[Pilot]:
        """Every pilot, by start date."""
        pilots = [r for r in self.all("pilots") if isinstance(r, Pilot)]
        return sorted(pilots, key=lambda p: (p.period.start, p.name))

    def measures(self) -> list[Measure]:
        """Every measure, by name."""
        return [r for r in self.all("measures") if isinstance(r, Measure)]

    def municipalities(self) -> list[Municipality]:
        """Every municipality, by name."""
        return [r for r in self.all("municipalities") if isinstance(r, Municipality)]

    def organisations(self) -> list[Organisation]:
        """Every organisation, by name."""
        return [r for r in self.all("organisations") if isinstance(r, Organisation)]

    def sources(self) -> list[Source]:
        """Every source, by title."""
        return [r for r in self.all("sources") if isinstance(r, Source)]


_NORWEGIAN = str.maketrans({"æ": "ze", "ø": "zo", "å": "zz", "Æ": "ze", "Ø": "zo", "Å": "zz"})


def sort_key(text: str) -> str:
    """Sort in Norwegian alphabetical order (æ, ø, å last)."""
    return text.lower().translate(_NORWEGIAN)


def iter_refs(model: type[BaseModel], data: Any, path: KeyPath = ()) -> Iterator[Ref]:
    """Yield ``(key path, kind, id)`` for every reference in raw ``data`` of ``model``.

    Works on the raw YAML values, so references are checked even in records
    that have schema errors: every problem is reported in one run.
    """
    if not isinstance(data, dict):
        return
    for name, annotation, metadata in _ref_fields(model):
        if name in data:
            yield from _walk(data[name], annotation, metadata, path + (name,))


_REF_FIELDS: dict[type[BaseModel], list[tuple[str, Any, list[Any]]]] = {}
_IN_PROGRESS: set[type[BaseModel]] = set()


def record_refs(kind: str, raw: RawRecord) -> list[Ref]:
    """Every reference in a parsed file, worked out once per file: references are checked
    and back-links built from the same list, and ``serve`` keeps unchanged files."""
    if raw.refs is None:
        raw.refs = list(iter_refs(KINDS[kind], raw.data))
    return raw.refs


def _ref_fields(model: type[BaseModel]) -> list[tuple[str, Any, list[Any]]]:
    """The fields of ``model`` that can hold a reference, directly or in nested models."""
    cached = _REF_FIELDS.get(model)
    if cached is not None:
        return cached
    _IN_PROGRESS.add(model)
    try:
        fields = [
            (name, info.annotation, list(info.metadata))
            for name, info in model.model_fields.items()
            if _can_hold_ref(info.annotation, list(info.metadata))
        ]
    finally:
        _IN_PROGRESS.discard(model)
    _REF_FIELDS[model] = fields
    return fields


def _can_hold_ref(annotation: Any, metadata: list[Any]) -> bool:
    base, extra = _unwrap(annotation)
    if any(isinstance(meta, RefTo) for meta in metadata + extra):
        return True
    if isinstance(base, type) and issubclass(base, BaseModel):
        # A model that contains itself is followed; its own fields decide.
        return base in _IN_PROGRESS or bool(_ref_fields(base))
    return any(_can_hold_ref(arg, []) for arg in get_args(base))


def _walk(value: Any, annotation: Any, metadata: list[Any], path: KeyPath) -> Iterator[Ref]:
    base, extra = _unwrap(annotation)
    for meta in metadata + extra:
        if isinstance(meta, RefTo):
            if isinstance(value, str):
                yield path, meta.kind, value
            return
    origin = get_origin(base)
    if origin in (Union, types.UnionType):
        for arg in get_args(base):
            arg_base, _ = _unwrap(arg)
            if arg_base is not type(None) and _fits(value, arg_base):
                yield from _walk(value, arg, [], path)
                return
    elif origin is list and isinstance(value, list):
        inner = get_args(base)[0]
        for index, item in enumerate(value):
            yield from _walk(item, inner, [], path + (index,))
    elif isinstance(base, type) and issubclass(base, BaseModel):
        yield from iter_refs(base, value, path)


def _fits(value: Any, annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return isinstance(value, list)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return isinstance(value, dict)
    return isinstance(value, str)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    if get_origin(annotation) is Annotated:
        args = get_args(annotation)
        return args[0], list(args[1:])
    return annotation, []


def fold(text: str) -> str:
    """Lower-case ASCII form of an id, for «did you mean» across diacritics."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9-]", "", text)


def resolve(tree: ContentTree) -> tuple[Site, list[Problem]]:
    """Check every reference and build back-links; return the site and any problems."""
    items: dict[str, dict[str, Loaded]] = defaultdict(dict)
    for item in tree.loaded:
        items[item.kind][item.record.id] = item
    site = Site(dict(items))
    problems = _collect_charts(site, tree)
    known = {kind: set(ids) for kind, ids in tree.ids.items()}
    known["charts"] = site.chart_ids
    for kind, raw in tree.parsed:
        problems.extend(_check_refs(known, kind, raw))
    if not problems and not tree.problems:
        _build_backlinks(site)
    return site, problems


def _collect_charts(site: Site, tree: ContentTree) -> list[Problem]:
    """Register every chart spec by id; a chart id used twice is an error."""
    problems: list[Problem] = []
    where: dict[str, str] = {}
    for kind, raw in tree.parsed:
        specs = raw.data.get("chart_specs") if kind == "datasets" else None
        for index, spec in enumerate(specs if isinstance(specs, list) else []):
            chart_id = spec.get("id") if isinstance(spec, dict) else None
            if not isinstance(chart_id, str):
                continue
            if chart_id in where:
                line, col = raw.position(("chart_specs", index, "id"))
                text = message("duplicate_chart", id=chart_id, other=where[chart_id])
                problems.append(Problem(raw.file, line, col,
                                        format_path(("chart_specs", index, "id")), text))
            where.setdefault(chart_id, raw.file)
            site.chart_ids.add(chart_id)
    for item in site.items.get("datasets", {}).values():
        dataset = item.record
        assert isinstance(dataset, Dataset)
        for chart in dataset.chart_specs:
            site.charts.setdefault(chart.id, (dataset, chart))
    return problems


def _check_refs(known: dict[str, set[str]], kind: str, raw: RawRecord) -> list[Problem]:
    problems: list[Problem] = []
    own_id = raw.data.get("id")
    seen_lists: dict[KeyPath, set[str]] = defaultdict(set)
    for path, target, value in record_refs(kind, raw):
        # A source's figures about itself (such as an evaluation's budget) cite that source.
        own_figure = kind == "sources" and path[0] == "figures"
        is_self = kind == target and value == own_id and not own_figure
        text = _ref_problem(known, target, value, is_self)
        if text is None and isinstance(path[-1], int):
            if value in seen_lists[path[:-1]]:
                text = message("duplicate_ref", value=value)
            seen_lists[path[:-1]].add(value)
        if text:
            line, col = raw.position(path)
            problems.append(Problem(raw.file, line, col, format_path(path), text))
    return problems


def _ref_problem(known: dict[str, set[str]], kind: str, value: str, is_self: bool) -> str | None:
    if is_self:
        return message("self_ref")
    ids = known.get(kind, set())
    if value in ids:
        return None
    for other_kind, other_ids in known.items():
        if other_kind != kind and value in other_ids:
            return message("wrong_kind_ref", value=value, actual=KIND_LABELS[other_kind][0],
                           kind=KIND_LABELS[kind][0])
    return message("unknown_ref", kind=KIND_LABELS[kind][0].split(" ", 1)[1], value=value,
                   hint=_suggest(value, ids))


def _suggest(value: str, known: set[str]) -> str:
    folded = {fold(k): k for k in known if ID_PATTERN.fullmatch(k)}
    if fold(value) in folded:
        return message("did_you_mean", suggestion=folded[fold(value)])
    match = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=0.6)
    return message("did_you_mean", suggestion=folded[match[0]]) if match else ""


def _build_backlinks(site: Site) -> None:
    uses: dict[str, list[tuple[Pilot, MeasureUse]]] = defaultdict(list)
    members: dict[str, list[tuple[Pilot, Participant]]] = defaultdict(list)
    roles: dict[str, list[tuple[Pilot, Partner]]] = defaultdict(list)
    by_municipality: dict[str, list[tuple[Pilot, MeasureUse]]] = defaultdict(list)
    for pilot in site.pilots():
        for use in pilot.measures:
            uses[use.measure].append((pilot, use))
            named = set(use.municipalities)
            named.update(m for result in use.results for m in result.municipalities)
            for municipality in sorted(named):
                by_municipality[municipality].append((pilot, use))
        for participant in pilot.municipalities:
            members[participant.municipality].append((pilot, participant))
        for partner in pilot.partners:
            roles[partner.organisation].append((pilot, partner))
    related: dict[str, set[str]] = defaultdict(set)
    for measure in site.measures():
        for other in measure.related:
            related[measure.id].add(other)
            related[other].add(measure.id)
    citations: dict[str, list[tuple[str, Record]]] = defaultdict(list)
    for kind, records in site.items.items():
        for item in records.values():
            cited = {v for _, k, v in record_refs(kind, item.raw) if k == "sources"}
            for source_id in sorted(cited):
                citations[source_id].append((kind, item.record))
    site.measure_uses, site.municipality_pilots = dict(uses), dict(members)
    site.organisation_roles, site.citations = dict(roles), dict(citations)
    site.related = {k: sorted(v) for k, v in related.items()}
    site.municipality_measures = dict(by_municipality)
