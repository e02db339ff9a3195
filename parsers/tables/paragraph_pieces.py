"""A table 三 row whose numbers a narrow cell broke over two lines, in poppler's default text (``pdftotext`` without
``-layout``), where a paragraph may hold the lines of several neighbouring cells.

Chromium's ``word-break: break-all`` breaks a number too wide for its cell over two lines (``18`` / ``8`` for 188);
the row's one-line cells stand centred between those two lines (``vertical-align: middle``). poppler groups words
into lines by their baselines and neighbouring lines into one block, so a block may hold a broken cell and its
neighbours: the broken cells' first pieces on the block's first line, the one-line cells on the middle line, the
broken cells' last pieces on its last (``10`` / ``0`` / ``42``: 1042 and 0, 3745's 一、本年新收; ``35 13`` / ``5 97``:
355 and 1397 side by side). The text does not say in which order a block's broken and one-line cells stand left to
right: each order is a reading, kept where the row total holds (the table's identities choose among them, as for
:mod:`parsers.tables.broken_boxes`' placements).

- :func:`is_block_cells`: the text prints a cell a block (as ``is_paragraph_cells`` says, blocks of number lines
  counted too: 3745 prints so many broken numbers that its one-number paragraphs fall short of that share);
- :func:`paragraph_readings`, :func:`first_cells`: a row's readings, of all its values or of its first blocks
  where more values follow (a run of two rows' values after one label), and :func:`taken_over`: those further
  values as the next row's, where its label prints after them and no value follows it;
- :func:`joined_pairs`: table 四's values, a block of two lines of one value each one number;
- :func:`unjoined_pieces`: a table 三 row some other reading read with such a piece as a value of its own is left
  blank."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from parsers.tables.align import Fit
from parsers.tables.centred_pieces import interleavings
from parsers.tables.paragraph_cells import MIN_PARAGRAPHS, MIN_SHARE, MIN_WRAPPED, wrapped_prose
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

# a block of numbers alone: lines of numbers only (one or more on each), a blank line before it
# and a blank line after it
_NUMBER_BLOCK = re.compile(r"(?<=\n\n)((?:[ \t\xa0]*\d[\d,]*(?:[ \t\xa0]+\d[\d,]*)*[ \t\xa0]*\n)+)(?=\n)")
_NUMBER_LINE = re.compile(r"^[ \t\xa0]*\d[\d,]*(?:[ \t\xa0]+\d[\d,]*)*[ \t\xa0]*$", re.M)
# three numbers or more on a line: cells pdfminer joined side by side (poppler's default mode prints a cell a block, at
# most two first pieces of broken numbers on one line)
_JOINED_CELLS = re.compile(r"^[ \t\xa0]*\d[\d,]*(?:[ \t\xa0]+\d[\d,]*){2,}[ \t\xa0]*$", re.M)
# a number alone on its line with white space before or after it: pdfminer's box of a cell (poppler prints none)
_PADDED_NUMBER = re.compile(r"^(?:[ \t\xa0]+\d[\d,]*[ \t\xa0]*|\d[\d,]*[ \t\xa0]+)$", re.M)
MAX_READINGS = 64  # readings of one row kept at most (more: the row is not read so)
PARAGRAPH_PIECES = (
    "the numbers broken over two lines print in blocks with their neighbouring cells, first pieces on the block's "
    "first line, one-line cells on its middle line, last pieces on its last (pieces joined)"
)


def is_block_cells(text: str) -> bool:
    """The text is a PDF's printed a table cell a block, as :func:`parsers.tables.paragraph_cells.is_paragraph_cells`
    says, but counting blocks of number lines (a cell broken over lines, its neighbours beside it) as it counts
    numbers alone in their paragraphs: at least that many blocks, and that share of the lines of numbers in them;
    and no line of three numbers or more, no number padded with white space on its line (pdfminer's boxes, whose
    order is not the row's)."""
    if _JOINED_CELLS.search(text) or _PADDED_NUMBER.search(text):
        return False  # pdfminer's boxes (cells joined side by side, ``0   0   0   0``; or padded, `` 0 ``), not blocks
    blocks = _NUMBER_BLOCK.findall("\n\n" + text)
    in_blocks = sum(b.count("\n") for b in blocks)
    if len(blocks) < MIN_PARAGRAPHS or in_blocks < MIN_SHARE * len(_NUMBER_LINE.findall(text)):
        return False
    return "\f" in text or wrapped_prose(text) >= MIN_WRAPPED


def first_cells(r: Reading, vals: list[Token], n: int) -> tuple[list[list[Token]], list[Token]] | None:
    """``vals`` (a row's values, more than its cells) whose first blocks make exactly its ``n`` cells, a number broken
    over two lines among them, and whose later blocks are more values (a run of several rows' cells after one
    label, poppler's （七）总计 then 四、结转下年度继续办理's values before its label): the readings of those first
    blocks whose row total holds (:func:`paragraph_readings`), and the values left after them; None where there
    are none."""
    blocks = _blocks(r, vals)
    cells = taken = 0
    while taken < len(blocks) and cells < n:
        lines = _lines(blocks[taken])
        cells += len(lines[0]) + (len(lines[1]) if len(lines) == 3 else 0)
        taken += 1
    if cells != n or taken == len(blocks):
        return None
    head = [t for b in blocks[:taken] for t in b]
    readings = paragraph_readings(r, head, n)
    return None if readings is None else (readings, vals[len(head) :])


def paragraph_readings(r: Reading, vals: list[Token], n: int) -> list[list[Token]] | None:
    """``vals`` (a row's values in the text's order, more than its ``n`` cells) read as blocks of a broken
    number's two pieces and one-line cells: every reading whose row total holds, or None where a block is not of
    that shape (a line between two lines of as many pieces, or two such lines), no number is broken, a joined
    number would start with 0, the cells are not ``n``, or too many readings hold."""
    if len(vals) <= n or not all(t[TEXT].isdigit() for t in vals):
        return None
    options: list[list[list[Token]]] = []  # each block's readings, a reading its cells left to right
    any_broken = False
    for block in _blocks(r, vals):
        lines = _lines(block)
        if len(lines) == 1:
            options.append([lines[0]])
            continue
        if len(lines) not in (2, 3) or len(lines[0]) != len(lines[-1]):
            return None
        middle = lines[1] if len(lines) == 3 else []
        if any(t[TEXT] == "0" for t in lines[0]):
            return None  # no number is printed with a leading 0
        broken = [
            token(a[TEXT] + b[TEXT], a[START], b[END], a[LINE], a[COL], a[TABBED], split=True)
            for a, b in zip(lines[0], lines[-1], strict=True)
        ]
        # the block's orders: the broken cells and the one-line ones, each kept in its own order (the broken first)
        pool = [*broken, *middle]
        options.append([[pool[k] for k in order] for order in interleavings([len(broken), len(middle)])])
        any_broken = True
    if not any_broken:
        return None
    readings: list[list[Token]] = []
    seen: set[tuple[str, ...]] = set()
    for combo in itertools.product(*options):
        cells = [t for part in combo for t in part]
        if len(cells) != n:
            return None
        texts = tuple(t[TEXT] for t in cells)
        if texts in seen or not row_total_holds([int(x) for x in texts]):
            continue
        seen.add(texts)
        readings.append(cells)
        if len(readings) > MAX_READINGS:
            return None
    return readings or None


def joined_pairs(r: Reading, vals: list[Token]) -> list[Token] | None:
    """``vals`` with each block of two lines, one value on each, the first no 0, read as one number broken over those
    lines (table 四's ``1`` / ``9`` for 19, its head's lines before it in the block: ``复议后起诉`` / ``总`` / ``计``);
    None where a block is of another shape of more than one line, or none is so."""
    if not vals or not all(t[TEXT].isdigit() for t in vals):
        return None
    out: list[Token] = []
    joined = False
    for block in _blocks(r, vals):
        lines = _lines(block)
        if len(lines) == 1:
            out += block
            continue
        if len(lines) != 2 or len(block) != 2 or block[0][TEXT] == "0":
            return None
        a, b = block
        out.append(token(a[TEXT] + b[TEXT], a[START], b[END], a[LINE], a[COL], a[TABBED], split=True))
        joined = True
    return out if joined else None


def taken_over(r: Reading, rest: list[Token], key: str) -> list[Token]:
    """The values a row's reading left after its first cells (:func:`first_cells`), read as the next row's where
    that row prints no value after its label: exactly its cells, each a block of one line, its row total holding
    (poppler's （七）总计 / ``18`` / ``8`` … then 四、结转下年度继续办理's seven values, its label after them). Said
    (``values_after_labels``); an empty list where they are not so."""
    if (
        len(rest) != N_APP
        or any(len(block) != 1 for block in _blocks(r, rest))
        or not row_total_holds([int(t[TEXT]) for t in rest])
    ):
        return []
    r.warn(
        "values_after_labels",
        f"{key}: no value after its label; the {N_APP} values after the row before's cells "
        f"({' '.join(t[TEXT] for t in rest)}), printed before this label, read as its (a guess: its row total holds)",
        key,
        rest[0],
    )
    return rest


def unjoined_pieces(r: Reading, fits: dict[str, Fit], table: str, labels: Sequence[int] = ()) -> None:
    """Table 三's rows read with a piece of a number broken over lines as a value of its own, in text printing a cell
    a block: a block of two or three lines of values whose first and last lines print as many values, none of the
    first a 0 (:func:`paragraph_readings`' shape), whose pieces a row reads apart (``30`` and ``46`` for 3046, a
    reading whose row total held by chance). Such a row is left blank (``placement_open``): which of its numbers
    are whole is not in its reading. ``labels``: where the table's row labels start (sorted offsets); a block with
    one of them between its first and last lines is two rows' values, no number's pieces (a number's two lines
    stand in one row's cell, above the next row's label: 7590's ``227`` after （一）予以公开, its ``0`` after
    （二）部分公开's first line)."""
    if not fits or not is_block_cells(r.extracted.text):
        return
    pieces = _pieces(r, labels)
    if not pieces:
        return
    for key, f in list(fits.items()):
        apart = [t for t in f.tokens if t is not None and (t[START], t[END]) in pieces]
        if not apart:
            continue
        r.warn(
            "placement_open",
            f"{table}/{key}: read with {' '.join(t[TEXT] for t in apart)} as values of their own, pieces of numbers "
            "broken over lines (poppler's block of a number's two lines, the first and last printing as many values): "
            "which of the row's numbers are whole is not in that reading; the row left blank",
            f"{table}/{key}",
            apart[0],
        )
        fits[key] = Fit([None] * len(f.tokens), "positional", [])


def _pieces(r: Reading, labels: Sequence[int]) -> set[tuple[int, int]]:
    """The (start, end) of every value printed as a piece of a number broken over lines (see
    :func:`unjoined_pieces`)."""
    vals = [t for t in r.tokens if t[IS_VALUE] and t[TEXT]]
    out: set[tuple[int, int]] = set()
    if not vals:
        return out
    for block in _blocks(r, vals):
        lines = _lines(block)
        if (
            len(lines) in (2, 3)
            and len(lines[0]) == len(lines[-1])
            and all(t[TEXT].isdigit() and t[TEXT] != "0" for t in lines[0])
            and all(t[TEXT].isdigit() for t in block)
            and not _label_between(labels, lines[0][-1][END], lines[-1][0][START])
        ):
            out.update((t[START], t[END]) for t in (*lines[0], *lines[-1]))
    return out


def _label_between(labels: Sequence[int], start: int, end: int) -> bool:
    """A row label (``labels``: sorted offsets) starts between offsets ``start`` and ``end``."""
    at = bisect.bisect_left(labels, start)
    return at < len(labels) and labels[at] < end


def _lines(block: list[Token]) -> list[list[Token]]:
    """A block's values by their lines."""
    return [list(g) for _, g in itertools.groupby(block, key=lambda t: t[LINE])]


def _blocks(r: Reading, vals: list[Token]) -> list[list[Token]]:
    """``vals`` in poppler's blocks: values with no blank line between them are one block (a label's lines may
    stand among them)."""
    out: list[list[Token]] = [[vals[0]]]
    for prev, t in itertools.pairwise(vals):
        between = r.text[prev[END] : t[START]]
        if "\n\n" in between or "\f" in between:
            out.append([t])
        else:
            out[-1].append(t)
    return out
