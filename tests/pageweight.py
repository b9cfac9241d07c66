"""What a first view of a page costs: every response a browser gets, empty cache, not scrolled.

Shared by the page-weight budget test and the page-weight benchmark. Text bodies (HTML, CSS,
JavaScript, JSON, SVG, XML) are counted as gzip at level 6, what a web server such as GitHub
Pages sends; images and fonts as they are.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from typing import Any

PHONE = {"width": 412, "height": 915}
TEXT_TYPES = ("text/", "javascript", "json", "svg", "xml")


@dataclass(frozen=True)
class Transfer:
    """One response of the first view."""

    url: str
    raw: int
    gzip: int


def first_view(browser: Any, url: str) -> list[Transfer]:
    """Open ``url`` at phone size in a fresh context and return every response until the
    network is idle."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    responses: list[Any] = []
    tab.on("response", lambda response: responses.append(response))
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    transfers = []
    for response in responses:
        if response.status >= 300 or response.url.startswith("data:"):
            continue
        body = response.body()
        kind = response.headers.get("content-type", "")
        packed = len(gzip.compress(body, 6)) if any(t in kind for t in TEXT_TYPES) else len(body)
        transfers.append(Transfer(response.url, len(body), packed))
    context.close()
    return transfers


def referenced(html: str) -> set[str]:
    """What the HTML itself makes a browser load at once: scripts, style sheets, and images
    that are not lazy (as written in the page, relative or absolute)."""
    found = set(re.findall(r'<script[^>]*\ssrc="([^"]+)"', html))
    found |= set(re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html))
    found |= {src for tag, src in re.findall(r'(<img[^>]*\ssrc="([^"]+)"[^>]*>)', html)
              if 'loading="lazy"' not in tag}
    return found


def kib(transfers: list[Transfer]) -> float:
    """Gzip KiB of the transfers."""
    return sum(t.gzip for t in transfers) / 1024


def breakdown(transfers: list[Transfer]) -> str:
    """The transfers, heaviest first, for a message."""
    rows = sorted(transfers, key=lambda t: -t.gzip)
    return "\n".join(f"{t.gzip / 1024:8.1f} KiB  {t.url.rsplit('/tiltakshefte/', 1)[-1]}"
                     for t in rows)
