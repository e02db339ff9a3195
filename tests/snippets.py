"""Small real-looking report snippets in the national 2021 template, for the damage tests."""

from __future__ import annotations

ACTIVE_2021 = """二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t2
行政规范性文件\t12\t3\t85
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t1,204
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t356
行政强制\t7
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t86.45
"""

APP_LABELS = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果\t（一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "（三）不予公开\t1.属于国家秘密"),
    ("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("withheld.three_safeties", "3.危及“三安全一稳定”"),
    ("withheld.third_party_rights", "4.保护第三方合法权益"),
    ("withheld.internal_affairs", "5.属于三类内部事务信息"),
    ("withheld.process_info", "6.属于四类过程性信息"),
    ("withheld.enforcement_files", "7.属于行政执法案卷"),
    ("withheld.query_matters", "8.属于行政查询事项"),
    ("unavailable.not_held", "（四）无法提供\t1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", "（五）不予处理\t1.信访举报投诉类申请"),
    ("not_processed.duplicate", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.confirm_existing", "5.要求行政机关确认或重新出具已获取信息"),
    ("other.no_correction", "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "3.其他"),
    ("results_total", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]

APP_HEADER = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
"""

REVIEW_HEADER = """四、政府信息公开行政复议、行政诉讼情况
行政复议\t\t\t\t\t行政诉讼
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉
\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
"""

TAIL = """五、存在的主要问题及改进情况
一是公开意识有待加强。二是平台建设仍需完善。
六、其他需要报告的事项
本年度未收取信息处理费。
"""

HEAD = """某某旗2023年政府信息公开工作年度报告
本报告所列数据统计期限为2023年1月1日至2023年12月31日。
一、总体情况
2023年，某某旗认真贯彻落实政务公开工作部署。
"""


def default_rows() -> dict[str, list[int | None]]:
    rows: dict[str, list[int | None]] = {key: [0] * 7 for key, _ in APP_LABELS}
    rows["new_received"] = [5, 2, 0, 0, 1, 0, 8]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [3, 1, 0, 0, 1, 0, 5]
    rows["unavailable.not_held"] = [2, 0, 0, 0, 0, 0, 2]
    rows["results_total"] = [5, 1, 0, 0, 1, 0, 7]
    rows["carried_forward"] = [1, 1, 0, 0, 0, 0, 2]
    return rows


REVIEW_VALUES: list[int | None] = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def cell(v: int | None) -> str:
    return "" if v is None else str(v)


def app_table(rows: dict[str, list[int | None]] | None = None) -> str:
    rows = rows or default_rows()
    lines = [APP_HEADER.rstrip("\n")]
    for key, label in APP_LABELS:
        lines.append(label + "\t" + "\t".join(cell(v) for v in rows[key]))
    return "\n".join(lines) + "\n"


def review_table(values: list[int | None] | None = None) -> str:
    values = REVIEW_VALUES if values is None else values
    return REVIEW_HEADER + "\t".join(cell(v) for v in values) + "\n"


def report(active: str = ACTIVE_2021, apps: str | None = None, review: str | None = None) -> str:
    return (
        HEAD
        + active
        + (apps if apps is not None else app_table())
        + (review if review is not None else review_table())
        + TAIL
    )


# ------------------------------------------------------------------ other extraction conventions
def to_markdown(text: str, *, rule: bool = True) -> str:
    """The snippet as a PDF-to-Markdown converter prints it: headings as ``##``, TAB rows as pipe tables."""
    out: list[str] = []
    in_table = False
    for line in text.splitlines():
        if "\t" in line:
            out.append("| " + " | ".join(c.strip() for c in line.split("\t")) + " |")
            if not in_table and rule:
                out.append("|" + "---|" * len(line.split("\t")))
            in_table = True
            continue
        if in_table:
            out.append("")
        in_table = False
        if line[:2] in {f"{n}、" for n in "一二三四五六"}:
            out.append(f"## {line}")
        elif line.startswith("第二十条"):
            out.append(f"**{line}**")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def to_html_table(table: str) -> str:
    """TAB rows as one ``<table>`` on one line (the way MinerU embeds tables in its Markdown)."""
    rows = []
    for line in table.splitlines():
        if "\t" not in line:
            continue
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>")
    return "<table>" + "".join(rows) + "</table>\n"


def to_spaces(text: str, sep: str = " ") -> str:
    """TAB rows with their cells joined by ``sep`` (blank cells lost), as plain text extractions print them."""
    return "\n".join(sep.join(c for c in line.split("\t") if c.strip()) for line in text.splitlines()) + "\n"
