"""Table 四 (行政复议、行政诉讼): its 15 cells, and where its blank cells go when the text does not show them."""

from __future__ import annotations

import re

from parsers.tables.align import Fit
from parsers.tables.centred_pieces import centred_review
from parsers.tables.continued import continued_row
from parsers.tables.extra_in_boxes import boxes_text
from parsers.tables.group_order import review_after_results
from parsers.tables.head_blocks import head_block_order, totals_hold
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.paragraph_pieces import is_block_cells, joined_pairs
from parsers.tables.reading import Reading
from parsers.tables.review_blank_cells import review_fit, review_shown, rows_out_of_order, short_rows_open
from parsers.tables.review_blank_row import review_blank_row
from parsers.tables.review_boxes import review_boxes_last
from parsers.tables.review_cells import N_REVIEW, REVIEW_KEYS, R, review_rows, review_totals_hold
from parsers.tables.review_displaced import review_displaced
from parsers.tables.review_marks import PROSE, nbsp_cell, review_in_place, review_unreadable, zero_marks
from parsers.tables.review_pieces import pieces_below
from parsers.tables.review_runs import review_nbsp_run, review_rules, review_run
from parsers.tables.review_vertical import read_vertical
from parsers.tables.solve import row_total_holds
from parsers.tables.spilled_first import spilled_first
from parsers.tables.templates import SECTION_FIVE
from parsers.tables.tokens import (
    COMPACT,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    TABBED,
    TEXT,
    Token,
    number_value,
)


def by_head_blocks(r: Reading, anchor: int, vals: list[Token]) -> Fit | None:
    """Table 四's 15 ``vals`` read in the order poppler prints them after their head blocks
    (:func:`parsers.tables.head_blocks.head_block_order`), where that order is not the template's and its three row
    totals hold so (warned on ``r``); None otherwise."""
    at = head_block_order(r, anchor, vals)
    if at is None or at == list(range(N_REVIEW)):
        return None
    toks = [vals[k] for k in at]
    if not totals_hold(toks):
        return None
    moved = [
        f"{REVIEW_KEYS[c][len(R) + 1 :]} = {toks[c][TEXT]} (value {at[c] + 1})"
        for c in range(N_REVIEW)
        if number_value(toks[c][TEXT]) != number_value(vals[c][TEXT])
    ]
    r.warn(
        "head_blocks_order",
        f"table 四: its {N_REVIEW} values print after their heads (all of them, or each group's), which print as "
        "blocks of one column or of several (pdftotext's block order); read in the order poppler gives such blocks "
        "(the value under each block's first column, block after block, then those under the blocks' other columns, "
        "group after group), its three row totals holding: "
        + ("; ".join(moved) if moved else "the same numbers as in the template's order")
        + " (a guess: the order is poppler's, not the identities')",
        R,
        vals[0],
    )
    return Fit(list(toks), "positional", [])


# table 四's heads or pieces of them: its group heads, and its column heads printed whole or a piece a line
_FOUR_HEAD = re.compile(r"(?:行政复议|行政诉讼|未经复议直接起诉|复议后起诉|[结果维持纠正其他尚未审总计]+)")


def _values_past_five(r: Reading, five: int, need: int) -> tuple[list[Token], int] | None:
    """Table 四's last ``need`` values printed after section 五's heading (token ``five``): poppler's block order can
    put the heading before the table's last blocks (1700: 复议后起诉's heads and values after
    ``五、存在的主要问题及改进情况``). The values, and the index of the last, where the tokens right after the heading
    are only table 四's heads and values up to the first other text, exactly ``need`` values among them; else
    None."""
    got: list[Token] = []
    last = five
    for i in range(five + 1, len(r.tokens)):
        t = r.tokens[i]
        if t[IS_VALUE] and not t[IS_BLANK_MARKER]:
            got.append(t)
            last = i
        elif not _FOUR_HEAD.fullmatch(t[COMPACT]):
            break
    return (got, last) if len(got) == need else None


