"""pandoc Markdown's hard line breaks in table cells (``parsers.hard_breaks``): a ``\\`` ending a wrapped label's
line is markup, read as a space, so the label is read whole (``一、本年\\`` over ``新收政府信息公开申请数量``)."""

from __future__ import annotations

import json
from pathlib import Path

from parsers import parse
from parsers.hard_breaks import HARD_BREAK, read_hard_breaks

HERE = Path(__file__).parent / "fixtures" / "pandoc-hard-breaks"


def test_hard_breaks_are_read_as_spaces_escapes_are_not() -> None:
    text = "  一、本年\\      13    4\n  （二）部分公开（只计这一情\\\n  当前位置：\\ `首页`  开\\(区分  0871\\-286\n"
    assert read_hard_breaks(text) == text.replace("本年\\", "本年 ").replace("一情\\", "一情 ")
    assert len(HARD_BREAK.findall(text)) == 2
    assert read_hard_breaks("no break here \\(\n") is None


def test_a_break_a_layout_frame_wrapped_onto_its_own_line_is_read_only_under_a_label() -> None:
    """A frame line opening with the break (``| \\   0 |``) under a frame line whose text ends in an ideograph or a
    quote: the break, read as a space. Under a line ending in a digit, or with no frame line above, it stays."""
    label = '|   3．危及"三安全         |\n| \\          0   |\n|  0   0   0 |\n'
    assert read_hard_breaks(label) == label.replace("| \\", "|  ")
    digit = "|   3．危及 12              |\n| \\          0   |\n"
    assert read_hard_breaks(digit) is None
    assert read_hard_breaks("| \\          0   |\n") is None
    bare = '   3．危及"三安全\n| \\          0   |\n'
    assert read_hard_breaks(bare) is None


def test_table_three_of_a_docx_with_wrapped_labels_through_pandoc_markdown() -> None:
    """A DOCX whose table 三 labels wrap in their cells (seed 1283 of ``scripts/synth_reports.py``), through
    ``pandoc -t markdown``: before, ``一、本年\\`` and ``2．其他法律行政\\`` were no labels, and five rows' numbers
    were read under other rows (13 wrong numbers). Its one published total is wrong: the identity fails."""
    gold = json.loads((HERE / "synth_1283.json").read_text(encoding="utf-8"))
    name = "synth_1283.docx-pandoc-markdown.md"
    report = parse((HERE / name).read_bytes(), name).as_json()
    got = report["cells"]
    wrong = {k: (v, got.get(k)) for k, v in gold["cells"].items() if got.get(k) is not None and got.get(k) != v}
    assert wrong == {}
    assert all(got.get(k) == v for k, v in gold["cells"].items())
    assert report["metadata"]["review"] == gold["expect_review"] == "required"
