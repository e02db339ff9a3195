"""Matching a printed row label to a template row by meaning, when no pattern recognises it.

Real labels carry typos (``其他法律行政止公开``), OCR's wrong characters (``属于三类内部亊务信怠``) and
dropped words. A label is compared with the template's wording on its distinctive characters: the numbering
(``（三）``, ``5.``) and the words every row shares (政府信息公开, 申请) are set aside, and what remains is
compared by edit distance; an equal numbering adds weight. The caller restricts candidates to where the
template's order puts the row, and a label matches one template row at most.
"""

from __future__ import annotations

import functools
import re

from parsers.tables.tokens import normalise

# numbering prefixes: 一、 （三） (3) 5. 5、 — possibly several (（三）5.)
_NUMBERING = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、．]|\d\s*(?=[\u4e00-\u9fff]))"
)  # the last: a digit whose dot OCR dropped (``3 要求提供…``)
# a numbering OCR misread (（七） → ``Ce)``, （二） → ``(=)``, （八） → ``〈八)``): set aside like a numbering
_GARBLED_NUMBERING = re.compile(r"^[(（〈<]?[^\s()（）]{1,2}[)）]")
_BOILERPLATE = re.compile(r"政府信息公开|政府信息|信息公开")
_PUNCT = re.compile(r"[\s,，、.。:：;；“”\"'‘’()（）\[\]【】<>《》/\\_*#|-]")

FUZZY_MIN = 0.6  # similarity under which a label is not taken for a template row
PREFIX_MIN = 3  # a label's start (a wrapped label's first line) is compared from this many characters on
PREFIX_PENALTY = 0.25  # … and scores this much less than the whole label would


def numbering(label: str) -> str | None:
    """The innermost number a label is printed with (``5`` for ``（三）5.属于…``), if any."""
    text = normalise(label).strip()
    last = None
    while m := _NUMBERING.match(text):
        last = re.sub(r"[()（）、.．]", "", m.group())
        text = text[m.end() :].lstrip()
    return last


# characters OCR splits into their components (行 → 彳亍) or reads as a look-alike: compared as the same
_OCR_LOOKALIKE = str.maketrans({"攻": "政", "亊": "事", "怠": "息", "己": "已", "曰": "日", "戍": "成", "叮": "可"})
_OCR_SPLIT = (("彳亍", "行"), ("讠青", "请"), ("亻言", "信"))


# a note the template prints in brackets after a row's wording (``（不同渠道和方式公开相同信息计1条）``)
_NOTE = re.compile(r"(?<=[^\s(（])[(（][^()（）]{4,}[)）]")


@functools.lru_cache(maxsize=4096)
def distinctive(label: str, *, notes: bool = True) -> str:
    """The label's wording without numbering, shared words and punctuation (OCR look-alikes unified); without
    its bracketed notes too when ``notes`` is false."""
    text = normalise(label).strip()
    if not notes:
        text = _NOTE.sub("", text)
    for parts, whole in _OCR_SPLIT:
        text = text.replace(parts, whole)
    text = text.translate(_OCR_LOOKALIKE)
    while m := _NUMBERING.match(text):
        text = text[m.end() :].lstrip()
    if m := _GARBLED_NUMBERING.match(text):
        text = text[m.end() :].lstrip()
    text = _BOILERPLATE.sub("", text)
    return _PUNCT.sub("", text)


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similarity(printed: str, template: str) -> float:
    """0..1: how close a printed label is to a template label (1: same distinctive characters)."""
    a, b = distinctive(printed), distinctive(template)
    if not a or not b:
        return 0.0
    score = 1 - distance(a, b) / max(len(a), len(b))
    if (bare := distinctive(printed, notes=False)) != a and bare and distinctive(template, notes=False) == b:
        # the printed label carries the template's bracketed note, the template's wording here does not
        score = max(score, 1 - distance(bare, b) / max(len(bare), len(b)))
    if PREFIX_MIN <= len(a) < len(b):
        # the first line of a label wrapped in a narrow column, the rest lost (OCR, a page break): compared with
        # the template label's start, less a fixed amount for what is missing
        score = max(score, 1 - distance(a, b[: len(a)]) / len(a) - PREFIX_PENALTY)
    na, nb = numbering(printed), numbering(template)
    if na is not None and nb is not None:
        score += 0.1 if na == nb else -0.1
        if {level(printed), level(template)} == {"group", "item"}:
            score -= LEVEL_PENALTY
    return score


# the template numbers table 三's groups （一）…（七） and the rows inside a group 1. 2. …: a label printed with a
# group's numbering is never an item row (``（六）其他`` is the heading （六）其他处理 OCR cut short, not ``3.其他``)
LEVEL_PENALTY = 0.5
_GROUP_NUMBER = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")


def level(label: str) -> str | None:
    """``group`` when a label's innermost numbering is a group's (``（六）``), ``item`` when it is a row's inside a
    group (``3.``), None otherwise (``一、``, ``(3)``, no numbering)."""
    text = normalise(label).strip()
    last = None
    while m := _NUMBERING.match(text):
        last = m.group()
        text = text[m.end() :].lstrip()
    if last is None:
        return None
    if _GROUP_NUMBER.match(last):
        return "group"
    return "item" if last[0].isdigit() else None
