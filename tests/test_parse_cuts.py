"""The shared parse's shortcuts of issue 13's third pass give what the plain definitions give.

Each test holds one shortcut to the definition it replaces, on the fixtures' texts, seeded damaged copies of them
and copies with OCR's letter-for-digit confusions (``tests/test_parse_speedups.py``'s). ``scripts/parse_snapshot.py``
compares whole outputs before and after.
"""

from __future__ import annotations

import random

import pytest

from parsers import sections
from parsers.extracted import Extracted
from parsers.tables import checks, tokens
from parsers.tables.reading import Reading
from tests.test_parse_shortcuts import ALL
from tests.test_parse_speedups import CONFUSED


def _readings() -> list[Reading]:
    return [Reading(Extracted("text", text)) for text in ALL + CONFUSED]


READINGS = _readings()


def test_tokens_run_in_line_order_and_a_line_is_its_tokens() -> None:
    lines = 0
    for r in READINGS:
        assert [t.line for t in r.tokens] == sorted(t.line for t in r.tokens)
        for line in {t.line for t in r.tokens} | {-1, 10**6}:
            assert r.line_tokens(line) == [t for t in r.tokens if t.line == line]
            lines += 1
    assert lines > 5000


def test_running_heads_counted_among_the_labels_are_those_counted_among_all_tokens() -> None:
    heads = 0
    for r in READINGS:
        counts: dict[str, int] = {}
        for t in r.tokens:  # the plain definition: every token that starts a line, not a value
            if t.col == 0 and len(t.compact) >= 8 and not t.is_value:
                counts[t.compact] = counts.get(t.compact, 0) + 1
        for i in r._labels:  # asked of labels only (Reading._joins)
            tok = r.tokens[i]
            plain = len(tok.compact) >= 8 and counts.get(tok.compact, 0) >= 3
            assert r._running_head(tok) == plain, tok.text
            heads += plain
    assert heads > 0


def test_a_check_is_blank_when_every_operand_is() -> None:
    rnd = random.Random(5)
    blanks = 0
    for _ in range(5000):
        lv = [rnd.choice([None, None, 0, 1, 2.5]) for _ in range(rnd.randint(0, 4))]
        rv = [rnd.choice([None, None, 0, 3]) for _ in range(rnd.randint(0, 3))]
        c = checks._check_values("x", ["a"] * len(lv), ["b"] * len(rv), lv, rv)
        assert c.blank == all(v is None for v in lv + rv)
        assert c.left == checks._tidy(sum(v for v in lv if v is not None))
        blanks += c.blank
    assert 100 < blanks < 4900


def test_a_blank_cell_is_the_token_of_an_empty_cell() -> None:
    from dataclasses import fields

    for start, line, col in [(0, 0, 0), (17, 3, 5), (4096, 120, 14)]:
        made, plain = tokens.blank_cell(start, line, col), tokens.Token("", start, start, line, col, True)
        assert made == plain
        assert all(getattr(made, f.name) == getattr(plain, f.name) for f in fields(tokens.Token))


def test_a_tokens_derived_fields_are_its_texts_whatever_the_cache_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = 0
    for r in READINGS[:40]:
        for t in r.tokens:
            assert (t.compact, t.is_number, t.is_blank_marker, t.is_value, t.is_labelish) == tokens._derive(t.text)
            checked += 1
    assert checked > 5000
    # a small cache, emptied whenever it is full: the same fields, and it stays within its bound
    monkeypatch.setattr(tokens, "_DERIVED", {})
    monkeypatch.setattr(tokens, "_DERIVED_MAX", 50)
    for r in READINGS[:5]:
        for t in r.tokens:
            again = tokens.Token(t.text, t.start, t.end, t.line, t.col, t.tabbed)
            derived = (again.compact, again.is_number, again.is_blank_marker, again.is_value, again.is_labelish)
            assert derived == tokens._derive(t.text)
            assert len(tokens._DERIVED) <= 50


def test_a_line_prints_a_confusable_letter_where_the_class_finds_one() -> None:
    lines = 0
    for text in ALL + CONFUSED:
        norm = tokens.normalise(text)
        present = [c for c in tokens._CONFUSABLE_CHARS if c in norm]
        for line in norm.split("\n"):
            assert any(c in line for c in present) == (tokens._CONFUSABLE.search(line) is not None)
            lines += 1
    assert lines > 10000


HEADING_LINES = [
    "一、总体情况",
    "  二. 主动公开政府信息情况",
    "## 三、收到和处理政府信息公开申请情况 ",
    "**四、政府信息公开行政复议、行政诉讼情况**",
    "> 五 、 存在的主要问题及改进情况",
    "六、其他需要报告的事项\t1",
    "本机关一、二、三、四",
    "一、二、三、总体",
    "  一、",
    "三、" + "很" * 50,
    "一一、总体情况",
]


def test_heading_lines_are_those_the_whole_text_search_finds() -> None:
    rnd = random.Random(9)
    texts = [tokens.normalise(t) for t in ALL + CONFUSED]
    texts += ["\n".join(rnd.choice(HEADING_LINES) for _ in range(12)) for _ in range(300)]
    found = 0
    for norm in texts:
        plain = [(m.span(), m.groupdict()) for m in sections._HEADINGS.finditer(norm)]
        assert [(m.span(), m.groupdict()) for m in sections._heading_lines(norm)] == plain
        found += len(plain)
    assert found > 1000
