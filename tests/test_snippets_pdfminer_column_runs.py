"""Table 三's 自然人 column printed as a run of its rows first, then the rows above that run, then those below, in
pdfminer's default text of LibreOffice's PDFs (issue 8): the column stands beside the row labels, and some of its
values print among the labels' boxes (``5.属于三类内部事务信息 0``), before the rest of the column
(``parsers.tables.column_runs``). Synth 7917 (a named tuning seed): rows 14–18 first, then 0–13, then 19–24, one
page, the strict pass passing its budget (read again from the top with that order); 11944 (p63's spent held back):
row 8, then 0–7, then 9–24 (the deep pass); 10606 (a named tuning seed): a page's rows 2–6, then 0–1, then 7–16.
The orders were read from the boxes' places in the PDFs. Gold from ``synth_model.draw``; no wrong number (asserted
in ``three_against_draw``)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import cast

import pytest

from parsers.tables.column_runs import among_labels, run_first, stream_rows
from parsers.tables.reading import Reading
from parsers.tables.tokens import Token, token
from tests.snippet_reports import three_against_draw


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("synth-7917-lo-pdfminer-column-runs.txt", 7917),
        ("synth-11944-lo-pdfminer-column-runs.txt", 11944),
        ("synth-10606-lo-pdfminer-column-runs.txt", 10606),
    ],
)
def test_natural_person_run_printed_first_read_whole(name: str, seed: int) -> None:
    # before (version 350) no order held every identity and table 三 was blank (7917: 2 cells read by rows)
    _report, keys, got, warnings = three_against_draw(name, seed)
    assert len(keys) == 175
    assert all(got[k] is not None for k in keys)
    assert "printed a run of rows first" in warnings["column_blocks"]


def test_run_first_finds_the_run_and_nothing_else() -> None:
    want = [3, 0, 5, 7, 1, 2]
    stream = [5, 7, 3, 0, 1, 2]  # rows 2–3, then 0–1, then 4–5
    run = run_first(stream, want)
    assert run == (2, 4)
    assert [stream[at] for at in stream_rows(*run, len(want))] == want
    assert run_first(want, want) is None  # in order: no run moved
    assert run_first([7, 5, 3, 0, 1, 2], want) is None  # two runs swapped within: not this order
    assert run_first([1, 2, 3, 0, 5, 7], want) == (4, 6)  # the last rows first


def _values(text: str) -> tuple[Reading, list[Token]]:
    """A stand-in reading of ``text`` (only its text is read) and its numbers as value tokens."""
    found = [token(m.group(), m.start(), m.end(), 0, 0, False) for m in re.finditer(r"\d+(?=\s|$)", text)]
    return cast(Reading, SimpleNamespace(text=text)), found


def test_among_labels_sees_a_value_on_a_row_labels_line() -> None:
    # LibreOffice's PDF (synth 11944): a value on a label's line, among the column's other values
    assert among_labels(*_values("0\n\n1\n\n5.属于三类内部事务信息 0\n\n（三）不予\n公开\n\n0\n\n1\n"))
    assert among_labels(*_values("表\n\n3.补正后申请内容仍不明确 0\n\n1\n\n2\n"))  # the first value
    # a label between two values on lines of their own (a band's labels between bands), a head, or a page's labels
    # before its values (across the page's start): not so
    assert not among_labels(*_values("70\n\n0\n\n一、本年新收政府信息公开申请\n数量\n\n305\n"))
    assert not among_labels(*_values("0\n\n1\n\n2\n\n总计\n\n3\n\n4\n"))
    assert not among_labels(*_values("0\n\n1\n\f（七）总计 2\n\n3\n"))
