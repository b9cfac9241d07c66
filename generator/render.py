"""Render every page in memory as Markdown, from one Jinja template per page type."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

from . import vocab
from .booklets import BOOKLET_INDEX, BookletPart, booklet_parts, whole_booklet
from .catalogue import COMPARE_INLINE, COMPARE_PARTS, catalogue_context, catalogue_docs
from .charts.static_map import legend_symbol
from .config import SiteConfig
from .deciding import decision_pages
from .evidence import EVIDENCE_LEVELS, measure_facts
from .figures import PILOT_MAP, BuiltFigure, build_figures, build_static_map
from .graph import Site, sort_key
from .history import LastUpdated
from .links import resolve_links
from .markup import (
    date_sort_key,
    escape,
    escape_markdown,
    format_date,
    format_event_date,
    format_number,
    plain_text,
    render_markdown,
)
from .models import SourceRef
from .onpage import MARKER as ONPAGE_MARKER
from .onpage import add_onpage_menu
from .opendata import CATALOGUE_FILES, CSV_FIELDS, DATA_LICENCE
from .pagecache import PageCache, TrackedSite
from .planforms import PLAN_TEMPLATES
from .records import KIND_LABELS, Event, Pilot, Record, Source
from .search_marks import NUMBERS_KIND, PAGE_KIND, TERM_KIND, record_entry, search_entry
from .sitemap import check_unique_urls
from .urls import (
    GLOSSARY_PAGE,
    KIND_DIRS,
    doc_url,
    index_doc,
    record_doc,
    relative_file,
    relative_url,
)
from .wording import count_text, unit_for

TEMPLATES = Path(__file__).parent / "templates"

# Section id in site_config.yml → (navigation title, docs path).
SECTIONS: dict[str, tuple[str, str]] = {
    "home": ("Hjem", "index.md"),
    "programme": ("Om Jobbvinner", "jobbvinner.md"),
    "measures": ("Tiltak", "tiltak/index.md"),
    "pilots": ("Piloter", "piloter/index.md"),
    "municipalities": ("Kommuner", "kommuner/index.md"),
    "organisations": ("Organisasjoner", "organisasjoner/index.md"),
    "numbers": ("Tall og resultater", "tall.md"),
    "templates": ("Maler", "maler.md"),
    "opendata": ("Åpne data", "apne-data.md"),
    "sources": ("Kilder", "kilder/index.md"),
    "glossary": ("Ordliste", GLOSSARY_PAGE),
    "about": ("Om tiltaksheftet", "om.md"),
}

# A source page lists at most this many pages of each kind that cite it (the rest are
# counted): the real content's largest is 42, a catalogue of 5,000 measures would list all.
BACKLINKS = 50
COMPARE_PAGE = "tiltak/sammenlign.md"

# Pages laid out as grids (home, catalogue, comparison) use the full width: Material's side
# navigation and table of contents would hold one link each there.
FULL_WIDTH: dict[str, Any] = {"hide": ["navigation", "toc"]}

RECORD_TEMPLATES = {
    "pilots": "pilot.md.j2",
    "municipalities": "municipality.md.j2",
    "measures": "measure.md.j2",
    "organisations": "organisation.md.j2",
    "sources": "source.md.j2",
    "pages": "page.md.j2",
}


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the user's temporary folder, if it can be made."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


_BYTECODE_CACHE = _bytecode_cache()


@dataclass
class RenderedPage:
    """One page of the site, as Markdown with front matter."""

    doc: str
    title: str
    description: str
    body: str
    source_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The full Markdown file: YAML front matter (JSON-quoted) and body."""
        front = {"title": escape(self.title), "description": escape(self.description)}
        front.update(self.meta)
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n" + self.body.strip() + "\n"


