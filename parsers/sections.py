"""The report's six sections (一、总体情况 … 六、其他需要报告的事项), found by their headings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.model import Section, Warning_
from parsers.tables.tokens import normalise

NUMERALS = "一二三四五六"
# What each numbered heading says in the 2021/2019 templates and in the legacy reports.
KEYWORDS = {
    1: r"总体情况|概述|基本情况|总体",
    2: r"主动公开",
    3: r"收到和处理|依申请公开|申请情况",
    4: r"行政复议|行政诉讼",
    5: r"问题|改进",
    6: r"其他需要报告|其他事项|其他需要",
}
TITLES = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
_HEADING = re.compile(
    r"^(?:\s|[#*>\[]|\|(?=\s))*(?P<num>[一二三四五六])\s*[、.]\s*\**"
    r"(?P<title>[^\t\n|]{2,40}?)\**(?:\]\{[^{}\n]*\})?\**\s*(?:\|\s*)?$"
)
# the same, line by line through the whole text in one search (its spaces never cross a line's end)
# (a line of a page's layout frame, ``| 一、总体情况 |``, as pandoc's grid and plain writers print it, is one too, and
# so is a heading in a bracketed span, ``**[一、总体情况]{style="…"}**``, as pandoc's Markdown keeps a styled one)
_HEADINGS = re.compile(
    r"^(?:[^\S\n]|[#*>\[]|\|(?=[^\S\n]))*(?P<num>[一二三四五六])[^\S\n]*[、.][^\S\n]*\**"
    r"(?P<title>[^\t\n|]{2,40}?)\**(?:\]\{[^{}\n]*\})?\**[^\S\n]*(?:\|[^\S\n]*)?$",
    re.MULTILINE,
)

# a bracketed span's closing bracket and attributes (cut at the line's end by a frame too)
_SPAN_ATTRS = re.compile(r"\]\{[^{}\n]*(?:\}|$)")


def read_sections(text: str, expected: int = 6, norm: str | None = None) -> tuple[list[Section], list[Warning_]]:
    norm = normalise(text) if norm is None else norm
    heads: list[tuple[int, int, int, str]] = []  # number, start, end of heading line, heading
    last = 0
    for m in _heading_lines(norm):  # each line that is a heading (``_HEADING`` matched line by line)
        pos, end = m.start(), m.end()  # the match runs to the line's end
        line = norm[pos:end]
        if "\t" not in line.strip():
            num = NUMERALS.index(m.group("num")) + 1
            if num > last and re.search(KEYWORDS[num], m.group("title")):
                heading = _SPAN_ATTRS.sub("", text[pos:end].strip()).strip("#*>|[ ")
                heads.append((num, pos, end, heading.strip()))
                last = num
    sections: list[Section] = []
    for k, (num, start, end, heading) in enumerate(heads):
        stop = heads[k + 1][1] if k + 1 < len(heads) else len(text)
        sections.append(Section(num, heading.strip("*"), text[end:stop].strip(), start))
    found = {s.number for s in sections}
    warnings = [
        Warning_("missing_section", f"section {NUMERALS[n - 1]}、{TITLES[n]} has no heading in the text")
        for n in range(1, expected + 1)
        if n not in found
    ]
    return sections, warnings


# what every heading prints at its line's start (after spaces and Markdown marks): a numeral of 一…六 then 、 or .
# (spaces between); found from the newline before the line, a literal the regex engine skips to in C
_LINE_NUMERAL_MARK = re.compile(r"\n(?:[^\S\n]|[#*>\[]|\|(?=[^\S\n]))*[一二三四五六][^\S\n]*[、.]")


def _heading_lines(norm: str) -> Iterator[re.Match[str]]:
    """``_HEADINGS.finditer(norm)``: each line that starts as a heading does (a numeral and its mark after spaces
    and Markdown marks: the beginning of ``_HEADINGS``) is matched alone, from the line's start (a heading lies on
    one line: a regex tried at every position of the text cost more than the rest of the sections' reading)."""
    if (m := _HEADINGS.match(norm)) is not None:  # the first line (no newline before it)
        yield m
    for hit in _LINE_NUMERAL_MARK.finditer(norm):
        m = _HEADINGS.match(norm, hit.start() + 1)
        if m is not None:
            yield m
