"""The extracted text as a stream of tokens (cells and lines), each with its offsets.

The readers' convention (see ``parsers.extracted``): a table row is one line with TAB-separated cells,
a paragraph is one line. A token is one cell of a TAB line, or one whole line otherwise. Trailing numbers
separated by spaces from a short label (``规章 0 0 0``, the way PDF text streams print a row) become tokens of
their own, so that every number is a token.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, NamedTuple, cast

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
# The Kangxi radicals (U+2F00–U+2FD5) and the CJK radicals that are whole simplified characters print the same
# glyphs as the ideographs; PDFs made by Chromium and some Office exports carry them for common characters
# (⾏政复议, ⼈⺠政府): read as the ideographs (NFKC's mapping, one character for one).
_RADICAL_MAP = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
# … and the CJK compatibility ideographs (U+F900–U+FAD9: 例 for 例), which some PDF fonts map characters to
_RADICAL_MAP.update(
    {
        chr(c): unicodedata.normalize("NFKC", chr(c))
        for c in range(0xF900, 0xFADA)
        if unicodedata.normalize("NFKC", chr(c)) != chr(c)
    }
)
_RADICALS = ("⺠⻓⻔⻢⻋⻜⻛⻅⻆⻚⻘⻩⻬⻰⻳⻄⺟⻉⻙⻥⻦⻨⻭⻤", "民长门马车飞风见角页青黄齐龙龟西母贝韦鱼鸟麦齿鬼")
_RADICAL_MAP.update(dict(zip(*_RADICALS, strict=True)))
_RADICAL_RE = re.compile("[" + "".join(sorted(_RADICAL_MAP)) + "]")
_TABLE = str.maketrans({**_FULLWIDTH, **_RADICAL_MAP})
_REPLACED = tuple((k, v) for k, v in _FULLWIDTH.items() if k != v)

LABEL_MAX = 80  # a token longer than this (without spaces) is body text, never a row label

NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# the explicit blanks printed as dashes (and the slash): a row printed on one line with single spaces may print them
# among its values (:data:`DASH_LAST`, ``_LABEL_VALUES_DASHED``; the native line loop's ``is_dash_last`` too)
DASH_MARKERS: Final = frozenset({"—", "——", "-", "--", "/", "－", "―", "–"})
# explicit blanks: the dash markers, and the dash OCR and converters print for them (一 for —, ー, _)
BLANK_MARKERS = {*DASH_MARKERS, "\\", "─", "一", "一一", "ー", "_", "__"}
_NONE_WORDS = {"无"}
TRAILING_NUMS_RE = re.compile(
    r"^(?P<label>.*?(?:[^\d\s.,+-]|(?<=[^\d\s.,+-]),))?(?P<nums>(?:\s+|^|(?<=[^\d\s.,+\-、(]))[+-]?\d[\d,]*(?:\.\d+)?"
    r"(?:\s+[+-]?\d[\d,]*(?:\.\d+)?)*)\s*$"
)


# the high bytes (UTF-16) of the radicals' blocks: U+2E00–U+2FFF and U+F900–U+FAFF
_RADICAL_HIGH_BYTES = (b"\x2e", b"\x2f", b"\xf9", b"\xfa")


def _may_print_radicals(text: str) -> bool:
    """False when no character of ``text`` lies in the radicals' blocks (U+2E00–U+2FFF, U+F900–U+FAFF): the
    characters' high bytes, looked for in C (a class of the radicals tried at every character cost ten times as
    much; surrogates, the halves of characters beyond the BMP, have other high bytes)."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return any(b in high for b in _RADICAL_HIGH_BYTES)


def normalise(text: str) -> str:
    """Full-width digits and punctuation to ASCII, odd spaces to spaces. Same length as the input."""
    if len(text) < 256:
        return text.translate(_TABLE)
    # a whole document: ``str.translate`` looks up every character in a dict (about 0.1 µs each), while a
    # search for each of the few characters to replace runs in C (50 times faster on a report)
    for old, new in _REPLACED:
        if old in text:
            text = text.replace(old, new)
    # one search for all the radicals (rare: browsers' PDFs), only where a character of their blocks is printed
    if _may_print_radicals(text) and _RADICAL_RE.search(text):
        text = _RADICAL_RE.sub(lambda m: _RADICAL_MAP[m.group()], text)
    return text


