"""Table 三's rows whose label cell the engine lost, placed by the template's order (the parser's own OCR only).

A scan's ruled table prints each grid row as one TAB line (:mod:`parsers.ocr.layout`). Where the engine reads a
row's label cell as nothing, or as a mark or two (synth_492: ``1,`` and ``3`` for ``1.属于国家秘密`` and
``3.危及“三安全一稳定”``, an empty field for ``2.其他法律行政法规禁止公开``), no label names the row, and
:meth:`parsers.tables.reading.Reading.locate` leaves it missing; a garbled label of its own (the lines carrying
values that ``locate`` places by order) is not needed here. The rows found on either side fix the run of rows missing
between them; when exactly as many lines between them print a whole row (a value in each of the table's last
``n`` fields), every other line between them printing no value, each line is one of those rows in the template's
order. A line is taken only where its total holds (the row's identity as printed) and nothing before its values
names another row of the table. Each row so placed is a ``fuzzy_label`` warning naming the guess.
"""

from __future__ import annotations

from parsers.tables.reading import Found, Reading, place_in_order
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import RowDef
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE, TABBED, TEXT, Token, number_value


def place_lost_labels(r: Reading, rows: list[RowDef], found: list[Found | None], n: int, table: str) -> None:
    """Fill ``found`` in place: each run of rows missing between two rows found, whose lines print exactly as many
    whole rows (see the module's doc; the walk is :func:`parsers.tables.reading.place_in_order`). Only in the
    parser's own OCR (``Extracted.ocr``)."""
    if not r.extracted.ocr:
        return

    def whole_rows(k: int, j: int, prev: Found | None, nxt: Found | None) -> list[tuple[int, list[Token]]] | None:
        return None if prev is None or nxt is None else _row_lines(r, rows, prev.index, nxt.index, n)

    def placed(row_k: int, label: int, k: int, j: int, values: list[Token]) -> None:
        read = r.tokens[label][TEXT]
        r.warn(
            "fuzzy_label",
            f"{table}/{rows[row_k].key}: label cell "
            + (f"read as {read!r}" if read else "read as nothing")
            + f", placed as the template's {rows[row_k].label!r} by the template's order (the {j - k} "
            f"row(s) missing between its neighbours, as many lines printing a whole row; the row's total "
            f"holds: {', '.join(v[TEXT] for v in values)})",
            f"{table}/{rows[row_k].key}",
            values[0],
        )

    place_in_order(found, whole_rows, placed)


def _row_lines(r: Reading, rows: list[RowDef], prev: int, nxt: int, n: int) -> list[tuple[int, list[Token]]] | None:
    """The lines strictly between the lines of labels ``prev`` and ``nxt`` that print a value: each a whole row (the
    index of the token before its values, and its values), else None (a line printing values otherwise)."""
    tokens = r.tokens
    first, last = tokens[prev][LINE], tokens[nxt][LINE]
    by_line: dict[int, list[int]] = {}
    for i in range(prev + 1, nxt):
        line = tokens[i][LINE]
        if first < line < last:
            by_line.setdefault(line, []).append(i)
    out: list[tuple[int, list[Token]]] = []
    for idx in by_line.values():
        cells = [tokens[i] for i in idx]
        if not any(t[IS_VALUE] for t in cells):
            continue  # a group heading, a label's wrapped rest: no value
        if len(idx) <= n or not all(t[TABBED] for t in cells):
            return None
        head, tail = cells[:-n], cells[-n:]
        if not all(t[IS_VALUE] and t[TEXT] for t in tail):
            return None
        marks = [t for t in head if t[TEXT] and not r.placeholder(t)]
        if any(any(row.matches(t[COMPACT]) for row in rows) for t in marks):
            return None  # a label of the table: :meth:`Reading.locate` judged it
        values = [number_value(t[TEXT]) for t in tail]
        if any(v is None for v in values) or not row_total_holds(values):
            return None
        out.append((idx[-n - 1], tail))
    return out
