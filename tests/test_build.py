"""A real build of the real content, checked file by file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import BASE_PATH
from pagefind_files import indexed_urls

from generator.output import render_project
from generator.pipeline import Project


def html_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def test_record_pages_and_overviews_exist(site_dir: Path) -> None:
    for path in ("index.html", "tiltak/index.html", "piloter/index.html", "kommuner/index.html",
                 "organisasjoner/index.html", "kilder/index.html", "ordliste/index.html",
                 "om/index.html", "piloter/mentor/index.html", "kommuner/trondheim/index.html",
                 "tiltak/mentorordning/index.html", "tiltak/mentorutdanning/index.html",
                 "organisasjoner/ks/index.html", "organisasjoner/ntnu/index.html",
                 "organisasjoner/nsf/index.html", "kilder/tfou-2020-7/index.html",
                 "404.html", "sitemap.xml", "robots.txt"):
        assert (site_dir / path).is_file(), path


def test_every_page_has_title_description_and_norwegian_lang(site_dir: Path) -> None:
    for name in html_files(site_dir):
        text = (site_dir / name).read_text(encoding="utf-8")
        assert '<html lang="nb"' in text, name
        assert re.search(r"<title>[^<]{3,}</title>", text), name
        assert re.search(r'<meta name="description" content="[^"]{10,}">', text), name


def test_record_pages_are_not_listed_in_navigation(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="tiltak/"' in home
    assert "tiltak/mentorordning/" not in home.split('<div class="md-content"')[0]


def test_pages_link_both_ways(site_dir: Path) -> None:
    measure = (site_dir / "tiltak/mentorordning/index.html").read_text(encoding="utf-8")
    pilot = (site_dir / "piloter/mentor/index.html").read_text(encoding="utf-8")
    municipality = (site_dir / "kommuner/trondheim/index.html").read_text(encoding="utf-8")
    assert 'href="../../piloter/mentor/"' in measure
    assert 'href="../../tiltak/mentorordning/"' in pilot
    assert 'href="../../kommuner/trondheim/"' in pilot
    assert 'href="../../piloter/mentor/"' in municipality


def test_record_page_has_edit_link_to_its_yaml(site_dir: Path) -> None:
    page = (site_dir / "tiltak/mentorordning/index.html").read_text(encoding="utf-8")
    assert "/edit/main/content/measures/mentorordning.yml" in page
    assert "Foreslå en endring" in page


def test_no_external_fonts_and_no_lunr_search(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert not (site_dir / "search").exists()  # Material's lunr index and its worker's data
    assert "md-search" not in home and 'data-md-component="search"' not in home
    assert "navigation.instant" not in home  # it would fetch sitemap.xml on every page


def test_pagefind_index_is_norwegian_and_holds_the_content_pages(site_dir: Path) -> None:
    entry = json.loads((site_dir / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nb"]  # <html lang="nb"> picks the bokmål stemmer
    assert (site_dir / "pagefind/wasm.nb.pagefind").is_file()
    pages = indexed_urls(site_dir)
    for url in ["tiltak/mentorordning/", "piloter/mentor/", "kommuner/trysil/", "ordliste/",
                "tall/", "om/"]:
        assert url in pages, url
    for url in ["", "tiltak/", "tiltak/hefte/", "tiltak/sammenlign/", "404.html"]:
        assert url not in pages, url  # they repeat the measure pages' text
    mentor = pages["tiltak/mentorordning/"]
    assert mentor["meta"] == {"title": "Mentorordning for nyansatte sykepleiere",
                              "kind": "Tiltak"}
    assert mentor["filters"]["type"] == ["Tiltak"]
    assert mentor["filters"]["tiltak"] == ["mentorordning"]
    assert "Rekruttere" in mentor["filters"]["mål"]
    assert "Sykepleiere" in mentor["filters"]["målgruppe"]
    assert pages["piloter/mentor/"]["filters"] == {"type": ["Pilot"]}
    # Only the main content: not the header, navigation, footer or «¶» links.
    assert "Hopp til innhold" not in mentor["content"] and "¶" not in mentor["content"]
    assert "Søk på nettstedet" not in mentor["content"]


def test_404_page_uses_absolute_asset_urls(site_dir: Path) -> None:
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    assert f'href="{BASE_PATH}assets/stylesheets/' in page or "127.0.0.1" in page
    assert 'href="assets/' not in page


def test_export_builds_the_same_site_with_plain_mkdocs(tmp_path: Path, site_dir: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "export"
    site = render_project(Project(root), site_url="https://example.org/tiltakshefte/")
    from generator.output import export

    export(site, Project(root), out)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                             str(out / "mkdocs.yml"), "-d", str(tmp_path / "plain")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert html_files(tmp_path / "plain") == html_files(site_dir)
    plain = (tmp_path / "plain/tiltak/mentorordning/index.html").read_text(encoding="utf-8")
    assert 'id="hvor-det-er-prøvd-og-hva-det-ga"' in plain


def test_heading_anchors_keep_norwegian_letters(site_dir: Path) -> None:
    page = (site_dir / "tiltak/mentorordning/index.html").read_text(encoding="utf-8")
    assert 'id="hvor-det-er-prøvd-og-hva-det-ga"' in page
    assert 'href="#hvor-det-er-prøvd-og-hva-det-ga"' in page  # the table of contents
    ids = re.findall(r'<h[2-6] id="([^"]+)"', page)
    assert ids and all(i == i.lower() and " " not in i for i in ids)


def test_dates_read_as_norwegian_text_wherever_they_are_shown(site_dir: Path) -> None:
    """Sources, «Tall og resultater» and the sources overview give the month in words, with
    the machine-readable date in <time>; no ISO date is shown as text."""
    for page in ("kilder/tfou-2020-7/index.html", "kilder/index.html", "tall/index.html"):
        text = (site_dir / page).read_text(encoding="utf-8")
        assert '<time datetime="2020-06">juni 2020</time>' in text, page
        shown = re.sub(r"<[^>]+>", " ", text)
        assert not re.search(r"\b20\d\d-\d\d\b", shown), page
