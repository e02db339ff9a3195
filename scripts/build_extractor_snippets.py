"""Build the snippet texts of ``tests/fixtures/extractor_snippets/``: what real extractors print of a short report
written here (not from the seeds, nor from the synthetic reports), for the rules the synthetic extractor round
(``scripts/synth_extractors.py``) found missing.

    .venv/bin/python scripts/build_extractor_snippets.py   # chromium, lynx (setup_corpus.sh), the corpus extra
    .venv/bin/python scripts/build_extractor_snippets.py --issue-8-blanks   # the column-order, glued, framed ones
    .venv/bin/python scripts/build_extractor_snippets.py --n22   # pandoc Markdown cut by a frame; glued labels
    .venv/bin/python scripts/build_extractor_snippets.py --docling   # docling's flattened layout cell

The report's tables 二 and 四 are the 2021 template's, as a Word page saves them: table 二's fee printed with its
unit in the cell (``2.5万元``), table 四's 复议后起诉 row left empty, each empty cell a ``<p>&nbsp;</p>`` (Word's
empty paragraph). The page is printed by:

- BeautifulSoup ``get_text("\\n")`` (``build_extractors.bs4_text``): one string a line, the empty cells as lines
  of no-break spaces (``own-bs4-lines.txt``);
- lynx ``-dump`` (``build_extractors.lynx``): table 二's fee row on one line, label and value one space apart
  (``own-lynx.txt``);
- pypdf ``extract_text()`` of Chromium's print of the page (``build_extractors.pypdf_text``): the same row on one
  line, one space apart (``own-pypdf.txt``);
- pymupdf4llm's layout mode (``build_corpus.pymupdf4llm_md``) of the same PDF: its model takes table 二 for a
  picture and prints its lines joined by ``<br>`` between ``<!-- Start of picture text -->`` comments
  (``own-pymupdf4llm-layout.md``);
- pymupdf4llm's plain mode of the same PDF: its table grid splits a column in two where a cell above is wider,
  and prints a merged cell's text in every grid column it covers, values included (``own-pymupdf4llm.md``).

The same page with its body inside a portal's layout table (one cell, as Hanweb's pages hold the article) is
printed by pandoc ``-t plain``: a one-column grid table around the whole report (``own-framed-pandoc-plain.txt``),
and by html2text (``build_extractors.html2text_text``, tables not padded): the frame's cell on one line, table 二's
first row (its one-cell ``第二十条第（一）项``) at the end of it, its other rows without the outer pipes under a
``---`` rule (``own-framed-html2text.md``).

The same page with table 三 split in two after its 二、上年结转 row (the second part without the header's rows) is
printed by w3m ``-dump``: the second part's one-digit columns are drawn one character wide, its rules ``┼─┼``
(``own-split-w3m.txt``).

The same page with table 四 at 70 % of the page's width, so that its heads wrap a character a line, is printed by
Chromium and read by markitdown (``build_corpus.markitdown_md``): pdfplumber's table joins neighbouring columns
into one cell, two or three heads a cell (``结 结`` / ``总 果 果``), and the row's values a space apart in them
(``own-narrow-markitdown.md``); and by poppler's ``pdftotext`` in its default mode: a cell a paragraph, in poppler's
block order (``own-narrow-pdftotext.txt``), and the same with the 复议后起诉 row filled (``0 15 0 0 15``): its
15 numbers in an order that is not the table's (``own-full-pdftotext.txt``).

The page with the whole 2021 table 三 (``full_three``: every row, every identity holding) in Word's exported cells
is printed by Chromium and read by ``pdftotext``'s default mode: its numbered row labels stacked in blocks, the
values after them row by row (``own-column-order-pdftotext.txt``; with a wrong published total:
``own-column-order-wrong-total-pdftotext.txt``); with its （六）其他处理 as one row, by BeautifulSoup's ``get_text()``
(``own-merged-other-bs4-glued.txt``). The page inside a portal's layout table is printed by pandoc ``-t rst``
(its tables nested as grid tables, wrapped at the frame's cell: ``own-framed-pandoc-rst.txt``, the page alone:
``own-pandoc-rst.txt``) and, its headings and cells in styled spans, by pandoc's Markdown with grid tables only
(``own-framed-spans-pandoc-grid.md``).

A second page holds the 2019 template's table 二, each cell a paragraph as Word saves it: lynx prints each cell
on a line of its own, centred, so that the header's cells stand one above the other (``own-2019-lynx.txt``).
The same table with Word's cell styles (a label left-aligned, values centred, each in a ``SimSun`` span at an exact
line height) printed by Chromium and read by markitdown (``build_corpus.markitdown_md``): some rows' labels come on
a line of their own after the line of their values (``own-2019-word-markitdown.md``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_corpus as bc  # noqa: E402
import build_extractors as bx  # noqa: E402
from build_doc_snippets import PROSE_1, PROSE_2, TABLE_THREE, _tr  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "extractor_snippets"
EMPTY = "<td><p class=MsoNormal>&nbsp;</p></td>"


def _cells(values: list[int]) -> str:
    return "".join(f"<td><p class=MsoNormal>{v}</p></td>" for v in values)


HTML = f"""<html><head><meta charset="utf-8"></head><body>
<p>某某区人民政府2024年政府信息公开工作年度报告</p>
<p>{PROSE_1}</p>
<p>一、总体情况</p>
<p>{PROSE_2}</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>7</td><td>2</td><td>31</td></tr>
</table>
<table border="1">
<tr><td colspan="2">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>208</td></tr>
</table>
<table border="1">
<tr><td colspan="2">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>本年收费金额</td></tr>
<tr><td>行政事业性收费</td><td>2.5万元</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
{TABLE_THREE}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
<td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr>{_cells([2, 1, 0, 3, 6])}{_cells([0, 1, 0, 0, 1])}{EMPTY * 5}</tr>
</table>
<p>五、存在的主要问题及改进情况</p>
<p>{PROSE_1}{PROSE_2}</p>
</body></html>
"""


FOUR_TABLE = '<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<table border="1">'


def _pdftotext(pdf: Path) -> str:
    """poppler's ``pdftotext`` in its default mode (neither ``-layout`` nor ``-raw``): blocks in reading order."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _p_row(*cells: str | int) -> str:
    """A table row as Word saves it: each cell's text in a paragraph of its own."""
    return "<tr>" + "".join(f"<td><p class=MsoNormal align=center>{c}</p></td>" for c in cells) + "</tr>"


