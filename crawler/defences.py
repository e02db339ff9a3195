"""Recognising anti-bot defences and block pages (PORTALS.md), so that they are recorded, never stored.

Pure functions of a response's status, headers and body: usable from a Scrapy middleware, a pipeline or a
test. A defence is never bypassed: the crawl of that portal is paused and the evidence kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Blocked:
    defence: str  # ruishu, jiasule, block_page, challenge
    evidence: str  # what gave it away: status, header, a snippet


_RUISHU_SCRIPT = re.compile(rb"\$_ts\s*=|\$_ts\.|\bnsd\s*=|_\$[a-zA-Z]{2}\s*=", re.I)
_JSL = re.compile(rb"__jsl_clearance|jsl_tracking|document\.cookie\s*=\s*['\"]__jsl", re.I)
# Block pages served with status 200 by China Telecom's 云堤 and 365GCD, and generic WAF pages.
_BLOCK_PAGE_WORDS = (
    "云堤",
    "365GCD",
    "访问被拦截",
    "您的访问已被拦截",
    "访问受限",
    "非法访问",
    "请求被拒绝",
    "安全狗",
    "网站防火墙",
    "Web应用防火墙",
    "您的请求带有不合法参数",
    "当前访问疑似黑客攻击",
)


def _header(headers: Mapping[str, str] | Mapping[bytes, list[bytes]], name: str) -> str:
    for k, v in headers.items():
        key = k.decode("latin-1") if isinstance(k, bytes) else str(k)
        if key.lower() == name.lower():
            if isinstance(v, list):
                parts = [p.decode("latin-1") if isinstance(p, bytes) else str(p) for p in v]
                return ", ".join(parts)
            return v.decode("latin-1") if isinstance(v, bytes) else str(v)
    return ""


def detect_defence(
    status: int, headers: Mapping[str, str] | Mapping[bytes, list[bytes]], body: bytes
) -> Blocked | None:
    """Return what blocked the request, or None for an ordinary response."""
    head = body[:20000]
    if status == 412 and (_RUISHU_SCRIPT.search(head) or b"<script" in head.lower()):
        return Blocked("ruishu", f"HTTP 412 with a script challenge ({_snippet(head)})")
    # 加速乐 answers 521 with a cookie-setting script; its header alone also rides on ordinary pages
    via = _header(headers, "X-Via-JSL")
    cookies = _header(headers, "Set-Cookie")
    if status == 521 or (_JSL.search(head) and len(body) < 20000):
        evidence = f"HTTP {status}" + (f", X-Via-JSL: {via}" if via else "")
        evidence += ", cookie __jsluid" if "__jsluid" in cookies else ""
        return Blocked("jiasule", evidence)
    if status in (200, 403, 405) and len(body) < 60000:
        text = head.decode("utf-8", "replace")
        if any(w in text for w in _BLOCK_PAGE_WORDS):
            word = next(w for w in _BLOCK_PAGE_WORDS if w in text)
            return Blocked("block_page", f"HTTP {status} block page mentioning {word!r} ({_snippet(head)})")
    if status == 412:
        return Blocked("challenge", f"HTTP 412 ({_snippet(head)})")
    return None


def _snippet(body: bytes, n: int = 120) -> str:
    text = re.sub(rb"\s+", b" ", body[:2000]).decode("utf-8", "replace")
    return text[:n]
