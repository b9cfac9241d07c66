"""Just enough TopoJSON to test points against a country's shape (no dependencies)."""

from __future__ import annotations

import json
import math
from pathlib import Path

Point = tuple[float, float]  # (longitude, latitude)
Ring = list[Point]
Polygon = list[Ring]  # the outer ring, then holes


def _arcs(topology: dict) -> list[Ring]:  # type: ignore[type-arg]
    """Decode the quantized, delta-encoded arcs into longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]  # ~i: arc i reversed
        points.extend(arc if not points else arc[1:])
    return points


def countries(path: Path) -> dict[str, list[Polygon]]:
    """Country id (ISO 3166-1 alpha-3) → its polygons."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    shapes: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if not geometry.get("id"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes[geometry["id"]] = [[_ring(arcs, ring) for ring in p] for p in polygons]
    return shapes


def _in_ring(point: Point, ring: Ring) -> bool:
    """Even-odd ray casting."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def contains(polygons: list[Polygon], point: Point) -> bool:
    """Whether ``point`` lies inside one of ``polygons`` (and not in one of its holes)."""
    return any(_in_ring(point, p[0]) and not any(_in_ring(point, h) for h in p[1:])
               for p in polygons)


def distance_km(polygons: list[Polygon], point: Point) -> float:
    """Approximate distance from ``point`` to the nearest edge of ``polygons``."""
    lon0, lat0 = point
    shrink = math.cos(math.radians(lat0))
    best = math.inf
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                ax, ay = (x1 - lon0) * shrink, y1 - lat0
                dx, dy = (x2 - x1) * shrink, y2 - y1
                t = max(0.0, min(1.0, -(ax * dx + ay * dy) / ((dx * dx + dy * dy) or 1)))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy) * 111.32)
    return best
