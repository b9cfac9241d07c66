"""The accessibility statement (tilgjengelighetserklæring), after the model of Tilsynet for
universell utforming av ikt (uustatus): the rules, what is known not to work, how the site
is tested, the date, and where to report and complain.

Its facts are the project's own checks. Each check names the test (or benchmark) that
runs it and words that test must contain; ``tests/test_statement.py`` fails when a check
claims more than its test does, when a test is gone, or when a page kind is only partly
checked without a known issue saying so.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

RULES = "WCAG 2.1 nivå A og AA"
SUPERVISOR_URL = "https://www.uutilsynet.no/"
SUPERVISOR = "Tilsynet for universell utforming av ikt (uutilsynet)"


@dataclass(frozen=True)
class Check:
    """An automatic check the project runs, as the statement names it."""

    name: str
    what: str
    where: str  # "path::function" of the test or benchmark that runs it
    needs: tuple[str, ...]  # what that function must contain for the claim to hold
    every_change: bool = True  # run by the test suite on every change (else: benchmarks)


@dataclass(frozen=True)
class KnownIssue:
    """Something known not to work, or not to be checked, and why."""

    what: str
    why: str
    page_kind: str = ""  # the page kind the tests check only in part, if that is the issue


CHECKS: tuple[Check, ...] = (
    Check("axe-core", "Reglene for WCAG 2.1 A og AA som kan testes automatisk, på én side av "
          "hver sidetype, i lys og mørk visning.",
          "tests/test_layout.py::test_axe_on_every_page_kind",
          ("axe_violations", "PAGE_KINDS", "SCHEMES")),
    Check("HTML_CodeSniffer", "En annen automatisk test av WCAG 2 AA på hver sidetype, som "
          "også finner skjema uten sendeknapp og felt uten navn.",
          "tests/test_layout.py::test_html_codesniffer_finds_no_wcag_errors",
          ("HTMLCS", "WCAG2AA", "PAGE_KINDS")),
    Check("W3C Nu HTML Checker", "Gyldig HTML på alle sidene, slik skjermlesere og andre "
          "hjelpemidler forventer.",
          "tests/test_site_checks.py::test_html_is_valid_according_to_the_w3c_checker",
          ("vnu.jar", "--errors-only")),
    Check("Omflyt ved 320 px", "Ingen sidelengs rulling, ingen punkttegn på kort og "
          "merkelapper, ved 320, 412 og 1280 piksler bredde, i lys og mørk visning.",
          "tests/test_layout.py::test_every_page_kind_holds_together",
          ("VIEWPORTS", "PAGE_KINDS", "AUDIT", "data-md-color-scheme")),
    Check("Diagrammer", "Hvert diagram tegnes, og axe-core testes på de tegnede diagrammene i "
          "lys og mørk visning. Hvert diagram har tittel, en kort tekst og en datatabell.",
          "tests/test_browser.py::test_axe_on_every_chart_drawn_in_light_and_dark",
          ("axe_violations",)),
    Check("Skjema", "Alle skjema har en sendeknapp, og alle felt har et navn.",
          "tests/test_site_checks.py::test_every_form_has_a_submit_control_and_every_field_a_name",
          ("unnamed_fields", "har ingen sendeknapp")),
    Check("Lighthouse", "Tilgjengelighetspoeng for forsiden, en tiltaksside og den tyngste "
          "diagramsiden på mobil.",
          "bench/real.py::lighthouse", ("_run_lighthouse",), every_change=False),
)

KNOWN_ISSUES: tuple[KnownIssue, ...] = (
    KnownIssue("Hele tiltaksheftet (alle tiltakene på én side) testes bare delvis med "
               "axe-core: rammen, innholdsfortegnelsen og de fem første tiltakene.",
               "Hele siden tar lengre tid å teste enn alle de andre sidetypene til sammen. "
               "Tiltakene bruker den samme malen som tiltakssidene, som testes fullt ut.",
               page_kind="hefte"),
    KnownIssue("Min liste og Lag plan virker bare med JavaScript.",
               "Lista lagres i nettleseren. Uten JavaScript sier sidene fra om det, og "
               "sammenligningen og hele tiltaksheftet kan brukes i stedet."),
    KnownIssue("Nettstedet er ikke testet manuelt med skjermleser eller av brukere med "
               "nedsatt funksjonsevne.",
               "Testene er automatiske. Automatiske tester finner bare en del av feilene "
               "som WCAG beskriver; meld fra om det du møter."),
    KnownIssue("Rapportene tiltaksheftet lenker til, er laget av andre.",
               "Vi kan ikke rette dem. Tallene og hovedpunktene fra dem står på nettstedet."),
)


def statement_date(root: Path | None) -> str | None:
    """The day the statement or its checks last changed (``YYYY-MM-DD``, from git), or None
    outside a repository."""
    if root is None:
        return None
    paths = ["generator/statement.py"] + sorted({c.where.split("::")[0] for c in CHECKS})
    try:
        output = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *paths], cwd=root,
                                capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return output.strip() or None
