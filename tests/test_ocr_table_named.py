"""Table 四 known by its ruled grid where the engine read none of its heads (parsers/ocr/layout.py ``_name_review``),
on made-up readings of a page (no OCR engine): the template's grid named, anything else left as read."""

from __future__ import annotations

from parsers.extracted import Extracted, TextBuilder
from parsers.ocr.engine import Ink, Word
from parsers.ocr.grid import Cell, Table
from parsers.ocr.layout import emit, page_layout
from parsers.tables.reading import Reading
from parsers.tables.review import read_review

W, H = 90, 70  # a grid unit's size, pixels
VALUES = ["1", "0", "0", "5", "6", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1"]


def _table(heads: list[tuple[int, int]]) -> Table:
    """Table 四's grid as the template draws it (``heads``: the first row's cells, first column and width): heads,
    then 5 cells over two rows and two over 5 columns each, 10 cells, and a row of 15."""
    xs = [100 + W * k for k in range(16)]
    ys = [1000 + H * k for k in range(5)]
    cells = [Cell(0, c, 1, n, (xs[c], ys[0], xs[c + n], ys[1])) for c, n in heads]
    cells += [Cell(1, c, 2, 1, (xs[c], ys[1], xs[c + 1], ys[3])) for c in range(5)]
    cells += [Cell(1, c, 1, 5, (xs[c], ys[1], xs[c + 5], ys[2])) for c in (5, 10)]
    cells += [Cell(2, c, 1, 1, (xs[c], ys[2], xs[c + 1], ys[3])) for c in range(5, 15)]
    cells += [Cell(3, c, 1, 1, (xs[c], ys[3], xs[c + 1], ys[4])) for c in range(15)]
    return Table((xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells)


def _read(table: Table, heads: dict[int, str], values: list[str]) -> tuple[str, list[str]]:
    ink = Ink()
    ink.lines = [[Word("三、收到和处理政府信息公开申请情况", (100, 400, 900, 440), 90.0)]]
    for col, text in heads.items():
        cell = next(c for c in table.cells if c.row == 0 and c.col == col)
        ink.cells[(0, 0, col)] = [
            [Word(text, (cell.box[0] + 5, cell.box[1] + 10, cell.box[0] + 80, cell.box[3] - 10), 60)]
        ]
    for col, v in enumerate(values):
        x0, y0 = table.xs[col], table.ys[3]
        ink.cells[(0, 3, col)] = [[Word(v, (x0 + 30, y0 + 12, x0 + 60, y0 + 58), 90.0)]]
    ink.lines.append([Word("五、存在的主要问题及改进情况", (100, 1400, 900, 1440), 90.0)])
    page = page_layout(3, ink, [table], (2481, 3508), 1.0)
    tb = TextBuilder()
    emit([page], tb)
    return tb.text(), page.named


def test_table_four_whose_heads_the_engine_could_not_read_is_known_by_its_grid() -> None:
    # synth_460: table 四's bold heads under toner read as nothing; its grid is the template's and its last row 15
    # numbers: its two heads named 行政复议 and 行政诉讼, the page's note saying what was read there
    text, named = _read(_table([(0, 5), (5, 10)]), {0: "币", 5: ""}, VALUES)
    assert text.splitlines()[1].split("\t")[0] == "行政复议" and "行政诉讼" in text
    assert len(named) == 1 and "'币' / ''" in named[0] and "named 行政复议 / 行政诉讼" in named[0]
    r = Reading(Extracted("image", text, ocr=True))
    assert read_review(r, 0, len(r.tokens)) is not None  # the tables reader finds table 四 by its head
    got = [r.cells[k].value for k in r.cells if k.startswith("review_litigation/")]
    assert got == [int(v) for v in VALUES]


def test_a_table_read_with_its_heads_or_not_drawn_as_table_four_is_left_as_read() -> None:
    text, named = _read(_table([(0, 5), (5, 10)]), {0: "行政复议", 5: "行政诉讼"}, VALUES)
    assert not named  # its heads read: nothing to name
    # the first row's heads not over 5 and 10 columns (a 15-column table of another layout)
    text, named = _read(_table([(0, 3), (3, 12)]), {0: "币"}, VALUES)
    assert not named and "行政复议" not in text
    # a last row that is not all numbers
    text, named = _read(_table([(0, 5), (5, 10)]), {0: "币"}, [*VALUES[:14], "合计"])
    assert not named and "行政复议" not in text
