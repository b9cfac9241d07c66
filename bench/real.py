"""Benchmarks on the real content: validate, build, live reload, and Lighthouse scores.

    python bench/real.py                 # all of it; writes the tables into BENCHMARKS.md
    python bench/real.py --no-lighthouse --no-write

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

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TOOLS = ROOT / "bench" / ".tools"
LIGHTHOUSE_VERSION = "13.5.0"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def median_time(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def live_reload(runs: int) -> float:
    """Seconds from saving a record until `serve` serves the changed page (median)."""
    record = ROOT / "content" / "measures" / "mentorordning.yml"
    original = record.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([PY, "-m", "generator", "serve", "--port", str(port)], cwd=ROOT,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/tiltak/mentorordning/"
    latencies = []
    try:
        _wait(lambda: "Mentorordning" in fetch(url), 120)
        for run in range(runs):
            marker = f"Målemerke {run} {time.time()}"
            record.write_text(original.replace("name: Mentorordning",
                                               f"name: Mentorordning {marker}", 1), "utf-8")
            start = time.perf_counter()
            _wait(lambda m=marker: m in fetch(url), 60)
            latencies.append(time.perf_counter() - start)
            time.sleep(1)
    finally:
        record.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(latencies)


def _wait(predicate, timeout: float) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
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
        httpd = _QuietServer(("127.0.0.1", port), handler)
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


class _QuietServer(http.server.ThreadingHTTPServer):
    """Leaves out the tracebacks of requests the browser gave up (it moved on to the next
    page while a file was still being sent)."""

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


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
    with tempfile.TemporaryDirectory() as tmp:
        build = median_time([PY, "-m", "generator", "build", "--output", f"{tmp}/site"],
                            max(1, args.runs // 2))
    facts = {
        "validate": validate_in_process(args.runs),
        "build": build,
        "reload": live_reload(args.runs),
    }
    lines = [
        "| måling | median | mål |", "|---|---:|---:|",
        f"| validering av alt innhold (i prosessen) | {facts['validate']:.3f} s | ≤ 1 s |",
        f"| full bygging (`tiltakshefte build`) | {facts['build']:.2f} s | – |",
        f"| live reload i `serve` etter lagring av én post | {facts['reload']:.2f} s | ≤ 2 s |",
    ]
    if not args.no_lighthouse:
        scores, (offset, where) = lighthouse({
            "forside": "", "tiltaksside": "tiltak/mentorordning/",
            "tyngste diagramside (`tall/`)": "tall/",
            "samme side, åpnet ved første diagram": "tall/#{first_chart}"})
        lines += ["", "| side (mobil) | ytelse | tilgjengelighet | beste praksis | SEO |",
                  "|---|---:|---:|---:|---:|"]
        for name, score in scores.items():
            lines.append(f"| {name} | {score['performance']} | {score['accessibility']} | "
                         f"{score['best-practices']} | {score['seo']} |")
        lines += ["", f"Første diagram står høyest på `{where}`: {offset:.0f} px fra toppen av "
                  "en mobilskjerm på 412 × 823 px (sidene med diagrammer, lastet uten anker)."]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        before, _, rest = text.partition("<!-- real:start -->")
        _, _, after = rest.partition("<!-- real:end -->")
        path.write_text(f"{before}<!-- real:start -->\n{report}<!-- real:end -->{after}", "utf-8")


if __name__ == "__main__":
    main()
