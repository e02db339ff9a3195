"""Tables drawn with rules (``w3m -dump``'s box characters, grid tables' ``+---+`` and ``|``) → TAB rows.

Text browsers and some converters print an HTML or Word table as a drawing: every cell boxed, its borders drawn
with ``│ ─ ┼ ├ ┤ ┌ ┐ └ ┘ ┬ ┴`` (w3m; heavy and double forms too) or with ASCII (``+---+---+`` rules, ``|`` between
cells: pandoc's and Emacs' grid tables, many ``text`` exports). A cell too narrow for its text wraps onto the
lines below, inside the same box, and a row's numbers may stand on its first, a middle or its last line. Cells
merged over several rows (a rowspan) keep their column open across the rules between those rows, and their text
is centred: part of it may stand on a rule line (``│       │不予公├────…``).

The reading: a drawn block is the run of lines that start with a border. Its rows are the lines between two rules;
the lines of one row that split into as many cells are joined cell by cell (a wrapped cell's lines read as one);
each row becomes one TAB line, and the block ends with a blank line as the TAB convention's tables do. Text that a
rule line carries (a merged cell's middle line) goes to the cell that starts at the same column in the next row.
The rules themselves are dropped. Every piece of text keeps its offset in the drawing.
"""

from __future__ import annotations

import re
import unicodedata

from parsers.markup_spans import strip_spans
from parsers.offset_text import OffsetText

_BOX_V = "│┃║"
_BOX_H = "─━═"
_BOX_J = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫┝┥┯┷┿┠┨┰┸╂"
_BOX_LINE = re.compile(rf"^[ \t]*[{_BOX_V}{_BOX_J}]")
_BOX_RULE = re.compile(rf"[{_BOX_J}{_BOX_V}][{_BOX_H}]{{2}}|[{_BOX_H}]{{2}}[{_BOX_J}{_BOX_V}]")
_ASCII_RULE = re.compile(r"^[ \t]*\+(?:[-=:]{3,}\+)+[ \t]*$")
_ASCII_LINE = re.compile(r"^[ \t]*[|+]")
MIN_RULES = 2  # rule lines for a text to hold a drawn table


