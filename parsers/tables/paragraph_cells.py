"""Text of a PDF printed a table cell a paragraph: poppler's ``pdftotext`` without ``-layout`` or ``-raw``.

Without ``-layout`` (physical layout) or ``-raw`` (content-stream order), poppler's ``TextOutputDev`` groups the
page's words into lines, the lines into blocks and the blocks into flows, orders the blocks by its reading-order
rules (a block above another that it overlaps horizontally comes first; a block wholly left of another comes first
unless a third lies between them across both) and prints each flow followed by a blank line. A ruled table's
cells stand apart (the rules are graphics, not text): a cell is a block, and mostly a flow, of its own, so the
text prints its numbers between blank lines, in the order those rules give the blocks, not the table's: a short
column head that is one line with its neighbour's (``尚未 总`` / ``审结 计``) joins their cells into one block, and
the numbers below come in another order than the columns'. A blank cell prints nothing.

:func:`is_paragraph_cells` recognises such text: a PDF text whose numbers stand, nearly all, in paragraphs of their
own, at least :data:`MIN_PARAGRAPHS` of them. A PDF text: its pages end with a form feed, as every poppler mode prints
them, or (``-nopgbrk``: the same order, no form feeds) its prose prints the page's lines, a sentence broken where the
line ends (:func:`wrapped_prose`), at least :data:`MIN_WRAPPED` times. A DOCX or HTML text prints a paragraph as one
line (docx2txt, mammoth) or indents it (lynx), so its numbers alone between blank lines do not make it one.
A number's paragraph may pad it with no-break spaces: pdfminer prints a LibreOffice PDF's cell ``\xa0 0 \xa0``
(its cells' ``&nbsp;``), a number alone as much (version 130).
"""

from __future__ import annotations

import re
from itertools import pairwise

# a number alone in its paragraph: a blank line before it and after it
_PARAGRAPH_NUMBER = re.compile(r"(?<=\n\n)[ \t\xa0]*[-+]?\d[\d,]*(?:\.\d+)?[ \t\xa0]*\n(?=\n)")
# the same paragraphs, each found as the first newline of the blank line before it, the rest looked ahead to: one
# match a paragraph (the matches of ``_PARAGRAPH_NUMBER`` are whole lines, none inside another), found from a
# literal the regex engine skips to in C, where the lookbehind had it try a match at every character of the text
_PARAGRAPH_NUMBER_AHEAD = re.compile(r"\n(?=\n[ \t\xa0]*[-+]?\d[\d,]*(?:\.\d+)?[ \t\xa0]*\n\n)")
_NUMBER_LINE = re.compile(r"^[ \t\xa0]*[-+]?\d[\d,]*(?:\.\d+)?[ \t\xa0]*$", re.M)
MIN_PARAGRAPHS = 20  # numbers in paragraphs of their own, at least (a table's worth)
MIN_SHARE = 0.8  # … and that share of the lines that print a number alone
WRAPPED_MIN_CHARS = 20  # a line of prose that long at least (a label or a head is shorter)
MIN_WRAPPED = 3  # lines of prose that end where a page's line ends, at least: a PDF's page lines
_SENTENCE_ENDS = "。；：！？"


def wrapped_prose(text: str) -> int:
    """Lines of prose that end where a page's line ends, the sentence going on in the next line: a line of
    :data:`WRAPPED_MIN_CHARS` characters or more, unindented, with a ``，`` or ``。`` in it, that does not end a
    sentence (``。；：！？``) and is followed by a line that prints something."""
    n = 0
    for line, after in pairwise(text.split("\n")):
        if (
            len(line) >= WRAPPED_MIN_CHARS
            and not line[0].isspace()
            and not line[-1].isspace()
            and line[-1] not in _SENTENCE_ENDS
            and ("，" in line or "。" in line)
            and after.strip()
        ):
            n += 1
    return n


def is_paragraph_cells(text: str) -> bool:
    """The text is a PDF's, printed a table cell a paragraph (``pdftotext``'s default mode, with or without
    ``-nopgbrk``)."""
    paragraphs = len(_PARAGRAPH_NUMBER_AHEAD.findall(text))  # len(_PARAGRAPH_NUMBER.findall(text))
    if paragraphs < MIN_PARAGRAPHS or paragraphs < MIN_SHARE * len(_NUMBER_LINE.findall(text)):
        return False
    return "\f" in text or wrapped_prose(text) >= MIN_WRAPPED
