"""Text of a PDF printed a table cell a paragraph: poppler's ``pdftotext`` without ``-layout`` or ``-raw``.

Without ``-layout`` (physical layout) or ``-raw`` (content-stream order), poppler's ``TextOutputDev`` groups the
page's words into lines, the lines into blocks and the blocks into flows, orders the blocks by its reading-order
rules (a block above another that it overlaps horizontally comes first; a block wholly left of another comes first
unless a third lies between them across both) and prints each flow followed by a blank line. A ruled table's
cells stand apart (the rules are graphics, not text): a cell is a block, and mostly a flow, of its own, so the
text prints its numbers between blank lines, in the order those rules give the blocks, not the table's: a short
column head that is one line with its neighbour's (``尚未 总`` / ``审结 计``) joins their cells into one block, and
the numbers below come in another order than the columns'. A blank cell prints nothing.

:func:`is_paragraph_cells` recognises such text: a PDF text (its pages end with a form feed, as every poppler mode
prints them) whose numbers stand, nearly all, in paragraphs of their own, at least :data:`MIN_PARAGRAPHS` of them.
"""

from __future__ import annotations

import re

# a number alone in its paragraph: a blank line before it and after it
_PARAGRAPH_NUMBER = re.compile(r"(?<=\n\n)[ \t]*[-+]?\d[\d,]*(?:\.\d+)?[ \t]*\n(?=\n)")
_NUMBER_LINE = re.compile(r"^[ \t]*[-+]?\d[\d,]*(?:\.\d+)?[ \t]*$", re.M)
MIN_PARAGRAPHS = 20  # numbers in paragraphs of their own, at least (a table's worth)
MIN_SHARE = 0.8  # … and that share of the lines that print a number alone


def is_paragraph_cells(text: str) -> bool:
    """The text is a PDF's, printed a table cell a paragraph (``pdftotext``'s default mode)."""
    if "\f" not in text:
        return False
    paragraphs = len(_PARAGRAPH_NUMBER.findall(text))
    if paragraphs < MIN_PARAGRAPHS:
        return False
    return paragraphs >= MIN_SHARE * len(_NUMBER_LINE.findall(text))
