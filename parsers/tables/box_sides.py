"""Table 三 printed in pdfminer.six's box order with ``boxes_flow=None``: each row's cells on both sides of its label.

With no layout flow pdfminer orders a page's text boxes by their lower edges, top to bottom, then left to right
(:mod:`parsers.tables.label_sides` reads table 二 so). A table cell is a box; its lines are centred vertically on the
row, so a box of more lines reaches lower. Within a row the boxes print in the order of their line counts, those of
one count left to right; the label's box, as many lines as its wrapped text, prints after the cells of fewer lines
and before those of more (a cell of as many lines as the label: on one side or the other, as the fonts' descents
fall). A narrow cell breaks a number over lines (Chromium's ``word-break: break-all``): ``2`` / ``2`` for 22. So a
row prints ``0 0 0 2 0`` ``2|2`` ``2|4`` and then its three-line label, or ``0 0 0 0``, its two-line label, then
``3|8|5`` ``1|11|5`` ``1|50|0``; what stands between two labels is the first row's cells printed after its label,
then the next row's printed before its own.

:func:`sides_rows` reads the table so where the text falls into place exactly: every row's label found, in order; its
values grouped into boxes (a paragraph of one line: a box for each of its numbers, as pdfminer joins cells side by
side; of two lines or more, one number a line: one box, its pieces joined); the values before the first label are the
first row's first cells, and each next run of values gives the row before the rest of its cells (the template's
seven), the rest being the next row's first cells; the values after the last label are exactly the rest of the last
row's. Every row's boxes, so taken, must print by line count (never a box of more lines before one of fewer), and at
least one row must print cells before its label (else the text is in the table's order, read by the other
readings). Within a row the column of each box is known only within its line count: every interleaving of the
line counts' runs (each run left to right) whose row total holds is a placement; the placements are chosen jointly
so that the table's identities hold (:func:`parsers.tables.solve.choose_rows`). Where one run after a label is no
boxes (a line of one-line cells and a broken number's first piece made one paragraph, a row's last pieces printed
after a page break), that row is left blank and the rows after it are laid from the table's last box back."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from parsers.tables.align import Fit, Value, fit
from parsers.tables.broken_boxes import paragraphs
from parsers.tables.centred_pieces import interleavings
from parsers.tables.checks import application_passed, identities_at
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import MAX_SOLUTIONS, choose_rows, row_total_holds
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import N_APP, RowDef
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, number_value, token
from parsers.tables.unprinted_blanks import placed_rows

_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")  # a whole number printed with thousands separators
_CUT = re.compile(r"[\d,]*,[\d,]*")  # a piece of one cut where a separator stands (``1,2`` / ``04``)
_TOTALS = ("new_received", "carried_over", "results_total", "carried_forward")  # the rows the identities sum to
MAX_TRIED = 5_000  # choices of placements tried one by one where no choice holds every identity, at most
MAX_PLACEMENTS = 2_000  # interleavings of a row's boxes tried at most (7 cells of three line counts: 630 at most)


@dataclass
class SideRows:
    """A table read by :func:`sides_rows`: each row's placements (cells in column order, pieces joined), how many of
    its cells print before its label, and where the table's values end."""

    placements: list[list[list[Token]]]
    before: list[int]
    stop: int
    unread: int | None = None  # the row whose cells after its label are no boxes (:func:`_tail_boxes`): left blank


def _boxes(values: list[Token]) -> list[list[Token]] | None:
    """``values`` (a run of the text's values, in order) as boxes: tokens on consecutive lines make a paragraph; a
    paragraph of one line is a box for each of its values, one of two lines or more a value alone on each and all
    digits, one box (a number broken over lines). None where a paragraph is neither.

    A number printed with thousands separators breaks over lines as any other, its separator in whichever piece the
    line ends (``1,2`` / ``04`` for 1,204): a piece alone is no number (:func:`_cut_piece`), the pieces joined are
    one, its separators three digits apart."""
    boxes: list[list[Token]] = []
    for para in paragraphs(values):
        lines = [t[LINE] for t in para]
        if len(set(lines)) == 1 and not any(_cut_piece(t) for t in para):
            boxes += [[t] for t in para]
        elif len(set(lines)) == len(lines) and _one_number("".join(t[TEXT] for t in para)):
            boxes.append(para)
        else:
            return None
    return boxes


