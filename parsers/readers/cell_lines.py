"""A PDF table cell whose lines are the pieces of one number that the cell's width wrapped.

A PDF prints no line breaks: a cell's text lines are where the producer's line breaking cut it. A browser printing
with ``word-break: break-all`` (UEditor's cell style; Chromium keeps it in print) and a word processor alike break a
number wider than its cell anywhere, filling each line: 2106 in a cell one digit wide prints ``2`` / ``1`` / ``0`` /
``6``, 892 in a cell two digits wide ``89`` / ``2``. Digits print at one width (tabular figures), so every line but
the last holds as many characters as the first, and the last no more. A cell of the national template holds one
value, so a cell whose lines are all digits (a decimal point and thousands separators among them) with that shape is
one number, its pieces joined with nothing between them; :func:`parsers.readers.chrome.join_wrapped` would read
``2 1 0 6``. Any other cell (a label, a count and an amount apart, ``3`` / ``45.6``, a line longer than the first)
is joined as before. The reader says which cells it joined (``wrapped_cell``)."""

from __future__ import annotations

import re

from parsers.readers.chrome import join_wrapped

_PIECE = re.compile(r"[0-9][0-9.,]*|[.,][0-9.,]*")
WRAPPED_CELL = "wrapped_cell"


def wrapped_number(lines: list[str]) -> str | None:
    """The number a cell's ``lines`` print wrapped by the cell's width, pieces joined; None where they are not one
    number so wrapped (a single line, any line not digits alone, a line wider than the first but the last, the last
    wider than the first, more than one decimal point, a number starting with a separator or with 0 not before
    its decimal point)."""
    pieces = [line.strip() for line in lines if line.strip()]
    if len(pieces) < 2 or not all(_PIECE.fullmatch(p) for p in pieces) or not pieces[0][0].isdigit():
        return None
    width = len(pieces[0])
    if any(len(p) != width for p in pieces[1:-1]) or len(pieces[-1]) > width:
        return None
    joined = "".join(pieces)
    if joined.count(".") > 1 or joined.endswith((".", ",")) or (joined[0] == "0" and joined[1] != "."):
        return None
    return joined


def table_cell_text(cell: str | None, joined: list[str]) -> str:
    """A PDF table cell's text: a number wrapped by the cell's width joined (:func:`wrapped_number`, its printed
    lines added to ``joined``), any other cell's lines joined as text (:func:`join_wrapped`)."""
    lines = (cell or "").split("\n")
    number = wrapped_number(lines)
    if number is None:
        return join_wrapped(lines)
    joined.append(" / ".join(p.strip() for p in lines if p.strip()))
    return number


def wrapped_note(page: int, joined: list[str]) -> str:
    """The reader's note of the cells :func:`table_cell_text` joined on page ``page``."""
    shown = "; ".join(joined[:12]) + (f"; … ({len(joined)} in all)" if len(joined) > 12 else "")
    return (
        f"[{WRAPPED_CELL}] page {page}: {len(joined)} table cell(s) print a number over lines of digits alone, "
        "every line but the last as wide as the first: read as one number each, wrapped by the cell's width "
        f"(pieces joined): {shown}"
    )
