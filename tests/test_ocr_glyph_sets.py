"""The scan reader's rules of parser version 37, each on a made-up page or table (no OCR engine needed): a cell
the engine read nothing in compared with the page's lone digits, a glyph read in several ways with no winner
gathered in a set the tables' identities read (parsers/ocr/glyphs.py, parsers/ocr/correct.py), the rules of a
column narrower than a character kept apart (parsers/ocr/grid.py)."""

from __future__ import annotations

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from parsers.extracted import GlyphSet  # noqa: E402
from parsers.model import Cell, Check, Warning_, Where  # noqa: E402
from parsers.ocr.correct import correct_misreadings  # noqa: E402
from parsers.ocr.engine import Ink, Word  # noqa: E402
from parsers.ocr.glyphs import agree_sets, unread_cells  # noqa: E402
from parsers.ocr.grid import Cell as GridCell  # noqa: E402
from parsers.ocr.grid import Table, _cluster, find_tables  # noqa: E402
from tests.test_ocr_glyphs import _page  # noqa: E402  (a white page with one glyph a cell)


def _ink(readings: list[str], boxes: list[tuple[int, int, int, int]]) -> tuple[Ink, dict]:
    """The engine's ink ("" for a cell it read nothing in) and the unread cells' boxes."""
    cells = {(0, 0, i): [[Word(r, box, 90.0)]] for i, (r, box) in enumerate(zip(readings, boxes, strict=True)) if r}
    unread = {(0, 0, i): box for i, (r, box) in enumerate(zip(readings, boxes, strict=True)) if not r}
    return Ink(cells=cells), unread


def test_a_cell_read_as_nothing_is_read_as_its_likes_when_they_agree() -> None:
    page, boxes = _page(["0"] * 6 + ["3", "3"])
    ink, unread = _ink(["0", "0", "0", "0", "", "", "3", "3"], boxes)
    agreed, note, sets = agree_sets(page, ink, unread)
    assert [agreed.cells[(0, 0, i)][0][0].text for i in (4, 5)] == ["0", "0"]
    assert note is not None and "?→0 ×2" in note and not sets


def test_a_cell_read_as_one_character_that_is_no_digit_is_compared_too() -> None:
    page, boxes = _page(["1", "1", "1", "1", "1", "/"])
    binary = (page < 128).astype(np.uint8) * 255
    cells = [GridCell(0, i, 1, 1, (5 + 60 * i, 5, 65 + 60 * i, 115)) for i in range(6)]
    table = Table((5, 5, 365, 115), [5 + 60 * i for i in range(7)], [5, 115], cells)
    readings = ["1", "1", "1", "1", "革", "/"]  # a lone 1 the Chinese model read 革; a slash is a not-applicable mark
    ink = Ink(cells={(0, 0, i): [[Word(r, boxes[i], 90.0)]] for i, r in enumerate(readings)})
    unread = unread_cells(binary, np.zeros_like(binary), [table], ink)
    assert list(unread) == [(0, 0, 4)]
    agreed, note, _ = agree_sets(page, ink, unread)
    assert agreed.cells[(0, 0, 4)][0][0].text == "1" and agreed.cells[(0, 0, 5)][0][0].text == "/"
    assert note is not None and "?→1 ×1" in note


def test_a_glyph_read_in_several_ways_with_no_winner_is_one_disputed_set() -> None:
    page, boxes = _page(["0"] * 9 + ["3", "3", "3"])
    readings = ["0", "0", "0", "6", "6", "6", "4", "4", "", "3", "3", "3"]  # 3 against 3: no winner
    ink, unread = _ink(readings, boxes)
    agreed, note, sets = agree_sets(page, ink, unread)
    assert len(sets) == 1
    (found,) = sets
    assert sorted(found.cells) == [(0, 0, i) for i in range(9)]  # the threes are another glyph
    assert set(found.readings) == {"0", "6", "4"} and found.unread == ((0, 0, 8),)
    assert agreed.cells[(0, 0, 8)][0][0].text == found.readings[0]  # a placeholder until the identities choose
    assert [agreed.cells[(0, 0, i)][0][0].text for i in range(8)] == readings[:8]  # nothing changed yet
    assert note is not None and "identities choose" in note


