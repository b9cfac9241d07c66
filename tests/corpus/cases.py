"""The corpus of bad inputs: each case breaks the valid base tree in one way.

Every case states the exit code of ``tiltakshefte validate --strict`` and the exact
lines it must print (file:line:col: key: message). See ``tests/test_corpus.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import BASE, MEASURE
from .expected import EXPECTED

M = "content/measures/mentorordning.yml"
P = "content/pilots/pilot.yml"
D = "content/datasets/deltakelse.yml"
S = "content/sources/rapport.yml"
K = "content/municipalities/sor-odal.yml"


@dataclass(frozen=True)
class Case:
    """One bad input; what validation must say about it is in ``expected.py``."""

    name: str
    files: dict[str, str | bytes | None]

    @property
    def exit_code(self) -> int:
        """The exit code ``validate --strict`` must give."""
        return EXPECTED[self.name][0]

    @property
    def expected(self) -> list[str]:
        """The exact lines ``validate --strict`` must print."""
        return EXPECTED[self.name][1]

    def tree(self) -> dict[str, str | bytes]:
        """The base tree with this case's changes (None deletes a file)."""
        result: dict[str, str | bytes] = dict(BASE)
        for path, text in self.files.items():
            if text is None:
                result.pop(path, None)
            else:
                result[path] = text
        return result


def swap(path: str, old: str, new: str) -> dict[str, str | bytes | None]:
    """The base file at ``path`` with ``old`` replaced by ``new`` (which must be there)."""
    return edit(path, (old, new))


def edit(path: str, *pairs: tuple[str, str]) -> dict[str, str | bytes | None]:
    """The base file at ``path`` with several replacements, each of which must apply."""
    text = BASE[path]
    for old, new in pairs:
        assert old in text, (path, old)
        text = text.replace(old, new, 1)
    return {path: text}


CASES: list[Case] = []

LONG = "Lang tekst. " * 2100
BIG = "id: mentorordning\n" + "# fyll\n" * 800_000


def add(*cases: Case) -> None:
    CASES.extend(cases)


# YAML syntax
add(
    Case("yaml-unclosed-quote", swap(M, "summary: Erfarne", 'summary: "Erfarne')),
    Case("yaml-bad-indentation", swap(M, "aims: [beholde]", "  aims: [beholde]")),
    Case("yaml-tab-indentation", swap(P, "  - municipality: sor-odal", "\t- municipality: sor-odal")),
    Case("yaml-duplicate-key", {M: MEASURE + "name: Mentor igjen\n"}),
    Case("yaml-duplicate-nested-key", swap(P, "  end: 2019-12", "  end: 2019-12\n  start: 2017")),
    Case("yaml-anchor-alias", swap(M, "aims: [beholde]", "aims: &a [beholde]\nrelated2: *a")),
    Case("yaml-alias-bomb", {M: MEASURE + "x: &a [1, 1]\ny: &b [*a, *a]\nz: [*b, *b, *b]\n"}),
    Case("yaml-multiple-documents", {M: MEASURE + "---\nid: annen\n"}),
    Case("yaml-colon-in-plain-text", swap(M, "summary: Erfarne sykepleiere", "summary: Merk: sykepleiere")),
    Case("yaml-missing-colon", swap(M, "name: Mentorordning", "name Mentorordning")),
    Case("yaml-top-level-list", {M: "- id: mentorordning\n"}),
    Case("yaml-custom-tag", swap(M, "resource_need: middels", "resource_need: !python/name:os.system middels")),
)

# Encodings
add(
    Case("encoding-bom-accepted", {M: "\ufeff" + MEASURE}),
    Case("encoding-latin1", {M: MEASURE.replace("Mentorordning", "Mentorordning for sm\u00e5").encode("latin-1")}),
    Case("encoding-empty-file", {M: ""}),
    Case("encoding-only-comments", {M: "# bare en kommentar\n"}),
    Case("encoding-binary", {M: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}),
    Case("encoding-utf16", {M: MEASURE.encode("utf-16")}),
)

