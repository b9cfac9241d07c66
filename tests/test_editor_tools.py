"""What an editor's tools say: the JSON Schemas agree with ``validate`` and are Norwegian, the
command line's own help is Norwegian, and ``make serve`` installs only what serving needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator

from generator.content import iter_content_files
from generator.kinds import KINDS
from generator.loader import load_file, parse_yaml
from generator.scaffold import KIND_FOLDERS
from generator.schemas import field_title

SCHEMAS = {folder: json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text("utf-8"))
           for kind, folder in KIND_FOLDERS.items()}
SOURCE = "id: s\ntitle: Rapporten\nkind: rapport\ndate: {date}\ncovers: Alt.\n"


def schema_errors(folder: str, data: object) -> list[str]:
    validator = Draft202012Validator(SCHEMAS[folder])
    return [error.message for error in validator.iter_errors(data)]


def test_every_published_record_passes_its_schema() -> None:
    files, _ = iter_content_files(ROOT / "content")
    failing = {}
    for kind, path in files:
        raw, _ = load_file(path, path.name)
        assert raw is not None
        errors = schema_errors(kind, raw.data)
        if errors:
            failing[path.name] = errors
    assert failing == {}


@pytest.mark.parametrize(("date", "valid"), [("2021", True), ("2021-05", True),
                                             ("2021-05-17", True), ("2021-13-01", False),
                                             ("2021-5", False), ('"21"', False)])
def test_dates_in_the_schema_are_what_validate_accepts(date: str, valid: bool) -> None:
    raw, _ = parse_yaml(SOURCE.format(date=date), "s.yml")
    assert raw is not None
    assert (schema_errors("sources", raw.data) == []) is valid


def test_schema_titles_and_descriptions_are_norwegian() -> None:
    docstrings = set()
    for model in KINDS.values():
        for cls in model.__mro__:
            if cls.__doc__:
                docstrings.add(cls.__doc__.strip())

    def parts(schema: dict[str, object]) -> list[dict[str, object]]:
        defs = schema.get("$defs", {})
        assert isinstance(defs, dict)
        return [schema, *defs.values()]

    for schema in SCHEMAS.values():
        for part in parts(schema):
            assert part["description"] not in docstrings, part["description"]
            properties = part.get("properties", {})
            assert isinstance(properties, dict)
            for name, field in properties.items():
                # The title is the first words of the Norwegian description, never the
                # English one pydantic makes from the key («Target Groups»).
                assert field["title"] == field_title(field["description"]), name
                assert field["title"], name


def test_the_command_line_help_is_norwegian() -> None:
    commands = ["", "validate", "build", "serve", "new", "export", "from-issue", "report",
                "schema"]
    for command in commands:
        args = [command, "--help"] if command else ["--help"]
        result = subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0
        assert result.stdout.startswith("bruk: tiltakshefte")
        assert "valg:" in result.stdout and "vis denne hjelpeteksten og avslutt" in result.stdout
        for english in ("usage", "options", "show this help", "positional arguments"):
            assert english not in result.stdout, (command, english)
    result = subprocess.run([sys.executable, "-m", "generator", "new"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "tiltakshefte: feil i kommandoen: disse argumentene mangler: TYPE, ID")


def test_make_serve_installs_the_package_without_the_test_tools(tmp_path: Path) -> None:
    def planned(target: str) -> str:
        result = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout

    serve = planned("serve")
    assert "pip install --quiet -c requirements.lock -e .\n" in serve
    assert "[test]" not in serve and "npm" not in serve and "chromium" not in serve
    assert "-e '.[test]'" in planned("test")
