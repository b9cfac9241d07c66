"""One strictness: ``validate`` and ``build`` agree on what stops a build, and say which flag
changes it, in Norwegian with the right plural."""

from __future__ import annotations

from pathlib import Path

from test_cli import MEASURE, run

PILOT = """\
id: p
name: Pilot p
summary: En pilot.
region: Et sted
counties: [vestland]
period:
  start: 2024
method: Læringsnettverk
measures:
  - measure: a
    what: Det piloten gjorde.
sources:
  - source: s
    location: hele rapporten
"""
SOURCE = """\
id: s
title: Rapporten
kind: rapport
date: 2024
covers: Alt.
"""


def test_one_warning_passes_both_and_strict_stops_both(tree, tmp_path: Path) -> None:
    root = tree({"content/measures/a.yml": MEASURE.format(id="a"),
                 "content/pilots/p.yml": PILOT, "content/sources/s.yml": SOURCE})
    warning = "content/measures/a.yml:1:1: id: advarsel: posten har ingen kilder (sources)"
    lenient = ("Innholdet er gyldig, med 1 advarsel. Advarsler stopper ikke byggingen her, men "
               "med --strict (som sjekkene på GitHub bruker) er de feil.")
    result = run(root, "validate")
    assert (result.returncode, result.stderr.splitlines(), result.stdout.splitlines()) == (
        0, [warning], [lenient])
    out = tmp_path / "site"
    result = run(root, "build", "--output", str(out))
    assert result.returncode == 0, result.stderr
    # The one content warning, and the notice that the settings name no contact address
    # for «Meld fra om feil» (a setting, not content: it never stops a build).
    assert result.stderr.splitlines()[0] == warning
    assert [line for line in result.stderr.splitlines()[1:]
            if not line.startswith("Advarsel: site_config.yml: contact:")] == []
    assert lenient in result.stdout.splitlines()
    assert (out / "tiltak/a/index.html").is_file()
    strict = ("0 feil og 1 advarsel. Advarslene stopper byggingen fordi --strict er brukt; uten "
              "--strict blir de bare vist.")
    for args in (("validate", "--strict"), ("build", "--strict", "--output", str(tmp_path / "b"))):
        result = run(root, *args)
        assert (result.returncode, result.stderr.splitlines()) == (1, [warning, strict])
    assert not (tmp_path / "b").exists()


def test_two_warnings_use_the_plural(tree) -> None:
    root = tree({"content/measures/a.yml": MEASURE.format(id="a")})
    result = run(root, "validate")
    assert result.stdout.splitlines() == [
        "Innholdet er gyldig, med 2 advarsler. Advarsler stopper ikke byggingen her, men med "
        "--strict (som sjekkene på GitHub bruker) er de feil."]
