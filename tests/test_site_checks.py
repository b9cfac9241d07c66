"""Whole-site checks over the built real site: links, hosts, metadata, valid HTML."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import BASE_PATH, ROOT
from pagefind_files import indexed_urls

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
def pages(engine_site_dir: Path) -> dict[str, PageParser]:
    return parse_site(engine_site_dir)


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


def test_no_broken_internal_links_or_anchors(pages: dict[str, PageParser],
                                             engine_site_dir: Path) -> None:
    broken = []
    for page, parser in pages.items():
        for href in parser.links:
            found = resolve(page, href)
            if found is None:
                continue
            target, anchor = found
            if target == "index.html" and page == "404.html" and not href:
                continue
            if not (engine_site_dir / target).is_file():
                broken.append(f"{page}: {href} → {target} finnes ikke")
            elif anchor and target.endswith(".html") and anchor not in pages[target].ids:
                broken.append(f"{page}: {href} → #{anchor} finnes ikke i {target}")
    assert broken == []


def test_no_assets_from_other_hosts(pages: dict[str, PageParser]) -> None:
    foreign = [f"{page}: {src}" for page, parser in pages.items() for src in parser.assets
               if urlsplit(src).netloc and not urlsplit(src).netloc.startswith("127.0.0.1")]
    assert foreign == []


def test_css_and_js_reference_no_other_hosts(engine_site_dir: Path) -> None:
    ours = list((engine_site_dir / "assets" / "stylesheets").rglob("*.css"))
    offending = [p.name for p in ours if "fonts.googleapis" in p.read_text("utf-8")]
    assert offending == []


def test_pages_link_to_existing_assets(pages: dict[str, PageParser], engine_site_dir: Path) -> None:
    missing = []
    for page, parser in pages.items():
        for src in parser.assets:
            found = resolve(page, src)
            if found and not (engine_site_dir / found[0]).is_file():
                missing.append(f"{page}: {src}")
    assert missing == []


def test_html_is_valid_according_to_the_w3c_checker(engine_site_dir: Path) -> None:
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), "vnu-jar mangler: kjør `make test`"
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json",
         "--skip-non-html", str(engine_site_dir)],
        capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == [], "\n".join(errors[:40])


def is_submit(tag: str, values: dict[str, str]) -> bool:
    """A control that submits its form."""
    if tag == "button":
        return values.get("type", "submit") == "submit"
    return tag == "input" and values.get("type") in ("submit", "image")


class FormParser(HTMLParser):
    """Forms with how many submit controls each has, and form fields with what names them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, int]] = []
        self.fields: list[tuple[str, dict[str, str], bool]] = []
        self.label_for: set[str] = set()
        self.open_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append((values.get("class", ""), 0))
        elif tag == "label":
            self.open_labels += 1
            self.label_for.add(values.get("for", ""))
        elif is_submit(tag, values) and self.forms:
            name, count = self.forms[-1]
            self.forms[-1] = (name, count + 1)
        # Material's base template always has a search toggle (a checkbox it never shows,
        # display: none); with Pagefind as the search, nothing uses it.
        if (tag in ("input", "select", "textarea") and values.get("type") != "hidden"
                and values.get("data-md-toggle") != "search"):
            self.fields.append((tag, values, self.open_labels > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def unnamed_fields(self) -> list[str]:
        """Fields with no label, aria-label or aria-labelledby."""
        return [f"<{tag} id={values.get('id')}>" for tag, values, wrapped in self.fields
                if not (wrapped or values.get("aria-label") or values.get("aria-labelledby")
                        or values.get("id", "") in self.label_for)]


def test_every_form_has_a_submit_control_and_every_field_a_name(engine_site_dir: Path) -> None:
    problems = set()
    for path in sorted(engine_site_dir.rglob("*.html")):
        parser = FormParser()
        parser.feed(path.read_text(encoding="utf-8"))
        name = path.relative_to(engine_site_dir).as_posix()
        problems |= {f"{name}: <form class={form}> har ingen sendeknapp"
                     for form, submits in parser.forms if not submits}
        problems |= {f"{name}: {field} har ikke navn" for field in parser.unnamed_fields()}
    assert problems == set(), "\n".join(sorted(problems)[:20])


def test_headline_ratings_on_cards_measure_pages_compare_and_booklet(site_dir: Path) -> None:
    from generator.evidence import EVIDENCE_LEVELS
    from generator.vocab import RESOURCE_NEEDS, RESOURCE_SCALE

    evidence = {label: level for level, (label, _) in EVIDENCE_LEVELS.items()}
    resources = {label: RESOURCE_SCALE[key] for key, label in RESOURCE_NEEDS.items()}
    rating = re.compile(r'<span class="th-rating"><span class="th-scale th-scale--(\w+)" '
                        r'aria-hidden="true">(.*?)</span><a href="[^"]*#([\w-]+)">([^<]+)</a>')
    measures = len(list((ROOT / "content" / "measures").glob("*.yml")))
    pages = {"tiltak/index.html": measures, "tiltak/sammenlign/index.html": measures,
             "tiltak/hefte/index.html": measures, "tiltak/mentorordning/index.html": 1}
    for page, count in pages.items():
        found = rating.findall((site_dir / page).read_text(encoding="utf-8"))
        assert len(found) == 2 * count, page
        for kind, marks, anchor, label in found:
            on, total = marks.count("th-scale__mark--on"), marks.count('class="th-scale__mark')
            if kind == "evidence":
                assert (anchor, on, total) == ("slik-vurderer-vi", evidence[label], 4), label
            else:
                assert (anchor, on, total) == ("ressursbehov", resources[label], 3), label


def test_search_index_holds_text_not_chart_data(site_dir: Path) -> None:
    """The Plotly figures in the pages are data for the chart script, not text to search:
    a reader's search must not hit «hovertemplate» or a figure's numbers in JSON."""
    pages = indexed_urls(site_dir)
    leaks = [url for url, page in pages.items()
             if '"hovertemplate"' in page["content"] or '{"data":' in page["content"]]
    assert leaks == []
    assert "tall/" in pages, "«Tall og resultater» mangler i søkeindeksen"
    assert "Vis tallene som tabell" in pages["tall/"]["content"]  # the tables are searchable
