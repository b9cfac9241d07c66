"""The HTML-block fast path gives exactly the HTML Python-Markdown gives without it."""

from __future__ import annotations

import random

import markdown
import pytest
from conftest import ROOT
from mkdocs.config import load_config

from generator.htmlstash import RawHtmlStash, stash_blocks
from generator.mkdocs_config import config_yaml
from generator.output import render_project
from generator.pipeline import Project


@pytest.fixture(scope="module")
def site_markdown(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, object]]:
    """Every page body of the real site, and the site's Markdown settings as MkDocs reads them."""
    output = render_project(Project(ROOT))
    work = tmp_path_factory.mktemp("mkdocs")
    (work / "docs").mkdir()
    settings = output.mkdocs_settings(work / "docs", ROOT / "theme", None, None)
    (work / "mkdocs.yml").write_text(config_yaml(settings), encoding="utf-8")
    config = load_config(config_file=str(work / "mkdocs.yml"))
    bodies = [page.text().split("\n---\n", 1)[1] for page in output.pages]
    return bodies, {"extensions": config.markdown_extensions,
                    "extension_configs": config.mdx_configs}


def convert(text: str, settings: dict[str, object], fast: bool) -> tuple[str, object]:
    extensions = list(settings["extensions"])  # type: ignore[call-overload]
    if fast:
        extensions.append(RawHtmlStash())
    md = markdown.Markdown(extensions=extensions,
                           extension_configs=settings["extension_configs"])  # type: ignore[arg-type]
    return md.convert(text), md.toc_tokens  # type: ignore[attr-defined]


def test_every_real_page_converts_the_same(site_markdown) -> None:  # type: ignore[no-untyped-def]
    bodies, settings = site_markdown
    for body in bodies:
        assert convert(body, settings, True) == convert(body, settings, False)


def test_the_fast_path_takes_nearly_all_html_of_the_real_pages(site_markdown) -> None:  # type: ignore[no-untyped-def]
    bodies, _ = site_markdown
    md = markdown.Markdown()
    left = sum(stash_blocks(body, md)[0].count("<") for body in bodies)
    total = sum(body.count("<") for body in bodies)
    assert left < total * 0.01, f"{left} av {total} koder gikk den langsomme veien"


# Each case: Markdown text, and how many blocks the fast path may stash (None: any number).
CASES: list[tuple[str, int | None]] = [
    ("# Tittel\n\n<div class=\"a\">\n<p>tekst</p>\n</div>\n\nMer tekst.\n", 1),
    ("<p>a</p><div>b</div>\n\n## Neste\n", 2),                 # starts on the line of the last
    ("<p>a</p>  <div>b</div>\n", 2),                          # … after blanks
    ("<p>a</p>    <div>b</div>\n", 1),                        # … too far in: the first stays
    ("<p>a</p> tekst <div>b</div>\n", None),                 # text in the tail
    ("<p>a</p><span>x</span><div>b</div>\n", None),           # an inline tag in the tail
    ("<p>a</p>&amp;<div>b</div>\n", 0),                       # an entity in the tail
    ("<p>a</p><div><div>c</div></div>\n", None),              # nested block tags in the tail
    ("<div>\n<div>\n</div>\nstill inside\n</div>\n", 1),      # nested same tag
    ("<div><p>a<br>b</div>\n", 1),                            # unclosed inner tags
    ("<div>\n\ntext with blank line\n\n</div>\n", 1),
    ("   <div>indented</div>\n", 1),
    ("    <div>code</div>\n", 0),                             # four spaces: a code block
    ("Text\n<div>right after</div>\nmore\n", 1),
    ("- item\n<div>after a list</div>\n", 1),
    ("> quote\n<div>after a quote</div>\n", 1),
    ("<hr>\n<div>x</div>\n", 0),                            # a block of its own: left alone
    ("<hr>\n\n<div>x</div>\n", 0),
    ("<hr/>\n", 0),
    ("<p>a</p>  x  <div>b</div>\n<div>c</div>\n", None),   # a kept block before a stashed one
    ("<p>a</p>\n<p>b</p>\n", 2),
    ("<div>x</div><br/>\n", 0),
    ("a <div>mid-line</div> b\n", 0),
    ("<span>inline start</span> text\n\n<p>x</p>\n", 1),
    ("<DIV CLASS=\"x\">upper</DIV>\n", 1),
    ("<div>\n<!-- comment -->\n</div>\n", 0),
    ("<div>\n<script>var x = '<p>';</script>\n</div>\n", 0),
    ("<div title='single'>x</div>\n", 0),
    ("<div>x &#39; y &#x27; z &amp; w</div>\n", 1),
    ("<div>x &#39 y</div>\n", 0),
    ("<div>never closed\n", 0),
    ("<template class=\"t\">{\"a\":\"<\\u003c\"}</template>\n", 0),
    ("<figure><template>{}</template></figure>\n\n*after*\n", 1),
    ("<div>a</div>\n<div>b</div>\n\n<div>c</div>", 3),
    ("<p>a</p>\n\n\n\n<p>b</p>\n", 2),
    ("<div>x</div> \n\nnext\n", 1),
    ("<div>\nx\n</div>\n# Heading {#id}\n", 1),
    ("``` \n<div>fenced</div>\n```\n", None),
    ("<details><summary>Vis</summary>\n<p>x</p>\n</details>\n", 1),
    ("<table><tr><td>1</td></tr></table>\n| a | b |\n|---|---|\n| 1 | 2 |\n", 1),
]


