"""Table 三 in pdfminer.six's text with ``boxes_flow=None`` of Chromium's narrow print (``synth_reports.NARROW_PRINT``:
every cell ``break-all``): each cell a box printed by its lower edge, a row's cells of fewer lines than its wrapped
label before it, the others after it, numbers broken over lines after the row's one-line cells
(parsers/tables/box_sides.py; parser version 154). Snippets cut by scripts/build_synth_snippets.py from tuning seeds
6001, 6010, 6012 and 6022 (b47's batch, copied to ``/tmp/b49/tune``); the gold rows are the generator's
(synth_60xx.json): the rows not named are all 0. Version 153 read each of these tables a row off (a row's values
taken from the next row's, printed after its label) or left it blank."""

from __future__ import annotations

from parsers.tables.box_sides import _placements
from parsers.tables.templates import APPLICATION_ROWS_2019
from parsers.tables.tokens import TEXT, token
from tests.snippet_reports import REVIEW_KEYS, app_row, row_or_none, snippet_report
from tests.snippet_reports import gold_rows as _gold
from tests.snippet_reports import read_rows as _read
from tests.snippet_reports import wrong_rows as _wrong

GOLD_6001 = _gold(
    {
        "new_received": [22, 0, 0, 0, 2, 0, 24],
        "granted": [4, 0, 0, 0, 0, 0, 4],
        "withheld.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
        "withheld.internal_affairs": [0, 0, 0, 0, 1, 0, 1],
        "unavailable.not_held": [17, 0, 0, 0, 1, 0, 18],
        "results_total": [22, 0, 0, 0, 2, 0, 24],
    }
)
GOLD_6010 = _gold(
    {
        "new_received": [385, 1115, 0, 0, 0, 0, 1500],
        "carried_over": [1329, 0, 0, 0, 0, 0, 1329],
        "granted": [909, 32, 0, 0, 0, 0, 941],
        "partially_granted": [0, 200, 0, 0, 0, 0, 200],
        "withheld.state_secret": [0, 40, 0, 0, 0, 0, 40],
        "withheld.three_safeties": [0, 666, 0, 0, 0, 0, 666],
        "unavailable.not_held": [277, 53, 0, 0, 0, 0, 330],
        "unavailable.needs_creation": [146, 0, 0, 0, 0, 0, 146],
        "unavailable.unclear_after_correction": [0, 76, 0, 0, 0, 0, 76],
        "not_processed.petition": [0, 37, 0, 0, 0, 0, 37],
        "other.other": [376, 0, 0, 0, 0, 0, 376],
        "results_total": [1708, 1104, 0, 0, 0, 0, 2812],
        "carried_forward": [6, 11, 0, 0, 0, 0, 17],
    }
)
GOLD_6012 = _gold(
    {
        "new_received": [130, 9, 2, 0, 1, 0, 142],
        "carried_over": [0, 0, 0, 0, 15, 0, 15],
        "granted": [0, 1, 1, 0, 1, 0, 3],
        "withheld.three_safeties": [0, 0, 0, 0, 9, 0, 9],
        "withheld.process_info": [0, 1, 0, 0, 0, 0, 1],
        "withheld.enforcement_files": [0, 1, 0, 0, 0, 0, 1],
        "unavailable.not_held": [109, 1, 0, 0, 0, 0, 110],
        "unavailable.needs_creation": [0, 2, 1, 0, 0, 0, 3],
        "unavailable.unclear_after_correction": [0, 1, 0, 0, 4, 0, 5],
        "not_processed.petition": [21, 1, 0, 0, 2, 0, 24],
        "other.other": [0, 1, 0, 0, 0, 0, 1],
        "results_total": [130, 9, 2, 0, 16, 0, 157],
    }
)
GOLD_6022 = _gold(
    {
        "new_received": [21, 0, 0, 0, 0, 0, 21],
        "granted": [3, 0, 0, 0, 0, 0, 3],
        "partially_granted": [11, 0, 0, 0, 0, 0, 11],
        "unavailable.not_held": [6, 0, 0, 0, 0, 0, 6],
        "unavailable.needs_creation": [1, 0, 0, 0, 0, 0, 1],
        "results_total": [21, 0, 0, 0, 0, 0, 21],
    }
)
# （六）其他处理 printed as one row (the 2019 format's layout); （七）总计's 总计 printed 68 where its cells sum to 67
GOLD_6029 = _gold(
    {
        "new_received": [56, 9, 0, 0, 0, 1, 66],
        "carried_over": [0, 0, 0, 0, 0, 2, 2],
        "granted": [29, 3, 0, 0, 0, 1, 33],
        "partially_granted": [1, 2, 0, 0, 0, 0, 3],
        "withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
        "withheld.third_party_rights": [6, 0, 0, 0, 0, 0, 6],
        "unavailable.not_held": [5, 2, 0, 0, 0, 0, 7],
        "not_processed.petition": [0, 2, 0, 0, 0, 0, 2],
        "not_processed.duplicate": [0, 0, 0, 0, 0, 1, 1],
        "other": [14, 0, 0, 0, 0, 0, 14],
        "results_total": [56, 9, 0, 0, 0, 2, 68],
        "carried_forward": [0, 0, 0, 0, 0, 1, 1],
    },
    APPLICATION_ROWS_2019,
)


