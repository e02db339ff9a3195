"""The numbers a report's text states, compared with its tables (checks of kind ``narrative_vs_table``).

A report's prose often repeats its tables' figures: 本年度共收到政府信息公开申请13件, 予以公开11件,
结转下年度继续办理2件, 被申请行政复议1件, 行政诉讼2起, 未收取任何费用. This module reads those statements and
compares each with the cell (or the sum of cells) it names. It is strict, because a wrong pairing would be a
false alarm on a correct report:

- A number is read only with its unit (件/起/宗/例, 元/万元) and only when the words *immediately* before it
  (or, for 收到 6 件依申请, around it) name one concept of the national form. Percentages, approximate figures
  (500余件), years and differences (同比增加5件) are never read.
- A statement about part of the organ (其中市本级…, 各旗县区…, 部门…) or about another year (上年, 2021年 in a
  report on 2022) is not compared: it becomes a ``narrative_unpinned`` warning naming the sentence.
- 办结/答复/予以公开… are read only where the sentence (or paragraph) is about applications, 维持/纠正 only
  where it is about a review or a lawsuit; nothing is read from table rows (lines with TABs or pipes).
- Negations that state a zero are read: 未收到…申请 (0 received), 未发生…行政复议、行政诉讼 (0 of each),
  未收取…费用 (the legacy table's fees).

Each statement the tables can answer becomes a :class:`~parsers.model.Check` of kind ``narrative_vs_table``:
``left`` the value the text states, ``right`` the table's value (blank cells count 0, as in the identities),
``right_keys`` the cells, ``sentence`` the sentence and ``where`` its offsets. A disagreement is a failed
check; nothing is ever changed. A statement whose cells are all blank is a ``narrative_blank_cell`` warning.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from parsers.model import Cell, Check, Number, Warning_, Where
from parsers.reversed_regex import reversed_pattern
from parsers.tables.tokens import normalise

KIND = "narrative_vs_table"
NAME_PREFIX = KIND + "/"

# -- what each concept is in each table format ------------------------------------------------------------
# A key ending in "*" is a prefix: the sum of every present cell whose row starts with it.


def _both_litigation(col: str) -> tuple[str, ...]:
    return (f"review_litigation/litigation_direct/{col}", f"review_litigation/litigation_after_review/{col}")


_STANDARD: dict[str, tuple[str, ...]] = {
    "received": ("applications/new_received/total",),
    "carried_over": ("applications/carried_over/total",),
    "carried_forward": ("applications/carried_forward/total",),
    "completed": ("applications/results_total/total",),
    "answered": ("applications/results_total/total",),
    "granted": ("applications/granted/total",),
    "partially_granted": ("applications/partially_granted/total",),
    "withheld": ("applications/withheld.*/total",),
    "unavailable": ("applications/unavailable.*/total",),
    "not_held": ("applications/unavailable.not_held/total",),
    "not_processed": ("applications/not_processed.*/total",),
    "other_processing": ("applications/other*/total",),
    "review": ("review_litigation/review/total",),
    "review_upheld": ("review_litigation/review/upheld",),
    "review_corrected": ("review_litigation/review/corrected",),
    "review_other": ("review_litigation/review/other",),
    "review_pending": ("review_litigation/review/pending",),
    "litigation": _both_litigation("total"),
    "litigation_upheld": _both_litigation("upheld"),
    "litigation_corrected": _both_litigation("corrected"),
    "litigation_other": _both_litigation("other"),
    "litigation_pending": _both_litigation("pending"),
}
_LEGACY: dict[str, tuple[str, ...]] = {
    "received": ("legacy/requests_received/value",),
    "completed": ("legacy/requests_completed/value",),
    "completed_on_time": ("legacy/completed_on_time/value",),
    "completed_extended": ("legacy/completed_extended/value",),
    "answered": ("legacy/replies_total/value",),
    "granted": ("legacy/reply_granted/value",),
    "partially_granted": ("legacy/reply_partially_granted/value",),
    "withheld": ("legacy/reply_denied/value",),
    "not_held": ("legacy/reply_not_exist/value",),
    "already_public": ("legacy/reply_already_public/value",),
    "not_this_agency": ("legacy/reply_not_this_agency/value",),
    "needs_correction": ("legacy/reply_needs_correction/value",),
    "other_channel": ("legacy/reply_other_channel/value",),
    "review": ("legacy/review_total/value",),
    "review_upheld": ("legacy/review_upheld/value",),
    "review_corrected": ("legacy/review_corrected/value",),
    "review_other": ("legacy/review_other/value",),
    "litigation": ("legacy/litigation_total/value",),
    "litigation_upheld": ("legacy/litigation_upheld/value",),
    "litigation_corrected": ("legacy/litigation_corrected/value",),
    "litigation_other": ("legacy/litigation_other/value",),
    "complaints": ("legacy/complaints/value",),
    "fees": ("legacy/fees/value",),
}
CONCEPT_KEYS: dict[str, dict[str, tuple[str, ...]]] = {"2021": _STANDARD, "2019": _STANDARD, "legacy": _LEGACY}

# -- the words ---------------------------------------------------------------------------------------------
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(?P<unit>件|起|宗|例|万元|元)?"
)
# where a number can start: every match of ``_NUMBER`` starts at such a character, and one starts at each
_NUMBER_START = re.compile(r"[\d零〇一二两三四五六七八九十百千]")


def _numbers(line: str) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(line)``: the same matches, each matched where a search for its first character lands
    (the regex engine skips to it in C; ``finditer`` tries the number's alternatives at every position)."""
    pos = 0
    while (start := _NUMBER_START.search(line, pos)) is not None:
        m = _NUMBER.match(line, start.start())
        if m is None:  # never: a digit or a numeral starts a number
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


