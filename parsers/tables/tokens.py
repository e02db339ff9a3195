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
from typing import Any, Final

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

_NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# the explicit blanks printed as dashes (and the slash): a row printed on one line with single spaces may print them
# among its values (:data:`DASH_LAST`, ``_LABEL_VALUES_DASHED``; the native line loop's ``is_dash_last`` too)
DASH_MARKERS: Final = frozenset({"—", "——", "-", "--", "/", "－", "―", "–"})
# explicit blanks: the dash markers, and the dash OCR and converters print for them (一 for —, ー, _)
_BLANK_MARKERS = {*DASH_MARKERS, "\\", "─", "一", "一一", "ー", "_", "__"}
_NONE_WORDS = {"无"}
_TRAILING_NUMS_RE = re.compile(
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


# A token is a plain tuple, its fields read by the index constants below (``tok[TEXT]``): a tuple is made in C
# from the interpreter's free list, where an object with slots cost twice as many instructions to make (a
# document makes a token per cell and line, and most tokens are read a few times only)
Token = tuple[str, int, int, int, int, bool, bool, str | None, bool, str | None, str, bool, bool, bool, bool]
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
    derived = _DERIVED.get(text)
    if derived is None:
        derived = _derived(text)
    # (a concatenation: one C call, where unpacking into a display builds a list first)
    return (text, start, end, line, col, tabbed, split, ocr_raw, glued, spaced) + derived  # noqa: RUF005


def with_ocr_raw(tok: Token, printed: str) -> Token:
    """``tok`` with ``printed`` as its ``OCR_RAW`` field (the printed text OCR-confused characters were read from)."""
    return tok[:OCR_RAW] + (printed,) + tok[GLUED:]  # noqa: RUF005 (typed by mypy as a Token, unlike the unpacking)


def _derive(text: str) -> tuple[str, bool, bool, bool, bool]:
    """A token's derived fields: compact text, is a number, a blank marker, a value, a possible label."""
    c = "".join(text.split())
    is_number = bool(_NUMBER_RE.fullmatch(text))
    is_blank_marker = text in _BLANK_MARKERS
    is_value = is_number or is_blank_marker or text in _NONE_WORDS
    # no template label is a sentence: a full stop or semicolon marks body text
    is_labelish = bool(c) and len(c) <= LABEL_MAX and not is_value and "。" not in c and "；" not in c
    return c, is_number, is_blank_marker, is_value, is_labelish


def _derived(text: str) -> tuple[str, bool, bool, bool, bool]:
    """:func:`_derive`, kept in the cache when ``text`` is short (a cell or a label: they repeat)."""
    derived = _derive(text)
    if len(text) <= CACHED_MAX:
        if len(_DERIVED) >= _DERIVED_MAX:  # bounded: a long crawl reads many documents
            _DERIVED.clear()
        _DERIVED[text] = derived
    return derived


_DERIVED: dict[str, tuple[str, bool, bool, bool, bool]] = {}  # short texts' derived fields (see ``Token``)
_DERIVED_MAX = 4096
CACHED_MAX = 40  # the longest text whose derived fields are cached (the native line loop's CACHED_MAX too)


def blank_cell(start: int, line: int, col: int) -> Token:
    """``token("", start, start, line, col, True)``: a TAB row's blank cell (a third of a table's cells)."""
    return ("", start, start, line, col, True, False, None, False, None, "", False, False, False, False)


@functools.lru_cache(maxsize=4096)
def number_value(text: str) -> int | float | None:
    """The number a value token stands for; None for a blank marker. 无 (none) is 0. (Cached: readings are
    scored cell by cell many times over.)"""
    if text in _NONE_WORDS:
        return 0
    if text in _BLANK_MARKERS or not text:
        return None
    plain = text.replace(",", "")
    if _INTEGER.fullmatch(plain):
        return int(plain)
    return float(plain)


_INTEGER = re.compile(r"[+-]?\d+")


_NO_LINES: frozenset[int] = frozenset()


def _nbsp_lines(text: str) -> frozenset[int]:
    """The numbers of the lines that print one or more no-break spaces and nothing else (spaces aside)."""
    return frozenset(i for i, line in enumerate(text.split("\n")) if "\xa0" in line and not line.strip())


def _native() -> Any:
    """The line loop in C (``_tokens.c``, built by ``scripts/build_native.py``), or None where it is not built."""
    try:
        from parsers.tables import _tokens
    except ImportError:
        return None
    return _tokens


# tokenize_by_python's line loop in C where the native build holds it (None: not built, or NIANBAO_PURE_PYTHON);
# tests/test_tokens_native.py holds the two to each other
NATIVE = _native()


def tokenize(text: str, norm: str | None = None) -> list[Token]:
    """Tokens of ``text``; ``norm`` is its :func:`normalise`d form when the caller already has it.
    :func:`tokenize_by_python`, its line loop in C where the native build holds it: the lines of the common kinds
    (a TAB row, a plain line) tokenized there, every other line by :func:`_tokenize_text_line`."""
    if NATIVE is None:
        return tokenize_by_python(text, norm)
    norm = normalise(text) if norm is None else norm
    present = NATIVE.present(norm, _CONFUSABLE_CHARS)  # one pass over the text
    ruled, nbsp_lines = _text_facts(text, norm, present)
    tokens: list[Token] = []
    mixed_lines: list[tuple[int, int]] = []
    line_fn = functools.partial(_tokenize_text_line, present, ruled, mixed_lines)
    NATIVE.tokenize(norm, tokens, "".join(present), nbsp_lines, _DERIVED, _derived, _split_trailing_numbers, line_fn)
    if present:
        _lone_confusables(tokens, mixed_lines)
    if ", " in norm:
        _spaced_thousands(tokens, norm)
    return tokens


def _text_facts(text: str, norm: str, present: list[str]) -> tuple[bool, frozenset[int]]:
    """What the line loop needs to know of the whole text besides the confusable letters it prints (``present``):
    whether it prints its tables' rules, and its lines of no-break spaces alone."""
    # a text that prints its tables' rules (a ``|`` alone between cells on a few lines: Tesseract on a ruled
    # table): there a ``|`` touching a number is a rule on every line, not a 1
    # (each lone bar is a ``|``: the text's count of them, in C, rules out most texts before the regex scan)
    ruled = bool(present) and norm.count("|") >= RULED_TEXT_BARS and len(_LONE_BAR.findall(norm)) >= RULED_TEXT_BARS
    # lines that print no-break spaces alone: the blank cells of a Word table (``<td><p>&nbsp;</p></td>``) as
    # extractors that print a cell a line print them (docx2txt, BeautifulSoup, PyMuPDF): blank cells in place
    nbsp_lines = _nbsp_lines(text) if "\xa0" in text else _NO_LINES
    return ruled, nbsp_lines


def tokenize_by_python(text: str, norm: str | None = None) -> list[Token]:
    """Tokens of ``text`` (see :func:`tokenize`), the line loop in Python."""
    norm = normalise(text) if norm is None else norm
    # the confusable letters the text prints, each looked for in C: a line is asked only about those (a regex
    # scan of every line tried its class at each character)
    present = [c for c in _CONFUSABLE_CHARS if c in norm]
    ruled, nbsp_lines = _text_facts(text, norm, present)
    tokens: list[Token] = []
    # the tokens of the lines that print a confusable letter (OCR's reading of a digit): only they can be one
    # (the steps below only turn letters into digits or rules into spaces)
    mixed_lines: list[tuple[int, int]] = []
    pos = 0
    for lineno, line in enumerate(norm.split("\n")):
        if not line:  # an empty line has no token (what the steps below make of it)
            pos += 1
            continue
        if lineno in nbsp_lines:
            tokens.append(blank_cell(pos + len(line), lineno, 0))
        else:
            _tokenize_text_line(present, ruled, mixed_lines, tokens, line, pos, lineno)
        pos += len(line) + 1
    if present:
        _lone_confusables(tokens, mixed_lines)
    if ", " in norm:
        _spaced_thousands(tokens, norm)
    return tokens


# a number's first digits and its thousands separator (``1,``), and the three digits after it (``403``, ``403,217``)
_THOUSANDS_HEAD = re.compile(r"[1-9]\d{0,2},")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?:,\d{3})*")


