"""Table 二 rows no label pattern found: matched by meaning among the unclaimed labels, or by the template's
order between the rows found."""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterator

from parsers.tables.active_rows import ACTIVE_FUZZY_MIN, ANY_ROW, BLOCK_RE
from parsers.tables.labels import similarity
from parsers.tables.page_heads import HEADS
from parsers.tables.reading import Reading
from parsers.tables.templates import (
    ACTIVE_DEFAULTS,
    ACTIVE_HEADERS,
    ACTIVE_REQUIRED,
    ACTIVE_ROWS,
    RowDef,
)
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    COMPACT,
    IS_LABELISH,
    IS_NUMBER,
    LINE,
    TEXT,
)


def labels_by_meaning(r: Reading, labels: list[tuple[int, str]], start: int, end: int) -> None:
    """Rows no pattern found, matched by meaning among the unclaimed labels that carry values on their line
    (OCR's wrong characters: ``行政许叮``); each match is a ``fuzzy_label`` warning."""
    found = {k for _, k in labels}
    missing = [row for row in ACTIVE_ROWS if row.key not in found]
    if not missing:
        return
    claimed = {i for i, _ in labels}
    # a row printed under the previous row's label (a converter repeated the label): the next row, by order
    first = {k: i for i, k in labels}
    in_range = r._label_indexes(start, end)  # only labels are asked below
    for i in in_range:
        tok = r.tokens[i]
        # (no row's pattern in the label: the one search that rules it out before the row is looked at)
        if i in claimed or not ANY_ROW.search(tok[COMPACT]) or not r.row_like(i, same_line=True):
            continue
        dup = next((k for k, row in enumerate(ACTIVE_ROWS) if row.matches(tok[COMPACT])), None)
        if dup is None or dup + 1 >= len(ACTIVE_ROWS) or first.get(ACTIVE_ROWS[dup].key, i) >= i:
            continue
        if r.tokens[first[ACTIVE_ROWS[dup].key]][LINE] == tok[LINE]:
            continue  # the label's cell repeated on its own row's line (a converter's grid columns): the same row
        nxt = ACTIVE_ROWS[dup + 1]
        if nxt not in missing:
            continue
        missing.remove(nxt)
        labels.append((i, nxt.key))
        claimed.add(i)
        r.warn(
            "fuzzy_label",
            f"{T}/{nxt.key}: a second row labelled {tok[TEXT]!r} read as the template's next row {nxt.label!r}",
            f"{T}/{nxt.key}",
            tok,
        )
    for i in in_range:
        tok = r.tokens[i]
        if i in claimed or not 2 <= len(tok[COMPACT]) <= 14 or not _row_like(r, i):
            continue
        scores = sorted(((similarity(tok[COMPACT], row.label), row) for row in ACTIVE_ROWS), key=lambda x: -x[0])
        score, row = scores[0]
        runner_up = scores[1][0]
        if row not in missing or score < ACTIVE_FUZZY_MIN or score - runner_up < 0.2:
            continue
        missing.remove(row)
        labels.append((i, row.key))
        r.warn(
            "fuzzy_label",
            f"{T}/{row.key}: label {tok[TEXT]!r} read as the template's {row.label!r} "
            f"(similarity {min(score, 1.0):.2f})",
            f"{T}/{row.key}",
            tok,
        )
    labels.sort()


def _row_like(r: Reading, i: int) -> bool:
    """Label ``i`` carries a value on its line, or (alone on its line: a text that prints a cell a line, lynx's and
    docx2txt's) within the next two lines."""
    if r.row_like(i, same_line=True):
        return True
    tokens, line = r.tokens, r.tokens[i][LINE]
    alone = (i == 0 or tokens[i - 1][LINE] != line) and (i + 1 == len(tokens) or tokens[i + 1][LINE] != line)
    return alone and r.row_like(i)


