"""The pull-request report: two real content trees, both built, compared by the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import write_tree
from corpus.base import BASE, MEASURE, MEASURE_2, PILOT

from generator.cli import main
from generator.prcomment import GITHUB_LIMIT, MARKER, code_block, md_code
from generator.recorddiff import RecordChange, record_changes
from generator.sitetext import page_text

RUN_URL = "https://github.com/example/tiltakshefte/actions/runs/42"
PUBLISHED = "https://example.org/tiltakshefte/"

WELCOME = MEASURE_2.replace("id: fadderordning", "id: velkomstpakke").replace(
    "name: Fadderordning", "name: Velkomstpakke")
# A valid record whose text tries every way into a GitHub comment: a mention, an issue
# reference, Markdown, a link, backticks and an escaped HTML end tag that the site shows
# as text.
HOSTILE_NAME = "Hei @octocat #1 **fet** [lenke](https://evil.example) ``` &lt;/details&gt;"
HOSTILE = (MEASURE_2.replace("id: fadderordning", "id: hilsen")
           .replace("name: Fadderordning", f"name: {HOSTILE_NAME!r}".replace("'", '"'))
           .replace("description: En fadder viser den nyansatte rundt.",
                    'description: "```` &lt;/details&gt; @octocat &lt;!-- x --&gt;"'))

HEAD_CHANGES: dict[str, str | None] = {
    "content/measures/mentorordning.yml": MEASURE.replace(
        "følger opp nyansatte.", "følger opp nyansatte i to år.").replace(
        "related: [fadderordning]\n", ""),
    "content/measures/fadderordning.yml": None,
    "content/pilots/pilot.yml": PILOT.replace(
        "  - measure: fadderordning\n    what: Faddere for alle nyansatte.\n", ""),
    "content/measures/velkomstpakke.yml": WELCOME,
    "content/measures/hilsen.yml": HOSTILE,
}


@dataclass
class Scenario:
    """A base and a head project, their built sites, and the comment made from them."""

    base: Path
    head: Path
    base_site: Path
    head_site: Path
    comment: str


def _project(root: Path, changes: dict[str, str | None]) -> Path:
    files = {name: text for name, text in {**BASE, **changes}.items() if text is not None}
    return write_tree(root, files)


def _report(scenario_root: Path, head: Path, base: Path, *extra: str) -> str:
    out = scenario_root / "rapport.md"
    code = main(["--project", str(head), "report", "--base", str(base), "--output", str(out),
                 "--run-url", RUN_URL, *extra])
    assert code == 0
    return out.read_text(encoding="utf-8")


def _build(project: Path, site: Path) -> Path:
    assert main(["--project", str(project), "build", "--no-strict", "--output", str(site)]) == 0
    return site


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """The head adds two measures, changes one, removes one (and its uses)."""
    root = tmp_path_factory.mktemp("report")
    base = _project(root / "base", {})
    head = _project(root / "head", HEAD_CHANGES)
    base_site, head_site = _build(base, root / "base-site"), _build(head, root / "head-site")
    comment = _report(root, head, base, "--base-site", str(base_site),
                      "--head-site", str(head_site))
    return Scenario(base, head, base_site, head_site, comment)


def section(comment: str, heading: str) -> str:
    """The text under a ``###`` heading, up to the next heading or the footer."""
    start = comment.index(f"### {heading}")
    ends = [i for i in (comment.find("\n### ", start + 1), comment.find("\n---\n", start))
            if i != -1]
    return comment[start:min(ends)].strip()


def details(comment: str, path: str) -> str:
    """The collapsed block of the page at ``path``."""
    found = re.search(rf"<details>\n<summary>[^\n]* – {re.escape(path)} \([^)]*\)</summary>"
                      r"\n.*?\n</details>", comment, re.S)
    assert found, f"ingen blokk for {path}"
    return found.group(0)


def outside_code(comment: str) -> list[str]:
    """Lines outside fenced code blocks, by CommonMark's rule for closing fences."""
    lines, fence = [], ""
    for line in comment.splitlines():
        if fence:
            if re.fullmatch(rf" {{0,3}}{fence}`* *", line):
                fence = ""
            continue
        opening = re.match(r" {0,3}(`{3,})", line)
        if opening:
            fence = opening.group(1)
            continue
        lines.append(line)
    assert not fence, "en kodeblokk er ikke lukket"
    return lines