# the 2019 template's table 二 (its 上一年项目数量 / 本年增/减 / 本年处理决定数量 blocks), each cell a centred paragraph
HTML_2019 = f"""<html><head><meta charset="utf-8"></head><body>
<p>某某镇人民政府2019年政府信息公开工作年度报告</p>
<p>{PROSE_1}</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4"><p class=MsoNormal>第二十条第（一）项</p></td></tr>
{_p_row("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")}
{_p_row("规章", 0, 0, 3)}
{_p_row("规范性文件", 5, 5, 42)}
<tr><td colspan="4"><p class=MsoNormal>第二十条第（五）项</p></td></tr>
{_p_row("信息内容", "上一年项目数量", "本年增/减", "本年处理决定数量")}
{_p_row("行政许可", 57, -2, 1290)}
{_p_row("其他对外管理服务事项", 12, 0, 388)}
<tr><td colspan="4"><p class=MsoNormal>第二十条第（六）项</p></td></tr>
{_p_row("信息内容", "上一年项目数量", "本年增/减", "本年处理决定数量")}
{_p_row("行政处罚", 41, 3, 76)}
{_p_row("行政强制", 8, 0, 5)}
<tr><td colspan="4"><p class=MsoNormal>第二十条第（八）项</p></td></tr>
{_p_row("信息内容", "上一年项目数量", "本年增/减", "")}
{_p_row("行政事业性收费", 2, 0, "")}
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<p>{PROSE_2}</p>
</body></html>
"""


_WORD_CELL = (
    "<td valign=middle style='border:solid windowtext 1.0pt'><p class=MsoNormal align={a} style='text-align:{a};"
    "line-height:20.0pt;mso-line-height-rule:exactly'><span style='font-size:12pt;font-family:SimSun'>{c}</span></p>"
    "</td>"
)


def _word_row(m: re.Match[str]) -> str:
    """A row of ``_p_row``'s with Word's cell styles: the label left-aligned, the values centred."""
    cells = re.findall(r"align=center>([^<]*)</p>", m.group())
    return "<tr>" + "".join(_WORD_CELL.format(a="center" if k else "left", c=c) for k, c in enumerate(cells)) + "</tr>"


HTML_2019_WORD = re.sub(r"<tr>(?:<td><p class=MsoNormal align=center>[^<]*</p></td>)+</tr>", _word_row, HTML_2019)


# table 四 with its middle row (未经复议直接起诉) empty: the blank row that the identities cannot place (each printed
# row's total holds wherever it goes), printed with Word's empty paragraphs or as bare empty cells
BLANK_MIDDLE_ROW = f"<tr>{_cells([2, 1, 0, 3, 6])}{EMPTY * 5}{_cells([0, 1, 0, 0, 1])}</tr>"
BARE_MIDDLE_ROW = f"<tr>{_cells([2, 1, 0, 3, 6])}{'<td></td>' * 5}{_cells([0, 1, 0, 0, 1])}</tr>"


# a portal's layout table: one cell around the article, as Hanweb pages print it
LAYOUT_TABLE = ('<table class="main"><tr><td>', "</td></tr></table>")


def _inside(page: str, opening: str, closing: str) -> str:
    """The page with its body's content inside ``opening`` ... ``closing``."""
    return page.replace("<body>", "<body>" + opening).replace("</body>", closing + "</body>")


def _with_four_row(new_row: str) -> str:
    """The page with table 四's data row (the one after its 结果维持 heads) replaced by ``new_row``."""
    start = HTML.index("<tr>", HTML.index("<td>结果维持</td><td>结果纠正</td>"))
    return HTML[:start] + new_row + HTML[HTML.index("</tr>", start) + 5 :]


