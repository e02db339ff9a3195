"""A synthetic report (``synth_model.Synth``) as the HTML CMS editors publish: the body (narrative sections and the
national template's tables) with randomised markup, inside one of several portal page chromes.

What varies (rates per report in ``MARKUP_RATES``): the cell markup (Word-pasted ``<p class=MsoNormal>`` with
``mso-`` styles, UEditor ``<td style>``, bare ``<td>``), ``<th>`` for header cells, ``<br>`` inside labels,
``&nbsp;`` padding, the header structures of tables 三 and 四, how many label columns table 三 uses, table 二 as one
table or one per block, a header repeated mid-table, a table split in two, ``<thead>`` (Chromium repeats it on
every printed page), numbering punctuation, fonts, sizes and column widths (other wraps in a printed PDF).
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from synth_model import APPLICANTS, REVIEW_COLS, REVIEW_ROWS, Synth, Value

MARKUP_RATES: dict[str, float] = {
    "th_headers": 0.35,
    "br_in_labels": 0.25,
    "nbsp_pad": 0.15,
    "thead": 0.30,
    "header_repeat": 0.12,  # table 三's header printed again mid-table
    "split_table": 0.12,  # table 三 split into two <table>s (no header on the second)
    "active_one_table": 0.6,  # table 二 as one table (else one table per 第二十条 block)
    "halfwidth_numbering": 0.2,  # (一) rather than （一）
    "numbering_dot": 0.3,  # 1．/1、 rather than 1.
    "no_org_header": 0.12,  # table 三 without its 法人或其他组织 row (one header row of column names)
    "empty_zero": 0.04,  # some zero cells of table 三 printed empty (gold null)
}
CELL_STYLES = ("word", "ueditor", "bare")
FONTS = ("宋体", "仿宋_GB2312", "仿宋", "微软雅黑", "SimSun", "黑体", "楷体_GB2312")
CHROMES = ("trs", "hanweb", "vsb", "jeecms")

# realistic near-miss characters in template labels: (correct fragment, misprint)
TYPOS = [
    ("其他法律行政法规禁止公开", "其他法律行政止公开"),
    ("逾期不补正", "预期不补正"),
    ("三安全一稳定", "三安全一隐定"),
    ("保护第三方合法权益", "保护第三方合法权意"),
    ("属于三类内部事务信息", "属于三类内部事物信息"),
    ("属于四类过程性信息", "属于四类过程信息"),
    ("属于行政执法案卷", "属于行政执法按卷"),
    ("属于行政查询事项", "属于行政査询事项"),
    ("本机关不掌握相关政府信息", "本机关不常握相关政府信息"),
    ("没有现成信息需要另行制作", "没有现成信息需另行制作"),
    ("补正后申请内容仍不明确", "补正后申请内容仍不明碓"),
    ("信访举报投诉类申请", "信访举报投拆类申请"),
    ("要求提供公开出版物", "要求提供公开出版务"),
    ("无正当理由大量反复申请", "无正当理由大量返复申请"),
    ("要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出据已获取信息"),
    ("本年新收政府信息公开申请数量", "本年新收政府信息公开申情数量"),
    ("上年结转政府信息公开申请数量", "上年结转政府信息公开申清数量"),
    ("结转下年度继续办理", "结转下年度继续力理"),
    ("行政事业性收费", "行政事业收费"),
]

LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld.state_secret": "1.属于国家秘密",
    "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "withheld.three_safeties": "3.危及“三安全一稳定”",
    "withheld.third_party_rights": "4.保护第三方合法权益",
    "withheld.internal_affairs": "5.属于三类内部事务信息",
    "withheld.process_info": "6.属于四类过程性信息",
    "withheld.enforcement_files": "7.属于行政执法案卷",
    "withheld.query_matters": "8.属于行政查询事项",
    "unavailable.not_held": "1.本机关不掌握相关政府信息",
    "unavailable.needs_creation": "2.没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_processed.petition": "1.信访举报投诉类申请",
    "not_processed.duplicate": "2.重复申请",
    "not_processed.publication": "3.要求提供公开出版物",
    "not_processed.excessive": "4.无正当理由大量反复申请",
    "not_processed.confirm_existing": "5.要求行政机关确认或重新出具已获取信息",
    "other.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他",
    "other": "（六）其他处理",
    "results_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
GROUPS = {
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
ACTIVE_LABELS = {
    "rules": "规章",
    "normative_docs": "行政规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
    "procurement": "政府集中采购",
}
ACTIVE_HEADS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "prior_items": "上一年项目数量",
    "change": "本年增/减",
    "items": "采购项目数量",
}
ORG_COLS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
REVIEW_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    head: bool = False
    label: bool = False


Row = list[Cell]


class Markup:
    """The markup choices of one report, drawn from its own random stream (so the numbers do not move when a
    markup knob is added)."""

    def __init__(self, synth: Synth) -> None:
        self.s = synth
        self.rng = rng = random.Random(synth.seed * 7919 + 17)
        self.knobs: dict[str, Any] = {k: rng.random() < p for k, p in MARKUP_RATES.items()}
        self.cell_style = rng.choice(CELL_STYLES)
        self.font = rng.choice(FONTS)
        self.size = rng.choice((10.5, 12, 14, 15, 16)) if self.cell_style == "word" else rng.randint(12, 18)
        self.label_cols = rng.choice((3, 3, 3, 2, 1))
        self.chrome = rng.choice(CHROMES)
        self.typos: dict[str, str] = {}
        if synth.knobs.get("label_typo"):
            for right, wrong in rng.sample(TYPOS, rng.choice((1, 1, 2))):
                self.typos[right] = wrong
        self.widths = [rng.randint(40, 180) for _ in range(3)]
        self.review_br = rng.random() < 0.3
        self.dot = rng.choice(("．", "、"))
        self.knobs.update(cell_style=self.cell_style, font=self.font, size=self.size, label_cols=self.label_cols,
                          chrome=self.chrome, typos=sorted(self.typos.values()))  # fmt: skip

    # ---------------------------------------------------------------- text
    def label(self, text: str) -> str:
        for right, wrong in self.typos.items():
            text = text.replace(right, wrong)
        if self.knobs["halfwidth_numbering"]:
            text = text.replace("（", "(").replace("）", ")")
        if self.knobs["numbering_dot"] and text[:1].isdigit() and text[1:2] == ".":
            text = text[0] + self.dot + text[2:]
        return text

    def number(self, v: Value, key: str) -> str:
        if v is None:
            return "—" if key.startswith("active/") else ""
        if isinstance(v, Decimal):
            text = format(v, "f")
            if self.s.knobs.get("unit_in_cell") and key.endswith("/amount"):
                text += "万元"
            return text
        if v < 0:
            return ("－" if self.s.knobs.get("fullwidth_minus") else "-") + str(-v)
        if self.s.knobs.get("thousands") and v >= 1000:
            return f"{v:,}"
        return str(v)

    # ---------------------------------------------------------------- tables
    def active_tables(self) -> list[list[Row]]:
        s = self.s
        tables: list[list[Row]] = []
        rows: list[Row] = []
        for item, keys in s.blocks:
            block: list[Row] = [[Cell(f"第二十条第{item}项", colspan=4, head=True)]]
            cols = _active_cols(s, keys[0])
            heads = [Cell(ACTIVE_HEADS[c], head=True) for c in cols]
            if keys[0] == "fees" and s.knobs.get("unit_in_cell"):
                heads = [Cell("本年收费金额", head=True)] if s.format == "2021" else heads
            if len(heads) < 3:
                heads[-1].colspan = 4 - len(heads)
            block.append([Cell("信息内容", head=True), *heads])
            for key in keys:
                row = [Cell(ACTIVE_LABELS[key] if key != "fees" else self.label("行政事业性收费"), label=True)]
                if key == "procurement" and s.knobs.get("procurement_one_cell"):
                    items = self.number(s.cells["active/procurement/items"], "x")
                    amount = self.number(s.cells["active/procurement/amount"], "active/procurement/amount")
                    unit = "" if amount.endswith("万元") else "万元"  # the unit already in the cell is not doubled
                    joint = self.rng.choice((f"{items}项/{amount}{unit}", f"{items}　{amount}", f"{items}；{amount}"))
                    row.append(Cell(joint, colspan=3))
                else:
                    vals = [Cell(self.number(s.cells[f"active/{key}/{c}"], f"active/{key}/{c}")) for c in cols]
                    if len(vals) < 3:
                        vals[-1].colspan = 4 - len(vals)
                    row += vals
                block.append(row)
            if self.knobs["active_one_table"]:
                rows += block
            else:
                tables.append(block)
        return [rows] if rows else tables

    def applications_table(self) -> list[list[Row]]:
        s = self.s
        n = self.label_cols
        note = self.rng.choice(("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "项目"))
        orgs = [Cell(t, head=True) for t in ORG_COLS]
        if self.knobs["no_org_header"]:
            header: list[Row] = [
                [Cell(note, colspan=n, head=True), Cell("自然人", head=True), *orgs, Cell("总计", head=True)],
            ]
        else:
            header = [
                [Cell(note, rowspan=3, colspan=n, head=True), Cell("申请人情况", colspan=7, head=True)],
                [Cell("自然人", rowspan=2, head=True), Cell("法人或其他组织", colspan=5, head=True),
                 Cell("总计", rowspan=2, head=True)],
                orgs,
            ]  # fmt: skip
        body: list[Row] = []

        def values(row: str) -> list[Cell]:
            out = []
            for c in (*APPLICANTS, "total"):
                key = f"applications/{row}/{c}"
                out.append(Cell(self.number(s.cells[key], key)))
            return out

        def top(row: str) -> None:
            body.append([Cell(self.label(LABELS[row]), colspan=n, label=True), *values(row)])

        top("new_received")
        top("carried_over")
        results = [*s.results, "results_total"]
        heading = "三、本年度办理结果"
        if n < 3:
            body.append([Cell(heading, colspan=n, label=True), *[Cell("") for _ in range(7)]])
        group_seen: set[str] = set()
        for i, row in enumerate(results):
            cells: Row = []
            if n == 3 and i == 0:
                cells.append(Cell(heading, rowspan=len(results), label=True))
            group = row.split(".")[0] if "." in row else None
            if group is None:
                cells.append(Cell(self.label(LABELS[row]), colspan=min(n, 2), label=True))
            elif n == 1:
                if group not in group_seen:
                    body.append([Cell(self.label(GROUPS[group]), label=True), *[Cell("") for _ in range(7)]])
                cells.append(Cell(self.label(LABELS[row]), label=True))
            else:
                if group not in group_seen:
                    size = sum(1 for r in results if r.startswith(group + "."))
                    cells.append(Cell(self.label(GROUPS[group]), rowspan=size, label=True))
                cells.append(Cell(self.label(LABELS[row]), label=True))
            group_seen.add(group or "")
            body.append(cells + values(row))
        top("carried_forward")
        if self.knobs["header_repeat"] or self.knobs["split_table"]:
            first, second = self._cut(body)
            if self.knobs["header_repeat"]:
                return [header + first, [_copy(r) for r in header] + second]
            return [header + first, second]
        return [header + body]

    def _cut(self, body: list[Row]) -> tuple[list[Row], list[Row]]:
        """The body cut in two at a random row, as a page break cuts it: a merged label cell that crosses the cut
        ends there and goes on (its text printed again, or empty) in the second part."""
        cut = self.rng.randint(3, len(body) - 2)
        first = [_copy(r) for r in body[:cut]]
        second = [_copy(r) for r in body[cut:]]
        carried: list[Cell] = []
        for i, row in enumerate(first):
            for cell in row:
                if i + cell.rowspan > cut:
                    rest = i + cell.rowspan - cut
                    cell.rowspan = cut - i
                    text = cell.text if self.rng.random() < 0.5 else ""
                    carried.append(Cell(text, rowspan=rest, colspan=cell.colspan, label=True))
        second[0] = carried + second[0]
        return first, second

    def review_table(self) -> list[Row]:
        s = self.s
        heads = [h if not self.review_br else h[:2] + "\n" + h[2:] for h in REVIEW_HEADS]
        values = [
            Cell(self.number(s.cells[f"review_litigation/{r}/{c}"], "r"))
            for r in REVIEW_ROWS
            for c in (*REVIEW_COLS, "total")
        ]
        return [
            [Cell("行政复议", colspan=5, head=True), Cell("行政诉讼", colspan=10, head=True)],
            [*(Cell(h, rowspan=2, head=True) for h in heads), Cell("未经复议直接起诉", colspan=5, head=True),
             Cell("复议后起诉", colspan=5, head=True)],
            [Cell(h, head=True) for h in heads * 2],
            values,
        ]  # fmt: skip

    # ---------------------------------------------------------------- HTML
    def cell_html(self, cell: Cell, width: int | None) -> str:
        tag = "th" if cell.head and self.knobs["th_headers"] else "td"
        attrs = ""
        if cell.rowspan > 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        text = cell.text
        pieces = text.split("\n")
        if cell.label and self.knobs["br_in_labels"] and len(text) > 9 and len(pieces) == 1:
            cut = self.rng.randint(4, len(text) - 3)
            pieces = [text[:cut], text[cut:]]
        inner = "<br>".join(html.escape(p, quote=False) for p in pieces)
        if self.knobs["nbsp_pad"] and inner:
            inner = "&nbsp;" + inner + "&nbsp;"
        if self.cell_style == "word":
            w = f" width={width}" if width else ""
            style = (
                f"style='width:{(width or 40) * 0.75:.1f}pt;border:solid windowtext 1.0pt;mso-border-alt:solid "
                "windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'"
            )
            body = inner or "<o:p>&nbsp;</o:p>"
            align = "left" if cell.label and self.rng.random() < 0.5 else "center"
            return (
                f"<{tag}{w}{attrs} valign=middle {style}><p class=MsoNormal align={align} "
                f"style='text-align:{align};line-height:20.0pt;mso-line-height-rule:exactly'><span "
                f"style='font-size:{self.size}pt;font-family:{self.font};mso-hansi-font-family:\"Times New Roman\"'>"
                f"{body}</span></p></{tag}>"
            )
        if self.cell_style == "ueditor":
            w = f' width="{width}"' if width else ""
            return (
                f'<{tag}{attrs}{w} valign="middle" align="center" style="border:1px solid #000000;'
                f'word-break:break-all;font-size:{self.size}px">{inner}</{tag}>'
            )
        return f"<{tag}{attrs}>{inner}</{tag}>"

    def table_html(self, rows: list[Row], head_rows: int = 0) -> str:
        widths = self.widths
        style = self.rng.choice(
            (
                'border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"',
                'class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=100% style="width:100.0%;'
                'border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt"',
                'width="100%" border="1" style="border-collapse:collapse;table-layout:auto"',
            )
        )
        out = [f"<table {style}>"]
        use_thead = self.knobs["thead"] and head_rows
        out.append("<thead>" if use_thead else "<tbody>")
        for i, row in enumerate(rows):
            if use_thead and i == head_rows:
                out.append("</thead><tbody>")
            parts = []
            for j, cell in enumerate(row):
                w = widths[j] if j < len(widths) and cell.label else None
                parts.append(self.cell_html(cell, w))
            out.append("<tr>" + "".join(parts) + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)


def _copy(row: Row) -> Row:
    return [Cell(c.text, c.rowspan, c.colspan, c.head, c.label) for c in row]


def _active_cols(s: Synth, key: str) -> tuple[str, ...]:
    from synth_model import ACTIVE_2019, ACTIVE_2021

    return (ACTIVE_2019 if s.format == "2019" else ACTIVE_2021)[key]
