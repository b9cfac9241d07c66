"""Whole-site checks over the built real site: links, hosts, metadata, valid HTML."""

from __future__ import annotations

import json
import posixpath
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import BASE_PATH, ROOT

ASSET_TAGS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
              ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src")}


class PageParser(HTMLParser):
    """Collects ids, links and asset references of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key in ("id", "name"):
            if key in values and (key == "id" or tag == "a"):
                self.ids.add(values[key])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        for asset_tag, attr in ASSET_TAGS:
            if tag == asset_tag and attr in values:
                if tag == "link" and values.get("rel") in ("canonical", "prev", "next"):
                    continue
                self.assets.append(values[attr])


def parse_site(site: Path) -> dict[str, PageParser]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, PageParser]:
    return parse_site(site_dir)


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The site file and anchor a same-site link points at, or None for other sites."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto") or href.startswith("//"):
        if parts.netloc.startswith("127.0.0.1") and parts.path.startswith(BASE_PATH):
            return parts.path[len(BASE_PATH):] or "index.html", parts.fragment
        return None
    if parts.scheme:
        raise AssertionError(f"{page}: uventet lenkeskjema {href}")
    if parts.path.startswith("/"):  # root-relative, as on the 404 page
        assert parts.path.startswith(BASE_PATH), f"{page}: {href} er utenfor nettstedet"
        page, parts = "index.html", parts._replace(path=parts.path[len(BASE_PATH):] or ".")
    base = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else page
    if parts.path.endswith("/") or target.endswith("/") or "." not in posixpath.basename(target):
        target = posixpath.join(target, "index.html")
    return target.lstrip("./") if target != "." else "index.html", parts.fragment


def test_no_broken_internal_links_or_anchors(pages: dict[str, PageParser], site_dir: Path) -> None:
    broken = []
    for page, parser in pages.items():
        for href in parser.links:
            found = resolve(page, href)
            if found is None:
                continue
            target, anchor = found
            if target == "index.html" and page == "404.html" and not href:
                continue
            if not (site_dir / target).is_file():
                broken.append(f"{page}: {href} → {target} finnes ikke")
            elif anchor and target.endswith(".html") and anchor not in pages[target].ids:
                broken.append(f"{page}: {href} → #{anchor} finnes ikke i {target}")
    assert broken == []


def test_no_assets_from_other_hosts(pages: dict[str, PageParser]) -> None:
    foreign = [f"{page}: {src}" for page, parser in pages.items() for src in parser.assets
               if urlsplit(src).netloc and not urlsplit(src).netloc.startswith("127.0.0.1")]
    assert foreign == []


def test_css_and_js_reference_no_other_hosts(site_dir: Path) -> None:
    ours = list((site_dir / "assets" / "stylesheets").glob("*.css"))
    offending = [p.name for p in ours if "fonts.googleapis" in p.read_text("utf-8")]
    assert offending == []


def test_pages_link_to_existing_assets(pages: dict[str, PageParser], site_dir: Path) -> None:
    missing = []
    for page, parser in pages.items():
        for src in parser.assets:
            found = resolve(page, src)
            if found and not (site_dir / found[0]).is_file():
                missing.append(f"{page}: {src}")
    assert missing == []


def test_html_is_valid_according_to_the_w3c_checker(site_dir: Path) -> None:
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), "vnu-jar mangler: kjør `make test`"
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json",
         "--skip-non-html", str(site_dir)],
        capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == [], "\n".join(errors[:40])
