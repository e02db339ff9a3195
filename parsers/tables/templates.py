"""The national templates: row keys, the label patterns that find them, and the columns (SCHEMA.md).

Patterns are matched against a label token with its spaces removed and its punctuation normalised
(see ``tokens.normalise``). They come from the template's own wording, with the variants real reports
print (a dropped or wrong character, a word broken across a page), never from one report's quirks.
"""

from __future__ import annotations

import functools
import re
import re._constants as sre  # type: ignore[import-not-found]  # a pattern's parsed form (``full_labels``)
import re._parser as _parser  # type: ignore[import-not-found]
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RowDef:
    key: str
    patterns: tuple[str, ...]
    label: str = ""  # the template's wording, for matching a label by meaning (``parsers.tables.labels``)

    def matches(self, compact: str) -> bool:
        return self._any.search(compact) is not None

    @functools.cached_property
    def _any(self) -> re.Pattern[str]:
        """The patterns as one alternation: a match of any of them is a match of it (none has groups)."""
        return re.compile("|".join(f"(?:{p})" for p in self.patterns))


def union(rows: list[RowDef]) -> re.Pattern[str]:
    """One search for many rows: it finds a match exactly where one of the rows' patterns does (a quick test
    before asking each row)."""
    return re.compile("|".join(f"(?:{row._any.pattern})" for row in rows))


def full_labels(rows: list[RowDef]) -> frozenset[str] | None:
    """Every label the rows match, when each row's patterns match whole labels from a finite set
    (``^(行政)?规范性文件$``: 规范性文件, 行政规范性文件); None when one of them can match other strings."""
    out: set[str] = set()
    for row in rows:
        for pattern in row.patterns:
            parsed: list[tuple[Any, Any]] = list(_parser.parse(pattern))
            if len(parsed) < 2 or parsed[0] != (sre.AT, sre.AT_BEGINNING) or parsed[-1] != (sre.AT, sre.AT_END):
                return None
            strings = _strings(parsed[1:-1])
            if strings is None:
                return None
            out |= strings
    return frozenset(out)