_COUNT_UNITS = {"件", "起", "宗", "例"}
_MONEY_UNITS = {"元": 1 / 10000, "万元": 1.0}  # the legacy table states fees in 万元
# Between a concept's words and its number: only these (quotes, 的, 为, 共计, 案件 …).
_FILL = (
    r"(?:的|类|为|是|均为|各|共|共计|计|合计|总计|总数|总量|数量|数|量|达|达到|有|了|案件|案|申请|件数|事项"
    r"|[\s\"“”'‘’「」『』:])*"
)
_CLAUSE_END = "，,。；;！!？?\n()（）、"
_SENTENCE_END = "。；;！!？?\n"
_END_CHARS = {ends: re.compile(f"[{re.escape(ends)}]") for ends in (_CLAUSE_END, _SENTENCE_END)}

# Concept → pattern that must end right before the number (after _FILL). Order: more specific first.
_TERMS: list[tuple[str, str]] = [
    ("carried_forward", r"(?:结转|转入|转至|转到)(?:到|至)?(?:下一?年度?|\d{4}年度?)(?:继续)?(?:办理)?"),
    ("carried_over", r"(?:上一?年度?|上年)(?:度)?结转(?:的)?(?:政府信息公开|信息公开)?(?:申请)?"),
    ("review_pending", r"(?:尚未审结|未审结|正在审理|审理中|尚未办结)"),
    ("review_upheld", r"(?:维持(?:具体)?(?:行政行为)?(?:原)?(?:决定|答复|结果)?|驳回(?:原告)?(?:诉讼)?(?:请求)?)"),
    ("review_corrected", r"(?:依法)?(?:纠正|纠错|被纠错|撤销(?:原)?(?:具体)?(?:行政行为)?|确认违法)"),
    ("review_other", r"其他(?:结果|情形|情况)"),
    ("review", r"(?:行政)?复议(?:申请|案件)?"),
    ("litigation", r"(?:行政)?(?:诉讼|起诉|应诉)(?:案件)?"),
    ("complaints", r"(?:投诉举报|举报投诉|投诉|举报)"),
    ("completed_on_time", r"按(?:时|期)办结"),
    ("completed_extended", r"延期办结"),
    ("completed", r"(?:已|共|全部)?办结(?:政府信息公开|信息公开)?(?:申请)?"),
    ("answered", r"(?:已|共|予以|作出|依法)?答复(?:政府信息公开|信息公开)?(?:申请)?"),
    ("partially_granted", r"部分公开"),
    ("withheld", r"(?:不予公开|不同意公开)"),
    ("granted", r"(?:予以公开|同意公开)"),
    ("not_held", r"(?:本机关)?(?:不掌握(?:相关)?(?:政府)?信息|信息不存在)"),
    ("unavailable", r"无法提供"),
    ("not_processed", r"不予处理"),
    ("other_processing", r"其他处理"),
    ("already_public", r"已主动公开"),
    ("not_this_agency", r"不属于本(?:行政)?机关(?:公开)?(?:范围)?"),
    ("needs_correction", r"告知作出更改补充"),
    ("other_channel", r"告知通过其他途径办理"),
    ("fees", r"收取[^，,。；;\d]{0,10}?费用?"),
    (
        "received",
        r"(?:新收|收到|受理|接收|接到|新增)(?:[^复诉投举咨访留,，。；;\d]{0,16}?)"
        r"(?:申请|依申请公开(?:政府信息|事项)?|政府信息)(?:总数|总量|数量|量)?",
    ),
    ("received", r"(?:政府信息公开|信息公开|依申请公开)?申请(?:总数|总量|数量|量)"),
]
_TERM_RES = [(concept, re.compile(f"(?:{pattern}){_FILL}$")) for concept, pattern in _TERMS]
# all the terms at once: found exactly where one of them is (a prefix no term ends is passed over with one search)
_ANY_TERM = re.compile("(?:" + "|".join(f"(?:{pattern})" for _, pattern in _TERMS) + f"){_FILL}$")


