"""OCR's readings of digits as letters and of a table's rules as characters, read back on one line of text.

Split from :mod:`parsers.tables.tokenizer`, which asks :func:`ocr_digits` of each line that prints a confusable
letter: a line's text with the confusions read as digits (or rules as spaces), and the spans it changed.
"""

from __future__ import annotations

import re

from parsers.tables.token_numbers import NONSPACE
from parsers.tables.tokens import NUMBER_RE

NO_FIXES: list[tuple[int, int]] = []  # never appended to (the fixes of a line are new lists)

# OCR's confusions of digits with letters: read as digits only inside words that are otherwise digits
CONFUSABLE_CHARS = "OoDQIil|!SsBZz〇θΘøØ"
_CONFUSABLE = re.compile(f"[{re.escape(CONFUSABLE_CHARS)}]")
DIGIT = re.compile(r"\d")
OCR_MAP = str.maketrans(
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
# (``NONSPACE``, found in one pass) that is such a word (a search with the spaces' lookbehind tried it at every
# position of the line)
_OCR_WORD = re.compile(r"[{}]?[0-9OoDQIil|!SsBZz〇θΘøØ][0-9OoDQIil|!SsBZz〇θΘøØ,.]*[{}]?")
_LONE_CONFUSABLE = re.compile(r"[OoIil〇θΘøØ]{1,2}")
# a row label, then three or more cells of one or two confusable letters and nothing else (a row of zeros OCR read
# as ``O O O O O O O``, printed with single spaces), or a line of five such cells or more by itself (table 四's
# label-less data row): its cells are numbers like those of a line that has real numbers
LETTER_ROW = re.compile(
    r"[\u4e00-\u9fff）)”」』](?:[ \t]+[OoIil〇θΘøØ]{1,2}){3,}[ \t]*$"
    r"|^[ \t]*[OoIil〇θΘøØ]{1,2}(?:[ \t]+[OoIil〇θΘøØ]{1,2}){4,}[ \t]*$"
)
CONFUSABLE_WORD = re.compile(r"[OoIl|SB〇θΘøØ]{1,4}")
CONFUSABLE_FIRST_CHARS = tuple("OoIl|SB〇θΘøØ")  # the characters such a word starts with (a quick test first)
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


def rule_mark(line: str) -> bool:
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
    if not rule_mark(line) and not line.rstrip().endswith((" |", " ]")):
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
LONE_BAR = re.compile(r"(?<!\S)\|(?!\S)")
RULED_TEXT_BARS = 3  # lone bars that make a text one printing its tables' rules

# a full stop alone between two numbers: a 0 OCR-service models read as 。 (an empty-looking ring)
LONE_STOP = re.compile(r"(?<=\d)([ \t]+)。(?=[ \t]+[+-]?\d)")


def lone_stops(line: str, m: re.Match[str], fixes: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Each ``。`` alone between two numbers read as 0 (the token keeps the printed ``。`` as its ``ocr_raw``)."""
    out = list(line)
    fixes = list(fixes)
    found: re.Match[str] | None = m
    while found is not None:
        at = found.end(1)
        out[at] = "0"
        fixes.append((at, at + 1))
        found = LONE_STOP.search(line, at + 1)
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
    for m in NONSPACE.finditer(line):
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
        if core != word and DIGIT.search(core):
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
        mixed = DIGIT.search(word) and _CONFUSABLE.search(word) and word[0] not in ",." and word[-1] not in ",."
        lone = _LONE_CONFUSABLE.fullmatch(word) is not None
        if lone and has_numbers is None:
            has_numbers = bool(_REAL_NUMBER.search(line) or LETTER_ROW.search(line))
        lone = lone and bool(has_numbers)
        if mixed or lone:
            fixed = word.translate(OCR_MAP)
            if NUMBER_RE.fullmatch(fixed):
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
PUNCT_ROW = re.compile(r"\d+(?:[/;:)}\]|!(\[{,]{1,2}\d+){4,}")
_PUNCT_RULE = re.compile(r"[/;:)}\]|!(\[{,]{1,2}")


def punctuated_row(line: str, m: re.Match[str]) -> tuple[str, list[tuple[int, int]]]:
    """The rule marks of such a row read as spaces; a lone ``,`` before three digits is a thousands separator,
    and the line is then left as printed (which it is is open). The fix spans the whole row (its cells warn)."""
    if any(
        r.group() == ","
        and len(line) - r.end() >= 3
        and line[r.end() : r.end() + 3].isdigit()
        and not line[r.end() + 3 : r.end() + 4].isdigit()
        for r in _PUNCT_RULE.finditer(line)
    ):
        return line, NO_FIXES
    return _PUNCT_RULE.sub(lambda r: " " * len(r.group()), line), [(m.start(), m.end())]
