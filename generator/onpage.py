"""An on-page menu of a long page's sections, for phones.

Material shows a page's table of contents in a sidebar from 1220 px; on a phone it sits in
the navigation drawer, where a reader of a long pilot page never finds it. The menu is
made from the page's own ``##`` headings, after the template has rendered them, so that it
lists exactly the sections the page has, with the ids Python-Markdown gives them.
"""

from __future__ import annotations

import re

from markupsafe import escape
from pymdownx.slugs import slugify  # type: ignore[import-untyped]

MARKER = "<!-- th:onpage -->"
_SLUG = slugify(case="lower")
_HEADING = re.compile(r"^## (.+?)\s*$", re.M)
_ESCAPED = re.compile(r"\\(.)")
_ATTRIBUTES = re.compile(r"\s*\{:?[^}]*\}$")  # attr_list's «{: .class }» is not text


def heading_ids(markdown: str) -> list[tuple[int, str, str]]:
    """Each ``##`` heading's position, text and id, made unique as Python-Markdown's toc
    does (a second «Mål» is «mål_1»)."""
    seen: set[str] = set()
    result = []
    for match in _HEADING.finditer(markdown):
        text = _ESCAPED.sub(r"\1", _ATTRIBUTES.sub("", match.group(1)))
        anchor = base = _SLUG(text, "-")
        count = 0
        while anchor in seen:
            count += 1
            anchor = f"{base}_{count}"
        seen.add(anchor)
        result.append((match.start(), text, anchor))
    return result


def add_onpage_menu(markdown: str) -> str:
    """Replace :data:`MARKER` with a menu of the ``##`` sections that follow it."""
    at = markdown.find(MARKER)
    if at < 0:
        return markdown
    sections = [(text, anchor) for pos, text, anchor in heading_ids(markdown) if pos > at]
    menu = ""
    if len(sections) >= 3:
        items = "".join(f'<li class="th-bare__item"><a href="#{escape(anchor)}">'
                        f'{escape(text)}</a></li>' for text, anchor in sections)
        menu = ('<nav class="th-onpage" aria-label="På denne siden">'
                '<details class="th-onpage__details"><summary>På denne siden '
                f'<small>({len(sections)} deler)</small></summary>'
                f'<ol class="th-onpage__list th-bare">{items}</ol></details></nav>')
    return markdown[:at] + menu + markdown[at + len(MARKER):]
