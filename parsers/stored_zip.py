"""A zip written from members already at hand: the XLSX package handed to calamine with the parts the package
check inflated stored uncompressed, so that they are inflated once (``parsers.readers.package_check.check_workbook``).

Each member keeps its name (the bytes of its local header, and the UTF-8 flag), its CRC and its contents; it is
either stored (``body`` is the contents) or copied as it was compressed (``body`` is the compressed bytes and
``file_size`` the size it inflates to). No data descriptors, extra fields, comments or dates (1980-01-01).
"""

from __future__ import annotations

import struct

_LOCAL = struct.Struct("<4s5H3L2H")  # signature, version, flags, method, time, date, CRC, sizes, name, extra
_CENTRAL = struct.Struct("<4s6H3L5H2L")  # + version made by; comment, disk, attributes, local header offset
_END = struct.Struct("<4s4H2LH")
_DATE = 0x21  # 1980-01-01
_UTF8 = 0x800

# (name as in the local header, flags, method, CRC, size inflated, body as written)
Piece = tuple[bytes, int, int, int, int, bytes]


def stored_zip(pieces: list[Piece]) -> bytes | None:
    """The zip of ``pieces`` in their order, or ``None`` where it would need zip64 (a size or offset past 4 GB,
    or more than 65,535 members)."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, flags, method, crc, file_size, body in pieces:
        flags &= _UTF8
        size = len(body)
        if offset + size + 30 + len(name) > 0xFFFFFFFF or file_size > 0xFFFFFFFF:
            return None
        head = (flags, method, 0, _DATE, crc, size, file_size, len(name), 0)
        out += (_LOCAL.pack(b"PK\x03\x04", 20, *head), name, body)
        central += (_CENTRAL.pack(b"PK\x01\x02", 20, 20, *head, 0, 0, 0, 0, offset), name)
        offset += 30 + len(name) + size
    if len(pieces) > 0xFFFF:
        return None
    directory = b"".join(central)
    if offset + len(directory) > 0xFFFFFFFF:
        return None
    out += (directory, _END.pack(b"PK\x05\x06", 0, 0, len(pieces), len(pieces), len(directory), offset, 0))
    return b"".join(out)
