"""The measures overview in the browser: facets, URL state, search, print."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SiteServer
from pagekinds import PHONE
from test_browser import search

pytestmark = pytest.mark.browser


def cards_in(site_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Each card's facet values, read from the static page."""
    html = (site_dir / "tiltak" / "index.html").read_text(encoding="utf-8")
    cards = {}
    for match in re.finditer(r'<li class="th-card th-bare__item" ([^>]*)>', html):
        attrs = dict(re.findall(r'data-([\w-]+)="([^"]*)"', match.group(1)))
        cards[attrs["measure"]] = {k: v.split() for k, v in attrs.items()}
    return cards


def visible(page) -> set[str]:
    return set(page.locator("[data-measure]:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.measure)"))


def test_target_group_shows_exactly_the_measures_that_list_it(page, built_site: SiteServer,
                                                              site_dir: Path) -> None:
    cards = cards_in(site_dir)
    page.goto(built_site.url + "tiltak/")
    page.locator("[data-facet=target_groups] input[value=laerlinger], "
                 "[data-facet=target_groups] input[value=elever-og-laerlinger]").first.check()
    expected = {m for m, c in cards.items() if "elever-og-laerlinger" in c["target_groups"]}
    assert expected and visible(page) == expected
    assert page.locator("[data-result-count]").inner_text() == str(len(expected))


def test_two_facets_intersect_and_url_restores_state(page, engine_site: SiteServer,
                                                     engine_site_dir: Path) -> None:
    cards = cards_in(engine_site_dir)
    page.goto(engine_site.url + "tiltak/")
    page.locator("[data-facet=target_groups] input[value=sykepleiere]").check()
    page.locator("[data-facet=aims] input[value=beholde]").check()
    expected = {m for m, c in cards.items()
                if "sykepleiere" in c["target_groups"] and "beholde" in c["aims"]}
    assert expected and visible(page) == expected
    assert "target_groups=sykepleiere" in page.url and "aims=beholde" in page.url
    page.reload()
    assert visible(page) == expected
    assert page.locator("[data-facet=aims] input[value=beholde]").is_checked()
    page.locator("[data-clear]").click()
    assert visible(page) == set(cards)


