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
