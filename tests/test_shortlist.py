"""«Min liste»: the toggle on cards and measure pages, the list in the browser and in the
address, the list page (print, CSV, compare), and its per-measure data files."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SiteServer
from pypdf import PdfReader

from generator.pipeline import Project, load_project

pytestmark = pytest.mark.browser

CHOSEN = ["mentorordning", "studentperm"]


def pdf_text(data: bytes) -> str:
    """The text of a PDF, with line breaks and hyphenation undone so names can be found."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text.replace("-\n", ""))


def names() -> dict[str, str]:
    _, site = load_project(Project(ROOT), strict=False)
    return {m.id: m.name for m in site.measures()}


def test_toggle_on_cards_is_announced_and_survives_a_reload(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/")
    for measure in CHOSEN:
        button = page.locator(f'[data-catalogue] [data-shortlist="{measure}"]')
        assert button.get_attribute("aria-pressed") == "false"
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
    live = page.locator("[data-shortlist-live]")
    page.wait_for_function("() => document.querySelector('[data-shortlist-live]')"
                           ".textContent.includes('2 tiltak')")
    assert live.get_attribute("role") == "status"
    assert "lagt til i min liste" in live.inner_text()
    page.reload()
    pressed = page.locator('[data-catalogue] [data-shortlist][aria-pressed="true"]')
    assert sorted(pressed.evaluate_all("bs => bs.map(b => b.dataset.shortlist)")) == CHOSEN
    link = page.locator("[data-shortlist-link]").first
    assert link.inner_text() == "Min liste (2 tiltak)"
    link.click()
    page.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    assert page.url.endswith("tiltak/liste/?t=" + ",".join(CHOSEN))
    shown = page.locator("[data-shortlist-items] > [data-measure]")
    assert shown.evaluate_all("items => items.map(i => i.dataset.measure)") == CHOSEN
    page.locator('[data-shortlist-items] [data-measure="mentorordning"] button').click()
    assert page.url.endswith("tiltak/liste/?t=studentperm")
    page.goto(built_site.url + "tiltak/mentorordning/")
    assert page.locator("[data-shortlist=mentorordning]").get_attribute("aria-pressed") == "false"
    page.locator("[data-shortlist=mentorordning]").click()
    page.goto(built_site.url + "tiltak/liste/")
    page.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    assert page.url.endswith("?t=studentperm,mentorordning")


def test_a_shared_address_opens_the_same_list_in_another_browser(
        browser, built_site: SiteServer) -> None:
    context = browser.new_context()  # nothing stored
    tab = context.new_page()
    tab.goto(built_site.url + "tiltak/liste/?t=studentperm,fadderordning,finnes-ikke")
    tab.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    shown = tab.locator("[data-shortlist-items] > [data-measure]")
    assert shown.evaluate_all("items => items.map(i => i.dataset.measure)") == [
        "studentperm", "fadderordning"]
    assert "finnes ikke lenger" in tab.locator("[data-shortlist-status]").inner_text()
    assert tab.url.endswith("?t=studentperm,fadderordning")
    compare = tab.locator("[data-shortlist-compare]").get_attribute("href")
    assert compare and compare.endswith("sammenlign/?m=studentperm,fadderordning")
    plan = tab.locator("[data-shortlist-plan]").get_attribute("href")
    assert plan and plan.endswith("plan/?t=studentperm,fadderordning")
    tab.locator("[data-shortlist-compare]").click()
    tab.wait_for_url("**/sammenlign/?m=studentperm,fadderordning")
    visible = tab.locator("[data-compare] > [data-measure]:visible")
    assert visible.evaluate_all("items => items.map(i => i.dataset.measure)") == [
        "studentperm", "fadderordning"]
    context.close()


def test_the_empty_list_explains_itself(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/liste/")
    page.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    assert page.locator("[data-shortlist-empty]").is_visible()
    assert "Lista er tom" in page.locator("[data-shortlist-empty]").inner_text()
    assert not page.locator("[data-shortlist-actions]").is_visible()
    assert not page.locator("[data-shortlist-nojs]").is_visible()


def test_without_javascript_the_list_page_says_why_and_buttons_stay_hidden(
        browser, built_site: SiteServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(built_site.url + "tiltak/liste/")
    assert "bruker JavaScript" in tab.locator("[data-shortlist-nojs]").inner_text()
    tab.goto(built_site.url + "tiltak/")
    assert tab.locator("[data-shortlist]").count() > 0
    assert not tab.locator("[data-shortlist]").first.is_visible()
    context.close()


def test_the_list_downloads_as_csv_for_norwegian_excel(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/liste/?t=" + ",".join(CHOSEN))
    page.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    with page.expect_download() as info:
        page.locator("[data-shortlist-csv]").click()
    download = info.value
    assert download.suggested_filename == "min-liste-tiltak.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").split("\r\n")
    assert rows[0].startswith("Navn;Kort beskrivelse;Mål;Målgrupper;Kunnskapsgrunnlag")
    known = names()
    body = "\r\n".join(rows[1:])
    for measure in CHOSEN:
        assert known[measure] in body
    assert len([r for r in rows[1:] if r]) >= len(CHOSEN)


def test_the_list_prints_on_a4_with_the_measures_in_it(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/liste/?t=" + ",".join(CHOSEN))
    page.wait_for_selector("[data-shortlist-page][data-loaded=yes]", state="attached")
    page.emulate_media(media="print")
    assert not page.locator("[data-shortlist-actions]").is_visible()
    assert not page.locator(".md-header").is_visible()
    text = pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    known = names()
    for measure in CHOSEN:
        assert known[measure] in text, measure
    assert "Lista på nett:" in text


def test_each_measure_has_a_small_data_file_and_no_page_carries_them(site_dir: Path) -> None:
    known = names()
    files = sorted(p.stem for p in (site_dir / "data" / "liste").glob("*.json"))
    assert files == sorted(known)
    entry = json.loads((site_dir / "data" / "liste" / "mentorordning.json").read_text("utf-8"))
    assert entry["navn"] == known["mentorordning"]
    assert entry["url"] == "tiltak/mentorordning/"
    assert all("<" not in step for step in entry["kom_i_gang"])  # plain text only
    assert all(len(p.read_bytes()) < 20_000 for p in (site_dir / "data" / "liste").glob("*"))
    catalogue = (site_dir / "tiltak" / "index.html").read_text("utf-8")
    assert "data/liste/" not in catalogue