def test_an_unread_cell_is_found_by_its_ink() -> None:
    page, boxes = _page(["0", "1"])
    binary = (page < 128).astype(np.uint8) * 255
    rules = np.zeros_like(binary)

    table = Table(
        (5, 5, 135, 115),
        [5, 75, 135],
        [5, 115],
        [GridCell(0, 0, 1, 1, (5, 5, 75, 115)), GridCell(0, 1, 1, 1, (75, 5, 135, 115))],
    )

    ink = Ink(cells={(0, 0, 1): [[Word("1", boxes[1], 90.0)]]})
    found = unread_cells(binary, rules, [table], ink)
    assert list(found) == [(0, 0, 0)]
    x0, _, _, y1 = found[(0, 0, 0)]
    assert abs(x0 - boxes[0][0]) <= 1 and abs(y1 - boxes[0][3]) <= 1


# ------------------------------------------------------------------------------------------ the identities
BOX = {
    k: (float(i), 0.0, float(i) + 1, 1.0) for i, k in enumerate(("a1", "a2", "at", "b1", "b2", "bt", "t1", "t2", "tt"))
}


def _table(values: dict[str, str]) -> tuple[dict[str, Cell], list[Check]]:
    """A 2×2 table with row and column totals, each cell at its own box on page 2."""
    cells = {k: Cell(k, int(v), v, Where(0, 1, page=2, box=BOX[k])) for k, v in values.items()}

    def check(name: str, left: list[str], right: list[str]) -> Check:
        lv = sum(cells[k].value or 0 for k in left)
        rv = sum(cells[k].value or 0 for k in right)
        return Check(name, left, right, lv, rv, lv == rv)

    checks = [
        check("row_a", ["a1", "a2"], ["at"]),
        check("row_b", ["b1", "b2"], ["bt"]),
        check("col_1", ["a1", "b1"], ["t1"]),
        check("col_2", ["a2", "b2"], ["t2"]),
        check("col_t", ["at", "bt"], ["tt"]),
    ]
    return cells, checks


def _set(keys: list[str], readings: tuple[str, ...], unread: tuple[str, ...] = ()) -> GlyphSet:
    return GlyphSet(
        2,
        tuple(BOX[k] for k in keys),
        readings,
        tuple(BOX[k] for k in unread),
        tuple((r, 1) for r in readings),
    )


def test_the_identities_choose_the_reading_of_a_disputed_glyph_for_all_its_cells() -> None:
    # printed: a1 0, a2 5, at 5, b1 0, b2 2, bt 2, t1 0, t2 7, tt 7: the zeros read 6, 4 and nothing (placeholder 6)
    cells, checks = _table(
        {"a1": "6", "a2": "5", "at": "5", "b1": "4", "b2": "2", "bt": "2", "t1": "6", "t2": "7", "tt": "7"}
    )
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings, [_set(["a1", "b1", "t1"], ("6", "4", "0"), ("t1",))])
    assert all(c.passed for c in checks)
    assert [cells[k].value for k in ("a1", "b1", "t1")] == [0, 0, 0]
    assert [cells[k].where.read_as for k in ("a1", "b1", "t1")] == ["6", "4", ""]  # type: ignore[union-attr]
    assert [w.code for w in warnings] == ["ocr_glyph_chosen"]
    assert (
        "taken as 0" in warnings[0].message
        and "a1 (6)" in warnings[0].message
        and "t1 (nothing)" in warnings[0].message
    )