def test_cells_on_both_sides_of_their_label_read_whole() -> None:
    # ``0 0 0 2 0`` / ``2|2`` / ``2|4`` / ``一、本年新收政府信息|公开申|请数量`` / ``0 0 0 0 0 0 0`` / ``二、…``: each
    # row's cells before its three-line label; （七）总计's one-line cells before its label, its 22 and 24 after it.
    # Version 153 read every row from the values after its label: the next row's (一、 as 0s, 二、 as 4 … 4)
    report = snippet_report("synth-6001-flow-none-table3.txt")
    assert _read(report, GOLD_6001) == GOLD_6001
    assert any(w.code == "label_after_values" for w in report.warnings)


def test_a_one_line_label_printed_with_the_cell_beside_it() -> None:
    # ``0 0 0 0 0 3`` / ``（一）予以公开 3``: pdfminer joins the label cell and the cell beside it into one line; that
    # cell is the row's first (version 153: 3 in 其他 and 0 in 自然人; a first cut of the rule read the same)
    report = snippet_report("synth-6022-flow-none-table3.txt")
    assert _read(report, GOLD_6022) == GOLD_6022


def test_a_row_whose_label_is_not_found_takes_its_cells_in_turn() -> None:
    # 6012: ``1、属|于国`` / ``（三）|不予公|开`` / ``家秘|密``: the label split by its group's head, not found; a
    # header repeated after the page break between 3、要求提供公开出版物 and 4、无正当理由大量反复申请
    report = snippet_report("synth-6012-flow-none-table3.txt")
    assert _read(report, GOLD_6012) == GOLD_6012


def test_columns_the_identities_leave_open_are_blank_not_guessed() -> None:
    # 6010: 385 1115 … and 909 32 … print after the one-line 0s, in no column the text tells; the identities place
    # the 自然人 column (the balance of every column holds only so) but cannot tell 商业企业 from the four columns
    # of 0s beside it (moving all of them together keeps every identity): those cells are blank, none wrong
    report = snippet_report("synth-6010-flow-none-table3.txt")
    assert not _wrong(report, GOLD_6010)
    assert app_row(report, "carried_over") == GOLD_6010["carried_over"]
    assert [app_row(report, row)[0] for row in GOLD_6010] == [row[0] for row in GOLD_6010.values()]
    assert app_row(report, "new_received")[1] is None
    assert any(w.code == "placement_open" for w in report.warnings)