def read_review(r: Reading, start: int, end: int) -> int | None:
    """Read table 四: one data row of 15 cells after its headers."""
    if (vertical := read_vertical(r, start)) is not None:
        r.put_cells(REVIEW_KEYS, vertical[0], r.tokens[vertical[2]])  # pdfminer's -V order (tables/review_vertical.py)
        return vertical[1] + 1
    anchor = r.first_index(r"行政复议", start, end)
    if anchor is None:
        # its title and first head lost (antiword drops a table's first rows): its litigation heads
        anchor = r.first_index(r"未经复议直接起诉|复议后起诉", start, end)
    across = False
    if anchor is None:
        anchor = _head_across_cells(r, start, end)
        across = anchor is not None
    if anchor is None:
        return None
    stop = r.first_index(SECTION_FIVE, anchor + 1, end)
    stop = len(r.tokens) if stop is None else stop
    vals: list[Token] = []
    printed: list[Token | None] = []  # the values and the blank cells printed as no-break spaces, in order
    last = anchor
    cut: tuple[int, int, int] | None = None  # where the loop would have stopped, had it not read on for pieces
    for i in range(anchor + 1, min(stop, len(r.tokens))):
        t = r.tokens[i]
        if t[IS_VALUE] and not (t[IS_BLANK_MARKER] and (r.placeholder(t) or _scan_speck(r, i))):
            vals.append(t)
            printed.append(t)
            last = i
        elif not t[TEXT] and vals and nbsp_cell(r.text, t):
            printed.append(None)
        elif len(t[COMPACT]) > 40 and (vals or PROSE.search(t[TEXT])):
            break  # body text: the table is over (before any value: its numbers were lost, a paragraph's are not)
        elif t[IS_LABELISH] and len(vals) >= N_REVIEW:
            if cut is None and _pairs_short(r, vals):
                cut = (len(vals), len(printed), last)  # a head's block before the last values: read on, see below
                continue
            if cut is None or len(vals) > cut[0]:
                break
    split = False  # values printed on both sides of section 五's heading: the text's order is shown not the table's
    if (
        stop < len(r.tokens)
        and 0 < len(vals) < N_REVIEW
        and is_paragraph_cells(r.extracted.text)
        and (past := _values_past_five(r, stop, N_REVIEW - len(vals))) is not None
    ):
        vals += past[0]
        printed += past[0]
        last = past[1]
        split = True
        r.warn(
            "values_past_heading",
            f"table 四: {len(vals) - len(past[0])} values before section 五's heading, and its last "
            f"{len(past[0])} ({' '.join(t[TEXT] for t in past[0])}) after it, among its heads and before any "
            "prose (pdftotext's block order put the heading before the table's last blocks): read as table 四's",
            R,
            past[0][0],
        )
    heads = anchor  # where table 四's heads start, the values' order read from them (tables/head_blocks.py)
    spill: Token | None = None
    if (at_spill := spilled_first(r, vals)) is not None:
        # table 三's last cell printed before table 四's column heads (tables/spilled_first.py): read the other 15
        spill, heads, vals = vals[0], at_spill + 1, vals[1:]
        del printed[next(k for k, p in enumerate(printed) if p is not None)]
    if across and (len(vals) != N_REVIEW or not review_totals_hold([number_value(t[TEXT]) for t in vals])):
        return None  # a head found only across cells: read only as exactly its 15 values, every row total holding
    keys = REVIEW_KEYS
    label = r.tokens[anchor]
    marks = None if vals else zero_marks(r, label, stop)
    if marks is not None:
        r.put_cells(keys, marks[0], label)
        r.warn(
            "zero_row",
            f"table 四: no digit printed, only {marks[1]} zero marks (。, OCR's 0) on lines of their own for its "
            f"{N_REVIEW} cells: read as a row of zeros (a guess: a lost cell that is not 0 would leave a digit)",
            R,
            label,
        )
        return anchor + 1
    if not vals:
        # no value and no zero mark before section 五: the table's numbers are not in the text (pandoc's plain writer
        # prints ``[TABLE]`` for it, 行政复议 found in section 四's heading; OCR lost its row): its cells blank, the
        # table said missing (review required), not 15 blanks said placed
        r.put_cells(keys, [None] * N_REVIEW, label)
        r.warn(
            "missing_table",
            f"table 四 (行政复议、行政诉讼): no value printed after {label[TEXT]!r} before section 五; its cells are "
            "blank"
            + (
                "; the text prints [TABLE] where a table stood (pandoc's plain writer's placeholder)"
                if "[TABLE]" in r.extracted.text
                else ""
            ),
            R,
            label,
        )
        return anchor + 1
    # the table of the document's own cells (Reading.exact_cells): no number broken over lines, no pieces to join
    exact = r.exact_cells(vals)
    if not exact and (wrapped := centred_review(r, vals, N_REVIEW, review_totals_hold, R)) is not None:
        r.put_cells(keys, wrapped, label)  # numbers wrapped over three lines in narrow cells (tables/centred_pieces.py)
        return last + 1
    if (
        not exact
        and len(vals) > N_REVIEW
        and (below := pieces_below(r, vals, N_REVIEW, review_totals_hold, R)) is not None
    ):
        r.put_cells(keys, below, label)  # numbers broken over two lines, their rest under the row (review_pieces.py)
        return last + 1
    if len(vals) > N_REVIEW and (boxed := review_boxes_last(r, vals)) is not None:
        r.put_cells(keys, boxed, label)  # numbers broken over lines printed after the others (tables/review_boxes.py)
        return last + 1
    pairs = joined_pairs(r, vals) if not exact and len(vals) > N_REVIEW and is_block_cells(r.extracted.text) else None
    if pairs is None or len(pairs) != N_REVIEW or not review_totals_hold([number_value(t[TEXT]) for t in pairs]):
        pairs = None
        if cut is not None:  # read on for nothing: the values as the loop stopped at them
            vals, printed, last = vals[: cut[0]], printed[: cut[1]], cut[2]
    if pairs is not None:
        r.warn(
            "merged_digits",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells ({' '.join(t[TEXT] for t in vals)}); read as "
            f"{' '.join(t[TEXT] for t in pairs)}, each block of two lines of one value (poppler's block of a cell "
            "whose number a narrow column broke over two lines) one number, its three row totals holding (a guess)",
            R,
            vals[0],
        )
        vals = pairs  # then read as any row of exactly its cells
        printed = list(pairs)
    result = (
        review_unreadable(r, vals)
        or review_in_place(r, vals, printed, label)
        or review_nbsp_run(r, vals)
        or review_run(r, vals)
        or review_shown(r, vals, label[LINE], marks_only=True)
        or review_blank_row(r, vals, label)
        or review_shown(r, vals, label[LINE])
        or review_fit(r, vals, keys, label[LINE])
    )
    if not review_totals_hold(result.values()) and (moved := continued_row(vals, N_REVIEW, review_totals_hold)):
        result = Fit(moved[0], "continued", [])
        r.warn("row_continued", f"table 四: {moved[1]} (a guess)", R, vals[-1])
    if not review_totals_hold(result.values()) and (ruled := review_rules(r, vals)) is not None:
        result = ruled
        r.warn("rule_glued", f"table 四: {result.guess} (a guess)", R, vals[0])
    failing = sum(not row_total_holds(v) for v in review_rows(result.values())) if len(vals) == N_REVIEW else 0
    if len(vals) == N_REVIEW and is_paragraph_cells(r.extracted.text) and (blocks := by_head_blocks(r, heads, vals)):
        result = blocks  # every head printed before the values, as blocks (tables/head_blocks.py)
    elif failing >= (1 if split else MIN_ROWS_OUT_OF_ORDER) and is_paragraph_cells(r.extracted.text):
        if (displaced := review_displaced(r, heads, vals)) is not None:
            result = displaced  # values displaced in poppler's block order, put back (tables/review_displaced.py)
        else:
            result = rows_out_of_order(r, result, vals, failing)
    elif result.how in ("padded", "short") and is_paragraph_cells(r.extracted.text):
        result = short_rows_open(r, result, vals)
    elif (
        not failing
        and len(vals) == N_REVIEW
        and is_paragraph_cells(r.extracted.text)
        and head_block_order(r, heads, vals) != list(range(N_REVIEW))
    ):
        # a 总计 printed among the next row's values (poppler's groups of heads: tables/group_order.py), unless the
        # heads' blocks put every value where the template's order does (an earlier row's 总计 a block of its own
        # before the group's result heads prints first: tables/head_blocks.py)
        result = review_after_results(r, heads, vals, result.tokens) or result
    if result.how == "dropped" and len(result.dropped) > 1 and boxes_text(r):
        # a PDF extractor's boxes print other tables' values and heads among table 四's: 15 of them chosen where its
        # totals hold is a choice among many (zeros hold any total of zeros), not a reading (tables/extra_in_boxes.py;
        # one value more is poppler's spill of table 三's last cell, which tables/forward_spill.py puts back)
        shown = " ".join(t[TEXT] for t in vals)
        r.put_cells(keys, [None] * N_REVIEW, label)
        r.warn(
            "placement_open",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells ({shown}) in text printing each number a "
            "paragraph (a PDF extractor's boxes, in their order, not the table's): which of them are its cells, and "
            "in which, is not in the text; the table left blank",
            R,
            label,
        )
        return last + 1
    r.put_cells(keys, result.tokens, label)
    if spill is not None:
        r.warn(
            "extra_values",
            f"table 四: 1 value(s) more than its {N_REVIEW} cells; dropped {spill[TEXT]}, the first, printed before "
            "its column heads and apart from the other values, which print after them (pdftotext's block order: "
            "table 三's last cell after section 四's heading); read from the other "
            f"{N_REVIEW}, its three row totals holding",
            R,
            spill,
        )
    if result.how == "dropped":
        r.warn(
            "extra_values",
            f"table 四: {len(result.dropped)} value(s) more than its {N_REVIEW} cells; dropped "
            f"{', '.join(t[TEXT] for t in result.dropped)} (the reading that satisfies the identities)",
            R,
            result.dropped[0],
        )
    elif result.how in ("padded", "short"):
        r.warn(
            "missing_cell",
            f"table 四: {len(vals)} values for {N_REVIEW} cells; positions of the blanks were inferred",
            R,
            label,
        )
    elif result.how == "split":
        r.warn("split_number", f"table 四: {result.guess} (a guess)", R, vals[0])
    if result.disputed:
        r.warn_disputed(R, keys, result, label)
    elif result.ambiguous:
        r.warn("ambiguous", "table 四: several readings fit the identities equally well", R, label)
    return last + 1


