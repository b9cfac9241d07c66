"""Contrast of controls in the states a reader puts them in: focused, hovered, pressed.

axe checks colours as the page is loaded; a tap on a phone leaves a button focused and
hovered, with other colours. Chromium's DevTools protocol forces those states on each
control in turn, and the contrast of its text is computed against what lies behind it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SiteServer
from pagekinds import PAGE_KINDS, PHONE, SCHEMES
from test_layout import open_tab

pytestmark = pytest.mark.browser

MEASURE = (Path(__file__).resolve().parent / "tools" / "state-contrast.js").read_text(
    encoding="utf-8")
CONTROLS = ("button, .md-button, summary, [role=button], .th-chip, .th-tile__link, "
            ".md-typeset a[href]")
# The states one at a time, and together as a tap leaves them.
STATES = (["focus", "focus-visible"], ["hover"], ["focus", "focus-visible", "hover", "active"])
# Links in running text are many and alike; the first ones of a page stand for the rest.
LINKS_PER_PAGE = 12
PAGES = {kind: PAGE_KINDS[kind] for kind in ("forside", "tiltak", "tiltak-filtrert",
                                             "tiltaksside", "pilot", "kommuner", "kilde",
                                             "tall", "apne-data", "sammenlign")}


def mark_controls(tab: Any) -> int:
    """Number the visible controls of the page (``data-th-probe``); return how many.
    Transitions are switched off, so a forced state shows its final colours at once."""
    tab.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    return int(tab.evaluate("""([selector, links]) => {
        let n = 0, seen = 0;
        for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const link = el.matches('.md-typeset a[href]') && !el.matches('.md-button');
            if (link && ++seen > links) continue;
            el.setAttribute('data-th-probe', n++);
        }
        return n;
    }""", [CONTROLS, LINKS_PER_PAGE]))


def failures_on_page(tab: Any, cdp: Any, kind: str) -> list[str]:
    """Every control whose text falls below AA contrast in one of ``STATES``."""
    failures = []
    count = mark_controls(tab)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    for index in range(count):
        node = cdp.send("DOM.querySelector", {"nodeId": root,
                                              "selector": f'[data-th-probe="{index}"]'})
        for states in STATES:
            cdp.send("CSS.forcePseudoState", {"nodeId": node["nodeId"],
                                              "forcedPseudoClasses": states})
            found = tab.evaluate(MEASURE, index)
            if found and found[0] < found[1]:
                failures.append(f"{kind} {'+'.join(states)}: {found[2]} "
                                f"{found[0]:.2f}:1 (trenger {found[1]}:1)")
        cdp.send("CSS.forcePseudoState", {"nodeId": node["nodeId"], "forcedPseudoClasses": []})
    return failures


@pytest.mark.parametrize("scheme", SCHEMES)
def test_controls_keep_their_contrast_when_focused_hovered_or_pressed(
        browser, built_site: SiteServer, scheme: str) -> None:
    context, tab = open_tab(browser, PHONE, SCHEMES[scheme])
    cdp = context.new_cdp_session(tab)
    failures: list[str] = []
    for kind, path in PAGES.items():
        tab.goto(built_site.url + path)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        failures += failures_on_page(tab, cdp, kind)
    context.close()
    assert failures == [], "\n".join(sorted(set(failures)))


def test_the_filter_button_is_readable_after_a_tap(browser, built_site: SiteServer) -> None:
    """The case a reader found: «Filtrer (1)» after a tap on a phone."""
    for scheme in SCHEMES.values():
        context, tab = open_tab(browser, PHONE, scheme)
        cdp = context.new_cdp_session(tab)
        tab.goto(built_site.url + PAGE_KINDS["tiltak-filtrert"])
        toggle = tab.locator("[data-filter-toggle]")
        toggle.wait_for()
        assert "(" in toggle.inner_text()
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        tab.add_style_tag(content="* { transition: none !important; }")
        tab.evaluate("el => el.setAttribute('data-th-probe', 0)", toggle.element_handle())
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": '[data-th-probe="0"]'})
        cdp.send("CSS.forcePseudoState", {"nodeId": node["nodeId"],
                                          "forcedPseudoClasses": list(STATES[-1])})
        ratio, needed, name = tab.evaluate(MEASURE, 0)
        assert ratio >= needed, f"{scheme}: {name} {ratio:.2f}:1"
        context.close()
