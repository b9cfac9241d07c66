"""Benchmarks on the real content: validate, build, live reload, and Lighthouse scores.

    python bench/real.py                 # all of it; writes the tables into BENCHMARKS.md
    python bench/real.py --no-lighthouse --no-write

The build is timed against a plain ``mkdocs build`` of ``tiltakshefte export``, and live
reload against the full build, in the same run (the runs alternate), so that the ratios
hold on a busy machine too. Live reload is the time from saving a record until ``serve``
sends the changed page; ``serve`` holds every request while it rebuilds, so that is when
the rebuild is done.

Lighthouse comes from npm (installed on first use into bench/.tools/) and runs in
Debian's Chromium (CHROME_PATH=/usr/bin/chromium), mobile preset, against the built
site served on loopback at its site_url origin.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from siteserver import QuietServer, free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TOOLS = ROOT / "bench" / ".tools"
LIGHTHOUSE_VERSION = "13.5.0"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def seconds(command: list[str]) -> float:
    """Wall time of one run of ``command``."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def builds_and_reloads(runs: int) -> dict[str, float]:
    """Median seconds of ``tiltakshefte build``, plain ``mkdocs build`` of the export and live
    reload after each edit, measured by turns in each round so that a change in the
    machine's load touches them all alike."""
    times: dict[str, list[float]] = {"build": [], "plain": [], **{name: [] for name in EDITS}}
    with tempfile.TemporaryDirectory() as tmp, _Serve() as serve:
        export = Path(tmp) / "export"
        subprocess.run([PY, "-m", "generator", "export", str(export)], cwd=ROOT, env=ENV,
                       check=True, capture_output=True)
        for run in range(runs):
            times["build"].append(seconds([PY, "-m", "generator", "build", "--output",
                                           f"{tmp}/site"]))
            times["plain"].append(seconds([PY, "-m", "mkdocs", "build", "--quiet", "-f",
                                           str(export / "mkdocs.yml"), "-d", f"{tmp}/plain"]))
            for name in EDITS:
                times[name].append(serve.reload(name, run))
    return {name: statistics.median(values) for name, values in times.items()}


def core_in_process(runs: int) -> float:
    """Median seconds of our core alone (load, validate, resolve, render, open data)."""
    code = ("import time; from pathlib import Path\n"
            "from generator.output import render_project\n"
            "from generator.pipeline import Project\n"
            "ts = []\n"
            f"for _ in range({runs}):\n"
            "    t = time.perf_counter(); render_project(Project(Path('.'))); "
            "ts.append(time.perf_counter() - t)\n"
            "ts.sort(); print(ts[len(ts) // 2])\n")
    out = subprocess.run([PY, "-c", code], cwd=ROOT, env=ENV, check=True, capture_output=True,
                         text=True).stdout
    return float(out)


def validate_in_process(runs: int) -> float:
    code = ("import time, sys; from pathlib import Path\n"
            "from generator.pipeline import Project, check_content\n"
            "ts = []\n"
            f"for _ in range({runs}):\n"
            "    t = time.perf_counter(); check_content(Project(Path('.'))); "
            "ts.append(time.perf_counter() - t)\n"
            "ts.sort(); print(ts[len(ts) // 2])\n")
    out = subprocess.run([PY, "-c", code], cwd=ROOT, env=ENV, check=True, capture_output=True,
                         text=True).stdout
    return float(out)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


# Two edits of one record: a new paragraph in its description (the record's page and the
# booklet change), and its name (shown on 30 pages: overviews, links from pilots, municipalities,
# sources and related measures).
EDITS = {
    "text": ("description: |\n", "description: |\n  {marker}.\n\n"),
    "name": ("name: Mentorordning", "name: Mentorordning {marker}"),
}


class _Serve:
    """``tiltakshefte serve`` on the real project, and the time it takes to show an edit."""

    record = ROOT / "content" / "measures" / "mentorordning.yml"

    def __enter__(self) -> _Serve:
        self.original = self.record.read_text(encoding="utf-8")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/tiltak/mentorordning/"
        self.server = subprocess.Popen([PY, "-m", "generator", "serve", "--port", str(port)],
                                       cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        _wait(lambda: "Mentorordning" in fetch(self.url), 300)
        return self

    def reload(self, edit: str, run: int) -> float:
        """Seconds from saving the record with ``edit`` until serve sends the changed page."""
        old, new = EDITS[edit]
        marker = f"Målemerke {edit} {run} {time.time()}"
        assert old in self.original
        self.record.write_text(self.original.replace(old, new.format(marker=marker), 1), "utf-8")
        start = time.perf_counter()
        _wait(lambda: marker in fetch(self.url), 120)
        latency = time.perf_counter() - start
        # Back to the original (not timed), so that each timed edit changes only its own pages.
        self.record.write_text(self.original, encoding="utf-8")
        _wait(lambda: marker not in fetch(self.url), 120)
        time.sleep(0.5)
        return latency

    def __exit__(self, *exc: object) -> None:
        self.record.write_text(self.original, encoding="utf-8")
        self.server.terminate()
        self.server.wait(timeout=30)


def _wait(predicate, timeout: float) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)  # small beside the times measured
    raise TimeoutError("ventet for lenge")