def test_facet_counts_and_keyboard(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/?aims=rekruttere")
    count = int(page.locator("[data-result-count]").inner_text())
    badge = page.locator("[data-facet=aims] label:has(input[value=rekruttere]) [data-count-for]")
    assert badge.inner_text() == f"({count})"
    page.locator("#th-q").focus()
    page.keyboard.type("mentor")
    assert 0 < len(visible(page)) <= count


@pytest.mark.parametrize("term,expected", [
    ("mentor", "mentorordning"), ("sykepleier", ""), ("lærling", "laerling"),
    ("ambassadør", "rekrutteringsambassadorer"), ("studentperm", "studentperm"),
])
def test_search_finds_expected_page_in_top_three(page, built_site: SiteServer, term: str,
                                                 expected: str) -> None:
    page.goto(built_site.url)
    results = [urlsplit(url).path for url in search(page, term)[:3]]
    assert results, f"ingen treff for {term}"
    if expected:
        assert any(expected in path for path in results), (term, results)


def test_compare_keeps_choice_in_url(page, engine_site: SiteServer) -> None:
    page.goto(engine_site.url + "tiltak/sammenlign/?m=mentorordning,studentperm")
    rows = page.locator("[data-compare] > [data-measure]:visible")
    assert rows.count() == 2
    page.select_option("#th-compare-3", "fadderordning")
    assert "m=mentorordning,studentperm,fadderordning" in page.url
    assert rows.count() == 3


def test_print_has_no_navigation_and_booklet_has_all_measures(
    browser, engine_site: SiteServer, engine_site_dir: Path, tmp_path: Path
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(engine_site.url + "tiltak/mentorordning/")
    tab.emulate_media(media="print")
    assert not tab.locator(".md-header").is_visible()
    assert not tab.locator(".md-sidebar--primary").is_visible()
    pdf = tab.pdf(path=str(tmp_path / "tiltak.pdf"))
    assert pdf[:4] == b"%PDF"
    tab.goto(engine_site.url + "tiltak/hefte/")
    tab.emulate_media(media="print")
    names = tab.locator("h2.th-booklet-measure").all_inner_texts()
    assert len(names) == len(cards_in(engine_site_dir))
    assert not tab.locator(".md-tabs").is_visible()
    assert tab.pdf(path=str(tmp_path / "hefte.pdf"))[:4] == b"%PDF"
    context.close()


def test_filter_panel_chips_and_count_on_a_phone(browser, engine_site: SiteServer,
                                                 engine_site_dir: Path) -> None:
    cards = cards_in(engine_site_dir)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(engine_site.url + "tiltak/")
    toggle = tab.locator("[data-filter-toggle]")
    panel = tab.locator("[data-filter-panel]")
    assert toggle.get_attribute("aria-expanded") == "false" and not panel.is_visible()
    assert tab.locator("[data-result-status]").get_attribute("aria-live") == "polite"
    # Keyboard only: open the panel, tick «Sykepleiere», apply with «Vis N tiltak».
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()
    tab.locator("[data-facet=target_groups] input[value=sykepleiere]").focus()
    tab.keyboard.press("Space")
    expected = {m for m, c in cards.items() if "sykepleiere" in c["target_groups"]}
    assert toggle.inner_text().strip() == "Filtrer (1)"
    submit = tab.locator("[data-filters] button[type=submit]")
    assert submit.inner_text().strip() == f"Vis {len(expected)} tiltak"
    submit.focus()
    tab.keyboard.press("Enter")
    assert not panel.is_visible()
    assert tab.evaluate("document.activeElement.hasAttribute('data-result-status')")
    assert visible(tab) == expected
    assert tab.locator("[data-result-count]").inner_text() == str(len(expected))
    # The active filter shows as a chip; removing it brings every measure back.
    chip = tab.locator("[data-chips] .th-chip")
    assert chip.count() == 1 and "Sykepleiere" in chip.inner_text()
    assert chip.get_attribute("aria-label") == "Fjern filteret Målgruppe: Sykepleiere"
    chip.click()
    assert visible(tab) == set(cards)
    assert tab.locator("[data-chips]").is_hidden()
    assert toggle.inner_text().strip() == "Filtrer"
    context.close()


def test_chips_for_several_filters_and_the_search_words(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/?aims=beholde,rekruttere&sok=mentor")
    chips = page.locator("[data-chips] .th-chip")
    names = page.locator("[data-chips] .th-chip > span:first-child").all_inner_texts()
    assert names == ["Rekruttere", "Beholde", "«mentor»", "Nullstill alle"]
    chips.last.click()
    assert page.locator("[data-chips]").is_hidden()
    assert urlsplit(page.url).query == ""


def test_catalogue_without_javascript_is_the_whole_list(browser, built_site: SiteServer,
                                                         site_dir: Path) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    tab = context.new_page()
    tab.goto(built_site.url + "tiltak/?aims=beholde")
    assert visible(tab) == set(cards_in(site_dir))
    assert tab.locator("[data-filters]").is_hidden()
    assert tab.locator("[data-catalogue] > .th-card .th-card__title a").first.is_visible()
    context.close()


def test_home_search_and_tiles_lead_to_the_filtered_catalogue(page, engine_site: SiteServer,
                                                             engine_site_dir: Path) -> None:
    cards = cards_in(engine_site_dir)
    page.goto(engine_site.url)
    page.locator("#th-home-q").fill("mentor")
    page.locator("form.th-home-search button[type=submit]").click()
    page.wait_for_url("**/tiltak/?sok=mentor")
    # The words are matched by the site search's index, which answers a moment later.
    page.wait_for_function("n => Number(document.querySelector('[data-result-count]')"
                           ".textContent) < n", arg=len(cards))
    shown = visible(page)
    assert shown and len(shown) < len(cards)
    assert page.locator("#th-q").input_value() == "mentor"
    page.goto(engine_site.url)
    tile = page.locator(".th-tile a[href$='?aims=beholde']")
    count = int(tile.locator(".th-tile__count").inner_text().split()[0])
    tile.click()
    page.wait_for_url("**/tiltak/?aims=beholde")
    # Instant navigation: the address changes before the new page's script has run.
    page.locator("[data-catalogue][data-ready=yes]").wait_for()
    expected = {m for m, c in cards.items() if "beholde" in c["aims"]}
    assert visible(page) == expected and len(expected) == count
