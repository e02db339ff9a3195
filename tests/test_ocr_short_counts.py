"""Table 二's counts whose ink is wide for their digits left blank (``parsers/ocr/short_counts.py``), and the measure
that finds them (``parsers/ocr/lost_digits.py`` ``short_readings``, :data:`SHORT` 1.45 up to :data:`WIDE` 1.7).

The measure, on a recorded page (``scripts/build_ocr_records.py /tmp/c52/tune synth_4158 2``: no OCR at test time):
8.属于行政查询事项's 总计, 12 read ``2``, is 1.7 times as wide per digit as the page's others (over the tuning scans
4140–4163 every right reading lies at 1.33 or less, table 二's at 1.22 or less), under lost_digits' bound: it is the
page's one short reading. A cell of table 三, left to its identities.

The rule, on synth_4142's text as the scan reader printed it (the fixture of ``test_ocr_lost_digit_values.py``, its
gold from the generator): the tuning scans hold no short reading of table 二, so the reading is given as the measure
would give it, for 行政规范性文件's 对外公开总数量 (``321``; as if its ink were that wide): the cell is left blank,
``ocr_digits_lost`` naming it, every other cell as before; a reading of other digits in that box, or a short reading
in table 三, leaves the cells as read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from parsers.api import parse_extracted
from parsers.extracted import DoubtfulCell, Extracted, Span
from parsers.model import Report
from tests.ocr_records import READ, ink_and_glyphs

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-digit-values"
IN_FORCE = "active/normative_docs/total_published"
IN_FORCE_BOX = (418.6, 497.5, 539.0, 514.8)  # its span's box, page 1 of synth_4142


def _report(short: list[DoubtfulCell]) -> Report:
    text = (FIXTURES / "synth_4142.txt").read_text(encoding="utf-8")
    rec = json.loads((FIXTURES / "synth_4142.spans.json").read_text(encoding="utf-8"))
    spans = [Span(s[0], s[1], s[2], s[3], s[4], s[5], tuple(s[6]) if s[6] else None) for s in rec["spans"]]
    return parse_extracted(Extracted("pdf", text, spans, ocr=True, short_readings=short))


def _gold() -> dict[str, Any]:
    return json.loads((FIXTURES / "synth_4142-gold.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_measure_finds_a_count_read_a_digit_short_under_the_set_aside_bound() -> None:
    from parsers.ocr.engine import CELL_INSET
    from parsers.ocr.grid import find_tables
    from parsers.ocr.lost_digits import lost_digits, short_readings

    rec = json.loads((READ / "synth_4158-p2.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / "synth_4158-p2.png").convert("L")) > 127, 255, 0)
    binary = binary.astype(np.uint8)
    ink, _ = ink_and_glyphs(rec)
    tables, rules = find_tables(binary, rec["unit"])
    grey = np.where(binary > 0, 0, 255).astype(np.uint8)
    clean = grey.copy()
    clean[rules > 0] = 255
    cells = {
        (t, c.row, c.col): (c.box[0] + CELL_INSET, c.box[1] + CELL_INSET, c.box[2] - CELL_INSET, c.box[3] - CELL_INSET)
        for t, table in enumerate(tables)
        for c in table.cells
    }
    assert lost_digits(grey, ink, set(), cells, clean) == (None, set())  # under WIDE: nothing set aside
    found = short_readings(grey, ink, set(), cells, clean)
    assert list(found) == [(0, 16, 7)]
    gold = json.loads((READ / "synth_4158.json").read_text(encoding="utf-8"))["cells"]
    assert found[(0, 16, 7)][0] == "2" and gold["applications/withheld.query_matters/total"] == 12
    assert 1.45 <= found[(0, 16, 7)][1] < 1.7


def test_a_count_of_table_two_read_short_is_left_blank() -> None:
    before, gold = _report([]), _gold()
    assert before.cells[IN_FORCE].value == 321
    report = _report([DoubtfulCell(1, IN_FORCE_BOX, "321", 97.0)])
    assert report.cells[IN_FORCE].value is None
    where = report.cells[IN_FORCE].where
    assert where is not None and where.read_as == "321"
    (said,) = [w.message for w in report.warnings if w.code == "ocr_digits_lost" and w.key == IN_FORCE]
    assert "OCR read '321'" in said
    changed = {k for k, c in report.cells.items() if c.value != before.cells[k].value}
    assert changed == {IN_FORCE}
    assert all(report.cells[k].value == v for k, v in gold.items() if report.cells[k].value is not None)
    assert report.metadata["review"] == "required"


def test_other_digits_in_the_box_or_a_short_reading_of_table_three_leave_the_cells_as_read() -> None:
    before = _report([])
    for short in (
        [DoubtfulCell(1, IN_FORCE_BOX, "32", 97.0)],
        [DoubtfulCell(2, (267.1, 80.6, 300.5, 110.2), "77", 97.0)],  # 本年新收's 自然人, table 三
    ):
        report = _report(short)
        assert {k: c.value for k, c in report.cells.items()} == {k: c.value for k, c in before.cells.items()}
