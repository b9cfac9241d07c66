"""A small, valid content tree that the corpus cases break one way each."""

from __future__ import annotations

SOURCE = """\
id: rapport
title: En rapport
kind: sluttrapport
date: 2020-04
covers: Hva rapporten handler om.
"""

ORGANISATION = """\
id: ks
name: KS
kind: arbeidsgiverorganisasjon
sources:
  - source: rapport
    location: s. 1
"""

MUNICIPALITY = """\
id: sor-odal
name: Sør-Odal
county: hedmark
figures:
  - label: Innbyggere
    value: 7884
    unit: personer
    year: "2018"
    source:
      source: rapport
      location: s. 2
sources:
  - source: rapport
    location: s. 2
"""

MEASURE = """\
id: mentorordning
name: Mentorordning
summary: Erfarne sykepleiere følger opp nyansatte.
description: |
  En mentor følger den nyansatte det første året.
target_groups: [sykepleiere, nyansatte]
aims: [beholde]
resource_need: middels
related: [fadderordning]
sources:
  - source: rapport
    location: s. 3
"""

MEASURE_2 = """\
id: fadderordning
name: Fadderordning
summary: En kollega tar imot den nye.
description: En fadder viser den nyansatte rundt.
target_groups: [nyansatte]
aims: [beholde]
resource_need: lav
sources:
  - source: rapport
    location: s. 3
"""

PILOT = """\
id: pilot
name: Pilot
summary: En pilot.
region: Hedmark
counties: [hedmark]
period:
  start: 2018
  end: 2019-12
method: Utviklingsverksted
municipalities:
  - municipality: sor-odal
partners:
  - organisation: ks
    role: Prosjektleder.
measures:
  - measure: mentorordning
    what: Mentorer på to enheter.
    municipalities: [sor-odal]
    results:
      - text: Færre sluttet.
        figures:
          - label: Sluttet
            value: 1
            unit: personer
            source: {source: rapport, location: s. 4}
  - measure: fadderordning
    what: Faddere for alle nyansatte.
charts: [deltakelse]
sources:
  - source: rapport
    location: s. 4
"""

DATASET = """\
id: deltakelse
title: Deltakelse
unit: kommuner
population: Kommunene
year: "2018-2020"
source: {source: rapport, location: tabell 1}
columns:
  - key: trinn
    label: Trinn
    values: [Invitert, Startet, Fullførte]
  - key: antall
    label: Antall
    values: [18, 8, 5]
chart_specs:
  - id: deltakelse
    type: bar
    title: Kommuner som deltok
    summary: Av 18 kommuner startet 8, og 5 fullførte.
    x: trinn
    y: [antall]
"""

BASE: dict[str, str] = {
    "content/sources/rapport.yml": SOURCE,
    "content/organisations/ks.yml": ORGANISATION,
    "content/municipalities/sor-odal.yml": MUNICIPALITY,
    "content/measures/mentorordning.yml": MEASURE,
    "content/measures/fadderordning.yml": MEASURE_2,
    "content/pilots/pilot.yml": PILOT,
    "content/datasets/deltakelse.yml": DATASET,
}