HEADER_WORDS = re.compile("|".join([r"信息内容", *(p for p, _ in ACTIVE_HEADERS)]))
# table 三's header cells (its applicants' columns): between table 二's last block and table 三's first row, where a
# row of table 二 missing last is looked for, they are never its label (synth_5476's scan: 政府集中采购's label lost,
# the header's ``法人或其他组织`` read as it, the 总计 heading after it misread ``8`` as its amount)
TABLE_THREE_HEADS = frozenset(h for h in HEADS if h not in ("其他", "总计"))


@functools.cache
def rows_in_order(fmt: str) -> tuple[RowDef, ...]:
    """The format's rows of table 二, in the template's order (made once per format)."""
    return tuple(row for row in ACTIVE_ROWS if row.key in ACTIVE_DEFAULTS.get(fmt, ACTIVE_DEFAULTS["2021"]))


def labels_by_order(r: Reading, labels: list[tuple[int, str]], fmt: str, start: int, end: int) -> None:
    """Rows still missing, read by the template's order alone: where the rows found before and after them in
    the template leave a run of rows missing, and as many unrecognised label lines carrying numbers sit
    between those two rows' labels (labels OCR garbled beyond recognition, ``观竞`` for 规章, or a converter's
    repeat of a neighbour's label), the lines are the rows, in order. Each is a ``fuzzy_label`` warning naming
    the label read."""
    order = rows_in_order(fmt)
    at = {key: i for i, key in labels}
    if all(row.key in at for row in order):
        return
    claimed = set(at.values())
    required = set(ACTIVE_REQUIRED.get(fmt, ()))
    anchors = _anchors(r, order, at, start, end) if r.extracted.ocr else {}
    bounds = {**at, **anchors}
    for k, j in missing_runs(order, bounds):
        lo = bounds[order[k - 1].key] + 1 if k else start
        hi = bounds[order[j].key] if j < len(order) else end
        lines: dict[int, int] = {}
        for i in range(lo, min(hi, len(r.tokens))):
            tok = r.tokens[i]
            if i in claimed or not tok[IS_LABELISH] or len(tok[COMPACT]) > 14:
                continue
            if BLOCK_RE.search(tok[COMPACT]) or HEADER_WORDS.search(tok[COMPACT]) or tok[COMPACT] in TABLE_THREE_HEADS:
                continue
            if _in_found_row(r, i, claimed):
                continue
            if k and _label_rest(r, lo - 1, i, order[k - 1].label):
                continue  # the rest of the row before's label, wrapped onto the line of its values
            if _piece_of_another(tok[COMPACT], order, order[k:j]):
                continue
            if _numbers_follow(r, i):
                lines[tok[LINE]] = i  # the last label on a line (a group heading may come first)
        missing = list(order[k:j])
        if len(lines) != len(missing):
            missing = [row for row in missing if row.key in required]
        if lines and len(lines) == len(missing):
            edges = [order[m] for m in (k - 1, j) if 0 <= m < len(order) and order[m].key in anchors]
            named = "".join(
                f"; {row.label!r} bounding them by its label {r.tokens[anchors[row.key]][TEXT]!r}, its values unread"
                for row in edges
            )
            for row, i in zip(missing, sorted(lines.values()), strict=True):
                labels.append((i, row.key))
                claimed.add(i)
                r.warn(
                    "fuzzy_label",
                    f"{T}/{row.key}: label {r.tokens[i][TEXT]!r} read as the template's {row.label!r} (template "
                    f"order: {len(missing)} row(s) missing between its neighbours, as many label lines with numbers"
                    f"{named})",
                    f"{T}/{row.key}",
                    r.tokens[i],
                )
    labels.sort()


