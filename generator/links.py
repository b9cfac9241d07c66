"""Links in record text: links by name (``[tekst](tiltak:id)``) and the check of every
internal link, so that no broken link reaches the site.

A link by name is resolved when a page is rendered, to a relative URL from that page, so the
same text works on every page it appears on (a measure's text is repeated in the booklet). A
plain relative link is read from the record's own page; a root-absolute link (``/tiltak/…``)
is an error, since the site is published under a sub-path.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .loader import KeyPath, RawRecord, format_path
from .markup import escape_markdown
from .messages import message
from .problems import Problem
from .records import KIND_LABELS
from .urls import LINK_PREFIXES, doc_url, named_target, record_doc, relative_url

# ``[text](target "title")`` and ``![alt](target)``; a reference definition ``[x]: target``.
_INLINE = re.compile(r"(!?)\[((?:[^\[\]\\\n]|\\.)*)\]\(\s*<?([^\s()<>]*)>?(?:\s+[^)]*)?\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
_EXTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|#")


@dataclass(frozen=True)
class Link:
    """One link in a text: its target and, for inline links, its text (empty for ``[]``)."""

    target: str
    target_start: int
    text: str | None
    text_start: int


def find_links(text: str) -> list[Link]:
    """Every inline link, image and reference definition in Markdown ``text``, in order,
    outside code spans and code blocks."""
    if "](" not in text and "]:" not in text:
        return []
    masked = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    links = [Link(m.group(3), m.start(3), None if m.group(1) else m.group(2), m.start(2))
             for m in _INLINE.finditer(masked)]
    links += [Link(m.group(1), m.start(1), None, -1) for m in _REF_DEF.finditer(masked)]
    return sorted(links, key=lambda link: link.target_start)


def resolve_links(text: str, doc: str, name_of: Callable[[str, str], str]) -> str:
    """``text`` with every link by name replaced by the relative URL from the page ``doc``;
    an empty link text becomes the record's name (``name_of(kind, id)``)."""
    out, last = [], 0
    for link in find_links(text):
        named = named_target(link.target)
        if named is None:
            continue
        kind, record_id, anchor = named
        url = relative_url(doc, record_doc(kind, record_id))
        if anchor and "#" not in url:
            url += "#" + anchor
        if link.text == "":
            out.append(text[last:link.text_start])
            out.append(escape_markdown(name_of(kind, record_id)))
            last = link.text_start
        out.append(text[last:link.target_start])
        out.append(url)
        last = link.target_start + len(link.target)
    return "".join(out) + text[last:] if out else text


@dataclass
class LinkTargets:
    """What a link may point at: record ids by kind, page URLs and file paths on the site."""

    ids: dict[str, set[str]]
    page_urls: dict[str, str]  # URL path → the named form or docs path, for suggestions
    files: set[str]


def check_links(kind: str, raw: RawRecord, targets: LinkTargets) -> list[Problem]:
    """A located problem for every broken internal link in the text fields of one record."""
    record_id = raw.data.get("id")
    page = record_doc(kind, record_id if isinstance(record_id, str) else "x").split("#")[0]
    problems = []
    for path, value in _texts(raw.data, ()):
        for link in find_links(value):
            text = _link_problem(link.target, page, targets)
            if text:
                line, col = raw.text_position(path, link.target)
                problems.append(Problem(raw.file, line, col, format_path(path), text))
    return problems


def _texts(data: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, path + (index,))


def _link_problem(target: str, page: str, targets: LinkTargets) -> str | None:
    named = named_target(target)
    if named is not None:
        return _named_problem(named[0], named[1], targets)
    if not target or _EXTERNAL.match(target):
        return None  # external, mailto, anchor: checked by the field itself
    path = target.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("/"):
        return message("link_root_absolute", url=target,
                       instead=_instead(path.lstrip("/"), page, targets))
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc_url(page)), path))
    if resolved == ".." or resolved.startswith("../"):
        return message("link_outside", url=target)
    resolved = "" if resolved == "." else resolved
    if resolved in targets.files or _page_url(resolved) in targets.page_urls:
        return None
    return message("link_broken", url=target, where=_page_url(resolved) or "forsiden",
                   hint=_closest(resolved, page, targets))


def _named_problem(kind: str, record_id: str, targets: LinkTargets) -> str | None:
    known = targets.ids.get(kind, set())
    if record_id in known:
        return None
    prefix = LINK_PREFIXES[kind]
    for other, ids in targets.ids.items():
        if other != kind and record_id in ids and other in LINK_PREFIXES:
            return message("link_wrong_kind", value=record_id, actual=KIND_LABELS[other][0],
                           prefix=prefix, right=f"{LINK_PREFIXES[other]}:{record_id}")
    match = difflib.get_close_matches(record_id, sorted(known), n=1, cutoff=0.6)
    hint = message("did_you_mean", suggestion=f"{prefix}:{match[0]}") if match else ""
    return message("link_unknown", kind=KIND_LABELS[kind][0],
                   url=f"{prefix}:{record_id}", hint=hint)


def _page_url(path: str) -> str:
    return path if not path or path.endswith("/") or "." in path.rsplit("/", 1)[-1] \
        else path + "/"


def _instead(path: str, page: str, targets: LinkTargets) -> str:
    """What to write instead of a root-absolute link: the link by name, or a relative one."""
    url = _page_url(path)
    if url in targets.page_urls:
        return targets.page_urls[url] if ":" in targets.page_urls[url] \
            else relative_url(page, targets.page_urls[url])
    if path in targets.files:
        return posixpath.relpath(path, doc_url(page))
    return message("link_instead_generic")


def _closest(resolved: str, page: str, targets: LinkTargets) -> str:
    match = difflib.get_close_matches(_page_url(resolved), list(targets.page_urls), n=1,
                                      cutoff=0.75)
    if not match:
        return ""
    named = targets.page_urls[match[0]]
    suggestion = named if ":" in named else relative_url(page, named)
    return message("did_you_mean", suggestion=suggestion)
