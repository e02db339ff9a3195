"""A table 三 row's values as the text prints them after its label: its own segment, its continuations, a label
wrapped onto the row that prints its cells, a number glued to the next label, look-alike digits in an unreadable
cell (split from :mod:`parsers.tables.applications`)."""

from __future__ import annotations

import re

from parsers.tables.align import positional, warn_merged
from parsers.tables.broken_numbers import pieces_after_label_rest, rejoin_broken
from parsers.tables.label_columns import label_column_blank
from parsers.tables.label_rest_pieces import glued_below_pieces, pieces_around_rest
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_lines import pieces_of
from parsers.tables.templates import N_APP
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)

_NUMBERED_RE = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")


def _label_rest_row(r: Reading, index: int, stop: int) -> int | None:
    """A row label printed on a line of its own whose rest opens the next line, a TAB row that prints the row's
    cells (html2text's and markitdown's pipe rows of an HTML table whose label cell holds a line break:
    ``3．危及`` then ``“三安全一稳定”| 0| 0| | 0``): the index of that rest, the first token of its TAB line; None
    when the next token is a number, not the first of a TAB line, a new numbered label, or past ``stop``."""
    k = index + 1
    if k >= stop:
        return None
    t, label = r.tokens[k], r.tokens[index]
    if t[LINE] == label[LINE] or not t[TABBED] or not t[IS_LABELISH] or _NUMBERED_RE.match(t[COMPACT]):
        return None
    if k > 0 and r.tokens[k - 1][LINE] == t[LINE]:
        return None
    return k


