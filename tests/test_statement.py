"""The accessibility statement and «Meld fra om feil»: the statement claims only what the
tests check, and the feedback routes it names are on every page."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from conftest import ROOT
from pagekinds import PAGE_KINDS
from test_layout import AXE_SCOPE

from generator.statement import CHECKS, KNOWN_ISSUES

STATEMENT = "tilgjengelighet/index.html"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "feil.yml"


def function_source(where: str) -> str:
    """The source of the function ``path::name`` (the check's test or benchmark)."""
    path, name = where.split("::")
    text = (ROOT / path).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node) or ""
    raise AssertionError(f"{where} finnes ikke, men erklæringen viser til den")


def test_every_check_in_the_statement_is_run_by_the_test_it_names() -> None:
    for check in CHECKS:
        source = function_source(check.where)
        missing = [word for word in check.needs if word not in source]
        assert missing == [], f"{check.name}: {check.where} har ikke {missing}"
        in_suite = check.where.startswith("tests/")
        assert in_suite == check.every_change, check.name


def test_the_checks_run_on_every_change_and_before_every_publication() -> None:
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: make test" in ci
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8"))
    steps = deploy["jobs"]["build"]["steps"]
    names = [step.get("name", "") for step in steps]
    tests = steps[names.index("Tilgjengelighetstestene som erklæringen bygger på")]["run"]
    assert names.index("Tilgjengelighetstestene som erklæringen bygger på") < names.index("Bygg")
    for check in CHECKS:
        if check.every_change:
            assert check.where.split("::")[0] in tests, check.name


def test_a_page_kind_checked_only_in_part_is_a_known_issue_and_no_more() -> None:
    partial = {issue.page_kind for issue in KNOWN_ISSUES if issue.page_kind}
    assert partial == set(AXE_SCOPE)
    assert partial <= set(PAGE_KINDS)


def test_the_pages_the_statement_names_as_tested_are_page_kinds(site_dir: Path) -> None:
    text = (site_dir / STATEMENT).read_text(encoding="utf-8")
    assert "kunnskapskartet, Min liste, planen, denne erklæringen og «Hva er nytt»" in text
    paths = set(PAGE_KINDS.values())
    for path in ("tiltak/kunnskapskart/", "tilgjengelighet/", "hva-er-nytt/", "maler/"):
        assert path in paths, path
    assert any(p.startswith("tiltak/liste/") for p in paths)
    assert any(p.startswith("tiltak/plan/") for p in paths)


def test_the_statement_has_the_parts_of_the_model(site_dir: Path) -> None:
    text = (site_dir / STATEMENT).read_text(encoding="utf-8")
    for part in ("WCAG 2.1 nivå A og AA", "Det som ikke virker ennå", "Slik har vi testet",
                 "Erklæringen ble sist endret", "Meld fra om feil", "Klage",
                 'href="https://www.uutilsynet.no/"'):
        assert part in text, part
    for check in CHECKS:
        assert f'<strong class="th-statement-check">{check.name}</strong>' in text
    date = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)">', text)
    assert date, "erklæringen har ingen dato"
    assert "issues/new?template=feil.yml" in text


def test_the_statement_page_is_valid_html_for_the_w3c_checker(site_dir: Path) -> None:
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), "vnu-jar mangler: kjør `make test`"
    result = subprocess.run(["java", "-Xss4m", "-jar", str(jar), "--format", "json",
                             str(site_dir / STATEMENT)], capture_output=True, text=True,
                            timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages if m.get("type") == "error"] == []
    assert [m for m in messages if m.get("subType") == "warning"] == []


def footer_links(html: str) -> dict[str, str]:
    nav = html[html.index('<nav class="th-sitelinks"'):]
    nav = nav[:nav.index("</nav>")]
    return {kind: href.replace("&amp;", "&") for href, kind in
            re.findall(r'<a href="([^"]+)" data-report="(\w+)"', nav)}


def test_every_page_has_the_footer_links_and_the_feed(site_dir: Path) -> None:
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site_dir).as_posix()
        assert "Tilgjengelighetserklæring</a>" in html, name
        assert 'type="application/atom+xml"' in html, name
        links = footer_links(html)
        assert set(links) == {"form"}, name  # no contact address is set in site_config.yml


def test_the_issue_form_link_fills_in_the_page(site_dir: Path) -> None:
    html = (site_dir / "tiltak" / "mentorordning" / "index.html").read_text(encoding="utf-8")
    form = footer_links(html)["form"]
    query = parse_qs(urlsplit(form).query)
    assert query["template"] == ["feil.yml"]
    assert query["side"][0].endswith("/tiltak/mentorordning/")
    assert "Mentorordning" in query["title"][0]
    fields = {item["id"] for item in yaml.safe_load(FORM.read_text("utf-8"))["body"]
              if "id" in item}
    assert set(query) - {"template", "labels", "title"} <= fields
    assert yaml.safe_load(FORM.read_text("utf-8"))["labels"] == query["labels"][0].split(",")


def test_no_workflow_puts_issue_text_on_a_shell_line() -> None:
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                assert "github.event.issue" not in step.get("run", ""), path.name
    labels = yaml.safe_load(FORM.read_text("utf-8"))["labels"]
    assert "forslag" not in labels  # the form never starts the proposal workflow


def test_with_a_contact_address_the_link_is_an_email_with_the_page(tree, tmp_path: Path) -> None:
    from conftest import SITE_CONFIG

    from generator.cli import main

    project = tree({"site_config.yml": SITE_CONFIG + "contact: redaksjonen@example.org\n"})
    assert main(["--project", str(project), "build", "--output", str(tmp_path / "s")]) == 0
    html = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    mail = urlsplit(footer_links(html)["mail"])
    assert mail.scheme == "mailto" and mail.path == "redaksjonen@example.org"
    query = parse_qs(mail.query)
    assert query["subject"] == ["Feil i tiltaksheftet: Hjem"]  # the home page's title
    assert "Adresse: https://example.org/tiltakshefte/" in query["body"][0]
    statement = (tmp_path / "s" / STATEMENT).read_text(encoding="utf-8")
    assert 'href="mailto:redaksjonen@example.org"' in statement


def test_without_a_contact_address_the_build_warns(tree, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from generator.cli import main

    project = tree({})
    assert main(["--project", str(project), "build", "--output", str(tmp_path / "s")]) == 0
    assert "ingen e-postadresse for «Meld fra om feil»" in capsys.readouterr().err
