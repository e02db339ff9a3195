"""Where each template row's label is in the text: in the template's order, then by meaning (:func:`locate`).

Split from :class:`parsers.tables.reading.Reading`, whose :meth:`~parsers.tables.reading.Reading.find` finds one
row's label by its patterns: a row no pattern finds is looked for by meaning among the unclaimed labels where the
template's order puts it, a label glued to its number split, a row between two found ones taken in order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from parsers.tables.label_heads import GROUP_WORDS, in_applicants_header, numbered_total_after, wrapped_label_head
from parsers.tables.labels import FUZZY_MIN, distinctive, numbering, similarity
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import GLUED_RE, Found, Reading
from parsers.tables.templates import RowDef
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_NUMBER,
    IS_VALUE,
    LABEL_MAX,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    token,
)

FIRST_ROW_VALUES = 3  # a table's first row, found by the order alone, prints this many values on its line
# a label matched by meaning may sit in a run of labels printed apart from their values (a converter's broken
# table: the labels on lines of their own, the values in label-less rows after them): this many lines on
_APART_LINES = 8
# later rows whose labels print, in the template's order, before the one a row's label was found at: that label is
# printed out of place (poppler's default mode printed 4046's 4、保护第三方合法权益 and 5、属于三类内部事务信息 after
# the rows of （五）不予处理), and the row is left unfound rather than every row between lost: in text printing a
# cell a block only (paragraph_pieces.is_block_cells)
MIN_SKIPPED = 3
# table 三's group heading printed before its first sub-row's label on one line (glued text, a label cell spanning
# rows: ``（四）无法提供1.本机关不常握相关政府信息086000086``): set aside when the label is compared by meaning
_GROUP_HEAD = re.compile(r"^[(（][三四五六][)）](?:不予公开|无法提供|不予处理|其他处理)(?=\d)")


# table 三's group headings (label_heads.GROUP_WORDS) are no row's label (but 2019's （六）其他处理, a row of its own):
# a label cell cut in a narrow column prints their pieces on lines of their own (``(三)不`` / ``予公开``)


def _heading_piece(label: str, template: str) -> bool:
    """Whether ``label`` is a piece of a group heading's wording (``予公开`` of （三）不予公开), printed without a
    numbering, that the template row's own wording does not print as such: no row label to match by meaning
    (``予公开`` is no (一)予以公开; ``（一）予公开``, OCR's, is)."""
    words = distinctive(label)
    return (
        len(words) >= 2
        and numbering(label) is None
        and any(words in heading for heading in GROUP_WORDS)
        and words not in distinctive(template)
    )


_Line = TypeVar("_Line")


def place_in_order(
    found: list[Found | None],
    lines: Callable[[int, int, Found | None, Found | None], Sequence[tuple[int, _Line]] | None],
    placed: Callable[[int, int, int, int, _Line], None],
) -> None:
    """The template's order alone, over each run of rows missing between two rows found: rows ``k`` to ``j - 1``
    missing, ``prev`` and ``nxt`` the rows found before and after (None at the table's ends). ``lines(k, j, prev,
    nxt)`` is the line test: the candidate lines between them, in order, each the index of the token that is the row's
    label and what the caller's warning needs of it (None: no candidate). When exactly as many lines as rows
    missing are candidates, each line is one of those rows in the template's order: ``found`` is filled in place
    and ``placed(row_k, index, k, j, detail)`` gives the warning naming the guess. Runs are walked in order, each
    placed before the next is tested. Callers: :func:`locate` (unrecognised label lines carrying values) and
    :func:`parsers.tables.lost_labels.place_lost_labels` (lines whose label cell the engine lost)."""
    k = 0
    while k < len(found):
        if found[k] is not None:
            k += 1
            continue
        j = k
        while j < len(found) and found[j] is None:
            j += 1
        prev, nxt = (found[k - 1] if k else None), (found[j] if j < len(found) else None)
        candidates = lines(k, j, prev, nxt)
        if candidates is not None and len(candidates) == j - k:
            for row_k, (i, detail) in zip(range(k, j), candidates, strict=True):
                found[row_k] = Found(i, None)
                placed(row_k, i, k, j, detail)
        k = j


def locate(r: Reading, rows: list[RowDef], start: int, end: int | None, table: str) -> list[Found | None]:
    """Find each row label in template order; a row whose successor comes first is missing.

    A row no pattern finds is then looked for by meaning (:mod:`parsers.tables.labels`) among the unclaimed
    labels where the template's order puts it; every such match is a ``fuzzy_label`` warning.
    """
    found: list[Found | None] = []
    pos = start
    labels = r._labels
    block_cells: bool | None = None  # is_block_cells, computed once where first asked
    for k, row in enumerate(rows):
        f = r.find(row, pos, end)
        while f is not None and table == "applications" and in_applicants_header(r.tokens, f.index):
            f = r.find(row, f.index + 1, end)  # a header cell (总计 over the totals), not the row's label
        if f is not None and table == "applications" and (j := numbered_total_after(r.tokens, f.index, end)):
            f = Found(j, None)  # a header's bare 总计 before the row's own （七）总计
        # the next row's label before this one's: only where a label comes before it (``f.index`` is a label's)
        if f is not None and k + 1 < len(rows) and labels[bisect.bisect_left(labels, pos)] < f.index:
            nxt = r.find(rows[k + 1], pos, f.index)
            if nxt is not None or (
                table == "applications"
                and (block_cells := is_block_cells(r.extracted.text) if block_cells is None else block_cells)
                and rows_skipped(r, rows, k, pos, f.index) >= MIN_SKIPPED  # after: it looks up every later row
            ):
                f = None
        if f is not None and f.glued is None and row.label:
            # found at a later fragment of its wrapped label, its values printed before: from the first
            head = wrapped_label_head(r.tokens, row.label, f.index, pos - 1)
            if head is not None:
                f = Found(head, None)
        found.append(f)
        if f is not None:
            pos = f.index + 1
    if any(f is None for f in found):
        _locate_by_meaning(r, rows, found, start, end, table)
    return found


def rows_skipped(r: Reading, rows: list[RowDef], k: int, lo: int, hi: int) -> int:
    """How many of the rows after row ``k`` print their labels one after another, in the template's order,
    between tokens ``lo`` and ``hi`` (where row ``k``'s label was found): the first of them may be missing, each
    later one is looked for after the one found before it."""
    n = 0
    pos = lo
    for row in rows[k + 1 :]:
        f = r.find(row, pos, hi)
        if f is None:
            if n:
                break
            continue
        n += 1
        pos = f.index + 1
        if n >= MIN_SKIPPED:
            break
    return n


def _locate_by_meaning(
    r: Reading, rows: list[RowDef], found: list[Found | None], start: int, end: int | None, table: str
) -> None:
    stop = len(r.tokens) if end is None else min(end, len(r.tokens))
    claimed = {f.index for f in found if f is not None}
    # by wording first, every row; then by the template's order alone, between the rows found by then
    for k, row in itertools.chain(((k, row) for k, row in enumerate(rows)), enumerate([None] * len(rows))):
        by_order = row is None
        row = rows[k]
        if found[k] is not None or not row.label:
            continue
        lo = max((f.index + 1 for f in found[:k] if f is not None), default=start)
        hi = min((f.index for f in found[k + 1 :] if f is not None), default=min(stop, lo + 400))
        best: tuple[float, int] | None = None
        for i in () if by_order else r._label_indexes(lo, hi):
            tok = r.tokens[i]
            label = tok[COMPACT] if (glued := _glued_label(r, i)) is None else glued[0]
            if i in claimed or len(label) < 2 or not (glued or r.row_like(i, lines=_APART_LINES)):
                continue
            if any(other.matches(label) for other in rows):
                continue
            label = _GROUP_HEAD.sub("", label) if table == "applications" else label
            if table == "applications" and _heading_piece(label, row.label):
                continue
            score = similarity(label, row.label)
            if score < FUZZY_MIN or (best is not None and score <= best[0]):
                continue
            # the label must be closer to this row than to any other row of the table
            if any(similarity(label, o.label) >= score for o in rows if o.label != row.label):
                continue
            best = (score, i)
        if best is None:
            best = _only_row_between(r, rows, found, k, lo, hi, claimed) if by_order else None
            if best is None:
                continue
        score, i = best
        glued = _glued_label(r, i) if score else None
        found[k] = Found(i, None if glued is None else glued[1])
        claimed.add(i)
        tok = r.tokens[i]
        how = f"similarity {min(score, 1.0):.2f}" if score else "the only row between its neighbours"
        if not score and any(o.matches(tok[COMPACT]) for o in rows):
            how += "; the label repeats another row's"
        if not score and tok[IS_VALUE]:
            how += "; the label cell read as a number, its line one value longer than the rows around it"
        r.warn(
            "fuzzy_label",
            f"{table}/{row.key}: label {tok[TEXT]!r} read as the template's {row.label!r} ({how})",
            f"{table}/{row.key}",
            tok,
        )
    _rows_between_in_order(r, rows, found, claimed, table, start)


def _glued_label(r: Reading, i: int) -> tuple[str, Token] | None:
    """In text that prints a row's cells glued to its label (convention ``glued``: ``8.属于行政査询事项0000000``),
    the label part of token ``i`` and the run of digits split off it; None elsewhere."""
    assert r.canonical is not None
    tok = r.tokens[i]
    if r.canonical.convention != "glued" or not tok[TEXT][-1:].isdecimal():
        return None
    m = GLUED_RE.match(tok[TEXT])
    if m is None:
        return None
    at = tok[START] + m.start("num")
    return "".join(m.group("label").split()), token(
        m.group("num"), at, tok[END], tok[LINE], tok[COL], tok[TABBED], split=True
    )


def _rows_between_in_order(
    r: Reading, rows: list[RowDef], found: list[Found | None], claimed: set[int], table: str, start: int
) -> None:
    """A run of rows missing between two rows found, with exactly as many unrecognised label lines carrying
    values between them (labels OCR garbled): the lines are the rows, in the template's order
    (:func:`place_in_order`). The table's first rows too, between its start and the first row found: there the
    header's lines come first, so only lines printing :data:`FIRST_ROW_VALUES` values or more count (a faxed
    scan: 一、术年新路改府信息公并申请天是, 二上年后村政府信息公开申请歼节 before (一)予以公开)."""

    def label_lines(k: int, j: int, prev: Found | None, nxt: Found | None) -> list[tuple[int, None]] | None:
        first = k == 0 and nxt is not None and start < nxt.index
        if nxt is None or not ((prev is not None and j - k >= 2) or first):
            return None
        taken = {r.tokens[nxt.index][LINE]} | ({r.tokens[prev.index][LINE]} if prev else set())
        # table 三's rows print under its applicants' header: on a scan the parser read, a line above it is another
        # table's (table 二's 行政规范性文件 line where OCR lost table 二's heading, synth_5444)
        scan = first and table == "applications" and r.extracted.ocr
        header = _last_applicants_header(r, start, nxt.index) if scan else None
        per_line: dict[int, int] = {}
        indexes = r._label_indexes(prev.index + 1 if prev else start, nxt.index)
        if header is not None:  # and a label OCR read with a full stop (``工。上年纺轮政府该.息公开电请数量:``)
            indexes = sorted({*indexes, *_full_stop_labels(r, start, nxt.index)})
        for i in indexes:
            tok = r.tokens[i]
            if (
                i not in claimed
                and tok[LINE] not in taken
                and (header is None or tok[LINE] > header)
                and len(tok[COMPACT]) >= 2
                and r.row_like(i, same_line=True)
                and _unknown_or_repeat(r, i, rows, found)
                and (not first or r._values_on_line(i) >= FIRST_ROW_VALUES)
            ):
                per_line[tok[LINE]] = i  # the last label on a line (a group heading may come first)
        if prev is not None and 0 < j - k - len(per_line) <= len(
            numbered := _number_label_lines(r, prev.index, nxt.index, claimed)
        ):
            # and lines whose label cell OCR read as a number (``2.重复申请`` read ``28``), one value longer
            numbered = [i for i in numbered if r.tokens[i][LINE] not in per_line]
            if len(per_line) + len(numbered) == j - k:
                per_line.update({r.tokens[i][LINE]: i for i in numbered})
        return [(i, None) for i in sorted(per_line.values())]

    def placed(row_k: int, i: int, k: int, j: int, _: None) -> None:
        claimed.add(i)
        r.warn(
            "fuzzy_label",
            f"{table}/{rows[row_k].key}: label {r.tokens[i][TEXT]!r} read as the template's "
            f"{rows[row_k].label!r} (template order: the {j - k} rows missing "
            # a run placed from the table's start is the run before the first row found
            + ("before the first row found" if k == 0 else "between its neighbours")
            + ", as many label lines with values"
            + ("; the label cell read as a number, its line one value longer)" if r.tokens[i][IS_VALUE] else ")"),
            f"{table}/{rows[row_k].key}",
            r.tokens[i],
        )

    place_in_order(found, label_lines, placed)


def _last_applicants_header(r: Reading, start: int, stop: int) -> int | None:
    """The last line from token ``start`` to ``stop`` that prints table 三's applicants' header (自然人 …), if any."""
    lines = [r.tokens[i][LINE] for i in r._label_indexes(start, stop) if in_applicants_header(r.tokens, i)]
    return max(lines, default=None)


def _full_stop_labels(r: Reading, start: int, stop: int) -> list[int]:
    """Tokens from ``start`` to ``stop`` that open a TAB line as a label would but print a full stop, so are no
    label token (``tokens``: a full stop is prose's); OCR reads a label's 、 so (``二、上年结转`` read ``工。上年``)."""
    return [
        i
        for i in range(start, min(stop, len(r.tokens)))
        if (tok := r.tokens[i])[TABBED]
        and tok[COL] == 0
        and not tok[IS_VALUE]
        and "。" in tok[COMPACT]
        and len(tok[COMPACT]) <= LABEL_MAX
    ]


def _unknown_or_repeat(r: Reading, i: int, rows: list[RowDef], found: list[Found | None]) -> bool:
    """Label ``i`` names no row of the table, or only rows already found elsewhere: a converter repeated
    a neighbour's label into this row (a spanned label cell copied down), so the label says nothing of the
    row and the template's order decides."""
    compact = r.tokens[i][COMPACT]
    for row, f in zip(rows, found, strict=True):  # noqa: SIM110 (the loop as it was, moved from reading.py)
        if row.matches(compact) and (f is None or f.index == i):
            return False
    return True


def _only_row_between(
    r: Reading, rows: list[RowDef], found: list[Found | None], k: int, lo: int, hi: int, claimed: set[int]
) -> tuple[float, int] | None:
    """The template's order alone: row ``k`` is the only row missing between two rows found, and one
    unrecognised label line with values sits between them (a label OCR garbled: ``AAS ERIS EX``)."""
    if k + 1 >= len(rows) or (k and found[k - 1] is None) or found[k + 1] is None:
        return None
    prev, nxt = (found[k - 1] if k else None), found[k + 1]
    assert nxt is not None
    taken = {r.tokens[nxt.index][LINE]} | ({r.tokens[prev.index][LINE]} if prev is not None else set())
    before = rows[k - 1].label if k else ""
    candidates = [
        i
        for i in r._label_indexes(lo, hi)
        if i not in claimed
        and r.tokens[i][LINE] not in taken  # a group heading on a row's line is part of that row
        and len(r.tokens[i][COMPACT]) >= 2
        and r.row_like(i, same_line=True)
        and _unknown_or_repeat(r, i, rows, found)
        # nor the rest of the row before's label, wrapped onto the line of its values (``5 要求行政机关确认或
        # 重新出具`` / ``已获取信息 1 0 0 …``)
        and not (prev is not None and r.tokens[i][COMPACT] in before)
    ]
    if k == 0:
        # the first row: between the table's title and its second row come the header's lines too, which
        # print no numbers; the row's line prints several
        candidates = [i for i in candidates if r._values_on_line(i) >= FIRST_ROW_VALUES]
    if not candidates and prev is not None:
        return _number_label_line(r, prev.index, nxt.index, claimed)
    if len({r.tokens[i][LINE] for i in candidates}) != 1:
        return None
    if r.extracted.ocr:
        # a scan's row (a TAB line): its label cell comes before its values; a cell among them read as glyphs
        # (``3也危及?三安人 6 外. 6 6 6 1 1``) is a value misread, and its row's values are not the ones after it.
        # Where every candidate is such a cell (the label read as nothing), the grid's columns place the values
        candidates = [i for i in candidates if not _value_before(r, i)] or candidates
    # one line: a group heading (``(三)不予公开``, misread ``(=)``) may come before the row's own label
    return (0.0, candidates[-1])


def _value_before(r: Reading, i: int) -> bool:
    """A value prints before token ``i`` on its TAB line."""
    tokens = r.tokens
    line = tokens[i][LINE]
    k = i - 1
    while k >= 0 and tokens[k][LINE] == line:
        if tokens[k][IS_VALUE] and tokens[k][TABBED]:
            return True
        k -= 1
    return False


def _number_label_line(r: Reading, prev: int, nxt: int, claimed: set[int]) -> tuple[float, int] | None:
    """The only row missing between two rows found, whose label cell OCR read as a short number
    (``3.要求提供公开出版物`` read ``5``: a numbered label's number alone): the one TAB line between
    them that prints one value more than both its neighbours print after their labels, its first cell that
    short number (:meth:`_number_label_lines`), and no other line between them printing a value. The number is
    the label (index returned); the values after it are the row's."""
    found = _number_label_lines(r, prev, nxt, claimed)
    if len(found) != 1:
        return None
    tokens = r.tokens
    first_line, last_line = tokens[prev][LINE], tokens[nxt][LINE]
    if any(
        first_line < tokens[i][LINE] < last_line and tokens[i][LINE] != tokens[found[0]][LINE] and tokens[i][IS_VALUE]
        for i in range(prev + 1, nxt)
        if tokens[i][TEXT] and not r.placeholder(tokens[i])
    ):
        return None  # every other line between them prints no value (the wrapped rest of a label, a heading)
    return (0.0, found[0])


def _number_label_lines(r: Reading, prev: int, nxt: int, claimed: set[int]) -> list[int]:
    """The TAB lines between rows ``prev`` and ``nxt`` (found) that print one value more than both of them print
    after their labels, the first a short number: a label cell OCR read as a number. The index of each such
    first cell (the label), in line order."""
    tokens = r.tokens
    want = r._values_on_line(prev)
    if want < 2 or r._values_on_line(nxt) != want:
        return []
    first_line, last_line = tokens[prev][LINE], tokens[nxt][LINE]
    lines: dict[int, list[int]] = {}
    for i in range(prev + 1, nxt):
        tok = tokens[i]
        if first_line < tok[LINE] < last_line and tok[TEXT] and not r.placeholder(tok):
            lines.setdefault(tok[LINE], []).append(i)
    # the column of the row before's first value
    first_col = next((t[COL] for t in tokens[prev + 1 : nxt] if t[IS_VALUE]), -1)
    return [
        idx[0]
        for idx in lines.values()
        if len(idx) == want + 1
        and all(tokens[i][IS_VALUE] and tokens[i][TABBED] for i in idx)
        and tokens[idx[0]][IS_NUMBER]
        # a number of one or two characters; of up to four (``(七)总计`` read ``4587``) where it lies in the
        # label's column and the values after it in the row before's
        and (
            len(tokens[idx[0]][COMPACT]) <= 2
            or (len(tokens[idx[0]][COMPACT]) <= 4 and tokens[idx[0]][COL] < tokens[idx[1]][COL] == first_col)
        )
        and idx[0] not in claimed
    ]


def next_found(found: list[Found | None]) -> list[int | None]:
    """For each row of ``found``, the token index of the next row found after it (None after the last)."""
    out: list[int | None] = [None] * len(found)
    later: int | None = None
    for k in range(len(found) - 1, -1, -1):
        out[k] = later
        f = found[k]
        if f is not None:
            later = f.index
    return out
