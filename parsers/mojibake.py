"""Runs of UTF-16 text that catdoc printed as 8-bit characters, read back as the text they were.

catdoc 0.95 (Debian's ``catdoc``; ``src/reader.c``, ``get_word8_char``) reads a Word 97+ document's text 256 bytes
at a time. A block is taken as UTF-16LE only when one of its even bytes is a space, a carriage return or an ASCII
punctuation mark followed by a 0 byte; any other block is read as 8-bit text in the source charset (cp1252 by
default, ``/etc/catdocrc``), one character per byte. A block of Chinese text with no ASCII space or punctuation in
it (a table's labels, digits and cell marks; a stretch of prose with full-width punctuation only) is therefore
printed as the cp1252 characters of its UTF-16 bytes: 本年度报告 (``2C 67 74 5E A6 5E A5 62 4A 54``) comes out as
``,gt^¦^¥bJT``. The options do not help a user: ``-u`` forces the same reader, ``-8`` reads every block as
8-bit, ``-s`` only changes the 8-bit charset.

Bytes are lost in such a block, not only changed: catdoc's paragraph loop (``process_file``) discards the paragraph
read so far at any control byte it does not know, and a 0 byte is one — the high byte of every ASCII character, so
a block's digits (``31 00``) are lost with everything before them on their paragraph; ``02`` is dropped (the low
byte of 。), ``0D``/``0B`` end a paragraph, ``07`` is a cell mark, ``13``–``15`` print as a space, cp1252's five
undefined bytes read as 0. What survives is runs of cp1252 characters, each a run of the document's bytes.

A run is read back (``mojibake_reversed``, a warning naming every run) when its bytes, paired as UTF-16LE, are all
Chinese characters of GB 2312 or full-width punctuation, for exactly one way of pairing them; a run that starts or
ends beside text read right on its line starts or ends at a block boundary, which fixes the pairing. A byte left
over at either end is half of a character whose other half was lost: it is dropped, and runs that no pairing
reads, or several, are left as printed (nothing is guessed where bytes are missing). Only a text with at least one
run holding a character no Chinese report prints (Latin-1 letters, cp1252's ``ˆ‹›``…) is touched, and ASCII runs
only when they hold a mark and stand near such a run (:func:`_near_evidence`).
"""

from __future__ import annotations

import re

