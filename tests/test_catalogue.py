"""The measures overview in the browser: facets, URL state, search, print."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SiteServer
from test_browser import axe_violations, search

pytestmark = pytest.mark.browser


def cards_in(site_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Each card's facet values, read from the static page."""
    html = (site_dir / "tiltak" / "index.html").read_text(encoding="utf-8")
    cards = {}
    for match in re.finditer(r'<li class="th-card" ([^>]*)>', html):
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


def test_two_facets_intersect_and_url_restores_state(page, built_site: SiteServer,
                                                     site_dir: Path) -> None:
    cards = cards_in(site_dir)
    page.goto(built_site.url + "tiltak/")
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


@pytest.mark.parametrize("query", ["", "?target_groups=sykepleiere&aims=beholde"])
def test_axe_on_overview_pages(page, built_site: SiteServer, query: str) -> None:
    for path in ["tiltak/" + query, "piloter/", "kommuner/", "organisasjoner/",
                 "tiltak/sammenlign/?m=mentorordning,studentperm", "tall/", "apne-data/"]:
        page.goto(built_site.url + path)
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        assert violations == [], f"{path}: " + json.dumps(violations, ensure_ascii=False)


@pytest.mark.parametrize("term,expected", [
    ("mentor", "mentorordning"), ("sykepleier", ""), ("kommune", "kommuner/"),
    ("lærling", "laerling"), ("ambassadør", "rekrutteringsambassadorer"),
    ("studentperm", "studentperm"),
])
def test_search_finds_expected_page_in_top_three(page, built_site: SiteServer, term: str,
                                                 expected: str) -> None:
    page.goto(built_site.url)
    results = [urlsplit(url).path for url in search(page, term)[:3]]
    assert results, f"ingen treff for {term}"
    if expected:
        assert any(expected in path for path in results), (term, results)


def test_compare_keeps_choice_in_url(page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/sammenlign/?m=mentorordning,studentperm")
    rows = page.locator("[data-compare] tbody tr:visible")
    assert rows.count() == 2
    page.select_option("#th-compare-3", "fadderordning")
    assert "m=mentorordning,studentperm,fadderordning" in page.url
    assert rows.count() == 3


def test_print_has_no_navigation_and_booklet_has_all_measures(
    browser, built_site: SiteServer, site_dir: Path, tmp_path: Path
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(built_site.url + "tiltak/mentorordning/")
    tab.emulate_media(media="print")
    assert not tab.locator(".md-header").is_visible()
    assert not tab.locator(".md-sidebar--primary").is_visible()
    pdf = tab.pdf(path=str(tmp_path / "tiltak.pdf"))
    assert pdf[:4] == b"%PDF"
    tab.goto(built_site.url + "tiltak/hefte/")
    tab.emulate_media(media="print")
    names = tab.locator("h2.th-booklet-measure").all_inner_texts()
    assert len(names) == len(cards_in(site_dir))
    assert not tab.locator(".md-tabs").is_visible()
    assert tab.pdf(path=str(tmp_path / "hefte.pdf"))[:4] == b"%PDF"
    context.close()
