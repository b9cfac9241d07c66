"""Grouped bar chart: several value columns side by side per category."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..datasets import Chart, Dataset
from ._common import bar_traces

TYPE = "grouped_bar"
LAYOUT: dict[str, Any] = {"barmode": "group"}


def traces(dataset: Dataset, chart: Chart) -> list[go.Bar]:
    """One bar trace per value column."""
    return bar_traces(dataset, chart)