def _spaced_thousands(tokens: list[Token], norm: str) -> None:
    """A number whose thousands separator a PDF extractor printed with a space after it (``1, 403`` for 1,403: the
    glyphs' advance widths read as a gap), in one cell or on one line of plain text: the two tokens read as one
    number (its printed text kept as ``spaced``, reported as ``spaced_number``). Read apart, ``1,`` is no value and
    the cell reads 403, its row total holding as well (1,617 reads 617 alike)."""
    k = 0
    while k < len(tokens) - 1:
        a, b = tokens[k], tokens[k + 1]
        if (
            a[LINE] == b[LINE]
            and a[COL] == b[COL]
            and _THOUSANDS_HEAD.fullmatch(a[TEXT])
            and norm[a[END] : b[START]] == " "
            and _THOUSANDS_TAIL.fullmatch(b[TEXT])
        ):
            printed = norm[a[START] : b[END]]
            tokens[k : k + 2] = [token(a[TEXT] + b[TEXT], a[START], b[END], a[LINE], a[COL], a[TABBED], spaced=printed)]
        k += 1


def _tokenize_text_line(
    present: list[str],
    ruled: bool,
    mixed_lines: list[tuple[int, int]],
    tokens: list[Token],
    line: str,
    pos: int,
    lineno: int,
) -> None:
    """The tokens of one line of the text (not empty), at offset ``pos``: ``present``, ``ruled`` as
    :func:`_text_facts` finds them; the tokens' span appended to ``mixed_lines`` when the line prints a confusable
    letter."""
    fixes: list[tuple[int, int]] = _NO_FIXES
    printed = line
    mixed = False  # the line prints a confusable letter (``_CONFUSABLE.search(line)``)
    for c in present:
        if c in line:
            mixed = True
            break
    if mixed and (_DIGIT.search(line) or _rule_mark(line) or _LETTER_ROW.search(line)):
        line, fixes = ocr_digits(line, ruled=ruled)
    elif line[:1].isdigit() and " " not in line and (punct := _PUNCT_ROW.fullmatch(line)) is not None:
        line, fixes = _punctuated_row(line, punct)
    if (" 。" in line or "\t。" in line) and (stop := _LONE_STOP.search(line)):
        line, fixes = _lone_stops(line, stop, fixes)
    first = len(tokens)
    if "\t" in line:  # a TAB row (the tables of HTML, DOCX, XLSX and ruled PDF pages)
        _tokenize_tabbed(tokens, line, pos, lineno)
    elif (
        "  " not in line
        and not line[-1].isdigit()
        and not ((head := line.lstrip()[:1]).isdigit() or head in "+-")
        and (line[-1] not in _UNIT_LAST or " " not in line)
        and (line[-1] not in DASH_LAST or " " not in line)
    ):
        # a plain line that ends in no number (nor in a unit after a space: ``行政事业性收费 0万元``): one token
        # (the common case, kept fast)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            tokens.append(token(stripped, pos + lead, pos + lead + len(stripped), lineno, 0, False))
    else:
        _tokenize_line(tokens, line, pos, lineno)
    for k in range(first, len(tokens)) if fixes else ():
        tok = tokens[k]
        s, e = tok[START] - pos, tok[END] - pos
        if any(fs < e and s < fe for fs, fe in fixes):
            tokens[k] = with_ocr_raw(tok, printed[s:e])
    if mixed:
        mixed_lines.append((first, len(tokens)))


