"""Table 三 wider than the page, as LibreOffice's PDFs print it: its last columns past the page's right edge (其他组织's
cells an empty grid column, 总计's not in the file), a row whose label spans two label columns printing an empty cell
there; and a row whose label a page break cut in two (its values beside the label's first piece, the rest on the next
page in a row of empty cells).

The reader's grid is made here from the generator's print page (``scripts/synth_reports.py``: ``build``,
``body_html``; gold: the generator's cells) read by the HTML reader, whose TAB rows keep a merged cell's place as an
empty cell as the PDF reader's do; table 三's rows are then cut as the page cuts them and written back with
:class:`parsers.extracted.TextBuilder` (one reader table, or two: the header and first row on one page, the rest on
the next). Seeds: tuning seeds of ``split_of``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from parsers.api import parse_extracted
from parsers.extracted import Extracted, TextBuilder
from parsers.readers.html import read_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_reports import body_html, build, split_of

SEEDS = [seed for seed in range(7890, 7906) if split_of(seed) == "tuning"]
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _extracted(text: str, spans: list[Any], tables: list[list[list[str]]], at: int, end: int) -> Extracted:
    """The document with table 三's lines (``at``:``end`` of the text's lines) replaced by ``tables``."""
    lines = text.split("\n")
    tb = TextBuilder()

    def copy(part: list[str], page: int) -> None:
        for line in part:
            if "\t" in line:
                tb.row(line.split("\t"), table=tb.new_table(), row=0, page=page)
            elif line:
                tb.line(line)
            else:
                tb.blank()

    copy(lines[:at], 1)
    for page, rows in enumerate(tables, start=2):
        t = tb.new_table()
        for i, cells in enumerate(rows):
            tb.row(cells, table=t, row=i, page=page)
        tb.blank()
    copy(lines[end:], 9)
    return Extracted(kind="pdf", text=tb.text(), spans=tb.spans)


def _table_three(seed: int) -> tuple[Any, str, list[Any], int, int, list[list[str]]]:
    s, m = build(seed)
    e = read_html(body_html(s, m).encode())
    lines = e.text.split("\n")
    at = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请" in line) + 1
    end = at
    while end < len(lines) and "\t" in lines[end]:
        end += 1
    return s, e.text, e.spans, at, end, [line.split("\t") for line in lines[at:end]]


def _cut(rows: list[list[str]]) -> list[list[str]] | None:
    """The rows as a page that cuts the table after 法律服务机构 prints them: 其他组织's cells empty, no 总计."""
    width = {len(r) for r in rows}
    if len(width) != 1 or next(iter(width)) < 9 or not any("总计" in c for r in rows for c in r[:3]):
        return None  # not one grid of as many cells a row down to the table's total row: not this case
    return [[*r[:-2], ""] for r in rows]


def _cells(report: Any) -> dict[str, Any]:
    return dict(report.as_json()["cells"])


def _wrong(gold: dict[str, Any], read: dict[str, Any]) -> list[str]:
    return [k for k, v in read.items() if k.startswith("applications/") and v is not None and gold.get(k) != v]


def _gold(s: Any) -> dict[str, Any]:
    return dict(s.cells)


def _cut_tables(pages: Callable[[list[list[str]]], list[list[list[str]]]]) -> Iterator[tuple[int, Any, Any]]:
    """For each seed whose table 三 the page cut applies to (:func:`_cut`): the seed, the gold and the report of
    its text with the cut table's rows printed as ``pages`` splits them."""
    for seed in SEEDS:
        s, text, spans, at, end, rows = _table_three(seed)
        cut = _cut(rows)
        if cut is not None:
            yield seed, _gold(s), parse_extracted(_extracted(text, spans, pages(cut), at, end))


def _after_header(cut: list[list[str]]) -> list[list[list[str]]]:
    """The cut rows as two pages: the header and the first row of values, then the rest with no header."""
    first = next(i for i, r in enumerate(cut) if any(c.strip().isdigit() for c in r))
    return [cut[: first + 1], cut[first + 1 :]]


