"""A 2×2 table of counts with its row and column totals, and its identities as the parser states them: the shape
the OCR corrections' tests (``test_ocr.py``, ``test_ocr_contradicted.py``) try their readings on."""

from __future__ import annotations

from parsers.model import Cell, Check


def check(name: str, left: list[str], right: list[str], cells: dict[str, Cell]) -> Check:
    lv = sum(cells[k].value or 0 for k in left)
    rv = sum(cells[k].value or 0 for k in right)
    return Check(name, left, right, lv, rv, lv == rv)


def table_checks(cells: dict[str, Cell]) -> list[Check]:
    """The identities of the 2×2 table ``a1 a2 | at``, ``b1 b2 | bt``, totals ``t1 t2 | tt``."""
    return [
        check("row_a", ["a1", "a2"], ["at"], cells),
        check("row_b", ["b1", "b2"], ["bt"], cells),
        check("col_1", ["a1", "b1"], ["t1"], cells),
        check("col_2", ["a2", "b2"], ["t2"], cells),
        check("col_t", ["at", "bt"], ["tt"], cells),
    ]
