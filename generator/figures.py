"""Every chart's Plotly figure, built once per build and checked by plotly.py.

Charts appear on several pages (a pilot, a measure and «Tall og resultater»), so each
figure is built here once and the pages embed the result. A property plotly.py rejects
is reported like any other content problem: the dataset file, the line of the chart and
the chart id, in Norwegian.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass

from .charts import figure, safe_json
from .charts.errors import describe
from .charts.pilot_map import HEIGHT, MapPoint, map_figure
from .charts.static_map import StaticMap, static_map
from .datasets import Chart, Dataset
from .figure_cache import cached_figure
from .graph import Site
from .loader import format_path
from .problems import ContentError, Problem
from .records import Municipality
from .urls import index_doc, record_doc, relative_url

# The key of the map of the pilots among the figures; no chart id can hold a colon.
PILOT_MAP = "kommuner:kart"


@dataclass(frozen=True)
class BuiltFigure:
    """A figure ready for a page: safe JSON and the height the page reserves for it."""

    json: str
    height: int


def build_figures(site: Site) -> dict[str, BuiltFigure]:
    """Chart id → built figure for every chart; raises ContentError listing every failure."""
    built: dict[str, BuiltFigure] = {}
    problems: list[Problem] = []
    for chart_id, (dataset, chart) in site.charts.items():
        inputs = f"chart\0{chart_id}\0{dataset.model_dump_json()}"
        try:
            data = cached_figure(inputs, functools.partial(figure, dataset, chart))
        except ValueError as exc:
            problems.append(_problem(site, dataset, chart, describe(chart_id, exc)))
            continue
        built[chart_id] = BuiltFigure(safe_json(data), int(data["layout"]["height"]))
    if problems:
        raise ContentError(sorted(problems))
    pilot_map = build_pilot_map(site)
    if pilot_map is not None:
        built[PILOT_MAP] = pilot_map
    return built


def map_groups(site: Site) -> list[tuple[str, list[MapPoint]]]:
    """(pilot name, points) for every pilot with at least one municipality that has a centre;
    the links are relative to the municipalities overview, where the map is shown."""
    page = index_doc("municipalities")
    groups = []
    for pilot in site.pilots():
        points = []
        for participant in pilot.municipalities:
            municipality = site.get("municipalities", participant.municipality)
            if isinstance(municipality, Municipality) and municipality.centre:
                url = relative_url(page, record_doc("municipalities", municipality.id))
                centre = municipality.centre
                points.append(MapPoint(municipality.name, centre.latitude, centre.longitude, url,
                                       municipality.id))
        if points:
            groups.append((pilot.name, points))
    return groups


def build_pilot_map(site: Site) -> BuiltFigure | None:
    """The map of the pilots, or None when no municipality has a centre."""
    groups = map_groups(site)
    if not groups:
        return None
    inputs = "map\0" + json.dumps([(name, [asdict(p) for p in points])
                                    for name, points in groups], ensure_ascii=False)
    data = cached_figure(inputs, functools.partial(map_figure, groups))
    return BuiltFigure(safe_json(data), HEIGHT)


def build_static_map(site: Site, title: str, summary: str) -> StaticMap | None:
    """The map of the pilots drawn as SVG, or None when no municipality has a centre."""
    groups = map_groups(site)
    return static_map(groups, title, summary) if groups else None


def _problem(site: Site, dataset: Dataset, chart: Chart, text: str) -> Problem:
    raw = site.items["datasets"][dataset.id].raw
    path = ("chart_specs", dataset.chart_specs.index(chart))
    line, col = raw.position(path)
    return Problem(raw.file, line, col, format_path(path), text)
