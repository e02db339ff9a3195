"""The replay download handler: cassette hits, misses (an error naming the URL), binary bodies, statuses."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler
from vcr.persisters.filesystem import FilesystemPersister
from vcr.request import Request as VcrRequest
from vcr.serializers import yamlserializer

from crawler.exceptions import CassetteMiss
from crawler.replay import CassetteLibrary, ReplayDownloadHandler, build_response, cassette_files, vcr_request

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "cassettes"
PDF = (ROOT / "tests" / "fixtures" / "rendered" / "003_b42612b20553a5ab.pdf").read_bytes()
GBK_PAGE = "<html><body><p>通辽市2010年政府信息公开工作年度报告</p></body></html>".encode("gbk")


def write_cassette(path: Path, interactions: list[tuple[str, int, dict[str, list[str]], bytes]]) -> Path:
    requests = [VcrRequest("GET", url, None, {"User-Agent": "recorder"}) for url, *_ in interactions]
    responses = [
        {"status": {"code": s, "message": ""}, "headers": h, "body": {"string": b}} for _, s, h, b in interactions
    ]
    FilesystemPersister.save_cassette(
        str(path), {"requests": requests, "responses": responses}, serializer=yamlserializer
    )
    return path


@pytest.fixture
def cassette_dir(tmp_path: Path) -> Path:
    write_cassette(
        tmp_path / "a.yaml",
        [
            (
                "https://www.example.gov.cn/nb/index.html",
                200,
                {"Content-Type": ["text/html; charset=utf-8"]},
                "<html><body><a href='t1.html'>2022年政府信息公开工作年度报告</a></body></html>".encode(),
            ),
            ("https://www.example.gov.cn/nb/P1.pdf", 200, {"Content-Type": ["application/pdf"]}, PDF),
        ],
    )
    (tmp_path / "sub").mkdir()
    write_cassette(
        tmp_path / "sub" / "b.yaml",
        [
            ("https://www.example.gov.cn/nb/gone.pdf", 404, {"Content-Type": ["text/html"]}, b"<h1>404</h1>"),
            (
                "https://www.example.gov.cn/nb/index_1.html",
                412,
                {"Content-Type": ["text/html"]},
                b"<script>$_ts=window['$_ts'];</script>",
            ),
            ("https://www.example.gov.cn/nb/gbk.html", 200, {"Content-Type": ["text/html; charset=GBK"]}, GBK_PAGE),
            ("https://www.example.gov.cn/nb/list?page=2&col=7", 200, {"Content-Type": ["text/html"]}, b"<p>q</p>"),
        ],
    )
    return tmp_path


def handler_for(root: Path) -> ReplayDownloadHandler:
    crawler = get_crawler(settings_dict={"NIANBAO_REPLAY_DIR": str(root)})
    return ReplayDownloadHandler(crawler)


def fetch(handler: ReplayDownloadHandler, url: str) -> Response:
    return asyncio.run(handler.download_request(Request(url)))


def test_loads_every_cassette_under_the_directory(cassette_dir: Path) -> None:
    assert [p.name for p in cassette_files(cassette_dir)] == ["a.yaml", "b.yaml"]
    assert len(CassetteLibrary(cassette_dir)) == 6


def test_hit_builds_an_html_response(cassette_dir: Path) -> None:
    response = fetch(handler_for(cassette_dir), "https://www.example.gov.cn/nb/index.html")
    assert isinstance(response, HtmlResponse)
    assert response.status == 200
    assert response.url == "https://www.example.gov.cn/nb/index.html"
    assert "年度报告" in response.text
    assert "replay" in response.flags
    assert response.headers["Content-Type"] == b"text/html; charset=utf-8"


def test_binary_body_is_served_byte_for_byte(cassette_dir: Path) -> None:
    response = fetch(handler_for(cassette_dir), "https://www.example.gov.cn/nb/P1.pdf")
    assert not isinstance(response, TextResponse)
    assert response.body == PDF


def test_gbk_body_with_its_charset(cassette_dir: Path) -> None:
    response = fetch(handler_for(cassette_dir), "https://www.example.gov.cn/nb/gbk.html")
    assert isinstance(response, TextResponse)
    assert response.body == GBK_PAGE
    assert "通辽市2010年" in response.text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("https://www.example.gov.cn/nb/gone.pdf", 404),
        ("https://www.example.gov.cn/nb/index_1.html", 412),
    ],
)
def test_status_codes_are_replayed(cassette_dir: Path, url: str, status: int) -> None:
    assert fetch(handler_for(cassette_dir), url).status == status


def test_miss_is_an_error_naming_the_url(cassette_dir: Path) -> None:
    handler = handler_for(cassette_dir)
    url = "https://www.example.gov.cn/nb/index_2.html"
    with pytest.raises(CassetteMiss) as caught:
        fetch(handler, url)
    assert caught.value.url == url
    assert caught.value.code == "cassette_miss"
    assert url in str(caught.value)


def test_matching_is_on_the_request_line_not_headers(cassette_dir: Path) -> None:
    library = CassetteLibrary(cassette_dir)
    assert (
        library.lookup(
            vcr_request("GET", "https://www.example.gov.cn/nb/index.html", headers={"User-Agent": "someone else"})
        )
        is not None
    )
    assert library.lookup(vcr_request("GET", "http://www.example.gov.cn/nb/index.html")) is None  # scheme
    assert library.lookup(vcr_request("POST", "https://www.example.gov.cn/nb/index.html")) is None
    assert library.lookup(vcr_request("GET", "https://www.example.gov.cn/nb/list?col=7&page=2")) is not None
    assert library.lookup(vcr_request("GET", "https://www.example.gov.cn/nb/list?page=3&col=7")) is None


def test_a_response_can_be_played_again(cassette_dir: Path) -> None:
    handler = handler_for(cassette_dir)
    first = fetch(handler, "https://www.example.gov.cn/nb/P1.pdf")
    second = fetch(handler, "https://www.example.gov.cn/nb/P1.pdf")
    assert first.body == second.body == PDF


def test_handler_needs_a_directory() -> None:
    with pytest.raises(NotConfigured):
        ReplayDownloadHandler(get_crawler(settings_dict={}))


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        CassetteLibrary(tmp_path / "nowhere")


def test_build_response_from_a_vcrpy_dict() -> None:
    request = Request("https://www.example.gov.cn/x.docx")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    recorded = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Content-Type": [docx]},
        "body": {"string": b"PK\x03\x04rest"},
    }
    response = build_response(request, recorded)
    assert response.body == b"PK\x03\x04rest"
    assert response.request is request
    assert not isinstance(response, TextResponse)


def test_every_bundled_interaction_replays() -> None:
    library = CassetteLibrary(BUNDLED)
    handler = handler_for(BUNDLED)
    assert len(library.urls()) >= 25
    for cassette in library.cassettes:
        for stored in cassette.requests:  # each as recorded: GET, or a POST with its form or JSON body
            headers = {k: v for k, v in stored.headers.items() if k.lower() == "content-type"}
            request = Request(stored.uri, method=stored.method, body=stored.body or b"", headers=headers)
            assert asyncio.run(handler.download_request(request)).url == stored.uri