@dataclass
class Renderer:
    """Holds the site, settings and Jinja environment while pages are rendered.

    Pages read the site, its figures and dates only through ``site``, which notes each read
    so that ``serve`` can tell which pages an edit may change (:mod:`generator.pagecache`).
    """

    site: TrackedSite
    config: SiteConfig
    cache: PageCache = field(default_factory=PageCache)
    files_dir: Path | None = None  # content/files/, where the plan templates are
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            # Compiled templates are kept between runs (keyed by a checksum of the source), and
            # a renderer is made for each build, so templates never need an up-to-date check.
            bytecode_cache=_BYTECODE_CACHE,
            auto_reload=False,
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=self._markdown_filter(),
            mdesc=lambda text: Markup(escape_markdown(text)),
            num=format_number,
            count=count_text,
            unit_for=unit_for,
            date=format_date,
            event_date=format_event_date,
            doc_url=doc_url,
            source_kind=partial(source_kind, self.site),
            by_date=lambda events: sorted(events, key=lambda e: date_sort_key(e.date)),
            norsort=lambda items, attr=None: sorted(
                items, key=lambda i: sort_key(str(getattr(i, attr) if attr else i))),
        )
        self.env.tests["contains"] = lambda items, value: value in items
        self.env.globals.update(vocab=vocab, levels=EVIDENCE_LEVELS, labels=KIND_LABELS,
                                site=self.site, config=self.config, kind_dirs=KIND_DIRS,
                                catalogue_files=CATALOGUE_FILES, csv_fields=CSV_FIELDS,
                                data_licence=DATA_LICENCE, onpage_menu=Markup(ONPAGE_MARKER),
                                legend_symbol=legend_symbol,
                                plan_templates=PLAN_TEMPLATES,
                                compare_inline=COMPARE_INLINE, compare_parts=COMPARE_PARTS,
                                backlinks=BACKLINKS, overviews={
                                    k: index_doc(k) for k in
                                    ("measures", "pilots", "municipalities", "organisations")})

    def _markdown_filter(self) -> Callable[[Context, str | None], Markup | str]:
        """``|md``: record text as HTML, with links by name resolved from the page's ``doc``."""
        def name_of(kind: str, record_id: str) -> str:
            return self.site.get(kind, record_id).display_name()

        @pass_context
        def md(context: Context, text: str | None) -> Markup | str:
            if not text:
                return ""
            return Markup(render_markdown(resolve_links(text, context["doc"], name_of)))
        return md

    def render(self, template: str, doc: str, **context: Any) -> str:
        """Render ``template`` for the page at ``doc``."""
        helpers = self._helpers(doc)
        return self.env.get_template(template).render(doc=doc, **helpers, **context)

    def _helpers(self, doc: str) -> dict[str, Callable[..., Any]]:
        def link(kind: str, record_id: str) -> str:
            return relative_url(doc, record_doc(kind, record_id))

        def link_doc(target: str) -> str:
            return relative_url(doc, target)

        def name(kind: str, record_id: str) -> str:
            return self.site.get(kind, record_id).display_name()

        def asset(path: str) -> str:
            return relative_file(doc, path)

        def chart_figure(chart_id: str) -> BuiltFigure:
            figure = self.site.figure(chart_id)
            assert figure is not None, chart_id
            return figure

        def part(template: str, key: str, kind: str, record: Record, **context: Any) -> Markup:
            """A part of the page that shows ``record``, kept between builds like a page."""
            def render() -> str:
                self.site.note(("record", kind, record.id), record)
                return self.render(template, doc, **context).rstrip("\n")
            return Markup(self.cache.page(f"{doc}#{key}", self.site, render))

        return {"link": link, "link_doc": link_doc, "name": name, "asset": asset,
                "part": part,
                "unique_refs": unique_refs, "chart_figure": chart_figure,
                "pilot_map": lambda: self.site.figure(PILOT_MAP),
                "static_map": lambda title, summary: build_static_map(self.site, title, summary),
                "facts": lambda m: measure_facts(self.site, m)}

    def record_page(self, kind: str, record: Record, source_file: str) -> RenderedPage:
        """The page for one record."""
        doc = record_doc(kind, record.id)
        self.site.note(("record", kind, record.id), record)
        body = add_onpage_menu(self.render(RECORD_TEMPLATES[kind], doc, record=record,
                                           edit_url=self.edit_url(source_file),
                                           updated=self.site.updated(source_file)))
        summary = getattr(record, "summary", None) or getattr(record, "description", None)
        description = summary if isinstance(summary, str) else record.display_name()
        meta = {"charts": True} if record.charts else {}
        meta |= record_entry(kind, record)
        return RenderedPage(doc, record.display_name(), plain_text(description, 200), body,
                            source_file, meta)

    def template_text(self, template_id: str) -> str:
        """The text of a plan template in ``content/files/`` ("" if there is none)."""
        if self.files_dir is None:
            return ""
        return self.site.file_text(str(self.files_dir / f"{template_id}.txt"))

    def edit_url(self, source_file: str) -> str:
        """«Foreslå en endring»: the record's YAML file in the repository's web editor."""
        repo = self.config.repository
        return f"{repo.url.rstrip('/')}/edit/{repo.branch}/{source_file}"


