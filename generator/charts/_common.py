"""Helpers shared by the chart type modules."""

from __future__ import annotations

import plotly.graph_objects as go

from ..datasets import Chart, Dataset

# d3-format for values in hover labels: thousands grouped and the decimal mark taken from
# the layout's ``separators`` (Norwegian), up to 12 decimals with trailing zeros trimmed,
# so a value is shown as written in the dataset, never rounded.
VALUE_FORMAT = ",.12~f"


def categories(dataset: Dataset, chart: Chart) -> list[str]:
    """The category labels as text."""
    return ["" if v is None else str(v) for v in dataset.column(chart.x).values]


def axes(chart: Chart) -> tuple[str, str]:
    """The letters of the category axis and the value axis."""
    return ("y", "x") if chart.horizontal else ("x", "y")


def hover(category_axis: str, value_axis: str, name: str) -> str:
    """A hover label «category: value» with the series name beside it."""
    return (f"%{{{category_axis}}}: %{{{value_axis}:{VALUE_FORMAT}}}"
            f"<extra>{name}</extra>")


def bar_traces(dataset: Dataset, chart: Chart) -> list[go.Bar]:
    """One bar trace per value column (shared by the bar chart types)."""
    labels = categories(dataset, chart)
    cat_axis, value_axis = axes(chart)
    traces = []
    for key in chart.y:
        column = dataset.column(key)
        traces.append(go.Bar({
            "name": column.label, cat_axis: labels, value_axis: column.values,
            "orientation": "h" if chart.horizontal else "v",
            "hovertemplate": hover(cat_axis, value_axis, column.label),
        }))
    return traces
