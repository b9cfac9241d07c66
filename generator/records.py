"""The record kinds: one model per folder under ``content/``."""

from __future__ import annotations

from pydantic import Field

from .fields import (
    ChartId,
    Markdown,
    MeasureId,
    MunicipalityId,
    OrganisationId,
    PartialDate,
    TermId,
    Text,
    Url,
)
from .loader import KeyPath
from .models import (
    Aim,
    Centre,
    County,
    Discrepancy,
    Figure,
    Goal,
    Id_,
    OrganisationKind,
    Period,
    Quote,
    RecommendationBy,
    ResourceNeed,
    Section,
    Sourced,
    SourceKind,
    SourceRef,
    Strict,
    TargetGroup,
    _list,
)


class Record(Strict):
    """Fields every record has."""

    id: Id_
    sources: list[SourceRef] = _list("Kildene posten bygger på.")
    charts: list[ChartId] = _list("Id-er til diagrammer som vises på siden.")
    discrepancies: list[Discrepancy] = _list("Steder der kildene er uenige.")

    def extra_checks(self) -> list[tuple[KeyPath, str]]:
        """Checks that need the whole record; each is a key path and a message."""
        return []

    def display_name(self) -> str:
        """The name shown as the page title and in links."""
        for field in ("name", "title", "term"):
            value = getattr(self, field, None)
            if isinstance(value, str):
                return value
        return self.id


class Result(Strict):
    """What came of a measure in one pilot; with figures it counts as measured."""

    text: Markdown = Field(description="Hva resultatet var, med egne ord.")
    figures: list[Figure] = _list("Tall som dokumenterer resultatet.")
    municipalities: list[MunicipalityId] = _list("Kommunene resultatet gjelder.")
    sources: list[SourceRef] = _list("Kilder for resultatet.")


class MeasureUse(Strict):
    """How one pilot used one measure."""

    measure: MeasureId = Field(description="Id-en til tiltaket (en fil i content/measures/).")
    what: Markdown = Field(description="Hva piloten gjorde med tiltaket.")
    municipalities: list[MunicipalityId] = _list("Kommunene i piloten som brukte tiltaket.")
    results: list[Result] = _list("Hva som kom ut av det.")
    sources: list[SourceRef] = _list("Kilder for bruken av tiltaket.")


class Partner(Strict):
    """An organisation's role in a pilot."""

    organisation: OrganisationId = Field(description="Id-en til organisasjonen.")
    role: Markdown = Field(description="Hvilken rolle organisasjonen hadde i piloten.")
    sources: list[SourceRef] = _list("Kilder for rollen.")


class Participant(Strict):
    """A municipality taking part in a pilot."""

    municipality: MunicipalityId = Field(description="Id-en til kommunen.")
    role: Text | None = Field(default=None, description="F.eks. «vertskommune».")
    completed: bool = Field(default=True, description="false hvis kommunen trakk seg.")
    note: Markdown | None = Field(default=None, description="Merknad om deltakelsen.")
    sources: list[SourceRef] = _list("Kilder for deltakelsen.")


class Member(Strict):
    """A member of a project body, by role."""

    role: Text = Field(description="Rolle, f.eks. «prosjektleder» eller «tillitsvalgt».")
    organisation: OrganisationId | None = Field(default=None, description="Organisasjonen.")
    count: int | None = Field(default=None, ge=1, description="Antall personer i rollen.")


class Body(Strict):
    """A steering group, project group or other body in a pilot."""

    name: Text = Field(description="F.eks. «Styringsgruppe» eller «Prosjektgruppe».")
    description: Markdown | None = Field(default=None, description="Mandat og arbeidsform.")
    members: list[Member] = _list("Medlemmene, etter rolle.")
    sources: list[SourceRef] = _list("Kilder.")