def blank_row_snippets(tmp: Path) -> None:
    """The page with table 四's middle row empty (Word's ``<p>&nbsp;</p>``): lynx prints each empty paragraph as
    an empty line (``own-blank-middle-lynx.txt``); pandoc's plain writer prints the table as a simple table under
    a ruler of dashes, one run a column (``own-blank-middle-pandoc-plain.txt``); markitdown, the page inside a
    portal's layout table, prints the whole report as one cell of one line, table 四's row in it with ``|``
    between its cells, the empty ones too (``own-blank-middle-framed-markitdown.md``). The same row as bare empty
    cells (``<td></td>``): lynx prints nothing for them (``own-bare-middle-lynx.txt``)."""
    for name, new_row in (("blank-middle", BLANK_MIDDLE_ROW), ("bare-middle", BARE_MIDDLE_ROW)):
        page = tmp / f"own-{name}.html"
        page.write_text(_with_four_row(new_row), encoding="utf-8")
        (OUT / f"own-{name}-lynx.txt").write_text(bx.lynx(page), encoding="utf-8")
        if name == "blank-middle":
            (OUT / f"own-{name}-pandoc-plain.txt").write_text(bx.pandoc(page, "html", "plain"), encoding="utf-8")
            framed = tmp / f"own-{name}-framed.html"
            framed.write_text(_inside(page.read_text(encoding="utf-8"), *LAYOUT_TABLE), encoding="utf-8")
            (OUT / f"own-{name}-framed-markitdown.md").write_text(bc.markitdown_md(framed), encoding="utf-8")


# table 四 with its last row (复议后起诉) as bare empty cells (``<td></td>``)
BARE_LAST_ROW = f"<tr>{_cells([2, 1, 0, 3, 6])}{_cells([0, 1, 0, 0, 1])}{'<td></td>' * 5}</tr>"
# table 三's （七）总计 row, and a row of zeros before it with one cell left empty (科研机构): a published blank
RESULTS_TOTAL = '<tr><td colspan="1"></td><td colspan="2">（七）总计</td>'
ZERO_ROW_WITH_BLANK = (
    '<tr><td colspan="1"></td><td colspan="2">（二）部分公开</td>'
    + "".join(f"<td>{v}</td>" for v in (0, 0, "", 0, 0, 0, 0))
    + "</tr>\n"
)


def room_snippets(tmp: Path) -> None:
    """Layout tools that keep an empty cell's room. inscriptis of the page with table 四's middle row as bare empty
    cells: the row's values on one line, the blank row's room a wide run of spaces between the fifth and the sixth
    (``own-bare-middle-inscriptis.txt``); with its last row bare: nothing after the last value
    (``own-bare-last-inscriptis.txt``); the same inside a list item (``<ul><li>``, as a portal's template may hold
    the article), every line indented, the values' line as much as the header's (``own-bare-last-listed-inscriptis
    .txt``). w3m of the page whose table 三 has a row of zeros with one cell left empty, drawn as an empty box
    (``own-blank-zero-w3m.txt``)."""
    for name, new_row in (("bare-middle", BARE_MIDDLE_ROW), ("bare-last", BARE_LAST_ROW)):
        page = tmp / f"own-{name}.html"
        page.write_text(_with_four_row(new_row), encoding="utf-8")
        (OUT / f"own-{name}-inscriptis.txt").write_text(bx.inscriptis_text(page), encoding="utf-8")
        if name == "bare-last":
            listed = tmp / f"own-{name}-listed.html"
            listed.write_text(_inside(page.read_text(encoding="utf-8"), "<ul><li>", "</li></ul>"), encoding="utf-8")
            (OUT / f"own-{name}-listed-inscriptis.txt").write_text(bx.inscriptis_text(listed), encoding="utf-8")
    at = HTML.index(RESULTS_TOTAL)
    page = tmp / "own-blank-zero.html"
    page.write_text(HTML[:at] + ZERO_ROW_WITH_BLANK + HTML[at:], encoding="utf-8")
    (OUT / "own-blank-zero-w3m.txt").write_text(bx.w3m(page), encoding="utf-8")


# table 三's rows of zeros with a cell left empty (a published blank): （二）部分公开 with 科研机构 empty, and the
# 1.属于国家秘密 and 2.其他法律行政法规禁止公开 rows (labels of other lengths) with 其他 and 自然人 empty; then two
# whole rows of zeros
ZERO_ROWS_WITH_BLANKS = (
    '<tr><td colspan="1"></td><td colspan="2">（二）部分公开</td>'
    + "".join(f"<td>{v}</td>" for v in (0, 0, "", 0, 0, 0, 0))
    + '</tr>\n<tr><td colspan="1"></td><td colspan="2">1.属于国家秘密</td>'
    + "".join(f"<td>{v}</td>" for v in (0, 0, 0, 0, 0, "", 0))
    + '</tr>\n<tr><td colspan="1"></td><td colspan="2">2.其他法律行政法规禁止公开</td>'
    + "".join(f"<td>{v}</td>" for v in ("", 0, 0, 0, 0, 0, 0))
    + "</tr>\n"
    + "".join(
        f'<tr><td colspan="1"></td><td colspan="2">{label}</td>' + "<td>0</td>" * 7 + "</tr>\n"
        for label in ("3.危及“三安全一稳定”", "4.保护第三方合法权益")
    )
)


def blank_zero_pdf_snippets(tmp: Path) -> None:
    """Chromium's print of the page whose table 三 has three rows of zeros with one cell left empty each
    (``ZERO_ROWS_WITH_BLANKS``), read by text-layer tools: poppler's ``pdftotext -layout`` and pdfplumber's
    layout mode keep each empty cell's room, the row's values at their columns' places (``own-blank-zeros-
    pdftotext-layout.txt``, ``own-blank-zeros-pdfplumber-layout.txt``); pypdf prints the row's six zeros a
    space apart, nothing where the empty cell was (``own-blank-zeros-pypdf.txt``)."""
    from synth_reports import chromium_pdf

    at = HTML.index(RESULTS_TOTAL)
    pdf = tmp / "own-blank-zeros.pdf"
    chromium_pdf(HTML[:at] + ZERO_ROWS_WITH_BLANKS + HTML[at:], pdf)
    (OUT / "own-blank-zeros-pdftotext-layout.txt").write_text(bc.pdftotext(pdf, "-layout"), encoding="utf-8")
    (OUT / "own-blank-zeros-pdfplumber-layout.txt").write_text(bx.pdfplumber_text(pdf, layout=True), encoding="utf-8")
    (OUT / "own-blank-zeros-pypdf.txt").write_text(bx.pypdf_text(pdf, layout=False), encoding="utf-8")


