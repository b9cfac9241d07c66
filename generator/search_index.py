"""The site's search: a Pagefind index made from the built HTML, after any engine has built it.

Pagefind reads what the pages mark for it (``data-pagefind-body``, ``-meta``, ``-filter``,
``-weight`` in our own templates), so the index does not depend on the engine that wrote
the HTML. It runs as a separate program (the ``pagefind`` binary from the PyPI package
``pagefind[bin]``); nothing here imports an engine or Pagefind's Python API.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .output import replace_directory

# Where the index lies under the site root: Pagefind's default, and where search.js looks.
PAGEFIND_DIR = "pagefind"

# Not text to search: the «¶» links beside headings.
EXCLUDED_SELECTORS = [".headerlink"]

log = logging.getLogger("tiltakshefte.search")


class IndexFailed(RuntimeError):
    """Pagefind stopped with an error; the message is its own output."""


def pagefind_command(site_dir: Path, output_dir: Path) -> list[str]:
    """The command that indexes ``site_dir`` into ``output_dir`` (also for the export's
    instructions, which name it with ``python -m pagefind``)."""
    excluded = [arg for selector in EXCLUDED_SELECTORS
                for arg in ("--exclude-selectors", selector)]
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir),
            "--output-path", str(output_dir), *excluded, "--silent"]


def export_files(site_folder: str) -> dict[str, str]:
    """For ``tiltakshefte export``: Pagefind's settings (``pagefind.yml``, read by
    ``python -m pagefind`` run in the export folder) and a README with the two steps."""
    settings = {"site": site_folder, "exclude_selectors": EXCLUDED_SELECTORS}
    readme = EXPORT_README.format(site=site_folder)
    return {"pagefind.yml": json.dumps(settings, ensure_ascii=False) + "\n", "README.md": readme}


EXPORT_README = """# Tiltaksheftet som vanlige filer

Laget av `tiltakshefte export`. Bygg nettstedet og søkeindeksen i denne mappen med:

```sh
mkdocs build -f mkdocs.yml -d {site}
python -m pagefind
```

Det andre steget lager søket (`{site}/pagefind/`) fra de ferdige sidene, med innstillingene i
`pagefind.yml`; uten det fører søkefeltet bare til oversikten over tiltak. `pagefind` kommer
fra PyPI-pakken `pagefind[bin]`. `tiltakshefte build` gjør begge stegene og gir de samme filene.
"""


def index_site(site_dir: Path, output_dir: Path | None = None) -> None:
    """Index the built site in ``site_dir`` into ``output_dir`` (default ``site/pagefind/``)."""
    target = output_dir or site_dir / PAGEFIND_DIR
    done = subprocess.run(pagefind_command(site_dir, target), capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise IndexFailed((done.stderr or done.stdout).strip() or f"exit {done.returncode}")


def reindex_site(site_dir: Path) -> None:
    """Index ``site_dir`` again beside the current index, then swap it in, so a reader's
    search never sees half an index."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent) as work:
        fresh = Path(work) / PAGEFIND_DIR
        index_site(site_dir, fresh)
        if site_dir.is_dir():  # not when serve has stopped and removed the site meanwhile
            replace_directory(fresh, site_dir / PAGEFIND_DIR)


class BackgroundIndexer:
    """Keeps the index of a served site current without holding up the live reload: each
    request starts (or queues) one run in a thread; requests during a run make one more run
    after it, so the last index is always made from the last build."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._lock = threading.Lock()
        self._running = False
        self._again = False
        self._idle = threading.Event()
        self._idle.set()

    def request(self) -> None:
        """Index the site soon, in the background."""
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
            self._idle.clear()
        threading.Thread(target=self._loop, name="pagefind", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no run is going or queued; whether that happened within ``timeout``."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        while True:
            try:
                reindex_site(self.site_dir)
            except (IndexFailed, OSError) as exc:
                log.warning("Søkeindeksen ble ikke oppdatert: %s", exc)
            with self._lock:
                if not self._again:
                    self._running = False
                    self._idle.set()
                    return
                self._again = False