def test_a_misprinted_total_the_placement_most_identities_hold() -> None:
    # 6029: ``（一）予以公开`` / ``3 0 0 0 1`` / ``2|9`` / ``3|3``, and three more rows with a broken number;
    # （七）总计's 68 misprinted, so no placement holds every identity: the one under which the most hold is read,
    # and the misprint still fails its identities (version 153 read 3 for 29, 14 in 其他 for 自然人: 29 wrong numbers)
    report = snippet_report("synth-6029-flow-none-table3.txt")
    assert _read(report, GOLD_6029) == GOLD_6029
    said = [w.message for w in report.warnings if w.code == "merged_digits" and "granted" in w.message]
    assert said and "a total printed wrong" in said[0]
    assert any(w.code == "identity_failed" and "results_total/total" in w.message for w in report.warnings)


def test_placements_keep_each_line_counts_run_in_order() -> None:
    def box(text: str, line: int) -> list:  # type: ignore[type-arg]
        return [token(piece, line * 10, line * 10 + len(piece), line + k, 0, False) for k, piece in enumerate(text)]

    # ``0 0 0 0`` (one line each) then ``3|8|5``, ``1|1|5``, ``5|0|0`` (three lines each): 385 and 115 in any two
    # of the first six columns, 500 the total
    boxes = [box("0", 1), box("0", 2), box("0", 3), box("0", 4), box("385", 6), box("115", 10), box("500", 14)]
    got = [[t[TEXT] for t in row] for row in _placements([], boxes, 7)]
    assert len(got) == 15
    assert ["385", "115", "0", "0", "0", "0", "500"] in got
    assert all(row[-1] == "500" and row.index("385") < row.index("115") for row in got)
    # a lead (the cells on the label's line) keeps the first columns
    lead = [token("7", 0, 1, 0, 0, False)]
    got = [[t[TEXT] for t in row] for row in _placements(lead, [box("0", 1), box("7", 2)], 3)]
    assert got == [["7", "0", "7"]]


# （六）其他处理 printed as one row (the 2019 format's layout)
GOLD_6019 = _gold(
    {
        "new_received": [882, 0, 0, 0, 0, 0, 882],
        "carried_over": [322, 0, 0, 0, 0, 0, 322],
        "granted": [6, 0, 0, 0, 0, 0, 6],
        "withheld.three_safeties": [644, 0, 0, 0, 0, 0, 644],
        "withheld.third_party_rights": [470, 0, 0, 0, 0, 0, 470],
        "unavailable.not_held": [84, 0, 0, 0, 0, 0, 84],
        "results_total": [1204, 0, 0, 0, 0, 0, 1204],
    },
    APPLICATION_ROWS_2019,
)


def test_a_thousands_separator_in_a_number_broken_over_lines() -> None:
    # 6019's （七）总计: ``0 0 0 0 0`` / ``1,2|04`` / ``1,2|04``: 1,204 broken after its separator's first digit;
    # ``1,2`` is no number alone, the pieces joined are one (version 165: no box reading, the table read a row off
    # by its labels: 16 wrong numbers)
    report = snippet_report("synth-6019-flow-none-table3.txt")
    assert _read(report, GOLD_6019) == GOLD_6019
    assert any(w.code == "label_after_values" for w in report.warnings)


def _alone(n: int, col: int = 0) -> list[int]:
    row = [0] * 7
    row[col] = row[6] = n
    return row


GOLD_6015 = _gold(
    {
        "new_received": [2106, 0, 257, 0, 0, 0, 2363],
        "carried_over": _alone(691),
        "granted": [1207, 0, 63, 0, 0, 0, 1270],
        "withheld.state_secret": _alone(171),
        "withheld.process_info": _alone(238),
        "unavailable.not_held": _alone(18, 2),
        "unavailable.unclear_after_correction": _alone(57, 2),
        "not_processed.petition": _alone(420),
        "not_processed.confirm_existing": _alone(119, 2),
        "other.unpaid_fee": _alone(761),
        "results_total": [2797, 0, 257, 0, 0, 0, 3054],
    }
)
# table 四: 行政复议 0 5 0 0 5, 未经复议直接起诉 0 0 47 0 47, 复议后起诉 0 9 0 0 9
GOLD_6015_FOUR = [0, 5, 0, 0, 5, 0, 0, 47, 0, 47, 0, 9, 0, 0, 9]