def render_pages(site: Site, config: SiteConfig, history: LastUpdated,
                 cache: PageCache | None = None,
                 files_dir: Path | None = None,
                 on_page: Callable[[], None] | None = None) -> list[RenderedPage]:
    """Every page of the site, rendered in memory. With the ``cache`` of the last build
    (``serve``), pages whose reads give the same as then are taken from it. ``on_page`` is
    called after each page (the build's progress)."""
    done = on_page or (lambda: None)
    tracked = TrackedSite(site, build_figures(site), history)
    cache = cache if cache is not None else PageCache()
    cache.start(config)
    renderer = Renderer(tracked, config, cache, files_dir)
    pages: list[RenderedPage] = []
    for kind in RECORD_TEMPLATES:
        for item in site.items.get(kind, {}).values():
            source_file = "content/" + item.raw.file.removeprefix("content/")
            record_page = partial(renderer.record_page, kind, item.record, source_file)
            pages.append(cache.page(record_doc(kind, item.record.id), tracked, record_page))
            done()
    for doc, section_page in _section_pages(renderer):
        pages.append(cache.page(doc, tracked, section_page))
        done()
    cache.finish()
    check_unique_urls(pages)
    return pages


def _section_pages(renderer: Renderer) -> list[tuple[str, Callable[[], RenderedPage]]]:
    """The overview and other section pages, each as (docs path, how to render it)."""
    site, description = renderer.site, renderer.config.description

    def page(doc: str, title: str, text: str, template: str, meta: dict[str, Any] | None = None,
             extra: Callable[[], dict[str, Any]] = dict) -> tuple[str, Callable[[], RenderedPage]]:
        def render() -> RenderedPage:
            return RenderedPage(doc, title, text, renderer.render(template, doc, **extra()),
                                meta=meta or {})
        return doc, render

    # In the search index (search_marks.py): every page but the home page, the catalogue, the
    # comparison and the booklet, which repeat the measure pages' text.
    pages = [
        page("index.md", renderer.config.title, description, "home.md.j2", FULL_WIDTH),
        page(GLOSSARY_PAGE, "Ordliste", "Forklaring av ord og forkortelser i tiltaksheftet.",
             "glossary.md.j2", search_entry(TERM_KIND, "Ordliste"),
             extra=lambda: {"terms": site.all("terms")}),
        page("tall.md", "Tall og resultater",
             "Diagrammer og tabeller med tallene fra Jobbvinner-rapportene.",
             "numbers.md.j2", {"charts": True} | search_entry(NUMBERS_KIND, "Tall og resultater")),
        page("apne-data.md", "Åpne data",
             "Alle datasett og hele katalogen som CSV og JSON, med lisens og felt.",
             "opendata.md.j2", search_entry(PAGE_KIND, "Åpne data")),
        page(COMPARE_PAGE, "Sammenlign tiltak",
             "Velg to eller tre tiltak og se dem side om side.",
             "compare.md.j2", FULL_WIDTH),
        page(BOOKLET_INDEX, "Hele tiltaksheftet",
             "Alle tiltakene i ett dokument, til utskrift.", "booklet.md.j2", None,
             extra=lambda: {"booklet": None, "parts": booklet_parts(site),
                            "measures": site.measures() if whole_booklet(site) else []}),
        page("om.md", "Om tiltaksheftet",
             "Hvordan tiltaksheftet er laget, hvordan du bruker det, og tilgjengelighet.",
             "about.md.j2", search_entry(PAGE_KIND, "Om tiltaksheftet")),
        page(index_doc("measures"), "Tiltak",
             "Alle tiltakene fra Jobbvinner-pilotene, med målgrupper og mål.",
             "index_measures.md.j2", FULL_WIDTH, extra=lambda: catalogue_context(site)),
        *[page(doc, f"Tiltak, side {number}", f"Tiltakene, side {number}.",
               "index_measures.md.j2", FULL_WIDTH,
               extra=partial(catalogue_context, site, number))
          for number, doc in enumerate(catalogue_docs(site)[1:], start=2)],
        page(index_doc("pilots"), "Piloter", "De seks Jobbvinner-pilotene sammenlignet.",
             "index_pilots.md.j2", search_entry(PAGE_KIND, "Piloter"),
             extra=lambda: {"timeline": timeline(site)}),
    ]
    for kind, title, text in (
        ("municipalities", "Kommuner", "Kommunene som deltok i Jobbvinner-pilotene, etter fylke."),
        ("organisations", "Organisasjoner", "Organisasjonene bak og rundt Jobbvinner."),
        ("sources", "Kilder", "Rapportene tiltaksheftet bygger på."),
    ):
        pages.append(page(index_doc(kind), title, text, f"index_{kind}.md.j2",
                          search_entry(PAGE_KIND, title)))
    for booklet in booklet_parts(site):
        pages.append(page(booklet.doc, booklet.title, f"Tiltakene med målet «{booklet.label}», "
                          "til utskrift.", "booklet.md.j2", None,
                          extra=partial(_booklet_context, site, booklet)))
    pages.extend(decision_pages(renderer))
    return pages


