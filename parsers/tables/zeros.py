"""Cells of an all-zero row of table 三 that OCR lost, read as 0: by the table's totals, or as a row of zeros.

Tesseract on a ruled table often prints a row of zeros short (``4.保护第三方合法权益 0 0 0 0 0``: five of seven
cells; a rule swallowed a ``0``, a column was cut off). Which cells the printed zeros are is then open, and the
row is read with its lost cells blank. Two rules fill them, each only on a row the text prints (its label found,
at least one 0 printed, no other value, no printed cell read as blank):

- ``deduced_zero`` (a deduction): its lost cells are 0 or positive counts, and the column identities of table 三
  bound them: ``(七)总计`` is the sum of the result rows, column by column, and 本年新收 + 上年结转 = 总计 +
  结转下年度. Where one side of such an identity is made of confirmed cells (their row read whole, its total
  holding) and the other side's read cells already add up to it, a lost cell on that other side can only be 0;
  so is every lost cell of a row whose total the totals make 0 (its total's column adds up without it: a 0 the
  row prints is not taken for its total, where the printed zeros sit being what is open). Rows filled so are
  read whole and confirm in their turn.
- ``zero_row`` (a guess): a row that prints at least :data:`MIN_ZEROS` zeros and no other digit anywhere on its
  line (a lost cell that is not 0 leaves a digit OCR could not place, ``7/0 |o]| 0 . 017``) is a row of zeros
  whose lost cells are 0.

Only in text OCR read (:func:`read_by_ocr`: a text layer loses no digit, so a cell it lacks was printed empty) and
that loses blank cells (laid out by spaces, OCR'd): where every cell is printed as a cell (TAB rows,
Markdown, HTML tables) a blank is a blank the report published (the parser's own OCR, whose TAB rows do lose
cells, has its lost cells deduced after the identities' rules, by any identity: :mod:`parsers.ocr.bounded_zeros`);
so is, in any text, a cell the reading found printed empty in its place (a table drawn with rules: w3m's boxes,
pandoc's grid and rst tables; an empty box is a blank cell, not a lost one). Never silent: each row filled is one
warning naming its cells and what decided them (review suggested).
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS, RESULT_ROWS_2019, RESULT_ROWS_2021
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import printed_empty, read_by_ocr

MIN_ZEROS = 3  # zeros a row prints, at least, to be read as a row of zeros
_PRINTED_BLANK = {"rule_or_digit", "unreadable_cell", "blank_cells_placed"}  # cells the text prints as blank
_GUESS = "a row of zeros"
_CELLED = ("tab", "markdown", "markdown_html")  # conventions that print a blank cell as a cell


def deduce_zeros(r: Reading, fmt: str) -> None:
    """Fill the lost cells of table 三's all-zero rows (see the module's docstring)."""
    assert r.canonical is not None
    # a text that keeps every cell (blank ones too): a blank there was published blank, not lost. The parser's own
    # OCR, whose TAB rows are laid out from a scan's grid, does lose cells (a seal's remnants, a fax's specks read as
    # no number: ``grid_columns``, ``missing_cell``), but its lost cells are deduced after the identities' rules, by
    # any identity (``parsers/ocr/bounded_zeros.py``: every cell this rule read there, that one reads too)
    if r.canonical.convention in _CELLED:
        return
    if not read_by_ocr(r):
        return  # a text layer's text (or a page's) loses no digit: a cell it lacks was printed empty
    results = RESULT_ROWS_2019 if fmt == "2019" else RESULT_ROWS_2021
    rows = ["new_received", "carried_over", *results, "results_total", "carried_forward"]
    short = _short_rows(r, rows)
    if not short:
        return
    values = {row: [r.get(f"{T}/{row}/{c}") for c in APPLICANT_COLUMNS] for row in rows}
    for row in short:  # a blank printed in place counts as 0 in the totals (as in the checks), and is never filled
        values[row] = [
            0 if printed_empty(r.cells[f"{T}/{row}/{c}"]) else v
            for c, v in zip(APPLICANT_COLUMNS, values[row], strict=True)
        ]
    filled: dict[str, dict[str, str]] = {row: {} for row in short}
    _by_totals(values, results, short, filled)
    _rows_of_zeros(r, values, short, filled)
    for row in rows:
        if row not in short or not filled[row]:
            continue
        cols = [c for c in APPLICANT_COLUMNS if c in filled[row]]
        for col in cols:
            key = f"{T}/{row}/{col}"
            r.cells[key] = Cell(key, 0, "", r.cells[key].where)
        why = sorted(set(filled[row].values()))
        if why == [_GUESS]:
            r.warn(
                "zero_row",
                f"{T}/{row}: the row prints only zeros ({7 - len(cols)} of its cells) and no other digit; "
                f"{', '.join(cols)} read as 0 (a guess: a row of zeros; no total confirms it)",
                f"{T}/{row}",
            )
            continue
        r.warn(
            "deduced_zero",
            f"{T}/{row}: the row prints only zeros and lost {len(cols)} cell(s); {', '.join(cols)} read as 0, the "
            f"only value the confirmed totals leave them ({'; '.join(why)}): a deduction, not a printed number",
            f"{T}/{row}",
        )


def _short_rows(r: Reading, rows: list[str]) -> set[str]:
    """The rows with lost cells that print only zeros (a quick test first: most tables lose none)."""
    cells = r.cells
    doubtful = {"/".join(w.key.split("/")[:2]) for w in r.warnings if w.code in _PRINTED_BLANK and w.key}
    short: set[str] = set()
    for row in rows:
        row_cells = [cells.get(f"{T}/{row}/{c}") for c in APPLICANT_COLUMNS]
        if any(c is None for c in row_cells) or f"{T}/{row}" in doubtful:
            continue  # a row the reading never placed (missing), or one printing more than its numbers
        empty = [c for c in row_cells if c is not None and printed_empty(c)]
        lost = [c for c in row_cells if c is not None and c.value is None and c.raw == "" and c not in empty]
        printed = [c for c in row_cells if c is not None and c.value is not None]
        if (
            lost
            and printed
            and all(c.value == 0 for c in printed)
            and len(lost) + len(printed) + len(empty) == len(row_cells)
        ):
            short.add(row)
    return short


def _by_totals(
    values: dict[str, list[int | float | None]], results: list[str], short: set[str], filled: dict[str, dict[str, str]]
) -> None:
    """The ``deduced_zero`` rule: lost cells the confirmed side of a column identity bounds to 0."""
    # counts only: a column holding a negative or fractional value bounds nothing
    bad = {k for vs in values.values() for k, v in enumerate(vs) if v is not None and (v < 0 or v != int(v))}

    def confirmed(row: str) -> bool:
        vs = values[row]
        return None not in vs and row_total_holds(vs)

    identities = [
        (tuple(results), ("results_total",), "(七)总计"),
        (("new_received", "carried_over"), ("results_total", "carried_forward"), "本年新收+上年结转 = 总计+结转下年度"),
    ]
    total_zero: set[str] = set()  # the rows whose total the totals make 0
    changed = True
    while changed:
        changed = False
        for left, right, name in identities:
            for sure, other in ((right, left), (left, right)):
                if not all(confirmed(row) for row in sure):
                    continue
                for k, col in enumerate(APPLICANT_COLUMNS):
                    target = sum(values[row][k] or 0 for row in sure)
                    if k in bad or sum(values[row][k] or 0 for row in other) != target:
                        continue  # the lost cells hold the rest of the total: none is bounded to 0
                    for row in other:
                        if row not in short:
                            continue
                        if col == "total":
                            total_zero.add(row)  # a 0 printed there or not, the row's total is 0
                        if values[row][k] is None:
                            values[row][k] = 0
                            filled[row][col] = name
                            changed = True
        for row in total_zero:
            vs = values[row]
            for k, col in enumerate(APPLICANT_COLUMNS):
                if vs[k] is None:  # its total is 0: so is each of its cells
                    vs[k] = 0
                    filled[row][col] = "its row total, 0 by the column totals"
                    changed = True


def _rows_of_zeros(
    r: Reading, values: dict[str, list[int | float | None]], short: set[str], filled: dict[str, dict[str, str]]
) -> None:
    """The ``zero_row`` rule: a row printing :data:`MIN_ZEROS` zeros or more and no other digit on its line."""
    text = r.extracted.text
    for row in short:
        vs = values[row]
        if None not in vs:
            continue
        printed = [r.cells[f"{T}/{row}/{c}"].where for c in APPLICANT_COLUMNS if r.cells[f"{T}/{row}/{c}"].value == 0]
        wheres = [w for w in printed if w is not None]
        if len(wheres) < MIN_ZEROS or len(wheres) != len(printed):
            continue
        # from the row's label (where its lost cells point) or its first zero to the end of its last zero's line
        label = [w.end for c in APPLICANT_COLUMNS if (w := r.cells[f"{T}/{row}/{c}"].where) and w not in wheres]
        first = min([w.offset for w in wheres] + [e for e in label if e <= min(w.offset for w in wheres)])
        stop = text.find("\n", max(w.end for w in wheres))
        if any(ch.isdigit() and ch not in "0０" for ch in text[first : stop if stop >= 0 else len(text)]):
            continue  # a digit the reading did not place: a lost cell that is not 0
        for k, col in enumerate(APPLICANT_COLUMNS):
            if vs[k] is None:
                vs[k] = 0
                filled[row][col] = _GUESS
