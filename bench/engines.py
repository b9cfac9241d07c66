"""Benchmarks: the same site built with each engine, on the real and on synthetic content.

    python bench/engines.py                       # real content, 500, 2000, 5000 measures
    python bench/engines.py --sizes 20 --runs 1 --no-write   # a quick smoke run

For each content, ``tiltakshefte build --engine mkdocs`` and ``--engine zensical`` run by
turns in each round (so that a change in the machine's load touches both alike), each in a
fresh process; the table shows medians and writes itself into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PY, ROOT, machine, timed  # noqa: E402
from synthetic import generate  # noqa: E402

ENGINES = ("mkdocs", "zensical")


def bench_project(project: Path, runs: int, work: Path) -> dict[str, object]:
    """Median wall seconds and peak memory of a full build of ``project`` per engine."""
    seconds: dict[str, list[float]] = {engine: [] for engine in ENGINES}
    peaks: dict[str, int] = {}
    for _ in range(runs):
        for engine in ENGINES:
            site = work / f"site-{engine}"
            wall, peak = timed([PY, "-m", "generator", "--project", str(project), "build",
                                "--engine", engine, "--output", str(site)], project)
            seconds[engine].append(wall)
            peaks[engine] = max(peaks.get(engine, 0), peak)
    pages = sum(1 for _ in (work / "site-mkdocs").rglob("*.html"))
    medians = {engine: statistics.median(values) for engine, values in seconds.items()}
    ratios = [z / m for m, z in zip(seconds["mkdocs"], seconds["zensical"], strict=True)]
    return {"pages": pages, "seconds": medians, "peaks": peaks,
            "ratio": statistics.median(ratios)}


def table(rows: list[tuple[str, dict[str, object]]]) -> str:
    lines = ["| innhold | sider | MkDocs | Zensical | Zensical mot MkDocs | "
             "topp minne (MkDocs/Zensical) |", "|---|---:|---:|---:|---:|---:|"]
    for name, row in rows:
        seconds, peaks = row["seconds"], row["peaks"]
        assert isinstance(seconds, dict) and isinstance(peaks, dict)
        lines.append(f"| {name} | {row['pages']} | {seconds['mkdocs']:.2f} s | "
                     f"{seconds['zensical']:.2f} s | {row['ratio']:.2f} × | "
                     f"{peaks['mkdocs']}/{peaks['zensical']} MiB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="runder for det ekte innholdet "
                        "og for hver størrelse opp til 500 tiltak")
    parser.add_argument("--large-runs", type=int, default=1,
                        help="runder for større syntetisk innhold (det tar minutter)")
    parser.add_argument("--no-real", action="store_true", help="hopp over det ekte innholdet")
    parser.add_argument("--no-write", action="store_true", help="ikke skriv BENCHMARKS.md")
    args = parser.parse_args()
    rows: list[tuple[str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-engines-") as tmp:
        work = Path(tmp)
        if not args.no_real:
            rows.append(("det ekte innholdet", bench_project(ROOT, args.runs, work)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
        for size in args.sizes:
            project = work / f"p{size}"
            generate(project, size)
            runs = args.runs if size <= 500 else args.large_runs
            rows.append((f"{size} tiltak ({runs} runde{'r' if runs > 1 else ''})",
                         bench_project(project, runs, work)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    report = (f"Maskin: {machine()}\n\nMedianer av {args.runs} runder for det ekte innholdet "
              f"og opp til 500 tiltak; større innhold som i tabellen.\n\n{table(rows)}\n")
    print(report)
    if not args.no_write:
        write_report(report)


def write_report(report: str) -> None:
    """Put the generated table between the markers in BENCHMARKS.md."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- engines:start -->", "<!-- engines:end -->"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{report}{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
