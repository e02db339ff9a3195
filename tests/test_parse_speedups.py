"""More of the shared parse's shortcuts (issue 13, second pass) give what the plain definitions give.

Each test holds one shortcut to the definition it replaces, on the fixtures' texts, seeded damaged copies of them
(``tests/test_parse_shortcuts.py``'s), copies with OCR's letter-for-digit confusions, and random strings made of
the characters the shortcut turns on. ``scripts/parse_snapshot.py`` compares whole outputs before and after.
"""

from __future__ import annotations

import random
import re

import pytest
from conftest import load_source

from parsers import narrative
from parsers.conventions import canonicalise
from parsers.extracted import Extracted
from parsers.metadata import _last_lines
from parsers.reversed_regex import reversed_pattern
from parsers.sections import _HEADING, _HEADINGS
from parsers.tables import active_rows, ocr_digits, tokenizer
from parsers.tables.reading import Found, Reading
from parsers.tables.row_locate import next_found
from parsers.tables.templates import ACTIVE_ROWS, APPLICATION_ROWS_2021, LEGACY_ROWS, RowDef, full_labels
from parsers.tables.tokenizer import _add_cell, tokenize
from parsers.tables.tokens import COMPACT, IS_LABELISH, OCR_RAW, TEXT, Token, normalise, token
from tests.test_parse_shortcuts import ALL, TEXTS

_CONFUSIONS = str.maketrans({"0": "o", "1": "l", "5": "S", "8": "B"})


def _confused(texts: list[str], seed: int = 13) -> list[str]:
    """Copies where OCR read some digits as letters (``1O``, ``l4``, a lone ``o``)."""
    rnd = random.Random(seed)
    out = []
    for text in texts:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if rnd.random() < 0.3:
                lines[i] = "".join(c.translate(_CONFUSIONS) if rnd.random() < 0.4 else c for c in line)
        out.append("\n".join(lines))
    return out


CONFUSED = _confused(TEXTS)