def test_numbers_broken_over_four_lines_are_no_ocr_boxes_and_no_row_is_read_from_some_of_its_placements() -> None:
    # 6015: numbers of four digits broken over four lines (``2`` / ``1`` / ``0`` / ``6`` for 2106), each a box of
    # its own between blank lines: six stacks of four number lines, which version 170 took for OCR's boxes printed
    # one a line (parsers/boxes.py) and joined to the lines above them (30 wrong numbers). Read as pdfminer's
    # boxes, two columns' numbers broken over lines in whichever columns the identities allow (2106 and 257 in any
    # two): the search for joint placements stops at its cap, and a row's cells are read only where all of its
    # placements read them alike, not the capped choices (which read 691's row 0 under 自然人)
    report = snippet_report("synth-6015-flow-none-table3.txt")
    assert _wrong(report, GOLD_6015) == {}
    got = _read(report, GOLD_6015)
    for row in GOLD_6015:
        assert got[row][6] == GOLD_6015[row][6], row  # every row total is read
    assert got["partially_granted"] == GOLD_6015["partially_granted"]
    assert any(w.code == "placement_open" and w.key == "applications/results_total" for w in report.warnings)


def test_table_four_numbers_broken_over_lines_printed_after_its_one_line_cells() -> None:
    # 6015's table 四: ``0 5 0 0 5 0 0`` / ``0`` / ``0 9 0 0 9`` / ``4|7`` / ``4|7``: the two boxes of 47 print after
    # the thirteen one-line cells (pdfminer's order by lower edges); version 170 read 4, 7, 4, 7 as four values and
    # dropped two (six wrong numbers). Which of 未经复议直接起诉's first four columns 47 stands in is not in the
    # text: its total and the other rows read, its four first cells blank
    report = snippet_report("synth-6015-flow-none-table3.txt")
    got = [report.cells[k].value for k in REVIEW_KEYS]
    assert [g for g in got if g is not None] == [w for g, w in zip(got, GOLD_6015_FOUR, strict=True) if g is not None]
    assert got[:5] == GOLD_6015_FOUR[:5] and got[10:] == GOLD_6015_FOUR[10:] and got[9] == 47
    assert got[5:9] == [None] * 4
    assert any(w.code == "placement_open" and w.key == "review_litigation" for w in report.warnings)


# 6023 (a52's batch, ``/tmp/a52/tune``): （七）总计's 商业企业 printed 141 where its column sums to 133
GOLD_6023 = _gold(
    {
        "new_received": [1035, 145, 0, 0, 0, 0, 1180],
        "granted": [0, 72, 0, 0, 0, 0, 72],
        "partially_granted": [524, 0, 0, 0, 0, 0, 524],
        "withheld.query_matters": [0, 15, 0, 0, 0, 0, 15],
        "unavailable.not_held": [511, 0, 0, 0, 0, 0, 511],
        "unavailable.needs_creation": [0, 28, 0, 0, 0, 0, 28],
        "not_processed.petition": [0, 18, 0, 0, 0, 0, 18],
        "results_total": [1035, 141, 0, 0, 0, 0, 1168],
        "carried_forward": [0, 12, 0, 0, 0, 0, 12],
    }
)


