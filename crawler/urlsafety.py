"""Which links a spider may follow: no scripts, no local files, no private addresses, no other sites."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

SAFE_SCHEMES = {"http", "https"}
URL_SHOWN = 300  # a refused link is recorded with at most this many characters (a data: URL can be huge)


def link_verdict(url: str, allowed_domains: list[str] | tuple[str, ...] | set[str]) -> tuple[str, str] | None:
    """Why ``url`` must not be followed, as ``(code, reason)``, or None when it is fine.

    ``unsafe_link``: not http(s) (``javascript:``, ``data:``, ``file:`` …), malformed, no host, or a private,
    loopback, link-local, reserved or multicast address; ``offsite``: a host outside ``allowed_domains``.
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError as exc:
        return "unsafe_link", f"malformed URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return "unsafe_link", f"{scheme or 'relative'}: link refused"
    if not host:
        return "unsafe_link", "no host"
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        ip = None
    if ip is not None and (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
    ):
        return "unsafe_link", f"private or loopback address {host}"
    if host == "localhost" or host.endswith(".localhost"):
        return "unsafe_link", "loopback host"
    if allowed_domains and not any(host == d or host.endswith("." + d) for d in allowed_domains):
        return "offsite", f"off-site host {host}"
    return None


def link_problem(url: str, allowed_domains: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """Why ``url`` must not be followed (a short reason), or None when it is fine (:func:`link_verdict`)."""
    verdict = link_verdict(url, allowed_domains)
    return verdict[1] if verdict else None


def shown_url(url: str, limit: int = URL_SHOWN) -> str:
    """A URL as recorded: whole, or cut at ``limit`` characters with "…" (a ``data:`` link can be megabytes)."""
    return url if len(url) <= limit else url[: limit - 1] + "…"
