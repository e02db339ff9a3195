"""A page's layout frame that cut the report's lines inside their span markup: each line rejoined from its pieces.

``pandoc -t markdown`` prints a portal's one-column layout table (the table a CMS puts the whole report in) as a
grid table of one column: ``+-----+`` rules, each line ``| … |`` exactly as wide as the rule. The report's lines
inside it are wrapped at the frame's width. The report's own tables are pandoc simple tables whose every cell
keeps its span markup (``[0]{style="font-size:12pt;…"}``): a row is many times wider than the frame and is cut
into pieces anywhere, inside an attribute block (``[0]{s`` / ``tyle="…``), between a span's text and its
attributes (``[9]`` / ``{style=…}``), inside a number's brackets (``[`` / ``0]{…}``). Spans cut so cannot be
read, and the pieces are no rows: their numbers were read under other labels.

A piece continues the line before it when that line ends inside a span (a bracket or an attribute block open),
or right after a span's closing bracket or an escape, or when the piece starts at the frame's left edge (the
report's rows start indented, two spaces in; a paragraph's next piece continues it), or when a row of spans was
cut in the spaces between two cells (the piece starts with a span further in than the row's indent: the gap's
spaces kept). How the pieces are joined:

- inside an open span: as they stand (the cut took no character; the frame's padding after the piece dropped);
- a span that starts a piece after a closed one, or a number after a number outside any span: two spaces apart
  (pandoc breaks a line at a space where it can, the space between two cells: a number is never glued to the
  cell before it);
- inside a raw HTML tag (pandoc keeps tables with merged cells as raw HTML): one space apart (the cut took the
  space between two attributes).

Rejoined only where the frame cut at least :data:`MIN_CUTS` attribute blocks and holds no grid table of its own
(pandoc's grid writer nests the report's tables as grid tables, each wrapping its cells' spans inside its own
cells: ``parsers.grid_wraps``); other text is left as it stands.
"""

from __future__ import annotations

import re

from parsers.grid_wraps import display
from parsers.offset_text import OffsetText

_RULE = re.compile(r"^\+-{20,}\+[ \t]*$")
_NESTED_RULE = re.compile(r"^ *\+[-=:]{3,}\+")
MIN_CUTS = 3  # attribute blocks the frame cut, at least, for its lines to be rejoined
_CELL_GAP = "  "  # set between a closed span and one that starts the next piece: a cell's gap, never a glue


def _depth(text: str, depth: tuple[int, int]) -> tuple[int, int]:
    """The (bracket, brace) depth after ``text``, from ``depth`` (escaped characters skipped)."""
    square, curly = depth
    escaped = False
    for c in text:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[":
            square += 1
        elif c == "]" and square:
            square -= 1
        elif c == "{":
            curly += 1
        elif c == "}" and curly:
            curly -= 1
    return square, curly


def _frames(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each framed block: the lines between two rules of one width, each ``| … |`` of
    that width."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if not _RULE.match(lines[k]):
            k += 1
            continue
        width = display(lines[k].rstrip())
        j = k + 1
        while j < len(lines):
            line = lines[j].rstrip()
            if not (line.startswith("| ") and line.endswith(" |") and display(line) == width):
                break
            j += 1
        if j < len(lines) and _RULE.match(lines[j]) and display(lines[j].rstrip()) == width and j > k + 1:
            out.append((k + 1, j - 1))
        k = j if j > k + 1 else k + 1
    return out


def _cuts(pieces: list[str]) -> int:
    """Attribute blocks the frame cut: pieces that end inside braces, counted from a line's start."""
    n = 0
    depth = (0, 0)
    for piece in pieces:
        # a piece that starts indented after a closed one starts a line of its own
        depth = _depth(piece, (0, 0) if piece.startswith(" ") and depth == (0, 0) else depth)
        n += depth[1] > 0
    return n


def _cell_after_gap(line: str, piece: str) -> bool:
    """``piece`` is the next cell of ``line``, a row of spans cut in the spaces between two cells: the row starts
    with a span at its indent, the piece with a span further in (a row of the table starts at the row's indent)."""
    indent = len(line) - len(line.lstrip(" "))
    lead = len(piece) - len(piece.lstrip(" "))
    return line[indent : indent + 1] == "[" and lead > indent and piece[lead : lead + 1] == "["


def rejoin_cut_frames(text: str) -> tuple[str, list[int], list[int], tuple[str, str]] | None:
    """The text with every layout frame's lines rejoined where the frame cut span markup (the rules and the
    frame's bars dropped), its anchors ``(text, canon, orig)`` and a warning ``(code, message)``; None when no
    frame cut :data:`MIN_CUTS` attribute blocks."""
    if "]{" not in text or "+-" not in text:
        return None
    lines = text.split("\n")
    frames = [
        (a, b)
        for a, b in _frames(lines)
        if _cuts(pieces := [ln.rstrip()[2:-2] for ln in lines[a : b + 1]]) >= MIN_CUTS
        and not any(_NESTED_RULE.match(p) for p in pieces)  # a grid table nested in the frame wraps its own cells
    ]
    if not frames:
        return None
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    inside = {k: (a, b) for a, b in frames for k in range(a - 1, b + 2)}
    out = OffsetText()
    joined = 0
    k = 0
    while k < len(lines):
        if k not in inside:
            out.add(lines[k], starts[k])
            out.add("\n", None)
            k += 1
            continue
        a, b = inside[k]
        # the frame's top rule, its pieces, its bottom rule: the rules as empty lines, the pieces rejoined
        out.add("\n", None)
        depth = (0, 0)
        line_open = False
        prev = ""
        for i in range(a, b + 1):
            piece = lines[i].rstrip()[2:-2]
            at = starts[i] + 2
            blank = not piece.strip()
            flush = not blank and not piece.startswith(" ")
            continues = line_open and not blank and (depth != (0, 0) or prev.endswith(("]", "\\")) or flush)
            # a row of spans cut in the spaces between two cells: the next cell's span further in than the row
            spaced = line_open and not continues and not blank and _cell_after_gap(prev, piece)
            if continues or spaced:
                joined += 1
                if depth == (0, 0) and piece.startswith("[") and not prev.endswith(("]", "\\")):
                    out.add(_CELL_GAP, None)
                    prev += _CELL_GAP
                elif depth == (0, 0) and prev[-1:].isdigit() and piece[:1].isdigit():
                    out.add(_CELL_GAP, None)  # two numbers: a cut where a row's cells stood apart, never a glue
                    prev += _CELL_GAP
                elif prev.rfind("<") > prev.rfind(">"):
                    out.add(" ", None)  # inside a raw HTML tag: the cut took the space between two attributes
                    prev += " "
                body = piece.rstrip()
                out.add(body, at)
                prev += body
                depth = _depth(body, depth)
            else:
                if line_open:
                    out.add("\n", None)
                body = piece.rstrip()
                out.add(body, at)
                prev = body
                depth = _depth(body, (0, 0))
                line_open = not blank
                if blank:
                    out.add("\n", None)
        if line_open:
            out.add("\n", None)
        out.add("\n", None)
        k = b + 2
    new = "".join(out.parts)
    if not text.endswith("\n") and new.endswith("\n"):
        new = new[:-1]
    note = (
        "frame_rejoined",
        f"a page's one-column layout frame cut the report's lines inside their span markup: {joined} piece(s) "
        "joined back to the line they continue (a cut between two cells set two spaces apart)",
    )
    return new, out.canon, out.orig, note
