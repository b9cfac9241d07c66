"""Datasets (tables of numbers from the reports) and the chart specs that draw them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Id, Markdown, Text
from .loader import KeyPath
from .messages import message
from .models import PERCENT_UNITS, SourceRef, Strict, _list
from .records import Record

Cell = str | float | int | None
ChartType = Literal["bar", "grouped_bar", "stacked_bar", "dumbbell", "line"]


class Column(Strict):
    """One column of a dataset: a category column (text) or a value column (numbers)."""

    key: Id = Field(description="Kort id for kolonnen, brukt i diagrammene (f.eks. «aar-2019»).")
    label: Text = Field(description="Kolonnens overskrift, slik lesere ser den.")
    unit: Text | None = Field(default=None, description="Enhet for tallene, f.eks. «prosent».")
    values: list[Cell] = Field(max_length=10_000, description="Verdiene, én per rad.")


class Chart(Strict):
    """A chart drawn from a dataset; its type comes from the chart registry."""

    id: Id = Field(description="Id for diagrammet (unik på hele nettstedet).")
    type: ChartType = Field(description="Diagramtype: bar, grouped_bar, stacked_bar, dumbbell "
                            "eller line.")
    title: Text = Field(description="Tittel som sier hva diagrammet viser.")
    summary: Text = Field(description="Én setning om hva diagrammet viser (for alle lesere).")
    x: Id = Field(description="Kolonnen med kategoriene (eller årene).")
    y: list[Id] = Field(min_length=1, max_length=12, description="Kolonnene med tall.")
    horizontal: bool = Field(default=False, description="true for liggende stolper.")
    y_title: Text | None = Field(default=None, description="Tekst på tallaksen.")


class Dataset(Record):
    """A table of numbers from one source, with the charts drawn from it."""

    title: Text = Field(description="Tittel på datasettet.")
    description: Markdown | None = Field(default=None, description="Hva tallene er.")
    unit: Text = Field(description="Enhet for tallene, f.eks. «prosent», «personer».")
    n: int | None = Field(default=None, ge=0, description="Antall svar eller observasjoner.")
    population: Text = Field(description="Hvem eller hva tallene gjelder.")
    year: Text = Field(description="År eller periode.")
    source: SourceRef = Field(description="Kilde og sted i kilden for tallene.")
    note: Markdown | None = Field(default=None, description="Forbehold, f.eks. små utvalg.")
    columns: list[Column] = Field(min_length=2, max_length=50, description="Kolonnene.")
    chart_specs: list[Chart] = _list("Diagrammer laget fra datasettet.")

    def extra_checks(self) -> list[tuple[KeyPath, str]]:
        """Table checks that need the whole dataset: equal lengths, numbers, known columns."""
        problems: list[tuple[KeyPath, str]] = []
        lengths = {len(c.values) for c in self.columns}
        if len(lengths) > 1:
            detail = ", ".join(f"{c.key}: {len(c.values)}" for c in self.columns)
            problems.append((("columns",), message("column_lengths", detail=detail)))
        for index, column in enumerate(self.columns[1:], start=1):
            problems.extend(_value_problems(index, column, column.unit or self.unit))
        keys = {c.key for c in self.columns}
        for index, chart in enumerate(self.chart_specs):
            for field, key in [("x", chart.x)] + [("y", k) for k in chart.y]:
                if key not in keys:
                    path: KeyPath = ("chart_specs", index, field)
                    if field == "y":
                        path += (chart.y.index(key),)
                    problems.append((path, message("unknown_column", key=key,
                                                   valid=", ".join(sorted(keys)))))
        return problems

    def column(self, key: str) -> Column:
        """The column with ``key``."""
        return next(c for c in self.columns if c.key == key)


def _value_problems(index: int, column: Column, unit: str) -> list[tuple[KeyPath, str]]:
    problems: list[tuple[KeyPath, str]] = []
    percent = unit.strip().lower() in PERCENT_UNITS
    for row, value in enumerate(column.values):
        path: KeyPath = ("columns", index, "values", row)
        if value is None:
            continue
        if isinstance(value, str | bool):
            problems.append((path, message("column_number", column=column.key, value=value)))
        elif percent and not 0 <= value <= 100:
            problems.append((path, message("percent_range", value=value)))
        elif value < 0:
            problems.append((path, message("negative_count", value=value)))
    return problems
