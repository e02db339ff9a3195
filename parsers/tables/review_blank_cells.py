"""Table 四 short of cells: where its blank cells go, by the header's columns, the gaps and indents of a laid-out
line, the cells' heads, or the rows' totals."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from itertools import combinations

from parsers.tables.align import Fit, Value, fit, positional, warn_merged
from parsers.tables.checks import review_scorer
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, R, review_rows, review_totals_hold, row_values
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
)


def _laid_out(gap: str) -> bool:
    """The text between two values keeps room for a cell: a run of spaces or a TAB (layout text), not a single
    space or line breaks (a PDF extractor's boxes, one a line or a blank line apart)."""
    return "\t" in gap or any(len(run) > 1 for run in re.findall(r" +", gap))


def laid_in_columns(r: Reading, vals: list[Token], anchor_line: int) -> list[Token | None] | None:
    """Table 四's row laid out in columns: its cells by the header's columns, or by its indent (the header's lines'
    first tokens telling whether no indent is evidence)."""
    firsts: dict[int, Token] = {}
    for t in r.tokens:
        if anchor_line < t[LINE] < vals[0][LINE] and t[IS_LABELISH]:
            firsts.setdefault(t[LINE], t)
    return _by_header(r, anchor_line, vals, N_REVIEW) or _by_indent(r.text, vals, N_REVIEW, list(firsts.values()))


def review_shown(r: Reading, vals: list[Token], anchor_line: int, *, marks_only: bool = False) -> Fit | None:
    """Table 四 short of cells on one line that shows where they are (:func:`_by_gap`), or in TAB cells that each
    hold some of its columns (:func:`_by_cell_heads`): read so, before any placement by the identities
    (``marks_only``: not by a wide gap alone, which :func:`review_blank_row` weighs first)."""
    lines = {t[LINE] for t in vals}
    if not vals or len(vals) >= N_REVIEW or len(lines) != 1:
        return None
    if vals[0][TABBED] and positional(r.line_tokens(vals[0][LINE]), N_REVIEW) is not None:
        return None  # a TAB row that carries its blank cells: read in place (review_fit)
    if (gapped := _by_gap(r.text, vals, marks_only=marks_only)) is not None:
        r.warn(
            "blank_cells_in_place",
            f"table 四: {len(vals)} values for {N_REVIEW} cells on one line that shows where its empty cells are "
            f"(no-break spaces, or one wide gap among single spaces): its {N_REVIEW - len(vals)} blank cells read "
            "there",
            R,
            vals[0],
        )
        return Fit(gapped, "positional", [])
    if vals[0][TABBED] and (placed := _by_cell_heads(r, anchor_line, vals)) is not None:
        r.warn(
            "blank_cells_in_place",
            f"table 四: {len(vals)} values for {N_REVIEW} cells in a row of TAB cells that each hold some of its "
            "columns, as the heads above them show (a character a column); each cell's values read into its "
            "columns, its empty cells blank",
            R,
            vals[0],
        )
        return Fit(placed, "positional", [])
    return None


def review_fit(r: Reading, vals: list[Token], keys: Sequence[str], anchor_line: int = -1) -> Fit:
    lines = {t[LINE] for t in vals}
    if len(lines) == 1 and vals and vals[0][TABBED]:
        line_tokens = r.line_tokens(vals[0][LINE])
        # the data row may start with its own label cells; right-align the 15 cells
        pos = positional(line_tokens, N_REVIEW)
        if pos is not None:
            warn_merged(r, line_tokens, N_REVIEW, R)
            return Fit(pos, "positional", [])
    if len(vals) == N_REVIEW:
        return fit(vals, N_REVIEW)
    score = review_scorer(keys)  # count_passed(review_checks(...)) on the values in the order of keys

    best = fit(vals, N_REVIEW, score)
    if best.how == "padded" and best.ambiguous and len(lines) == 1:
        # text laid out in columns: the row's indent tells how many cells on its left are blank
        # the header's lines: their first tokens
        laid = laid_in_columns(r, vals, anchor_line)
        if laid is not None and score(Fit(laid, "padded", []).values()) == score(best.values()):
            return Fit(laid, "padded", [])
    if best.how == "padded" and best.ambiguous and not review_totals_hold(best.values()):
        agreed = _review_agreed(r, vals, keys, score)
        if agreed is not None:
            return agreed
    return best


# cells lost from table 四's row, for every placement of the rest to be weighed. A whole row lost (10 values for
# 15 cells, every row total holding wherever the blank row goes) is left to the tie-break, blanks first: which
# row is blank is not in the text, and the real report of the corpus (seed 003) leaves its 复议 row blank
MAX_REVIEW_LOST = 3


def _review_agreed(
    r: Reading, vals: list[Token], keys: Sequence[str], score: Callable[[list[Value]], int]
) -> Fit | None:
    """Table 四's row short of cells and printed with single spaces (or one box per line), where no placement
    holds every row total (a lost cell was not 0) and several satisfy as many identities: only the cells every
    such placement puts the same value in (the placements whose failing rows each hold a blank preferred) are
    kept, the rest left blank (``placement_open``, review required; ``zeros_unplaced``, suggested, when each is 0
    or blank in every placement) — the tie-break would put values in cells they may not belong to."""
    lost = N_REVIEW - len(vals)
    if not 0 < lost <= MAX_REVIEW_LOST or any(
        _laid_out(r.text[a[END] : b[START]]) for a, b in itertools.pairwise(vals)
    ):
        return None  # a row laid out by runs of spaces keeps a lost cell's room: the tie-break reads it
    best: list[list[Token | None]] = []
    top = -1
    for slots in combinations(range(N_REVIEW), len(vals)):
        row: list[Token | None] = [None] * N_REVIEW
        for slot, tok in zip(slots, vals, strict=True):
            row[slot] = tok
        points = score([number_value(t[TEXT]) if t is not None else None for t in row])
        if points > top:
            best, top = [row], points
        elif points == top:
            best.append(row)
    # a row total fails because that row lost a cell: placements where every failing row has a blank, if any
    width = len(REVIEW_COLUMNS)
    explained = [
        row
        for row in best
        if all(
            None in row[k : k + width]
            for k in range(0, N_REVIEW, width)
            if not row_total_holds([number_value(t[TEXT]) if t is not None else None for t in row[k : k + width]])
        )
    ]
    best = explained or best
    kept: list[Token | None] = []
    for c in range(N_REVIEW):
        # the same printed value in every placement (a cell some placement leaves blank is not printed for sure)
        values = {number_value(t[TEXT]) if t is not None else None for t in (row[c] for row in best)}
        kept.append(best[0][c] if len(values) == 1 else None)
    blanked = [keys[c].split("/", 1)[1] for c in range(N_REVIEW) if kept[c] is None and any(row[c] for row in best)]
    if not blanked:
        return None
    # every cell left blank is 0 or blank in every placement: no count is lost, the blank-or-0 is open (suggested)
    zeros = all(not number_value(t[TEXT]) for row in best for c, t in enumerate(row) if t and kept[c] is None)
    r.warn(
        "zeros_unplaced" if zeros else "placement_open",
        f"table 四: {len(vals)} values for {N_REVIEW} cells, "
        + ("" if review_totals_hold(row_values(best[0])) else "no placement holds every row total and ")
        + f"{len(best)} placements satisfy as many identities; the cells they disagree on are left blank: "
        f"{', '.join(blanked)}" + (" (each 0 or blank in every placement)" if zeros else ""),
        R,
        vals[0],
    )
    return Fit(kept, "padded", [], ambiguous=True)


_HEAD_CHARS = re.compile(r"[\u4e00-\u9fff]{1,2}")


def _by_cell_heads(r: Reading, anchor_line: int, vals: list[Token]) -> list[Token | None] | None:
    """Table 四 as a row of TAB cells fewer than its columns (a Markdown table a PDF converter made: markitdown's
    pdfplumber joins neighbouring columns into one cell), its heads printed a character or two a line above the
    row, one character per column and cell (``结 结`` / ``果 果``: two columns in one cell). The 复议 heads and the
    诉讼 heads stand at other heights, so on other lines: lines are grouped by their first non-empty cell, and the
    columns a cell holds are, summed over the groups, the most heads a line of the group prints in it. When they
    add up to the table's 15 and no cell holds more values than columns, the values go to their cell's columns in
    order (an empty cell's columns blank); a cell with fewer values than columns, to the columns that make every
    row total hold, when exactly one placement does. None otherwise."""
    line = vals[0][LINE]
    texts = r.text.split("\n", line + 1)[: line + 1]
    n_cells = len(texts[line].split("\t"))
    groups: dict[int, list[int]] = {}
    for text in texts[max(anchor_line, 0) + 1 : line]:
        cells = text.split("\t")
        heads = [cell.split() for cell in cells]
        if len(cells) != n_cells or not any(heads):
            continue
        if not all(_HEAD_CHARS.fullmatch(h) for cell in heads for h in cell):
            continue
        first = next(k for k, cell in enumerate(heads) if cell)
        width = groups.setdefault(first, [0] * n_cells)
        groups[first] = [max(w, len(cell)) for w, cell in zip(width, heads, strict=True)]
    columns = [sum(ws) for ws in zip(*groups.values(), strict=True)] if groups else []
    if sum(columns) != N_REVIEW:
        return None
    in_cell: dict[int, list[Token]] = {}
    for t in vals:
        in_cell.setdefault(t[COL], []).append(t)
    if any(col >= n_cells or len(got) > columns[col] for col, got in in_cell.items()):
        return None
    options: list[list[list[Token | None]]] = []  # each cell's placements of its values
    for col, w in enumerate(columns):
        got = in_cell.get(col, [])
        placements = []
        for slots in combinations(range(w), len(got)):
            cell: list[Token | None] = [None] * w
            for slot, tok in zip(slots, got, strict=True):
                cell[slot] = tok
            placements.append(cell)
        options.append(placements)
    held = [
        row
        for row in (list(itertools.chain.from_iterable(choice)) for choice in itertools.product(*options))
        if review_totals_hold(row_values(row))
    ]
    return held[0] if len(held) == 1 else None


_HEADER_CELL_MAX = 2  # the header cells of table 四 laid out in columns print one or two characters a line


_SAME_COLUMN = 2  # header fragments this close (in characters) are one column's


def _by_header(r: Reading, anchor_line: int, vals: list[Token], n: int) -> list[Token | None] | None:
    """Blank cells placed by the header's columns (layout-mode PDF text, the header's cells printed a character
    or two a line: ``结`` / ``果`` / ``维`` / ``持``): when the header's short fragments stand in exactly ``n``
    columns, the row's values go to the columns nearest them, in order (the least total distance). None when
    the header does not show ``n`` columns or the row is not laid out in columns."""
    if not vals or len({t[LINE] for t in vals}) != 1 or any(b[START] - a[END] < 2 for a, b in itertools.pairwise(vals)):
        return None
    line = vals[0][LINE]

    def x(tok: Token) -> int:
        return tok[START] - r.text.rfind("\n", 0, tok[START])

    xs = sorted(
        {
            x(t)
            for t in r.tokens
            if anchor_line < t[LINE] < line
            and t[IS_LABELISH]
            and not t[IS_VALUE]
            and len(t[COMPACT]) <= _HEADER_CELL_MAX
        }
    )
    columns: list[list[int]] = []
    for at in xs:
        if columns and at - columns[-1][-1] <= _SAME_COLUMN:
            columns[-1].append(at)
        else:
            columns.append([at])
    if len(columns) != n:
        return None
    centres = [sum(c) / len(c) for c in columns]
    places = _nearest_in_order([x(t) for t in vals], centres)
    out: list[Token | None] = [None] * n
    for tok, k in zip(vals, places, strict=True):
        out[k] = tok
    return out


def _nearest_in_order(points: list[int], centres: list[float]) -> list[int]:
    """The column of each point (in order, each its own): the least total distance (a small dynamic programme)."""
    m, n = len(points), len(centres)
    inf = float("inf")
    # cost[i][j]: least distance placing points[i:] in centres[j:]
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    for j in range(n + 1):
        cost[m][j] = 0.0
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            cost[i][j] = min(cost[i][j + 1], abs(points[i] - centres[j]) + cost[i + 1][j + 1])
    out: list[int] = []
    j = 0
    for i in range(m):
        while cost[i][j] != abs(points[i] - centres[j]) + cost[i + 1][j + 1]:
            j += 1
        out.append(j)
        j += 1
    return out


_GAP = 2  # spaces that are a gap (room for cells), where the row's values stand a space apart


def _by_gap(text: str, vals: list[Token], *, marks_only: bool = False) -> list[Token | None] | None:
    """Table 四's row on one line, short of cells, where the line shows where they are: each empty cell printed as
    a no-break space (Word's and Chromium's ``&nbsp;`` in an empty cell, as pypdf prints a PDF row: ``0 6 \xa0 \xa0
    … 0 1``), as many as cells are missing; or, with no such marks, its values one space apart but for a single
    wider gap (between two values, or after the last one before the line's end): the lost cells all there, when
    every row total then holds. None when the line shows neither."""
    if not vals or len(vals) >= N_REVIEW:
        return None
    start = text.rfind("\n", 0, vals[0][START]) + 1
    end = text.find("\n", vals[-1][END])
    end = len(text) if end < 0 else end
    head = text[start : vals[0][START]]
    between = [text[a[END] : b[START]] for a, b in itertools.pairwise(vals)]
    spaces = [head if not head.strip(" \xa0") else "", *between, text[vals[-1][END] : end]]
    if any(gap.strip(" \xa0") for gap in spaces[1:]):
        return None  # something else printed between the values
    lost = N_REVIEW - len(vals)
    marks = [gap.count("\xa0") for gap in spaces]
    if sum(marks) == lost:
        counts = marks
    elif sum(marks) == 0 and not marks_only:
        wide = [k for k, gap in enumerate(spaces) if len(gap) >= _GAP and (0 < k < len(vals) or gap)]
        if len(wide) != 1 or any(gap != " " for k, gap in enumerate(spaces[1:-1], 1) if k != wide[0]):
            return None
        counts = [lost if k == wide[0] else 0 for k in range(len(spaces))]
    else:
        return None
    row: list[Token | None] = [None] * counts[0]
    for tok, n in zip(vals, counts[1:], strict=True):
        row += [tok, *[None] * n]
    # the marks are the blank cells themselves; a gap only says where they are, the row totals must agree
    return row if counts is marks or review_totals_hold(row_values(row)) else None


def _by_indent(text: str, vals: list[Token], n: int, header: list[Token] | None = None) -> list[Token | None] | None:
    """Blank cells placed by the row's indentation and its values' spacing (layout-mode PDF text). No indent is
    evidence too when the ``header`` above is laid out (a line of it indented by a cell or more) and starts
    where the row does: the row's first cell is printed. Indents are counted from the table's left edge (its
    header's leftmost line) where the text prints the page's margin before every line."""
    if len(vals) < 2:
        return None
    if any(b[START] - a[END] < 2 for a, b in itertools.pairwise(vals)):
        return None  # single spaces between values: the text is not laid out in columns
    line_start = text.rfind("\n", 0, vals[0][START]) + 1
    indent = vals[0][START] - line_start
    spacing = (vals[-1][START] - vals[0][START]) / (len(vals) - 1)
    if spacing <= 0:
        return None
    indents = [t[START] - text.rfind("\n", 0, t[START]) - 1 for t in header] if header else []
    left = min(indents) if indents else 0
    if left > spacing / 2 and indent >= left and max(indents) - left >= spacing:
        # the page's margin (layout text keeps it: every line of the table starts at the header's left or right of
        # it) is no cell: where the header is laid out (a line of it indented by a cell or more from its leftmost),
        # the row's indent is counted from the table's left, where its header's leftmost lines begin
        indent -= left
        indents = [i - left for i in indents]
    lead = round(indent / spacing)
    if lead == 0 and indents and min(indents) <= spacing / 2 and max(indents) >= spacing:
        return list(vals) + [None] * (n - len(vals))
    if lead == 0 or lead + len(vals) > n:
        return None  # no indent: no evidence either way (a stripped line), the identities' tie-break holds
    return [None] * lead + list(vals) + [None] * (n - lead - len(vals))


def short_rows_open(r: Reading, result: Fit, vals: list[Token]) -> Fit:
    """Table 四 short of values, printed a cell a paragraph (pdftotext's default mode): its values come in poppler's
    block order, not the table's, and a blank cell prints nothing, so neither the order of the values nor where the
    blank cells are is in the text; a row whose total fails in the placement the identities' tie-break chose is
    left blank (``placement_open``) rather than read with values in cells they may not belong to."""
    rows = review_rows(result.values())
    failing = [REVIEW_ROWS[k] for k, row in enumerate(rows) if not row_total_holds(row)]
    if not failing:
        return result
    r.warn(
        "placement_open",
        f"table 四: {len(vals)} values for its {N_REVIEW} cells printed a cell a paragraph (pdftotext's default "
        f"mode: poppler's block order, not the table's, a blank cell printing nothing): placed, the row totals of "
        f"{', '.join(failing)} fail; which cell each value is in is not in the text "
        f"({' '.join(t[TEXT] for t in vals)}); those rows left blank",
        R,
        vals[0],
    )
    n = len(REVIEW_COLUMNS)
    kept = [None if REVIEW_ROWS[k // n] in failing else t for k, t in enumerate(result.tokens)]
    if all(t is None for t in kept):
        return Fit(kept, result.how, [])  # nothing read: the placements the identities like alike are moot
    disputed = {c: v for c, v in result.disputed.items() if REVIEW_ROWS[c // n] not in failing}
    return Fit(kept, result.how, [], ambiguous=result.ambiguous, disputed=disputed)


def rows_out_of_order(r: Reading, result: Fit, vals: list[Token], failing: int) -> Fit:
    """Table 四's values printed a cell a paragraph whose rows fail their totals read in that order, with no one
    placement of displaced values: the failing rows left blank (``placement_open``)."""
    r.warn(
        "placement_open",
        f"table 四: its {N_REVIEW} values printed a cell a paragraph (pdftotext's default mode: poppler's block "
        f"order, not the table's) fail the row totals of {failing} rows read in that order: which "
        f"cell each is in is not in the text ({' '.join(t[TEXT] for t in vals)}); those rows left blank",
        R,
        vals[0],
    )
    n = len(REVIEW_COLUMNS)
    kept = [
        None if not row_total_holds(result.values()[k - k % n : k - k % n + n]) else t
        for k, t in enumerate(result.tokens)
    ]
    return Fit(kept, "positional", [])
