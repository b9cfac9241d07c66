"""«Sist oppdatert»: the date each content file last changed, from git history."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class LastUpdated:
    """Last commit date per file path (relative to the project root)."""

    dates: dict[str, str] = field(default_factory=dict)

    def get(self, path: str) -> str | None:
        """The date ``path`` last changed, as ``YYYY-MM-DD``, or None if unknown."""
        return self.dates.get(path)


def read_history(root: Path) -> LastUpdated:
    """Read every content file's last commit date in one ``git log`` call.

    Without git, or outside a repository, pages simply show no date.
    """
    try:
        output = subprocess.run(
            ["git", "log", "--format=@%ct", "--name-only", "--", "content"],
            cwd=root, capture_output=True, text=True, timeout=30, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return LastUpdated()
    dates: dict[str, str] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith("@"):
            current = datetime.fromtimestamp(int(line[1:]), UTC).strftime("%Y-%m-%d")
        elif line.strip() and line not in dates:
            dates[line] = current
    return LastUpdated(dates)
