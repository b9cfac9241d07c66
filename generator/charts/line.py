"""Line chart: value columns over years or other ordered categories."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..datasets import Chart, Dataset
from ._common import categories, hover

TYPE = "line"
LAYOUT: dict[str, Any] = {"xaxis": {"type": "category"}}


def traces(dataset: Dataset, chart: Chart) -> list[go.Scatter]:
    """One line with markers per value column."""
    labels = categories(dataset, chart)
    return [
        go.Scatter(mode="lines+markers", name=dataset.column(key).label, x=labels,
                   y=dataset.column(key).values,
                   hovertemplate=hover("x", "y", dataset.column(key).label))
        for key in chart.y
    ]
