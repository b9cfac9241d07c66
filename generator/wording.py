"""Norwegian words that depend on a count: «1 person», «2 personer»."""

from __future__ import annotations

# Plural → singular for the units content uses. Editors write units in the plural, as the
# reports do; a figure of exactly one takes the singular. Invariant words (svar, årsverk,
# tiltak, år) need no entry.
SINGULARS: dict[str, str] = {
    "ansatte": "ansatt",
    "avdelinger": "avdeling",
    "elever": "elev",
    "enheter": "enhet",
    "ganger": "gang",
    "helsefagarbeidere": "helsefagarbeider",
    "innbyggere": "innbygger",
    "kandidater": "kandidat",
    "kommuner": "kommune",
    "lærlinger": "lærling",
    "mentorer": "mentor",
    "mulige": "mulig",
    "måneder": "måned",
    "møter": "møte",
    "nasjonaliteter": "nasjonalitet",
    "personer": "person",
    "pilotprosjekter": "pilotprosjekt",
    "piloter": "pilot",
    "plasser": "plass",
    "praksisplasser": "praksisplass",
    "rapporter": "rapport",
    "respondenter": "respondent",
    "samlinger": "samling",
    "seksjonsledere": "seksjonsleder",
    "seminarer": "seminar",
    "stillinger": "stilling",
    "strategier": "strategi",
    "studenter": "student",
    "studiepoeng": "studiepoeng",
    "sykepleiere": "sykepleier",
    "søkere": "søker",
    "timer": "time",
    "vakter": "vakt",
}


def is_one(value: float | int) -> bool:
    """Whether a count reads as exactly one (so its noun takes the singular)."""
    return value == 1


def unit_for(value: float | int, unit: str) -> str:
    """``unit`` as it reads after ``value``: «person» after 1, «personer» otherwise.

    Only the first word changes («personer per år» → «person per år»), and only a unit
    that starts with a known plural; «mulige respondenter» becomes «mulig respondent»."""
    if not is_one(value):
        return unit
    words = unit.split(" ")
    for index, word in enumerate(words):
        singular = SINGULARS.get(word)
        if singular is None:
            break
        words[index] = singular
    return " ".join(words)


def count_text(count: int, singular: str, plural: str) -> str:
    """``count`` with its noun: ``count_text(1, "pilot", "piloter")`` → «1 pilot»."""
    return f"{count} {singular if count == 1 else plural}"
