"""A table row OCR read with the table's rules glued to its cells: every reading of it whose row total holds.

Tesseract on a ruled table prints the vertical rules between cells as ``|``, ``[``, ``]``, ``{``, ``f``, ``J`` —
or as ``1``, ``l``, ``I`` run into the digits beside them (``0 | 249`` → ``101249``, ``|0|7`` → ``|1017``). Such
a row's plain reading has the wrong number of cells or fails its total. Here each word of the row is read every
way its marks allow: a rule mark is a cell boundary; a ``1`` (or ``l``, ``I``, ``|``, ``!``) is a digit or a
rule; ``o``/``O``/``〇`` are 0. The readings of the whole row with as many cells as the table has columns and
whose last cell is the sum of the others are returned; the caller chooses among them with the table's other
identities and reports what it took (``rule_glued``). Nothing is invented: every cell of a reading is digits
the row prints.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from parsers.tables.solve import row_total_holds

# the lines of a table's text at least that print a rule mark, for the table to be one OCR printed with its rules
RULED_LINES = 3


def prints_rules(convention: str, text: str) -> bool:
    """``text`` (a table's) is a table OCR printed with its rules: text in no markup convention (``convention``,
    the canonical text's), with rule marks (``|``, ``[``, ``]``, ``{``, ``}``) on :data:`RULED_LINES` of its
    lines at least."""
    if convention in ("tab", "markdown", "markdown_html"):
        return False
    return sum(1 for line in text.split("\n") if any(c in line for c in "|[]{}")) >= RULED_LINES


# marks that are only ever rules here (never digits); the characters that may be a 1 or a rule; OCR's zeros
_RULE_ONLY = frozenset("[]{}()fJj;:丨/.°~")
_ONE_OR_RULE = frozenset("1lI|!")
_ZERO = {"o": "0", "O": "0", "〇": "0"}
_ZEROS_LIKE = frozenset("0oO〇")
MAX_AMBIGUOUS = 10  # marks that may be a 1 or a rule, per word: beyond this the word is not read this way
MAX_ROW_AMBIGUOUS = 24  # … and per row
MAX_READINGS = 64
MAX_STEPS = 50_000


@dataclass(frozen=True)
class Piece:
    value: int
    start: int  # offsets of the digits in the segment
    end: int


Reading = tuple[int, tuple[Piece, ...]]  # (cost: marks read against their look, the numbers)
_DIGIT_LIKE = frozenset("1lI")  # read as a rule against their look; ``|`` and ``!`` read as a 1 likewise


def _word_readings(word: str, at: int) -> list[Reading] | None:
    """Every reading of one printed word as a sequence of numbers, each with its cost (how many marks were read
    against their look: a ``1`` as a rule, a ``|`` as a 1); None when it holds other characters."""
    chars = [_ZERO.get(c, c) for c in word]
    if any(not (c.isdigit() and c.isascii()) and c not in _RULE_ONLY and c not in _ONE_OR_RULE for c in chars):
        return None
    ambiguous = [k for k, c in enumerate(chars) if c in _ONE_OR_RULE]
    if len(ambiguous) > MAX_AMBIGUOUS:
        return None
    out: set[Reading] = set()
    # a word of letters alone (``lo``, ``Io``: a cell's 0 read as the letter o) prints its ``l`` as a letter too:
    # there it looks like the rule it stands beside, not like a digit
    digit_like = _DIGIT_LIKE if any(c.isdigit() for c in word) else frozenset()
    for choice in itertools.product((True, False), repeat=len(ambiguous)):
        as_rule = {k for k, rule in zip(ambiguous, choice, strict=True) if rule}
        cost = sum(1 for k in ambiguous if (k in as_rule) == (word[k] in digit_like))
        pieces: list[Piece] = []
        digits = ""
        first = 0
        ok = True
        for k, c in enumerate([*chars, "]"]):
            if c in _RULE_ONLY or k in as_rule or k == len(chars):
                if digits:
                    if len(digits) > 1 and digits[0] == "0":
                        ok = False
                        break
                    pieces.append(Piece(int(digits), at + first, at + k))
                    digits = ""
                continue
            if not digits:
                first = k
            digits += "1" if c in _ONE_OR_RULE else c
        if ok:
            out.add((cost, tuple(pieces)))
    return sorted(out, key=lambda r: (r[0], len(r[1]), [x.value for x in r[1]]))


def rule_readings(
    segment: str, n: int, holds: Callable[[list[int]], bool] | None = None
) -> list[tuple[Piece, ...]] | None:
    """The readings of a row's printed values (``segment``: the text after its label) as ``n`` cells whose last
    is the sum of the others (or for which ``holds`` is true), those that read the fewest marks against their
    look (a ``1`` as a rule, a ``|`` as a 1). None when the segment holds words that are not numbers with rules,
    or too many ambiguous marks to try."""
    words: list[list[Reading]] = []
    pos = 0
    ambiguous = 0
    for word in segment.split():
        at = segment.index(word, pos)
        pos = at + len(word)
        ambiguous += sum(1 for c in word if c in _ONE_OR_RULE) if len(word) > 1 else 0
        if word in _RULE_ONLY:
            continue  # a rule alone
        if len(word) == 1 and word.isascii() and word.isdigit():
            words.append([(0, (Piece(int(word), at, at + 1),))])  # a digit alone is that digit
            continue
        if len(word) == 2 and all(c in _ZEROS_LIKE for c in word):
            # ``0o``, ``oo``: one cell's 0 printed twice, or two cells whose rule OCR lost (no number is 00)
            words.append([(1, (Piece(0, at, at + 2),)), (1, (Piece(0, at, at + 1), Piece(0, at + 1, at + 2)))])
        elif len(word) == 1 and word in _ONE_OR_RULE and word != "1":
            ambiguous += 1
            words.append([(0, ()), (1, (Piece(1, at, at + 1),))])  # a rule alone, or a 1
        elif (readings := _word_readings(word, at)) is not None:
            words.append(readings)
        else:
            return None
        if ambiguous > MAX_ROW_AMBIGUOUS:
            return None
    if any(not readings for readings in words):
        return []  # a word no reading makes numbers of (``00``)
    # the fewest marks read against their look first (branch and bound on that cost)
    out: list[Reading] = []
    best = [MAX_ROW_AMBIGUOUS + 1]
    steps = 0
    least_after = [0] * (len(words) + 1)  # the fewest cells the words from k on can give
    for k in range(len(words) - 1, -1, -1):
        least_after[k] = least_after[k + 1] + min(len(p) for _, p in words[k])

    def go(k: int, cost: int, acc: tuple[Piece, ...]) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or cost > best[0] or len(acc) + least_after[k] > n:
            return
        if k == len(words):
            if len(acc) == n and (holds or row_total_holds)([p.value for p in acc]):
                if cost < best[0]:
                    best[0] = cost
                    out.clear()
                if len(out) < MAX_READINGS:
                    out.append((cost, acc))
            return
        for c, pieces in words[k]:
            go(k + 1, cost + c, acc + pieces)

    go(0, 0, ())
    if steps > MAX_STEPS:
        return None
    seen: set[tuple[int, ...]] = set()
    unique = []
    for _, reading in out:  # one reading per list of values (marks read two ways can give the same numbers)
        values = tuple(p.value for p in reading)
        if values not in seen:
            seen.add(values)
            unique.append(reading)
    return unique
