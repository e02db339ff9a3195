"""Table 三 in pdfminer.six's box order (``boxes_flow=None``) where rows print their blank cells as nothing: each row's
values on one side of its label.

pdfminer orders a page's boxes by their lower edges (:mod:`parsers.tables.box_sides`). Where every cell is one line
(no number broken), a row's values print together, before its label where the label's box reaches lower than them
(a wrapped label, or a label whose glyphs sit lower), after it where it does not (a one-line label beside them); the
value cell right beside the label may print on the label's own line (pdfminer joins them: ``一、本年新收政府信息公开
申请数量 171``). :func:`box_sides.sides_rows` splits the values between two labels by the template's seven cells a
row; a row that prints a blank cell as nothing has fewer, and that split reads the next row's values into it.

Here each row is taken to print its values whole on one side of its label: the run between two labels holds the row
before's values (if they print after its label), then the next row's (if they print before its own). Every choice of
sides and of the split of a run holding two rows is tried where each row then has from :data:`MIN_VALUES` to seven
values and holds its row total (its last value the sum of the others); a row that reads the same values under every
choice is read (its numbers placed by the table's identities: :func:`parsers.tables.unprinted_blanks.placed_rows`), a
row the choices read otherwise is left blank (a row they read as 0s of several counts keeps its total, 0). None
where no choice, or too many, fall so."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.tables.align import Fit
from parsers.tables.box_sides import labels_span
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP, RowDef
from parsers.tables.tokens import IS_VALUE, LINE, TEXT, Token, number_value
from parsers.tables.unprinted_blanks import placed_rows

MIN_VALUES = N_APP - 2  # a row prints at least this many values (two blank cells at most)
MAX_CHOICES = 256  # choices of sides and splits tried at most


@dataclass
class OneSide:
    """Table 三 read by :func:`one_side_fits`: each row's fit, the rows left blank (their values not settled by the
    text), the rows whose values print before their label, and where the table's values end."""

    fits: dict[str, Fit]
    open_rows: list[str]
    before: list[str]
    stop: int


def one_side_fits(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, start: int, end: int
) -> OneSide | None:
    """Table 三 read as the module says; None where its text does not fall so (a label not found or out of order, a
    value beside text that is no label, no choice or too many)."""
    if "\f" not in r.extracted.text or any(f is None for f in found):
        return None
    if (span := labels_span(r, found, end)) is None:
        return None
    idx, first, stop = span
    bounds = [first - 1, *idx, stop]
    leads: list[list[Token]] = []
    runs: list[list[Token]] = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        values = [t for t in r.tokens[lo + 1 : hi] if t[IS_VALUE] and not r.placeholder(t)]
        if any(not t[TEXT].isdigit() for t in values):
            return None
        lead = [t for t in values if k and t[LINE] == r.tokens[lo][LINE]]
        if k:
            leads.append(lead)
        runs.append(values[len(lead) :])
    choices = _choices(runs, leads)
    if not choices or len(choices) > MAX_CHOICES:
        return None
    fits: dict[str, Fit] = {}
    open_rows: list[str] = []
    settled: dict[str, list[Token]] = {}
    for k, row in enumerate(rows):
        readings = {tuple(t[TEXT] for t in c[0][k]) for c in choices}
        if len(readings) == 1:
            settled[row.key] = choices[0][0][k]
        elif all(set(values) == {"0"} for values in readings):
            # read as 0s of several counts: its total 0 whichever, its other cells a 0 or a blank the text does not
            # tell (as a short row of 0s keeps only its total)
            fits[row.key] = Fit([*([None] * (N_APP - 1)), choices[0][0][k][-1]], "padded", [])
        else:
            open_rows.append(row.key)
            fits[row.key] = Fit([None] * N_APP, "short", [])
    fits.update(placed_rows(rows, settled, fmt))
    sides = {k for c in choices for k, b in enumerate(c[1]) if b}
    return OneSide(fits, open_rows, [rows[k].key for k in sorted(sides)], stop)


def _holds(vals: list[Token]) -> bool:
    """A row's values (its blank cells printed as nothing): as many as a row may print, the last their total."""
    return MIN_VALUES <= len(vals) <= N_APP and row_total_holds([number_value(t[TEXT]) for t in vals])


def _choices(runs: list[list[Token]], leads: list[list[Token]]) -> list[tuple[list[list[Token]], list[bool]]] | None:
    """Every reading of the rows from ``runs`` (the values between two labels: before the first, between each two,
    after the last) and ``leads`` (each label's values on its own line, the row's first): each row's values and
    whether they print before its label; None past :data:`MAX_CHOICES`."""
    n = len(leads)
    out: list[tuple[list[list[Token]], list[bool]]] = []
    got: list[list[Token]] = []
    sides: list[bool] = []

    def go(k: int, carry: list[Token]) -> bool:
        """Rows from ``k`` on, the run before label ``k`` less the row before's values (``carry``)."""
        if len(out) > MAX_CHOICES:
            return False
        if k == n:
            if not carry:
                out.append(([list(v) for v in got], list(sides)))
            return True
        run_after = runs[k + 1]
        # its values before its label: the whole rest of the run before it
        if carry and _holds([*leads[k], *carry]):
            got.append([*leads[k], *carry])
            sides.append(True)
            ok = go(k + 1, run_after)
            got.pop()
            sides.pop()
            if not ok:
                return False
        if not carry:
            # its values after its label: the first of the run after it, the rest the next row's
            for cut in range(len(run_after) + 1):
                vals = [*leads[k], *run_after[:cut]]
                if not _holds(vals):
                    continue
                got.append(vals)
                sides.append(False)
                ok = go(k + 1, run_after[cut:])
                got.pop()
                sides.pop()
                if not ok:
                    return False
        return True

    if not go(0, runs[0]):
        return None
    return out
