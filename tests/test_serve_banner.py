"""The live preview's error banner, in a real browser: after a broken edit and the live reload,
it is in view at the top of the window (also when the page was scrolled), announced as an
alert, in the site's danger colours in light and dark, and lists each problem with file and
line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import AXE_COLOUR_RULES, axe_violations
from test_serve import serving

MEASURE = "content/measures/mentorordning.yml"
TINT = {"light": "rgb(255, 240, 242)", "dark": "rgb(59, 29, 38)"}


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``tiltakshefte serve`` on a small valid project: (project folder, page URL)."""
    with serving(tmp_path) as (root, url, _, _server):
        yield root, url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_banner_is_in_view_after_the_reload_and_lists_each_problem(
        browser, served, scheme: str) -> None:
    root, url = served
    context = browser.new_context(viewport={"width": 412, "height": 700}, color_scheme=scheme)
    tab = context.new_page()
    try:
        tab.goto(url)
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_function("window.scrollY > 0")
        path = root / MEASURE
        path.write_text(path.read_text(encoding="utf-8") + "ukjent_felt: 1\nannet_felt: 2\n",
                        encoding="utf-8")
        banner = tab.locator(".th-serve-error[role=alert]")
        banner.wait_for(state="visible")  # the live reload brought it
        box = banner.bounding_box()
        assert box is not None and box["y"] == 0 and box["height"] > 40
        items = banner.locator("li").all_inner_texts()
        assert len(items) == 2
        assert all(item.startswith(f"{MEASURE}:") for item in items), items
        assert "ukjent felt «ukjent_felt»" in items[0] + items[1]
        style = banner.evaluate(
            "e => [getComputedStyle(e).position, getComputedStyle(e).backgroundColor]")
        assert style == ["fixed", TINT[scheme]]
        assert axe_violations(tab, ".th-serve-error", AXE_COLOUR_RULES) == []
    finally:
        context.close()
