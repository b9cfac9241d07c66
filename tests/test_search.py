"""The site search in the browser: Pagefind behind our own panel in the header.

Every test waits for the panel to say which query it shows (``shown_results``), never for
time. The examples come from the real content.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SiteServer
from pagekinds import PHONE
from test_browser import AXE_COLOUR_RULES, axe_violations, search, shown_results
from test_catalogue import cards_in, visible

pytestmark = pytest.mark.browser

MENTOR_MEASURES = {"mentorordning", "mentornettverk", "mentorutdanning"}


def paths(urls: list[str]) -> list[str]:
    """The site-relative paths of result links (``tiltak/mentorordning/``)."""
    return [urlsplit(url).path.split("/", 2)[2] for url in urls]


@pytest.mark.parametrize("term,first", [
    ("Salten", "piloter/salten/"), ("Trysil", "kommuner/trysil/"),
    ("heltid", "tiltak/heltidskultur/"),
])
def test_the_page_about_a_thing_comes_first(page, built_site: SiteServer, term: str,
                                            first: str) -> None:
    page.goto(built_site.url + "om/")
    assert paths(search(page, term))[0] == first


def test_mentor_brings_the_mentor_measures_first(page, built_site: SiteServer) -> None:
    """The pilot named «Mentor i Trondheim kommune» may stand among them; nothing else."""
    page.goto(built_site.url + "om/")
    top = paths(search(page, "mentor"))[:4]
    assert {f"tiltak/{m}/" for m in MENTOR_MEASURES} <= set(top), top
    assert set(top) - {f"tiltak/{m}/" for m in MENTOR_MEASURES} <= {"piloter/mentor/"}, top


@pytest.mark.parametrize("term,expected", [
    ("lærlingen", "tiltak/laerlingplasser/"), ("studentene", "tiltak/studentperm/"),
    ("ambassadørene", "tiltak/rekrutteringsambassadorer/"), ("kommunen", "kommuner/"),
])
def test_inflected_words_find_their_pages(page, built_site: SiteServer, term: str,
                                          expected: str) -> None:
    page.goto(built_site.url)
    top = paths(search(page, term))[:5]
    assert any(path.startswith(expected) for path in top), (term, top)


def test_results_show_title_kind_and_marked_excerpt(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "om/")
    search(page, "heltid")
    first = page.locator(".th-search__result").first
    assert first.locator(".th-search__title").inner_text() == "Heltidskultur og større stillinger"
    assert first.locator(".th-search__kind").inner_text() == "Tiltak"
    assert first.locator(".th-search__excerpt mark").count() >= 1
    # Only text and <mark> come from the index into the page.
    tags = page.locator(".th-search__excerpt *").evaluate_all(
        "nodes => [...new Set(nodes.map(n => n.tagName))]")
    assert tags == ["MARK"]
    status = page.locator("[data-search-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert "treff for «heltid»" in status.inner_text()
    assert page.console_errors == []


def test_kind_chips_filter_the_results(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "om/")
    search(page, "mentor")
    chip = page.locator(".th-search__chip", has_text="Kommune")
    count = int(chip.inner_text().split("(")[1].rstrip(")"))
    chip.click()
    results = shown_results(page, "mentor", "Kommune")
    assert len(page.locator(".th-search__kind").all_inner_texts()) == min(count, 6)
    assert set(page.locator(".th-search__kind").all_inner_texts()) == {"Kommune"}
    assert all(path.startswith("kommuner/") for path in paths(results))
    assert chip.get_attribute("aria-pressed") == "true"
    assert f"{count} treff" in page.locator("[data-search-status]").inner_text()
    page.locator(".th-search__chip", has_text="Alle").click()
    assert len(shown_results(page, "mentor")) == 6  # the first page of all the results


def test_keyboard_slash_arrows_enter_and_escape(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "om/")
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "th-search-q"
    page.keyboard.type("heltid", delay=40)
    links = paths(shown_results(page, "heltid"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith(links[1])
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "th-search-q"
    page.keyboard.press("Escape")
    assert page.locator("#th-search-panel").is_hidden()
    page.keyboard.type(" ")  # any key opens it again with the same query
    page.keyboard.press("Backspace")
    shown_results(page, "heltid")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{links[0]}")


def test_q_in_the_address_opens_the_search(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "kilder/?q=studentperm")
    assert "tiltak/studentperm/" in paths(shown_results(page, "studentperm"))
    assert page.locator("#th-search-q").input_value() == "studentperm"
    assert page.locator("#th-search-panel").is_visible()


def test_a_query_filled_in_before_the_script_runs_is_searched(page, built_site: SiteServer
                                                                ) -> None:
    """A browser's autofill, or a reader who pastes while the page loads, puts text in the
    field without the events the script listens to."""
    page.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
        document.querySelector('#th-search-q').value = 'heltid'; }, {capture: true});""")
    page.goto(built_site.url + "om/")
    assert paths(shown_results(page, "heltid"))[0] == "tiltak/heltidskultur/"


