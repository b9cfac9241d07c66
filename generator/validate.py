"""Validate raw records against the models and translate every error to Norwegian."""

from __future__ import annotations

import difflib
import re
import types
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .loader import KeyPath, RawRecord, format_path
from .messages import message, type_name
from .problems import Problem
from .records import Record

_TYPE_CODES = {
    "string_type": "string_type",
    "int_type": "int_type",
    "int_from_float": "int_type",
    "float_type": "float_type",
    "bool_type": "bool_type",
    "list_type": "list_type",
    "dict_type": "dict_type",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
}
_UNION_BRANCHES = {"str", "int", "float", "bool", "list", "dict", "none"}


@dataclass
class Loaded:
    """A validated record with the raw data it came from (for positions)."""

    kind: str
    record: Record
    raw: RawRecord


def validate_record(
    kind: str, model: type[Record], raw: RawRecord, stem: str
) -> tuple[Loaded | None, list[Problem]]:
    """Validate one raw record; return the record or every problem found in it."""
    problems: list[Problem] = []
    record: Record | None = None
    try:
        record = model.model_validate(raw.data)
    except ValidationError as exc:
        problems = translate_errors(exc, model, raw)
    if record is not None:
        for path, text in record.extra_checks():
            line, col = raw.position(path)
            problems.append(Problem(raw.file, line, col, format_path(path), text))
    raw_id = raw.data.get("id")
    if isinstance(raw_id, str) and raw_id != stem:
        line, col = raw.position(("id",))
        text = message("filename_id_mismatch", id=raw_id, stem=stem)
        problems.append(Problem(raw.file, line, col, "id", text))
    if problems:
        return None, problems
    assert record is not None
    return Loaded(kind, record, raw), []


def translate_errors(exc: ValidationError, model: type[BaseModel], raw: RawRecord) -> list[Problem]:
    """Turn pydantic's errors into located Norwegian problems, one per key path."""
    seen: dict[str, Problem] = {}
    for error in exc.errors(include_url=False):
        path = _data_path(error["loc"], raw.data)
        dotted = format_path(path)
        if dotted in seen:  # a union reports once per branch; one message is enough
            continue
        needle = (error.get("ctx") or {}).get("needle")
        line, col = raw.text_position(path, needle) if needle else raw.position(path)
        seen[dotted] = Problem(raw.file, line, col, dotted, _message_for(error, model, path))
    return list(seen.values())


def _data_path(loc: tuple[int | str, ...], data: Any) -> KeyPath:
    """Keep only the parts of pydantic's location that exist in the data."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and (part in node or last):
            if part not in node and part in _UNION_BRANCHES:
                continue
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _message_for(error: Any, model: type[BaseModel], path: KeyPath) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return message("missing")
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, path[:-1]))
        return message("extra_forbidden", key=path[-1], hint=_hint(str(path[-1]), allowed))
    if kind in _TYPE_CODES:
        hint = _quote_hint(value) if kind == "string_type" else ""
        return message(_TYPE_CODES[kind], found=type_name(value), hint=hint)
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        shown = ", ".join(f"«{v}»" for v in expected)
        hint = _hint(str(value), expected)
        return message("literal_error", value=value, expected=shown, hint=hint)
    if kind in ("greater_than_equal", "greater_than"):
        return message("greater_than_equal", limit=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return message("less_than_equal", limit=ctx.get("le", ctx.get("lt")))
    if kind == "too_short":
        return message("too_short", limit=ctx.get("min_length"))
    if kind == "too_long":
        return message("too_long", actual=ctx.get("actual_length"), limit=ctx.get("max_length"))
    if kind == "string_too_long":
        return message("string_too_long", actual=len(str(value)), limit=ctx.get("max_length"))
    if kind in ("float_parsing", "int_parsing"):
        return message("float_type", found=type_name(value))
    if kind.startswith(("string_", "value_")) or "msg" not in error:
        return message("schema_generic", detail=error.get("msg", kind))
    return str(error["msg"])


def _quote_hint(value: object) -> str:
    if isinstance(value, bool | int | float):
        return "; sett teksten i anførselstegn hvis den skal leses som tekst"
    return ""


def _hint(value: str, options: list[str]) -> str:
    match = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.5)
    return message("did_you_mean", suggestion=match[0]) if match else ""


def _fields_at(model: type[BaseModel], path: KeyPath) -> set[str]:
    """The field names allowed in the mapping at ``path`` of ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return set()
        current = _model_in(fields[part].annotation)
        if current is None:
            return set()
    return set(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (list, Union, types.UnionType) or origin is not None:
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
