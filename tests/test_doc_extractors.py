"""Snippet tests for the .doc extractors' text (issue 8): catdoc's 8-bit runs of UTF-16 text read back
(``parsers/mojibake.py``), antiword's tables (table 三 dropped; labels wrapped onto lines of their own). The texts
are catdoc's and antiword's real output on a .doc LibreOffice made from a report written in
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
    assert "们围绕群众关切" in read and "bìNôV" not in read
    # 众关切 (17 4F 73 51 07 52): 17 discards what came before, 07 is a cell mark: OsQ (4F 73 51) would pair as
    # 关, but letters alone beside Chinese text are left as printed (a report's own QQ, APP look the same)
    assert "OsQ\tR" in read
    ((code, message),) = notes
    assert code == "mojibake_reversed"
    assert "'bìNôV' → '们围'" in message and "OsQ" not in message
    # the parser reads the text read back, and says so
    canonical = canonicalise(text)
    assert "们围绕群众关切" in canonical.text
    report = parse(text.encode("utf-8"), "own.txt")
    warned = [w for w in report.warnings if w.code == "mojibake_reversed"]
    assert len(warned) == 1 and "'bìNôV' → '们围'" in warned[0].message


ACTIVE = {"rules": [0, 0, 0], "normative_docs": [12, 3, 45]}
REVIEW = [3, 1, 0, 0, 4, 2, 0, 0, 1, 3, 0, 0, 0, 0, 0]


def _tables_two_and_four(cells: dict) -> None:
    for row, want in ACTIVE.items():
        assert [cells[f"active/{row}/{c}"] for c in ("issued", "repealed", "in_force")] == want
    assert cells["active/licensing/decisions"] == 316
    rows = ("review", "litigation_direct", "litigation_after_review")
    cols = ("upheld", "corrected", "other", "pending", "total")
    assert [cells[f"review_litigation/{r}/{c}"] for r in rows for c in cols] == REVIEW


def test_catdoc_table_three_lost_in_8_bit_blocks_is_missing_not_read_from_stray_bytes() -> None:
    # catdoc read table 三's head and first rows as 8-bit: 法律 of 法律服务机构 is left (Õl‹_, two readings),
    # the digits went with the 0 byte after each; (七)总计's last cells and 结转下年度 are printed
    text = _catdoc()
    assert "Õl‹_" in text and "\t0\t0\t1\t0\t27" in text
    report = parse(text.encode("utf-8"), "own.txt")
    cells = report.as_json()["cells"]
    _tables_two_and_four(cells)
    assert all(v is None for k, v in cells.items() if k.startswith("applications/"))
    assert "missing_table" in [w.code for w in report.warnings]
    assert report.metadata["review"] == "required"


def test_antiword_drops_table_three_tables_two_and_four_read() -> None:
    # antiword prints table 三's head and none of its rows (in every mode: -t, -f, -s, -r, -x db), and loses
    # table 四's title and 行政复议 head
    text = (SNIPPETS / "own-antiword.txt").read_text(encoding="utf-8")
    assert "三、收到和处理政府信息公开申请情况" in text and "上年结转" not in text and "予以公开" not in text
    report = parse(text.encode("utf-8"), "own.txt")
    cells = report.as_json()["cells"]
    _tables_two_and_four(cells)
    assert all(v is None for k, v in cells.items() if k.startswith("applications/"))
    missing = next(w for w in report.warnings if w.code == "missing_table")
    assert "table 三" in missing.message
    assert report.metadata["review"] == "required"


def test_antiword_label_wrapped_onto_lines_of_its_own_is_joined_to_its_row() -> None:
    # narrow columns: |行政规|12 |3 |45 | then |范性文| | | | and |件 | | | |
    text = (SNIPPETS / "own-narrow-antiword.txt").read_text(encoding="utf-8")
    assert "|范性文|" in text
    canonical = canonicalise(text)
    assert "行政规范性文件\t12\t3\t45" in canonical.text
    assert "行政许可\t316" in canonical.text
    at = canonical.text.index("行政规范性文件")
    assert text[canonical.to_original(at) :].startswith("行政规|12")
    # a heading's wrapped rest (no number on the row) and a numbered label are not joined
    assert "规章\t0\t0\t0\n行政规范性文件" in canonical.text


def test_text_without_8_bit_runs_is_left_alone() -> None:
    # ASCII beside Chinese text (APP, a URL, numbers) and the marks a report prints itself (“” · × …) are no run
    report = s.report() + "\n政务APP“掌上办”上线·访问量×2…网址http://www.example.gov.cn。\n"
    assert reverse_mojibake(report) is None
    assert canonicalise(report).identity


def test_ascii_beside_chinese_is_read_back_only_near_a_run_that_is_8_bit_beyond_doubt() -> None:
    # a report that prints a Latin-1 character itself (m²) and ASCII beside Chinese text: QQ群 would pair as 兑群,
    # 政务_APP as 政务偐; neither is touched, and m² reads as no Chinese
    text = "办公面积120m²。\n\n加入QQ群获取信息。\n\n政务_APP上线。\n"
    assert reverse_mojibake(text) is None
    # a mark among the letters, two lines from a run that is 8-bit beyond doubt: read back (_3u: 申, its 5F the
    # half of a character lost before it)
    out = reverse_mojibake("bìNôV绕群众\n\n_3u请数量\n")
    assert out is not None and "申请数量" in out[0]


def test_a_run_with_two_readings_is_not_read_back() -> None:
    # Õl‹_ reads 法律 (D5 6C 8B 5F) or, a half character at each end, 譬 (6C 8B): nothing says which
    text = "三、收到和处理政府信息公开申请情况\n\nÕl‹_\n\nbìNôV绕群众\n"
    out = reverse_mojibake(text)
    assert out is not None
    assert "Õl‹_" in out[0] and "们围绕群众" in out[0]