def row_values(r: Reading, f: Found, stop: int, n: int, key: str) -> tuple[list[Token], list[Token | None] | None]:
    """Value tokens read for a row (its own segment and continuations), and its positional fit if any."""
    label = r.tokens[f.index]
    line = r.line_after(f.index)
    pos = positional(line, n) if len(line) >= n else None
    if pos is None and not line and (rest := _label_rest_row(r, f.index, stop)) is not None:
        line = r.line_after(rest)  # the label wrapped onto the row that prints its cells (html2text's `3．危及`)
        pos = positional(line, n) if len(line) >= n else None
    if pos is not None and label_column_blank(r, pos) is not None:
        pos = None  # a merged label cell and a grid column past the page's edge made n cells: read as a short row
    if pos is not None:
        warn_merged(r, line, n, key)
    vals: list[Token] = [f.glued] if f.glued else []
    first: int | None = None  # the index of ``vals[0]`` in ``r.tokens`` (None: a token split off another)
    pending_label: Token | None = None
    rest_until = 0  # the values up to this token are pieces of the row's broken numbers (pieces_after_label_rest)
    tokens = r.tokens
    for k in range(f.index + 1, stop):
        t = tokens[k]
        if not t[TEXT] or (t[IS_BLANK_MARKER] and r.placeholder(t)):  # placeholder() inlined in part: hot
            continue
        if t[IS_VALUE]:
            if pending_label is not None and (len(vals) >= n or _next_grid_row(r, pending_label, vals, t)):
                if len(vals) == n == N_APP and rejoin_broken(r, [*vals, t]) is not None:
                    vals.append(t)  # a cell's digits broken in two, one piece after the label's rest (_broken_cell)
                    continue
                if k < rest_until or (rest_until := pieces_after_label_rest(r, pending_label, vals, k, stop, n)):
                    vals.append(t)  # the row's values go on after the label's rest: pieces of broken numbers
                    continue
                if not f.glued and (around := pieces_around_rest(r, label, vals, k, stop, n)) is not None:
                    row, printed = around
                    r.warn(
                        "merged_digits",
                        f"{key}: {printed}: the row's cells on a line of its wrapped label, the pieces of its numbers "
                        "broken over lines in narrow cells on the lines right above and below them, "
                        "each on the cell it starts nearest (pieces joined); read as "
                        f"{' '.join(t[TEXT] for t in row)}, the row total holding (a guess)",
                        key,
                        row[0],
                    )
                    return list(row), list(row)
                if (tail := _glued_then_pieces(r, vals, k, stop, n)) is not None:
                    vals.extend(tail)  # glued cells, the pieces below after the label's rest (glued_pieces)
                    break
                if _next_rows_pieces(r, t, stop):
                    vals = [v for v in vals if v[LINE] != t[LINE]]  # left to the next row (its first pieces)
                    break
                r.warn(
                    "unknown_row",
                    f"values after an unknown row label {pending_label[TEXT]!r} "
                    f"(between {key} and the next row) are not assigned",
                    key,
                    pending_label,
                )
                break
            if not vals:
                first = k
            vals.append(t)
        elif t[IS_LABELISH]:
            if (lead := _leading_number(r, t, vals, n, key)) is not None:
                vals.append(lead)
            if vals and t[LINE] != label[LINE] and _NUMBERED_RE.match(t[COMPACT]):
                # a numbered label after the row's values (``5.属于三``, a wrapped label OCR cut; a group heading
                # such as ``(五)不予处理`` whose row's label OCR garbled): the next row begins there, its values are
                # not this row's
                if any(u[IS_VALUE] for u in tokens[k + 1 : stop]):
                    r.warn(
                        "unknown_row",
                        f"values after an unknown numbered row label {t[TEXT]!r} (after {key}) are not assigned",
                        key,
                        t,
                    )
                break
            pending_label = t
    if stop < len(r.tokens) and (lead := _leading_number(r, r.tokens[stop], vals, n, key)) is not None:
        vals.append(lead)  # printed against the next row's label
    if pos is None and not f.glued and (glued := glued_below_pieces(r, f.index, vals, stop, n)) is not None:
        row, printed = glued
        r.warn(
            "merged_digits",
            f"{key}: {printed}: the row's glued cells on a line of its wrapped label, the first pieces of its numbers "
            "broken over lines in narrow cells on the line of its label right above them, each on the cell it "
            f"starts nearest (pieces joined); read as {' '.join(t[TEXT] for t in row)}, the row total holding "
            "(a guess)",
            key,
            row[0],
        )
        return list(row), list(row)
    if (
        pos is not None
        and all(t is None or not t[TEXT] for t in pos)
        and any(t[TABBED] and t[LINE] != label[LINE] for t in vals)
    ):
        pos = None  # every cell printed empty: the label wrapped into the next table row, which holds the numbers
    if pos is not None and f.glued and (label_cell := _glued_in_label_cell(f.glued, pos, n)) is not None:
        r.warn(
            "glued_number",
            f"{key}: number {f.glued[TEXT]} printed in the row label's cell, the row's cells one short of its "
            f"columns: read as its first cell, the row's total then holding ({' '.join(t[TEXT] for t in label_cell)}; "
            "not without it)",
            key,
            f.glued,
        )
        return vals, list(label_cell)
    if pos is not None:
        if f.glued:
            r.warn(
                "glued_number",
                f"{key}: number {f.glued[TEXT]} glued to the row label; the row's own cells are used",
                key,
                f.glued,
            )
        return vals, pos
    if f.glued:
        r.warn("glued_number", f"{key}: number {f.glued[TEXT]} split from the row label {label[TEXT]!r}", key, f.glued)
    return vals, _with_unreadable(r, first, stop, vals, n, key)


def _next_rows_pieces(r: Reading, t: Token, stop: int) -> bool:
    """Whether value ``t``, after the rest of a row's label, prints on a line of pieces alone (1 to
    :data:`parsers.tables.stacked_lines.MAX_PIECES` numbers, nothing else) right above the next row's label (token
    ``stop``): the first pieces of that row's numbers broken over lines (``3.其0 0 0 00 0 0`` / ``他`` / ``1 3 1`` /
    ``（七）总计 3 9 0 3 0 5 8``), not this row's."""
    if stop >= len(r.tokens) or t[LINE] != r.tokens[stop][LINE] - 1:
        return False
    printed = [u for u in r.line_tokens(t[LINE]) if u[TEXT]]
    return pieces_of(r.text, printed) == printed


