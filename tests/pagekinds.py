"""One page of every kind the site has, for the layout tests and the screenshot gallery."""

from __future__ import annotations

# Name (used in test ids and screenshot file names) → path under the site's base URL.
PAGE_KINDS: dict[str, str] = {
    "forside": "",
    "tiltak": "tiltak/",
    "tiltak-filtrert": "tiltak/?target_groups=sykepleiere&aims=beholde",
    "tiltaksside": "tiltak/mentorordning/",
    "sammenlign": "tiltak/sammenlign/?m=mentorordning,studentperm,fadderordning",
    "hefte": "tiltak/hefte/",
    "piloter": "piloter/",
    "pilot": "piloter/salten/",
    "kommuner": "kommuner/",
    "kommune": "kommuner/trondheim/",
    "organisasjoner": "organisasjoner/",
    "organisasjon": "organisasjoner/ntnu/",
    "kilder": "kilder/",
    "kilde": "kilder/tfou-2020-7/",
    "tall": "tall/",
    "apne-data": "apne-data/",
    "ordliste": "ordliste/",
    "om": "om/",
    "side": "jobbvinner/",
    "mal": "mal-hovedplan/",
    "kunnskapskart": "tiltak/kunnskapskart/",
    "liste": "tiltak/liste/?t=mentorordning,studentperm,fadderordning",
    "liste-tom": "tiltak/liste/?t=",
    "plan": "tiltak/plan/?t=mentorordning,studentperm",
    "maler": "maler/",
    "tilgjengelighet": "tilgjengelighet/",
    "hva-er-nytt": "hva-er-nytt/",
    "404": "404.html",
}

# Pages a script draws after loading: what to wait for before a page is looked at.
READY: dict[str, str] = {
    "liste": "[data-shortlist-page][data-loaded=yes]",
    "liste-tom": "[data-shortlist-page][data-loaded=yes]",
    "plan": "[data-plan-page][data-loaded=yes]",
}


def wait_until_ready(tab, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until a page drawn by a script is drawn (other pages are ready when loaded)."""
    if kind in READY:
        tab.wait_for_selector(READY[kind], state="attached")


PHONE_NARROW = {"width": 320, "height": 640}
PHONE = {"width": 412, "height": 823}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"320": PHONE_NARROW, "412": PHONE, "1280": DESKTOP}

# Playwright's colour-scheme emulation; Material picks its palette from it on a first visit.
SCHEMES = {"lys": "light", "mork": "dark"}
