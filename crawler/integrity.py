"""Is a downloaded body whole? A connection cut mid-body must not be archived as a document.

Scrapy fails a response whose body is shorter than its ``Content-Length`` (``ResponseDataLossError``); these
checks catch what that cannot see: a body cut short where the server (or a proxy) sent no length or the
length of what it had, and a response flagged ``dataloss`` when ``DOWNLOAD_FAIL_ON_DATALOSS`` is off.

- PDF: a whole file ends with ``%%EOF`` (some writers add a few bytes after it, so the tail is searched);
- DOCX, XLSX (zip): a whole file ends with the zip's end-of-central-directory record (``PK\\x05\\x06``, within
  its 22 bytes plus a comment of at most 64 KiB of the end). Without it the directory is lost with the tail.
"""

from __future__ import annotations

PDF_TAIL = 2048
ZIP_EOCD = b"PK\x05\x06"
ZIP_TAIL = 22 + 65535


def cut_document(body: bytes) -> str | None:
    """Why ``body`` looks cut short (a short reason), or ``None`` when it looks whole or is not a PDF or zip."""
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        if b"%%EOF" not in body[-PDF_TAIL:]:
            return f"a PDF of {len(body)} bytes without %%EOF at its end: cut short"
    elif body.startswith(b"PK\x03\x04") and ZIP_EOCD not in body[-ZIP_TAIL:]:
        return f"a zip (DOCX/XLSX) of {len(body)} bytes without its end-of-central-directory record: cut short"
    return None


def body_problem(body: bytes, flags: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why a downloaded body must not be archived as a document (cut short), or ``None``."""
    if "dataloss" in flags:
        return "the connection was cut mid-body (Scrapy flagged the response dataloss)"
    return cut_document(body)
