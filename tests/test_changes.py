"""«Hva er nytt» and the Atom feed: read from git history, valid as Atom 1.0 (RFC 4287)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
from conftest import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_is_atom_1_0_with_the_required_elements(site_dir: Path) -> None:
    data = (site_dir / "feed.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.entries, "strømmen har ingen oppføringer"
    root = ET.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):  # RFC 4287, 4.1.1
        assert root.find(f"{ATOM}{tag}") is not None, tag
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href", "").endswith("/feed.xml")
    ids = set()
    for entry in root.findall(f"{ATOM}entry"):  # RFC 4287, 4.1.2
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.findtext(f"{ATOM}updated")
                            or "")
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").startswith("http://127.0.0.1:")
        ids.add(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(root.findall(f"{ATOM}entry")), "to oppføringer har samme id"


def newest_record_change() -> tuple[str, str]:
    """The newest commit's date and a record file it touched, asked from git here."""
    log = subprocess.run(["git", "log", "--format=@%cd", "--date=format-local:%Y-%m-%d",
                          "--name-only", "--", "content"], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"TZ": "UTC", "PATH": "/usr/bin:/bin"}).stdout
    date = ""
    for line in log.splitlines():
        if line.startswith("@"):
            date = line[1:]
        elif (re.fullmatch(r"content/(measures|pilots|pages|sources)/[\w-]+\.yml", line)
              and (ROOT / line).exists()):
            return date, line
    raise AssertionError("ingen poster i historikken")


def test_the_page_lists_changes_newest_first_from_the_git_history(site_dir: Path) -> None:
    html = (site_dir / "hva-er-nytt" / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<h2 id="endret-(\d{4}-\d\d-\d\d)"', html)
    assert dates and dates == sorted(dates, reverse=True)
    date, path = newest_record_change()
    assert dates[0] == date
    first_day = html[html.index(f'id="endret-{dates[0]}"'):]
    first_day = first_day[:first_day.index("</ul>")]
    assert f"/{Path(path).stem}/" in first_day, path
    assert 'href="../feed.xml"' in html


def test_without_git_history_the_page_says_so_and_the_feed_is_valid(tree, tmp_path: Path
                                                                   ) -> None:
    from generator.cli import main

    project = tree({})  # a folder outside any repository
    assert main(["--project", str(project), "build", "--output", str(tmp_path / "s")]) == 0
    html = (tmp_path / "s" / "hva-er-nytt" / "index.html").read_text(encoding="utf-8")
    assert "Ingen endringer er registrert." in html
    parsed = feedparser.parse((tmp_path / "s" / "feed.xml").read_bytes())
    assert parsed.bozo == 0 and parsed.version == "atom10" and parsed.entries == []
