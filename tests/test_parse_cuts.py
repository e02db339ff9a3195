"""The shared parse's shortcuts of issue 13's third pass give what the plain definitions give.

Each test holds one shortcut to the definition it replaces, on the fixtures' texts, seeded damaged copies of them
and copies with OCR's letter-for-digit confusions (``tests/test_parse_speedups.py``'s). ``scripts/parse_snapshot.py``
compares whole outputs before and after.
"""

from __future__ import annotations

import random

from parsers.extracted import Extracted
from parsers.tables import checks
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
