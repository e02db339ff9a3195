"""pandoc's Markdown writer prints an em dash as ``---`` (its ``smart`` extension: ``---`` is read back as an em
dash, so an em dash is written so): a table cell that holds a dash (a report's placeholder for a blank cell,
``行政强制   ---   0   0``) prints three hyphens, which no reader takes for a dash. Read back here, before the text
is read: ``---`` standing alone between spaces (or no-break spaces: a Word table's padded cells) on a line that
prints a CJK character or a digit becomes ``—`` and two spaces, the text's length and every offset kept. A line
of dashes and spaces alone is a table's ruler, and a line with a ``|`` or a ``+`` a pipe or grid table's rule or
row (its ``| --- |`` rule cells): those are left as they are."""

from __future__ import annotations

import re

_EM_DASH = re.compile(r"(?<=[ \xa0])---(?=[ \xa0]|$)", re.M)
_PRINTS = re.compile(r"[\u4e00-\u9fff\d]")


def em_dashes(text: str) -> str | None:
    """``text`` with pandoc's ``---`` cells read back as em dashes (see the module's docstring); None when it
    prints none."""
    if " ---" not in text and "\xa0---" not in text:
        return None
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if "---" not in line or "|" in line or "+" in line or not _PRINTS.search(line):
            continue
        new = _EM_DASH.sub("—  ", line)
        if new != line:
            lines[k], changed = new, True
    return "\n".join(lines) if changed else None
