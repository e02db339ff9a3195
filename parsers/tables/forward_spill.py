"""Table 三's last cell printed among table 四's values (poppler's block order), put back where both tables hold.

``pdftotext`` without ``-layout`` prints a ruled table a cell a block, in its own order of blocks. Table 三's last
row (四、结转下年度继续办理) ends the table, and poppler can print that row's last cell after section 四's heading
and table 四's first heads, as the first of table 四's values (tuning seed 1720: ``0 0 0 1 0 0`` after the row's
label, then ``四、政府信息公开行政复议…`` / ``行政复议`` / … / ``复议后起诉`` / ``1`` / ``0 0 0 3 3`` …). Table 三 then
has six values for that row's seven cells (left blank: ``placement_open``) and table 四 sixteen for its fifteen (the
first dropped: ``extra_values``).

:func:`forward_from_four` takes that value back as the row's 总计 where exactly so: the row printed six values
between its label and section 四's heading, table 四's reading dropped one value only, and that value is the first
value after the heading; the row's total then holds, and so does each of the seven columns' balance
(一 + 二 = 三's 总计 + 四, SCHEMA.md) with the table's other rows as read. Warned (``displaced_values``, review
suggested), the row's warnings of the reading that left it blank dropped.
"""

from __future__ import annotations

import re

from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, SECTION_FOUR
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import IS_VALUE, TEXT, number_value

ROW = f"{T}/carried_forward"
_LABEL = re.compile(r"结转下年度")


def forward_from_four(r: Reading) -> None:
    """Table 三's 四、结转 row completed with the value table 四's reading dropped, as the module says."""
    extra = [w for w in r.warnings if w.code == "extra_values" and w.key == "review_litigation"]
    if len(extra) != 1 or not extra[0].message.startswith("table 四: 1 value(s) more") or extra[0].where is None:
        return
    keys = [f"{ROW}/{c}" for c in APPLICANT_COLUMNS]
    if any((c := r.cells.get(k)) is None or c.value is not None for k in keys):
        return
    if not is_paragraph_cells(r.extracted.text):
        return
    four = r.first_index(SECTION_FOUR, 0)
    if four is None:
        return
    label = max((i for i in range(four) if _LABEL.search(r.tokens[i][TEXT])), default=None)
    if label is None:
        return
    printed = [t for t in r.tokens[label + 1 : four] if t[IS_VALUE]]
    first = next((t for t in r.tokens[four + 1 :] if t[IS_VALUE]), None)
    if len(printed) != len(keys) - 1 or first is None or r.where(first).offset != extra[0].where.offset:
        return
    row = [*printed, first]
    nums = [number_value(t[TEXT]) for t in row]
    if any(v is None for v in nums) or abs(sum(float(v or 0) for v in nums[:-1]) - float(nums[-1] or 0)) > 1e-6:
        return
    for col, v in zip(APPLICANT_COLUMNS, nums, strict=True):
        sides = [r.get(f"{T}/{row_key}/{col}") for row_key in ("new_received", "carried_over", "results_total")]
        if any(s is None for s in sides):
            return
        if abs(float(sides[0] or 0) + float(sides[1] or 0) - float(sides[2] or 0) - float(v or 0)) > 1e-6:
            return
    for k in keys:
        del r.cells[k]
    r.warnings[:] = [w for w in r.warnings if w.key is None or not w.key.startswith(ROW)]
    r.put_cells(keys, row, r.tokens[label])
    r.warn(
        "displaced_values",
        f"table 三: 四、结转下年度继续办理 printed {len(printed)} values ({' '.join(t[TEXT] for t in printed)}) "
        f"for its {len(keys)} cells, and table 四's first value after section 四's heading ({first[TEXT]}) was one "
        "more than its cells (pdftotext's block order: the row's last cell printed after the next section's first "
        "blocks); "
        f"read as the row's 总计 = {first[TEXT]}, as the row's total and each column's balance then hold (a guess)",
        f"{ROW}/total",
        first,
    )
