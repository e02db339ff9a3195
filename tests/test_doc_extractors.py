"""Snippet tests for the .doc extractors' text (issue 8): catdoc's 8-bit runs of UTF-16 text read back
(``parsers/mojibake.py``). The text is catdoc's real output on a .doc LibreOffice made from a report written in
``scripts/build_doc_snippets.py`` (not from the seeds)."""

from __future__ import annotations

from pathlib import Path

import snippets as s

from parsers import parse
from parsers.conventions import canonicalise
from parsers.mojibake import reverse_mojibake

SNIPPETS = Path(__file__).parent / "fixtures" / "doc_snippets"


def _catdoc() -> str:
    return (SNIPPETS / "own-catdoc.txt").read_text(encoding="utf-8")


def test_catdoc_runs_of_utf16_printed_as_8_bit_are_read_back_and_named() -> None:
    text = _catdoc()
    # catdoc printed 们围 (EC 4E F4 56, after a lost half character 62) as cp1252 before the block read right
    assert "bìNôV绕群众关切" in text
    out = reverse_mojibake(text)
    assert out is not None
    read, _, _, notes = out
    assert "们围绕群众关切" in read and "住房等领域加大信息发布力度" in read
    assert "bìNôV" not in read and "NOO?bI" not in read
    ((code, message),) = notes
    assert code == "mojibake_reversed"
    assert "'bìNôV' → '们围'" in message and "'NOO?bI{†˜ßW' → '住房等领域'" in message
    # the parser reads the text read back, and says so
    canonical = canonicalise(text)
    assert "们围绕群众关切" in canonical.text
    report = parse(text.encode("utf-8"), "own.txt")
    warned = [w for w in report.warnings if w.code == "mojibake_reversed"]
    assert len(warned) == 1 and "'bìNôV' → '们围'" in warned[0].message


def test_catdoc_tables_lost_in_8_bit_blocks_are_left_blank_not_read_from_stray_bytes() -> None:
    # the snippet's tables 二 (规章 0 0 0; 行政规范性文件 12 3 45; 行政许可 316) fell in 8-bit blocks: every digit
    # there went with the 0 byte after it; nothing of them may be read from what is left
    text = _catdoc()
    assert "316" not in text and "45" not in text
    cells = parse(text.encode("utf-8"), "own.txt").as_json()["cells"]
    assert all(v is None for v in cells.values())


def test_text_without_8_bit_runs_is_left_alone() -> None:
    # ASCII beside Chinese text (APP, a URL, numbers) and the marks a report prints itself (“” · × …) are no run
    report = s.report() + "\n政务APP“掌上办”上线·访问量×2…网址http://www.example.gov.cn。\n"
    assert reverse_mojibake(report) is None
    assert canonicalise(report).identity


def test_a_run_with_two_readings_is_not_read_back() -> None:
    # Õl‹_ reads 法律 (D5 6C 8B 5F) or, a half character at each end, 譬 (6C 8B): nothing says which
    text = "三、收到和处理政府信息公开申请情况\n\nÕl‹_\n\nbìNôV绕群众\n"
    out = reverse_mojibake(text)
    assert out is not None
    assert "Õl‹_" in out[0] and "们围绕群众" in out[0]
