"""Grid tables whose lines another writer wrapped: each table line rejoined from its pieces.

pandoc prints a table nested in another table's cell (a report's table inside a portal's one-column layout
table) as a grid table inside that cell, and wraps every line of the nested grid that is wider than the cell
onto the cell's next lines, at the cell's width: a rule ``+-------+-------+…+`` breaks inside its dashes (no
character lost), a row ``| 一、  |       | 15    | …|`` breaks at a space (the space lost). Each piece after
the first starts at the cell's left edge; the first at the nested table's indent. A grid table's lines are all
as wide as its rules and a row's bars stand under the rule's ``+``: that is what tells the pieces of one line
and the space a break took. A table whose pieces do not rejoin to exactly that is left as it stands.
"""

from __future__ import annotations

import re

from parsers.offset_text import OffsetText

# a line made of a rule's characters only: a whole rule, or one piece of a wrapped one
_RULE_PIECE = re.compile(r"^( *)([-=:+]{2,})[ \t]*$")
_Piece = tuple[int, int, int, str]  # a line, the start and end of the piece in it, the text its break took
_MAX_PIECES = 4  # pieces one table line is rejoined from, at most
_MIN_ROWS = 2  # rows of a table rejoined, at least (a wrapped rule alone is no table)


def display(text: str) -> int:
    """Display columns of a text: two for an ideograph or a full-width mark, one for the rest."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


def _columns(text: str) -> list[int]:
    """Display columns of the characters of ``text``."""
    out, at = [], 0
    for c in text:
        out.append(at)
        at += 2 if ord(c) >= 0x2E80 else 1
    return out


class _Table:
    """One wrapped grid table: its rule's width and ``+`` columns, its indent and its pieces' left edge."""

    def __init__(self, rule: str, indent: int, edge: int) -> None:
        self.width = display(rule)
        self.plus = {c for c, ch in zip(_columns(rule), rule, strict=True) if ch == "+"}
        self.indent = indent
        self.edge = edge

    def fits_rule(self, line: str) -> bool:
        return display(line) == self.width and line[0] == "+" and line[-1] == "+"

    def fits_row(self, line: str) -> bool:
        """A row: as wide as the rule, a bar at each end, every bar under a ``+`` of the rule."""
        if display(line) != self.width or line[0] != "|" or line[-1] != "|":
            return False
        return all(c in self.plus for c, ch in zip(_columns(line), line, strict=True) if ch == "|")


def _gap(row: str, piece: str, t: _Table) -> str | None:
    """The spaces a break took between ``row`` so far and its next ``piece``: as many as put the piece's first bar
    under a ``+`` of the rule (a break at an empty cell's spaces takes them all); one, or none (a word broken at
    the width), for a piece without a bar. None when no gap fits within the rule's width."""
    at = display(row)
    if "|" not in piece:
        for sep in (" ", ""):
            if at + len(sep) + display(piece) <= t.width:
                return sep
        return None
    bar = display(piece[: piece.index("|")])
    for gap in range(t.width - at - display(piece) + 1):
        if at + gap + bar in t.plus:
            return " " * gap
    return None


def _rule_pieces(lines: list[str], k: int) -> tuple[list[int], str] | None:
    """The lines from ``k`` that are pieces of one wrapped rule (two or more rule-only lines, the first one
    starting with ``+``, the whole ending with one), and the rule rejoined."""
    first = _RULE_PIECE.match(lines[k])
    if first is None or not first.group(2).startswith("+"):
        return None
    taken, rule = [k], first.group(2)
    j = k + 1
    while j < len(lines) and len(taken) < _MAX_PIECES and (more := _RULE_PIECE.match(lines[j])) is not None:
        if more.group(2).startswith("+") and rule.endswith("+") and len(taken) > 1:
            break  # the next rule starts here
        taken.append(j)
        rule += more.group(2)
        j += 1
    if len(taken) < 2 or not rule.endswith("+"):
        return None
    return taken, rule


