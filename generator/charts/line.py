"""Line chart: value columns over years or other ordered categories."""

from __future__ import annotations

from typing import Any

from ..datasets import Chart, Dataset
from ._common import categories

TYPE = "line"
LAYOUT: dict[str, Any] = {"xaxis": {"automargin": True, "fixedrange": True, "type": "category"}}


def traces(dataset: Dataset, chart: Chart) -> list[dict[str, Any]]:
    """One line with markers per value column."""
    labels = categories(dataset, chart)
    return [
        {"type": "scatter", "mode": "lines+markers", "name": dataset.column(key).label,
         "x": labels, "y": dataset.column(key).values}
        for key in chart.y
    ]
