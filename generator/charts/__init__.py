"""Chart types, one module each, found by their ``TYPE`` constant.

To add a chart type, add a module here with ``TYPE = "name"`` and a
``traces(dataset, chart) -> list[plotly trace]`` function built with
``plotly.graph_objects`` (optionally ``LAYOUT``, merged into the common layout), and
add the name to ``ChartType`` in :mod:`generator.datasets`.

The chart modules import plotly; they are imported only when a figure is built, so
commands that draw no chart (``validate``, ``new``, ``schema``) never load plotly.
Figures carry no colours and no Plotly template: the browser applies the site palette
(light or dark) when it draws them.
"""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
from types import ModuleType
from typing import Any

from ..datasets import Chart, Dataset

# Norwegian numbers: decimal comma and a no-break space between thousands, as in the tables.
SEPARATORS = ",\u00a0"
# Axis ticks: thousands grouped, no SI suffixes («150 000», not «150k»).
TICK_FORMAT = ",~f"

# Heights in CSS pixels. A horizontal chart gets a row per category; a vertical one a
# fixed height. The page reserves the same height before the chart is drawn.
_CHROME = 96          # margins, tick labels and the value axis title
_ROW = 52             # one category row (room for a label wrapped in three lines on a phone)
_BAR_IN_GROUP = 18    # each extra bar in a group of side-by-side bars
_LEGEND_LINE = 22     # a legend entry: on a phone each takes a line of its own
_VERTICAL = 340
_MINIMUM = 220


@functools.cache
def registry() -> dict[str, ModuleType]:
    """Chart type name → module, discovered (and imported) on first use."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "TYPE"):
            found[module.TYPE] = module
    return found


def chart_height(dataset: Dataset, chart: Chart) -> int:
    """The chart's height in CSS pixels: it follows the number of categories."""
    series = len(chart.y)
    legend = 0 if series == 1 else _LEGEND_LINE * series
    if not chart.horizontal:
        return _VERTICAL + legend
    rows = len(dataset.column(chart.x).values)
    per_row = _ROW + (_BAR_IN_GROUP * (series - 1) if chart.type == "grouped_bar" else 0)
    return max(_MINIMUM, _CHROME + legend + rows * per_row)


def base_layout(dataset: Dataset, chart: Chart) -> dict[str, Any]:
    """The layout every chart shares, before the chart type's own ``LAYOUT``."""
    value_axis = {"automargin": True, "fixedrange": True, "rangemode": "tozero",
                  "tickformat": TICK_FORMAT, "exponentformat": "none",
                  "title": {"text": chart.y_title or dataset.column(chart.y[0]).unit
                            or dataset.unit}}
    category_axis: dict[str, Any] = {"automargin": True, "fixedrange": True}
    if chart.horizontal:
        category_axis["autorange"] = "reversed"
    return {
        "separators": SEPARATORS,
        "height": chart_height(dataset, chart),
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "pad": 4},
        # Above the plot: below it, the legend ran into the value axis's title on a phone.
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02,
                   "yanchor": "bottom"},
        "hovermode": "closest",
        "font": {"family": "inherit", "size": 13},
        "xaxis": value_axis if chart.horizontal else category_axis,
        "yaxis": category_axis if chart.horizontal else value_axis,
    }


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` merged in, nested dictionaries key by key."""
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def figure(dataset: Dataset, chart: Chart) -> dict[str, Any]:
    """The Plotly figure (data and layout) for ``chart``, validated by plotly.py.

    Raises ``ValueError`` (from plotly) when a trace or layout property is invalid.
    """
    import plotly.graph_objects as go

    module = registry()[chart.type]
    layout = merge(base_layout(dataset, chart), getattr(module, "LAYOUT", {}))
    built = go.Figure(data=module.traces(dataset, chart), layout=layout)
    return plain(built)


def plain(built: Any) -> dict[str, Any]:
    """A validated figure as plain JSON data, without plotly.py's default template."""
    result: dict[str, Any] = built.to_plotly_json()
    result["layout"].pop("template", None)
    return result


def safe_json(value: object) -> str:
    """JSON that cannot close its ``<template>``, open a tag or comment, or hold an entity."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text