class Event(Strict):
    """A gathering, meeting or milestone."""

    date: PartialDate = Field(description="Dato: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.")
    title: Text = Field(description="Hva som skjedde.")
    description: Markdown | None = Field(default=None, description="Nærmere beskrivelse.")
    sources: list[SourceRef] = _list("Kilder.")


class Recommendation(Strict):
    """Advice from the evaluator or the project."""

    text: Markdown = Field(description="Anbefalingen, med egne ord.")
    by: RecommendationBy = Field(description="Hvem som anbefaler: evaluator eller prosjektet.")
    sources: list[SourceRef] = _list("Kilder.")


class Pilot(Record):
    """A Jobbvinner pilot project."""

    name: Text = Field(description="Pilotens navn.")
    summary: Text = Field(description="Én setning om piloten (vises i oversikter).")
    region: Text = Field(description="Region, f.eks. «Midtre Namdal, Trøndelag».")
    counties: list[County] = _list("Fylkene piloten lå i.", 1)
    period: Period = Field(description="Når piloten varte.")
    method: Text = Field(description="Arbeidsform i korte ord, f.eks. «Utviklingsverksted».")
    headline_result: Text | None = Field(default=None, description="Hovedresultat i én setning.")
    headline_sources: list[SourceRef] = _list(
        "Hvor i kildene hovedresultatet står (vises sammen med det på forsiden og i oversikten).")
    background: Sourced | None = Field(default=None, description="Bakgrunn og utfordringer.")
    goals: list[Goal] = _list("Målene, slik de er formulert.")
    method_text: Sourced | None = Field(default=None, description="Metode og gjennomføring.")
    municipalities: list[Participant] = _list("Kommunene som deltok.")
    partners: list[Partner] = _list("Samarbeidspartnere og deres roller.")
    organisation: list[Body] = _list("Styringsgruppe, prosjektgruppe og andre organer.")
    events: list[Event] = _list("Samlinger, møter og milepæler.")
    measures: list[MeasureUse] = _list("Tiltakene piloten brukte.")
    results: Sourced | None = Field(default=None, description="Resultater samlet.")
    figures: list[Figure] = _list("Nøkkeltall for piloten.")
    continued: Sourced | None = Field(default=None, description="Hva som ble videreført.")
    recommendations: list[Recommendation] = _list("Anbefalinger.")
    lessons: Sourced | None = Field(default=None, description="Erfaringer og læring.")
    quotes: list[Quote] = _list("Korte sitater fra deltakere, med kilde.")
    sections: list[Section] = _list("Flere avsnitt (f.eks. anonymiserte kommuner).")


class Municipality(Record):
    """A municipality that took part in a pilot."""

    name: Text = Field(description="Kommunens navn.")
    county: County = Field(description="Fylket, slik kildene oppgir det.")
    centre: Centre | None = Field(default=None, description="Kommunesenteret med "
                                  "koordinater og kilde; kommunen vises da på kartet over "
                                  "pilotene.")
    summary: Text | None = Field(default=None, description="Én setning om kommunen.")
    description: Sourced | None = Field(default=None, description="Om kommunen og tjenestene.")
    services: Sourced | None = Field(default=None, description="Hvordan tjenestene er organisert.")
    figures: list[Figure] = _list("Tall om kommunen, hvert med år og kilde.")
    goals: list[Goal] = _list("Kommunens egne mål i piloten.")
    sections: list[Section] = _list("Flere avsnitt.")
    note: Markdown | None = Field(default=None, description="F.eks. om sammenslåing.")


