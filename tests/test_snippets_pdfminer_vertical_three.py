"""Table 三 in pdfminer's text with vertical-text detection (``pdf2txt -V``; issue 8, parser version 335): a group of
rows (their labels and their lines of values together) printed before the table's first row, pdfminer's groups
holding a vertical box printing right to left; the one line of values per row read in the order the labels print
where that holds every identity and the template's order does not (``parsers.tables.label_order``). The snippet is a
whole text of the tuning batch ``/tmp/v61/tune`` (seeds 10620–10639); the gold is the generator's
(``synth_model.draw``)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, three_against_draw

NAME = "synth-10636-pdfminer-vertical.txt"


def test_data_lines_read_in_the_labels_order() -> None:
    # 10636: 第二十条's reasons (（三）'s eight rows, （四）'s three, （五）'s first three) print before 一、本年新收;
    # at 334 their 25 lines were read in the template's order: 12 wrong numbers, four identities failing
    _, keys, got, warnings = three_against_draw(NAME, 10636)
    assert all(got[k] is not None for k in keys)
    assert "rows_by_label_order" in warnings
    assert "withheld.state_secret, withheld.prohibited_by_law" in warnings["rows_by_label_order"]


def test_a_label_not_found_leaves_the_template_order() -> None:
    # the gate: every row's label found in the table's span, each at a label of its own; with one lost the order
    # of the labels says nothing of that row's line, and the reading by order is what it was
    text = (SNIPPETS / NAME).read_text(encoding="utf-8").replace("2．重复申请", "2．")
    report = parse(text.encode("utf-8"), NAME)
    assert not any(w.code == "rows_by_label_order" for w in report.warnings)


def test_bands_a_label_contradicts_leave_the_result_rows_open() -> None:
    # 10632 (version 336): read in bands of rows, every identity holding, but 本机关不掌握相关政府信息's values print
    # right after its label and the bands put them under 属于三类内部事务信息 (and 予以公开's under 属于行政执法案卷): 8
    # wrong numbers at 335. The result rows trade places under every identity: their columns that do not all read
    # alike are left blank, the rest of the table read
    _, keys, got, warnings = three_against_draw("synth-10632-pdfminer-vertical.txt", 10632)
    assert "rows_by_bands" in warnings
    assert "print after unavailable.not_held's label" in warnings["placement_open"]
    assert sum(got[k] is not None for k in keys) == len(keys) - 42


def test_bands_no_label_contradicts_read_whole() -> None:
    # 10639: read in bands (4 and 19 rows), no row's values after another row's label: read whole, as before
    _, keys, got, warnings = three_against_draw("synth-10639-pdfminer-vertical.txt", 10639)
    assert "rows_by_bands" in warnings
    assert all(got[k] is not None for k in keys)
