"""Table 三's labels printed a glyph a line, beside their group's label, read back by the template's labels.

A PDF whose table 三 has label columns one glyph wide (a narrow cell in large type) comes out of a text extractor
that prints lines as it finds them on the page (pdfminer.six under markitdown) as one character a line, the group
column's pieces and the row column's side by side on some lines, and each row's values on one line somewhere beside
its label (a pipe row, a line of numbers, or numbers after the label's glyph)::

    （三） 1．
    不予公 属
    开 于
    | 国   | 0   | 0   | 0   | 0 0 | 0   | 0   |
    家
    秘
    密
    | 2．  | 0   | 0   | 0   | 0 0 | 74  | 74  |
    其
    …
    3．
    危
    及
    “三
    安 0 0 0 0 0 0 0
    全
    …

No reader of rows finds a row there (a glyph alone is no label; a label's lines are cut by its values' line). This
module reads the pieces **in order against the template's labels** (``templates``' ``RowDef.label`` of table 三's
rows, and the labels of their groups: 三、本年度办理结果, （三）不予公开, （四）无法提供, （五）不予处理,
（六）其他处理): each piece must continue the row being read, continue its group's label, or begin the next row's
(or group's) label. The rewrite is made only where every piece from 三、本年度办理结果 to （七）总计 has its place,
every label so read is the template's whole label, each row's label lines hold the table's seven values (no fewer:
which cell is empty would be a guess) and :data:`MIN_GLYPH_ROWS` rows at least are printed a glyph a line
(:data:`MIN_ROW_GLYPHS` of their pieces a glyph alone on its line); anywhere else nothing changes.

Each row is then written on one line: its group's label (at the group's first row), its label, and the values
printed on its label's lines (each a token of the text, in their order, its offset kept). （六）其他处理 printed
as one row with values (2019's shape, or 2021's ``merged_other``) is read as that one row. The rows outside that
span (the first two, the total and carried-forward rows) are left as printed. A note (``glyph_labels``, a warning)
names the rows joined.
"""

from __future__ import annotations

import re

from parsers.offset_text import OffsetText, line_starts
from parsers.pipe_rows import PIPE_ROW, PIPE_RULE
from parsers.tables.templates import APPLICATION_ROWS_2021, N_APP
from parsers.tables.tokens import DASH_MARKERS, NUMBER_RE, normalise

NOTE = "glyph_labels"
MIN_GLYPH_LINES = 8  # lines of one Chinese character, at least, before the pieces are read at all
# a row's label printed a glyph a line: this many of its pieces, at least, a glyph alone on its line; and the rows so
# printed, at least, for the rewrite to be made. Measured (tuning batches of the 23rd session, 879 texts): the 24
# texts of other extractors (pdftotext -raw, pypdf, pdfplumber …) whose pieces all fit the template's labels have
# at most one row of four such pieces (most none over two), and read right without this module; markitdown's text
# of a glyph-wide label column has 16 rows of 4 to 18
MIN_ROW_GLYPHS = 4
MIN_GLYPH_ROWS = 3
_GLYPH_LINE = re.compile(r"^[ \t]*[\u3400-\u9fff][ \t]*$", re.M)
_QUOTES = str.maketrans("", "", "“”\"'‘’ \t")
# the groups of table 三's results and the first row under each (the template's wording, SCHEMA.md)
_GROUPS = {
    "granted": "三、本年度办理结果",
    "withheld.state_secret": "(三)不予公开",
    "unavailable.not_held": "(四)无法提供",
    "not_processed.petition": "(五)不予处理",
    "other.no_correction": "(六)其他处理",
}
_FIRST = "granted"
_LAST = "other.other"
_TOTAL = "(七)总计"


def _key(text: str) -> str:
    """A piece compared by meaning: full-width punctuation as ASCII, no spaces, no quotes."""
    return normalise(text).translate(_QUOTES)


def _labels() -> list[tuple[str, str, str]]:
    """(row key, its group's label or '', its label) from 予以公开 to the last 其他, in the template's order."""
    keys = [r.key for r in APPLICATION_ROWS_2021]
    rows = APPLICATION_ROWS_2021[keys.index(_FIRST) : keys.index(_LAST) + 1]
    return [(r.key, _key(_GROUPS.get(r.key, "")), _key(r.label)) for r in rows]


_LABELS = _labels()


def _is_value(token: str) -> bool:
    return token in DASH_MARKERS or NUMBER_RE.fullmatch(normalise(token)) is not None


