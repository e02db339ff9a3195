"""The template's rows a reading of the tables left without a cell: said, keyed by their table.

A text that prints the tables column by column (``column_order``: a PDF extractor's text boxes) is read only where
the placement of its values is confirmed (:mod:`parsers.tables.box_order`, :mod:`parsers.tables.anchored_rows`,
table 二 row by row or block by block); the rest is not read, rather than read into the wrong row. The
``column_order`` warning says so of the whole text; :func:`warn_unread_rows` names, table by table, the rows left
without a cell, so that each cell left blank has a warning whose key names it (its table)."""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.templates import (
    ACTIVE_REQUIRED,
    ACTIVE_TABLE,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    APPLICATIONS_TABLE,
    REVIEW_ROWS,
    REVIEW_TABLE,
)

_NAMES = {ACTIVE_TABLE: "table 二", APPLICATIONS_TABLE: "table 三", REVIEW_TABLE: "table 四"}


def warn_unread_rows(r: Reading, fmt: str, code: str, why: str) -> None:
    """For each table of the format (``2021``, ``2019``) with template rows none of whose cells was read, a warning
    ``code`` keyed by the table naming those rows, ``why`` said after them."""
    apps = APPLICATION_ROWS_2021 if fmt == "2021" else APPLICATION_ROWS_2019
    read = {key.rsplit("/", 1)[0] for key, cell in r.cells.items() if cell.value is not None}
    for table, rows in (
        (ACTIVE_TABLE, ACTIVE_REQUIRED[fmt]),
        (APPLICATIONS_TABLE, tuple(row.key for row in apps)),
        (REVIEW_TABLE, REVIEW_ROWS),
    ):
        unread = [row for row in rows if f"{table}/{row}" not in read]
        if unread:
            r.warn(
                code,
                f"{_NAMES[table]}: {len(unread)} of its {len(rows)} rows without a cell read ({', '.join(unread)}): "
                + why,
                table,
            )