def redraw(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with its drawn tables as TAB rows, and its anchors ``(text, canon, orig)``; None when it holds no
    drawn table (fewer than :data:`MIN_RULES` rule lines)."""
    box = "\u2502" in text and len(_BOX_RULE.findall(text, 0, 400_000)) >= MIN_RULES
    ascii_ = not box and "+-" in text and sum(1 for _ in _ascii_rules(text)) >= MIN_RULES
    if not (box or ascii_):
        return None
    vertical, horizontal, junction = (_BOX_V, _BOX_H, _BOX_J) if box else ("|", "-=", "+")
    starts = _BOX_LINE if box else _ASCII_LINE
    out = OffsetText()
    lines = text.split("\n")
    pos = 0
    k = 0
    while k < len(lines):
        line = lines[k]
        if not starts.match(line) or (not box and not _in_ascii_block(lines, k)):
            out.add(line, pos)
            out.add("\n", None)
            pos += len(line) + 1
            k += 1
            continue
        block: list[tuple[str, int]] = []
        while k < len(lines) and starts.match(lines[k]):
            block.append((lines[k], pos))
            pos += len(lines[k]) + 1
            k += 1
        _read_block(out, block, vertical, horizontal, junction)
    text_out = "".join(out.parts)
    if not text.endswith("\n") and text_out.endswith("\n"):
        text_out = text_out[:-1]
    return text_out, out.canon, out.orig


def _ascii_rules(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if "+-" in ln and _ASCII_RULE.match(ln)]


def _in_ascii_block(lines: list[str], k: int) -> bool:
    """An ASCII line belongs to a grid table when a ``+---+`` rule is among it and its neighbours."""
    lo, hi = max(0, k - 1), min(len(lines), k + 2)
    return any(_ASCII_RULE.match(lines[i]) for i in range(lo, hi)) or (
        lines[k].lstrip().startswith("|") and _ASCII_RULE.match(lines[lo]) is not None
    )


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


Piece = tuple[int, str, int]  # display column where the cell starts, its text, its offset in the original


def _split(line: str, pos: int, borders: str) -> list[Piece]:
    """A drawn line's cells between borders: (display column of the cell's start, text stripped, offset)."""
    cells: list[Piece] = []
    col = 0
    start_col, start_i = -1, -1
    for i, ch in enumerate(line + borders[0]):
        if ch in borders:
            if start_i >= 0:
                raw = line[start_i:i]
                body = raw.strip()
                lead = len(raw) - len(raw.lstrip())
                cells.append((start_col, body, pos + start_i + lead))
            start_col, start_i = col + 1, i + 1
        col += _width(ch) if ch not in borders else 1
    if cells and not cells[-1][1] and line.rstrip()[-1:] in borders:
        cells.pop()  # nothing after the closing border
    return cells


def _is_rule_piece(body: str, horizontal: str) -> bool:
    """An empty piece, or a piece of rule: two box lines or more, three ASCII dashes or more (a cell's ``-`` is a
    blank mark, not a rule)."""
    if not body:
        return True
    return len(body) >= (2 if horizontal == _BOX_H else 3) and all(c in horizontal or c in " :" for c in body)


_EM_DASH = "---"  # pandoc's Markdown for an em dash (its ``smart`` extension): a cell's —, a blank's mark


def _filled(line: str, pos: int, at: int, body: str) -> bool:
    """An ASCII piece that fills its cell from border to border (``+-----+``): a rule's. A cell that prints ``---``
    between spaces (``| --- |``: pandoc's em dash, a blank's mark, padded as pandoc pads a cell's text) is a cell's
    text, read as the ``—`` it stands for."""
    i = at - pos
    return (i == 0 or line[i - 1] in "|+") and line[i + len(body) : i + len(body) + 1] in ("", "|", "+")


def _box_rule(body: str) -> bool:
    """Box-drawing rule only (``─``, ``━``, ``═``): no cell prints these as its text."""
    return bool(body) and all(c in _BOX_H for c in body)


def _read_block(out: OffsetText, block: list[tuple[str, int]], vertical: str, horizontal: str, junction: str) -> None:
    borders = vertical + junction
    group: list[list[Piece]] = []
    pending: dict[int, list[Piece]] = {}  # text a rule line carried, by the display column its cell starts at

    def flush() -> None:
        if not group:
            return
        rows = [group[0]] if len(group) == 1 else _join(group)
        for cells in rows:
            first = True
            for col, body, at in cells:
                if not first:
                    out.add("\t", None)
                first = False
                for piece in pending.pop(col, []):
                    out.add(piece[1], piece[2])
                out.add("—" if body == _EM_DASH and not box else body, at)
            out.add("\n", None)
        group.clear()

    box = horizontal == _BOX_H
    for line, pos in block:
        cells = _split(line, pos, borders)
        rule = (
            any(
                _is_rule_piece(body, horizontal) and body and (box or _filled(line, pos, at, body))
                for _, body, at in cells
            )
            or not cells
        )
        if box and not rule and all(_box_rule(body) for _, body, _ in cells if body):
            rule = True  # a rule over columns one character wide only (``├─┼─┼─┤``)
        if rule:
            flush()
            for piece in cells:
                # a box rule one character wide (``┼─┼``, a narrow column's) is rule, never a cell's text
                if not _is_rule_piece(piece[1], horizontal) and not (box and _box_rule(piece[1])):
                    pending.setdefault(piece[0], []).append(piece)
            continue
        group.append(cells)
    flush()
    for pieces in pending.values():  # text on the closing rule: a line of its own
        for piece in pieces:
            out.add(piece[1], piece[2])
            out.add("\n", None)
    out.add("\n", None)  # the table ends with a blank line


def _join(group: list[list[Piece]]) -> list[list[Piece]]:
    """The lines of one row joined cell by cell, when they split into as many cells; else each line a row."""
    shape = [c[0] for c in group[0]]
    if any(len(cells) != len(shape) for cells in group[1:]):
        return [cells for cells in group if any(body for _, body, _ in cells)]
    joined: list[list[Piece]] = [[] for _ in shape]
    for cells in group:
        for n, piece in enumerate(cells):
            if piece[1]:
                joined[n].append(piece)
    row: list[Piece] = []
    for col, pieces in zip(shape, joined, strict=True):
        if not pieces:
            row.append((col, "", -1))
        elif len(pieces) == 1:
            row.append(pieces[0])
        else:
            row.append((col, _glue([p[1] for p in pieces]), pieces[0][2]))
    return [row]


def _glue(parts: list[str]) -> str:
    """A wrapped cell's lines as one text: Chinese lines run on, and so do digits (a number wider than its column
    is cut anywhere: ``7`` / ``6`` is 76); a space between two Latin words."""
    text = parts[0]
    if any("{" in part or "[" in part for part in parts):
        # markup (pandoc's bracketed spans) cut anywhere by the column's width: run on, its spans then dropped
        text = "".join(parts)
        stripped = strip_spans(text, 1) if "]{" in text else None
        return stripped[0] if stripped is not None else text
    for part in parts[1:]:
        a, b = text[-1:], part[:1]
        sep = " " if a.isascii() and b.isascii() and a.isalpha() and b.isalpha() else ""
        text += sep + part
    return text