def _lone_confusables(tokens: list[Token], among: list[tuple[int, int]] | None = None) -> None:
    """Cells of confusable letters alone (``o``, ``l``, ``I|S``) among numbers are digits OCR misread: a run of
    them is read as digits when a number or a row label comes before it and a number after it (a page number
    such as ``- 2 -`` between is passed over), when it is every cell of a row after its label, or a whole line
    of cells by itself (:data:`LINE_OF_LETTERS` at least). ``among``: the runs of tokens (first, end) that can
    be such cells (all when None)."""
    candidates = [
        k
        for k in (range(len(tokens)) if among is None else (k for a, b in among for k in range(a, b)))
        if (t := tokens[k])[TEXT].startswith(_CONFUSABLE_FIRST_CHARS)
        and 0 < k < len(tokens) - 1
        and len(t[TEXT]) <= 4
        and not t[IS_VALUE]
        and _CONFUSABLE_WORD.fullmatch(t[TEXT])
    ]
    done = 0
    for k in candidates:
        if k < done:
            continue
        run = [k]
        j = k + 1
        while j < len(tokens) and (
            not tokens[j][TEXT]
            or _PAGE_MARK.fullmatch(tokens[j][TEXT])
            or (not tokens[j][IS_VALUE] and _CONFUSABLE_WORD.fullmatch(tokens[j][TEXT]))
        ):
            if _CONFUSABLE_WORD.fullmatch(tokens[j][TEXT]):
                run.append(j)
            j += 1
        before = next((t for t in reversed(tokens[max(0, k - 3) : k]) if t[TEXT]), None)
        after = tokens[j] if j < len(tokens) else None
        # … or ends a row of cells laid out by spaces, after the row's label, unit or numbers (the last cell)
        # (every cell of the row after its label: one cell each, or three at least printed with single spaces)
        # (a wrapped label's rest may follow such a row's cells on the line: ``8.属于行 O … O 政查询事``)
        line_end = after is None or after[LINE] != tokens[k][LINE]
        row_end = (
            before is not None
            and before[LINE] == tokens[k][LINE]
            and (
                (len(run) == 1 and tokens[k][TABBED] and line_end)
                or (
                    before[IS_LABELISH]
                    and _one_line(tokens, run)
                    and (len(run) >= 3 or _cells(tokens, run))
                    and (line_end or (len(run) >= 3 and after is not None and after[IS_LABELISH]))
                )
            )
        )
        # … or is a whole line of cells by itself (a label-less row of zeros: table 四's data row)
        line_alone = (
            len(run) >= LINE_OF_LETTERS
            and _one_line(tokens, run)
            and _cells(tokens, run)
            and (before is None or before[LINE] != tokens[k][LINE])
            and (after is None or after[LINE] != tokens[k][LINE])
        )
        if line_alone or (
            before is not None
            and (row_end or (after is not None and after[IS_NUMBER]))
            and (before[IS_NUMBER] or before[IS_LABELISH])
        ):
            for i in run:
                tok = tokens[i]
                fixed = tok[TEXT].translate(_OCR_MAP)
                tokens[i] = token(fixed, tok[START], tok[END], tok[LINE], tok[COL], tok[TABBED], ocr_raw=tok[TEXT])
        done = j


LINE_OF_LETTERS = 5  # cells of confusable letters alone on a line, at least, to be read as a row of digits


def _one_line(tokens: list[Token], run: list[int]) -> bool:
    """The run lies on one line (``（三）不予公开 O O O O O O O``: a row of zeros OCR read as letters)."""
    line = tokens[run[0]][LINE]
    return all(tokens[i][LINE] == line for i in run)


def _cells(tokens: list[Token], run: list[int]) -> bool:
    """Every token of the run is a cell of its own (TAB or laid out by runs of spaces)."""
    return all(tokens[i][TABBED] for i in run)


_PAGE_MARK = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?")


_NO_FIXES: list[tuple[int, int]] = []  # never appended to (the fixes of a line are new lists)


def _tokenize_line(tokens: list[Token], line: str, pos: int, lineno: int) -> None:
    tabbed = "\t" in line
    if tabbed:
        _tokenize_tabbed(tokens, line, pos, lineno)
        return
    if cells := _layout_cells(line):
        for col, (start, cell) in enumerate(cells):
            _add_cell(tokens, cell, pos + start, lineno, col, True)
        return
    cell_start = pos
    for col, cell in enumerate(line.split("\t")):
        stripped = cell.strip()
        if stripped:
            start = cell_start + len(cell) - len(cell.lstrip())
            _add_cell(tokens, stripped, start, lineno, col, tabbed)
        elif tabbed:  # a blank cell of a TAB row is a real (blank) cell, at the cell's end
            end = cell_start + len(cell)
            tokens.append(token("", end, end, lineno, col, True))
        cell_start += len(cell) + 1


