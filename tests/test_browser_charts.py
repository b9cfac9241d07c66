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
    figure.locator(".th-chart__plot[data-rendered=yes] svg.main-svg").first.wait_for()
    return figure


def test_axis_ticks_use_norwegian_thousands_without_si_suffixes(page, engine_site: SiteServer
                                                                ) -> None:
    page.goto(engine_site.url + "tall/")
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


def test_hover_label_shows_the_exact_value_in_norwegian_format(page, engine_site: SiteServer
                                                               ) -> None:
    page.goto(engine_site.url + "tall/")
    figure = chart(page, "tfou-2019-arbeidsoppgaver")  # 76.4 per cent in the first row
    point_at(page, figure.locator("g.point path").first)
    label = figure.locator("g.hovertext").first
    label.wait_for()
    assert ": 76,4" in label.text_content()
    figure = chart(page, "salten-regnskap-utgifter")
    bars = figure.locator("g.point path")
    values = page.evaluate("""() => JSON.parse(document.querySelector(
        "figure[data-chart='salten-regnskap-utgifter'] template").content.textContent)
        .data[0].x""")
    widest = values.index(max(values))
    point_at(page, bars.nth(widest))
    label = figure.locator("g.hovertext").first
    label.wait_for()
    expected = f"{max(values):,}".replace(",", NBSP)
    assert f": {expected}" in label.text_content(), label.text_content()


def test_reserved_height_is_the_drawn_height(page, engine_site: SiteServer) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(engine_site.url + "tall/")
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


def draw_map(page):  # type: ignore[no-untyped-def]
    """The interactive map of the pilots on the open page, asked for with its button and
    drawn with its map data."""
    figure = page.locator("figure.th-map")
    if figure.locator(".th-chart__plot").is_hidden():
        figure.locator("[data-chart-open]").click()
    figure.locator(".th-chart__plot[data-rendered=yes] svg.main-svg").first.wait_for()
    figure.locator("g.layer.land path").first.wait_for(state="attached")
    return figure


def test_map_of_the_pilots_draws_every_municipality_from_our_own_files(
        page, engine_site: SiteServer) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(engine_site.url + "kommuner/")
    page.wait_for_load_state("networkidle")
    # The first view has the static map only: no map library, no map data.
    assert not [u for u in requested if "plotly" in u or "topojson" in u]
    figure = draw_map(page)
    page.wait_for_load_state("networkidle")
    assert {u.split("/")[2] for u in requested} == {f"127.0.0.1:{engine_site.port}"}
    assert [u for u in requested if u.endswith("/topojson/europe_50m.json")]
    plotly = [u.rsplit("/", 1)[1] for u in requested if "plotly" in u]
    assert plotly == ["plotly-geo.min.js"]
    points = figure.locator("g.trace.scattergeo path.point")
    links = page.locator(".md-content ul.th-list a")
    assert points.count() == links.count() == 29
    plot = figure.locator(".th-chart__plot")
    assert plot.get_attribute("role") == "img"
    assert "tekstversjon" in (plot.get_attribute("aria-label") or "")
    assert page.console_errors == []


def test_map_keeps_its_reserved_height_and_follows_light_and_dark_mode(
        page, engine_site: SiteServer) -> None:
    page.goto(engine_site.url + "kommuner/")
    plot = page.locator("figure.th-map .th-chart__plot")
    page.locator("figure.th-map [data-chart-open]").wait_for()
    # The height the plot keeps the moment it is shown, before Plotly has drawn anything.
    reserved = page.evaluate("""() => {
        document.querySelector('figure.th-map [data-chart-open]').click();
        return document.querySelector('figure.th-map .th-chart__plot')
            .getBoundingClientRect().height;
    }""")
    assert reserved > 300
    figure = draw_map(page)
    svg = figure.locator("svg.main-svg").first.bounding_box()["height"]
    assert abs(plot.bounding_box()["height"] - reserved) < 1 and abs(svg - reserved) < 1

    def paint(layer: str) -> str:
        return str(figure.locator(f"g.layer.{layer} path").first.evaluate(
            "p => getComputedStyle(p).fill + ' ' + getComputedStyle(p).fillOpacity"))

    light = paint("land")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function("""(old) => {
        const land = document.querySelector('figure.th-map g.layer.land path');
        return getComputedStyle(land).fill + ' ' + getComputedStyle(land).fillOpacity !== old;
    }""", arg=light)
    assert paint("land") != light
    # Land and sea are see-through tints, so the page's own background shows in both modes.
    assert all(float(paint(layer).rsplit(" ", 1)[1]) < 0.5 for layer in ("land", "ocean"))
    assert page.console_errors == []


def test_choosing_a_point_on_the_map_opens_the_municipality(page, engine_site: SiteServer
                                                            ) -> None:
    page.goto(engine_site.url + "kommuner/")
    figure = draw_map(page)
    data = page.evaluate("""() => JSON.parse(document.querySelector(
        'figure.th-map template').content.textContent).data[0].customdata""")
    point = figure.locator("g.trace.scattergeo").first.locator("path.point").first
    point_at(page, point)
    figure.locator("g.hovertext").first.wait_for()
    page.mouse.down()
    page.mouse.up()
    page.wait_for_url(f"**/kommuner/{data[0]}")
    page.wait_for_function(  # the municipality's own page, not the overview still on screen
        "() => !['', 'Kommuner'].includes("
        "document.querySelector('.md-content h1').textContent.trim())")


