"""Defences and hostile links are recognised from the response or the URL alone."""

from __future__ import annotations

import pytest

from crawler.defences import detect_defence
from crawler.urlsafety import link_problem
from storage.harvested import safe_filename

RUISHU = (
    b'<html><head><meta http-equiv="Content-Type"><script type="text/javascript">$_ts=window[\'$_ts\'];'
    b"if(!$_ts)$_ts={};$_ts.nsd=12345;</script></head><body></body></html>"
)
JSL = b"<html><script>document.cookie=('_')+('_jsl_clearance_s')+('=')+...</script></html>"
YUNDI = "<html><body><h1>您的访问已被拦截</h1><p>电信云堤 安全防护</p></body></html>".encode()


def test_ruishu_412() -> None:
    got = detect_defence(412, {"Content-Type": "text/html"}, RUISHU)
    assert got is not None and got.defence == "ruishu" and "412" in got.evidence


def test_jiasule_521_with_header() -> None:
    got = detect_defence(521, {"X-Via-JSL": "1c8a9f2,-", "Set-Cookie": "__jsluid_s=abc; path=/"}, JSL)
    assert got is not None and got.defence == "jiasule"
    assert "X-Via-JSL" in got.evidence and "__jsluid" in got.evidence


def test_block_page_with_status_200() -> None:
    got = detect_defence(200, {}, YUNDI)
    assert got is not None and got.defence == "block_page"


def test_ordinary_report_page_is_not_a_defence() -> None:
    page = "<html><body><div class='TRS_UEDITOR'>通辽市2021年政府信息公开工作年度报告 一、总体情况</div></body></html>"
    assert detect_defence(200, {"Content-Type": "text/html"}, page.encode()) is None
    assert detect_defence(404, {}, b"<html>404 Not Found</html>") is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:void(0)", "javascript"),
        ("data:text/html;base64,PGgxPg==", "data"),
        ("file:///etc/passwd", "file"),
        ("http://127.0.0.1/admin", "loopback"),
        ("http://10.0.0.5/zfxxgknb/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://localhost:8080/", "loopback"),
        ("https://www.baidu.com/s?wd=1", "off-site"),
    ],
)
def test_hostile_links_are_refused(url: str, reason: str) -> None:
    problem = link_problem(url, ["nmg.gov.cn"])
    assert problem is not None and reason in problem


def test_portal_links_are_allowed() -> None:
    assert link_problem("https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/index_1.html", ["nmg.gov.cn"]) is None
    assert link_problem("https://kjt.nmg.gov.cn/x.html", ["nmg.gov.cn"]) is None


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..\\..\\win.ini", "%2e%2e%2fsecret.docx"])
def test_attachment_names_cannot_leave_their_folder(name: str) -> None:
    safe = safe_filename(name)
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")


def test_jiasule_header_on_an_ordinary_page_is_not_a_block() -> None:
    page = "<html><body><div class='TRS_UEDITOR'>二、主动公开政府信息情况</div></body></html>".encode()
    assert detect_defence(200, {"X-Via-JSL": "1c8a9f2,-", "Set-Cookie": "__jsluid_s=abc"}, page) is None
