"""Faults and hostile input, one unit at a time: the replay handler's faults, retries and Retry-After,
redirects, the pause after a block, cut documents, link verdicts, failure codes, crash recovery, and the
pipeline's duplicate and empty-page rules. The whole chain is exercised by tests/test_chaos.py."""

from __future__ import annotations

import asyncio
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from vcr.persisters.filesystem import FilesystemPersister
from vcr.request import Request as VcrRequest
from vcr.serializers import yamlserializer

from crawler.exceptions import ERROR_CODES, Blocked, RedirectLoop, RedirectRefused, RetryAfterTooLong
from crawler.failures import describe_failure
from crawler.integrity import body_problem, cut_document
from crawler.portals import spider_class
from crawler.redirects import PortalRedirectMiddleware
from crawler.replay import ReplayDownloadHandler
from crawler.retries import BackoffRetryMiddleware, backoff_delay, parse_retry_after
from crawler.spiders.base import as_html
from crawler.urlsafety import link_verdict
from storage.recovery import orphan_files, recover
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
PDF = (RENDERED / "001_641fc7d161c03c36.pdf").read_bytes()
DOCX = (RENDERED / "000_ac91ced63409bf38.docx").read_bytes()
NMG = "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/"
NmgSpider = spider_class("nmg")


# ------------------------------------------------------------------------------------------ replay faults
def write_cassette(path: Path, interactions: list[tuple[str, int, dict[str, list[str]], bytes]]) -> Path:
    requests = [VcrRequest("GET", url, None, {}) for url, *_ in interactions]
    responses = [
        {"status": {"code": s, "message": ""}, "headers": h, "body": {"string": b}} for _, s, h, b in interactions
    ]
    FilesystemPersister.save_cassette(
        str(path), {"requests": requests, "responses": responses}, serializer=yamlserializer
    )
    return path


HTML = {"Content-Type": ["text/html; charset=utf-8"]}


