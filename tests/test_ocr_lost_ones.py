"""A count read with a ``1`` lost (parsers/ocr/lost_ones.py): its every identity gives it the reading with a ``1`` put
back. Tuning scans as the scan reader wrote them from the engine's cached pages (`tests/fixtures/synth-ocr/lost-ones/`,
no OCR at test time): synth_1403's （七）总计 read ``2`` for 12 (a printed total: left blank, 12 named, not taken) and
synth_497's 本机关不掌握相关政府信息 × 商业企业 read ``7`` for 17 (no sum: taken, review required); a small
table."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.lost_ones import lost_ones, with_a_one
from parsers.review import review_verdict

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-ones"
A = "applications"


def _report(name: str, *, ocr: bool = True) -> Report:
    return parse_extracted(Extracted("pdf", (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), ocr=ocr))


def test_a_printed_total_read_with_a_one_lost_is_left_blank() -> None:
    report = _report("synth_1403")
    cell = report.cells[f"{A}/results_total/total"]
    assert cell.value is None and cell.where is not None and cell.where.read_as == "2"
    (said,) = [w for w in report.warnings if w.key == f"{A}/results_total/total" and w.code.startswith("ocr_")]
    assert said.code == "ocr_contradicted" and "would hold with 12" in said.message and "12 not taken" in said.message
    assert review_verdict(report)[0] == "required"


def test_a_cell_no_sum_read_with_a_one_lost_is_taken_as_its_identities_give_it() -> None:
    report = _report("synth_497")
    key = f"{A}/unavailable.not_held/commercial"
    cell = report.cells[key]
    assert cell.value == 17 and cell.where is not None and cell.where.read_as == "7"
    (said,) = [w for w in report.warnings if w.key == key and w.code.startswith("ocr_")]
    assert said.code == "ocr_corrected" and "taken as 17" in said.message
    assert not any(c.name == f"{A}/row_total/unavailable.not_held" and not c.passed for c in report.checks)
    assert review_verdict(report)[0] == "required"


def test_text_no_ocr_read_keeps_its_numbers() -> None:
    assert _report("synth_1403", ocr=False).cells[f"{A}/results_total/total"].value == 2


def test_with_a_one() -> None:
    assert with_a_one("2") == {12, 21}
    assert with_a_one("7") == {17, 71}
    assert with_a_one("0") == {10}  # no number printed with a leading zero
    assert with_a_one("15") == {115, 151}


# a 2×2 table of counts (tables 三's keys), its row and column totals: a1 a2 | at, b1 b2 | bt, t1 t2 | tt
def _cells(values: dict[str, int | None]) -> dict[str, Cell]:
    return {
        f"{A}/{k}": Cell(f"{A}/{k}", v, "" if v is None else str(v), Where(i, i + 1, page=1))
        for i, (k, v) in enumerate(values.items())
    }


def _checks(cells: dict[str, Cell]) -> list[Check]:
    def check(name: str, left: list[str], right: list[str]) -> Check:
        lk, rk = [f"{A}/{k}" for k in left], [f"{A}/{k}" for k in right]
        lv = sum(cells[k].value or 0 for k in lk)
        rv = sum(cells[k].value or 0 for k in rk)
        return Check(name, lk, rk, lv, rv, lv == rv, blank=all(cells[k].value is None for k in (*lk, *rk)))

    return [
        check("row_a", ["a1", "a2"], ["at"]),
        check("row_b", ["b1", "b2"], ["bt"]),
        check("col_1", ["a1", "b1"], ["t1"]),
        check("col_2", ["a2", "b2"], ["t2"]),
        check("col_t", ["at", "bt"], ["tt"]),
    ]


RIGHT = {"a1": 12, "a2": 3, "at": 15, "b1": 4, "b2": 5, "bt": 9, "t1": 16, "t2": 8, "tt": 24}


def _run(**read: int | None) -> tuple[dict[str, Cell], list[Check], list[Warning_]]:
    cells = _cells({**RIGHT, **read})
    warnings: list[Warning_] = []
    checks = lost_ones(cells, _checks(cells), warnings)
    return cells, checks, warnings


def test_a_cell_read_with_a_one_lost_is_taken_and_the_checks_hold() -> None:
    cells, checks, warnings = _run(a1=2)
    assert cells[f"{A}/a1"].value == 12 and cells[f"{A}/a1"].where.read_as == "2"  # type: ignore[union-attr]
    assert [w.code for w in warnings] == ["ocr_corrected"]
    assert all(c.passed for c in checks)


def test_a_total_read_with_a_one_lost_is_left_blank() -> None:
    cells, _, warnings = _run(at=5)  # row_a and col_t both give 15: a printed sum
    assert cells[f"{A}/at"].value is None and cells[f"{A}/at"].where.read_as == "5"  # type: ignore[union-attr]
    assert [w.code for w in warnings] == ["ocr_contradicted"]


@pytest.mark.parametrize(
    "read",
    [
        {"a1": 11},  # 12 read 11: no 1 lost (a lookalike: parsers/ocr/correct.py's)
        {"a1": 2, "b1": 5},  # b1 misread too: col_1 gives a1 11, row_a 12
        {"a1": 2, "a2": None},  # a cell of its row lost: the row's sum as read does not give a1
        {"at": 5, "tt": 14},  # col_t fails by another amount: its identities do not agree
    ],
)
def test_readings_the_identities_do_not_single_out_as_a_one_lost_are_kept(read: dict[str, int | None]) -> None:
    cells, _, warnings = _run(**read)
    assert not warnings
    assert {k: c.value for k, c in cells.items()} == {f"{A}/{k}": v for k, v in {**RIGHT, **read}.items()}
