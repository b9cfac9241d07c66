"""Pages taken from the last build (``serve``) are the pages a fresh render gives.

``serve`` keeps a cache of loaded files and of rendered pages between builds and renders
again only the pages whose reads of the site give something new (``generator/pagecache.py``).
These tests edit every kind of record in a copy of the real project, one after another as an
editor would, and after each edit compare every page and open-data file with a render that
starts from nothing.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from generator.content import LoadCache
from generator.output import SiteOutput, render_project
from generator.pagecache import PageCache, same
from generator.pipeline import Project


def render(root: Path, cache: LoadCache | None = None,
           pages: PageCache | None = None) -> SiteOutput:
    return render_project(Project(root), strict=False, site_url="https://example.org/t/",
                          cache=cache, page_cache=pages)


def texts(output: SiteOutput) -> dict[str, str]:
    return {page.doc: page.text() for page in output.pages} | output.extra_files


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Session:
    """A project being edited, rendered with caches kept as ``serve`` keeps them."""

    def __init__(self, root: Path) -> None:
        self.root, self.cache, self.pages = root, LoadCache(), PageCache()
        self.last = texts(render(root, self.cache, self.pages))

    def check(self) -> int:
        """Render with the caches; assert it equals a fresh render; return pages rendered."""
        cached = texts(render(self.root, self.cache, self.pages))
        fresh = texts(render(self.root))
        assert cached.keys() == fresh.keys()
        wrong = [doc for doc in fresh if cached[doc] != fresh[doc]]
        assert wrong == [], f"utdaterte sider fra hurtigbufferen: {wrong}"
        self.last = cached
        return self.pages.rendered


# (file, old text, new text): every kind of record, and the edits that move back-links.
EDITS = [
    ("content/measures/mentorordning.yml", "name: Mentorordning", "name: Mentorordning Ny"),
    ("content/measures/mentorordning.yml", "description: |\n", "description: |\n  Nytt.\n\n"),
    ("content/pilots/hedmark.yml", "  - measure: mentorordning", "  - measure: fadderordning"),
    ("content/pilots/salten.yml", "name: ", "name: Endret "),
    ("content/municipalities/trondheim.yml", "name: Trondheim\n", "name: Trondhjem\n"),
    ("content/municipalities/trondheim.yml", "latitude: 63.43049", "latitude: 63.5"),
    ("content/sources/tfou-2020-7.yml", "title: \"Jobbvinner:", "title: \"Endret:"),
    ("content/organisations/ntnu.yml", "name: NTNU", "name: NTNU Endret"),
    ("content/datasets/mentor-mentorer.yml", "values: [12, 5, 4]", "values: [12, 6, 4]"),
    ("content/datasets/mentor-mentorer.yml", "summary: \"Av 12", "summary: \"Av tolv"),
    ("content/terms/arsverk.yml", "term: Årsverk", "term: Årsverket"),
    ("content/pages/jobbvinner.yml", "title: Om Jobbvinner", "title: Om programmet"),
]


def test_each_kind_of_edit_gives_what_a_fresh_render_gives(real_copy: Path) -> None:
    session = Session(real_copy)
    kept = len(session.pages.entries)  # pages, and the parts of pages kept on their own
    assert session.check() == 0, "en lagring uten endring laget sider på nytt"
    rendered = {}
    for name, old, new in EDITS:
        edit(real_copy, name, old, new)
        rendered[name, old] = session.check()
    assert all(rendered.values()), rendered
    # A measure's name is on 30 pages; the other pages, and the other measures' sections of
    # the booklet and of the pilot pages, are taken from the cache.
    assert rendered[EDITS[0][:2]] < kept / 4, rendered


def test_records_added_and_removed(real_copy: Path) -> None:
    session = Session(real_copy)
    new = real_copy / "content/measures/velkomstbrev.yml"
    text = (real_copy / "content/measures/velkomstpakke.yml").read_text(encoding="utf-8")
    text = text.replace("name: Velkomstpakke", "name: Velkomstbrev", 1)
    new.write_text(text.replace("id: velkomstpakke", "id: velkomstbrev", 1), encoding="utf-8")
    session.check()
    assert "tiltak/velkomstbrev.md" in session.last
    new.unlink()
    session.check()
    assert "tiltak/velkomstbrev.md" not in session.last


def test_names_and_titles_of_random_records(real_copy: Path) -> None:
    """The field most pages show of other records, in a sample of every kind."""
    files = sorted(p for p in (real_copy / "content").rglob("*.yml"))
    session = Session(real_copy)
    for path in random.Random(7).sample(files, 12):
        text = path.read_text(encoding="utf-8")
        line = re.search(r"^(name|title|term): (?![|>]).*$", text, re.M)
        assert line, path
        new = f'{line.group(1)}: "Endret {path.stem}"'
        path.write_text(text[:line.start()] + new + text[line.end():], encoding="utf-8")
        session.check()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a", "a", True), (1, 1.0, False), ([1, "x"], [1, "x"], True), ((1,), [1], False),
    ({"k": [1]}, {"k": [1]}, True), ({"k": 1}, {"j": 1}, False), (object(), object(), False),
])
def test_same_compares_values_and_identity(old: object, new: object, expected: bool) -> None:
    assert same(old, new) is expected