# YAML 1.1 traps
add(
    Case("trap-no-as-text-is-kept", swap(M, "name: Mentorordning", "name: no")),
    Case("trap-no-as-vocabulary-value", swap(M, "resource_need: middels", "resource_need: no")),
    Case("trap-on-as-county", swap(K, "county: hedmark", "county: on")),
    Case("trap-leading-zero-number", swap(K, "value: 7884", "value: 012")),
    Case("trap-bare-date-as-text-is-kept", swap(K, 'year: "2018"', "year: 2018-05-01")),
    Case("trap-date-wrong-format", swap(S, "date: 2020-04", "date: 03.05.2020")),
    Case("trap-exponent-where-text", swap(M, "summary: Erfarne sykepleiere følger opp nyansatte.", "summary: 1e3")),
    Case("trap-true-where-text", swap(M, "name: Mentorordning", "name: true")),
    Case("trap-year-where-text", swap(M, "name: Mentorordning", "name: 2019")),
    Case("trap-empty-value", swap(M, "summary: Erfarne sykepleiere følger opp nyansatte.", "summary:")),
)

# Schema
add(
    Case("schema-missing-required", swap(M, "name: Mentorordning\n", "")),
    Case("schema-wrong-type-list", swap(M, "aims: [beholde]", "aims: beholde")),
    Case("schema-wrong-type-object", swap(P, "period:\n  start: 2018\n  end: 2019-12", "period: 2018-2019")),
    Case("schema-unknown-key", swap(M, "name: Mentorordning", "name: Mentorordning\nnavn: Mentor")),
    Case("schema-unknown-nested-key", swap(K, "  - label: Innbyggere", "  - lable: Innbyggere")),
    Case("schema-empty-string", swap(M, "name: Mentorordning", 'name: ""')),
    Case("schema-whitespace-only", swap(M, "name: Mentorordning", 'name: "   "')),
    Case("schema-number-out-of-range", swap(D, "unit: kommuner", "unit: kommuner\nn: -5")),
    Case("schema-percent-above-100", swap(K, "value: 7884\n    unit: personer", "value: 120\n    unit: prosent")),
    Case("schema-negative-count", swap(K, "value: 7884", "value: -3")),
    Case("schema-dataset-columns-differ", swap(D, "values: [18, 8, 5]", "values: [18, 8]")),
    Case("schema-dataset-text-in-numbers", swap(D, "values: [18, 8, 5]", "values: [18, åtte, 5]")),
    Case("schema-dataset-percent-above-100",
         edit(D, ("unit: kommuner", "unit: prosent"), ("[18, 8, 5]", "[18, 8, 500]"))),
    Case("schema-chart-missing-column", swap(D, "y: [antall]", "y: [antal]")),
    Case("schema-chart-unknown-type", swap(D, "type: bar", "type: pie")),
    Case("schema-period-end-before-start", swap(P, "end: 2019-12", "end: 2016")),
    Case("schema-vocabulary-typo", swap(M, "target_groups: [sykepleiere, nyansatte]", "target_groups: [sykepleier, nyansatte]")),
    Case("schema-empty-required-list", swap(M, "aims: [beholde]", "aims: []")),
    Case("schema-text-too-long", swap(M, "name: Mentorordning", "name: " + "Mentor" * 60)),
    Case("schema-markdown-too-long", swap(M, "  En mentor følger den nyansatte det første året.", "  " + LONG)),
)

