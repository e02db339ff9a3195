"""The extracted text as a stream of tokens (cells and lines), each with its offsets.

The readers' convention (see ``parsers.extracted``): a table row is one line with TAB-separated cells,
a paragraph is one line. A token is one cell of a TAB line, or one whole line otherwise. Trailing numbers
separated by spaces from a short label (``规章 0 0 0``, the way PDF text streams print a row) become tokens of
their own, so that every number is a token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Length-preserving normalisation: every offset into the normalised text is an offset into the original.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update(
    {
        "．": ".",
        "，": ",",
        "（": "(",
        "）": ")",
        "－": "-",
        "／": "/",
        "　": " ",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "：": ":",
        "﹙": "(",
        "﹚": ")",
        "、": "、",
    }
)
_TABLE = str.maketrans(_FULLWIDTH)

LABEL_MAX = 80  # a token longer than this (without spaces) is body text, never a row label

_NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_BLANK_MARKERS = {"—", "——", "-", "--", "/", "\\", "－", "―", "─", "–"}
_NONE_WORDS = {"无"}
_TRAILING_NUMS_RE = re.compile(
    r"^(?P<label>.*?[^\d\s.,+-])?(?P<nums>(?:\s+|^)[+-]?\d[\d,]*(?:\.\d+)?(?:\s+[+-]?\d[\d,]*(?:\.\d+)?)*)\s*$"
)


def normalise(text: str) -> str:
    """Full-width digits and punctuation to ASCII, odd spaces to spaces. Same length as the input."""
    return text.translate(_TABLE)


@dataclass(slots=True)
class Token:
    text: str  # normalised, stripped
    start: int  # offsets into the original text
    end: int
    line: int  # index of the text line
    col: int  # index of the cell within a TAB line (0 for a plain line)
    tabbed: bool  # the line had TABs: empty tokens in it are real (blank) cells
    split: bool = False  # a number split off the end of a label (same cell)
    # derived once, read many times
    compact: str = field(init=False, repr=False)
    is_number: bool = field(init=False, repr=False)
    is_blank_marker: bool = field(init=False, repr=False)
    is_value: bool = field(init=False, repr=False)  # a number, an explicit blank (—, /) or 无
    is_labelish: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        c = "".join(self.text.split())
        self.compact = c
        self.is_number = bool(_NUMBER_RE.fullmatch(self.text))
        self.is_blank_marker = self.text in _BLANK_MARKERS
        self.is_value = self.is_number or self.is_blank_marker or self.text in _NONE_WORDS
        # no template label is a sentence: a full stop or semicolon marks body text
        self.is_labelish = bool(c) and len(c) <= LABEL_MAX and not self.is_value and "。" not in c and "；" not in c

    @property
    def is_empty(self) -> bool:
        return not self.text


def number_value(text: str) -> int | float | None:
    """The number a value token stands for; None for a blank marker. 无 (none) is 0."""
    if text in _NONE_WORDS:
        return 0
    if text in _BLANK_MARKERS or not text:
        return None
    plain = text.replace(",", "")
    if re.fullmatch(r"[+-]?\d+", plain):
        return int(plain)
    return float(plain)


def tokenize(text: str, norm: str | None = None) -> list[Token]:
    """Tokens of ``text``; ``norm`` is its :func:`normalise`d form when the caller already has it."""
    norm = normalise(text) if norm is None else norm
    tokens: list[Token] = []
    pos = 0
    for lineno, line in enumerate(norm.split("\n")):
        tabbed = "\t" in line
        if not tabbed and (cells := _layout_cells(line)):
            for col, (start, cell) in enumerate(cells):
                tokens.extend(_split_trailing_numbers(cell, pos + start, lineno, col, True))
            pos += len(line) + 1
            continue
        cell_start = pos
        for col, cell in enumerate(line.split("\t")):
            stripped = cell.strip()
            lead = len(cell) - len(cell.lstrip())
            start = cell_start + lead
            if stripped or tabbed:
                tokens.extend(_split_trailing_numbers(stripped, start, lineno, col, tabbed))
            cell_start += len(cell) + 1
        pos += len(line) + 1
    return tokens


_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")


def _layout_cells(line: str) -> list[tuple[int, str]] | None:
    """A line laid out in columns by runs of spaces (PDF text in layout mode): its cells, else None."""
    if "  " not in line.strip():
        return None
    cells = [(m.start(), m.group()) for m in _LAYOUT_CELL.finditer(line)]
    if len(cells) < 2 or any(len("".join(c.split())) > LABEL_MAX for _, c in cells):
        return None
    return cells


def _split_trailing_numbers(text: str, start: int, line: int, col: int, tabbed: bool) -> list[Token]:
    whole = Token(text, start, start + len(text), line, col, tabbed)
    if not text or not text[-1].isdigit() or len("".join(text.split())) > LABEL_MAX or whole.is_number:
        return [whole]
    m = _TRAILING_NUMS_RE.match(text)
    if not m or not m.group("nums").strip():
        return [whole]
    label = (m.group("label") or "").rstrip()
    nums_at = m.start("nums")
    out: list[Token] = []
    if label:
        out.append(Token(label, start, start + len(label), line, col, tabbed))
    elif " " not in text.strip():
        return [whole]
    for nm in re.finditer(r"\S+", text[nums_at:]):
        s = start + nums_at + nm.start()
        out.append(Token(nm.group(), s, s + len(nm.group()), line, col, tabbed, split=True))
    return out
