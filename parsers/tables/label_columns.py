"""A TAB row's empty cell in a column where the grid's other rows print their labels: a merged label cell, no value.

A ruled table read as a grid (a PDF's table from its ruling: :mod:`parsers.readers.pdf`) emits a cell covered by a
merge as an empty cell. Table 三's label runs over one to three label columns (``三、本年度办理结果`` /
``（三）不予公开`` / ``1.属于国家秘密``), so a row whose label spans two of them (``（二）部分公开``) prints an empty
cell in the column where its neighbours print ``1.属于国家秘密``. Where the table's value columns are all printed
that empty cell lies before the row's last ``n`` cells and is left out by the right-alignment
(:func:`parsers.tables.align.positional`); where they are not (a table wider than the page, LibreOffice's PDF: its
columns past the edge print nothing, one of them still an empty cell of the grid), the row's empty label cell and
the grid's empty last column make ``n`` cells by chance, and the row was read one column right: its first value
as the second column's, its first and last cells blank, no warning naming them.

:func:`label_column_blank` tells such a fit: an empty cell of it lies in a column where another row of the same
grid (a TAB line of as many cells, in the run of TAB lines around the row, a cell of the same table of the reader's
spans) prints its label, text followed by that row's own numbers. A header row's heads are text too, but no header
row prints numbers after them. Text without the reader's spans (a converter's Markdown or TAB text, whose columns
drift: markitdown's pipe rows) is not judged so.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, IS_LABELISH, IS_VALUE, LINE, TABBED, TEXT, Token

# how many TAB lines above and below the row are looked at (table 三 has 26 rows at most)
_REACH = 30


def _grid_lines(r: Reading, line: int, cells: int) -> list[list[Token]]:
    """The TAB lines of ``cells`` cells in the run of TAB lines around ``line`` (the row's own left out)."""
    out: list[list[Token]] = []
    for step in (-1, 1):
        at = line + step
        while abs(at - line) <= _REACH:
            toks = r.line_tokens(at)
            if not toks or not toks[0][TABBED]:
                break
            if toks[-1][COL] + 1 == cells:
                out.append(toks)
            at += step
    return out


def _label_in(toks: list[Token], col: int) -> bool:
    """Whether a TAB line prints a label in column ``col`` and numbers after it (a data row's label cell)."""
    here = [t for t in toks if t[COL] == col and t[TEXT]]
    if not here or not all(t[IS_LABELISH] and not t[IS_VALUE] for t in here):
        return False
    return any(t[IS_VALUE] and t[COL] > col for t in toks)


def label_column_blank(r: Reading, fit: Sequence[Token | None]) -> int | None:
    """The grid column of a blank cell of a TAB row's fit where another row of the same grid prints its label (see
    the module's docstring), or None."""
    blanks = [t for t in fit if t is not None and not t[TEXT] and t[TABBED]]
    if not blanks:
        return None
    line = blanks[0][LINE]
    row = r.line_tokens(line)
    printed = [t for t in row if t[TEXT]]
    if not printed or (table := r.where(printed[0]).table) is None:
        return None  # no reader's grid (a converter's Markdown or TAB text, whose columns may drift): not said
    others = [
        toks
        for toks in _grid_lines(r, line, row[-1][COL] + 1)
        if (shown := [t for t in toks if t[TEXT]]) and r.where(shown[0]).table == table
    ]
    for t in blanks:
        if any(_label_in(toks, t[COL]) for toks in others):
            return int(t[COL])
    return None
