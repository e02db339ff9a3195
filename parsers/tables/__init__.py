"""Reading the national standard tables out of a report's extracted text."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from parsers.extracted import Extracted
from parsers.model import Cell, Check, Warning_
from parsers.tables.active import read_active, rows_on_their_lines
from parsers.tables.active_blocks import complete_by_blocks, read_active_blocks
from parsers.tables.active_boxes import read_active_boxes
from parsers.tables.active_head_tails import read_head_tails
from parsers.tables.anchored_rows import read_anchored_rows
from parsers.tables.applications import read_applications
from parsers.tables.applications_start import find_applications_start, is_2019_applications
from parsers.tables.barred_numbers import set_aside_barred_numbers
from parsers.tables.box_order import read_review_values, read_value_lines
from parsers.tables.checks import application_checks, failed_message, legacy_checks, recheck, review_checks
from parsers.tables.column_four import four_by_heads
from parsers.tables.column_order import stacked_labels
from parsers.tables.count_fractions import blank_fraction_counts
from parsers.tables.extra_in_boxes import refuse_chosen
from parsers.tables.format_marks import HEAD_MARKS_2019, HEAD_MARKS_2021, joined_marks
from parsers.tables.forward_spill import forward_from_four
from parsers.tables.guarded import CODE as TABLE_READ_ERROR
from parsers.tables.guarded import guarded
from parsers.tables.label_line_cells import read_label_lines
from parsers.tables.legacy import find_legacy_start, read_legacy
from parsers.tables.lone_eights import read_lone_eights
from parsers.tables.other_unread import warn_other_unread
from parsers.tables.parts_above_sum import set_aside_parts_above_sum
from parsers.tables.reading import Reading
from parsers.tables.review import read_review
from parsers.tables.review_vertical import vertical_four
from parsers.tables.rows_cut_from_runs import blank_failing_cut_rows
from parsers.tables.templates import FOUR_HEADS, SECTION_FOUR, SECTION_FOUR_SPECKED
from parsers.tables.text_layer import blank_disputed, refuse_open_rows
from parsers.tables.tokens import TEXT
from parsers.tables.unconfirmed import refuse_lone_totals, refuse_unconfirmed
from parsers.tables.unread_rows import warn_unread_rows
from parsers.tables.unread_rows_by_totals import fill_unread_rows
from parsers.tables.zero_led_runs import split_zero_led_runs
from parsers.tables.zeros import deduce_zeros

_MARKS_2021 = (r"本年制发件数", r"现行有效件数", r"不补正", r"缴纳费用", r"本年收费金额")
_MARKS_2019 = (r"本年新制作", r"本年新公开", r"对外公开总数量", r"上一年项目数量", r"本年增/?减")


@dataclass
class Tables:
    format: str
    convention: str  # the text convention the tables were read in (parsers.conventions)
    cells: dict[str, Cell]
    checks: list[Check]
    warnings: list[Warning_]


def read_tables(extracted: Extracted, year: int | None = None, norm: str | None = None) -> Tables:
    r = Reading(extracted, norm)
    app_start = find_applications_start(r)
    # the legacy table is looked for only where no table 三 is (its start decides nothing else)
    legacy_start = find_legacy_start(r) if app_start is None else None
    fmt = _format(r, app_start, legacy_start, year)
    checks: list[Check] = []
    if fmt != "none" and (stacked := stacked_labels(r.text)) is not None:
        said = (
            f"the text prints the tables column by column (a PDF extractor's text boxes): {stacked[0]} of its "
            f"{stacked[1]} numbered row labels stand one after another with no number between them ({stacked[2]})"
        )
        kept = _table_three_whole(extracted, norm, fmt, app_start) if fmt in ("2021", "2019") else None
        if kept is not None:
            cells, warnings, checks, _ = kept  # all hold
            r.cells.update(cells)
            r.warnings.extend(warnings)
        boxes = _by_boxes(r, fmt, app_start, checks, three=kept is None) if fmt in ("2021", "2019") else None
        if (
            kept is None
            and app_start is not None
            and fmt in ("2021", "2019")
            and (boxes is None or "table 三" not in boxes[1])
            and (anchored := read_anchored_rows(r, fmt, app_start)) is not None
        ):
            # table 三's rows the row totals fix in poppler's run of values (parsers/tables/anchored_rows.py)
            _replace(r, "applications", anchored[0], anchored[1])
            rest = [c for c in (checks if boxes is None else boxes[0]) if not c.name.startswith("applications/")]
            boxes = (
                anchored[2] + rest,
                "table 三 (the rows whose place the row totals fix)" + ("" if boxes is None else " and " + boxes[1]),
            )
        four = boxes is not None and "table 四" in boxes[1]
        # table 四 not read by the text's lines: its blank row placed by the heads before each value, in the reading
        # that kept table 三 (tables/column_four.py)
        heads_four = kept[3] if kept is not None and not four and fmt in ("2021", "2019") else None
        if heads_four is None and not four and fmt in ("2021", "2019"):
            # table 四 printed in pdfminer's vertical-text order (tables/review_vertical.py)
            heads_four = vertical_four(r, app_start or 0)
        if heads_four is not None:
            r.cells.update(heads_four[0])
            r.warnings.extend(heads_four[1])
        two = _table_two_in_rows(r, fmt, app_start)
        if kept is None and app_start is not None and (boxes is None or "table 三" not in boxes[1]):
            # table 三 not read: the values printed on its row labels' lines, a box each (tables/label_line_cells.py)
            guarded(r, "table 三", "applications", lambda: read_label_lines(r, fmt, app_start))
        if boxes is not None:
            checks = boxes[0]
        if heads_four is not None:
            checks = [c for c in checks if not c.name.startswith("review_litigation/")] + review_checks(
                _values_getter(r)
            )
        if kept is not None:
            r.warn(
                "column_order",
                f"{said}; table 三 read from its values in the order the text prints them, as every one of its "
                f"{len(kept[0])} cells was read and all {len(kept[2])} of its identities hold; "
                + (
                    "table 四 read from its values "
                    + ("with displaced values put back" if _displaced_four(r) else "in order")
                    + ", as its totals hold (parsers/tables/box_order.py); "
                    + ("table 二" + two if two else "table 二 (no such check of its placement) is not read")
                    if four
                    else "table 二" + two + "; table 四" + _four_said(heads_four)
                    if two
                    else "table 二 (no such check of its placement) is not read; table 四" + _four_said(heads_four)
                    if heads_four is not None
                    else "tables 二 and 四 (no such check of their placement) are not read"
                )
                + ", rather than read into the wrong row",
            )
        elif boxes is not None:
            r.warn(
                "column_order",
                f"{said}; {boxes[1]} read from the text's lines of values in their order, as "
                + (
                    "all the identities of what was read hold"
                    if all(c.passed for c in checks)
                    else "the identities of what was read hold but those of a value printed wrong or left open"
                )
                + " (parsers/tables/box_order.py); "
                + ("table 二" + two + "; " if two else "")
                + "the rest is not read, rather than read into the wrong row",
            )
        else:
            r.warn(
                "column_order",
                f"{said}; "
                + ("table 二" + two + "; the rest is not read" if two else "no cell is read")
                + ", rather than read into the wrong row",
            )
        if fmt in ("2021", "2019"):
            warn_unread_rows(
                r,
                fmt,
                "rows_not_read",
                "the text prints the tables column by column (column_order), and no reading confirms where their "
                "values go: left blank rather than read into the wrong row",
            )
    elif fmt in ("2021", "2019") and app_start is not None:
        app_fmt = _read_three_tables(r, fmt, app_start)
        get = _values_getter(r)
        checks = application_checks(get, app_fmt) + review_checks(get)
        checks = _reread_by_boxes(r, fmt, app_start, checks)
        if refuse_unconfirmed(r, checks):  # its identities now blank: the warning names those that failed
            get = _values_getter(r)
            checks = application_checks(get, app_fmt) + [c for c in checks if not c.name.startswith("applications/")]
    elif fmt == "legacy" and legacy_start is not None:
        guarded(r, "the legacy table", "legacy", lambda: read_legacy(r, legacy_start))
        checks = legacy_checks(_values_getter(r))
    elif fmt == "none" and (alone := _without_table_three(r, year)) is not None:
        fmt = alone
        checks = review_checks(_values_getter(r))
    if fmt in ("2021", "2019") and (lone := set(refuse_lone_totals(r)) | set(refuse_chosen(r, checks))):
        get = _values_getter(r)
        checks = [
            recheck(c, get) if lone.intersection(c.left_keys) or lone.intersection(c.right_keys) else c for c in checks
        ]
    if any(not c.passed for c in checks):
        get = _values_getter(r)
        for c in checks:
            if not c.passed:
                r.warn("identity_failed", failed_message(c, get), c.name)
    assert r.canonical is not None
    if r.canonical.rejoined:
        r.warn(
            "boxes_rejoined",
            f"text printed one OCR box per line: {r.canonical.rejoined} runs of number lines joined to the line "
            "before each as a table row (parsers/boxes.py)",
        )
    for code, message in r.canonical.notes:
        r.warn(code, message)
    return Tables(fmt, r.canonical.convention, r.cells, checks, r.warnings)


def _displaced_four(r: Reading) -> bool:
    """Table 四 was read with displaced values put back (parsers/tables/review_displaced.py)."""
    return any(w.code == "displaced_values" and (w.key or "").startswith("review_litigation") for w in r.warnings)


_TWO = " read row by row, as every line of it that prints a value starts with its row's label"
_TWO_BLOCKS = " read block by block where a block's count of values confirms it (active_blocks_in_order)"
_TWO_BOXES = " read from the runs of values printed right after a block's header cells (active_boxes)"
_TWO_TAILS = " read column by column where each column prints after its head's last piece (active_head_tails)"


def _table_two_in_rows(r: Reading, fmt: str, app_start: int | None) -> str | None:
    """Table 二 of a text whose table 三 prints column by column, read into ``r`` where it is printed row by row
    (:func:`parsers.tables.active.rows_on_their_lines`), or else block by block where each block's count of values
    confirms its placement (:func:`parsers.tables.active_blocks.read_active_blocks`); how it was read (the
    ``column_order`` warning's words after "table 二"), None where it was not."""
    if fmt not in ("2021", "2019") or app_start is None:
        return None
    start = _active_start(r, app_start)
    if start is None:
        return None
    if not rows_on_their_lines(r, start, app_start):
        # poppler's default order: each cell a block, its values after its labels (tables/active_blocks.py)
        ok, blocks = guarded(r, "table 二", "active", lambda: read_active_blocks(r, fmt, start, app_start))
        # pdfminer's boxes: each block's values in a run after its header's cells, for the cells the blocks left
        # (tables/active_boxes.py)
        ok_boxes, boxes = guarded(r, "table 二", "active", lambda: read_active_boxes(r, fmt, start, app_start))
        # a block's columns each after its head's last piece, for the cells still blank (tables/active_head_tails.py)
        ok_tails, tails = guarded(r, "table 二", "active", lambda: read_head_tails(r, fmt, start, app_start))
        said = [
            how
            for how, done in (
                (_TWO_BLOCKS, ok and blocks),
                (_TWO_BOXES, ok_boxes and boxes),
                (_TWO_TAILS, ok_tails and tails),
            )
            if done
        ]
        return " and".join(said) if said else None
    return _TWO if guarded(r, "table 二", "active", lambda: read_active(r, fmt, start, app_start))[0] else None


def _read_three_tables(r: Reading, fmt: str, app_start: int) -> str:
    """Tables 二, 三 and 四 read into ``r``; the format table 三 was read in."""
    act_start = _active_start(r, app_start)
    guarded(r, "table 二", "active", lambda: _read_table_two(r, fmt, act_start, app_start))
    # table 三's rows end at section 四's heading (a row label found past it is table 四's head: 总计)
    four = r.first_index(SECTION_FOUR, app_start + 1)
    if four is None and r.extracted.ocr:
        four = r.first_index(SECTION_FOUR_SPECKED, app_start + 1)
    heads = r.first_index(FOUR_HEADS, app_start + 1) if four is None else None  # the heading lost: table 四's heads
    three_end = four if four is not None else len(r.tokens) if heads is None else heads
    read, three = guarded(r, "table 三", "applications", lambda: _read_table_three(r, fmt, app_start, three_end))
    # a table 三 not read: table 四 looked for after section 四's heading, else after table 三's start
    end, app_fmt = three if three is not None else (app_start + 1 if four is None else four, fmt)
    read, review_end = _guarded_four(r, end)
    if read and three is not None:
        forward_from_four(r)  # table 三's last cell printed among table 四's values (tables/forward_spill.py)
    if not read:
        review_end = end
    elif review_end is None:
        r.warn(
            "missing_table",
            "table 四 (行政复议、行政诉讼) not found; its cells are blank" + _not_in_text(r),
            "review_litigation",
        )
        review_end = end
    again = find_applications_start(r, review_end)
    if again is not None:
        r.warn(
            "duplicate_table",
            "table 三 appears a second time; the first reading is kept",
            "applications",
            r.tokens[again],
        )
    blank_disputed(r)
    read_lone_eights(r)  # a 0 OCR read 8 in a ruled table 三's row whose total holds so (tables/lone_eights.py)
    set_aside_parts_above_sum(r, app_fmt)  # OCR text: a result cell above its (七)总计 (tables/parts_above_sum.py)
    set_aside_barred_numbers(r)  # OCR text: a number whose digits a rule mark splits (tables/barred_numbers.py)
    blank_fraction_counts(r)  # after table 三: whether OCR read the text is told by its cells
    split_zero_led_runs(r)  # (the same)
    return app_fmt


def _read_table_two(r: Reading, fmt: str, start: int | None, app_start: int) -> None:
    """Table 二 read into ``r`` (:func:`parsers.tables.active.read_active`, from token 0 where its start is not
    found), its rows left short completed block by block (:func:`parsers.tables.active_blocks.complete_by_blocks`)."""
    mark = len(r.warnings)
    read_active(r, fmt, start if start is not None else 0, app_start)
    if start is not None:
        complete_by_blocks(r, fmt, start, app_start, mark)
        read_head_tails(r, fmt, start, app_start)  # the cells still blank (tables/active_head_tails.py)


def _guarded_four(r: Reading, start: int) -> tuple[bool, int | None]:
    """Table 四 read from token ``start`` (:func:`parsers.tables.review.read_review`) under :func:`guarded`: whether
    its reader ended without an exception, and where the table ends (None where it was not found)."""
    return guarded(r, "table 四", "review_litigation", lambda: read_review(r, start, len(r.tokens)))


def _read_table_three(r: Reading, fmt: str, start: int, end: int) -> tuple[int, str]:
    """Table 三 read into ``r`` between tokens ``start`` and ``end``, its zeros deduced and its open rows refused:
    where it ends and the format it was read in (:func:`parsers.tables.applications.read_applications`)."""
    end, app_fmt = read_applications(r, fmt, start, end)
    deduce_zeros(r, app_fmt)
    refuse_open_rows(r)
    blank_failing_cut_rows(r, app_fmt, start)  # rows cut from a run whose totals fail (rows_cut_from_runs.py)
    fill_unread_rows(r, app_fmt, start)  # rows left blank whose place the row totals fix (unread_rows_by_totals.py)
    warn_other_unread(r, app_fmt)
    return end, app_fmt


def _four_said(heads_four: tuple[dict[str, Cell], list[Warning_]] | None) -> str:
    """What the column order warning says of table 四 where the text's lines did not read it."""
    if heads_four is None:
        return " (no such check of its placement) is not read"
    if any(w.code == "review_vertical" for w in heads_four[1]):
        return " read in pdfminer's vertical-text order, its totals holding (tables/review_vertical.py)"
    return " read with its blank row placed by the heads printed before each value (tables/column_four.py)"


def _table_three_whole(
    extracted: Extracted, norm: str | None, fmt: str, app_start: int | None
) -> tuple[dict[str, Cell], list[Warning_], list[Check], tuple[dict[str, Cell], list[Warning_]] | None] | None:
    """Table 三 of a text in column order (:func:`parsers.tables.column_order.stacked_labels`), read as any
    other text reads it (its values in the order the text prints them, row after row of the template), kept
    only when that reading is whole and proves itself: every cell of the table read and every one of its
    identities holding (a value in the wrong row or column breaks a row's total, a column's balance or its sum
    of results). Its cells, the warnings of that reading that concern it, its checks, and table 四 where that
    reading placed its blank row by the heads (:func:`parsers.tables.column_four.four_by_heads`); None otherwise."""
    if app_start is None:
        return None
    t = Reading(extracted, norm)
    app_fmt = _read_three_tables(t, fmt, app_start)
    get = _values_getter(t)
    checks = application_checks(get, app_fmt)
    cells = {k: c for k, c in t.cells.items() if k.startswith("applications/")}
    keys = [k for c in checks for k in (*c.left_keys, *c.right_keys)]
    if not checks or not all(c.passed and not c.blank for c in checks) or any(get(k) is None for k in keys):
        return None
    warnings = [w for w in t.warnings if w.key is None or w.key.startswith("applications")]
    return cells, warnings, checks, four_by_heads(t)


# what a reading row by row warns when its numbers are in doubt: values dropped or missing, readings tied
_IN_DOUBT = {"ambiguous_value", "ambiguous", "placement_open", "ambiguous_split", "extra_values", "missing_cell"}


def _holding(checks: list[Check], r: Reading) -> set[str]:
    """Which of tables 三 (``applications``) and 四 (``review_litigation``) hold: every identity of the table holds
    on cells all read, and no warning puts its numbers in doubt. Each table's checks, cells and warnings are looked
    at once for both tables (a blank cell is rare: its key's table is taken only then), not once per table
    (tests/test_parse_shortcuts.py holds it to the definition table by table)."""
    failed = {_table_of(c.name) for c in checks if not c.passed or c.blank}
    failed.update(_table_of(k) for k, c in r.cells.items() if c.value is None)
    doubt = [w.key for w in r.warnings if w.code in _IN_DOUBT and w.key is not None]
    return {t for t in _REREAD if t not in failed and not any(key.startswith(t) for key in doubt)}


_REREAD = ("applications", "review_litigation")


def _table_of(key: str) -> str:
    """The table a cell's key or a check's name is of: what comes before its first ``/`` ("" without one)."""
    head, sep, _ = key.partition("/")
    return head if sep else ""


def _same_values(r: Reading, table: str, cells: dict[str, Cell]) -> bool:
    """``table``'s cells in ``r`` hold the same values as ``cells`` (and no other cell of the table is read)."""
    mine = {k: c.value for k, c in r.cells.items() if k.startswith(table + "/") and c.value is not None}
    return mine == {k: c.value for k, c in cells.items() if c.value is not None}


def _replace(r: Reading, table: str, cells: dict[str, Cell], warnings: list[Warning_]) -> None:
    """``table``'s cells and warnings in ``r`` replaced by another reading's."""
    for k in [k for k in r.cells if k.startswith(table + "/")]:
        del r.cells[k]
    r.warnings[:] = [w for w in r.warnings if w.key is None or not w.key.startswith(table)]
    for k in [k for k in r.disputed if k.startswith(table)]:
        del r.disputed[k]
    for k in [k for k in r.chosen if k.startswith(table)]:
        del r.chosen[k]
    r.cells.update(cells)
    r.warnings.extend(warnings)


def _reread_by_boxes(r: Reading, fmt: str, app_start: int, checks: list[Check]) -> list[Check]:
    """Tables 三 and 四, read row by row, re-read from the text's lines of values in their order
    (:mod:`parsers.tables.box_order`: pdfminer's text boxes) where that reading failed (an identity, a blank
    cell, a warning) and the re-reading proves itself; the checks, updated."""
    # a table whose reader raised (parsers/tables/guarded.py) stays blank: no reading of it is tried again
    holding = _holding(checks, r) | {w.key for w in r.warnings if w.code == TABLE_READ_ERROR and w.key in _REREAD}
    if len(holding) == len(_REREAD):
        return checks
    boxes = _by_boxes(r, fmt, app_start, checks, holding=holding)
    return checks if boxes is None else boxes[0]


def _by_boxes(
    r: Reading,
    fmt: str,
    app_start: int | None,
    checks: list[Check],
    *,
    holding: set[str] | None = None,
    three: bool = True,
) -> tuple[list[Check], str] | None:
    """Tables 三 (with ``three``) and 四 read into ``r`` from the text's lines of values
    (:mod:`parsers.tables.box_order`), each only where it proves itself (and, given ``holding``, the tables
    whose reading holds on ``checks`` (:func:`_holding`), only where its reading failed): the checks, updated, and
    which tables were read; None when neither was."""
    if app_start is None:
        return None
    read: list[str] = []
    skip: set[int] = set()
    if (
        three
        and not (holding is not None and "applications" in holding)
        and (lines := read_value_lines(r, fmt, app_start)) is not None
    ):
        cells, warnings, app_checks, skip = lines
        # else the reading row by row stays, its warnings with it: where the values are the same, or where the
        # re-reading holds fewer of the table's identities on cells read (pdfminer's nested boxes, whose open cells
        # are blank, against a reading of the values before each label that fails only a misprinted total)
        if not _same_values(r, "applications", cells) and _holds(app_checks) >= _holds(
            [c for c in checks if c.name.startswith("applications/")]
        ):
            _replace(r, "applications", cells, warnings)
            checks = app_checks + [c for c in checks if not c.name.startswith("applications/")]
            read.append("table 三")
    if (
        # (table 四's cells, warnings and checks are as ``holding`` saw them while table 三 is not read again)
        not (holding is not None and not read and "review_litigation" in holding)
        and (four := read_review_values(r, app_start, skip)) is not None
    ):
        cells, warnings, review = four
        if not _same_values(r, "review_litigation", cells):
            _replace(r, "review_litigation", cells, warnings)
            checks = [c for c in checks if not c.name.startswith("review_litigation/")] + review
            read.append("table 四")
    return (checks, " and ".join(read)) if read else None


def _holds(checks: list[Check]) -> int:
    """How many of ``checks`` hold on cells all read."""
    return sum(c.passed and not c.blank for c in checks)


def _values_getter(r: Reading) -> Callable[[str], int | float | None]:
    """``r.get`` once every cell is read: a cell's value by its key (None for a cell not read), a dict lookup
    in C (the checks ask for every cell of the tables)."""
    return dict(zip(r.cells, map(_VALUE, r.cells.values()), strict=True)).get


_VALUE = operator.attrgetter("value")


def _active_start(r: Reading, app_start: int) -> int | None:
    """Where table 二 starts: its first 第二十条 block, or its title when that block's own title was lost (OCR
    drops a line) and rows of the table come between the title and the first block that was read."""
    first = r.first_index(r"第二十条第", 0, app_start)
    title = None
    at = 0
    while (i := r.first_index(r"主动公开政府信息情况$", at, first if first is not None else app_start)) is not None:
        title, at = i, i + 1
    if title is None:
        title = _title_after_paragraph(r, first if first is not None else app_start)
    if title is None:
        # the title and the first block's own title run into a paragraph (html2text prints a table's one-cell first
        # row on the line of the text before it): the first block's header, when rows of the table follow it
        head = None
        while first is not None and (i := r.first_index(r"^信息内容", at, first)) is not None:
            head, at = i, i + 1
        if head is not None and r.first_index(_ACTIVE_ROW_LABELS, head + 1, first) is not None:
            return head
        return first
    if first is None or r.first_index(_ACTIVE_ROW_LABELS, title + 1, first) is not None:
        return title
    return first


_ACTIVE_ROW_LABELS = r"^(?:规章|(?:行政)?规范性文件)\d*$"
# section 二's heading at the end of the paragraph before it, after the paragraph's full stop (pymupdf4llm's layout
# text joining section 一's last paragraph and the heading: ``…培训4714人次。 二、主动公开政府信息情况``)
_TITLE_AFTER_STOP = re.compile(r"[。；]\s*二\s*[、.]\s*主动公开政府信息情况$")


def _title_after_paragraph(r: Reading, end: int) -> int | None:
    """The last token before ``end`` that is a paragraph ending in section 二's heading (no label token: its full
    stop makes it prose, which ``first_index`` does not ask); None where there is none."""
    tokens = r.tokens
    for i in range(min(end, len(tokens)) - 1, -1, -1):
        if tokens[i][TEXT].endswith("主动公开政府信息情况") and _TITLE_AFTER_STOP.search(tokens[i][TEXT]):
            return i
    return None


# where table 三 would stand: its title or its 勾稽关系 note, else section 三's heading
_THREE_PLACE = r"收到和处理政府信息公开申请|勾稽关系|第一项加第二项|^三[、.]"


# pandoc's plain writer prints ``[TABLE]`` on a line of its own for a table it cannot lay out as text (one with
# merged cells): the table is not in the text at all
_TABLE_PLACEHOLDER = re.compile(r"^[ \t]*\[TABLE\][ \t]*$", re.M)


def _not_in_text(r: Reading) -> str:
    """What a missing table's warning adds where the text prints ``[TABLE]`` in tables' places."""
    n = len(_TABLE_PLACEHOLDER.findall(r.extracted.text))
    if not n:
        return ""
    return (
        f"; the text prints [TABLE] {n} time(s) where a table stood (pandoc's plain writer's placeholder for a table "
        "with merged cells): the table is not in the text"
    )


def _without_table_three(r: Reading, year: int | None) -> str | None:
    """Tables 二 and 四 read where the text holds no table 三 (an extractor dropped it, as antiword drops a table
    it cannot lay out, or the report printed it as an image): the format told by table 二's column heads, table 三
    reported missing (its cells blank). None, and nothing read, when the text has no table 二 of either format."""
    first = r.first_index(r"第二十条第")
    if first is None:
        return None
    s2021 = sum(1 for p in _MARKS_2021 if r.first_index(p) is not None)
    s2019 = sum(1 for p in _MARKS_2019 if r.first_index(p) is not None)
    if not s2021 and not s2019:
        return None
    fmt = "2019" if s2019 > s2021 or (s2019 == s2021 and year in (2019, 2020)) else "2021"
    place = r.first_index(_THREE_PLACE, first + 1)
    end = len(r.tokens) if place is None else place
    act_start = _active_start(r, end)
    before = len(r.cells)
    if not guarded(
        r, "table 二", "active", lambda: read_active(r, fmt, act_start if act_start is not None else first, end)
    )[0]:
        return None
    if len(r.cells) == before:
        return None
    r.warn(
        "missing_table",
        "table 三 (收到和处理政府信息公开申请) not found: tables 二 and 四 read, table 三's cells are blank"
        + _not_in_text(r),
        "applications",
    )
    # table 四 after table 三's place; where that is unknown too (its title and heading not read), after section
    # 四's heading, else from its own head cells (a ruled table's 行政复议 cell, never a line of prose)
    four = end if place is not None else _table_four_place(r, first)
    read, review_end = (False, None) if four is None else _guarded_four(r, four)
    if four is None or (read and review_end is None):
        r.warn(
            "missing_table",
            "table 四 (行政复议、行政诉讼) not found; its cells are blank" + _not_in_text(r),
            "review_litigation",
        )
    return fmt


_FOUR_HEAD = r"^(?:行政复议|未经复议直接起诉|复议后起诉)$"


def _table_four_place(r: Reading, first: int) -> int | None:
    """Where table 四 is looked for when table 三's place is unknown: section 四's heading after table 二's start,
    else the first cell of table 四's head (a token that is the head alone: prose naming 行政复议 is never one)."""
    heading = r.first_index(SECTION_FOUR, first + 1)
    return heading if heading is not None else r.first_index(_FOUR_HEAD, first + 1)


def _format(r: Reading, app_start: int | None, legacy_start: int | None, year: int | None) -> str:
    if app_start is not None:
        # a mark in one token, or a head cell of table 二 wrapped over lines (joined_marks: asked only for the marks
        # no token holds, both formats' in one joining of the text)
        in_2021 = {p for p in _MARKS_2021 if r.first_index(p) is not None}
        in_2019 = {p for p in _MARKS_2019 if r.first_index(p) is not None}
        unfound = {m: w for m, w in HEAD_MARKS_2021.items() if m not in in_2021} | {
            m: w for m, w in HEAD_MARKS_2019.items() if m not in in_2019
        }
        joined = joined_marks(r, app_start, unfound)
        s2021 = len(in_2021 | (joined & HEAD_MARKS_2021.keys()))
        s2019 = len(in_2019 | (joined & HEAD_MARKS_2019.keys()))
        if is_2019_applications(r, app_start):
            s2019 += 2
        if s2019 > s2021:
            return "2019"
        if s2021 > s2019:
            return "2021"
        return "2019" if year in (2019, 2020) else "2021"
    if legacy_start is not None:
        return "legacy"
    return "none"
