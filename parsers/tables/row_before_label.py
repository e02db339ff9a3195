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
them), and the row is not read otherwise. Said (``values_after_labels``)."""

from __future__ import annotations

from parsers.tables.align import Fit
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP
from parsers.tables.tokens import IS_VALUE, TEXT, Token


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
        below = segments.get(k + 1)
        if below is None or below or len(seg) != 2 * N_APP or not all(t[TEXT].isdigit() for t in seg):
            continue
        above, rest = seg[:N_APP], seg[N_APP:]
        numbers = [int(t[TEXT]) for t in rest]
        key, row = keys[k], keys[k + 1]
        if (
            key not in fits
            or fits[key].tokens != above
            or not row_total_holds(numbers)
            or numbers[-1] == 0
            or (row in fits and any(v is not None for v in fits[row].values()))
        ):
            continue
        r.warn(
            "values_after_labels",
            f"{table}/{row}: no value after its label; the {N_APP} values after the row before's "
            f"({' '.join(t[TEXT] for t in rest)}), printed before this label, read as its (a guess: its row total "
            "holds)",
            f"{table}/{row}",
            rest[0],
        )
        out[row] = Fit(list(rest), "positional", [])
    return out
