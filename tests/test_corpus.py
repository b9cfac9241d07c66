"""The bad-input corpus: every case gives its exact located Norwegian messages."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from conftest import write_tree
from corpus.cases import CASES, Case

from generator.cli import main


def run_validate(root: Path) -> tuple[int, list[str]]:
    """Run ``validate --strict`` in-process; return the exit code and problem lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--project", str(root), "validate", "--strict"])
    lines = [line for line in err.getvalue().splitlines()
             if not line.endswith(("advarsler.", "advarsel."))]  # the summary line
    return code, lines


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case: Case, tmp_path: Path) -> None:
    root = write_tree(tmp_path / case.name, case.tree())
    code, lines = run_validate(root)
    assert (code, lines) == (case.exit_code, case.expected)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


def test_base_tree_is_valid_in_strict_mode(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "base", Case("base", {}).tree())
    assert run_validate(root) == (0, [])
