"""Table 三's row whose seven values poppler prints before its label, after the row above's seven.

In poppler's default text (``pdftotext`` without ``-layout``) each cell is a block of its own, printed in poppler's
reading order. A row label standing low in its cell (a label wrapped over two lines beside a row of one line, the
table's last row) may print after its row's values, so the row above's segment (its label to the next label) holds
fourteen values and the row's own segment none: 3741's （七）总计 ``20 0 22 0 0 0 42`` then
四、结转下年度继续办理's ``0 0 1 0 0 0 1``, its label after them. :func:`paragraph_pieces.taken_over` reads such
values where the row above's first cells are numbers broken over lines; :func:`before_label_rows` where they are
whole numbers, one a cell.

The row is read so where its segment holds no value, the row above is read from exactly the first seven,
the second seven's total holds and is not 0 (a run of zeros may be any rows' cells, and a row printing one empty cell
prints six: 4077's 3.补正后申请内容仍不明确 prints its six zeros after the row above's seven, one more zero after
them), and the row is not read otherwise. Said (``values_after_labels``).

Several rows may print so, one after another: 7594's 3.其他 ``0`` ×7, then （七）总计's ``198 0 0 0 0 0 19`` / ``8``
and 四、结转下年度继续办理's ``9 0 0 0 0 0 9``, both labels after them with no value. The values after the row
above's seven (a block of two lines of one value each joined, :func:`paragraph_pieces.joined_pairs`, where they are
not a multiple of seven without) are read seven by seven as the next rows' in the template's order, where as many
rows after it print no value, and each of them holds its total, not 0; else none of them is read. A number may print
its thousands separated (``4,912``)."""

from __future__ import annotations

import re

from parsers.tables.align import Fit
from parsers.tables.paragraph_pieces import is_block_cells, joined_pairs
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP
from parsers.tables.tokens import IS_VALUE, TEXT, Token

_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # a whole number, its thousands separated or not


def before_label_rows(
    r: Reading,
    keys: list[str],
    found: list[Found | None],
    stops: dict[int, int],
    fits: dict[str, Fit],
    table: str,
) -> dict[str, Fit]:
    """The rows read so (see the module), by key."""
    if not is_block_cells(r.extracted.text):
        return {}
    segments: dict[int, list[Token]] = {}
    for k, f in enumerate(found):
        if f is not None and k in stops:
            segments[k] = [t for t in r.tokens[f.index + 1 : stops[k]] if t[IS_VALUE] and t[TEXT]]
    out: dict[str, Fit] = {}
    for k, seg in segments.items():
        empty = 0  # the rows after this one whose segments hold no value
        while segments.get(k + 1 + empty) == []:
            empty += 1
        if not empty or len(seg) <= N_APP or not all(_WHOLE.fullmatch(t[TEXT]) for t in seg):
            continue
        above, rest = seg[:N_APP], seg[N_APP:]
        if len(rest) % N_APP and (joined := joined_pairs(r, rest)) is not None:
            rest = joined  # a number broken over two lines, its pieces one block (7594's ``19`` / ``8``)
        many = len(rest) // N_APP
        if len(rest) % N_APP or many > empty:
            continue
        rows = [rest[j * N_APP : (j + 1) * N_APP] for j in range(many)]
        numbers = [[int(t[TEXT].replace(",", "")) for t in cells] for cells in rows]
        key, taken = keys[k], keys[k + 1 : k + 1 + many]
        if (
            key not in fits
            or fits[key].tokens != above
            or not all(row_total_holds(row) and row[-1] != 0 for row in numbers)
            or any(row in fits and any(v is not None for v in fits[row].values()) for row in taken)
        ):
            continue
        for row, cells in zip(taken, rows, strict=True):
            r.warn(
                "values_after_labels",
                f"{table}/{row}: no value after its label; the {N_APP} values after the row before's "
                f"({' '.join(t[TEXT] for t in cells)}), printed before this label"
                + (f" (the {len(rows)} rows after {table}/{key} in the template's order)" if len(rows) > 1 else "")
                + ", read as its (a guess: its row total holds)",
                f"{table}/{row}",
                cells[0],
            )
            out[row] = Fit(list(cells), "positional", [])
    return out
