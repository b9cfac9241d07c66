"""Field types shared by the content models, with Norwegian error messages.

Prose fields are Markdown. The content-safety policy is enforced here, at
validation, so that an editor gets a located message; rendering sanitises the
HTML a second time (see :mod:`generator.markup`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .messages import message
from .urls import LINK_KINDS, named_target

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE_PATTERN = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
LINES_PATTERN = re.compile(r"[1-9]\d*(?:-[1-9]\d*)?")
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+")

MAX_TEXT = 300
MAX_MARKDOWN = 20_000
MAX_LIST = 500

_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
_TAG = re.compile(r"</?[A-Za-z!?][^>\s]*")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s>]*)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
_SAFE_SCHEMES = ("https://", "http://", "mailto:", "#")


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to a record of the given kind."""

    kind: str


def _error(code: str, needle: str = "", **fields: object) -> PydanticCustomError:
    """A located error; ``needle`` is the text inside the value that the error is about, so
    that the message can name its line inside a block of text."""
    text = message(code, **fields).replace("{", "{{").replace("}", "}}")
    return PydanticCustomError(code, text, {"needle": needle} if needle else None)


def check_not_blank(value: str) -> str:
    """Reject empty and whitespace-only text."""
    if not value.strip():
        raise _error("blank")
    return value


def check_id(value: str) -> str:
    """Ids are lower-case ASCII slugs, so that URLs and file names stay simple."""
    if not ID_PATTERN.fullmatch(value):
        raise _error("id_format", value=value)
    return value


def check_date(value: str) -> str:
    """Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the reports often give only a year."""
    if not DATE_PATTERN.fullmatch(value):
        raise _error("date_format", value=value)
    return value


def year_as_text(value: object) -> object:
    """Accept a bare year (``2019``) where a date is expected; YAML reads it as a number."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


def check_lines(value: str) -> str:
    """A line or line range in a source's text edition, such as ``120-135``."""
    if not LINES_PATTERN.fullmatch(value):
        raise _error("lines_format", value=value)
    return value


def check_url(value: str) -> str:
    """External addresses must be http(s)."""
    if not URL_PATTERN.fullmatch(value):
        raise _error("url_format", value=value)
    return value


def check_plain_text(value: str) -> str:
    """Plain-text fields (names, titles) may not contain HTML tags either."""
    tag = _TAG.search(value)
    if tag:
        raise _error("html_not_allowed", tag=tag.group(0) + ">")
    return value


def check_markdown_safety(value: str) -> str:
    """Enforce the content-safety policy on a Markdown field.

    Allowed: Markdown syntax, links to http(s), mailto and anchors, relative links,
    and images from our own files. Not allowed: raw HTML tags, other link schemes
    (``javascript:``, ``data:`` …) and images from other hosts.
    """
    text = _CODE.sub("", value)
    text = _AUTOLINK.sub("", text)
    tag = _TAG.search(text)
    if tag:
        raise _error("html_not_allowed", needle=tag.group(0), tag=tag.group(0) + ">")
    for image in _IMAGE.findall(text):
        if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", image):
            raise _error("external_image", needle=image, url=image)
    for url in _LINK_TARGET.findall(text) + _REF_DEF.findall(text):
        _check_link(url)
    return value


def _check_link(url: str) -> None:
    if url.count(")") > url.count("("):  # the link's own closing parenthesis
        url = url[: url.rindex(")")]
    has_scheme = re.match(r"\s*[a-zA-Z][a-zA-Z0-9+.-]*:", url)
    if has_scheme and named_target(url.strip()) is not None:
        return  # a link by name; the target is checked with the other links (links.py)
    if has_scheme and not url.lower().lstrip().startswith(_SAFE_SCHEMES):
        prefix = url.strip().split(":", 1)[0]
        close = difflib.get_close_matches(prefix.lower(), list(LINK_KINDS), n=1, cutoff=0.8)
        if close:
            valid = ", ".join(f"«{name}:»" for name in LINK_KINDS)
            hint = message("did_you_mean", suggestion=close[0] + ":")
            raise _error("link_unknown_kind", needle=url.strip(), prefix=prefix, hint=hint,
                         valid=valid)
        raise _error("unsafe_link", needle=url.strip(), url=url)
    if url.startswith("//"):
        raise _error("unsafe_link", needle=url, url=url)


def described(text: str) -> object:
    """Field metadata with a Norwegian description (shown in editors and the schema)."""
    return Field(description=text)


Text = Annotated[
    str,
    Field(max_length=MAX_TEXT),
    AfterValidator(check_not_blank),
    AfterValidator(check_plain_text),
]
Markdown = Annotated[
    str,
    Field(max_length=MAX_MARKDOWN),
    AfterValidator(check_not_blank),
    AfterValidator(check_markdown_safety),
]
# What the JSON Schemas say, so that an editor marks the same values ``validate`` rejects: a
# bare year is a number in YAML, and ``validate`` accepts it as a date.
_ID_SCHEMA = WithJsonSchema({"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"})
_DATE_SCHEMA = WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": f"^{DATE_PATTERN.pattern}$"},
    {"type": "integer", "minimum": 1000, "maximum": 9999},
]})
_LINES_SCHEMA = WithJsonSchema({"type": "string", "pattern": f"^{LINES_PATTERN.pattern}$"})

Id = Annotated[str, AfterValidator(check_id), _ID_SCHEMA]
PartialDate = Annotated[str, BeforeValidator(year_as_text), AfterValidator(check_date),
                        _DATE_SCHEMA]
LineRange = Annotated[str, AfterValidator(check_lines), _LINES_SCHEMA]
Url = Annotated[str, AfterValidator(check_url)]

SourceId = Annotated[str, AfterValidator(check_id), RefTo("sources"), _ID_SCHEMA]
MeasureId = Annotated[str, AfterValidator(check_id), RefTo("measures"), _ID_SCHEMA]
PilotId = Annotated[str, AfterValidator(check_id), RefTo("pilots"), _ID_SCHEMA]
MunicipalityId = Annotated[str, AfterValidator(check_id), RefTo("municipalities"), _ID_SCHEMA]
OrganisationId = Annotated[str, AfterValidator(check_id), RefTo("organisations"), _ID_SCHEMA]
ChartId = Annotated[str, AfterValidator(check_id), RefTo("charts"), _ID_SCHEMA]
TermId = Annotated[str, AfterValidator(check_id), RefTo("terms"), _ID_SCHEMA]