def _pieces(line: str, start: int) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The label pieces and the values of one line, each with its offset in the text."""
    pieces: list[tuple[str, int]] = []
    values: list[tuple[str, int]] = []
    tokens = [(m.group(), start + m.start()) for m in re.finditer(r"[^\s|]+", line)]
    if PIPE_ROW.match(line):  # a pipe row: every value cell's numbers are values, the other cells' words pieces
        for tok in tokens:
            (values if _is_value(tok[0]) else pieces).append(tok)
        return pieces, values
    k = len(tokens)
    while k > 0 and _is_value(tokens[k - 1][0]):  # the values end the line; what is before them is label
        k -= 1
    return tokens[:k], tokens[k:]


class _Rows:
    """The pieces read in order: the rows begun, what of the row's label and of its group's label is still to come."""

    def __init__(self) -> None:
        self.at = -1  # index into _LABELS of the row being read
        self.row_rest = ""
        self.group_rest = ""
        self.pending = False  # a group's label begun, its first row not yet
        self.group: list[tuple[str, int]] = []  # the pieces of the group label being read
        # per row: key, its group label's pieces (at a group's first row), its label's pieces, its values
        self.rows: list[tuple[str, list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]] = []
        self.glyph_rows: dict[int, int] = {}  # per row (its index in rows): its pieces that are a glyph a line

    def take(self, piece: str, offset: int) -> bool:
        """Place one piece; False where it continues nothing and begins nothing."""
        k = _key(piece)
        if not k:
            return True
        if self.at >= 0 and self.row_rest.startswith(k):
            self.row_rest = self.row_rest[len(k) :]
            self.rows[-1][2].append((piece, offset))
            return True
        if self.group_rest.startswith(k):
            self.group_rest = self.group_rest[len(k) :]
            self.group.append((piece, offset))
            return True
        if self.row_rest or self.at + 1 >= len(_LABELS):
            return False  # a piece that begins something while the row's label is unfinished: no label whole
        key, group, label = _LABELS[self.at + 1]
        if group and not self.pending and not self.group_rest and group.startswith(k):
            self.group_rest = group[len(k) :]
            self.group = [(piece, offset)]
            self.pending = True
            return True
        if label.startswith(k) and (not group or self.pending):
            self.at += 1
            self.row_rest = label[len(k) :]
            self.rows.append((key, self.group if group else [], [(piece, offset)], []))
            self.pending = False
            return True
        return False

    def values(self, values: list[tuple[str, int]]) -> bool:
        """Values printed on a line: the row being read's; where a group's label is begun and no row of it,
        （六）其他处理 printed as one row (2019's shape) is that row. False where they belong to no row."""
        if self.pending:
            if _LABELS[self.at + 1][0] != "other.no_correction":
                return False
            # the group's label is the row's label; the rest of the group's label, the rest of the row's
            self.rows.append(("other", [], self.group, []))
            self.row_rest, self.group_rest, self.pending = self.group_rest, "", False
            self.at = len(_LABELS) - 1
        if not self.rows:
            return False
        self.rows[-1][3].extend(values)
        return True


def rejoin_glyph_labels(text: str) -> tuple[str, list[int], list[int], list[tuple[str, str]]] | None:
    """The text with table 三's rows printed a glyph a line written one a line (module docstring), its anchors
    ``(text, canon, orig)`` and the note; None where there are none or their pieces are not the template's."""
    if len(_GLYPH_LINE.findall(text)) < MIN_GLYPH_LINES:
        return None
    lines = text.split("\n")
    starts = line_starts(lines)
    group = _LABELS[0][1]
    for first, line in enumerate(lines):
        if "三" not in line:
            continue
        pieces = _pieces(line, 0)[0]
        if not pieces or not (k := _key(pieces[0][0])).startswith("三、") or not group.startswith(k):
            continue
        found = _read_from(lines, starts, first)
        if found is not None:
            return _rewritten(text, starts, first, *found)
    return None


def _read_from(
    lines: list[str], starts: list[int], first: int
) -> tuple[int, list[tuple[str, list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]]] | None:
    """From line ``first`` (its first piece 三、…): the line of （七）总计 and the rows read before it, or None where
    a piece has no place, a label is not whole, a row has not the table's number of values or too few lines are
    glyphs."""
    rows = _Rows()
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.strip() or PIPE_RULE.match(line):
            continue
        pieces, values = _pieces(line, starts[i])
        if any(_key(p).startswith(_TOTAL) for p, _ in pieces[:2]):
            return (i, rows.rows) if _whole(rows) else None
        if not all(rows.take(p, o) for p, o in pieces):
            return None
        if len(pieces) == 1 and not values and len(_key(pieces[0][0])) == 1 and rows.rows:
            at = len(rows.rows) - 1
            rows.glyph_rows[at] = rows.glyph_rows.get(at, 0) + 1
        if values and not rows.values(values):
            return None
    return None


def _whole(rows: _Rows) -> bool:
    """Every row's label whole, no group label left open, the rows the template's from 予以公开 to the last
    其他, each with the table's number of values, and enough of the pieces glyphs alone on their lines."""
    if rows.row_rest or rows.group_rest or rows.pending or not rows.rows:
        return False
    if sum(1 for n in rows.glyph_rows.values() if n >= MIN_ROW_GLYPHS) < MIN_GLYPH_ROWS:
        return False
    if rows.rows[0][0] != _FIRST or rows.rows[-1][0] not in (_LAST, "other"):
        return False
    return all(len(values) == N_APP for *_, values in rows.rows)


def _rewritten(
    text: str,
    starts: list[int],
    first: int,
    stop: int,
    rows: list[tuple[str, list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]],
) -> tuple[str, list[int], list[int], list[tuple[str, str]]] | None:
    """Lines ``first``..``stop`` rewritten a row a line (group label, label, values), the rest as printed."""
    b = OffsetText()
    b.add(text[: starts[first]], 0)
    for _, group, label, values in rows:
        if group:
            for piece, offset in group:
                b.add(piece, offset)
            b.add(" ", None)
        for piece, offset in label:
            b.add(piece, offset)
        for value, offset in values:
            b.add(" ", None)
            b.add(value, offset)
        b.add("\n", None)
    b.add(text[starts[stop] :], starts[stop])
    joined = [f"{''.join(p for p, _ in label)}" for _, _, label, _ in rows if len(label) > 2]
    shown = ", ".join(joined[:4]) + (" …" if len(joined) > 4 else "")
    note = (
        NOTE,
        f"{len(joined)} row label(s) of table 三 printed a glyph a line (beside their group's label and their "
        f"values) joined by the template's labels, each row's values read from its label's lines: {shown}",
    )
    return "".join(b.parts), b.canon, b.orig, [note]
