"""Pieces of one cell that a one-string-per-line extractor put on lines of their own, joined again.

HTML → text the simple way (BeautifulSoup's ``get_text("\\n")``, and every tool that prints each text node on a
line) cuts a cell wherever the page changed style inside it. Government CMSs set digits in another font than the
Chinese around them (``<span style="font-family:Times New Roman">``), so a styled number comes out in pieces:

- a decimal split at its point: ``2772661`` / ``.`` / ``517`` (each digit group and the point in their own span);
- a label's numbering on a line of its own: ``1`` / ``.属于已主动公开范围数``, or ``1`` / ``.`` / ``属于…``;
- a number inside a label's parenthesis on a line of its own: ``（一）主动公开政府信息数（…相同信息计`` / ``1`` /
  ``条）``, which a reader would otherwise take as the row's value.

Both are joined back (``decimal_joined``, ``numbering_joined``, ``label_number_joined``: warnings naming the joins),
and only in the shape named: a line that is a point alone between two lines of digits; a line of one to three digits
between a line whose full-width parenthesis is still open and a line that closes it; a number of one or two digits
alone before a line that starts with ``.``, ``．`` or ``、`` and a Chinese character, never 0 (no numbering is 0: a
0 between two lines of a label is a cell poppler printed inside the label, ``缴纳费用`` / ``0`` / ``、行政机关…``).
Markdown writers' backslash escapes of punctuation (``2772661\\.517``: mammoth escapes every point) are read as the
character they escape.
"""

from __future__ import annotations

import re

_DECIMAL = re.compile(r"(?<=\d)\n[ \t]*\.[ \t]*\n[ \t]*(?=\d)")
_LABEL_NUMBER = re.compile(r"\n[ \t]*\d{1,3}[ \t]*\n(?=[ \t]*[\u4e00-\u9fff][^\n（(]{0,12}[）)])")
_NUMBERING = re.compile(r"(?<=\n)[ \t]*(?!0)\d{1,2}[ \t]*(\n)[ \t]*[.．、][ \t]*(\n)?(?=[ \t]*[\u4e00-\u9fff])")
# a group's numbering printed a glyph a line, ``(`` / ``一`` / ``)予以公开`` (pypdfium2's page text of a narrow
# label cell): the bracket, its numeral and the closing bracket's line are one label
_BRACKET_NUMERAL = re.compile(r"(?<=\n)[ \t]*[(（][ \t]*(\n)[ \t]*[一二三四五六七八九十][ \t]*(\n)(?=[ \t]*[)）])")
_OPEN_PAREN_LINE = re.compile(r"[（(][^）)\n]*$")
# the template's notes in a label's parenthesis that hold no number (table 三's （二）部分公开, SCHEMA.md): a number on
# a line of its own between two pieces of such a note is no part of it but a cell a reading-order extractor
# (poppler's default mode) printed inside the label it wrapped (``（区分处理的，只计这`` / ``0`` / ``一情形，…）``)
_NOTES_WITHOUT_NUMBER = ("区分处理的,只计这一情形,不计其他情形",)


def _splits_a_note(before: str, after: str) -> bool:
    """The text before the number (after the open parenthesis) and after it (up to the closing one) are one of
    :data:`_NOTES_WITHOUT_NUMBER` without the number."""
    close = min((i for i in (after.find("）"), after.find(")")) if i >= 0), default=len(after))
    note = "".join((before + after[:close]).split()).replace("，", ",")
    return bool(note) and any(note in known for known in _NOTES_WITHOUT_NUMBER)


# Markdown's backslash escapes of ASCII punctuation, except ``\|`` (a pipe row's escaped bar: a pipe cell reader's)
_ESCAPE = re.compile(r"\\(?=[.\-+*_#()\[\]!<>`~{}])")


def join_pieces(text: str) -> tuple[str, list[int], list[int], list[tuple[str, str]]] | None:
    """The text with the pieces joined and the escapes read, its anchors ``(text, canon, orig)`` and a warning
    ``(code, message)`` per kind of join made; None when the text has none of them."""
    cuts: list[tuple[int, int]] = []
    notes: list[tuple[str, str]] = []
    if "\n." in text:
        found = [(m.start(), m.end()) for m in _DECIMAL.finditer(text)]
        if found:
            for s, e in found:  # the line breaks (and spaces) around the point dropped
                point = text.index(".", s, e)
                cuts += [(s, point), (point + 1, e)]
            shown = ", ".join(_around(text, s, e) for s, e in found[:3])
            notes.append(
                ("decimal_joined", f"{len(found)} number(s) split at the point over three lines joined: {shown}")
            )
    if "\n." in text or "\n．" in text or "\n、" in text:
        numbering = list(_NUMBERING.finditer(text))
        if numbering:
            cuts += [(m.start(g), m.end(g)) for m in numbering for g in (1, 2) if m.group(g)]
            shown = ", ".join(_around(text, m.start(), m.end()) for m in numbering[:3])
            notes.append(("numbering_joined", f"{len(numbering)} label numbering(s) on a line of their own joined to "
                          f"the label after: {shown}"))  # fmt: skip
    joined = []
    for m in _LABEL_NUMBER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        opened = _OPEN_PAREN_LINE.search(text, line_start, m.start())
        line_end = text.find("\n", m.end())
        after = text[m.end() : line_end if line_end >= 0 else len(text)]
        if opened and not _splits_a_note(opened.group()[1:], after):
            joined.append((m.start(), m.end()))
    if joined:
        for s, e in joined:
            cuts.append((s, s + 1))
            cuts.append((e - 1, e))
        shown = ", ".join(_around(text, s, e) for s, e in joined[:3])
        notes.append(("label_number_joined", f"{len(joined)} number(s) on a line of their own inside a label's "
                      f"parenthesis joined to the label: {shown}"))  # fmt: skip
    brackets = list(_BRACKET_NUMERAL.finditer(text)) if "\n(" in text or "\n（" in text else []
    if brackets:
        cuts += [(m.start(g), m.end(g)) for m in brackets for g in (1, 2)]
        shown = ", ".join(_around(text, m.start(), m.end() + 1) for m in brackets[:3])
        notes.append(("numbering_joined", f"{len(brackets)} bracketed numbering(s) printed a glyph a line joined: "
                      f"{shown}"))  # fmt: skip
    if "\\" in text:
        cuts += [(m.start(), m.start() + 1) for m in _ESCAPE.finditer(text)]
    if not cuts:
        return None
    cuts.sort()
    parts: list[str] = []
    canon: list[int] = []
    orig: list[int] = []
    at = length = 0
    for start, end in cuts:
        if start < at:
            start = at
        if start >= end:
            continue
        if start > at:
            canon.append(length)
            orig.append(at)
            parts.append(text[at:start])
            length += start - at
        at = end
    if at < len(text):
        canon.append(length)
        orig.append(at)
        parts.append(text[at:])
    return "".join(parts), canon, orig, notes


def _around(text: str, start: int, end: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return repr(text[lo : hi if hi >= 0 else len(text)])
