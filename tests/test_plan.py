"""«Lag plan» and the plan templates: the plan page prints with the chosen measures, and
the templates download as Word and text files made from the same text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import ROOT, SiteServer
from docx import Document
from test_shortlist import names, pdf_text

from generator.planforms import PLAN_TEMPLATES, form_parts, read_form

CHOSEN = ["mentorordning", "studentperm"]


@pytest.mark.browser
def test_the_plan_page_prefills_the_main_plan_and_prints_on_a4(page,
                                                                 built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/plan/?t=" + ",".join(CHOSEN))
    page.wait_for_selector("[data-plan-page][data-loaded=yes]", state="attached")
    measures = page.locator("[data-plan-measures] > .th-plan__measure")
    assert measures.count() == len(CHOSEN)
    first = measures.first.inner_text()
    for label in ("Mål for tiltaket", "Hva dere kan gjøre først", "Ressursbehov", "Fallgruver",
                  "Hvem har prøvd det", "Kilder", "Ansvarlig, oppstart og frist:"):
        assert label in first, label
    assert not page.locator("[data-plan-none]").is_visible()
    known = names()
    page.emulate_media(media="print")
    assert not page.locator(".th-plan-actions").is_visible()
    text = pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    for measure in CHOSEN:
        assert known[measure] in text, measure
    form = read_form((ROOT / "content" / "files" / "mal-hovedplan.txt").read_text("utf-8"))
    for block in form_parts(form):
        if block.kind == "heading":
            assert f"{block.number}. {block.text}"[:30] in text, block.text


@pytest.mark.browser
def test_the_plan_page_without_a_list_is_the_empty_template(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/plan/")
    page.wait_for_selector("[data-plan-page][data-loaded=yes]", state="attached")
    assert page.locator("[data-plan-measures] > .th-plan__measure").count() == 0
    assert page.locator("[data-plan-none]").is_visible()


def test_each_template_is_a_word_file_with_the_text_files_headings(site_dir: Path) -> None:
    for template_id in PLAN_TEMPLATES:
        text = (ROOT / "content" / "files" / f"{template_id}.txt").read_text("utf-8")
        data = (site_dir / "files" / f"{template_id}.docx").read_bytes()
        document = Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        form = read_form(text)
        assert paragraphs[0] == form.title
        for block in form_parts(form):
            if block.kind in ("heading", "bullet", "field"):
                assert any(block.text in p for p in paragraphs), (template_id, block.text)
        assert "Østfold" in "\n".join(paragraphs)


def test_the_word_files_are_the_same_bytes_in_every_build(tmp_path: Path) -> None:
    from generator.planforms import template_files

    first = template_files(ROOT / "content" / "files")
    second = template_files(ROOT / "content" / "files")
    assert first == second and len(first) == 2 * len(PLAN_TEMPLATES)


def test_text_templates_have_a_bom_and_every_link_to_them_downloads(site_dir: Path) -> None:
    for template_id in PLAN_TEMPLATES:
        data = (site_dir / "files" / f"{template_id}.txt").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert "Østfold".encode() in data
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        for template_id in PLAN_TEMPLATES:
            for suffix in (".txt", ".docx"):
                target = f"files/{template_id}{suffix}"
                start = 0
                while (at := html.find(target + '"', start)) >= 0:
                    tag = html[html.rfind("<a ", 0, at):html.find(">", at)]
                    assert " download" in tag, f"{page}: {tag}"
                    start = at + 1


def test_the_templates_are_in_the_menu_and_on_the_home_page(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text("utf-8")
    assert 'href="maler/"' in home
    assert re.search(r'<a href="maler/" class="md-tabs__link">\s*Maler\s*</a>', home)
    templates = (site_dir / "maler" / "index.html").read_text("utf-8")
    for template_id in PLAN_TEMPLATES:
        assert f"files/{template_id}.docx" in templates
