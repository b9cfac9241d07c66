"""Content models: one pydantic model per kind of record, strict about keys and types.

Field descriptions are in Norwegian: they are what editors see in the JSON Schema
(autocompletion in their editor) and in the scaffold's comments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import (
    MAX_LIST,
    Id,
    LineRange,
    Markdown,
    PartialDate,
    SourceId,
    Text,
)
from .messages import message
from .vocab import (
    AIMS,
    COUNTIES,
    GOAL_KINDS,
    ORGANISATION_KINDS,
    RECOMMENDATION_BY,
    RESOURCE_NEEDS,
    SOURCE_KINDS,
    TARGET_GROUPS,
)

if TYPE_CHECKING:  # the vocabularies are data; to the type checker they are text
    TargetGroup: TypeAlias = str
    Aim: TypeAlias = str
    ResourceNeed: TypeAlias = str
    OrganisationKind: TypeAlias = str
    SourceKind: TypeAlias = str
    GoalKind: TypeAlias = str
    RecommendationBy: TypeAlias = str
    County: TypeAlias = str
else:
    TargetGroup = Literal[tuple(TARGET_GROUPS)]
    Aim = Literal[tuple(AIMS)]
    ResourceNeed = Literal[tuple(RESOURCE_NEEDS)]
    OrganisationKind = Literal[tuple(ORGANISATION_KINDS)]
    SourceKind = Literal[tuple(SOURCE_KINDS)]
    GoalKind = Literal[tuple(GOAL_KINDS)]
    RecommendationBy = Literal[tuple(RECOMMENDATION_BY)]
    County = Literal[tuple(COUNTIES)]

PERCENT_UNITS = {"prosent", "%"}
SIGNED_UNITS = {"endring", "prosentpoeng", "kr", "kroner", "mill. kr"}


def _list(description: str, min_length: int = 0) -> Any:
    """A list field; with ``min_length`` it is required, otherwise it defaults to empty."""
    if min_length:
        return Field(description=description, min_length=min_length, max_length=MAX_LIST)
    return Field(default_factory=list, description=description, max_length=MAX_LIST)


class Strict(BaseModel):
    """Base for all content models: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SourceRef(Strict):
    """Where in a source a fact is found."""

    source: SourceId = Field(description="Id-en til kilden (en fil i content/sources/).")
    location: Text = Field(
        description="Hvor i kilden: kapittel, tabell, figur eller side, f.eks. «kap. 5.3, s. 78»."
    )
    lines: LineRange | None = Field(
        default=None,
        description="Linje eller linjespenn i kildens tekstutgave, f.eks. «2017-2034» "
        "(brukes av den automatiske tallkontrollen).",
    )
    applies_to: list[str] = Field(
        default_factory=list, max_length=20,
        description="Bare for postens egne kilder: tekstfeltene kilden gjelder, f.eks. "
        "[description]. Postens kilder dekker ellers bare summary; tall i andre tekster "
        "trenger en kilde som nevner feltet.",
    )


class Figure(Strict):
    """One number from a report, with unit, year and source."""

    label: Text = Field(description="Hva tallet gjelder, f.eks. «Nye sykepleiere ansatt».")
    value: float | int = Field(description="Tallet nøyaktig slik rapporten oppgir det.")
    unit: Text | None = Field(
        default=None, description="Enhet, f.eks. «prosent», «årsverk», «personer», «kr»."
    )
    approx: bool = Field(default=False, description="true når rapporten skriver «ca.».")
    year: Text | None = Field(default=None, description="Året eller tidspunktet tallet gjelder.")
    note: Text | None = Field(default=None, description="Kort merknad til tallet.")
    source: SourceRef = Field(description="Kilde og sted i kilden for tallet.")

    @model_validator(mode="after")
    def _check_range(self) -> Figure:
        unit = (self.unit or "").strip().lower()
        if unit in PERCENT_UNITS and not 0 <= self.value <= 100:
            raise PydanticCustomError("percent_range", message("percent_range", value=self.value))
        if self.value < 0 and unit not in SIGNED_UNITS:
            raise PydanticCustomError("negative_count", message("negative_count", value=self.value))
        return self


class Section(Strict):
    """A titled piece of prose with its sources."""

    heading: Text = Field(description="Overskrift for avsnittet.")
    text: Markdown = Field(description="Teksten, i Markdown.")
    sources: list[SourceRef] = _list("Kilder for avsnittet.")


class Sourced(Strict):
    """Prose with its sources (used for background, method, results …)."""

    text: Markdown = Field(description="Teksten, i Markdown.")
    sources: list[SourceRef] = _list("Kilder for teksten.")


class Quote(Strict):
    """A short, attributed quotation from a report."""

    text: Text = Field(description="Sitatet, ordrett.")
    speaker: Text = Field(description="Hvem som sier det, som rolle (ikke navn).")
    source: SourceRef = Field(description="Hvor sitatet står.")


class Version(Strict):
    """One of two or more statements that disagree."""

    statement: Markdown = Field(description="Hva denne kilden sier.")
    source: SourceRef = Field(description="Hvor det står.")


class Discrepancy(Strict):
    """A place where the reports disagree, shown with every version and its source."""

    topic: Text = Field(description="Hva uenigheten gjelder.")
    versions: list[Version] = _list("De ulike utsagnene, hver med kilde.", 2)
    note: Markdown | None = Field(default=None, description="Vår kommentar (valgfritt).")


class Goal(Strict):
    """A goal as the pilot or municipality stated it."""

    text: Text = Field(description="Målet, ordrett slik det er formulert.")
    kind: GoalKind = Field(default="mal", description="Type mål.")
    note: Markdown | None = Field(default=None, description="F.eks. om målet ble revidert.")
    sources: list[SourceRef] = _list("Kilder for målet.")


class Period(Strict):
    """Start and end, as precise as the reports give them."""

    start: PartialDate = Field(description="Start: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.")
    end: PartialDate | None = Field(default=None, description="Slutt, samme format.")
    note: Text | None = Field(default=None, description="Merknad om perioden.")

    @model_validator(mode="after")
    def _check_order(self) -> Period:
        if self.end and self.end < self.start[: len(self.end)]:
            text = message("period_order", start=self.start, end=self.end)
            raise PydanticCustomError("period_order", text)
        return self


class Centre(Strict):
    """A municipality's administrative centre, as a point for the map of the pilots."""

    name: Text = Field(description="Stedet som var kommunesenter da kommunen var med i "
                       "piloten, f.eks. «Kyrksæterøra».")
    # The bounds are those of mainland Norway, so that a point outside the country (a typo,
    # or latitude and longitude swapped) is caught when the file is checked.
    latitude: float = Field(ge=57.9, le=71.2, description="Breddegrad i desimalgrader (WGS 84), "
                            "mellom 57,9 og 71,2, f.eks. 63.29057.")
    longitude: float = Field(ge=4.4, le=31.2, description="Lengdegrad i desimalgrader "
                             "(WGS 84), mellom 4,4 og 31,2, f.eks. 9.08909.")
    source: Text = Field(description="Hvor koordinatene kommer fra: datasett, versjon og "
                         "stedsnavnet slik det står der. Koordinatene skrives av nøyaktig.")


Id_ = Annotated[Id, Field(description="Id-en, lik filnavnet uten .yml.")]
