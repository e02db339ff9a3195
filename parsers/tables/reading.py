"""Shared state of one document's table reading: tokens, the cells found, warnings, provenance."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from parsers.conventions import Canonical, canonicalise
from parsers.extracted import Extracted, Span
from parsers.model import Cell, Warning_, Where
from parsers.tables.align import Fit
from parsers.tables.labels import FUZZY_MIN, similarity
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
    canonical: Canonical | None = None  # the text in the canonical (TAB) convention, when the caller has it
    text: str = field(init=False)
    tokens: list[Token] = field(init=False)
    cells: dict[str, Cell] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.canonical is None:
            self.canonical = canonicalise(self.extracted.text)
        canon = self.canonical
        self.text = canon.text  # the text the tokens' offsets point into
        self.tokens = tokenize(canon.text, self.norm if canon.identity else None)
        self._span_starts = [s.start for s in self.extracted.spans]
        # indexes of the tokens that can be row labels: every label search walks only these
        self._labels = [i for i, t in enumerate(self.tokens) if t.is_labelish]

    # ------------------------------------------------------------ provenance
    def where(self, tok: Token) -> Where:
        assert self.canonical is not None
        start = self.canonical.to_original(tok.start)
        end = start + (tok.end - tok.start) if not self.canonical.identity else tok.end
        span = self._span_at(start)
        if span is None:
            return Where(start, end)
        return Where(start, end, page=span.page, table=span.table, row=span.row, col=span.col, box=span.box)

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

    def locate(self, rows: list[RowDef], start: int, end: int | None, table: str) -> list[Found | None]:
        """Find each row label in template order; a row whose successor comes first is missing.

        A row no pattern finds is then looked for by meaning (:mod:`parsers.tables.labels`) among the unclaimed
        labels where the template's order puts it; every such match is a ``fuzzy_label`` warning.
        """
        found: list[Found | None] = []
        pos = start
        for k, row in enumerate(rows):
            f = self.find(row, pos, end)
            if f is not None and k + 1 < len(rows):
                nxt = self.find(rows[k + 1], pos, f.index)
                if nxt is not None:
                    f = None
            found.append(f)
            if f is not None:
                pos = f.index + 1
        if any(f is None for f in found):
            self._locate_by_meaning(rows, found, start, end, table)
        return found

    def _locate_by_meaning(
        self, rows: list[RowDef], found: list[Found | None], start: int, end: int | None, table: str
    ) -> None:
        stop = len(self.tokens) if end is None else min(end, len(self.tokens))
        claimed = {f.index for f in found if f is not None}
        for k, row in enumerate(rows):
            if found[k] is not None or not row.label:
                continue
            lo = max((f.index + 1 for f in found[:k] if f is not None), default=start)
            hi = min((f.index for f in found[k + 1 :] if f is not None), default=min(stop, lo + 400))
            best: tuple[float, int] | None = None
            for i in self._label_indexes(lo, hi):
                tok = self.tokens[i]
                if i in claimed or len(tok.compact) < 2 or not self.row_like(i):
                    continue
                if any(other.matches(tok.compact) for other in rows):
                    continue
                score = similarity(tok.compact, row.label)
                if score < FUZZY_MIN or (best is not None and score <= best[0]):
                    continue
                # the label must be closer to this row than to any other row of the table
                if any(similarity(tok.compact, other.label) >= score for other in rows if other is not row):
                    continue
                best = (score, i)
            if best is None:
                continue
            score, i = best
            found[k] = Found(i, None)
            claimed.add(i)
            tok = self.tokens[i]
            self.warn(
                "fuzzy_label",
                f"{table}/{row.key}: label {tok.text!r} read as the template's {row.label!r} "
                f"(similarity {min(score, 1.0):.2f})",
                f"{table}/{row.key}",
                tok,
            )

    def row_like(self, i: int) -> bool:
        """A label with a value after it on its line or the next one (a table row, not a header)."""
        line = self.tokens[i].line
        for t in self.tokens[i + 1 : i + 30]:
            if t.line > line + 1:
                return False
            if t.is_value:
                return True
        return False

    def _matches_wrapped(self, row: RowDef, i: int) -> bool:
        """A label wrapped onto the next line (``…参加新闻发布`` / ``会次数``) matches when joined."""
        tok = self.tokens[i]
        joined = tok.compact
        line = tok.line
        for t in self.tokens[i + 1 : i + 24]:
            if t.line == line or not t.is_labelish:
                continue
            if t.line > line + 1 or len(t.compact) > 12:
                return False
            joined += t.compact
            line = t.line
            if row.matches(joined):
                return not row.matches(t.compact)
            if len(joined) > 40:
                return False
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
            self.cells[key] = Cell(key, number_value(tok.text), tok.ocr_raw or tok.text, self.where(tok))
            if tok.ocr_raw is not None:
                self.warn(
                    "ocr_digit",
                    f"{key}: {tok.ocr_raw!r} read as {tok.text} (letters OCR confuses with digits)",
                    key,
                    tok,
                )

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