def test_a_cut_table_with_its_header_reads_each_value_under_its_head() -> None:
    done = 0
    for seed, gold, report in _cut_tables(lambda cut: [cut]):
        read = _cells(report)
        assert not _wrong(gold, read), (seed, _wrong(gold, read))
        for key in [k for k in gold if k.startswith("applications/") and k.split("/")[1] != "balance"]:
            column = key.rsplit("/", 1)[1]
            if column in COLUMNS[:5] and gold[key] is not None:
                assert read.get(key) == gold[key], (seed, key)  # printed under its head: read
        assert any(w.code == "named_columns" for w in report.warnings), seed
        done += 1
    assert done >= 3


def test_a_cut_table_run_on_a_page_without_its_header_reads_no_row_a_column_off() -> None:
    done = 0
    for seed, gold, report in _cut_tables(_after_header):
        read = _cells(report)
        keyed = {w.key for w in report.warnings if w.key}
        # no row read a column off unsaid: a wrong number only in a row a warning names as placed by the identities
        # (a row with blank cells of its own among the printed ones: ``missing_cell``, ``ambiguous``)
        silent = [k for k in _wrong(gold, read) if k.rsplit("/", 1)[0] not in keyed and k not in keyed]
        assert not silent, (seed, silent)
        for key, want in gold.items():
            if key.startswith("applications/") and want is not None and read.get(key) is None:
                row = key.rsplit("/", 1)[0]
                assert key in keyed or row in keyed or "applications" in keyed, (seed, key)  # a blank said
        done += 1
    assert done >= 3


def _broken(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]] | None:
    """Table 三's rows as a page break inside （六）其他处理's first row prints them: the row's values beside its
    label's first piece (``1.申请人``, the group's ``（六）其``) on one page; on the next, the header repeated, then the
    rest of the label (``无正当理由…``, ``他处理``) in a row of empty cells, then the rows after it."""
    at = next((i for i, r in enumerate(rows) if any("不补正" in c for c in r)), None)
    if at is None:
        return None
    row = rows[at]
    k = next(j for j, c in enumerate(row) if "不补正" in c)
    cut = row[k].find("无正当理由")
    if cut <= 0 or not any(c.strip().isdigit() for c in row[k + 1 :]):
        return None
    g = next((j for j in range(k) if "其他处理" in row[j]), None)
    first, rest = list(row), [""] * len(row)
    first[k], rest[k] = row[k][:cut], row[k][cut:]
    if g is not None:
        first[g], rest[g] = "（六）其", "他处理"
    head = next(i for i, r in enumerate(rows) if any(c.strip().isdigit() for c in r))
    return [*rows[:at], first], [*rows[:head], rest, *rows[at + 1 :]]


def test_a_row_cut_by_a_page_break_inside_its_label_is_read_as_one_row() -> None:
    done = joined = 0
    for seed in range(7890, 7930):
        if split_of(seed) != "tuning":
            continue
        s, text, spans, at, end, rows = _table_three(seed)
        pages = _broken(rows)
        if pages is None:
            continue
        report = parse_extracted(_extracted(text, spans, list(pages), at, end))
        gold, read = _gold(s), _cells(report)
        keys = [k for k in gold if k.startswith("applications/other.no_correction/")]
        assert keys
        assert all(read.get(k) == gold[k] for k in keys), (seed, {k: (gold[k], read.get(k)) for k in keys})
        # read as one row, said (``label_across_break``; a markup whose group heading is a row of its own reads the
        # rows by the template's order, ``rows_by_order``, said of the table)
        said = {w.key for w in report.warnings if w.code in ("label_across_break", "rows_by_order")}
        assert said & {"applications/other.no_correction", "applications"}, seed
        assert not _wrong(gold, read), (seed, _wrong(gold, read))
        joined += any(w.code == "label_across_break" for w in report.warnings)
        done += 1
    assert done >= 10 and joined >= 1