# table 三 with one-digit cells and two-digit totals, its cells breaking anywhere (``word-break: break-all``, as a
# Word page's editor leaves it) in type large and spaced enough that a two-digit total does not fit its column
BROKEN_STYLE = "word-break:break-all;font-size:26px;letter-spacing:8px"
BROKEN_THREE = "\n".join(
    [
        *TABLE_THREE.split("\n")[:3],
        _tr("3|一、本年新收政府信息公开申请数量", 8, 4, 0, 0, 1, 0, 13),
        _tr("3|二、上年结转政府信息公开申请数量", 2, 0, 0, 0, 0, 0, 2),
        _tr("1|三、本年度办理结果", "2|（一）予以公开", 8, 3, 0, 0, 1, 0, 12),
        _tr("1|", "2|（七）总计", 8, 3, 0, 0, 1, 0, 12),
        _tr("3|四、结转下年度继续办理", 2, 1, 0, 0, 0, 0, 3),
    ]
)


def broken_total_snippets(tmp: Path) -> None:
    """Chromium's print of the page whose table 三 (``BROKEN_THREE``) breaks its two-digit totals over two lines
    (``1`` above the row's line, ``3`` below it), read by pypdf (the pieces last on the row's line, a space apart:
    ``own-broken-pypdf.txt``) and pdfplumber (the first piece on the label's line, the other values on the next,
    the second piece on the line after: ``own-broken-pdfplumber.txt``)."""
    from synth_reports import chromium_pdf

    page = HTML.replace(TABLE_THREE, BROKEN_THREE)
    t3 = page.index('<table border="1">', page.index("三、收到和处理"))
    page = page[:t3] + f'<table border="1" style="{BROKEN_STYLE}">' + page[t3 + len('<table border="1">') :]
    pdf = tmp / "own-broken.pdf"
    chromium_pdf(page, pdf)
    (OUT / "own-broken-pypdf.txt").write_text(bx.pypdf_text(pdf, layout=False), encoding="utf-8")
    (OUT / "own-broken-pdfplumber.txt").write_text(bx.pdfplumber_text(pdf, layout=False), encoding="utf-8")


