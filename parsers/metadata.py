"""Report metadata: title, region, year, published, publisher, source_kind (SCHEMA.md)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from typing import Any

from parsers.extracted import Extracted
from parsers.tables.tokens import normalise

# Inner Mongolia's region, leagues and cities: the fallback when no title names the region.
GAZETTEER = (
    "内蒙古自治区",
    "呼和浩特市",
    "包头市",
    "呼伦贝尔市",
    "兴安盟",
    "通辽市",
    "赤峰市",
    "锡林郭勒盟",
    "乌兰察布市",
    "鄂尔多斯市",
    "巴彦淖尔市",
    "乌海市",
    "阿拉善盟",
)
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_PERIOD = re.compile(r"统计期限.{0,8}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
_TITLE = re.compile(r"(\d{4})\s*年度?.{0,20}?(政府信息公开|政务公开|信息公开).{0,12}?报告")
_SOURCE = re.compile(r"(?:信息来源|发布机构|来源单位)\s*:\s*([^\s:]{2,30})")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期)\s*:\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
_SIGNATURE_ORG = re.compile(r"(人民政府|办公室|办公厅|委员会|局|厅|政府|中心|管理委员会)$")


def parse_date(text: str) -> str | None:
    """A CJK (2022年3月8日) or numeric (2022-03-08 15:25) date → ISO, or None."""
    for rx in (_CJK_DATE, _ISO_DATE):
        m = rx.search(normalise(text))
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return None


def read_metadata(extracted: Extracted, norm: str | None = None, notes: list[str] | None = None) -> dict[str, Any]:
    """The report's metadata; ``notes``: where a guess is said (a region read from the contact sentence)."""
    text = normalise(extracted.text) if norm is None else norm
    given = extracted.metadata
    title = _title(text) or given.get("title") or None
    if given.get("title") and _TITLE.search(normalise(given["title"])):
        title = given["title"].strip()
    year = _year(text, title)
    return {
        "title": title,
        "region": _region(title, text) or _contact_region(text, notes),
        "year": year,
        "published": parse_date(given.get("published") or "") or _labelled_date(text) or _signature_date(text),
        "publisher": given.get("publisher") or _labelled(text, _SOURCE) or _signature_org(text),
        "format": None,
        "source_kind": extracted.kind,
    }


_TITLE_HEAD = re.compile(r"[\u4e00-\u9fff ]*")  # a name before the title's year: Chinese characters only


# a YAML front matter's key before its value (``title: …``, ``meta-ArticleTitle: …``: html-to-markdown prints the
# page's <title> and <meta> tags so, between ``---`` lines, above the page's text)
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z][\w.-]{0,40}:\s+")


def _title(text: str) -> str | None:
    lines = [line.strip(" \t#*>=|") for line in text.split("\n", 60)[:60]]  # the first 60 (the rest not split)
    lines = [_FRONT_MATTER_KEY.sub("", line) if ":" in line[:42] else line for line in lines]
    lines = [line for line in lines if "\t" not in line]
    for clean in lines:
        if 6 <= len(clean) <= 60 and _TITLE.search(clean):
            return clean
    return _wrapped_title(lines) or _run_on_title(lines)


def _wrapped_title(lines: list[str]) -> str | None:
    """A title a word processor wrapped over two lines (``…工作年度报`` / ``告``: a centred heading, whose lines
    the PDF reader keeps apart), joined, when only the two lines together read as a title ending the second."""
    for clean, after in itertools.pairwise(lines):
        joined = clean + after
        if len(clean) >= 6 and 0 < len(after) <= 20 and len(joined) <= 60:
            m = _TITLE.search(joined)
            if m and len(clean) < m.end() == len(joined):
                return joined
    return None


def _run_on_title(lines: list[str]) -> str | None:
    """A title run into the paragraph after it (a heading the PDF reader joined with the first paragraph below:
    ``某区信访局2021年度政府信息公开工作年度报告本报告是根据…``): the line's head up to the title's end, when the
    title starts the line and what precedes its year is a name (Chinese characters only: no punctuation, no
    Markdown cell's ``|``)."""
    for clean in lines:
        m = _TITLE.search(clean)
        if (
            m
            and len(clean) > 60
            and 6 <= m.end() <= 60
            and _TITLE_HEAD.fullmatch(clean[: m.start()])
            and not re.search(r"\s", clean[m.end(2) : m.end()])  # (…年度报 告 本报告: a wrapped title's rest)
        ):
            return clean[: m.end()]
    return None


