"""Rules across a table that the scan lost, put back where its column rules end together (``parsers/ocr/grid.py``
finds the grid): a table's edge where a page break cut it (``_open_ends``), the other edge of a table the scan kept
one rule across of (``_closing``), a rule lost inside a table (``_lost_across``). A table's rule runs from rule to rule;
several column rules that end at one height, a row's height or more from the rule across they start at, say a rule
ran there: no strokes of text are that long, nor end together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# a row's height: column rules at least this many characters long that end together are a table's (a row of one line
# of text and its padding is this tall at least; a digit's stroke glued to a rule by toner is one character at most).
# A table's row cut by a page break, alone on its page (table 四's values under heads printed on the page before):
# its column rules run from the one rule across it (under the row) to the cut (``grid._cut_columns``).
CUT_LENGTH = 2.0
CLOSING_RULES = 3  # vertical rules, at least this many, from one rule across to a common end, make a rule there


@dataclass(frozen=True)
class _Segment:
    pos: float  # y of a horizontal rule, x of a vertical one
    lo: float  # where it starts and ends along its length
    hi: float
    thick: float  # its thickness


def _open_ends(ys: list[int], verticals: list[_Segment], unit: int, gap: float, columns: int) -> list[int]:
    """The rows' rules, with a rule added where the page cuts a table: a row split by a page break has no rule
    under it (or, on the next page, over it), but the table's vertical rules run on to the cut. When at least
    half of the table's vertical lines (``columns``; two at least) run past the last rule (or start before the
    first) by a line of text or more and stop together, their end closes the table."""
    need = max(2.0, columns / 2)
    if not ys or len(verticals) < need:
        return ys
    out = list(ys)
    for ends, beyond in (
        ([sg.hi for sg in verticals if sg.hi - ys[-1] >= 0.8 * unit], 1),
        ([sg.lo for sg in verticals if ys[0] - sg.lo >= 0.8 * unit], -1),
    ):
        if len(ends) < need:
            continue
        edge = float(np.median(ends))
        if sum(abs(e - edge) <= gap for e in ends) < need:
            continue  # not one cut: rules of different lengths
        out = [*out, round(edge)] if beyond > 0 else [round(edge), *out]
    return out


def _closing(rule: _Segment, verticals: list[_Segment], tol: float, unit: int, gap: float) -> _Segment | None:
    """The rule that closes a table of which the scan kept one rule across (a fax's threshold dropped the hairlines
    between its rows, and the last: the table runs on to the next page; or a row the page cut from its table) and its
    columns' rules: at least :data:`CLOSING_RULES` vertical rules :data:`CUT_LENGTH` characters long or more (a
    row's height: no stroke of text is), within the rule's extent,
    each starting at the rule (or ending at it) and ending (starting) together, within ``gap``. Their common end is
    the table's other edge (a grid row holding all its rows: :mod:`parsers.ocr.lost_rules` splits it); None when
    they do not end together (rules of different lengths), or are too few."""
    for beyond in (1, -1):
        starts = [
            sg
            for sg in verticals
            if rule.lo - tol <= sg.pos <= rule.hi + tol
            and sg.hi - sg.lo >= CUT_LENGTH * unit
            and abs((sg.lo if beyond > 0 else sg.hi) - rule.pos) <= tol + rule.thick
        ]
        if len(starts) < CLOSING_RULES:
            continue
        ends = [sg.hi if beyond > 0 else sg.lo for sg in starts]
        edge = float(np.median(ends))
        if sum(abs(e - edge) <= gap for e in ends) < CLOSING_RULES:
            continue
        return _Segment(edge, rule.lo, rule.hi, rule.thick)
    return None


def _lost_across(
    rules: list[_Segment], verticals: list[_Segment], kept: list[_Segment], tol: float, unit: int, gap: float
) -> list[_Segment]:
    """Rules across a table that the scan lost (a fax's threshold, faded toner) where the columns under them say
    where they were: at least :data:`CLOSING_RULES` vertical rules :data:`CUT_LENGTH` characters long or more, not
    kept (they reach one rule across, not the two a rule runs between), each starting at one kept rule (or ending
    at it) and all ending (starting) together, within ``gap``: a rule ran there (table 四's rule under 未经复议直接起诉
    and 复议后起诉, whose columns start at it), or each running through a kept rule and ending together on one side
    of it (:func:`_through_rule`). The rule found runs over those columns, and on to the nearest kept
    vertical rule each side that crosses it, within a column's width and a half (the first and last columns' outer
    sides), or the table's outer rule where no other crosses it on that side."""
    out: list[_Segment] = []
    loose = [sg for sg in verticals if sg not in kept and sg.hi - sg.lo >= CUT_LENGTH * unit]
    for rule in rules:
        for beyond in (1, -1):
            at = [
                sg
                for sg in loose
                if rule.lo - tol <= sg.pos <= rule.hi + tol
                and (
                    abs((sg.lo if beyond > 0 else sg.hi) - rule.pos) <= tol + rule.thick
                    or _through_rule(sg, rule, beyond, tol, unit)
                )
            ]
            if len(at) < CLOSING_RULES:
                continue
            ends = [sg.hi if beyond > 0 else sg.lo for sg in at]
            edge = float(np.median(ends))
            cols = sorted(sg.pos for sg, e in zip(at, ends, strict=True) if abs(e - edge) <= gap)
            if len(cols) < CLOSING_RULES or any(abs(r.pos - edge) <= gap for r in [*rules, *out]):
                continue
            width = float(np.median(np.diff(cols)))
            crossing = [sg.pos for sg in kept if sg.lo - tol <= edge <= sg.hi + tol]
            # within a column's width and a half; or the table's outer rule, no column rule between (a title's
            # rule, lost under it, runs across the whole table: synth_4145's table 二, its label column wide)
            outer = (min(crossing, default=cols[0]), max(crossing, default=cols[-1]))
            left = [x for x in crossing if cols[0] - 1.5 * width <= x < cols[0]]
            right = [x for x in crossing if cols[-1] < x <= cols[-1] + 1.5 * width]
            if not left and [x for x in crossing if x < cols[0]] == [outer[0]]:
                left = [outer[0]]
            if not right and [x for x in crossing if x > cols[-1]] == [outer[1]]:
                right = [outer[1]]
            lo, hi = max(left, default=cols[0]), min(right, default=cols[-1])
            out.append(_Segment(edge, lo, hi, rule.thick))
    return out


def _through_rule(sg: _Segment, rule: _Segment, beyond: int, tol: float, unit: int) -> bool:
    """Does the column rule run through the rule across and on past it (below it: ``beyond`` 1; above it: -1) by a
    line of text or more? Columns whose rules across were lost on both sides of a kept one (synth_4145's fax: table
    二's first block, the rules under its title and under its last row lost, the one between its rows kept) reach no
    rule across at either end: their ends on each side of the kept rule say where the lost ones ran."""
    return (
        sg.lo < rule.pos - tol - rule.thick
        and sg.hi > rule.pos + tol + rule.thick
        and ((sg.hi - rule.pos) if beyond > 0 else (rule.pos - sg.lo)) >= 0.8 * unit
    )
