"""The map of the pilots: each municipality's administrative centre as a point, by pilot.

Drawn by Plotly's geo bundle from our own copy of the Natural Earth map data (see
``theme/assets/javascripts/vendor/VENDORED.json``); the browser applies the site palette.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import plain

HEIGHT = 620
# A symbol per pilot besides its colour, so that the pilots can be told apart without
# seeing colours (WCAG 1.4.1).
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "star",
           "hexagon", "pentagon")


@dataclass(frozen=True)
class MapPoint:
    """One municipality on the map: its name, its centre and the link to its page."""

    name: str
    latitude: float
    longitude: float
    url: str
    key: str = ""


def map_figure(groups: list[tuple[str, list[MapPoint]]]) -> dict[str, Any]:
    """The figure: one trace per pilot (name, points), validated by plotly.py."""
    import plotly.graph_objects as go  # only when the figure is not in the cache

    traces = [
        go.Scattergeo(
            name=pilot, mode="markers",
            lat=[p.latitude for p in points], lon=[p.longitude for p in points],
            text=[p.name for p in points], customdata=[p.url for p in points],
            marker={"size": 11, "symbol": SYMBOLS[index % len(SYMBOLS)], "line": {"width": 1}},
            hovertemplate=f"%{{text}}<extra>{pilot}</extra>",
        )
        for index, (pilot, points) in enumerate(groups)
    ]
    layout = {
        "height": HEIGHT,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "dragmode": False,
        "hovermode": "closest",
        "font": {"family": "inherit", "size": 13},
        "legend": {"orientation": "h", "y": 0, "yanchor": "top"},
        "geo": {
            "scope": "europe", "resolution": 50,
            "projection": {"type": "transverse mercator", "rotation": {"lon": 15}},
            "fitbounds": "locations",
            "showland": True, "showocean": True, "showlakes": True, "showcountries": True,
            "showcoastlines": True, "showframe": False,
        },
    }
    return plain(go.Figure(data=traces, layout=layout))
