"""Benchmarks: build cost at several content sizes, against plain MkDocs on the same pages.

    python bench/run.py                      # sizes 500, 2000, 5000; writes BENCHMARKS.md
    python bench/run.py --sizes 20 --runs 1 --no-write   # a quick smoke run

Each step runs in a fresh process (so peak memory is that step's own), several times;
the tables show medians. Ratios compare steps measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
    "t = time.perf_counter() - t\n"
    "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Run ``command`` in a fresh wrapper; return wall seconds and its peak memory in MiB."""
    out = subprocess.run([PY, "-c", WRAPPER, *command], cwd=cwd, env=ENV, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) // 1024


def core_times(project: Path) -> dict[str, float]:
    """Validate and render times, measured inside one process."""
    code = (
        "import time, json, sys; from pathlib import Path\n"
        "from generator.pipeline import Project, check_content\n"
        "from generator.output import render_project\n"
        "p = Project(Path(sys.argv[1]))\n"
        "t = time.perf_counter(); check_content(p); v = time.perf_counter() - t\n"
        "t = time.perf_counter(); render_project(p); r = time.perf_counter() - t - v\n"
        "print(json.dumps({'validate': v, 'render': r}))\n"
    )
    out = subprocess.run([PY, "-c", code, str(project)], env=ENV, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out))


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def page_weight(site: Path, page: str) -> dict[str, int]:
    """Gzipped bytes of the JavaScript and CSS one page loads (Plotly counted when used)."""
    html = (site / page).read_text(encoding="utf-8")
    base = (site / page).parent
    js = css = 0
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
        js += gz((base / src.split("?")[0]).resolve())
    for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html):
        css += gz((base / href.split("?")[0]).resolve())
    plotly = 0
    if "data-chart=" in html:
        plotly = gz(ROOT / "theme/assets/javascripts/vendor/plotly-basic.min.js")
    return {"js": js + plotly, "css": css, "plotly": plotly, "html": gz(site / page)}


def site_facts(site: Path) -> dict[str, object]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    chart_page = next((p for p in sorted(pages) if "data-chart=" in p.read_text("utf-8")
                       and p.name == "index.html" and "piloter/" in p.as_posix()), None)
    types = {"home": "index.html", "overview": "tiltak/index.html",
             "measure": next(p.relative_to(site).as_posix() for p in sorted(pages)
                             if "/tiltak/" in p.as_posix() and p.parent.name.startswith("t")
                             and p.parent.name not in ("tiltak",)),
             "chart page": (chart_page.relative_to(site).as_posix() if chart_page
                            else "tall/index.html")}
    return {
        "pages": len(pages),
        "size_mb": sum(p.stat().st_size for p in files) / 1e6,
        "largest": f"{largest.relative_to(site).as_posix()} ({largest.stat().st_size // 1024} KiB)",
        # Pagefind's index on disk; a reader fetches only the chunks a query needs.
        "search_kb": sum(p.stat().st_size for p in (site / "pagefind").rglob("*")
                         if p.is_file()) // 1024,
        "weights": {name: page_weight(site, page) for name, page in types.items()},
    }


