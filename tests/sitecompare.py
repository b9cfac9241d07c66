"""Compare two built sites file by file, setting aside only what depends on the date."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

# MkDocs writes the build date into the sitemap (<lastmod>) and the gzipped sitemap's header.
# Two builds a moment apart differ there only when midnight falls between them.
_LASTMOD = re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")
# What `serve` adds to every HTML page it sends: the live-reload script, with a time stamp.
_LIVE_RELOAD = re.compile(rb"<script>\s*var livereload = function.*?</script>(?=</body>)", re.S)


# Pagefind numbers its filter files and its metadata file by a hash that changes from run to
# run even when the pages are the same (their inner order is not fixed). Those files are
# compared by count; what they hold per page is in the fragments, which are compared by bytes.
_UNORDERED = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta)$")

_ENTRY_HASH = re.compile(rb'"hash":"[^"]*"')


def normalised(relative: str, data: bytes) -> bytes:
    """``data`` of the file at ``relative`` with the build date taken out."""
    if relative.endswith(".gz"):
        data = gzip.decompress(data)
    if relative.startswith("sitemap.xml"):
        data = _LASTMOD.sub(b"<lastmod></lastmod>", data)
    if relative == "pagefind/pagefind-entry.json":  # names the metadata file (see above)
        data = _ENTRY_HASH.sub(b'"hash":""', data)
    return data


def all_files_of(site: Path) -> list[str]:
    """Every file of a built site, relative to it."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def files_of(site: Path) -> list[str]:
    """The files of a built site that are compared byte for byte."""
    return [name for name in all_files_of(site) if not _UNORDERED.match(name)]


def site_differences(expected: Path, actual: Path) -> list[str]:
    """Files that are missing, extra or different in ``actual``."""
    wanted, found = files_of(expected), files_of(actual)
    unordered = [len([n for n in all_files_of(site) if _UNORDERED.match(n)])
                 for site in (expected, actual)]
    problems = [] if unordered[0] == unordered[1] else [f"ulikt antall Pagefind-filer: {unordered}"]
    problems += [f"mangler: {name}" for name in sorted(set(wanted) - set(found))]
    problems += [f"ekstra: {name}" for name in sorted(set(found) - set(wanted))]
    for name in sorted(set(wanted) & set(found)):
        if normalised(name, (expected / name).read_bytes()) != normalised(
                name, (actual / name).read_bytes()):
            problems.append(f"ulik: {name}")
    return problems


def fetch(url: str) -> bytes | None:
    """The body at ``url``, or None for an error status or no answer."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except (urllib.error.URLError, OSError):
        return None


def served_differences(base_url: str, expected: Path) -> list[str]:
    """Files of the built site ``expected`` that the server at ``base_url`` sends differently
    (the live-reload script it adds to HTML pages set aside)."""
    problems = []
    for name in files_of(expected):
        url = base_url + (name.removesuffix("index.html") if name.endswith("index.html") else name)
        body = fetch(url)
        if body is None:
            problems.append(f"mangler: {name}")
            continue
        if name.endswith(".html"):
            body = _LIVE_RELOAD.sub(b"", body, count=1)
        if normalised(name, body) != normalised(name, (expected / name).read_bytes()):
            problems.append(f"ulik: {name}")
    return problems
