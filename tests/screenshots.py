"""The screenshot gallery: a PNG of every page kind at phone and desk width, light and dark.

Run with ``make screenshots``. It builds the real site, serves it under a sub-path like GitHub
Pages, and writes ``screenshots/<kind>-<width>-<lys|mork>.png`` plus ``screenshots/index.html``
to look through them. The pull-request check uploads the folder, so a reviewer can see what a
change does to the pages without building anything.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
from pathlib import Path

from pagekinds import PAGE_KINDS, SCHEMES, VIEWPORTS
from playwright.sync_api import Page, sync_playwright
from siteserver import BASE_PATH, CHROMIUM, CHROMIUM_ARGS, SiteServer, free_port

ROOT = Path(__file__).resolve().parent.parent
# Long pages (the whole booklet) are cut here; the top of a page is what a reviewer compares.
MAX_HEIGHT = 5000


def build_site(serve_root: Path, port: int, engine: str = "mkdocs") -> None:
    """Build the real site with ``engine`` into ``serve_root`` under the sub-path, for
    ``port``."""
    from generator.cli import main

    code = main(["--project", str(ROOT), "build", "--engine", engine, "--output",
                 str(serve_root / BASE_PATH.strip("/")),
                 "--site-url", f"http://127.0.0.1:{port}{BASE_PATH}"])
    if code != 0:
        raise SystemExit(code)


def capture(tab: Page, url: str, target: Path) -> None:
    """Open ``url`` and save the page (up to MAX_HEIGHT px) as ``target``."""
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    draw_charts(tab)
    height = min(int(tab.evaluate("document.documentElement.scrollHeight")), MAX_HEIGHT)
    width = int(tab.evaluate("document.documentElement.clientWidth"))
    tab.screenshot(path=str(target), full_page=True,
                   clip={"x": 0, "y": 0, "width": width, "height": height})


def draw_charts(tab: Page) -> None:
    """Bring each chart in the pictured part of the page to the screen and wait until it is
    drawn: charts are drawn only when a reader scrolls to them, and a full-page picture does
    not scroll. A chart drawn only on request (the interactive map) keeps its static picture."""
    charts = tab.locator("[data-chart]:not([data-chart-on-demand])")
    for index in range(charts.count()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        if box is None or box["y"] > MAX_HEIGHT:
            continue
        chart.scroll_into_view_if_needed()
        chart.locator(".th-chart__plot[data-rendered=yes]").wait_for(state="attached")
    tab.evaluate("window.scrollTo(0, 0)")


def write_index(folder: Path, names: list[tuple[str, list[str]]]) -> None:
    """A plain HTML page that shows the pictures, one page kind per row."""
    rows = []
    for kind, files in names:
        cells = "".join(f'<figure><a href="{f}"><img src="{f}" alt="{html.escape(f)}" '
                        f'loading="lazy"></a><figcaption>{html.escape(f)}</figcaption></figure>'
                        for f in files)
        rows.append(f"<section><h2>{html.escape(kind)}</h2><div>{cells}</div></section>")
    folder.joinpath("index.html").write_text(
        '<!doctype html><html lang="nb"><meta charset="utf-8"><title>Skjermbilder</title>'
        "<style>body{font-family:sans-serif;margin:1rem}div{display:flex;gap:1rem;"
        "align-items:flex-start;overflow-x:auto}figure{margin:0}img{width:220px;"
        "border:1px solid #999}figcaption{font-size:12px}</style>"
        f"<h1>Skjermbilder av tiltaksheftet</h1>{''.join(rows)}</html>\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Write the gallery; print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--widths", default="412,1280",
                        help="kommaseparerte bredder blant " + ", ".join(VIEWPORTS))
    parser.add_argument("--kinds", default=",".join(PAGE_KINDS),
                        help="kommaseparerte sidetyper blant " + ", ".join(PAGE_KINDS))
    parser.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                        help="motoren som bygger nettstedet")
    args = parser.parse_args(argv)
    widths = args.widths.split(",")
    kinds = {kind: PAGE_KINDS[kind] for kind in args.kinds.split(",")}
    args.output.mkdir(parents=True, exist_ok=True)
    for old in args.output.glob("*.png"):
        old.unlink()
    port = free_port()
    names: list[tuple[str, list[str]]] = [(kind, []) for kind in kinds]
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-skjermbilder-") as tmp:
        build_site(Path(tmp), port, args.engine)
        with SiteServer(Path(tmp), port) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in widths:
                for scheme_name, scheme in SCHEMES.items():
                    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
                    tab = context.new_page()
                    for index, (kind, path) in enumerate(kinds.items()):
                        name = f"{kind}-{width}-{scheme_name}.png"
                        capture(tab, server.url + path, args.output / name)
                        names[index][1].append(name)
                    context.close()
            browser.close()
    write_index(args.output, names)
    print(f"{sum(len(files) for _, files in names)} skjermbilder i {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
