"""The evidence and gap map (tiltak/kunnskapskart/): its counts against the records, and
its links against the catalogue they open."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT, SiteServer
from test_catalogue import visible

from generator.evidence import measure_facts
from generator.evidencemap import SHORT_LABELS
from generator.pipeline import Project, load_project
from generator.vocab import AIMS, TARGET_GROUPS

MAP = "tiltak/kunnskapskart/index.html"


@pytest.fixture(scope="module")
def expected() -> dict[tuple[str, str], tuple[set[str], int]]:
    """Per (aim, target group): the tried measures and their strongest evidence level,
    counted here from the records."""
    _, site = load_project(Project(ROOT), strict=False)
    cells: dict[tuple[str, str], tuple[set[str], int]] = {}
    for aim in AIMS:
        for group in TARGET_GROUPS:
            tried = {}
            for measure in site.measures():
                level = measure_facts(site, measure).evidence
                if aim in measure.aims and group in measure.target_groups and level > 0:
                    tried[measure.id] = level
            cells[aim, group] = set(tried), max(tried.values(), default=0)
    return cells


def table_cells(site_dir: Path) -> dict[tuple[str, str], str]:
    """Each cell of the map's table, by (aim, target group), as its HTML."""
    text = (site_dir / MAP).read_text(encoding="utf-8")
    table = text[text.index('<table class="th-kart"'):text.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\"[^>]*><a href=\"[^\"]*\?aims=([\w-]+)\">.*?</tr>",
                      table, re.S)
    bodies = re.findall(r"<tr><th scope=\"row\".*?</tr>", table, re.S)
    assert rows == list(AIMS), "radene er ikke målene i rekkefølge"
    cells = {}
    for aim, body in zip(rows, bodies, strict=True):
        tds = re.findall(r"<td class=\"th-kart__cell[^\"]*\">(.*?)</td>", body, re.S)
        assert len(tds) == len(TARGET_GROUPS)
        cells.update({(aim, group): td for group, td in zip(TARGET_GROUPS, tds, strict=True)})
    return cells


def test_every_cell_counts_the_tried_measures_and_their_strongest_level(
        site_dir: Path, expected: dict[tuple[str, str], tuple[set[str], int]]) -> None:
    cells = table_cells(site_dir)
    for key, (tried, strongest) in expected.items():
        cell = cells[key]
        count = int(re.search(r'th-kart__count">(\d+) tiltak', cell).group(1))  # type: ignore[union-attr]
        assert count == len(tried), key
        if not tried:
            assert "Ikke prøvd" in cell and "<a " not in cell, key
            continue
        marks = cell.count("th-scale__mark--on")
        assert marks == strongest, key  # the shape
        level = re.search(r'th-kart__level">([^<]+)<', cell).group(1)  # type: ignore[union-attr]
        assert level == SHORT_LABELS[strongest], key  # the words
        kind = "malt" if strongest >= 3 else "ikke-malt"
        assert f"th-kart-cell--{kind}" in cells_classes(site_dir)[key], key  # the colour
        assert ("Prøvd, ikke målt" in cell) == (kind == "ikke-malt"), key


def cells_classes(site_dir: Path) -> dict[tuple[str, str], str]:
    text = (site_dir / MAP).read_text(encoding="utf-8")
    table = text[text.index('<table class="th-kart"'):text.index("</table>")]
    classes = re.findall(r'<td class="(th-kart__cell[^"]*)"', table)
    keys = [(aim, group) for aim in AIMS for group in TARGET_GROUPS]
    return dict(zip(keys, classes, strict=True))


def test_the_summary_and_gap_lists_add_up(site_dir: Path,
                                          expected: dict[tuple[str, str], tuple[set[str], int]]
                                          ) -> None:
    text = html.unescape((site_dir / MAP).read_text(encoding="utf-8"))
    untried = sum(1 for tried, _ in expected.values() if not tried)
    unmeasured = sum(1 for tried, level in expected.values() if tried and level < 3)
    measured = len(expected) - untried - unmeasured
    assert (f"Kartet har {len(expected)} ruter: {measured} med målte resultater, {unmeasured} "
            f"der tiltak er prøvd uten at noe er målt med tall, og {untried} der ingen tiltak "
            "er prøvd.") in text
    assert f"Ikke prøvd ({untried} ruter)" in text
    assert f"Prøvd, ikke målt ({unmeasured} ruter)" in text
    assert 'href="../../om/#slik-vurderer-vi"' in text


def test_home_and_catalogue_link_to_the_map(site_dir: Path) -> None:
    for page in ("index.html", "tiltak/index.html"):
        assert "kunnskapskart/" in (site_dir / page).read_text(encoding="utf-8"), page


@pytest.mark.browser
def test_a_cells_link_opens_the_catalogue_with_exactly_its_measures(
        page, built_site: SiteServer,
        expected: dict[tuple[str, str], tuple[set[str], int]]) -> None:
    """Every tried cell of two rows, through the links on the page itself."""
    page.goto(built_site.url + "tiltak/kunnskapskart/")
    links = page.locator("table.th-kart a.th-kart__link").evaluate_all(
        "links => links.map(a => a.href)")
    checked = 0
    for href in links:
        aim = re.search(r"aims=([\w-]+)", href).group(1)  # type: ignore[union-attr]
        group = re.search(r"target_groups=([\w-]+)", href).group(1)  # type: ignore[union-attr]
        if aim not in ("rekruttere", "beholde"):
            continue
        page.goto(href)
        page.wait_for_selector("[data-catalogue][data-ready=yes]", state="attached")
        assert visible(page) == expected[aim, group][0], (aim, group)
        checked += 1
    assert checked == 2 * len(TARGET_GROUPS)


@pytest.mark.browser
def test_the_map_reads_as_one_aim_at_a_time_on_a_phone(browser, built_site: SiteServer) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(built_site.url + "tiltak/kunnskapskart/")
    assert not tab.locator("table.th-kart").is_visible()
    aims = tab.locator("details.th-kart-aim")
    assert aims.count() == len(AIMS)
    assert aims.first.locator("li").first.is_visible()
    assert not aims.nth(1).locator("li").first.is_visible()
    context.close()
