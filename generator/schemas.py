"""JSON Schemas for editors' autocompletion, in Norwegian and as strict as ``validate``.

Pydantic writes English titles (``Target Groups``) and takes each part's description from
its docstring (English, for maintainers). Editors see both in their editor, so every part
gets a Norwegian title and description here; fields take their title from the first words
of their (Norwegian) description. A test fails when a part has no Norwegian text.
"""

from __future__ import annotations

import re
from typing import Any

# Model class name → (title, description), as shown in the editor.
PARTS: dict[str, tuple[str, str]] = {
    "Pilot": ("Pilot", "Et pilotprosjekt i Jobbvinner."),
    "Measure": ("Tiltak", "Et tiltak kommuner kan prøve."),
    "Municipality": ("Kommune", "En kommune som var med i en pilot."),
    "Organisation": ("Organisasjon", "En organisasjon som er med i eller rundt Jobbvinner."),
    "Source": ("Kilde", "En av rapportene innholdet bygger på."),
    "Term": ("Ord i ordlisten", "Et ord eller en forkortelse med forklaring."),
    "Page": ("Side", "En egen side, for eksempel om programmet."),
    "Dataset": ("Datasett", "En tabell med tall fra én kilde, med diagrammene som tegnes av den."),
    "Body": ("Organ", "En styringsgruppe, prosjektgruppe eller et annet organ i en pilot."),
    "Centre": ("Kommunesenter", "Kommunesenteret som punkt på kartet over pilotene."),
    "Chart": ("Diagram", "Et diagram tegnet av datasettet; typen bestemmer feltene."),
    "Column": ("Kolonne", "En kolonne i datasettet: kategorier (tekst) eller verdier (tall)."),
    "Discrepancy": ("Uenighet", "Et sted der kildene er uenige, med hver versjon og kilde."),
    "Event": ("Hendelse", "En samling, et møte eller en milepæl."),
    "Figure": ("Tall", "Ett tall fra en rapport, med enhet, år og kilde."),
    "Goal": ("Mål", "Et mål slik piloten eller kommunen formulerte det."),
    "MeasureUse": ("Bruk av et tiltak", "Hvordan én pilot brukte ett tiltak."),
    "Member": ("Medlem", "Et medlem av et organ, som rolle."),
    "Participant": ("Deltakende kommune", "En kommune som deltok i piloten."),
    "Partner": ("Partner", "Rollen en organisasjon hadde i piloten."),
    "Period": ("Periode", "Start og slutt, så nøyaktig som rapportene oppgir dem."),
    "Quote": ("Sitat", "Et kort sitat fra en rapport, med rolle og kilde."),
    "Recommendation": ("Anbefaling", "Råd fra evaluatoren eller prosjektet."),
    "Result": ("Resultat", "Hva tiltaket ga i én pilot; med tall teller det som målt."),
    "Section": ("Avsnitt", "Et avsnitt med overskrift og kilder."),
    "SourceRef": ("Kildehenvisning", "Hvor i en kilde noe står."),
    "Sourced": ("Tekst med kilder", "En tekst med kildene sine (bakgrunn, metode …)."),
    "Version": ("Versjon", "Ett av to eller flere utsagn som er uenige, med kilde."),
}


def norwegian_schema(schema: dict[str, Any], model_name: str) -> dict[str, Any]:
    """``schema`` with Norwegian titles and descriptions for the record and all its parts."""
    _translate_part(schema, model_name)
    for name, part in schema.get("$defs", {}).items():
        _translate_part(part, name)
    return schema


def _translate_part(part: dict[str, Any], name: str) -> None:
    title, description = PARTS[name]
    part["title"], part["description"] = title, description
    for field in part.get("properties", {}).values():
        field["title"] = field_title(field.get("description", ""))
        for option in field.get("anyOf", []):
            option.pop("title", None)


def field_title(description: str) -> str:
    """A short title from a field's description: its first clause, without examples."""
    text = re.split(r"[.:;(]| f\.eks\.|, ", description, maxsplit=1)[0].strip()
    return text[:1].upper() + text[1:] if text else ""