class Measure(Record):
    """A measure (tiltak) that municipalities can try."""

    name: Text = Field(description="Tiltakets navn.")
    aliases: list[Text] = _list("Andre navn på tiltaket (hjelper søket).")
    summary: Text = Field(description="Hva tiltaket er, i én eller to setninger.")
    description: Markdown = Field(description="Hva tiltaket går ut på.")
    target_groups: list[TargetGroup] = _list("Hvem tiltaket er for.", 1)
    aims: list[Aim] = _list("Hva tiltaket skal oppnå.", 1)
    resource_need: ResourceNeed = Field(description="Ressursbehov: lav, middels eller hoy.")
    resource_note: Markdown | None = Field(default=None, description="Hva tiltaket koster/krever.")
    getting_started: list[Markdown] = _list("Konkrete steg for å komme i gang.")
    pitfalls: list[Markdown] = _list("Fallgruver å unngå.")
    related: list[MeasureId] = _list("Beslektede tiltak.")
    figures: list[Figure] = _list("Tall om tiltaket.")
    quotes: list[Quote] = _list("Korte sitater, med kilde.")
    terms: list[TermId] = _list("Ord fra ordlisten som brukes.")


class Organisation(Record):
    """An organisation involved in Jobbvinner."""

    name: Text = Field(description="Organisasjonens navn.")
    short_name: Text | None = Field(default=None, description="Forkortelse, f.eks. «NSF».")
    kind: OrganisationKind = Field(description="Type organisasjon.")
    description: Markdown | None = Field(default=None, description="Om organisasjonen.")
    url: Url | None = Field(default=None, description="Nettsted.")


class Source(Record):
    """One of the reports the content comes from."""

    title: Text = Field(description="Tittel.")
    kind: SourceKind = Field(description="Type kilde.")
    series: Text | None = Field(
        default=None, description="Serie og nummer, f.eks. «TFoU-rapport 2020:7»."
    )
    publisher: Text | None = Field(default=None, description="Utgiver.")
    author_role: Text | None = Field(
        default=None, description="Forfatter som rolle eller institusjon."
    )
    place: Text | None = Field(default=None, description="Utgivelsessted.")
    date: PartialDate = Field(description="Utgivelsesdato: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.")
    url: Url | None = Field(
        default=None,
        description="Adressen der utgiveren har publisert rapporten, slik utgiveren selv oppgir "
        "den. Anslå den aldri; la feltet stå tomt når du ikke vet den. Vises som «Les hele "
        "rapporten».",
    )
    how_to_get: Text | None = Field(
        default=None,
        description="Hvordan leseren kan få tak i rapporten når den ikke har en nettadresse, "
        "f.eks. «Be om den fra KS».",
    )
    covers: Markdown = Field(description="Hva kilden handler om og dekker.")
    figures: list[Figure] = _list("Tall om selve rapporten, f.eks. rammen for evalueringen.")
    text_edition: Text | None = Field(
        default=None, description="Filnavnet til tekstutgaven som tallkontrollen leser."
    )


class Term(Record):
    """A glossary entry."""

    term: Text = Field(description="Ordet eller forkortelsen.")
    definition: Markdown = Field(description="Forklaringen.")
    aliases: list[Text] = _list("Andre skrivemåter.")


class Page(Record):
    """A free-standing page, such as the programme description."""

    title: Text = Field(description="Sidetittel.")
    description: Text = Field(description="Kort beskrivelse (vises i søkemotorer).")
    intro: Markdown | None = Field(default=None, description="Innledning.")
    sections: list[Section] = _list("Avsnittene på siden.")
    figures: list[Figure] = _list("Nøkkeltall.")
    measures: list[MeasureId] = _list("Tiltak siden viser til.")
    organisations: list[OrganisationId] = _list("Organisasjoner siden viser til.")
    municipalities: list[MunicipalityId] = _list("Kommuner siden viser til.")


KIND_LABELS: dict[str, tuple[str, str]] = {
    "pilots": ("en pilot", "piloten"),
    "municipalities": ("en kommune", "kommunen"),
    "measures": ("et tiltak", "tiltaket"),
    "organisations": ("en organisasjon", "organisasjonen"),
    "sources": ("en kilde", "kilden"),
    "terms": ("et ord i ordlisten", "ordet"),
    "pages": ("en side", "siden"),
    "charts": ("et diagram", "diagrammet"),
    "datasets": ("et datasett", "datasettet"),
}
