"""Shared fixtures: small content trees, a real build of the real site, a browser."""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from siteserver import BASE_PATH, CHROMIUM, CHROMIUM_ARGS, SiteServer, free_port  # noqa: E402

SITE_CONFIG = """\
title: Testside
description: En liten testside.
site_url: https://example.org/tiltakshefte/
repository:
  url: https://github.com/example/tiltakshefte
copyright: Test
navigation: [home, measures, pilots, municipalities, organisations, sources, glossary, about]
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a project: ``site_config.yml``, an empty theme, and the given content files."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    if not (root / "site_config.yml").exists():
        (root / "site_config.yml").write_text(SITE_CONFIG, encoding="utf-8")
    if not (root / "theme").exists():
        shutil.copytree(ROOT / "theme", root / "theme")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Factory: ``tree({"content/measures/x.yml": "..."})`` returns a project folder."""
    return functools.partial(write_tree, tmp_path / "project")


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the real project (content, theme, settings) that a test may change."""
    target = tmp_path / "real"
    target.mkdir()
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "site_config.yml", target / "site_config.yml")
    return target


# The engines that build the site (``tiltakshefte build --engine``). The browser suite, the
# link check and the HTML validator run against each; MkDocs is the default engine.
ENGINES = ["mkdocs", "zensical"]


def _serve_built_site(factory: pytest.TempPathFactory, engine: str) -> Iterator[SiteServer]:
    """The real site built with ``engine``, with ``site_url`` on a loopback port, served
    under a sub-path like GitHub Pages."""
    from generator.cli import main

    port = free_port()
    serve_root = factory.mktemp(f"serve-{engine}")
    out = serve_root / BASE_PATH.strip("/")
    code = main(["--project", str(ROOT), "build", "--engine", engine, "--output", str(out),
                 "--site-url", f"http://127.0.0.1:{port}{BASE_PATH}"])
    assert code == 0
    with SiteServer(serve_root, port) as server:
        yield server


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The real site built with the default engine (MkDocs with Material)."""
    yield from _serve_built_site(tmp_path_factory, "mkdocs")


@pytest.fixture(scope="session")
def site_dir(built_site: SiteServer) -> Path:
    """The folder holding the built real site."""
    return built_site.root / BASE_PATH.strip("/")


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The real site built with Zensical."""
    yield from _serve_built_site(tmp_path_factory, "zensical")


@pytest.fixture(scope="session", params=ENGINES)
def engine_site(request: pytest.FixtureRequest) -> SiteServer:
    """The real site built with each engine in turn (tests using it run once per engine)."""
    fixture = "built_site" if request.param == "mkdocs" else "zensical_site"
    site: SiteServer = request.getfixturevalue(fixture)
    return site


@pytest.fixture(scope="session")
def engine_site_dir(engine_site: SiteServer) -> Path:
    """The folder holding the real site built with each engine in turn."""
    return engine_site.root / BASE_PATH.strip("/")


def falls_short_on_zensical(request: pytest.FixtureRequest, reason: str) -> None:
    """Mark the running test as an expected failure when it runs against Zensical's build:
    the test says where Zensical falls short, by name, and fails loudly (strict) once it
    no longer does."""
    if request.node.callspec.params.get("engine_site") == "zensical":
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright. Fails (never skips) when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium mangler: kjør `make test` (installerer den)"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield PatientBrowser(instance)
        instance.close()


# How long a browser test waits for a condition (an element, a URL, a drawn chart) before it
# gives up. The tests wait for conditions, never for time; this is only the upper bound, set
# high so that a loaded machine makes a test slower, not red.
WAIT_MS = 90_000


class PatientBrowser:
    """The browser, whose new contexts wait up to ``WAIT_MS`` for every condition."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        """A new context (see Playwright's ``Browser.new_context``) with our waiting limit."""
        context = self._browser.new_context(**options)
        context.set_default_timeout(WAIT_MS)
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records console errors and failed requests."""
    context = browser.new_context()
    tab = context.new_page()
    tab.console_errors = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    yield tab
    context.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Print the corpus tally, e.g. «Korpus: 62 passed, 0 failed». It is counted from the test
    reports, so it also adds up when the tests run in several processes."""
    counts = {}
    for outcome in ("passed", "failed"):
        counts[outcome] = sum(1 for report in terminalreporter.stats.get(outcome, [])
                              if getattr(report, "when", "call") == "call"
                              and "test_corpus_case[" in report.nodeid)
    if counts["passed"] or counts["failed"]:
        terminalreporter.write_line(
            f"Korpus: {counts['passed']} passed, {counts['failed']} failed")
