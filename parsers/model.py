"""The parser's data model: what a report is once read, and where every number came from.

Everything here is plain data (dataclasses) so that a report can be compared, serialised to JSON and
stored without knowing how it was read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Number = int | float


@dataclass(frozen=True)
class Where:
    """Where a value was read.

    ``offset``/``end`` are character offsets into the extracted text (``Report.text``). For a value read
    from a structured table (DOCX, XLSX, HTML or a PDF page's table structure) ``page``, ``table``, ``row``
    and ``col`` locate the cell in the source document (all 0-based except ``page``, which is 1-based).
    """

    offset: int
    end: int
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    box: tuple[float, float, float, float] | None = None  # OCR: the cell's box on its page (x0, y0, x1, y1)
    read_as: str | None = None  # OCR: what the engine read, where the identities decided another reading

    def as_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v is not None}


@dataclass
class Cell:
    key: str  # "table/row/column" as in SCHEMA.md
    value: Number | None  # None: the published cell is blank
    raw: str  # the text the value was read from ("" for a blank cell)
    where: Where | None  # None only for a cell that is missing from the document altogether


@dataclass
class Check:
    """One check: ``left`` (the sum of ``left_keys``) must equal ``right`` (the sum of ``right_keys``).

    ``kind`` "identity": an accounting identity of the tables. ``kind`` "narrative_vs_table": ``left`` is
    the value the text states (``left_keys`` empty), ``sentence`` the sentence and ``where`` its offsets
    (see :mod:`parsers.narrative`).
    """

    name: str
    left_keys: list[str]
    right_keys: list[str]
    left: Number
    right: Number
    passed: bool
    blank: bool = False  # every operand was blank: the identity holds vacuously
    kind: str = "identity"
    sentence: str = ""
    where: Where | None = None

    def cell_keys(self) -> set[str]:
        """The keys of the cells the check sums, on either side."""
        return {*self.left_keys, *self.right_keys}

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.kind == "identity":  # an identity's JSON is what it was before checks had kinds
            for extra in ("kind", "sentence", "where"):
                out.pop(extra)
        else:
            out["where"] = self.where.as_dict() if self.where else None
        return out


@dataclass
class Warning_:
    code: str  # machine-readable: unknown_row, missing_cell, glued_number, duplicate_table, ...
    message: str
    key: str | None = None
    where: Where | None = None
    # a warning about a run of rows keyed by their table (``tables.warn_keys.run_key``): the rows, for the readers
    # that withdraw a row's warnings when they read it again (not in ``as_dict``: the message names them)
    rows: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.key:
            out["key"] = self.key
        if self.where:
            out["where"] = self.where.as_dict()
        return out


@dataclass
class Section:
    number: int  # 1..6
    heading: str
    text: str
    offset: int


@dataclass
class Report:
    metadata: dict[str, Any]
    text: str
    sections: list[Section] = field(default_factory=list)
    cells: dict[str, Cell] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    @property
    def checks_passed(self) -> int:
        """Accounting identities that hold (the narrative checks are counted apart)."""
        return sum(1 for c in self.checks if c.passed and c.kind == "identity")

    @property
    def checks_failed(self) -> int:
        return sum(1 for c in self.checks if not c.passed and c.kind == "identity")

    @property
    def narrative_failed(self) -> int:
        """Statements of the text that disagree with the tables (checks of kind narrative_vs_table)."""
        return sum(1 for c in self.checks if not c.passed and c.kind == "narrative_vs_table")

    def as_json(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "metadata": self.metadata,
            "cells": {k: c.value for k, c in self.cells.items()},
            "provenance": {k: {"raw": c.raw, **(c.where.as_dict() if c.where else {})} for k, c in self.cells.items()},
            "checks": [c.as_dict() for c in self.checks],
            "warnings": [w.as_dict() for w in self.warnings],
            "sections": [
                {"number": s.number, "heading": s.heading, "offset": s.offset, "text": s.text} for s in self.sections
            ],
        }
        if with_text:
            out["text"] = self.text
        return out
