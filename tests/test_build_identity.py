"""``tiltakshefte build`` writes exactly what plain MkDocs and Pagefind write from
``tiltakshefte export``, following the export's README (``mkdocs build``, then ``python -m
pagefind`` with the export's ``pagefind.yml``): every page and every file of the search index.

The build takes shortcuts plain MkDocs does not: HTML blocks set aside without being parsed
again, Material's templates compiled once per machine (see ``generator/mkdocs_adapter.py``).
This shows, file by file, that they change nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SiteServer
from sitecompare import site_differences

from generator.cli import main


def test_build_equals_plain_mkdocs_of_the_export(
    built_site: SiteServer, site_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export"
    assert main(["--project", str(ROOT), "export", str(export), "--site-url", built_site.url]) == 0
    plain = export / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict",
                    "-f", "mkdocs.yml", "-d", "site"],
                   check=True, cwd=export, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert not (plain / "pagefind").exists()
    subprocess.run([sys.executable, "-m", "pagefind", "--silent"], check=True, cwd=export)
    assert (plain / "pagefind" / "pagefind.js").is_file()
    assert site_differences(plain, site_dir) == []
