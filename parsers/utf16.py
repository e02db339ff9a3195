"""Text saved as UTF-16: Windows Notepad's "Unicode", Windows PowerShell's ``>`` (``pdftotext a.pdf - > a.txt``
writes UTF-16 LE with a BOM), some OCR services' exports.

With a BOM the codec is named by it. Without one, UTF-16 shows itself by its NUL bytes: every ASCII character
(digits, spaces, line ends, Markdown's bars) is a NUL beside its byte, and the NULs stand all at odd offsets (little
endian) or all at even ones (big endian), but for a character whose other byte is a NUL (一, U+4E00); text in
UTF-8 or GB18030 has no NUL at all. Such bytes are UTF-16 when they also decode strictly so. Anything else (a binary
file's NULs, at offsets of both parities alike) is not. The check runs after every binary kind's magic bytes.
"""

from __future__ import annotations

BOMS = (b"\xff\xfe", b"\xfe\xff")
SAMPLE = 4096  # bytes looked at for the NULs' offsets
MIN_NULS = 8  # an ASCII character or more every few: a line of a report has its digits, spaces and line end
# NULs on the other side too: a character U+xx00 (一 is U+4E00: ``00 4E`` in little endian); far fewer than the ASCII
# characters' in a report
MAJORITY = 4


def utf16_codec(data: bytes) -> str | None:
    """``"utf-16"`` (a BOM), ``"utf-16-le"`` or ``"utf-16-be"`` (no BOM: the NULs' offsets), else None: bytes that
    do not decode strictly so (an odd count, a lone surrogate) are not UTF-16, BOM or not."""
    if len(data) % 2:
        return None
    if data.startswith(BOMS):
        codec = "utf-16"
    else:
        head = data[:SAMPLE]
        even, odd = head[0::2].count(0), head[1::2].count(0)  # C-level: no Python per byte
        if max(even, odd) < MIN_NULS or min(even, odd) * MAJORITY > max(even, odd):
            return None
        codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def decode_utf16(data: bytes) -> str | None:
    """The text of UTF-16 bytes (:func:`utf16_codec`), its BOM dropped; None for bytes that are not UTF-16."""
    codec = utf16_codec(data)
    return None if codec is None else data.decode(codec).removeprefix("\ufeff")
