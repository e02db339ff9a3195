"""Table 三 printed over pages, its header repeated on each, a page's first cells printed with the header.

Chromium prints a long table with its header (``<thead>``) at the top of every page. poppler's default reading
order (``pdftotext`` without ``-raw`` or ``-layout``: text blocks, then each block's lines) then prints, page by page,
the header's first cells (``申请人情况 法人或其他组织 自然 社会 法律 …``), the page's values in the template's row
order, but for a few of its first rows' first cells, which poppler groups with the header's wrapped heads
(``自然``/``人``, ``商业``/``企业``) into a block of their own: they print after the page's other values, among those
heads (``商业 科研 企业 机构 217 23 99 人``), the page's row labels after them all. Read row after row, each page is
off by those few values; the displaced values' reading (:mod:`parsers.tables.displaced`, at most 3 values put back)
mends one such page, not three.

:func:`pages_of` cuts the table's values into pages at each repeated header (its first cell, ``申请人情况``): on a
page, a value printed after a piece of the header that itself prints after the page's first value is *moved* (one of
the page's first cells printed with the header); every other value is the page's stream, in the template's row
order. :func:`place_pages` puts each page's moved values, in their order, in cells of the page's first rows (as many
rows as moved values, at most), its stream in the others in order: each page's distinct placements whose rows'
totals hold, then every combination of one placement a page, kept where every identity of the table holds. Read only
where that gives exactly one table (values compared: zeros swapped are one table); each page's values must be whole
rows. Where more than one table holds so (or the placements are too many to try), the search is run again with
each page's moved values in its top-left corner only (:func:`_corners`: each of its first rows' first cells, a row
as many as the row above or fewer, the cells under the heads' lower lines), read where that gives one table. A row
label printed among the later heads leaves the values after it moved (the page's row labels print last).
Table-agnostic as :mod:`parsers.tables.solve`: rows of ``n_cols`` cells, identities over ``(row, col)``.

A report that prints one total wrong (its own arithmetic) fails that row's total whatever the placement, and no
table held. Where none does, the search is run again with one row of the whole table let off its row's identities
(as :mod:`parsers.tables.column_blocks` lets one row off), each table so found kept only where every identity
holds but those of one cell of that row, each of which one other value of that cell would make hold
(:mod:`parsers.tables.misprinted`); read only where exactly one such table is found, the cell kept as printed
(``misprinted_value``: review required).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parsers.model import Check
from parsers.tables.checks import application_checks, identities_at
from parsers.tables.misprinted import misprinted_cell
from parsers.tables.reading import Reading
from parsers.tables.solve import Identity, Value, holds
from parsers.tables.templates import APPLICANT_COLUMNS, RowDef
from parsers.tables.tokens import COMPACT, IS_VALUE, TEXT, Token, number_value

# table 三's header cells; a piece of one of them (``自然``, ``人``, ``公益组``, ``构``) is a piece of the header
HEADS = (
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)
_T = "applications"
PAGE_HEAD = "申请人情况"  # the header's first cell: where a repeated header, and a page, starts
MAX_PLACEMENTS = 20_000  # ways of putting one page's moved values among its first rows' cells, at most
MAX_COMBINATIONS = 20_000  # combinations of the pages' placements checked against every identity, at most


# a row label's first piece: its numbering (``3.其他``, ``（七）总计``, ``四、结转``), the numbering's end marks as the
# templates print them (full-width or half-width brackets, ``.``, ``．``, ``、``)
_ROW_LABEL = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七][)）]|[一二三四]、)")


def is_row_label(text: str) -> bool:
    """``text`` (a token's compact text) starts with a row label's numbering (``3.其他``, ``（七）总计``)."""
    return _ROW_LABEL.match(text) is not None


def is_head_piece(text: str) -> bool:
    """``text`` (a token's compact text) is a header cell of table 三, or a piece of one."""
    return bool(text) and any(text in head for head in HEADS)


@dataclass(frozen=True)
class Page:
    """One page's values, as indexes into the table's values (text order)."""

    stream: tuple[int, ...]  # printed in the template's row order
    moved: tuple[int, ...]  # printed among the header's later cells: some of the page's first rows' cells


def pages_of(tokens: Sequence[Token], start: int, end: int) -> list[Page] | None:
    """Table 三's values between tokens ``start`` and ``end`` cut into pages at each repeated header's first cell;
    None where the header is not repeated, no page prints a value among the header's later cells, or a value
    prints before the first header."""
    pages: list[tuple[list[int], list[int]]] = []
    seen_value = False  # on this page
    after_head = False  # the last text before this value is a piece of the header, printed after a value
    n = 0
    for tok in tokens[start:end]:
        text = tok[COMPACT]
        if tok[IS_VALUE]:
            if not pages:
                return None
            pages[-1][1 if after_head else 0].append(n)
            seen_value = True
            n += 1
        elif text == PAGE_HEAD:
            pages.append(([], []))
            seen_value = after_head = False
        elif text:
            # a row label printed among the later heads leaves the values after it moved: the page's row labels
            # print last (poppler's block order), after the header's later heads and the cells grouped with them
            after_head = seen_value and (is_head_piece(text) or (after_head and is_row_label(text)))
    if len(pages) < 2 or not any(moved for _, moved in pages):
        return None
    return [Page(tuple(stream), tuple(moved)) for stream, moved in pages]


@dataclass
class PagesReading:
    status: str  # "unique", "ambiguous" (several tables), "open" (past the search's bounds), "none"
    cells: list[list[int]] = field(default_factory=list)  # per row, per column: index into the values
    moved: list[tuple[int, int, int]] = field(default_factory=list)  # (row, col, value index) of each moved value
    tables: int = 0  # distinct tables found (2: two or more)


def _page_placements(
    values: Sequence[Value],
    page: Page,
    first: int,
    n_cols: int,
    row_ids: dict[int, list[Identity]],
    slack: bool = False,
    corner: bool = False,
) -> list[tuple[list[int], int | None]] | None:
    """The page's distinct placements (its cells in row-major order, as value indexes) whose rows' identities hold,
    each with None; with ``slack``, also those on which one row's identities fail, each with that row (of the
    table); None past :data:`MAX_PLACEMENTS`. With ``corner``, only the placements that put the moved values in
    the page's top-left corner (:func:`_corners`)."""
    size = len(page.stream) + len(page.moved)
    n_rows = size // n_cols
    if not page.moved:
        orders = [list(page.stream)]
    else:
        span = min(n_rows, len(page.moved)) * n_cols
        if not corner and math.comb(span, len(page.moved)) > MAX_PLACEMENTS:
            return None
        orders = []
        spans = _corners(len(page.moved), n_rows, n_cols) if corner else None
        for at in spans if spans is not None else itertools.combinations(range(span), len(page.moved)):
            spots = set(at)
            moved, stream = iter(page.moved), iter(page.stream)
            orders.append([next(moved) if k in spots else next(stream) for k in range(size)])
    found: dict[tuple[Value, ...], tuple[list[int], int | None]] = {}
    for order in orders:
        failed = [
            first + i
            for i in range(n_rows)
            if not all(_holds_on(ident, values, order, first, n_cols) for ident in row_ids.get(first + i, ()))
        ]
        if not failed or (slack and len(failed) == 1):
            found.setdefault(tuple(values[k] for k in order), (order, failed[0] if failed else None))
    return list(found.values())


def _corners(moved: int, n_rows: int, n_cols: int) -> list[tuple[int, ...]]:
    """The ways of putting ``moved`` values in a page's top-left corner, each as the cells' places (row-major,
    from the page's first cell): each of the page's first rows' first cells, a row as many as the row above it or
    fewer. The heads poppler groups into a block of their own are the header's wrapped heads' lower lines (``人``,
    ``企业``, ``机构``), over the first columns; the cells printed with them are those under them, the first row's
    first cells and the next rows' below those (4048: ``企业 机构 1 1 1 人``, the first row's first two cells and
    the second row's first)."""
    found: list[tuple[int, ...]] = []

    def extend(row: int, left: int, most: int, at: tuple[int, ...]) -> None:
        if not left:
            found.append(at)
            return
        if row == n_rows:
            return
        for d in range(min(most, left), 0, -1):
            extend(row + 1, left - d, d, at + tuple(row * n_cols + c for c in range(d)))

    extend(0, moved, n_cols, ())
    return found


def _holds_on(ident: Identity, values: Sequence[Value], order: Sequence[int], first: int, n_cols: int) -> bool:
    """``ident`` holds on the cells of rows ``first`` … given by ``order`` (value indexes, row-major)."""
    return holds(ident, lambda c: values[order[(c[0] - first) * n_cols + c[1]]])


def place_pages(
    values: Sequence[Value],
    pages: Sequence[Page],
    n_rows: int,
    n_cols: int,
    identities: Sequence[Identity],
    misprint: Callable[[list[int], int | None], bool] | None = None,
    corner: bool = False,
) -> PagesReading:
    """Place ``values`` (a table's, in text order) cut into ``pages`` into ``n_rows`` × ``n_cols`` cells; see the
    module's doc. Given ``misprint``, one row of the table is let off its row's identities, and a table is kept
    where ``misprint`` (its cells, row-major, as value indexes; the row let off, if any) says the identities that
    fail on it are those of one value printed wrong (every identity holding is not asked: that table the search
    without ``misprint`` finds)."""
    if len(values) != n_rows * n_cols or sum(len(p.stream) + len(p.moved) for p in pages) != len(values):
        return PagesReading("none")
    row_ids: dict[int, list[Identity]] = {}
    for ident in identities:
        if len(ident.rows) == 1:
            row_ids.setdefault(next(iter(ident.rows)), []).append(ident)
    per_page: list[list[tuple[list[int], int | None]]] = []
    first = 0
    for page in pages:
        size = len(page.stream) + len(page.moved)
        if size == 0 or size % n_cols:
            return PagesReading("none")
        placements = _page_placements(values, page, first, n_cols, row_ids, slack=misprint is not None, corner=corner)
        if placements is None:
            return PagesReading("open")
        if not placements:
            return PagesReading("none")
        per_page.append(placements)
        first += size // n_cols
    if math.prod(len(p) for p in per_page) > MAX_COMBINATIONS:
        return PagesReading("open")
    found: dict[tuple[Value, ...], list[int]] = {}
    for combo in itertools.product(*per_page):
        off = [row for _, row in combo if row is not None]
        if len(off) > 1:
            continue
        order = [k for part, _ in combo for k in part]
        if (
            misprint(order, off[0] if off else None)
            if misprint is not None
            else all(_holds_on(ident, values, order, 0, n_cols) for ident in identities)
        ):
            found.setdefault(tuple(values[k] for k in order), order)
            if len(found) > 1:
                return PagesReading("ambiguous", tables=len(found))
    if not found:
        return PagesReading("none")
    order = next(iter(found.values()))
    cells = [order[i * n_cols : (i + 1) * n_cols] for i in range(n_rows)]
    moved_set = {k for p in pages for k in p.moved}
    moved = [(i, c, k) for i, row in enumerate(cells) for c, k in enumerate(row) if k in moved_set]
    return PagesReading("unique", cells, moved, 1)


def read_page_heads(
    r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, start: int, end: int
) -> tuple[Reading, list[Check]] | None:
    """Table 三 from ``values`` (exactly its cells, in the text's order, between tokens ``start`` and ``end``) read
    page by page (see the module's doc), reported as ``page_head_values`` naming each value moved (and
    ``misprinted_value`` where one value printed wrong is let off): its reading and checks (all holding but those
    of that value); None where the text is not so printed or no one table is found."""
    width = len(APPLICANT_COLUMNS)
    if len(values) != len(rows) * width:
        return None
    pages = pages_of(r.tokens, start, end)
    if pages is None or sum(len(p.stream) + len(p.moved) for p in pages) != len(values):
        return None
    nums = [number_value(t[TEXT]) for t in values]
    keys = [f"{_T}/{row.key}/{c}" for row in rows for c in APPLICANT_COLUMNS]

    def misprint(order: list[int], off_row: int | None) -> bool:
        """The identities failing on the table ``order`` places are those of one printed value, in the row let off
        (if any)."""
        got = {key: nums[k] for key, k in zip(keys, order, strict=True)}
        off = misprinted_cell(application_checks(got.get, app_fmt), got.get)
        return off is not None and (off_row is None or off[0].split("/")[1] == rows[off_row].key)

    identities = identities_at(rows, app_fmt)
    reading = place_pages(nums, pages, len(rows), width, identities)
    if reading.status == "none":
        # a total printed wrong fails its row whatever the placement: one row let off, one cell's identities failing
        reading = place_pages(nums, pages, len(rows), width, identities, misprint)
    corner = reading.status in ("ambiguous", "open")
    if corner:
        # several tables hold (or too many placements to try): the moved values in each page's top-left corner only
        reading = place_pages(nums, pages, len(rows), width, identities, corner=True)
    if reading.status != "unique":
        return None
    t = Reading(r.extracted, r.norm, r.canonical)
    for row, at in zip(rows, reading.cells, strict=True):
        cells = [values[k] for k in at]
        t.put_cells([f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS], cells, cells[0])
    checks = application_checks(t.get, app_fmt)
    if any(c.blank for c in checks) or any(c.value is None for c in t.cells.values()):
        return None
    off = None if all(c.passed for c in checks) else misprinted_cell(checks, t.get)
    if off is None and not all(c.passed for c in checks):
        return None
    said = "; ".join(f"{rows[i].key}/{APPLICANT_COLUMNS[c]} = {values[k][TEXT]}" for i, c, k in reading.moved)
    holding = "all the table's identities" if off is None else "every identity of the table but one value's"
    t.warn(
        "page_head_values",
        f"table 三: its {len(values)} values print apart from its row labels over {len(pages)} pages, each under the "
        f"table's header printed again; on each page the values print in the template's row order but for "
        f"{len(reading.moved)} of its first rows' cells printed among the header's later cells (poppler's reading "
        f"order: one block with the header's wrapped heads), put in the page's first rows"
        + (
            " (in each page's top-left corner, each row's first cells, a row as many as the row above or fewer: "
            "put anywhere in the first rows, more than one table holds)"
            if corner
            else ""
        )
        + f": {said} (the only table every such placement that holds {holding} gives: a guess)",
        _T,
        values[0],
    )
    if off is not None:
        failed = [c.name for c in checks if not c.passed]
        t.warn(
            "misprinted_value",
            f"table 三: read page by page, every identity holds but the {len(failed)} that {off[0]} is in "
            f"({', '.join(failed)}), each of which {_num(off[1])} would make hold, not the printed "
            f"{_num(t.get(off[0]))}: one value printed wrong (the report's own arithmetic), not a misplacement; kept "
            "as printed (the only such table the placements give, one row let off its total)",
            off[0],
            values[0],
        )
    return t, checks


def _num(v: float | None) -> str:
    return "blank" if v is None else str(int(v)) if float(v).is_integer() else str(v)