def test_no_hits_offer_the_aims_and_the_catalogue(page, built_site: SiteServer) -> None:
    """(Pagefind itself falls back to the longest known start of a word, «turnoverrate» →
    «turnover», so no hits means no word of the query is like anything on the site.)"""
    page.goto(built_site.url + "om/")
    assert search(page, "xylofon") == []
    status = page.locator("[data-search-status]").inner_text()
    assert status.startswith("Ingen treff for «xylofon»")
    help_box = page.locator("[data-search-help]")
    assert help_box.is_visible()
    aim = help_box.locator("a[href$='tiltak/?aims=rekruttere']")
    assert aim.inner_text() == "Rekruttere"
    assert help_box.locator("a[href$='tiltak/']", has_text="Se alle tiltakene").is_visible()
    aim.click()
    page.wait_for_url("**/tiltak/?aims=rekruttere")


def test_a_page_view_without_a_search_fetches_nothing_of_it(page, built_site: SiteServer
                                                             ) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(built_site.url + "tiltak/mentorordning/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "/pagefind/" in url or "search" in url.split("/")[-1]
            and not url.endswith("search.js")] == []
    page.locator("#th-search-q").focus()
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.endsWith('/pagefind/pagefind.js'))")


def test_without_javascript_the_field_leads_to_the_catalogue(browser, built_site: SiteServer,
                                                             site_dir: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(built_site.url + "om/")
    tab.locator("#th-search-q").fill("mentor")
    tab.locator("#th-search-q").press("Enter")
    tab.wait_for_url("**/tiltak/?sok=mentor")
    assert tab.locator("[data-measure]").count() == len(cards_in(site_dir))
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_panel_passes_axe_and_reflows_at_320(browser, built_site: SiteServer,
                                                  scheme: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(built_site.url + "om/?q=mentor")
    shown_results(tab, "mentor")
    body_scheme = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert body_scheme == ("slate" if scheme == "dark" else "default")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    box = tab.locator("#th-search-panel").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    rules = None if scheme == "light" else AXE_COLOUR_RULES
    assert axe_violations(tab, rules=rules) == []
    tab.locator(".th-search__chip", has_text="Tiltak").click()
    shown_results(tab, "mentor", "Tiltak")
    assert axe_violations(tab, within="#th-search-panel", rules=rules) == []
    context.close()


def test_the_phone_header_shows_a_magnifier_that_opens_the_field(browser,
                                                                 built_site: SiteServer) -> None:
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(built_site.url + "om/")
    field = tab.locator("#th-search-q")
    closed = field.bounding_box()
    assert closed and closed["width"] < 60
    field.click()
    opened = field.bounding_box()
    assert opened and opened["width"] > PHONE["width"] * 0.8
    context.close()


# The catalogue's text filter asks the same index (catalogue.js → search.js).

def catalogue_after(page, url: str, total: int) -> set[str]:
    """The measures the catalogue shows for ``url``, once the search has answered."""
    page.goto(url)
    page.wait_for_function("n => Number(document.querySelector('[data-result-count]')"
                           ".textContent) < n", arg=total)
    return visible(page)


def test_catalogue_text_filter_finds_every_inflection(page, built_site: SiteServer,
                                                      site_dir: Path) -> None:
    cards = cards_in(site_dir)
    recruiting = catalogue_after(page, built_site.url + "tiltak/?sok=rekruttere", len(cards))
    names = {m for m, card in cards.items() if "rekrutter" in " ".join(card["name"]).lower()}
    assert names and names <= recruiting  # Rekrutteringsfilm, -patrulje, -ambassadører
    assert len(recruiting) >= 20  # the letters «rekruttere» appear in only a few cards
    nurses = catalogue_after(page, built_site.url + "tiltak/?sok=rekruttere+sykepleiere",
                             len(cards))
    assert nurses and nurses < recruiting  # every word must match
    assert "mentorordning" in nurses
    mentor = catalogue_after(page, built_site.url + "tiltak/?sok=mentor", len(cards))
    assert mentor >= MENTOR_MEASURES


def test_catalogue_and_header_search_agree(page, built_site: SiteServer, site_dir: Path) -> None:
    cards = cards_in(site_dir)
    shown = catalogue_after(page, built_site.url + "tiltak/?sok=rekruttere+sykepleiere",
                            len(cards))
    search(page, "rekruttere sykepleiere")
    chip = page.locator(".th-search__chip", has_text="Tiltak").inner_text()
    assert chip == f"Tiltak ({len(shown)})"
