"""Table 二 (主动公开政府信息情况): 第二十条 blocks, each with its own column headers."""

from __future__ import annotations

import re

from parsers.tables.align import fit, positional
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_HEADERS, ACTIVE_REQUIRED, ACTIVE_ROWS
from parsers.tables.tokens import Token

T = "active"
_BLOCK = r"第二十条第\(?[一二三四五六七八九十]+\)?项"


def read_active(r: Reading, fmt: str, start: int, end: int) -> None:
    """Read the rows of table 二 found between tokens ``start`` and ``end``."""
    defaults = ACTIVE_DEFAULTS.get(fmt, ACTIVE_DEFAULTS["2021"])
    first_block = r.first_index(_BLOCK, start, end)
    if first_block is not None:
        start = first_block
    # where every row label sits
    labels: list[tuple[int, str]] = []
    for i in range(start, min(end, len(r.tokens))):
        tok = r.tokens[i]
        if not tok.is_labelish:
            continue
        for row in ACTIVE_ROWS:
            if row.matches(tok.compact) and row.key not in {k for _, k in labels}:
                labels.append((i, row.key))
                break
    blocks = [
        i
        for i in range(start, min(end, len(r.tokens)))
        if r.tokens[i].is_labelish and re.search(_BLOCK, r.tokens[i].compact)
    ]
    boundaries = sorted({i for i, _ in labels} | set(blocks) | {end})
    for i, key in labels:
        columns = _header_columns(r, blocks, i) or defaults.get(key)
        columns = _misread_header(r, i, key, columns, defaults.get(key))
        if not columns:
            r.warn("unknown_row", f"row {key} has no columns in format {fmt}", f"{T}/{key}", r.tokens[i])
            continue
        stop = next(b for b in boundaries if b > i)
        _read_row(r, i, stop, key, list(columns))
    found = {k for _, k in labels}
    for key in ACTIVE_REQUIRED.get(fmt, ()):
        if key not in found:
            r.warn("missing_row", f"row {key} of table 二 not found; its cells are blank", f"{T}/{key}")
            for col in defaults[key]:
                r.put(f"{T}/{key}/{col}", None)


def _misread_header(
    r: Reading, i: int, key: str, columns: tuple[str, ...] | None, template: tuple[str, ...] | None
) -> tuple[str, ...] | None:
    """OCR hook: a header cell misread (本年度止件数 for 本年废止件数) names fewer columns than the template, in
    the template's order, while the row's TAB line has a cell for each of the template's columns: the template's
    columns are taken, with a warning naming them."""
    if not columns or not template or len(columns) >= len(template) or len(r.line_after(i)) != len(template):
        return columns
    if [c for c in template if c in columns] != list(columns):
        return columns
    r.warn(
        "fuzzy_label",
        f"{T}/{key}: the header names {', '.join(columns)} only, the row has a cell for each of the template's "
        f"columns ({', '.join(template)}): read as the template's",
        f"{T}/{key}",
        r.tokens[i],
    )
    return template


def _header_columns(r: Reading, blocks: list[int], row_index: int) -> tuple[str, ...] | None:
    """The column keys named by the header of the block that holds the row."""
    block = max((b for b in blocks if b < row_index), default=None)
    if block is None:
        return None
    cols: list[str] = []
    for tok in r.tokens[block + 1 : row_index]:
        if not tok.is_labelish:
            continue
        # one token may hold several headers (a row printed without cell separators)
        hits: dict[int, str] = {}
        for pattern, key in ACTIVE_HEADERS:
            for m in re.finditer(pattern, tok.compact):
                if not any(abs(m.start() - at) < 2 for at in hits):
                    hits[m.start()] = key
        for _, key in sorted(hits.items()):
            if key not in cols:
                cols.append(key)
    return tuple(cols) or None


def _read_row(r: Reading, i: int, stop: int, key: str, columns: list[str]) -> None:
    n = len(columns)
    label = r.tokens[i]
    line = r.line_after(i)
    pos = positional(line, n) if len(line) >= n else None
    keys = [f"{T}/{key}/{c}" for c in columns]
    if pos is not None:
        for k, tok in zip(keys, pos, strict=True):
            r.put(k, tok, blank_where=label)
        return
    vals: list[Token] = [t for t in r.tokens[i + 1 : stop] if t.is_value]
    if len(vals) > n:
        r.warn(
            "extra_values",
            f"{T}/{key}: {len(vals)} values for {n} columns; the first {n} are used "
            f"(ignored: {', '.join(t.text for t in vals[n:])})",
            f"{T}/{key}",
            vals[n],
        )
        vals = vals[:n]
    r.put_fit(keys, fit(vals, n), label, T)
