"""Tables placed by their identities jointly (``parsers/tables/solve.py``): text in reading order (labels and
values printed apart, rows down their columns, header cells between values), rows printed as one run of digits.
Every expected cell is written out by hand here.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
import snippets as s

from parsers import parse
from parsers.tables.displaced import MAX_MOVES, read_displaced
from parsers.tables.solve import Identity, choose_rows, place_values, read_stream, split_any, split_row, split_rows

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _parse(text: str):
    return parse(text.encode("utf-8"), "report.txt")


def _row(cells: dict, key: str) -> list:
    return [cells[f"applications/{key}/{c}"] for c in COLS]


def _codes(report) -> list[str]:
    return [w.code for w in report.warnings]


# ------------------------------------------------------------------------------------------ the solver itself
def test_split_row_keeps_only_splits_whose_total_holds() -> None:
    assert split_row("24130320249", 7) == [(241, 3, 0, 3, 2, 0, 249)]
    assert sorted(split_row("404000044", 7) or []) == [(4, 0, 40, 0, 0, 0, 44), (40, 4, 0, 0, 0, 0, 44)]
    assert split_row("0000000", 7) == [(0,) * 7]
    assert split_row("123", 7) == []  # too short for seven cells
    assert split_row("1234567", 7) == []  # 1+2+3+4+5+6 is not 7


def test_split_rows_and_split_any() -> None:
    assert split_rows("762921121381344113213001124", 3, 5) == [
        [(76, 29, 21, 12, 138), (13, 4, 4, 11, 32), (13, 0, 0, 11, 24)]
    ]
    assert split_any("000", 3) == [(0, 0, 0)]
    assert len(split_any("15133", 3)) == 6  # 1 5 133, 1 51 33, … : no identity to choose


def test_choose_rows_uses_the_column_sums() -> None:
    # two rows and their sum: row 0 is (40 4 | 44) or (4 40 | 44); the sum row says which
    idents = [Identity(f"col{c}", ((0, c), (1, c)), ((2, c),)) for c in range(3)]
    candidates = {0: [(4, 40, 44), (40, 4, 44)]}
    known = {(1, 0): 1, (1, 1): 0, (1, 2): 1, (2, 0): 41, (2, 1): 4, (2, 2): 45}
    choices, complete = choose_rows(candidates, known, idents)
    assert complete and choices == [{0: 1}]
    known[(2, 0)], known[(2, 1)] = 5, 40  # now the other reading
    assert choose_rows(candidates, known, idents)[0] == [{0: 0}]


def test_place_values_reports_every_placement() -> None:
    # two cells, one identity a + b = 3, values {1, 2}: two placements; with a = b + 1 only one
    idents = [Identity("sum", ((0, 0), (0, 1)), ((0, 2),))]
    placed, complete = place_values([1, 2], [(0, 0), (0, 1)], {(0, 2): 3}, idents)
    assert complete and len(placed) == 2
    idents.append(Identity("diff", ((0, 0),), ((0, 1), (1, 0))))
    placed, _ = place_values([1, 2], [(0, 0), (0, 1)], {(0, 2): 3, (1, 0): 1}, idents)
    assert placed == [{(0, 0): 2, (0, 1): 1}]


def test_read_stream_rows_then_two_rows_down_their_columns() -> None:
    # three rows of (a, b, a+b) and a fourth the column sums of the first three
    idents = [Identity(f"row{i}", ((i, 0), (i, 1)), ((i, 2),)) for i in range(4)]
    idents += [Identity(f"col{c}", ((0, c), (1, c), (2, c)), ((3, c),)) for c in range(3)]
    rows = [(1, 2, 3), (4, 0, 4), (2, 5, 7), (7, 7, 14)]
    stream = [1, 2, 3, 4, 0, 4, 2, 7, 5, 7, 7, 14]  # rows 2 and 3 side by side, read down their columns
    reading = read_stream(stream, 4, 3, idents)
    assert reading.status == "unique"
    assert [[stream[k] for k in row] for row in reading.cells] == [list(r) for r in rows]
    assert [b.how for b in reading.blocks] == ["rows", "rows", "columns"]
    assert read_stream(stream[:-1], 4, 3, idents).status == "none"


# ---------------------------------------------------------------------------------- reading order (pdftotext)
READING_ORDER = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一
项加第二项之和，等于第三项加
第四项之和）
申请人情况
一、本年新收政府信息公开申请
数量
二、上年结转政府信息公开申请
数量
三、本年 （一）予以公开
度办理结 （二）部分公开（区
果
分处理的，只计这一
情形，不计其他情
形）
12
2
1
自然人
法人或其他组织
商业企业 科研机构
总计
法律服务
机构
1
其他
0
社会公益
组织
0
0
15
0
0
0
0
0
1
10
1
0
0
1
0
12
3
0
0
0
0
0
3
（三）不 1.属于国
予公开 家秘密
"""
# the other rows: zeros, their labels in fragments before their values
ZERO_ROWS = [
    "2.其他法\n律行政法\n规禁止公\n开",
    "3.危\n及“三安\n全一稳\n定”",
    "4.保护第\n三方合法\n权益",
    "5.属于三\n类内部事\n务信息",
    "6.属于四\n类过程性\n信息",
    "7.属于行\n政执法案\n卷",
    "8.属于行\n政查询事\n项",
    "（四）无 1.本机关\n法提供 不掌握相\n关政府信\n息",
    "2.没有现\n成信息需\n要另行制\n作",
    "3.补正后\n申请内容\n仍不明确",
    "（五）不 1.信访举\n予处理 报投诉类\n申请",
    "2.重复申\n请",
    "3.要求提\n供公开出\n版物",
    "4.无正当\n理由大量\n反复申请",
    "5.要求行\n政机关确\n认或重新\n出具已获\n取信息",
    "（六）其 1.申请人\n他处理 无正当理\n由逾期不\n补正",
    "2.申请人\n逾期未按\n收费通知",
    "3.其他",
]
READING_TAIL = """13
0
1
1
0
0
0
0
1
0
0
0
15
1
（七）总计
四、结转下年度继续办理
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果
维持
结果
纠正
1
0
其他
结果
尚未
审结
总计
0
1
2
未经复议直接起诉
0
1
0
0
1
复议后起诉
0
0
0
0
0
"""


