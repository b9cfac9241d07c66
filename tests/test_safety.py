"""Content can never become script: hostile text fails validation or is inert in pages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import write_tree
from corpus.base import BASE
from corpus.cases import CASES

from generator.cli import main
from generator.markup import render_markdown, sanitize

PAYLOAD = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [lenke](javascript:alert(3))'
MEASURE = "content/measures/mentorordning.yml"


def test_payload_in_every_text_field_is_rejected_with_its_location(tmp_path: Path, capsys) -> None:
    data = yaml.safe_load(BASE[MEASURE])
    text_fields = [k for k, v in data.items() if isinstance(v, str) and k not in ("id",)
                   and k != "resource_need"]
    for key in text_fields:
        data[key] = PAYLOAD
    data["aliases"] = [PAYLOAD]
    data["getting_started"] = [PAYLOAD]
    data["pitfalls"] = [PAYLOAD]
    root = write_tree(tmp_path / "p", {**BASE, MEASURE: yaml.safe_dump(data, allow_unicode=True)})
    assert main(["--project", str(root), "validate"]) == 1
    lines = capsys.readouterr().err.splitlines()
    flagged = {re.match(r"[^:]+:\d+:\d+: ([\w.\[\]]+):", line).group(1)  # type: ignore[union-attr]
               for line in lines if "HTML er ikke tillatt" in line}
    assert flagged == {*text_fields, "aliases[0]", "getting_started[0]", "pitfalls[0]"}


def test_sanitiser_removes_whatever_slips_past_validation() -> None:
    html = render_markdown("Tekst\n\n" + PAYLOAD.replace("<", "\n\n<"))
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert sanitize('<a href="javascript:x">a</a><img src="https://evil/x.png">') == (
        '<a rel="noopener">a</a><img>')


def test_hostile_chart_data_is_escaped_in_the_built_page(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "safety-script-in-chart-data-is-escaped")
    root = write_tree(tmp_path / "p", case.tree())
    out = tmp_path / "site"
    assert main(["--project", str(root), "build", "--output", str(out)]) == 0
    page = (out / "piloter" / "pilot" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    figure = re.search(r'<template class="th-chart__figure"[^>]*>(.*?)</template>',
                       page, re.S)
    assert figure is not None
    assert "\\u003c/script\\u003e" in figure.group(1) and "-->" not in figure.group(1)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the data table
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert all("alert" not in s for s in scripts)
