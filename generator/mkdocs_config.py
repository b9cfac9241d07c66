"""Derive the MkDocs configuration from ``site_config.yml`` (pure data, no MkDocs import)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import SiteConfig
from .markup import PROSE_EXTENSIONS
from .vocab import AIMS


@dataclass(frozen=True)
class PythonCall:
    """A value MkDocs makes by calling a Python function when it reads ``mkdocs.yml``
    (written as ``!!python/object/apply:``), as Material documents for ``toc.slugify``."""

    function: str
    kwds: dict[str, Any] = field(default_factory=dict)


# Heading anchors keep æ, ø and å («#hvor-det-er-prøvd»); MkDocs' default drops them.
NORWEGIAN_SLUGS = PythonCall("pymdownx.slugs.slugify", {"case": "lower"})

# Structural extensions our own templates use, on top of the prose extensions.
TEMPLATE_EXTENSIONS: list[Any] = [
    {"toc": {"permalink": True, "permalink_title": "Lenke til denne delen", "toc_depth": 3,
             "slugify": NORWEGIAN_SLUGS}},
    "attr_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
]

# No "navigation.instant": it fetches sitemap.xml on every page view (17 KiB gzip at 5,000
# measures, growing with the catalogue) to tell its own links from others. No "search.*":
# the search is Pagefind (generator/search_index.py, theme/assets/javascripts/search.js).
FEATURES = [
    "navigation.tracking",
    "navigation.tabs",
    "navigation.top",
    "navigation.footer",
    "content.tooltips",
]


def mkdocs_config(
    config: SiteConfig,
    nav: list[dict[str, str]],
    docs_dir: Path | str,
    theme_dir: Path | str,
    site_dir: Path | str | None = None,
    plugin_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The complete MkDocs configuration as a dict (written as ``mkdocs.yml``)."""
    # No search plugin (and so no lunr index, search/search_index.json): the search is
    # Pagefind over the built HTML. An empty list, not no key: MkDocs' default is ["search"].
    plugins: list[Any] = []
    if plugin_options is not None:
        plugins.append({"tiltakshefte": plugin_options})
    result: dict[str, Any] = {
        "site_name": config.title,
        "site_url": config.site_url,
        "site_description": config.description,
        # No repo_url: Material would then ask GitHub's API for stars and forks on
        # every page load, a third-party request. Edit links are in our own pages.
        "copyright": config.copyright,
        "docs_dir": str(docs_dir),
        "use_directory_urls": True,
        "strict": True,
        "theme": _theme(config, theme_dir),
        "plugins": plugins,
        "markdown_extensions": PROSE_EXTENSIONS + TEMPLATE_EXTENSIONS,
        "extra_css": ["assets/stylesheets/tiltakshefte.css"],
        "extra_javascript": ["assets/javascripts/tiltakshefte.js",
                             "assets/javascripts/search.js",
                             "assets/javascripts/catalogue.js",
                             "assets/javascripts/shortlist.js"],
        # The aims, for the search's «no hits» help (theme/main.html) on every page.
        "extra": {"generator": False, "tiltakshefte": site_links(config),
                  "aims": [[key, label] for key, label in AIMS.items()]},
        "nav": nav,
        "validation": {
            "nav": {"omitted_files": "ignore"},
            "links": {"unrecognized_links": "ignore"},
        },
    }
    if site_dir is not None:
        result["site_dir"] = str(site_dir)
    return result


def _theme(config: SiteConfig, theme_dir: Path | str) -> dict[str, Any]:
    palette = config.palette
    return {
        "name": "material",
        "custom_dir": str(theme_dir),
        # Bokmål (config.language) with our translations on top of the engine's own
        # (theme/partials/languages/custom.html); the pages still say lang="nb".
        "language": "custom",
        "font": False,
        "features": FEATURES,
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "primary": palette.primary,
                "accent": palette.accent,
                "toggle": {"icon": "material/weather-night", "name": "Bytt til mørk visning"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": palette.primary,
                "accent": palette.accent,
                "toggle": {"icon": "material/weather-sunny", "name": "Bytt til lys visning"},
            },
        ],
    }


def site_links(config: SiteConfig) -> dict[str, str]:
    """What the footer of every page links to (theme/main.html): «Meld fra om feil» by e-mail
    (if an address is set) and by the issue form, the accessibility statement, «Hva er
    nytt» and the feed."""
    repo = config.repository.url.rstrip("/")
    return {"contact": config.contact or "", "issue_form": f"{repo}/issues/new",
            "issue_template": "feil.yml", "statement": "tilgjengelighet/",
            "changes": "hva-er-nytt/", "feed": "feed.xml"}


class _Dumper(yaml.SafeDumper):
    pass


def _represent_call(dumper: yaml.SafeDumper, call: PythonCall) -> yaml.Node:
    return dumper.represent_mapping(f"tag:yaml.org,2002:python/object/apply:{call.function}",
                                    {"kwds": call.kwds})


_Dumper.add_representer(PythonCall, _represent_call)


def config_yaml(settings: dict[str, Any]) -> str:
    """``settings`` as the text of an ``mkdocs.yml``."""
    return yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
