"""The one place that talks to MkDocs: hands our rendered pages to it.

A move to another engine (ProperDocs, Zensical) replaces this module; the core
(load, validate, resolve, render) does not change.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import config_options as opt
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .output import SiteOutput, render_project
from .pipeline import Project
from .problems import ContentError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
log = logging.getLogger("mkdocs.plugins.tiltakshefte")


class _PluginConfig(Config):  # type: ignore[no-untyped-call]
    project = opt.Type(str, default=".")
    strict = opt.Type(bool, default=True)


class TiltakshefttePlugin(BasePlugin[_PluginConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages and files to MkDocs' file collection."""

    prepared: SiteOutput | None = None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        output = self.prepared
        if output is None:  # `serve`: render again on every rebuild
            try:
                output = render_project(Project(Path(self.config.project)),
                                        strict=self.config.strict, site_url=config.site_url)
            except ContentError as exc:
                text = "\n".join(p.format() for p in exc.problems)
                raise Abort(f"Innholdet har feil; viser forrige versjon.\n{text}") from None
        for page in output.pages:
            files.append(File.generated(config, page.doc, content=page.text()))
        for uri, path in output.static_files:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        for uri, content in output.extra_files.items():
            files.append(File.generated(config, uri, content=content))
        return files


def write_mkdocs_yml(directory: Path, settings: dict[str, Any]) -> Path:
    """Write ``mkdocs.yml`` into ``directory`` and return its path."""
    path = directory / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), "utf-8")
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
    with tempfile.TemporaryDirectory(prefix="tiltakshefte-serve-") as work:
        docs = Path(work) / "docs"
        docs.mkdir()
        settings = output.mkdocs_settings(docs, project.theme_dir, None, str(project.root),
                                          strict=False)
        settings["dev_addr"] = f"{host}:{port}"
        config_file = write_mkdocs_yml(Path(work), settings)
        watch = [str(project.content_dir), str(project.theme_dir), str(project.config_file)]
        serve(config_file=str(config_file), livereload=True, watch=watch)
