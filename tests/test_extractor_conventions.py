"""Snippet tests for the text of the extractors users run (issue 8, second round: ``scripts/build_extractors.py``):
tables drawn with box characters (w3m) or ASCII grids, pandoc Markdown's bracketed spans, pandoc gfm's raw HTML
blocks around Markdown, one string per line (BeautifulSoup ``get_text("\\n")``), Markdown escapes (mammoth), and
text printed column by column (pdfminer.six). Each asserts cells against values written by hand, and the warnings.
"""

from __future__ import annotations

import re

import snippets as s
from test_parser_conventions import COLS, _assert_snippet_values, _cells, _codes
from test_parser_conventions import _parse as _parse_txt

from parsers import parse
from parsers.conventions import _aligned_bars, canonicalise
from parsers.detect import detect_kind
from parsers.tables.column_order import stacked_labels


def _wrap(cell: str, width: int) -> list[str]:
    return [cell[i : i + width] for i in range(0, len(cell), width)] or [""]


def _draw(text: str, *, width: int = 8, ascii_: bool = False, numbers_at: str = "middle") -> str:
    """Each TAB table of ``text`` drawn as w3m draws a table (box characters) or as a grid table (ASCII): every
    cell boxed, a cell wider than ``width`` wrapped onto more lines, numbers on the row's first/middle/last line."""
    v, h, j = ("|", "-", "+") if ascii_ else ("│", "─", "┼")
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        n = max(len(r) for r in block)
        rows = [r + [""] * (n - len(r)) for r in block]
        widths = [max(max(len(line) for line in _wrap(r[c], width)) for r in rows) for c in range(n)]
        rule = j + j.join(h * (w * 2 + 1) for w in widths) + j
        out.append(rule)
        for r in rows:
            wrapped = [_wrap(c, width) for c in r]
            depth = max(len(w) for w in wrapped)
            for c, cell in enumerate(r):
                if re.fullmatch(r"[\d,.]+", cell):
                    at = {"first": 0, "middle": depth // 2, "last": depth - 1}[numbers_at]
                    wrapped[c] = [""] * at + [cell] + [""] * (depth - at - 1)
            for k in range(depth):
                parts = [(w[k] if k < len(w) else "") for w in wrapped]
                out.append(v + v.join(p + " " * (widths[c] * 2 + 1 - _cols(p)) for c, p in enumerate(parts)) + v)
            out.append(rule)
        block.clear()

    for line in text.split("\n"):
        if "\t" in line:
            block.append(line.split("\t"))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _cols(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# ------------------------------------------------------------------------------------------ drawn tables
def test_box_drawn_tables_with_wrapped_cells_read_to_hand_values() -> None:
    for numbers_at in ("first", "middle", "last"):
        text = _draw(s.report(), numbers_at=numbers_at)
        assert "\n│关系为：第一项加 │" in text  # labels really wrapped, the numbers on one of their lines
        line = {"first": "│1.申请人无正当   │0 ", "middle": "│行政机关不再处理 │0 ", "last": "│请               │0 "}
        assert line[numbers_at] in text
        report = parse(text.encode("utf-8"), "page.txt")
        assert report.metadata["convention"] == "drawn"
        _assert_snippet_values(_cells(report))


def test_ascii_grid_tables_read_to_hand_values() -> None:
    text = _draw(s.report(), ascii_=True, numbers_at="last")
    assert text.count("+---") >= 10
    report = parse(text.encode("utf-8"), "grid.txt")
    _assert_snippet_values(_cells(report))


def test_drawn_row_joins_wrapped_lines_and_keeps_provenance() -> None:
    text = (
        "┌──────┬─────────────┬──┬──┐\n"
        "│      │1.申请人无正当理由逾期不补正 │  │  │\n"
        "│（六）│、行政机关不再处理其政府信息 │27│30│\n"
        "│其他处│公开申请                     │  │  │\n"
        "│理    ├─────────────────────────────┼──┼──┤\n"
        "│      │3.其他                       │1 │1 │\n"
        "└──────┴─────────────────────────────┴──┴──┘\n"
    )
    canon = canonicalise(text)
    rows = [line.split("\t") for line in canon.text.split("\n") if line]
    assert rows[0] == ["（六）其他处", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "27", "30"]
    # the merged cell's line on the rule goes to the cell at its column in the next row
    assert rows[1] == ["理", "3.其他", "1", "1"]
    at = canon.text.index("27")
    assert text[canon.to_original(at) : canon.to_original(at) + 2] == "27"


def test_a_dash_cell_in_an_ascii_grid_is_a_value_not_a_rule() -> None:
    text = "+------+----+\n| 规章 | -  |\n+------+----+\n| 文件 | 3  |\n+------+----+\n"
    rows = [line.split("\t") for line in canonicalise(text).text.split("\n") if line]
    assert rows == [["规章", "-"], ["文件", "3"]]


def test_a_cell_of_three_dashes_in_an_ascii_grid_is_a_value_not_a_rule() -> None:
    # pandoc's em dash (``---``, its Markdown for —: a blank's mark), padded like any cell's text (tuning seed
    # 1265): read as a rule, its line's cells went into the next row's (规章 into 行政规范性文件, its 1 and 0 read
    # 10). A rule's dashes fill their cell from border to border (``+------+``, ``|      +------+``)
    text = (
        "+------+-----+-----+-----+\n| 规章 | 0   | --- | 1   |\n+------+-----+-----+-----+\n"
        "| 行   | 3   | 1   | 0   |\n| 政规 |     |     |     |\n+------+-----+-----+-----+\n"
    )
    rows = [line.split("\t") for line in canonicalise(text).text.split("\n") if line]
    assert rows == [["规章", "0", "—", "1"], ["行政规", "3", "1", "0"]]


# ------------------------------------------------------------------------------------------ pandoc
def _pandoc_spans(text: str) -> str:
    """The report as ``pandoc -t markdown`` prints a CMS page: every cell in a styled span, digits in a span of
    their own font (a decimal's parts apart), columns laid out by spaces."""

    def span(cell: str) -> str:
        if re.fullmatch(r"[\d,.]+", cell):
            parts = cell.split(".")
            inner = ".".join(f'[{p}]{{style="font-family:Times New Roman"}}' for p in parts)
            return f'[{inner}]{{style="font-size:14px"}}'
        return f'[{cell}]{{style="font-size:14px"}}' if cell else ""

    out = []
    for line in text.split("\n"):
        if "\t" in line:
            out.append("  " + "   ".join(f"{span(c):<40}" for c in line.split("\t")))
        else:
            out.append(f"**{line}**" if line.endswith("情况") else line)
    return "::: {.view .TRS_UEDITOR}\n" + "\n".join(out) + "\n:::\n"


def test_pandoc_markdown_bracketed_spans_read_to_hand_values() -> None:
    text = _pandoc_spans(s.report())
    assert '[[86]{style="font-family:Times New Roman"}.[45]' in text
    report = parse(text.encode("utf-8"), "page.md")
    cells = _cells(report)
    _assert_snippet_values(cells)
    # provenance points into the published text, at the number itself
    where = report.as_json()["provenance"]["active/normative_docs/in_force"]
    assert text[where["offset"] : where["offset"] + 2] == "85"


def test_pandoc_gfm_with_the_pages_raw_div_blocks_is_markdown_not_html() -> None:
    text = '<div class="header">\n\n## 内蒙古自治区人民政府\n\n</div>\n\n<div class="view">\n\n' + s.to_markdown(
        s.report()
    )
    assert detect_kind(text.encode("utf-8"), "page.md") == "text"
    _assert_snippet_values(_cells(parse(text.encode("utf-8"), "page.md")))
    # an HTML page (its <html>/<body>) stays HTML, Markdown-looking lines or not
    page = "<html><body><div>\n## 标题\n|---|---|\n::: x\n</div></body></html>"
    assert detect_kind(page.encode("utf-8"), "page.html") == "html"


# ------------------------------------------------------------------------------------------ one string per line
def test_one_string_per_line_joins_a_styled_numbers_pieces_with_warnings() -> None:
    text = (
        "行政事业性收费\n\n\n2772661\n.\n517\n\n"
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计\n1\n条）\n\n条\n\n4223174\n\n"
        "（三）申请答复数\n件\n\n1\n.属于已主动公开范围数\n件\n180\n"
    )
    canon = canonicalise(text)
    assert "\n2772661.517\n" in canon.text
    assert "（不同渠道和方式公开相同信息计1条）" in canon.text
    assert "\n1.属于已主动公开范围数\n" in canon.text
    assert [code for code, _ in canon.notes] == ["decimal_joined", "numbering_joined", "label_number_joined"]
    assert "'2772661\\n.\\n517'" in canon.notes[0][1]
    at = canon.text.index("517")
    assert text[canon.to_original(at) : canon.to_original(at) + 3] == "517"


def test_a_point_between_numbers_in_a_table_row_is_not_joined() -> None:
    # numbers on one line, a point on the next: not the one-string-per-line shape
    text = "规章 1 5\n.\n行政规范性文件 8 3\n"
    assert canonicalise(text).text == text


def test_markdown_escapes_are_read_as_what_they_escape() -> None:
    text = s.report().replace("86.45", "86\\.45")
    assert "86\\.45" in text
    _assert_snippet_values(_cells(parse(text.encode("utf-8"), "report.md")))


# ------------------------------------------------------------------------------------------ column order
def _column_order(text: str) -> str:
    """Table 三 as pdfminer.six prints it: the label column's box, then each value column's box."""
    labels: list[str] = []
    columns: list[list[str]] = []
    head, _, rest = text.partition(s.APP_HEADER.split("\n")[0])
    body = rest.partition("四、政府信息公开行政复议")[0]
    for line in body.split("\n"):
        cells = line.split("\t")
        values = [c for c in cells if re.fullmatch(r"\d+", c)]
        if not values:
            continue
        labels.extend(c for c in cells if c and not re.fullmatch(r"\d+", c))
        for k, v in enumerate(values):
            if len(columns) <= k:
                columns.append([])
            columns[k].append(v)
    boxes = "\n\n".join("\n".join(col) for col in columns)
    return head + "三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(labels) + "\n\n" + boxes + "\n"


def test_text_in_column_order_is_not_read_rather_than_read_wrong() -> None:
    text = _column_order(s.report())
    report = parse(text.encode("utf-8"), "pdf2txt.txt")
    cells = _cells(report)
    # table 四 printed column by column: not read; table 二, printed here row by row (each row's values on its
    # label's line), is read (parser version 56), as the report prints it; table 三, one band of its 25 rows
    # column by column, is read as the only table all its identities allow (parser version 59), as the report
    whole = _cells(parse(s.report().encode("utf-8"), "report.txt"))
    assert not [k for k, v in cells.items() if v is not None and k.startswith("review_litigation/")]
    for table in ("active/", "applications/"):
        read = {k: v for k, v in cells.items() if k.startswith(table)}
        assert read and read == {k: v for k, v in whole.items() if k.startswith(table)}, table
    assert "column_order" in _codes(report)
    (bands,) = [w for w in report.warnings if w.code == "rows_by_bands"]
    assert "bands of 25 rows" in bands.message
    assert report.metadata["review"] == "required"
    message = next(w.message for w in report.warnings if w.code == "column_order")
    assert "1.属于国家秘密 / 2.其他法律行政法规禁止公开" in message


def test_stacked_labels_without_numbers_to_misplace_are_still_read() -> None:
    # OCR text that lost table 三's rows of zeros stacks their labels, but prints no column of numbers
    text = s.report(apps=s.app_table({k: [None] * 7 for k, _ in s.APP_LABELS}))
    text = re.sub(r"\t+\n", "\n", text)
    report = parse(text.encode("utf-8"), "ocr.txt")
    assert "column_order" not in _codes(report)
    assert _cells(report)["active/normative_docs/in_force"] == 85


def test_grid_cell_lines_join_digits_and_markup_without_spaces() -> None:
    # pandoc's grid tables cut what does not fit the column anywhere: a number (``7`` / ``6`` is 76), a span's
    # attribute block; a Latin word wrapped at its space keeps the space
    text = (
        "+------+------+------+\n"
        "| 复议 | 7    | Times |\n"
        "|      | 6    | New   |\n"
        "+------+------+------+\n"
        "| [[13 | [件]{sty | x |\n"
        '| 8]{style="font-fami | le="font-size:14px"} | y |\n'
        '| ly:Times"}]{sty | | |\n'
        '| le="a"} | | |\n'
        "+------+------+------+\n"
    )
    rows = [line.split("\t") for line in canonicalise(text).text.split("\n") if line]
    assert rows == [["复议", "76", "Times New"], ["138", "件", "x y"]]


def test_grid_tables_beside_raw_html_tables_are_both_read() -> None:
    # pandoc -t markdown of a DOCX: simple tables as grids, tables with merged cells as raw HTML
    grid = _draw(s.ACTIVE_2021, ascii_=True)
    html = s.to_html_table(s.app_table())
    text = s.HEAD + grid + "\n" + html + "\n" + s.review_table() + s.TAIL
    report = parse(text.encode("utf-8"), "report.md")
    _assert_snippet_values(_cells(report))


# ------------------------------------------------------------------------------------------ touching columns
def test_two_pairs_of_touching_columns_split_by_the_identities() -> None:
    # pypdf's layout mode on a print with narrow gaps: 37 and 44 (new_received's first two cells) run together,
    # and so do 1 and 45 (its other_org and total)
    rows = s.default_rows()
    rows["new_received"] = [37, 4, 0, 0, 3, 1, 45]
    rows["results_total"] = [41, 3, 0, 0, 2, 0, 46]
    rows["granted"] = [39, 3, 0, 0, 2, 0, 44]
    rows["carried_forward"] = [1, 2, 0, 0, 1, 1, 5]
    rows["carried_over"] = [5, 1, 0, 0, 0, 0, 6]
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace("数量 37 4 0 0 3 1 45", "数量 374 0 0 3 145")
    assert "374 0 0 3 145" in text
    report = _parse_txt(text)
    cells = _cells(report)
    assert [cells[f"applications/new_received/{c}"] for c in COLS] == [37, 4, 0, 0, 3, 1, 45]
    split = [w for w in report.warnings if w.code == "split_number" and w.key == "applications/new_received"]
    assert split and "'374' split as 37 4, '145' as 1 45" in split[0].message


def test_numbering_cut_over_three_lines_is_joined() -> None:
    text = "（三）申请答复数\n件\n1\n.\n属于已主动公开范围数\n件\n180\n"
    canon = canonicalise(text)
    assert "\n1.属于已主动公开范围数\n" in canon.text
    assert [code for code, _ in canon.notes] == ["numbering_joined"]


def test_2019_tables_in_column_order_with_units_are_not_read() -> None:
    labels = [f"{k}.第{k}类公开政府信息数" for k in range(1, 9)] + ["（三）申请答复数"]
    labels += [f"{k}.属于第{k}类答复数" for k in range(1, 9)]
    units = [f"条 {100 + k}" for k in range(17)]
    text = "2018年政府信息公开工作年度报告\n一、主动公开政府信息情况\n" + "\n\n".join(labels) + "\n\n单位 统计数\n"
    text += "\n".join(units) + "\n"
    found = stacked_labels(text)
    assert found is not None and found[0] >= 14


# ------------------------------------------------------------------------------------ a table the text lost
def _review_cells(cells: dict) -> list:
    return [
        cells.get(f"review_litigation/{r}/{c}")
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]


def test_tables_two_and_four_are_read_when_table_three_is_lost() -> None:
    # antiword drops a table it cannot lay out (table 三) and the first rows of the next one (table 四's title and
    # 行政复议 head): the rest is read, table 三 reported missing, nothing in it guessed
    review = s.review_table().replace("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n", "")
    text = s.HEAD + s.ACTIVE_2021 + s.APP_HEADER + review + s.TAIL
    report = _parse_txt(text)
    cells = _cells(report)
    assert report.metadata["format"] == "2021"
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert cells["active/fees/amount"] == 86.45
    assert _review_cells(cells) == s.REVIEW_VALUES
    assert not any(k.startswith("applications/") and v is not None for k, v in cells.items())
    assert "missing_table" in _codes(report)
    assert report.metadata["review"] == "required"


def test_text_without_table_two_or_three_reads_no_table() -> None:
    text = s.HEAD + s.review_table() + s.TAIL
    report = _parse_txt(text)
    assert report.metadata["format"] == "none"
    assert not any(v is not None for v in _cells(report).values())


def _antiword(text: str, width: int = 18) -> str:
    """Each TAB row as antiword prints a table row: ``|cell  |cell  |``, every cell padded to ``width`` display
    columns, the row as wide as the table (a row of fewer cells: its last cell spans the rest)."""
    n = max(line.count("\t") + 1 for line in text.split("\n") if "\t" in line)
    out = []
    for line in text.split("\n"):
        if "\t" not in line and not line.startswith("第二十条"):
            out.append(line)
            continue
        cells = line.split("\t")
        widths = [width] * (len(cells) - 1) + [width * (n - len(cells) + 1) + (n - len(cells))]
        out.append("|" + "|".join(c + " " * (w - _cols(c)) for c, w in zip(cells, widths, strict=True)) + "|")
    return "\n".join(out)


def test_antiword_table_rows_are_cells_not_ocr_rules() -> None:
    # bars at the same display column on every row: a program laid the table out, its bars are cell borders
    text = s.HEAD + _antiword(s.ACTIVE_2021) + s.app_table() + s.review_table() + s.TAIL
    assert "|规章              |0                 |0                 |2                 |" in text
    report = _parse_txt(text)
    _assert_snippet_values(_cells(report))
    assert not {"ocr_digit", "fuzzy_label"} & set(_codes(report))


def test_bars_out_of_line_stay_an_ocr_read_ruled_table() -> None:
    lines = ["|规章 |0 |0 |2 |", "|行政规范性文件|12 |3|85 |", "| 行政许可 |1,204|"]
    assert not _aligned_bars(lines)
    assert _aligned_bars(["|规章      |0   |", "|行政许可  |12  |", "|行政处罚  |356 |"])
