"""Synthetic content for benchmarks: N measures with proportional other records.

Per 100 measures: 2 pilots (each using 50 measures and 5 municipalities),
10 municipalities, 2 organisations, 1 dataset with 2 charts. Plus 5 sources.
Texts are about as long as the real records'.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = ("kommune", "sykepleier", "helsefagarbeider", "mentor", "praksis", "veiledning",
         "lærling", "student", "rekruttere", "beholde", "turnus", "heltid", "kompetanse",
         "ledelse", "samarbeid", "omdømme", "nyansatt", "opplæring", "samling", "prosjekt",
         "erfaring", "resultat", "tiltak", "enhet", "sykehjem", "hjemmetjeneste")
TARGETS = ["sykepleiere", "helsefagarbeidere", "nyansatte", "studenter", "elever-og-laerlinger",
           "ungdom", "ufaglaerte", "veiledere", "ledere", "alle-ansatte"]
AIMS = ["rekruttere", "beholde", "praksis-og-laering", "kompetanse", "omdomme", "ledelse",
        "heltid", "samarbeid"]
COUNTIES = ["trondelag", "hedmark", "ostfold", "nordland", "vestland"]


def text(rng: random.Random, words: int) -> str:
    """A paragraph of Norwegian-looking words."""
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def block(rng: random.Random, paragraphs: int, indent: str = "  ") -> str:
    """A YAML block scalar body with several paragraphs."""
    return ("\n" + indent + "\n").join(indent + text(rng, 45) for _ in range(paragraphs))


def ref(location: str) -> str:
    return f"\n  - source: kilde-1\n    location: \"{location}\""


def generate(target: Path, measures: int, seed: int = 1) -> dict[str, int]:
    """Write a full project (settings, theme, content) with ``measures`` measures."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "theme", target / "theme")
    shutil.copy(ROOT / "site_config.yml", target / "site_config.yml")
    content = target / "content"
    counts = {"measures": measures, "pilots": max(2, measures // 50),
              "municipalities": max(5, measures // 10), "organisations": max(2, measures // 50),
              "datasets": max(1, measures // 100), "sources": 5}
    _write_sources(content, counts["sources"], rng)
    _write_organisations(content, counts["organisations"], rng)
    _write_municipalities(content, counts["municipalities"], rng)
    _write_measures(content, measures, rng)
    _write_datasets(content, counts["datasets"], rng)
    _write_pilots(content, counts, rng)
    return counts


def _write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def _write_sources(content: Path, n: int, rng: random.Random) -> None:
    for i in range(1, n + 1):
        _write(content / "sources" / f"kilde-{i}.yml",
               f"id: kilde-{i}\ntitle: Rapport {i}\nkind: rapport\ndate: 2020\n"
               f"covers: |\n{block(rng, 2)}\n")


def _write_organisations(content: Path, n: int, rng: random.Random) -> None:
    for i in range(1, n + 1):
        _write(content / "organisations" / f"org-{i}.yml",
               f"id: org-{i}\nname: Organisasjon {i}\nkind: annet\n"
               f"description: |\n{block(rng, 1)}\nsources:{ref('s. 1')}\n")


def _write_municipalities(content: Path, n: int, rng: random.Random) -> None:
    for i in range(1, n + 1):
        _write(content / "municipalities" / f"kommune-{i}.yml",
               f"id: kommune-{i}\nname: Kommune {i}\ncounty: {rng.choice(COUNTIES)}\n"
               f"summary: {text(rng, 12)}\ndescription:\n  text: |\n{block(rng, 2, '    ')}\n"
               f"  sources:{ref('s. 2').replace(chr(10), chr(10) + '  ')}\n"
               f"figures:\n  - label: Innbyggere\n    value: {rng.randint(700, 200000)}\n"
               f"    unit: personer\n    year: \"2019\"\n"
               f"    source: {{source: kilde-1, location: s. 3}}\nsources:{ref('s. 2')}\n")


def _write_measures(content: Path, n: int, rng: random.Random) -> None:
    for i in range(1, n + 1):
        related = sorted({f"tiltak-{rng.randint(1, n)}" for _ in range(3)} - {f"tiltak-{i}"})
        steps = "".join(f"\n  - {text(rng, 14)}" for _ in range(4))
        pitfalls = "".join(f"\n  - {text(rng, 16)}" for _ in range(2))
        _write(content / "measures" / f"tiltak-{i}.yml",
               f"id: tiltak-{i}\nname: Tiltak {i} {rng.choice(WORDS)}\n"
               f"summary: {text(rng, 18)}\ndescription: |\n{block(rng, 3)}\n"
               f"target_groups: [{', '.join(rng.sample(TARGETS, 2))}]\n"
               f"aims: [{', '.join(rng.sample(AIMS, 2))}]\n"
               f"resource_need: {rng.choice(['lav', 'middels', 'hoy'])}\n"
               f"resource_note: |\n{block(rng, 1)}\ngetting_started:{steps}\n"
               f"pitfalls:{pitfalls}\nrelated: [{', '.join(related)}]\n"
               f"sources:{ref('kap. 3')}\n")


def _write_datasets(content: Path, n: int, rng: random.Random) -> None:
    for i in range(1, n + 1):
        values = ", ".join(str(rng.randint(1, 99)) for _ in range(6))
        values2 = ", ".join(str(rng.randint(1, 99)) for _ in range(6))
        _write(content / "datasets" / f"datasett-{i}.yml",
               f"id: datasett-{i}\ntitle: Datasett {i}\nunit: prosent\nn: 200\n"
               f"population: Ansatte\nyear: \"2019\"\n"
               f"source: {{source: kilde-1, location: tabell {i}}}\ncolumns:\n"
               f"  - key: kategori\n    label: Kategori\n"
               f"    values: [{', '.join(f'Gruppe {j}' for j in range(1, 7))}]\n"
               f"  - key: for\n    label: Før\n    values: [{values}]\n"
               f"  - key: etter\n    label: Etter\n    values: [{values2}]\n"
               f"chart_specs:\n"
               f"  - {{id: diagram-{i}-a, type: grouped_bar, title: Diagram {i}, "
               f"summary: Et diagram., x: kategori, y: [for, etter]}}\n"
               f"  - {{id: diagram-{i}-b, type: dumbbell, title: Endring {i}, "
               f"summary: Endringen., x: kategori, y: [for, etter], horizontal: true}}\n")


def _write_pilots(content: Path, counts: dict[str, int], rng: random.Random) -> None:
    n, measures, municipalities = counts["pilots"], counts["measures"], counts["municipalities"]
    for i in range(1, n + 1):
        muns = [f"kommune-{(i * 5 + k) % municipalities + 1}" for k in range(5)]
        uses = ""
        for k in range(min(50, measures)):
            measure = f"tiltak-{((i - 1) * 50 + k) % measures + 1}"
            uses += (f"\n  - measure: {measure}\n    what: |\n{block(rng, 1, '      ')}\n"
                     f"    municipalities: [{rng.choice(muns)}]\n    results:\n"
                     f"      - text: {text(rng, 15)}\n        figures:\n"
                     f"          - {{label: Andel, value: {rng.randint(1, 99)}, unit: prosent, "
                     f"source: {{source: kilde-1, location: s. 9}}}}\n"
                     f"    sources:{ref('s. 8').replace(chr(10), chr(10) + '    ')}")
        dataset = (i - 1) % counts["datasets"] + 1
        participants = "".join(f"\n  - municipality: {m}" for m in dict.fromkeys(muns))
        _write(content / "pilots" / f"pilot-{i}.yml",
               f"id: pilot-{i}\nname: Pilot {i}\nsummary: {text(rng, 14)}\n"
               f"region: Region {i}\ncounties: [{rng.choice(COUNTIES)}]\n"
               f"period:\n  start: 2018\n  end: 2020\nmethod: Læringsnettverk\n"
               f"background:\n  text: |\n{block(rng, 3, '    ')}\n"
               f"  sources:{ref('s. 1').replace(chr(10), chr(10) + '  ')}\n"
               f"municipalities:{participants}\n"
               f"partners:\n  - organisation: org-{(i - 1) % counts['organisations'] + 1}\n"
               f"    role: Partner.\nmeasures:{uses}\n"
               f"charts: [diagram-{dataset}-a, diagram-{dataset}-b]\n"
               f"sources:{ref('hele rapporten')}\n")
