"""One small string pass over every page an engine has built, the same for every engine.

Material for MkDocs and Zensical write a few things into every page that our theme cannot
change by overriding a block, because they sit outside any block (the page toggles in
``base.html``) or deep in a partial we would otherwise have to copy whole (which pins the
copy to one release of one engine). Each fix below is one literal replacement, so a change
upstream shows as a fix that no longer applies (``tests/test_builthtml.py`` checks each one
against both engines' templates), never as a silently different page.

The MkDocs adapter runs :func:`fix_page` on each page as MkDocs writes it (also in ``serve``);
other engines run :func:`fix_site` over the built folder. ``tiltakshefte export`` copies this
file next to ``mkdocs.yml`` as an MkDocs hook (it needs nothing but the standard library), so
a plain ``mkdocs build`` of the export writes the same pages.
"""

from __future__ import annotations

import re
from pathlib import Path

# Norwegian names for controls the engines leave without one (WCAG 2.1 4.1.2).
PALETTE_LABEL = "Fargevalg"
TOC_LABEL = "Innholdsfortegnelse"
TOGGLE_LABELS = {"__drawer": "Navigasjon", "__search": "Søk"}

# The drawer and search toggles are checkboxes with autocomplete="off", which HTML does not
# allow on a checkbox: the W3C checker reports it as an error on every page.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*? type="checkbox"'
                                    r'[^>]*?) autocomplete="off"')

# A page toggle that no label controls (the search toggle when the engine's own search is
# off) has no name at all (WCAG 2.1 4.1.2, reported by HTML_CodeSniffer and our form check).
_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" '
                     r'id="(__\w+)")>')

# Zensical hides the drawer's overlay label from assistive technology, which HTML does not
# allow on a label of a control (W3C checker); Material leaves it as it is, so do we.
_OVERLAY_HIDDEN = '<label class="md-overlay" for="__drawer" aria-hidden="true">'
_OVERLAY = '<label class="md-overlay" for="__drawer">'

# Zensical writes a link to the page itself as href="" (MkDocs: "."), which reads as an empty
# placeholder link (HTML_CodeSniffer, WCAG 2.1 4.1.2). With directory URLs both go to the
# same address.
_LINK_TO_ITSELF = '<a href="" '

# The colour-scheme toggle is a form of radio buttons with nothing to submit; a form without
# a submit control is an accessibility fault (WCAG 2.1 3.2.2, reported by HTML_CodeSniffer).
# It becomes a named group; the engines' scripts look it up by data-md-component only.
_PALETTE_FORM = re.compile(r'<form class="md-header__option" data-md-component="palette">'
                           r"(.*?)</form>", re.DOTALL)
_PALETTE_GROUP = (f'<div class="md-header__option" data-md-component="palette" role="group" '
                  f'aria-label="{PALETTE_LABEL}">')

# The hidden checkbox that opens the table of contents in the drawer has no name.
_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
_TOC_TOGGLE_NAMED = _TOC_TOGGLE[:-1] + f' aria-label="{TOC_LABEL}">'

# The title of the table of contents is a label for "__toc"; pages outside the navigation
# have no such checkbox, and a label for a missing control is invalid HTML. The drawer keeps
# its own label that opens the table of contents, so the title can always be plain text.
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


def fix_page(html: str) -> str:
    """``html`` of one built page with the fixes above applied (idempotent)."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _TOGGLE.sub(lambda m: _named_toggle(m, html), html)
    html = html.replace(_OVERLAY_HIDDEN, _OVERLAY).replace(_LINK_TO_ITSELF, '<a href="." ')
    html = _PALETTE_FORM.sub(lambda m: f"{_PALETTE_GROUP}{m.group(1)}</div>", html, count=1)
    html = html.replace(_TOC_TOGGLE, _TOC_TOGGLE_NAMED)
    return _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)


def _named_toggle(match: re.Match[str], html: str) -> str:
    tag, toggle = match.group(1), match.group(2)
    if f'for="{toggle}"' in html or toggle not in TOGGLE_LABELS:
        return match.group(0)
    return f'{tag} aria-label="{TOGGLE_LABELS[toggle]}">'


def fix_site(site_dir: Path) -> int:
    """Apply :func:`fix_page` to every HTML file under ``site_dir``; return how many changed."""
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text("utf-8")
        fixed = fix_page(html)
        if fixed != html:
            path.write_text(fixed, "utf-8")
            changed += 1
    return changed


def on_post_page(output: str, /, **_: object) -> str:
    """MkDocs hook (in ``tiltakshefte export``): fix each page as it is written."""
    return fix_page(output)


def on_post_template(output_content: str, /, **_: object) -> str:
    """MkDocs hook: fix the pages made from a theme template alone (``404.html``)."""
    return fix_page(output_content)
