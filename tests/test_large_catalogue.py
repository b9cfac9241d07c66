"""The catalogue and the compare page of a catalogue too large for one page (synthetic).

350 measures from bench/synthetic.py: tiltak/ is four pages of at most 100 cards that work
without JavaScript; a filter draws its results from tiltak/kort.json; «Sammenlign tiltak»
fetches only the chosen measures.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BASE_PATH, ROOT, SiteServer, free_port

from generator.pipeline import Project, load_project

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import generate  # noqa: E402

pytestmark = pytest.mark.browser
SIZE = 350


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Path]]:
    from generator.cli import main

    project = tmp_path_factory.mktemp("large") / "project"
    generate(project, SIZE)
    port = free_port()
    serve_root = tmp_path_factory.mktemp("large-serve")
    code = main(["--project", str(project), "build", "--output",
                 str(serve_root / BASE_PATH.strip("/")),
                 "--site-url", f"http://127.0.0.1:{port}{BASE_PATH}"])
    assert code == 0
    with SiteServer(serve_root, port) as server:
        yield server, project


def cards(tab) -> int:  # type: ignore[no-untyped-def]
    return int(tab.locator("[data-catalogue] > [data-measure]:visible").count())


def test_without_javascript_the_catalogue_is_pages_of_100(browser, large) -> None:
    server, _ = large
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(server.url + "tiltak/")
    assert tab.locator("[data-catalogue] > [data-measure]").count() == 100
    tab.locator("[data-pager] a", has_text="Neste side").click()
    tab.wait_for_url("**/tiltak/side-2/")
    tab.locator("[data-pager] a", has_text="4").click()
    tab.wait_for_url("**/tiltak/side-4/")
    assert tab.locator("[data-catalogue] > [data-measure]").count() == SIZE - 300
    assert "Side 4 av 4" in tab.locator("[data-page-note]").inner_text()
    context.close()


def test_a_filter_draws_its_results_from_the_data_file_100_at_a_time(page, large) -> None:
    server, project = large
    site = load_project(Project(project))[1]
    # The resource need with the most measures: more than one page of results.
    need = max(("lav", "middels", "hoy"),
               key=lambda n: sum(m.resource_need == n for m in site.measures()))
    wanted = [m.name for m in site.measures() if m.resource_need == need]
    assert len(wanted) > 100
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.url + "tiltak/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith("kort.json")]
    badge = f"[data-facet=resource_need] [data-count-for={need}]"
    assert page.locator(badge).inner_text() == f"({len(wanted)})"
    page.goto(server.url + f"tiltak/?resource_need={need}")
    page.locator("[data-result-count]").filter(has_text=str(len(wanted))).wait_for()
    assert cards(page) == 100 and not page.locator("[data-pager]").is_visible()
    page.locator("[data-more-button]").click()
    page.wait_for_function(f"document.querySelectorAll('[data-catalogue] > li').length === "
                           f"{len(wanted)}")
    assert page.locator("[data-more]").is_hidden()
    # Sorting is kept in the URL with the filter.
    page.select_option("#th-sort", "pilots")
    page.wait_for_url("**sort=pilots**")
    assert f"resource_need={need}" in page.url
    assert page.console_errors == []


def test_compare_fetches_only_the_chosen_measures(page, large) -> None:
    server, project = large
    site = load_project(Project(project))[1]
    first, second = site.measures()[:2]
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.url + f"tiltak/sammenlign/?m={first.id},{second.id}")
    blocks = page.locator("[data-compare] > [data-measure]")
    page.wait_for_function("document.querySelectorAll('[data-compare] > [data-measure]')"
                           ".length === 2")
    assert [blocks.nth(i).get_attribute("data-measure") for i in range(2)] == [
        first.id, second.id]
    assert page.locator("#th-compare-1").input_value() == first.name
    assert len([u for u in requested if "/sammenlign/deler/" in u]) == 2
    third = site.measures()[2]
    page.fill("#th-compare-3", third.name)
    page.locator("#th-compare-3").dispatch_event("change")
    page.wait_for_url(f"**m={first.id},{second.id},{third.id}")
    page.wait_for_function("document.querySelectorAll('[data-compare] > [data-measure]')"
                           ".length === 3")
    assert page.console_errors == []