def test_static_map_shows_every_municipality_with_names_large_enough_to_tap(
        browser, built_site: SiteServer) -> None:
    """At 412 px, before any script library: a point per municipality on the overview, and in
    the close-ups each municipality's name, with a target of at least 24 × 24 px (WCAG 2.5.8)
    that leads to its page."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    tab = context.new_page()
    tab.goto(built_site.url + "kommuner/")
    figure = tab.locator("figure.th-map")
    assert figure.locator("svg.th-map__overview title").text_content() == (
        "Kart over kommunene i pilotene")
    assert figure.locator("svg.th-map__overview [data-map-point]").count() == 29
    names = figure.locator(".th-map__closeup a")
    assert names.count() == 29
    listed = tab.locator(".md-content ul.th-list a")
    assert sorted(names.all_text_contents()) == sorted(listed.all_text_contents())
    salten = figure.locator("[data-map-panel]").filter(has_text="Salten")
    boxes = [a.bounding_box() for a in salten.locator("a").all()]
    assert len(boxes) == 9
    assert all(b is not None and b["width"] >= 24 and b["height"] >= 24 for b in boxes)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 412
    first = salten.locator("a").first
    target = first.get_attribute("xlink:href") or ""
    first.locator("text").click()
    tab.wait_for_url("**/kommuner/" + target.strip("./").rsplit("/", 1)[-1] + "**")
    context.close()


def test_the_map_opened_after_filtering_shows_only_the_filtered_points(
        page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "kommuner/")
    page.locator("[data-list-filter]").fill("Salten")
    page.locator("[data-list-status]").filter(has_text="9 treff").wait_for()
    draw_map(page)
    opacity = """() => document.querySelector('figure.th-map .th-chart__plot').data
        .flatMap(t => [].concat(t.marker.opacity === undefined ? [] : t.marker.opacity))"""
    page.wait_for_function(f"({opacity})().filter(o => o === 1).length === 9")
    assert page.evaluate(opacity).count(0) == 20


def test_the_municipality_filter_filters_the_map_and_hides_empty_counties(
        page, built_site: SiteServer) -> None:
    page.goto(built_site.url + "kommuner/")
    box = page.locator("[data-list-filter]")
    box.fill("Salten")
    page.locator("[data-list-status]").filter(has_text="9 treff").wait_for()
    headings = page.locator(".md-content h2")
    visible = [h.text_content().strip() for h in headings.all() if h.is_visible()]
    assert [v.rstrip("¶").strip() for v in visible] == ["Nordland"]
    overview = page.locator("svg.th-map__overview [data-map-point]")
    assert sum(p.is_visible() for p in overview.all()) == 9
    panels = page.locator("[data-map-panel]")
    assert [p.is_visible() for p in panels.all()].count(True) == 1
    assert "Salten" in (panels.filter(has_text="Salten").text_content() or "")
    box.fill("")
    page.locator("[data-list-status]").filter(has_text="29 treff").wait_for()
    assert sum(h.is_visible() for h in headings.all()) == headings.count()
    assert sum(p.is_visible() for p in overview.all()) == 29
    # The interactive map, once opened, follows the filter too.
    draw_map(page)
    box.fill("Salten")
    opacity = """() => document.querySelector('figure.th-map .th-chart__plot').data
        .flatMap(t => [].concat(t.marker.opacity === undefined ? [] : t.marker.opacity))"""
    page.wait_for_function(f"({opacity})().filter(o => o === 1).length === 9")
    assert page.evaluate(opacity).count(0) == 20
    assert page.console_errors == []


OVERLAPS = """() => {
    const box = el => el.getBoundingClientRect();
    const hit = (a, b) => a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1
        && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const problems = [];
    for (const f of document.querySelectorAll('[data-chart]')) {
        const svg = f.querySelector('.th-chart__plot');
        if (!svg || f.classList.contains('th-map')) continue;
        const id = f.dataset.chart;
        const parts = [];
        for (const [name, sel] of [['legend', 'g.legend'], ['x-tittel', '.g-xtitle'],
                                   ['y-tittel', '.g-ytitle']]) {
            const el = svg.querySelector(sel);
            if (el) parts.push([name, box(el)]);
        }
        for (const axis of ['x', 'y']) {
            const labels = [...svg.querySelectorAll(`.${axis}axislayer-above .${axis}tick text`)]
                .filter(t => !/rotate/.test(t.getAttribute('transform') || ''));
            labels.forEach((t, i) => parts.push([`${axis}-etikett ${i + 1}`, box(t)]));
        }
        for (let i = 0; i < parts.length; i++) {
            for (let j = i + 1; j < parts.length; j++) {
                if (hit(parts[i][1], parts[j][1])) {
                    problems.push(`${id}: ${parts[i][0]} over ${parts[j][0]}`);
                }
            }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("width", [412, 1280])
def test_no_chart_draws_labels_legend_or_titles_over_each_other(
        page, built_site: SiteServer, width: int) -> None:
    """The Salten charts did on a phone: the axis title over the legend, and long bar labels
    over each other."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("tall/", "piloter/salten/"):
        page.goto(built_site.url + path)
        assert draw_all_charts(page) > 0
        assert page.evaluate(OVERLAPS) == [], path
