"""A page a browser saved as one file: MHTML (Chrome's and Edge's "single file", ``Page.captureSnapshot``; Internet
Explorer's ``.mht``), RFC 2557.

The file is a MIME message: a header block (``MIME-Version``, ``Content-Type: multipart/related``), then the page and
its resources as parts, each in a transfer encoding (Chrome writes the page quoted-printable: ``=E5=B9=B4`` for 年,
``=3D`` for ``=``, a soft line break ``=`` at the end of a line; Internet Explorer often base64). Read as it stands,
the page's text is those escapes. :func:`unwrap_mhtml` returns the page's HTML part decoded (the part at the
snapshot's own address, else the first ``text/html`` part), in UTF-8 where the part names its charset; the HTML
reader reads it as any page. The other parts (style sheets, images) are left: a page of images is not read from
them here.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

# the header block a MIME message opens with: header lines (with folded continuations) up to the first blank line
_HEADER_BLOCK = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n")
_MIME_VERSION = re.compile(rb"^MIME-Version:", re.I | re.M)
_PAGE_TYPE = re.compile(rb"^Content-Type:\s*(?:multipart/related|text/html)", re.I | re.M)


def is_mhtml(data: bytes) -> bool:
    """Whether ``data`` opens with a MIME header block that declares a MIME message of a page (``MIME-Version``, and a
    ``Content-Type`` of ``multipart/related`` or ``text/html``)."""
    head = _HEADER_BLOCK.match(data[:8192])
    return head is not None and bool(_MIME_VERSION.search(head.group())) and bool(_PAGE_TYPE.search(head.group()))


def unwrap_mhtml(data: bytes) -> bytes | None:
    """The page's HTML, decoded from its transfer encoding; None where the message holds no ``text/html`` part with
    content. The unwrapping is the MIME standard's, no guess: the reading is the page's, with no warning."""
    return message_page(parse_message(data))


def parse_message(data: bytes) -> Message:
    """The saved page's MIME message, parsed once for a caller that reads more of it than its page
    (:mod:`parsers.readers.saved_page`: the page's images)."""
    return email.message_from_bytes(data, policy=email.policy.compat32)


def message_page(message: Message) -> bytes | None:
    """:func:`unwrap_mhtml` of a message already parsed (:func:`parse_message`)."""
    location = message.get("Snapshot-Content-Location")
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    pages.sort(key=lambda part: location is None or part.get("Content-Location") != location)
    for part in pages:
        html = _payload(part)
        if html is not None and html.strip():
            return html
    return None


def _payload(part: Message) -> bytes | None:
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return None
    charset = part.get_content_charset()
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return raw.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            return raw  # the page's own <meta> charset, or the reader's fallbacks, decide
    return raw
