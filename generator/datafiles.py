"""Files that a large catalogue's pages fetch on demand, rendered with the pages' templates."""

from __future__ import annotations

from typing import Any

from .catalogue import CATALOGUE_DATA, COMPARE_INLINE, COMPARE_PARTS, card_data, catalogue_docs
from .config import SiteConfig
from .graph import Site
from .history import LastUpdated
from .pagecache import TrackedSite
from .render import COMPARE_PAGE, Renderer
from .urls import index_doc


def render_data_files(site: Site, config: SiteConfig, history: LastUpdated) -> dict[str, str]:
    """Files the pages fetch (not pages themselves), for a large catalogue only: the cards,
    and each measure's block on «Sammenlign tiltak»."""
    files: dict[str, str] = {}
    renderer = Renderer(TrackedSite(site, {}, history), config)
    if len(catalogue_docs(site)) > 1:
        def render_card(measure: Any, counties_of: Any) -> str:
            return renderer.render("card.j2", index_doc("measures"), measure=measure,
                                   counties_of=counties_of)
        files[CATALOGUE_DATA] = card_data(renderer.site, render_card)
    if len(site.measures()) > COMPARE_INLINE:
        for measure in site.measures():
            files[f"{COMPARE_PARTS}{measure.id}.html"] = renderer.render(
                "compare_item.j2", COMPARE_PAGE, measure=measure)
    return files
