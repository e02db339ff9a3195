"""Two table 三 row labels printed one after the other, both rows' values after the second.

A PDF text extractor that prints a page's text boxes in reading order (poppler's ``pdftotext`` default mode) may
print the label cells of a table's last rows as one box, their values after it: ``（七）总计`` /
``四、结转下年度继续办理`` / ``6`` / ``0`` / ``6`` / ``5`` / ``0`` / ``0`` / ``17`` / ``1`` / ``0`` / … / ``1``. Read
by its labels, the first row has no value and the second twice its columns' count; the fit of the second drops
seven of them, and the row that reads the first row's values reads wrong numbers (synth_4057: 四、结转下年度继续办理
read 6 0 6 5 0 0 17, its gold 1 0 0 0 0 0 1). Where a row read no value and the row right after it reads exactly
two rows' worth, each half holding its row total (the last cell the sum of the others), the first half is the
first row's, in the template's order: a guess the warning names (:func:`split_pair`).

Only where the first label is one token and the second the token right after it, and not in a text that prints
values before the table's first row label (:func:`values_before_labels`). pdfminer's boxes in the order of their
lower edges (``boxes_flow=None``) print a row's values before its label wherever its label cell wraps lower than
its numbers: a wrapped label with no value after it says nothing of where its values are (synth_1610:
1.信访举报投诉类申请's values print before its two lines, and the fourteen after 2.重复申请 are its own and
3.要求提供公开出版物's).
"""

from __future__ import annotations

from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import IS_NUMBER, IS_VALUE, TEXT, Token, number_value


def split_pair(
    r: Reading, before: str, before_vals: list[Token], key: str, vals: list[Token], n: int
) -> tuple[list[Token], list[Token]] | None:
    """The values of row ``before`` (which read none: ``before_vals`` empty) and of row ``key`` (``vals``), when
    ``vals`` are ``2 * n`` numbers whose halves each hold their row total; a ``values_after_labels`` warning names
    the guess. None otherwise (nothing changed)."""
    if before_vals or len(vals) != 2 * n or not all(t[IS_NUMBER] for t in vals):
        return None
    first, second = vals[:n], vals[n:]
    if not all(row_total_holds([number_value(t[TEXT]) for t in half]) for half in (first, second)):
        return None
    r.warn(
        "values_after_labels",
        f"{before}, {key}: the labels print one after the other, {2 * n} values after the second (a PDF text's "
        f"box of labels): the first {n} read as {before}'s, the last {n} as {key}'s, each row's total holding "
        f"({' '.join(t[TEXT] for t in first)}; {' '.join(t[TEXT] for t in second)})",
        before,
        vals[0],
    )
    return first, second


def values_before_labels(r: Reading, found: list[Found | None], start: int) -> bool:
    """Whether a value prints between the table's start (token ``start``) and its first row label found."""
    first = next((f.index for f in found if f is not None), None)
    if first is None:
        return False
    return any(t[IS_VALUE] and not r.placeholder(t) for t in r.tokens[start:first])