def _one_number(text: str) -> bool:
    """``text`` (a box's pieces joined) is one whole number: digits, not starting with 0, or digits grouped by
    thousands separators."""
    return (text.isdigit() and text[0] != "0") or bool(_THOUSANDS.fullmatch(text))


def _cut_piece(t: Token) -> bool:
    """``t`` may be a piece of a number with thousands separators broken over lines: digits and a separator, not
    itself a number (``1,2``, ``1,``, ``,204``)."""
    return not t[IS_VALUE] and any(c.isdigit() for c in t[TEXT]) and bool(_CUT.fullmatch(t[TEXT]))


def _digits(t: Token) -> bool:
    """``t`` is a whole number's digits or a piece of one (a value token all digits, a number with thousands
    separators, or a piece of one cut across lines)."""
    return t[TEXT].isdigit() or bool(_THOUSANDS.fullmatch(t[TEXT])) or _cut_piece(t)


def _cell(box: list[Token]) -> Token:
    """A box as one value token, its pieces joined."""
    head = box[0]
    if len(box) == 1:
        return head
    return token(
        "".join(t[TEXT] for t in box), head[START], box[-1][END], head[LINE], head[COL], head[TABBED], split=True
    )


def _placements(lead: list[Token], boxes: list[list[Token]], n: int) -> list[list[Token]]:
    """A row's cells put back in columns: ``lead``, the values printed on its label's line (pdfminer joins the label
    cell and the cells right beside it into one line), in its first columns; the other boxes (printed by line count)
    in the rest: every interleaving of the runs of one line count (each kept in its order) whose row total holds, one
    for each distinct reading; every interleaving where none holds (a misprinted total: the cells they read alike are
    still read).

    The boxes print by line count (:func:`sides_rows` takes a row only so), so each run is consecutive boxes and
    :func:`parsers.tables.centred_pieces.interleavings` of the runs' sizes numbers them as the boxes are numbered.
    The order of the interleavings is part of the reading (:func:`read_sides` keeps the first placement of each
    distinct reading, and its ``picked[0]`` gives the totals the identities are checked with): measured on the
    narrow-print battery (b51, tuning 6000–6029, the seven pdfminer conventions), the interleavings' order reads
    every cell as the order built here before did."""
    n -= len(lead)
    cells = [_cell(b) for b in boxes]
    sizes: dict[int, int] = {}
    for b in boxes:
        sizes[len(b)] = sizes.get(len(b), 0) + 1
    if len(boxes) != n:
        return []
    orders = interleavings(list(sizes.values()))
    if len(orders) > MAX_PLACEMENTS:
        return []
    seen: dict[tuple[str, ...], list[Token]] = {}
    holding: dict[tuple[str, ...], list[Token]] = {}
    for order in orders:
        row = [*lead, *(cells[k] for k in order)]
        texts = tuple(t[TEXT] for t in row)
        seen.setdefault(texts, row)
        if texts not in holding and row_total_holds([int(t[TEXT].replace(",", "")) for t in row]):
            holding[texts] = row
    return list((holding or seen).values())


