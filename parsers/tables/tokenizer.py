"""The tokenizer: the extracted text's lines cut into :mod:`parsers.tables.tokens`' tokens, each with its offsets.

Split from :mod:`parsers.tables.tokens` (the token and its fields). A TAB line's cells, a plain line whole or its
trailing numbers apart (:mod:`parsers.tables.token_numbers`), OCR's letters read as digits where a word is
otherwise digits (:mod:`parsers.tables.ocr_digits`); the line loop in C (``_tokens.c``) where the native build
holds it.
"""

from __future__ import annotations

import functools
import re
from typing import Any, cast

from parsers.tables.ocr_digits import (
    CONFUSABLE_CHARS,
    CONFUSABLE_FIRST_CHARS,
    CONFUSABLE_WORD,
    DIGIT,
    LETTER_ROW,
    LONE_BAR,
    LONE_STOP,
    NO_FIXES,
    OCR_MAP,
    PUNCT_ROW,
    RULED_TEXT_BARS,
    lone_stops,
    ocr_digits,
    punctuated_row,
    rule_mark,
)
from parsers.tables.token_numbers import DASH_LAST, UNIT_LAST, layout_cells, split_trailing_numbers
from parsers.tables.tokens import (
    COL,
    DERIVED,
    END,
    IS_LABELISH,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    blank_cell,
    derived_fields,
    normalise,
    token,
    with_ocr_raw,
)

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
    present = NATIVE.present(norm, CONFUSABLE_CHARS)  # one pass over the text
    ruled, nbsp_lines = _text_facts(text, norm, present)
    tokens: list[Token] = []
    mixed_lines: list[tuple[int, int]] = []
    line_fn = functools.partial(_tokenize_text_line, present, ruled, mixed_lines)
    NATIVE.tokenize(
        norm, tokens, "".join(present), nbsp_lines, DERIVED, derived_fields, split_trailing_numbers, line_fn
    )
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
    ruled = bool(present) and norm.count("|") >= RULED_TEXT_BARS and len(LONE_BAR.findall(norm)) >= RULED_TEXT_BARS
    # lines that print no-break spaces alone: the blank cells of a Word table (``<td><p>&nbsp;</p></td>``) as
    # extractors that print a cell a line print them (docx2txt, BeautifulSoup, PyMuPDF): blank cells in place
    nbsp_lines = _nbsp_lines(text) if "\xa0" in text else _NO_LINES
    return ruled, nbsp_lines


def tokenize_by_python(text: str, norm: str | None = None) -> list[Token]:
    """Tokens of ``text`` (see :func:`tokenize`), the line loop in Python."""
    norm = normalise(text) if norm is None else norm
    # the confusable letters the text prints, each looked for in C: a line is asked only about those (a regex
    # scan of every line tried its class at each character)
    present = [c for c in CONFUSABLE_CHARS if c in norm]
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
    fixes: list[tuple[int, int]] = NO_FIXES
    printed = line
    mixed = False  # the line prints a confusable letter (``_CONFUSABLE.search(line)``)
    for c in present:
        if c in line:
            mixed = True
            break
    if mixed and (DIGIT.search(line) or rule_mark(line) or LETTER_ROW.search(line)):
        line, fixes = ocr_digits(line, ruled=ruled)
    elif line[:1].isdigit() and " " not in line and (punct := PUNCT_ROW.fullmatch(line)) is not None:
        line, fixes = punctuated_row(line, punct)
    if (" 。" in line or "\t。" in line) and (stop := LONE_STOP.search(line)):
        line, fixes = lone_stops(line, stop, fixes)
    first = len(tokens)
    if "\t" in line:  # a TAB row (the tables of HTML, DOCX, XLSX and ruled PDF pages)
        _tokenize_tabbed(tokens, line, pos, lineno)
    elif (
        "  " not in line
        and not line[-1].isdigit()
        and not ((head := line.lstrip()[:1]).isdigit() or head in "+-")
        and (line[-1] not in UNIT_LAST or " " not in line)
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
        if (t := tokens[k])[TEXT].startswith(CONFUSABLE_FIRST_CHARS)
        and 0 < k < len(tokens) - 1
        and len(t[TEXT]) <= 4
        and not t[IS_VALUE]
        and CONFUSABLE_WORD.fullmatch(t[TEXT])
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
            or (not tokens[j][IS_VALUE] and CONFUSABLE_WORD.fullmatch(tokens[j][TEXT]))
        ):
            if CONFUSABLE_WORD.fullmatch(tokens[j][TEXT]):
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
                fixed = tok[TEXT].translate(OCR_MAP)
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


def _tokenize_line(tokens: list[Token], line: str, pos: int, lineno: int) -> None:
    tabbed = "\t" in line
    if tabbed:
        _tokenize_tabbed(tokens, line, pos, lineno)
        return
    if cells := layout_cells(line):
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
    derived_of = DERIVED.get
    cell_start = pos
    col = -1
    for cell in line.split("\t"):
        col += 1
        if not cell:  # a blank cell is a real (blank) cell, at the cell's end
            append(
                cast(
                    Token,
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
                    ),
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
                    derived = derived_fields(text)
                if not derived[1] or not text[-1].isdigit():  # not a number alone: a label with numbers, …
                    tokens.extend(split_trailing_numbers(text, start, lineno, col, True))
                    cell_start += n + 1
                    continue
            else:
                derived = derived_of(text)
                if derived is None:
                    derived = derived_fields(text)
            append(cast(Token, (text, start, start + len(text), lineno, col, True, False, None, False, None) + derived))  # noqa: RUF005
        else:
            end = cell_start + n
            append(
                cast(Token, ("", end, end, lineno, col, True, False, None, False, None, "", False, False, False, False))
            )
        cell_start += n + 1


def _add_cell(tokens: list[Token], text: str, start: int, line: int, col: int, tabbed: bool) -> None:
    """The tokens of one cell (``text`` stripped, not empty): the common cells whole (a label, a dash, a number:
    what :func:`split_trailing_numbers` makes of them, without its list), the rest split by it."""
    ends_in_digit = text[-1].isdigit()
    if not ends_in_digit and not text[0].isdigit():
        if text[-1] in UNIT_LAST and " " in text:
            tokens.extend(split_trailing_numbers(text, start, line, col, tabbed))  # a label, its number and unit?
            return
        if text[-1] in DASH_LAST and " " in text:
            tokens.extend(split_trailing_numbers(text, start, line, col, tabbed))  # a label, its values, a dash?
            return
        tokens.append(token(text, start, start + len(text), line, col, tabbed))
    elif ends_in_digit and (whole := token(text, start, start + len(text), line, col, tabbed))[IS_NUMBER]:
        tokens.append(whole)
    else:
        tokens.extend(split_trailing_numbers(text, start, line, col, tabbed))
