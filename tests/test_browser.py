"""Browser tests: Debian's Chromium through Playwright, against the built site on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SiteServer

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Run axe-core in the page; return violations as id, impact and first target."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "target": v["nodes"][0]["target"]}
        for v in result["violations"]
    ]


def search(page, term: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``term`` into Material's search box; return the result links."""
    page.locator("label.md-header__button[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill(term)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)")


def test_home_loads_without_console_errors(page, built_site: SiteServer) -> None:  # type: ignore[no-untyped-def]
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(built_site.url)
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Jobbvinner")
    assert page.console_errors == []
    assert failed == []


@pytest.mark.parametrize("term", ["mentor", "kommune"])
def test_search_finds_full_words(page, built_site: SiteServer, term: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(built_site.url)
    results = search(page, term)
    assert results, f"ingen treff for {term}"


def test_search_click_reaches_the_mentor_pilot(page, built_site: SiteServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(built_site.url)
    search(page, "mentor")
    link = page.locator(".md-search-result__item > a[href*='piloter/mentor/']").first
    link.click()
    page.wait_for_url("**/piloter/mentor/**")
    assert page.locator("h1").inner_text().strip().startswith("Mentor")
    assert page.console_errors == []


@pytest.mark.parametrize("path", ["", "tiltak/", "piloter/mentor/", "tiltak/mentorordning/",
                                  "kommuner/trondheim/"])
def test_axe_finds_no_violations(page, built_site: SiteServer, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(built_site.url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