def lighthouse(pages: dict[str, str]) -> tuple[dict[str, dict[str, int]], tuple[float, str]]:
    """Lighthouse (mobile) scores for each page, served at the site_url origin, and how far
    down a phone screen the first chart stands on the page where it stands highest."""
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, capture_output=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tiltakshefte"
        subprocess.run([PY, "-m", "generator", "build", "--output", str(out), "--site-url",
                        f"http://127.0.0.1:{port}/tiltakshefte/"], cwd=ROOT, env=ENV, check=True,
                       capture_output=True)
        # The anchor of the first chart on «Tall og resultater», for a load with a chart in view.
        numbers = (out / "tall" / "index.html").read_text(encoding="utf-8")
        first_chart = re.search(r'<h3 id="(datasett-[^"]+)"', numbers)
        assert first_chart, "fant ingen diagramseksjon på «Tall og resultater»"
        handler = functools.partial(_GzipHandler, directory=tmp)
        httpd = QuietServer(("127.0.0.1", port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        scores = {}
        base = f"http://127.0.0.1:{port}/tiltakshefte/"
        try:
            for name, path in pages.items():
                path = path.format(first_chart=first_chart.group(1))
                scores[name] = _run_lighthouse(binary, base + path)
            highest = _highest_first_chart(base, out)
        finally:
            httpd.shutdown()
    return scores, highest


def _highest_first_chart(base: str, site: Path) -> tuple[float, str]:
    """The smallest distance from the top of a 412 × 823 phone screen (Lighthouse's mobile
    viewport) to a page's first chart, over every page with charts, and that page."""
    from playwright.sync_api import sync_playwright

    paths = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if "data-chart=" in p.read_text(encoding="utf-8"))
    offsets = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 412, "height": 823})
        for path in paths:
            page.goto(base + path.removeprefix("./"), wait_until="load")
            top = page.evaluate(
                "document.querySelector('[data-chart]').getBoundingClientRect().top")
            offsets.append((float(top), path))
        browser.close()
    return min(offsets)


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        import gzip
        import io

        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def _run_lighthouse(binary: Path, url: str) -> dict[str, int]:
    env = dict(ENV, CHROME_PATH="/usr/bin/chromium")
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking"
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-flags={flags}"],
        env=env, check=True, capture_output=True, text=True, timeout=300)
    categories = json.loads(result.stdout)["categories"]
    return {name: round(100 * (c["score"] or 0)) for name, c in categories.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    validate = validate_in_process(args.runs)
    core = core_in_process(args.runs)
    times = builds_and_reloads(args.runs)
    build, plain = times["build"], times["plain"]
    lines = [
        f"Medianer av {args.runs} runder; i hver runde kjøres bygging, ren MkDocs og de to "
        "redigeringene etter hverandre.",
        "",
        "| måling | median | forhold | mål |", "|---|---:|---:|---:|",
        f"| validering av alt innhold (i prosessen) | {validate:.3f} s | – | ≤ 1 s |",
        f"| kjernen: lese, validere, koble, lage sider og åpne data (i prosessen) "
        f"| {core:.2f} s | – | – |",
        f"| full bygging (`tiltakshefte build`) | {build:.2f} s | – | – |",
        f"| ren `mkdocs build` av `tiltakshefte export` | {plain:.2f} s | – | – |",
        f"| bygging mot ren MkDocs | – | {build / plain:.2f} × | ≤ 1,15 × |",
        f"| live reload etter lagring av én post: nytt avsnitt i beskrivelsen "
        f"| {times['text']:.2f} s | {times['text'] / build:.0%} av full bygging | ≤ 25 % |",
        f"| live reload etter lagring av én post: navnet (30 sider) | {times['name']:.2f} s "
        f"| {times['name'] / build:.0%} av full bygging | ≤ 25 % |",
    ]
    path = ROOT / "BENCHMARKS.md"
    if args.no_lighthouse:
        lines += _previous_lighthouse(path.read_text(encoding="utf-8"))
    else:
        lines += _lighthouse_lines()
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        text = path.read_text(encoding="utf-8")
        before, _, rest = text.partition("<!-- real:start -->")
        _, _, after = rest.partition("<!-- real:end -->")
        path.write_text(f"{before}<!-- real:start -->\n{report}<!-- real:end -->{after}", "utf-8")


def _lighthouse_lines() -> list[str]:
    scores, (offset, where) = lighthouse({
        "forside": "", "tiltaksside": "tiltak/mentorordning/",
        "tyngste diagramside (`tall/`)": "tall/",
        "samme side, åpnet ved første diagram": "tall/#{first_chart}"})
    lines = ["", "| side (mobil) | ytelse | tilgjengelighet | beste praksis | SEO |",
             "|---|---:|---:|---:|---:|"]
    for name, score in scores.items():
        lines.append(f"| {name} | {score['performance']} | {score['accessibility']} | "
                     f"{score['best-practices']} | {score['seo']} |")
    return lines + ["", f"Første diagram står høyest på `{where}`: {offset:.0f} px fra toppen av "
                    "en mobilskjerm på 412 × 823 px (sidene med diagrammer, lastet uten anker)."]


def _previous_lighthouse(text: str) -> list[str]:
    """The Lighthouse part of the table already in BENCHMARKS.md (kept with --no-lighthouse)."""
    block = text.partition("<!-- real:start -->")[2].partition("<!-- real:end -->")[0]
    start = block.find("| side (mobil)")
    return ["", *block[start:].rstrip("\n").split("\n")] if start >= 0 else []


if __name__ == "__main__":
    main()
