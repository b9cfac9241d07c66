"""Benchmarks of the site search (Pagefind): bytes per search, the index step, first results.

    python bench/search.py                      # the real content
    python bench/search.py --sizes 500 2000     # and synthetic content (bench/synthetic.py)

Prints, for each site:

* the bytes a reader's browser fetches for the first search on a page (Pagefind's script,
  its wasm, the index chunks and the shown results' fragments) and for each later search,
  as Chromium counts them on the wire (served gzip-compressed, as GitHub Pages does);
* the Pagefind step's share of a full ``tiltakshefte build`` (the step timed alone on the
  same built site, median of the runs);
* the time from the reader's last key to the first results, throttled like a slow phone
  (1.6 Mbit/s, 150 ms round trip, CPU × 4, through the DevTools protocol), empty cache,
  median of three page loads. It includes the search's own wait for more keys (90 ms).

Figures only, no pass or fail: BENCHMARKS.md holds them with the targets.
"""

from __future__ import annotations

import argparse
import functools
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real import ENV, _GzipHandler  # noqa: E402
from siteserver import CHROMIUM, CHROMIUM_ARGS, QuietServer, free_port  # noqa: E402
from synthetic import generate  # noqa: E402

from generator.search_index import index_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BASE = "/tiltakshefte/"
REAL_QUERIES = ["mentor", "rekruttere sykepleiere", "Trysil", "lærlingen", "heltid"]
SYNTHETIC_QUERIES = ["mentor", "rekruttere sykepleier", "turnus", "lærling", "heltid"]
SLOW_PHONE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
              "uploadThroughput": 750_000 / 8}


def child_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and child CPU seconds of ``run()``."""
    start, cpu = time.perf_counter(), child_cpu()
    run()
    return time.perf_counter() - start, child_cpu() - cpu


def build(project: Path, out: Path, url: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``tiltakshefte build`` of ``project`` into ``out``."""
    return timed(lambda: subprocess.run(
        [PY, "-m", "generator", "--project", str(project), "build", "--output", str(out),
         "--site-url", url], env=ENV, check=True, capture_output=True))


def index_seconds(site: Path, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the Pagefind step alone on the built ``site``."""
    return timed(lambda: index_site(site, work / "pagefind-alone"))


class Wire:
    """Bytes on the wire for a page's requests, its workers' included (Pagefind fetches its
    index from a worker), as Chromium reports them: encoded body plus headers."""

    def __init__(self, context: Any) -> None:
        self.finished: list[Any] = []
        context.on("requestfinished", lambda request: self.finished.append(request))

    def total(self) -> int:
        """Bytes of every request finished so far."""
        sizes = [request.sizes() for request in self.finished]
        return sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)


def searched(page: Any, query: str) -> None:
    """Type ``query`` into the header search and wait until its results are drawn."""
    field = page.locator("#th-search-q")
    field.fill("")
    field.press_sequentially(query, delay=60)
    page.wait_for_function("q => document.querySelector('#th-search-panel').dataset.query === q",
                           arg=f":{query}", timeout=120_000)
    page.wait_for_load_state("networkidle")


def search_bytes(browser: Any, base: str, queries: list[str]) -> tuple[int, list[int]]:
    """Bytes of the first search on a page, and of each later one."""
    context = browser.new_context()
    wire = Wire(context)
    page = context.new_page()
    page.goto(base + "om/")
    page.wait_for_load_state("networkidle")
    found = []
    for query in queries:
        before = wire.total()
        searched(page, query)
        found.append(wire.total() - before)
    context.close()
    return found[0], found[1:]


def first_results_ms(browser: Any, base: str, query: str) -> float:
    """Milliseconds from the last key to the drawn results, throttled, empty cache."""
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", SLOW_PHONE)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base + "om/", timeout=180_000)
    page.wait_for_load_state("networkidle", timeout=180_000)
    page.evaluate("""() => {
        const field = document.querySelector('#th-search-q');
        field.addEventListener('input', () => { window.__lastKey = performance.now(); });
        new MutationObserver(() => {
            if (document.querySelector('#th-search-panel').dataset.query)
                window.__drawn = window.__drawn || performance.now();
        }).observe(document.querySelector('#th-search-panel'), {attributes: true});
    }""")
    page.locator("#th-search-q").press_sequentially(query, delay=150)
    page.wait_for_function("() => window.__drawn", timeout=180_000)
    elapsed = float(page.evaluate("window.__drawn - window.__lastKey"))
    context.close()
    return elapsed


def measure_site(project: Path, queries: list[str], runs: int, work: Path) -> dict[str, Any]:
    """Every figure for one project."""
    from playwright.sync_api import sync_playwright

    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    serve_root = work / "serve"
    site = serve_root / BASE.strip("/")
    url = f"http://127.0.0.1:{port}{BASE}"
    builds, steps = [], []
    for _ in range(runs):
        builds.append(build(project, site, url))
        steps.append(index_seconds(site, work))
    handler = functools.partial(_GzipHandler, directory=str(serve_root))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            first, later = search_bytes(browser, url, queries)
            timings = [first_results_ms(browser, url, queries[0]) for _ in range(3)]
            browser.close()
    finally:
        server.shutdown()
    pages = len(list((site / "pagefind" / "fragment").iterdir()))
    return {"pages": pages, "build": statistics.median(b[0] for b in builds),
            "index": statistics.median(s[0] for s in steps),
            "share": statistics.median(s[0] / b[0] for s, b in zip(steps, builds, strict=True)),
            "cpu_share": statistics.median(s[1] / b[1] for s, b in zip(steps, builds,
                                                                         strict=True)),
            "first_kib": first / 1024, "later_kib": [b / 1024 for b in later],
            "first_results_ms": statistics.median(timings), "timings": timings}


def report(name: str, facts: dict[str, Any]) -> str:
    """One Markdown table row."""
    later = facts["later_kib"]
    return (f"| {name} | {facts['pages']} | {facts['first_kib']:.0f} KiB | "
            f"{statistics.median(later):.0f} KiB (maks {max(later):.0f}) | "
            f"{facts['index']:.2f} s av {facts['build']:.2f} s ({100 * facts['share']:.1f} %; "
            f"CPU-tid {100 * facts['cpu_share']:.1f} %) | "
            f"{facts['first_results_ms'] / 1000:.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-real", action="store_true")
    args = parser.parse_args()
    print("| innhold | sider i indeksen | første søk | senere søk (median) | Pagefind-steget "
          "av full bygging | første treff, treg mobil |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-search-bench-") as tmp:
        work = Path(tmp)
        if not args.no_real:
            print(report("ekte innhold", measure_site(ROOT, REAL_QUERIES, args.runs, work)),
                  flush=True)
        for size in args.sizes:
            project = work / f"p{size}"
            generate(project, size)
            facts = measure_site(project, SYNTHETIC_QUERIES, args.runs, work / f"w{size}")
            print(report(f"{size} tiltak (syntetisk)", facts), flush=True)


if __name__ == "__main__":
    main()