def _tokenize_tabbed(tokens: list[Token], line: str, pos: int, lineno: int) -> None:
    """The tokens of a TAB row: what the loop of :func:`_tokenize_line` and :func:`_add_cell` make of it, with
    both inlined (a table's every cell comes here; a third of them are empty), and the tokens of the common
    cells (blank, a label, a number alone) made in place: their tuples written out, the derived fields from the
    cache, without the calls to :func:`token` (tests/test_parse_speedups.py holds the tokens to those
    :func:`token` makes)."""
    append = tokens.append
    derived_of = _DERIVED.get
    cell_start = pos
    col = -1
    for cell in line.split("\t"):
        col += 1
        if not cell:  # a blank cell is a real (blank) cell, at the cell's end
            append(
                (
                    "",
                    cell_start,
                    cell_start,
                    lineno,
                    col,
                    True,
                    False,
                    None,
                    False,
                    None,
                    "",
                    False,
                    False,
                    False,
                    False,
                )
            )
            cell_start += 1
            continue
        n = len(cell)
        text = cell.strip()
        if text:
            start = cell_start if len(text) == n else cell_start + n - len(cell.lstrip())
            if text[-1].isdigit() or text[0].isdigit():
                derived = derived_of(text)
                if derived is None:
                    derived = _derived(text)
                if not derived[1] or not text[-1].isdigit():  # not a number alone: a label with numbers, …
                    tokens.extend(_split_trailing_numbers(text, start, lineno, col, True))
                    cell_start += n + 1
                    continue
            else:
                derived = derived_of(text)
                if derived is None:
                    derived = _derived(text)
            append((text, start, start + len(text), lineno, col, True, False, None, False, None) + derived)  # noqa: RUF005
        else:
            end = cell_start + n
            append(("", end, end, lineno, col, True, False, None, False, None, "", False, False, False, False))
        cell_start += n + 1


def _add_cell(tokens: list[Token], text: str, start: int, line: int, col: int, tabbed: bool) -> None:
    """The tokens of one cell (``text`` stripped, not empty): the common cells whole (a label, a dash, a number:
    what :func:`_split_trailing_numbers` makes of them, without its list), the rest split by it."""
    ends_in_digit = text[-1].isdigit()
    if not ends_in_digit and not text[0].isdigit():
        if text[-1] in _UNIT_LAST and " " in text:
            tokens.extend(_split_trailing_numbers(text, start, line, col, tabbed))  # a label, its number and unit?
            return
        if text[-1] in DASH_LAST and " " in text:
            tokens.extend(_split_trailing_numbers(text, start, line, col, tabbed))  # a label, its values, a dash?
            return
        tokens.append(token(text, start, start + len(text), line, col, tabbed))
    elif ends_in_digit and (whole := token(text, start, start + len(text), line, col, tabbed))[IS_NUMBER]:
        tokens.append(whole)
    else:
        tokens.extend(_split_trailing_numbers(text, start, line, col, tabbed))


# OCR's confusions of digits with letters: read as digits only inside words that are otherwise digits
_CONFUSABLE_CHARS = "OoDQIil|!SsBZz〇θΘøØ"
_CONFUSABLE = re.compile(f"[{re.escape(_CONFUSABLE_CHARS)}]")
_DIGIT = re.compile(r"\d")
_OCR_MAP = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "〇": "0",
        "θ": "0",  # a slashed or dotted zero (monospaced and some sans fonts), read by OCR services as θ or ø
        "Θ": "0",
        "ø": "0",
        "Ø": "0",
        "I": "1",
        "i": "1",
        "l": "1",
        "|": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
    }
)
# a word OCR may have read a number as, between spaces (``(?<![^\s])…(?![^\s])``): a whole run of non-spaces
# (``_NONSPACE``, found in one pass) that is such a word (a search with the spaces' lookbehind tried it at every
# position of the line)
_OCR_WORD = re.compile(r"[{}]?[0-9OoDQIil|!SsBZz〇θΘøØ][0-9OoDQIil|!SsBZz〇θΘøØ,.]*[{}]?")
_LONE_CONFUSABLE = re.compile(r"[OoIil〇θΘøØ]{1,2}")
# a row label, then three or more cells of one or two confusable letters and nothing else (a row of zeros OCR read
# as ``O O O O O O O``, printed with single spaces), or a line of five such cells or more by itself (table 四's
# label-less data row): its cells are numbers like those of a line that has real numbers
_LETTER_ROW = re.compile(
    r"[\u4e00-\u9fff）)”」』](?:[ \t]+[OoIil〇θΘøØ]{1,2}){3,}[ \t]*$"
    r"|^[ \t]*[OoIil〇θΘøØ]{1,2}(?:[ \t]+[OoIil〇θΘøØ]{1,2}){4,}[ \t]*$"
)
_CONFUSABLE_WORD = re.compile(r"[OoIl|SB〇θΘøØ]{1,4}")
_CONFUSABLE_FIRST_CHARS = tuple("OoIl|SB〇θΘøØ")  # the characters such a word starts with (a quick test first)
_REAL_NUMBER = re.compile(r"(?<![^\s])[+-]?\d[\d,]*(?:\.\d+)?(?![^\s])")


