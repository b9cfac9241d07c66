"""The issue form end to end: real rendered bodies (CRLF, «_No response_», ticked boxes)
through ``tiltakshefte from-issue`` to the record, the comment and the pull-request text."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_editor_flow import FORMS, cli

from generator import vocab
from generator.issuereply import MARKER


def from_issue(project: Path, form: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    result = cli(project, "from-issue", str(FORMS / form), "--issue", "42",
                 "--comment", str(tmp_path / "kommentar.md"), "--pr-body", str(tmp_path / "pr.md"))
    comment = (tmp_path / "kommentar.md").read_text(encoding="utf-8")
    assert comment.startswith(MARKER + "\n")
    return result, comment


def test_a_pilot_form_matches_counties_and_municipalities_in_any_form(
        real_copy: Path, tmp_path: Path) -> None:
    assert b"\r\n" in (FORMS / "pilot-crlf.md").read_bytes()
    result, comment = from_issue(real_copy, "pilot-crlf.md", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/pilots/jobbvinner-vestland.yml"
    data = yaml.safe_load((real_copy / result.stdout.strip()).read_text(encoding="utf-8"))
    assert data["counties"] == ["vestland", "rogaland"]
    assert data["municipalities"] == [{"municipality": "hitra"}, {"municipality": "froya"}]
    assert data["background"]["text"] == (
        "Kommunene møttes i et læringsnettverk.\nHver kommune hadde et team.\n")
    assert "Kari" not in str(data)  # the contact is never published
    assert "`forslag/issue-42`" in comment and "«Havstad»" in comment
    body = (tmp_path / "pr.md").read_text(encoding="utf-8")
    assert "- «Havstad»" in body and body.rstrip().endswith("Closes #42")


def test_every_problem_is_named_by_the_form_s_label_with_the_accepted_values(
        real_copy: Path, tmp_path: Path) -> None:
    result, comment = from_issue(real_copy, "pilot-feil.md", tmp_path)
    assert result.returncode == 1
    counties = ", ".join(vocab.COUNTIES.values())
    assert result.stderr.splitlines() == [
        f"«Fylker»: kjenner ikke igjen «Vestlandet»; skriv ett eller flere av: {counties}",
        "«Start»: ugyldig dato «2024-13»; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
    ]
    assert f"- **Fylker**: kjenner ikke igjen «Vestlandet»; skriv ett eller flere av: {counties}" \
        in comment
    assert "Rediger saken" in comment
    assert "period.start" not in comment and "content/" not in comment
    assert not (real_copy / "content/pilots/jobbvinner-vestlandet.yml").exists()
    assert not (tmp_path / "pr.md").exists()


def test_a_measure_without_aims_or_resources_lists_the_choices(
        real_copy: Path, tmp_path: Path) -> None:
    result, _ = from_issue(real_copy, "tiltak-uten-valg.md", tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "«Mål»: kryss av for minst ett; du kan velge: " + ", ".join(vocab.AIMS.values()),
        "«Ressursbehov»: velg en av: Lav, Middels, Høy",
    ]


def test_an_old_form_heading_is_explained(real_copy: Path, tmp_path: Path) -> None:
    result, comment = from_issue(real_copy, "ukjent-felt.md", tmp_path)
    assert result.returncode == 1
    assert "«Navnet på tiltaket»: ukjent felt i skjemaet" in result.stderr
    assert "**Navnet på tiltaket**" in comment