def _anchors(r: Reading, order: tuple[RowDef, ...], at: dict[str, int], start: int, end: int) -> dict[str, int]:
    """OCR: the labels of missing rows read well enough to name them (as :func:`labels_by_meaning` would) whose values
    the engine could not read as numbers (synth_4150's fax: ``行政事业性收虽`` beside ``5 0条第(九)项``, its cells run
    into the next block's title): no row is read from them, but each bounds the runs of missing rows around it, as a
    found row's label does (its row's place in the template, between the found rows before and after it)."""
    missing = [row for row in order if row.key not in at]
    claimed = set(at.values())
    anchors: dict[str, int] = {}
    for i in r._label_indexes(start, end):
        tok = r.tokens[i]
        if i in claimed or not 2 <= len(tok[COMPACT]) <= 14 or _numbers_follow(r, i):
            continue
        if BLOCK_RE.search(tok[COMPACT]) or HEADER_WORDS.search(tok[COMPACT]):
            continue
        scores = sorted(((similarity(tok[COMPACT], row.label), row) for row in ACTIVE_ROWS), key=lambda x: -x[0])
        (score, row), runner_up = scores[0], scores[1][0]
        if row not in missing or score < ACTIVE_FUZZY_MIN or score - runner_up < 0.2 or row.key in anchors:
            continue
        k = order.index(row)
        before = [at[o.key] for o in order[:k] if o.key in at]
        after = [at[o.key] for o in order[k + 1 :] if o.key in at]
        if (before and before[-1] >= i) or (after and after[0] <= i):
            continue  # out of the template's order among the rows found
        anchors[row.key] = i
    return anchors


def missing_runs(order: tuple[RowDef, ...], present: Container[str]) -> Iterator[tuple[int, int]]:
    """Each run of the rows of ``order`` whose keys are not ``present``: the index of its first row and the index
    after its last."""
    k = 0
    while k < len(order):
        if order[k].key in present:
            k += 1
            continue
        j = k
        while j < len(order) and order[j].key not in present:
            j += 1
        yield k, j
        k = j


def _piece_of_another(text: str, order: tuple[RowDef, ...], missing: tuple[RowDef, ...]) -> bool:
    """``text`` is a piece of another row's label, not of a missing row's (``管理`` of 其他对外管理服务事项, its label
    wrapped over lines in a narrow column): no label of the missing rows by their order."""
    if len(text) < 2:
        return False
    if any(text in row.label for row in missing):
        return False
    return any(text in row.label and text != row.label for row in order if row not in missing)


def _numbers_follow(r: Reading, i: int) -> bool:
    """Label ``i`` carries numbers on its line: a number within its next eleven tokens there, and no other label
    between (a header's cells before a row's numbers, ``其他 | 总计 | 商业企业 … | 一、本年新收… | 0``, where a page's
    tables print on one line: markdownify's and markitdown's text of a layout table whose one cell holds them)."""
    line = r.tokens[i][LINE]
    for t in r.tokens[i + 1 : i + 12]:
        if t[LINE] != line:
            return False
        if t[IS_NUMBER]:
            return True
        if t[IS_LABELISH]:
            return False
    return False


def _in_found_row(r: Reading, i: int, found: set[int]) -> bool:
    """Whether token ``i`` stands after a found row's label on its line with no number between: where that row's
    values are printed (OCR: 126 read ``人一1全`` in the value cell of 行政处罚), never a row label of its own. A
    line that prints a found row's values before the text (two rows on one line) leaves it a label."""
    line = r.tokens[i][LINE]
    for j in range(i - 1, -1, -1):
        tok = r.tokens[j]
        if tok[LINE] != line or tok[IS_NUMBER]:
            return False
        if j in found:
            return True
    return False


def _label_rest(r: Reading, before: int, i: int, label: str) -> bool:
    """Token ``i`` is a later piece of the label of the row found at token ``before``, wrapped onto a line of its
    own (``行政事业性收`` / ``费 3 0``, ``|行政事业|性收费|0|1|``, ``行政事`` / ``业性收 5 0`` / ``费``): the two,
    joined, run on in the template's label ``label``, the row before's, which its own label token alone does not
    complete. Such a piece is no row's label: the template's order would read it as the next row's, and that row's
    numbers as the row before's."""
    head, rest = r.tokens[before][COMPACT], r.tokens[i][COMPACT]
    return rest in label and not label.endswith(head) and head[-2:] + rest in label