def sides_rows(r: Reading, found: list[Found | None], start: int, end: int, n: int) -> SideRows | None:
    """The table's rows read as the module says (each row's placements), None where its text does not fall into place
    so. ``start``: the table's first token (the values before the first label are the run of them right before it);
    ``end``: where its text ends; ``n``: the cells of a row. A row whose label is not found (a typo, a label box
    split by a group head's) takes the next ``n`` boxes: its cells print together, its label somewhere among them;
    the first and the last row's labels must be found. One run after a label whose first paragraphs are no boxes
    (:func:`_tail_boxes`) is taken too: that label's row takes its boxes before the label and is left unread
    (``SideRows.unread``: no placement), the rows after it are laid from the last box back (:func:`_lay_back`),
    and whatever of the run they leave is the unread row's."""
    if found[0] is None or found[-1] is None or (span := labels_span(r, found, end)) is None:
        return None
    idx, first, stop = span
    bounds = [first - 1, *idx, stop]
    labels = set(idx)
    label_lines = {r.tokens[i][LINE] for i in idx}
    boxes: list[list[Token]] = []  # every value box of the table, in the text's order
    unread: int | None = None  # the label after which a run's first paragraphs are no boxes (one at most)
    cut = 0
    at: dict[int, tuple[int, list[Token]]] = {}  # each found label: the boxes before it, and the values on its line
    for lo, hi in itertools.pairwise(bounds):
        values = [t for t in r.tokens[lo + 1 : hi] if (t[IS_VALUE] or _cut_piece(t)) and not r.placeholder(t)]
        if any(not _digits(t) for t in values):
            return None
        lead = [t for t in values if lo in labels and t[LINE] == r.tokens[lo][LINE]] if lo >= first else []
        if lo >= first:
            at[lo] = (len(boxes), lead)
        rest = values[len(lead) :]
        if any(u[TEXT] and not u[IS_VALUE] and not _cut_piece(u) for t in rest for u in r.line_tokens(t[LINE])) or any(
            t[LINE] in label_lines for t in rest
        ):
            return None  # a value beside text that is not its row's label (a label's wrapped part): another order
        got = _boxes(rest)
        if got is None and unread is None and lo in labels and (tail := _tail_boxes(rest)) is not None:
            got, unread = tail, lo  # the row of label ``lo``: its cells after the label are no boxes, read blank
        if got is None or any(t[TEXT].strip() for b in got for t in r.line_tokens(b[0][LINE] - 1)):
            return None  # not a text box by box: a box follows a line of text, or a paragraph is no box
        if unread == lo:
            cut = len(boxes)  # where the boxes after the unread ones start
        boxes += got
    nexts = [None if f is None else at[f.index][0] for f in found]
    wild = next((k for k, f in enumerate(found) if f is not None and f.index == unread), None)
    laid = _lay(found, at, nexts, boxes, n, len(found) if wild is None else wild + 1)
    if laid is None:
        return None
    before, rows, p = laid
    if wild is not None:
        back = _lay_back(found, at, nexts, boxes, n, wild + 1, cut)
        if back is None:
            return None
        before[wild + 1 :], rows[wild + 1 :] = back
        p = len(boxes)
    if p != len(boxes) or not any(before):
        return None
    placements = [[] if k == wild else _placements(lead, row, n) for k, (lead, row) in enumerate(rows)]
    if any(not p for k, p in enumerate(placements) if k != wild):
        return None
    return SideRows(placements, before, stop, wild)


def _lay(
    found: list[Found | None],
    at: dict[int, tuple[int, list[Token]]],
    nexts: list[int | None],
    boxes: list[list[Token]],
    n: int,
    upto: int,
) -> tuple[list[int], list[tuple[list[Token], list[list[Token]]]], int] | None:
    """The first ``upto`` rows' boxes, taken in turn from the first (:func:`sides_rows`): each row's boxes before
    its label, its rows' cells, and the next box no row has taken; None where the boxes do not fall so. The last of
    them, where ``upto`` stops short of the table (the row whose cells after its label are unread), takes only its
    boxes before its label."""
    p = 0  # the next box no row has taken
    before: list[int] = []
    rows: list[tuple[list[Token], list[list[Token]]]] = []
    lead: list[Token]
    for k in range(upto):
        f = found[k]
        limit = next((x for x in nexts[k + 1 :] if x is not None), len(boxes))  # the next found label's boxes before
        if f is None:
            lead, take, ahead = [], n, 0
        else:
            pos, lead = at[f.index]
            ahead = pos - p
            take = n - len(lead)
        if k == upto - 1 and upto < len(found):
            take = ahead  # its boxes before the label; those after it are not read
            if f is None or ahead > n - len(lead):
                return None
        if ahead < 0 or take < ahead or p + take > limit:
            return None
        row = boxes[p : p + take]
        if len(row) != take or any(len(a) > len(b) for a, b in itertools.pairwise(row)):
            return None  # a box of more lines before one of fewer: not the boxes' order
        before.append(ahead)
        rows.append((lead, row))
        p += take
    return before, rows, p


