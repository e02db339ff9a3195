"""Tables 三 and 四 printed box by box: pdfminer.six's text (``pdf2txt.py``, ``high_level.extract_text``).

pdfminer groups the text of a page into boxes by proximity and writes box after box. In a table whose cells
stand close together (a narrow table), a row's numbers are one text line (``12 2 0 2 0 0 16``), and the row
labels are boxes of their own: the labels and the value lines come apart, several labels in a row, then
several value lines, a value line sometimes after its own label (``3.危及“三安全一稳定” 0 0 0 0 0 0 0``), and the
last rows' values can even come after section 四's heading. The value lines, though, keep the order of the
rows: the table is read from them.

- **Table 三** (:func:`read_value_lines`): from the table's title to table 四's first header cell
  (``行政复议``), every line that prints values prints exactly one row of the template (seven values, after a
  label or alone), and these lines number exactly the template's rows (25; 23 with （六）其他处理 as one
  row). They are read in the template's order, kept only when every one of the table's identities holds
  (each row's total, each column's balance and its sum of results): reported as ``rows_by_order``.
- **Table 四** (:func:`read_review_values`): after its first header cell, the values that are no row of
  table 三, up to section 五, number exactly its 15 cells; read in order, kept only when its three totals hold
  (``review_in_order``). Where the text prints a piece of a column's head right before a value (each value after
  its own head's box: ``结 果 维 持 0 结 果 纠 正 2``) and those heads contradict the order, the values are read
  by their heads instead (each column's values one a row in the text's order, ``review_by_heads``), kept on the
  same terms; not read where the heads do not give each column one value a row.

Any other text (a line of two or three values: the cells of a wide table, cut into boxes of one column) is
left to the other readings: nothing is read from it here.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.model import Cell, Check, Warning_
from parsers.tables.applications import read_displaced_stream
from parsers.tables.band_labels import blank_label_contradicted
from parsers.tables.band_order import read_bands
from parsers.tables.checks import application_checks, review_checks
from parsers.tables.column_blocks import page_starts, read_nested
from parsers.tables.first_row_heads import first_row_by_heads
from parsers.tables.group_order import settle
from parsers.tables.label_words import is_label_word
from parsers.tables.misprinted import misprinted_cell
from parsers.tables.page_heads import PAGE_HEAD, read_page_heads
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Reading
from parsers.tables.review_displaced import review_displaced
from parsers.tables.review_nested_heads import read_nested_heads
from parsers.tables.run_order import read_totals_last
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    SECTION_FIVE,
    SECTION_FOUR,
    RowDef,
)
from parsers.tables.tokens import COMPACT, END, IS_VALUE, LINE, START, TEXT, Token
from parsers.tables.vertical_bands import bands_said, total_box_start
from parsers.tables.vertical_span import before_title, open_columns, page_start_before_title, span_said

_T = "applications"
MIN_SHIFTED = 3  # value lines between two labels read under another row: more than chance
_R = "review_litigation"
_REVIEW_HEAD = r"^行政复议$"
_TITLE = r"收到和处理政府信息公开申请情况"
_OTHER_SUBROWS = re.compile(r"不补正|缴纳费用|收费通知|逾期未按")  # the 2021 template's （六）其他处理 sub-rows
# a table 四 column head, or a piece of one (pdfminer can print a narrow head a character a line: 结 / 果 / 维 / 持)
_COLUMN_HEAD = re.compile(r"[结果维持纠正其他尚未审]+")
# a table 四 column head, whole or its piece no table 三 label prints (结果 and 其他 alone can be table 三's: 办理结果)
_FOUR_COLUMN_HEAD = r"^(?:结果维持|维持|结果纠正|纠正|尚未审结|尚未|审结|未经复议直接起诉|复议后起诉)$"


def _end_of_three(r: Reading, start: int) -> int:
    """Where table 三's value lines end: table 四's first header cell, else section 五, else the text's end. Where
    that header cell prints after section 五's heading (pdfminer's vertical-text order puts section 四's heading and
    table 四's row heads after it: tables/review_vertical.py), table 四's first column head before section 五
    (:data:`_FOUR_COLUMN_HEAD`), if any."""
    review = r.first_index(_REVIEW_HEAD, start + 1)
    if review is None:
        five = r.first_index(SECTION_FIVE, start + 1)
        return len(r.tokens) if five is None else five
    five = r.first_index(SECTION_FIVE, start + 1, review)
    if five is not None and (head := r.first_index(_FOUR_COLUMN_HEAD, start + 1, five)) is not None:
        return head
    return review


def _title_before(r: Reading, start: int) -> int | None:
    """Table 三's title (section 三's heading) before its first row label at token ``start``, if any."""
    title, at = None, 0
    while (i := r.first_index(_TITLE, at, start)) is not None:
        title, at = i, i + 1
    return title


def _head_past_page_end(r: Reading, title: int, start: int) -> int | None:
    """Table 三's header's first cell (``申请人情况``) after its title (token ``title``) and before token ``start``,
    where a page break stands between them and values print before that break: poppler's block order can print the
    previous page's last values (table 二's 政府集中采购 amount) after the section's heading at the page's foot,
    and the table starts on the next page under its header. None otherwise."""
    head = r.first_index(PAGE_HEAD, title + 1, start)
    if head is None:
        return None
    gap = r.text[r.tokens[title][END] : r.tokens[head][START]]
    if "\f" not in gap or not any(t[IS_VALUE] for t in r.tokens[title + 1 : head]):
        return None
    return head


def lines_with_values(r: Reading, start: int, end: int) -> list[list[Token]]:
    """The lines between tokens ``start`` and ``end`` that print a value, each as its tokens (in order)."""
    lines: dict[int, list[Token]] = {}
    for k in range(start, end):
        if not is_label_word(r, k):  # 一 / 无 of a broken label (tables/label_words.py)
            lines.setdefault(r.tokens[k][LINE], []).append(r.tokens[k])
    return [toks for toks in lines.values() if any(t[IS_VALUE] for t in toks)]


def _row_values(toks: list[Token], width: int) -> list[Token] | None:
    """A line's ``width`` values when it prints exactly one row: its values last, nothing but text before them
    (for the warning: the reading is the same either way)."""
    values = [t for t in toks if t[IS_VALUE]]
    if len(values) != width or toks[-width:] != values:
        return None
    return values


def three_span(r: Reading, start: int) -> tuple[int, int]:
    """The tokens table 三's values can print in, its first row's label at token ``start``: from the table's title
    (the first row's values can print before its label, after the table's head), or from its header's first cell
    where values before a page break after the title are the previous page's end, not table 三's; to table 四's
    first header cell, else section 五, else the text's end."""
    end = _end_of_three(r, start)
    title = _title_before(r, start)
    if title is not None and (head := _head_past_page_end(r, title, start)) is not None:
        title = head
    return (start if title is None else title), end


