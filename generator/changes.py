"""«Hva er nytt»: the records added and changed, newest first, and the same as an Atom feed
(``feed.xml``), both from the git history the site already reads for «Sist oppdatert»."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from .config import SiteConfig
from .graph import Site
from .history import FileChange
from .markup import plain_text
from .urls import doc_url, record_doc

# The kinds of record whose changes are news, with the word shown before each name.
KIND_WORDS: dict[str, str] = {
    "measures": "Tiltak", "pilots": "Pilot", "municipalities": "Kommune",
    "organisations": "Organisasjon", "sources": "Kilde", "datasets": "Tall",
    "pages": "Side", "terms": "Ordliste",
}
PAGE_LIMIT = 200  # changes on the page
FEED_LIMIT = 50  # entries in the feed
ATOM = "http://www.w3.org/2005/Atom"
CHANGES_PAGE = "hva-er-nytt.md"


@dataclass(frozen=True)
class ContentChange:
    """A record added or changed on one day."""

    date: str
    time: int  # the newest commit that day
    kind: str
    record_id: str
    name: str
    summary: str
    added: bool

    @property
    def doc(self) -> str:
        """The docs path of the record's page."""
        return record_doc(self.kind, self.record_id)

    @property
    def timestamp(self) -> str:
        """RFC 3339, as Atom wants it."""
        return datetime.fromtimestamp(self.time, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_changes(site: Site, history: list[FileChange], limit: int) -> list[ContentChange]:
    """One entry per record and day, newest first: «lagt til» the day its file was added,
    «endret» on later days. Files of records that are gone are left out."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for change in history:  # newest first
        parts = change.path.split("/")
        if len(parts) != 3 or parts[0] != "content" or parts[1] not in KIND_WORDS:
            continue
        kind, record_id = parts[1], parts[2].removesuffix(".yml")
        item = site.items.get(kind, {}).get(record_id)
        if item is None or change.status == "D":
            continue
        entry = found.setdefault((change.path, change.date), {
            "time": change.time, "kind": kind, "record_id": record_id, "added": False,
            "record": item.record})
        entry["added"] = entry["added"] or change.status == "A"
    entries = [_entry(date, value) for (_, date), value in found.items()]
    entries.sort(key=lambda e: (e.time, e.date), reverse=True)
    return entries[:limit]


def _entry(date: str, value: dict[str, Any]) -> ContentChange:
    record = value["record"]
    summary = getattr(record, "summary", None) or getattr(record, "description", None)
    text = plain_text(summary, 300) if isinstance(summary, str) else ""
    return ContentChange(date, value["time"], value["kind"], value["record_id"],
                         record.display_name(), text, value["added"])


def atom_feed(config: SiteConfig, changes: list[ContentChange]) -> str:
    """The changes as an Atom 1.0 feed (RFC 4287), with absolute links."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nb"})
    _add(feed, "title", f"{config.title}: hva er nytt")
    _add(feed, "subtitle", "Nye og endrede tiltak, piloter, kommuner og kilder.")
    _add(feed, "id", config.site_url + "feed.xml")
    _link(feed, config.site_url + "feed.xml", "self", "application/atom+xml")
    _link(feed, config.site_url + doc_url(CHANGES_PAGE), "alternate", "text/html")
    # Without git history, a fixed date keeps the feed valid and the build repeatable.
    _add(feed, "updated", changes[0].timestamp if changes else "2000-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", config.title)
    host = urlsplit(config.site_url).hostname or "localhost"
    for change in changes[:FEED_LIMIT]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        state = "lagt til" if change.added else "endret"
        _add(entry, "title", f"{KIND_WORDS[change.kind]}: {change.name} ({state})")
        _add(entry, "id", f"tag:{host},{change.date}:{change.kind}/{change.record_id}")
        _link(entry, config.site_url + doc_url(change.doc), "alternate", "text/html")
        _add(entry, "updated", change.timestamp)
        if change.summary:
            _add(entry, "summary", change.summary)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _add(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": href})