def _lay_back(
    found: list[Found | None],
    at: dict[int, tuple[int, list[Token]]],
    nexts: list[int | None],
    boxes: list[list[Token]],
    n: int,
    since: int,
    floor: int,
) -> tuple[list[int], list[tuple[list[Token], list[list[Token]]]]] | None:
    """The rows from ``since`` on laid as :func:`_lay` lays them, from the last box back: the last row takes the
    boxes after its label and as many before it as its cells want, the row before it the boxes before those, and so
    on; none reaches before box ``floor`` (the first box after the unread ones). None where they do not fall so."""
    q = len(boxes)  # the first box a later row has taken
    before: list[int] = []
    rows: list[tuple[list[Token], list[list[Token]]]] = []
    lead: list[Token]
    for k in range(len(found) - 1, since - 1, -1):
        f = found[k]
        floor_k = max([floor, *(x for x in nexts[since:k] if x is not None)])  # the last found label's boxes before
        if f is None:
            lead, take, ahead = [], n, 0
        else:
            pos, lead = at[f.index]
            take = n - len(lead)
            ahead = pos - (q - take)
        s = q - take
        if ahead < 0 or take < ahead or s < floor_k or (f is not None and at[f.index][0] > q):
            return None
        row = boxes[s:q]
        if any(len(a) > len(b) for a, b in itertools.pairwise(row)):
            return None  # a box of more lines before one of fewer: not the boxes' order
        before.insert(0, ahead)
        rows.insert(0, (lead, row))
        q = s
    return before, rows


def _tail_boxes(values: list[Token]) -> list[list[Token]] | None:
    """The boxes of ``values`` (a run between two labels) where its first paragraphs are no boxes (pdfminer puts a
    line of one-line cells and a broken number's first piece in one paragraph, ``0 0 1`` / ``18``; a row broken by
    a page prints its numbers' last pieces on the next page): the boxes of its longest run of last paragraphs that
    are boxes, after at least one that is not; None where none is so."""
    paras = paragraphs(values)
    for j in range(1, len(paras)):
        if (got := _boxes([t for para in paras[j:] for t in para])) is not None:
            return got
    return None


@dataclass
class SidesReading:
    """Table 三 read by :func:`read_sides`: each row's cells (None: left blank), how many identities hold on one
    full choice of placements, the warnings to give if the reading is taken, and where the table's values end."""

    cells: dict[str, list[Token | None]]
    passed: int
    notes: list[tuple[str, str, str, Token]]
    stop: int


