"""Both engines build the same site: the same pages, content, navigation and files.

The browser suite, the link check and the HTML validator run against each engine's build
(the ``engine_site`` fixture); these tests compare the two builds directly, and name where
Zensical falls short.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import BASE_PATH, ROOT, SiteServer, free_port, write_tree
from corpus.base import BASE

from generator.cli import main

THEME_ASSETS = ROOT / "theme" / "assets"
# Files each engine adds of its own besides its theme assets under assets/.
ENGINE_ONLY = {
    "mkdocs": {"sitemap.xml.gz"},
    "zensical": {"search.json"},  # empty: Zensical's search is off (zensical_adapter.py)
}
# Pagefind names its index files by hash and writes a new set on every run, even for the same
# pages: here each build must have one; what it finds is tested in tests/test_search.py.
INDEX_DIR = "pagefind/"


@pytest.fixture(scope="module")
def both(built_site: SiteServer, zensical_site: SiteServer) -> dict[str, Path]:
    """The folders of the two builds of the real site."""
    return {name: site.root / BASE_PATH.strip("/")
            for name, site in (("mkdocs", built_site), ("zensical", zensical_site))}


@pytest.fixture(scope="module")
def urls(built_site: SiteServer, zensical_site: SiteServer) -> dict[str, str]:
    """The ``site_url`` of each build (each is served on a port of its own)."""
    return {"mkdocs": built_site.url, "zensical": zensical_site.url}


def files_of(site: Path, site_url: str = "") -> dict[str, str]:
    """Every file of a built site with a hash of its bytes (with ``site_url`` left out)."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(_content(p, site_url)).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _content(path: Path, site_url: str) -> bytes:
    """A file's bytes without ``site_url``; a workbook (a zip file, so the address cannot be
    cut from its bytes) by its cells."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        cells = [[str(v) for v in row] for sheet in book
                 for row in sheet.iter_rows(values_only=True)]
        return repr(cells).replace(site_url, "").encode()
    return path.read_bytes().replace(site_url.encode(), b"")


def test_both_engines_build_the_same_pages(both: dict[str, Path], urls: dict[str, str]) -> None:
    pages = {name: sorted(p for p in files_of(site) if p.endswith(".html"))
             for name, site in both.items()}
    assert len(pages["mkdocs"]) > 100
    assert pages["zensical"] == pages["mkdocs"]
    sitemaps = {name: [url.removeprefix(urls[name]) for url in re.findall(
                    r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text("utf-8"))]
                for name, site in both.items()}
    assert len(sitemaps["mkdocs"]) == len(pages["mkdocs"]) - 1  # all but 404.html
    assert sorted(sitemaps["zensical"]) == sorted(sitemaps["mkdocs"])


def test_every_file_besides_the_pages_and_the_engines_own_is_the_same(
        both: dict[str, Path], urls: dict[str, str]) -> None:
    """Open data, template downloads, robots.txt and our own CSS and JavaScript are the same
    bytes; what differs is the engines' own assets and search files."""
    files = {name: files_of(site, urls[name]) for name, site in both.items()}
    ours = {p.relative_to(ROOT / "theme").as_posix() for p in THEME_ASSETS.rglob("*")
            if p.is_file()}

    def engines_own(name: str, path: str) -> bool:
        return path in ENGINE_ONLY[name] or (path.startswith("assets/") and path not in ours)

    shared = {name: {p: h for p, h in found.items() if not p.endswith(".html")
                     and p != "sitemap.xml" and not p.startswith(INDEX_DIR)
                     and not engines_own(name, p)}
              for name, found in files.items()}
    assert shared["zensical"] == shared["mkdocs"]
    assert all(f"{INDEX_DIR}pagefind-entry.json" in found for found in files.values())
    assert {"data/tiltak.csv", "robots.txt", "assets/stylesheets/tiltakshefte.css"} <= set(
        shared["mkdocs"])


