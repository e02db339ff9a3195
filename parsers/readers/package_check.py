"""The package check of an OOXML zip (DOCX, XLSX; OFD's parts' declarations too), before any part is parsed:
zip bombs (the total uncompressed size, the member count), XML parts declaring a DTD or entities, members whose
size or CRC does not check; for an XLSX, the copy of the package calamine reads, its parts stored.

Split from ``parsers/readers/docx.py`` so that it is compiled (``parsers/compiled.py``): an XLSX parse runs it
on every document (a Python loop over the members, their local headers read with ``struct``), and the DOCX
reader's own walk stays interpreted (lxml elements, python-docx). Behaviour is the same either way
(``tests/test_compiled.py``, ``tests/test_workbook_check.py``, ``tests/test_zip_member_fast_path.py``).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from parsers.extracted import UnreadableDocument
from parsers.stored_zip import Piece, stored_zip
from parsers.zip_members import members

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_DEFLATE_RATIO = 1032  # deflate expands no further: a 258-byte match in under 2 bits
_HOSTILE = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
# _HOSTILE by what its members start with: a part without ``<!`` (in UTF-8 or UTF-16) is scanned twice only
_BY_DECLARATION = ((b"<!", _HOSTILE[:2]), ("<!".encode("utf-16-le"), _HOSTILE[2:]))
# The parts of an XLSX package calamine never opens (held to it by tests/test_workbook_check.py: garbage in them
# leaves its reading alone). Only their prologs are checked (check_workbook).
CALAMINE_UNREAD = ("docProps/", "xl/theme/", "[Content_Types].xml")


def declares_entities(xml: bytes) -> bool:
    """Does the part declare a DTD or entities (hold any of _HOSTILE)? Every one of them holds a ``!``, and a
    part without one (most) is told by one ``memchr`` (a search for ``<!`` stops at every tag)."""
    return b"!" in xml and any(start in xml and any(h in xml for h in hostile) for start, hostile in _BY_DECLARATION)


def check_package(data: bytes, *, required: str = "word/document.xml") -> None:
    """Reject zip bombs, hostile XML (DTDs, entities) and zips that are not the expected package. Every XML part
    is inflated whole (its size and CRC checked: a wrong one is ``corrupt``, naming the part) and searched for a
    DTD or entity declaration anywhere in it."""
    _check(data, required, ())


def check_workbook(data: bytes) -> bytes:
    """:func:`check_package` for an XLSX package, and the bytes calamine is to read.

    calamine inflates the parts it reads again and checks no CRC. So the parts it reads are checked here as a
    DOCX's are (inflated whole, size and CRC, a declaration anywhere), and calamine gets them stored: the same
    members in the same order with the same contents, inflated once. The parts it never opens
    (``CALAMINE_UNREAD``: properties, theme, content types) cannot change what it reads, and a DTD (so any
    entity declaration) can only stand in a part's prolog (XML 1.0 §2.8): each of those whose compressed size
    × ``MAX_DEFLATE_RATIO`` is within the size limit is inflated only until its root element's start tag,
    its prolog must hold nothing but the XML declaration, processing instructions, comments and white space,
    and its compressed bytes are copied as they are (CRC unchecked); any other is checked whole. Where any
    member is not plain (see :func:`_member`), calamine reads ``data`` itself."""
    pieces = _check(data, "xl/workbook.xml", CALAMINE_UNREAD)
    stored = None if pieces is None else stored_zip(pieces)
    return data if stored is None else stored


def _check(data: bytes, required: str, unread: tuple[str, ...]) -> list[Piece] | None:
    """The package check; with ``unread`` (the parts no reader opens, XLSX only) the pieces of the package with
    its checked parts stored, or ``None`` where a member is not plain."""
    try:
        infos = members(data)  # the list detect_kind read from the same bytes, if it did
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(f"corrupt zip container: {exc}", code="corrupt") from exc
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(f"zip with {len(infos)} members", code="too_large")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocument(
            f"zip expands to {total / 2**20:.0f} MB (limit {MAX_UNCOMPRESSED // 2**20} MB)", code="too_large"
        )
    names = {i.filename for i in infos}
    if required not in names:
        raise UnreadableDocument(f"zip package without {required}", code="corrupt")
    pieces: list[Piece] = []
    plain = bool(unread)  # pieces kept: all members plain so far
    zf: zipfile.ZipFile | None = None  # opened only for a member the direct reading steps aside from
    try:
        for info in infos:
            xml = info.filename.endswith((".xml", ".rels"))
            if not xml and not plain:
                continue
            local = _local(data, info)
            if local is None:
                plain = False
            if not xml:  # not XML: copied as it is
                if local is not None:
                    pieces.append((local[0], local[1], local[2], info.CRC, info.file_size, local[3]))
                continue
            if (
                unread
                and local is not None
                and local[2] == zipfile.ZIP_DEFLATED
                and info.filename.startswith(unread)
                and info.compress_size * MAX_DEFLATE_RATIO <= MAX_UNCOMPRESSED
                and _plain_prolog(local[3])
            ):
                pieces.append((local[0], local[1], local[2], info.CRC, info.file_size, local[3]))
                continue
            try:
                head = None if local is None else _inflated(local, info)
                if head is None:  # not the plain case: zipfile's own reading (and its errors)
                    plain = False
                    if zf is None:
                        zf = zipfile.ZipFile(io.BytesIO(data))
                    head = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise UnreadableDocument(f"corrupt zip member {info.filename}: {exc}", code="corrupt") from exc
            if declares_entities(head):
                raise UnreadableDocument(
                    f"{info.filename} declares a DTD or entities (refused: XML entity attack)", code="hostile"
                )
            if plain and local is not None:
                pieces.append((local[0], local[1], zipfile.ZIP_STORED, info.CRC, len(head), head))
    finally:
        if zf is not None:
            zf.close()
    return pieces if plain else None


_PROLOG_CHUNK = 512  # bytes inflated at a time while looking for a part's root element
_PROLOG_MAX = 16384  # a prolog not over by then is checked whole
_SPACE = frozenset(b" \t\r\n")
_NAME_START = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_:") | frozenset(range(0x80, 0x100))


def _plain_prolog(raw: bytes) -> bool:
    """Does the deflated part reach its root element's start tag through nothing but an XML declaration,
    processing instructions, comments and white space (in an ASCII-compatible encoding)? Then it declares no
    DTD and no entity (XML 1.0 §2.8: a document type declaration stands before the root element). ``False``
    for anything else (a DTD, UTF-16, text, a prolog longer than ``_PROLOG_MAX``, bad deflate data): the
    caller checks the part whole."""
    inflate = zlib.decompressobj(-15)
    try:
        text = inflate.decompress(raw, _PROLOG_CHUNK)
    except zlib.error:
        return False
    at = 3 if text.startswith(b"\xef\xbb\xbf") else 0
    while True:
        n = len(text)
        while at < n and text[at] in _SPACE:
            at += 1
        if at < n:
            if text[at] != 0x3C:  # "<"
                return False  # text, UTF-16, …
            if at + 4 <= n:
                nxt = text[at + 1]
                if nxt in _NAME_START:
                    return True  # the root element's start tag
                if nxt == 0x3F:  # "<?": a processing instruction (or the XML declaration)
                    end = text.find(b"?>", at + 2)
                    if end >= 0:
                        at = end + 2
                        continue
                elif text.startswith(b"<!--", at):
                    end = text.find(b"-->", at + 4)
                    if end >= 0:
                        at = end + 3
                        continue
                else:
                    return False  # "<!DOCTYPE" or anything else
        # the prolog goes on past what is inflated: more of it
        if n >= _PROLOG_MAX or inflate.eof:
            return False
        try:
            more = inflate.decompress(inflate.unconsumed_tail, _PROLOG_CHUNK)
        except zlib.error:
            return False
        if not more:  # the data ends short of the stream's end
            return False
        text += more


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
_PLAIN_FLAGS = 0x08 | 0x800  # a data descriptor, UTF-8 names: nothing that changes how the bytes are read
_Local = tuple[bytes, int, int, bytes]  # the name as in the local header, flags, method, the data as stored


def _local(data: bytes, info: zipfile.ZipInfo) -> _Local | None:
    """A stored or deflated member's local header and data, read straight from ``data``; ``None`` wherever
    anything is not plain (a header that does not match the directory, encryption, another method)."""
    start = info.header_offset
    if info.flag_bits & ~_PLAIN_FLAGS or start < 0 or len(data) < start + 30:
        return None
    sig, _v, _s, flags, method, _t, _d, _crc, _cs, _fs, n, m = _LOCAL_HEADER.unpack_from(data, start)
    if sig != b"PK\x03\x04" or flags & ~_PLAIN_FLAGS or method != info.compress_type:
        return None
    if method != zipfile.ZIP_STORED and method != zipfile.ZIP_DEFLATED:
        return None
    name = data[start + 30 : start + 30 + n]
    try:  # an ASCII name (most) decodes alike in both (cp437's first 128 are ASCII's): by the C-level UTF-8 codec
        if name.decode("utf-8" if flags & 0x800 or name.isascii() else "cp437") != info.orig_filename:
            return None
    except UnicodeDecodeError:
        return None
    begin = start + 30 + n + m
    raw = data[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        return None
    return name, flags, method, raw


def _inflated(local: _Local, info: zipfile.ZipInfo) -> bytes | None:
    """The member's contents from its data as stored; ``None`` where a size or the CRC does not check."""
    method, raw = local[2], local[3]
    if method == zipfile.ZIP_STORED:
        out = raw
    else:
        inflate = zlib.decompressobj(-15)
        try:
            out = inflate.decompress(raw, info.file_size + 1)
        except zlib.error:
            return None
        if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail:
            return None
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        return None
    return out


def _member(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A stored or deflated member's bytes, read straight from ``data`` (zipfile's ``read`` costs several times
    the decompression on the small parts of an OOXML package); ``None`` wherever anything is not plain (a
    header that does not match the directory, encryption, another method, a size or CRC that does not check):
    the caller then reads it with zipfile, which says what is wrong."""
    local = _local(data, info)
    return None if local is None else _inflated(local, info)
