"""Controlled vocabularies: the value written in YAML, and its Norwegian label.

Adding a value here makes it valid in content, in the JSON Schema and in the
catalogue's facets at once.
"""

from __future__ import annotations

TARGET_GROUPS: dict[str, str] = {
    "sykepleiere": "Sykepleiere",
    "helsefagarbeidere": "Helsefagarbeidere",
    "nyansatte": "Nyansatte og nyutdannede",
    "studenter": "Studenter i praksis",
    "elever-og-laerlinger": "Elever og lærlinger",
    "ungdom": "Ungdom og skoleelever",
    "ufaglaerte": "Ansatte uten fagutdanning",
    "veiledere": "Veiledere og mentorer",
    "ledere": "Ledere",
    "alle-ansatte": "Alle ansatte",
}

AIMS: dict[str, str] = {
    "rekruttere": "Rekruttere",
    "beholde": "Beholde",
    "praksis-og-laering": "Praksis og læring",
    "kompetanse": "Kompetanse",
    "omdomme": "Omdømme",
    "ledelse": "Ledelse og organisering",
    "heltid": "Heltid og stillingsstørrelser",
    "samarbeid": "Samarbeid med utdanning",
}

RESOURCE_NEEDS: dict[str, str] = {
    "lav": "Lav",
    "middels": "Middels",
    "hoy": "Høy",
}

# Place of each resource need on the small scale shown beside it (1 = lowest).
RESOURCE_SCALE: dict[str, int] = {key: rank for rank, key in enumerate(RESOURCE_NEEDS, start=1)}

ORGANISATION_KINDS: dict[str, str] = {
    "arbeidsgiverorganisasjon": "Arbeidsgiverorganisasjon",
    "arbeidstakerorganisasjon": "Arbeidstakerorganisasjon",
    "statlig": "Statlig myndighet",
    "fylkeskommune": "Fylkeskommune",
    "kommune": "Kommune eller kommunalt foretak",
    "interkommunalt": "Interkommunalt samarbeid",
    "universitet": "Universitet eller høgskole",
    "videregaende": "Videregående skole eller opplæringskontor",
    "helseforetak": "Helseforetak",
    "forskning": "Forsknings- og evalueringsmiljø",
    "kompetansesenter": "Kompetansesenter",
    "annet": "Annet",
}

SOURCE_KINDS: dict[str, str] = {
    "evaluering": "Evalueringsrapport",
    "sluttrapport": "Sluttrapport",
    "presentasjon": "Presentasjon",
    "rapport": "Rapport",
    "annet": "Annet",
}

GOAL_KINDS: dict[str, str] = {
    "hovedmal": "Hovedmål",
    "delmal": "Delmål",
    "resultatmal": "Resultatmål",
    "effektmal": "Effektmål",
    "langsiktig": "Langsiktig mål",
    "kortsiktig": "Kortsiktig mål",
    "mal": "Mål",
}

RECOMMENDATION_BY: dict[str, str] = {
    "evaluator": "Evaluator",
    "prosjektet": "Prosjektet selv",
}

COUNTIES: dict[str, str] = {
    "trondelag": "Trøndelag",
    "hedmark": "Hedmark",
    "innlandet": "Innlandet",
    "ostfold": "Østfold",
    "viken": "Viken",
    "nordland": "Nordland",
    "oslo": "Oslo",
    "rogaland": "Rogaland",
    "more-og-romsdal": "Møre og Romsdal",
    "vestland": "Vestland",
    "agder": "Agder",
    "vestfold-og-telemark": "Vestfold og Telemark",
    "troms-og-finnmark": "Troms og Finnmark",
}