# References
add(
    Case("ref-unknown-id", swap(P, "  - measure: mentorordning", "  - measure: mentorordnig")),
    Case("ref-wrong-kind", swap(P, "  - municipality: sor-odal", "  - municipality: ks")),
    Case("ref-self-reference", swap(M, "related: [fadderordning]", "related: [fadderordning, mentorordning]")),
    Case("ref-duplicate-in-list", swap(M, "related: [fadderordning]", "related: [fadderordning, fadderordning]")),
    Case("ref-duplicate-chart-id", {"content/datasets/kopi.yml": BASE[D].replace("id: deltakelse\ntitle", "id: kopi\ntitle")}),
    Case("ref-file-name-differs-from-id", {M: None, "content/measures/mentor.yml": MEASURE}),
    Case("ref-case-variant", swap(P, "  - municipality: sor-odal", "  - municipality: Sor-Odal")),
    Case("ref-diacritics-variant", swap(P, "  - municipality: sor-odal", "  - municipality: sør-odal")),
    Case("ref-diacritics-in-file-name", {K: None, "content/municipalities/sør-odal.yml": BASE[K].replace("id: sor-odal", "id: sør-odal")}),
    Case("ref-near-miss-suggestion", swap(P, "  - municipality: sor-odal", "  - municipality: sorodal")),
    Case("ref-unknown-source", swap(M, "  - source: rapport", "  - source: rapporten")),
    Case("ref-unknown-chart", swap(P, "charts: [deltakelse]", "charts: [deltagelse]")),
    Case("layout-unknown-folder", {"content/tiltak/x.yml": "id: x\n"}),
    Case("layout-wrong-extension", {M: None, "content/measures/mentorordning.yaml": MEASURE}),
)

# Safety
add(
    Case("safety-raw-html", swap(M, "  En mentor følger", "  En <b>mentor</b> følger")),
    Case("safety-script-tag", swap(M, "  En mentor følger", "  <script>alert(1)</script> En mentor følger")),
    Case("safety-event-handler", swap(M, "  En mentor følger", "  <img src=x onerror=alert(1)> En mentor følger")),
    Case("safety-javascript-link", swap(M, "  En mentor følger", "  [Klikk](javascript:alert(1)) En mentor følger")),
    Case("safety-javascript-reference-link", swap(M, "  En mentor følger den nyansatte det første året.", "  [Klikk][x]\n\n  [x]: javascript:alert(1)")),
    Case("safety-data-uri-link", swap(M, "  En mentor følger", "  [Klikk](data:text/html,hei) En mentor følger")),
    Case("safety-external-image", swap(M, "  En mentor følger", "  ![bilde](https://evil.example/x.png) En mentor følger")),
    Case("safety-script-in-chart-title", swap(D, "title: Kommuner som deltok", 'title: "</script><script>alert(1)</script>"')),
    Case("safety-html-in-name", swap(M, "name: Mentorordning", 'name: "Mentor <img src=x onerror=alert(1)>"')),
    Case("safety-comment-close-in-chart-title-is-escaped", swap(D, "title: Kommuner som deltok", 'title: "Kommuner --> som deltok"')),
    Case("safety-script-in-chart-data-is-escaped", swap(D, "values: [Invitert, Startet, Fullførte]", 'values: ["</script><script>alert(1)</script>", "-->", Fullførte]')),
)

# Scale
add(
    Case("scale-5-mb-record", {M: BIG}),
    Case("scale-10000-item-list", swap(M, "target_groups: [sykepleiere, nyansatte]", "target_groups: [sykepleiere, nyansatte]\naliases: [" + ", ".join(["Mentor"] * 10_000) + "]")),
)

# Strict-mode warnings
add(
    Case("warn-measure-unused", swap(P, "  - measure: fadderordning\n    what: Faddere for alle nyansatte.\n", "")),
    Case("warn-municipality-in-no-pilot", edit(
        P, ("municipalities:\n  - municipality: sor-odal\n", ""),
        ("    municipalities: [sor-odal]\n", ""))),
    Case("warn-record-without-sources", swap(K, "sources:\n  - source: rapport\n    location: s. 2\n", "")),
    Case("warn-number-without-source", edit(
        P, ("    what: Faddere for alle nyansatte.", "    what: Faddere for 12 nyansatte."),
        ("sources:\n  - source: rapport\n    location: s. 4\n", ""))),
)
