"""The benchmark scripts work (tiny size); they are never timed in the test suite."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_synthetic_benchmark_runs_at_a_tiny_size() -> None:
    result = subprocess.run([sys.executable, "bench/run.py", "--sizes", "20", "--runs", "1",
                             "--no-write"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "| 20 |" in result.stdout and "ren MkDocs" in result.stdout
    assert "| chart page |" in result.stdout


def test_engine_benchmark_runs_at_a_tiny_size() -> None:
    result = subprocess.run([sys.executable, "bench/engines.py", "--sizes", "20", "--runs", "1",
                             "--no-real", "--no-write"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "| 20 tiltak (1 runde) |" in result.stdout and "Zensical mot MkDocs" in result.stdout
