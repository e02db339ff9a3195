"""Which links on a list page lead to a report: by what they say and where they lead (pure functions).

A report's title names it: a report word (年度报告, 年报, 工作报告) together with the disclosure it reports on
(政府信息公开, 政务公开) — ``strong`` evidence, enough anywhere. A title with 年度报告/年报 alone (``2023年度报告``,
``科技厅2023年年报``) is ``weak`` evidence: it is a report only inside an annual-report column (the list's URL or
its heading says 年报), or when the link's own URL sits in one (``zfxxgknb``, ``OpennessAnnualReport`` …).

Never a report, whatever else the title says: notices about reports (关于…, …通知, 工作要点, 实施方案),
解读, training and meetings, and 政府网站工作年度报表 (``wzndbb``), which shares the menus of 年报 columns. Other
look-alikes (统计年报, 企业年报, 决算/预算, 政府工作报告, 考核/评估) are not reports unless the title names the
report itself (政府信息公开工作年度报告): an organ can be called 预算评审中心.

A link to a list (a column, a folder, a numbered page) is never a report page, whatever its text: menus link
the 年报 column itself as 政府信息公开年报.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

REPORT_WORD = re.compile(r"年度报告|年报|工作报告")
ANNUAL_WORD = re.compile(r"年度报告|年报")
DISCLOSURE = re.compile(r"信息公开|政务公开|政府信息|公开工作")
# Never a report: notices about reports, interpretations, infographics of a report (图解, 一图读懂: its
# images, the report itself is its own link), meetings, and the look-alikes of the same menus.
NOT_A_REPORT = re.compile(
    r"^\s*关于|通知|解读|征求|要点|培训|会议|召开|的函|实施方案|图解|一图[读看速了]|图说|长图|"
    r"网站.{0,12}(报表|年报|年度报告)|年度报表|工作报表"
)
# The report's own name: 政府信息公开工作年度报告, 信息公开年报, 政务公开工作报告 …
CANONICAL = re.compile(r"(信息公开|政务公开)(工作)?(年度)?(报告|年报)")
# Not a report unless the title names the report itself (an organ may be called 预算评审中心 or 考核办).
UNLIKELY = re.compile(r"意见|办法|考核|测评|评估|统计年报|企业年报|年报公示|决算|预算|政府工作报告")
ELLIPSIS = re.compile(r"(…|\.\.\.|。。。)\s*$")
# Folder names of annual-report columns (CMS.md §6) and the Meetfine 年报 controller.
ANNUAL_PATH = re.compile(
    r"(zfxxgknb|xxgknb|gknb|zfxxgkndbg|xxgkndbg|ndbg|nianbao|gzndbg|OpennessAnnualReport|opennessAnnualReport)",
    re.IGNORECASE,
)
ANNUAL_HEADING = re.compile(r"年报|年度报告")
WEBSITE_REPORT_PATH = re.compile(r"(wzndbb|zfwzndbb|wzgzndbb)", re.IGNORECASE)

ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".wps", ".et", ".ofd", ".zip")
FILE_PARAMS = ("filename", "fileName", "showname", "file", "name", "attachname")

# URLs of lists rather than documents: a column's folder, its numbered pages, CMS list controllers.
_LIST_LEAF = re.compile(
    r"^(|index(_\d+)?\.(s?html?|jhtml|jsp|php|aspx?)|default(_\d+)?\.s?html?|list(_\d+)?\.s?html?|"
    r"page_\d+\.html|[0-9a-f]{8}-\d+\.html|\d+-\d+\.html|rlist\.shtml)$",
    re.IGNORECASE,
)
_LIST_PATH = re.compile(
    r"/col/col\d+/|/showList/|/content/channel/|/channels?/|xxgk_list\.jsp|/module/xxgk/|dataproxy\.jsp|"
    r"govInfoPub\.html|/list\.jsp",
    re.IGNORECASE,
)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def title_evidence(text: str | None) -> str | None:
    """``"strong"``, ``"weak"`` or ``None``: how much a link text says it is a report (see the module)."""
    t = clean(text)
    if not t or NOT_A_REPORT.search(t):
        return None
    if CANONICAL.search(t):
        return "strong"
    if UNLIKELY.search(t):
        return None
    if REPORT_WORD.search(t) and DISCLOSURE.search(t):
        return "strong"
    if ANNUAL_WORD.search(t):
        return "weak"
    if DISCLOSURE.search(t) and ELLIPSIS.search(t):  # 「…2022年政府信息公开工作…」: the text was cut
        return "weak"
    return None


def is_report_title(text: str | None) -> bool:
    """Does a link text name a report wherever it stands (strong evidence)?"""
    return title_evidence(text) == "strong"


def in_annual_column(url: str) -> bool:
    path = unquote(urlsplit(url).path)
    return bool(ANNUAL_PATH.search(path)) and not WEBSITE_REPORT_PATH.search(path)


def is_report_link(title: str | None, url: str, *, annual_list: bool) -> bool:
    """Is this link a report: strong title evidence, or weak evidence in an annual-report column (the list
    page's, ``annual_list``, or the link's own URL)? Links to lists and to 网站年度报表 folders never are."""
    evidence = title_evidence(title)
    if evidence is None or WEBSITE_REPORT_PATH.search(unquote(urlsplit(url).path)):
        return False
    if is_listing_url(url) and not is_attachment_url(url):
        return False
    return evidence == "strong" or annual_list or in_annual_column(url)


def is_attachment_url(url: str) -> bool:
    """A document by its path (``…/P0….pdf``) or by the file name a download script is given
    (``downfile.jsp?filename=….pdf``)."""
    parts = urlsplit(url)
    if unquote(parts.path).lower().endswith(ATTACHMENT_EXTENSIONS):
        return True
    return any(
        k in FILE_PARAMS and unquote(v).lower().endswith(ATTACHMENT_EXTENSIONS)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
    )


# EasySite articles are folders too: …/2025090509233740836/index.html, …/<32 hex>/index.shtml (CMS.md §4)
ARTICLE_FOLDER = re.compile(r"/(\d{19}|[0-9a-f]{32})/(index\.s?html?)?$")


def is_folder_url(url: str) -> bool:
    path = urlsplit(url).path
    leaf = path.rsplit("/", 1)[-1]
    return bool(re.match(r"^(|index(_\d+)?\.s?html?|default\.s?html?)$", leaf)) and not ARTICLE_FOLDER.search(path)


def is_listing_url(url: str) -> bool:
    """A list rather than a document: a folder, a numbered list page, a CMS list controller (an EasySite
    article folder is a document)."""
    path = urlsplit(url).path
    if ARTICLE_FOLDER.search(path):
        return False
    return bool(_LIST_LEAF.match(path.rsplit("/", 1)[-1]) or _LIST_PATH.search(path))


def annual_heading(*texts: str | None) -> bool:
    """Does a list page's heading (its ``<title>``, breadcrumb or column name) say it is a 年报 column?"""
    return any(ANNUAL_HEADING.search(t or "") and not re.search(r"报表", t or "") for t in texts)
