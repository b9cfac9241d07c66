"""``serve`` rebuilds only what an edit changes, and serves what a fresh full build writes.

The project is a copy of the real one without git history, so pages have no «Sist
oppdatert» date on either side; the only thing set aside is the build date MkDocs writes
into the sitemap (see ``tests/sitecompare.py``) and the live-reload script ``serve`` adds.
Every other byte is compared: all pages, the search index, the sitemap, the open data,
the theme's files. The search index is made again in the background after each rebuild
(search may lag a moment), so the comparison waits until it has caught up.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import free_port
from sitecompare import fetch, served_differences

from generator.cli import main

MEASURE = "content/measures/mentorordning.yml"
CSS = "theme/assets/stylesheets/tiltakshefte.css"
NEW = "content/measures/velkomstbrev.yml"


def wait_for(condition: Callable[[], bool], timeout: float = 180) -> bool:
    """Whether ``condition`` holds within ``timeout`` seconds (checked a few times a second)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return False


def served(url: str, text: str) -> Callable[[], bool]:
    return lambda: text.encode() in (fetch(url) or b"")


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fresh_build(root: Path, url: str, target: Path) -> Path:
    """A full build of the project as it is now, for the same address as the server."""
    assert main(["--project", str(root), "build", "--no-strict", "--output", str(target),
                 "--site-url", url]) == 0
    return target


def partial_rebuilds(log: Path) -> list[tuple[int, int]]:
    """(pages rebuilt, pages in all) for each rebuild that was not a full one."""
    found = re.findall(r"Bygget (\d+) av (\d+) sider", log.read_text(encoding="utf-8"))
    return [(int(done), int(total)) for done, total in found]


def test_edits_under_serve_give_what_a_fresh_build_gives(real_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "--project", str(real_copy), "serve",
             "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        try:
            _check_edits(real_copy, base, tmp_path, log_path)
            assert server.poll() is None, "serve stoppet"
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


def assert_serves(base: str, fresh: Path) -> None:
    """The server sends what the fresh build ``fresh`` holds, once its index has caught up."""
    assert wait_for(lambda: served_differences(base, fresh) == [], timeout=120), \
        served_differences(base, fresh)


def _check_edits(root: Path, base: str, tmp_path: Path, log: Path) -> None:
    page = base + "tiltak/mentorordning/"
    assert wait_for(served(page, "Mentorordning")), "serve startet ikke"

    # A measure's name is on its page, on the overviews' cards and in links from 29 other
    # pages; the theme's CSS is copied as it is.
    edit(root, MEASURE, "name: Mentorordning", "name: Mentorordning Navnetest")
    css = root / CSS
    css.write_text(css.read_text(encoding="utf-8") + "\n/* endret */\n", encoding="utf-8")
    assert wait_for(served(base + "tiltak/", "Navnetest"))
    assert wait_for(served(base + "assets/stylesheets/tiltakshefte.css", "/* endret */"))
    assert_serves(base, fresh_build(root, base, tmp_path / "fresh-1"))
    assert any(0 < done < total for done, total in partial_rebuilds(log)), log.read_text("utf-8")

    # A broken edit shows the banner over the last good site; then the fix, a new text and
    # a new record together.
    edit(root, MEASURE, "summary:", "ukjent_felt: 1\nsummary:")
    assert wait_for(served(page, "th-serve-error"))
    assert "Navnetest" in (fetch(page) or b"").decode()
    edit(root, MEASURE, "ukjent_felt: 1\n", "")
    edit(root, MEASURE, "description: |\n", "description: |\n  Teksttest.\n\n")
    new = (root / "content/measures/velkomstpakke.yml").read_text(encoding="utf-8")
    new = new.replace("id: velkomstpakke", "id: velkomstbrev", 1)
    (root / NEW).write_text(new.replace("name: Velkomstpakke", "name: Velkomstbrev", 1), "utf-8")
    assert wait_for(served(base + "tiltak/velkomstbrev/", "Velkomstbrev"))
    assert wait_for(served(page, "Teksttest"))
    assert wait_for(lambda: b"th-serve-error" not in (fetch(page) or b"th-serve-error"))
    assert_serves(base, fresh_build(root, base, tmp_path / "fresh-2"))

    # A record removed: its page is gone (the whole site is built again).
    (root / NEW).unlink()
    assert wait_for(lambda: fetch(base + "tiltak/velkomstbrev/") is None)
    assert "Velkomstbrev" not in (fetch(base + "tiltak/") or b"").decode()