def _year(text: str, title: str | None) -> int | None:
    m = _PERIOD.search(text)
    if m:
        return int(m.group(1))
    if title:
        t = _TITLE.search(normalise(title))
        if t:
            return int(t.group(1))
    m = _TITLE.search(text[:3000])
    return int(m.group(1)) if m else None


def _region(title: str | None, text: str) -> str | None:
    if title:
        norm = normalise(title)
        m = re.match(r"^[《“\"]?(?P<name>[^\d《》]{2,30}?)\s*(\d{4})\s*年", norm) or re.match(
            r"^[《“\"]?\d{4}\s*年度?\s*(?P<name>[^\d《》]{2,30}?)\s*(政府信息公开|政务公开|信息公开)", norm
        )
        if m:
            name = re.sub(r"^关于", "", m.group("name")).strip()
            name = re.sub(r"人民政府$", "", name) or name
            if name:
                return name
    counts = Counter({g: text[:6000].count(g) for g in GAZETTEER})
    best, n = counts.most_common(1)[0]
    return best if n else None


# the national template's opening paragraph ends by naming the organ to ask (如对本报告有疑问，请与某市人民政府办公室
# 联系): the organ before its 办公室/办公厅, a name (Chinese characters only, not a bare 市/本 …)
_CONTACT = re.compile(
    r"如对本?报告有?任?何?疑问\s*[,，]\s*请与\s*(?P<name>[\u4e00-\u9fff]{2,30}?)\s*(?:办公室|办公厅)\s*联系"
)
_SPACE = re.compile(r"\s+")
_NOT_NAMES = re.compile(r"^(?:本|我|市|区|县|省|州|镇|乡|该)")


def _contact_region(text: str, notes: list[str] | None) -> str | None:
    """The region when no title names it (a print that lost its heading): the organ the template's contact
    sentence names, said in ``notes`` (a guess). The sentence read with its lines joined (a text extractor wraps it
    anywhere, ``请与南`` / ``宁市…办公室联系``: no space inside a Chinese sentence is the report's)."""
    head = text[:6000]
    m = _CONTACT.search(head) or _CONTACT.search(_SPACE.sub("", head))
    if not m:
        return None
    name = re.sub(r"(?:人民政府|政府)$", "", m.group("name"))
    if len(name) < 2 or _NOT_NAMES.match(name):
        return None
    if notes is not None:
        notes.append(
            f"[region_from_contact] no title names the report's region: read as '{name}' from the contact "
            f"sentence ('{m.group(0)}')"
        )
    return name


def _signature_date(text: str) -> str | None:
    tail = text.rstrip()[-300:]
    matches = [m for m in _CJK_DATE.finditer(tail) if not tail[max(0, m.start() - 2) : m.start()].endswith("至")]
    if not matches:
        return None
    m = matches[-1]
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _signature_org(text: str) -> str | None:
    lines = _last_lines(text.rstrip(), 5)  # the signature's date and the line before it
    for i in range(len(lines) - 1, max(len(lines) - 4, 0) - 1, -1):
        if _CJK_DATE.fullmatch(lines[i]) and i > 0:
            cand = lines[i - 1].strip(" *#=|")
            if len(cand) <= 30 and _SIGNATURE_ORG.search(cand):
                return cand
    return None


def _last_lines(text: str, n: int) -> list[str]:
    """The last ``n`` lines of ``text`` that are not blank, stripped, in order (the rest of the text not split)."""
    out: list[str] = []
    end = len(text)
    while end > 0 and len(out) < n:
        start = text.rfind("\n", 0, end) + 1
        if line := text[start:end].strip():
            out.append(line)
        end = start - 1
    return out[::-1]


def _labelled(text: str, rx: re.Pattern[str]) -> str | None:
    """A value the page chrome labels (信息来源: …), read from the head of the text."""
    m = rx.search(text[:3000])
    return m.group(1).strip() if m else None


def _labelled_date(text: str) -> str | None:
    found = _labelled(text, _PUBLISHED)
    return parse_date(found + ("日" if "年" in found else "")) if found else None
