"""The registry of record kinds: one folder under ``content/`` per kind."""

from __future__ import annotations

from .datasets import Dataset
from .records import (
    Measure,
    Municipality,
    Organisation,
    Page,
    Pilot,
    Record,
    Source,
    Term,
)

KINDS: dict[str, type[Record]] = {
    "pilots": Pilot,
    "municipalities": Municipality,
    "measures": Measure,
    "organisations": Organisation,
    "sources": Source,
    "terms": Term,
    "pages": Page,
    "datasets": Dataset,
}