def read_sides(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, start: int, end: int
) -> SidesReading | None:
    """Table 三 read as the module says, in a text that prints a cell a paragraph; None where it does not fall into
    place so. A row of one placement is read; of several, the one every joint choice holding the table's identities
    gives it (``merged_digits``), else the cells its placements (those choices give, or all where none holds every
    identity) read alike, the others blank (``placement_open``). Where the search stops at its cap
    (:data:`parsers.tables.solve.MAX_SOLUTIONS` choices found), the choices found are not all those that hold: a
    cell they read alike may read otherwise under one not found (two rows' broken numbers in whichever column, as
    long as it is the same in both), so every row of several placements is read from all of them."""
    if "\f" not in r.extracted.text:
        return None  # no PDF's text (pdfminer ends each page with a form feed)
    got = sides_rows(r, found, start, end, N_APP)
    if got is None:
        return None
    nums = [[tuple(number_value(t[TEXT]) for t in cells) for cells in p] for p in got.placements]
    options = {i: nums[i] for i, p in enumerate(got.placements) if len(p) > 1}
    known = {(i, c): v for i, p in enumerate(nums) if len(p) == 1 for c, v in enumerate(p[0])}
    totals = [i for i, row in enumerate(rows) if row.key in _TOTALS]
    # the unread row's identities hold under no choice (its cells blank): the others choose
    identities = [i for i in identities_at(rows, fmt) if got.unread not in {c[0] for c in i.cells}]
    choices, complete = choose_rows(options, known, identities, first=totals)
    if len(choices) >= MAX_SOLUTIONS:
        complete = False  # the search stopped at its cap: the choices found are some of those that hold, not all
    if not complete:
        choices = []
    held = "every identity of the table holds"
    if complete and not choices:
        choices = _most_holding(rows, fmt, nums, options)  # a misprinted total: no choice holds every identity
        held = "the most of the table's identities hold (none holds them all: a total printed wrong)"
    out: dict[str, list[Token | None]] = {}
    notes: list[tuple[str, str, str, Token]] = []
    full: dict[str, list[Value]] = {}
    for i, (row, placements) in enumerate(zip(rows, got.placements, strict=True)):
        key = f"{T}/{row.key}"
        f = found[i]
        label = r.tokens[f.index if f is not None else start]
        if i == got.unread:
            full[row.key] = [None] * N_APP
            out[row.key] = [None] * N_APP
            notes.append(
                (
                    "placement_open",
                    f"{key}: {SIDES}, but the values after its label are no boxes (a paragraph of one-line cells and "
                    "a broken number's first piece, or a number's last pieces after a page break): which are its "
                    "cells is not in the text; the rows after it read from the last box back, this row left blank",
                    key,
                    label,
                )
            )
            continue
        picked = sorted({c[i] for c in choices}) if i in options and choices else list(range(len(placements)))
        full[row.key] = list(nums[i][picked[0]])
        if len(picked) == 1:
            cells: list[Token | None] = list(placements[picked[0]])
            if len(placements) > 1:
                notes.append(
                    (
                        "merged_digits",
                        f"{key}: {_printed(placements[0])}: {SIDES}; read as {_printed(placements[picked[0]])}, the "
                        f"one placement of {len(placements)} whose row total holds under which {held} (a guess)",
                        key,
                        label,
                    )
                )
        else:
            kept = [placements[k] for k in picked]
            cells = [kept[0][c] if all(p[c][TEXT] == kept[0][c][TEXT] for p in kept) else None for c in range(N_APP)]
            notes.append(
                (
                    "placement_open",
                    f"{key}: {SIDES}, and which columns its numbers broken over lines are is not in the text: "
                    f"{len(kept)} placements hold the row total and the table's identities do not single one out; "
                    "the cells they read alike are read, the others left blank",
                    key,
                    label,
                )
            )
        out[row.key] = cells
    sides = [rows[i].key for i, b in enumerate(got.before) if b]
    lost = [row.key for row, f in zip(rows, found, strict=True) if f is None]
    if lost:
        notes.insert(
            0,
            (
                "rows_by_order",
                f"{T}: rows {', '.join(lost)} not found by their label (a typo, a label box split by its group's "
                f"head): each read from the {N_APP} boxes that print in turn between the rows around it (a guess)",
                T,
                r.tokens[start],
            ),
        )
    notes.insert(
        0,
        (
            "label_after_values",
            f"{T}: rows {', '.join(sides)} print cells before their label, the others after it (a PDF's text in the "
            "order of its boxes' lower edges: a row's cells of fewer lines than its wrapped label print before it): "
            "each run of values between two labels read as the rest of the row before and the first cells of the "
            "next, the template's seven a row",
            T,
            r.tokens[start],
        ),
    )
    return SidesReading(out, application_passed(full, fmt), notes, got.stop)