class _Page(HTMLParser):
    """What a reader gets from a page: its text, where its links go, its anchors."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url, self.text, self.links, self.ids = url, [], [], []  # type: ignore[var-annotated]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._hidden += tag in ("script", "template", "style")
        if tag == "a" and values.get("href") is not None:
            self.links.append(urljoin(self.url, values["href"]))
        if values.get("id") and values["id"] != "__skip":
            self.ids.append(values["id"])

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "template", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)

    def summary(self) -> tuple[str, list[str], list[str]]:
        return " ".join(" ".join(self.text).split()), self.links, self.ids


_PARTS = {
    "title": re.compile(r"<title>(.*?)</title>", re.DOTALL),
    "content": re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>',
                          re.DOTALL),
    "tabs": re.compile(r'<nav class="md-tabs"(.*?)</nav>', re.DOTALL),
    "navigation": re.compile(r'<nav class="md-nav md-nav--primary[^"]*"(.*?)</nav>\s*</div>',
                             re.DOTALL),
    "footer": re.compile(r'<nav class="md-footer__inner(.*?)</nav>', re.DOTALL),
}


def reading(site: Path, page: str, site_url: str = "") -> dict[str, object]:
    """Each part of ``page`` as a reader gets it (text, resolved links, anchors); each build
    has its own ``site_url`` (a port of its own), read as one address."""
    html = (site / page).read_text("utf-8")
    if site_url:
        html = html.replace(site_url, "https://example.org/")
    url = "https://example.org/" + page.removesuffix("index.html")
    found: dict[str, object] = {}
    for name, pattern in _PARTS.items():
        match = pattern.search(html)
        parser = _Page(url)
        parser.feed(match.group(1) if match else "")
        found[name] = parser.summary() if match else None
    return found


def test_every_page_reads_the_same_on_both_engines(both: dict[str, Path],
                                                   urls: dict[str, str]) -> None:
    """Title, content, tabs, navigation and the footer's previous/next links: the same
    text, links to the same addresses and the same anchors on every page."""
    for site in both.values():
        parts = reading(site, "jobbvinner/index.html")
        assert all(part and part[0] for part in parts.values()), parts  # type: ignore[index]
    differences = []
    for path in sorted(both["mkdocs"].rglob("*.html")):
        page = path.relative_to(both["mkdocs"]).as_posix()
        ours = reading(both["mkdocs"], page, urls["mkdocs"])
        theirs = reading(both["zensical"], page, urls["zensical"])
        differences += [f"{page}: {part}" for part in ours if ours[part] != theirs[part]]
    assert differences == []


def test_the_header_has_the_site_search(engine_site_dir: Path) -> None:
    """The same search on both engines: our field after the engine's header (theme/main.html)
    and the Pagefind index over the built pages; neither engine's own search."""
    html = (engine_site_dir / "index.html").read_text("utf-8")
    assert re.search(r'<input[^>]*id="th-search-q"[^>]*type="search"', html)
    assert (engine_site_dir / "pagefind" / "pagefind-entry.json").is_file()
    assert not (engine_site_dir / "search" / "search_index.json").exists()


def test_unknown_engine_and_missing_zensical_are_usage_errors(
        tree, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    root = tree(dict(BASE))
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(root), "build", "--engine", "hugo"])
    assert stop.value.code == 2
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "zensical" else find_spec(name, *a))
    assert main(["--project", str(root), "build", "--engine", "zensical"]) == 2
    assert "Zensical er ikke installert" in capsys.readouterr().err


def test_a_failed_zensical_build_leaves_the_previous_site(
        tree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zensical

    root = tree(dict(BASE))
    out = tmp_path / "out"
    assert main(["--project", str(root), "build", "--engine", "zensical",
                 "--output", str(out)]) == 0
    before = files_of(out)
    assert "tiltak/mentorordning/index.html" in before

    def fail(config_file: str, options: dict[str, object]) -> None:
        raise RuntimeError("Zensical stoppet")

    monkeypatch.setattr(zensical, "build", fail)
    assert main(["--project", str(root), "build", "--engine", "zensical",
                 "--output", str(out)]) == 1
    assert files_of(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]


def test_zensical_serve_shows_each_saved_edit(tmp_path: Path) -> None:
    """``serve --engine zensical``: an edit shows; a broken edit keeps the last good site
    and says what is wrong in the terminal; Ctrl+C or SIGTERM ends it, child and all."""
    from test_serve import MEASURE, fetch, wait_for

    root = write_tree(tmp_path / "project", dict(BASE))
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--project", str(root), "serve", "--engine",
         "zensical", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/tiltak/mentorordning/"
    try:
        assert wait_for(lambda: "Mentorordning" in (fetch(url) or "")), "serve startet ikke"
        path = root / MEASURE
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("name: Mentorordning", "name: Mentorordning endret"),
                        encoding="utf-8")
        shown = wait_for(lambda: "Mentorordning endret" in (fetch(url) or ""))
        assert shown, "endringen vises ikke"
        path.write_text(good + "ukjent_felt: 1\n", encoding="utf-8")
        assert wait_for(lambda: "ukjent felt «ukjent_felt»" in Path(log.name).read_text("utf-8"))
        assert "Mentorordning endret" in (fetch(url) or ""), "forrige versjon vises ikke"
        assert server.poll() is None, "serve stoppet"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert fetch(url) is None, "Zensical svarer fortsatt etter at serve er avsluttet"
