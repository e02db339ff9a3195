"""The scan reader's glyph vote of parser version 49 (parsers/ocr/correct.py, ``choose_glyphs``), on made-up
tables (no OCR engine needed): a disputed glyph set's other readings are each tried, never assumed to fit when
the sets' combinations are too many to try them all; a set its readings do not decide tries their lookalikes (the
printed digit may be one the engine never read twice); and a set the identities cannot decide as a whole is decided
cell by cell where a cell's own identities decide, the rest left blank."""

from __future__ import annotations

from parsers.model import Report, Warning_
from parsers.ocr.correct import MAX_GLYPH_COMBOS, correct_misreadings
from parsers.review import review_verdict
from tests.test_ocr_glyph_sets import _set, _table


def test_a_sets_other_readings_are_tried_even_past_the_combinations_tried_at_once() -> None:
    # printed: a1 0, a2 5, at 5, b1 0, b2 2, bt 2, t1 0, t2 7, tt 7; four glyphs disputed, nine readings each:
    # 9⁴ = 6561 combinations, more than are tried at once
    cells, checks = _table(
        {"a1": "0", "a2": "5", "at": "5", "b1": "0", "b2": "2", "bt": "2", "t1": "0", "t2": "7", "tt": "7"}
    )

    def nine(first: str) -> tuple[str, ...]:
        return (first, *(d for d in "123456789" if d != first))[:9]

    sets = [
        _set(["a1", "b1", "t1"], nine("0")),
        _set(["a2", "at"], nine("5")),
        _set(["b2", "bt"], nine("2")),
        _set(["t2", "tt"], nine("7")),
    ]
    assert MAX_GLYPH_COMBOS < 9**4
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings, sets)
    # the zeros' readings 7, 8 and 9 lie past the combinations tried at once: counted untried as fitting, they
    # tipped the zeros' set to undecided and blanked it (version 48)
    assert [cells[k].value for k in ("a1", "b1", "t1")] == [0, 0, 0]
    assert all(c.passed for c in checks)
    assert [w.code for w in warnings] == ["ocr_glyph_chosen"] * 4


def test_a_set_the_identities_do_not_decide_as_a_whole_is_decided_cell_by_cell() -> None:
    # printed: a1 0, a2 8, at 8, b1 0, b2 2, bt 2, t1 0, t2 10, tt 10; toner fills the zeros and a2's 8 alike:
    # one set of four cells, read as nothing (placeholder 0), its readings 0, 6 and 8
    cells, checks = _table(
        {"a1": "0", "a2": "0", "at": "8", "b1": "0", "b2": "2", "bt": "2", "t1": "0", "t2": "10", "tt": "10"}
    )
    glyph = _set(["a1", "a2", "b1", "t1"], ("0", "6", "8"), ("a1", "a2", "b1", "t1"))
    warnings: list[Warning_] = []
    correct_misreadings(cells, checks, warnings, [glyph])
    # as a whole: 0 fails 2 identities (row_a, col_2: a2's 8), 8 fails 3: too close to choose. b1's own
    # identities (row_b, col_1) hold under 0 and both fail under 6 and under 8: b1 is read 0
    assert cells["b1"].value == 0 and cells["b1"].where is not None and cells["b1"].where.read_as == ""
    # a2 (the 8) and a1 sit in a failing row; t1 only one identity checks: blank, never a wrong number
    assert [cells[k].value for k in ("a1", "a2", "t1")] == [None, None, None]
    codes = [w.code for w in warnings]
    assert codes[:2] == ["ocr_glyph_cells_chosen", "ocr_glyph_undecided"]
    assert "b1 (nothing)" in warnings[0].message and "a1, a2, t1" in warnings[1].message


def test_a_cell_is_not_taken_where_an_identity_of_it_holds_under_another_reading_too() -> None:
    # printed as above; b2 and bt one more set (printed 2, read 2 and 3). Under 2, col_t holds and col_2 fails
    # (a2's 8); under 3 both fail: too close for the set. bt's row_b holds under 2 and 3 alike (b2 moves with
    # it): one identity only tells its readings apart, so bt is left blank; b1 is read 0 as before.
    cells, checks = _table(
        {"a1": "0", "a2": "0", "at": "8", "b1": "0", "b2": "2", "bt": "3", "t1": "0", "t2": "10", "tt": "10"}
    )
    zeros = _set(["a1", "a2", "b1", "t1"], ("0", "6", "8"), ("a1", "a2", "b1", "t1"))
    twos = _set(["b2", "bt"], ("2", "3"))
    warnings: list[Warning_] = []
    correct_misreadings(cells, checks, warnings, [zeros, twos])
    assert cells["b1"].value == 0 and cells["a2"].value is None
    assert cells["b2"].value is None and cells["bt"].value is None
    assert sorted(w.code for w in warnings) == [
        "ocr_glyph_cells_chosen", "ocr_glyph_undecided", "ocr_glyph_undecided"
    ]  # fmt: skip


def test_a_set_its_readings_do_not_decide_is_read_as_a_lookalike_the_identities_choose() -> None:
    # printed: a1 0, a2 5, at 5, b1 0, b2 2, bt 2, t1 0, t2 7, tt 7; the zeros read 6 and 8, never 0 twice
    cells, checks = _table(
        {"a1": "6", "a2": "5", "at": "5", "b1": "8", "b2": "2", "bt": "2", "t1": "6", "t2": "7", "tt": "7"}
    )
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings, [_set(["a1", "b1", "t1"], ("6", "8"))])
    # 6 and 8 each fail row_a, row_b and col_1: too close to choose (blank at version 48); 0, a lookalike of both,
    # makes every identity hold, and each other reading fails at least two more
    assert [cells[k].value for k in ("a1", "b1", "t1")] == [0, 0, 0]
    assert all(c.passed for c in checks)
    assert [w.code for w in warnings] == ["ocr_glyph_lookalike"] and "taken as 0" in warnings[0].message
    # one cell that one identity checks: no reading, read or lookalike, is decided
    cells, checks = _table(
        {"a1": "6", "a2": "5", "at": "5", "b1": "0", "b2": "2", "bt": "2", "t1": "0", "t2": "7", "tt": "7"}
    )
    warnings = []
    correct_misreadings(cells, [c for c in checks if c.name == "row_a"], warnings, [_set(["a1"], ("6", "8"))])
    assert cells["a1"].value is None and [w.code for w in warnings] == ["ocr_glyph_undecided"]
    # a printed number left blank because no reading of it is certain: a person must look (the identities that
    # involve it are blank, not failed, so nothing else makes the report required)
    report = Report({"ocr": True}, "", cells=cells, checks=[], warnings=warnings)
    assert review_verdict(report) == ("required", ["ocr_glyph_undecided", "ocr"])
