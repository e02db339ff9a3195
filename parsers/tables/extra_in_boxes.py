"""More values than cells where a PDF extractor prints its boxes apart: which of them are the cells, the text does not
say.

pdfminer.six with its default LAParams (``pdf2txt.py``, ``high_level.extract_text``) prints a page's boxes in the
order of its nested groups, each value a line of its own (LibreOffice's and wkhtmltopdf's PDFs as much as
Chromium's): the values after a row label of table 二 are that row's, another block's, or another column's; the
values between table 四's heads and section 五 are its own among table 三's and the heads'. The readings for other
text take the first of them (table 二: ``extra_values``, the first as many as the row has cells) or the run that
makes table 四's three totals hold once some are dropped (any total of zeros holds on zeros). In such text that is a
choice among many, not a reading: the cells are left blank (``placement_open``, review required), a wrong number
being worse than a blank.

- :func:`values_apart`: a PDF's text (its pages end with a form feed) printing each of a row's values and the next
  on a line of its own (a row printed as one line, poppler's ``1 23.06``, is read as before). Not where the values
  past the row's begin with table 三's first row (seven values, the first six summing to the seventh): pdfminer
  without layout analysis (``-F disabled``) and poppler print 行政事业性收费's one value, then that row, before section
  三's heading, and the first value is the row's.
- :func:`boxes_text`: the text prints its numbers each in a paragraph (:func:`parsers.tables.paragraph_cells.
  is_paragraph_cells`): table 四's values are not chosen from two or more values past its 15 there. One value more
  is read as before: poppler's default mode prints table 三's last cell as table 四's first value, which
  :mod:`parsers.tables.forward_spill` puts back where both tables' identities hold.
- :func:`put_label_fit`, :func:`refuse_chosen`: table 三's row read from the values after its label in such text,
  two or more of them past its seven cells. pdfminer prints a row label as a box of its own and, after some labels,
  a run of many rows' values (a band of cells, column after column: 124 after （七）总计, 20 after （一）予以公开). The
  reading row by row keeps the seven whose total holds, skipping values of the run to make it hold (0 3 0 0 0 0 3
  out of ``0 3 0 2 0 0 …``), or the first seven where none holds (1383 4437 0 18 0 0 0): a choice among many, the
  first values of the run being the first column's cells of several rows, not a reading. Only the run's first
  seven with their total holding are read as before (most often a run of zeros, which the identities then check).
  The row's cells are left blank (``placement_open``, naming the run) once the table's identities have been
  checked on them, so that :mod:`parsers.tables.unconfirmed` finds by those that fail the other cells nothing
  confirms, as before; a row with one value more is read as before (a page number, a footnote's mark).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from parsers.model import Cell, Check
from parsers.tables.align import Fit
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.tokens import END, START, TEXT, Token, number_value


def table_three_row(rest: list[Token]) -> bool:
    """``rest`` begins with a row of table 三: seven values, the first six summing to the seventh (its total)."""
    n = len(APPLICANT_COLUMNS)
    if len(rest) < n:
        return False
    row = [number_value(t[TEXT]) for t in rest[:n]]
    parts = [v for v in row[:-1] if v is not None]
    return len(parts) == n - 1 and row[-1] is not None and sum(parts) == row[-1]


def values_apart(r: Reading, vals: list[Token], n: int) -> bool:
    """Table 二's row of ``n`` cells with more values ``vals`` after its label than cells, in a PDF's text printing
    its first ``n + 1`` values each on a line of its own, the values past the row's no row of table 三: which are
    the row's is not in the text."""
    if len(vals) <= n or "\f" not in r.extracted.text or table_three_row(vals[n:]):
        return False
    return all("\n" in r.text[a[END] : b[START]] for a, b in itertools.pairwise(vals[: n + 1]))


def boxes_text(r: Reading) -> bool:
    """The text prints its numbers each in a paragraph of its own (a PDF extractor's boxes or blocks)."""
    return is_paragraph_cells(r.extracted.text)


SHOWN = 12  # values of a run named in the warning, at most


def put_label_fit(r: Reading, keys: Sequence[str], fit: Fit, label: Token, table: str) -> None:
    """Table 三's row (``keys``) read from the values after its ``label`` (``fit``), as :meth:`Reading.put_fit`;
    where the fit dropped two values or more in text printing its numbers each in a paragraph and its values are
    not the run's first ones with their total holding (see the module's doc), the row noted in ``r.chosen``, for
    :func:`refuse_chosen`."""
    r.put_fit(keys, fit, label, table)
    if fit.how != "dropped" or len(fit.dropped) < 2 or not boxes_text(r):
        return
    kept = [t for t in fit.tokens if t is not None]
    first = len(kept) == len(keys) and max(t[START] for t in kept) < min(t[START] for t in fit.dropped)
    if first and row_total_holds([number_value(t[TEXT]) for t in kept]):
        return
    run = sorted([*kept, *fit.dropped], key=lambda t: t[START])
    r.chosen[keys[0].rsplit("/", 1)[0]] = [t[TEXT] for t in run]


def refuse_chosen(r: Reading, checks: Sequence[Check]) -> list[str]:
    """The cells of the rows :func:`put_label_fit` noted left blank (``placement_open``: review required), once the
    table's identities were checked on them (a wrong row's failing identities are what
    :func:`parsers.tables.unconfirmed.refuse_unconfirmed` finds the other doubtful cells by), but a cell an identity
    holding on cells all read confirms (``checks``: a column's balance), as that rule keeps it; the keys blanked."""
    if not r.chosen:  # (most texts: the checks need not be walked)
        return []
    # (a chosen row's own total confirms nothing: its seven were chosen where it holds)
    own = {f"applications/row_total/{row.split('/', 1)[1]}" for row in r.chosen}
    held = {
        k
        for c in checks
        if c.passed
        and c.name not in own
        and not c.blank
        and all(r.get(k) is not None for k in (*c.left_keys, *c.right_keys))
        for k in (*c.left_keys, *c.right_keys)
    }
    out: list[str] = []
    for row, run in r.chosen.items():
        blanked = []
        for col in APPLICANT_COLUMNS:
            key = f"{row}/{col}"
            cell = r.cells.get(key)
            if cell is not None and cell.value is not None and key not in held:
                r.cells[key] = Cell(key, None, "", cell.where)
                blanked.append(key)
        if not blanked:
            continue
        out += blanked
        shown = " ".join(run[:SHOWN]) + (" …" if len(run) > SHOWN else "")
        r.warn(
            "placement_open",
            f"{row}: {len(run)} values after its label for its {len(APPLICANT_COLUMNS)} cells ({shown}) in text "
            "printing each number a paragraph (a PDF extractor's boxes, in their order, not the table's), the seven "
            "read being a choice among them (not the run's first seven with their total holding): which of them are "
            "its cells is not in the text; the row left blank",
            row,
        )
    return out