@pytest.fixture
def handler(tmp_path: Path) -> ReplayDownloadHandler:
    write_cassette(
        tmp_path / "faults.yaml",
        [
            (f"{NMG}retry.html", 503, HTML, b"busy"),
            (f"{NMG}retry.html", 200, HTML, b"<p>ok</p>"),
            (f"{NMG}slow.html", 200, {**HTML, "X-Nianbao-Replay-Delay": ["0"]}, b"<p>slow</p>"),
            (f"{NMG}timeout.pdf", 200, {"X-Nianbao-Replay-Fault": ["timeout"]}, b""),
            (f"{NMG}refused.pdf", 200, {"X-Nianbao-Replay-Fault": ["refused"]}, b""),
            (
                f"{NMG}cut.pdf",
                200,
                {"Content-Type": ["application/pdf"], "Content-Length": [str(len(PDF))]},
                PDF[: len(PDF) // 2],
            ),
            (f"{NMG}huge.pdf", 200, {"Content-Type": ["application/pdf"], "Content-Length": [str(300 * 2**20)]}, b""),
        ],
    )
    crawler = get_crawler(
        settings_dict={
            "NIANBAO_REPLAY_DIR": str(tmp_path),
            "DOWNLOAD_MAXSIZE": 200 * 2**20,
            "NIANBAO_REPLAY_JOURNAL": str(tmp_path / "journal.tsv"),
        }
    )
    return ReplayDownloadHandler(crawler)


def fetch(handler: ReplayDownloadHandler, url: str, **meta: Any) -> Response:
    return asyncio.run(handler.download_request(Request(url, meta=meta)))


def test_replay_plays_several_responses_in_order_then_repeats_the_last(handler: ReplayDownloadHandler) -> None:
    assert [fetch(handler, f"{NMG}retry.html").status for _ in range(4)] == [503, 200, 200, 200]


def test_replay_faults_are_raised_as_the_live_handler_raises_them(handler: ReplayDownloadHandler) -> None:
    with pytest.raises(DownloadTimeoutError):
        fetch(handler, f"{NMG}timeout.pdf")
    with pytest.raises(DownloadConnectionRefusedError):
        fetch(handler, f"{NMG}refused.pdf")
    with pytest.raises(ResponseDataLossError):  # a connection cut mid-body
        fetch(handler, f"{NMG}cut.pdf")
    cut = fetch(handler, f"{NMG}cut.pdf", download_fail_on_dataloss=False)
    assert "dataloss" in cut.flags
    with pytest.raises(DownloadCancelledError, match="larger than download max size"):
        fetch(handler, f"{NMG}huge.pdf")


def test_replay_instructions_are_not_response_headers_and_requests_are_journaled(
    handler: ReplayDownloadHandler, tmp_path: Path
) -> None:
    response = fetch(handler, f"{NMG}slow.html")
    assert b"X-Nianbao-Replay-Delay" not in response.headers
    with pytest.raises(DownloadTimeoutError):
        fetch(handler, f"{NMG}timeout.pdf")
    lines = [line.split("\t") for line in (tmp_path / "journal.tsv").read_text().splitlines()]
    assert all(float(asked) <= float(answered) for asked, answered, *_ in lines)
    assert [(m, u, o) for _, _, m, u, o in lines] == [
        ("GET", f"{NMG}slow.html", "200"),
        ("GET", f"{NMG}timeout.pdf", "timeout"),
    ]


# ------------------------------------------------------------------------------------------ retries
@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date(value: str | None, seconds: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == seconds


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff_delay(n, 2.0, 60.0) for n in (1, 2, 3, 6, 10)] == [2.0, 4.0, 8.0, 60.0, 60.0]
    assert backoff_delay(1, 0.0, 60.0) == 0.0


def retry_middleware(**settings: Any) -> BackoffRetryMiddleware:
    crawler = get_crawler(NmgSpider, settings_dict={"NIANBAO_RETRY_BACKOFF": 0, **settings})
    crawler.spider = NmgSpider.from_crawler(crawler)
    return BackoffRetryMiddleware.from_crawler(crawler)


def answer(url: str, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Response:
    return Response(url, status=status, headers=headers or {}, body=body, request=Request(url))


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried_then_given_up(status: int) -> None:
    mw = retry_middleware()
    request = Request(f"{NMG}a.html")
    for attempt in (1, 2):
        request = asyncio.run(mw.process_response(request, answer(request.url, status)))
        assert isinstance(request, Request) and request.meta["retry_times"] == attempt
    given_up = asyncio.run(mw.process_response(request, answer(request.url, status)))
    assert isinstance(given_up, Response) and given_up.status == status  # then recorded as http_<status>


@pytest.mark.parametrize("status", [404, 410])
def test_gone_and_not_found_are_not_retried(status: int) -> None:
    mw = retry_middleware()
    request = Request(f"{NMG}a.html")
    got = asyncio.run(mw.process_response(request, answer(request.url, status)))
    assert isinstance(got, Response) and got.status == status


def test_retry_after_is_honoured_per_host_and_bounded() -> None:
    mw = retry_middleware(NIANBAO_RETRY_AFTER_MAX=300)
    request = Request(f"{NMG}a.html")
    retry = asyncio.run(mw.process_response(request, answer(request.url, 429, {"Retry-After": "0"})))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    with pytest.raises(RetryAfterTooLong) as refused:
        asyncio.run(mw.process_response(request, answer(request.url, 429, {"Retry-After": "86400"})))
    assert refused.value.code == "http_429" and "86400 s" in refused.value.reason
    assert refused.value.evidence == "Retry-After: 86400"


def test_timeouts_and_cut_connections_are_retried() -> None:
    mw = retry_middleware()
    for exc in (DownloadTimeoutError("slow"), ResponseDataLossError("cut")):
        retry = asyncio.run(mw.process_exception(Request(f"{NMG}a.pdf"), exc))
        assert isinstance(retry, Request)
    assert asyncio.run(mw.process_exception(Request(f"{NMG}a.pdf"), Blocked(f"{NMG}a.pdf", "x"))) is None


# ------------------------------------------------------------------------------------------ redirects
def redirect_middleware() -> PortalRedirectMiddleware:
    crawler = get_crawler(NmgSpider, settings_dict={"REDIRECT_MAX_TIMES": 3})
    crawler.spider = NmgSpider.from_crawler(crawler)
    return PortalRedirectMiddleware.from_crawler(crawler)


def moved(url: str, location: str) -> Response:
    return Response(url, status=302, headers={"Location": location}, request=Request(url))


def test_a_redirect_within_the_portal_is_followed() -> None:
    mw = redirect_middleware()
    got = mw.process_response(Request(f"{NMG}old.html"), moved(f"{NMG}old.html", "./new.html"))
    assert isinstance(got, Request) and got.url == f"{NMG}new.html"


@pytest.mark.parametrize(
    "location",
    ["https://www.baidu.com/s?wd=1", "http://10.0.0.8/nb/a.pdf", "http://127.0.0.1:8080/", "file:///etc/passwd"],
)
def test_a_redirect_off_the_portal_is_refused(location: str) -> None:
    mw = redirect_middleware()
    with pytest.raises(RedirectRefused) as refused:
        mw.process_response(Request(f"{NMG}a.html"), moved(f"{NMG}a.html", location))
    assert refused.value.code == "redirect_offsite" and location[:30] in refused.value.evidence


def test_redirect_loops_and_long_chains_are_bounded() -> None:
    mw = redirect_middleware()
    a, b = f"{NMG}a.html", f"{NMG}b.html"
    hop = mw.process_response(Request(a), moved(a, b))
    assert isinstance(hop, Request)
    with pytest.raises(RedirectLoop, match="redirect loop"):
        mw.process_response(hop, moved(b, a))
    request = Request(f"{NMG}r?hop=0")
    with pytest.raises(RedirectLoop, match="more than 3 redirects"):
        for n in range(1, 10):
            got = mw.process_response(request, moved(request.url, f"{NMG}r?hop={n}"))
            assert isinstance(got, Request)
            request = got


# ------------------------------------------------------------------------------------------ defences
RUISHU = b"<html><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;</script></html>"


# ------------------------------------------------------------------------------------------ cut documents
def test_cut_documents_are_recognised() -> None:
    assert cut_document(PDF) is None and cut_document(DOCX) is None
    assert "%%EOF" in (cut_document(PDF[: len(PDF) * 2 // 3]) or "")
    assert "central-directory" in (cut_document(DOCX[:-30]) or "")
    assert cut_document(b"<html>not a document</html>") is None
    assert body_problem(PDF, ["dataloss"]) is not None


# ------------------------------------------------------------------------------------------ links, codes
@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("javascript:openWin('t20230131_1.html')", "unsafe_link"),
        ("data:text/html;base64,PGgxPg==", "unsafe_link"),
        ("file:///C:/Users/admin/report.docx", "unsafe_link"),
        ("http://10.12.0.5/nb/a.html", "unsafe_link"),
        ("http://127.0.0.1:8080/nb/", "unsafe_link"),
        ("http://[::1]/nb/", "unsafe_link"),
        ("https://www.gov.cn/zhengce/a.htm", "offsite"),
    ],
)
def test_link_verdicts(url: str, code: str) -> None:
    verdict = link_verdict(url, ["nmg.gov.cn"])
    assert verdict is not None and verdict[0] == code
    assert link_verdict(f"{NMG}index_1.html", ["nmg.gov.cn"]) is None


def test_failures_have_stable_codes() -> None:
    url = f"{NMG}a.pdf"
    response = Response(url, status=410, body=b"Gone", request=Request(url))
    assert describe_failure(HttpError(response)).code == "http_410"
    assert describe_failure(DownloadTimeoutError("slow")).code == "timeout"
    assert describe_failure(ResponseDataLossError("cut")).code == "truncated"
    assert (
        describe_failure(DownloadCancelledError("Received 9 bytes which is larger than download max size (8)")).code
        == "too_large"
    )
    assert describe_failure(IgnoreRequest("robots")).code == "ignored"
    assert describe_failure(RedirectLoop(url, "loop")).code == "redirect_loop"
    for code in (
        "timeout",
        "truncated",
        "redirect_loop",
        "redirect_offsite",
        "blocked",
        "paused",
        "page_cap",
        "unsafe_link",
        "duplicate",
        "needs_ocr",
        "no_text",
        "hostile",
        "too_large",
        "empty",
        "ignored",
    ):
        assert code in ERROR_CODES


def test_a_gbk_page_labelled_utf8_is_read_as_gbk() -> None:
    body = (
        '<html><head><meta charset="utf-8"></head><body><a href="t1.html">通辽市2023年政府信息公开工作年度报告'
        "</a></body></html>"
    ).encode("gbk")
    response = HtmlResponse(f"{NMG}index.html", body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    assert "年度报告" in as_html(response).text


# ------------------------------------------------------------------------------------------ crash recovery
def test_recovery_closes_killed_runs_and_removes_orphan_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "nb.db")
    kept = store.archive_document(f"{NMG}a.pdf", PDF, content_type="application/pdf", status=200, run_id=None)
    killed = store.start_run("replay", ["nmg"])  # never finished: the process was killed
    orphan_sha, orphan = store.archive.put(b"written, then the process was killed before its row", ".pdf")
    temp = orphan.parent / f".{orphan_sha[:8]}.abcd.tmp"
    temp.write_bytes(b"half a write")
    assert set(orphan_files(store)) == {orphan, temp}
    assert recover(store).note().startswith(f"recovered from an interrupted run ({killed})")
    assert orphan_files(store) == [] and store.archive.has(kept) and not store.archive.has(orphan_sha)
    assert store.get_run(killed)["status"] == "interrupted"  # type: ignore[index]
    assert not recover(store)  # nothing more to do
    store.close()


# ------------------------------------------------------------------------------------------ the pipeline
PAGE = "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/202301/t20230131_1.html"


@pytest.fixture
def pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from scrapy.utils.test import get_crawler as crawler_for

    import crawler.pipelines as pipelines

    async def inline(func: Any, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    monkeypatch.setattr(pipelines, "in_thread", inline)
    crawler = crawler_for(NmgSpider, settings_dict={"NIANBAO_DB": str(tmp_path / "nb.db")})
    crawler.spider = NmgSpider.from_crawler(crawler)
    return pipelines.ReportPipeline.from_crawler(crawler)


def report_item(page_url: str, **fields: Any) -> Any:
    from crawler.items import ReportItem

    base: dict[str, Any] = {
        "portal": "nmg",
        "page_url": page_url,
        "list_url": None,
        "title": "t",
        "published": None,
        "publisher": None,
        "page_body": "<html><p>见附件</p></html>".encode(),
        "page_status": 200,
        "page_content_type": "text/html; charset=utf-8",
    }
    return ReportItem(**{**base, **fields})


def with_attachment(pipeline: Any, page_url: str, url: str, data: bytes) -> Any:
    sha = pipeline.store.archive_document(url, data, content_type="application/pdf", status=200, run_id=None)
    path = str(pipeline.store.archive.path(sha))
    return report_item(page_url, file_urls=[url], files=[{"url": url, "path": path, "checksum": sha}])


def test_the_same_document_under_two_urls_is_stored_once(pipeline: Any) -> None:
    first, second = f"{NMG}202301/P1.pdf", f"{NMG}202301/W1.pdf"
    asyncio.run(pipeline.process_item(with_attachment(pipeline, PAGE, first, PDF)))
    asyncio.run(pipeline.process_item(with_attachment(pipeline, PAGE.replace("_1.", "_2."), second, PDF)))
    db = pipeline.store.db
    assert db.execute("SELECT url FROM reports").fetchall() == [(first,)]
    assert db.execute("SELECT code, url, evidence FROM errors").fetchall() == [("duplicate", second, first)]
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2  # the PDF once, the pages (same body)


def test_an_empty_page_is_recorded_and_asked_again(pipeline: Any) -> None:
    asyncio.run(pipeline.process_item(report_item(PAGE, page_body=b"")))
    db = pipeline.store.db
    assert db.execute("SELECT code, url FROM errors").fetchall() == [("empty", PAGE)]
    assert db.execute("SELECT count(*) FROM document_urls").fetchone()[0] == 0  # not marked as read


def test_a_paused_attachment_leaves_no_verdict_on_its_page(pipeline: Any) -> None:
    url = f"{NMG}202301/P9.pdf"
    asyncio.run(
        pipeline.process_item(
            report_item(
                PAGE,
                file_urls=[url],
                file_errors=[
                    {"url": url, "code": "paused", "reason": "not requested: the portal is paused", "evidence": ""}
                ],
            )
        )
    )
    db = pipeline.store.db
    assert db.execute("SELECT code, url FROM errors").fetchall() == [("paused", url)]
    assert db.execute("SELECT count(*) FROM document_urls").fetchone()[0] == 0


def test_a_cut_docx_zip_is_not_whole() -> None:
    buf = io.BytesIO(DOCX)
    assert zipfile.is_zipfile(buf)
    assert not zipfile.is_zipfile(io.BytesIO(DOCX[: len(DOCX) // 2]))
    assert cut_document(DOCX[: len(DOCX) // 2]) is not None


def test_a_document_linked_directly_is_known_once_read_not_once_downloaded(tmp_path: Path) -> None:
    crawler = get_crawler(NmgSpider, settings_dict={"NIANBAO_DB": str(tmp_path / "nb.db")})
    spider = NmgSpider.from_crawler(crawler)
    store = spider.store
    url = f"{NMG}202301/P020230131000000001.pdf"
    run = store.start_run("replay", ["nmg"])
    store.archive_document(url, PDF, content_type="application/pdf", status=200, run_id=run)
    assert not spider.is_known_page(url)  # downloaded by a run that never finished (killed): read it again
    store.finish_run(run)
    assert spider.is_known_page(url)  # read by a finished run (report or not): not asked again


def test_a_huge_data_link_is_recorded_cut_short() -> None:
    from crawler.urlsafety import shown_url

    huge = "data:application/pdf;base64," + "A" * 100_000
    assert len(shown_url(huge)) == 300 and shown_url(huge).endswith("…")
    assert shown_url(f"{NMG}index.html") == f"{NMG}index.html"
