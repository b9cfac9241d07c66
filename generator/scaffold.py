"""Scaffolds for new records and JSON Schemas, both derived from the models."""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .kinds import KINDS
from .records import Record
from .schemas import norwegian_schema

# CLI names (singular, English) → content folder.
KIND_FOLDERS: dict[str, str] = {
    "pilot": "pilots",
    "municipality": "municipalities",
    "measure": "measures",
    "organisation": "organisations",
    "source": "sources",
    "term": "terms",
    "page": "pages",
    "dataset": "datasets",
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind, for editors' autocompletion."""
    model = KINDS[KIND_FOLDERS[kind]]
    schema = norwegian_schema(model.model_json_schema(), model.__name__)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Tiltakshefte: {schema['title'].lower()}"
    return schema


def schema_texts() -> dict[str, str]:
    """File name → JSON text for every kind."""
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in KIND_FOLDERS
    }


def scaffold(kind: str, record_id: str) -> str:
    """A new record: every field with its Norwegian description as a comment.

    Required fields are left empty, so that validation fails until they are filled
    in; optional fields are commented out.
    """
    model = KINDS[KIND_FOLDERS[kind]]
    lines = [
        f"# yaml-language-server: $schema=../../schema/{kind}.schema.json",
        "# Ny post. Fyll ut feltene og kjør «tiltakshefte validate». Se CONTRIBUTING.md.",
        "",
    ]
    common = [name for name in Record.model_fields if name != "id"]
    order = ["id"] + [n for n in model.model_fields if n not in Record.model_fields] + common
    for name in order:
        lines.extend(_field_lines(name, model.model_fields[name], record_id))
    return "\n".join(lines) + "\n"


def _field_lines(name: str, info: FieldInfo, record_id: str) -> list[str]:
    required = info.is_required()
    comment = f"# {info.description or ''}{' (påkrevd)' if required else ' (valgfritt)'}"
    choices = _choices(info.annotation)
    if choices:
        comment += " Gyldige verdier: " + ", ".join(choices) + "."
    if name == "id":
        return [comment, f"id: {record_id}", ""]
    lines = f"{name}:{_placeholder(info.annotation, required)}".split("\n")
    if not required:  # every line commented out, nested keys included, so the YAML stays valid
        lines = [f"# {line}" for line in lines]
    return [comment, *lines, ""]


def _placeholder(annotation: Any, required: bool) -> str:
    base = _strip_optional(annotation)
    if get_origin(base) is list:
        inner = _strip_optional(get_args(base)[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            keys = [k for k, f in inner.model_fields.items() if f.is_required()]
            return "\n" + "\n".join(
                f"{'  - ' if i == 0 else '    '}{k}: \"\"" for i, k in enumerate(keys)
            ) if required else " []"
        return " []"
    if isinstance(base, type) and issubclass(base, BaseModel):
        keys = [k for k, f in base.model_fields.items() if f.is_required()]
        return "\n" + "\n".join(f"  {k}: \"\"" for k in keys)
    if base is bool:
        return " false"
    return ' ""' if required else ""


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _choices(annotation: Any) -> list[str]:
    base = _strip_optional(annotation)
    if get_origin(base) is list:
        base = get_args(base)[0]
    if get_origin(base) is Literal:
        return [str(a) for a in get_args(base)]
    return []


def write_scaffold(content_dir: Path, kind: str, record_id: str) -> Path:
    """Write a scaffold file; refuse to overwrite. Returns the path written."""
    path = content_dir / KIND_FOLDERS[kind] / f"{record_id}.yml"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(kind, record_id), encoding="utf-8")
    return path


def record_model(kind: str) -> type[Record]:
    """The model class behind a CLI kind name."""
    return KINDS[KIND_FOLDERS[kind]]
