"""Before/after (dumbbell) chart: two values per category joined by a line."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..datasets import Chart, Dataset
from ._common import axes, categories, hover

TYPE = "dumbbell"
LAYOUT: dict[str, Any] = {}


def traces(dataset: Dataset, chart: Chart) -> list[go.Scatter]:
    """A grey connector per category, then one marker trace per value column."""
    labels = categories(dataset, chart)
    columns = [dataset.column(key) for key in chart.y]
    cat_axis, value_axis = axes(chart)
    joined_cats: list[Any] = []
    joined_values: list[Any] = []
    for row, label in enumerate(labels):
        joined_cats += [label] * len(columns) + [None]
        joined_values += [c.values[row] for c in columns] + [None]
    result = [go.Scatter({
        "mode": "lines", "showlegend": False, "hoverinfo": "skip",
        cat_axis: joined_cats, value_axis: joined_values,
        "line": {"width": 3, "color": "rgba(128,128,128,0.6)"},
    })]
    for column in columns:
        result.append(go.Scatter({
            "mode": "markers", "name": column.label,
            cat_axis: labels, value_axis: column.values, "marker": {"size": 12},
            "hovertemplate": hover(cat_axis, value_axis, column.label),
        }))
    return result