def test_comment_starts_with_the_marker_and_sums_up(scenario: Scenario) -> None:
    assert scenario.comment.startswith(MARKER + "\n## Rapport for pull requesten\n\n")
    summary = scenario.comment.splitlines()[3]
    assert summary == ("**Poster:** 2 lagt til, 2 endret, 1 fjernet · "
                       "**Sider med endret tekst:** 13 · **Advarsler:** 2")


def test_records_added_changed_and_removed(scenario: Scenario) -> None:
    assert section(scenario.comment, "Poster") == "\n".join([
        "### Poster",
        "",
        "**Lagt til**",
        "",
        "- Tiltak **Hei @\u200boctocat \\#\u200b1 \\*\\*fet\\*\\* \\[lenke\\]\\(https\\:"
        "//evil.example\\) \\`\\`\\` &amp;lt;/details&amp;gt;** (`hilsen`) – "
        "`content/measures/hilsen.yml`",
        "- Tiltak **Velkomstpakke** (`velkomstpakke`) – `content/measures/velkomstpakke.yml`",
        "",
        "**Endret**",
        "",
        "- Tiltak **Mentorordning** (`mentorordning`) – `content/measures/mentorordning.yml` – "
        f"[publisert side]({PUBLISHED}tiltak/mentorordning/) – endret: `summary`, `related`",
        "  - `summary`: «Erfarne sykepleiere følger opp nyansatte.» → «Erfarne sykepleiere "
        "følger opp nyansatte i to år.»",
        "  - `related`: «fadderordning» → *tomt*",
        "- Pilot **Pilot** (`pilot`) – `content/pilots/pilot.yml` – "
        f"[publisert side]({PUBLISHED}piloter/pilot/) – endret: `measures`",
        "  - `measures`: «fadderordning» → *tomt*",
        "",
        "**Fjernet**",
        "",
        "- Tiltak **Fadderordning** (`fadderordning`) – `content/measures/fadderordning.yml` – "
        f"[publisert side]({PUBLISHED}tiltak/fadderordning/)",
    ])


