"""Code quality gates: ruff and mypy (strict) over the package, tests and benchmarks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([str(BIN / "ruff"), "check", "generator", "tests", "bench"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout


def test_mypy_strict_passes() -> None:
    result = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout


def test_vendored_plotly_matches_its_record() -> None:
    import hashlib
    import json

    vendor = ROOT / "theme" / "assets" / "javascripts" / "vendor"
    record = json.loads((vendor / "VENDORED.json").read_text("utf-8"))["plotly-basic.min.js"]
    bundle = (vendor / "plotly-basic.min.js").read_bytes()
    assert hashlib.sha256(bundle).hexdigest() == record["sha256"]
    assert bundle.startswith(
        f"/**\n* plotly.js (basic - minified) v{record['version']}\n".encode())
    licence = (vendor / record["licence_file"]).read_text("utf-8")
    assert record["licence"] == "MIT" and "MIT License" in licence
    assert len(bundle) < 1_500_000  # the basic bundle, never the 4.8 MB full one


def test_theme_overrides_differ_from_material_only_where_intended() -> None:
    import material

    templates = Path(material.__file__).parent / "templates"

    def differs_only_by(name: str, changes: list[tuple[str, str]]) -> None:
        ours = (ROOT / "theme" / name).read_text("utf-8").split("-#}\n", 1)[1]
        stock = (templates / name).read_text("utf-8").split("-#}\n", 1)[1]
        for old, _ in changes:
            assert old in stock, f"Material er oppdatert: kopier {name} på nytt"
        for old, new in changes:
            stock = stock.replace(old, new)
        assert ours == stock, f"{name} skiller seg fra Material på flere steder enn ment"

    differs_only_by("base.html", [(' id="__drawer" autocomplete="off">', ' id="__drawer">'),
                                  (' id="__search" autocomplete="off">', ' id="__search">')])
    differs_only_by("partials/toc.html", [
        ('<label class="md-nav__title" for="__toc">', '<div class="md-nav__title">'),
        ("    </label>\n    <ul", "    </div>\n    <ul")])
    differs_only_by("partials/palette.html", [
        ('<form class="md-header__option" data-md-component="palette">',
         '<div class="md-header__option" data-md-component="palette" role="group" '
         "aria-label=\"{{ lang.t('palette') }}\">"),
        ("</form>", "</div>")])
    differs_only_by("partials/nav-item.html", [
        ('type="checkbox" id="__toc">',
         'type="checkbox" id="__toc" aria-label="{{ lang.t(\'toc\') }}">')])