def _backwards(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    pattern = reversed_pattern(rx.pattern)
    return None if pattern is None else re.compile(pattern)


# the terms read backwards (parsers.reversed_regex): a term ending the prefix is tested at one position of the
# prefix reversed, where a search tries every position of the prefix
_TERMS_BACKWARDS = [(concept, rx, _backwards(rx)) for concept, rx in _TERM_RES]
_ANY_TERM_BACKWARDS = _backwards(_ANY_TERM)
# 收到 6 件依申请 / 受理13件政府信息公开申请: the verb before the number, the noun after it.
_VERB_BEFORE = re.compile(r"(?:新收|收到|受理|接收|接到|新增)(?:了|共|共计|各类)?\s*$")
_NOUN_AFTER = re.compile(r"^\s*(?:各类)?(?:政府信息公开|信息公开|依申请公开)?(?:依申请|申请)")
# 2件结转下年度 / 3件转入下一年度办理
_FORWARD_AFTER = re.compile(r"^\s*(?:申请)?(?:已)?(?:结转|转入|转至|转到)(?:到|至)?(?:下一?年度?|\d{4}年)")

# Statements of zero.
_ZERO_RECEIVED = re.compile(r"(?:未|没有)(?:收到|接到|受理|新收|发生)(?P<what>[^，,。；;\d]{0,16}?)申请")
_ZERO_CASES = re.compile(
    r"(?:未|没有|无)(?:发生|出现|收到|接到|产生|涉及|被提起|引发|因)?(?P<what>[^，,。；;\d]{0,24}?"
    r"(?:行政复议|行政诉讼)(?:[、和及与或]\s*(?:被提起)?(?:行政)?(?:复议|诉讼))?)"
)
_ZERO_FORWARD = re.compile(r"(?:无|没有)(?:结转|转入)(?:到|至)?(?:下一?年度?)")
_ZERO_FEES = re.compile(r"(?:未|没有|不)(?:收取|产生|收)[^，,。；;\d]{0,12}?费")

# 行政复议、行政诉讼各1件 / 行政复议和行政诉讼共3件: one number for both
_BOTH_CASES = re.compile(r"复议(?:案件)?\s*[、和及与或]\s*(?:被提起)?(?:行政)?(?:诉讼|起诉)(?:案件)?" + _FILL + "$")
_ZEROS: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = (
    (_ZERO_RECEIVED, None),  # None: the concepts the match names
    (_ZERO_CASES, None),
    (_ZERO_FORWARD, ("carried_forward",)),
    (_ZERO_FEES, ("fees",)),
)
_SUBJECTS = [
    ("review", re.compile(r"复议")),
    ("litigation", re.compile(r"诉讼|起诉|应诉")),
    ("application", re.compile(r"申请|依申请")),
    ("other", re.compile(r"留言|咨询|信箱|热线|12345|来信|来电|诉求|建议|提案|信访|舆情|投诉|举报")),
]
# what every word of a subject holds: a text without it names no such subject (looked for in C before the regex
# scan; "" for a subject whose words share nothing)
_SUBJECT_NEEDS = {"review": "复议", "litigation": "诉", "application": "申请"}
_APPLICATION_CONCEPTS = {
    "completed",
    "completed_on_time",
    "completed_extended",
    "answered",
    "granted",
    "partially_granted",
    "withheld",
    "not_held",
    "unavailable",
    "not_processed",
    "other_processing",
    "already_public",
    "not_this_agency",
    "needs_correction",
    "other_channel",
}
_OUTCOMES = {"review_upheld", "review_corrected", "review_other", "review_pending"}
_TOTAL_CONCEPTS = {"received", "review", "litigation", "complaints"}
# Words that put a statement on part of the organ, unless 本/我 makes them the organ itself.
_PART = re.compile(
    r"(?<![本我])(?:本级|部门|单位|各旗县|旗县|各盟市|盟市|乡镇|街道|苏木|区直|市直|县直|旗直|下属|所属|分别|各地)"
)
_OTHER_TIME = re.compile(r"上年(?!度?结转)|上一年(?!度?结转)|去年|前年|同比|较")
_YEAR = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True)
class Statement:
    """A number the text states about one concept of the form."""

    concept: str
    value: Number
    offset: int  # of the number (into the text)
    end: int
    sentence: str
    sentence_offset: int


