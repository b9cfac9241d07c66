"""A long build shows its stage, the pages done and the time each stage took."""

from __future__ import annotations

import io
import re
from pathlib import Path

from test_cli import MEASURE, run

from generator.progress import BUILD_STAGES, Progress


def test_a_build_without_a_terminal_prints_plain_stage_lines_and_times(
        tree, tmp_path: Path) -> None:
    root = tree({f"content/measures/t{n}.yml": MEASURE.format(id=f"t{n}") for n in range(8)})
    result = run(root, "build", "--output", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    starts = [line for line in lines if line.startswith("[")]
    pages = re.search(r"\((\d+) sider\)", result.stdout)
    assert pages
    count = pages.group(1)
    assert starts == ["[1/5] Leser og sjekker innholdet …", f"[2/5] Lager sidene ({count}) …",
                      f"[3/5] Bygger HTML med MkDocs ({count}) …",
                      "[4/5] Lager søkeindeksen (Pagefind) …",
                      "[5/5] Bytter inn det nye nettstedet …"]
    assert lines.count(f"  {count} av {count} ferdig") == 2
    assert len([line for line in lines if line.endswith(" ferdig")]) <= 8  # quarters only
    assert re.fullmatch(r"Tid: Leser og sjekker innholdet \d+,\d s · Lager sidene \d+,\d s · "
                        r"Bygger HTML med MkDocs \d+,\d s · Lager søkeindeksen \(Pagefind\) "
                        r"\d+,\d s · Bytter inn det nye nettstedet "
                        r"\d+,\d s \(til sammen \d+,\d s\)\.", lines[-1]), lines[-1]


def test_on_a_terminal_each_stage_is_a_progress_bar() -> None:
    out = io.StringIO()
    progress = Progress(out=out, live=True)
    with progress.stage("render", 3) as stage:
        for _ in range(3):
            stage.advance()
    text = out.getvalue()
    assert re.search(r"Lager sidene: ferdig \(\d+,\d s\)", text)
    assert "3/3" in text and "\x1b[" in text  # drawn with terminal codes
    assert progress.summary().startswith("Tid: Lager sidene ")


def test_a_new_stage_is_numbered_from_the_stage_list() -> None:
    out = io.StringIO()
    stages = dict(BUILD_STAGES)
    stages = {**dict(list(stages.items())[:3]), "index": "Lager søkeindeksen",
              "swap": stages["swap"]}
    progress = Progress(stages=stages, out=out, live=False)
    with progress.stage("index"):
        pass
    assert out.getvalue() == "[4/5] Lager søkeindeksen …\n"
