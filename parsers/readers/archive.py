"""A zip archive posted as an attachment (``附件.zip``): the report among its members read as its own kind.

Portals attach a report zipped, alone or beside its scans, a Word copy or an unrelated file. Each member is
detected from its bytes (:func:`parsers.detect.detect_kind`) and read by its kind's reader; the one whose text
reads most like an annual report (the national template's headings and table titles it prints) is the report, and
a note names it and every other member with what became of it. An archive whose members tie, or which holds
several reports, is read for the first of them, and the note says so (``zip_several_reports``). Members read by
OCR (:data:`COSTLY_KINDS`: an image costs seconds) are read after the others, and not at all where a member already
read prints every marker and goes before them: such a member cannot be the report, and the note names it as not
read (whether it was a copy or another report is then not known).

Names written without the zip's UTF-8 flag are decoded as UTF-8 where they are (Info-ZIP), else as GBK (Windows'
Chinese zip tools), else keep zipfile's CP437 reading. Members are bounded: at most :data:`MAX_MEMBERS` are looked
at, none larger than :data:`MAX_MEMBER` bytes once inflated nor inflating more than :data:`MAX_RATIO` times (a zip
bomb), and archives inside the archive are not opened. An archive none of whose members prints the template's
markers holds no report (``no_report``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter

from parsers.extracted import Extracted, UnreadableDocument

MAX_MEMBERS = 64
MAX_MEMBER = 200 * 1024 * 1024
MAX_RATIO = 200
# What the national template prints: the report's name, its sections' headings, its tables' titles and rows.
MARKERS = (
    "政府信息公开工作年度报告",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议",
    "行政诉讼情况",
    "存在的主要问题",
    "其他需要报告的事项",
    "第二十条第",
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "申请人情况",
)
# Between members that print as many markers (a report and its copy in another format), the kind read best first:
# a structured format's cells are the document's own, a layout's are rebuilt, OCR's are guessed.
KIND_RANK = {"docx": 6, "xlsx": 6, "html": 6, "pdf": 5, "ofd": 5, "doc": 4, "wps": 4, "xls": 4, "text": 3, "image": 1}
# Kinds whose reading costs seconds a member (OCR): read after every other member, and not at all where a member
# read already prints every marker and goes before any member of the kind (it cannot be the report).
COSTLY_KINDS = frozenset({"image"})
COPY_SHARE = 0.9  # two members whose numbers agree in this share are one report in two formats
_UTF8_FLAG = 0x800
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its writer meant it. Without the UTF-8 flag zipfile reads the bytes as CP437: they are
    UTF-8 where they decode so (Info-ZIP on Linux writes them so without the flag), else GBK (Windows' Chinese zip
    tools), else CP437 as read."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def report_score(text: str) -> int:
    """How many of the template's markers ``text`` prints."""
    return sum(1 for marker in MARKERS if marker in text)


def same_report(a: str, b: str) -> bool:
    """Do two texts print the same numbers (as a multiset, in :data:`COPY_SHARE` of the larger's count)?"""
    x, y = Counter(_NUMBER.findall(a)), Counter(_NUMBER.findall(b))
    larger = max(sum(x.values()), sum(y.values()))
    return larger > 0 and sum((x & y).values()) >= COPY_SHARE * larger


def read_zip(data: bytes) -> Extracted:
    from parsers.detect import detect_kind
    from parsers.readers import read

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"corrupt zip archive: {exc}", code="corrupt") from exc
    fates: dict[int, str] = {}  # by the member's order: the archive's order whatever the reading's
    found: list[tuple[int, int, int, str, Extracted]] = []  # score, kind's rank, -order, name, reading
    costly: list[tuple[int, zipfile.ZipInfo, str, str]] = []  # order, member, name, kind: read last, if at all

    def read_member(order: int, info: zipfile.ZipInfo, name: str, kind: str | None) -> None:
        try:
            body = archive.read(info)
            if kind is None:
                kind = detect_kind(body, name)
                if kind == "zip":
                    fates[order] = f"{name} (not read: an archive inside the archive)"
                    return
                if kind in COSTLY_KINDS:
                    costly.append((order, info, name, kind))
                    return
            extracted = read(body, kind)
        except UnreadableDocument as exc:
            fates[order] = f"{name} (not read: {exc.reason})"
            return
        except Exception as exc:  # encrypted (RuntimeError), a bad CRC, a reader's bug: the other members go on
            fates[order] = f"{name} (not read: {type(exc).__name__}: {exc})"
            return
        found.append((report_score(extracted.text), KIND_RANK.get(kind, 0), -order, name, extracted))

    for order, info in enumerate(infos):
        name = member_name(info)
        base = posixpath.basename(name)
        if name.startswith("__MACOSX/") or base.startswith((".", "~$")) or base.lower() == "thumbs.db":
            continue  # a Mac's resource forks, hidden files, Office's lock files
        if order >= MAX_MEMBERS:
            fates[order] = f"{name} (not looked at: over {MAX_MEMBERS} members)"
            continue
        if info.file_size > MAX_MEMBER or info.file_size > MAX_RATIO * max(info.compress_size, 1) > 10_000_000:
            fates[order] = f"{name} (not read: {info.file_size} bytes inflated from {info.compress_size})"
            continue
        read_member(order, info, name, None)
    for order, info, name, kind in costly:
        best = max(found, key=lambda f: f[:3], default=None)
        if best is not None and best[:3] > (len(MARKERS), KIND_RANK.get(kind, 0), -order):
            # the member cannot be the report, whatever it reads: one read already prints every marker and goes first
            fates[order] = (
                f"{name} ({kind}, not read: {best[3]} ({best[4].kind}) prints all {len(MARKERS)} report markers and "
                f"goes before any {kind} member; whether it is a copy of it or another report is not known)"
            )
            continue
        read_member(order, info, name, kind)
    fates_listed = [fates[order] for order in sorted(fates)]
    if not found:
        listed = "; ".join(fates_listed) if fates_listed else "no member but folders and hidden files"
        raise UnreadableDocument(f"zip archive with no readable report: {listed}", code="unknown_kind")
    found.sort(key=lambda f: f[:3], reverse=True)
    score, _, _, name, chosen = found[0]
    if not score:
        listed = "; ".join([f"{n} ({e.kind})" for _, _, _, n, e in found] + fates_listed)
        raise UnreadableDocument(
            f"zip archive in which no member prints the annual report's headings or tables: {listed}", code="no_report"
        )
    others: list[str] = []
    reports: list[str] = []
    for s, _, _, n, e in found[1:]:
        copy = s > 0 and same_report(chosen.text, e.text)
        others.append(f"{n} ({e.kind}, {s} of {len(MARKERS)} report markers{', a copy of it' if copy else ''})")
        if s >= max(score - 1, 1) and not copy:
            reports.append(n)
    note = f"[zip_member] read {name} ({chosen.kind}, {score} of {len(MARKERS)} report markers) from the zip archive"
    if others or fates_listed:
        note += "; the other members: " + "; ".join(others + fates_listed)
    chosen.notes.insert(0, note)
    if reports:
        chosen.notes.insert(
            1,
            f"[zip_several_reports] the archive holds other members that read as reports too ({', '.join(reports)}): "
            f"only {name} is read",
        )
    return chosen
