"""The XLSX package check (``parsers.readers.package_check.check_workbook``) and the stored copy calamine reads.

The parts calamine reads are checked whole (size, CRC, a DTD or entity declaration anywhere) and handed to it
stored; the parts it never opens (``CALAMINE_UNREAD``) only up to their root element. These tests hold each
step of that reasoning to what calamine and the check actually do.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from parsers.extracted import UnreadableDocument
from parsers.readers import package_check, read
from parsers.readers.package_check import CALAMINE_UNREAD, _plain_prolog, check_workbook

SEEDS = sorted((Path(__file__).parent / "fixtures" / "rendered").glob("*.xlsx"))


def _calamine(data: bytes) -> Any:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [(n, wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names]


def _data_at(data: bytes, info: zipfile.ZipInfo) -> int:
    n, m = struct.unpack_from("<2H", data, info.header_offset + 26)
    return int(info.header_offset) + 30 + n + m


def _garbled(data: bytes, name: str) -> bytes:
    """``data`` with ``name``'s compressed bytes overwritten (sizes and CRC left as they were)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    at = _data_at(data, info)
    return data[:at] + b"\xff" * info.compress_size + data[at + info.compress_size :]


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    zf = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: zf.read(i) for i in zf.infolist()}


def test_calamine_never_opens_the_unread_parts() -> None:
    """Garbage in place of a part of ``CALAMINE_UNREAD`` leaves calamine's reading alone; garbage in any other
    part of the seeds is noticed (so the test can fail)."""
    assert len(SEEDS) == 5
    for path in SEEDS:
        data = path.read_bytes()
        plain = _calamine(data)
        for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
            garbled = _garbled(data, info.filename)
            if info.filename.startswith(CALAMINE_UNREAD):
                assert _calamine(garbled) == plain, info.filename
            else:
                with pytest.raises(Exception):  # noqa: B017 - calamine's own errors
                    _calamine(garbled)


def test_calamine_reads_the_stored_copy_as_the_package() -> None:
    for path in SEEDS:
        data = path.read_bytes()
        copy = check_workbook(data)
        assert copy is not data
        original, stored = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(copy))
        assert stored.testzip() is None  # every CRC checks
        assert [i.filename for i in stored.infolist()] == [i.filename for i in original.infolist()]
        for info in stored.infolist():
            assert stored.read(info) == original.read(info.filename)
            unread = info.filename.startswith(CALAMINE_UNREAD)
            assert info.compress_type == (zipfile.ZIP_DEFLATED if unread else zipfile.ZIP_STORED), info.filename
        assert _calamine(copy) == _calamine(data)


def test_calamine_checks_no_crc_so_the_check_does() -> None:
    """calamine reads a part whose CRC is wrong without a word; the check refuses it, naming the part, unless
    calamine never opens it."""
    data = SEEDS[0].read_bytes()
    for name in ("xl/worksheets/sheet1.xml", "xl/theme/theme1.xml"):
        info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
        wrong = data.replace(struct.pack("<L", info.CRC), struct.pack("<L", info.CRC ^ 1))  # local and directory
        with pytest.raises(zipfile.BadZipFile):
            zipfile.ZipFile(io.BytesIO(wrong)).read(name)
        assert _calamine(wrong) == _calamine(data)
        if name.startswith(CALAMINE_UNREAD):
            assert read(wrong, "xlsx").text == read(data, "xlsx").text
        else:
            with pytest.raises(UnreadableDocument) as err:
                read(wrong, "xlsx")
            assert err.value.code == "corrupt" and name in err.value.reason and "CRC" in err.value.reason


SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>a&e;b</t></is></c></row></sheetData></worksheet>'
)
DTD = '<!DOCTYPE worksheet [<!ENTITY e "EXPANDED">]>'


@pytest.mark.parametrize("where", ["prolog", "after the root"])
def test_calamine_expands_no_declared_entity(where: str) -> None:
    """calamine's XML reader, given a DTD declaring an entity (in the prolog or, not well-formed, after the
    root), never puts the entity's text in a cell: the check's refusal is a second line, not the only one."""
    sheet = '<?xml version="1.0"?>' + (DTD + SHEET if where == "prolog" else SHEET + DTD)
    data = _zip({**_parts(SEEDS[2].read_bytes()), "xl/worksheets/sheet1.xml": sheet.encode()})
    try:
        cells = repr(_calamine(data))
    except Exception as exc:  # calamine refusing the reference is as good
        cells = str(exc)
    assert "EXPANDED" not in cells