def test_a_disputed_glyph_the_identities_do_not_tell_apart_is_left_blank() -> None:
    # two cells of one glyph (read 6 and 4) that no identity checks: nothing tells the readings apart
    cells, checks = _table(
        {"a1": "1", "a2": "5", "at": "6", "b1": "0", "b2": "2", "bt": "2", "t1": "1", "t2": "7", "tt": "8"}
    )
    cells["x"] = Cell("x", 6, "6", Where(0, 1, page=2, box=(20.0, 0.0, 21.0, 1.0)))
    cells["y"] = Cell("y", 4, "4", Where(0, 1, page=2, box=(21.0, 0.0, 22.0, 1.0)))
    glyph = GlyphSet(2, ((20.0, 0.0, 21.0, 1.0), (21.0, 0.0, 22.0, 1.0)), ("6", "4"), (), (("6", 1), ("4", 1)))
    warnings: list[Warning_] = []
    correct_misreadings(cells, checks, warnings, [glyph])
    assert cells["x"].value is None and cells["y"].value is None  # never a wrong number
    assert cells["x"].where is not None and cells["x"].where.read_as == "6"
    assert [w.code for w in warnings] == ["ocr_glyph_undecided"] and "x, y" in warnings[0].message


def test_a_wrong_published_total_does_not_stop_the_choice_but_a_near_tie_does() -> None:
    # every zero read 6; the published grand total is wrong (8 for 7): one identity fails whatever the reading
    cells, checks = _table(
        {"a1": "6", "a2": "5", "at": "5", "b1": "6", "b2": "2", "bt": "2", "t1": "6", "t2": "7", "tt": "8"}
    )
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings, [_set(["a1", "b1", "t1"], ("6", "0"))])
    assert [cells[k].value for k in ("a1", "b1", "t1")] == [0, 0, 0]
    assert [c.name for c in checks if not c.passed] == ["col_t"]
    # a set of one cell one identity checks: reading 6 fails one identity, 0 none: too close to choose
    cells, checks = _table(
        {"a1": "6", "a2": "5", "at": "5", "b1": "0", "b2": "2", "bt": "2", "t1": "0", "t2": "7", "tt": "7"}
    )
    checks = [c for c in checks if c.name == "row_a"]
    warnings = []
    correct_misreadings(cells, checks, warnings, [_set(["a1"], ("6", "0"))])
    assert cells["a1"].value is None and [w.code for w in warnings] == ["ocr_glyph_undecided"]


# ------------------------------------------------------------------------------------------------- grid
def test_two_rules_closer_than_a_character_are_both_kept_where_both_run_through_rows() -> None:
    unit = 44
    # a column of lone digits 40 px wide (under 1.2 units): both its rules run through the table's rows
    assert _cluster([(100.0, 600.0, (0.0, 600.0)), (140.0, 600.0, (0.0, 600.0))], 14, 1.2 * unit) == [100, 140]
    # two parts of a table laid out apart, their rules close together in different rows: both kept (the grid's
    # units merge where a part draws no border)
    assert _cluster([(100.0, 300.0, (0.0, 300.0)), (130.0, 300.0, (300.0, 600.0))], 14, 1.2 * unit) == [100, 130]
    # a stroke of text (it crosses no rule) beside a rule: dropped, as before; and one a row long
    assert _cluster([(100.0, 600.0, (0.0, 600.0)), (130.0, 60.0, None)], 14, 1.2 * unit) == [100]
    assert _cluster([(100.0, 600.0, (0.0, 600.0)), (130.0, 60.0, (0.0, 60.0))], 14, 1.2 * unit) == [100]
    # a double border (two rules 12 px apart): one line
    assert len(_cluster([(100.0, 600.0, (0.0, 600.0)), (112.0, 600.0, (0.0, 600.0))], 4, 1.2 * unit)) == 1


def test_a_table_of_narrow_digit_columns_keeps_every_column() -> None:
    binary = np.zeros((400, 700), np.uint8)
    xs = [20, 300, 340, 380, 420, 460, 500, 540, 580]  # a label column, then 8 columns 40 px wide
    ys = [20, 80, 140, 200, 260, 320]
    for x in xs:
        binary[ys[0] : ys[-1] + 2, x : x + 2] = 255
    for y in ys:
        binary[y : y + 2, xs[0] : xs[-1] + 2] = 255
    tables, _ = find_tables(binary, 44)  # 300 dpi: a character 44 px tall
    assert len(tables) == 1 and tables[0].n_cols == len(xs) - 1 and tables[0].n_rows == len(ys) - 1
