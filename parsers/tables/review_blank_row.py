"""Table 四 with one of its rows printed blank as nothing or as marks: ten values for its 15 cells, placed by
the rows' heads, the marks and the totals."""

from __future__ import annotations

import itertools

from parsers.tables.align import Fit, fit, positional
from parsers.tables.blank_row_room import blank_row_by_room
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
from parsers.tables.reading import Reading, original_spans
from parsers.tables.review_blank_cells import laid_in_columns
from parsers.tables.review_cells import N_REVIEW, REVIEW_KEYS, R
from parsers.tables.review_head_counts import SIDE_BY_SIDE, blank_row_by_head_counts, head_count_placements
from parsers.tables.review_late_values import late_cells
from parsers.tables.review_marks import page_end_empties
from parsers.tables.templates import REVIEW_ROWS, SECTION_FIVE
from parsers.tables.tokens import (
    COMPACT,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
)


def review_blank_row(r: Reading, vals: list[Token], label: Token) -> Fit | None:
    """Table 四 with one of its rows printed blank as nothing: ten values for its 15 cells
    (:mod:`parsers.tables.blank_rows`). The blank row is put where the text as printed shows the blank cells: the
    empty lines a tool prints for them (a value a line), a pandoc table's ruler or ``|`` rules (a row on one
    line); a guess said as such, taken when the identities like it as well as any other placement. Where the
    text shows nothing and the values make two whole rows (each total holds), the identities cannot tell either:
    the template's first row is left blank and the reading is said to be open (review required), but only where
    that reading is one the template allows without a contradiction in kind: its 复议后起诉 row counts suits brought
    after a 行政复议 review, so the guess that leaves the 行政复议 row blank (no review) is taken only where the
    复议后起诉 row then reads zero; where it would read a suit after a review the text never printed, no row is
    guessed and every cell is left blank (placement_open)."""
    n_rows = len(REVIEW_ROWS)
    if len(vals) != N_REVIEW - N_REVIEW // n_rows:
        return None
    one_line = len({t[LINE] for t in vals}) == 1
    if one_line and vals[0][TABBED] and positional(r.line_tokens(vals[0][LINE]), N_REVIEW) is not None:
        return None  # a TAB row that carries its blank cells: read in place (review_fit)
    if (spans := original_spans(r, vals) or _squeezed_spans(r, vals)) is None:
        return None  # the printed values are not where the offsets say (a value rewritten): no evidence here
    assert r.canonical is not None
    canon = r.canonical
    text = r.extracted.text
    score = review_scorer(REVIEW_KEYS)
    best = score(fit(vals, N_REVIEW, score).values())
    rows = ("行政复议", "未经复议直接起诉", "复议后起诉")
    laid: list[Token | None] | None = None
    roomed: tuple[list[int], list[int]] | None = None
    # pdfminer's empty lines at the page's end are no room of the last row's
    found = None if page_end_empties(r, vals) else blank_row_by_gaps(text, spans)
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
    elif (
        r.extracted.kind == "text"  # a tool's layout, as above
        and (roomed := blank_row_by_room(text, spans, canon.to_original(label[START]))) is not None
        and len(roomed[0]) == 1
    ):
        laid = place_rows(vals, roomed[0][0])
        indent, middle, widest, deepest = roomed[1]
        how = (
            f"the row and its header are laid out by position (a head line {deepest} characters beyond the table's "
            f"left edge), the row {indent} beyond it, its gap between the fifth value and the sixth {middle} "
            f"characters, its widest other {widest}: "
            + (
                "five cells' room before the first value, none between the fifth and the sixth"
                if roomed[0][0] == 0
                else "five cells' room between the fifth value and the sixth"
                if roomed[0][0] == 1
                else "no room for a blank first or middle row, the last row's room the line's end"
            )
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
    if roomed is not None and len(roomed[0]) > 1 and (kept := _agreed(vals, roomed[0])) is not None:
        indent, middle, widest, _ = roomed[1]
        r.warn(
            "placement_open",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells on a line laid out by position: it starts at the "
            f"table's left edge ({indent} beyond it), so its first row is printed, and its gap between the fifth "
            f"value and the sixth ({middle} characters) is wider than any other ({widest}) but not five cells' "
            f"room: the {' or '.join(f'{rows[k]} row' for k in roomed[0])} blank; the cells both readings read alike "
            f"kept, the others left blank ({' '.join(t[TEXT] for t in vals)})",
            R,
            label,
        )
        return Fit(kept, "positional", [])
    if not two_whole_rows(vals):
        return None  # the identities choose
    if one_line and (cols_laid := laid_in_columns(r, vals, label[LINE])) is not None and whole_rows_blank(cols_laid):
        return None  # a row laid in columns: its header's columns or its indent tell (review_fit)
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
    if not page_end_empties(r, vals) and (marked := _marked_blank_row(r, vals)) is not None:
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
    end = len(r.tokens) if five is None else five
    if (before := _values_before_row_heads(r, vals, at, end)) is not None:
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
            return Fit(_late_left_blank(r, place_rows(vals, 2), at, end, label), "positional", [])
        if (by_heads := blank_row_by_head_counts(r, vals, at, end)) is not None:
            laid = place_rows(vals, by_heads)
            if score(Fit(laid, "padded", []).values()) >= best:
                r.warn(
                    "blank_cells_placed",
                    f"table 四: {len(vals)} values for its {N_REVIEW} cells, printed among its heads (poppler's "
                    f"blocks): each value after its own cell's head and before the heads of the row after next only "
                    f"with the {rows[by_heads]} row blank; read so (a guess)",
                    R,
                    label,
                )
                return Fit(_late_left_blank(r, laid, at, end, label), "positional", [])
        if (agreed := _agreed_by_heads(r, vals, at, end)) is not None:
            laid, said, wide = agreed
            r.warn(
                "placement_open",
                f"table 四: {len(vals)} values for its {N_REVIEW} cells, printed among its heads (poppler's blocks), "
                + (
                    f"{SIDE_BY_SIDE} (a row printed as nothing laid in one block with its neighbour's)"
                    if wide
                    else f"the {rows[0]} row blank putting a value before its own cell's head"
                )
                + f": each value within its bounds with {said}; the cells every such placement "
                f"reads alike kept, the others left blank ({' '.join(t[TEXT] for t in vals)})",
                R,
                label,
            )
            return Fit(laid, "positional", [])
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
    if (suits := _suits_after_blank_review(vals)) is not None:
        # nothing printed where the blank cells are, every row's total holding wherever the blank row goes, and the
        # template's first row blank would read suits after a review (复议后起诉) in a year whose reviews (行政复议)
        # are blank: the one guess left is not taken, every cell blank (the guess put ten numbers a row off: 4044)
        r.warn(
            "placement_open",
            f"table 四: {len(vals)} values for its {N_REVIEW} cells, each row's total holding wherever the blank row "
            f"goes, and nothing printed where the blank cells are; the {rows[0]} row blank would read {suits} "
            f"{rows[2]} suit(s) (a suit after a review) with no review: which row each value is in is not read "
            f"({' '.join(t[TEXT] for t in vals)}); every cell left blank",
            R,
            label,
        )
        return Fit([None] * N_REVIEW, "positional", [])
    # nothing printed where the blank cells are and every row's total holding wherever the blank row goes: the
    # template's first row left blank, as the corpus's real seed 003 prints it (a guess: on the synthetic batteries
    # it puts five numbers a row off as often as not, but leaving the table blank loses seed 003's ten cells in every
    # convention that prints an empty cell as nothing; version 108 measured both and kept this), and only where it
    # reads no suit after a review (its 复议后起诉 row, the last five values, zero): version 145
    r.warn(
        "placement_open",
        f"table 四: {len(vals)} values for its {N_REVIEW} cells, each row's total holding wherever the blank row "
        f"goes, and nothing printed where the blank cells are: read with the {rows[0]} row blank, a guess the "
        "text cannot confirm",
        R,
        label,
    )
    return Fit(place_rows(vals, 0), "positional", [])


def _agreed_by_heads(r: Reading, vals: list[Token], at: int, end: int) -> tuple[list[Token | None], str, bool] | None:
    """Table 四's ten values where the heads printed before them keep several placements of the blank row
    (:func:`parsers.tables.review_head_counts.head_count_placements`), a line of them printing two rows' heads side
    by side, or none of the kept placements the template's first row blank (the guess the text leaves otherwise,
    which the heads rule out: its first row's values print before the heads of its last row): the cells every kept
    placement puts the same value in, the others None, the rows said blank, and whether a line prints two rows'
    heads side by side; None where the heads keep fewer than two placements, the first row's among them with no such
    line, or no cell alike."""
    placed = head_count_placements(r, vals, at, end)
    if placed is None or len(placed[0]) < 2 or (not placed[1] and 0 in placed[0]):
        return None
    rows = ("行政复议", "未经复议直接起诉", "复议后起诉")
    if (laid := _agreed(vals, placed[0])) is None:
        return None
    return laid, " or ".join(f"the {rows[blank]} row blank" for blank in placed[0]), placed[1]


def _agreed(vals: list[Token], blanks: list[int]) -> list[Token | None] | None:
    """Table 四's ten values laid with each of the rows ``blanks`` blank in turn: the cells every such placement puts
    the same value in, the others None; None where no cell is alike."""
    lays = [place_rows(vals, blank) for blank in blanks]
    laid = [t if all(lay[k] is t for lay in lays) else None for k, t in enumerate(lays[0])]
    return None if all(t is None for t in laid) else laid


def _late_left_blank(r: Reading, laid: list[Token | None], at: int, end: int, label: Token) -> list[Token | None]:
    """``laid`` (ten values placed in poppler's order, one row blank) with the cells a late value's place leaves
    open (:func:`parsers.tables.review_late_values.late_cells`) blank, said; ``laid`` itself where there are none."""
    if not (open_cells := late_cells(r, laid, at, end)):
        return laid
    cols = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    rows = ("行政复议", "未经复议直接起诉", "复议后起诉")
    named = ", ".join(f"{rows[k // N_COLS]} {cols[k % N_COLS]}" for k in open_cells)
    shown = " ".join("" if t is None else t[TEXT] for t in laid if t is not None)
    r.warn(
        "placement_open",
        f"table 四: a value prints late in poppler's order (its head printed before the run of values above it): "
        f"where it stands in its run is not in the text, and the row totals hold either way ({shown}); {named} "
        "left blank",
        R,
        label,
    )
    return [None if k in open_cells else t for k, t in enumerate(laid)]


def _suits_after_blank_review(vals: list[Token]) -> str | None:
    """Table 四's ten values (two whole rows) read with the template's first row (行政复议) blank: the 复议后起诉
    row's total as printed (the last value) where that row reads anything but zeros; None where it reads zeros (the
    guess reads no suit after a review with no review)."""
    if all(number_value(t[TEXT]) == 0 for t in vals[-N_COLS:]):
        return None
    return vals[-1][TEXT]


def _squeezed_spans(r: Reading, vals: list[Token]) -> list[tuple[int, int]] | None:
    """The values' offsets in the text as printed, where a pipe row's field holding several values had its spaces
    squeezed when rewritten (markitdown's grid of a PDF's rules: ``|  0   0  |`` read as the cell ``0 0``, whose
    second value the offsets map into the spaces between): each value found at or after its mapped offset, past
    spaces only, on the same line and after the value before it, a whole number (no digit, point or comma beside
    it). None when any value is not found so."""
    assert r.canonical is not None
    canon, text = r.canonical, r.extracted.text
    spans: list[tuple[int, int]] = []
    for t in vals:
        a = canon.to_original(t[START])
        if spans and a < spans[-1][1]:
            return None
        b = a
        while b < len(text) and text[b] in " \xa0":
            b += 1
        end = b + len(t[TEXT])
        if not t[TEXT] or text[b:end] != t[TEXT]:
            return None
        if (b > 0 and text[b - 1] in _NUMBER_CHARS) or (end < len(text) and text[end] in _NUMBER_CHARS):
            return None
        spans.append((b, end))
    return spans


_NUMBER_CHARS = frozenset("0123456789.,")


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