def test_a_run_whose_first_paragraphs_are_no_boxes_leaves_one_row_blank() -> None:
    # 6023: ``0`` / ``0`` / ``一、本年新收政府信|息公开申请数量`` / ``1|03`` / ``14|5`` /
    # ``0   0   1|18`` / a page break / ``5|0`` / ``0   0   0`` / ``0`` / ``0   0   0`` / ``二、…``:
    # pdfminer puts 一's one-line 0s and 1180's first piece in one paragraph, and the row's third
    # pieces (1035's 5, 1180's 0) after the page break, so 一's cells after its label are no boxes.
    # Version 201 read the table by its labels, most rows from the next row's values (17 wrong
    # numbers: 7.属于行政执法案卷 as 8.'s 0 … 15 15 with 15 in 其他, 8. as 1.本机关's 511, （二）部分公开
    # as 1.属于国家秘密's 0s). Now 一 is left blank and the rows after it are laid from the last box
    # back; the columns the identities leave open (the misprinted 141 among them) are blank.
    report = snippet_report("synth-6023-flow-none-table3.txt")
    assert not _wrong(report, GOLD_6023)
    assert row_or_none(report, "new_received") == [None] * 7
    for row in ("carried_over", "withheld.enforcement_files", "unavailable.unclear_after_correction"):
        assert app_row(report, row) == GOLD_6023[row]
    assert [row_or_none(report, row)[6] for row in ("withheld.query_matters", "carried_forward")] == [15, 12]
    said = [w.message for w in report.warnings if w.code == "placement_open" and "new_received" in w.message]
    assert said and "no boxes" in said[0]


# 6002 (a52's batch): rows printing a blank cell as nothing (``None``: a blank the report published)
GOLD_6002 = {
    "partially_granted": [None, 0, 1, 0, 0, 0, 1],
    "withheld.process_info": [0, 0, None, 0, 0, 0, 0],
    "unavailable.needs_creation": [0, None, 1, 0, 0, None, 1],
    "other.no_correction": [0, 0, 1, None, 0, 0, 1],
    "other.other": [1, 0, 0, 0, 0, None, 1],
}


def test_a_row_short_of_cells_before_its_label_is_placed_by_the_identities() -> None:
    # 6002: each row's values print before its label (``label_after_values``), some rows with a blank cell printed
    # as nothing: 1.申请人无正当理由逾期不补正's ``0 0 1 0 0 1`` for 0 0 1 _ 0 0 1. Version 201 put such a row's values
    # in its last six cells unscored (the 1 in 社会公益组织, 0 in 科研机构: a wrong number; 6.属于四类过程性信息's 0
    # in its blank 科研机构). Now such a row is placed by the identities on the other rows, and the cells its
    # placements differ in are left blank (``ambiguous``, then ``placement_open``)
    report = snippet_report("synth-6002-flow-none-table3.txt")
    assert any(w.code == "label_after_values" for w in report.warnings)
    assert not _wrong(report, GOLD_6002)
    assert row_or_none(report, "withheld.process_info")[2] is None


def test_a_value_on_its_labels_line_is_that_rows_first_cell_before_labels() -> None:
    # 6002: ``3.其他 1`` / ``0`` / ``5`` … ``9`` / ``（七）总计 4`` / ``0`` … /
    # ``四、结转下年度继续|办理``: the cell beside a label printed on its line is that row's first
    # (as box_sides reads a lead), not the next row's. Version 205 gave （七）总计's 4 to 四 (its
    # 自然人 then blank, 四's row total failing); now （七）总计 reads 4 0 5 0 0 0 9, and the rows
    # short of cells are placed by the identities (unprinted_blanks.placed_rows): 0 0 1 _ 0 0 1's
    # 1 in 科研机构
    report = snippet_report("synth-6002-flow-none-table3.txt")
    assert not _wrong(report, GOLD_6002)
    assert app_row(report, "results_total") == [4, 0, 5, 0, 0, 0, 9]
    assert row_or_none(report, "other.no_correction")[2] == 1
    assert row_or_none(report, "other.other")[0] == 1