def applications_format(r: Reading, fmt: str, first: int, end: int) -> str:
    """The rows table 三 prints between tokens ``first`` and ``end``: "2019" where the table prints （六）其他处理 as
    one row (none of the 2021 sub-rows' labels in it: rows missing from the text, their zeros with them, must not
    pass for that layout's fewer rows), else the report's format."""
    region = "".join(t[COMPACT] for t in r.tokens[first:end])  # labels wrap
    return "2019" if fmt == "2019" or not _OTHER_SUBROWS.search(region) else "2021"


def read_value_lines(
    r: Reading, fmt: str, start: int
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """Table 三 read from its value lines in the text's order (see the module's doc): its cells, warnings, checks
    (all holding) and the lines read; None when the text prints no such lines or they do not prove themselves."""
    first, end = three_span(r, start)
    got = _read_value_lines(r, fmt, first, end)
    if got is None and (earlier := page_start_before_title(r, start, first, end)) is not None:
        # section 三's heading printed after the table's first rows (pdfminer's -V): from the first row's page
        app_fmt = applications_format(r, fmt, earlier, end)
        need = len(APPLICATION_ROWS_2021 if app_fmt == "2021" else APPLICATION_ROWS_2019) * len(APPLICANT_COLUMNS)
        values = [t for toks in lines_with_values(r, earlier, end) for t in toks if t[IS_VALUE]]
        drop = before_title(r, start, end, values, len(values) - need)
        if drop is not None:
            got = _read_value_lines(r, fmt, earlier, end, frozenset(t[START] for t in drop))
            if got is not None:
                cells, warnings, checks, read = got
                opened = set(open_columns(cells, APPLICANT_COLUMNS[:-1]))
                checks = [c for c in checks if not opened & {*c.left_keys, *c.right_keys}]
                warnings.append(Warning_("vertical_span", span_said(r, earlier, start, drop, len(opened)), _T))
                got = cells, warnings, checks, read
    if got is None and (box := total_box_start(r, first, end)) is not None:
        got = _total_first(r, fmt, first, box, end)
    return got


def _total_first(
    r: Reading, fmt: str, first: int, box: int, end: int
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """Table 三 read in bands each printing its 总计 column first (pdfminer's ``-V``: tables/vertical_bands.py),
    its values from the box ``总 计`` at token ``box`` to token ``end``; the applicant cells of rows whose values
    differ left blank (the columns' order unconfirmed). None where the values are not exactly the table's cells or
    no single division into bands holds every identity."""
    app_fmt = applications_format(r, fmt, min(first, box), end)
    rows = APPLICATION_ROWS_2021 if app_fmt == "2021" else APPLICATION_ROWS_2019
    lines = lines_with_values(r, box, end)
    values = [t for toks in lines for t in toks if t[IS_VALUE]]
    need = len(rows) * len(APPLICANT_COLUMNS)
    if len(values) < need and (more := _past_four_head(r, end, need - len(values))):
        lines += more  # the last columns printed after table 四's first header row (the shape q61 reads)
        values = [t for toks in lines for t in toks if t[IS_VALUE]]
    bands = read_bands(r, rows, values, app_fmt, total_first=True)
    if bands is None:
        return None
    t, checks, heights = bands
    opened = sum(1 for c in t.cells.values() if c.value is None)
    t.warn("vertical_bands", bands_said(box, first, heights, opened), _T, values[0])
    return t.cells, t.warnings, checks, {toks[0][LINE] for toks in lines}


def _read_value_lines(
    r: Reading, fmt: str, first: int, end: int, drop: frozenset[int] = frozenset()
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """:func:`read_value_lines` from tokens ``first`` to ``end``, the values at the text offsets ``drop`` aside."""
    lines = lines_with_values(r, first, end)
    if drop:
        kept = ([t for t in toks if t[START] not in drop] for toks in lines)
        lines = [toks for toks in kept if any(t[IS_VALUE] for t in toks)]
    width = len(APPLICANT_COLUMNS)
    values = [t for toks in lines for t in toks if t[IS_VALUE]]
    app_fmt = applications_format(r, fmt, first, end)
    rows = APPLICATION_ROWS_2021 if app_fmt == "2021" else APPLICATION_ROWS_2019
    past = ""
    if len(values) < len(rows) * width and (more := _past_four_head(r, end, len(rows) * width - len(values))):
        lines += more
        values = [t for toks in lines for t in toks if t[IS_VALUE]]
        past = (
            f" (its last {len(values) - sum(t[IS_VALUE] for toks in lines[: -len(more)] for t in toks)} values "
            "printed after table 四's first header row, 行政复议 行政诉讼, before table 四's column heads)"
        )
    elif len(values) < len(rows) * width and (more := _before_four_run(r, end, len(rows) * width - len(values))):
        lines += more
        values = [t for toks in lines for t in toks if t[IS_VALUE]]
        past = (
            f" (its last {sum(t[IS_VALUE] for toks in more for t in toks)} values printed after table 四's first "
            f"header cell, 行政复议, among table 四's header boxes, before the run of table 四's {_FOUR_CELLS} values "
            "behind its last column heads)"
        )
    merged = (" (（六）其他处理 as one row, as in the 2019 format)" if app_fmt != fmt else "") + past
    if len(values) != len(rows) * width:
        extra = len(values) - len(rows) * width
        if not 0 < extra <= MAX_EXTRA:
            return None
        trimmed = _trimmed(r, rows, values, app_fmt, merged, lines, extra)
        if trimmed is None and extra == width:
            return _cut_row(r, rows, values, app_fmt, merged, lines)
        return trimmed
    by_line = len(lines) == len(rows) and all(_row_values(toks, width) is not None for toks in lines)
    placed = _placed(r, rows, values, app_fmt)
    # the first row printed among its heads, in their order (tables/first_row_heads.py): kept where all hold
    if (
        placed is None
        and (by_heads := first_row_by_heads(r.text, values)) is not None
        and (placed := _placed(r, rows, by_heads[0], app_fmt)) is not None
    ):
        values = by_heads[0]
        placed[0].warn(
            "first_row_by_heads",
            "table 三: its first row's values print among its column heads, each head's first character a line "
            f"of its own; read in the order the heads print ({', '.join(by_heads[1])}), as every identity of the "
            "table then holds (read in the template's order they do not)",
            f"{_T}/{rows[0].key}",
            values[0],
        )
    if placed is None:
        bands = read_bands(r, rows, values, app_fmt)
        if bands is None:
            # a few single values printed out of order (poppler's block order): put back where every identity holds
            moved = _put_back(r, rows, values, app_fmt, first)
            if moved is None:
                # the header printed again on each page, a few of a page's first cells with it (poppler's order)
                moved = read_page_heads(r, rows, values, app_fmt, first, end)
            if moved is None:
                return _nested(r, rows, values, app_fmt, merged, lines)
            t, checks = moved
            return t.cells, t.warnings, checks, {toks[0][LINE] for toks in lines}
        t, checks, heights = bands
        t.warn(
            "rows_by_bands",
            f"table 三: its {len(values)} values print apart from its row labels, in bands of rows each printed "
            f"column by column (a PDF extractor's text boxes); read as the bands of {_heights(heights)} rows"
            f"{merged}, the only numbers every division into bands that holds all {len(checks)} of the table's "
            "identities gives (a placement the identities confirm, not printed as such)",
            _T,
            values[0],
        )
        if blank_label_contradicted(r, t, rows, values, heights, app_fmt):  # a row's values after another's label
            checks = application_checks(t.get, app_fmt)
        return t.cells, t.warnings, checks, {toks[0][LINE] for toks in lines}
    t, checks = placed
    held = (
        f"all {len(checks)} of its identities hold"
        if all(c.passed for c in checks)
        else f"all of its {len(checks)} identities hold but one misprinted value's (misprinted_value)"
    )
    if (
        (regrouped := _shifted_under_labels(r, rows, values, first, end)) is not None
        and (under_labels := _placed(r, rows, regrouped, app_fmt)) is not None
        and (doubt := [k for k, c in t.cells.items() if c.value != under_labels[0].cells[k].value])
    ):
        # both readings hold every identity (a row moved among the results' rows keeps each column's sum): the
        # cells they read differently left blank
        for k in doubt:
            t.cells[k] = dataclasses.replace(t.cells[k], value=None, raw="")
        checks = application_checks(t.get, app_fmt)
        t.warn(
            "placement_open",
            f"table 三: the text prints rows label, values, label, values, and read in its order at least "
            f"{MIN_SHIFTED} such rows' values go under another row, all a row off (a row's values printed elsewhere, "
            "or the labels a box ahead of their values); read from between each label and the next, every identity "
            f"holds too: the {len(doubt)} cells the two readings read differently left blank "
            f"({', '.join(k.removeprefix(_T + '/') for k in doubt[:6])}{' …' if len(doubt) > 6 else ''})",
            _T,
            values[0],
        )
    if by_line:
        said = f"its {len(lines)} lines of {width} values, one per row of the template{merged}, were read"
    else:
        said = (
            f"its {len(values)} values, {width} for each of the template's {len(rows)} rows{merged}, were read row "
            "after row"
        )
    t.warn(
        "rows_by_order",
        f"table 三: its row labels and its rows' values print apart (a PDF extractor's text boxes); {said} in the "
        f"order the text prints them, and {held}",
        _T,
        values[0],
    )
    return t.cells, t.warnings, checks, {toks[0][LINE] for toks in lines}


def _shifted_under_labels(
    r: Reading, rows: list[RowDef], values: list[Token], start: int, end: int
) -> list[Token] | None:
    """Where the text prints its rows label, values, label, values (poppler's default mode), and the reading in
    order puts at least :data:`MIN_SHIFTED` of those rows' values, each row's printed right after a row's label and
    right before the next row's, under another row, all by the same number of rows (a row's values printed
    elsewhere, after （七）总计's label: the rows between read a row off, which the identities cannot tell when
    those rows are alike): the values regrouped, each such row's from between its label and the next, the others
    in the text's order. None otherwise."""
    width = len(values) // len(rows)
    events: list[tuple[int, str, int]] = []
    pos = start
    for i, row in enumerate(rows):
        f = r.find(row, pos, end)
        if f is not None:
            events.append((r.tokens[f.index][START], "L", i))
            pos = f.index + 1
    events += [(v[START], "V", k // width) for k, v in enumerate(values)]
    events.sort()
    runs: list[tuple[str, int]] = []  # the events, a row's values (read in order) as one
    for _, kind, i in events:
        if kind == "L" or not runs or runs[-1] != ("V", i):
            runs.append((kind, i))
    between = {
        a[1]: v[1]
        for a, v, b in zip(runs, runs[1:], runs[2:], strict=False)
        if a[0] == "L" and v[0] == "V" and b[0] == "L"
    }
    off = [g - i for i, g in between.items() if g != i]
    if len(off) < MIN_SHIFTED or len(set(off)) != 1 or len(set(between.values())) != len(between):
        return None
    # the rows from the first such label to the last, those whose label is not found or wraps among them too
    shifted = [i for i, g in between.items() if g != i]
    span = range(min(shifted), max(shifted) + 1)
    if not 0 <= span[0] + off[0] <= span[-1] + off[0] < len(rows) or any(
        between.get(i, i + off[0]) != i + off[0] for i in span
    ):
        return None
    taken = {i: i + off[0] for i in span} | {i: g for i, g in between.items() if i not in span}
    if len(set(taken.values())) != len(taken):
        return None
    rest = iter(g for g in range(len(rows)) if g not in taken.values())
    order = [taken[i] if i in taken else next(rest) for i in range(len(rows))]
    return [values[g * width + c] for g in order for c in range(width)]


def _past_four_head(r: Reading, end: int, lacking: int) -> list[list[Token]] | None:
    """Table 三's last values printed after table 四's first header row (pdfminer prints that row's boxes,
    ``行政复议`` / ``行政诉讼``, before the boxes of table 三's last columns, then table 四's column heads): the lines
    of the run of values right after that row's heads (token ``end`` on), up to the next token that is neither,
    where they number the ``lacking`` values, or up to :data:`MAX_EXTRA` more (another table's printed among table
    三's, dropped first or last by :func:`_trimmed` where the identities decide); else None."""
    k = end
    while k < len(r.tokens) and r.tokens[k][COMPACT] in _FOUR_TOP_HEADS:
        k += 1
    if k == end:
        return None
    stop = k
    while stop < len(r.tokens) and r.tokens[stop][IS_VALUE]:
        stop += 1
    if not lacking <= stop - k <= lacking + MAX_EXTRA:
        return None
    return lines_with_values(r, k, stop)


_FOUR_TOP_HEADS = {"行政复议", "行政诉讼"}
_FOUR_CELLS = len(REVIEW_COLUMNS) * len(REVIEW_ROWS)


def _before_four_run(r: Reading, end: int, lacking: int) -> list[list[Token]] | None:
    """Table 三's last values printed after table 四's first header cell (token ``end``) and before table 四's
    column heads (pdfminer: wkhtmltopdf's page cut inside table 三, the head cells' boxes printed before table 三's
    other columns): the lines of the values from ``end`` to table 四's last run of head cells, where right after that
    run table 四's own values print, exactly its 15 and nothing else, up to section 五's heading, and the values
    before that run number exactly the ``lacking`` values; else None. (Not with a few values more, another table's,
    as :func:`_past_four_head` allows: on the tuning texts that reads no table more and costs :func:`_trimmed`'s two
    nested readings that fail, up to 2 s a text.)"""
    five = r.first_index(SECTION_FIVE, end + 1)
    if five is None or five - end <= _FOUR_CELLS:
        return None
    heads = five - _FOUR_CELLS
    if not all(t[IS_VALUE] for t in r.tokens[heads:five]):
        return None
    while heads > end and not r.tokens[heads - 1][IS_VALUE] and set(r.tokens[heads - 1][COMPACT]) <= _FOUR_HEADS:
        heads -= 1
    if heads == five - _FOUR_CELLS:
        return None
    if sum(1 for t in r.tokens[end:heads] if t[IS_VALUE]) != lacking:
        return None
    return lines_with_values(r, end, heads)


# values more than table 三's cells, at most, that may be another table's printed among its boxes: table 二's last
# values after section 三's title (its page's boxes), table 四's before its first header cell
MAX_EXTRA = len(REVIEW_COLUMNS) * len(REVIEW_ROWS)


def _trimmed(
    r: Reading,
    rows: list[RowDef],
    values: list[Token],
    app_fmt: str,
    merged: str,
    lines: list[list[Token]],
    extra: int,
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """Table 三 from ``values`` but ``extra`` of them, first or last (another table's printed among its boxes), in
    pdfminer's nested order: where one of the two leaves a reading, or both leave the same. Another table's values
    print in boxes of their own, so a cut between those dropped and those kept that falls inside a text line (a pipe
    grid's row: the values are a row's, and a row of table 三 more than its cells is no other table's) is not tried:
    the nested order's search over such a cut found no table on any text measured and cost up to 2 s (a pymupdf4llm
    grid whose label-spilled rows print 9 values each, 8 over in all)."""
    return _agreed(
        [
            got
            for kept, dropped, cut in (
                (values[extra:], values[:extra], extra),
                (values[:-extra], values[-extra:], -extra),
            )
            if values[cut - 1][LINE] != values[cut][LINE]
            and (got := _nested(r, rows, kept, app_fmt, merged, lines, dropped)) is not None
        ]
    )


def _cut_row(
    r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, merged: str, lines: list[list[Token]]
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """Table 三 from ``values``, a row's more than its cells, where a page starts among them: the row a page break
    cuts printed on both pages (wkhtmltopdf draws a row it cuts on each page, its values with it), the row before
    the page's start at its foot and again at the next page's head. Read in pdfminer's nested order with that row
    twice, kept where both prints read the same numbers and every identity holds; where two page starts each give
    a reading, only if they read alike."""
    width = len(APPLICANT_COLUMNS)
    starts = page_starts(r, values, width)
    return _agreed(
        [
            got
            for start in sorted(starts or ())
            if 0 < start <= len(rows)
            and (got := _nested(r, rows, values, app_fmt, merged, lines, twice=start - 1)) is not None
        ]
    )


def _agreed(
    found: list[tuple[dict[str, Cell], list[Warning_], list[Check], set[int]]],
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """The first of the readings ``found``, where there is one and all read the same numbers; else None."""
    if not found or any(_numbers(got[0]) != _numbers(found[0][0]) for got in found):
        return None
    return found[0]


def _numbers(cells: dict[str, Cell]) -> dict[str, float | None]:
    return {k: c.value for k, c in cells.items()}


def _nested(
    r: Reading,
    rows: list[RowDef],
    values: list[Token],
    app_fmt: str,
    merged: str,
    lines: list[list[Token]],
    dropped: list[Token] | None = None,
    twice: int = -1,
) -> tuple[dict[str, Cell], list[Warning_], list[Check], set[int]] | None:
    """Table 三 from ``values`` in pdfminer's nested order (:func:`parsers.tables.column_blocks.read_nested`),
    warned ``column_blocks`` (naming the values ``dropped``, printed among them, that are not the table's, or the
    row printed ``twice``, at a page's foot and the next page's head); None where that order does not give one
    table."""
    nested = read_nested(r, rows, values, app_fmt, twice)
    if nested is None:
        return None
    t, checks, candidates, open_cells, misprinted, (first, last, left_last, deep, runs, split) = nested
    if dropped and misprinted:
        # the value let off as printed wrong is the one next to those set aside as another table's: as likely one
        # more of that table's, the count set aside unconfirmed (synth 7501, wkhtmltopdf's PDF: 自然人's column read
        # a row off, 29 wrong numbers); a misprint elsewhere stands (3550: 三、本年度办理结果's 总计)
        edge = values[0] if dropped[-1][START] < values[0][START] else values[-1]
        if any(t.cells[key].where == t.where(edge) for key in misprinted if key in t.cells):
            return None
    apart = (
        f" (but {len(dropped)} values printed {'before' if dropped[-1][START] < values[0][START] else 'after'} them, "
        f"{' '.join(v[TEXT] for v in dropped)}: another table's, without which the table's identities hold)"
        if dropped
        else ""
    )
    if twice >= 0:
        apart = (
            f" (its row {rows[twice].label or rows[twice].key} printed twice, at a page's foot and again at the next "
            f"page's head, the page break cutting it: its {len(APPLICANT_COLUMNS)} values read once, where both prints "
            "read the same numbers)"
        )
    t.warn(
        "column_blocks",
        f"table 三: its {len(values)} values{apart} print apart from its row labels, in pdfminer's nested boxes (bands "
        f"of rows, groups of columns in them, each printed column after column){merged}"
        + (
            f", the 总计 values of {first} rows printed first, right after the 总计 head (totals_first: the head's "
            "box grouped with them)"
            if first
            else ""
        )
        + (
            f", the 自然人 values of {last} rows printed last (or last but the 总计 values, each printed right after "
            "its head), right after the 自然人 head (totals_first: the head's box grouped with them, its lines printed "
            "once or twice over)"
            if last
            else ""
        )
        + (
            f", the first columns' values of up to {left_last} rows (自然人 and the columns grouped with it) printed "
            "after the rest of their band (left_last: the boxes beside the row labels grouped after the others; tried "
            "only where no other order holds every identity)"
            if left_last
            else ""
        )
        + (
            ", its boxes grouped more than three levels deep (deep: a band's group's rows printed as groups of "
            "columns again, each in bands of its own; tried only where no other order holds every identity or their "
            "search passed its budget)"
            if deep
            else ""
        )
        + (
            f", the 自然人 values of {runs} band{'s' if runs > 1 else ''} printed a run of rows first, then the rows "
            "above that run, then those below (column_runs: values of the column beside the row labels printed among "
            "the labels; tried only where the strict orders hold nowhere)"
            if runs
            else ""
        )
        + (
            f", the 自然人 values of up to {split} rows printed after the rest of their band, the column's first rows "
            "before it (split: the boxes of the column beside the row labels grouped in two; tried only where no "
            "other order holds every identity)"
            if split
            else ""
        )
        + f"; of the {candidates} "
        "distinct tables such orders give whose rows' totals hold, "
        + (
            f"those that hold every identity but those of one value printed wrong ({', '.join(sorted(misprinted))}: "
            "misprinted_value, kept as printed) "
            if misprinted
            else ""
        )
        + (
            (
                f"one holds all {len(checks)} of the table's identities: read so"
                if not misprinted
                else "are one: read so"
            )
            if not open_cells
            else (
                f"those that hold all the table's identities agree but in {len(open_cells)} cells: the others read so"
                if not misprinted
                else f"agree but in {len(open_cells)} cells: the others read so"
            )
        )
        + " (a placement the identities confirm, not printed as such)",
        _T,
        values[0],
    )
    if open_cells:
        t.warn(
            "placement_open",
            "table 三: pdfminer's nested boxes leave these cells' places open, every identity holding either way: "
            "left blank "
            + ", ".join(f"{key} ({' or '.join(_num(v) for v in found)})" for key, found in open_cells.items()),
            _T,
            values[0],
        )
    used = {id(v) for v in values}
    return t.cells, t.warnings, checks, {toks[0][LINE] for toks in lines if any(id(v) in used for v in toks)}


def _put_back(
    r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, start: int
) -> tuple[Reading, list[Check]] | None:
    """Table 三 from ``values`` in the text's order but for a few single values printed elsewhere, put back where
    every identity then holds (:func:`parsers.tables.applications.read_displaced_stream`: the one table so few
    displaced values give, ``displaced_values``), with its checks; None where no one such table is found."""
    t = Reading(r.extracted, r.norm, r.canonical)
    fits = read_displaced_stream(t, rows, app_fmt, values, start)
    if fits is None:
        return None
    for row in rows:
        t.put_fit([f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS], fits[row.key], r.tokens[start], _T)
    checks = application_checks(t.get, app_fmt)
    if not all(c.passed and not c.blank for c in checks) or any(c.value is None for c in t.cells.values()):
        return None
    return t, checks


def _heights(heights: tuple[int, ...]) -> str:
    """Bands' heights said shortly: ``2, 16, 1, 1, 1, 4``."""
    return ", ".join(map(str, heights))


def _placed(r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str) -> tuple[Reading, list[Check]] | None:
    """Table 三's cells from ``values`` in the text's order, row after row, with its checks, when every identity
    holds on them; else None. (Never down the columns: the identities hold whatever the order of the applicant
    columns, and pdfminer's boxes of a column come in its own order, not the page's.)"""
    t = Reading(r.extracted, r.norm, r.canonical)
    width = len(APPLICANT_COLUMNS)
    for n, row in enumerate(rows):
        cells = values[n * width : (n + 1) * width]
        t.put_cells([f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS], cells, cells[0])
    checks = application_checks(t.get, app_fmt)
    if any(c.value is None for c in t.cells.values()):
        return None
    if not all(c.passed and not c.blank for c in checks):
        off = misprinted_cell(checks, t.get)
        if off is None:
            return None
        failed = [c.name for c in checks if not c.passed]
        t.warn(
            "misprinted_value",
            f"table 三: read from its values in the text's order, every identity holds but the {len(failed)} that "
            f"{off[0]} is in ({', '.join(failed)}), each of which {_num(off[1])} would make hold, not the printed "
            f"{_num(t.get(off[0]))}: one value printed wrong (the report's own arithmetic), not a misplacement; kept "
            "as printed",
            off[0],
            values[0],
        )
    return t, checks


def _num(v: float | None) -> str:
    return "blank" if v is None else str(int(v)) if float(v).is_integer() else str(v)


def _by_heads(r: Reading, at: list[int]) -> list[int] | None:
    """Table 四's values at token indexes ``at``: the index of each one's cell (row after row of its five columns)
    where the text prints a head's piece between two of them (pdfminer's boxes: ``结果 维持 0 结果 纠正 2``).
    A value whose pieces of head right before it (since the value before) name one column (:data:`_HEAD_KEYS`)
    goes to that column; any other value to its column in the order's reading; each column's values, in the
    text's order, are its rows. None where no head names a column other than the order's (read in order), or
    where a column does not get one value a row (nothing placed)."""
    width = len(REVIEW_COLUMNS)
    cols: list[int] = []
    moved = False
    for n, k in enumerate(at):
        since = at[n - 1] + 1 if n else k
        pieces = "".join(t[COMPACT] for t in r.tokens[since:k]).replace("未经", "")  # 未经复议直接起诉: no head
        named = {c for ch in pieces if (c := _HEAD_KEYS.get(ch)) is not None}
        col = next(iter(named)) if len(named) == 1 else n % width
        moved |= col != n % width
        cols.append(col)
    if not moved:
        return None
    rows = len(at) // width
    if any(cols.count(c) != rows for c in range(width)):
        return []
    seen = [0] * width
    cells = []
    for c in cols:
        cells.append(seen[c] * width + c)
        seen[c] += 1
    return cells


# the character of each column head that no other head has (结果维持, 结果纠正, 其他结果, 尚未审结, 总计)
_HEAD_KEYS = {"持": 0, "正": 1, "他": 2, "未": 3, "审": 3, "总": 4, "计": 4}


def read_review_values(
    r: Reading, start: int, skip_lines: set[int]
) -> tuple[dict[str, Cell], list[Warning_], list[Check]] | None:
    """Table 四 read from its values in the text's order (see the module's doc): its cells, warnings and checks
    (all holding); None when they are not exactly its cells, a total fails, or two runs of values hold. After its
    first header cell, else on one line after section 四's heading (:func:`_one_line`)."""
    got = _after_head(r, start, skip_lines)
    if got is None and (bounds := _bounds(r, start, skip_lines)) is not None:
        got = read_nested_heads(r, *bounds, skip_lines)
    return got if got is not None else _one_line(r, start, skip_lines)


def _bounds(r: Reading, start: int, skip_lines: set[int]) -> tuple[int, int] | None:
    """Table 四's first header cell and its end (section 五's heading, or past it: :func:`_past_five`)."""
    head = r.first_index(_REVIEW_HEAD, start + 1)
    if head is None:
        return None
    five = r.first_index(SECTION_FIVE, head + 1)
    return head, len(r.tokens) if five is None else _past_five(r, head, five, skip_lines)


def _after_head(
    r: Reading, start: int, skip_lines: set[int]
) -> tuple[dict[str, Cell], list[Warning_], list[Check]] | None:
    """Table 四 read from its values in the text's order (see the module's doc): its cells, warnings and checks
    (all holding); None when they are not exactly its cells, a total fails, or two runs of values hold."""
    head = r.first_index(_REVIEW_HEAD, start + 1)
    if head is None:
        return None
    five = r.first_index(SECTION_FIVE, head + 1)
    stop = len(r.tokens) if five is None else _past_five(r, head, five, skip_lines)
    keys = [f"{_R}/{row}/{c}" for row in REVIEW_ROWS for c in REVIEW_COLUMNS]
    # the values after its first header cell; or, where table 三's columns print after that cell (their boxes
    # come after the header's first row), the values after its last column head (总计 aside: its box can
    # come after the others' values)
    last_head = max((i for i in range(head, stop) if _COLUMN_HEAD.fullmatch(r.tokens[i][COMPACT])), default=head)
    held: dict[tuple[str, ...], tuple[Reading, list[Check], list[Token], bool]] = {}
    for begin in dict.fromkeys((head, last_head)):
        at = [k for k in range(begin, stop) if (tok := r.tokens[k])[IS_VALUE] and tok[LINE] not in skip_lines]
        if len(at) != len(keys):
            continue
        values = [r.tokens[k] for k in at]
        cells = _by_heads(r, at)
        if cells == []:  # the heads name columns the values cannot fill one a row: nothing placed
            continue
        placed = keys if cells is None else [keys[i] for i in cells]
        t = Reading(r.extracted, r.norm, r.canonical)
        t.put_cells(placed, values, values[0])
        checks = review_checks(t.get)
        if all(c.passed and not c.blank for c in checks) and all(t.get(k) is not None for k in keys):
            # two runs of values that make one table are one reading
            table = tuple(sorted(f"{k}={v[TEXT]}" for k, v in zip(placed, values, strict=True)))
            held.setdefault(table, (t, checks, values, cells is not None))
    # poppler's groups of heads (pdftotext's default mode): every place a 总计 may print within its group
    in_groups = [tok for tok in r.tokens[head:stop] if tok[IS_VALUE] and tok[LINE] not in skip_lines]
    if len(in_groups) != len(keys):
        in_groups = []
    if not held:
        done, opened = (
            _displaced(r, head, stop, skip_lines, keys) if is_paragraph_cells(r.extracted.text) else (None, False)
        )
        chosen = None if done is None else done[3]
        # (where the fewest displaced values leave two tables or more, the table stays unread but where its groups
        # of heads place a 总计 as poppler prints it: tables/group_order.py)
        if in_groups and (grouped := settle(r, head, in_groups, keys, chosen, opened=opened)) is not None:
            return grouped.cells, grouped.warnings, review_checks(grouped.get)
        if (
            done is None
            and in_groups
            and is_paragraph_cells(r.extracted.text)
            and (runs := read_totals_last(r, head, in_groups)) is not None
        ):
            # no reading in the template's order holds: each run's 总计 values after its results (tables/run_order.py)
            t = Reading(r.extracted, r.norm, r.canonical)
            t.put_cells(keys, runs[0], runs[0][0])
            t.warn("displaced_values", runs[1], _R, runs[0][0])
            return t.cells, t.warnings, review_checks(t.get)
        return None if done is None else done[:3]
    if len(held) != 1:
        return None
    ((t, checks, values, by_heads),) = held.values()
    if in_groups and not by_heads and (grouped := settle(r, head, in_groups, keys, values)) is not None:
        return grouped.cells, grouped.warnings, review_checks(grouped.get)
    if (
        in_groups
        and not by_heads
        and is_paragraph_cells(r.extracted.text)
        and (runs := read_totals_last(r, head, in_groups)) is not None
        and [v[TEXT] for v in runs[0]] != [v[TEXT] for v in values]
    ):
        t = Reading(r.extracted, r.norm, r.canonical)
        t.put_cells(keys, runs[0], runs[0][0])
        t.warn("displaced_values", runs[1], _R, runs[0][0])
        return t.cells, t.warnings, review_checks(t.get)
    if by_heads:
        t.warn(
            "review_by_heads",
            f"table 四: its {len(keys)} values print apart from its header cells, each after a piece of its column's "
            f"head that the order of the values contradicts ({' '.join(v[TEXT] for v in values)}); read by the heads "
            f"(each column's values in the text's order, one a row), and its {len(checks)} totals hold",
            _R,
            values[0],
        )
        return t.cells, t.warnings, checks
    t.warn(
        "review_in_order",
        f"table 四: its {len(keys)} values print apart from its header cells; read in the order the text prints "
        f"them ({' '.join(v[TEXT] for v in values)}), and its {len(checks)} totals hold",
        _R,
        values[0],
    )
    return t.cells, t.warnings, checks


def _displaced(
    r: Reading, head: int, stop: int, skip_lines: set[int], keys: list[str]
) -> tuple[tuple[dict[str, Cell], list[Warning_], list[Check], list[Token]] | None, bool]:
    """Table 四 of a text printed a cell a paragraph (``pdftotext``'s default mode) whose values, after its first
    header cell, read in order fail its totals: read with a few displaced values put back where its row totals
    and its heads allow one table only (:func:`parsers.tables.review_displaced.review_displaced`), else None (its
    cells, warnings, checks and the token of each cell); and whether that search left two tables or more open."""
    values = [tok for tok in r.tokens[head:stop] if tok[IS_VALUE] and tok[LINE] not in skip_lines]
    if len(values) != len(keys):
        return None, False
    t = Reading(r.extracted, r.norm, r.canonical)
    fit = review_displaced(r, head, values, warn_to=t)
    if fit is None:
        return None, any(w.code == "displaced_open" for w in t.warnings)
    t.put_cells(keys, fit.tokens, values[0])
    checks = review_checks(t.get)
    if not all(c.passed and not c.blank for c in checks) or any(t.get(k) is None for k in keys):
        return None, False
    return (t.cells, t.warnings, checks, [tok for tok in fit.tokens if tok is not None]), False


# the characters of table 四's header cells (its column heads, its group heads): a token of them alone is a head's piece
_FOUR_HEADS = frozenset("结果维持纠正其他尚未审结总计行政复议诉讼未经直接起诉后")


def _past_five(r: Reading, head: int, five: int, skip_lines: set[int]) -> int:
    """Where table 四's values end: section 五's heading (token ``five``), or, where fewer than its 15 values print
    before it and section 五's heading printed among its boxes (pdfminer: the table's last boxes after the heading),
    after the values that follow it with nothing but pieces of the table's heads among them, up to 15 in all, where
    no other value follows them, and each run of them follows as many whole heads (pdfminer's boxes of a head and
    its value) or the heads after the heading print a character a line in poppler's blocks
    (:func:`_heads_by_character`: the heading at a page's foot printed before the right band's heads and values)."""
    need = len(REVIEW_ROWS) * len(REVIEW_COLUMNS)
    tokens = r.tokens
    have = sum(1 for t in tokens[head:five] if t[IS_VALUE] and t[LINE] not in skip_lines)
    if have >= need:
        return five
    k = five + 1
    while k < len(tokens) and have < need:
        tok = tokens[k]
        if tok[IS_VALUE]:
            have += 1
        elif not set(tok[COMPACT]) <= _FOUR_HEADS:
            return five
        k += 1
    if have < need or (k < len(tokens) and tokens[k][IS_VALUE]):
        return five
    return k if _runs_under_heads(r, head, k, skip_lines) or _heads_by_character(r, five, k) else five


_FULL_HEAD = re.compile(r"结果维持|结果纠正|其他结果|尚未审结|总计")
_RESULT_HEAD_CHARS = frozenset("结果维持纠正其他尚未审总计")


def _heads_by_character(r: Reading, five: int, stop: int) -> bool:
    """Between tokens ``five`` (section 五's heading) and ``stop``, the result columns' heads print a character a
    token (``结`` / ``果`` / ``维`` / ``持``: poppler's blocks of a narrow head's lines, in column bands), in a text
    :func:`parsers.tables.paragraph_pieces.is_block_cells` says is poppler's; not pdfminer's boxes of whole pieces
    (``结果`` / ``维持``)."""
    pieces = [t[COMPACT] for t in r.tokens[five + 1 : stop] if not t[IS_VALUE]]
    result = [p for p in pieces if set(p) <= _RESULT_HEAD_CHARS]
    return bool(result) and all(len(p) == 1 for p in result) and is_block_cells(r.text)


def _runs_under_heads(r: Reading, head: int, stop: int, skip_lines: set[int]) -> bool:
    """Each run of values between tokens ``head`` and ``stop`` follows right after as many of table 四's column heads
    as it has values (pdfminer's boxes of a head and its column's value printed together: the text's order is the
    heads'); where the heads print apart from the values (3244: every head, then the values in a nested order), the
    order of the values says nothing."""
    tokens = r.tokens
    k = head
    while k < stop:
        if not (tokens[k][IS_VALUE] and tokens[k][LINE] not in skip_lines):
            k += 1
            continue
        j = k
        while j < stop and tokens[j][IS_VALUE] and tokens[j][LINE] not in skip_lines:
            j += 1
        i = k
        while i > head and not tokens[i - 1][IS_VALUE] and set(tokens[i - 1][COMPACT]) <= _FOUR_HEADS:
            i -= 1
        if len(_FULL_HEAD.findall("".join(t[COMPACT] for t in tokens[i:k]))) != j - k:
            return False
        k = j
    return True


def _one_line(
    r: Reading, start: int, skip_lines: set[int]
) -> tuple[dict[str, Cell], list[Warning_], list[Check]] | None:
    """Table 四 of a text whose values print apart from its header cells and not after them (pdfminer's ``-V``:
    the values before the heads, the heads after section 五's heading), from its values after section 四's heading:
    where they are exactly its 15 cells, all on one line (the table's one row of values, printed left to right), read
    in order, kept only when its three totals hold (``review_in_order``); else None."""
    four = r.first_index(SECTION_FOUR, start + 1)
    if four is None:
        return None
    five = r.first_index(SECTION_FIVE, four + 1)
    stop = len(r.tokens) if five is None else five
    keys = [f"{_R}/{row}/{c}" for row in REVIEW_ROWS for c in REVIEW_COLUMNS]
    values = [tok for tok in r.tokens[four + 1 : stop] if tok[IS_VALUE] and tok[LINE] not in skip_lines]
    if len(values) != len(keys) or len({tok[LINE] for tok in values}) != 1:
        return None
    t = Reading(r.extracted, r.norm, r.canonical)
    t.put_cells(keys, values, values[0])
    checks = review_checks(t.get)
    if not all(c.passed and not c.blank for c in checks) or any(t.get(k) is None for k in keys):
        return None
    t.warn(
        "review_in_order",
        f"table 四: its {len(keys)} values print on one line after section 四's heading (its one row of values, "
        "left to right), apart from its header's cells and not after them; read in the order the line prints them "
        f"({' '.join(v[TEXT] for v in values)}), and its {len(checks)} totals hold",
        _R,
        values[0],
    )
    return t.cells, t.warnings, checks
