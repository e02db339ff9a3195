"""The package check's direct member reading (``parsers.readers.package_check._member``) against zipfile's own ``read``.

The fast path reads a stored or deflated member straight from the bytes; wherever anything is not plain it
must step aside (``None``) so that zipfile reads the member and raises its own error. Here every member of
zips written by zipfile in each method, with a data descriptor, behind a prefix, and damaged in each field the
fast path relies on, is read both ways.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

import pytest

from parsers.extracted import UnreadableDocument
from parsers.readers.package_check import _member, check_package

PARTS = {
    "[Content_Types].xml": b"<?xml version='1.0'?><Types/>" * 40,
    "xl/workbook.xml": b"<workbook><sheets/></workbook>" * 30,
    "xl/worksheets/sheet1.xml": "<sheetData><row><c t='s'><v>单位：件</v></c></row></sheetData>".encode() * 50,
    "xl/empty.xml": b"",
    "名字/中文.xml": b"<x/>",
}


def _zip(method: int, *, stream: bool = False, prefix: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in PARTS.items():
            if stream:  # written through a stream: sizes and CRC in a data descriptor after the data
                with zf.open(name, "w") as f:
                    f.write(data)
            else:
                zf.writestr(name, data)
    return prefix + buf.getvalue()


def _both(data: bytes) -> list[tuple[object, object]]:
    """Per member: (fast path, zipfile's read or the exception type it raises)."""
    out: list[tuple[object, object]] = []
    zf = zipfile.ZipFile(io.BytesIO(data))
    for info in zf.infolist():
        try:
            slow: object = zf.read(info)
        except Exception as exc:  # the kind of failure is what matters
            slow = type(exc)
        out.append((_member(data, info), slow))
    return out


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("prefix", [b"", b"MZ self-extracting stub" * 10])
def test_plain_members_read_alike(method: int, stream: bool, prefix: bytes) -> None:
    pairs = _both(_zip(method, stream=stream, prefix=prefix))
    assert len(pairs) == len(PARTS)
    for fast, slow in pairs:
        assert isinstance(slow, bytes)
        if method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            assert fast == slow  # read directly
        else:
            assert fast is None  # another method: zipfile reads it


def _damaged(data: bytes, name: str, offset: int, value: bytes) -> bytes:
    """``data`` with ``value`` written at ``offset`` bytes into ``name``'s local header."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    at = info.header_offset + offset
    return data[:at] + value + data[at + len(value) :]


def _data_at(data: bytes, name: str) -> int:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    n, m = struct.unpack_from("<2H", data, info.header_offset + 26)
    return int(info.header_offset) + 30 + n + m


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: _damaged(d, SHEET, 0, b"PK\x05\x06"),  # not a local header
        lambda d: _damaged(d, SHEET, 6, b"\x01\x00"),  # encrypted flag in the local header
        lambda d: _damaged(d, SHEET, 8, b"\x0c\x00"),  # another method in the local header
        lambda d: _damaged(d, SHEET, 30, b"q"),  # the name differs from the directory's
        lambda d: d[: _data_at(d, SHEET) + 40] + b"\xff\xff\xff" + d[_data_at(d, SHEET) + 43 :],  # bad deflate data
    ],
)
def test_damaged_members_step_aside(damage: Callable[[bytes], bytes]) -> None:
    data = damage(_zip(zipfile.ZIP_DEFLATED))
    zf = zipfile.ZipFile(io.BytesIO(data))
    for info in zf.infolist():
        fast = _member(data, info)
        if info.filename == SHEET:
            assert fast is None  # zipfile reads it (and says what is wrong, if anything)
        else:
            assert fast == zf.read(info)


def test_cut_zip_is_corrupt() -> None:
    data = _zip(zipfile.ZIP_DEFLATED)
    with pytest.raises(UnreadableDocument) as err:
        check_package(data[: _data_at(data, SHEET) + 20], required="xl/workbook.xml")
    assert err.value.code == "corrupt"


def test_wrong_crc_steps_aside() -> None:
    data = _zip(zipfile.ZIP_DEFLATED)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET)
    wrong = _damaged(data, SHEET, 14, struct.pack("<L", (info.CRC + 1) & 0xFFFFFFFF))  # the local CRC
    # zipfile checks the directory's CRC: change that one (the last occurrence of the CRC in the file)
    crc = struct.pack("<L", info.CRC)
    at = wrong.rindex(crc)
    wrong = wrong[:at] + struct.pack("<L", (info.CRC + 1) & 0xFFFFFFFF) + wrong[at + 4 :]
    zf = zipfile.ZipFile(io.BytesIO(wrong))
    bad = zf.getinfo(SHEET)
    assert _member(wrong, bad) is None
    with pytest.raises(zipfile.BadZipFile):
        zf.read(bad)
    with pytest.raises(UnreadableDocument) as err:
        check_package(wrong, required="xl/workbook.xml")
    assert err.value.code == "corrupt" and SHEET in err.value.reason


def test_hostile_part_found_through_the_fast_path() -> None:
    for declaration in (b"<!DOCTYPE x [<!ENTITY a 'b'>]>", "<!ENTITY a 'b'>".encode("utf-16-le")):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("xl/workbook.xml", b"<workbook/>")
            zf.writestr("xl/styles.xml", b"<styleSheet>" * 500 + declaration)
        data = buf.getvalue()
        info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/styles.xml")
        start = _data_at(data, "xl/styles.xml")
        assert _member(data, info) == zlib.decompress(data[start : start + info.compress_size], -15)
        with pytest.raises(UnreadableDocument) as err:
            check_package(data, required="xl/workbook.xml")
        assert err.value.code == "hostile"