class Token(NamedTuple):
    """A token is a plain tuple, its fields read by the index constants below (``tok[TEXT]``), never by these
    names: a tuple is made in C from the interpreter's free list, where an object with slots cost twice as many
    instructions to make (a document makes a token per cell and line, and most tokens are read a few times only).
    No token is an instance of this class: it is the tuple's type for mypy (a token is made by :func:`token`,
    :func:`blank_cell`, :func:`with_ocr_raw`, each cast to it), declared as a named tuple so that mypyc keeps a
    token a boxed tuple in the compiled modules. A plain ``tuple[str, int, …]`` of fifteen fields is an unboxed
    struct to mypyc: every token taken from a list or a call had its fifteen fields type-checked and
    reference-counted, to read one or two of them, and every token put into a list or handed to a call was built
    anew (a tuple and its offsets' ints allocated); a boxed token is read field by field and passed as it is."""

    text: str
    start: int
    end: int
    line: int
    col: int
    tabbed: bool
    split: bool
    ocr_raw: str | None
    glued: bool
    spaced: str | None
    compact: str
    is_number: bool
    is_blank_marker: bool
    is_value: bool
    is_labelish: bool


TEXT: Final = 0  # normalised, stripped
START: Final = 1  # offsets into the original text
END: Final = 2
LINE: Final = 3  # index of the text line
COL: Final = 4  # index of the cell within a TAB line (0 for a plain line)
TABBED: Final = 5  # the line had TABs: empty tokens in it are real (blank) cells
SPLIT: Final = 6  # a number split off the end of a label (same cell)
OCR_RAW: Final = 7  # the printed text when OCR-confused characters were read as digits (1O → 10), else None
GLUED: Final = 8  # a number printed against the end of its label, with no space (稳定”0 0 0)
SPACED: Final = 9  # the printed text of a cell whose number has spaces around its point (2772661 . 517), else None
# derived from the text (:func:`_derive`)
COMPACT: Final = 10  # the text without its spaces
IS_NUMBER: Final = 11
IS_BLANK_MARKER: Final = 12
IS_VALUE: Final = 13  # a number, an explicit blank (—, /) or 无
IS_LABELISH: Final = 14
# a token is empty (a blank cell) when its text is: ``not tok[TEXT]``


def token(
    text: str,
    start: int,
    end: int,
    line: int,
    col: int,
    tabbed: bool,
    split: bool = False,
    ocr_raw: str | None = None,
    glued: bool = False,
    spaced: str | None = None,
) -> Token:
    """The token of ``text`` with these fields, its derived ones computed (short texts repeat, cells and labels:
    their derived fields are cached, a dict looked up in C)."""
    derived = DERIVED.get(text)
    if derived is None:
        derived = derived_fields(text)
    # (a concatenation: one C call, where unpacking into a display builds a list first)
    return cast(Token, (text, start, end, line, col, tabbed, split, ocr_raw, glued, spaced) + derived)  # noqa: RUF005


def with_ocr_raw(tok: Token, printed: str) -> Token:
    """``tok`` with ``printed`` as its ``OCR_RAW`` field (the printed text OCR-confused characters were read from)."""
    return cast(Token, tok[:OCR_RAW] + (printed,) + tok[GLUED:])  # noqa: RUF005


def _derive(text: str) -> tuple[str, bool, bool, bool, bool]:
    """A token's derived fields: compact text, is a number, a blank marker, a value, a possible label."""
    c = "".join(text.split())
    is_number = bool(NUMBER_RE.fullmatch(text))
    is_blank_marker = text in BLANK_MARKERS
    is_value = is_number or is_blank_marker or text in _NONE_WORDS
    # no template label is a sentence: a full stop or semicolon marks body text
    is_labelish = bool(c) and len(c) <= LABEL_MAX and not is_value and "。" not in c and "；" not in c
    return c, is_number, is_blank_marker, is_value, is_labelish


def derived_fields(text: str) -> tuple[str, bool, bool, bool, bool]:
    """:func:`_derive`, kept in the cache when ``text`` is short (a cell or a label: they repeat)."""
    derived = _derive(text)
    if len(text) <= CACHED_MAX:
        if len(DERIVED) >= _DERIVED_MAX:  # bounded: a long crawl reads many documents
            DERIVED.clear()
        DERIVED[text] = derived
    return derived


DERIVED: dict[str, tuple[str, bool, bool, bool, bool]] = {}  # short texts' derived fields (see ``Token``)
_DERIVED_MAX = 4096
CACHED_MAX = 40  # the longest text whose derived fields are cached (the native line loop's CACHED_MAX too)


def blank_cell(start: int, line: int, col: int) -> Token:
    """``token("", start, start, line, col, True)``: a TAB row's blank cell (a third of a table's cells)."""
    return cast(Token, ("", start, start, line, col, True, False, None, False, None, "", False, False, False, False))


@functools.lru_cache(maxsize=4096)
def number_value(text: str) -> int | float | None:
    """The number a value token stands for; None for a blank marker. 无 (none) is 0. (Cached: readings are
    scored cell by cell many times over.)"""
    if text in _NONE_WORDS:
        return 0
    if text in BLANK_MARKERS or not text:
        return None
    plain = text.replace(",", "")
    if _INTEGER.fullmatch(plain):
        return int(plain)
    return float(plain)


_INTEGER = re.compile(r"[+-]?\d+")
