"""Page-weight budgets on the real build: what a phone downloads for a first view.

Empty cache, 412 × 915, not scrolled; every response the browser gets, text counted gzipped
(see pageweight.py). The budgets are those of the project's issue on page weight; the
benchmark (bench/weight.py) prints the same figures at 500, 2,000 and 5,000 measures.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ROOT, SiteServer
from pageweight import breakdown, first_view, kib, referenced

pytestmark = pytest.mark.browser

BUDGETS_KIB = {"home": 110, "measure": 130, "catalogue": 160, "municipalities": 200}


def heaviest_measure_page(site_dir: Path) -> str:
    """The measure page with the most HTML: the budget holds for every measure page."""
    ids = [m.stem for m in (ROOT / "content" / "measures").glob("*.yml")]
    largest = max(ids, key=lambda i: (site_dir / "tiltak" / i / "index.html").stat().st_size)
    return f"tiltak/{largest}/"


@pytest.mark.parametrize("kind", list(BUDGETS_KIB))
def test_first_view_stays_within_its_budget(browser, built_site: SiteServer, site_dir: Path,
                                            kind: str) -> None:
    path = {"home": "", "catalogue": "tiltak/", "municipalities": "kommuner/",
            "measure": heaviest_measure_page(site_dir) if kind == "measure" else ""}[kind]
    url = built_site.url + path
    transfers = first_view(browser, url)
    loaded = {t.url.split("?")[0] for t in transfers}
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    # Everything the HTML asks for at once is among what was counted.
    for reference in referenced(html):
        assert urljoin(url, reference).split("?")[0] in loaded, reference
    assert kib(transfers) <= BUDGETS_KIB[kind], (
        f"{path or 'forsiden'}: {kib(transfers):.1f} KiB > {BUDGETS_KIB[kind]} KiB\n"
        + breakdown(transfers))