def _reading_order_report() -> str:
    # state_secret (first of the zero rows, its label above) then the others: label fragments, then 7 zeros
    body = "\n".join(["0"] * 7) + "\n"
    for label in ZERO_ROWS:
        body += label + "\n" + "\n".join(["0"] * 7) + "\n"
    return s.HEAD + s.ACTIVE_2021 + READING_ORDER + body + READING_TAIL + s.TAIL


def test_reading_order_table_read_from_its_values_in_row_order() -> None:
    """pdftotext's default order: label fragments apart from the values; the first two rows' values mixed
    with header cells (placed by the identities), 总计 and 结转下年度 side by side (read down their columns)."""
    report = _parse(_reading_order_report())
    cells = report.as_json()["cells"]
    assert _row(cells, "new_received") == [12, 2, 0, 0, 1, 0, 15]
    assert _row(cells, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(cells, "granted") == [10, 1, 0, 0, 1, 0, 12]
    assert _row(cells, "partially_granted") == [3, 0, 0, 0, 0, 0, 3]
    assert _row(cells, "withheld.state_secret") == [0] * 7
    assert _row(cells, "other.other") == [0] * 7
    assert _row(cells, "results_total") == [13, 1, 0, 0, 1, 0, 15]
    assert _row(cells, "carried_forward") == [0, 1, 0, 0, 0, 0, 1]
    review = [
        cells[f"review_litigation/{r}/{c}"]
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert review == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert all(c.passed for c in report.checks if c.kind == "identity")
    codes = _codes(report)
    assert "stream_order" in codes and "placed_by_identities" in codes
    order = next(w for w in report.warnings if w.code == "stream_order")
    assert "results_total, carried_forward down their columns" in order.message
    placed = next(w for w in report.warnings if w.code == "placed_by_identities")
    assert "new_received, carried_over" in placed.message and "a guess" in placed.message
    assert report.metadata["review"] == "suggested"


def test_reading_order_that_the_identities_cannot_place_is_not_read_that_way() -> None:
    # one more value than cells: no placement of the stream at all; the rows are not filled from it
    text = _reading_order_report().replace("（七）总计", "7\n（七）总计")
    report = _parse(text)
    assert "stream_order" not in _codes(report)
    assert report.metadata["review"] == "required"


# ------------------------------------------------------------------------------------------ runs of digits
def _glued(rows: dict[str, list[int | None]], active: str = s.ACTIVE_2021) -> str:
    lines = [s.APP_HEADER.rstrip("\n")]
    for key, label in s.APP_LABELS:
        lines.append(label.replace("\t", "") + "".join(str(v) for v in rows[key]))
    apps = "\n".join(lines) + "\n"
    review = s.REVIEW_HEADER + "".join(str(v) for v in s.REVIEW_VALUES) + "\n"
    return s.to_spaces(s.report(active=active, apps=apps, review=review)).replace(" ", "")


def test_rows_printed_as_runs_of_digits_are_split_jointly() -> None:
    rows = s.default_rows()
    # 404000044 splits as 40 4 0 0 0 0 44 or 4 0 40 0 0 0 44: only the column sums tell
    rows["new_received"] = [44, 5, 0, 0, 1, 0, 50]
    rows["withheld.internal_affairs"] = [40, 4, 0, 0, 0, 0, 44]
    rows["results_total"] = [45, 5, 0, 0, 1, 0, 51]
    rows["carried_forward"] = [0, 0, 0, 0, 0, 0, 0]
    active = s.ACTIVE_2021.replace("规章\t0\t0\t2", "规章\t0\t0\t0")
    report = _parse(_glued(rows, active))
    assert report.metadata["convention"] == "glued"
    cells = report.as_json()["cells"]
    assert _row(cells, "withheld.internal_affairs") == [40, 4, 0, 0, 0, 0, 44]
    assert _row(cells, "new_received") == [44, 5, 0, 0, 1, 0, 50]
    assert _row(cells, "results_total") == [45, 5, 0, 0, 1, 0, 51]
    split = next(
        w for w in report.warnings if w.key == "applications/withheld.internal_affairs" and w.code == "split_number"
    )
    assert "'404000044' split as 40 4 0 0 0 0 44 (of its 2 splits whose total holds)" in split.message
    # table 四: one run, split by its three row totals
    assert cells["review_litigation/review/total"] == 2 and cells["review_litigation/litigation_direct/corrected"] == 1
    # table 二: 规章000 has one split; 行政规范性文件12385 has several and no identity: blank, reported
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [None] * 3
    amb = next(w for w in report.warnings if w.code == "ambiguous_split")
    assert amb.key == "active/normative_docs" and "'12385'" in amb.message
    assert cells["active/licensing/decisions"] == 1204
    assert all(c.passed for c in report.checks if c.kind == "identity")


def _review_printed(printed: str) -> str:
    """The snippet report with table 四's row printed as ``printed`` (the rest spaced as usual)."""
    return s.to_spaces(s.report(review=s.REVIEW_HEADER + printed + "\n"))


def _review_cells(report) -> list:
    cells = report.as_json()["cells"]
    rows = ("review", "litigation_direct", "litigation_after_review")
    cols = ("upheld", "corrected", "other", "pending", "total")
    return [cells[f"review_litigation/{r}/{c}"] for r in rows for c in cols]


def test_table_four_printed_as_a_few_runs_of_digits_is_split_at_the_gaps_too() -> None:
    # 10012 | 01001 | 00000, printed as two runs: a gap is a cell boundary; "0100100000" is no one cell's count
    report = _parse(_review_printed("10012 0100100000"))
    assert _review_cells(report) == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    split = next(w for w in report.warnings if w.code == "split_number" and w.key == "review_litigation")
    assert "'10012 0100100000' split as 1 0 0 1 2; 0 1 0 0 1; 0 0 0 0 0" in split.message
    # one run per row, each on a line of its own
    report = _parse(_review_printed("10012\n01001\n00000"))
    assert _review_cells(report) == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    # most cells spaced, the last ones glued: a run that starts with 0 is glued cells, not a count
    report = _parse(_review_printed("1 0 0 1 2 0100100000"))
    assert _review_cells(report) == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def test_table_four_a_lone_short_run_that_starts_with_0_is_left_blank_not_read_as_one_count() -> None:
    # 01001 | 00000 glued, the first row lost: ten digits cannot fill 15 cells, and 0100100000 is no count
    report = _parse(_review_printed("0100100000"))
    assert _review_cells(report) == [None] * 15
    amb = next(w for w in report.warnings if w.code == "ambiguous_split" and w.key == "review_litigation")
    assert "'0100100000'" in amb.message and "cannot fill" in amb.message
    assert report.metadata["review"] == "required"
    # a lone count of several digits is still a count, not three digits; one value for 15 cells, in text no OCR
    # read: which row and cell it is is not in the text, so it is named and left blank (version 49)
    report = _parse(_review_printed("100"))
    assert _review_cells(report) == [None] * 15
    (open_,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "review_litigation"]
    assert "1 value(s) (100)" in open_.message


def test_table_four_printed_as_zero_marks_only_is_a_row_of_zeros_reported_as_a_guess() -> None:
    # RapidOCR: each 0 of table 四 read as 。, neighbouring cells' marks returned as one box, some lost
    for printed in ("。。。。。。\n。。", "。。。。。。 。。"):
        report = _parse(_review_printed(printed))
        assert _review_cells(report) == [0] * 15
        guess = next(w for w in report.warnings if w.code == "zero_row" and w.key == "review_litigation")
        assert "only 8 zero marks" in guess.message and "a guess" in guess.message
        assert report.metadata["review"] != "none"
    # a digit anywhere in the table: the marks are not all its cells' values; too few marks: nothing to go on
    for printed in ("。。。。。。\n。。 1", "。。"):
        report = _parse(_review_printed(printed))
        assert not any(w.code == "zero_row" and w.key == "review_litigation" for w in report.warnings)
        assert any(v != 0 for v in _review_cells(report))
    # a TAB table prints every cell as a cell: marks there are not OCR's zeros
    report = _parse(s.report(review=s.REVIEW_HEADER + "。。。。。。\n。。\n"))
    assert report.metadata["convention"] == "tab"
    assert not any(w.code == "zero_row" and w.key == "review_litigation" for w in report.warnings)


def test_table_four_runs_with_two_splits_are_left_blank_not_read_as_one_number() -> None:
    # 12 3 1 0 16 and 1 2 3 10 16 both hold: no split is certain, and 1000100000 is not a count
    report = _parse(_review_printed("1231016 1000100000"))
    assert _review_cells(report) == [None] * 15
    amb = next(w for w in report.warnings if w.code == "ambiguous_split" and w.key == "review_litigation")
    assert "'1231016 1000100000'" in amb.message
    assert report.metadata["review"] == "required"


# ------------------------------------------------------------------------------------------ displaced values
def _table_three_identities() -> list[Identity]:
    from parsers.tables.checks import identities_at
    from parsers.tables.templates import APPLICATION_ROWS_2021

    return identities_at(APPLICATION_ROWS_2021, "2021")


# a 2021 table 三 whose every identity holds (row after row, its seven columns)
_THREE = [
    [40, 3, 0, 0, 2, 1, 46], [6, 0, 0, 0, 0, 0, 6], [20, 1, 0, 0, 1, 0, 22], [5, 0, 0, 0, 0, 0, 5],
    [0] * 7, [1, 0, 0, 0, 0, 0, 1], [0] * 7, [2, 0, 0, 0, 0, 0, 2], [0] * 7, [0] * 7, [0] * 7, [0] * 7,
    [6, 2, 0, 0, 0, 1, 9], [1, 0, 0, 0, 0, 0, 1], [0] * 7, [3, 0, 0, 0, 0, 0, 3], [0] * 7, [0] * 7, [0] * 7, [0] * 7,
    [2, 0, 0, 0, 1, 0, 3], [0] * 7, [1, 0, 0, 0, 0, 0, 1], [41, 3, 0, 0, 2, 1, 47], [5, 0, 0, 0, 0, 0, 5],
]  # fmt: skip
_FLAT = [v for row in _THREE for v in row]


def _displaced(*moves: tuple[int, int]) -> list[int]:
    """The table's values in order, each move taking the value at one place in the stream to another."""
    stream = list(_FLAT)
    for a, b in moves:
        stream.insert(b, stream.pop(a))
    return stream


def _placed(stream: list[int], cells: list[list[int]]) -> list[int]:
    return [stream[k] for row in cells for k in row]


def test_displaced_values_put_back_where_every_identity_holds() -> None:
    idents = _table_three_identities()
    cases = {
        # 一、本年新收's 总计 (46) printed after （六）1.'s values: late, by 20 rows
        ((6, 150),): ((0, 6), 1),
        # （七）总计's 41 printed among （六）2.'s values: early, by two rows
        ((161, 150),): ((23, 0), 1),
        # （六）3.其他's 总计 printed after the last row's values
        ((160, 174),): ((22, 6), 1),
        # 一、本年新收's 法律服务机构 2 printed after its 其他 1: the row's total holds as printed, two balances fail
        ((4, 5),): ((0, 5), 1),
        # two at once: 一's 总计 late, （七）总计's 41 early
        ((6, 150), (161, 140)): ((0, 6), 2),
    }
    for moves, (first, n) in cases.items():
        stream = _displaced(*moves)
        got = read_displaced(stream, 25, 7, idents)
        assert got.status == "unique" and got.moves == n, moves
        assert _placed(stream, got.cells) == _FLAT, moves
        assert min(cell for cell, _ in got.moved) == first, moves


def test_displaced_values_left_open_where_two_tables_hold_or_past_the_bound() -> None:
    idents = _table_three_identities()
    # 4.保护第三方合法权益's 总计 (2) printed among 8.属于行政查询事项's zeros: back in its row, or 8. read
    # 2 0 0 0 0 0 2 and 4. all zeros (both rows are results: the identities cannot tell)
    got = read_displaced(_displaced((55, 78)), 25, 7, idents)
    assert got.status == "ambiguous" and got.tables == 2 and not got.cells
    # four values displaced: past MAX_MOVES, nothing read
    assert MAX_MOVES == 3
    got = read_displaced(_displaced((6, 150), (20, 100), (40, 120), (90, 170)), 25, 7, idents)
    assert got.status == "none" and not got.cells
    # a search past its budget is open, not a reading
    assert read_displaced(_displaced((6, 150)), 25, 7, idents, budget=10).status == "open"
    # the stream in order is never a displaced reading (the caller reads it in order first)
    assert read_displaced(_FLAT, 25, 7, idents).status == "none"


def test_displaced_values_only_the_tables_accept_allows_count() -> None:
    # table 四's three row totals alone (tuning seed 1264's values in pdftotext's order: 2 0 0 0 0 / 0 0 0 0 0 /
    # 0 0 0 8 2 8): one value displaced gives one table, 行政复议 2 0 0 0 2 (its 总计 printed after the last row's
    # 8); 1264's gold has the 2s in 未经复议直接起诉's row, which the totals cannot tell. A table ``accept`` rejects is
    # neither read nor counted: with 行政复议's 结果维持 0 required, the fewest moves are 2, and they give two tables
    rows = [Identity(f"row{i}", tuple((i, c) for c in range(4)), ((i, 4),)) for i in range(3)]
    stream = [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 8]
    got = read_displaced(stream, 3, 5, rows)
    assert got.status == "unique" and got.moves == 1
    assert [[stream[k] for k in row] for row in got.cells] == [[2, 0, 0, 0, 2], [0] * 5, [0, 0, 0, 8, 8]]
    got = read_displaced(stream, 3, 5, rows, accept=lambda grid: grid[0] == 0)
    assert got.status == "ambiguous" and got.moves == 2 and not got.cells
    assert read_displaced(stream, 3, 5, rows, accept=lambda grid: grid[4] == 2).status == "unique"


def _displaced_streams(n: int) -> list[list[int]]:
    """The cases above and ``n`` streams of table 三 with one to three values moved at random (seeded)."""
    rng = random.Random(46)
    streams = [_displaced((6, 150)), _displaced((161, 150)), _displaced((160, 174)), _displaced((4, 5))]
    streams += [_displaced((6, 150), (161, 140)), _displaced((55, 78))]
    for _ in range(n):
        moves = [(rng.randrange(175), rng.randrange(175)) for _ in range(rng.randint(1, 3))]
        streams.append(_displaced(*moves))
    return streams


def test_displaced_search_counts_the_values_after_an_index_once_as_if_counted_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the search's count of the values printed from an index on (``_Search.printed_from``: made once per index and
    # copied) is the count made anew at each call (the form it replaced), keys in the same order, whatever the caller
    # did to a count it was given (``_complete`` subtracts the values still owed: a count handed out without the copy
    # fails here); and every reading is the same with the count made anew
    from parsers.tables import displaced

    idents = _table_three_identities()
    streams = _displaced_streams(40)
    for stream in streams[:8]:
        search = displaced._Search(stream, 25, 7, idents, displaced.MAX_ROW_MOVES, 1000)
        for p in [*range(0, 176, 5), 0, 170, 175]:
            anew = Counter(displaced._n(v) for v in stream[p:])
            got = search.printed_from(p)
            assert got == anew and list(got) == list(anew), p
            got.subtract([0, 0, 1, stream[-1]])
            assert search.printed_from(p) == anew, p

    def readings() -> list[object]:
        return [read_displaced(stream, 25, 7, idents, budget=20_000) for stream in streams]

    cached = readings()
    assert {r.status for r in cached} >= {"unique", "ambiguous", "open"}

    def anew_each_time(self: displaced._Search, p: int) -> Counter[int | float]:
        return Counter(displaced._n(v) for v in self.values[p:])

    monkeypatch.setattr(displaced._Search, "printed_from", anew_each_time)
    assert readings() == cached
