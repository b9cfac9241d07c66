"""plotly.py's validation errors, told in Norwegian for the build's problem list."""

from __future__ import annotations

import difflib
import re

from ..messages import message

_PROPERTY = re.compile(
    r"Invalid property specified for object of type plotly\.graph_objs\.([\w.]+): '([^']*)'")
_VALUE = re.compile(
    r"Invalid value of type '[^']*' received for the '([^']*)' property of ([\w.]+)")
_VALID_NAME = re.compile(r"^ {8}(\w+)$", re.M)


def describe(chart_id: str, error: ValueError) -> str:
    """One line that says which chart, which property and what is wrong with it."""
    text = str(error)
    found = _PROPERTY.search(text)
    if found:
        where, key = found.group(1).lower(), found.group(2)
        valid = _VALID_NAME.findall(text.partition("Valid properties:")[2])
        close = difflib.get_close_matches(key, valid, n=1, cutoff=0.75)
        hint = message("did_you_mean", suggestion=close[0]) if close else ""
        return message("chart_property", chart=chart_id, key=key, where=where, hint=hint)
    found = _VALUE.search(text)
    if found:
        return message("chart_value", chart=chart_id, key=found.group(1),
                       where=found.group(2).lower())
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return message("chart_invalid", chart=chart_id, detail=first)
