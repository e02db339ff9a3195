"""Table 四 (行政复议、行政诉讼): its 15 cells, and where its blank cells go when the text does not show them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from itertools import combinations

from parsers.tables.align import Fit, Value, fit, positional, warn_merged
from parsers.tables.blank_rows import (
    N_COLS,
    blank_row_by_bars,
    blank_row_by_empty_fields,
    blank_row_by_gaps,
    blank_row_by_marks,
    blank_row_by_right_edge,
    blank_row_by_spaces,
    columns_by_pipes,
    columns_by_ruler,
    place_rows,
    ruled_above,
    two_whole_rows,
    whole_rows_blank,
)
from parsers.tables.checks import review_scorer
from parsers.tables.continued import continued_row
from parsers.tables.digit_runs import is_run, run_pieces
from parsers.tables.group_order import review_after_results
from parsers.tables.head_blocks import head_block_order, totals_hold
from parsers.tables.nbsp_runs import blank_rows_by_nbsp
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading, original_spans
from parsers.tables.review_displaced import review_displaced
from parsers.tables.review_wrong_total import one_total_failing
from parsers.tables.rules import rule_readings
from parsers.tables.solve import row_total_holds, split_rows
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS, SECTION_FIVE
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    normalise,
    number_value,
    token,
)

R = "review_litigation"
N_REVIEW = len(REVIEW_ROWS) * len(REVIEW_COLUMNS)
_REVIEW_KEYS = tuple(f"{R}/{row}/{col}" for row in REVIEW_ROWS for col in REVIEW_COLUMNS)


def by_head_blocks(r: Reading, anchor: int, vals: list[Token]) -> Fit | None:
    """Table 四's 15 ``vals`` read in the order poppler prints them after all its head blocks
    (:func:`parsers.tables.head_blocks.head_block_order`), where that order is not the template's and its three row
    totals hold so (warned on ``r``); None otherwise."""
    at = head_block_order(r, anchor, vals)
    if at is None or at == list(range(N_REVIEW)):
        return None
    toks = [vals[k] for k in at]
    if not totals_hold(toks):
        return None
    moved = [
        f"{_REVIEW_KEYS[c][len(R) + 1 :]} = {toks[c][TEXT]} (value {at[c] + 1})"
        for c in range(N_REVIEW)
        if number_value(toks[c][TEXT]) != number_value(vals[c][TEXT])
    ]
    r.warn(
        "head_blocks_order",
        f"table 四: its {N_REVIEW} values print after all its heads, which print as blocks of one column or of several "
        "(pdftotext's block order); read in the order poppler gives such blocks (the value under each block's first "
        "column, block after block, then those under the blocks' other columns), its three row totals holding: "
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
    for i in range(anchor + 1, min(stop, len(r.tokens))):
        t = r.tokens[i]
        if t[IS_VALUE] and not (t[IS_BLANK_MARKER] and r.placeholder(t)):
            vals.append(t)
            printed.append(t)
            last = i
        elif not t[TEXT] and vals and _nbsp_cell(r.text, t):
            printed.append(None)
        elif len(t[COMPACT]) > 40 and (vals or _PROSE.search(t[TEXT])):
            break  # body text: the table is over (before any value: its numbers were lost, a paragraph's are not)
        elif t[IS_LABELISH] and len(vals) >= N_REVIEW:
            break
    if (
        stop < len(r.tokens)
        and 0 < len(vals) < N_REVIEW
        and is_paragraph_cells(r.extracted.text)
        and (past := _values_past_five(r, stop, N_REVIEW - len(vals))) is not None
    ):
        vals += past[0]
        printed += past[0]
        last = past[1]
        r.warn(
            "values_past_heading",
            f"table 四: {len(vals) - len(past[0])} values before section 五's heading, and its last "
            f"{len(past[0])} ({' '.join(t[TEXT] for t in past[0])}) after it, among its heads and before any "
            "prose (pdftotext's block order put the heading before the table's last blocks): read as table 四's",
            R,
            past[0][0],
        )
    if across and (len(vals) != N_REVIEW or not _review_totals_hold([number_value(t[TEXT]) for t in vals])):
        return None  # a head found only across cells: read only as exactly its 15 values, every row total holding
    keys = _REVIEW_KEYS
    label = r.tokens[anchor]
    marks = None if vals else _zero_marks(r, label, stop)
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
    result = (
        _review_unreadable(r, vals)
        or _review_in_place(r, vals, printed, label)
        or _review_nbsp_run(r, vals)
        or _review_run(r, vals)
        or _review_shown(r, vals, label[LINE], marks_only=True)
        or _review_blank_row(r, vals, label)
        or _review_shown(r, vals, label[LINE])
        or _review_fit(r, vals, keys, label[LINE])
    )
    if not _review_totals_hold(result.values()) and (moved := continued_row(vals, N_REVIEW, _review_totals_hold)):
        result = Fit(moved[0], "continued", [])
        r.warn("row_continued", f"table 四: {moved[1]} (a guess)", R, vals[-1])
    if not _review_totals_hold(result.values()) and (ruled := _review_rules(r, vals)) is not None:
        result = ruled
        r.warn("rule_glued", f"table 四: {result.guess} (a guess)", R, vals[0])
    failing = sum(not row_total_holds(v) for v in _review_rows(result.values())) if len(vals) == N_REVIEW else 0
    if len(vals) == N_REVIEW and is_paragraph_cells(r.extracted.text) and (blocks := by_head_blocks(r, anchor, vals)):
        result = blocks  # every head printed before the values, as blocks (tables/head_blocks.py)
    elif failing >= MIN_ROWS_OUT_OF_ORDER and is_paragraph_cells(r.extracted.text):
        if (displaced := review_displaced(r, anchor, vals)) is not None:
            result = displaced  # values displaced in poppler's block order, put back (tables/review_displaced.py)
        else:
            result = _rows_out_of_order(r, result, vals, failing)
    elif result.how in ("padded", "short") and is_paragraph_cells(r.extracted.text):
        result = _short_rows_open(r, result, vals)
    elif not failing and len(vals) == N_REVIEW and is_paragraph_cells(r.extracted.text):
        # a 总计 printed among the next row's values (poppler's groups of heads: tables/group_order.py)
        result = review_after_results(r, anchor, vals, result.tokens) or result
    r.put_cells(keys, result.tokens, label)
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


_PROSE = re.compile(r"[。；，]")


_MARKS_LINE = re.compile(r"^[ \t]*。[。 \t]*$", re.M)


_ANY_DIGIT = re.compile(r"[0-9０-９]")


_CELLED = ("tab", "markdown", "markdown_html")  # conventions that print every cell as a cell


def _zero_marks(r: Reading, label: Token, stop: int) -> tuple[list[Token | None], int] | None:
    """Table 四 printed by OCR as zero marks only (RapidOCR reads a table cell's 0 as ``。`` and returns the
    marks of neighbouring cells as one box, some lost: ``。。。。。。`` / ``。。`` for 15 zeros): lines made of
    ``。`` alone between its heads and section 五, at least :data:`MIN_ZERO_MARKS` of them, and no digit anywhere
    there (a lost cell that is not 0 would leave one). Its cells as 0 (tokens on the marks), and the count of
    marks; None when the text is not so (and in text that prints every cell as a cell)."""
    assert r.canonical is not None
    if r.canonical.convention in _CELLED:
        return None
    end = r.tokens[stop][START] if stop < len(r.tokens) else len(r.text)
    region = r.text[label[END] : end]
    if _ANY_DIGIT.search(region):
        return None
    lines = list(_MARKS_LINE.finditer(region))
    n = sum(m.group().count("。") for m in lines)
    if not lines or not MIN_ZERO_MARKS <= n <= N_REVIEW:
        return None
    at = label[END] + lines[0].start()
    line = r.text.count("\n", 0, at)
    zero = token("0", at, label[END] + lines[-1].end(), line, 0, False)
    return [zero] * N_REVIEW, n


MIN_ZERO_MARKS = 3  # as zeros.MIN_ZEROS: marks printed, at least, to read a row of zeros


MIN_ROWS_OUT_OF_ORDER = 2  # table 四's rows whose totals fail, read in pdftotext's block order: not the table's


def _review_rows(values: list[Value]) -> list[list[Value]]:
    n = len(REVIEW_COLUMNS)
    return [values[k : k + n] for k in range(0, N_REVIEW, n)]


def _row_values(row: list[Token | None]) -> list[Value]:
    return [None if t is None else number_value(t[TEXT]) for t in row]


def _laid_out(gap: str) -> bool:
    """The text between two values keeps room for a cell: a run of spaces or a TAB (layout text), not a single
    space or line breaks (a PDF extractor's boxes, one a line or a blank line apart)."""
    return "\t" in gap or any(len(run) > 1 for run in re.findall(r" +", gap))


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


def _nbsp_cell(text: str, t: Token) -> bool:
    """The blank token stands for a line that prints no-break spaces alone (``tokens._nbsp_lines``)."""
    line = text[text.rfind("\n", 0, t[START]) + 1 : t[START]]
    return "\xa0" in line and not line.strip()


# a cell of table 四's TAB row read as no number: a mark of one or two characters that is no word (OCR's 和，, 卫 or
# 0. for a digit under noise; never 合计), and this many of the row's cells read as numbers at least
_UNREAD_MARK = re.compile(r"^(?![\u3400-\u9fff]{2}$).{1,2}$")
MIN_READ = 10


def _review_unreadable(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四's row as one TAB line of exactly its 15 cells, some of them read as a mark or two that is no number
    (a digit the engine lost under noise): read in place, each such cell blank and said (``unreadable_cell``),
    rather than its values shifted into the cells of the marks."""
    if not vals or len(vals) < MIN_READ or len(vals) >= N_REVIEW or not vals[0][TABBED]:
        return None
    if len({t[LINE] for t in vals}) != 1:
        return None
    cells = r.line_tokens(vals[0][LINE])
    if len(cells) != N_REVIEW:
        return None
    junk = [t for t in cells if t[TEXT] and not t[IS_VALUE]]
    if not junk or not all(_UNREAD_MARK.match(t[COMPACT]) for t in junk):
        return None
    for t in junk:
        r.warn("unreadable_cell", f"table 四: cell {t[TEXT]!r} is not a number; read as blank", R, t)
    return Fit([None if t in junk else t for t in cells], "positional", [])


def _review_in_place(r: Reading, vals: list[Token], printed: list[Token | None], label: Token) -> Fit | None:
    """Table 四 printed a cell a line, its blank cells as lines of no-break spaces (Word's empty cell,
    ``<p>&nbsp;</p>``, as docx2txt, BeautifulSoup or PyMuPDF print it): fewer values than cells, but the values
    and the blank lines make its 15 cells exactly, in order; read in place when the row totals then hold."""
    if not vals or len(vals) >= N_REVIEW or len(printed) != N_REVIEW:
        return None
    if not _review_totals_hold([None if t is None else number_value(t[TEXT]) for t in printed]) and not (
        whole_rows_blank(printed)
    ):
        return None  # blanks that make whole rows are read in place even where a total fails (its check says so)
    r.warn(
        "blank_cells_in_place",
        f"table 四: {len(vals)} values and {N_REVIEW - len(vals)} blank cells printed as no-break spaces, one a "
        "line: the blanks read where they are printed",
        R,
        label,
    )
    return Fit(printed, "positional", [])


def _laid_in_columns(r: Reading, vals: list[Token], anchor_line: int) -> list[Token | None] | None:
    """Table 四's row laid out in columns: its cells by the header's columns, or by its indent (the header's lines'
    first tokens telling whether no indent is evidence)."""
    firsts: dict[int, Token] = {}
    for t in r.tokens:
        if anchor_line < t[LINE] < vals[0][LINE] and t[IS_LABELISH]:
            firsts.setdefault(t[LINE], t)
    return _by_header(r, anchor_line, vals, N_REVIEW) or _by_indent(r.text, vals, N_REVIEW, list(firsts.values()))


def _review_shown(r: Reading, vals: list[Token], anchor_line: int, *, marks_only: bool = False) -> Fit | None:
    """Table 四 short of cells on one line that shows where they are (:func:`_by_gap`), or in TAB cells that each
    hold some of its columns (:func:`_by_cell_heads`): read so, before any placement by the identities
    (``marks_only``: not by a wide gap alone, which :func:`_review_blank_row` weighs first)."""
    lines = {t[LINE] for t in vals}
    if not vals or len(vals) >= N_REVIEW or len(lines) != 1:
        return None
    if vals[0][TABBED] and positional(r.line_tokens(vals[0][LINE]), N_REVIEW) is not None:
        return None  # a TAB row that carries its blank cells: read in place (_review_fit)
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


def _review_blank_row(r: Reading, vals: list[Token], label: Token) -> Fit | None:
    """Table 四 with one of its rows printed blank as nothing: ten values for its 15 cells
    (:mod:`parsers.tables.blank_rows`). The blank row is put where the text as printed shows the blank cells: the
    empty lines a tool prints for them (a value a line), a pandoc table's ruler or ``|`` rules (a row on one
    line); a guess said as such, taken when the identities like it as well as any other placement. Where the
    text shows nothing and the values make two whole rows (each total holds), the identities cannot tell either:
    the template's first row is left blank and the reading is said to be open (review required)."""
    n_rows = len(REVIEW_ROWS)
    if len(vals) != N_REVIEW - N_REVIEW // n_rows:
        return None
    one_line = len({t[LINE] for t in vals}) == 1
    if one_line and vals[0][TABBED] and positional(r.line_tokens(vals[0][LINE]), N_REVIEW) is not None:
        return None  # a TAB row that carries its blank cells: read in place (_review_fit)
    if (spans := original_spans(r, vals)) is None:
        return None  # the printed values are not where the offsets say (a value rewritten): no evidence here
    assert r.canonical is not None
    canon = r.canonical
    text = r.extracted.text
    score = review_scorer(_REVIEW_KEYS)
    best = score(fit(vals, N_REVIEW, score).values())
    rows = ("行政复议", "未经复议直接起诉", "复议后起诉")
    laid: list[Token | None] | None = None
    found = blank_row_by_gaps(text, spans)
    if found is not None:
        laid, how = (
            place_rows(vals, found[0]),
            (
                f"the text prints empty lines for blank cells ({found[1][0]}, {found[1][1]}, {found[1][2]} more line "
                "breaks than between values before the first row, between rows and after the last)"
            ),
        )
    elif (barred := blank_row_by_bars(text, spans)) is not None:
        laid = place_rows(vals, barred[0])
        how = (
            f"the row prints a bar for each cell, blank ones too ({barred[1][0]}, {barred[1][1]}, {barred[1][2]} "
            "more bars than between values before the first row, between rows and after the last)"
        )
    elif (cols := columns_by_ruler(text, spans, N_REVIEW, canon.to_original(label[START]))) is not None or (
        cols := columns_by_pipes(text, spans, N_REVIEW)
    ) is not None:
        laid = [None] * N_REVIEW
        for t, k in zip(vals, cols, strict=True):
            laid[k] = t
        how = "the row's values stand under the table's columns (its ruler or its rules)"
    elif (fields := blank_row_by_empty_fields(text, spans)) is not None:
        laid = place_rows(vals, fields[0])
        where = ("before the first value", "between the fifth value and the sixth", "after the last value")[fields[0]]
        how = f"the row's pipe fields are empty only {where} ({fields[1]} empty, none among the printed rows' values)"
    elif (marked := blank_row_by_marks(text, spans)) is not None:
        laid = place_rows(vals, marked)
        how = f"the {rows[marked]} row's five cells print a dash each (a blank cell's mark)"
    elif (
        spaced := blank_row_by_spaces(text, spans, _table_left(text, canon.to_original(label[START]), spans[0][0]))
    ) is not None:
        laid = place_rows(vals, spaced[0])
        where = "before the first value" if spaced[0] == 0 else "between the fifth value and the sixth"
        how = (
            f"the row is laid out in columns by spaces and keeps the blank row's room {where} ({spaced[1][spaced[0]]} "
            f"spaces; at most {spaced[1][2]} between other values)"
        )
    elif (
        r.extracted.kind == "text"  # a tool's layout; the parser's own page writers (PDF, OFD) space cells by order
        and (edged := blank_row_by_right_edge(text, spans, canon.to_original(label[START]))) is not None
    ):
        laid = place_rows(vals, edged[0])
        how = (
            f"the row is laid out in columns by spaces, starts at the table's left edge ({edged[1]} spaces beyond it) "
            f"and ends {edged[2]} characters short of its right edge, the last row's room"
        )
    if laid is not None and score(Fit(laid, "padded", []).values()) >= best:
        blank = [k for k in range(N_REVIEW) if laid[k] is None]
        r.warn(
            "blank_cells_placed",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells; {how}: cells "
            f"{', '.join(str(k + 1) for k in blank)} read as blank"
            + (f" (the {rows[blank[0] // 5]} row)" if whole_rows_blank(laid) and len(blank) == 5 else "")
            + " (a guess)",
            R,
            label,
        )
        return Fit(laid, "positional", [])
    if not two_whole_rows(vals):
        return None  # the identities choose
    if one_line and (cols_laid := _laid_in_columns(r, vals, label[LINE])) is not None and whole_rows_blank(cols_laid):
        return None  # a row laid in columns: its header's columns or its indent tell (_review_fit)
    if one_line and cols_laid is not None:
        # laid in columns, but the blanks not a whole row: the columns are misread somewhere; the identities' reading
        # (which weighs the columns' one too) is kept, and said open
        r.warn(
            "placement_open",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells, each row's total holding wherever the blank row "
            "goes; the header's columns put blank cells in no whole row (the columns misread somewhere): which row "
            f"each value is in is not in the text ({' '.join(t[TEXT] for t in vals)}); every cell left blank",
            R,
            label,
        )
        return Fit([None] * N_REVIEW, "positional", [])
    at = r.tokens.index(label)
    five = r.first_index(SECTION_FIVE, at + 1)
    # the table's text, from its first head to section 五's heading (a head printed after the values counts)
    head = "".join(t[COMPACT] for t in r.tokens[at : len(r.tokens) if five is None else five] if not t[IS_VALUE])
    unprinted = [k for k, mark in ((1, "直"), (2, "后")) if mark not in head]
    if len(unprinted) == 1 and "行政复议" in head:
        # the header prints no head of that row (nothing of 未经复议直接起诉's 直, of 复议后起诉's 后): its cells are
        # not printed either (a table cut at the page's edge), and the ten values are the other two rows'
        k = unprinted[0]
        r.warn(
            "row_not_printed",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells, and its header prints no head of the {rows[k]} "
            f"row (the table cut at the page's edge): the values read as the other rows', the {rows[k]} row's cells "
            "blank",
            R,
            label,
        )
        return Fit(place_rows(vals, k), "positional", [])
    if (marked := _marked_blank_row(r, vals)) is not None:
        # the text prints marks (dashes) for the blank cells in one place only: that row is the blank one
        r.warn(
            "blank_cells_placed",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells; the text prints blank marks only "
            f"{('before the first value', 'between the fifth value and the sixth', 'after the last value')[marked]}: "
            f"the {rows[marked]} row read as blank (a guess)",
            R,
            label,
        )
        return Fit(place_rows(vals, marked), "positional", [])
    if ruled_above(text, canon.to_original(label[START]), spans[0][0]):
        # pandoc's table laid out under a ruler, its row wrapped into pieces no ruler above it lays out whole (a
        # portal's layout frame narrower than the table): the blank cells print as spaces in their place, which is
        # not read here; no row is guessed (the first row's guess put numbers in the wrong rows: 2046, 2048)
        r.warn(
            "placement_open",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells, laid out under a ruler the row's line does not "
            f"follow (the table wrapped into pieces): which row each value is in is not read "
            f"({' '.join(t[TEXT] for t in vals)}); every cell left blank",
            R,
            label,
        )
        return Fit([None] * N_REVIEW, "positional", [])
    if (before := _values_before_row_heads(r, vals, at, len(r.tokens) if five is None else five)) is not None:
        n_direct, n_after = before
        if n_direct <= N_COLS < n_after:
            # more than five values printed before the 复议后起诉 head, which stands above its own five columns: the
            # rows left of it (行政复议, 未经复议直接起诉) are both printed, and the blank row is the last
            r.warn(
                "blank_cells_placed",
                f"table 四: {len(vals)} values for its {N_REVIEW} cells; {n_after} of them print before the head of "
                f"the {rows[2]} row (above its own columns): the rows left of it are printed, the {rows[2]} row read "
                "as blank (a guess)",
                R,
                label,
            )
            return Fit(place_rows(vals, 2), "positional", [])
        if 1 <= n_direct <= N_COLS:
            # values printed before the 未经复议直接起诉 head, which stands above the columns right of 行政复议's: the
            # 行政复议 row is printed (the first five values); which of the two others is blank is not in the text
            r.warn(
                "placement_open",
                f"table 四: {len(vals)} values for its {N_REVIEW} cells; {n_direct} of them print before the head of "
                f"the {rows[1]} row, so the {rows[0]} row is printed ({' '.join(t[TEXT] for t in vals[:N_COLS])}); "
                f"which of the {rows[1]} and {rows[2]} rows the other five values are in is not in the text "
                f"({' '.join(t[TEXT] for t in vals[N_COLS:])}); their cells left blank",
                R,
                label,
            )
            return Fit([*vals[:N_COLS], *([None] * (N_REVIEW - N_COLS))], "positional", [])
    # nothing printed where the blank cells are and every row's total holding wherever the blank row goes: the
    # template's first row left blank, as the corpus's real seed 003 prints it (a guess: on the synthetic batteries
    # it puts five numbers a row off as often as not, but leaving the table blank loses seed 003's ten cells in every
    # convention that prints an empty cell as nothing; version 108 measured both and kept this)
    r.warn(
        "placement_open",
        f"table 四: {len(vals)} values for its {N_REVIEW} cells, each row's total holding wherever the blank row "
        f"goes, and nothing printed where the blank cells are: read with the {rows[0]} row blank, a guess the "
        "text cannot confirm",
        R,
        label,
    )
    return Fit(place_rows(vals, 0), "positional", [])


def _values_before_row_heads(r: Reading, vals: list[Token], at: int, end: int) -> tuple[int, int] | None:
    """How many of table 四's ``vals`` print before the head of its 未经复议直接起诉 row (its ``直``) and before the
    head of its 复议后起诉 row (its ``后``), among the table's tokens ``at`` (its first head) to ``end``. A tool
    that prints a table's heads and values in reading order (poppler's blocks) prints a row head before the
    values of the columns under it, so a value before it stands in a column left of it. None where either head
    is not printed, or no value follows the first head (values printed before the heads tell nothing)."""
    starts = {t[START] for t in vals}
    seen = ""
    counts: list[int | None] = [None, None]
    n = 0
    for t in r.tokens[at:end]:
        if t[IS_VALUE]:
            n += t[START] in starts
            continue
        seen += t[COMPACT]
        for k, mark in enumerate(("直", "后")):
            if counts[k] is None and mark in seen:
                counts[k] = n
    if counts[0] is None or counts[1] is None or n != len(vals):
        return None
    return counts[0], counts[1]


def _marked_blank_row(r: Reading, vals: list[Token]) -> int | None:
    """Table 四's ten values: where the text prints blank marks (``—``, ``-``, OCR's ``一``) among its table tokens
    in one gap only of the three a blank row can take (before the first value, between the fifth and the sixth,
    after the last, up to the next other token), that row's index; None where it prints none, or in several."""
    at = [r.tokens.index(t) for t in vals]
    gaps = [0, 0, 0]
    # before the first value: the marks right before it (back to the first token that is none)
    i = at[0] - 1
    while i >= 0 and (n := _marks(r.tokens[i])):
        gaps[0] += n
        i -= 1
    gaps[1] = sum(_marks(r.tokens[i]) for i in range(at[4] + 1, at[5]))
    i = at[-1] + 1
    while i < len(r.tokens) and (n := _marks(r.tokens[i])):
        gaps[2] += n
        i += 1
    # marks elsewhere among the values: not a whole row's place
    inside = sum(_marks(r.tokens[i]) for a, b in itertools.pairwise(at) for i in range(a + 1, b))
    if inside != gaps[1] or sum(1 for g in gaps if g) != 1:
        return None
    return next(k for k, g in enumerate(gaps) if g)


_MARKS = frozenset({"—", "——", "-", "--", "－", "―", "─", "–", "一", "一一", "/"})  # a blank cell's marks


def _marks(tok: Token) -> int:
    """How many blank marks token ``tok`` prints (``一 — 一 - 一``: five; an empty cell of a TAB row, html2text's
    ``| | | | | 0| 0|…``: one), 0 where it prints anything else."""
    if not tok[TEXT]:
        return 1 if tok[TABBED] else 0
    words = tok[TEXT].split()
    return len(words) if words and all(w in _MARKS for w in words) else 0


def _table_left(text: str, begin: int, row: int) -> int:
    """The least indent (spaces) of the non-empty lines from offset ``begin`` (the table's first head) up to the line
    of offset ``row`` (its data row): where the table's columns start in text laid out by spaces."""
    first = text.rfind("\n", 0, begin) + 1
    last = text.rfind("\n", 0, row)
    lines = [line for line in text[first : max(last, first)].split("\n") if line.strip()]
    return min((len(line) - len(line.lstrip(" \xa0")) for line in lines), default=0)


def _review_totals_hold(values: list[Value]) -> bool:
    n = len(REVIEW_COLUMNS)
    return all(row_total_holds(values[k : k + n]) for k in range(0, N_REVIEW, n))


def _review_rules(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四's row printed on one line with the table's rules glued to the digits (``12/138) 13 … |132|``):
    its only reading by :mod:`parsers.tables.rules` whose three row totals hold, if there is one (only on a row
    that prints rule marks, in no markup convention)."""
    if not vals or len({t[LINE] for t in vals}) != 1:
        return None
    begin = vals[0][START]
    stop = r.text.find("\n", begin)
    stop = len(r.text) if stop < 0 else stop
    assert r.canonical is not None
    if r.canonical.convention in ("tab", "markdown", "markdown_html") or not any(
        c in r.text[begin:stop] for c in "|[]{}"
    ):
        return None
    readings = rule_readings(normalise(r.text[begin:stop]), N_REVIEW, lambda values: _review_totals_hold(list(values)))
    if not readings or len(readings) != 1:
        return None
    t = vals[0]
    cells: list[Token | None] = [
        token(str(p.value), begin + p.start, begin + p.end, t[LINE], t[COL], t[TABBED], split=True) for p in readings[0]
    ]
    printed = " ".join(r.text[begin:stop].split())
    read = " ".join(c[TEXT] for c in cells if c)
    guess = (
        f"{printed!r} read as {read} (the table's rules printed as 1 or glued to the digits; the only reading "
        "whose row totals hold)"
    )
    return Fit(cells, "rules", [], guess=guess)


def _review_nbsp_run(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四 printed on one line as runs of digits with its blank cells as no-break spaces among them
    (BeautifulSoup's glued text: ``0103400000\xa0\xa0\xa0\xa0\xa0``): the blank rows where the no-break spaces
    stand, the digits split into the other rows, where exactly one split holds every row's total
    (:mod:`parsers.tables.nbsp_runs`); reported as ``split_number`` naming the split and the blank rows."""
    if not vals or len({t[LINE] for t in vals}) != 1 or not all(t[TEXT].isdigit() for t in vals):
        return None
    text = r.text
    begin = text.rfind("\n", 0, vals[0][START]) + 1
    stop = text.find("\n", vals[-1][END])
    line = text[begin : len(text) if stop < 0 else stop]
    rows = blank_rows_by_nbsp(line, len(REVIEW_ROWS), len(REVIEW_COLUMNS))
    if rows is None:
        return None
    pieces = run_pieces(vals, tuple(v for row in rows if row is not None for v in row))
    if pieces is None:
        return None
    cells: list[Token | None] = []
    for row in rows:
        cells += [None] * len(REVIEW_COLUMNS) if row is None else pieces[: len(row)]
        pieces = pieces if row is None else pieces[len(row) :]
    names = ("行政复议", "未经复议直接起诉", "复议后起诉")
    blank = ", ".join(name for name, row in zip(names, rows, strict=True) if row is None)
    read = "; ".join(" ".join(str(v) for v in row) for row in rows if row is not None)
    guess = (
        f"{' '.join(t[TEXT] for t in vals)!r} printed with no-break spaces for the blank cells of the {blank} row(s), "
        f"where they stand; the digits split as {read}, the only split whose row totals hold"
    )
    return Fit(cells, "split", [], guess=guess)


def _review_run(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四 printed as one run of digits: split into its three rows so that each row's total holds, when
    exactly one split does (else its cells are blank and the splits reported as ``ambiguous_split``)."""
    if len(vals) == 1:
        if _short_glued_run(vals[0]):
            r.warn(
                "ambiguous_split",
                f"table 四: digits printed without separators, {vals[0][TEXT]!r}: a run of digits that starts with "
                f"0 or holds a row's worth of digits (no one count is printed so) is glued cells, but "
                f"{len(vals[0][TEXT])} digits cannot fill its {N_REVIEW} cells; cells left blank",
                R,
                vals[0],
            )
            return Fit([None] * N_REVIEW, "positional", [])
        if not is_run(vals[0], N_REVIEW):
            return None
    elif not _glued_runs(vals):
        return None
    n_cols = len(REVIEW_COLUMNS)
    text = "".join(t[TEXT] for t in vals)
    cuts = set(itertools.accumulate(len(t[TEXT]) for t in vals))  # a space between two runs is a cell boundary
    found = split_rows(text, len(REVIEW_ROWS), n_cols, limit=MAX_RUN_SPLITS)
    splits = None if found is None or len(found) >= MAX_RUN_SPLITS else [s for s in found if cuts <= _ends(s)]
    printed = " ".join(t[TEXT] for t in vals)
    if splits is not None and len(splits) == 1:
        cells = run_pieces(vals, tuple(v for row in splits[0] for v in row))
        if cells is not None:
            read = "; ".join(" ".join(str(v) for v in row) for row in splits[0])
            guess = f"{printed!r} split as {read}, the only split whose row totals hold"
            return Fit(list(cells), "split", [], guess=guess)
    if splits == [] and (failing := _one_total_failing(r, vals, text, cuts)) is not None:
        return failing
    r.warn(
        "ambiguous_split",
        f"table 四: digits printed without separators, {printed!r}: "
        + ("too many splits to tell" if splits is None else f"{len(splits)} splits" if splits else "no split")
        + " satisfy the row totals; cells left blank",
        R,
        vals[0],
    )
    return Fit([None] * N_REVIEW, "positional", [])


def _one_total_failing(r: Reading, vals: list[Token], text: str, cuts: set[int]) -> Fit | None:
    """Table 四's run where no split holds all three row totals (a published 总计 wrong): the splits whose other two
    rows' totals hold, one row's total failing (tables/review_wrong_total.py). Where every such split fails the same
    row's total, the cells every split reads alike (the same digits of the run, the same number) are read, the others
    blank; None where there is no such split, or the splits fail different rows."""
    found = one_total_failing(text, len(REVIEW_ROWS), len(REVIEW_COLUMNS), limit=MAX_RUN_SPLITS)
    found = [(rows, free) for rows, free in found or [] if cuts <= _ends(rows)]
    if not found or len({free for _, free in found}) != 1:
        return None
    pieces = [run_pieces(vals, tuple(v for row in rows for v in row)) for rows, _ in found]
    if any(p is None for p in pieces):
        return None
    reads = [p for p in pieces if p is not None]
    cells: list[Token | None] = [
        reads[0][k]
        if all(p[k][TEXT] == reads[0][k][TEXT] and p[k][START] == reads[0][k][START] for p in reads)
        else None
        for k in range(N_REVIEW)
    ]
    if all(c is None for c in cells):
        return None
    printed = " ".join(t[TEXT] for t in vals)
    row = ("行政复议", "未经复议直接起诉", "复议后起诉")[found[0][1]]
    if len(found) == 1:
        read = "; ".join(" ".join(str(v) for v in row_) for row_ in found[0][0])
        r.warn(
            "split_number",
            f"table 四: digits printed without separators, {printed!r}: no split holds every row's total; split as "
            f"{read}, the only split whose other rows' totals hold, the {row} row's total failing as printed (a guess)",
            R,
            vals[0],
        )
    else:
        blank = [k + 1 for k in range(N_REVIEW) if cells[k] is None]
        r.warn(
            "ambiguous_split",
            f"table 四: digits printed without separators, {printed!r}: no split holds every row's total; "
            f"{len(found)} splits hold the other rows' totals, the {row} row's failing in each: the cells they read "
            f"alike are read, cells {', '.join(map(str, blank))} left blank",
            R,
            vals[0],
        )
    return Fit(cells, "positional", [])


def _short_glued_run(tok: Token) -> bool:
    """A lone run of digits too short to be table 四's cells that is no one cell's value either: glued cells with
    some lost or printed empty. A run that starts with 0 (``0100100000``: no count is printed ``01``), or one with a
    row's worth of digits or more (``1000110102``, lxml's ``text_content`` of a table whose last row is empty): a
    count of cases with five digits or more, alone in the table, is not what the table holds, and its row's total
    fails under it."""
    text = tok[TEXT]
    if not (text.isdigit() and 1 < len(text) < N_REVIEW):
        return False
    return text[0] == "0" or len(text) >= len(REVIEW_COLUMNS)


MAX_RUN_SPLITS = 24  # splits of table 四's runs searched at most; as many or more: too many to tell


def _glued_runs(vals: list[Token]) -> bool:
    """Table 四 printed as runs of digits, some of them glued cells (a space or a line break here and there:
    ``00000 0100100000``): fewer runs than cells, every one bare digits, enough digits for every cell, and
    either at most half as many runs as cells with one as long as a row, or a run that starts with 0 (no count
    is printed ``01``). Such a run is no one cell's value."""
    if not (1 < len(vals) < N_REVIEW and all(t[TEXT].isdigit() for t in vals)):
        return False
    if sum(len(t[TEXT]) for t in vals) < N_REVIEW:
        return False
    few_long = len(vals) <= N_REVIEW // 2 and any(len(t[TEXT]) >= len(REVIEW_COLUMNS) for t in vals)
    return few_long or any(len(t[TEXT]) > 1 and t[TEXT][0] == "0" for t in vals)


def _ends(rows: list[tuple[int, ...]]) -> set[int]:
    """The offsets, in the digits, where a split's numbers end."""
    return set(itertools.accumulate(len(str(v)) for row in rows for v in row))


def _review_fit(r: Reading, vals: list[Token], keys: Sequence[str], anchor_line: int = -1) -> Fit:
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
        laid = _laid_in_columns(r, vals, anchor_line)
        if laid is not None and score(Fit(laid, "padded", []).values()) == score(best.values()):
            return Fit(laid, "padded", [])
    if best.how == "padded" and best.ambiguous and not _review_totals_hold(best.values()):
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
        + ("" if _review_totals_hold(_row_values(best[0])) else "no placement holds every row total and ")
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
        if _review_totals_hold(_row_values(row))
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
    return row if counts is marks or _review_totals_hold(_row_values(row)) else None


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


def _short_rows_open(r: Reading, result: Fit, vals: list[Token]) -> Fit:
    """Table 四 short of values, printed a cell a paragraph (pdftotext's default mode): its values come in poppler's
    block order, not the table's, and a blank cell prints nothing, so neither the order of the values nor where the
    blank cells are is in the text; a row whose total fails in the placement the identities' tie-break chose is
    left blank (``placement_open``) rather than read with values in cells they may not belong to."""
    rows = _review_rows(result.values())
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


def _rows_out_of_order(r: Reading, result: Fit, vals: list[Token], failing: int) -> Fit:
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
