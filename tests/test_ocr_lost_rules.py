"""Table rows whose rules the scan lost (parsers/ocr/lost_rules.py), and a table the scan kept one rule across of
(parsers/ocr/grid.py, ``_closing``): synth_1918 (a fax whose threshold dropped the tables' hairline rules, tuning).
Page 3: table 三's first part as the engine is given it (``scripts/build_lost_rules.py``: the prepared page's left
part). The grid finds three tall rows where the template prints nine (816 over 0 in one cell, 135 over 0, three
zeros one over another); read as one cell, a stack of numbers was read as one line (21 over 24 read ``2``) and laid
out as one row: until version 116 no row of them was read. The engine runs here. Page 4: table 三's second part, its
top rule and its columns' rules kept, no other: no table was found there until version 116. synth_1916 page 2 (a fax
under a stamp): two rows of table 三 in one grid row, the blank between them narrower than a line of text.
synth_4145 page 4 (a fax): two rows' zeros one over another in each cell, read as one ``7``: split by the cells'
ink."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from parsers.ocr import engine
from parsers.ocr.budget import deadline_after
from parsers.ocr.engine import NUMBER_TEXT, EngineMissing, read_page
from parsers.ocr.grid import Table, find_tables
from parsers.ocr.layout import TableRows, page_layout
from parsers.ocr.lost_rules import split_heads, split_rows
from parsers.ocr.preprocess import Prepared
from parsers.review import REQUIRED

HERE = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-rules"
NAME = "synth_1918-p3"


def _page(name: str = NAME) -> tuple[Prepared, list[Table], np.ndarray, dict[str, object]]:
    try:
        engine.tessdata()
    except EngineMissing as exc:  # pragma: no cover - the models are installed where the tests run
        pytest.skip(str(exc))
    meta = json.loads((HERE / f"{name}.rows.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(HERE / f"{name}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    page = Prepared(np.where(binary > 0, 0, 255).astype(np.uint8), binary, 0.0)
    tables, rules = find_tables(binary, meta["unit"])
    return page, tables, rules, meta


def _rows(tables: list[Table], ink: engine.Ink, size: tuple[int, int]) -> list[list[str]]:
    """The laid-out rows of the table (as the tables readers get them) that print a number past the labels."""
    layout = page_layout(3, ink, tables, size, 1.0)
    (table,) = [item for item in layout.items if isinstance(item, TableRows) and item.n_cols == 4]
    return [row[1:] for row in table.rows if any(NUMBER_TEXT.match(c) for c in row[1:])]


def _score(rows: list[list[str]], meta: dict[str, object]) -> tuple[int, list[tuple[str, str]]]:
    """Cells right, and numbers read where the gold prints another, row by row against the template's rows."""
    gold = json.loads((HERE / "synth_1918.json").read_text(encoding="utf-8"))["cells"]
    want = [[gold.get(f"applications/{r}/{c}") for c in meta["columns"]] for r in meta["rows"]]  # type: ignore[attr-defined]
    right, wrong = 0, []
    for got, expect in zip(rows, want, strict=False):
        for g, e in zip(got, expect, strict=True):
            if g == str(e):
                right += 1
            elif NUMBER_TEXT.match(g):
                wrong.append((g, str(e)))
    return right, wrong


def test_a_grid_row_of_stacked_numbers_is_split_and_read_row_by_row() -> None:
    page, tables, rules, meta = _page()
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    split, notes = split_rows(tables, ink, np.where(rules > 0, 0, page.binary).astype(np.uint8))
    assert len(notes) == 3  # the three tall rows
    assert all(re.search(r"split into [234] rows", n) for n in notes)
    # nine template rows where the grid had three: 2 + 3 (三's head alone) + 4 (（三）不予公开's head alone)
    assert split[0].n_rows == tables[0].n_rows + 6
    again = read_page(page, split, rules, deadline_after(600.0), "tesseract")
    h, w = page.binary.shape
    rows = _rows(split, again, (w, h))
    right, wrong = _score(rows, meta)
    assert wrong == []
    assert right >= 19, rows  # of 21 (7 rows × 3 columns)