# table 四's rows whose totals fail, read in pdftotext's block order: not the table's (one row failing is a report's
# misprinted total as likely; where its values print on both sides of section 五's heading, the block order is shown
# not the table's, and one failing row is enough: pdfminer's boxes print 4045's 10 / 12 / 五、… / 22 / 0 … for
# 行政复议's 12 10 0 0 22)
MIN_ROWS_OUT_OF_ORDER = 2


def _pairs_short(r: Reading, vals: list[Token]) -> bool:
    """Table 四's values read so far, 15 or more, are fewer than its cells once each block of two lines of one value
    is one number (:func:`parsers.tables.paragraph_pieces.joined_pairs`), in text printing a cell a block."""
    pairs = joined_pairs(r, vals)
    return pairs is not None and len(pairs) < N_REVIEW and is_block_cells(r.extracted.text)


def _scan_speck(r: Reading, i: int) -> bool:
    """Token ``i``, a dash, is alone on a line that is no TAB row, in the scan reader's text: a speck of a damaged
    scan read as a dash, no cell. The scan reader writes every table cell it finds into a TAB row
    (``parsers/ocr/layout.py``: a ruled grid's row, or a row laid out by its gaps), so a lone dash outside one is the
    engine's reading of a mark around the tables (synth_4114: ``-`` above table 四's heads, read as its first cell,
    its values then one cell off)."""
    t = r.tokens[i]
    if not r.extracted.ocr or t[TABBED]:
        return False
    before = i > 0 and r.tokens[i - 1][LINE] == t[LINE]
    after = i + 1 < len(r.tokens) and r.tokens[i + 1][LINE] == t[LINE]
    return not before and not after


