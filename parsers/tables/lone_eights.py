"""OCR's page text of a ruled table 三: a 0 read 8 (a dotted or slashed zero, a 0 a rule's ink touched), and a 总计
read with its rule's stroke before it.

Tesseract reads a zero drawn with a dot or a slash inside (WenQuanYi Zen Hei Mono's, the committed slice's
synth_402) as 8, column after column, and a 0 whose cell a rule crosses too; and it reads the rule before a cell as
``|`` or as a digit 1 glued to it (``143`` for ``| 43``). Each reading below is a correction the row's total vouches
for, warned ``ocr_corrected`` (review required, as the scan reader's own corrections: the page cannot tell a misread
from a total printed wrong). A lone 8 only: a digit 8 inside a number is not looked at.

- A row of table 三 read whole (every cell a number) whose total fails, and holds when each of its cells that prints
  a lone ``8`` (not the 总计) is read 0: those cells read 0 (version 351).
- A row short of cells (a cell lost, or left blank by :mod:`parsers.tables.text_layer`) whose values read already
  sum past its 总计 (no lost cell can make it hold: table 三's cells are counts), and sum to it exactly with its lone
  8s read 0: those cells read 0, the lost cells left blank (version 356). synth_402's psm 4 属于行政查询事项
  ``0    8    25    0       8      @ |25``.
- A row read whole whose total fails, whose 总计 prints ``|`` or 1s before digits (:data:`_RULE_LED`), and holds with
  one such tail of the 总计 as read or with its lone 8s read 0: the 总计 read so (and the 8s) (version 356).
  synth_402's 本机关不掌握相关政府信息 ``0  0  0  0  8  43 143``.
- Once one of those rows has shown the page's 0 read 8, a row of the same table whose 总计 is lost (blank) and whose
  other values read are 0s and lone 8s: its 8s read 0 (version 356; nothing else vouches for such a row, so it waits
  for the table's own evidence). synth_402's 重复申请 ``8    8    0    0       8      0 |``.

A row whose 8s read 0 still fail keeps them (nothing vouches for another reading). Only in OCR's text
(:func:`parsers.tables.text_layer.read_by_ocr`) of a table printed with its rules
(:func:`parsers.tables.text_layer.table_prints_rules`); never on a scan the parser read itself (``Extracted.ocr``:
the scan reader compares its glyphs across the page, ``parsers/ocr``).

synth_402's tess-psm4 本年新收 row: ``1604 |0     85    60      8       43 |1792``, 1604 + 85 + 60 + 8 + 43 = 1800;
its 8 (法律服务机构) read 0, the total holds.
"""

from __future__ import annotations

import re

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import read_by_ocr, table_prints_rules

# a 总计 read with a rule's stroke before it: the bar printed (``|25``, read 25 or 125) or read as 1s (``174`` for
# ``| 74``): the rule marks and 1s, then the total's own digits (no leading 0 but a lone 0)
_RULE_LED = re.compile(r"([|1]+)((?:[1-9]\d*|0))")


def read_lone_eights(r: Reading) -> None:
    """Table 三's rows whose total holds with their lone 8s read 0 (a lost cell read 0 too), or with a rule read 1
    before the 总计 dropped, in OCR's text of a ruled table: read so, warned; then the rows whose 总计 is lost and
    whose values are 0s and lone 8s, in a table where the first reading vouched for the page's 0 read 8."""
    if r.extracted.ocr or not read_by_ocr(r):
        return
    if not table_prints_rules(r):
        return
    rows = list(dict.fromkeys(k.rsplit("/", 1)[0] for k in r.cells if k.startswith(T + "/")))
    vouched = False
    for row in rows:
        vouched |= _read_row(r, row)
    if vouched:
        for row in rows:
            _read_totalless_row(r, row)


def _lone_eights(cells: list[Cell | None]) -> list[int]:
    """The row's cells (not the 总计) that print a lone ``8``."""
    return [i for i, c in enumerate(cells[:-1]) if c is not None and c.value == 8 and c.raw.strip() == "8"]


def _read_row(r: Reading, row: str) -> bool:
    """One row read again where its total vouches for it (module docstring); whether its 8s were read 0."""
    keys = [f"{row}/{c}" for c in APPLICANT_COLUMNS]
    cells = [r.cells.get(k) for k in keys]
    values = [c.value if c is not None else None for c in cells]
    total = values[-1]
    if total is None or any(isinstance(v, float) for v in values):
        return False
    whole = all(v is not None for v in values)
    read = sum(v for v in values[:-1] if v is not None)
    if row_total_holds(values) if whole else read <= total:
        return False  # holds as read, or a lost cell can make it hold
    eights = _lone_eights(cells)
    fixed = read - 8 * len(eights)
    if eights and fixed == total:
        _correct_eights(r, keys, cells, eights, f"the row's total holds so ({total}) and fails as read ({read})")
        return True
    if not whole:
        return False
    cell = cells[-1]
    assert cell is not None
    m = _RULE_LED.fullmatch(cell.raw.strip())
    if m is None:
        return False
    tails = [m.group(0)[k:] for k in range(1, len(m.group(0)))]
    held = [int(t) for t in tails if t.isdigit() and (t == "0" or t[0] != "0") and int(t) in (read, fixed)]
    if len(held) != 1:
        return False
    r.cells[keys[-1]] = Cell(keys[-1], held[0], cell.raw, cell.where)
    r.warn(
        "ocr_corrected",
        f"{keys[-1]}: {cell.raw.strip()!r} read as {held[0]} (a rule read 1 before the 总计): the row's total holds so "
        f"and fails as read ({total} against {read})",
        keys[-1],
    )
    if held[0] == fixed and held[0] != read:
        _correct_eights(r, keys, cells, eights, f"the row's total holds so ({held[0]}) and fails as read ({read})")
        return True
    return False


def _correct_eights(r: Reading, keys: list[str], cells: list[Cell | None], eights: list[int], why: str) -> None:
    """The row's lone 8s read 0, each warned ``ocr_corrected`` with ``why``."""
    for i in eights:
        cell = cells[i]
        assert cell is not None
        r.cells[keys[i]] = Cell(keys[i], 0, cell.raw, cell.where)
        r.warn("ocr_corrected", f"{keys[i]}: '8' read as 0 (OCR reads a dotted or crossed 0 as 8): {why}", keys[i])


def _read_totalless_row(r: Reading, row: str) -> None:
    """A row whose 总计 is lost and whose other values are 0s and lone 8s: the 8s read 0 (the table vouched)."""
    keys = [f"{row}/{c}" for c in APPLICANT_COLUMNS]
    cells = [r.cells.get(k) for k in keys]
    values = [c.value if c is not None else None for c in cells]
    if values[-1] is not None:
        return
    eights = _lone_eights(cells)
    if eights and all(v in (0, None) or i in eights for i, v in enumerate(values[:-1])):
        _correct_eights(
            r,
            keys,
            cells,
            eights,
            "its 总计 is lost, its other values are 0s, and the table's 0s read 8 "
            "elsewhere where a row's total holds so",
        )
