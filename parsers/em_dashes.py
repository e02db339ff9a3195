"""pandoc's Markdown writer prints an em dash as ``---`` (its ``smart`` extension: ``---`` is read back as an em
dash, so an em dash is written so): a table cell that holds a dash (a report's placeholder for a blank cell,
``行政强制   ---   0   0``) prints three hyphens, which no reader takes for a dash. Read back here, before the text
is read: ``---`` standing alone between spaces (or no-break spaces: a Word table's padded cells) on a line that
prints a CJK character or a digit becomes ``—`` and two spaces, the text's length and every offset kept. A line
of dashes and spaces alone is a table's ruler, and a line with a ``+`` a grid table's rule or row: those are left as
they are. A pipe table's row (pandoc's org-mode and CommonMark writers print ``---`` for an em dash too:
``| 规章 | 0 | --- | 1 |``) has its ``---`` cells after its label read back (the cells after the line's first CJK
character); its ``|---|---|`` rule prints none and is left as it is, and so is a ``| --- |`` cell before a label."""

from __future__ import annotations

import re

_EM_DASH = re.compile(r"(?<=[ \xa0])---(?=[ \xa0]|$)", re.M)
_EM_DASH_CELL = re.compile(r"(?<=\|)([ \xa0]*)---(?=[ \xa0]*\|)")  # a pipe row's cell that holds --- alone
_PRINTS = re.compile(r"[\u4e00-\u9fff\d]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def em_dashes(text: str) -> str | None:
    """``text`` with pandoc's ``---`` cells read back as em dashes (see the module's docstring); None when it
    prints none."""
    if " ---" not in text and "\xa0---" not in text:
        return None
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if "---" not in line or "+" in line or not _PRINTS.search(line):
            continue
        new = _row_dash_cells(line) if "|" in line else _EM_DASH.sub("—  ", line)
        if new != line:
            lines[k], changed = new, True
    return "\n".join(lines) if changed else None


def _row_dash_cells(line: str) -> str:
    """A pipe row's ``---`` cells after its first CJK character (its label) as em dashes, offsets kept."""
    first = _CJK.search(line)
    if first is None:
        return line
    at = first.start()
    return line[:at] + _EM_DASH_CELL.sub(r"\1—  ", line[at:])
