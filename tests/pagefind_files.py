"""Reading a built Pagefind index: what it holds for each page (its «fragments»)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

# Pagefind writes each file gzipped, starting with a signature before the JSON.
_SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every indexed page as Pagefind stored it: url, content, meta, filters."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data.removeprefix(_SIGNATURE)))
    return found


def indexed_urls(site: Path) -> dict[str, dict[str, Any]]:
    """The indexed pages by URL (relative to the site root, e.g. ``tiltak/mentorordning/``)."""
    return {fragment["url"].lstrip("/"): fragment for fragment in fragments(site)}
