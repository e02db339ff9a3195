"""The numbers of one cell or line of text as tokens: a label's trailing numbers apart, units and slashes read.

Split from :mod:`parsers.tables.tokenizer`: a plain line's trailing numbers (``规章 0 0 0``), a row printed with
single spaces and dashes among its values, numbers with their units (``3件``, ``12 / 5.6万元``), a cell's number
spaced around its point.
"""

from __future__ import annotations

import re

from parsers.tables.tokens import (
    BLANK_MARKERS,
    COMPACT,
    DASH_MARKERS,
    IS_NUMBER,
    LABEL_MAX,
    TRAILING_NUMS_RE,
    Token,
    normalise,
    token,
)

_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")


def layout_cells(line: str) -> list[tuple[int, str]] | None:
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
UNIT_LAST = frozenset("元件项个次人条家场期篇份")
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
# the same number printed against its label, no space between (pymupdf4llm's layout grid: ``行政事业性收费6. 310``):
# the label's last character an ideograph
_LABEL_GLUED_SPACED = re.compile(
    rf"^([^\s。；，,][^。；，,]{{0,{LABEL_MAX}}}?[\u4e00-\u9fff])([+-]?\d[\d,]*(?: \.| \. |\. )\d+)$"
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
    them), or an explicit blank (``—``, ``/``: :data:`BLANK_MARKERS`)."""
    word = normalise(word)
    return word in BLANK_MARKERS or _WITH_UNITS.fullmatch(word) is not None


# one cell holding one number with spaces around its decimal point (converters that space out inline runs)
NONSPACE = re.compile(r"\S+")
_SPACED_DECIMAL = re.compile(r"[+-]?\d[\d,]*(?: \.| \. |\. )\d+")


# a row label, a space, and the two numbers of one cell apart by a slash or a semicolon (2019's 政府集中采购 count and
# amount, ``政府集中采购 1；4.904693``: pypdf, pdfplumber, pdftotext print the row on one line), each with its unit
# or not: the label, then the two numbers as :func:`_numbers_with_units` reads the cell alone
_LABEL_COUNT_AMOUNT = re.compile(
    rf"^([^\s。；，,][^。；，,]{{0,{LABEL_MAX}}}?[^\d\s.,+\-、(（。；，/;])\s+({_NUM})\s*{_UNIT}?\s*[/;；]\s*({_NUM})\s*{_UNIT}?$"
)

_AFTER_SEPARATOR = re.compile(rf"^[;；]\s*({_NUM})\s*{_UNIT}?$")
# the same cell's two numbers, the amount printed with a space at its decimal point (PDF text tools, pymupdf4llm's
# grid: ``0；21. 51913``), each with its unit or not
_COUNT_AMOUNT_SPACED = re.compile(rf"^({_NUM})\s*{_UNIT}?\s*[/;；]\s*([+-]?\d[\d,]*(?: \.| \. |\. )\d+)\s*{_UNIT}?$")


# numbers a space apart, then a row label that starts with the template's numbering (（七）, 四、, 3.) and a character
_NUMBERS_THEN_ROW = re.compile(
    rf"^(?P<nums>{_NUM}(?: {_NUM})*) +(?P<label>(?:[（(][一二三四五六七八九十]{{1,3}}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s*[\u4e00-\u9fff][^。；，]*)$"
)


# a row label's item number alone (``5.``), then three numbers or more a space apart: a wrapped label's number on its
# row's line of values, the label's words on the lines below (markitdown's narrow label column). Three at least: a
# spaced decimal (``5. 16``) is read by ``_SPACED_DECIMAL`` first, and a table row has three values or more
_ITEM_THEN_NUMBERS = re.compile(rf"(\d{{1,2}}[.．])((?:\s+{_NUM}){{3,}})\s*")


def _numbers_between(text: str, lo: int, hi: int, start: int, line: int, col: int, tabbed: bool) -> list[Token]:
    """The number tokens printed a space apart in ``text[lo:hi]`` (``start`` the text's offset)."""
    return [
        token(nm.group(), start + nm.start(), start + nm.end(), line, col, tabbed, split=True)
        for nm in NONSPACE.finditer(text, lo, hi)
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


# a row's values alone on their line, one space apart, a dash among them after its first number (``75 — —``,
# ``0 - 3``: pdfplumber's and markitdown's line between a wrapped label's two lines, ``行政规范性文`` / ``75 — —`` /
# ``件``)
_VALUES_DASHED = re.compile(rf"^{_NUM}(?: +(?:{_NUM}|{_DASH_VALUE}))* +{_DASH_VALUE}(?: +(?:{_NUM}|{_DASH_VALUE}))*$")


def split_trailing_numbers(text: str, start: int, line: int, col: int, tabbed: bool) -> list[Token]:
    dashed = _SPACE_DASH.search(text) is not None  # asked once: the two readings of a dash among values ask it
    if dashed and text[:1].isdigit() and _VALUES_DASHED.match(text) is not None:
        # a row's values printed on a line of their own, a dash for a blank among them: each value a token, the
        # dashes explicit blanks (read whole, the line was one token and no value: the row's label, wrapped around
        # it, was not found)
        return [
            token(v.group(), start + v.start(), start + v.end(), line, col, tabbed, split=True)
            for v in NONSPACE.finditer(text)
        ]
    if dashed and (m := _LABEL_VALUES_DASHED.match(text)) is not None and len(m.group("label")) <= LABEL_MAX:
        # a row printed on one line with single spaces, a dash for a blank among its values (pypdf, pdfplumber,
        # PDFium's text; docling's ``-`` for a page's ``—``): its label and each value a token, the dashes explicit
        # blanks
        return [
            token(m.group("label"), start, start + m.end("label"), line, col, tabbed),
            *(
                token(v.group(), start + v.start(), start + v.end(), line, col, tabbed, split=True)
                for v in NONSPACE.finditer(text, m.start("vals"))
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
        if text[-1:] in UNIT_LAST and (m := _LABEL_NUMBER_UNIT.match(text)) is not None:
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
                    for nm in NONSPACE.finditer(text, 0, m.end("nums"))
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
    if (" ." in text or ". " in text) and (m := _LABEL_GLUED_SPACED.match(text)) is not None:
        s, e = m.start(2), m.end(2)
        printed = text[s:e]
        number = printed.replace(" ", "")
        return [
            token(m.group(1), start, start + m.end(1), line, col, tabbed),
            token(number, start + s, start + e, line, col, tabbed, split=True, glued=True, spaced=printed),
        ]
    if (" ." in text or ". " in text) and text[:1].isdigit() and (m := _COUNT_AMOUNT_SPACED.match(text)) is not None:
        # 政府集中采购's count and amount in one cell, the amount spaced at its point (``0；21. 51913``): the two
        # numbers as :func:`_numbers_with_units` reads them, the amount read whole (``spaced_number``, said)
        s, e = m.start(2), m.end(2)
        printed = text[s:e]
        return [
            token(m.group(1), start + m.start(1), start + m.end(1), line, col, tabbed),
            token(printed.replace(" ", ""), start + s, start + e, line, col, tabbed, split=True, spaced=printed),
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
    m = TRAILING_NUMS_RE.match(text)
    if not m and ". " in text[1:4] and (item := _ITEM_THEN_NUMBERS.fullmatch(text)) is not None:
        # a wrapped row label's item number alone on its row's line of values (``5. 0 0 0 0 16 0 16``: markitdown's
        # narrow label column, the label's words on the lines below): the number a label, each value a token
        return [
            token(item.group(1), start, start + item.end(1), line, col, tabbed),
            *_numbers_between(text, item.end(1), len(text), start, line, col, tabbed),
        ]
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
    for nm in NONSPACE.finditer(text, nums_at):
        s = start + nm.start()  # positions in ``text`` itself (the search starts at nums_at)
        out.append(token(nm.group(), s, s + len(nm.group()), line, col, tabbed, split=True, glued=glued))
        glued = False
    return out
