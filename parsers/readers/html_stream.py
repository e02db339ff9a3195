"""A content container's text, block boundaries and data tables marked, in one C-level pass (libxslt).

The HTML reader's walk (``html._Walker``) writes a line wherever a block element (``p``, ``div``, ``td`` …)
starts or ends, drops hidden and skipped elements (scripts, form controls …) with their content but keeps their
tails, keeps every other text node in document order, and writes a data table's rows where it meets the table.
One XSLT transform writes the same text with marks instead: :data:`BLOCK` where a block starts or ends,
:data:`CELL` where a ``td``/``th`` inside a text starts or ends, :data:`DROP` for a dropped element; a data
table (renamed :data:`GRID` beforehand) as :data:`TABLE`, then per row :data:`ROW`, per cell :data:`CELL_START`
and the cell's content, then :data:`END`. A cell with a rowspan or colspan starts its content with its spans, as
:data:`ROWSPAN` and its value and :data:`COLSPAN` and its value in the order written, then :data:`SEP`: written
into the cell's text before the transform, from one XPath query a table (the transform's own select of a cell's
spans, tried on every cell, was a third of its cost).
Python then splits strings instead of visiting each node.

Names: libxml2's HTML parser lowercases ASCII letters in tag names and keeps any other character, so the
walk's ``tag.lower()`` differs from the tag only where a non-ASCII letter lowercases. The one that lowercases
to ASCII is the Kelvin sign (U+212A → ``k``); the only block or skipped name with a ``k`` is ``blockquote``, so
its Kelvin spelling is matched too (a test checks the sets).

The marks are private-use characters; the caller checks that the text holds none. Attribute values (spans)
have them, and the zero-width characters the reader drops, changed to ``x`` (neither a space nor a digit,
like them: a span value reads the same). A cell's content never starts with a span mark or :data:`SEP` but
where its spans were written.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from lxml import etree

from parsers.readers.chrome import join_wrapped
from parsers.readers.html_grid import place

BLOCK, CELL, DROP, TABLE, ROW, CELL_START, SEP, END, ROWSPAN, COLSPAN = (chr(c) for c in range(0xE000, 0xE00A))
MARKS = BLOCK + CELL + DROP + TABLE + ROW + CELL_START + SEP + END + ROWSPAN + COLSPAN
_NS = "urn:nianbao:html-stream"
# The caller renames the data tables the walk reaches and the hidden elements (templates matched by name are
# looked up by name; a pattern with a predicate is tried on every element, several times the whole transform).
GRID = f"{{{_NS}}}grid"  # a data table the walk reaches: written as a grid
DROPPED = f"{{{_NS}}}dropped"  # a hidden element: dropped
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # the zero-width characters a page's text drops (readers/html.py too)


def _names(tags: frozenset[str]) -> str:
    spelled = set(tags) | {t.replace("k", "\u212a") for t in tags if "k" in t}
    return "|".join(sorted(spelled))


_ROWS = "tr|thead/tr|tbody/tr|tfoot/tr"  # a grid's rows, as the transform selects them
_ODD = MARKS + ZERO_WIDTH
_AS_X = str.maketrans(_ODD, "x" * len(_ODD))  # a span value's marks and zero-width characters
_SPAN_MARK = {"rowspan": ROWSPAN, "colspan": COLSPAN}
_SPAN_MARKS = (ROWSPAN, COLSPAN)  # what a cell's content starts with where its spans are written


# The rowspan and colspan attributes of a grid's rows' elements, in document order (an element's in the order
# written): a path per cell name and span costs twice the query, and an element of a row that is no cell is not
# written by the transform, whatever its text.
_SPAN_VALUES = "|".join(f"({_ROWS})/*/@{name}" for name in _SPAN_MARK)


def _stylesheet(blocks: frozenset[str], cells: frozenset[str], skipped: frozenset[str]) -> bytes:
    cell_select = "|".join(sorted(cells))
    grid = (  # no text node between the instructions but the marks (a stylesheet's line breaks would be text)
        f'<xsl:template match="nb:grid">{TABLE}'
        f'<xsl:for-each select="{_ROWS}">{ROW}'
        f'<xsl:for-each select="{cell_select}">{CELL_START}'
        f"<xsl:apply-templates/></xsl:for-each></xsl:for-each>{END}</xsl:template>"
    )
    return f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:nb="{_NS}">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="nb:dropped">{DROP}</xsl:template>
<xsl:template match="{_names(skipped)}">{DROP}</xsl:template>
{grid}
<xsl:template match="{_names(cells)}">{CELL}<xsl:apply-templates/>{CELL}</xsl:template>
<xsl:template match="{_names(blocks - cells)}">{BLOCK}<xsl:apply-templates/>{BLOCK}</xsl:template>
</xsl:stylesheet>""".encode()


class MarkedText:
    """``MarkedText(blocks, cells, skipped)(element)``: the element's text (its tail excluded) marked as the
    module says. ``blocks`` holds the cell names too. Each thread compiles its own transform and query.

    Writes the spans of the grids' cells into their text (for a tree read once); a text lxml will not set again
    (a control character the HTML parser kept) fails as the transform fails, with :class:`etree.XSLTError`."""

    def __init__(self, blocks: frozenset[str], cells: frozenset[str], skipped: frozenset[str]) -> None:
        self._source = _stylesheet(blocks, cells, skipped)
        self._local = threading.local()

    def __call__(self, element: etree._Element) -> str:
        transform = getattr(self._local, "transform", None)
        if transform is None:
            transform = self._local.transform = etree.XSLT(etree.XML(self._source))
            self._local.spans = etree.XPath(_SPAN_VALUES)
        spans = self._local.spans
        for grid in element.iter(GRID):
            _write_spans(spans(grid))
        return str(transform(element))