def test_a_dtd_in_an_unread_parts_prolog_is_refused_and_past_its_root_let_be() -> None:
    parts = _parts(SEEDS[2].read_bytes())
    theme = parts["xl/theme/theme1.xml"]
    end = theme.index(b"?>") + 2
    in_prolog = theme[:end] + b'<!-- a comment --><!DOCTYPE a [<!ENTITY e "x">]>' + theme[end:]
    for declared in (in_prolog, in_prolog.decode().encode("utf-16")):
        with pytest.raises(UnreadableDocument) as err:
            read(_zip({**parts, "xl/theme/theme1.xml": declared}), "xlsx")
        assert err.value.code == "hostile" and "xl/theme/theme1.xml" in err.value.reason
    past_root = _zip({**parts, "xl/theme/theme1.xml": theme + b'<!DOCTYPE a [<!ENTITY e "x">]>'})
    assert read(past_root, "xlsx").text == read(SEEDS[2].read_bytes(), "xlsx").text  # calamine never opens it
    read_part = _zip({**parts, "xl/styles.xml": parts["xl/styles.xml"] + b'<!DOCTYPE a [<!ENTITY e "x">]>'})
    with pytest.raises(UnreadableDocument) as err:
        read(read_part, "xlsx")  # a part calamine reads: searched whole
    assert err.value.code == "hostile" and "xl/styles.xml" in err.value.reason


def test_an_unread_part_that_could_expand_past_the_limit_is_checked_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEEDS[0].read_bytes()
    infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    theme, app = infos["xl/theme/theme1.xml"], infos["docProps/app.xml"]
    limit = (theme.compress_size + app.compress_size) // 2 * package_check.MAX_DEFLATE_RATIO
    assert sum(i.file_size for i in infos.values()) < limit
    monkeypatch.setattr(package_check, "MAX_UNCOMPRESSED", limit)
    stored = {i.filename: i.compress_type for i in zipfile.ZipFile(io.BytesIO(check_workbook(data))).infolist()}
    assert stored["xl/theme/theme1.xml"] == zipfile.ZIP_STORED  # inflated whole, so handed over stored
    assert stored["docProps/app.xml"] == zipfile.ZIP_DEFLATED  # its prolog only


def test_a_package_with_a_member_not_plain_is_read_as_it_is() -> None:
    data = SEEDS[1].read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, body, zipfile.ZIP_BZIP2 if info.filename == "docProps/app.xml" else None)
    other = buf.getvalue()
    assert check_workbook(other) is other
    assert read(other, "xlsx").text == read(data, "xlsx").text


def _deflated(body: bytes) -> bytes:
    pack = zlib.compressobj(9, zlib.DEFLATED, -15)
    return pack.compress(body) + pack.flush()


@pytest.mark.parametrize(
    ("body", "plain"),
    [
        (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a:theme xmlns:a="x"/>', True),
        (b"\xef\xbb\xbf<?xml version='1.0'?><root/>", True),
        (b"<root/>", True),
        (b"  \n<?pi <!DOCTYPE x> ?><!-- <!DOCTYPE x> --><_r/>", True),  # only names it: no declaration
        (b"<?xml version='1.0'?><!--" + b"x" * 5000 + b"--><root/>", True),  # a prolog over several chunks
        (b"<?xml version='1.0'?><!--" + b"x" * 20000 + b"--><root/>", False),  # past _PROLOG_MAX
        (b"<?xml version='1.0'?>" + b" " * 509 + b"<root/>", True),  # "<" at a chunk's end
        (b"<?xml version='1.0'?><!DOCTYPE r><root/>", False),
        (b"<?xml version='1.0'?><!ENTITY e 'x'><root/>", False),
        (b"<?xml version='1.0'?><![CDATA[x]]><root/>", False),
        ("<?xml version='1.0'?><root/>".encode("utf-16"), False),
        (b"text<root/>", False),
        (b"<?xml version='1.0'?></root>", False),
        (b"<?xml version='1.0'?>", False),  # no root at all
        (b"<?xml version='1.0'?><!-- unclosed", False),
    ],
)
def test_the_prolog_scan(body: bytes, plain: bool) -> None:
    assert _plain_prolog(_deflated(body)) is plain


def test_the_prolog_scan_of_bad_deflate_data() -> None:
    good = _deflated(b"<?xml version='1.0'?><!--" + b"x" * 5000 + b"--><root/>")
    assert _plain_prolog(good)
    assert not _plain_prolog(b"\xff" * 40)  # not deflate data
    assert not _plain_prolog(good[:20])  # cut short
