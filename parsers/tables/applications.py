"""Table 三 (收到和处理政府信息公开申请情况); table 四 is read in :mod:`parsers.tables.review`."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from itertools import combinations

from parsers.tables.align import Fit, Value, first_and_total, fit, merged_cells, positional, warn_merged
from parsers.tables.band_placing import lay_by_bands
from parsers.tables.blank_rows import (
    blanks_by_lines,
    column_bands,
    leading_newlines,
)
from parsers.tables.broken_boxes import box_orders, broken_boxes
from parsers.tables.checks import (
    application_identities,
    application_passed,
    identities_at,
)
from parsers.tables.cut_rows import place_cut_rows
from parsers.tables.digit_runs import is_run, run_pieces
from parsers.tables.displaced import DISPLACED_BUDGET, MAX_MOVES, DisplacedReading, read_displaced
from parsers.tables.glued_cells import split_glued_lines
from parsers.tables.grid_columns import by_grid_columns
from parsers.tables.label_blocks import block_order
from parsers.tables.lost_column import shift_lost_column
from parsers.tables.lost_labels import place_lost_labels
from parsers.tables.merged_columns import choose, column_groups, placements
from parsers.tables.named_columns import HEAD_NAMES, by_names, header_cells, names_by_ruler
from parsers.tables.nbsp_runs import row_splits_by_nbsp
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Found, Reading, join_split_digits, next_found, original_spans
from parsers.tables.rules import Piece, rule_readings
from parsers.tables.solve import (
    MAX_SOLUTIONS,
    Block,
    Identity,
    choose_rows,
    read_stream,
    row_total_holds,
    split_row,
)
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    SECTION_FIVE,
    RowDef,
    union,
)
from parsers.tables.text_layer import marks_of_ocr
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    OCR_RAW,
    START,
    TABBED,
    TEXT,
    Token,
    normalise,
    number_value,
    token,
)
from parsers.tables.wrapped_digits import wrapped_total
from parsers.tables.wrong_total_runs import every_split, one_cell_off

T = "applications"
N_APP = len(APPLICANT_COLUMNS)


def _label_rest_row(r: Reading, index: int, stop: int) -> int | None:
    """A row label printed on a line of its own whose rest opens the next line, a TAB row that prints the row's
    cells (html2text's and markitdown's pipe rows of an HTML table whose label cell holds a line break:
    ``3．危及`` then ``“三安全一稳定”| 0| 0| | 0``): the index of that rest, the first token of its TAB line; None
    when the next token is a number, not the first of a TAB line, a new numbered label, or past ``stop``."""
    k = index + 1
    if k >= stop:
        return None
    t, label = r.tokens[k], r.tokens[index]
    if t[LINE] == label[LINE] or not t[TABBED] or not t[IS_LABELISH] or _NUMBERED_RE.match(t[COMPACT]):
        return None
    if k > 0 and r.tokens[k - 1][LINE] == t[LINE]:
        return None
    return k


def _values(r: Reading, f: Found, stop: int, n: int, key: str) -> tuple[list[Token], list[Token | None] | None]:
    """Value tokens read for a row (its own segment and continuations), and its positional fit if any."""
    label = r.tokens[f.index]
    line = r.line_after(f.index)
    pos = positional(line, n) if len(line) >= n else None
    if pos is None and not line and (rest := _label_rest_row(r, f.index, stop)) is not None:
        line = r.line_after(rest)  # the label wrapped onto the row that prints its cells (html2text's `3．危及`)
        pos = positional(line, n) if len(line) >= n else None
    if pos is not None:
        warn_merged(r, line, n, key)
    vals: list[Token] = [f.glued] if f.glued else []
    first: int | None = None  # the index of ``vals[0]`` in ``r.tokens`` (None: a token split off another)
    pending_label: Token | None = None
    rest_until = 0  # the values up to this token are pieces of the row's broken numbers (_pieces_after_label_rest)
    tokens = r.tokens
    for k in range(f.index + 1, stop):
        t = tokens[k]
        if not t[TEXT] or (t[IS_BLANK_MARKER] and r.placeholder(t)):  # placeholder() inlined in part: hot
            continue
        if t[IS_VALUE]:
            if pending_label is not None and (len(vals) >= n or _next_grid_row(r, pending_label, vals, t)):
                if len(vals) == n == N_APP and _rejoin_broken(r, [*vals, t]) is not None:
                    vals.append(t)  # a cell's digits broken in two, one piece after the label's rest (_broken_cell)
                    continue
                if k < rest_until or (rest_until := _pieces_after_label_rest(r, pending_label, vals, k, stop, n)):
                    vals.append(t)  # the row's values go on after the label's rest: pieces of broken numbers
                    continue
                r.warn(
                    "unknown_row",
                    f"values after an unknown row label {pending_label[TEXT]!r} "
                    f"(between {key} and the next row) are not assigned",
                    key,
                    pending_label,
                )
                break
            if not vals:
                first = k
            vals.append(t)
        elif t[IS_LABELISH]:
            if (lead := _leading_number(r, t, vals, n, key)) is not None:
                vals.append(lead)
            if vals and t[LINE] != label[LINE] and _NUMBERED_RE.match(t[COMPACT]):
                # a numbered label after the row's values (``5.属于三``, a wrapped label OCR cut; a group heading
                # such as ``(五)不予处理`` whose row's label OCR garbled): the next row begins there, its values are
                # not this row's
                if any(u[IS_VALUE] for u in tokens[k + 1 : stop]):
                    r.warn(
                        "unknown_row",
                        f"values after an unknown numbered row label {t[TEXT]!r} (after {key}) are not assigned",
                        key,
                        t,
                    )
                break
            pending_label = t
    if stop < len(r.tokens) and (lead := _leading_number(r, r.tokens[stop], vals, n, key)) is not None:
        vals.append(lead)  # printed against the next row's label
    if (
        pos is not None
        and all(t is None or not t[TEXT] for t in pos)
        and any(t[TABBED] and t[LINE] != label[LINE] for t in vals)
    ):
        pos = None  # every cell printed empty: the label wrapped into the next table row, which holds the numbers
    if pos is not None:
        if f.glued:
            r.warn(
                "glued_number",
                f"{key}: number {f.glued[TEXT]} glued to the row label; the row's own cells are used",
                key,
                f.glued,
            )
        return vals, pos
    if f.glued:
        r.warn("glued_number", f"{key}: number {f.glued[TEXT]} split from the row label {label[TEXT]!r}", key, f.glued)
    return vals, _with_unreadable(r, first, stop, vals, n, key)


def _pieces_after_label_rest(r: Reading, label_rest: Token, vals: list[Token], k: int, stop: int, n: int) -> int:
    """Values past a row's ``n`` cells that are no unknown row's: the rest of the row's wrapped label (``一、本年`` /
    ``新收政府信息公开申请数量``) printed before all of the row's values, and the values from token ``k`` on, up to
    the next token that is no value (or ``stop``), one to :data:`MAX_BROKEN` more than its cells, where joining
    neighbouring pieces reads the row one way only with its total holding (Chromium's ``word-break: break-all``
    broke numbers in narrow cells over lines: ``56`` / ``6  0  0  0  14  0  58 0`` for 566 … 580, as pypdf,
    pypdfium2, PyMuPDF and ``pdftotext -raw`` print them; :func:`_broken_cell`, :func:`_broken_cells` then read it,
    ``merged_digits``). The index of the token after those values; 0 where they are not so, and in a text that
    prints a cell a paragraph (pdfminer's boxes, poppler's default mode), whose order is not the row's: pdfminer's
    ``boxes_flow=None`` prints a row's broken cells after its others, whose pieces, joined, hold the row's total
    in other columns (1610's 其他处理 row, read as another's)."""
    if n != N_APP or not vals or label_rest[END] > vals[0][START] or is_paragraph_cells(r.extracted.text):
        return 0
    end = k
    while end < stop and (r.tokens[end][IS_VALUE] or not r.tokens[end][TEXT]):
        end += 1
    row = [*vals, *(t for t in r.tokens[k:end] if t[TEXT])]
    if not n < len(row) <= n + MAX_BROKEN or not all(_DIGITS.fullmatch(t[TEXT]) for t in row):
        return 0
    if len(row) == n + 1:
        return end if _rejoin_broken(r, row) is not None else 0
    return end if len(_broken_readings(row)) == 1 else 0


def _next_grid_row(r: Reading, label: Token, vals: list[Token], t: Token) -> bool:
    """In the parser's own OCR of a ruled table (one TAB line a grid row), a value printed on the line of an
    unknown label that stands on a line after the row's values: the next grid row's cell, not this row's (synth_492:
    ``（二）部分公开 … 0 0 0 间 0 339 339`` then ``1, 0 0 0 …``: its 0 was read as the short row's total)."""
    return (
        r.extracted.ocr
        and bool(vals)
        and label[TABBED]
        and t[LINE] == label[LINE]
        and label[START] < t[START]
        and vals[-1][LINE] < label[LINE]
    )


# a number printed against the text after it (PyMuPDF's sorted text: ``45（二）部分公开（区``, ``170理结``), not a count
# with its unit or a numbered label (``3项``, ``1.``, ``2、``)
_LEADING_NUMBER = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?=[\u4e00-\u9fff(（])(?![年月日万元项件个次条人名所家])")


def _leading_number(r: Reading, t: Token, vals: list[Token], n: int, key: str) -> Token | None:
    """The row's last cell printed against the label text after it on the values' line (``… 0 0 45（二）部分公
    开``): taken, as a ``glued_number`` warning, only where the row has one cell fewer than its ``n`` and its
    total then holds."""
    if len(vals) != n - 1 or not t[IS_LABELISH] or t[LINE] != vals[-1][LINE] or t[START] < vals[-1][END]:
        return None
    m = _LEADING_NUMBER.match(t[TEXT])
    if m is None:
        return None
    num = token(m.group(1), t[START], t[START] + len(m.group(1)), t[LINE], t[COL], t[TABBED], split=True)
    if not row_total_holds([number_value(v[TEXT]) for v in [*vals, num]]):
        return None
    r.warn(
        "glued_number",
        f"{key}: number {num[TEXT]} printed against the text after it ({t[TEXT]!r}); read as the row's last cell "
        "(its total holds)",
        key,
        num,
    )
    return num