def test_changed_page_shows_a_short_text_diff(scenario: Scenario) -> None:
    block = details(scenario.comment, "tiltak/mentorordning/")
    assert block.startswith("<details>\n<summary>Mentorordning – tiltak/mentorordning/ "
                            "(endret)</summary>\n\n```diff\n")
    diff = block.split("```diff\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert "- Erfarne sykepleiere følger opp nyansatte." in diff
    assert "+ Erfarne sykepleiere følger opp nyansatte i to år." in diff
    assert "- - Fadderordning" in diff  # the related measure is gone from the page
    assert all(line[:2] in {"+ ", "- ", "  "} or line == "⋯" for line in diff)
    assert "Foreslå en endring" not in block  # the page footer is not reading text


def test_changed_record_pages_come_first_then_new_and_removed_pages(scenario: Scenario) -> None:
    paths = re.findall(r"<summary>[^\n]* – (\S+) \(([^)]*)\)</summary>", scenario.comment)
    assert paths[:5] == [("piloter/pilot/", "endret"), ("tiltak/fadderordning/", "fjernet"),
                         ("tiltak/hilsen/", "ny side"), ("tiltak/mentorordning/", "endret"),
                         ("tiltak/velkomstpakke/", "ny side")]
    assert ("tiltak/", "endret") in paths  # the overview lists the measures
    removed = details(scenario.comment, "tiltak/fadderordning/")
    assert "\n- Fadderordning\n" in removed


def test_unchanged_pages_are_not_listed(scenario: Scenario) -> None:
    paths = re.findall(r"<summary>[^\n]* – (\S+) \(", scenario.comment)
    assert "kommuner/sor-odal/" not in paths and "organisasjoner/ks/" not in paths


def test_validate_warnings_of_the_new_state_are_shown(scenario: Scenario) -> None:
    assert section(scenario.comment, "Advarsler") == "\n".join([
        "### Advarsler fra `validate` (2)",
        "",
        "Advarslene stopper ikke byggingen her, men sjekken i CI (`validate --strict`) regner "
        "dem som feil.",
        "",
        "- `content/measures/hilsen.yml:1` `id`: tiltaket er ikke brukt av noen pilot **(ny)**",
        "- `content/measures/velkomstpakke.yml:1` `id`: tiltaket er ikke brukt av noen pilot "
        "**(ny)**",
    ])


def test_footer_links_the_run(scenario: Scenario) -> None:
    assert scenario.comment.rstrip().endswith(
        f"kan lastes ned fra [kjøringen]({RUN_URL}).</sub>")


def test_content_text_cannot_inject_into_the_comment(scenario: Scenario) -> None:
    comment = scenario.comment
    outside = "\n".join(outside_code(comment))
    # Only our own HTML: the marker, the collapsed blocks and the footer.
    tags = re.findall(r"<[^>]*>", outside)
    assert set(tags) == {MARKER, "<details>", "</details>", "<summary>", "</summary>",
                         "<sub>", "</sub>"}
    assert outside.count("<details>") == outside.count("</details>") == 13
    assert "@octocat" not in outside and "#1" not in outside
    # In the page text the hostile markup stays inside the diff's fence, shown as text.
    block = details(comment, "tiltak/hilsen/")
    assert "\n````` diff\n" not in block and "\n`````diff\n" in block
    assert "+ ```` </details> @octocat <!-- x -->" in block
    assert MARKER not in comment[len(MARKER):]


def test_errors_are_listed_and_escaped_when_the_head_cannot_build(tmp_path: Path) -> None:
    base = _project(tmp_path / "base", {})
    broken = MEASURE_2.replace("name: Fadderordning", 'name: "Ny </details> @octocat"')
    head = _project(tmp_path / "head", {"content/measures/fadderordning.yml": broken})
    comment = _report(tmp_path, head, base, "--head-site", str(tmp_path / "mangler"))
    assert "> Sidene er ikke sammenlignet: innholdet har feil (se under), så nettstedet for " \
           "denne versjonen kan ikke bygges." in comment
    assert section(comment, "Feil") == "\n".join([
        "### Feil (1)",
        "",
        "Nettstedet kan ikke bygges før disse er rettet:",
        "",
        "- `content/measures/fadderordning.yml:2` `name`: HTML er ikke tillatt i tekstfelt "
        "\\(«&lt;/details&gt;»\\); bruk Markdown \\(se CONTRIBUTING.md\\) **(ny)**",
    ])
    assert "</details>" not in comment and "@octocat" not in comment
    assert "- Tiltak **Ny &lt;/details&gt; @\u200boctocat** (`fadderordning`)" in comment


def test_comment_respects_the_size_limit(scenario: Scenario, tmp_path: Path) -> None:
    comment = _report(tmp_path, scenario.head, scenario.base,
                      "--base-site", str(scenario.base_site),
                      "--head-site", str(scenario.head_site), "--limit", "4000")
    assert len(comment) <= 4000
    assert section(comment, "Poster") == section(scenario.comment, "Poster")
    outside = "\n".join(outside_code(comment))
    shown = outside.count("<details>")
    assert 0 < shown < 13 and shown == outside.count("</details>")
    assert (f"> **Rapporten er forkortet** fordi en kommentar på GitHub kan ha høyst "
            f"65\u00a0536 tegn. Ikke vist: sider med endret tekst ({13 - shown}).") in comment
    assert comment.rstrip().endswith("</sub>")


def test_many_long_pages_stay_under_githubs_limit(tmp_path: Path) -> None:
    sentence = "Dette er en lang setning om tiltaket som gjentas mange ganger. "
    many = {f"content/measures/tiltak-{n}.yml": MEASURE_2.replace(
        "id: fadderordning", f"id: tiltak-{n}").replace(
        "name: Fadderordning", f"name: Tiltak {n}").replace(
        "En fadder viser den nyansatte rundt.", f"{sentence * 60}".strip())
        for n in range(60)}
    base = _project(tmp_path / "base", {})
    head = _project(tmp_path / "head", many)
    comment = _report(tmp_path, head, base,
                      "--base-site", str(_build(base, tmp_path / "base-site")),
                      "--head-site", str(_build(head, tmp_path / "head-site")))
    assert 50_000 < len(comment) <= 60_000 < GITHUB_LIMIT
    assert "> **Rapporten er forkortet**" in comment
    assert re.search(r"\n… og \d+ linjer til i denne siden\.\n", comment)
    assert "\n- … og 10 poster til\n" in comment  # 60 added, 50 listed
    assert "\n- … og 10 problemer til\n" in comment  # 60 warnings, 50 listed
    outside = "\n".join(outside_code(comment))
    assert outside.count("<details>") == outside.count("</details>") > 0


def test_fences_and_code_spans_outgrow_the_backticks_inside() -> None:
    assert code_block(["+ ```", "- ````x"]).splitlines() == [
        "`````diff", "+ ```", "- ````x", "`````"]
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"


def test_page_text_reads_the_article_only() -> None:
    html = """<html><head><title>Side - Nettsted</title></head><body>
    <nav><p>Meny</p></nav>
    <article class="md-content__inner md-typeset">
    <a class="md-content__button" href="x"><svg><path d="M0"/></svg>Rediger</a>
    <h1 id="a">Tittel &amp; mer<a class="headerlink" href="#a">&para;</a></h1>
    <p>Første setning. Andre setning i nr. 2020:7 og kap. 5.1.</p>
    <script type="application/json">{"data": [1, 2]}</script>
    <table><tr><th>År</th><th>Antall</th></tr><tr><td>2018</td><td>12</td></tr></table>
    <ul><li>Ett</li><li>To <img src="x.png" alt="et bilde"></li></ul>
    <div class="th-page-footer"><p>Sist oppdatert 2026-01-01</p></div>
    </article><footer><p>Bunntekst</p></footer></body></html>"""
    text = page_text("side/", html)
    assert text.title == "Tittel & mer"
    assert text.lines == ("Tittel & mer", "Første setning.",
                          "Andre setning i nr. 2020:7 og kap. 5.1.", "År | Antall", "2018 | 12",
                          "- Ett", "- To [bilde: et bilde]")


def test_base_that_is_not_a_project_is_a_usage_error(tree, capsys) -> None:  # type: ignore[no-untyped-def]
    head = tree(BASE)
    code = main(["--project", str(head), "report", "--base", str(head / "mangler")])
    assert code == 2
    assert "--base må være en prosjektmappe" in capsys.readouterr().err


def test_comments_and_indentation_alone_are_not_a_change(tmp_path: Path) -> None:
    reformatted = "# En kommentar\n" + MEASURE.replace("related: [fadderordning]",
                                                       "related:\n  - fadderordning")
    base = _project(tmp_path / "base", {})
    head = _project(tmp_path / "head", {"content/measures/mentorordning.yml": reformatted,
                                        "content/sources/rapport.yml": "id: [ødelagt"})
    assert record_changes(base / "content", head / "content") == [
        RecordChange("sources", "rapport", "rapport", "changed", "content/sources/rapport.yml")]


def test_a_report_without_the_built_sites_says_what_it_was_not_given(tmp_path: Path) -> None:
    base = _project(tmp_path / "base", {})
    head = _project(tmp_path / "head", {"content/measures/velkomstpakke.yml": MEASURE_2.replace(
        "id: fadderordning", "id: velkomstpakke").replace("name: Fadderordning",
                                                          "name: Velkomstpakke")})
    comment = _report(tmp_path, head, base)
    assert ("Sidene er ikke sammenlignet: --base-site og --head-site er ikke oppgitt. Bygg "
            "versjonene med `tiltakshefte build --output MAPPE` og gi mappene til `report` for "
            "å se sidene med endret tekst.") in comment
    assert "kunne ikke bygges" not in comment
    comment = _report(tmp_path, head, base, "--base-site", str(_build(base, tmp_path / "for")),
                      "--head-site", str(tmp_path / "finnes-ikke"))
    assert (f"nettstedet for denne versjonen ({tmp_path / 'finnes-ikke'}) har ingen index.html; "
            "byggingen feilet, eller mappen er feil.") in comment
