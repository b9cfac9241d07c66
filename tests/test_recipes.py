"""The command recipes in CONTRIBUTING.md, run as an editor would run them."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from test_cli import MEASURE


def recipe(after: str) -> list[str]:
    """The lines of the first ``sh`` block after the sentence ``after`` in CONTRIBUTING.md."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text[text.index(after):], re.S)
    assert block
    return block.group(1).splitlines()


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=60)


def test_the_report_recipe_works_on_main_after_a_clone(tree, tmp_path: Path) -> None:
    origin = tree({"content/measures/a.yml": MEASURE.format(id="a")})
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "Første versjon")
    clone = tmp_path / "klone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    (clone / "content/measures/a.yml").write_text(
        MEASURE.format(id="a").replace("Et tiltak.", "Et bedre tiltak."), encoding="utf-8")
    cli = f"{shlex.quote(sys.executable)} -m generator"
    for line in recipe("Vil du se rapporten på egen maskin"):
        line = line.replace("../forrige-versjon/.venv/bin/tiltakshefte", cli)
        line = line.replace(".venv/bin/tiltakshefte", cli)
        result = subprocess.run(["bash", "-c", line], cwd=clone, capture_output=True,
                                text=True, timeout=300, env={"PYTHONPATH": str(ROOT),
                                                             "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, (line, result.stderr)
    assert "`summary`: «Et tiltak.» → «Et bedre tiltak.»" in result.stdout
    assert "Sidene er ikke sammenlignet" not in result.stdout
