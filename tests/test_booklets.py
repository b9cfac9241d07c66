"""The booklet by aim: every measure in each of its aims' booklets, long booklets in parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from generator import booklets, vocab
from generator.pipeline import Project, load_project


def test_each_aim_has_its_booklet_split_into_parts_of_at_most_part_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    site = load_project(Project(ROOT))[1]
    monkeypatch.setattr(booklets, "PART_SIZE", 10)
    parts = booklets.booklet_parts(site)
    assert not booklets.whole_booklet(site)
    for aim in vocab.AIMS:
        wanted = [m.id for m in site.measures() if aim in m.aims]
        mine = [p for p in parts if p.aim == aim]
        assert [m.id for p in mine for m in p.measures] == wanted
        assert all(0 < len(p.measures) <= 10 for p in mine)
        assert [p.number for p in mine] == list(range(1, len(mine) + 1))
        if len(mine) > 1:
            assert mine[1].doc == f"tiltak/hefte-{aim}-2.md"
            assert mine[1].title.endswith(f"del 2 av {len(mine)}")


def test_the_built_booklets_hold_their_aims_measures_and_link_each_other(
        site_dir: Path) -> None:
    site = load_project(Project(ROOT))[1]
    whole = (site_dir / "tiltak/hefte/index.html").read_text(encoding="utf-8")
    assert whole.count('class="th-booklet-measure"') == len(site.measures())
    for aim, label in vocab.AIMS.items():
        wanted = sorted(m.id for m in site.measures() if aim in m.aims)
        if not wanted:
            continue
        page = (site_dir / f"tiltak/hefte-{aim}/index.html").read_text(encoding="utf-8")
        found = re.findall(r'<h2 id="([^"]+)" class="th-booklet-measure"', page)
        assert sorted(found) == wanted, aim
        assert f">Tiltakshefte: {label}<a class=\"headerlink\"" in page
        assert f'<a href="../hefte-{aim}/">{label}</a> <small>({len(wanted)} tiltak)' in whole