def _glued_then_pieces(r: Reading, vals: list[Token], k: int, stop: int, n: int) -> list[Token] | None:
    """A row whose values so far are one line of fewer runs than its ``n`` cells (glued where their columns are too
    narrow for a space) and the first pieces of the next line, printed after the rest of its label (``三、 （一）予以公
    5 1 0 20 2 5`` / ``本年 开 3 8`` for 53 1 0 2 0 2 58), token ``k`` the next of those pieces: the line's other
    pieces, every value from there to ``stop`` (the next row's label); None where the text prints other values or
    no such lines. :mod:`parsers.tables.glued_pieces` reads the row (its pieces under the cells they complete)."""
    line = vals[0][LINE]
    runs = [t for t in vals if t[LINE] == line]
    if not 0 < len(runs) < n or any(t[LINE] != line + 1 for t in vals[len(runs) :]):
        return None
    if sum(len(t[TEXT]) for t in runs) < n or not all(t[TEXT].isdigit() for t in runs):
        return None  # too few digits for the row's cells: no cells glued
    on_line = r.printed(line)
    if on_line[-len(runs) :] != runs:
        return None  # text among the runs (PyMuPDF's ``4 4 理 0 0 0 0 0``): not one line of cells
    printed = r.printed(line + 1)
    pieces = pieces_of(r.text, printed)
    if pieces is None or pieces[: len(vals) - len(runs)] != vals[len(runs) :] or r.tokens[k] not in pieces:
        return None
    tail = pieces[len(vals) - len(runs) :]
    if any(t[IS_VALUE] and t[TEXT] and t not in tail for t in r.tokens[k:stop]):
        return None
    return tail


def _glued_in_label_cell(glued: Token, pos: list[Token | None], n: int) -> list[Token] | None:
    """A row's number printed in its label's cell (pymupdf4llm's layout mode cuts the grid where the page's rules
    are, and the first value column's number lands in the label's grid cell: ``|一、本年新收…数量<br>73|0<br>0<br>0||
    0<br>4<br>|77|``), the row's own cells holding one value fewer than its ``n`` columns: the number and those
    values in order, where that row's total holds and the row's cells as laid out (``pos``) fail it; else None."""
    printed = [t for t in pos if t is not None and t[TEXT]]
    if len(printed) != n - 1 or not all(t[IS_VALUE] for t in printed) or not glued[IS_VALUE]:
        return None
    laid = [number_value(t[TEXT]) if t is not None and t[TEXT] else None for t in pos]
    row = [glued, *printed]
    if row_total_holds(laid) or not row_total_holds([number_value(t[TEXT]) for t in row]):
        return None
    return row


def _next_grid_row(r: Reading, label: Token, vals: list[Token], t: Token) -> bool:
    """In the parser's own OCR of a ruled table (one TAB line a grid row), a value printed on the line of an
    unknown label that stands on a line after the row's values: the next grid row's cell, not this row's (synth_492:
    ``（二）部分公开 … 0 0 0 间 0 339 339`` then ``1, 0 0 0 …``: its 0 was read as the short row's total)."""
    return (
        r.extracted.ocr
        and bool(vals)
        and label[TABBED]
        and t[LINE] == label[LINE]
        and label[START] < t[START]
        and vals[-1][LINE] < label[LINE]
    )


# a number printed against the text after it (PyMuPDF's sorted text: ``45（二）部分公开（区``, ``170理结``), not a count
# with its unit or a numbered label (``3项``, ``1.``, ``2、``)
_LEADING_NUMBER = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?=[\u4e00-\u9fff(（])(?![年月日万元项件个次条人名所家])")


