"""A Python-Markdown extension that sets aside our pages' raw HTML blocks without parsing them.

Our pages are mostly HTML that the core has already rendered and sanitised, with a few
Markdown headings between. Python-Markdown finds the raw HTML blocks with an HTML parser
written in Python (``HtmlBlockPreprocessor``), and MkDocs parses the same HTML once more
for anchors; on the real content that is a fifth of MkDocs' build time.

This preprocessor runs just before both. It finds the same blocks with one regular
expression and a tag stack, and stores each in Markdown's own HTML stash, exactly as
``HtmlBlockPreprocessor`` would (same text, same placeholder, same blank lines around
it), so the HTML that comes out is byte for byte the same. It follows the extractor's
rules for the HTML our templates write: well-formed tags, no comments, no scripts. A
page with anything else is left to Python-Markdown untouched, and so is a block whose
end is followed by something the extractor would treat differently on that line.

Blocks set aside here are not searched for ``id`` attributes by MkDocs; that only matters
for MkDocs' check of ``page.md#anchor`` links, which our pages do not use (they link with
URLs, and MkDocs never looks at links inside raw HTML).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# One tag in the plain form our templates and the sanitiser write: a name, attributes
# with double-quoted values or none, optional "/". Anything else makes the page fall back.
_TAG = re.compile(
    r'<(/?)([a-zA-Z][a-zA-Z0-9-]*)'
    r'((?:[ \n]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>`]*")?)*)[ \n]*(/?)>'
)
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")
_ENTITY = re.compile(r"&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
# Python-Markdown's test for a blank line after a block (``blank_line_re`` without "^").
_BLANK_AFTER = re.compile(r"([ ]*\n){2}")
# Elements whose content an HTML parser reads as text (more of them in newer Pythons).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})
# Tags the extractor treats as empty even without "/>".
_EMPTY = frozenset({"hr"})
# Runs after whitespace normalisation (30) and fenced code (25), before MkDocs' anchor
# scan (21) and Python-Markdown's own HTML block extraction (20).
PRIORITY = 22


class _Unsupported(Exception):
    """The text has something the fast path does not model; leave it to Python-Markdown."""


@dataclass
class Block:
    """A top-level raw HTML block: where it starts and ends, and how it is replaced."""

    start: int
    end: int = -1
    newlines: int = 1
    replaceable: bool = True


@dataclass
class _Scan:
    """The extractor's state while walking the tags of one text."""

    text: str
    is_block_level: Callable[[str], bool]
    blocks: list[Block] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    current: Block | None = None
    in_tail: bool = False
    tail_start: int = 0


def find_blocks(text: str, md: Markdown) -> list[Block]:
    """The raw HTML blocks Python-Markdown's extractor would find in ``text``.

    Raises :class:`_Unsupported` when the text has markup the fast path does not model.
    """
    if "<" not in text:
        return []
    tags = list(_TAG.finditer(text))
    if len(tags) != text.count("<") or len(_CHARREF.findall(text)) != text.count("&#"):
        raise _Unsupported
    scan = _Scan(text, md.is_block_level)
    position = 0
    for match in tags:
        start = match.start()
        if scan.in_tail:
            _data(scan, position, start)
        position = match.end()
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        stack = scan.stack
        if scan.current is not None and not scan.in_tail and not self_closing:
            # Inside a block (by far the most tags): only the stack changes.
            if not closing:
                if name in _RAW_TEXT:
                    raise _Unsupported
                if name not in _EMPTY:
                    stack.append(name)
                continue
            if attributes:
                raise _Unsupported
            if name in stack:
                while stack.pop() != name:
                    pass
            if not stack:
                _close_block(scan, position)
            continue
        _tag(scan, match.start(), position, closing, name, attributes, self_closing)
    if scan.in_tail:
        _data(scan, position, len(text))
    if scan.current is not None:
        raise _Unsupported  # an unclosed block runs to the end; rare, not worth modelling
    return scan.blocks


def _data(scan: _Scan, start: int, end: int) -> None:
    """Text between tags after a block: a newline ends the "tail"; an entity in the tail
    would be added to the next block by the extractor."""
    newline = scan.text.find("\n", start, end)
    limit = end if newline < 0 else newline
    if scan.current is None and _ENTITY.search(scan.text, start, limit):
        raise _Unsupported
    if newline >= 0:
        scan.in_tail = False


