"""Table 三's values printed between the pieces of one row label: poppler's block order places them in that row.

A label cell holding a line break (``3.危及“三安全<br>一稳定”``) prints over several lines, and poppler's default
text (``pdftotext`` without ``-layout``) can print a value block between the label's pieces: the row's 自然人 cell
beside the label, set between the label's lines (tuning seed 7958: ``3.危及`` / ``“三安`` / ``全`` / ``2,186`` /
``一稳`` / ``定”``; 7943: ``1.本机关不掌`` / ``握`` / ``41`` / ``相关政府信息``). A value so printed is the row's.

Where a reading that ignores the labels (pdfminer's nested boxes, :mod:`parsers.tables.column_blocks`) puts such a
value in another row of the same group, the identities cannot tell the two rows apart (the rows of one group add up
the same way); the text does. :func:`values_in_labels` finds those values: a value whose nearest tokens on both sides
are label text, the pieces before it (back to a numbered piece, the label's start) and after it (up to the next
numbered piece or value) making one template label by meaning (:func:`parsers.tables.labels.similarity`), that label
the best match by a clear margin, and the pieces before it alone not a whole label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.model import Cell
from parsers.tables.checks import application_checks
from parsers.tables.labels import similarity
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, RowDef
from parsers.tables.tokens import COMPACT, IS_LABELISH, IS_VALUE, START, Token

MAX_PIECES = 4  # label pieces gathered on each side of the value
MIN_MATCH = 0.85  # the joined pieces' similarity to the row's template label
MIN_MARGIN = 0.1  # over the next best row's
_NUMBERED = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")


def _best(text: str, rows: list[RowDef]) -> tuple[float, float, str]:
    """The best row for ``text`` by meaning: its similarity, the next best row's, and its key."""
    scored = sorted(((similarity(text, row.label), row.key) for row in rows if row.label), reverse=True)
    if not scored:
        return 0.0, 0.0, ""
    return scored[0][0], scored[1][0] if len(scored) > 1 else 0.0, scored[0][1]


def values_in_labels(r: Reading, rows: list[RowDef], values: list[Token]) -> dict[int, str]:
    """The values (by their index in ``values``) printed between the pieces of one row's label: that row's key."""
    at = {t[START]: k for k, t in enumerate(r.tokens)}
    tokens = r.tokens
    out: dict[int, str] = {}
    for n, v in enumerate(values):
        k = at.get(v[START])
        if k is None or k == 0 or k + 1 >= len(tokens):
            continue
        if not _piece(tokens[k - 1]) or not _piece(tokens[k + 1]):
            continue
        before: list[str] = []
        j = k - 1
        while j >= 0 and _piece(tokens[j]) and len(before) < MAX_PIECES:
            before.insert(0, tokens[j][COMPACT])
            if _NUMBERED.match(tokens[j][COMPACT]):
                break
            j -= 1
        if not _NUMBERED.match(before[0]):
            continue  # not back to the label's start
        after: list[str] = []
        j = k + 1
        while j < len(tokens) and _piece(tokens[j]) and len(after) < MAX_PIECES:
            if _NUMBERED.match(tokens[j][COMPACT]):
                break
            after.append(tokens[j][COMPACT])
            j += 1
        if not after:
            continue
        score, second, key = _best("".join(before + after), rows)
        if score < MIN_MATCH or score - second < MIN_MARGIN:
            continue
        alone, _, alone_key = _best("".join(before), rows)
        if alone_key == key and alone >= score:
            continue  # the pieces before it are the whole label already: the value may be after the label
        out[n] = key
    return out


def _piece(t: Token) -> bool:
    return bool(t[IS_LABELISH]) and not t[IS_VALUE]


def swap_to_labels(
    r: Reading, t: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, table: str
) -> list[tuple[str, str, Token]]:
    """In ``t`` (table 三 read from ``values`` apart from its labels), each row that holds a value printed inside
    another row's label (:func:`values_in_labels`) exchanged with that row where every identity holds on the
    exchanged rows as it did before (rows of one group: the identities cannot tell them apart). The rows exchanged:
    (the label's row, the row the value was read in, the value)."""
    inside = values_in_labels(r, rows, values)
    if not inside:
        return []
    at = {c.where: key for key, c in t.cells.items() if c.where is not None and c.value is not None}
    swaps: list[tuple[str, str, Token]] = []
    for n, own in inside.items():
        key = at.get(t.where(values[n]))
        if key is None:
            continue
        read = key.split("/")[1]
        if read == own or any({own, read} & {a, b} for a, b, _ in swaps):
            continue
        swaps.append((own, read, values[n]))
    done: list[tuple[str, str, Token]] = []
    for own, read, v in swaps:
        before = [c.passed for c in application_checks(t.get, app_fmt)]
        mapping = {f"{table}/{own}/{c}": f"{table}/{read}/{c}" for c in APPLICANT_COLUMNS}
        mapping.update({b: a for a, b in mapping.items()})
        if any(k not in t.cells for k in mapping):
            continue
        after = [c.passed for c in application_checks(_exchanged(t, mapping), app_fmt)]
        if after != before:
            continue
        old = {k: t.cells[k] for k in mapping}
        for k, src in mapping.items():
            c = old[src]
            t.cells[k] = Cell(k, c.value, c.raw, c.where)
        done.append((own, read, v))
    return done


def _exchanged(t: Reading, mapping: dict[str, str]) -> Callable[[str], int | float | None]:
    """``t.get`` with the cells of ``mapping``'s keys read from the cells they map to."""
    return lambda key: t.get(mapping.get(key, key))
