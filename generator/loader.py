"""Load YAML records with the line and column of every key.

PyYAML composes the node tree (with its C parser where available); we build the
Python values ourselves so that we control what a plain scalar means:

* YAML 1.2 core rules, so ``no``, ``yes``, ``on`` and ``off`` stay text (the
  YAML 1.1 reading turns them into booleans);
* dates stay text (models check the format);
* numbers with a leading zero (``012``) stay text, as in a postcode;
* duplicate keys, aliases and explicit tags are errors, not silent behaviour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import message
from .problems import Problem

try:  # the C parser is much faster on large content trees
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """PyYAML's loader without its implicit tag resolution: ``_scalar`` decides what a plain
    scalar means, and only explicit tags are checked, so the regular expressions PyYAML
    tries on every scalar (a quarter of the parse time) are skipped."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}

MAX_FILE_BYTES = 1_000_000

KeyPath = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STANDARD_TAG = "tag:yaml.org,2002:"


@dataclass
class RawRecord:
    """A parsed YAML file: its values and where each key path starts."""

    file: str
    data: dict[str, Any]
    positions: dict[KeyPath, tuple[int, int]]
    # The references in ``data``, worked out once (see ``graph.record_refs``).
    refs: list[tuple[KeyPath, str, str]] | None = field(default=None, compare=False, repr=False)
    # Its text fields with numbers but no source, worked out once (see ``checks``).
    unsourced: list[Any] | None = field(default=None, compare=False, repr=False)
    # First and last line of each text value, and the file's lines, so that a message about
    # something inside a text (a link, a number) can name the line it is on.
    spans: dict[KeyPath, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    lines: list[str] = field(default_factory=list, compare=False, repr=False)

    def position(self, path: KeyPath) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)

    def text_position(self, path: KeyPath, needle: str) -> tuple[int, int]:
        """Line and column of ``needle`` inside the text at ``path`` (a block scalar spans
        several lines); the key's position when it cannot be found."""
        span = self.spans.get(path)
        if span is not None and needle:
            first, last = span
            for number in range(first, min(last, len(self.lines)) + 1):
                col = self.lines[number - 1].find(needle)
                if col >= 0:
                    return number, col + 1
        return self.position(path)


class _YamlProblem(Exception):
    def __init__(self, line: int, col: int, text: str, path: KeyPath = ()) -> None:
        super().__init__(text)
        self.line, self.col, self.text, self.path = line, col, text, path


def read_text(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8 (a BOM is accepted), or explain why not."""
    if len(raw) > MAX_FILE_BYTES:
        text = message("file_too_large", size=len(raw), limit=MAX_FILE_BYTES)
        return None, [Problem(display, 1, 1, "", text)]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(display, line, 1, "", message("file_binary"))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text = message("file_not_utf8", byte=raw[exc.start], line=line)
        return None, [Problem(display, line, 1, "", text)]


def parse_yaml(text: str, display: str) -> tuple[RawRecord | None, list[Problem]]:
    """Parse one YAML document into a :class:`RawRecord`, or return its problems."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [Problem(display, 1, 1, "", message("yaml_syntax", problem=exc))]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, [Problem(display, 1, 1, "", message("file_empty"))]
    if len(nodes) > 1:
        line = _separator_line(text, nodes[1].start_mark.line)
        return None, [Problem(display, line, 1, "", message("multiple_documents"))]
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        found = "en liste" if isinstance(root, yaml.SequenceNode) else "en enkelt verdi"
        line = root.start_mark.line + 1
        return None, [Problem(display, line, 1, "", message("top_not_mapping", found=found))]
    builder = _Builder()
    try:
        data = builder.build(root, ())
    except _YamlProblem as exc:
        return None, [Problem(display, exc.line, exc.col, _dotted(exc.path), exc.text)]
    return RawRecord(display, data, builder.positions, spans=builder.spans,
                     lines=text.splitlines()), []


def load_file(path: Path, display: str) -> tuple[RawRecord | None, list[Problem]]:
    """Read, decode and parse one content file."""
    text, problems = read_text(path.read_bytes(), display)
    if text is None:
        return None, problems
    return parse_yaml(text, display)


class _Builder:
    """Turns composed nodes into Python values, recording key positions."""

    def __init__(self) -> None:
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.spans: dict[KeyPath, tuple[int, int]] = {}
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        if id(node) in self._seen:
            raise _YamlProblem(*_pos(node), message("yaml_alias"), path)
        self._seen.add(id(node))
        self._check_tag(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, path)
        value = _scalar(node)
        if isinstance(value, str):
            self.spans[path] = (node.start_mark.line + 1, node.end_mark.line + 1)
        return value

    def _check_tag(self, node: yaml.Node, path: KeyPath) -> None:
        if not node.tag.startswith(_STANDARD_TAG):
            raise _YamlProblem(*_pos(node), message("yaml_tag", tag=node.tag), path)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _YamlProblem(*_pos(key_node), message("yaml_key_not_text"), path)
            key = str(key_node.value)
            line, col = _pos(key_node)
            if key in first_line:
                text = message("yaml_duplicate_key", key=key, first=first_line[key])
                raise _YamlProblem(line, col, text, path + (key,))
            first_line[key] = line
            self.positions[path + (key,)] = (line, col)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _sequence(self, node: yaml.SequenceNode, path: KeyPath) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            self.positions[path + (index,)] = _pos(item)
            items.append(self.build(item, path + (index,)))
        return items


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.Node) -> Any:
    """Resolve a scalar with YAML 1.2 core rules (plain scalars only)."""
    value = str(node.value)
    if getattr(node, "style", None):  # quoted or block scalar: always text
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and not re.fullmatch(r"[-+]?0[0-9]+", value):
        return float(value)
    return value


def _separator_line(text: str, before: int) -> int:
    """The 1-based line of the ``---`` that starts the document at line ``before``."""
    lines = text.splitlines()
    for index in range(min(before, len(lines) - 1), -1, -1):
        if lines[index].startswith("---"):
            return index + 1
    return before + 1


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in (exc.context or "") and exc.context_mark:
        mark = exc.context_mark  # point at the opening quote, not the end of the file
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    return Problem(display, line, col, "", _translate_syntax(exc, at))


def _translate_syntax(exc: yaml.MarkedYAMLError, at: str) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if at == "\t" or "'\\t'" in problem:
        return message("yaml_tab")
    if "quoted scalar" in context:
        return message("yaml_unclosed_quote")
    if "mapping values are not allowed" in problem:
        return message("yaml_colon")
    if "could not find expected ':'" in problem:
        return message("yaml_expected_colon")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return message("yaml_indent")
    return message("yaml_syntax", problem=problem or context)


def _dotted(path: KeyPath) -> str:
    return format_path(path)


def format_path(path: KeyPath) -> str:
    """Format a key path as ``a.b[0].c``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