def _write_spans(values: list[Any]) -> None:
    """Each cell's spans (attribute values of one grid, each element's together) written before its text."""
    cell = None
    head = ""
    for value in values:
        parent = value.getparent()
        if parent is not cell:
            if cell is not None:
                _set_head(cell, head)
            cell, head = parent, ""
        head += _SPAN_MARK[value.attrname] + value.translate(_AS_X)
    if cell is not None:
        _set_head(cell, head)


def _set_head(cell: etree._Element, head: str) -> None:
    try:
        cell.text = head + SEP + (cell.text or "")
    except ValueError as exc:
        raise etree.XSLTError(f"a cell's spans not written: {exc}") from exc


def lines(text: str) -> list[str]:
    """The lines of marked text outside tables: stretches between block or cell marks, spaces collapsed,
    empty ones left out (a dropped element ends no line)."""
    text = text.replace(DROP, "").replace(CELL, BLOCK)
    return [line for piece in text.split(BLOCK) if (line := " ".join(piece.split()))]


def split_tables(text: str) -> tuple[list[str], list[str]]:
    """Marked text → the stretches outside tables (one more than tables) and each table's marked body."""
    parts = text.split(TABLE)
    outside = [parts[0]]
    bodies = []
    for part in parts[1:]:
        body, _end, rest = part.partition(END)
        bodies.append(body)
        outside.append(rest)
    return outside, bodies


def table_cells(body: str) -> list[list[tuple[str | None, str | None, str]]]:
    """A table's marked body → its rows, each a list of (rowspan, colspan, marked content) per cell; a span
    not written is ``None``."""
    rows: list[list[tuple[str | None, str | None, str]]] = []
    for row in body.split(ROW)[1:]:
        cells: list[tuple[str | None, str | None, str]] = []
        for cell in row.split(CELL_START)[1:]:
            if cell.startswith(_SPAN_MARKS):  # its spans, then SEP and its content
                head, _sep, content = cell.partition(SEP)
                spans = dict.fromkeys((ROWSPAN, COLSPAN))
                for value in head.replace(COLSPAN, ROWSPAN + COLSPAN).split(ROWSPAN)[1:]:
                    if value.startswith(COLSPAN):
                        spans[COLSPAN] = value[1:]
                    else:
                        spans[ROWSPAN] = value
                cells.append((spans[ROWSPAN], spans[COLSPAN], content))
            else:
                cells.append((None, None, cell))
        rows.append(cells)
    return rows


def cell_text(content: str) -> str:
    """A data table cell's text from its marked content, as ``html._cell_text`` reads it: with nothing dropped
    inside and at most one block (two block marks), its text as it stands; else its lines, joined."""
    if DROP not in content and content.count(BLOCK) <= 2:
        if BLOCK in content or CELL in content:
            content = content.replace(BLOCK, "").replace(CELL, "")
        return " ".join(content.split())
    return join_wrapped(lines(content))


# A cell holding two blocks or more (three block marks between two cell starts): its text is its lines.
_MULTI_BLOCK = re.compile(f"{BLOCK}[^{BLOCK}{CELL_START}{ROW}]*{BLOCK}[^{BLOCK}{CELL_START}{ROW}]*{BLOCK}")
_NOT_SPAN = f"[^{ROWSPAN}{COLSPAN}{SEP}{CELL_START}{ROW}]*"
# A cell in a whitespace-collapsed row without block or cell marks: its rowspan, colspan (when written, rowspan
# first) and text. A cell whose spans are written otherwise is not matched (its text would start with a span
# mark, which no text holds).
_SPAN_CELL = re.compile(
    f"{CELL_START}(?:(?:{ROWSPAN}({_NOT_SPAN}))?(?:{COLSPAN}({_NOT_SPAN}))?{SEP})?"
    f"([^{CELL_START}{ROWSPAN}{COLSPAN}{SEP}]*)(?={CELL_START}|$)"
)


def table_grid(body: str) -> list[list[str]]:
    """A table's marked body → its full grid (``html._grid``'s). Where no cell drops anything or holds two
    blocks, every cell's text is its text as it stands: the marks are taken out, the spaces collapsed and the
    cells' ends stripped in the whole body at once, and a row where no span is written is split into its
    cells' texts in one call."""
    if DROP in body or _MULTI_BLOCK.search(body):
        return place(table_cells(body), cell_text)  # type: ignore[arg-type]
    # spaces collapsed at once (no run of them crosses a mark; the body starts with a row mark, and whatever
    # stands before it is not a row's), then a cell's text ends at a mark (or the body's end): one space at most
    flat = " ".join(body.replace(BLOCK, "").replace(CELL, "").split())
    for mark in (SEP, CELL_START, ROW):
        flat = flat.replace(" " + mark, mark)
    # a cell's text starts after its spans (SEP) or, where none is written, after its start
    flat = flat.replace(SEP + " ", SEP).replace(CELL_START + " ", CELL_START)
    rows: list[list[tuple[str | None, str | None, str]] | list[str]] = []
    for row in flat.split(ROW)[1:]:
        if ROWSPAN in row or COLSPAN in row:  # each cell's spans and text by one C-level call, "" for a span not
            cells = _SPAN_CELL.findall(row)  # written (as None reads); spans written colspan first: cell by cell
            rows.append(cells if len(cells) == row.count(CELL_START) else table_cells(ROW + row)[0])
        else:
            rows.append(row.split(CELL_START)[1:])
    return place(rows, None)