def bench_size(size: int, runs: int, work: Path) -> dict[str, object]:
    project = work / f"p{size}"
    counts = generate(project, size)
    records = sum(counts.values())
    cli = [PY, "-m", "generator", "--project", str(project)]
    results: dict[str, list[float]] = {k: [] for k in ("validate", "render", "build", "mkdocs")}
    peaks: dict[str, int] = {}
    for _ in range(runs):
        for key, value in core_times(project).items():
            results[key].append(value)
        seconds, peak = timed(cli + ["build", "--output", str(work / "site")], project)
        results["build"].append(seconds)
        peaks["build"] = max(peaks.get("build", 0), peak)
        subprocess.run(cli + ["export", str(work / "export")], env=ENV, check=True,
                       capture_output=True)
        seconds, peak = timed([PY, "-m", "mkdocs", "build", "-q", "-f",
                               str(work / "export/mkdocs.yml"), "-d", str(work / "plain")], work)
        results["mkdocs"].append(seconds)
        peaks["mkdocs"] = max(peaks.get("mkdocs", 0), peak)
    medians = {k: statistics.median(v) for k, v in results.items()}
    ratios = [b / m for b, m in zip(results["build"], results["mkdocs"], strict=True)]
    return {"size": size, "records": records, "counts": counts, **medians,
            "ratio": statistics.median(ratios), "per_record_ms": 1000 * medians["build"] / records,
            "peaks": peaks, "site": site_facts(work / "site")}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in
                     Path("/proc/cpuinfo").read_text().splitlines() if "model name" in line)
        cpu = model
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} kjerner, {memory:.0f} GiB minne; Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| tiltak | poster | validering | rendering | bygg | ren MkDocs | forhold | "
             "per post | topp minne (bygg/MkDocs) | nettsted | største side | søkeindeks |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in rows:
        site = r["site"]
        assert isinstance(site, dict)
        peaks = r["peaks"]
        assert isinstance(peaks, dict)
        lines.append(
            f"| {r['size']} | {r['records']} | {r['validate']:.2f} s | {r['render']:.2f} s | "
            f"{r['build']:.2f} s | {r['mkdocs']:.2f} s | {r['ratio']:.3f} | "
            f"{r['per_record_ms']:.2f} ms | {peaks['build']}/{peaks['mkdocs']} MiB | "
            f"{site['size_mb']:.1f} MB | {site['largest']} | {site['search_kb']} KiB |")
    return "\n".join(lines)


def weights_table(row: dict[str, object]) -> str:
    site = row["site"]
    assert isinstance(site, dict)
    lines = ["| sidetype | JavaScript (gzip) | derav Plotly | CSS (gzip) | HTML (gzip) |",
             "|---|---:|---:|---:|---:|"]
    for name, w in site["weights"].items():
        lines.append(f"| {name} | {w['js'] / 1024:.1f} KiB | {w['plotly'] / 1024:.1f} KiB | "
                     f"{w['css'] / 1024:.1f} KiB | {w['html'] / 1024:.1f} KiB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="ikke skriv BENCHMARKS.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-bench-") as tmp:
        for size in args.sizes:
            row = bench_size(size, args.runs, Path(tmp))
            rows.append(row)
            print(f"{size}: bygg {row['build']:.2f} s, ren MkDocs {row['mkdocs']:.2f} s, "
                  f"forhold {row['ratio']:.3f}, {row['per_record_ms']:.2f} ms per post",
                  flush=True)
    report = (f"Maskin: {machine()}\n\nMedianer av {args.runs} kjøringer.\n\n{table(rows)}\n\n"
              f"Sidevekt ved {rows[-1]['size']} tiltak:\n\n{weights_table(rows[-1])}\n")
    print(report)
    if len(rows) > 1:
        scale = rows[-1]["per_record_ms"] / rows[0]["per_record_ms"]  # type: ignore[operator]
        print(f"Tid per post ved {rows[-1]['size']} / ved {rows[0]['size']}: {scale:.3f}")
    if not args.no_write:
        write_report(report, rows)


def write_report(report: str, rows: list[dict[str, object]]) -> None:
    """Put the generated tables between the markers in BENCHMARKS.md."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- synthetic:start -->", "<!-- synthetic:end -->"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    scale = ""
    if len(rows) > 1:
        ratio = rows[-1]["per_record_ms"] / rows[0]["per_record_ms"]  # type: ignore[operator]
        scale = (f"\nTid per post ved {rows[-1]['size']} delt på tid per post ved "
                 f"{rows[0]['size']}: **{ratio:.3f}**\n")
    path.write_text(f"{before}{start}\n{report}{scale}{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
