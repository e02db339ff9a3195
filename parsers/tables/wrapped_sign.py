"""A negative 本年增/减 whose minus sign wrapped onto a line of its own in its narrow cell (table 二, 2019 format).

The 2019 template's table 二 has one signed column, 本年增/减 (``change``); every other cell of the table is a count
or an amount. A narrow cell wraps ``－27`` after its sign (the fullwidth minus, a line break allowed after it): the
sign prints on one line, the digits on the next, and the row's one-line cells between them, at the cell's middle.
The PDF extractors then print:

- in the content stream's order (``pdftotext -raw``, pypdf, pypdfium2, PyMuPDF's text): the row's values with the
  sign alone on a line and the digits first on the next (``行政处罚 56`` / ``－`` / ``27`` / ``0``): one value more
  than the row's cells, the sign read as a blank cell, and the row's last value dropped (``extra_values``: 27 read
  as the 处理决定数量, a wrong number); so too a sign printed a space before its digits (``行政处罚 9 - 1 21``: the
  same tools, and pymupdf4llm's grid cells ``|- 1|``, of a sign the PDF draws apart);
- by lines (pdfplumber, markitdown's PDF text): the sign alone on the line above the row's, the digits alone on the
  line below (``－`` / ``行政处罚 56 0`` / ``27``): the row's line one value short, the digits read as its last cell;
- laid out in columns (pypdf's layout mode): the sign in its cell on the row's line, the digits alone on the line
  below, under it (``行政处罚 56 － 0`` / ``27``): the sign read as a blank cell.

:func:`sign_wrapped` reads such a row with the sign and its digits as one negative number in the signed column, only
where the text prints exactly that: the sign alone on its line, its digits alone at the start of the next line
(stream), or the sign alone on the line right above the label's and one number alone on the line right below it,
the label's line printing one number fewer than the row's cells (lines), or the sign in its cell on the label's line
and its digits alone on the line below, under it (text laid out in columns: pypdf's layout mode); and only where the
joined value lands in the signed column. Reported as ``sign_wrapped`` (a guess).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import END, IS_NUMBER, IS_VALUE, LINE, START, TEXT, Token, token

SIGNED = "change"  # the template's one signed column (本年增/减)
_SIGNS = frozenset({"-", "－", "−", "﹣"})


def _is_sign(t: Token) -> bool:
    return t[TEXT] in _SIGNS


def _joined(sign: Token, digits: Token) -> Token:
    """One token of the negative number a sign and its digits print."""
    return token("-" + digits[TEXT], sign[START], digits[END], digits[LINE], 0, False)


def sign_wrapped(r: Reading, i: int, stop: int, columns: Sequence[str]) -> tuple[list[Token], Token, Token] | None:
    """The row whose label is token ``i`` (its cells up to token ``stop``) read with a minus sign wrapped away from its
    digits joined to them in the signed column (see the module's doc): its cells' tokens, the sign and the digits;
    None where the text does not print exactly that."""
    if SIGNED not in columns:
        return None
    n, col = len(columns), list(columns).index(SIGNED)
    label = r.tokens[i]
    vals = [t for t in r.tokens[i + 1 : stop] if t[IS_VALUE]]
    # in the stream's order: the sign alone on its line and its digits first on the next line, or the digits one space
    # after the sign (``- 1``); one value more than cells
    if len(vals) == n + 1 and col < len(vals) - 1:
        sign, digits = vals[col], vals[col + 1]
        wrapped = (
            r.printed(sign[LINE]) == [sign] and digits[LINE] == sign[LINE] + 1 and r.printed(digits[LINE])[0] is digits
        )
        spaced = digits[LINE] == sign[LINE] and r.text[sign[END] : digits[START]] == " "
        if (
            _is_sign(sign)
            and digits[IS_NUMBER]
            and not digits[TEXT].startswith("-")
            and (wrapped or spaced)
            and all(t[IS_NUMBER] for k, t in enumerate(vals) if k != col)
        ):
            return [*vals[:col], _joined(sign, digits), *vals[col + 2 :]], sign, digits
    # by lines: the sign alone above the label's line, one number alone below it, the label's line one value short
    line = label[LINE]
    above, below = r.printed(line - 1), r.printed(line + 1)
    on_line = [t for t in r.tokens[i + 1 : stop] if t[LINE] == line]
    if (
        len(above) == 1
        and _is_sign(above[0])
        and len(below) == 1
        and below[0][IS_NUMBER]
        and not below[0][TEXT].startswith("-")
        and below[0][START] > label[START]
        and (stop >= len(r.tokens) or r.tokens[stop][LINE] > line + 1)
        and len(vals) == n
        and vals[-1] is below[0]
        and [t for t in on_line if t[TEXT]] == vals[:-1]
        and all(t[IS_NUMBER] for t in vals)
    ):
        row = vals[:-1]
        return [*row[:col], _joined(above[0], below[0]), *row[col:]], above[0], below[0]
    # laid out in columns: the sign in its cell on the label's line, its digits alone on the line below, under it
    if (
        len(below) == 1
        and len(vals) == n + 1
        and vals[-1] is below[0]
        and [t for t in on_line if t[TEXT]] == vals[:-1]
        and _is_sign(sign := vals[col])
        and (digits := below[0])[IS_NUMBER]
        and not digits[TEXT].startswith("-")
        and (stop >= len(r.tokens) or r.tokens[stop][LINE] > line + 1)
        and all(t[IS_NUMBER] for k, t in enumerate(vals) if k != col)
        and _under(r, sign, digits)
    ):
        return [*vals[:col], _joined(sign, digits), *vals[col + 1 : -1]], sign, digits
    return _spaced_cell(r, i, stop, vals, n, col)


_SPACED_NUMBER = re.compile(r"([-－−﹣]) (\d+(?:\.\d+)?)")


def _spaced_cell(
    r: Reading, i: int, stop: int, vals: list[Token], n: int, col: int
) -> tuple[list[Token], Token, Token] | None:
    """The row whose label is token ``i`` read with a cell that prints a minus sign, one space and its digits as one
    piece of text (``- 29``) as that negative number in the signed column: a cell's text run, which the extractor
    keeps whole (a pipe row's field, pymupdf4llm's grid cells repeated across the grid columns the cell spans; a
    run between two cells' gaps in text laid out by spaces, poppler's ``-layout``; a box alone on its lines,
    pdfminer's ``boxes_flow=None``), where the PDF draws the sign apart from its digits. Only where the row prints one
    value fewer than its cells, every such piece prints the same, and it stands after the values of the columns
    before the signed one and before the others (no other column could hold it)."""
    if len(vals) != n - 1:
        return None
    at = {id(t): k for k, t in enumerate(r.tokens[i + 1 : stop])}
    pieces = [
        (k, t) for k, t in enumerate(r.tokens[i + 1 : stop]) if not t[IS_VALUE] and _SPACED_NUMBER.fullmatch(t[TEXT])
    ]
    if not pieces or len({t[TEXT] for _, t in pieces}) != 1:
        return None
    first, last = pieces[0][0], pieces[-1][0]
    if any(at[id(t)] > first for t in vals[:col]) or any(at[id(t)] < last for t in vals[col:]):
        return None
    cell = pieces[0][1]
    m = _SPACED_NUMBER.fullmatch(cell[TEXT])
    assert m is not None
    digits = token(m.group(2), cell[START] + m.start(2), cell[END], cell[LINE], 0, False)
    return [*vals[:col], _joined(cell, digits), *vals[col:]], cell, digits


def _column(r: Reading, offset: int) -> int:
    """The column (in characters) of a text offset within its line."""
    return offset - r.text.rfind("\n", 0, offset)


def _under(r: Reading, sign: Token, digits: Token) -> bool:
    """The digits print under the sign: the sign's column within a character of the digits' columns."""
    at = _column(r, sign[START])
    lo = _column(r, digits[START])
    return lo - 1 <= at <= lo + len(digits[TEXT])