def _row_pieces(lines: list[str], k: int, t: _Table) -> tuple[list[_Piece], str] | None:
    """A row of ``t`` from line ``k`` on: its pieces ``(line, start, end)`` and the row rejoined; a row not
    wrapped is one piece. None when the lines from ``k`` rejoin to no row of ``t``."""
    line = lines[k]
    head = line[t.indent :].rstrip()
    if len(line) <= t.indent or line[: t.indent].strip() or not head.startswith("|"):
        return None
    pieces = [(k, t.indent, t.indent + len(head), "")]
    row = head
    j = k + 1
    while display(row) < t.width and j < len(lines) and len(pieces) < _MAX_PIECES:
        nxt = lines[j]
        if nxt[: t.edge].strip() or not nxt[t.edge :].strip():
            return None
        piece = nxt[t.edge :].rstrip()
        sep = _gap(row, piece, t)
        if sep is None:
            return None
        row = row + sep + piece
        pieces.append((j, t.edge, t.edge + len(piece), sep))
        j += 1
    if not t.fits_row(row):
        return None
    return pieces, row


def _rule_line(lines: list[str], taken: list[int]) -> list[_Piece]:
    return [(i, len(lines[i]) - len(lines[i].lstrip(" ")), len(lines[i].rstrip()), "") for i in taken]


def rejoin_wrapped_grids(text: str) -> tuple[str, list[int], list[int], tuple[str, str]] | None:
    """The text with every wrapped grid table's lines rejoined (a rule's pieces end to end, a row's with the
    space its break took), its anchors ``(text, canon, orig)`` and a warning ``(code, message)``; None when no
    table's lines rejoin."""
    if "+-" not in text:
        return None
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    joins: dict[int, tuple[list[_Piece], str]] = {}  # first line → its pieces
    tables = rows = 0
    k = 0
    while k < len(lines):
        found = _rule_pieces(lines, k)
        if found is None:
            k += 1
            continue
        taken, rule = found
        indent = len(lines[k]) - len(lines[k].lstrip(" "))
        edge = len(lines[taken[1]]) - len(lines[taken[1]].lstrip(" "))
        t = _Table(rule, indent, edge)
        if not t.fits_rule(rule) or edge > indent:
            k += 1
            continue
        table: dict[int, tuple[list[_Piece], str]] = {}
        table[k] = (_rule_line(lines, taken), rule)
        j = taken[-1] + 1
        n_rows = 0
        while j < len(lines):
            more = _rule_pieces(lines, j)
            if more is not None and t.fits_rule(more[1]) and lines[j].startswith(" " * indent + "+"):
                table[j] = (_rule_line(lines, more[0]), more[1])
                j = more[0][-1] + 1
                continue
            whole = lines[j][indent:].rstrip()
            if whole.startswith("+") and not lines[j][:indent].strip() and t.fits_rule(whole):
                table[j] = (_rule_line(lines, [j]), whole)  # a rule not wrapped
                j += 1
                continue
            row = _row_pieces(lines, j, t)
            if row is None:
                break
            table[j] = row
            n_rows += 1
            j = row[0][-1][0] + 1
        if n_rows >= _MIN_ROWS and any(len(p) > 1 for p, _ in table.values()):
            joins.update(table)
            tables += 1
            rows += sum(1 for p, _ in table.values() if len(p) > 1)
        k = j if j > k else k + 1
    if not joins:
        return None
    b = OffsetText()
    k = 0
    while k < len(lines):
        pieces = joins[k][0] if k in joins else [(k, 0, len(lines[k]), "")]
        first = pieces[0][0]
        b.add(lines[first][: pieces[0][1]], starts[first])  # the indent
        for i, s, e, took in pieces:
            b.add(took, None)
            b.add(lines[i][s:e], starts[i] + s)
        k = pieces[-1][0] + 1
        if k < len(lines):
            b.add("\n", starts[k] - 1)
    out = "".join(b.parts)
    note = (
        "grid_rewrapped",
        f"{rows} line(s) of {tables} grid table(s) printed wrapped onto the next lines (a table nested in a "
        "narrower cell) rejoined: each rule's pieces end to end, each row's with the space its break took",
    )
    return out, b.canon, b.orig, note
