"""``nianbao reparse`` reads again the archived documents no report was read from (nianbao/recover.py): an OFD
attachment a harvest before version 97 refused is read as a report now; bytes that are still no document stay as
they were, their error row standing; a recovered document is not read again."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, gold
from seed_store import build_seed_store

from nianbao.reparse import format_result, reparse
from storage.store import Store

OFD_URL = "https://www.example.gov.cn/zwgk/ndbg/P020220120.ofd"
JUNK_URL = "https://www.example.gov.cn/zwgk/ndbg/P020220121.bin"
STEM = "004_779f9be447f66d1d"


def _archive_failed(store: Store, url: str, body: bytes, code: str, reason: str) -> None:
    """What a harvest leaves for an attachment it could not read: the bytes archived, an error row, no report."""
    run = store.start_run("live", ["example"])
    store.archive_document(url, body, content_type="application/octet-stream", status=200, run_id=run)
    store.record_error(run_id=run, portal="example", url=url, code=code, reason=reason)
    store.finish_run(run, status="finished")


def test_an_ofd_refused_before_is_read_as_a_report_now(tmp_path: Path) -> None:
    with build_seed_store(tmp_path / "nianbao.db") as store:
        before = store.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        ofd = (FIXTURES / "ofd" / f"{STEM}.easyofd.ofd").read_bytes()
        _archive_failed(store, OFD_URL, ofd, "unknown_kind", "zip archive that is neither DOCX nor XLSX")
        _archive_failed(store, JUNK_URL, b"\x00\x01binary" * 50, "unknown_kind", "binary data of an unknown kind")
        errors = store.db.execute("SELECT COUNT(*) FROM errors").fetchone()[0]

        result = reparse(store, workers=1)
        assert (result.recovered, result.still_unread) == (1, 1)
        assert result.examined == before  # the stored reports were re-parsed as ever
        row = store.db.execute(
            "SELECT id, portal, page_url, source_kind FROM reports WHERE url = ?", [OFD_URL]
        ).fetchone()
        assert row is not None and tuple(row[1:]) == ("example", None, "ofd")
        cells = dict(store.db.execute("SELECT key, value FROM cells WHERE report_id = ?", [row[0]]).fetchall())
        want = gold(STEM)["cells"]
        assert {k: (v, cells.get(k)) for k, v in want.items() if cells.get(k) != v} == {}
        # the junk's error row stands, and no new one is written for it
        assert store.db.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == errors
        assert not store.db.execute("SELECT 1 FROM reports WHERE url = ?", [JUNK_URL]).fetchone()
        figures = result.as_dict()
        assert figures["recovered"] == 1 and figures["recoveries"][0]["url"] == OFD_URL
        assert "1 read as reports now, 1 still not" in format_result(result)
        json.dumps(figures)

        again = reparse(store, workers=1)  # the recovered report is a stored report now: re-parsed, unchanged
        assert (again.recovered, again.still_unread, again.examined) == (0, 1, before + 1)
        assert again.unchanged + again.restamped == before + 1
