"""Table 三's row labels printed one after another, then all their rows' values: the last label's reading left open.

pdfminer.six (``pdf2txt.py`` and the tools on it) groups label cells that stand close together, one under another,
into one text box, and prints a box whole before the boxes beside it: a run of table 三's row labels then prints
one after the other, nothing between them, and the rows' values after the run's last label, row after row
(4062's ``3. 要求提供公开出版`` / ``4. 无正当理由大量反`` / ``5. 要求行政机关确认`` / ``1. 申请人无正当理由``
/ ``2. 申请人逾期未按收`` / ``0 1 0 1 0 0 2`` / ``0 0 0 0 0 0 0`` …: the first line is 3.要求提供公开出版物's). Read
label by label, each label of the run but the last reads nothing and the last reads the first row's values: wrong
numbers no identity of the row checks (the row total holds, whichever row's values they are).

:func:`stacked_last_rows` finds such runs where the text says it: at least :data:`MIN_STACKED` row labels each
reading no value, each right before the next (no value between them), and after the last at least as many values,
before the next row's label, as all the run's rows have cells together (a row of the run printed empty would leave
about one row's values there). The run's last row is then left blank (``placement_open``): its values are the
run's first row's as likely as its own; not where the first as many values as the run has rows' cells read the
same for each of its rows (rows of zeros: whichever row's they are, the reading is the same). Only in a PDF's
text (a form feed in it): the boxes are a PDF extractor's.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.tables.reading import Found, Reading
from parsers.tables.tokens import IS_VALUE, TEXT

MIN_STACKED = 2  # row labels reading no value before the last label of a run, at least


def stacked_last_rows(
    r: Reading,
    keys: Sequence[str],
    found: Sequence[Found | None],
    stops: dict[int, int],
    empty: set[int],
    width: int,
) -> list[tuple[int, list[str]]]:
    """The runs of stacked row labels (see the module's doc), each as its last row's index (into ``found``) and the
    run's rows' keys: ``keys`` and ``found`` the template's rows and their labels, ``stops`` where each found row's
    values end, ``empty`` the rows (indexes) that read no value, ``width`` a row's cells."""
    if "\f" not in r.text:
        return []
    out: list[tuple[int, list[str]]] = []
    run: list[int] = []  # the found rows, in order, each reading nothing, each right before the next
    for k, f in enumerate(found):
        if f is None:
            continue
        if run and (stops[run[-1]] != f.index):
            run = []  # something stands between the last label of the run and this one
        if k in empty:
            run.append(k)
            continue
        if len(run) >= MIN_STACKED:
            after = [t[TEXT] for t in r.tokens[f.index : stops[k]] if t[IS_VALUE]]
            n = len(run) + 1
            rows = {tuple(after[i * width : (i + 1) * width]) for i in range(n)}
            # where each of the run's rows would read the same (rows of zeros), whose they are changes nothing
            if len(after) >= width * n and len(rows) > 1:
                out.append((k, [keys[i] for i in run] + [keys[k]]))
        run = []
    return out
