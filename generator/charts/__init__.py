"""Chart types, one module each, found by their ``TYPE`` constant.

To add a chart type, add a module here with ``TYPE = "name"`` and a
``traces(dataset, chart) -> list[dict]`` function (optionally ``LAYOUT``), and add
the name to ``ChartType`` in :mod:`generator.datasets`.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any

from ..datasets import Chart, Dataset

Traces = Callable[[Dataset, Chart], list[dict[str, Any]]]


def _discover() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "TYPE"):
            found[module.TYPE] = module
    return found


REGISTRY: dict[str, ModuleType] = _discover()


def figure(dataset: Dataset, chart: Chart) -> dict[str, Any]:
    """The Plotly figure (data and layout) for ``chart``; colours are applied in the browser."""
    module = REGISTRY[chart.type]
    layout: dict[str, Any] = {
        "separators": ", ",
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "pad": 4},
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "closest",
        "font": {"family": "inherit", "size": 13},
        "xaxis": {"automargin": True, "fixedrange": True},
        "yaxis": {"automargin": True, "fixedrange": True, "rangemode": "tozero"},
    }
    value_axis = "xaxis" if chart.horizontal else "yaxis"
    unit = dataset.column(chart.y[0]).unit or dataset.unit
    layout[value_axis]["title"] = {"text": chart.y_title or unit}
    if chart.horizontal:
        layout["yaxis"]["autorange"] = "reversed"
        layout["yaxis"]["rangemode"] = "normal"
        layout["xaxis"]["rangemode"] = "tozero"
    layout.update(getattr(module, "LAYOUT", {}))
    traces: Traces = module.traces
    return {"data": traces(dataset, chart), "layout": layout}


def safe_json(value: object) -> str:
    """JSON that cannot close its ``<template>``, open a tag or comment, or hold an entity."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text
