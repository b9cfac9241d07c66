"""Links by name, every internal link checked, and no page that silently overwrites another:
as an editor meets them, through the real command line."""

from __future__ import annotations

from pathlib import Path

from test_cli import MEASURE, digest, run

PAGE = """\
id: {id}
title: {title}
description: En side.
intro: |
  Første linje.
{text}
"""


def page(page_id: str, text: str, title: str = "") -> str:
    body = "\n".join("  " + line for line in text.splitlines())
    return PAGE.format(id=page_id, title=title or f"Side {page_id}", text=body)


def test_a_link_by_name_is_resolved_relative_to_each_page(tree, tmp_path: Path) -> None:
    root = tree({
        "content/measures/mentor.yml": MEASURE.format(id="mentor"),
        "content/measures/turnus.yml": MEASURE.format(id="turnus").replace(
            "description: Beskrivelse.",
            "description: Se [](tiltak:mentor) og [planen](side:plan)."),
        "content/pages/plan.yml": page("plan", "Les om [mentorordningen](tiltak:mentor#tips)."),
    })
    out = tmp_path / "site"
    result = run(root, "build", "--output", str(out), "--no-strict")
    assert result.returncode == 0, result.stderr
    measure = (out / "tiltak/turnus/index.html").read_text(encoding="utf-8")
    assert '<a href="../mentor/" rel="noopener">Tiltak mentor</a>' in measure
    assert '<a href="../../plan/" rel="noopener">planen</a>' in measure
    booklet = (out / "tiltak/hefte/index.html").read_text(encoding="utf-8")
    assert '<a href="../mentor/" rel="noopener">Tiltak mentor</a>' in booklet
    plan = (out / "plan/index.html").read_text(encoding="utf-8")
    assert '<a href="../tiltak/mentor/#tips" rel="noopener">mentorordningen</a>' in plan


def test_every_broken_internal_link_is_located_with_a_suggestion(tree) -> None:
    text = ("Se [mentor](../mentr/) og\n[mentor](/tiltak/mentor/) og [](tiltak:mentr)\n"
            "og [x](pilot:mentor) og [y](tilak:mentor) og [fil](../files/mal.txt).")
    root = tree({
        "content/measures/mentor.yml": MEASURE.format(id="mentor"),
        "content/pages/plan.yml": page("plan", text),
        "content/files/mal.txt": "Mal\n",
    })
    result = run(root, "validate")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:5] == [
        "content/pages/plan.yml:6:15: intro: lenken «../mentr/» peker til «mentr/», som ikke "
        "finnes på nettstedet",
        "content/pages/plan.yml:7:12: intro: lenken «/tiltak/mentor/» begynner med «/» og virker "
        "ikke når nettstedet ligger i en undermappe (som på GitHub Pages); skriv «tiltak:mentor»",
        "content/pages/plan.yml:7:35: intro: lenken «tiltak:mentr» viser til et tiltak som ikke "
        "finnes; mente du «tiltak:mentor»?",
        "content/pages/plan.yml:8:10: intro: «mentor» er et tiltak, ikke «pilot:»; skriv "
        "«tiltak:mentor»",
        "content/pages/plan.yml:8:31: intro: ukjent lenketype «tilak:» (lenker ved navn begynner "
        "med «tiltak:», «pilot:», «kommune:», «organisasjon:», «kilde:», «side:», «ord:», "
        "«datasett:»); mente du «tiltak:»?",
    ]
    assert result.stderr.splitlines()[-1] == (
        "5 feil og 0 advarsler. Feil stopper byggingen; rett dem og kjør på nytt.")


def test_a_mistyped_relative_link_suggests_the_page(tree) -> None:
    root = tree({
        "content/measures/erfaringsdeling.yml": MEASURE.format(id="erfaringsdeling"),
        "content/measures/a.yml": MEASURE.format(id="a").replace(
            "description: Beskrivelse.",
            "description: |\n  Tekst.\n\n  Se [her](../erfaringsdelin/)."),
    })
    result = run(root, "validate")
    assert result.stderr.splitlines()[0] == (
        "content/measures/a.yml:7:12: description: lenken «../erfaringsdelin/» peker til "
        "«tiltak/erfaringsdelin/», som ikke finnes på nettstedet; mente du "
        "«tiltak:erfaringsdeling»?")


def test_a_page_over_a_section_is_an_error_and_nothing_is_written(tree, tmp_path: Path) -> None:
    root = tree({
        "content/measures/a.yml": MEASURE.format(id="a"),
        "content/pages/tiltak.yml": page("tiltak", "Min egen side om tiltak."),
    })
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("forrige versjon", encoding="utf-8")
    before = digest(out)
    for args in (("validate",), ("build", "--output", str(out), "--no-strict")):
        result = run(root, *args)
        assert result.returncode == 1
        assert result.stderr.splitlines()[0] == (
            "content/pages/tiltak.yml:1:1: id: siden får adressen «tiltak/», som også brukes av "
            "den faste siden tiltak/index.md (lages av programmet); bare én av dem ville blitt "
            "publisert. Gi posten en annen id (og samme filnavn)")
    assert digest(out) == before


def test_a_copied_record_with_the_same_name_names_both_files(tree) -> None:
    root = tree({
        "content/measures/a.yml": MEASURE.format(id="a"),
        "content/measures/b.yml": MEASURE.format(id="b").replace("Tiltak b", "Tiltak a"),
    })
    result = run(root, "validate")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "content/measures/a.yml:2:1: name: et tiltak med navnet «Tiltak a» finnes også i "
        "content/measures/b.yml; gi posten et eget navn (er filen kopiert uten at navnet ble "
        "endret?)",
        "content/measures/b.yml:2:1: name: et tiltak med navnet «Tiltak a» finnes også i "
        "content/measures/a.yml; gi posten et eget navn (er filen kopiert uten at navnet ble "
        "endret?)",
    ]


def test_the_renderer_refuses_two_pages_at_one_url() -> None:
    import pytest

    from generator.problems import ContentError
    from generator.render import RenderedPage
    from generator.sitemap import check_unique_urls

    pages = [RenderedPage("tiltak/index.md", "Tiltak", "", ""),
             RenderedPage("tiltak.md", "Min side", "", "", "content/pages/tiltak.yml")]
    with pytest.raises(ContentError) as caught:
        check_unique_urls(pages)
    assert caught.value.problems[0].format() == (
        "content/pages/tiltak.yml:1:1: to sider ville fått adressen «tiltak/»: tiltak/index.md "
        "og content/pages/tiltak.yml")
