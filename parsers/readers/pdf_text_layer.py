"""Is a PDF page's text layer text? A font embedded without a Unicode map (no ``/ToUnicode``, glyph ids for
codes: some print drivers, some converters) gives PDFium's text page its glyph ids as characters: control
characters, Latin-1 and Latin Extended letters, private-use code points, and CJK at random. Such a page prints
text a person reads, but its text layer is garbage: it is read by OCR, like a page without a text layer.

A Chinese report's text is CJK, ASCII and a few Latin-1 signs (``·×°±§``); pinyin is kept with its tones. On the
seeds and their prints by five programs, no page has a single glyph counted here; with the fonts' Unicode maps
removed, every page with text has 34–82 % of them.
"""

from __future__ import annotations

import re

# at least this share of a page's glyphs (spaces aside), and this many, make its text layer garbage
GARBLED_SHARE = 0.2
GARBLED_MIN = 10

_KEPT = set("·×÷°±§²³µ¼½¾àáèéìíòóùúüāēěīōūǎǐǒǔǘǚǜ\u00a0")
_NOT_TEXT = (
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0xA0, 0x300) if chr(c) not in _KEPT]
)
NOT_TEXT = re.compile("[" + "".join(map(re.escape, _NOT_TEXT)) + "\ue000-\uf8ff\ufffd\ufffe\uffff]")
_SPACE = re.compile(r"\s")


def not_text(text: str) -> tuple[int, int]:
    """(glyphs that are not text, glyphs) in a page's text, spaces not counted."""
    return len(NOT_TEXT.findall(text)), len(text) - len(_SPACE.findall(text))


def garbled(bad: int, total: int) -> bool:
    return bad >= GARBLED_MIN and bad >= GARBLED_SHARE * total
