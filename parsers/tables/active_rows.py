"""Table 二's rows as the template names them: the 第二十条 block titles, every row label, and which row a
label names."""

from __future__ import annotations

import functools
import re

from parsers.tables.templates import (
    ACTIVE_ROWS,
    RowDef,
    full_labels,
    union,
)

ACTIVE_FUZZY_MIN = 0.7  # the active table's labels are short: a closer match is needed


# a block's title; OCR misreads its numeral (（六） → (A), （八） → 〈八), UN)), so any short numeral is taken
BLOCK = r"第二十条第\S{0,4}项"


BLOCK_RE = re.compile(BLOCK)


# the procurement block of format 2019: its number (第二十条第（九）项) or a cell of its header
PROCUREMENT_BLOCK = r"第二十条第[(（]?九[)）]?项|采购项目数量|采购总金额"


SECTION_THREE = r"^三[、.．]\s*收到和处理政府信息公开申请"


ANY_ROW = union(ACTIVE_ROWS)  # a label no row matches is passed over with one search


LABELS = full_labels(ACTIVE_ROWS)  # every label the rows match whole (their patterns run from ^ to $)


LABELS_LONGEST_FIRST = sorted(LABELS or (), key=len, reverse=True)


LABELS_ENDINGS = tuple(LABELS_LONGEST_FIRST)


# a wrapped label's first line is shorter than the longest label (其他对外管理服务事 / 项)
LONGEST = max(map(len, LABELS)) if LABELS else 9


@functools.lru_cache(maxsize=2048)
def may_begin_label(compact: str) -> bool:
    """False when no label wrapped from this one (``compact`` and the fragments after it) can be a row's: no row
    label starts with it and runs on (a header cell, ``本年制发件数``, is not joined with what follows)."""
    return LABELS is None or any(label.startswith(compact) and len(label) > len(compact) for label in LABELS)


@functools.lru_cache(maxsize=2048)
def row_named(label: str) -> RowDef | None:
    """The first row of table 二 whose patterns find ``label`` (compact), if any (cached: labels repeat)."""
    return next((row for row in ACTIVE_ROWS if row.matches(label)), None) if ANY_ROW.search(label) else None
