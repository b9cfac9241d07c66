"""Serving a built site on loopback the way GitHub Pages does, and the browser we drive.

Shared by the test fixtures (``conftest.py``) and the screenshot gallery (``screenshots.py``).
"""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from pathlib import Path

BASE_PATH = "/tiltakshefte/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page while a file is on its way closes the connection;
    that is not an error of the site, so it is not printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """Serves a folder on loopback, with the site under ``BASE_PATH`` like GitHub Pages."""

    def __init__(self, root: Path, port: int) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.port = port
        self.root = root
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The site's base URL."""
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
