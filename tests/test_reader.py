"""What a first reader meets: page titles, source pages that lead to the report, plurals."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SITE_NAME = "Jobbvinner – digitalt tiltakshefte"


def title_of(page: Path) -> str:
    """The text of the page's ``<title>``."""
    found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return found.group(1).strip()


def test_the_home_page_title_is_the_site_name_once(site_dir: Path) -> None:
    assert title_of(site_dir / "index.html") == SITE_NAME


def test_other_titles_name_the_page_then_the_site(site_dir: Path) -> None:
    assert title_of(site_dir / "tiltak/mentorordning/index.html") == (
        f"Mentorordning for nyansatte sykepleiere – {SITE_NAME}")
    for page in site_dir.glob("*/**/index.html"):
        assert title_of(page).count(SITE_NAME) == 1, page


def test_a_source_without_an_address_says_how_to_get_it(site_dir: Path) -> None:
    page = (site_dir / "kilder/tfou-2020-7/index.html").read_text(encoding="utf-8")
    block = page.split('class="th-getreport"', 1)[1].split("</div>", 1)[0]
    assert "Slik får du tak i rapporten" in block
    assert "Trøndelag Forskning og Utvikling (TFoU)" in block
    assert "TFoU-rapport nr. 2020:7" in block and "2020" in block
    assert "Les hele rapporten" not in page


def test_the_evaluation_page_gives_its_frame_with_the_line(site_dir: Path) -> None:
    page = (site_dir / "kilder/tfou-2020-7/index.html").read_text(encoding="utf-8")
    table = page.split("Tall om rapporten", 1)[1].split("</table>", 1)[0]
    assert "810 000 kr" in table.replace("\u00a0", " ")
    assert "vel fire månedsverk" in table
    assert "Forord" in table


def test_a_source_with_an_address_links_to_the_report(real_copy: Path, tmp_path: Path) -> None:
    record = real_copy / "content/sources/salten-sluttrapport.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "url: https://example.org/salten.pdf\n", encoding="utf-8")
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "generator", "--project", str(real_copy),
                           "build", "--output", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    page = (out / "kilder/salten-sluttrapport/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="th-getreport__link" href="https://example.org/salten.pdf"'
                     r'[^>]*>Les hele rapporten</a>', page)
    assert "Slik får du tak i rapporten" not in page


def test_the_edit_link_says_what_it_is_for(site_dir: Path) -> None:
    page = (site_dir / "piloter/salten/index.html").read_text(encoding="utf-8")
    assert "Foreslå en endring" in page and "GitHub" in page
    assert "YAML-fila" not in page and "Rediger denne siden</a>" not in page


def test_a_count_of_one_takes_the_singular() -> None:
    from generator.wording import count_text, unit_for

    assert unit_for(1, "personer") == "person"
    assert unit_for(2, "personer") == "personer"
    assert unit_for(1.5, "timer") == "timer"
    assert unit_for(1, "personer per år") == "person per år"
    assert unit_for(1, "mulige respondenter") == "mulig respondent"
    assert unit_for(1, "av 41") == "av 41"
    assert count_text(1, "pilot", "piloter") == "1 pilot"
    assert count_text(0, "pilot", "piloter") == "0 piloter"


def test_no_page_says_one_with_a_plural(site_dir: Path) -> None:
    plural = re.compile(r"(?<![\d,.\u00a0])1\s+(personer|kommuner|piloter|rapporter|ansatte|"
                        r"søkere|stillinger|sykepleiere|studenter|timer|samlinger|måneder)\b")
    shown = re.compile(r"<[^>]+>")
    for page in site_dir.glob("**/index.html"):
        text = shown.sub(" ", page.read_text(encoding="utf-8")).replace("\u00a0", " ")
        assert not plural.search(text), (page, plural.search(text))
    mentor = (site_dir / "piloter/mentor/index.html").read_text(encoding="utf-8")
    assert "1 person<" in mentor


def test_year_only_events_come_after_the_dated_events_of_their_year(site_dir: Path) -> None:
    page = (site_dir / "piloter/salten/index.html").read_text(encoding="utf-8")
    timeline = page.split('<ol class="th-timeline">', 1)[1].split("</ol>", 1)[0]
    dates = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', timeline)
    years = [d[:4] for d, _ in dates]
    assert years == sorted(years)
    for year in set(years):
        precision = [len(d) for d, _ in dates if d.startswith(year)]
        last_dated = max((i for i, n in enumerate(precision) if n > 4), default=-1)
        first_vague = min((i for i, n in enumerate(precision) if n == 4), default=len(precision))
        assert last_dated < first_vague, year
    assert ("2020", "I løpet av 2020") in dates


def test_a_measure_shows_the_years_its_results_come_from(site_dir: Path) -> None:
    """Derived from the periods of the pilots with results; mentorordning's one pilot ran
    from September 2017 to December 2019."""
    page = (site_dir / "tiltak/mentorordning/index.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Resultatene er fra</dt><dd>2017–2019 ", page)
    catalogue = (site_dir / "tiltak/index.html").read_text(encoding="utf-8")
    card = catalogue.split('data-measure="mentorordning"', 1)[1].split("</dl>", 1)[0]
    assert "resultater fra 2017–2019" in card
    untried = catalogue.split('data-evidence="0"', 1)
    if len(untried) > 1:
        assert "th-years" not in untried[1].split("</dl>", 1)[0]


def test_pilot_pages_open_with_kort_fortalt_and_a_menu(site_dir: Path) -> None:
    pilots = sorted((site_dir / "piloter").glob("*/index.html"))
    assert len(pilots) >= 6
    for path in pilots:
        page = path.read_text(encoding="utf-8")
        content = page.split('class="md-content"', 1)[1]
        assert content.index('id="kort-fortalt"') < content.index('class="th-facts"'), path
        brief = content.split('class="th-brief"', 1)[1].split("</div>", 1)[0]
        assert re.findall(r"<dt>([^<]+)</dt>", brief) == [
            "Hva ble prøvd", "Hva det ga", "Hvor sikre er vi"], path
        assert 'class="th-source"' in brief, path  # the headline result with its sources
        menu = content.split('class="th-onpage"', 1)[1].split("</nav>", 1)[0]
        targets = re.findall(r'href="#([^"]+)"', menu)
        assert len(targets) >= 5, path
        for target in targets:
            assert f'id="{target}"' in page, (path, target)
