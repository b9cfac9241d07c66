"""``site_config.yml``: the one settings file, validated like content."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from .fields import Text, Url
from .loader import load_file
from .models import Strict
from .problems import ContentError, Problem
from .validate import translate_errors

SITE_URL_ENV = "TILTAKSHEFTE_SITE_URL"

# One address, without a display name: what a mailto link needs.
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$")]

Section = Literal[
    "home", "programme", "measures", "pilots", "municipalities", "organisations",
    "numbers", "templates", "opendata", "sources", "glossary", "about",
]


class RepositoryConfig(Strict):
    """Where the content lives, for «Foreslå en endring» links."""

    url: Url = Field(description="Adressen til repositoriet på GitHub.")
    branch: Text = Field(default="main", description="Grenen innholdet redigeres på.")


class PaletteConfig(Strict):
    """Material colour names for the light and dark schemes."""

    primary: Text = Field(default="indigo", description="Hovedfarge (Material-fargenavn).")
    accent: Text = Field(default="indigo", description="Aksentfarge (Material-fargenavn).")


class SiteConfig(Strict):
    """Settings for the whole site."""

    title: Text = Field(description="Nettstedets navn.")
    description: Text = Field(description="Kort beskrivelse for søkemotorer.")
    site_url: Url = Field(description="Adressen nettstedet publiseres på, med / til slutt.")
    language: Literal["nb"] = Field(default="nb", description="Språk: nb (bokmål).")
    repository: RepositoryConfig = Field(description="Repositoriet med innholdet.")
    copyright: Text = Field(description="Tekst i bunnteksten.")
    palette: PaletteConfig = Field(
        default_factory=PaletteConfig, description="Farger."
    )
    navigation: list[Section] = Field(min_length=1, description="Rekkefølgen i hovedmenyen.")
    contact: Email | None = Field(
        default=None,
        description="E-postadressen «Meld fra om feil» sender til: en funksjonsadresse som "
        "utgiveren velger (f.eks. en felles postkasse for redaksjonen), aldri en persons "
        "adresse. Uten adresse går lenken bare til skjemaet på GitHub, og byggingen advarer.")

    def with_site_url(self, site_url: str | None) -> SiteConfig:
        """A copy with another ``site_url`` (for deploys and tests)."""
        if not site_url:
            return self
        url = site_url if site_url.endswith("/") else site_url + "/"
        return self.model_copy(update={"site_url": url})

    @property
    def base_path(self) -> str:
        """The path part of ``site_url``, such as ``/tiltakshefte/``."""
        rest = self.site_url.split("://", 1)[1]
        return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


def load_site_config(path: Path) -> SiteConfig:
    """Load and validate ``site_config.yml``; raise :class:`ContentError` on problems."""
    raw, problems = load_file(path, path.name)
    if raw is None:
        raise ContentError(problems)
    try:
        config = SiteConfig.model_validate(raw.data)
    except ValidationError as exc:
        raise ContentError(translate_errors(exc, SiteConfig, raw)) from None
    return config.with_site_url(os.environ.get(SITE_URL_ENV))


def config_problem(path: Path, text: str) -> Problem:
    """A problem with the settings file as a whole."""
    return Problem(path.name, 1, 1, "", text)


def config_warnings(config: SiteConfig) -> list[str]:
    """Settings the site works without, but should have before it is published."""
    if config.contact is None:
        return ["site_config.yml: contact: ingen e-postadresse for «Meld fra om feil»; lenken "
                "går bare til skjemaet på GitHub. Sett en funksjonsadresse, f.eks. en felles "
                "postkasse for redaksjonen."]
    return []