HEAD_ACROSS_LINES = 12  # lines after the start searched for table 四's head split over a row's cells


def _head_across_cells(r: Reading, start: int, end: int) -> int | None:
    """Table 四's head ``行政复议`` printed across a table row's cells (pymupdf4llm's grids cut at every rule
    the page draws: ``|行|政复议|…|行政|诉讼|``), within the first lines after ``start``: the last token of the
    first such row (its cells joined, one row a line), so that the values after it are read; the table is then read
    only where exactly its 15 values follow and its three row totals hold. None elsewhere."""
    tokens = r.tokens
    stop = min(end, len(tokens))
    if start >= stop:
        return None
    last_line = tokens[start][LINE] + HEAD_ACROSS_LINES
    i = start
    while i > 0 and tokens[i - 1][LINE] == tokens[start][LINE]:
        i -= 1  # from the first cell of the line ``start`` is on (section 四's heading cut across the head's cells)
    while i < stop and tokens[i][LINE] <= last_line:
        line = tokens[i][LINE]
        j = i
        while j < stop and tokens[j][LINE] == line:
            j += 1
        row = tokens[i:j]
        if (
            len(row) > 1
            and all(t[TABBED] for t in row)
            and "行政复议" in "".join(t[COMPACT] for t in row)
            and not any("行政复议" in t[COMPACT] for t in row)
        ):
            return j - 1
        i = j
    return None
