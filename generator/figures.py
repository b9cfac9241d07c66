"""Every chart's Plotly figure, built once per build and checked by plotly.py.

Charts appear on several pages (a pilot, a measure and «Tall og resultater»), so each
figure is built here once and the pages embed the result. A property plotly.py rejects
is reported like any other content problem: the dataset file, the line of the chart and
the chart id, in Norwegian.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .charts import figure, safe_json
from .charts.errors import describe
from .datasets import Chart, Dataset
from .figure_cache import cached_figure
from .graph import Site
from .loader import format_path
from .problems import ContentError, Problem


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
    return built


def _problem(site: Site, dataset: Dataset, chart: Chart, text: str) -> Problem:
    raw = site.items["datasets"][dataset.id].raw
    path = ("chart_specs", dataset.chart_specs.index(chart))
    line, col = raw.position(path)
    return Problem(raw.file, line, col, format_path(path), text)
