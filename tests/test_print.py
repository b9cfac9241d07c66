"""Print: a measure on one sheet of paper, no addresses after the site's own links, no
instructions meant for the screen. And tables on a small screen: fitted, or scrolling
with a visible cue."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import SiteServer
from pagekinds import PAGE_KINDS

pytestmark = pytest.mark.browser

# The measures with the most content: if they fit, the others do.
LONGEST = ["tiltak/mentorordning/", "tiltak/utviklingsverksted/", "tiltak/studentperm/"]


def pdf_pages(tab: Any) -> int:
    """Pages in the A4 PDF Chromium prints of the open page."""
    return len(re.findall(rb"/Type\s*/Page[^s]", tab.pdf(format="A4")))


def test_a_measure_prints_on_at_most_two_pages(page: Any, built_site: SiteServer) -> None:
    for path in LONGEST:
        page.goto(built_site.url + path)
        page.locator(".th-facts").wait_for()
        assert pdf_pages(page) <= 2, path


def test_the_printed_measure_keeps_the_facts_steps_pitfalls_and_sources(
        page: Any, built_site: SiteServer) -> None:
    page.goto(built_site.url + "tiltak/mentorordning/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-content h2')]
        .filter(h => h.getClientRects().length).map(h => h.textContent.replace('¶', '').trim())""")
    assert shown == ["Slik kommer du i gang", "Hva det krever", "Fallgruver", "Kilder"]
    assert page.locator(".th-facts").is_visible()
    note = page.locator(".th-print-only")
    assert note.is_visible() and "tiltak/mentorordning/" in note.inner_text()
    page.emulate_media(media="screen")
    assert not note.is_visible()


@pytest.mark.parametrize("kind", ["tiltaksside", "pilot", "tall", "kilde"])
def test_print_writes_out_only_addresses_outside_the_site(
        page: Any, built_site: SiteServer, kind: str) -> None:
    page.goto(built_site.url + PAGE_KINDS[kind])
    page.locator(".md-content").wait_for()
    page.emulate_media(media="print")
    links = page.evaluate("""() => [...document.querySelectorAll('.md-content a[href]')]
        .filter(a => a.getClientRects().length)
        .map(a => [a.host === location.host || !a.host,
                   getComputedStyle(a, '::after').content, a.href])""")
    assert links
    for internal, after, href in links:
        if internal:
            assert "http" not in after, f"{kind}: {href} får adressen etter seg: {after}"
        elif href.startswith("http"):
            assert href in after, f"{kind}: {href} mangler adressen på papir"


@pytest.mark.parametrize("kind", ["pilot", "tiltak", "tall"])
def test_print_leaves_out_what_only_works_on_a_screen(
        page: Any, built_site: SiteServer, kind: str) -> None:
    page.goto(built_site.url + PAGE_KINDS[kind])
    page.locator(".md-content").wait_for()
    page.emulate_media(media="print")
    for selector in (".th-onpage", ".th-filters", ".th-chart__data > summary",
                     ".th-page-footer", ".md-header", ".md-sidebar", "noscript"):
        visible = page.evaluate("""(s) => [...document.querySelectorAll(s)]
            .some(el => el.getClientRects().length > 0)""", selector)
        assert not visible, f"{kind}: {selector} vises på papir"


def test_a_wide_table_on_a_phone_says_it_scrolls_and_can_be_scrolled_by_keyboard(
        page: Any, built_site: SiteServer) -> None:
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(built_site.url + "tall/")
    figure = page.locator("[data-chart='tfou-2019-studenter-vurderinger']")
    figure.locator("summary").click()
    wrap = figure.locator(".th-table-wrap")
    page.wait_for_function("w => w.getAttribute('tabindex') === '0'", arg=wrap.element_handle())
    assert wrap.get_attribute("role") == "region"
    assert wrap.get_attribute("aria-label") == figure.locator("caption").inner_text().strip()
    assert "sidelengs" in figure.locator(".th-table-hint").inner_text()
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # our frame is the scroller
    wrap.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("w => w.scrollLeft > 0", arg=wrap.element_handle())


def test_a_table_of_figures_fits_a_phone_with_its_source_column(
        page: Any, built_site: SiteServer) -> None:
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(built_site.url + "tiltak/mentorordning/")
    wraps = page.locator(".th-use .th-table-wrap")
    assert wraps.count() > 0
    for i in range(wraps.count()):
        wrap = wraps.nth(i)
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 3"), i
        kilde = wrap.locator("td:last-child").first.bounding_box()
        frame = wrap.bounding_box()
        assert kilde and frame and kilde["x"] + kilde["width"] <= frame["x"] + frame["width"] + 3
        assert wrap.get_attribute("tabindex") is None
