"""Turn record text into safe HTML.

Prose fields are rendered with Python-Markdown and then sanitised with nh3 (the
Ammonia sanitiser), so that whatever slips past validation still cannot carry
script into a page. Plain-text fields are escaped.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

# Markdown extensions for record prose. The site uses these too, plus the
# structural ones our own templates need (toc, attr_list, md_in_html, admonition);
# those are kept out of prose because they let text set attributes.
PROSE_EXTENSIONS: list[str] = [
    "tables",
    "sane_lists",
    "abbr",
    "footnotes",
    "pymdownx.betterem",
    "pymdownx.tilde",
]

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "hr",
    "abbr", "sup", "sub", "img", "div", "span", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
    "sup": {"id"},
    "li": {"id"},
    "div": {"class"},
}


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=PROSE_EXTENSIONS, output_format="html")


_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~!&]|^\s*(?:[-+]\s|\d+[.)]\s|\s{4})|\s\s$|^\s*$\n^\s+\S",
                      re.M)
_CACHE: dict[str, str] = {}


def render_markdown(text: str) -> str:
    """Render Markdown prose to sanitised HTML.

    Results are cached (the booklet repeats every measure), and plain paragraphs
    without any Markdown syntax take a fast path that gives the same HTML.
    """
    cached = _CACHE.get(text)
    if cached is None:
        cached = _plain_paragraphs(text) if not _SPECIAL.search(text) else _convert(text)
        _CACHE[text] = cached
    return cached


def _plain_paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    lines = ("\n".join(line.strip() for line in p.splitlines()) for p in paragraphs)
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in lines)


def _convert(text: str) -> str:
    converter = _markdown()
    converter.reset()
    return sanitize(converter.convert(text))


def sanitize(fragment: str) -> str:
    """Keep only allowed tags, attributes and URL schemes; external images are dropped."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        attribute_filter=_drop_external_src,
    )


def _drop_external_src(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", value):
        return None
    return value


def escape(text: object) -> str:
    """Escape plain text for HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_markdown(text: object) -> str:
    """Escape plain text for a Markdown line (headings, table cells)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=True))


def plain_text(markdown_text: str, limit: int = 160) -> str:
    """A short plain-text version of Markdown, for meta descriptions."""
    text = re.sub(r"<[^>]+>", "", render_markdown(markdown_text))
    text = html.unescape(re.sub(r"\s+", " ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


_DECIMAL = re.compile(r"(\d)\.(\d)")


def format_number(value: float | int, approx: bool = False) -> str:
    """Norwegian number format: decimal comma, no-break space for thousands."""
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1000:
        value = int(value)
    if isinstance(value, int):
        text = f"{value:,}".replace(",", "\u00a0") if abs(value) >= 1000 else str(value)
    else:
        text = repr(value)
        whole, _, fraction = text.partition(".")
        whole_int = int(whole)
        grouped = f"{whole_int:,}".replace(",", "\u00a0") if abs(whole_int) >= 1000 else whole
        text = f"{grouped},{fraction}"
    text = text.replace("-", "\u2212", 1) if text.startswith("-") else text
    return f"ca. {text}" if approx else text


MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")


def format_date(value: str) -> str:
    """A content date (``2019``, ``2019-12``, ``2019-12-05``) as Norwegian text:
    ``2019``, ``desember 2019``, ``5. desember 2019``. Anything else is returned as it is."""
    parts = value.split("-")
    if not all(part.isdigit() for part in parts) or len(parts) > 3:
        return value
    if len(parts) == 1:
        return value
    month = int(parts[1])
    if not 1 <= month <= 12:
        return value
    text = f"{MONTHS[month - 1]} {parts[0]}"
    return f"{int(parts[2])}. {text}" if len(parts) == 3 else text


def date_sort_key(value: str) -> str:
    """A content date as a sort key that puts a partial date after the precise dates it
    covers: an event known only by its year («2020») comes after that year's dated events,
    since it may have happened at any time in the year (and «2020-03» after «2020-03-12»)."""
    parts = value.split("-")
    return "-".join(parts + ["99"] * (3 - len(parts)))


def format_event_date(value: str) -> str:
    """An event's date for a timeline: a year alone reads «I løpet av 2020»."""
    if len(value) == 4 and value.isdigit():
        return f"I løpet av {value}"
    return format_date(value)