# a cell OCR read with the table's rule glued to it: ``fo`` ``lo`` ``[lo`` ``Jo`` ``|5`` ``[196`` ``fo]``
_RULE_WORD = re.compile(
    r"(?<![^\s])([\[\]|!fjJiIlL]{1,2})([0-9oO〇DQ]+)([\]|!]?)(?![^\s])|(?<![^\s])([0-9oO〇]+)([\]|!])(?![^\s])"
)
_RULE_MARK = re.compile(r"(?<![^\s])[\[\]fjJ][0-9oO〇]|[0-9oO〇]\](?![^\s])|[|\]]\s*$")
# its three alternatives apart, each led by its first character (searched for in C; the alternation is tried at
# every position of the line)
_RULE_MARKS = (
    re.compile(r"[\[\]fjJ](?<!\S.)[0-9oO〇]"),
    re.compile(r"[0-9oO〇]\](?![^\s])"),
    re.compile(r"[|\]]\s*$"),
)


def _rule_mark(line: str) -> bool:
    """``_RULE_MARK.search(line)`` found something (each alternative searched only when the line prints a
    character it cannot match without: a ``]`` for the second, a ``|`` or a ``]`` for the third, one of ``[]fjJ``
    for the first; most lines asked print none)."""
    first, second, third = _RULE_MARKS
    if "]" in line:
        return first.search(line) is not None or second.search(line) is not None or third.search(line) is not None
    if "|" in line and third.search(line) is not None:
        return True
    return ("[" in line or "f" in line or "j" in line or "J" in line) and first.search(line) is not None


_LONE_RULE = re.compile(r"(?<![^\s])[|\[\]]{1,2}(?![^\s])")
_LABEL_RULE = re.compile(r"(?<=[^\s\d|\[\]!])[|\[\]](?=[0-9oO〇])")
_ZEROS = str.maketrans({"o": "0", "O": "0", "〇": "0", "D": "0", "Q": "0"})


def _rule_cells(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """A row of cells OCR read with the table's rules glued to them (``fo io lo Jo [lo …``, Tesseract on a
    ruled table): each such word read as its number, the rule marks as spaces. Only on a line of at least three
    such words, at least one marked by a character that is never a digit (``[``, ``]``, ``f``, ``j``, ``J``),
    and where they and plain numbers are most of the words: there a leading ``l`` or ``|`` is a rule, not a
    1. None when the line is not such a row."""
    if not _rule_mark(line) and not line.rstrip().endswith((" |", " ]")):
        return None
    # a rule between a label (or a stray quote) and the first cell: ``8.属于行|0 fo``, ``“|0 |0``
    line = _LABEL_RULE.sub(" ", line)
    hits = list(_RULE_WORD.finditer(line))
    if len(hits) < 3:
        return None
    # the words from the first such cell on (a row label before it does not count), lone rules aside
    words = [w for w in line[hits[0].start() :].split() if w not in ("|", "]", "[")]
    numbers = sum(1 for w in words if w.isdigit())
    if (len(hits) + numbers) * 10 < len(words) * 6:
        return None
    out = list(line)
    fixes: list[tuple[int, int]] = []
    for m in hits:
        if m.group(2) is not None:
            lead, body, trail = m.group(1), m.group(2), m.group(3)
        else:
            lead, body, trail = "", m.group(4), m.group(5)
        fixed = " " * len(lead) + body.translate(_ZEROS) + " " * len(trail)
        out[m.start() : m.end()] = fixed
        fixes.append((m.start(), m.end()))
    for m in _LONE_RULE.finditer(line):  # the rules alone between and after the cells
        out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out), fixes


RULED_MARKS = 2
_LONE_BAR = re.compile(r"(?<!\S)\|(?!\S)")
RULED_TEXT_BARS = 3  # lone bars that make a text one printing its tables' rules

# a full stop alone between two numbers: a 0 OCR-service models read as 。 (an empty-looking ring)
_LONE_STOP = re.compile(r"(?<=\d)([ \t]+)。(?=[ \t]+[+-]?\d)")