# the 2021 template's whole table 三 (every row, the groups' labels spanning their items' rows), its values such that
# every identity holds; ``merged_other``: （六）其他处理 printed as one row with values, as many organs print it
_GROUPS_2021 = (
    ("（三）不予公开", ("1．属于国家秘密", "2．其他法律行政法规禁止公开", "3．危及“三安全一稳定”",
                       "4．保护第三方合法权益", "5．属于三类内部事务信息", "6．属于四类过程性信息",
                       "7．属于行政执法案卷", "8．属于行政查询事项")),
    ("（四）无法提供", ("1．本机关不掌握相关政府信息", "2．没有现成信息需要另行制作", "3．补正后申请内容仍不明确")),
    ("（五）不予处理", ("1．信访举报投诉类申请", "2．重复申请", "3．要求提供公开出版物", "4．无正当理由大量反复申请",
                       "5．要求行政机关确认或重新出具已获取信息")),
    ("（六）其他处理", ("1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                       "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3．其他")),
)  # fmt: skip
_FULL_VALUES = {
    "6．属于四类过程性信息": [1, 0, 0, 0, 0, 0, 1],
    "1．本机关不掌握相关政府信息": [5, 1, 0, 0, 0, 0, 6],
    "2．没有现成信息需要另行制作": [1, 0, 0, 0, 0, 0, 1],
    "1．信访举报投诉类申请": [2, 0, 0, 0, 0, 0, 2],
    "2．重复申请": [1, 0, 0, 0, 0, 0, 1],
    "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [1, 0, 1, 0, 0, 0, 2],
    "3．其他": [2, 0, 0, 0, 0, 0, 2],
}
FULL_NEW, FULL_CARRIED = [30, 2, 1, 0, 1, 0, 34], [3, 0, 0, 0, 0, 0, 3]
FULL_GRANTED, FULL_PARTIAL = [15, 1, 0, 0, 1, 0, 17], [2, 0, 0, 0, 0, 0, 2]
FULL_OTHER = [3, 0, 1, 0, 0, 0, 4]  # （六）其他处理 as one row: its three items' sum
FULL_TOTAL, FULL_FORWARD = [30, 2, 1, 0, 1, 0, 34], [3, 0, 0, 0, 0, 0, 3]


def full_three(merged_other: bool = False) -> str:
    """The rows of the whole 2021 table 三 (header included) as HTML."""
    rows = TABLE_THREE.split("\n")[:3]  # the header's three rows
    rows += [
        _tr("3|一、本年新收政府信息公开申请数量", *FULL_NEW),
        _tr("3|二、上年结转政府信息公开申请数量", *FULL_CARRIED),
    ]
    items = sum(len(i) for _, i in _GROUPS_2021) - (2 if merged_other else 0)
    result = f'<td rowspan="{items + 3}">三、本年度办理结果</td>'
    rows.append(f'<tr>{result}<td colspan="2">（一）予以公开</td>{_cells(FULL_GRANTED)}</tr>')
    rows.append(_tr("2|（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *FULL_PARTIAL))
    for group, labels in _GROUPS_2021:
        if merged_other and group.startswith("（六）"):
            rows.append(_tr(f"2|{group}", *FULL_OTHER))
            continue
        for k, label in enumerate(labels):
            head = f'<td rowspan="{len(labels)}">{group}</td>' if k == 0 else ""
            rows.append(f"<tr>{head}<td>{label}</td>{_cells(_FULL_VALUES.get(label, [0] * 7))}</tr>")
    rows.append(_tr("2|（七）总计", *FULL_TOTAL))
    rows.append(_tr("3|四、结转下年度继续办理", *FULL_FORWARD))
    return "\n".join(rows)


# Word's table cells as an organ's exported page prints them (a width in points, an exact line height, centred):
# pdftotext's default mode stacks a table's label column (its lines at one pitch) into one block
_WORD_EXPORT_CELL = (
    "<td{attrs} valign=middle style='width:30.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
    "<p class=MsoNormal align=center style='text-align:center;line-height:20.0pt;mso-line-height-rule:exactly'>"
    "{text}</p></td>"
)


def _word_export(rows: str) -> str:
    return re.sub(
        r"<td([^>]*)>(.*?)</td>",
        lambda m: _WORD_EXPORT_CELL.format(attrs=m.group(1), text=re.sub(r"<[^>]+>", "", m.group(2))),
        rows,
    )


def _attachment(page: str) -> str:
    """The page's body as the PDF attachment an organ prints: A4, 30 mm margins, a 12 px sans face."""
    body = page[page.index("<body>") + 6 : page.index("</body>")]
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>@page { size: A4; margin: 30mm; } '
        "body { font-family: 'WenQuanYi Zen Hei Sharp', serif; font-size: 12px; } table { border-collapse: "
        "collapse; } td, th { border: 1px solid #000; padding: 2px; word-break: normal; } p { margin: 0.3em 0; }"
        f"</style></head><body>\n{body}\n</body></html>\n"
    )


def column_order_snippets(tmp: Path) -> None:
    """The page with the whole table 三 (``full_three``) in Word's exported cells, printed by Chromium and read by
    pdftotext's default mode: the numbered row labels stacked in blocks, the rows' values after them row by row
    (``own-column-order-pdftotext.txt``); the same with （七）总计's 自然人 printed one more than its rows' sum (a
    wrong published total: ``own-column-order-wrong-total-pdftotext.txt``)."""
    from synth_reports import chromium_pdf

    right = full_three()
    total = _tr("2|（七）总计", *FULL_TOTAL)
    wrong = right.replace(total, _tr("2|（七）总计", FULL_TOTAL[0] + 1, *FULL_TOTAL[1:]))
    for name, rows in (("column-order", right), ("column-order-wrong-total", wrong)):
        pdf = tmp / f"own-{name}.pdf"
        chromium_pdf(_attachment(HTML.replace(TABLE_THREE, _word_export(rows))), pdf)
        (OUT / f"own-{name}-pdftotext.txt").write_text(_pdftotext(pdf), encoding="utf-8")


def pdfminer_snippets(tmp: Path) -> None:
    """The page with the whole table 三 (``full_three``) and table 四's 复议后起诉 row filled, printed by Chromium
    as an attachment and read by pdfminer.six's ``pdf2txt.py`` (default LAParams). Table 三 at 40 % of the page's
    width (its columns close enough together that a row's values make one line of text): pdfminer's text boxes
    put the row labels and the rows' lines of values apart, the first two rows' values before their labels
    (``own-boxes-pdfminer.txt``); the same with （七）总计's 自然人 one more than its rows' sum
    (``own-boxes-wrong-total-pdfminer.txt``); at 45 %, its numbered labels cut into pieces stacked one under
    another (``own-boxes-stacked-pdfminer.txt``). Table 三 at the page's width: its numbered labels stacked, each
    value a line, and table 四's values one a line after its header cells (``own-boxes-wide-pdfminer.txt``)."""
    from synth_reports import chromium_pdf

    right = full_three()
    total = _tr("2|（七）总计", *FULL_TOTAL)
    wrong = right.replace(total, _tr("2|（七）总计", FULL_TOTAL[0] + 1, *FULL_TOTAL[1:]))
    wide = HTML.replace(EMPTY * 5, _cells([0, 15, 0, 0, 15]))
    head = f'<table border="1">\n{TABLE_THREE}'
    narrow, stacked = (wide.replace(head, head.replace(">", f' style="width:{w}">', 1)) for w in ("40%", "45%"))
    assert narrow != wide and stacked != wide
    for name, page, rows in (
        ("boxes", narrow, right),
        ("boxes-wrong-total", narrow, wrong),
        ("boxes-stacked", stacked, right),
        ("boxes-wide", wide, right),
    ):
        pdf = tmp / f"own-{name}.pdf"
        chromium_pdf(_attachment(page.replace(TABLE_THREE, rows)), pdf)
        (OUT / f"own-{name}-pdfminer.txt").write_text(bx.pdfminer_text(pdf), encoding="utf-8")


def pdfminer_band_snippets(tmp: Path) -> None:
    """Synthetic report 1200 (a tuning seed, ``scripts/synth_reports.py``): its body printed by Chromium and read
    by pdfminer.six's ``pdf2txt.py`` (default LAParams). Its table 三 is wide: each cell a text box, the boxes of
    the first two rows column by column, then rows 3–18 (to the page's end) column by column, then single rows and
    the last four rows column by column (``synth-1200-bands-pdfminer.txt``); with ``-F disabled``, table 二's
    values each before its row's label (``synth-1200-flow-none-pdfminer.txt``)."""
    from synth_reports import body_html, build, chromium_pdf, print_page

    s, m = build(1200)
    pdf = tmp / "synth-1200.pdf"
    chromium_pdf(print_page(s, m, body_html(s, m)), pdf)
    (OUT / "synth-1200-bands-pdfminer.txt").write_text(bx.pdfminer_text(pdf), encoding="utf-8")
    # the same PDF with ``-F disabled`` (boxes_flow=None): table 二's values each before its row's label
    (OUT / "synth-1200-flow-none-pdfminer.txt").write_text(bx.pdfminer_text(pdf, "-F", "disabled"), encoding="utf-8")


def merged_other_snippets(tmp: Path) -> None:
    """The page with the whole table 三, its （六）其他处理 one row with values, read by BeautifulSoup's
    ``get_text()`` (no separator: each row's cells glued to its label, ``own-merged-other-bs4-glued.txt``)."""
    page = tmp / "own-merged-other.html"
    page.write_text(HTML.replace(TABLE_THREE, full_three(merged_other=True)), encoding="utf-8")
    (OUT / "own-merged-other-bs4-glued.txt").write_text(bx.bs4_text(page, ""), encoding="utf-8")


def framed_pandoc_snippets(tmp: Path) -> None:
    """The page inside a portal's layout table, printed by pandoc: ``-t rst`` nests each of its tables as a grid
    table in the frame's one cell and wraps the lines wider than the cell onto the cell's next lines
    (``own-framed-pandoc-rst.txt``; the page unframed: ``own-pandoc-rst.txt``); the same page with the headings
    and cells in styled spans (as Word saves them), ``-t markdown`` with grid tables only: the spans kept as
    bracketed spans, table 四 (spanned cells) as raw HTML inside the frame (``own-framed-spans-pandoc-grid.md``)."""
    from synth_extractors import GRID

    page = tmp / "own-plain.html"
    page.write_text(HTML, encoding="utf-8")
    (OUT / "own-pandoc-rst.txt").write_text(bx.pandoc(page, "html", "rst"), encoding="utf-8")
    framed = tmp / "own-framed.html"
    framed.write_text(_inside(HTML, *LAYOUT_TABLE), encoding="utf-8")
    (OUT / "own-framed-pandoc-rst.txt").write_text(bx.pandoc(framed, "html", "rst"), encoding="utf-8")
    spans = re.sub(
        r"<p>([一二三四五六]、[^<]*)</p>",
        r"<p><b><span style='font-size:16.0pt;font-family:黑体'>\1</span></b></p>",
        HTML,
    )
    spans = re.sub(r"<td>([^<]*)</td>", r"<td><span style='font-size:10.5pt;font-family:宋体'>\1</span></td>", spans)
    framed_spans = tmp / "own-framed-spans.html"
    framed_spans.write_text(_inside(spans, *LAYOUT_TABLE), encoding="utf-8")
    (OUT / "own-framed-spans-pandoc-grid.md").write_text(bx.pandoc(framed_spans, "html", GRID), encoding="utf-8")


# a CMS's cell style as Word pastes it into the editor: the quoted face name escaped inside the attribute
LONG_STYLE = "font-size:12pt;font-family:微软雅黑;mso-hansi-font-family:&quot;Times New Roman&quot;"


def frame_cut_snippets(tmp: Path) -> None:
    """The page inside a portal's layout table, every cell of its tables and its headings in a span with a long
    style (:data:`LONG_STYLE`), printed by pandoc ``-t markdown``: table 二 as simple tables whose rows carry each
    cell's span markup, many times wider than the frame, cut into pieces at the frame's width inside the
    attribute blocks and the brackets (``own-framed-long-spans-pandoc-markdown.md``)."""
    spans = re.sub(r"<p>([一二三四五六]、[^<]*)</p>", rf"<p><span style='{LONG_STYLE}'>\1</span></p>", HTML)
    spans = re.sub(r"<td>([^<]*)</td>", rf"<td><span style='{LONG_STYLE}'>\1</span></td>", spans)
    framed = tmp / "own-framed-long-spans.html"
    framed.write_text(_inside(spans, *LAYOUT_TABLE), encoding="utf-8")
    (OUT / "own-framed-long-spans-pandoc-markdown.md").write_text(
        bx.pandoc(framed, "html", "markdown"), encoding="utf-8"
    )


# table 二's （六） block as a CMS saves a table with no width: its columns as narrow as their text
SIX_AUTO = """<table border="1" style="border-collapse:collapse">
<tr><td colspan="2">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td>本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td>0</td></tr>
<tr><td>行政强制</td><td>18</td></tr>
</table>
"""


def glued_label_snippets(tmp: Path) -> None:
    """The page with table 二's （六） block in a table of no width (:data:`SIX_AUTO`), printed by Chromium and
    read by PyMuPDF's ``get_text()``: the narrow label and value cells of a row come as one span, the value glued
    to its label (``行政处罚0``); the （八） block after it is as wide as the page, its label and value a line each
    (``own-six-auto-pymupdf.txt``)."""
    from synth_reports import chromium_pdf

    at = HTML.index('<table border="1">', HTML.index("第二十条第（五）项") - 40)
    at = HTML.index("</table>", at) + len("</table>\n")
    page = HTML[:at] + SIX_AUTO + HTML[at:]
    eight = page.index('<table border="1">', page.index("第二十条第（八）项") - 40)
    page = page[:eight] + '<table border="1" style="width:100%">' + page[eight + len('<table border="1">') :]
    pdf = tmp / "own-six-auto.pdf"
    chromium_pdf(page, pdf)
    (OUT / "own-six-auto-pymupdf.txt").write_text(bc.pymupdf_text(pdf, sort=False), encoding="utf-8")


def two_blank_rows_snippets(tmp: Path) -> None:
    """The page with table 四's 复议 row alone filled (``0 0 35 0 35``), its two 诉讼 rows left empty, printed by
    lynx ``-dump``: five values for fifteen cells, nothing printed for the ten empty ones
    (``own-two-blank-rows-lynx.txt``)."""
    row = f"<tr>{_cells([2, 1, 0, 3, 6])}{_cells([0, 1, 0, 0, 1])}{EMPTY * 5}</tr>"
    page = tmp / "own-two-blank-rows.html"
    page.write_text(HTML.replace(row, f"<tr>{_cells([0, 0, 35, 0, 35])}{EMPTY * 10}</tr>"), encoding="utf-8")
    (OUT / "own-two-blank-rows-lynx.txt").write_text(bx.lynx(page), encoding="utf-8")


def front_matter_snippets(tmp: Path) -> None:
    """html-to-markdown (``build_extractors.html_to_markdown_md``) of the page with a portal's ``<title>`` and CMS
    ``<meta>`` tags: a YAML front matter above the text, the title after a key (``title: …``,
    ``meta-ArticleTitle: …``: ``own-html-to-markdown.md``)."""
    title = "某某区人民政府2024年政府信息公开工作年度报告"
    head = (
        f'<title>{title}</title><meta name="ArticleTitle" content="{title}">'
        '<meta name="ContentSource" content="某某区">'
    )
    page = tmp / "own-front-matter.html"
    page.write_text(HTML.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + head, 1), encoding="utf-8")
    (OUT / "own-html-to-markdown.md").write_text(bx.html_to_markdown_md(page), encoding="utf-8")


def dash_row_snippets(tmp: Path) -> None:
    """pypdf ``extract_text()`` (``build_extractors.pypdf_text``) and pdfplumber's of Chromium's print of the page
    whose table 二 prints dashes for blanks (``<td>—</td>``): a row on one line, single spaces, a dash among its
    values and last (``规章 — 0 —``: ``own-dash-pypdf.txt``, ``own-dash-pdfplumber.txt``)."""
    from synth_reports import chromium_pdf

    row = "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
    dashed = HTML.replace(row, row.replace("<td>0</td><td>0</td><td>0</td>", "<td>—</td><td>0</td><td>—</td>"), 1)
    assert dashed != HTML
    pdf = tmp / "own-dash.pdf"
    chromium_pdf(dashed, pdf)
    (OUT / "own-dash-pypdf.txt").write_text(bx.pypdf_text(pdf, layout=False), encoding="utf-8")
    (OUT / "own-dash-pdfplumber.txt").write_text(bx.pdfplumber_text(pdf, layout=False), encoding="utf-8")


def pypdfium2_snippets(tmp: Path) -> None:
    """pypdfium2's text of Chromium's print of the page, page by page (``PdfTextPage.get_text_range()``: PDFium's
    order, CRLF line ends, no line end after a page's last line), the pages joined by a form feed alone: table 三's
    last row runs into section 四's heading on the next page (``… 0 1\\f四、政府信息公开…``:
    ``own-pypdfium2-ff.txt``)."""
    import pypdfium2 as pdfium
    from synth_reports import chromium_pdf

    pdf = tmp / "own-pdfium.pdf"
    chromium_pdf(HTML, pdf)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = "\f".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    (OUT / "own-pypdfium2-ff.txt").write_bytes(text.encode("utf-8"))


def docling_snippets(tmp: Path) -> None:
    """docling's HTML backend (``build_corpus.docling_md``) on the page inside a portal's layout table: the frame is
    a one-cell pipe table and everything nested in it is flattened into that cell, on one line (paragraphs two
    spaces apart, cells and rows one: ``own-framed-docling.md``); the same of the 2019 page, whose merged header
    cells and their values are printed once a column they span (``own-2019-framed-docling.md``); and the 2021 page
    whose table 二 第（五）项 block is printed in one four-column table with the 第（一）项 block, as many organs print
    them (its header cell and its value spanning three columns: ``own-merged-framed-docling.md``, ``208 208 208``)."""
    five = (
        '<tr><td colspan="2">第二十条第（五）项</td></tr>\n<tr><td>信息内容</td><td>本年处理决定数量</td></tr>\n'
        "<tr><td>行政许可</td><td>208</td></tr>"
    )
    merged = HTML.replace(
        '</table>\n<table border="1">\n' + five,  # one table with the 第（一）项 block's: four columns wide
        '<tr><td colspan="4">第二十条第（五）项</td></tr>\n'
        '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>\n'
        '<tr><td>行政许可</td><td colspan="3">208</td></tr>',
    )
    assert merged != HTML
    for name, page_html in (("own-framed", HTML), ("own-2019-framed", HTML_2019), ("own-merged-framed", merged)):
        framed = tmp / f"{name}.html"
        framed.write_text(_inside(page_html, *LAYOUT_TABLE), encoding="utf-8")
        (OUT / f"{name}-docling.md").write_text(bc.docling_md(framed), encoding="utf-8")


def main() -> None:
    from synth_reports import chromium_pdf

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "own.html"
        page.write_text(HTML, encoding="utf-8")
        shutil.copyfile(page, OUT / "own.html")
        (OUT / "own-bs4-lines.txt").write_text(bx.bs4_text(page, "\n"), encoding="utf-8")
        (OUT / "own-lynx.txt").write_text(bx.lynx(page), encoding="utf-8")
        # the same report inside a portal's layout table (one cell around the article, as Hanweb pages print it)
        framed = Path(tmp) / "own-framed.html"
        framed.write_text(_inside(HTML, *LAYOUT_TABLE), encoding="utf-8")
        (OUT / "own-framed-pandoc-plain.txt").write_text(bx.pandoc(framed, "html", "plain"), encoding="utf-8")
        (OUT / "own-framed-html2text.md").write_text(bx.html2text_text(framed, pad=False), encoding="utf-8")
        split = Path(tmp) / "own-split.html"
        at = HTML.index("<tr>", HTML.index("二、上年结转"))
        split.write_text(HTML[:at] + '</table>\n<table border="1">\n' + HTML[at:], encoding="utf-8")
        (OUT / "own-split-w3m.txt").write_text(bx.w3m(split), encoding="utf-8")
        page_2019 = Path(tmp) / "own-2019.html"
        page_2019.write_text(HTML_2019, encoding="utf-8")
        shutil.copyfile(page_2019, OUT / "own-2019.html")
        (OUT / "own-2019-lynx.txt").write_text(bx.lynx(page_2019), encoding="utf-8")
        pdf = Path(tmp) / "own.pdf"
        chromium_pdf(HTML, pdf)
        (OUT / "own-pypdf.txt").write_text(bx.pypdf_text(pdf, layout=False), encoding="utf-8")
        (OUT / "own-pymupdf4llm-layout.md").write_text(bc.pymupdf4llm_md(pdf, layout=True), encoding="utf-8")
        (OUT / "own-pymupdf4llm.md").write_text(bc.pymupdf4llm_md(pdf, layout=False), encoding="utf-8")
        narrow = HTML.replace(FOUR_TABLE, FOUR_TABLE.replace('border="1">', 'border="1" style="width:70%">'))
        for name, page_html in (("narrow", narrow), ("full", narrow.replace(EMPTY * 5, _cells([0, 15, 0, 0, 15])))):
            pdf_narrow = Path(tmp) / f"own-{name}.pdf"
            chromium_pdf(page_html, pdf_narrow)
            if name == "narrow":
                (OUT / "own-narrow-markitdown.md").write_text(bc.markitdown_md(pdf_narrow), encoding="utf-8")
            (OUT / f"own-{name}-pdftotext.txt").write_text(_pdftotext(pdf_narrow), encoding="utf-8")
        pdf_2019 = Path(tmp) / "own-2019-word.pdf"
        chromium_pdf(HTML_2019_WORD, pdf_2019)
        (OUT / "own-2019-word-markitdown.md").write_text(bc.markitdown_md(pdf_2019), encoding="utf-8")
        blank_row_snippets(Path(tmp))
        room_snippets(Path(tmp))
        blank_zero_pdf_snippets(Path(tmp))
        broken_total_snippets(Path(tmp))
        column_order_snippets(Path(tmp))
        merged_other_snippets(Path(tmp))
        pdfminer_snippets(Path(tmp))
        pdfminer_band_snippets(Path(tmp))
        framed_pandoc_snippets(Path(tmp))
        frame_cut_snippets(Path(tmp))
        glued_label_snippets(Path(tmp))
        two_blank_rows_snippets(Path(tmp))
        docling_snippets(Path(tmp))
        front_matter_snippets(Path(tmp))
        pypdfium2_snippets(Path(tmp))
        dash_row_snippets(Path(tmp))
    print(f"wrote the snippets in {OUT}")


# the snippets a flag builds alone, without the rest (and the tools each group needs)
GROUPS = {
    "--blank-rows": (blank_row_snippets,),  # lynx, pandoc, html2text: no Chromium
    "--text-layer": (blank_zero_pdf_snippets, broken_total_snippets),  # Chromium's prints: pdftotext, pypdf, pdfplumber
    "--issue-8-blanks": (column_order_snippets, merged_other_snippets, framed_pandoc_snippets),
    "--n22": (frame_cut_snippets, glued_label_snippets, two_blank_rows_snippets),  # pandoc, PyMuPDF, lynx
    "--room": (room_snippets,),  # inscriptis, w3m: no Chromium
    "--pdfminer": (pdfminer_snippets, pdfminer_band_snippets),  # Chromium, pdfminer.six (the corpus extra)
    "--pypdfium2": (pypdfium2_snippets, dash_row_snippets),  # Chromium, pypdfium2, pypdf, pdfplumber
    "--docling": (docling_snippets, front_matter_snippets),  # docling-slim, html-to-markdown (the corpus extra)
}


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in GROUPS:
        OUT.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            for build in GROUPS[sys.argv[1]]:
                build(Path(tmp))
        raise SystemExit(0)
    main()
    subprocess.run(["ls", "-l", str(OUT)], check=False)