def _booklet_context(site: Site, booklet: BookletPart) -> dict[str, Any]:
    return {"booklet": booklet, "parts": booklet_parts(site), "measures": booklet.measures}


def navigation(config: SiteConfig, pages: list[RenderedPage]) -> list[dict[str, str]]:
    """The MkDocs ``nav``: the configured sections that exist, in the configured order."""
    existing = {page.doc for page in pages}
    nav = []
    for section in config.navigation:
        title, doc = SECTIONS[section]
        if doc in existing:
            nav.append({title: doc})
    return nav


@dataclass(frozen=True)
class TimelineEntry:
    """One event in the all-pilots timeline."""

    year: str
    event: Event
    pilot: Pilot


def timeline(site: Site) -> list[TimelineEntry]:
    """Every pilot's events, by date; those known only by year or month after the dated ones."""
    entries = [TimelineEntry(e.date[:4], e, p) for p in site.pilots() for e in p.events]
    return sorted(entries, key=lambda t: (date_sort_key(t.event.date), t.pilot.name))


def source_kind(site: Site, source_id: str) -> str:
    """The kind of a source (``evaluering``, ``sluttrapport`` …), for «Kort fortalt»."""
    source = site.get("sources", source_id)
    assert isinstance(source, Source)
    return source.kind


def unique_refs(refs: list[SourceRef]) -> list[SourceRef]:
    """Source references with the same source and location shown once."""
    seen: set[tuple[str, str]] = set()
    result = []
    for ref in refs:
        if (ref.source, ref.location) not in seen:
            seen.add((ref.source, ref.location))
            result.append(ref)
    return result
