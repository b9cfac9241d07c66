"""argparse's own words in Norwegian («bruk», «valg», «vis denne hjelpeteksten»).

argparse looks its texts up through gettext at the moment it prints them, so replacing its
``_`` and ``ngettext`` with these tables makes usage lines, headings and error messages
Norwegian. Texts not listed (programming errors, never shown to editors) stay as they are.
"""

from __future__ import annotations

import argparse

WORDS: dict[str, str] = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpeteksten og avslutt",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldig valg: %(value)r (velg blant %(choices)s)",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "expected one argument": "forventet én verdi",
    "expected at most one argument": "forventet høyst én verdi",
    "expected at least one argument": "forventet minst én verdi",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
    "ignored explicit argument %r": "ignorerte verdien %r",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydig valg: %(option)s kan bety %(matches)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "one of the arguments %s is required": "ett av argumentene %s må være med",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne «%(filename)s»: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
}
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"):
        ("forventet %s verdi", "forventet %s verdier"),
}


def _translate(text: str) -> str:
    return WORDS.get(text, text)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if count == 1 else many


def use_norwegian() -> None:
    """Make argparse print its own words in Norwegian."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]