def _random_strings(alphabet: str, n: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


# ---------------------------------------------------------------- narrative


def _plain_may_state(line: str) -> bool:
    """``_may_state`` as first written: the regexes."""
    if narrative._NUMBER_NEEDS.search(line) is not None and narrative._STATES_NUMBER.search(line) is not None:
        return True
    return narrative._ZERO_NEEDS.search(line) is not None and any(rx.search(line) for rx in narrative._ZERO_RES)


def test_the_statement_prefilter_answers_as_its_regexes() -> None:
    lines = [line for text in ALL for line in normalise(text).split("\n")]
    lines += _random_strings(
        "件起宗例万元为 \t\u3000123٣零〇一二两十百千ab。，未没有无不申请行政复议诉讼结转入费收取", 30000, 14, 5
    )
    answers = [narrative._may_state(line) for line in lines]
    assert answers == [_plain_may_state(line) for line in lines]
    assert 100 < sum(answers) < len(lines) - 100  # both answers given often


def test_numbers_are_the_number_regex_matches() -> None:
    lines = [line for text in ALL for line in normalise(text).split("\n")]
    lines += _random_strings("0123456789,. 件起宗例万元一二十百千两〇零 ab，。٣", 30000, 25, 7)
    for line in lines:
        plain = [(m.span(), m.groupdict()) for m in narrative._NUMBER.finditer(line)]
        assert [(m.span(), m.groupdict()) for m in narrative._numbers(line)] == plain, line


# ---------------------------------------------------------------- sections


def _plain_headings(text: str) -> list[tuple[int, int, str | None, str | None]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if m := _HEADING.match(line):
            out.append((pos, pos + len(line), m.group("num"), m.group("title")))
        pos += len(line) + 1
    return out


def test_headings_found_in_one_search_are_those_found_line_by_line() -> None:
    rnd = random.Random(4)
    heads = [
        "一、总体情况",
        "二. 主动公开",
        "  三、 收到和处理**",
        "#四、行政复议\r",
        "五 . 问题\t改进",
        "六、其他需要报告",
    ]
    texts = [normalise(t) for t in ALL]
    for _ in range(5000):
        parts = [
            rnd.choice(heads)
            if rnd.random() < 0.5
            else "".join(rnd.choices("一二三、.. \t\r#*>\u3000总体情况其他\n", k=12))
            for _ in range(rnd.randint(1, 6))
        ]
        texts.append("\n".join(parts))
    found = 0
    for text in texts:
        plain = _plain_headings(text)
        assert [(m.start(), m.end(), m.group("num"), m.group("title")) for m in _HEADINGS.finditer(text)] == plain
        found += len(plain)
    assert found > 1000


# ---------------------------------------------------------------- tokens


def _plain_tabbed(line: str, pos: int, lineno: int) -> list[Token]:
    """A TAB row's tokens as ``_tokenize_line`` made them before it was inlined."""
    out: list[Token] = []
    cell_start = pos
    for col, cell in enumerate(line.split("\t")):
        stripped = cell.strip()
        if stripped:
            _add_cell(out, stripped, cell_start + len(cell) - len(cell.lstrip()), lineno, col, True)
        else:
            end = cell_start + len(cell)
            out.append(token("", end, end, lineno, col, True))
        cell_start += len(cell) + 1
    return out


def test_tab_rows_are_tokenized_as_cell_by_cell() -> None:
    rows = 0
    for text in ALL + CONFUSED:
        for lineno, line in enumerate(normalise(canonicalise(text).text).split("\n")):
            if "\t" not in line:
                continue
            made: list[Token] = []
            tokenizer._tokenize_tabbed(made, line, 7, lineno)
            assert made == _plain_tabbed(line, 7, lineno), line
            rows += 1
    assert rows > 1000


def test_lone_confusables_are_looked_for_where_they_can_be(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ALL + CONFUSED
    fast = [tokenize(t) for t in texts]
    source = load_source("parsers.tables.tokenizer")  # its own calls see the patched name, compiled or not
    plain_lone = source._lone_confusables
    monkeypatch.setattr(source, "_lone_confusables", lambda toks, among=None: plain_lone(toks))
    plain = [source.tokenize(t) for t in texts]
    assert fast == plain
    assert sum(1 for toks in fast for t in toks if t[OCR_RAW] is not None) > 100  # the confusions were read


# ---------------------------------------------------------------- tables


def test_full_labels_are_the_strings_the_patterns_match_whole() -> None:
    labels = full_labels(ACTIVE_ROWS)
    assert labels is not None and {"规章", "规范性文件", "行政规范性文件", "政府集中采购"} <= labels
    union = re.compile("|".join(f"(?:{p})" for row in ACTIVE_ROWS for p in row.patterns))
    assert all(union.search(label) for label in labels)
    chars = "".join(sorted(set("".join(labels)))) + "x"
    for s in _random_strings(chars, 20000, 8, 3) + [label + "x" for label in labels] + [label[1:] for label in labels]:
        assert (union.search(s) is not None) == (s in labels), s
    assert full_labels([RowDef("a", (r"^(?:甲|乙丙)[丁]?$",))]) == {"甲", "甲丁", "乙丙", "乙丙丁"}
    for open_ended in (r"^a\d$", r"^ab", r"ab$", r"^a+$", r"^a{0,2}$"):
        assert full_labels([RowDef("a", (open_ended,))]) is None, open_ended
    assert full_labels(APPLICATION_ROWS_2021) is None and full_labels(LEGACY_ROWS) is None


def test_a_label_no_row_label_starts_with_is_never_a_wrapped_row_label() -> None:
    skipped = 0
    for text in ALL:
        r = Reading(Extracted("text", text))
        for i, t in enumerate(r.tokens):
            if t[IS_LABELISH] and len(t[COMPACT]) <= 8 and not active_rows.may_begin_label(t[COMPACT]):
                assert not r.wrapped_may_match(active_rows.ANY_ROW, i), t[TEXT]
                skipped += 1
    assert skipped > 1000


def test_next_found_is_the_next_row_found() -> None:
    rnd = random.Random(2)
    for _ in range(2000):
        found = [Found(k * 3, None) if rnd.random() < 0.6 else None for k in range(rnd.randint(0, 30))]
        plain = [next((g.index for g in found[k + 1 :] if g is not None), None) for k in range(len(found))]
        assert next_found(found) == plain


# ---------------------------------------------------------------- backwards regexes, OCR words


def _plain_concept(prefix: str, after: str, unit: str | None) -> str | None:
    """``_concept`` as first written: every term searched forwards."""
    for concept, rx in narrative._TERM_RES if narrative._ANY_TERM.search(prefix) else ():
        m = rx.search(prefix)
        if m is None:
            continue
        if concept == "received" and narrative._NOT_RECEIVED.search(m.group(0)):
            continue
        return concept
    if unit in narrative._COUNT_UNITS and narrative._VERB_BEFORE.search(prefix) and narrative._NOUN_AFTER.match(after):
        return "received"
    if unit in narrative._COUNT_UNITS and narrative._FORWARD_AFTER.match(after):
        return "carried_forward"
    return None


def test_terms_read_backwards_name_the_concepts_read_forwards() -> None:
    assert narrative._ANY_TERM_BACKWARDS is not None
    assert all(rx is not None for _, _, rx in narrative._TERMS_BACKWARDS)
    words = [w for _, p in narrative._TERMS for w in re.findall(r"[\u4e00-\u9fff]+", p)]
    words += ["复议", "诉讼", "投诉", "的", "共", "申请", " ", "“", "12", "2023年", "a", "，"]
    rnd = random.Random(11)
    prefixes = ["".join(rnd.choice(words) for _ in range(rnd.randint(0, 6))) for _ in range(30000)]
    prefixes += [line[:k] for text in TEXTS[:40] for line in normalise(text).split("\n") for k in (5, 20, 60)]
    named = 0
    for prefix in prefixes:
        concept = narrative._concept(prefix, "件申请", "件")
        assert concept == _plain_concept(prefix, "件申请", "件"), prefix
        named += concept is not None
    assert named > 3000


def test_a_pattern_read_backwards_matches_where_it_matches_forwards() -> None:
    for pattern in (r"(?:ab|a\d{2,})[^x\s]*c?$", r"[0-9a-c]+(?:\.\d)?\s*$", r"(?:甲|乙丙)(?:丁){0,3}$"):
        rx, backwards = re.compile(pattern), reversed_pattern(pattern)
        assert backwards is not None, pattern
        back = re.compile(backwards)
        for s in _random_strings("ab12c.x 甲乙丙丁", 20000, 8, 17):
            assert (rx.search(s) is not None) == (back.match(s[::-1]) is not None), (pattern, s)
    for unsupported in (r"ab", r"^ab$", r"(?<=a)b$", r"(a)\1$", r"(?i:a)b$"):
        assert reversed_pattern(unsupported) is None, unsupported


def test_rule_marks_as_first_written() -> None:
    lines = [line for text in CONFUSED for line in normalise(text).split("\n")]
    lines += _random_strings("0123456789OoDQIil|!SsBZz〇,.[]fjJ \t中文", 50000, 16, 21)
    marks = 0
    for line in lines:
        mark = ocr_digits._RULE_MARK.search(line) is not None
        assert ocr_digits.rule_mark(line) == mark, line
        marks += mark
    assert marks > 1000


def test_last_lines_are_the_last_lines_not_blank() -> None:
    for text in _random_strings("ab \n\r\t", 20000, 20, 1) + ALL:
        for n in (1, 5):
            assert _last_lines(text, n) == [ln.strip() for ln in text.split("\n") if ln.strip()][-n:]
