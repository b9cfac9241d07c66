"""The two pull-request report workflows: who may do what, and the posting job's reader.

The posting job runs with a token that can write comments, so its reading of the
(untrusted) artifact is run here for real, on hostile artifacts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MARKER = "<!-- tiltakshefte-pr-rapport -->"


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(name: str) -> list[dict[str, Any]]:
    jobs = workflow(name)["jobs"]
    return [step for job in jobs.values() for step in job["steps"]]


def test_report_workflow_only_reads() -> None:
    data = workflow("pr-rapport.yml")
    # PyYAML reads the key «on» as True. workflow_dispatch is for the issue form's drafts.
    assert list(data[True]) == ["pull_request", "workflow_dispatch"]
    assert data["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in data["jobs"].values())
    for step in steps("pr-rapport.yml"):
        if step.get("uses", "").startswith("actions/checkout"):
            assert step["with"]["persist-credentials"] is False


def test_comment_workflow_has_least_permissions_and_runs_no_pull_request_code() -> None:
    data = workflow("pr-kommentar.yml")
    assert data[True] == {"workflow_run": {"workflows": ["PR-rapport"], "types": ["completed"]}}
    assert workflow("pr-rapport.yml")["name"] == "PR-rapport"
    assert data["permissions"] == {}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert [step.get("uses") for step in job["steps"]] == [None] * len(job["steps"])
    scripts = "\n".join(step["run"] for step in job["steps"])
    assert "checkout" not in scripts and "pip" not in scripts and "make" not in scripts
    assert "${{" not in scripts  # event values reach the scripts through env only


def test_issue_form_workflow_follows_edits_and_starts_the_draft_s_checks() -> None:
    data = workflow("forslag.yml")
    assert data[True] == {"issues": {"types": ["opened", "edited"]}}
    assert data["permissions"] == {"contents": "read"}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write",
                                  "issues": "write", "actions": "write"}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert "${{" not in scripts  # event values reach the scripts through env only
    assert 'gh workflow run ci.yml --repo "$GITHUB_REPOSITORY" --ref "$BRANCH"' in scripts
    assert "gh workflow run pr-rapport.yml" in scripts
    assert "<!-- tiltakshefte-forslag -->" in scripts  # updates its own comment
    assert "git push --force" in scripts  # and its own branch
    assert all("secrets." not in str(step) for step in job["steps"])  # no personal token
    for name in ("ci.yml", "pr-rapport.yml"):
        assert "workflow_dispatch" in workflow(name)[True]
    (comment,) = workflow("pr-kommentar.yml")["jobs"].values()
    assert "'workflow_dispatch'" in comment["if"]


@pytest.mark.parametrize("name", ["pr-rapport.yml", "pr-kommentar.yml", "forslag.yml"])
def test_actions_are_pinned_by_commit(name: str) -> None:
    for step in steps(name):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def run_reader(tmp_path: Path, files: dict[str, bytes | Path]) -> subprocess.CompletedProcess[str]:
    """Run the posting job's «Les og sjekk rapporten» step on an artifact of ``files``."""
    (step,) = [s for s in steps("pr-kommentar.yml") if s.get("name") == "Les og sjekk rapporten"]
    assert step["shell"] == "python"
    artifact = tmp_path / "artefakt"
    artifact.mkdir()
    for name, content in files.items():
        if isinstance(content, Path):
            (artifact / name).symlink_to(content)
        else:
            (artifact / name).write_bytes(content)
    script = tmp_path / "step.py"
    script.write_text(step["run"], encoding="utf-8")
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(tmp_path / "out")}
    return subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                          text=True, timeout=30)


def test_reader_writes_the_body_with_one_marker_and_broken_mentions(tmp_path: Path) -> None:
    report = f"{MARKER}\n## Rapport\n\nHei @octocat og {MARKER}\n".encode()
    result = run_reader(tmp_path, {"pr-number.txt": b"17\n", "rapport.md": report})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out").read_text() == "number=17\n"
    body = json.loads((tmp_path / "kommentar.json").read_text())["body"]
    assert body == f"{MARKER}\n## Rapport\n\nHei @\u200boctocat og \n"


@pytest.mark.parametrize("number", [b"17; rm -rf /", b"0", b"-1", b"", b"12345678901", b"1e3"])
def test_reader_refuses_a_number_that_is_not_a_pull_request_number(
        tmp_path: Path, number: bytes) -> None:
    result = run_reader(tmp_path, {"pr-number.txt": number, "rapport.md": b"x"})
    assert result.returncode != 0
    assert not (tmp_path / "out").exists() and not (tmp_path / "kommentar.json").exists()


def test_reader_does_not_follow_symlinks(tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig"
    secret.write_text("token")
    result = run_reader(tmp_path, {"pr-number.txt": b"3", "rapport.md": secret})
    assert result.returncode != 0
    assert not (tmp_path / "kommentar.json").exists()


def test_reader_caps_the_size(tmp_path: Path) -> None:
    result = run_reader(tmp_path, {"pr-number.txt": b"3", "rapport.md": b"a" * 2_000_000})
    assert result.returncode == 0, result.stderr
    body = json.loads((tmp_path / "kommentar.json").read_text())["body"]
    assert len(body) < 65_536
    assert body.endswith("> Rapporten var for lang og er kuttet her.")
