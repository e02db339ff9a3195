"""A row of table 二 placed by the fields of its block's header line, where the TAB line keeps every cell of the
grid (OCR's reading of a scanned table, one field a grid cell, a blank cell an empty field).

Read right-aligned (:func:`parsers.tables.align.positional`), a row with more fields than columns and a number
among the extra ones has no reading, and its values were fitted to the columns by order alone: ``行政规范性文件 | |
0 | | | 24`` under ``信息内容 | | 本年制发件数 | | 本年废止件数 | 现行有效件数`` (a header cell spanning two grid
cells, a dash the engine did not read) put the 0 under 本年废止件数. Where the header line has as many fields as the
row's line and names each of the row's columns in a field of its own, each value is the column named above it.
A field under a name that prints text which is no number (``一人人人AQ``: a number the engine misread) is that
column's cell, unreadable: left blank, never given to a value of another field (synth_499's ``行政许可 | 562 | | 0 |
一人人人AQ`` read by order put 562 under 本年增/减 and 0 under 本年处理决定数量). So too a row with as many fields as
columns, one of them such text, which right alignment refuses (version 171): synth_4157's ``行政规范性文件 | 0 | 巧 |
`` (15 read as a character, 34 set aside as digits run together) put its lone 0 under 现行有效件数.

A header cell the engine misread so that it names no column (``本年废上件数``, 止 read 上), the
header's other cells naming every column but one, is that column where it stands in the template's order between
the columns named before and after it (version 173): synth_4163's ``规章 | | 1 | 1 |`` (its 本年制发件数 printed
``—``, a dash the engine lost) was read right-aligned otherwise, a 1 under 本年制发件数. The guess is said in the
caller's warning.

In the scan reader's own text (``unnamed_blank``, its callers' OCR case), a header whose cells name every column but one
and print no other text (the one cell's name lost: synth_5471's (六) block read ``信息内容 | 上一年项目数量 | | | |
本年处理决定数量``, 本年增/减 not read) still places a row each of whose values stands under a named field: the
column no field names is the row's cell no value stands under, left blank (``行政处罚 | 132 | | | | 40``, its 0 lost,
read right-aligned put 132 under 本年增/减). A value under a field no name stands over still gives no reading (which
column the field is, is not known). The column so left blank is returned for the caller's warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.tables.tokens import COL, COMPACT, IS_VALUE, TEXT, Token


def by_header_fields(
    header: Sequence[Token],
    row: Sequence[Token],
    columns: Sequence[str],
    keys_of: Callable[[str], tuple[str, ...]],
    unnamed_blank: bool = False,
) -> tuple[list[Token | None], list[Token], str | None, str | None] | None:
    """``row``'s values (its line's tokens, the label first) placed under the ``columns`` that ``header`` (the
    block's header line, 信息内容 first) names above them, the row's fields under a name that print text which is
    no value (those columns' cells left blank), and the column taken for a header field that names none (None when
    every one names its column): None unless both lines have the same fields, every text field of the header after
    the first names one column (``keys_of`` a cell's compact text), each of ``columns`` once — or all but one do,
    the last naming none and standing where the template's order puts the column left — and every
    text field of the row after the label stands under a named field. With ``unnamed_blank``, a header naming all
    columns but one and printing no other text places the row too, the column it does not name left blank (the
    last item: that column, else None)."""
    if len(header) != len(row) or header[0][COL] != row[0][COL]:
        return None
    where: dict[int, int] = {}  # field → column
    unnamed: list[int] = []  # text fields that name no column
    for tok in header[1:]:
        if not tok[TEXT]:
            continue
        keys = keys_of(tok[COMPACT])
        if not keys:
            unnamed.append(tok[COL])
            continue
        if len(keys) != 1 or keys[0] not in columns or columns.index(keys[0]) in where.values():
            return None
        where[tok[COL]] = columns.index(keys[0])
    guessed = None
    if len(unnamed) == 1 and len(where) == len(columns) - 1:
        left = next(c for c in range(len(columns)) if c not in where.values())
        if all((field < unnamed[0]) == (column < left) for field, column in where.items()):
            where[unnamed[0]] = left
            guessed = columns[left]
            unnamed = []
    lost = None
    if unnamed_blank and not unnamed and len(where) == len(columns) - 1:
        lost = next(c for i, c in enumerate(columns) if i not in where.values())
    elif unnamed or len(where) != len(columns):
        return None
    placed: list[Token | None] = [None] * len(columns)
    words: list[Token] = []
    for tok in row[1:]:
        if not tok[TEXT]:
            continue
        if tok[COL] not in where:
            return None
        if tok[IS_VALUE]:
            placed[where[tok[COL]]] = tok
        else:
            words.append(tok)
    return (placed, words, guessed, lost) if any(t is not None for t in placed) else None
