"""The command line: exit codes, messages, and builds that never half-replace a site."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

MEASURE = """\
id: {id}
name: Tiltak {id}
summary: Et tiltak.
description: Beskrivelse.
target_groups: [sykepleiere]
aims: [beholde]
resource_need: lav
"""


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script the way an editor would."""
    command = [sys.executable, "-m", "generator", "--project", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=project, timeout=300)


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_validate_clean_content_exits_0(tree) -> None:
    root = tree({"content/measures/a.yml": MEASURE.format(id="a")})
    result = run(root, "validate")
    assert result.returncode == 0, result.stderr
    assert "Innholdet er gyldig" in result.stdout


def test_three_mistakes_in_three_files_give_three_located_messages(tree) -> None:
    root = tree({
        "content/measures/a.yml": MEASURE.format(id="a").replace("[beholde]", "beholde"),
        "content/measures/b.yml": MEASURE.format(id="b") + "extra: 1\n",
        "content/measures/c.yml": MEASURE.format(id="c").replace("name: Tiltak c\n", ""),
    })
    result = run(root, "validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        "content/measures/a.yml:6:1: aims: forventet en liste (linjer som begynner med «- »), "
        "fikk tekst",
        "content/measures/b.yml:8:1: extra: ukjent felt «extra»",
        "content/measures/c.yml:1:1: name: påkrevd felt mangler",
    ]
    assert lines[-1] == "3 feil og 0 advarsler. Feil stopper byggingen; rett dem og kjør på nytt."
    assert "Traceback" not in result.stderr


def test_strict_turns_warnings_into_failure(tree) -> None:
    root = tree({"content/measures/a.yml": MEASURE.format(id="a")})
    assert run(root, "validate").returncode == 0
    result = run(root, "validate", "--strict")
    assert result.returncode == 1
    assert "advarsel: tiltaket er ikke brukt av noen pilot" in result.stderr


def test_github_format_prints_annotations(tree) -> None:
    root = tree({"content/measures/a.yml": MEASURE.format(id="a") + "extra: 1\n"})
    result = run(root, "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/measures/a.yml,line=8,col=1,title=Innholdsfeil::"
        "extra: ukjent felt «extra»"
    ]


def test_usage_errors_exit_2_without_traceback(tree) -> None:
    root = tree({})
    result = run(root, "validate", "--nonsense")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    result = run(root.parent, "validate")
    assert result.returncode == 2
    assert "finner ikke site_config.yml" in result.stderr


def test_failed_build_leaves_previous_output_byte_identical(
    real_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = run(real_copy, "build", "--output", str(out))
    assert first.returncode == 0, first.stderr
    before = digest(out)
    assert "index.html" in before
    broken = real_copy / "content" / "sources" / "tfou-2020-7.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    second = run(real_copy, "build", "--output", str(out))
    assert second.returncode == 1
    assert "content/sources/tfou-2020-7.yml" in second.stderr
    assert "ukjent felt «unknown_key»" in second.stderr
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "real"]


def test_module_and_console_script_agree() -> None:
    result = subprocess.run([Path(sys.executable).parent / "tiltakshefte", "--help"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "validate" in result.stdout and "export" in result.stdout
