"""A number's digits the engine read apart inside one ruled cell, and a stack of digits it read as one.

A narrow column wraps a number one digit a line (a report printed with ``word-break: break-all``: 93 printed as
9 over 3, in a cell one grid column wide); the engine reads each digit as a word of its own, and the tables reader
would read two values where the cell holds one (synth_1184: 93 read 9 and 3, 294 read 2, 9 and 4). A cell one
grid column wide holds one value, so its digits are one number when they lie as one number's digits do: on one
line at most :data:`DIGIT_GAP` characters apart, or one a line, stacked, each line's digit under the last. Digit
look-alikes (``工`` for 1, ``O`` for 0) are read as their digit only there, one character a word. The number never
starts with a 0 (``0 0`` stays two zeros, which the tables reader refuses). Each joining is named in the page's
note (``ocr_digits_joined``); the identities check the number as any other.

When the engine read such a stack as one word (109 printed one digit a line, read ``3`` in a box three digits
tall), the reading is no number of that cell: on a page where a stack of digits was read apart and joined (the
page prints numbers so), a word of digits at least :data:`TALL` characters high is left blank, and the page's
note says so (``ocr_stack_unread``, review required). On other pages a tall word is left as read: under noise or
toner a digit's box often takes in specks above or below it (tuning 482, 488, 498: a label cell ``5`` among them).
"""

from __future__ import annotations

import itertools
import re

from parsers.ocr.engine import Line, Word

DIGIT_GAP = 1.0  # characters of paper at most between two digits of one number
WORD_HEIGHT = 1.5  # a digit of a stack is no taller than this many characters
TALL = 1.8  # a word of digits this many characters high (or more) is a stack of digits read as one
_DIGITS = re.compile(r"[0-9]+")
LOOKALIKES = {"工": "1", "O": "0"}


def _digit(word: Word) -> str | None:
    if _DIGITS.fullmatch(word.text):
        return word.text
    return LOOKALIKES.get(word.text)


def _height(word: Word) -> float:
    return float(word.box[3] - word.box[1])


def joined_digits(lines: list[Line], char: float) -> tuple[str, str] | None:
    """The cell's one number, as (what the engine read, the number), when its words are one number's digits read
    apart (see the module's doc); None otherwise. ``char``: the page's character height in pixels."""
    words = [w for line in lines for w in line]
    if len(words) < 2 or any(_height(w) > WORD_HEIGHT * char for w in words):
        return None
    if len(lines) == 1:
        if any(not _DIGITS.fullmatch(w.text) for w in words):  # look-alikes only in a stack
            return None
        if any(b.box[0] - a.box[2] > DIGIT_GAP * char for a, b in itertools.pairwise(words)):
            return None
    else:
        if any(len(line) != 1 for line in lines):
            return None
        for a, b in itertools.pairwise(words):
            centre_a, centre_b = (a.box[0] + a.box[2]) / 2, (b.box[0] + b.box[2]) / 2
            if b.box[1] - a.box[3] > DIGIT_GAP * char or abs(centre_a - centre_b) > char:
                return None
        if any(len(w.text) != 1 for w in words):
            return None
    digits = [_digit(w) for w in words]
    if any(d is None for d in digits):
        return None
    number = "".join(d for d in digits if d is not None)
    if number.startswith("0"):
        return None
    return " ".join(w.text for w in words), number


def stack_read_as_one(lines: list[Line], char: float) -> str | None:
    """What the engine read, when the cell's only word is digits at least :data:`TALL` characters high (a stack
    of digits read as one: not the cell's number); None otherwise."""
    words = [w for line in lines for w in line]
    if len(words) != 1 or not _DIGITS.fullmatch(words[0].text) or _height(words[0]) < TALL * char:
        return None
    return words[0].text
