"""Progress for long work: which stage a build is in, how many pages are done, and at the
end how long each stage took, so that a slow build can be told from a hung one.

On a terminal the stages are a progress bar (rich); without one (CI, a log file) they are a
few plain lines: one when a stage starts and, for stages that count pages, one at each
quarter. ``quiet_progress()`` shows nothing (``serve``, the library).

The stages of a build are listed in ``BUILD_STAGES``, in order; a new step (indexing the
built site, say) adds its key and label there and runs inside ``progress.stage(key)``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

# Stage key → what the editor reads, in the order a build runs them.
BUILD_STAGES: dict[str, str] = {
    "content": "Leser og sjekker innholdet",
    "render": "Lager sidene",
    "mkdocs": "Bygger HTML med MkDocs",
    "zensical": "Bygger HTML med Zensical",
    "index": "Lager søkeindeksen (Pagefind)",
    "swap": "Bytter inn det nye nettstedet",
}
# The stages only one engine runs (``tiltakshefte build --engine``).
ENGINE_STAGES = ("mkdocs", "zensical")


def build_stages(engine: str) -> dict[str, str]:
    """The stages of a build with ``engine``, so that «[3/5]» counts what really runs."""
    return {key: label for key, label in BUILD_STAGES.items()
            if key not in ENGINE_STAGES or key == engine}


@dataclass
class Stage:
    """A running stage: call ``advance`` for each unit of work done."""

    label: str
    total: int | None
    done: int = 0
    _tick: Any = None

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more units done."""
        self.done += count
        if self._tick is not None:
            self._tick(self)


@dataclass
class Progress:
    """Shows the stages of one run on ``out`` and remembers how long each took."""

    stages: dict[str, str] = field(default_factory=lambda: dict(BUILD_STAGES))
    out: TextIO | None = None
    live: bool | None = None  # a progress bar; by default when ``out`` is a terminal
    quiet: bool = False
    times: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.out = self.out or sys.stdout
        if self.live is None:
            self.live = self.out.isatty()

    @contextmanager
    def stage(self, key: str, total: int | None = None) -> Iterator[Stage]:
        """Run one stage (its label from ``stages``), timed, with ``total`` units if known."""
        label = self.stages.get(key, key)
        current = Stage(label, total)
        start = time.perf_counter()
        if self.quiet:
            yield current
        elif self.live:
            with self._bar(current):
                yield current
        else:
            self._line(f"[{self._number(key)}/{len(self.stages)}] {label}"
                       + (f" ({_number(total)})" if total else "") + " …")
            current._tick = self._quarters()
            yield current
        self.times.append((label, time.perf_counter() - start))

    def summary(self) -> str:
        """How long each stage took, and in all: «Tid: … (til sammen 12,3 s)»."""
        parts = " · ".join(f"{label} {_seconds(s)}" for label, s in self.times)
        total = sum(s for _, s in self.times)
        return f"Tid: {parts} (til sammen {_seconds(total)})."

    def _number(self, key: str) -> int:
        keys = list(self.stages)
        return keys.index(key) + 1 if key in keys else len(keys)

    def _line(self, text: str) -> None:
        assert self.out is not None
        print(text, file=self.out, flush=True)

    def _quarters(self) -> Any:
        shown = {0}

        def tick(stage: Stage) -> None:
            if not stage.total:
                return
            quarter = min(4, 4 * stage.done // stage.total)
            if quarter not in shown:
                shown.add(quarter)
                self._line(f"  {_number(stage.done)} av {_number(stage.total)} ferdig")
        return tick

    @contextmanager
    def _bar(self, current: Stage) -> Iterator[None]:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            ProgressColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as Bar

        console = Console(file=self.out, force_terminal=True)
        counted: list[ProgressColumn] = [BarColumn(), MofNCompleteColumn()]
        columns = [TextColumn("{task.description}"),
                   *(counted if current.total else [SpinnerColumn()]), TimeElapsedColumn()]
        start = time.perf_counter()
        with Bar(*columns, console=console, transient=True) as bar:
            task = bar.add_task(current.label, total=current.total)
            current._tick = lambda stage: bar.update(task, completed=stage.done)
            yield
        took = _seconds(time.perf_counter() - start)
        console.print(f"{current.label}: ferdig ({took})", highlight=False)


def quiet_progress() -> Progress:
    """A progress that shows nothing (``serve``, library calls)."""
    return Progress(quiet=True, live=False)


def _number(value: int | None) -> str:
    text = f"{value or 0:,}".replace(",", "\u00a0")
    return text


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")
