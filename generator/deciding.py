"""The pages that take a reader from reading to deciding: the evidence map, «Min liste»,
«Lag plan» and the templates, plus the pages a public site owes its readers (the
accessibility statement and «Hva er nytt»)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .changes import CHANGES_PAGE, KIND_WORDS, PAGE_LIMIT, content_changes
from .evidencemap import (
    CELL_KINDS,
    GAP_UNMEASURED,
    GAP_UNTRIED,
    MEASURED,
    SHORT_LABELS,
    evidence_map,
    gap_counts,
)
from .planforms import MAIN_PLAN, PLAN_TEMPLATES, form_sections, read_form
from .search_marks import PAGE_KIND, search_entry
from .statement import CHECKS, KNOWN_ISSUES, RULES, SUPERVISOR, SUPERVISOR_URL, statement_date

if TYPE_CHECKING:
    from .render import RenderedPage, Renderer

MAP_PAGE = "tiltak/kunnskapskart.md"
LIST_PAGE = "tiltak/liste.md"
PLAN_PAGE = "tiltak/plan.md"
TEMPLATES_PAGE = "maler.md"
STATEMENT_PAGE = "tilgjengelighet.md"

# Pages laid out as grids use the full width (as in :mod:`generator.render`). The list and
# the plan show the reader's own choice, so only the other pages are in the search index.
_WIDE: dict[str, Any] = {"hide": ["navigation", "toc"]}

PageMaker = tuple[str, Callable[[], "RenderedPage"]]


def decision_pages(renderer: Renderer) -> list[PageMaker]:
    """Each page as (docs path, how to render it)."""
    from .render import RenderedPage

    site = renderer.site

    def page(doc: str, title: str, text: str, template: str, meta: dict[str, Any],
             extra: Callable[[], dict[str, Any]] = dict) -> PageMaker:
        def render() -> RenderedPage:
            return RenderedPage(doc, title, text, renderer.render(template, doc, **extra()),
                                meta=meta)
        return doc, render

    return [
        page(MAP_PAGE, "Kunnskapskart",
             "Tiltakene etter mål og målgruppe: hvor mye som er prøvd og målt, og hvor det "
             "mangler kunnskap.", "evidence_map.md.j2",
             _WIDE | search_entry(PAGE_KIND, "Kunnskapskart"),
             lambda: map_context(site)),
        page(LIST_PAGE, "Min liste",
             "Tiltakene du har valgt, side om side, til utskrift, som CSV og som plan.",
             "shortlist.md.j2", _WIDE),
        page(PLAN_PAGE, "Lag plan",
             "En hovedplan til utskrift, fylt ut med tiltakene fra Min liste.",
             "plan.md.j2", {}, lambda: plan_context(renderer)),
        page(TEMPLATES_PAGE, "Maler for planarbeid",
             "Hovedplan, fremdriftsplan og statusrapport fra Jobbvinner Østfold, som Word- og "
             "tekstfiler.", "templates.md.j2", search_entry(PAGE_KIND, "Maler for planarbeid"),
             lambda: {"templates": PLAN_TEMPLATES}),
        page(STATEMENT_PAGE, "Tilgjengelighetserklæring",
             "Hvilke krav nettstedet oppfyller, hva som ikke virker ennå, hvordan det er "
             "testet, og hvor du melder fra og klager.", "statement.md.j2",
             search_entry(PAGE_KIND, "Tilgjengelighetserklæring"),
             lambda: statement_context(renderer)),
        page(CHANGES_PAGE, "Hva er nytt",
             "Tiltak, piloter, kommuner og kilder som er lagt til eller endret, det nyeste først.",
             "changes.md.j2", {},
             lambda: {"changes": content_changes(site, site.changes(), PAGE_LIMIT),
                      "kind_words": KIND_WORDS, "limit": PAGE_LIMIT}),
    ]


def map_context(site: Any) -> dict[str, Any]:
    """What the evidence-map template needs, all counted from the records."""
    rows = evidence_map(site)
    return {"rows": rows, "gaps": gap_counts(rows), "cell_kinds": CELL_KINDS,
            "short_labels": SHORT_LABELS, "kinds_measured": MEASURED,
            "kinds_unmeasured": GAP_UNMEASURED, "kinds_untried": GAP_UNTRIED}


def plan_context(renderer: Renderer) -> dict[str, Any]:
    """The Hovedplan template's parts, read from its text file."""
    form = read_form(renderer.template_text(MAIN_PLAN))
    preamble, sections = form_sections(form)
    return {"form": form, "preamble": preamble, "sections": sections, "main_plan": MAIN_PLAN,
            "measures_section": "Tiltak"}


def statement_context(renderer: Renderer) -> dict[str, Any]:
    """The accessibility statement's facts: the project's own checks and known issues."""
    from .mkdocs_config import site_links

    root = renderer.files_dir.parent.parent if renderer.files_dir else None
    links = site_links(renderer.config)
    return {"checks": CHECKS, "issues": KNOWN_ISSUES, "rules": RULES,
            "supervisor": SUPERVISOR, "supervisor_url": SUPERVISOR_URL,
            "updated": statement_date(root),
            "issue_form": f"{links['issue_form']}?template={links['issue_template']}&labels=feil"}