def _strings(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The strings a sequence of parsed regex items matches, when they are finitely many (literals, groups,
    alternatives, ``?``); None otherwise."""
    out = {""}
    for op, av in items:
        part: set[str] | None
        if op is sre.LITERAL:
            part = {chr(av)}
        elif op is sre.SUBPATTERN:
            part = _strings(list(av[-1]))
        elif op is sre.BRANCH:
            alternatives = [_strings(list(p)) for p in av[1]]
            part = None if any(a is None for a in alternatives) else {x for a in alternatives if a for x in a}
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            inner = _strings(list(av[2]))
            part = None if inner is None else inner | {""}
        else:
            return None
        if part is None:
            return None
        out = {a + b for a in out for b in part}
    return out


def _row(key: str, *patterns: str, label: str = "") -> RowDef:
    return RowDef(key, patterns, label or _literal(patterns[0]))


_SYNTAX = re.compile(r"\(\?<?[!=][^)]*\)|\\.|[\^$?*+()\[\]|{}.]")


def _literal(pattern: str) -> str:
    """The characters a pattern spells out: its wording without the regex syntax."""
    return _SYNTAX.sub("", pattern)


# ---------------------------------------------------------------- table 三 (applications)
APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
N_APP = len(APPLICANT_COLUMNS)  # table 三's columns
# each table's key, the first part of its cells' keys (SCHEMA.md)
ACTIVE_TABLE = "active"
APPLICATIONS_TABLE = "applications"
REVIEW_TABLE = "review_litigation"
LEGACY_TABLE = "legacy"

_APP_HEAD = [
    _row("new_received", r"本年新收", label="一、本年新收政府信息公开申请数量"),
    _row("carried_over", r"上年结转", label="二、上年结转政府信息公开申请数量"),
    _row("granted", r"予以公开", label="(一)予以公开"),
    _row("partially_granted", r"部分公开", label="(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
    _row("withheld.state_secret", r"国家秘密", label="1.属于国家秘密"),
    _row("withheld.prohibited_by_law", r"禁止公开", label="2.其他法律行政法规禁止公开"),
    _row("withheld.three_safeties", r"三安全一稳定", r"^\d?[.、]?危及", label="3.危及“三安全一稳定”"),
    _row("withheld.third_party_rights", r"第三方", label="4.保护第三方合法权益"),
    _row("withheld.internal_affairs", r"内部事务", label="5.属于三类内部事务信息"),
    _row("withheld.process_info", r"过程性", label="6.属于四类过程性信息"),
    _row("withheld.enforcement_files", r"执法案卷", label="7.属于行政执法案卷"),
    _row("withheld.query_matters", r"查询事项", label="8.属于行政查询事项"),
    _row("unavailable.not_held", r"不掌握", label="1.本机关不掌握相关政府信息"),
    _row("unavailable.needs_creation", r"另行制作", r"没有现成", label="2.没有现成信息需要另行制作"),
    _row("unavailable.unclear_after_correction", r"仍不明确", r"^\d?[.、]?补正后", label="3.补正后申请内容仍不明确"),
    _row("not_processed.petition", r"信访", label="1.信访举报投诉类申请"),
    _row("not_processed.duplicate", r"重复申请", label="2.重复申请"),
    _row("not_processed.publication", r"出版物", label="3.要求提供公开出版物"),
    _row("not_processed.excessive", r"大量反复", label="4.无正当理由大量反复申请"),
    _row(
        "not_processed.confirm_existing", r"重新出具", r"要求行政机关确", label="5.要求行政机关确认或重新出具已获取信息"
    ),
]
_APP_OTHER_2021 = [
    _row("other.no_correction", r"不补正", label="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    _row(
        "other.unpaid_fee",
        r"缴纳费用",
        r"收费通知",
        label="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    _row("other.other", r"^(\(六\)其他处理)?\d[.、]其他$", r"^3[.、]?其他", label="3.其他"),
]
_APP_OTHER_2019 = [_row("other", r"其他处理$", r"^\(六\)其他处理", label="(六)其他处理")]
_APP_TAIL = [
    _row("results_total", r"^(\([七\s]*\))?总计$", r"^\(七\)总计", r"^三、本年度办理结果\(七\)总计$", label="(七)总计"),
    _row("carried_forward", r"结转下年度", r"^下年度继续办理$", label="四、结转下年度继续办理"),
]
APPLICATION_ROWS_2021 = [*_APP_HEAD, *_APP_OTHER_2021, *_APP_TAIL]
APPLICATION_ROWS_2019 = [*_APP_HEAD, *_APP_OTHER_2019, *_APP_TAIL]
# rows from 予以公开 to the last 其他: the results that (七)总计 sums
RESULT_ROWS_2021 = [r.key for r in APPLICATION_ROWS_2021[2:-2]]
RESULT_ROWS_2019 = [r.key for r in APPLICATION_ROWS_2019[2:-2]]

# ---------------------------------------------------------------- table 四 (review_litigation)
REVIEW_ROWS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
REVIEW_ROW_NAMES = ("行政复议", "未经复议直接起诉", "复议后起诉")  # REVIEW_ROWS as the template heads them
# the character only one column's head has: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 (the group heads 行政复议,
# 行政诉讼, 未经复议直接起诉, 复议后起诉 have none of them), and the index of its column in REVIEW_COLUMNS
REVIEW_HEAD_KIND = {"持": 0, "正": 1, "他": 2, "审": 3, "总": 4}

# ---------------------------------------------------------------- table 二 (active)
# Column headers of the 第二十条 blocks → column keys (2021 and 2019 formats).
ACTIVE_HEADERS: list[tuple[str, str]] = [
    (r"制发", "issued"),
    (r"废止", "repealed"),
    (r"现行有?效?件数|现行有效", "in_force"),
    (r"新制作", "new_made"),
    (r"新公开", "new_published"),
    (r"对外公开总", "total_published"),
    (r"上一年项目", "prior_items"),
    (r"增/?减", "change"),
    (r"处理决定", "decisions"),
    (r"收费金额", "amount"),
    (r"采购项目", "items"),
    (r"采购总金额", "amount"),
]
# The header cells of the 第二十条 blocks as the two formats print them (their ideographs only): what the fragments
# of a cell wrapped over several lines of laid-out text must join into.
ACTIVE_HEADER_CELLS: tuple[str, ...] = (
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增减",
    "本年处理决定数量",
    "处理决定数量",
    "本年收费金额单位万元",
    "采购项目数量",
    "采购总金额",
)
ACTIVE_ROWS = [
    _row("rules", r"^规章$"),
    _row("normative_docs", r"^(行政)?规范性文件$"),
    _row("licensing", r"^行政许可$"),
    _row("other_services", r"^其他对外管理服务事项$"),
    _row("penalty", r"^行政处罚$"),
    _row("coercion", r"^行政强制$"),
    _row("fees", r"^行政事业性收费$"),
    _row("procurement", r"^政府集中采购$"),
]
# When a block prints no header the format's defaults apply.
ACTIVE_DEFAULTS = {
    "2021": {
        "rules": ("issued", "repealed", "in_force"),
        "normative_docs": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount",),
    },
    "2019": {
        "rules": ("new_made", "new_published", "total_published"),
        "normative_docs": ("new_made", "new_published", "total_published"),
        "licensing": ("prior_items", "change", "decisions"),
        "other_services": ("prior_items", "change", "decisions"),
        "penalty": ("prior_items", "change", "decisions"),
        "coercion": ("prior_items", "change", "decisions"),
        "fees": ("prior_items", "change"),
        "procurement": ("items", "amount"),
    },
}
# The rows every report of the format must have (others, such as 2019's procurement, are optional).
ACTIVE_REQUIRED = {
    "2021": ("rules", "normative_docs", "licensing", "penalty", "coercion", "fees"),
    "2019": ("rules", "normative_docs", "licensing", "other_services", "penalty", "coercion", "fees"),
}

# ---------------------------------------------------------------- legacy 统计指标 table
LEGACY_ROWS = [
    _row("active_total", r"主动公开政府信息数", label="主动公开政府信息数"),
    _row("active_normative_docs", r"主动公开规范性文件数", label="主动公开规范性文件数"),
    _row("normative_docs_issued", r"制发规范性文件总数", label="制发规范性文件总数"),
    _row("via_gazette", r"政府公报公开政府信息数", label="政府公报公开政府信息数"),
    _row("via_website", r"政府网站公开政府信息数", label="政府网站公开政府信息数"),
    _row("via_weibo", r"政务微博公开政府信息数", label="政务微博公开政府信息数"),
    _row("via_wechat", r"政务微信公开政府信息数", label="政务微信公开政府信息数"),
    _row("via_other", r"其他方式公开政府信息数", label="其他方式公开政府信息数"),
    _row("responses_total", r"回应公众关注热点", label="回应公众关注热点或重大舆情数"),
    _row("press_conferences", r"新闻发布会总次数", label="参加或举办新闻发布会总次数"),
    _row("press_conferences_by_heads", r"参加新闻发布会次数", label="主要负责同志参加新闻发布会次数"),
    _row("online_interviews", r"在线访谈次数", label="政府网站在线访谈次数"),
    _row(
        "online_interviews_by_heads",
        r"参加政府网站在线访谈数",
        r"在线访谈数$",
        label="主要负责同志参加政府网站在线访谈数",
    ),
    _row("interpretation_articles", r"政策解读稿件", label="政策解读稿件发布数"),
    _row("weibo_wechat_responses", r"微博微信回应", label="微博微信回应事件数"),
    _row("other_responses", r"其他方式回应", label="其他方式回应事件数"),
    _row("requests_received", r"收到申请数", label="收到申请数"),
    _row("requests_in_person", r"当面申请", label="当面申请数"),
    _row("requests_fax", r"传真申请", label="传真申请数"),
    _row("requests_online", r"网络申请", label="网络申请数"),
    _row("requests_letter", r"信函申请", label="信函申请数"),
    _row("requests_completed", r"申请办结数", label="申请办结数"),
    _row("completed_on_time", r"按时办结", label="按时办结数"),
    _row("completed_extended", r"延期办结", label="延期办结数"),
    _row("replies_total", r"申请答复数", label="申请答复数"),
    _row("reply_already_public", r"已主动公开范围", label="属于已主动公开范围数"),
    _row("reply_granted", r"(?<!不)(?<!部分)同意公开答复", label="同意公开答复数"),
    _row("reply_partially_granted", r"同意部分公开", label="同意部分公开答复数"),
    _row("reply_denied", r"不同意公开", label="不同意公开答复数"),
    _row("denied_state_secret", r"国家秘密", label="涉及国家秘密"),
    _row("denied_trade_secret", r"商业秘密", label="涉及商业秘密"),
    _row("denied_privacy", r"个人隐私", label="涉及个人隐私"),
    _row("denied_security", r"危及国家安全", label="危及国家安全、公共安全、经济安全和社会稳定"),
    _row("denied_not_gov_info", r"所指应公开", label="不是《条例》所指应公开的政府信息"),
    _row("denied_other_law", r"法律法规规定的其他情形", label="法律法规规定的其他情形"),
    _row("reply_not_this_agency", r"不属于本行政机关", label="不属于本行政机关公开数"),
    _row("reply_not_exist", r"信息不存在", label="申请信息不存在数"),
    _row("reply_needs_correction", r"更改补充", label="告知作出更改补充数"),
    _row("reply_other_channel", r"其他途径", label="告知通过转其他途径办理数"),
    _row("review_total", r"行政复议数量", label="行政复议数量"),
    _row("review_upheld", r"维持具体行政行为数$", r"^\(一\)维持具体行政行为", label="维持具体行政行为数"),
    _row("review_corrected", r"被依法纠错", label="被依法纠错数"),
    _row("review_other", r"其他情形", label="其他情形数"),
    _row("litigation_total", r"行政诉讼数量", label="行政诉讼数量"),
    _row("litigation_upheld", r"驳回原告", r"维持具体行政行为或者", label="维持具体行政行为或者驳回原告诉讼请求数"),
    _row("litigation_corrected", r"被依法纠错", label="被依法纠错数"),
    _row("litigation_other", r"其他情形", label="其他情形数"),
    _row("complaints", r"举报投诉", label="举报投诉数量"),
    _row("fees", r"收取的费用", label="依申请公开信息收取的费用"),
    _row("dedicated_units", r"专门机构", label="政府信息公开工作专门机构数"),
    _row("reading_points", r"查阅点", label="设置政府信息公开查阅点数"),
    _row("staff_total", r"工作人员数", label="从事政府信息公开工作人员数"),
    _row("staff_full_time", r"专职人员", label="专职人员数"),
    _row("staff_part_time", r"兼职人员", label="兼职人员数"),
    _row("budget", r"专项经费", label="政府信息公开专项经费"),
    _row("meetings", r"专题会议", r"工作会议", label="召开政府信息公开工作会议或专题会议数"),
    _row("trainings", r"培训班", label="举办各类培训班数"),
    _row("trainees", r"接受培训", label="接受培训人员数"),
]

# section 四's heading: where table 三 ends and table 四 begins
SECTION_FOUR = r"^四[、.．]政府信息公开行政复议"
# the same after a speck the parser's own OCR read as a mark (synth_5444's ``:四、政府信息公开行政复议``): scans only
SECTION_FOUR_SPECKED = r"^[^\w\s]四[、.．]政府信息公开行政复议"
# a cell of table 四's head alone (prose naming 行政复议 is never one; no label of table 三 is one): where table 三
# ends when section 四's heading is not in the text (a scan's heading the engine lost: synth_1916's 总计 head was
# read as table 三's 总计 row, table 四's values as its values)
FOUR_HEADS = r"^(?:行政复议|行政诉讼|结果维持|结果纠正|尚未审结|未经复议直接起诉|复议后起诉)$"
# section 五's heading (or what follows it): where table 四 and the tables end
SECTION_FIVE = r"^五[、.]|存在的主要问题|主要问题及改进|问题及改进|^六[、.]"
