"""«Sist oppdatert» and «Hva er nytt»: when each content file changed, from git history."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class FileChange:
    """One content file in one commit: when (Unix time), how (A added, M modified, D deleted,
    R renamed, …) and the path (the new path for a rename)."""

    time: int
    status: str
    path: str

    @property
    def date(self) -> str:
        """The day, as ``YYYY-MM-DD`` (UTC)."""
        return datetime.fromtimestamp(self.time, UTC).strftime("%Y-%m-%d")


@dataclass
class LastUpdated:
    """Last commit date per file path (relative to the project root), and every change to
    a content file, newest first."""

    dates: dict[str, str] = field(default_factory=dict)
    changes: list[FileChange] = field(default_factory=list)

    def get(self, path: str) -> str | None:
        """The date ``path`` last changed, as ``YYYY-MM-DD``, or None if unknown."""
        return self.dates.get(path)


def read_history(root: Path) -> LastUpdated:
    """Read every content file's changes in one ``git log`` call.

    Without git, or outside a repository, pages simply show no date.
    """
    try:
        output = subprocess.run(
            ["git", "log", "--format=@%ct", "--name-status", "--", "content"],
            cwd=root, capture_output=True, text=True, timeout=30, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return LastUpdated()
    history = LastUpdated()
    current = 0
    for line in output.splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif "\t" in line:
            parts = line.split("\t")
            change = FileChange(current, parts[0][:1], parts[-1])
            history.changes.append(change)
            history.dates.setdefault(change.path, change.date)
    return history