def _most_holding(
    rows: list[RowDef], fmt: str, nums: list[list[tuple[Value, ...]]], options: dict[int, list[tuple[Value, ...]]]
) -> list[dict[int, int]]:
    """Where no choice of placements holds every identity (a total printed wrong), the choices under which the most
    hold, trying every choice where there are at most :data:`MAX_TRIED`; none where there are more."""
    at = sorted(options)
    if math.prod(len(options[i]) for i in at) > MAX_TRIED:
        return []
    state: dict[str, list[Value]] = {row.key: list(p[0]) for row, p in zip(rows, nums, strict=True)}
    best = -1
    out: list[dict[int, int]] = []
    for pick in itertools.product(*(range(len(options[i])) for i in at)):
        for i, k in zip(at, pick, strict=True):
            state[rows[i].key] = list(options[i][k])
        passed = application_passed(state, fmt)
        if passed > best:
            best, out = passed, []
        if passed == best:
            out.append(dict(zip(at, pick, strict=True)))
    return out


SIDES = (
    "its cells print by their line count, numbers broken over lines after the others (a PDF's boxes in the order of "
    "their lower edges)"
)


def _printed(cells: list[Token]) -> str:
    return " ".join(t[TEXT] for t in cells)


def before_label_fits(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, start: int, end: int
) -> tuple[dict[str, Fit], int] | None:
    """Table 三 read from the values printed before each row's label (pdfminer.six with ``boxes_flow=None`` orders
    a row's boxes by their lower edges; a label cell whose text sits lower than its values prints after them):
    every row's label found, in order, not glued to a value; exactly one row's values between the header and the
    first label (the run of values just before it); none after the last label up to table 四 but on its line; each
    row's values (at most one more than its cells: the identities drop it) between the label before and its own,
    those on a label's own line after it being that label's row's first cells (pdfminer joins the label cell and
    the cell beside it into one line), not the next row's. None otherwise. A row of fewer values than its cells
    whose last is their total (its blank cells printed as nothing) is placed by the table's identities
    (:func:`parsers.tables.unprinted_blanks.placed_rows`: its numbers where every choice holding them puts them, its
    total, the cells in doubt blank). Returns the rows' fits and where the table ends."""
    if any(f is None for f in found) or (span := labels_span(r, found, end)) is None:
        return None
    idx, first, stop = span

    def value(t: Token) -> bool:
        return t[IS_VALUE] and not r.placeholder(t)

    # the values on each label's own line, after it: the row's first cells (pdfminer joins the label cell and the
    # cell beside it into one line), not the next row's
    leads = [
        [t for t in r.tokens[i + 1 : nxt] if value(t) and t[LINE] == r.tokens[i][LINE]]
        for i, nxt in zip(idx, [*idx[1:], stop], strict=True)
    ]
    if any(value(t) for t in r.tokens[idx[-1] + 1 : stop] if t not in leads[-1]):
        return None
    fits: dict[str, Fit] = {}
    settled: dict[str, list[Token]] = {}
    short: dict[str, list[Token]] = {}
    prev = first
    for k, (row, i) in enumerate(zip(rows, idx, strict=True)):
        vals = [*leads[k], *(t for t in r.tokens[prev:i] if value(t) and (not k or t not in leads[k - 1]))]
        if not 0 < len(vals) <= N_APP + 1 or (k == 0 and len(vals) != N_APP):
            return None
        fits[row.key] = fit(vals, N_APP)
        settled[row.key] = vals
        if len(vals) < N_APP and row_total_holds([number_value(t[TEXT]) for t in vals]):
            short[row.key] = vals
        prev = i + 1
    if short:
        fits.update({key: f for key, f in placed_rows(rows, settled, fmt).items() if key in short})
    return fits, stop


def labels_span(r: Reading, found: list[Found | None], end: int) -> tuple[list[int], int, int] | None:
    """The found labels' tokens (none glued to a value, in order), the first token of the run of values right before
    the first (the first row's cells before its label), and where table 三's values end (table 四's heading, or
    ``end``); None where a label is glued or they are out of order."""
    if any(f is not None and f.glued is not None for f in found):
        return None
    idx = [f.index for f in found if f is not None]
    if not idx or idx != sorted(idx) or len(set(idx)) != len(idx):
        return None
    stop = r.first_index(r"行政复议|行政诉讼", idx[-1] + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    first = idx[0]
    while first > 0 and r.tokens[first - 1][IS_VALUE]:
        first -= 1
    return idx, first, stop
