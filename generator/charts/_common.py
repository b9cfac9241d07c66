"""Helpers shared by the chart type modules."""

from __future__ import annotations

from typing import Any

from ..datasets import Chart, Dataset


def categories(dataset: Dataset, chart: Chart) -> list[str]:
    """The category labels as text."""
    return ["" if v is None else str(v) for v in dataset.column(chart.x).values]


def bar_traces(dataset: Dataset, chart: Chart) -> list[dict[str, Any]]:
    """One bar trace per value column (shared by the bar chart types)."""
    labels = categories(dataset, chart)
    traces = []
    for key in chart.y:
        column = dataset.column(key)
        axis = ("y", "x") if chart.horizontal else ("x", "y")
        traces.append({
            "type": "bar", "name": column.label,
            axis[0]: labels, axis[1]: column.values,
            "orientation": "h" if chart.horizontal else "v",
            "hovertemplate": "%{" + axis[0] + "}: %{" + axis[1] + "}<extra>" + column.label
            + "</extra>",
        })
    return traces