def _tag(scan: _Scan, start: int, end: int, closing: str, name: str, attributes: str,
         self_closing: str) -> None:
    """Any tag outside a block, or in a block that started on the line of the last one."""
    if name in _RAW_TEXT:
        raise _Unsupported
    if closing:
        if attributes or self_closing:
            raise _Unsupported
        _end_tag(scan, name, end)
    elif self_closing or name in _EMPTY:
        _empty_tag(scan, name, start, end)
    else:
        _start_tag(scan, name, start)


def _start_tag(scan: _Scan, name: str, at: int) -> None:
    if scan.is_block_level(name) and (scan.in_tail or (
            scan.current is None and _at_line_start(scan.text, at))):
        if scan.current is None:
            scan.current = Block(at)
            if scan.in_tail:
                _check_tail(scan, at)
        else:
            scan.current.newlines += 1  # the extractor adds a newline for each of these
    if scan.current is not None:
        scan.stack.append(name)


def _end_tag(scan: _Scan, name: str, end: int) -> None:
    if scan.current is None:
        return
    if name in scan.stack:
        while scan.stack.pop() != name:
            pass
    if not scan.stack:
        _close_block(scan, end)


def _close_block(scan: _Scan, end: int) -> None:
    assert scan.current is not None
    scan.current.end = end
    scan.blocks.append(scan.current)
    scan.current = None
    scan.in_tail = not _BLANK_AFTER.match(scan.text, end)
    scan.tail_start = end


def _empty_tag(scan: _Scan, name: str, start: int, end: int) -> None:
    if scan.current is not None:
        return
    if scan.in_tail or (scan.is_block_level(name) and _at_line_start(scan.text, start)):
        # The extractor adds these to the next block, or makes a block of its own with
        # rules of its own for the blank lines around it; our templates write neither.
        raise _Unsupported


def _check_tail(scan: _Scan, at: int) -> None:
    """A block that starts on the line where the previous one ended. Replacing the previous
    block puts this one on a new line; that is the same only if the extractor would also
    see this one at a line start there."""
    gap = scan.text[scan.tail_start:at]
    if len(gap) > 3 or gap.strip():
        scan.blocks[-1].replaceable = False


def _at_line_start(text: str, at: int) -> bool:
    """The extractor's ``at_line_start``: up to three blanks before the tag on its line."""
    column = at - (text.rfind("\n", 0, at) + 1)
    return column == 0 or (column <= 3 and not text[at - column:at].strip())


def stash_blocks(text: str, md: Markdown) -> tuple[str, int]:
    """``text`` with its raw HTML blocks in Markdown's stash; and how many were stashed."""
    try:
        blocks = find_blocks(text, md)
    except _Unsupported:
        return text, 0
    parts: list[str] = []
    position, stashed = 0, 0
    previous: Block | None = None
    for block in blocks:
        if block.replaceable and _keeps_blank_line_test(text, previous, block):
            html = text[block.start:block.end]
            if _BLANK_AFTER.match(text, block.end):
                html += "\n"
            parts += [text[position:block.start], "\n" * block.newlines,
                      md.htmlStash.store(html), "\n\n"]
            position, stashed = block.end, stashed + 1
        else:
            block.replaceable = False
        previous = block
    parts.append(text[position:])
    return "".join(parts), stashed


def _keeps_blank_line_test(text: str, previous: Block | None, block: Block) -> bool:
    """Whether a block left to Python-Markdown just before ``block`` still is, or still is
    not, followed by a blank line once ``block`` is replaced (the extractor then adds a
    newline to it)."""
    if previous is None or previous.replaceable:
        return True
    before = bool(_BLANK_AFTER.match(text, previous.end))
    after = _BLANK_AFTER.match(text[previous.end:block.start] + "\n" * block.newlines + "\x02")
    return before == bool(after)


class _StashPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text, _ = stash_blocks("\n".join(lines), self.md)
        return text.split("\n")


class RawHtmlStash(Extension):
    """Registers the preprocessor that stashes raw HTML blocks (see the module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Add the preprocessor to ``md``."""
        md.preprocessors.register(_StashPreprocessor(md), "tiltakshefte_raw_html", PRIORITY)
