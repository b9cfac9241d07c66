"""Bar chart: one value column against categories."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..datasets import Chart, Dataset
from ._common import bar_traces

TYPE = "bar"
LAYOUT: dict[str, Any] = {"showlegend": False}


def traces(dataset: Dataset, chart: Chart) -> list[go.Bar]:
    """One bar per category."""
    return bar_traces(dataset, chart)
