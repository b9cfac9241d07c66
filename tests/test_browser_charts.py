"""Browser tests of the charts' numbers and sizes, and of the pilot map."""

from __future__ import annotations

import re

import pytest
from conftest import SiteServer
from test_browser import draw_all_charts

pytestmark = pytest.mark.browser

NBSP = "\u00a0"


def chart(page, chart_id: str):  # type: ignore[no-untyped-def]
    """The figure of ``chart_id``, scrolled to and drawn."""
    figure = page.locator(f"figure[data-chart='{chart_id}']")
    figure.scroll_into_view_if_needed()
    figure.locator(".th-chart__plot[data-rendered=yes] svg.main-svg").first.wait_for(
        timeout=20_000)
    return figure


def test_axis_ticks_use_norwegian_thousands_without_si_suffixes(page, built_site: SiteServer
                                                                ) -> None:
    page.goto(built_site.url + "tall/")
    # Expenses in kroner (up to 180 570) on a horizontal axis; a shortage of 57 000 on a
    # vertical one.
    for chart_id, axis in (("salten-regnskap-utgifter", "xtick"), ("ssb-mangel-2035", "ytick")):
        ticks = chart(page, chart_id).locator(f"g.{axis} text").all_text_contents()
        assert ticks, chart_id
        assert not [t for t in ticks if re.search(r"[kMG]$|e\+", t)], ticks
        assert [t for t in ticks if re.fullmatch(rf"\d{{1,3}}({NBSP}\d{{3}})+", t)], ticks
    assert page.console_errors == []


def point_at(page, element) -> None:  # type: ignore[no-untyped-def]
    """Move the mouse to the middle of ``element`` (Plotly listens on a layer above it)."""
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_hover_label_shows_the_exact_value_in_norwegian_format(page, built_site: SiteServer
                                                               ) -> None:
    page.goto(built_site.url + "tall/")
    figure = chart(page, "tfou-2019-arbeidsoppgaver")  # 76.4 per cent in the first row
    point_at(page, figure.locator("g.point path").first)
    label = figure.locator("g.hovertext").first
    label.wait_for(timeout=10_000)
    assert ": 76,4" in label.text_content()
    figure = chart(page, "salten-regnskap-utgifter")
    bars = figure.locator("g.point path")
    values = page.evaluate("""() => JSON.parse(document.querySelector(
        "figure[data-chart='salten-regnskap-utgifter'] template").content.textContent)
        .data[0].x""")
    widest = values.index(max(values))
    point_at(page, bars.nth(widest))
    label = figure.locator("g.hovertext").first
    label.wait_for(timeout=10_000)
    expected = f"{max(values):,}".replace(",", NBSP)
    assert f": {expected}" in label.text_content(), label.text_content()


def test_reserved_height_is_the_drawn_height(page, built_site: SiteServer) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(built_site.url + "tall/")
    measure = """() => [...document.querySelectorAll('[data-chart]')].map(f => {
        const plot = f.querySelector('.th-chart__plot');
        const table = f.querySelector('.th-chart__data');
        return {id: f.dataset.chart, drawn: plot.getAttribute('data-rendered') === 'yes',
                plot: plot.getBoundingClientRect().height,
                below: table.getBoundingClientRect().top - f.getBoundingClientRect().top};
    })"""
    before = page.evaluate(measure)
    assert before and not any(b["drawn"] for b in before)
    assert draw_all_charts(page) == len(before)
    after = page.evaluate(measure)
    svg = page.evaluate("""() => [...document.querySelectorAll('[data-chart]')].map(f =>
        f.querySelector('svg.main-svg').getBoundingClientRect().height)""")
    for old, new, drawn in zip(before, after, svg, strict=True):
        assert new["drawn"], old["id"]
        assert abs(old["plot"] - drawn) < 1, (old["id"], old["plot"], drawn)
        assert abs(old["below"] - new["below"]) < 1, (old["id"], old["below"], new["below"])
    heights = {b["id"]: b["plot"] for b in before}
    assert heights["salten-stilling-og-vurdert-a-slutte"] < heights["salten-regnskap-utgifter"]
