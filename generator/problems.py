"""Problems found in content: one type for YAML, schema and reference errors alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in one content file.

    ``path`` is the key path inside the record, dotted, with list indexes in
    brackets (``measures[0].measure``); it is empty for file-level problems.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """Render as ``file:line:col: key.path: message`` (one line)."""
        where = f"{self.file}:{self.line}:{self.col}"
        prefix = "advarsel: " if self.severity == "warning" else ""
        key = f" {self.path}:" if self.path else ""
        return f"{where}:{key} {prefix}{self.message}"

    def format_github(self) -> str:
        """Render as a GitHub Actions workflow command (annotation)."""
        level = "warning" if self.severity == "warning" else "error"
        key = f"{self.path}: " if self.path else ""
        text = _escape_github(f"{key}{self.message}")
        title = _escape_github_property("Innholdsfeil" if level == "error" else "Advarsel")
        file = _escape_github_property(self.file)
        return f"::{level} file={file},line={self.line},col={self.col},title={title}::{text}"


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class ProblemList:
    """Collects problems over a whole run so that every one is reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        """Add one problem unless an identical one is already recorded."""
        if problem not in self.items:
            self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        """Add several problems."""
        for problem in problems:
            self.add(problem)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop a build."""
        return sorted(p for p in self.items if p.severity == "error")

    @property
    def warnings(self) -> list[Problem]:
        """Problems that stop a build only in strict mode."""
        return sorted(p for p in self.items if p.severity == "warning")


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} feil i innholdet")
