"""Chart figures: built with plotly.py, validated, cached exactly, sized by their rows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
from conftest import ROOT, write_tree
from corpus.base import BASE

from generator.charts import chart_height, figure, registry
from generator.cli import main
from generator.datasets import Chart, Dataset
from generator.pipeline import Project, load_project

DATASET = "content/datasets/deltakelse.yml"


def _invalid_trace(dataset: Dataset, chart: Chart) -> list[go.Bar]:
    return [go.Bar(x=[1], y=[2], orientaton="h")]


@pytest.mark.parametrize(("attribute", "value", "expected"), [
    ("traces", _invalid_trace,
     "«orientaton» er ingen egenskap ved bar i Plotly; mente du «orientation»?"),
    ("LAYOUT", {"xaxis": {"tickfromat": ",d"}},
     "«tickfromat» er ingen egenskap ved layout.xaxis i Plotly; mente du «tickformat»?"),
    ("LAYOUT", {"bargap": "bred"},
     "ugyldig verdi for egenskapen «bargap» ved layout i Plotly"),
])
def test_an_invalid_plotly_property_fails_the_build_naming_file_line_and_chart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        attribute: str, value: Any, expected: str) -> None:
    monkeypatch.setenv("TILTAKSHEFTE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(registry()["bar"], attribute, value)
    root = write_tree(tmp_path / "p", BASE)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("forrige versjon", encoding="utf-8")
    assert main(["--project", str(root), "build", "--output", str(out)]) == 1
    err = capsys.readouterr().err
    line = BASE[DATASET].splitlines().index("  - id: deltakelse") + 1
    assert (f"{DATASET}:{line}:5: chart_specs[0]: diagrammet «deltakelse» kan ikke tegnes: "
            f"{expected}") in err.splitlines()
    assert "Traceback" not in err
    assert (out / "index.html").read_text(encoding="utf-8") == "forrige versjon"


def real_charts() -> dict[str, tuple[Dataset, Chart]]:
    return load_project(Project(ROOT))[1].charts


def test_figures_carry_no_plotly_template_and_no_colours() -> None:
    for chart_id, (dataset, chart) in real_charts().items():
        data = figure(dataset, chart)
        assert "template" not in data["layout"], chart_id
        assert "colorway" not in data["layout"] and "paper_bgcolor" not in data["layout"]


def test_value_axes_and_hover_use_norwegian_numbers_without_si_suffixes() -> None:
    dataset, chart = real_charts()["salten-regnskap-utgifter"]
    data = figure(dataset, chart)
    layout = data["layout"]
    assert layout["separators"] == ",\u00a0"  # decimal comma, no-break space for thousands
    assert layout["xaxis"]["tickformat"] == ",~f"  # horizontal: the value axis is x
    assert layout["xaxis"]["exponentformat"] == "none"
    assert data["data"][0]["hovertemplate"].startswith("%{y}: %{x:,.12~f}")


def test_height_follows_the_number_of_categories() -> None:
    charts = real_charts()
    two_rows = chart_height(*charts["salten-stilling-og-vurdert-a-slutte"])  # dumbbell, 2 rows
    six_rows = chart_height(*charts["salten-regnskap-utgifter"])  # bar, 6 rows
    assert two_rows < six_rows
    dataset, chart = charts["salten-regnskap-utgifter"]
    twelve = dataset.model_copy(update={"columns": [
        c.model_copy(update={"values": (c.values * 2)}) for c in dataset.columns]})
    assert chart_height(twelve, chart) > six_rows
    assert figure(dataset, chart)["layout"]["height"] == six_rows


def test_cached_figures_equal_fresh_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.figures import build_figures

    monkeypatch.setenv("TILTAKSHEFTE_CACHE_DIR", str(tmp_path / "cache"))
    site = load_project(Project(ROOT))[1]
    fresh = build_figures(site)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == len(fresh)
    calls: list[str] = []
    monkeypatch.setattr("generator.figures.figure", lambda d, c: calls.append(c.id) or {})
    again = build_figures(site)
    assert calls == [] and again == fresh


def test_the_vendored_plotly_js_has_the_major_version_plotly_py_targets() -> None:
    import plotly.offline

    vendor = ROOT / "theme" / "assets" / "javascripts" / "vendor"
    records = json.loads((vendor / "VENDORED.json").read_text("utf-8"))
    bundles = {name: r for name, r in records.items() if r["package"].startswith("plotly.js")}
    assert bundles
    target = plotly.offline.get_plotlyjs_version()
    for name, record in bundles.items():
        head = (vendor / name).read_bytes()[:200].decode()
        version = re.search(r"plotly\.js \(\w+ - minified\) v(\S+)", head)
        assert version and version.group(1) == record["version"], name
        assert record["version"].split(".")[0] == target.split(".")[0], (name, target)


def test_plotly_is_imported_only_to_build_figures_not_found_in_the_cache(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = """
import sys
from pathlib import Path
from generator.pipeline import Project, check_content
from generator.figures import build_figures
site, _ = check_content(Project(Path(sys.argv[1])))
print("plotly" in sys.modules, end=" ")
build_figures(site)
print("plotly" in sys.modules)
"""
    env = {**os.environ, "TILTAKSHEFTE_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(ROOT)], env=env, check=True,
                           capture_output=True, text=True, timeout=120).stdout.split()
            for _ in range(2)]
    assert runs == [["False", "True"], ["False", "False"]]


def chart_table(body: str, chart_id: str) -> list[list[str]]:
    """The cells of the data table under ``chart_id``, row by row (header row first)."""
    found = re.search(rf'<figure[^>]*data-chart="{chart_id}".*?<table>(.*?)</table>', body, re.S)
    assert found, chart_id
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
            for row in re.findall(r"<tr>(.*?)</tr>", found.group(1))]


def test_data_tables_show_every_column_of_the_dataset() -> None:
    from generator.output import render_project

    pages = {p.doc: p for p in render_project(Project(ROOT)).pages}
    body = pages["tall.md"].body
    # The chart plots the counts; the table also has the percentages (64,8 % completed).
    assert chart_table(body, "tfou-2019-svarstatus") == [
        ["Svar", "Antall", "Prosent"],
        ["Ikke svart", "74", "26,1"], ["Ufullstendig", "26", "9,1"],
        ["Gjennomført", "184", "64,8"]]
    # The chart plots the percentages; the table also has the counts (149 of 195).
    table = chart_table(body, "tfou-2019-arbeidsoppgaver")
    assert table[0] == ["Svar", "Antall (personer)", "Prosent"]
    assert table[1][1:] == ["149", "76,4"]
    assert sum(int(row[1]) for row in table[1:]) == 195
    # The same table wherever the chart is shown.
    for page in pages.values():
        if 'data-chart="tfou-2019-arbeidsoppgaver"' in page.body:
            assert chart_table(page.body, "tfou-2019-arbeidsoppgaver") == table


def test_every_vendored_file_matches_its_record_and_has_its_licence() -> None:
    import hashlib

    vendor = ROOT / "theme" / "assets" / "javascripts" / "vendor"
    records = json.loads((vendor / "VENDORED.json").read_text("utf-8"))
    assert {"plotly-basic.min.js", "plotly-geo.min.js", "topojson/europe_50m.json"} <= set(records)
    for name, record in records.items():
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == record["sha256"], name
        licence = (vendor / record["licence_file"]).read_text("utf-8")
        assert record["licence"] == "MIT" and "MIT License" in licence, name
        assert record["version"] and record["update"], name