def test_without_the_split_the_rows_are_not_read() -> None:
    page, tables, rules, meta = _page()
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    h, w = page.binary.shape
    rows = _rows(tables, ink, (w, h))
    right, _ = _score(rows, meta)
    assert right <= 6, rows  # the stacks run together: 816 0 in one cell


def test_rows_whose_gap_is_narrower_than_a_text_line_are_split_at_the_widest_band() -> None:
    # synth_1916 page 2: 予以公开 (123) and 部分公开 (13) in one grid row, 28 px apart at 41 px text (a wrapped
    # label's lines 11 px apart); 自然人 is the grid's fourth column (the labels take three)
    page, tables, rules, meta = _page("synth_1916-p2")
    gold = json.loads((HERE / "synth_1916.json").read_text(encoding="utf-8"))["cells"]
    want = [str(gold[f"applications/{row}/natural_person"]) for row in meta["rows"]]  # type: ignore[attr-defined]
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")

    def column(table: Table, ink: engine.Ink) -> list[str]:
        return ["".join(w.text for line in ink.cells.get((0, r, 3), []) for w in line) for r in range(table.n_rows)]

    assert want not in [column(tables[0], ink)[i : i + 2] for i in range(tables[0].n_rows)]  # one cell: 123 over 13
    split, notes = split_rows(tables, ink, np.where(rules > 0, 0, page.binary).astype(np.uint8))
    assert notes
    again = read_page(page, split, rules, deadline_after(600.0), "tesseract")
    read = column(split[0], again)
    assert want in [read[i : i + 2] for i in range(len(read))]  # two rows, one number each


def test_numbers_one_over_another_read_as_one_are_split_by_their_ink() -> None:
    # synth_4145 page 4 (a fax, 300 dpi): 6.属于四类过程性信息 and 7.属于行政执法案卷 in one grid row, each value
    # cell two zeros 345 px apart at 61 px text that the engine read as one line, ``7``: no stack of lines to split by
    page, tables, rules, meta = _page("synth_4145-p4")
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    merged = [
        r for r in range(tables[0].n_rows) if "执法" in "".join(w.text for ln in ink.cells[(0, r, 0)] for w in ln)
    ]
    assert merged and all(len(ink.cells[(0, merged[0], c)]) == 1 for c in (1, 2, 3))  # one line a cell
    split, notes = split_rows(tables, ink, np.where(rules > 0, 0, page.binary).astype(np.uint8))
    assert f"table 1's grid row {merged[0] + 1} held numbers one over another (its rules lost): split into 2 rows " in [
        n[: n.index("by")] for n in notes
    ]
    again = read_page(page, split, rules, deadline_after(600.0), "tesseract")
    h, w = page.binary.shape
    gold = json.loads((HERE / "synth_4145.json").read_text(encoding="utf-8"))["cells"]
    want = [[str(gold[f"applications/{r}/{c}"]) for c in meta["columns"]] for r in meta["rows"]]  # type: ignore[attr-defined]
    assert _rows(split, again, (w, h)) == want  # six rows, each its own values


def test_a_split_asks_for_review() -> None:
    assert "ocr_rows_split" in REQUIRED