def _leading_number(r: Reading, t: Token, vals: list[Token], n: int, key: str) -> Token | None:
    """The row's last cell printed against the label text after it on the values' line (``… 0 0 45（二）部分公
    开``): taken, as a ``glued_number`` warning, only where the row has one cell fewer than its ``n`` and its
    total then holds."""
    if len(vals) != n - 1 or not t[IS_LABELISH] or t[LINE] != vals[-1][LINE] or t[START] < vals[-1][END]:
        return None
    m = _LEADING_NUMBER.match(t[TEXT])
    if m is None:
        return None
    num = token(m.group(1), t[START], t[START] + len(m.group(1)), t[LINE], t[COL], t[TABBED], split=True)
    if not row_total_holds([number_value(v[TEXT]) for v in [*vals, num]]):
        return None
    r.warn(
        "glued_number",
        f"{key}: number {num[TEXT]} printed against the text after it ({t[TEXT]!r}); read as the row's last cell "
        "(its total holds)",
        key,
        num,
    )
    return num


# characters OCR (with a Chinese model) reads for a digit in a cell (了 for 7, li for 11); a cell of them alone is
# taken as those digits only when the row total then holds
_LOOKALIKE = {"了": "7", "丨": "1", "口": "0"}
_LOOKALIKE_CHARS = str.maketrans(
    {**_LOOKALIKE, "l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "o": "0", "O": "0", "〇": "0", "D": "0",
     "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "g": "9", "q": "9", "b": "6", "G": "6", "T": "7"}
)  # fmt: skip


def _lookalike(text: str) -> str | None:
    """The digits a cell of OCR look-alikes stands for (``li`` → 11), None when a character is no look-alike."""
    digits = text.translate(_LOOKALIKE_CHARS)
    return digits if digits.isdigit() and digits.isascii() else None


def _with_unreadable(
    r: Reading, first: int | None, stop: int, vals: list[Token], n: int, key: str
) -> list[Token | None] | None:
    """A row printed on one line whose cells number ``n`` only when one or two short unreadable words among the
    values count (OCR's ``了`` for 7, ``w`` for 3): the row by position, those cells blank (``unreadable_cell``) —
    or read as the digit they look like (``了`` → 7, ``ocr_digit``) when the row total then holds. ``first``: the
    index of ``vals[0]`` in ``r.tokens``, None when it is no token of the text (split off the label or a word)."""
    if not vals or len(vals) >= n or len({t[LINE] for t in vals}) != 1:
        return None
    line = vals[0][LINE]
    if first is None:
        return None  # a number split off the label: not a row printed cell by cell
    cells = [t for t in r.tokens[first:stop] if t[LINE] == line and t[TEXT] and not r.placeholder(t)]
    junk = [t for t in cells if not t[IS_VALUE]]
    if (
        len(cells) != n
        or not 1 <= len(junk) <= 2
        or any(len(t[COMPACT]) > 2 or _NUMBERED_RE.match(t[COMPACT]) for t in junk)
    ):
        return None
    row: list[Token | None] = [t if t[IS_VALUE] else None for t in cells]
    guessed = [
        token(digits, t[START], t[END], t[LINE], t[COL], t[TABBED], ocr_raw=t[TEXT])  # the printed text kept
        if not t[IS_VALUE] and (digits := _lookalike(t[COMPACT])) is not None
        else None
        for t in cells
    ]
    trial = [g if g is not None else c for g, c in zip(guessed, row, strict=True)]
    if any(g is not None for g in guessed) and row_total_holds([number_value(t[TEXT]) if t else None for t in trial]):
        row = trial
    for t, cell in zip(cells, row, strict=True):
        if not t[IS_VALUE] and cell is None:
            r.warn("unreadable_cell", f"{key}: cell {t[TEXT]!r} is not a number; read as blank", key, t)
    return row
