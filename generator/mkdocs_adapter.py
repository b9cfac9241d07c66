"""The one place that talks to MkDocs: hands our rendered pages to it.

A move to another engine (ProperDocs, Zensical) replaces this module; the core
(load, validate, resolve, render) does not change.
"""

from __future__ import annotations

import logging
import os
import signal
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import config_options as opt
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .htmlstash import RawHtmlStash
from .markup import escape
from .mkdocs_config import config_yaml
from .output import SiteOutput, render_project
from .pipeline import Project
from .problems import ContentError, Problem

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
log = logging.getLogger("mkdocs.plugins.tiltakshefte")


_LAST_GOOD: dict[str, SiteOutput] = {}


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the user's temporary folder, if it can be made."""
    try:
        return FileSystemBytecodeCache(pattern="__tiltakshefte_theme_%s.cache")
    except (OSError, RuntimeError):
        return None


# Material's templates are compiled again by every build; compiling them takes longer than
# rendering a page. Jinja keeps the compiled code between runs, keyed by a checksum of each
# template's source, so an edited template is always compiled afresh.
_THEME_BYTECODE = _bytecode_cache()


class _PluginConfig(Config):  # type: ignore[no-untyped-call]
    project = opt.Type(str, default=".")
    strict = opt.Type(bool, default=True)


class TiltakshefttePlugin(BasePlugin[_PluginConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages and files to MkDocs' file collection.

    For ``build`` the pages are rendered beforehand (``prepared``). For ``serve`` they
    are rendered on every rebuild; when an edit breaks the content, the last good
    pages are served again with a banner that lists the problems, so the editor sees
    the error in the browser and the site keeps working until the file is fixed.

    The HTML blocks in the pages are set aside by :class:`RawHtmlStash` instead of being
    parsed again (the output is the same).
    """

    prepared: SiteOutput | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        extensions = config.markdown_extensions
        if not any(isinstance(e, RawHtmlStash) for e in extensions):
            extensions.append(RawHtmlStash())  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        output, banner = self.prepared, ""
        if output is None:
            output, banner = self._render_for_serve(config)
        ours: list[File] = []
        for page in output.pages:
            text = page.text()
            if banner:
                front, _, body = text.partition("\n---\n")
                text = f"{front}\n---\n{banner}\n{body}"
            ours.append(File.generated(config, page.doc, content=text))
        for uri, path in output.static_files:
            ours.append(File.generated(config, uri, abs_src_path=str(path)))
        for uri, content in output.extra_files.items():
            ours.append(File.generated(config, uri, content=content))
        for file in sorted(ours, key=lambda f: docs_order(f.src_uri)):
            files.append(file)
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if env.bytecode_cache is None:
            env.bytecode_cache = _THEME_BYTECODE
        return env


    def _render_for_serve(self, config: MkDocsConfig) -> tuple[SiteOutput, str]:
        # MkDocs makes a new plugin instance on every rebuild, so the last good
        # output is kept per project at module level.
        key = str(Path(self.config.project).resolve())
        try:
            output = render_project(Project(Path(self.config.project)),
                                    strict=self.config.strict, site_url=config.site_url)
        except ContentError as exc:
            for problem in exc.problems:
                log.error(problem.format())
            if key not in _LAST_GOOD:
                raise Abort("Innholdet har feil; rett dem og start på nytt.") from None
            log.error("Innholdet har feil; viser forrige gode versjon til feilen er rettet.")
            return _LAST_GOOD[key], error_banner(exc.problems)
        _LAST_GOOD[key] = output
        return output, ""


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def docs_order(uri: str) -> list[tuple[int, str]]:
    """The order in which MkDocs finds ``uri`` in a docs folder (folders sorted by name, files
    before subfolders, ``index`` first), so that the sitemap and the search index list the
    pages as a plain ``mkdocs build`` of ``tiltakshefte export`` does."""
    *folders, name = uri.split("/")
    stem = name.rsplit(".", 1)[0]
    return [(1, folder) for folder in folders] + [(0, f"{stem not in ('index', 'README'):d}{name}")]


def error_banner(problems: list[Problem]) -> str:
    """An HTML block listing content problems, shown on every page while serving."""
    items = "".join(f"<li><code>{escape(p.format())}</code></li>" for p in problems[:20])
    return (
        '\n<div class="admonition danger th-serve-error" role="alert">\n'
        '<p class="admonition-title">Innholdet har feil – du ser forrige gode versjon</p>\n'
        f"<ul>{items}</ul>\n</div>\n"
    )


def write_mkdocs_yml(directory: Path, settings: dict[str, Any]) -> Path:
    """Write ``mkdocs.yml`` into ``directory`` and return its path."""
    path = directory / "mkdocs.yml"
    path.write_text(config_yaml(settings), "utf-8")
    return path


def run_build(output: SiteOutput, project: Project, site_dir: Path) -> None:
    """Build the site into ``site_dir`` with MkDocs and Material."""
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-") as work:
        docs = Path(work) / "docs"
        docs.mkdir()
        settings = output.mkdocs_settings(docs, project.theme_dir, site_dir, str(project.root))
        config = load_config(config_file=str(write_mkdocs_yml(Path(work), settings)))
        plugin = config.plugins["tiltakshefte"]
        assert isinstance(plugin, TiltakshefttePlugin)
        plugin.prepared = output
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()


def run_serve(project: Project, host: str, port: int) -> None:
    """Serve the site with live reload; content errors keep the last good version."""
    from mkdocs.commands.serve import serve

    site_url = f"http://{host}:{port}/"
    output = render_project(project, strict=False, site_url=site_url)
    signal.signal(signal.SIGTERM, _stop)  # stop cleanly (temporary folders removed) on SIGTERM
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-serve-") as work:
        docs = Path(work) / "docs"
        docs.mkdir()
        settings = output.mkdocs_settings(docs, project.theme_dir, None, str(project.root),
                                          strict=False)
        settings["dev_addr"] = f"{host}:{port}"
        config_file = write_mkdocs_yml(Path(work), settings)
        watch = [str(project.content_dir), str(project.theme_dir), str(project.config_file)]
        serve(config_file=str(config_file), livereload=True, watch=watch)
