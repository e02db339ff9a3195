"""A zip's member list, read once for both the kind detection and the package check of the same bytes.

``parse`` asks :func:`parsers.detect.detect_kind` what the bytes are, then the DOCX or XLSX reader checks the
package (:func:`parsers.readers.package_check.check_package`): both read the zip's central directory, which costs
zipfile a Python object per member. The detection leaves its list (:func:`leave`) and the check takes it
(:func:`members`), for the very same ``bytes`` object only: bytes are immutable, so the same object lists the
same members. At most one list is left per thread, and the next :func:`members` call there takes it whatever
the bytes, so a document's bytes are not held past the reading that follows its detection.
"""

from __future__ import annotations

import io
import threading
import zipfile

_LEFT = threading.local()  # per thread (documents are parsed in worker threads): (data, its members)


def members(data: bytes) -> list[zipfile.ZipInfo]:
    """``zipfile.ZipFile(io.BytesIO(data)).infolist()`` (raising what zipfile raises), or the list left for
    this very bytes object."""
    left = getattr(_LEFT, "entry", None)
    if left is not None:
        _LEFT.entry = None
        if left[0] is data:
            return left[1]
    return zipfile.ZipFile(io.BytesIO(data)).infolist()


def leave(data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """Leave ``data``'s member list for the next :func:`members` call on this thread."""
    _LEFT.entry = (data, infos)
