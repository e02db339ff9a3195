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
"""

from __future__ import annotations

import itertools

from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
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