def _lone_stops(line: str, m: re.Match[str], fixes: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Each ``。`` alone between two numbers read as 0 (the token keeps the printed ``。`` as its ``ocr_raw``)."""
    out = list(line)
    fixes = list(fixes)
    found: re.Match[str] | None = m
    while found is not None:
        at = found.end(1)
        out[at] = "0"
        fixes.append((at, at + 1))
        found = _LONE_STOP.search(line, at + 1)
    return "".join(out), fixes


def ocr_digits(line: str, *, ruled: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """Digits OCR read as letters (``1O``, ``l4``, ``〇``), read back as digits; a lone ``|`` (a table rule)
    becomes a space. Same length as the input; returns the spans that changed.

    A word is read as a number when it mixes digits with confusable letters, or when it is one or two
    confusable letters alone (``o``, ``l``) on a line that has real numbers too. A row of cells with the
    table's rules glued to them is read by :func:`_rule_cells`. A ``|`` at a number's edge is the table's rule
    on a line of two rule marks or more, or on any line when ``ruled`` (the text prints its tables' rules).
    """
    glued_rules = _rule_cells(line)
    if glued_rules is not None:
        return glued_rules
    if "|" in line and (m := _LABEL_BAR.search(line)) is not None:
        return _label_bars(line, m, ruled)
    has_numbers: bool | None = None  # the line has real numbers (or a row of letters): asked only of a lone letter
    # a row printed with its rules (two rule marks or more): a | at a number's edge is a rule, not a 1 —
    # Tesseract reads a 1 as ``1``; a ``|`` touching a number there is the table's rule (``3628| 123 | 3``)
    # (its marks counted only when a word asks: most lines that come here are prose that holds no such word)
    ruled_row: bool | None = True if ruled else None
    # the line's characters, copied only when one changes (most lines come back as they are: prose that prints a
    # confusable letter and a digit apart); ``line`` itself is returned then
    out: list[str] | None = None
    fixes: list[tuple[int, int]] = []
    for m in _NONSPACE.finditer(line):
        word, at = m.group(), m.start()
        if _OCR_WORD.fullmatch(word) is None:
            continue
        if word in ("|", "||", "!"):
            if out is None:
                out = list(line)
            out[at : m.end()] = " " * len(word)
            continue
        if ruled_row is None:
            ruled_row = sum(map(line.count, "|[]{}!")) >= RULED_MARKS
        # a brace is never a digit: a rule wherever it touches a number; on a row printed with its rules a bar or a
        # ``!`` (a rule OCR read so, or a writer's cell mark: asciidoc's nested tables, ``!0 !5``) is a rule too
        edges = "|{}!" if ruled_row else "{}"
        core = word.strip(edges)
        if core != word and _DIGIT.search(core):
            # a rule glued to a number's edge (``3744|``, ``|138|``, ``{1060``): the rule, not a 1
            lead = len(word) - len(word.lstrip(edges))
            if core[:1] in ",." and core[1:2].isdigit():
                # a speck between the rule and the digits (``|.241``): part of the rule, not a decimal point
                core, lead = core[1:], lead + 1
            if out is None:
                out = list(line)
            out[at : at + lead] = " " * lead
            out[at + lead + len(core) : m.end()] = " " * (len(word) - lead - len(core))
            fixes.append((at, m.end()))
            word, at = core, at + lead
        mixed = _DIGIT.search(word) and _CONFUSABLE.search(word) and word[0] not in ",." and word[-1] not in ",."
        lone = _LONE_CONFUSABLE.fullmatch(word) is not None
        if lone and has_numbers is None:
            has_numbers = bool(_REAL_NUMBER.search(line) or _LETTER_ROW.search(line))
        lone = lone and bool(has_numbers)
        if mixed or lone:
            fixed = word.translate(_OCR_MAP)
            if _NUMBER_RE.fullmatch(fixed):
                if out is None:
                    out = list(line)
                out[at : at + len(word)] = fixed
                fixes.append((at, at + len(word)))
    return ("".join(out) if out is not None else line), fixes


# a ``|`` between a row label's last ideograph and a number (``行政许可|352``, ``其他对外管理服务事项|7``: Tesseract
# printing the rule between the label cell and the first value cell with no space either side)
_LABEL_BAR = re.compile(r"(?<=[\u4e00-\u9fff）)”」])\|(?=\d)")


def _label_bars(line: str, m: re.Match[str], ruled: bool) -> tuple[str, list[tuple[int, int]]]:
    """Each ``|`` glued between a label's ideograph and a number read as the table's rule (a space), never as a
    1: a 1 printed against its row's label, the cell's whole width left of it, is not how a table prints (the
    fix's span covers the number, so its cell warns ``ocr_digit``); the rest of the line read as any other."""
    at = m.start()
    end = at + 1
    while end < len(line) and (line[end].isdigit() or line[end] in ".,"):
        end += 1
    # the line's rule marks counted as printed (the bar taken out still marks the row as one printed with rules)
    ruled = ruled or sum(map(line.count, "|[]{}")) >= RULED_MARKS
    rest, fixes = ocr_digits(line[:at] + " " + line[at + 1 :], ruled=ruled)
    return rest, [*fixes, (at, end)]


# a row of cells printed with no space, each rule between two cells read as punctuation (Tesseract on a dense
# ruled row: ``0/0);0;0;0;0;0}6;0;6,;0;0;1);0)]1``): five numbers or more, one or two marks between each two
_PUNCT_MARKS = "/;:)}]|!([{,"
_PUNCT_ROW = re.compile(r"\d+(?:[/;:)}\]|!(\[{,]{1,2}\d+){4,}")
_PUNCT_RULE = re.compile(r"[/;:)}\]|!(\[{,]{1,2}")


def _punctuated_row(line: str, m: re.Match[str]) -> tuple[str, list[tuple[int, int]]]:
    """The rule marks of such a row read as spaces; a lone ``,`` before three digits is a thousands separator,
    and the line is then left as printed (which it is is open). The fix spans the whole row (its cells warn)."""
    if any(
        r.group() == ","
        and len(line) - r.end() >= 3
        and line[r.end() : r.end() + 3].isdigit()
        and not line[r.end() + 3 : r.end() + 4].isdigit()
        for r in _PUNCT_RULE.finditer(line)
    ):
        return line, _NO_FIXES
    return _PUNCT_RULE.sub(lambda r: " " * len(r.group()), line), [(m.start(), m.end())]


_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")


def _layout_cells(line: str) -> list[tuple[int, str]] | None:
    """A line laid out in columns by runs of spaces (PDF text in layout mode): its cells, else None."""
    if "  " not in line.strip():
        return None
    cells = [(m.start(), m.group()) for m in _LAYOUT_CELL.finditer(line)]
    if len(cells) < 2 or any(len("".join(c.split())) > LABEL_MAX for _, c in cells):
        return None
    return cells


# a number with the unit it is counted in (86.45万元, 12项), and two such numbers in one cell (12项/345.6万元,
# 348；3.87: 2019's 政府集中采购 count and amount, apart by a slash or a semicolon, ASCII or full-width)
_UNIT = r"(?:万元|亿元|元|件|项|个|人次|次|人|条|家|场|期|篇|份)"
_NUM = r"[+-]?\d[\d,]*(?:\.\d+)?"
_WITH_UNITS = re.compile(rf"^({_NUM})\s*{_UNIT}?(?:\s*[/;；]\s*({_NUM})\s*{_UNIT}?)?$")
# a unit, a slash or a semicolon printed in the text: each unit is or holds one of these characters (万元 its 元, 人次
# its 人), and a class of single characters is searched for in one pass (the alternation of units was tried at every
# position)
_UNIT_OR_SLASH = re.compile("[元件项个次人条家场期篇份/;；]")
_UNIT_THEN_NUMBER = re.compile(rf"({_UNIT})\s*({_NUM})")
_UNIT_FIRST = frozenset("万亿元件项个次人条家场期篇份")
_UNIT_LAST = frozenset("元件项个次人条家场期篇份")
# a row label, a space, and its one number with its unit, alone on a line (the label not itself ending in a number,
# and no sentence: no 。；，)
_LABEL_NUMBER_UNIT = re.compile(
    rf"^([^\s。；，,][^。；，,]{{0,{LABEL_MAX}}}?[^\d\s.,+\-、(（。；，])\s+((?:{_NUM}\s+)*)({_NUM})\s*{_UNIT}$"
)
# a row's numbers printed a space apart after its label, the last with spaces around its decimal point (pypdf:
# ``政府集中采购 7 4. 2``): no number ends in its point, so the point's two sides are one number
_LABEL_NUMBERS_SPACED = re.compile(
    rf"^([^\s。；，,][^。；，,]{{0,{LABEL_MAX}}}?[^\d\s.,+\-、(（。；，])\s+((?:{_NUM}\s+)*)"
    r"([+-]?\d[\d,]*(?: \.| \. |\. )\d+)$"
)


def _numbers_with_units(text: str, start: int, line: int, col: int, tabbed: bool) -> list[Token] | None:
    """The number tokens of a cell that prints units or two numbers (count/amount); None when it does not."""
    if not text or (not text[0].isdigit() and text[0] not in "+-") or not _UNIT_OR_SLASH.search(text):
        return None
    m = _WITH_UNITS.match(text)
    if not m:
        return None
    out = []
    for g in (1, 2):
        if m.group(g) is not None:
            s, e = m.start(g), m.end(g)
            out.append(token(text[s:e], start + s, start + e, line, col, tabbed, split=g == 2))
    return out


def is_value_word(word: str) -> bool:
    """Whether ``word`` (one word as printed: no spaces, normalised here) is a table cell's value: a number, with
    its unit or not, two numbers of one cell apart by a slash or a semicolon (:func:`_numbers_with_units` reads
    them), or an explicit blank (``—``, ``/``: :data:`_BLANK_MARKERS`)."""
    word = normalise(word)
    return word in _BLANK_MARKERS or _WITH_UNITS.fullmatch(word) is not None


# one cell holding one number with spaces around its decimal point (converters that space out inline runs)
_NONSPACE = re.compile(r"\S+")
_SPACED_DECIMAL = re.compile(r"[+-]?\d[\d,]*(?: \.| \. |\. )\d+")


# a row label, a space, and the two numbers of one cell apart by a slash or a semicolon (2019's 政府集中采购 count and
# amount, ``政府集中采购 1；4.904693``: pypdf, pdfplumber, pdftotext print the row on one line), each with its unit
# or not: the label, then the two numbers as :func:`_numbers_with_units` reads the cell alone
_LABEL_COUNT_AMOUNT = re.compile(
    rf"^([^\s。；，,][^。；，,]{{0,{LABEL_MAX}}}?[^\d\s.,+\-、(（。；，/;])\s+({_NUM})\s*{_UNIT}?\s*[/;；]\s*({_NUM})\s*{_UNIT}?$"
)

_AFTER_SEPARATOR = re.compile(rf"^[;；]\s*({_NUM})\s*{_UNIT}?$")


# numbers a space apart, then a row label that starts with the template's numbering (（七）, 四、, 3.) and a character
_NUMBERS_THEN_ROW = re.compile(
    rf"^(?P<nums>{_NUM}(?: {_NUM})*) +(?P<label>(?:[（(][一二三四五六七八九十]{{1,3}}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s*[\u4e00-\u9fff][^。；，]*)$"
)


def _numbers_between(text: str, lo: int, hi: int, start: int, line: int, col: int, tabbed: bool) -> list[Token]:
    """The number tokens printed a space apart in ``text[lo:hi]`` (``start`` the text's offset)."""
    return [
        token(nm.group(), start + nm.start(), start + nm.end(), line, col, tabbed, split=True)
        for nm in _NONSPACE.finditer(text, lo, hi)
    ]


# the dashes (and the slash) a line with a space may end in, an explicit blank's: then it is maybe a row printed on
# one line with single spaces, a dash among its values (``行政规范性文件 137 0 -``; the native line loop asks the same)
DASH_LAST = frozenset("".join(DASH_MARKERS))  # —–－―-/
_DASH_CLASS = "".join(re.escape(c) for c in sorted(DASH_LAST))  # a character class's body
_DASH_VALUE = "(?:" + "|".join(re.escape(m) for m in sorted(DASH_MARKERS, key=lambda m: (-len(m), m))) + ")"
_SPACE_DASH = re.compile(f" [{_DASH_CLASS}]")
# a row's label, then its values one space apart, numbers and dashes, a dash one of them at least (``规章 - 0 28``)
_LABEL_VALUES_DASHED = re.compile(
    rf"^(?P<label>(?:\d{{1,2}}[.．、])?[^\s\d+{_DASH_CLASS}][^\n]*?[^\s\d.,+{_DASH_CLASS}])"
    rf"(?P<vals>(?: +(?:{_NUM}|{_DASH_VALUE}))*? +{_DASH_VALUE}(?: +(?:{_NUM}|{_DASH_VALUE}))*) *$"
)


def _split_trailing_numbers(text: str, start: int, line: int, col: int, tabbed: bool) -> list[Token]:
    if (
        _SPACE_DASH.search(text) is not None
        and (m := _LABEL_VALUES_DASHED.match(text)) is not None
        and len(m.group("label")) <= LABEL_MAX
    ):
        # a row printed on one line with single spaces, a dash for a blank among its values (pypdf, pdfplumber,
        # PDFium's text; docling's ``-`` for a page's ``—``): its label and each value a token, the dashes explicit
        # blanks
        return [
            token(m.group("label"), start, start + m.end("label"), line, col, tabbed),
            *(
                token(v.group(), start + v.start(), start + v.end(), line, col, tabbed, split=True)
                for v in _NONSPACE.finditer(text, m.start("vals"))
            ),
        ]
    if ("；" in text or ";" in text or "/" in text) and (m := _LABEL_COUNT_AMOUNT.match(text)) is not None:
        return [
            token(m.group(1), start, start + m.end(1), line, col, tabbed),
            *(token(m.group(g), start + m.start(g), start + m.end(g), line, col, tabbed, split=True) for g in (2, 3)),
        ]
    if tabbed and text[:1] in "；;" and (m := _AFTER_SEPARATOR.match(text)) is not None:
        # the same cell cut at a grid rule between its two numbers (pymupdf4llm's layout mode: ``|1|；4.904693|``):
        # the piece after the cut is the amount, its separator before it
        return [token(m.group(1), start + m.start(1), start + m.end(1), line, col, tabbed, split=True)]
    if not text[-1:].isdigit():  # the common cells first: blank, a label, a dash, a number with its unit
        if text[:1].isdigit() and (units := _numbers_with_units(text, start, line, col, tabbed)) is not None:
            return units
        if text[-1:] in _UNIT_LAST and (m := _LABEL_NUMBER_UNIT.match(text)) is not None:
            # a row printed on one line with single spaces (pypdf, pdfplumber, lynx: ``行政事业性收费 0万元``,
            # ``政府集中采购 3 2万元``): its label, its numbers, the last with its unit as
            # :func:`_numbers_with_units` reads a cell of its own
            s, e = m.start(3), m.end(3)
            return [
                token(m.group(1), start, start + m.end(1), line, col, tabbed),
                *_numbers_between(text, m.start(2), m.end(2), start, line, col, tabbed),
                token(text[s:e], start + s, start + e, line, col, tabbed, split=True),
            ]
        if text[:1].isdigit() and (m := _NUMBERS_THEN_ROW.match(text)) is not None:
            # a row's last numbers and the next row's numbered label on one line, a space apart (PyMuPDF's sorted
            # text puts the spans of two rows on one line when they stand at one height: ``184 184 （七）总计``)
            s = m.start("label")
            return [
                *(
                    token(nm.group(), start + nm.start(), start + nm.end(), line, col, tabbed, split=True)
                    for nm in _NONSPACE.finditer(text, 0, m.end("nums"))
                ),
                token(text[s:], start + s, start + len(text), line, col, tabbed),
            ]
        return [token(text, start, start + len(text), line, col, tabbed)]
    whole = token(text, start, start + len(text), line, col, tabbed)
    if whole[IS_NUMBER]:  # a number alone: no spaces, no unit, nothing to split
        return [whole]
    if (" ." in text or ". " in text) and _SPACED_DECIMAL.fullmatch(text):
        return [token(text.replace(" ", ""), start, start + len(text), line, col, tabbed, spaced=text)]
    if (" ." in text or ". " in text) and (m := _LABEL_NUMBERS_SPACED.match(text)) is not None:
        s, e = m.start(3), m.end(3)
        return [
            token(m.group(1), start, start + m.end(1), line, col, tabbed),
            *_numbers_between(text, m.start(2), m.end(2), start, line, col, tabbed),
            token(text[s:e].replace(" ", ""), start + s, start + e, line, col, tabbed, split=True, spaced=text[s:e]),
        ]
    if text[:1].isdigit() and (units := _numbers_with_units(text, start, line, col, tabbed)) is not None:
        return units
    if text[:1] in _UNIT_FIRST and (u := _UNIT_THEN_NUMBER.fullmatch(text)) is not None:
        # the 单位 cell printed against its value cell (``条4223174``: an extractor that drops the cells' gap)
        s = u.start(2)
        return [
            token(u.group(1), start, start + u.end(1), line, col, tabbed),
            token(u.group(2), start + s, start + len(text), line, col, tabbed, split=True),
        ]
    if len(whole[COMPACT]) > LABEL_MAX:
        return [whole]
    m = _TRAILING_NUMS_RE.match(text)
    if not m or not m.group("nums").strip():
        return [whole]
    label = (m.group("label") or "").rstrip()
    nums_at = m.start("nums")
    out: list[Token] = []
    if label:
        out.append(token(label, start, start + len(label), line, col, tabbed))
    elif " " not in text.strip():
        return [whole]
    glued = bool(label) and nums_at == len(label) and not text[nums_at].isspace()
    if glued and not any(c.isspace() for c in text[nums_at:]):
        return [whole]  # one number glued to its label: the label search splits it (``Reading.find``)
    for nm in _NONSPACE.finditer(text, nums_at):
        s = start + nm.start()  # positions in ``text`` itself (the search starts at nums_at)
        out.append(token(nm.group(), s, s + len(nm.group()), line, col, tabbed, split=True, glued=glued))
        glued = False
    return out