def _whole(name: str) -> tuple[np.ndarray, dict[str, int]]:
    meta = json.loads((HERE / f"{name}.rows.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(HERE / f"{name}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    return binary, meta


def test_a_table_with_one_rule_across_is_closed_by_its_columns() -> None:
    # synth_1918 page 4: table 三's second part, of which the fax kept the top rule and the columns' rules only
    binary, meta = _whole("synth_1918-p4")
    tables, _ = find_tables(binary, meta["unit"])
    (table,) = tables
    assert table.n_cols == meta["columns"]
    assert table.n_rows == 1  # one grid row holding every template row: split once read (lost_rules)
    assert table.box[3] - table.box[1] > binary.shape[0] * 0.8


def test_without_the_closing_rule_no_table_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid

    monkeypatch.setattr(grid, "_closing", lambda *args: None)
    monkeypatch.setattr(grid, "_lost_across", lambda *args: [])  # it finds the closing rule too (the columns' end)
    binary, meta = _whole("synth_1918-p4")
    tables, _ = find_tables(binary, meta["unit"])
    assert tables == []


def test_a_row_of_heads_over_their_values_is_cut_between_them() -> None:
    # synth_1916 page 3 (a fax under a stamp): table 四, whose rule between its heads and its values the fax lost;
    # each of its fifteen cells holds a head (结果维持 …) over a number, and the engine read the numbers as glyphs
    # of the heads' text (0 read Q, 工, 吕, 十: the cell is read as text)
    page, tables, rules, meta = _page("synth_1916-p3")
    gold = json.loads((HERE / "synth_1916.json").read_text(encoding="utf-8"))["cells"]
    want = [str(gold[k]) for k in meta["values"]]  # type: ignore[attr-defined]
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    mask = np.where(rules > 0, 0, page.binary).astype(np.uint8)

    h, w = page.binary.shape

    def value_rows(table: Table, ink: engine.Ink) -> list[list[str]]:
        """The laid-out table's rows of which a cell at least is a number alone (as the tables readers get them)."""
        layout = page_layout(3, ink, [table], (w, h), 1.0)
        (rows,) = [item for item in layout.items if isinstance(item, TableRows)]
        return [row for row in rows.rows if any(NUMBER_TEXT.match(c) for c in row)]

    assert value_rows(tables[0], ink) == []  # each number glued to its head: 结果纠正0
    assert split_rows(tables, ink, mask)[1] == []  # no cell holds a stack of numbers
    split, notes = split_heads(tables, ink, mask, set())
    assert len(notes) == 1 and "heads over their values" in notes[0]
    assert split[0].n_rows == tables[0].n_rows + 1
    again = read_page(page, split, rules, deadline_after(600.0), "tesseract")
    (values,) = value_rows(split[0], again)
    right = sum(g == w for g, w in zip(values, want, strict=True))
    wrong = [(g, w) for g, w in zip(values, want, strict=True) if g != w and NUMBER_TEXT.match(g)]
    # the fifteen values in a row of their own (a glyph left is for the document's glyph comparison: glyphs.py)
    assert right >= 10 and wrong == [], values


def test_rows_of_numbers_alone_are_no_heads_over_values() -> None:
    # synth_1918 page 3: stacks of numbers (the rows' rule lost), no head above them: the heads' rule is not cut
    page, tables, rules, _ = _page()
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    mask = np.where(rules > 0, 0, page.binary).astype(np.uint8)
    assert split_heads(tables, ink, mask, set()) == (tables, [])


def test_table_three_ends_at_table_four_heads_when_the_heading_is_lost() -> None:
    # synth_1916 as the scan reader wrote it (scripts/build_lost_rules.py … synth_1916 0): section 四's heading
    # lost, table 三's （七）总计 read (3)台计; table 四's head 总计 was read as that row, table 四's values as its
    # values
    from parsers.api import parse_extracted
    from parsers.extracted import Extracted

    text = (HERE / "synth_1916.txt").read_text(encoding="utf-8")
    assert "四、政府信息公开行政复议" not in text and "四.政府信息公开行政复议" not in text
    report = parse_extracted(Extracted("pdf", text, ocr=True))
    gold = json.loads((HERE / "synth_1916.json").read_text(encoding="utf-8"))["cells"]
    wrong = [k for k, c in report.cells.items() if c.value is not None and k in gold and c.value != gold[k]]
    assert [k for k in wrong if k.startswith("applications/results_total")] == []
    four = [k for k in gold if k.startswith("review_litigation/")]
    assert [k for k in four if report.cells[k].value != gold[k]] == []
