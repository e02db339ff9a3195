"""Full-text search over the reports' text that works for Chinese: an FTS5 index with the trigram tokenizer.

The default FTS tokenizers split on spaces and punctuation, so a Chinese sentence is one "word" and
nothing inside it can be found; the trigram tokenizer indexes every three characters, so any substring of
three or more characters matches. Shorter terms (most two-character words: 复议, 诉讼) cannot use a
trigram index and are matched with ``LIKE`` instead (a scan; still fast on thousands of reports).

Storage: ``report_texts(report_id, content_hash, source, text)`` holds each report's extracted text
(``source`` "document": read from the raw archive; "sections": the stored sections, when the raw
document is missing or unreadable), and ``report_texts_fts`` is its FTS5 index, kept in step by
triggers (sqlite-utils ``enable_fts(..., fts_version="FTS5", tokenize="trigram", create_triggers=True)``).
A text is current while its ``content_hash`` equals the report's; :func:`update_index` re-extracts the
others (on all cores, from the raw archive, no network), and ``nianbao reparse`` keeps it current too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

if TYPE_CHECKING:
    from nianbao.reparse import Job, ParseFn
    from storage.store import Store

TEXT_TABLE = "report_texts"
FTS_TABLE = f"{TEXT_TABLE}_fts"
TRIGRAM = 3
SNIPPET_CONTEXT = 40

TEXT_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  text TEXT NOT NULL
)
"""


def has_index(db: Database) -> bool:
    return db[TEXT_TABLE].exists()


def ensure_index(db: Database) -> None:
    """Create the text table and its trigram FTS5 index (with sync triggers) if they do not exist."""
    with db.atomic():
        db.execute(TEXT_SCHEMA)
    if not db[FTS_TABLE].exists():
        db.table(TEXT_TABLE).enable_fts(["text"], fts_version="FTS5", tokenize="trigram", create_triggers=True)


def store_text(db: Database, report_id: int, text: str, digest: str, source: str = "document") -> None:
    db.execute(
        f"INSERT INTO {TEXT_TABLE} (report_id, content_hash, source, text) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(report_id) DO UPDATE SET content_hash = excluded.content_hash,"
        " source = excluded.source, text = excluded.text",
        [report_id, digest, source, text],
    )


def restamp_text(db: Database, report_id: int, old_digest: str, new_digest: str) -> None:
    """The report's content is the same under a new hash (new parser version): keep its text current."""
    db.execute(
        f"UPDATE {TEXT_TABLE} SET content_hash = ? WHERE report_id = ? AND content_hash = ?",
        [new_digest, report_id, old_digest],
    )


def _stale_ids(db: Database) -> set[int]:
    return {
        row[0]
        for row in db.execute(
            f"SELECT r.id FROM reports r LEFT JOIN {TEXT_TABLE} t ON t.report_id = r.id"
            " WHERE t.report_id IS NULL OR t.content_hash != r.content_hash"
        )
    }


def _extract(job: Job, parse_fn: ParseFn) -> tuple[Job, str | None]:
    from pathlib import Path

    if not job.path:
        return job, None
    try:
        return job, parse_fn(Path(job.path).read_bytes(), job.url).text
    except Exception:  # unreadable or missing: fall back to the stored sections
        return job, None


def _sections_text(db: Database, report_id: int) -> str:
    rows = db.execute("SELECT heading, text FROM sections WHERE report_id = ? ORDER BY number", [report_id]).fetchall()
    return "\n".join(f"{heading}\n{text}" for heading, text in rows)


@dataclass
class IndexResult:
    indexed: int = 0
    from_sections: int = 0
    current: int = 0


def update_index(
    store: Store, *, workers: int | None = None, parse_fn: ParseFn | None = None, progress: bool = False
) -> IndexResult:
    """Bring ``report_texts`` (and so the FTS index) up to date with the reports; returns the figures."""
    from nianbao.reparse import default_workers, jobs_for, parse_document, run_parallel

    db = store.db
    ensure_index(db)
    stale = _stale_ids(db)
    total = db.execute("SELECT count(*) FROM reports").fetchone()[0]
    result = IndexResult(current=total - len(stale))
    if not stale:
        return result
    jobs = [job for job in jobs_for(store, carry_page_metadata=False) if job.report_id in stale]
    work = partial(_extract, parse_fn=parse_fn or parse_document)
    for job, text in run_parallel(work, jobs, workers or default_workers(), progress, desc="index"):
        source = "document"
        if text is None:
            text, source = _sections_text(db, job.report_id), "sections"
            result.from_sections += 1
        with db.atomic():
            store_text(db, job.report_id, text, job.content_hash, source)
        result.indexed += 1
    return result


@dataclass
class Hit:
    report_id: int
    portal: str
    url: str
    title: str | None
    publisher: str | None
    year: int | None
    matches: int
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def snippet(text: str, terms: list[str], context: int = SNIPPET_CONTEXT) -> str:
    """The text around the first match of any term, the match in 【】, whitespace collapsed."""
    positions = [(text.find(t), t) for t in terms if t and text.find(t) >= 0]
    if not positions:
        return ""
    at, term = min(positions)
    before = text[max(0, at - context) : at]
    after = text[at + len(term) : at + len(term) + context]
    flat = re.sub(r"\s+", " ", f"{before}【{term}】{after}").strip()
    return ("…" if at > context else "") + flat + ("…" if at + len(term) + context < len(text) else "")


def search(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    portal: str | None = None,
    year: int | None = None,
) -> list[Hit]:
    """Reports whose text contains every whitespace-separated term of ``query`` (best matches first)."""
    terms = [t for t in query.split() if t]
    if not terms or not has_index(db):
        return []
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    where: list[str] = []
    params: list[Any] = []
    sql = (
        f"SELECT r.id, r.portal, r.url, r.title, coalesce(r.publisher, r.region), r.year, t.text"
        f" FROM {TEXT_TABLE} t JOIN reports r ON r.id = t.report_id"
    )
    order = "r.year DESC, r.id"
    if long_terms:
        sql += f" JOIN {FTS_TABLE} f ON f.rowid = t.rowid"
        where.append(f"{FTS_TABLE} MATCH ?")
        params.append(" AND ".join(_phrase(t) for t in long_terms))
        order = "f.rank, r.year DESC, r.id"
    for term in terms:
        if len(term) < TRIGRAM:
            where.append("t.text LIKE ? ESCAPE '\\'")
            params.append(_like(term))
    if portal is not None:
        where.append("r.portal = ?")
        params.append(portal)
    if year is not None:
        where.append("r.year = ?")
        params.append(year)
    sql += " WHERE " + " AND ".join(where) + f" ORDER BY {order} LIMIT ?"
    params.append(limit)
    return [
        Hit(
            report_id=rid,
            portal=p,
            url=url,
            title=title,
            publisher=publisher,
            year=y,
            matches=sum(text.count(t) for t in terms),
            snippet=snippet(text, terms),
        )
        for rid, p, url, title, publisher, y, text in db.execute(sql, params).fetchall()
    ]


def format_hits(hits: list[Hit], query: str) -> str:
    if not hits:
        return f"No report contains {query!r}.\n"
    lines = [f"{len(hits)} report(s) contain {query!r}"]
    for hit in hits:
        who = " ".join(str(v) for v in (hit.publisher, hit.year) if v is not None) or "-"
        lines.append(f"\n[{hit.report_id}] {who}: {hit.title or '(untitled)'}  ({hit.matches} match(es))")
        lines.append(f"  {hit.url}")
        if hit.snippet:
            lines.append(f"  {hit.snippet}")
    return "\n".join(lines) + "\n"
