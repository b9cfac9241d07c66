"""Page weight at several content sizes: what a phone downloads for a first view.

    python bench/weight.py                       # real content, 500, 2000, 5000 measures
    python bench/weight.py --sizes 500 --no-write

Each site is built (real content, then ``bench/synthetic.py`` content), served on loopback
under a sub-path like GitHub Pages, and opened in Debian's Chromium at 412 × 915 with an
empty cache: every response until the network is idle, text counted gzipped (the same
measuring as the page-weight budget test, tests/pageweight.py). It prints, and writes into
BENCHMARKS.md, the gzip KiB of each page kind's first view, its ratio to the real content's,
what of it is the search index, and the largest HTML page (raw; the target is ≤ 2 MB).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from pageweight import first_view, kib  # noqa: E402
from siteserver import BASE_PATH, CHROMIUM, CHROMIUM_ARGS, SiteServer, free_port  # noqa: E402
from synthetic import generate  # noqa: E402

KINDS = {"forside": "", "tiltaksside": None, "tiltak/": "tiltak/", "kommuner/": "kommuner/"}


def build(project: Path, serve_root: Path, port: int) -> Path:
    """Build ``project`` into ``serve_root`` under the sub-path; return the site folder."""
    site = serve_root / BASE_PATH.strip("/")
    subprocess.run([sys.executable, "-m", "generator", "--project", str(project), "build",
                    "--output", str(site), "--site-url", f"http://127.0.0.1:{port}{BASE_PATH}"],
                   check=True, capture_output=True)
    return site


def measure_page(site: Path) -> str:
    """The measure page with the most HTML."""
    pages = [p for p in (site / "tiltak").glob("*/index.html")
             if 'class="th-facts' in p.read_text(encoding="utf-8")
             and not p.parent.name.startswith(("hefte", "side-", "sammenlign"))]
    return "tiltak/" + max(pages, key=lambda p: p.stat().st_size).parent.name + "/"


def measure_site(browser: object, site: Path, server: SiteServer) -> dict[str, object]:
    """First-view KiB per page kind, the search index's part, and the largest HTML page."""
    weights: dict[str, tuple[float, float]] = {}
    for kind, path in KINDS.items():
        transfers = first_view(browser, server.url + (path if path is not None
                                                      else measure_page(site)))
        index = sum(t.gzip for t in transfers if "search_index" in t.url) / 1024
        weights[kind] = (kib(transfers), index)
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {"weights": weights, "largest": (largest.relative_to(site).as_posix(),
                                            largest.stat().st_size / 1e6),
            "over_2mb": sum(p.stat().st_size > 2e6 for p in pages)}


def run(sizes: list[int]) -> list[tuple[str, dict[str, object]]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-vekt-") as tmp, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in [0, *sizes]:
            project = ROOT if size == 0 else Path(tmp) / f"p{size}"
            if size:
                generate(project, size)
            port = free_port()
            serve_root = Path(tmp) / f"serve{size}"
            site = build(project, serve_root, port)
            with SiteServer(serve_root, port) as server:
                rows.append(("ekte innhold" if size == 0 else f"{size} tiltak",
                             measure_site(browser, site, server)))
            print(f"{rows[-1][0]}: {rows[-1][1]}", flush=True)
        browser.close()
    return rows


def table(rows: list[tuple[str, dict[str, object]]]) -> str:
    """The Markdown table: per kind all KiB / KiB without the search index (the ratio of
    the latter to the real content's), the index, the largest page."""
    head = "| innhold | " + " | ".join(f"{k}: alt / uten søkeindeks (forhold)" for k in KINDS) + \
        " | søkeindeks | største HTML-side | sider over 2 MB |"
    lines = [head, "|---|" + "---:|" * len(KINDS) + "---:|---|---:|"]
    real = rows[0][1]["weights"]
    assert isinstance(real, dict)
    for name, facts in rows:
        weights = facts["weights"]
        assert isinstance(weights, dict)
        cells = []
        for kind in KINDS:
            total, index = weights[kind]
            base = real[kind][0] - real[kind][1]
            cells.append(f"{total:.0f} / {total - index:.0f} KiB ({(total - index) / base:.2f})")
        index = max(w[1] for w in weights.values())
        page, mb = facts["largest"]  # type: ignore[misc]
        lines.append(f"| {name} | " + " | ".join(cells) +
                     f" | {index:.0f} KiB | {page} ({mb:.1f} MB) | {facts['over_2mb']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--no-write", action="store_true", help="ikke skriv BENCHMARKS.md")
    args = parser.parse_args()
    rows = run(args.sizes)
    report = table(rows)
    print(report)
    if not args.no_write:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        start, end = "<!-- weight:start -->", "<!-- weight:end -->"
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        path.write_text(f"{before}{start}\n{report}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