@dataclass(frozen=True)
class Unpinned:
    concept: str
    reason: str
    offset: int
    end: int
    sentence: str


def cn_number(text: str) -> int | None:
    """Chinese numerals up to 9999 (十二, 两, 一百零五, 〇) → int; None if not a numeral."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    total, digit = 0, None
    for c in text:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0:
                return None  # 一二: not a numeral
            digit = _CN_DIGITS[c] if _CN_DIGITS[c] else digit
        else:
            total += (digit if digit is not None else 1) * _CN_UNITS[c]
            digit = None
    return total + (digit or 0)


def _number(text: str) -> Number | None:
    if text[0].isdigit():
        value = float(text.replace(",", ""))
        return int(value) if value.is_integer() else value
    return cn_number(text)


_MATCH_START = operator.methodcaller("start")


class _Bounds:
    """Where the clauses and sentences of one line start and end: the positions of their end characters found
    once per line (one C scan each), then looked up by bisection."""

    def __init__(self, line: str) -> None:
        self.line = line
        self._at: dict[str, list[int]] = {}

    def _ends(self, ends: str) -> list[int]:
        at = self._at.get(ends)
        if at is None:
            at = self._at[ends] = list(map(_MATCH_START, _END_CHARS[ends].finditer(self.line)))
        return at

    def start(self, pos: int, ends: str) -> int:
        """Where the stretch before ``pos`` that holds none of the characters ``ends`` begins."""
        at = self._ends(ends)
        k = bisect.bisect_left(at, pos)  # the end characters before pos
        return at[k - 1] + 1 if k else 0

    def end(self, pos: int, ends: str) -> int:
        """The first of the characters ``ends`` from ``pos`` on (the line's length when there is none)."""
        at = self._ends(ends)
        k = bisect.bisect_left(at, pos)
        return at[k] if k < len(at) else len(self.line)


def _subject(text: str, among: tuple[str, ...] = ("review", "litigation", "application", "other")) -> str | None:
    """The subject last named in ``text`` (applications, a review, a lawsuit, something else)."""
    best, at = None, -1
    for name, rx in _SUBJECTS:
        if name not in among or _SUBJECT_NEEDS.get(name, "") not in text:
            continue
        for m in rx.finditer(text):
            # 申请 inside 行政复议申请 / 复议申请人 is the review's
            if name == "application" and text[max(0, m.start() - 2) : m.start()] in ("复议", "诉讼"):
                continue
            if m.start() >= at:
                best, at = name, m.start()
    return best


def _subjects(text: str) -> tuple[str | None, str | None]:
    """``_subject(text)`` and ``_subject(text, ("review", "litigation"))`` in one pass."""
    best, at, case, case_at = None, -1, None, -1
    for name, rx in _SUBJECTS:
        if _SUBJECT_NEEDS.get(name, "") not in text:
            continue
        for m in rx.finditer(text):
            if name == "application" and text[max(0, m.start() - 2) : m.start()] in ("复议", "诉讼"):
                continue
            if m.start() >= at:
                best, at = name, m.start()
            if name in ("review", "litigation") and m.start() >= case_at:
                case, case_at = name, m.start()
    return best, case


def _narrative_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the lines that are prose: not table rows (TABs, pipes), not short labels."""
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and "\t" not in line and not stripped.startswith("|") and len(stripped) >= 6:
            yield offset, line
        offset += len(line) + 1


def read_statements(
    text: str, year: int | None = None, norm: str | None = None
) -> tuple[list[Statement], list[Unpinned]]:
    """Every statement of a number about a concept of the form, and those that cannot be pinned."""
    norm = normalise(text) if norm is None else norm
    statements: list[Statement] = []
    unpinned: list[Unpinned] = []
    lines = list(_narrative_lines(norm))
    # the subjects each line names, read only when a later line's statement needs the last one named
    named: list[tuple[str | None, str | None] | None] = [None] * len(lines)

    def named_before(k: int) -> tuple[str | None, str | None]:
        """The subject and the case (review or lawsuit) last named on the lines before line ``k``."""
        subject: str | None = None
        case: str | None = None
        for j in range(k - 1, -1, -1):
            line_named = named[j]
            if line_named is None:
                line_named = named[j] = _subjects(lines[j][1])
            subject, case = subject or line_named[0], case or line_named[1]
            if subject and case:
                break
        return subject, case

    for k, (at, line) in enumerate(lines):
        if not _may_state(line):
            continue
        found, skipped = _line_statements(line, text[at : at + len(line)], year, functools.partial(named_before, k))
        # moved to the line's offset (``dataclasses.replace`` written out: it reads the fields by name each time)
        statements += [
            Statement(s.concept, s.value, s.offset + at, s.end + at, s.sentence, s.sentence_offset + at) for s in found
        ]
        unpinned += [Unpinned(u.concept, u.reason, u.offset + at, u.end + at, u.sentence) for u in skipped]
    return statements, unpinned


# What every statement needs (see ``_line_statements``): a number with its unit, a bare number right after 为, or
# a statement of zero. A line with none of them states nothing; most prose lines are such (a cheap test first).
_NUMERAL = "[\\d零〇一二两三四五六七八九十百千]"
_STATES_NUMBER = re.compile(_NUMERAL + r"\s*(?:件|起|宗|例|万元|元)|为\s*" + _NUMERAL)
_ZERO_RES = tuple(rx for rx, _ in _ZEROS)
# characters each kind needs (a unit or 为; the negation a statement of zero starts with): one quick scan first
_NUMBER_NEEDS = re.compile("[件起宗例元为]")
_ZERO_NEEDS = re.compile("[未没无不]")


# ``_STATES_NUMBER`` and the statements of zero tested with string searches, which run in C at a fraction of a
# regex scan's cost per character (the leading class of ideographs and digits makes the regex engine try every
# position): 为 then a numeral by one literal-led search; a numeral then a unit by each unit found, then the
# character before it (past spaces); each statement of zero only when the word it cannot match without is there.
_STATES_BY_WEI = re.compile(r"为\s*" + _NUMERAL)
_NUMERAL_IDEOGRAPHS = frozenset("零〇一二两三四五六七八九十百千")
_ZERO_WORDS = {_ZERO_RECEIVED: "申请", _ZERO_CASES: "行政", _ZERO_FORWARD: "转", _ZERO_FEES: "费"}


def _numeral_ends_at(line: str, k: int) -> bool:
    """A numeral at ``k``, or before it past whitespace (``\\d``: a decimal digit; ``\\s``: whitespace)."""
    while k >= 0 and line[k].isspace():
        k -= 1
    return k >= 0 and (line[k].isdecimal() or line[k] in _NUMERAL_IDEOGRAPHS)


def _states_by_unit(line: str) -> bool:
    """``_NUMERAL\\s*(?:件|起|宗|例|万元|元)`` found in ``line``."""
    for unit in "件起宗例元":
        i = line.find(unit)
        while i >= 0:
            if _numeral_ends_at(line, i - 1) or (
                unit == "元" and line[i - 1 : i] == "万" and _numeral_ends_at(line, i - 2)
            ):
                return True
            i = line.find(unit, i + 1)
    return False


def _may_state(line: str) -> bool:
    """False only when :func:`_line_statements` finds nothing in ``line`` whatever came before it."""
    if ("为" in line and _STATES_BY_WEI.search(line) is not None) or _states_by_unit(line):
        return True
    if not ("未" in line or "没" in line or "无" in line or "不" in line):  # what each statement of zero starts with
        return False
    return any(word in line and rx.search(line) is not None for rx, word in _ZERO_WORDS.items())


def _line_statements(
    line: str, original: str, year: int | None, named_before: Callable[[], tuple[str | None, str | None]]
) -> tuple[list[Statement], list[Unpinned]]:
    """The statements of one line (``line`` normalised, ``original`` as printed; offsets into the line).
    ``named_before()``: the subject and the case last named on the lines before (asked only when needed)."""
    found: list[Statement] = []
    skipped: list[Unpinned] = []
    taken: list[tuple[int, int]] = []

    bounds = _Bounds(line)

    def sentence_at(pos: int) -> tuple[int, str]:
        start = bounds.start(pos, _SENTENCE_END)
        end = min(len(line), bounds.end(pos, _SENTENCE_END) + 1)
        lead = len(original[start:end]) - len(original[start:end].lstrip())
        return start + lead, original[start:end].strip()

    def add(concept: str, value: Number, start: int, end: int) -> None:
        s_start, sentence = sentence_at(start)
        found.append(Statement(concept, value, start, end, sentence, s_start))
        taken.append((start, end))

    def skip(concept: str, reason: str, start: int, end: int) -> None:
        skipped.append(Unpinned(concept, reason, start, end, sentence_at(start)[1]))
        taken.append((start, end))

    for m in _numbers(line):
        unit = m.group("unit")
        if unit is None:  # a bare number is a cell, a year, an item: never read without its unit (but 为0)
            at = m.start()
            before = line[at - 1 : at] if at else ""
            if before != "为" and not (before.isspace() and line[:at].rstrip().endswith("为")):
                continue
        value = _number(m.group("num"))
        if value is None or _not_a_count(line, m):
            continue
        if unit is None and value != 0:
            continue
        clause_start = bounds.start(m.start(), _CLAUSE_END)
        prefix = line[clause_start : m.start()]
        concept = _concept(prefix, line[m.end() :], unit)
        if concept is None:
            continue
        sentence_start = bounds.start(m.start(), _SENTENCE_END)
        before = line[: m.start()]
        if concept in _OUTCOMES:  # 维持/纠正…: of the review or lawsuit last named (申请人 is the reviewer's)
            subject = _subject(before, ("review", "litigation")) or named_before()[1]
            if subject not in ("review", "litigation"):
                continue
            concept = concept.replace("review", subject, 1)
        elif concept in _APPLICATION_CONCEPTS:
            subject = _subject(before) or named_before()[0]
            if subject != "application" and (subject is not None or concept in ("completed", "answered")):
                continue
        if concept in ("review", "litigation") and _BOTH_CASES.search(line[sentence_start : m.start()]):
            if re.search(r"(?:各|均为|均)\s*$", prefix):
                add("review", value, m.start(), m.end())
                add("litigation", value, m.start(), m.end())
            else:
                skip(concept, "the number counts reviews and lawsuits together", m.start(), m.end())
            continue
        if unit in _MONEY_UNITS:
            if concept != "fees":
                continue
            value = value * _MONEY_UNITS[unit]
        elif concept == "fees":
            continue
        reason = _out_of_scope(line, sentence_start, clause_start, m.start(), concept, year)
        if reason:
            skip(concept, reason, m.start(), m.end())
            continue
        add(concept, value, m.start(), m.end())

    for rx, concepts in _ZEROS if _ZERO_NEEDS.search(line) else ():
        if _ZERO_WORDS[rx] not in line:  # the word it cannot match without
            continue
        for z in rx.finditer(line):
            if any(a < z.end() and z.start() < b for a, b in taken):
                continue
            named = concepts or _zero_concepts(rx, z.group("what"))
            sentence_start = bounds.start(z.start(), _SENTENCE_END)
            reason = _out_of_scope(line, sentence_start, bounds.start(z.start(), _CLAUSE_END), z.start(), "", year)
            for concept in named:
                if reason:
                    skip(concept, reason, z.start(), z.end())
                else:
                    add(concept, 0, z.start(), z.end())
    return found, skipped


_APPROXIMATE = re.compile(r"(?:约|近|超过|逾|上|多达)$")
_NOT_A_COUNT_AFTER = re.compile(r"\s*(?:%|％|余|多|个百分点|年|月|日|倍|成)")
_NOT_RECEIVED = re.compile(r"复议|诉讼|投诉|举报|咨询|信访|留言|答复|办结")  # words of other counts than applications


def _not_a_count(line: str, m: re.Match[str]) -> bool:
    """Percentages, approximations (500余件, 近百件, 约), ordinals, dates, and numbers inside others."""
    before = line[max(0, m.start() - 2) : m.start()]
    after = line[m.end() : m.end() + 2]
    if before[-1:].isdigit() or before[-1:] in (".", "第") or _APPROXIMATE.search(before):
        return True
    num_end = m.start() + len(m.group("num"))
    tail = line[num_end : num_end + 2]
    return bool(_NOT_A_COUNT_AFTER.match(tail)) or after.startswith("%")


def _concept(prefix: str, after: str, unit: str | None) -> str | None:
    backwards = prefix[::-1]
    if _ANY_TERM_BACKWARDS is None:
        any_term = _ANY_TERM.search(prefix) is not None
    else:
        any_term = _ANY_TERM_BACKWARDS.match(backwards) is not None
    for concept, rx, rx_backwards in _TERMS_BACKWARDS if any_term else ():
        if rx_backwards is not None:  # a term that ends the prefix: matched backwards from the prefix's end
            if rx_backwards.match(backwards) is None:
                continue
            if concept != "received":
                return concept
        m = rx.search(prefix)  # the match itself (the received test reads it)
        if m is None:
            continue
        if concept == "received" and _NOT_RECEIVED.search(m.group(0)):
            continue
        return concept
    if unit in _COUNT_UNITS and _VERB_BEFORE.search(prefix) and _NOUN_AFTER.match(after):
        return "received"
    if unit in _COUNT_UNITS and _FORWARD_AFTER.match(after):
        return "carried_forward"
    return None


def _zero_concepts(rx: re.Pattern[str], what: str) -> tuple[str, ...]:
    if rx is _ZERO_RECEIVED:
        return () if re.search(r"复议|诉讼|投诉|举报|咨询|留言|信访|费", what) else ("received",)
    tail = re.split(r"的|引起|引发|导致", what)[-1]
    named = []
    if "复议" in tail:
        named.append("review")
    if re.search(r"诉讼", tail):
        named.append("litigation")
    return tuple(named)


def _out_of_scope(line: str, sentence_start: int, clause_start: int, pos: int, concept: str, year: int | None) -> str:
    """Why a statement is about something else than the organ's year (or "" when it is not)."""
    before = line[sentence_start:pos]
    clause = line[clause_start:pos]
    if concept in _TOTAL_CONCEPTS or concept == "":
        if "其中" in before:
            return "a part (其中…) of a total"
        part = _PART.search(clause)
        if part:
            return f"a figure for part of the organ ({part.group(0)})"
    if _OTHER_TIME.search(clause):
        return "a figure for another year or a comparison"
    if year is not None:
        for y in _YEAR.finditer(before):
            if int(y.group(1)) not in (year, year + 1) and y.end() > clause_start - 40:
                return f"a figure for {y.group(1)}"
    return ""


# -- against the tables ------------------------------------------------------------------------------------


def _keys(concept: str, fmt: str, cells: Mapping[str, Cell]) -> list[str]:
    out: list[str] = []
    for key in CONCEPT_KEYS.get(fmt, {}).get(concept, ()):
        if "*" in key:
            head, _, tail = key.partition("*")
            out += sorted(k for k in cells if k.startswith(head) and k.endswith(tail) and k.count("/") == 2)
        elif key in cells:
            out.append(key)
    return out


def _tidy(v: float) -> Number:
    r = round(v, 6)
    return int(r) if r.is_integer() else r


def narrative_checks(
    text: str, fmt: str, cells: Mapping[str, Cell], year: int | None = None, norm: str | None = None
) -> tuple[list[Check], list[Warning_]]:
    """Checks of kind ``narrative_vs_table`` for every statement the tables can answer, and warnings.
    ``norm`` is the text :func:`normalise`d, when the caller has it."""
    if fmt not in CONCEPT_KEYS:
        return [], []
    statements, unpinned = read_statements(text, year, norm)
    checks: list[Check] = []
    warnings: list[Warning_] = []
    names: dict[str, int] = {}
    for s in statements:
        keys = _keys(s.concept, fmt, cells)
        if not keys:
            continue  # the table does not have it (another format, a table not read)
        values = [cells[k].value for k in keys]
        where = Where(s.offset, s.end)
        if all(v is None for v in values):
            warnings.append(
                Warning_(
                    "narrative_blank_cell",
                    f"the text states {s.value} for {s.concept} but the table leaves {', '.join(keys)} blank:"
                    f" 「{s.sentence}」",
                    key=keys[0],
                    where=where,
                )
            )
            continue
        table = _tidy(sum(float(v) for v in values if v is not None))
        tolerance = 0.005 if s.concept == "fees" else 1e-6
        n = names[s.concept] = names.get(s.concept, 0) + 1
        checks.append(
            Check(
                name=f"{NAME_PREFIX}{s.concept}" + (f"#{n}" if n > 1 else ""),
                left_keys=[],
                right_keys=keys,
                left=s.value,
                right=table,
                passed=abs(float(s.value) - float(table)) <= tolerance,
                kind=KIND,
                sentence=s.sentence,
                where=where,
            )
        )
    for u in unpinned:
        if _keys(u.concept, fmt, cells):
            warnings.append(
                Warning_(
                    "narrative_unpinned",
                    f"not compared with the table ({u.reason}): 「{u.sentence}」",
                    where=Where(u.offset, u.end),
                )
            )
    return checks, warnings
