"""Table 四 as OCR and Word print it: its cells read as zero marks or as marks that are no number, its blank cells
as lines of no-break spaces."""

from __future__ import annotations

import re

from parsers.tables.align import Fit
from parsers.tables.blank_rows import (
    whole_rows_blank,
)
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, R, review_totals_hold
from parsers.tables.tokens import (
    COMPACT,
    END,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)

PROSE = re.compile(r"[。；，]")


_MARKS_LINE = re.compile(r"^[ \t]*。[。 \t]*$", re.M)


_ANY_DIGIT = re.compile(r"[0-9０-９]")


_CELLED = ("tab", "markdown", "markdown_html")  # conventions that print every cell as a cell


def zero_marks(r: Reading, label: Token, stop: int) -> tuple[list[Token | None], int] | None:
    """Table 四 printed by OCR as zero marks only (RapidOCR reads a table cell's 0 as ``。`` and returns the
    marks of neighbouring cells as one box, some lost: ``。。。。。。`` / ``。。`` for 15 zeros): lines made of
    ``。`` alone between its heads and section 五, at least :data:`MIN_ZERO_MARKS` of them, and no digit anywhere
    there (a lost cell that is not 0 would leave one). Its cells as 0 (tokens on the marks), and the count of
    marks; None when the text is not so (and in text that prints every cell as a cell)."""
    assert r.canonical is not None
    if r.canonical.convention in _CELLED:
        return None
    end = r.tokens[stop][START] if stop < len(r.tokens) else len(r.text)
    region = r.text[label[END] : end]
    if _ANY_DIGIT.search(region):
        return None
    lines = list(_MARKS_LINE.finditer(region))
    n = sum(m.group().count("。") for m in lines)
    if not lines or not MIN_ZERO_MARKS <= n <= N_REVIEW:
        return None
    at = label[END] + lines[0].start()
    line = r.text.count("\n", 0, at)
    zero = token("0", at, label[END] + lines[-1].end(), line, 0, False)
    return [zero] * N_REVIEW, n


MIN_ZERO_MARKS = 3  # as zeros.MIN_ZEROS: marks printed, at least, to read a row of zeros


def nbsp_cell(text: str, t: Token) -> bool:
    """The blank token stands for a line that prints no-break spaces alone (``tokenizer._nbsp_lines``)."""
    line = text[text.rfind("\n", 0, t[START]) + 1 : t[START]]
    return "\xa0" in line and not line.strip()


# a cell of table 四's TAB row read as no number: a mark of one or two characters that is no word (OCR's 和，, 卫 or
# 0. for a digit under noise; never 合计), and this many of the row's cells read as numbers at least
_UNREAD_MARK = re.compile(r"^(?![\u3400-\u9fff]{2}$).{1,2}$")
# the specks a damaged scan adds around a digit's mark, read as punctuation (synth_4114's ``G，:`` for a 0): not
# counted in the mark's length; a cell of specks alone is a mark too
_SPECKS = re.compile(r"[.,:;'\"`·、。|_~^*-]+")
MARK_MAX = 4  # characters of a cell, specks included, to be a mark at all


def unread_mark(compact: str) -> bool:
    """The cell (its text without spaces, normalised) is a mark that is no number: one or two characters that are no
    word, once the specks a damaged scan prints around a digit are set aside (``G,:`` → ``G``), or specks alone."""
    if len(compact) > MARK_MAX:
        return False
    core = _SPECKS.sub("", compact)
    return not core or bool(_UNREAD_MARK.match(core))


MIN_READ = 10


def review_unreadable(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四's row as one TAB line of exactly its 15 cells, some of them read as a mark that is no number
    (:func:`unread_mark`: a digit the engine lost under noise, with the specks around it): read in place, each such
    cell blank and said (``unreadable_cell``), rather than its values shifted into the cells of the marks."""
    if not vals or len(vals) < MIN_READ or len(vals) >= N_REVIEW or not vals[0][TABBED]:
        return None
    if len({t[LINE] for t in vals}) != 1:
        return None
    cells = r.line_tokens(vals[0][LINE])
    if len(cells) != N_REVIEW:
        return None
    junk = [t for t in cells if t[TEXT] and not t[IS_VALUE]]
    if not junk or not all(unread_mark(t[COMPACT]) for t in junk):
        return None
    for t in junk:
        r.warn("unreadable_cell", f"table 四: cell {t[TEXT]!r} is not a number; read as blank", R, t)
    return Fit([None if t in junk else t for t in cells], "positional", [])


# a line of table 四's column heads, whole or a piece (``结 果 维 持``: pdfminer's vertical text prints them spaced)
_HEAD_PIECE = re.compile(r"[结果维持纠正其他尚未审总计 ]+")


def page_end_empties(r: Reading, vals: list[Token]) -> bool:
    """Table 四 short of a whole number of cells, its last value followed by as many lines of no-break spaces alone,
    a single line break apart, that end the page (a form feed or the text's end after them; only the table's heads
    between, as vertical text prints them), in text printing its numbers each a paragraph: pdfminer's empty lines,
    which its layout puts after every text box of the page (``LTLayoutContainer.analyze``), wherever they stood:
    their place says nothing of where the blank cells are."""
    if not vals or len(vals) >= N_REVIEW or not is_paragraph_cells(r.extracted.text):
        return False
    page = r.text[vals[-1][END] :].split("\f", 1)[0]
    lines = page.rstrip("\n").split("\n")
    if len(lines) < 2 or lines[0].strip():
        return False
    rest = lines[1:]
    while rest and (not rest[0] or _HEAD_PIECE.fullmatch(rest[0])):
        rest = rest[1:]  # the blank line that ends the value's box, and the table's heads (vertical text's order)
    return len(rest) == N_REVIEW - len(vals) and all(line and "\xa0" in line and not line.strip() for line in rest)


def review_in_place(r: Reading, vals: list[Token], printed: list[Token | None], label: Token) -> Fit | None:
    """Table 四 printed a cell a line, its blank cells as lines of no-break spaces (Word's empty cell,
    ``<p>&nbsp;</p>``, as docx2txt, BeautifulSoup or PyMuPDF print it): fewer values than cells, but the values
    and the blank lines make its 15 cells exactly, in order; read in place when the row totals then hold."""
    if not vals or len(vals) >= N_REVIEW or len(printed) != N_REVIEW:
        return None
    if None in printed and printed.index(None) == len(vals) and page_end_empties(r, vals):
        r.warn(
            "blank_cells_not_placed",
            f"table 四: {len(vals)} values, then {N_REVIEW - len(vals)} lines of no-break spaces alone that end the "
            "page (pdfminer prints a page's lines of white space after all its text boxes, wherever they stood): "
            "not read as the last cells; where the blank cells are is left to the identities",
            R,
            label,
        )
        return None
    if not review_totals_hold([None if t is None else number_value(t[TEXT]) for t in printed]) and not (
        whole_rows_blank(printed)
    ):
        return None  # blanks that make whole rows are read in place even where a total fails (its check says so)
    r.warn(
        "blank_cells_in_place",
        f"table 四: {len(vals)} values and {N_REVIEW - len(vals)} blank cells printed as no-break spaces, one a "
        "line: the blanks read where they are printed",
        R,
        label,
    )
    return Fit(printed, "positional", [])
