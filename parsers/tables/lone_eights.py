"""OCR's page text of a ruled table 三: a 0 read 8 (a dotted or slashed zero, a 0 a rule's ink touched).

Tesseract reads a zero drawn with a dot or a slash inside (WenQuanYi Zen Hei Mono's, the committed slice's
synth_402) as 8, column after column, and a 0 whose cell a rule crosses too. A row of table 三 read whole (every cell
a number) whose total fails, and holds when each of its cells that prints a lone ``8`` (not the 总计) is read 0, has
those cells read 0, each warned ``ocr_corrected`` (review required, as the scan reader's own corrections: the page
cannot tell a misread from a total printed wrong). A lone 8 only: a digit 8 inside a number is not looked at, and a
row whose 8s read 0 still fail keeps them (nothing vouches for another reading). Only in OCR's text
(:func:`parsers.tables.text_layer.read_by_ocr`) of a table printed with its rules
(:func:`parsers.tables.text_layer.table_prints_rules`); never on a scan the parser read itself (``Extracted.ocr``:
the scan reader compares its glyphs across the page, ``parsers/ocr``).

synth_402's tess-psm4 本年新收 row: ``1604 |0     85    60      8       43 |1792``, 1604 + 85 + 60 + 8 + 43 = 1800;
its 8 (法律服务机构) read 0, the total holds.
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import read_by_ocr, table_prints_rules


def read_lone_eights(r: Reading) -> None:
    """Table 三's rows whose total holds with their lone 8s read 0, in OCR's text of a ruled table: read so, warned."""
    if r.extracted.ocr or not read_by_ocr(r):
        return
    if not table_prints_rules(r):
        return
    for row in dict.fromkeys(k.rsplit("/", 1)[0] for k in r.cells if k.startswith(T + "/")):
        keys = [f"{row}/{c}" for c in APPLICANT_COLUMNS]
        cells = [r.cells.get(k) for k in keys]
        values = [c.value if c is not None else None for c in cells]
        if any(v is None for v in values) or row_total_holds(values):
            continue
        eights = [i for i, c in enumerate(cells[:-1]) if c is not None and c.value == 8 and c.raw.strip() == "8"]
        if not eights or not row_total_holds([0 if i in eights else v for i, v in enumerate(values)]):
            continue
        for i in eights:
            cell = cells[i]
            assert cell is not None
            r.cells[keys[i]] = Cell(keys[i], 0, cell.raw, cell.where)
            r.warn(
                "ocr_corrected",
                f"{keys[i]}: '8' read as 0 (OCR reads a dotted or crossed 0 as 8): the row's total holds so and "
                f"fails as printed ({values[-1]} against {sum(v or 0 for v in values[:-1])})",
                keys[i],
            )
