"""Lighthouse mobile performance of our pages against stock Material on the same content.

    python bench/lighthouse.py               # home, a measure page and tiltak/, 3 runs each
    python bench/lighthouse.py --pages tiltak/ --runs 3

The real site is built with ``tiltakshefte build``; the same pages in stock Material for
MkDocs come from ``tiltakshefte export`` built by plain MkDocs without our theme folder,
style sheet and scripts (the content is the same HTML). Both are served gzipped at the same
origin, and each page is measured alternately in the two sites, three times; the table
shows medians of the score, Largest Contentful Paint and Total Blocking Time. Lighthouse
comes from npm (bench/.tools/) and runs in Debian's Chromium (CHROME_PATH=/usr/bin/chromium).
"""

from __future__ import annotations

import functools
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from real import ENV, LIGHTHOUSE_VERSION, PY, TOOLS, _GzipHandler  # noqa: E402
from siteserver import QuietServer, free_port  # noqa: E402

PAGES = {"forside": "", "tiltaksside": "tiltak/mentorordning/", "tiltak/": "tiltak/"}
RUNS = 3


def build_both(tmp: Path, port: int) -> None:
    """Our site at tmp/ours/tiltakshefte, stock Material at tmp/stock/tiltakshefte."""
    url = f"http://127.0.0.1:{port}/tiltakshefte/"
    subprocess.run([PY, "-m", "generator", "build", "--output", str(tmp / "ours/tiltakshefte"),
                    "--site-url", url], cwd=ROOT, env=ENV, check=True, capture_output=True)
    export = tmp / "export"
    subprocess.run([PY, "-m", "generator", "export", str(export), "--site-url", url], cwd=ROOT,
                   env=ENV, check=True, capture_output=True)
    settings_file = export / "mkdocs.yml"
    text = settings_file.read_text(encoding="utf-8")
    settings = yaml.load(text, Loader=yaml.UnsafeLoader)  # the file holds a slugify object
    settings["theme"].pop("custom_dir", None)
    settings.pop("extra_css", None)
    settings.pop("extra_javascript", None)
    settings["plugins"] = ["search"]
    settings["strict"] = False
    stock = export / "stock.yml"
    stock.write_text(yaml.dump(settings, allow_unicode=True), encoding="utf-8")
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(stock), "-d",
                    str(tmp / "stock/tiltakshefte")], cwd=export, env=ENV, check=True,
                   capture_output=True)


def run_lighthouse(url: str) -> tuple[float, float, float]:
    """(performance score, LCP in s, TBT in ms) of one mobile Lighthouse run."""
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking"
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance", f"--chrome-flags={flags}"],
        env=dict(ENV, CHROME_PATH="/usr/bin/chromium"), check=True, capture_output=True,
        text=True, timeout=300)
    report = json.loads(result.stdout)
    audits = report["audits"]
    return (100 * (report["categories"]["performance"]["score"] or 0),
            audits["largest-contentful-paint"]["numericValue"] / 1000,
            audits["total-blocking-time"]["numericValue"])


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    pages = {name: PAGES[name] for name in args.pages}
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, capture_output=True)
    port = free_port()
    results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        build_both(Path(tmp), port)
        for _ in range(args.runs):
            for name, path in pages.items():
                for site in ("ours", "stock"):
                    handler = functools.partial(_GzipHandler, directory=str(Path(tmp) / site))
                    httpd = QuietServer(("127.0.0.1", port), handler)
                    threading.Thread(target=httpd.serve_forever, daemon=True).start()
                    try:
                        url = f"http://127.0.0.1:{port}/tiltakshefte/{path}"
                        results.setdefault((name, site), []).append(run_lighthouse(url))
                    finally:
                        httpd.shutdown()
                        httpd.server_close()
    print("| side | ytelse (vår / Material) | LCP (vår / Material) | TBT (vår / Material) |")
    print("|---|---:|---:|---:|")
    for name in pages:
        ours = [statistics.median(v) for v in zip(*results[(name, "ours")], strict=True)]
        stock = [statistics.median(v) for v in zip(*results[(name, "stock")], strict=True)]
        print(f"| {name} | {ours[0]:.0f} / {stock[0]:.0f} | {ours[1]:.2f} s / {stock[1]:.2f} s |"
              f" {ours[2]:.0f} ms / {stock[2]:.0f} ms |")


if __name__ == "__main__":
    main()
