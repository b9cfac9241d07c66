"""A cache of validated Plotly figures, so that plotly.py runs only when a figure changes.

Building and validating the figures with plotly.py costs a noticeable share of a build
of the real content (importing plotly and its validators), and a live reload rebuilds
every figure. A figure is a pure function of its inputs (the dataset and chart spec, or
the map's points), of our code and of the plotly version, so the cache is keyed by a
SHA-256 of exactly these, like Jinja's bytecode cache is keyed by a template's source:
a hit gives the same figure a fresh build would. Entries are plain JSON; they are
escaped for the page after reading (:func:`generator.charts.safe_json`), so not even a
tampered cache file can put markup into a page.

The cache lives in ``$TILTAKSHEFTE_CACHE_DIR`` or ``$XDG_CACHE_HOME/tiltakshefte`` (by
default ``~/.cache/tiltakshefte``); deleting it is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent

Figure = dict[str, Any]


def cache_dir() -> Path:
    """Where cached figures are kept."""
    explicit = os.environ.get("TILTAKSHEFTE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tiltakshefte" / "figures"


@functools.cache
def code_digest() -> str:
    """A digest of the generator's own code and the installed plotly version."""
    digest = hashlib.sha256(importlib.metadata.version("plotly").encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached_figure(inputs: str, build: Callable[[], Figure]) -> Figure:
    """The figure for ``inputs`` (text that determines it), from the cache or ``build()``."""
    key = hashlib.sha256(f"{code_digest()}\0{inputs}".encode()).hexdigest()
    path = cache_dir() / key[:2] / f"{key}.json"
    try:
        found: Figure = json.loads(path.read_text(encoding="utf-8"))
        return found
    except (OSError, ValueError):
        pass
    figure = build()
    _store(path, figure)
    return figure


def _store(path: Path, figure: Figure) -> None:
    """Write atomically (parallel builds may share the cache); a cache that cannot be
    written only makes the next build slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as handle:
            json.dump(figure, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(handle.name, path)
    except OSError:
        pass
