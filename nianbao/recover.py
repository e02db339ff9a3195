"""Archived documents no report was read from, read again by ``nianbao reparse``: the parser may read them now.

A harvest keeps every document it fetched (``document_urls``), and records why one gave no report (``errors``).
A document the parser could not read (an OFD or a zip before version 97, a kind it did not know, a layout it read
no table in) is settled: the harvest does not fetch it again. So a re-parse also reads each archived document
whose URL has an error of the parser's (:data:`PARSER_CODES`) and from which no report is stored (by URL or by
content), and stores the report when it now reads as one (:func:`storage.harvested.is_report`): ``recovered``.
One that still fails is left as it is: its error row stands and no new one is written. A recovered report has no
page metadata (the page that linked the document is not recorded with it): its title, publisher and date are the
document's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsers import UnreadableDocument
from storage.harvested import is_report, parse_document
from storage.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable

    from parsers.model import Report

# the parser's UnreadableDocument codes, a document that held no report, and a parser bug
PARSER_CODES = (
    "unknown_kind",
    "corrupt",
    "garbled",
    "no_converter",
    "needs_ocr",
    "no_text",
    "unreadable",
    "no_report",
    "parse_error",
    "internal",
)


@dataclass(frozen=True)
class Candidate:
    portal: str
    url: str
    sha256: str
    path: str


@dataclass
class Recovered:
    candidate: Candidate
    report: Report | None = None
    code: str = ""
    reason: str = ""


def candidates(store: Store, portal: str | None = None) -> list[Candidate]:
    """Archived documents whose URL has a parser error and from which no report is stored."""
    marks = ", ".join("?" for _ in PARSER_CODES)
    sql = (
        "SELECT e.portal, e.url, du.sha256, MAX(e.id) AS last FROM errors e JOIN document_urls du ON du.url = e.url"
        f" WHERE e.code IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.url = e.url OR r.document_sha256 = du.sha256)"
    )
    params: list[Any] = list(PARSER_CODES)
    if portal is not None:
        sql += " AND e.portal = ?"
        params.append(portal)
    out: list[Candidate] = []
    seen: set[str] = set()
    for row in store.db.query(sql + " GROUP BY e.url ORDER BY last", params):
        if row["sha256"] in seen or not store.archive.has(row["sha256"]):
            continue
        seen.add(row["sha256"])
        out.append(Candidate(row["portal"] or "", row["url"], row["sha256"], str(store.archive.path(row["sha256"]))))
    return out


def read_again(
    candidate: Candidate, parse_fn: Callable[[bytes, str], Report] = parse_document, keep_text: bool = False
) -> Recovered:
    """Parse one archived document (runs in a worker); the report only where it reads as one."""
    try:
        report = parse_fn(Path(candidate.path).read_bytes(), candidate.url)
    except UnreadableDocument as exc:
        return Recovered(candidate, code=exc.code or "unreadable", reason=exc.reason)
    except OSError as exc:
        return Recovered(candidate, code="raw_missing", reason=f"cannot read {candidate.path}: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug must not stop the re-parse
        return Recovered(candidate, code="parse_error", reason=f"{type(exc).__name__}: {exc}")
    if not is_report(report):
        return Recovered(candidate, code="no_report", reason="the document holds no report table or sections")
    if not keep_text:
        report.text = ""
    return Recovered(candidate, report)
