"""Browser tests: Debian's Chromium through Playwright, against the built site on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SiteServer

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# The rules whose outcome depends on the colour scheme. Everything else axe checks is the same
# in light and dark mode (the same page, only Material's colour variables differ).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, within: str | None = None,
                   rules: list[str] | None = None) -> list[dict[str, object]]:
    """Run axe-core in the page (or only on the elements matching ``within``; only ``rules``
    if given, else every rule of ``AXE_TAGS``); return violations as id, impact and first
    target."""
    page.add_script_tag(path=str(AXE))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate(
        """async ([only, within]) => await axe.run(within ? {include: [[within]]} : document,
                                                   {runOnly: only})""",
        [only, within],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "target": v["nodes"][0]["target"]}
        for v in result["violations"]
    ]


def search(page, term: str, kind: str = "") -> list[str]:
    """Type ``term`` into the header search like a reader; return the result links once the
    panel shows that query's results (``kind``: the kind chip pressed, if any)."""
    box = page.locator("#th-search-q")
    box.click()
    box.press_sequentially(term, delay=40)
    return shown_results(page, term, kind)


def shown_results(page, term: str, kind: str = "") -> list[str]:
    """The result links of the search panel, once it shows ``term`` (within ``kind``)."""
    page.wait_for_function(
        "q => document.querySelector('#th-search-panel').dataset.query === q",
        arg=f"{kind}:{term}")
    return page.locator(".th-search__result a").evaluate_all("links => links.map(a => a.href)")


def test_home_loads_without_console_errors(page, engine_site: SiteServer) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(engine_site.url)
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Jobbvinner")
    assert page.console_errors == []
    assert failed == []


