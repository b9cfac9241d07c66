"""Stacked bar chart: value columns stacked per category (parts of a whole)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..datasets import Chart, Dataset
from ._common import bar_traces

TYPE = "stacked_bar"
LAYOUT: dict[str, Any] = {"barmode": "stack"}


def traces(dataset: Dataset, chart: Chart) -> list[go.Bar]:
    """One bar trace per value column, stacked."""
    return bar_traces(dataset, chart)
