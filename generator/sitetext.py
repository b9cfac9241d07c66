"""The text a reader sees on each page of a built site, for comparing two builds.

Only the page's own content is read (Material's ``<article class="md-content__inner">``);
navigation, header and footer are the same on every page and would only add noise.
Script data (chart figures), icons, heading permalinks and the page footer with its
«Sist oppdatert» date are skipped: the date depends on how much git history a
checkout has, not on the content. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Elements whose whole subtree is not reading text.
_SKIP_TAGS = {"script", "style", "template", "svg", "noscript", "button", "select"}
# Classes whose whole subtree is chrome: permalinks, the edit button, the page footer.
_SKIP_CLASSES = {"headerlink", "md-content__button", "th-page-footer"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "source", "track", "wbr"}
_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "caption", "dd", "details", "div",
               "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
               "h3", "h4", "h5", "h6", "header", "label", "legend", "li", "main", "nav", "ol",
               "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
_CELL_TAGS = {"td", "th"}
_SPACE = re.compile(r"\s+")
# A sentence ends with . ! or ? followed by space and a capital letter or an opening quote
# (not a digit: «nr. 2020:7» and «kap. 5.1» are one sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"])")


@dataclass(frozen=True)
class PageText:
    """The reading text of one page: its URL path, title and lines (one sentence a line)."""

    path: str
    title: str
    lines: tuple[str, ...]


class _ArticleText(HTMLParser):
    """Collects the text inside the content ``<article>``, one block a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.article_depth: int | None = None
        self.skip_depth: int | None = None
        self.lines: list[str] = []
        self.current: list[str] = []
        self.title = ""
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag not in _VOID_TAGS:
            self.stack.append(tag)
        if self.article_depth is None:
            if tag == "article" and "md-content__inner" in classes:
                self.article_depth = len(self.stack)
            return
        if self.skip_depth is not None or not self._inside():
            return
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES:
            if tag not in _VOID_TAGS:
                self.skip_depth = len(self.stack)
            return
        self._open(tag, dict(attrs))

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in _BLOCK_TAGS or tag == "br":
            self._break()
        if tag == "li":
            self.current.append("- ")
        elif tag in _CELL_TAGS and self.current:
            self.current.append(" | ")
        elif tag == "img" and attrs.get("alt"):
            self.current.append(f"[bilde: {attrs['alt']}]")
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag; browsers ignore it too
        while self.stack:
            depth = len(self.stack)
            name = self.stack.pop()
            self._close(name, depth)
            if name == tag:
                break

    def _close(self, tag: str, depth: int) -> None:
        if self.skip_depth == depth:
            self.skip_depth = None
        elif self.article_depth == depth:
            self._break()
            self.article_depth = -1  # done: later articles are not the page's content
        elif self.skip_depth is None and self._inside():
            if tag == "h1" and self.in_h1:
                self.in_h1 = False
                self.title = self.title or self._joined()
            if tag in _BLOCK_TAGS:
                self._break()

    def handle_data(self, data: str) -> None:
        if self._inside() and self.skip_depth is None:
            self.current.append(data)

    def _inside(self) -> bool:
        return self.article_depth is not None and self.article_depth > 0

    def _joined(self) -> str:
        return _SPACE.sub(" ", "".join(self.current)).strip()

    def _break(self) -> None:
        line = self._joined()
        self.current = []
        if line and line != "-":
            self.lines.extend(_SENTENCE_END.split(line))


def page_text(path: str, html: str) -> PageText:
    """The reading text of one built page (``path`` is its URL path, e.g. ``tiltak/x/``)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser._break()
    return PageText(path, parser.title or path, tuple(parser.lines))


def read_site(site_dir: Path) -> dict[str, PageText]:
    """Every page of a built site (each ``index.html``) by URL path."""
    pages: dict[str, PageText] = {}
    for file in sorted(site_dir.rglob("index.html")):
        relative = file.parent.relative_to(site_dir).as_posix()
        path = "" if relative == "." else relative + "/"
        if path.startswith(("assets/", "search/")):
            continue
        pages[path] = page_text(path, file.read_text(encoding="utf-8", errors="replace"))
    return pages