# cp1252's printable bytes, as the characters catdoc prints for them: character -> byte
# (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined: catdoc reads them as 0)
_IMAGE: dict[str, int] = {
    bytes([b]).decode("cp1252"): b for b in range(0x20, 0x100) if b != 0x7F and b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

_RUN = re.compile("[" + re.escape("".join(_IMAGE)) + "]+")
# characters a Chinese report prints itself among those: ASCII, and the typographic marks it uses
# (and the no-break space: an HTML page's ``&nbsp;``, a Word document's fixed space, printed by every converter)
_OWN = set("“”‘’…—–·•×°±\xa0")
# full-width punctuation a decoded pair may be
_PUNCT = set("，。、；：？！（）《》「」『』【】〔〕")


# a character of the first kind, to tell quickly that a text may hold such runs
EVIDENT = re.compile("[" + re.escape("".join(c for c in _IMAGE if not c.isascii() and c not in _OWN)) + "]")


def _plausible(ch: str) -> bool:
    if ch in _PUNCT:
        return True
    if not "\u4e00" <= ch <= "\u9fff":
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _evidence(run: str) -> bool:
    """The run holds a character no Chinese report prints on its own."""
    return any(not c.isascii() and c not in _OWN for c in run)


def _readings(data: bytes, skip_last: bool, alone_ok: bool) -> list[str]:
    """The ways (two at most) of reading ``data`` as UTF-16LE Chinese text: pairs of bytes, or (``alone_ok``) a
    ``30`` alone, 。 whose low byte ``02`` catdoc dropped (the one byte it drops without a trace; other characters
    with that low byte are rare); its last byte left over (half a character) when allowed."""
    n = len(data)
    ways: list[list[str]] = [[] for _ in range(n + 1)]  # ways[i]: up to two readings of data[i:]
    ways[n] = [""]
    for i in range(n - 1, -1, -1):
        found: list[str] = [""] if i == n - 1 and skip_last else []
        if i + 1 < n:
            pair = data[i : i + 2].decode("utf-16-le", "replace")
            if _plausible(pair):
                found += [pair + rest for rest in ways[i + 2]]
        if alone_ok and data[i] == 0x30:  # 。 (02 30): catdoc drops 02 and prints 30 as 0
            found += ["。" + rest for rest in ways[i + 1]]
        ways[i] = list(dict.fromkeys(found))[:2]
    return [r for r in ways[0] if r.strip("。")]  # one pair at least


def _read_back(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The run ``text[start:end]`` read back, and the offset of its first decoded byte; None when its bytes read
    as Chinese text in no way or in several."""
    run = text[start:end]
    data = bytes(_IMAGE[c] for c in run)
    if len(data) < 2:
        return None
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    boundary_before = before not in "\n\t " and before not in _IMAGE
    boundary_after = after not in "\n\t " and after not in _IMAGE
    alone_ok = _evidence(run)  # a byte alone only in a run that is 8-bit text beyond doubt
    first = _readings(data, not boundary_after, alone_ok)
    later = [] if boundary_before else _readings(data[1:], not boundary_after, alone_ok)
    readings = [(r, start) for r in first] + [(r, start + 1) for r in later]
    distinct = {r for r, _ in readings}
    return readings[0] if len(distinct) == 1 else None


NEAR_LINES = 4  # an ASCII run is read back only this close (in lines) to a run that is 8-bit beyond doubt


def _near_evidence(
    text: str, found: list[tuple[int, int, str, int, bool]], sure: list[int]
) -> list[tuple[int, int, str, int, bool]]:
    """The runs to read back: those holding a character no report prints itself, and ASCII runs with a mark in
    them (``_3u``; an 8-bit block's high bytes ``5E``–``60`` are ``^_``` and its punctuation bytes ``[\\]``)
    within :data:`NEAR_LINES` lines of one. Letters and digits alone beside Chinese text (``QQ群``, ``APP``) are
    a report's own text, whatever they would pair as."""
    lines = [text.count("\n", 0, start) for start, *_ in found]
    out = []
    for line, run in zip(lines, found, strict=True):
        start, end, *_, evident = run
        if evident or (not text[start:end].isalnum() and any(abs(line - other) <= NEAR_LINES for other in sure)):
            out.append(run)
    return out


_PARAGRAPH = re.compile(r"(?<=\n\n)[^\s]{1,3}(?=\n\n)")
_LONE_HIGH_BYTE = re.compile(r"[^\W\d]{1}(?=[\u4e00-\u9fff])")


def _orphans(text: str, found: list[tuple[int, int, str, int, bool]]) -> list[tuple[int, int, str, int, bool]]:
    """Paragraphs of one to three cp1252 characters no pairing reads, next to a paragraph holding a run read back
    or starting with a lone byte glued to Chinese text (the last byte of an 8-bit block): pieces of the same
    8-bit block. A digit among them is a byte of a character (``30`` of 。), never a number: catdoc discards a
    digit read as 8-bit with the 0 byte after it."""
    touched: set[int] = set()  # the starts of the lines that hold a run read back
    for start, *_ in found:
        touched.add(text.rfind("\n", 0, start) + 1)
    read = {start for start, *_ in found}
    out = []
    for m in _PARAGRAPH.finditer(text):
        if m.start() in read or not all(c in _IMAGE for c in m.group()):
            continue
        before = text.rfind("\n", 0, m.start() - 2) + 1  # the previous paragraph's last line
        after = m.end() + 2  # the next paragraph's first line
        next_line = text[after : text.find("\n", after) if "\n" in text[after:] else len(text)]
        beside = (
            before in touched or after in touched or bool(_LONE_HIGH_BYTE.match(next_line) and next_line[:1] in _IMAGE)
        )
        if beside:
            out.append((m.start(), m.end(), "", m.start(), False))
    return out


def reverse_mojibake(text: str) -> tuple[str, list[int], list[int], list[tuple[str, str]]] | None:
    """The text with catdoc's 8-bit runs read back, its anchors ``(text, canon, orig)`` and the warning; None when
    the text shows no such run."""
    runs = [m for m in _RUN.finditer(text) if not m.group().isspace()]
    # a run has evidence when it holds an EVIDENT character (its characters are all _IMAGE's): nothing is read back
    # unless one such run reads back, so those are tried first and the rest (most runs: ASCII) only then
    evident = [EVIDENT.search(m.group()) is not None for m in runs]
    read_evident = {i: _read_back(text, runs[i].start(), runs[i].end()) for i, e in enumerate(evident) if e}
    if all(read is None for read in read_evident.values()):
        return None
    found: list[tuple[int, int, str, int, bool]] = []
    sure: list[int] = []  # the lines of runs that are 8-bit text beyond doubt, read back or not
    for i, m in enumerate(runs):
        if evident[i]:
            sure.append(text.count("\n", 0, m.start()))
        read = read_evident[i] if evident[i] else _read_back(text, m.start(), m.end())
        if read is not None:
            found.append((m.start(), m.end(), read[0], read[1], evident[i]))
    found = _near_evidence(text, found, sure)
    orphans = _orphans(text, found)
    found = sorted(found + orphans)
    parts: list[str] = []
    canon: list[int] = []
    orig: list[int] = []
    at = length = 0
    shown: list[str] = []
    for start, end, decoded, first, _ in found:
        if start > at:
            canon.append(length)
            orig.append(at)
            parts.append(text[at:start])
            length += start - at
        if decoded:
            canon.append(length)
            orig.append(first)
            parts.append(decoded)
            length += len(decoded)
        at = end
        if decoded:
            shown.append(f"{text[start:end]!r} → {decoded!r}")
    if at < len(text):
        canon.append(length)
        orig.append(at)
        parts.append(text[at:])
    message = (
        f"{len(shown)} run(s) of UTF-16 text printed as 8-bit characters (catdoc's reading of a .doc block "
        f"without ASCII punctuation) read back, a half character at a run's end dropped: {'; '.join(shown[:12])}"
        + (f"; … ({len(shown) - 12} more)" if len(shown) > 12 else "")
    )
    if orphans:
        message += (
            f"; {len(orphans)} paragraph(s) of one to three such bytes beside them dropped (no character can be "
            f"read from them, and no digit of a block read as 8-bit survives catdoc as a digit): "
            + ", ".join(repr(text[start:end]) for start, end, *_ in orphans)
        )
    return "".join(parts), canon, orig, [("mojibake_reversed", message)]
