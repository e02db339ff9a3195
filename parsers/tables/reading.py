"""Shared state of one document's table reading: tokens, the cells found, warnings, provenance."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from parsers.extracted import Extracted, Span
from parsers.model import Cell, Warning_, Where
from parsers.tables.align import Fit
from parsers.tables.templates import RowDef
from parsers.tables.tokens import Token, number_value, tokenize


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_GLUED_RE = re.compile(r"^(?P<label>.*?[^\d\s.,])(?P<num>\d[\d,]*(?:\.\d+)?)$")


@dataclass
class Found:
    index: int  # token index of the label
    glued: Token | None  # a number glued to the end of the label, split off


@dataclass
class Reading:
    extracted: Extracted
    norm: str | None = None  # the normalised text, when the caller already has it
    tokens: list[Token] = field(init=False)
    cells: dict[str, Cell] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.extracted.text, self.norm)
        self._span_starts = [s.start for s in self.extracted.spans]
        # indexes of the tokens that can be row labels: every label search walks only these
        self._labels = [i for i, t in enumerate(self.tokens) if t.is_labelish]

    # ------------------------------------------------------------ provenance
    def where(self, tok: Token) -> Where:
        span = self._span_at(tok.start)
        if span is None:
            return Where(tok.start, tok.end)
        return Where(tok.start, tok.end, page=span.page, table=span.table, row=span.row, col=span.col, box=span.box)

    def _span_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._span_starts, offset) - 1
        if i >= 0:
            span = self.extracted.spans[i]
            if span.start <= offset < span.end:
                return span
        return None

    # ------------------------------------------------------------ finding labels
    def _label_indexes(self, start: int, end: int | None) -> list[int]:
        stop = len(self.tokens) if end is None else min(end, len(self.tokens))
        lo = bisect.bisect_left(self._labels, start)
        hi = bisect.bisect_left(self._labels, stop)
        return self._labels[lo:hi]

    def find(self, row: RowDef, start: int, end: int | None = None) -> Found | None:
        for i in self._label_indexes(start, end):
            tok = self.tokens[i]
            m = _GLUED_RE.match(tok.text)
            if m and row.matches("".join(m.group("label").split())):
                num_at = tok.start + m.start("num")
                glued = Token(m.group("num"), num_at, tok.end, tok.line, tok.col, tok.tabbed, split=True)
                return Found(i, glued)
            if row.matches(tok.compact):
                return Found(i, None)
            if self._matches_wrapped(row, i):
                return Found(i, None)
        return None

    def _matches_wrapped(self, row: RowDef, i: int) -> bool:
        """A label wrapped onto the next line (``…参加新闻发布`` / ``会次数``) matches when joined."""
        tok = self.tokens[i]
        for t in self.tokens[i + 1 : i + 12]:
            if t.line == tok.line or not t.is_labelish:
                continue
            if t.line > tok.line + 1:
                return False
            return row.matches(tok.compact + t.compact) and not row.matches(t.compact)
        return False

    def first_index(self, pattern: str, start: int = 0, end: int | None = None) -> int | None:
        rx = _compiled(pattern)
        for i in self._label_indexes(start, end):
            if rx.search(self.tokens[i].compact):
                return i
        return None

    def line_after(self, index: int) -> list[Token]:
        """The cells that follow token ``index`` on its own TAB line."""
        tok = self.tokens[index]
        if not tok.tabbed:
            return []
        out = []
        for t in self.tokens[index + 1 :]:
            if t.line != tok.line:
                break
            out.append(t)
        return out

    # ------------------------------------------------------------ recording
    def put(self, key: str, tok: Token | None, *, blank_where: Token | None = None) -> None:
        if key in self.cells:
            self.warn("duplicate_cell", f"{key} read twice; the first reading is kept", key, tok)
            return
        if tok is None:
            where = self.where(blank_where) if blank_where is not None else None
            self.cells[key] = Cell(key, None, "", where)
        else:
            self.cells[key] = Cell(key, number_value(tok.text), tok.text, self.where(tok))

    def put_fit(self, keys: list[str], fit: Fit, label: Token, table: str) -> None:
        for key, tok in zip(keys, fit.tokens, strict=True):
            self.put(key, tok, blank_where=label)
        row = keys[0].rsplit("/", 1)[0]
        if fit.how == "dropped":
            raw = ", ".join(t.text for t in fit.dropped)
            self.warn(
                "extra_values",
                f"{row}: {len(fit.dropped)} value(s) more than columns; dropped {raw} "
                "(the reading that satisfies the table's identities)",
                row,
                fit.dropped[0],
            )
        elif fit.how == "padded":
            blanks = [
                k.rsplit("/", 1)[1] for k, t in zip(keys, fit.tokens, strict=True) if t is None or not t.is_number
            ]
            self.warn("missing_cell", f"{row}: fewer values than columns; blank: {', '.join(blanks)}", row, label)
        elif fit.how == "short":
            self.warn("missing_cell", f"{row}: no values found; all cells blank", row, label)
        if fit.ambiguous:
            self.warn("ambiguous", f"{row}: several readings fit the identities equally well", row, label)

    def warn(self, code: str, message: str, key: str | None = None, tok: Token | None = None) -> None:
        self.warnings.append(Warning_(code, message, key, self.where(tok) if tok is not None else None))

    def get(self, key: str) -> int | float | None:
        cell = self.cells.get(key)
        return cell.value if cell else None
