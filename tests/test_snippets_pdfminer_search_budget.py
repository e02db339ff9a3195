"""Table 三 in pdfminer's nested boxes of a wkhtmltopdf PDF whose order the model holds but whose search stopped
first (issue 8): a page band of many zero rows has so many candidate pieces that the strict pass, which reads the
bands from the bottom up, passes its budget before it reaches the one table every identity holds on; read again
from the top only (bands from rows some bands above fill, as the ``left_last`` pass reads), the same orders give the
same tables in fewer pieces. And a band whose first column prints after its others (``left_last``) needs more steps
than the passes before it took: its budget is what they left of the search's, no longer at most as many as they
took (synth 7891's, 7911's and 7922's wkhtmltopdf PDFs, tuning)."""

from __future__ import annotations

import pytest

from tests.snippet_reports import three_against_draw


@pytest.mark.parametrize(
    ("name", "seed"),
    [("synth-7891-wk-pdfminer-many-zeros.txt", 7891), ("synth-7911-wk-pdfminer-many-zeros.txt", 7911)],
)
def test_strict_orders_read_from_the_top_where_the_strict_pass_opened(name: str, seed: int) -> None:
    # tuning seeds 7891 and 7911 (/tmp/q58/tune, pdf-wk-pdfminer): before (version 342) the strict pass opened on
    # its budget and no other pass ran: all 175 cells blank; its orders read from the top give one table
    _report, keys, got, warnings = three_against_draw(name, seed)
    assert len(keys) == 175
    assert all(got[k] is not None for k in keys)
    assert "column_blocks" in warnings


def test_left_last_pass_given_what_the_passes_before_it_left() -> None:
    # tuning seed 7922 (/tmp/q58/tune, pdf-wk-pdfminer): its first page prints 自然人's column after the band's other
    # columns; before (version 342) the left_last pass stopped at as many steps as the passes before it took: all
    # 175 cells blank; now the cells every kept table agrees on are read, the rest blank and named
    _report, keys, got, warnings = three_against_draw("synth-7922-wk-pdfminer-left-last.txt", 7922)
    assert len(keys) == 175
    read = [k for k in keys if got[k] is not None]
    assert len(read) >= 140
    # since version 346 the strict pass reads the same cells first: the band's 自然人 values print after its middle
    # groups, each value after its head, and its 总计 values after those, after theirs (an order of its own, no longer
    # only left_last's); the same 145 cells read, the same 30 left open
    said = warnings["column_blocks"]
    assert "left_last" in said or "printed last (or last but the 总计 values" in said
    assert all(k in warnings["placement_open"] for k in keys if got[k] is None)
