"""Table 三's labels printed a glyph a line beside their groups' labels and their values (issue 8, parser version
297): markitdown's text of a PDF whose label columns are one glyph wide (pdfminer.six's lines) prints ``3．`` /
``危`` / ``及`` / ``“三`` / ``安 0 0 0 0 0 0 0`` / ``全`` …, the group column's pieces beside the rows' (``不予公 属``).
At 296 thirteen rows of the snippet were not found (77 cells blank): the pieces are now read in order against the
template's labels and each row written on one line with the values of its label's lines
(``parsers/glyph_labels.py``), and only where every piece has its place in one label."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from parsers import parse
from parsers.glyph_labels import NOTE, rejoin_glyph_labels
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-8014-markitdown-pdf-table3.md"
_GLYPH = re.compile(r"(?m)^[\u4e00-\u9fff]$")


def misprint_a_label_glyph(text: str) -> str:
    """The text with the first glyph printed alone on its line after the results' group label (三、…) replaced by
    one no template label holds."""
    m = _GLYPH.search(text, text.rindex("\n三、"))
    assert m is not None
    return text[: m.start()] + "〇" + text[m.end() :]


def _gold() -> dict[str, object]:
    return {k: gold_value(v) for k, v in draw(8014).cells.items() if k.startswith("applications/")}


def test_labels_a_glyph_a_line_are_read_by_the_template_and_warned() -> None:
    # tuning seed 8014 (/tmp/u58/tune, md-markitdown-pdf): every cell of table 三 as the gold, the guess said
    gold = _gold()
    report = snippet_report(NAME)
    got = {k: report.cells[k].value if k in report.cells else None for k in gold}
    assert got == gold
    assert [w for w in report.warnings if w.code == NOTE]
    assert not [w for w in report.warnings if (w.key or "").startswith("applications") and w.code != "merged_row"]


def test_a_glyph_no_label_continues_leaves_the_text_as_printed() -> None:
    # one misprinted glyph: no reading by meaning, the text read as before (rows missing, each said; no wrong number)
    text = misprint_a_label_glyph((SNIPPETS / NAME).read_text(encoding="utf-8"))
    assert rejoin_glyph_labels(text) is None
    report = parse(text.encode(), NAME)
    assert not [w for w in report.warnings if w.code == NOTE]
    gold = _gold()
    assert not [k for k in gold if k in report.cells and report.cells[k].value not in (None, gold[k])]


def test_a_row_short_of_a_value_leaves_the_text_as_printed() -> None:
    # a row whose label's lines hold six values for seven cells: which is missing is not printed, nothing rewritten
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    line = re.compile(r"(?m)^([\u4e00-\u9fff]) (\d+(?: \d+){6})$").search(text)
    assert line is not None
    short = text[: line.start()] + line[1] + " " + line[2].split(" ", 1)[1] + text[line.end() :]
    assert rejoin_glyph_labels(text) is not None
    assert rejoin_glyph_labels(short) is None
