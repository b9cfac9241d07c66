"""`tiltakshefte serve` under faults: a broken edit keeps the last good site; a fix recovers."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import free_port, write_tree
from corpus.base import BASE

MEASURE = "content/measures/mentorordning.yml"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(predicate, timeout: float = 90) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@contextmanager
def serving(tmp_path: Path) -> Iterator[tuple[Path, str, Path, subprocess.Popen[str]]]:
    """``tiltakshefte serve`` on a small valid project, once it answers: (project folder, a
    page's URL, the server's log, the server)."""
    root = write_tree(tmp_path / "project", dict(BASE))
    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--project", str(root), "serve", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/tiltak/mentorordning/"
    try:
        assert wait_for(lambda: "Mentorordning" in (fetch(url) or "")), "serve startet ikke"
        yield root, url, Path(log.name), server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def test_broken_edit_keeps_last_good_site_and_fix_recovers(tmp_path: Path) -> None:
    with serving(tmp_path) as (root, url, log, server):
        path = root / MEASURE
        good = path.read_text(encoding="utf-8")
        path.write_text(good + "ukjent_felt: 1\n", encoding="utf-8")
        assert wait_for(lambda: "ukjent felt «ukjent_felt»" in log.read_text("utf-8"))
        assert wait_for(lambda: "th-serve-error" in (fetch(url) or "")), "feilen vises ikke"
        page = fetch(url) or ""
        assert "Mentorordning" in page, "forrige versjon vises ikke"
        assert "ukjent felt «ukjent_felt»" in page
        path.write_text(good.replace("name: Mentorordning", "name: Mentorordning rettet"),
                        encoding="utf-8")
        fixed = wait_for(lambda: "Mentorordning rettet" in (fetch(url) or ""))
        assert fixed, "rettingen vises ikke"
        assert "th-serve-error" not in (fetch(url) or "")
        assert server.poll() is None, "serve stoppet"