@pytest.mark.parametrize(("text", "stashed"), CASES)
def test_tricky_markup_converts_the_same(site_markdown, text: str, stashed: int | None) -> None:  # type: ignore[no-untyped-def]
    _, settings = site_markdown
    assert convert(text, settings, True) == convert(text, settings, False)
    if stashed is not None:
        md = markdown.Markdown()
        normalised = text.expandtabs(4) + "\n\n"
        assert stash_blocks(normalised, md)[1] == stashed


BLOCK_TAGS = ["div", "p", "figure", "ul", "li", "table", "details", "h2", "dl", "section"]
INLINE = ["<span>x</span>", "<a href=\"x/\">lenke</a>", "<br>", "<br/>", "<em>e</em>", "text",
          "*em*", "&amp;", "&#39;", "`<div>`", "<template>{}</template>", "<hr>", "<", "&"]
GAPS = ["", "", "\n", "\n", "\n\n", " ", "  ", "    ", "\n   ", " tekst ", "\n# H\n", "\n- li\n",
        "\n> q\n", "\n\n    kode\n"]


def random_block(rng: random.Random, depth: int = 0) -> str:
    """A block element with random content: nested blocks, inline markup, blank lines; now
    and then its end tag left out."""
    tag = rng.choice(BLOCK_TAGS)
    inner = []
    for _ in range(rng.randint(0, 4)):
        roll = rng.random()
        if roll < 0.3 and depth < 3:
            inner.append(random_block(rng, depth + 1))
        elif roll < 0.85:
            inner.append(rng.choice(INLINE))
        else:
            inner.append(rng.choice(GAPS))
    end = "" if rng.random() < 0.05 else f"</{tag}>"
    return f"<{tag} class=\"c\">" + "".join(inner) + end


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 8)):
        parts.append(random_block(rng) if rng.random() < 0.6 else rng.choice(INLINE))
        parts.append(rng.choice(GAPS))
    return "".join(parts)


def test_random_markup_converts_the_same(site_markdown) -> None:  # type: ignore[no-untyped-def]
    """Hundreds of random mixes of block and inline tags, text, blanks and entities."""
    _, settings = site_markdown
    rng = random.Random(14)
    fast_md = markdown.Markdown(extensions=[*settings["extensions"], RawHtmlStash()],
                                extension_configs=settings["extension_configs"])
    plain_md = markdown.Markdown(extensions=settings["extensions"],
                                 extension_configs=settings["extension_configs"])
    stashed = 0
    for _ in range(400):
        text = random_text(rng)
        fast_md.reset()
        plain_md.reset()
        assert fast_md.convert(text) == plain_md.convert(text), repr(text)
        stashed += stash_blocks(text.expandtabs(4) + "\n\n", markdown.Markdown())[1]
    assert stashed > 200  # the fast path was taken, not only the fallback