def test_no_request_leaves_the_site(page, engine_site: SiteServer) -> None:
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    for path in ["", "tiltak/", "tiltak/mentorordning/", "piloter/mentor/", "tall/", "om/"]:
        page.goto(engine_site.url + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {f"127.0.0.1:{engine_site.port}"}


@pytest.mark.parametrize("term", ["mentor", "kommune"])
def test_search_finds_full_words(page, built_site: SiteServer, term: str) -> None:
    page.goto(built_site.url)
    results = search(page, term)
    assert results, f"ingen treff for {term}"


def test_search_click_reaches_the_mentor_pilot(page, built_site: SiteServer) -> None:
    page.goto(built_site.url)
    search(page, "mentor")
    page.locator(".th-search__result a[href*='piloter/mentor/']").first.click()
    page.wait_for_url("**/piloter/mentor/**")
    page.wait_for_function(
        "() => document.querySelector('.md-content h1').textContent.trim().startsWith('Mentor')")
    assert page.console_errors == []


def chart_pages(site_dir: Path) -> list[str]:
    """Site paths of every page that holds a chart."""
    return sorted(
        (p.parent.relative_to(site_dir).as_posix() + "/").removeprefix("./")
        for p in site_dir.rglob("index.html")
        if "data-chart=" in p.read_text(encoding="utf-8")
    )


def draw_all_charts(page) -> int:  # type: ignore[no-untyped-def]
    """Scroll every chart on the page into view (charts are drawn when they come near the
    screen) and wait until each holds a Plotly SVG; return how many there are. A chart drawn
    only on request (the interactive map) is asked for with its button."""
    charts = page.locator("[data-chart]")
    count = charts.count()
    for index in range(count):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        if chart.get_attribute("data-chart-on-demand") is not None:
            chart.locator("[data-chart-open]").click()
        chart.locator(".th-chart__plot[data-rendered=yes] svg.main-svg").first.wait_for()
    return int(count)


def test_charts_are_drawn_on_every_kind_of_page(page, engine_site: SiteServer,
                                               engine_site_dir: Path) -> None:
    """Every chart on the first page of each kind that has charts (a measure, a pilot, a
    municipality …) is drawn. Each figure is built once and embedded the same way wherever it
    appears, and «Tall og resultater», which holds all of them, is drawn by the axe test below."""
    first_of_kind: dict[str, str] = {}
    for path in chart_pages(engine_site_dir):
        first_of_kind.setdefault(path.split("/")[0], path)
    del first_of_kind["tall"]
    assert len(first_of_kind) >= 3, first_of_kind
    for path in first_of_kind.values():
        page.goto(engine_site.url + path)
        assert draw_all_charts(page) > 0, path
    assert page.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_every_chart_drawn_in_light_and_dark(browser, engine_site: SiteServer,
                                                    scheme: str) -> None:
    """«Tall og resultater» holds every dataset's charts: all drawn, in both colour schemes,
    axe finds nothing on the page. Record pages show the same figures from the same macro."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(engine_site.url + "tall/")
    drawn = draw_all_charts(tab)
    datasets = Path(__file__).resolve().parent.parent / "content" / "datasets"
    assert drawn >= len(list(datasets.glob("*.yml")))
    violations = axe_violations(tab)
    context.close()
    assert violations == [], json.dumps(violations, ensure_ascii=False)


def test_charts_below_the_screen_wait_until_scrolled_to(page, engine_site: SiteServer,
                                                         engine_site_dir: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    far = "document.querySelector('[data-chart]').getBoundingClientRect().top > innerHeight + 600"
    for path in chart_pages(engine_site_dir):
        page.goto(engine_site.url + path)
        if page.evaluate(far):
            break
    else:
        pytest.fail("ingen side har diagrammer langt nede")
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if "plotly" in u] == [], path
    assert page.locator(".th-chart__plot[data-rendered=yes]").count() == 0
    first = page.locator("[data-chart]").first
    first.scroll_into_view_if_needed()
    first.locator("svg.main-svg").first.wait_for()
    assert [u for u in requested if "plotly" in u] != []


def test_pages_without_charts_load_no_plotly(page, engine_site: SiteServer,
                                             engine_site_dir: Path) -> None:
    with_charts = set(chart_pages(engine_site_dir))
    record_pages = [p for p in ("tiltak/fadderordning/", "tiltak/velkomstpakke/",
                                "piloter/mentor/", "kommuner/trondheim/")
                    if p not in with_charts]
    paths = ["", "tiltak/", "piloter/", "om/", *record_pages[:2]]
    assert len(paths) == 6 and not with_charts & set(paths)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for path in paths:
        page.goto(engine_site.url + path)
        page.wait_for_load_state("networkidle")
    assert [u for u in requested if "plotly" in u] == []


def test_chart_renders_after_navigating_from_the_tabs(page, engine_site: SiteServer) -> None:
    """Instant navigation is off (it fetched sitemap.xml on every page): a tab is a plain
    link, and the charts on the page it opens are drawn."""
    page.goto(engine_site.url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__marker = 'first page'")
    page.locator(".md-tabs a[href$='tall/']").first.click()
    page.wait_for_url("**/tall/")
    page.locator("[data-chart]").first.scroll_into_view_if_needed()
    page.locator("[data-chart] svg.main-svg").first.wait_for()
    assert page.evaluate("window.__marker") is None  # a new document, not a swapped one
    assert page.console_errors == []


def test_numbers_page_overview_leads_to_every_dataset(page, engine_site: SiteServer) -> None:
    datasets = Path(__file__).resolve().parent.parent / "content" / "datasets"
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(engine_site.url + "tall/")
    page.wait_for_load_state("networkidle")
    # Compare the links' fragments, whatever form their hrefs take.
    links = page.locator(".th-overview a[href*='#datasett-']").evaluate_all(
        "links => links.map(a => new URL(a.href).hash)")
    sections = page.evaluate("[...document.querySelectorAll('h3[id^=datasett-]')]"
                             ".map(h => '#' + h.id)")
    assert len(sections) == len(list(datasets.glob("*.yml")))
    assert sorted(links) == sorted(sections)
    # A phone's first screen holds the overview; Plotly waits until a chart is near.
    assert [u for u in requested if "plotly" in u] == []
    target = links[-1]
    page.locator(f".th-overview a[href$='{target}']").click()
    page.wait_for_function("target => location.hash === target", arg=target)
    chart = page.locator(f"h3{target} ~ figure[data-chart]").first
    chart.locator(".th-chart__plot[data-rendered=yes] svg.main-svg").first.wait_for()
    assert chart.is_visible()
    assert page.console_errors == []


def test_404_page_renders_with_styles_under_the_sub_path(page, engine_site: SiteServer) -> None:
    from conftest import BASE_PATH

    # GitHub Pages serves 404.html for any missing path; load it at depth, as Pages would.
    html = (Path(engine_site.root) / BASE_PATH.strip("/") / "404.html").read_text("utf-8")
    page.route("**/finnes/ikke/her/", lambda route: route.fulfill(
        status=404, content_type="text/html", body=html))
    missing: list[str] = []
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and missing.append(r.url))
    page.goto(engine_site.url + "finnes/ikke/her/")
    page.wait_for_load_state("networkidle")
    header = page.locator(".md-header")
    assert header.is_visible()
    color = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert color in ("sticky", "fixed"), "stilarket er ikke lastet"
    assert missing == []
    # Chromium logs the page's own 404 status as a console error; nothing else may fail.
    assert [e for e in page.console_errors if "status of 404" not in e] == []


@pytest.mark.parametrize("part", range(3))
def test_no_console_errors_on_any_page(page, engine_site: SiteServer, engine_site_dir: Path,
                                       part: int) -> None:
    """Every page, in three parts so that parallel test processes can share the work."""
    failures = []
    for html in sorted(engine_site_dir.rglob("*.html"))[part::3]:
        rel = html.relative_to(engine_site_dir).as_posix()
        if rel == "404.html":
            continue
        url = engine_site.url + rel.removesuffix("index.html")
        page.console_errors.clear()
        page.goto(url)
        page.wait_for_load_state("load")
        if page.console_errors:
            failures.append(f"{rel}: {page.console_errors}")
    assert failures == []


def test_charts_are_readable_on_a_360_px_phone(browser, engine_site: SiteServer) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(engine_site.url + "piloter/salten/")
    assert draw_all_charts(tab) > 0
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    # Long category labels are wrapped, so the plotting area keeps a useful width.
    shares = tab.evaluate("""() => [...document.querySelectorAll('.th-chart__plot')]
        .filter(p => p.getAttribute('data-rendered') === 'yes')
        .map(p => p.querySelector('.nsewdrag').getBoundingClientRect().width / p.clientWidth)""")
    assert shares and min(shares) >= 0.4, shares
    context.close()
