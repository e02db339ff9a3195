"""A wrapped row label's item number alone on its row's line of values (issue 8, parser version 287): markitdown's
text of a PDF whose table 三 label column is narrow prints ``5. 0 0 0 0 16 0 16`` and the label's words on the lines
below (``属于`` / ``三类`` / ``内部`` …). The line was one token (no label word before the numbers, so no split), the
row's values lost: the number is now a label token and each value a token (``parsers/tables/token_numbers.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.tables.token_numbers import split_trailing_numbers
from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-8001-markitdown-pdf-table3.md"
# the rows whose item number prints alone on the line of their values in the snippet
ROWS = (
    "withheld.internal_affairs",
    "unavailable.needs_creation",
    "not_processed.confirm_existing",
    "other.unpaid_fee",
)


def test_item_number_on_its_rows_values_line_reads_the_row() -> None:
    # tuning seed 8001 (/tmp/u58/tune, md-markitdown-pdf); at 286 the four rows were blank (missing_cell)
    synth = draw(8001)
    report = snippet_report(NAME)
    keys = [k for k in synth.cells if k.startswith("applications/")]
    got = {k: report.cells[k].value if k in report.cells else None for k in keys}
    gold = {k: gold_value(synth.cells[k]) for k in keys}
    assert not [k for k in keys if got[k] is not None and got[k] != gold[k]]  # no wrong number
    for row in ROWS:
        row_keys = [k for k in keys if k.split("/")[1] == row]
        assert len(row_keys) == 7
        assert [got[k] for k in row_keys] == [gold[k] for k in row_keys], row
    assert not [
        w for w in report.warnings if w.code in ("missing_cell", "missing_row") and "applications" in (w.key or "")
    ]


def test_item_number_then_values_split_but_not_a_spaced_decimal() -> None:
    assert [t[0] for t in split_trailing_numbers("5. 0 0 0 0 16 0 16", 0, 0, 0, False)] == [
        "5.", "0", "0", "0", "0", "16", "0", "16",
    ]  # fmt: skip
    assert [t[0] for t in split_trailing_numbers("5. 16", 0, 0, 0, False)] == ["5.16"]  # a spaced decimal, as before
    assert len(split_trailing_numbers("5. 1 2", 0, 0, 0, False)) == 1  # fewer than three numbers: whole, as before
