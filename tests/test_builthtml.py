"""The theme overrides and never copies; the pass over built pages fits both engines.

``theme/`` holds only what the site adds (block overrides in ``main.html``, partials of our
own, CSS, JS). What the copies of upstream templates were for is done by
:mod:`generator.builthtml`, one literal replacement per fix; these tests fail when an
engine's templates change so that a fix no longer applies.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import zensical_ui
from conftest import ROOT

from generator import builthtml

THEME = ROOT / "theme"
ENGINES = {
    "mkdocs": Path(material.__file__).parent / "templates",
    "zensical": Path(zensical_ui.__file__).parent / "templates",
}
# Material's search partial goes when Pagefind replaces Material's search (issue 20); until
# then it is the one copy left, and Zensical's build does not use it (its search is off).
LEFT_UNTIL_PAGEFIND = {"partials/search.html"}


def _theme_templates() -> list[str]:
    return sorted(p.relative_to(THEME).as_posix() for p in THEME.rglob("*.html"))


@pytest.mark.parametrize("engine", ENGINES)
def test_theme_holds_no_copy_of_an_upstream_template(engine: str) -> None:
    upstream = ENGINES[engine]
    copies = [name for name in _theme_templates()
              if name != "main.html" and (upstream / name).is_file()]
    assert sorted(copies) == sorted(LEFT_UNTIL_PAGEFIND & set(copies)), (
        f"kopier av malene til {engine} i theme/: {copies}")


def test_theme_names_no_hashed_upstream_asset() -> None:
    hashed = re.compile(r"[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)")
    found = [f"{path.relative_to(ROOT)}: {match}"
             for path in sorted(THEME.rglob("*"))
             if path.is_file() and path.suffix in {".html", ".css", ".js"}
             and "vendor" not in path.parts
             for match in hashed.findall(path.read_text("utf-8"))]
    assert found == []


@pytest.mark.parametrize("engine", ENGINES)
def test_every_fix_still_matches_the_engines_templates(engine: str) -> None:
    templates = ENGINES[engine]
    base = (templates / "base.html").read_text("utf-8")
    assert len(builthtml._CHECKBOX_AUTOCOMPLETE.findall(base)) == 2  # drawer and search
    palette = (templates / "partials" / "palette.html").read_text("utf-8")
    assert builthtml._PALETTE_FORM.search(palette)
    nav_item = (templates / "partials" / "nav-item.html").read_text("utf-8")
    assert builthtml._TOC_TOGGLE in nav_item
    toc = (templates / "partials" / "toc.html").read_text("utf-8")
    assert builthtml._TOC_TITLE.search(toc)
    assert len(builthtml._TOGGLE.findall(base.replace(' autocomplete="off"', ""))) == 2
    assert (builthtml._OVERLAY_HIDDEN in base) == (engine == "zensical")
    assert builthtml._OVERLAY_HIDDEN in base or builthtml._OVERLAY in base


STOCK = """<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer" aria-hidden="true"></label>
<a href="" title="Forsiden" class="md-header__button md-logo" aria-label="Forsiden"></a>
<input type="text" class="md-search__input" name="query" autocomplete="off" required>
<form class="md-header__option" data-md-component="palette">
  <input class="md-option" type="radio" name="__palette" id="__palette_0">
</form>
<form class="md-search__form" name="search"></form>
<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">
<label class="md-nav__title" for="__toc">
  <span class="md-nav__icon md-icon"></span>
  Innholdsfortegnelse
</label>
</body>"""

FIXED = """<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="Søk">
<label class="md-overlay" for="__drawer"></label>
<a href="." title="Forsiden" class="md-header__button md-logo" aria-label="Forsiden"></a>
<input type="text" class="md-search__input" name="query" autocomplete="off" required>
<div class="md-header__option" data-md-component="palette" role="group" aria-label="Fargevalg">
  <input class="md-option" type="radio" name="__palette" id="__palette_0">
</div>
<form class="md-search__form" name="search"></form>
<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="Innholdsfortegnelse">
<div class="md-nav__title">
  <span class="md-nav__icon md-icon"></span>
  Innholdsfortegnelse
</div>
</body>"""


def test_fix_page_changes_only_what_it_names_and_only_once() -> None:
    assert builthtml.fix_page(STOCK) == FIXED
    assert builthtml.fix_page(FIXED) == FIXED


def test_a_toggle_that_a_label_controls_keeps_its_name_from_the_label() -> None:
    page = STOCK + '<label class="md-header__button" for="__search"></label>'
    assert 'id="__search">' in builthtml.fix_page(page)


def test_fix_site_rewrites_only_html_pages(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(STOCK, "utf-8")
    (tmp_path / "404.html").write_text(FIXED, "utf-8")
    (tmp_path / "data.json").write_text(STOCK, "utf-8")
    assert builthtml.fix_site(tmp_path) == 1
    assert (tmp_path / "a" / "index.html").read_text("utf-8") == FIXED
    assert (tmp_path / "data.json").read_text("utf-8") == STOCK