# characters OCR (with a Chinese model) reads for a digit in a cell (了 for 7, li for 11); a cell of them alone is
# taken as those digits only when the row total then holds
_LOOKALIKE = {"了": "7", "丨": "1", "口": "0"}
_LOOKALIKE_CHARS = str.maketrans(
    {**_LOOKALIKE, "l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "o": "0", "O": "0", "〇": "0", "D": "0",
     "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "g": "9", "q": "9", "b": "6", "G": "6", "T": "7"}
)  # fmt: skip


def _lookalike(text: str) -> str | None:
    """The digits a cell of OCR look-alikes stands for (``li`` → 11), None when a character is no look-alike."""
    digits = text.translate(_LOOKALIKE_CHARS)
    return digits if digits.isdigit() and digits.isascii() else None


def _with_unreadable(
    r: Reading, first: int | None, stop: int, vals: list[Token], n: int, key: str
) -> list[Token | None] | None:
    """A row printed on one line whose cells number ``n`` only when one or two short unreadable words among the
    values count (OCR's ``了`` for 7, ``w`` for 3): the row by position, those cells blank (``unreadable_cell``) —
    or read as the digit they look like (``了`` → 7, ``ocr_digit``) when the row total then holds. ``first``: the
    index of ``vals[0]`` in ``r.tokens``, None when it is no token of the text (split off the label or a word)."""
    if not vals or len(vals) >= n or len({t[LINE] for t in vals}) != 1:
        return None
    line = vals[0][LINE]
    if first is None:
        return None  # a number split off the label: not a row printed cell by cell
    cells = [t for t in r.tokens[first:stop] if t[LINE] == line and t[TEXT] and not r.placeholder(t)]
    junk = [t for t in cells if not t[IS_VALUE]]
    if (
        len(cells) != n
        or not 1 <= len(junk) <= 2
        or any(len(t[COMPACT]) > 2 or _NUMBERED_RE.match(t[COMPACT]) for t in junk)
    ):
        return None
    row: list[Token | None] = [t if t[IS_VALUE] else None for t in cells]
    guessed = [
        token(digits, t[START], t[END], t[LINE], t[COL], t[TABBED], ocr_raw=t[TEXT])  # the printed text kept
        if not t[IS_VALUE] and (digits := _lookalike(t[COMPACT])) is not None
        else None
        for t in cells
    ]
    trial = [g if g is not None else c for g, c in zip(guessed, row, strict=True)]
    if any(g is not None for g in guessed) and row_total_holds([number_value(t[TEXT]) if t else None for t in trial]):
        row = trial
    for t, cell in zip(cells, row, strict=True):
        if not t[IS_VALUE] and cell is None:
            r.warn("unreadable_cell", f"{key}: cell {t[TEXT]!r} is not a number; read as blank", key, t)
    return row


@functools.lru_cache(maxsize=128)  # the template's rows: a few dozen keys
def _row_keys(row: str) -> tuple[str, ...]:
    """A table 三 row's cell keys, one per applicant column."""
    return tuple(f"{T}/{row}/{c}" for c in APPLICANT_COLUMNS)


_NUMBERED_RE = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")


def read_applications(r: Reading, fmt: str, start: int, end: int) -> tuple[int, str]:
    """Read table 三 from token ``start``; returns the token index where the table ends, and the layout of
    its rows (``2019`` when a 2021-format table prints （六）其他处理 as one row).

    Two readings are made: by row labels (in template order), and by order alone when the table's data
    lines number exactly the template's rows (labels wrapped into fragments in a narrow column). The one
    that satisfies more identities wins; reading by order is always reported.
    """
    if fmt == "2021" and (merged := _merged_other(r, start, end)) is not None:
        fmt = "2019"
        r.warn(
            "merged_row",
            f"table 三: （六）其他处理 is one row ({r.tokens[merged][TEXT]!r}) in a 2021-format table; "
            "read as applications/other/<col>, as in the 2019 format",
            f"{T}/other",
            r.tokens[merged],
        )
    rows = APPLICATION_ROWS_2019 if fmt == "2019" else APPLICATION_ROWS_2021
    mark = len(r.warnings)
    found = r.locate(rows, start, end, T)
    place_lost_labels(r, rows, found, N_APP, T)
    fits, table_end = _label_fits(r, rows, found, fmt, end)
    label_score = _score(fits, fmt, len(rows))
    # the reading by order (pure: no warning, no state) can only win over a reading by labels that scores less
    # than the most a reading can: every identity holds, every row and every cell read
    top = label_score == (application_identities(fmt), 0, len(rows) * N_APP)
    if not top and (before := _before_label_fits(r, rows, found, start, end)) is not None:
        before_fits, before_end = before
        if _score(before_fits, fmt, len(rows))[0] > label_score[0]:
            del r.warnings[mark:]
            r.warn(
                "label_after_values",
                f"table 三: each row's values print before its label (a PDF's text whose label cells sit lower than "
                f"their values: {N_APP} values before the first label, none after the last): read from the values "
                "before each label, the reading that satisfies more of the table's identities",
                T,
                r.tokens[found[0].index] if found[0] is not None else r.tokens[start],
            )
            for row, f in zip(rows, found, strict=True):
                assert f is not None
                r.put_fit(_row_keys(row.key), before_fits[row.key], r.tokens[f.index], T)
            return before_end, fmt
    by_order = None if top else _order_fits(r, rows, start, end, fmt)
    stream_mark = len(r.warnings)
    clean = _clean(fits, found, fmt, len(rows), label_score[0])
    if not clean and (stream := _stream_fits(r, rows, fmt, start, end, found)) is not None:
        r.warnings[mark:] = r.warnings[stream_mark:]  # the label reading's warnings go, the stream's stay
        stream_fits, stream_end = stream
        for row in rows:
            keys = _row_keys(row.key)
            r.put_fit(keys, stream_fits[row.key], r.tokens[start], T)
        return stream_end, fmt
    if by_order is not None:
        order_fits, labels, order_end, unreadable, notes = by_order
        if _score(order_fits, fmt, len(rows)) > label_score:
            del r.warnings[mark:]
            r.warn(
                "rows_by_order",
                f"table 三: row labels unreadable (wrapped or broken); its {len(rows)} data lines were read in "
                "the template's order",
                T,
                labels[0],
            )
            for junk in unreadable:
                r.warn("unreadable_cell", f"table 三: cell {junk[TEXT]!r} is not a number; read as blank", T, junk)
            for code, message, key, label in notes:
                r.warn(code, message, f"{T}/{key}", label)
            for row, label in zip(rows, labels, strict=True):
                keys = _row_keys(row.key)
                r.put_fit(keys, order_fits[row.key], label, T)
            return order_end, fmt
    for row, f in zip(rows, found, strict=True):
        keys = _row_keys(row.key)
        if f is None:
            r.warn("missing_row", f"row {row.key} of table 三 not found; its cells are blank", f"{T}/{row.key}")
            for key in keys:
                r.put(key, None)
            continue
        r.put_fit(keys, fits[row.key], r.tokens[f.index], T)
    return table_end, fmt


def _before_label_fits(
    r: Reading, rows: list[RowDef], found: list[Found | None], start: int, end: int
) -> tuple[dict[str, Fit], int] | None:
    """Table 三 read from the values printed before each row's label (pdfminer.six with ``boxes_flow=None`` orders
    a row's boxes by their lower edges; a label cell whose text sits lower than its values prints after them):
    every row's label found, in order, not glued to a value; exactly one row's values between the header and the
    first label (the run of values just before it); none after the last label up to table 四; each row's values
    (at most one more than its cells: the identities drop it) between the label before and its own. None
    otherwise. Returns the rows' fits and where the table ends."""
    if any(f is None or f.glued is not None for f in found):
        return None
    idx = [f.index for f in found if f is not None]
    if idx != sorted(idx) or len(set(idx)) != len(idx):
        return None
    stop = r.first_index(r"行政复议|行政诉讼", idx[-1] + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    if any(t[IS_VALUE] and not r.placeholder(t) for t in r.tokens[idx[-1] + 1 : stop]):
        return None
    first = idx[0]
    while first > 0 and r.tokens[first - 1][IS_VALUE]:
        first -= 1  # the first row's values: the run of values just before its label
    fits: dict[str, Fit] = {}
    prev = first
    for k, (row, i) in enumerate(zip(rows, idx, strict=True)):
        vals = [t for t in r.tokens[prev:i] if t[IS_VALUE] and not r.placeholder(t)]
        if not 0 < len(vals) <= N_APP + 1 or (k == 0 and len(vals) != N_APP):
            return None
        fits[row.key] = fit(vals, N_APP)
        prev = i + 1
    return fits, stop


def _joined_digits(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row with more values than columns whose values one space apart, in a row laid out with wider gaps,
    make one number each and leave a row whose total holds (``2 0 … 2 0`` for 20 … 20): that reading, reported
    as ``merged_digits``."""
    joined = join_split_digits(r.text, vals, N_APP)
    if joined is None or not row_total_holds([number_value(t[TEXT]) for t in joined[0]]):
        return None
    r.warn("merged_digits", f"{key}: {joined[1]} (a guess; the row total holds)", key, joined[0][0])
    return joined[0]


_DIGITS = re.compile(r"[1-9]\d*|0")


def _wrapped(r: Reading, vals: list[Token], key: str) -> Fit | None:
    """A row whose total is wrapped below its line (:mod:`parsers.tables.wrapped_digits`): its reading with the
    pieces joined, or the piece below left blank, said as ``wrapped_digits``; None for any other row."""
    found = wrapped_total(r.line_tokens(vals[-1][LINE]), vals, N_APP)
    if found is None:
        return None
    cells, how, read = found
    r.warn(
        "wrapped_digits" if read else "wrapped_digits_blank",
        f"{key}: a piece of a number alone on the line below the row's values, the row total failing as printed; "
        + (f"{how}, the one reading whose row total holds (a guess)" if read else how),
        key,
        vals[-1],
    )
    return Fit(cells, "positional", [])


def _rejoin_broken(r: Reading, vals: list[Token]) -> tuple[list[Token], Token, Token, bool] | None:
    """The reading of :func:`_broken_cell` (the row, the two pieces joined, whether the line break chose it among
    several the row total holds), or None."""
    texts = [t[TEXT] for t in vals]
    if not all(_DIGITS.fullmatch(x) for x in texts):
        return None
    readings: dict[tuple[int, ...], tuple[list[Token], Token, Token]] = {}
    pairs = [(k, k + 1) for k in range(len(vals) - 1)] + [(0, len(vals) - 1)]
    for a, b in pairs:
        if texts[a] == "0":
            continue  # no number is printed with a leading 0
        first, second = vals[a], vals[b]
        joined = token(
            texts[a] + texts[b], first[START], second[END], first[LINE], first[COL], first[TABBED], split=True
        )
        row = [*vals[:a], joined, *vals[a + 1 : b], *vals[b + 1 :]] if b == a + 1 else [*vals[1:b], joined]
        values = [int(t[TEXT]) for t in row]
        if row_total_holds(values):
            readings.setdefault(tuple(values), (row, first, second))
    if len(readings) == 1:
        return (*next(iter(readings.values())), False)
    broken = [x for x in readings.values() if _across_break(r, x[1], x[2])]
    return (*broken[0], True) if len(readings) > 1 and len(broken) == 1 else None


def _rejoined(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row of more values than cells read with the pieces of its broken numbers joined (:func:`_broken_cell` for
    one, :func:`_broken_cells` for two or three), or None."""
    return _broken_cell(r, vals, key) if len(vals) == N_APP + 1 else _broken_cells(r, vals, key)


MAX_BROKEN = 3  # cells of one row whose digits a narrow column broke over lines, read back by the row total


def _broken_cells(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row printing two or three values more than its cells, each extra one a piece of a cell's number that a
    narrow column broke over lines (Chromium's ``word-break: break-all`` in every cell too narrow for its number:
    ``41`` / ``6`` for 416, ``4`` / ``91`` for 491), the pieces printed one after another (pypdf, pypdfium2,
    ``pdftotext -raw``): the neighbouring pieces joined (no number starts with 0) where exactly one such reading of
    the row holds its total. Reported as ``merged_digits`` (a guess the row total confirms); None when no reading
    or several hold."""
    texts = [t[TEXT] for t in vals]
    extra = len(vals) - N_APP
    if not 1 < extra <= MAX_BROKEN or not all(_DIGITS.fullmatch(x) for x in texts):
        return None
    readings = _broken_readings(vals)
    if len(readings) != 1:
        return None
    row = next(iter(readings.values()))
    r.warn(
        "merged_digits",
        f"{key}: {len(vals)} values for {N_APP} cells ({' '.join(texts)}); read as "
        f"{' '.join(t[TEXT] for t in row)}, neighbouring pieces joined as one number each (a cell's digits broken "
        "over lines): the one such reading whose row total holds (a guess)",
        key,
        row[0],
    )
    return row


def _broken_readings(vals: list[Token]) -> dict[tuple[int, ...], list[Token]]:
    """The readings of a row of digit runs, two or three more than its cells, with neighbouring pieces joined (no
    number starts with 0) whose row total holds, by their values (:func:`_broken_cells`)."""
    extra = len(vals) - N_APP
    readings: dict[tuple[int, ...], list[Token]] = {}
    for joins in itertools.combinations(range(len(vals) - 1), extra):
        row: list[Token] = []
        for k, t in enumerate(vals):
            if k - 1 in joins:
                prev = row[-1]
                if prev[TEXT] == "0":
                    break  # no number is printed with a leading 0
                row[-1] = token(
                    prev[TEXT] + t[TEXT], prev[START], t[END], prev[LINE], prev[COL], prev[TABBED], split=True
                )
            else:
                row.append(t)
        else:
            values = [int(t[TEXT]) for t in row]
            if row_total_holds(values):
                readings.setdefault(tuple(values), row)
    return readings


def _across_break(r: Reading, first: Token, second: Token) -> bool:
    """``first`` ends its line and ``second`` starts a later one (no number between them on either line): two
    pieces a line's wrap may have broken one number into. Values one line prints apart are two cells."""
    if first[LINE] >= second[LINE]:
        return False
    after = [t for t in r.line_tokens(first[LINE]) if t[START] > first[START] and _DIGITS.fullmatch(t[TEXT])]
    before = [t for t in r.line_tokens(second[LINE]) if t[START] < second[START] and _DIGITS.fullmatch(t[TEXT])]
    return not after and not before


def _broken_cell(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row printing one value more than its cells, where one cell's digits were broken over two lines (a narrow
    cell wrapping a number digit by digit: Chromium's ``word-break: break-all``, ``1`` above the row's line and
    ``4`` below it for 14): the two pieces joined, when exactly one reading holds the row total. The pieces stand
    next to each other (pypdf, ``pdftotext -raw``: ``0 0 0 12 2 0 1 4``), or, the broken cell being the row's
    total, first and last (pdfplumber: ``1`` on the label's line, the other values on the next, ``4`` after them).
    Where several readings hold it (``1`` / ``1 0 1 0 0 0 12``: 11 and 0, or 1 and 10), the one whose pieces a
    line break parts (the first ends its line, the second starts the next: a text wrapped at a width, pandoc's
    plain and Markdown writers in a page's layout table), when only one does: two values one line prints apart
    are two cells. Reported as ``merged_digits`` (a guess the row total confirms); None when no reading or
    several hold."""
    found = _rejoin_broken(r, vals)
    if found is None:
        return None
    row, first, second, by_break = found
    r.warn(
        "merged_digits",
        f"{key}: {len(vals)} values for {N_APP} cells; {first[TEXT]!r} and {second[TEXT]!r} read as one number "
        f"{first[TEXT]}{second[TEXT]} (a cell's digits broken over two lines), "
        + (
            "of the readings whose row total holds the one whose two pieces a line break parts (a guess)"
            if by_break
            else "the one reading whose row total holds (a guess)"
        ),
        key,
        first,
    )
    return row


def _clean(fits: dict[str, Fit], found: list[Found | None], fmt: str, n_rows: int, passed: int) -> bool:
    """The reading by labels found every row with values, none ambiguous, and every identity holds (``passed``:
    how many identities hold on it, as :func:`_score` counts them)."""
    if any(f is None for f in found) or len(fits) != n_rows:
        return False
    if any(f.how == "short" or f.ambiguous for f in fits.values()):
        return False
    return passed == application_identities(fmt)


def _stream_fits(
    r: Reading, rows: list[RowDef], fmt: str, start: int, end: int, found: list[Found | None]
) -> tuple[dict[str, Fit], int] | None:
    """The table read from the stream of its values alone, in the template's row order (labels and values
    printed apart: ``pdftotext``'s reading order), when that placement is the only one the identities allow
    (:func:`parsers.tables.solve.read_stream`). Reported as ``stream_order``, blocks placed by the identities
    as ``placed_by_identities``. Where that fails on poppler's default-mode text, read again with the values of
    rows whose labels print as one block with their first cells in row order (:func:`_label_blocks`)."""
    stop = r.first_index(r"行政复议|行政诉讼", start + 1, end)
    if stop is None:
        stop = r.first_index(SECTION_FIVE, start + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    values = [t for t in r.tokens[start:stop] if t[IS_VALUE] and not r.placeholder(t)]
    glued: list[str] = []
    if len(values) < len(rows) * N_APP:
        values, glued = split_glued_lines(values, N_APP)
    if len(values) != len(rows) * N_APP:
        return None
    mark = len(r.warnings)
    read = _stream_read(r, rows, fmt, start, stop, values)
    if read is None and not glued:
        failed = r.warnings[mark:]  # the reading in the stream's order, said only where the blocks' fails too
        del r.warnings[mark:]
        read = _label_blocks(r, rows, fmt, start, stop, values, found)
        if read is None:
            r.warnings[mark:mark] = failed
    if read is not None and glued:
        r.warn(
            "split_number",
            f"table 三: {len(glued)} line(s) of values print fewer numbers than the row's {N_APP} cells, neighbouring "
            f"cells' digits glued ({'; '.join(glued)}): each read as one digit a cell, the only reading of "
            f"{N_APP} digits in {N_APP} cells (a number is never printed with a leading 0), its row total holding, "
            "and the table read from the stream holds every identity (a guess)",
            T,
            r.tokens[start],
        )
    return read


def _label_blocks(
    r: Reading,
    rows: list[RowDef],
    fmt: str,
    start: int,
    stop: int,
    values: list[Token],
    found: list[Found | None],
) -> tuple[dict[str, Fit], int] | None:
    """:func:`_stream_read` of ``values`` with the values of each block of row labels and their first cells in row
    order (:func:`parsers.tables.label_blocks.block_order`: poppler's default mode only), reported as
    ``label_block_values``; None (its own warnings dropped) where no block is found or that reading fails too. A
    block two placements hold is said (``label_block_open``) and left as printed."""
    if not is_paragraph_cells(r.extracted.text):
        return None
    labels = [(row.key, f.index) for row, f in zip(rows, found, strict=True) if f is not None]
    done = block_order(r.text, r.tokens, labels, values, N_APP)
    if done is None:
        return None
    for message in done.open:
        r.warn("label_block_open", f"table 三: {message}", T, r.tokens[start])
    if not done.said:
        return None
    mark = len(r.warnings)
    read = _stream_read(r, rows, fmt, start, stop, done.values)
    if read is None:
        del r.warnings[mark:]
        return None
    for note in done.said:
        r.warn(
            "label_block_values",
            f"table 三: {note} (poppler's reading order prints a wrapped label's cell, and cells close to it, as one "
            "block; every row's total holds read so, a guess)",
            T,
            r.tokens[start],
        )
    return read


def _stream_read(
    r: Reading, rows: list[RowDef], fmt: str, start: int, stop: int, values: list[Token]
) -> tuple[dict[str, Fit], int] | None:
    """:func:`_stream_fits`'s reading of ``values``, exactly the table's cells."""
    nums = [number_value(t[TEXT]) for t in values]
    identities = identities_at(rows, fmt)
    reading = read_stream(nums, len(rows), N_APP, identities)
    if reading.status == "none":
        return _displaced_fits(r, rows, values, read_displaced(nums, len(rows), N_APP, identities), start, stop)
    if reading.status == "ambiguous":
        r.warn(
            "ambiguous",
            f"table 三: its {len(values)} values, printed apart from the row labels, can be placed in "
            f"{reading.solutions} ways that satisfy every identity; not read that way",
            T,
            r.tokens[start],
        )
    if reading.status not in ("unique", "by_order"):
        return None
    fits = {row.key: Fit([values[k] for k in reading.cells[i]], "positional", []) for i, row in enumerate(rows)}
    down = [b for b in reading.blocks if b.how == "columns"]
    solved = [b for b in reading.blocks if b.how == "solved"]

    def names(bs: list[Block]) -> str:
        return "; ".join(", ".join(rows[i].key for i in range(b.first, b.first + b.rows)) for b in bs)

    r.warn(
        "stream_order",
        f"table 三: row labels printed apart from the values (text in reading order); its {len(values)} values "
        "read in the template's row order"
        + (f", rows {names(down)} down their columns" if down else "")
        + " (the only reading that satisfies every identity)",
        T,
        r.tokens[start],
    )
    for b in solved:
        keys = [rows[i].key for i in range(b.first, b.first + b.rows)]
        printed = "; ".join(
            " ".join(values[k][TEXT] for k in reading.cells[i]) for i in range(b.first, b.first + b.rows)
        )
        how = (
            "the only placement that satisfies every identity"
            if reading.status == "unique"
            else f"of the {reading.solutions} placements that satisfy every identity, the closest to the text's order"
        )
        r.warn(
            "placed_by_identities",
            f"table 三: the values of rows {', '.join(keys)} come in an order the text does not explain; placed as "
            f"{printed} ({how}: a guess)",
            f"{T}/{keys[0]}",
            values[reading.cells[b.first][0]],
        )
    return fits, stop


def _displaced_fits(
    r: Reading, rows: list[RowDef], values: list[Token], moved: DisplacedReading, start: int, stop: int
) -> tuple[dict[str, Fit], int] | None:
    """The table read from the stream of its values in the template's row order but for a few single values
    printed elsewhere, put back where every identity then holds (:func:`parsers.tables.displaced.read_displaced`),
    reported as ``displaced_values`` naming each cell moved and where its value printed; where the fewest such moves
    give several tables, or the search reaches its bound, nothing is read (``displaced_open``)."""
    if moved.status in ("ambiguous", "open"):
        why = (
            f"{moved.tables} or more tables satisfy every identity with {moved.moves} value(s) put back"
            if moved.status == "ambiguous"
            else f"the search for {moved.moves} displaced value(s) reached its limit ({DISPLACED_BUDGET} steps)"
        )
        r.warn(
            "displaced_open",
            f"table 三: its {len(values)} values, printed apart from the row labels, fail the identities read in the "
            f"template's row order; {why}: not read that way",
            T,
            r.tokens[start],
        )
        return None
    if moved.status != "unique" or not moved.moved:
        return None
    fits = {row.key: Fit([values[k] for k in moved.cells[i]], "positional", []) for i, row in enumerate(rows)}
    said = "; ".join(
        f"{rows[i].key}/{APPLICANT_COLUMNS[c]} = {values[k][TEXT]} (printed as value {k + 1}, where the order reads "
        f"row {rows[min(k // N_APP, len(rows) - 1)].key})"
        for (i, c), k in sorted(moved.moved)
    )
    (first, _), _ = min(moved.moved)
    r.warn(
        "displaced_values",
        f"table 三: its {len(values)} values print apart from its row labels, in the template's row order but for "
        f"{len(moved.moved)} value(s) printed elsewhere, put back where every identity then holds: {said} (the only "
        f"table so few displaced values give, at most {MAX_MOVES} searched: a guess)",
        f"{T}/{rows[first].key}",
        values[moved.moved[0][1]],
    )
    return fits, stop


def read_displaced_stream(
    r: Reading, rows: list[RowDef], fmt: str, values: list[Token], start: int
) -> dict[str, Fit] | None:
    """Table 三's rows read from ``values`` (exactly its cells, printed apart from its labels after token ``start``)
    in the template's row order but for a few single values put back where every identity then holds
    (:func:`_displaced_fits`, its warnings on ``r``); None where no one such table is found. Text printed box by
    box or block by block (:mod:`parsers.tables.box_order`) can print several neighbouring cells of one row as a
    block of their own elsewhere (poppler's default mode: three cells of a zero row with a repeated header's
    cells, after the table's last row): every displaced value may be of one row."""
    nums = [number_value(t[TEXT]) for t in values]
    moved = read_displaced(nums, len(rows), N_APP, identities_at(rows, fmt), max_row_moves=MAX_MOVES)
    got = _displaced_fits(r, rows, values, moved, start, start)
    return None if got is None else got[0]


def _merged_other(r: Reading, start: int, end: int) -> int | None:
    """The token of a single （六）其他处理 row carrying values, when the 2021 sub-rows are absent."""
    stop = r.first_index(r"结转下年度", start, end) or end
    if r.first_index(_SUB_ROW_WORDS, start, stop) is not None:
        return None
    other = r.first_index(r"其他处理", start, stop)
    if other is None:
        # the label wrapped in a narrow column (``（六）`` / ``其他处`` / ``理``): the fragment that holds 其他处
        other = next(
            (
                i
                for i in r._label_indexes(start, stop)
                if "其他处" in r.tokens[i][COMPACT] and r.wrapped_may_match(_OTHER_PROCESSING, i)
            ),
            None,
        )
    # a row: values after the label, or its digits glued to it (text that joins a row's cells with nothing)
    if other is None or not (r.row_like(other) or _GLUED_OTHER.search(r.tokens[other][COMPACT])):
        return None
    if r.extracted.ocr and _other_rows_printed(r, other) >= len(_OTHER_ROWS_2021):
        return None  # the sub-rows are printed, their labels too garbled for their words
    return other


_GLUED_OTHER = re.compile(r"其他处理\d+$")
# words of 2021's （六） sub-rows 1 and 2 (其他处理 split in three), none in 2019's one row
_SUB_ROW_WORDS = r"不补正|缴纳费用|收费通知|逾期未按"
_OTHER_PROCESSING = re.compile(r"其他处理")


def _label_fits(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, end: int
) -> tuple[dict[str, Fit], int]:
    state: dict[str, list[Value]] = {}
    pending: dict[str, list[Token]] = {}
    fits: dict[str, Fit] = {}
    table_end = found[0].index if found and found[0] else 0
    stops: dict[int, int] = {}
    for k, (f, later) in enumerate(zip(found, next_found(found), strict=True)):
        if f is not None:
            stops[k] = later if later is not None else _last_row_stop(r, f.index, end, seen=f.glued is not None)
    moved = _realign(r, rows, found, stops)
    headers: dict[int, dict[int, int] | None] = {}  # each pipe table's header names, by its first token
    firsts: dict[int, int] = {}  # each row's first token → its pipe table's first token
    on_label_line: set[str] = set()  # the pending rows whose values are printed on one line after label text
    # rows whose numbers broken over lines print after their other cells: each placement whose row total holds
    open_boxes: dict[str, tuple[list[list[Token]], Token]] = {}
    for k, (row, f) in enumerate(zip(rows, found, strict=True)):
        if f is None:
            continue
        stop = stops[k]
        table_end = max(table_end, stop)
        if row.key in moved:
            fits[row.key] = Fit(list(moved[row.key]), "positional", [])
            state[row.key] = fits[row.key].values()
            continue
        vals, pos = _values(r, f, stop, N_APP, f"{T}/{row.key}")
        if pos is None and len(vals) > N_APP and (boxed := _boxes_last(r, vals, f"{T}/{row.key}")) is not None:
            if len(boxed) == 1:
                fits[row.key] = Fit(list(boxed[0]), "positional", [])
                state[row.key] = fits[row.key].values()
            else:
                open_boxes[row.key] = (boxed, vals[0])  # placed below, by the table's identities
            continue
        if pos is not None and len(vals) < N_APP and _glued_in_merged_cells(r.line_after(f.index), pos):
            pos = None  # its cells not the columns: its values fitted below, digits glued split by the identities
        if pos is None and len(vals) > N_APP and (joined := _joined_digits(r, vals, f"{T}/{row.key}")) is not None:
            vals = joined
        elif pos is None and len(vals) > N_APP and (rejoined := _rejoined(r, vals, f"{T}/{row.key}")):
            vals = rejoined
        if (
            pos is not None
            and (header := header_cells(r, f.index, headers, firsts))
            and (named := by_names(pos, r.line_after(f.index), header, N_APP))
        ):
            _warn_named(r, row.key, named, header)
            pos = named
        if pos is not None:
            fits[row.key] = Fit(pos, "positional", [])
        elif len(vals) == N_APP and (wrapped := _wrapped(r, vals, f"{T}/{row.key}")) is not None:
            fits[row.key] = wrapped
        elif len(vals) == N_APP:
            fits[row.key] = fit(vals, N_APP)
        else:
            pending[row.key] = vals
            if vals and all(t[LINE] == vals[0][LINE] for t in vals) and _after_text(r, vals[0]):
                on_label_line.add(row.key)
            continue
        state[row.key] = fits[row.key].values()

    def scorer_for(key: str) -> Callable[[list[Value]], int]:
        def score(vals: list[Value]) -> int:
            trial = {**state, key: vals}
            # only identities whose rows are all read so far: a row still to fit is not a row of zeros; and
            # only those that read this row (the rest add the same to every reading of it)
            return application_passed(trial, fmt, read_rows_only=True, reading=key)

        return score

    # rows printed as a few runs of digits on a line of the label's text, their gaps lost (``3 05 0 008``): split
    # below, never laid by columns; not in OCR's text (its runs are digits read apart or together by chance, a 0
    # among them as likely a speck: :func:`_glued_text_layer`)
    glued = {
        key: pending.pop(key)
        for key in [k for k in pending if k in on_label_line and (_glued(pending[k]) or _nbsp_splits(r, pending[k]))]
    }
    if glued and not _glued_text_layer(r, found, table_end):
        pending.update(glued)
        glued = {}
    for key, laid in _short_rows_by_grid(r, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in _short_rows_by_names(r, pending).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in _short_rows_by_lines(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in _short_rows_by_columns(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in place_cut_rows(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    runs = {key: vals for key, vals in pending.items() if len(vals) == 1 and is_run(vals[0], N_APP)}
    for key in runs:
        del pending[key]
    for key, vals in pending.items():
        fits[key] = fit(vals, N_APP, scorer_for(key), edge=first_and_total)
        state[key] = fits[key].values()
    runs.update(glued)
    if runs:
        split = _split_runs(r, rows, fmt, runs, state)
        fits.update(split)
        state.update({key: f.values() for key, f in split.items()})
    if open_boxes:
        placed = _place_open_boxes(r, rows, fmt, open_boxes, state)
        fits.update(placed)
        state.update({key: f.values() for key, f in placed.items()})
    if len(pending) > 1:
        # once every row has a reading, each row fitted without all of them is fitted again
        for key, vals in pending.items():
            fits[key] = fit(vals, N_APP, scorer_for(key), edge=first_and_total)
            state[key] = fits[key].values()
    short = {key: vals for key, vals in pending.items() if fits[key].how == "padded" and len(vals) > 1}
    if short:
        fits.update(_place_short_rows(r, rows, fmt, short, fits))
    fits.update(_rule_glued_rows(r, rows, fmt, found, fits, {rows[k].key: v for k, v in stops.items()}))
    fits.update(_merged_column_rows(r, rows, found, fmt, fits))
    shift_lost_column(r, fits, fmt)
    _blank_rule_or_digit_cells(r, fits)
    return fits, table_end


def _glued_in_merged_cells(line: list[Token], pos: list[Token | None]) -> bool:
    """A pipe row short of values, two of them in one cell (a converter's table with a column boundary missed:
    markitdown's ``| 12828 | 2115 | 12 | 0 204 |`` for 128 28 21 15 12 0 204, narrow cells' digits glued), whose
    cells right-aligned with the columns break its total: its cells are not the table's columns."""
    return bool(merged_cells(line)) and not row_total_holds(Fit(pos, "positional", []).values())


def _merged_column_rows(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, fits: dict[str, Fit]
) -> dict[str, Fit]:
    """Rows read by their labels whose line is short of a value in a cell that holds two columns, as the full
    lines of the same pipe table show (:mod:`parsers.tables.merged_columns`; markitdown's and pymupdf4llm's
    tables of a PDF): laid in that cell's columns as the identities decide over all such rows together, else
    the cells in doubt left blank (``placement_open``), never right-aligned with the row's end. Only placements
    whose row total holds are weighed (a line whose values break it is another case: digits glued, a value
    lost). Pipe tables only: a text laid out by spaces places its short rows by its own columns."""
    if r.canonical is None or r.canonical.convention != "markdown":
        return {}
    lines: dict[str, list[Token]] = {}
    for row, f in zip(rows, found, strict=True):
        fitted = fits.get(row.key)
        if f is None or fitted is None:
            continue
        toks = [t for t in fitted.tokens if t is not None and t[TEXT]]
        if not toks or len({t[LINE] for t in toks}) != 1 or not all(t[TABBED] for t in toks):
            continue
        line = r.line_tokens(toks[0][LINE])
        if all(t[TABBED] for t in line) and sum(t[IS_VALUE] for t in line) >= N_APP - 2:
            lines[row.key] = line
    if not lines:
        return {}
    widths = _by_width(list(lines.values()))
    groups = {width: column_groups(part, N_APP) for width, part in widths.items()}
    ways: dict[str, list[list[Token | None]]] = {}
    for key, line in lines.items():
        cols = groups.get(max(t[COL] for t in line))
        if cols is None or (laid := placements(line, cols, N_APP)) is None:
            continue
        held = [p for p in laid if row_total_holds(Fit(p, "positional", []).values())]
        if held and any(Fit(p, "positional", []).values() != fits[key].values() for p in held):
            ways[key] = held
    if not ways:
        return {}
    open_rows = {key: laid for key, laid in ways.items() if len(laid) > 1}
    chosen = _choose_jointly({key: f.values() for key, f in fits.items()}, open_rows, fmt)
    if chosen is None:
        return {}
    out: dict[str, Fit] = {}
    for key, laid in ways.items():
        first = next(t for t in laid[0] if t is not None)
        msg = f"{T}/{key}: {_printed(laid[0])} {_SHORT}"
        if key in chosen[1]:
            out[key] = Fit(chosen[0][key], "positional", [])
            r.warn(
                "placement_open",
                f"{msg}; the identities hold as well with the blank in either of its cell's columns: both left "
                "blank (not right-aligned)",
                f"{T}/{key}",
                first,
            )
        else:
            out[key] = Fit(chosen[0].get(key, laid[0]), "positional", [])
            r.warn(
                "merged_columns",
                f"{msg}; the blank placed in the column where the identities hold (not right-aligned)",
                f"{T}/{key}",
                first,
            )
    return out


def _warn_named(r: Reading, row: str, named: list[Token | None], header: dict[int, int]) -> None:
    unnamed = [APPLICANT_COLUMNS[c] for c in range(N_APP) if c not in header.values()]
    first = next(t for t in named if t is not None)
    r.warn(
        "named_columns",
        f"{T}/{row}: its cells read under the header's column names ("
        + " ".join(HEAD_NAMES[c] for c in sorted(header.values()))
        + "), not right-aligned"
        + (f"; the column the header does not name ({', '.join(unnamed)}) has no cell in this row" if unnamed else ""),
        f"{T}/{row}",
        first,
    )


def _short_rows_by_grid(
    r: Reading, pending: dict[str, list[Token]], scorer_for: Callable[[str], Callable[[list[Value]], int]]
) -> dict[str, Fit]:
    """Rows of table 三 short of values in the parser's own OCR of a ruled table, read by the grid fields the
    nearest whole rows of their grid print their values in (:func:`parsers.tables.grid_columns.by_grid_columns`),
    when the identities like that placement as well as the order's. The cells no value stands in are left blank
    (a cell the engine read nothing in, or printed empty), the unreadable ones named. Reported as
    ``grid_columns`` (a guess: the page's grid, not the identities, places the values)."""
    if not pending or not r.extracted.ocr:
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if (grid := by_grid_columns(r, vals, N_APP)) is None:
            continue
        laid, unreadable = grid
        score = scorer_for(key)
        placed = Fit(laid, "positional", [])
        if score(placed.values()) < score(fit(vals, N_APP, score, edge=first_and_total).values()):
            continue
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "grid_columns",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, each read in the column whose grid field the "
            "nearest whole rows of its table print their values in (a scan's grid); "
            f"{', '.join(blank)} blank"
            + (f" ({', '.join(repr(t[TEXT]) for t in unreadable)} unreadable)" if unreadable else "")
            + (", the row's total holding" if row_total_holds(placed.values()) else ", the row's total not holding"),
            f"{T}/{key}",
            vals[0],
        )
        out[key] = placed
    return out


def _short_rows_by_names(r: Reading, pending: dict[str, list[Token]]) -> dict[str, Fit]:
    """Rows of table 三 short of cells in a pandoc table laid out by spaces, whose values each stand under a column
    name its header prints (:func:`parsers.tables.named_columns.names_by_ruler`): read by the names, the column
    no name heads left blank (never summed). Reported as ``named_columns``."""
    assert r.canonical is not None
    if not pending or r.canonical.convention in ("tab", "markdown", "markdown_html"):
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 1 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        columns = names_by_ruler(r.extracted.text, spans, N_APP)
        if columns is None:
            continue
        laid: list[Token | None] = [None] * N_APP
        for t, col in zip(vals, columns, strict=True):
            laid[col] = t
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "named_columns",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, each read under the column name the table's "
            f"header prints above it (a pandoc table laid out by spaces); {', '.join(blank)} not printed in this "
            "row: blank",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out


def _short_rows_by_lines(
    r: Reading,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """Rows of table 三 short of cells, printed a value a line by a tool that prints an empty cell as an empty
    paragraph (docx2txt, LibreOffice's text, BeautifulSoup's lines): their blank cells placed where the text
    prints the extra empty lines (:func:`parsers.tables.blank_rows.blanks_by_lines`; before the first value,
    against the gap the table's full rows print there), when the identities like that placement as well as any
    other. Reported as ``blank_cells_placed``."""
    text = r.extracted.text
    starts: list[int] = []
    for f in fits.values():
        if f.how != "exact" or (spans := original_spans(r, [t for t in f.tokens if t is not None])) is None:
            continue
        if all(text.count("\n", a[1], b[0]) >= 1 for a, b in itertools.pairwise(spans)):
            starts.append(leading_newlines(text, spans[0][0]))
    base = None
    if len(starts) >= 3 and (top := max(set(starts), key=starts.count)) and starts.count(top) * 3 >= len(starts) * 2:
        base = top
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 2 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        cols = blanks_by_lines(text, spans, N_APP, base)
        if cols is None or cols[-1] >= N_APP:
            continue
        laid: list[Token | None] = [None] * N_APP
        for t, c in zip(vals, cols, strict=True):
            laid[c] = t
        score = scorer_for(key)
        if score(Fit(laid, "padded", []).values()) < score(fit(vals, N_APP, score, edge=first_and_total).values()):
            continue
        blank = [c + 1 for c in range(N_APP) if laid[c] is None]
        r.warn(
            "blank_cells_placed",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, printed a value a line with empty lines "
            f"for empty cells: cells {', '.join(map(str, blank))} read as blank where the empty lines are (a guess)",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out


def _short_rows_by_columns(
    r: Reading,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """Rows of table 三 short of cells, printed on one line laid out in columns by spaces by a tool that lays
    the page on a character grid (poppler's ``-layout``, pypdf's and pdfplumber's layout modes) or a terminal's
    (pandoc's plain tables, a CJK character two columns): a blank cell
    prints nothing but keeps its room, so each value is the column whose place on the line the table's whole rows
    print their values in (:func:`parsers.tables.blank_rows.column_bands`: a run of three such rows at least,
    agreeing, around the row or, a page break between, next to it before or after it),
    when the identities like that placement as well as any other. The cells no value stands in are blanks the
    report printed, not cells the text lost (they are not deduced 0). Reported as ``blank_cells_placed``."""
    if not pending:
        return {}
    text = r.extracted.text
    whole = [
        spans
        for f in fits.values()
        if f.how in ("exact", "positional")
        and None not in f.tokens
        and (spans := original_spans(r, [t for t in f.tokens if t is not None])) is not None
    ]
    # a character grid (poppler, pypdf, pdfplumber) first, a terminal's (pandoc's plain tables) else
    grids = [(wide, runs) for wide in (False, True) if (runs := column_bands(text, sorted(whole), N_APP, wide))]
    if not grids:
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 1 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        how = (
            "on one line laid out in columns by spaces: each value read in the column the table's whole rows "
            "print at its place"
        )
        if (laid := lay_by_bands(r, key, vals, 0, spans, grids, scorer_for(key), how)) is not None:
            out[key] = laid
    return out


# a cell of zeros and marks that are a 1 or a table rule (``101``, ``1010``, ``|0|``): 0 between two rules, or a
# number with 1s in it; or a cell with a rule inside it read as a 1 (``101|14``); or two letters alone, a rule
# and a letter o (``lo``, ``oI``: a 0 beside its rule, read 10 or 01)
_RULE_OR_DIGIT = re.compile(r"^(?=.*0)(?=.*[1lI|])[01lI|oO]{3,}$|^[lI|][oO〇]$|^[oO〇][lI|]$")


def _blank_rule_or_digit_cells(r: Reading, fits: dict[str, Fit]) -> None:
    """In OCR'd text (no TAB or Markdown cells), a row whose reading is in doubt (cells lost, or a total that
    fails) and that holds a cell like ``101`` — a 0 between two rules OCR read as 1s, or a number — or a cell
    with a bar inside (``101|14``) has that cell left blank (``rule_or_digit``): nothing in the row confirms
    either reading. In text that glues every row's cells (convention ``glued``: no rules printed), a row split
    from its run of digits (``split``: its total holds, the split chosen by the table's identities) is in no doubt."""
    assert r.canonical is not None
    if r.canonical.convention in ("tab", "markdown", "markdown_html"):
        return
    sure = (
        ("exact", "positional", "rules", "split")
        if r.canonical.convention == "glued"
        else ("exact", "positional", "rules")
    )
    for key, f in fits.items():
        if f.how in sure and row_total_holds(f.values()):
            continue
        for c, tok in enumerate(f.tokens):
            if tok is None:
                continue
            raw = tok[OCR_RAW] or tok[TEXT]
            if not (_RULE_OR_DIGIT.match(raw) or "|" in raw.strip("|")):
                continue  # ``101114`` printed ``101|14``: a rule inside, read as a 1
            f.tokens[c] = None
            r.warn(
                "rule_or_digit",
                f"{T}/{key}/{APPLICANT_COLUMNS[c]}: {raw!r} may be a 0 between the table's rules "
                "or a number, and the row does not add up either way; left blank",
                f"{T}/{key}/{APPLICANT_COLUMNS[c]}",
                tok,
            )


def _rule_glued_rows(
    r: Reading, rows: list[RowDef], fmt: str, found: list[Found | None], fits: dict[str, Fit], stops: dict[str, int]
) -> dict[str, Fit]:
    """Rows whose reading fails the row total (or lost cells), read again from the printed line with the
    table's rules glued to the digits (:mod:`parsers.tables.rules`): each such row's readings whose total holds,
    chosen together by the table's other identities over the rows that read plainly. A row is taken only when
    one choice remains; reported ``rule_glued`` with the printed text. Only in a table printed with its rules
    (:func:`_prints_rules`): elsewhere a total that fails is the published one, kept."""
    placed = [f.index for f in found if f is not None]
    if not placed or not _prints_rules(
        r, r.tokens[placed[0]][START], r.tokens[max(stops.values(), default=placed[-1]) - 1][END]
    ):
        return {}
    at = {row.key: i for i, row in enumerate(rows)}
    options: dict[int, list[tuple[Value, ...]]] = {}
    pieces: dict[int, tuple[list[tuple[Piece, ...]], int, Token]] = {}
    stop_of: dict[int, int] = {}
    for row, f in zip(rows, found, strict=True):
        current = fits.get(row.key)
        if f is None or current is None:
            continue
        guessed = current.how in ("split", "merged")  # a number split or joined: a guess the rules may undo
        if current.how not in ("padded", "short", "dropped") and row_total_holds(current.values()) and not guessed:
            continue  # read whole with its total holding
        label = r.tokens[f.index]
        # from the row's first value (on the label's line, or the next line when the label wrapped above it)
        end = stops.get(row.key, f.index + 1)
        first = next((t for t in r.tokens[f.index + 1 : end] if t[IS_VALUE]), None)
        begin = label[END] if first is None or first[LINE] == label[LINE] else first[START]
        begin = f.glued[START] if f.glued is not None else begin
        if begin == label[END] and (m := _LABEL_TAIL_CELLS.search(r.text, label[START], label[END])):
            begin = m.start()  # the row's first cells OCR ran into its label (``合法权益 fo | o fo``)
        stop = r.text.find("\n", begin)
        stop = len(r.text) if stop < 0 else stop
        readings = rule_readings(normalise(r.text[begin:stop]), N_APP)
        if not readings:
            continue
        if [p.value for p in readings[0]] == current.values() and len(readings) == 1:
            continue
        options[at[row.key]] = [tuple(p.value for p in reading) for reading in readings]
        if guessed:
            if tuple(current.values()) in options[at[row.key]]:
                del options[at[row.key]]
                continue  # the guess is a reading by the rules too
            options[at[row.key]].append(tuple(current.values()))  # last: kept when it is chosen
        pieces[at[row.key]] = (readings, begin, label)
        stop_of[at[row.key]] = stop
    if not options:
        return {}
    firm = {
        at[key]
        for key, f in fits.items()
        if at[key] not in options and f.how in ("exact", "positional") and not f.ambiguous
        and row_total_holds(f.values())
    }  # fmt: skip
    known = {(at[key], c): v for key, f in fits.items() if at[key] in firm for c, v in enumerate(f.values())}
    usable = _usable(identities_at(rows, fmt), firm, options)
    choices, complete = choose_rows(options, known, usable)
    if not complete or not choices:
        return {}
    out: dict[str, Fit] = {}
    for i, (readings, begin, label) in pieces.items():
        picked = {choice[i] for choice in choices}
        by_rules = [j for j in picked if j < len(readings)]
        own = fits[rows[i].key].how
        if len(by_rules) != 1 or len(picked) > 2 or (len(picked) == 2 and own != "split"):
            continue  # open, or the row's own reading (a split or join) chosen
        j = by_rules[0]  # over a split of the digits the identities equally allow: the rules explain the text
        reading = readings[j]
        cells: list[Token | None] = [
            token(str(p.value), begin + p.start, begin + p.end, label[LINE], label[COL], label[TABBED], split=True)
            for p in reading
        ]
        printed = " ".join(r.text[begin : stop_of[i]].split())
        key = rows[i].key
        how = (
            "the only reading whose row total holds"
            if len(readings) == 1
            else f"of its {len(readings)} readings whose row total holds, the only one the table's identities allow"
        )
        read = " ".join(t[TEXT] for t in cells if t)
        guess = f"{printed!r} read as {read} (the table's rules printed as 1 or glued to the digits; {how})"
        out[key] = Fit(cells, "rules", [], guess=guess)
        stale = ("unreadable_cell", "unknown_row")  # what the plain reading said of the cells now read
        r.warnings[:] = [w for w in r.warnings if not (w.key == f"{T}/{key}" and w.code in stale)]
    return out


# cells with their rules glued on, at the end of a label token (``… 4.保护第三方合法权益 fo``): a space before them
_LABEL_TAIL_CELLS = re.compile(r"(?<=\s)(?:[\[\]|!fjJ{}]{0,2}[0-9oO〇]{1,3}[\]|!}]?\s*)+$")


def _place_short_rows(
    r: Reading, rows: list[RowDef], fmt: str, short: dict[str, list[Token]], fits: dict[str, Fit]
) -> dict[str, Fit]:
    """Rows that print fewer values than columns (cells lost: OCR drops lone zeros, text drops blank cells):
    each row's values kept in order, in every placement whose row total holds; the placements of all such rows
    chosen together by the table's other identities (the per-column sums, the balance), over the rows read
    plainly. Taken only when exactly one choice satisfies them all (``placed_by_identities``); otherwise the
    rows keep their reading (reported ``ambiguous``)."""
    at = {row.key: i for i, row in enumerate(rows)}
    options: dict[int, list[tuple[Value, ...]]] = {}
    slots: dict[int, list[tuple[int, ...]]] = {}
    gapped: set[int] = set()  # rows whose placements the gaps in the printed line narrowed
    lost_cells: dict[int, Value] = {}  # rows short of one non-zero cell: the value the row total wants there
    for key, vals in short.items():
        values = [number_value(t[TEXT]) for t in vals]
        for cols in combinations(range(N_APP), len(vals)):
            row: list[Value] = [None] * N_APP
            for c, v in zip(cols, values, strict=True):
                row[c] = v
            if row_total_holds(row):
                options.setdefault(at[key], []).append(tuple(row))
                slots.setdefault(at[key], []).append(cols)
        i = at[key]
        if i not in options and (lost := _lost_value(values)) is not None:
            # no placement holds the row total: one cell the text lost was not 0. Each column may be the lost
            # one, valued what the total wants, for the table's other identities to choose; it stays blank.
            for c in range(N_APP - 1):
                cols = tuple(k for k in range(N_APP) if k != c)
                row = [None] * N_APP
                for k, v in zip(cols, values, strict=True):
                    row[k] = v
                row[c] = lost
                options.setdefault(i, []).append(tuple(row))
                slots.setdefault(i, []).append(cols)
            lost_cells[i] = lost
        if i in slots and len(slots[i]) > 1 and (keep := _by_gaps(vals, slots[i])):
            gapped.add(i)
            options[i] = [options[i][k] for k in keep]
            slots[i] = [slots[i][k] for k in keep]
    if not options:
        return {}
    firm = {
        at[key]
        for key, f in fits.items()
        if key not in short and f.how in ("exact", "positional") and not f.ambiguous and row_total_holds(f.values())
    }
    known = {(at[key], c): v for key, f in fits.items() if at[key] in firm for c, v in enumerate(f.values())}
    usable = _usable(identities_at(rows, fmt), firm, options)
    choices, complete = choose_rows(options, known, usable)
    if not choices or not complete or len(choices) >= MAX_SOLUTIONS:
        return {}  # none, or more than the search lists: no row can be said to have one placement
    out: dict[str, Fit] = {}
    for key, vals in short.items():
        i = at[key]
        if i not in options or len({choice[i] for choice in choices}) != 1:
            continue  # this row's placement is left open by the identities
        cols = slots[i][choices[0][i]]
        cells: list[Token | None] = [None] * N_APP
        for c, tok in zip(cols, vals, strict=True):
            cells[c] = tok
        if i in lost_cells:
            blank = next(c for c in range(N_APP) if c not in cols)
            r.warn(
                "placed_by_identities",
                f"{T}/{key}: {len(vals)} values for {N_APP} cells ({' '.join(t[TEXT] for t in vals)}) and no "
                f"placement holds the row total: a lost cell was {lost_cells[i]}, and only in column "
                f"{APPLICANT_COLUMNS[blank]} does that satisfy the table's identities; the values placed around "
                "it, that cell left blank",
                f"{T}/{key}",
                vals[0],
            )
        elif Fit(cells, "padded", []).values() != fits[key].values() or fits[key].ambiguous:
            r.warn(
                "placed_by_identities",
                f"{T}/{key}: {len(vals)} values for {N_APP} cells ({' '.join(t[TEXT] for t in vals)}); placed in "
                f"columns {', '.join(APPLICANT_COLUMNS[c] for c in cols)}, the only placement of the table's short "
                "rows that satisfies every identity"
                + (" among those the gaps in the printed row allow" if i in gapped else "")
                + " (a guess: the other cells are blank)",
                f"{T}/{key}",
                vals[0],
            )
        out[key] = Fit(cells, "padded", [])
    return out


def _lost_value(values: list[Value]) -> Value:
    """A row short of exactly one cell, its total printed: what the lost cell was when it was not 0 (the total
    less the others), else None."""
    printed = [v for v in values if v is not None]
    if len(values) != N_APP - 1 or len(printed) != len(values):
        return None
    lost = printed[-1] - sum(printed[:-1])
    return lost if lost > 1e-6 else None


def _usable(identities: list[Identity], firm: set[int], options: dict[int, list[tuple[Value, ...]]]) -> list[Identity]:
    """The identities a joint choice can check: every row in them read firmly or to be chosen, one at least to be
    chosen (one among firm rows alone that fails says nothing of the choice)."""
    return [
        i
        for i in identities
        if all(row in firm or row in options for row in i.rows) and any(row in options for row in i.rows)
    ]


GAP_RATIO = 2.0  # a gap this many times the widest ordinary gap between cells marks cells lost there


def _by_gaps(vals: list[Token], placements: list[tuple[int, ...]]) -> list[int]:
    """The placements (indexes into ``placements``) that put the lost cells where the printed row has its wide
    gaps (OCR and layout text keep a lost cell's room as spaces: ``11      2            1      0   14``): every
    gap that holds a lost cell at least :data:`GAP_RATIO` times the widest gap that holds none. Empty when the
    values are not on one line or the gaps tell nothing apart."""
    if len(vals) < 2 or len({t[LINE] for t in vals}) != 1:
        return []
    gaps = [b[START] - a[END] for a, b in itertools.pairwise(vals)]
    keep = []
    for k, cols in enumerate(placements):
        lost = [cols[j + 1] - cols[j] - 1 for j in range(len(gaps))]
        wide = [g for g, n in zip(gaps, lost, strict=True) if n]
        narrow = [g for g, n in zip(gaps, lost, strict=True) if not n]
        if wide and narrow and min(wide) >= GAP_RATIO * max(narrow):
            keep.append(k)
    return keep


def _after_text(r: Reading, first: Token) -> bool:
    """Whether the line of token ``first`` prints text (a label or a piece of one) before it: a row laid out
    on a line, not a line of values alone (a stream's)."""
    head = r.text[r.text.rfind("\n", 0, first[START]) + 1 : first[START]]
    return any(not (ch.isspace() or ch.isdigit()) for ch in head)


def _glued_text_layer(r: Reading, found: list[Found | None], table_end: int) -> bool:
    """Whether table 三 (its first label found to ``table_end``) is a text layer's or a page's text, no OCR's:
    :func:`parsers.tables.text_layer.marks_of_ocr` finds none of OCR's marks in it (a table's rules read as bars or
    letters, brackets of both widths). Only there does a run of digits beginning with 0 tell that a gap was lost:
    OCR prints runs of digits glued or parted as its boxes fall, and reads specks as 0 (``0|101|101110``)."""
    first = next((f.index for f in found if f is not None), None)
    if first is None:
        return False
    last = r.tokens[min(max(table_end, first), len(r.tokens) - 1)]
    return not marks_of_ocr(r, r.where(r.tokens[first]).offset, r.where(last).end)


def _glued(vals: list[Token]) -> bool:
    """A row printed as fewer runs of digits than it has cells (on a line after label text: the caller's check), its
    digits as many as its cells at least, one run at least printing a 0 before other digits (``3 05 0 008``,
    ``440120 0056``: a laid-out text that lost the gaps between narrow columns): no count prints a leading 0, so
    the runs hold several cells each."""
    return (
        1 < len(vals) < N_APP
        and all(t[TEXT].isdigit() for t in vals)
        and sum(len(t[TEXT]) for t in vals) >= N_APP
        and any(len(t[TEXT]) > 1 and t[TEXT][0] == "0" for t in vals)
    )


def _split_runs(
    r: Reading, rows: list[RowDef], fmt: str, runs: dict[str, list[Token]], state: dict[str, list[Value]]
) -> dict[str, Fit]:
    """Rows printed as runs of digits (``374412512810103918``, or a few runs ``3 05 0 008``, :func:`_glued`): each
    split into the row's cells so that the row total holds (:func:`parsers.tables.solve.split_row`), no cell
    across two runs, the splits of all such rows chosen jointly so that every identity of the table holds. A row
    whose split the identities leave open gets blank cells and an ``ambiguous_split`` warning naming the
    readings."""
    at = {row.key: i for i, row in enumerate(rows)}
    options: dict[int, list[tuple[Value, ...]]] = {}
    marked: set[str] = set()  # rows whose blank cells print as no-break spaces among their runs
    for key, toks in runs.items():
        if (by_nbsp := _nbsp_splits(r, toks)) is not None:
            options[at[key]] = by_nbsp
            marked.add(key)
            continue
        found = split_row("".join(t[TEXT] for t in toks), N_APP)
        options[at[key]] = [o for o in found if run_pieces(toks, o) is not None] if found else []
    known = {(at[key], c): v for key, vals in state.items() for c, v in enumerate(vals)}
    solvable = {i: o for i, o in options.items() if o}
    choices, complete = choose_rows(solvable, known, identities_at(rows, fmt))
    glued = r.canonical is not None and r.canonical.convention == "glued"
    off = _wrong_total_run(runs, options, solvable, known, identities_at(rows, fmt), at) if glued else None
    if off is not None:  # a run no split of which holds its total, decided by the other identities
        solvable, choices, complete = off[0], [off[1]], True
    out: dict[str, Fit] = {}
    for key, toks in runs.items():
        i = at[key]
        tok = toks[0]
        shown = " ".join(t[TEXT] for t in toks)
        picked = {choice[i] for choice in choices} if choices and complete else set()
        if len(picked) == 1 or (i in solvable and len(solvable[i]) == 1):
            values = solvable[i][picked.pop() if len(picked) == 1 else 0]
            cells = _pieces_and_blanks(toks, values)
            if cells is not None:
                printed = " ".join("(blank)" if t is None else t[TEXT] for t in cells)
                alone = len(solvable[i]) == 1
                note = ", a no-break space printed for each blank cell where it stands," if key in marked else ""
                guess = f"{shown!r}{note} split as {printed}" + (
                    " (no split holds its total: the only one under which every identity holds but those through "
                    "one of its cells, the one published wrong)"
                    if not options[i]
                    else ""
                    if alone
                    else f" (of its {len(solvable[i])} splits whose total holds)"
                )
                out[key] = Fit(list(cells), "split", [], guess=guess)
                continue
        readings = options[i]
        r.warn(
            "ambiguous_split",
            f"{T}/{key}: digits printed without separators, {shown!r}: "
            + (
                f"{len(readings)} splits satisfy the row total ("
                + "; ".join(" ".join(str(v) for v in o) for o in readings[:4])
                + ("; …" if len(readings) > 4 else "")
                + "), the table's identities do not single one out; cells left blank"
                if readings
                else "no split satisfies the row total; cells left blank"
            ),
            f"{T}/{key}",
            tok,
        )
        out[key] = Fit([None] * N_APP, "positional", [])
    return out


def _boxes_last(r: Reading, vals: list[Token], key: str) -> list[list[Token]] | None:
    """A row of more values than cells in a text that prints a cell a paragraph, whose numbers broken over lines
    (boxes of two lines or more) print after its other cells (:mod:`parsers.tables.broken_boxes`: pdfminer's
    ``boxes_flow=None``): its readings, one for each placement of the broken boxes (pieces joined) whose row total
    holds; where there is one, it is said (``merged_digits``). None where the row is not so printed."""
    if not is_paragraph_cells(r.extracted.text):
        return None
    boxes = broken_boxes(vals, N_APP)
    if boxes is None:
        return None
    orders = box_orders(boxes)
    if not orders:
        return None
    readings: list[list[Token]] = []
    for order in orders:
        cells: list[Token] = []
        for k in order:
            box = boxes[k]
            first, last = box[0], box[-1]
            text = "".join(t[TEXT] for t in box)
            cells.append(
                first
                if len(box) == 1
                else token(text, first[START], last[END], first[LINE], first[COL], first[TABBED], split=True)
            )
        readings.append(cells)
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"{key}: {_boxes_printed(boxes)}: the numbers broken over lines (pieces joined) print after the row's "
            "other cells (a PDF's boxes in the order of their lower edges); read as "
            f"{' '.join(t[TEXT] for t in readings[0])}, the one placement whose row total holds (a guess)",
            key,
            vals[0],
        )
    return readings


def _boxes_printed(boxes: list[list[Token]]) -> str:
    return " ".join("/".join(t[TEXT] for t in b) for b in boxes)


def _place_open_boxes(
    r: Reading,
    rows: list[RowDef],
    fmt: str,
    open_boxes: dict[str, tuple[list[list[Token]], Token]],
    state: dict[str, list[Value]],
) -> dict[str, Fit]:
    """Rows of :func:`_boxes_last` with several placements: the placements chosen jointly so that every identity of
    the table holds (the other rows as read); a row is read where every such choice gives it one placement
    (``merged_digits``), else the cells its placements all read alike are read and the others left blank
    (``placement_open``: the text does not say which columns the broken numbers are)."""
    at = {row.key: i for i, row in enumerate(rows)}
    options = {
        at[key]: [tuple(number_value(t[TEXT]) for t in cells) for cells in readings]
        for key, (readings, _) in open_boxes.items()
    }
    known = {(at[key], c): v for key, vals in state.items() if key not in open_boxes for c, v in enumerate(vals)}
    choices, complete = choose_rows(options, known, identities_at(rows, fmt))
    out: dict[str, Fit] = {}
    for key, (readings, first) in open_boxes.items():
        i = at[key]
        picked = {choice[i] for choice in choices} if complete else set()
        if len(picked) == 1:
            cells = readings[picked.pop()]
            r.warn(
                "merged_digits",
                f"{T}/{key}: the numbers broken over lines (pieces joined) print after the row's other cells (a PDF's "
                f"boxes in the order of their lower edges); read as {' '.join(t[TEXT] for t in cells)}, the one "
                f"placement of {len(readings)} whose row total holds under which every identity of the table holds "
                "(a guess)",
                f"{T}/{key}",
                first,
            )
            out[key] = Fit(list(cells), "positional", [])
            continue
        same = [
            readings[0][c] if all(x[c][TEXT] == readings[0][c][TEXT] for x in readings) else None for c in range(N_APP)
        ]
        r.warn(
            "placement_open",
            f"{T}/{key}: numbers broken over lines print after the row's other cells (a PDF's boxes in the order of "
            f"their lower edges), so which columns they are is not in the text: {len(readings)} placements hold the "
            "row total and the table's identities do not single one out; the cells they read alike are read, the "
            "others left blank",
            f"{T}/{key}",
            first,
        )
        out[key] = Fit(list(same), "positional", [])
    return out


def _nbsp_splits(r: Reading, toks: list[Token]) -> list[tuple[Value, ...]] | None:
    """A row of table 三 printed as runs of digits whose blank cells print as no-break spaces among them, on one
    line (BeautifulSoup's glued text: ``（二）部分公开…22\xa0000022``): its splits with a blank where each no-break
    space stands, whose total holds (:func:`parsers.tables.nbsp_runs.row_splits_by_nbsp`); None where the row is not
    so printed (its runs then split as runs)."""
    if len({t[LINE] for t in toks}) != 1:
        return None
    text = r.text
    stop = text.find("\n", toks[-1][END])
    found = row_splits_by_nbsp(text[toks[0][START] : len(text) if stop < 0 else stop], N_APP)
    if found is None:
        return None
    return [o for o in found if run_pieces(toks, tuple(v for v in o if v is not None)) is not None]


def _pieces_and_blanks(toks: list[Token], values: tuple[Value, ...]) -> list[Token | None] | None:
    """:func:`run_pieces` of a split whose blank cells (None) print as no spaces between the runs: the pieces, a
    None for each blank, in order."""
    pieces = run_pieces(toks, tuple(v for v in values if v is not None))
    if pieces is None:
        return None
    out: list[Token | None] = []
    k = 0
    for v in values:
        if v is None:
            out.append(None)
        else:
            out.append(pieces[k])
            k += 1
    return out


def _wrong_total_run(
    runs: dict[str, list[Token]],
    options: dict[int, list[tuple[Value, ...]]],
    solvable: dict[int, list[tuple[Value, ...]]],
    known: dict[tuple[int, int], Value],
    identities: list[Identity],
    at: dict[str, int],
) -> tuple[dict[int, list[tuple[Value, ...]]], dict[int, int]] | None:
    """In glued text, the one run whose splits all fail its row total (a wrong published total) split by the other
    identities (:mod:`parsers.tables.wrong_total_runs`): the candidates with its splits and the one choice; None
    when there is no such run, more than one, or the identities leave it open."""
    lost = [key for key in runs if not options[at[key]]]
    if len(lost) != 1:
        return None
    toks = runs[lost[0]]
    every = every_split("".join(t[TEXT] for t in toks), N_APP)
    if not every:
        return None
    i = at[lost[0]]
    splits: list[tuple[Value, ...]] = [s for s in every if run_pieces(toks, s) is not None]
    choice = one_cell_off(i, splits, solvable, known, identities, N_APP)
    return None if choice is None else ({**solvable, i: splits}, choice)


def _realign(
    r: Reading, rows: list[RowDef], found: list[Found | None], stops: dict[int, int]
) -> dict[str, list[Token]]:
    """Rows whose data lines sit under the wrong label (a label printed alone, its numbers in the next row's
    line or in a label-less line further down): where a run of consecutive rows holds exactly as many full
    data lines as it has rows, but not one per row, the lines are given to the rows in order (reported)."""
    if not may_realign(found, stops):
        return {}
    return _realign_lines(r, rows, found, stops)


def may_realign(found: list[Found | None], stops: dict[int, int]) -> bool:
    """Whether :func:`_realign` can move anything: a run of rows takes lines in order only when one of its rows
    holds two full data lines at least (the others one or none), so more than ``2 × N_APP`` tokens from its
    label to its stop. Most tables have no such row (a row's cells on its label's line): nothing to group by
    line (tests/test_parse_cuts.py holds this to :func:`_realign_lines` over the fixtures)."""
    return any(stop - f.index > 2 * N_APP for k, stop in stops.items() if (f := found[k]) is not None)


def _realign_lines(
    r: Reading, rows: list[RowDef], found: list[Found | None], stops: dict[int, int]
) -> dict[str, list[Token]]:
    """:func:`_realign`'s reading: each row's full data lines, runs of rows given them in order."""
    ks = sorted(stops)
    lines: dict[int, list[list[Token]]] = {}
    for k in ks:
        f = found[k]
        assert f is not None
        by_line: dict[int, list[Token]] = {}
        for t in r.tokens[f.index + 1 : stops[k]]:
            if t[IS_VALUE] and not (t[IS_BLANK_MARKER] and r.placeholder(t)):
                by_line.setdefault(t[LINE], []).append(t)
        for vals in by_line.values():
            while len(vals) > N_APP and vals[0][IS_BLANK_MARKER] and vals[0][TABBED]:
                del vals[0]  # a dash in a label cell of a label-less row (a converter's placeholder)
        full = [vals for vals in by_line.values() if len(vals) == N_APP]
        if sum(len(v) for v in by_line.values()) != len(full) * N_APP:
            full = []  # values that do not come in whole lines: not this case
            lines[k] = [[]]  # blocks any window through this row
        else:
            lines[k] = full
    moved: dict[str, list[Token]] = {}
    j = 0
    while j < len(ks):
        if len(lines[ks[j]]) == 1 or lines[ks[j]] == [[]]:
            j += 1
            continue
        total = 0
        window: list[int] = []
        for e in range(j, min(j + 6, len(ks))):
            if lines[ks[e]] == [[]] or (e > j and ks[e] != ks[e - 1] + 1):
                break
            window.append(ks[e])
            total += len(lines[ks[e]])
            if total >= len(window) and e > j:
                break
        if len(window) > 1 and total == len(window):
            data = [vals for k in window for vals in lines[k]]
            keys = [rows[k].key for k in window]
            for key, vals in zip(keys, data, strict=True):
                moved[key] = vals
            first = found[window[0]]
            assert first is not None
            r.warn(
                "rows_by_order",
                f"table 三: rows {', '.join(keys)} have their numbers under other labels (a label printed alone); "
                "their data lines were read in the template's order",
                f"{T}/{keys[0]}",
                r.tokens[first.index],
            )
            j += len(window)
        else:
            j += 1
    return moved


def _order_fits(
    r: Reading, rows: list[RowDef], start: int, end: int, fmt: str
) -> tuple[dict[str, Fit], list[Token], int, list[Token], list[tuple[str, str, str, Token]]] | None:
    """Fits from the table's data lines taken in order, when there is exactly one line per row."""
    last = r.first_index(r"结转下年度", start, end)
    stop = r.first_index(r"行政复议|^四[、.]", last + 1 if last is not None else start + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    lines: dict[int, list[Token]] = {}
    for t in r.tokens[start:stop]:
        lines.setdefault(t[LINE], []).append(t)
    data: list[tuple[Token, list[Token | None]]] = []
    unreadable: list[Token] = []
    kept = [toks for toks in lines.values() if sum(t[IS_VALUE] for t in toks) >= N_APP - 2]
    groups = {width: column_groups(part, N_APP) for width, part in _by_width(kept).items()}
    ways: dict[int, list[list[Token | None]]] = {}
    for toks in kept:
        cols = groups.get(max(t[COL] for t in toks))
        if cols is not None and (laid := placements(toks, cols, N_APP)) is not None:
            ways[len(data)] = laid
            data.append((toks[0], laid[0]))
            continue
        pos = positional(toks, N_APP)
        junk = None
        if pos is None and len(toks) > N_APP and sum(t[IS_VALUE] for t in toks[-N_APP:]) == N_APP - 1:
            # one cell OCR could not read (``了`` for 7): blank, and reported
            tail = toks[-N_APP:]
            at = next(k for k, t in enumerate(tail) if not t[IS_VALUE])  # the one cell that is no value
            junk = tail[at]
            if len(junk[COMPACT]) <= 2 and not any(t[IS_NUMBER] for t in toks[:-N_APP]):
                pos = [None if k == at else t for k, t in enumerate(tail)]
        if pos is not None and sum(t is not None and t[IS_NUMBER] for t in pos) >= N_APP - 2:
            data.append((toks[0], pos))
            if junk is not None:
                unreadable.append(junk)
    if len(data) != len(rows):
        return None
    notes: list[tuple[str, str, str, Token]] = []
    if ways:
        data, notes = _merged_columns(rows, data, ways, fmt)
    fits = {row.key: Fit(pos, "positional", []) for row, (_, pos) in zip(rows, data, strict=True)}
    return fits, [label for label, _ in data], stop, unreadable, notes


def _by_width(lines: list[list[Token]]) -> dict[int, list[list[Token]]]:
    """Lines by their last cell's index: the parts of a pipe table, each with its own column boundaries."""
    out: dict[int, list[list[Token]]] = {}
    for toks in lines:
        out.setdefault(max(t[COL] for t in toks), []).append(toks)
    return out


def _choose_jointly(
    base: dict[str, list[Value]], open_rows: dict[str, list[list[Token | None]]], fmt: str
) -> tuple[dict[str, list[Token | None]], list[str]] | None:
    """The rows in doubt placed together, the other rows as ``base`` reads them: each the placement every choice
    under which the most identities of table 三 hold gives it; the rows those choices place differently listed
    apart (:func:`parsers.tables.merged_columns.choose`)."""

    def score(picks: dict[str, list[Token | None]]) -> int:
        state = dict(base)
        for key, laid in picks.items():
            state[key] = Fit(laid, "positional", []).values()
        return application_passed(state, fmt)

    return choose(open_rows, score) if open_rows else ({}, [])


def _merged_columns(
    rows: list[RowDef],
    data: list[tuple[Token, list[Token | None]]],
    ways: dict[int, list[list[Token | None]]],
    fmt: str,
) -> tuple[list[tuple[Token, list[Token | None]]], list[tuple[str, str, str, Token]]]:
    """Rows short of a value in cells that hold two columns (:mod:`parsers.tables.merged_columns`): each laid as
    the table's identities decide over all such rows together, else the cells in doubt left blank; with the
    warnings that say so (code, message, label)."""
    base = {row.key: Fit(pos, "positional", []).values() for row, (_, pos) in zip(rows, data, strict=True)}
    open_rows = {rows[j].key: laid for j, laid in ways.items() if len(laid) > 1}
    chosen = _choose_jointly(base, open_rows, fmt)
    out = list(data)
    notes: list[tuple[str, str, str, Token]] = []
    for j, laid in ways.items():
        key = rows[j].key
        label = data[j][0]
        msg = f"table 三: {key}: {_printed(laid[0])} {_SHORT}"
        if chosen is None:
            pos = [t if all(w[m] == t for w in laid) else None for m, t in enumerate(laid[0])]
            out[j] = (label, pos)
            notes.append(
                ("placement_open", f"{msg}; too many such rows to weigh: the cells in doubt left blank", key, label)
            )
        elif key in chosen[1]:
            out[j] = (label, chosen[0][key])
            notes.append(
                (
                    "placement_open",
                    f"{msg}; the identities hold as well with the blank in either of its cell's columns: both "
                    "left blank",
                    key,
                    label,
                )
            )
        elif key in chosen[0]:
            out[j] = (label, chosen[0][key])
            notes.append(
                ("merged_columns", f"{msg}; the blank placed in the column where the identities hold", key, label)
            )
        else:
            out[j] = (label, laid[0])
    return out, notes


_SHORT = (
    "is a value short in a cell that holds two columns (as the table's full rows show: a converter's table "
    "with a column boundary missed)"
)


def _printed(laid: list[Token | None]) -> str:
    return " ".join(t[TEXT] for t in laid if t is not None and t[TEXT])


def _score(fits: dict[str, Fit], fmt: str, n_rows: int) -> tuple[int, int, int]:
    """Identities passed, then rows read, then cells read: of two readings that satisfy as many identities,
    the one that leaves fewer printed cells unread (a row whose label stands apart from its numbers)."""
    state = {key: f.values() for key, f in fits.items()}
    filled = sum(len(values) - values.count(None) for values in state.values())
    return application_passed(state, fmt), len(fits) - n_rows, filled


def _last_row_stop(r: Reading, index: int, end: int, *, seen: bool = False) -> int:
    """Where the last row's values end: at the first label after a value (``seen``: the row's label carries
    a value of its own, glued to it)."""
    tokens = r.tokens
    for i in range(index + 1, min(end, len(tokens))):
        t = tokens[i]
        if t[IS_VALUE]:
            seen = True
        elif t[IS_LABELISH] and seen:
            return i
    return min(end, len(r.tokens))


def _prints_rules(r: Reading, start: int, end: int) -> bool:
    """The text between the offsets is a table OCR printed with its rules: text in no markup convention, with
    rule marks (``|``, ``[``, ``]``, ``{``, ``}``) on :data:`RULED_LINES` of its lines at least."""
    assert r.canonical is not None
    if r.canonical.convention in ("tab", "markdown", "markdown_html"):
        return False
    lines = r.text[start:end].split("\n")
    return sum(1 for line in lines if any(c in line for c in "|[]{}")) >= RULED_LINES


RULED_LINES = 3


def find_applications_start(r: Reading, start: int = 0) -> int | None:
    """The 本年新收 row label that opens table 三: the one followed closely by the 上年结转 row."""
    pos = start
    while (i := r.first_index(r"年新收", pos)) is not None:  # 本 may be misread (林年新收)
        # the next rows (a character of 上年结转 may be misprinted or misread)
        if r.first_index(_NEXT_ROWS, i + 1, i + 60) is not None or _in_wrapped_labels(r, i + 1, i + 60):
            return _label_head(r, i)
        pos = i + 1
    return _table_three_by_other_anchors(r, start)


_NEXT_ROWS = r"上年结转|上年结|年结转|办理结果|予以公开"
_NEXT_ROWS_RE = re.compile(_NEXT_ROWS)
# the head of 一、本年新收… wrapped alone onto the line above the fragment that holds 年新收 (a narrow label column:
# ``一、本`` / ``年新收`` / ``政府信`` …)
_NEW_RECEIVED_HEAD = re.compile(r"[一1]?[、.．]?本")


def _label_head(r: Reading, i: int) -> int:
    """Token ``i`` (the one holding 年新收), or the token before it when that is the label's head wrapped onto the
    line above (``一、本`` / ``年新收``): table 三 starts at its first row's label, not inside it."""
    tok = r.tokens[i]
    if i == 0 or not tok[COMPACT].startswith("年新收"):
        return i
    head = r.tokens[i - 1]
    if head[IS_LABELISH] and head[LINE] == tok[LINE] - 1 and _NEW_RECEIVED_HEAD.fullmatch(head[COMPACT]):
        return i - 1
    return i


def _in_wrapped_labels(r: Reading, start: int, end: int) -> bool:
    """Whether the next rows' labels are found in the labels from ``start`` to ``end`` joined: a narrow label column
    wraps each label over lines of a few characters (``二、上年`` / ``结转政府信息公开申请数``, ``（一）予以公`` /
    ``开``: pdftotext's and pdfplumber's text of a table with three label columns), no line holding a whole anchor."""
    joined = "".join(t[COMPACT] for t in r.tokens[start:end] if t[IS_LABELISH])
    return _NEXT_ROWS_RE.search(joined) is not None


_THREE_TITLE = r"收到和处理政府信息公开申请|勾稽关系|第一项加第二项"
# table 三's header cell over the applicants' columns: its anchor when OCR garbled both its title and its first
# row's label (``=. WEAR RARE ATT`` / ``一未年新改政府信息``), looked for only where no title is found
_THREE_HEADER = r"法人或其他组织"
# the rows that tell table 三 when its first row is lost (every format's, by key; made once)
_OTHER_THREE_ROWS = {
    row.key: row for row in (*APPLICATION_ROWS_2021, *APPLICATION_ROWS_2019) if row.key != "new_received"
}


def _table_three_by_other_anchors(r: Reading, start: int) -> int | None:
    """Table 三 when its first row label is lost (OCR dropped the line): its title or the 勾稽关系 note (else its
    header cell 法人或其他组织), followed closely by the labels of at least four other rows of the table."""
    found = _anchored(r, start, _THREE_TITLE)
    if found is None:
        found = _anchored(r, start, _THREE_HEADER)
    return found if found is not None else _table_three_by_its_rows(r, start)


def _anchored(r: Reading, start: int, anchor: str) -> int | None:
    """The last ``anchor`` before the first of four other rows of table 三 found within 200 tokens of it."""
    pos = start
    rows = _OTHER_THREE_ROWS
    while (i := r.first_index(anchor, pos)) is not None:
        seen: set[str] = set()
        first_row: int | None = None
        for k in range(i + 1, min(i + 200, len(r.tokens))):
            tok = r.tokens[k]
            if tok[IS_LABELISH]:
                hits = {key for key, row in rows.items() if key not in seen and row.matches(tok[COMPACT])}
                if hits and first_row is None:
                    first_row = k
                seen.update(hits)
            if len(seen) >= 4:
                # the title nearest the rows (an earlier mention, in the introduction, is not the table's)
                while (j := r.first_index(anchor, i + 1, first_row)) is not None:
                    i = j
                return i
        pos = i + 1
    return None


# rows of table 三 a TAB table must print, by their own labels, to be known as table 三 without its title and first
# row (the 总计 head and row are not counted: table 四 prints one too)
MIN_ROWS_WITHOUT_TITLE = 6
_ROWS_WITHOUT_TITLE = {key: row for key, row in _OTHER_THREE_ROWS.items() if key != "results_total"}
_ANY_ROW_WITHOUT_TITLE = union(list(_ROWS_WITHOUT_TITLE.values()))


def _table_three_by_its_rows(r: Reading, start: int) -> int | None:
    """Table 三 when its title and its first row label are both lost (a faxed scan: the section's heading not read,
    本年新收 read 术年新路): a table printed as TAB rows (a ruled table, a row a line) whose own row labels match at
    least :data:`MIN_ROWS_WITHOUT_TITLE` other rows of the template, within 200 tokens. Prose naming the results
    (予以公开 … 部分公开 …) is no TAB table and is never taken. The table starts at the first line of its TAB
    block (its header), as it would at its title."""
    rows = _ROWS_WITHOUT_TITLE
    tokens = r.tokens
    # the TAB labels from ``start`` a row matches: only the label tokens asked, not every token (values are most
    # of a table's; tests/test_parse_shortcuts.py)
    labels = [
        k
        for k in r._label_indexes(start, None)
        if tokens[k][TABBED] and _ANY_ROW_WITHOUT_TITLE.search(tokens[k][COMPACT])
    ]
    hits: dict[int, list[str]] = {}  # a label's rows, matched once (a label is in the window of every label before it)
    for n, first in enumerate(labels):
        seen: set[str] = set()
        for k in labels[n:]:
            if k >= first + 200:
                break
            if k not in hits:
                hits[k] = [key for key, row in rows.items() if row.matches(tokens[k][COMPACT])]
            seen.update(hits[k])
            if len(seen) >= MIN_ROWS_WITHOUT_TITLE:
                return _block_start(r, first)
    return None


def _block_start(r: Reading, i: int) -> int:
    """The first token of the TAB block (the run of TAB lines, no blank line between) that holds token ``i``; of
    the block before it too when only a blank line parts them: a scanned table cut by a page break, or split by
    the grid where its columns change, is printed as two blocks (synth_489: its header and first four rows on page
    1, the rest on page 2, the rows' first block lost with its title)."""
    lines = r.text.split("\n")
    line = r.tokens[i][LINE]
    while line > 0 and "\t" in lines[line - 1]:
        line -= 1
    if line > 1 and not lines[line - 1].strip() and "\t" in lines[line - 2]:
        line -= 1
        while line > 0 and "\t" in lines[line - 1]:
            line -= 1
    k = i
    while k > 0 and r.tokens[k - 1][LINE] >= line:
        k -= 1
    return k


def is_2019_applications(r: Reading, start: int) -> bool:
    """2019's table 三 has one （六）其他处理 row with values; 2021 splits it into three."""
    no_corr = r.first_index(r"不补正", start)
    other = r.first_index(r"其他处理", start)
    if no_corr is not None:
        return False
    # a sub-row's label wrapped in a narrow column (``逾期不`` / ``补正``, ``缴纳费`` / ``用``): its other words
    # (``收费通知``, ``逾期未按``), up to the table's last row or table 四 (never the report's prose on fees), still
    # tell 2021's rows
    stop = r.first_index(r"结转下年|行政复议", start)
    if stop is not None and r.first_index(_SUB_ROW_WORDS, start, stop) is not None:
        return False
    if other is None or not re.search(r"其他处理", r.tokens[other][COMPACT]):
        return False
    return not (r.extracted.ocr and _other_rows_printed(r, other) >= len(_OTHER_ROWS_2021))


_OTHER_ROWS_2021 = [row for row in APPLICATION_ROWS_2021 if row.key.startswith("other.")]
_ROW_VALUES = 3  # a line printing this many values at least prints a row of table 三 (a header prints none)


def _other_rows_printed(r: Reading, other: int) -> int:
    """The lines printing a row of values from the line of （六）其他处理 (token ``other``) to the line before
    （七）总计: 1 in the 2019 format's table 三 (one row), 3 in 2021's (its three rows under the heading). In the
    parser's own OCR a sub-row's label can read too garbled for its words (``不补.芷`` for 不补正, synth_492), while
    the grid still prints each row on its line. Counted to 结转下年度 where 总计 is not read (two lines in 2019's
    table: its （六） and （七） rows; four in 2021's), never into table 四."""
    total = r.first_index(r"总计|结转下年度", other + 1)
    end = len(r.tokens) if total is None else total
    first = r.tokens[other][LINE]
    last = r.tokens[end][LINE] if end < len(r.tokens) else first + 10**9
    counts: dict[int, int] = {}
    for t in r.tokens[other:end]:
        if first <= t[LINE] < last and t[IS_VALUE] and t[TEXT]:
            counts[t[LINE]] = counts.get(t[LINE], 0) + 1
    return sum(1 for c in counts.values() if c >= _ROW_VALUES)
