"""Table 二 rows whose cells a text glues into one run of digits against the label: split into the row's cells."""

from __future__ import annotations

import re

from parsers.tables.reading import Reading
from parsers.tables.run_splits import DASHES, RUN, count_and_amount, split_marked, split_run
from parsers.tables.solve import split_any
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    COL,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    token,
)

GLUED = re.compile(r"^(?P<label>.*?[^\d\s.,])(?P<num>\d[\d,]*(?:\.\d+)?)$")


# in text that glues every row's cells to its label (convention ``glued``): a run whose cells hold a negative
# change (行政事业性收费58-2: 58 and -2), split by :func:`parsers.tables.run_splits.split_run`
GLUED_SIGNED = re.compile(r"^(?P<label>.*?[^\d\s.,\-])(?P<num>\d[\d,.]*(?:-\d[\d,.]*)+)$")


# and a run printed with the template's dash for an empty cell (规章0—1), or 2019's 政府集中采购 count and amount in one
# cell with units or a separator (政府集中采购1项/29万元): :func:`split_glued` reads them
GLUED_MARKED = re.compile(
    rf"^(?P<label>.*?[^\d\s.,\-{DASHES}])(?P<num>\d[\d,.{DASHES}]*|[{DASHES}]+\d[\d,.{DASHES}]*)$"
)


GLUED_UNITS = re.compile(
    r"^(?P<label>.*?[\u4e00-\u9fff])(?P<num>\d[\d,]*(?:项|个|件)?(?:\s*[/;；]\s*|\s+)\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)?)$"
)

# a run whose last cell prints its amount's unit (行政事业性收费0万元, 政府集中采购32万元): the unit set aside
GLUED_MONEY = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff])(?P<num>\d[\d,]*(?:\.\d+)?)(?:万元|亿元|元)$")


# the rows whose one cell is an amount in 万元, by format (2019's 行政事业性收费 counts its items; 2019's 政府集中采购
# prints a count before its amount, whose digits glued to it no one split tells: ``政府集中采购32万元``)
MONEY_ROWS = {("fees", "2021")}


def split_glued(r: Reading, run: Token, keys: list[str], label: Token) -> bool:
    """A row whose cells are printed as one run of digits against its label, in a text that prints its table
    rows that way (convention ``glued``). Table 二's rows have no identity to check a split against: the run is
    split only when a single split is possible (``000`` → 0 0 0; a run with a decimal point or a minus sign, each
    piece printed as its column prints a number: ``74.2`` → 7 4.2; a run with the dash of an empty cell, each dash
    a cell: ``0—1`` → 0 — 1, :mod:`parsers.tables.run_splits`; 政府集中采购's count and amount with units or a
    separator: ``1项/29万元`` → 1 29); otherwise every cell is blank and the run is reported as ``ambiguous_split``
    (never a guess). False when the run is not a row printed that way."""
    assert r.canonical is not None
    n = len(keys)
    text = run[TEXT]
    # a run against its label that starts with 0 is no number, whatever the convention (pymupdf4llm's cell of a
    # line each, its lines joined: ``行政规范性文件0<br>2<br>171``): cells printed without separators
    zero_led = len(text) > 1 and text[0] == "0" and text.isdigit()
    if (r.canonical.convention != "glued" and not zero_led) or (len(text) < n and not any(d in text for d in DASHES)):
        return False
    columns = [key.rsplit("/", 1)[1] for key in keys]
    spans: list[list[tuple[int, int]]] = []  # each split's pieces, as spans of ``text``
    if text.isdigit():
        splits: list[tuple[str, ...]] = [tuple(map(str, s)) for s in split_any(text, n)]
    elif any(d in text for d in DASHES):
        splits = split_marked(text, columns)
        if not splits:
            for key in keys:
                r.put(key, None, blank_where=label)
            r.warn(
                "ambiguous_split",
                f"{keys[0].rsplit('/', 1)[0]}: digits and dashes printed without separators, {text!r}, that no "
                f"split lays into the row's {n} cells; cells left blank",
                keys[0].rsplit("/", 1)[0],
                run,
            )
            return True
    elif RUN.fullmatch(text):
        splits = split_run(text, columns)
        if not splits:
            return False  # no cut gives every column a number of its shape: not a row printed that way
    elif keys[0].startswith(f"{T}/procurement/") and n == 2 and (pair := count_and_amount(text)) is not None:
        splits, spans = [tuple(text[a:b] for a, b in pair)], [list(pair)]
    else:
        return False
    for s in splits[len(spans) :]:
        at, laid = 0, []
        for piece in s:
            laid.append((at, at + len(piece)))
            at += len(piece)
        spans.append(laid)
    row = keys[0].rsplit("/", 1)[0]
    if len(splits) == 1:
        for key, piece, (a, b) in zip(keys, splits[0], spans[0], strict=True):
            tok = token(piece, run[START] + a, run[START] + b, run[LINE], run[COL], run[TABBED], split=True)
            r.put(key, tok, blank_where=label)
        r.warn("split_number", f"{row}: {text!r} split as {' '.join(splits[0])}, its only split", row, run)
        return True
    for key in keys:
        r.put(key, None, blank_where=label)
    shown = "; ".join(" ".join(s) for s in splits[:4]) + ("; …" if len(splits) > 4 else "")
    r.warn(
        "ambiguous_split",
        f"{row}: digits printed without separators, {text!r}, split {len(splits)}{'+' if len(splits) > 4 else ''} "
        f"ways ({shown}) and no identity of table 二 decides; cells left blank",
        row,
        run,
    )
    return True


def unmarked(r: Reading) -> bool:
    """The text marks no cell boundaries (no TABs, no Markdown): text laid out by spaces, or OCR's."""
    assert r.canonical is not None
    return r.canonical.convention not in ("tab", "markdown", "markdown_html")
