"""Record part of a scan page as the engine is given it, for the test of table rows whose rules the scan lost
(``tests/test_ocr_lost_rules.py``; ``parsers/ocr/lost_rules.py``).

    .venv/bin/python scripts/build_lost_rules.py /tmp/y41/scans2 synth_1918 3
    .venv/bin/python scripts/build_lost_rules.py /tmp/y41/scans2 synth_1918 4   # the whole page (the grid's test)
    .venv/bin/python scripts/build_lost_rules.py /tmp/y41/scans2 synth_1916 2
    .venv/bin/python scripts/build_lost_rules.py /tmp/c52/tune synth_4145 4    # stacked zeros read as one 7
    .venv/bin/python scripts/build_lost_rules.py /tmp/y42/scans2 synth_1916 3   # table 四: heads over values
    .venv/bin/python scripts/build_lost_rules.py /tmp/y42/scans2 synth_1916 0   # the scan reader's whole text

Page 3 of ``synth_1918`` (a fax whose threshold dropped the table's hairline rules, seed 1918 of
``scripts/synth_ocr.py --damage``): table 三's first part, where a grid row holds two to four template rows. The
page of ``<folder>/<stem>.scan.pdf`` is rendered and prepared as the scan reader prepares it (``parsers.ocr.document``:
rendering, preprocessing, the grid, the lone specks), and its largest table's left part (the labels and the first
columns of numbers :data:`COLUMNS` names, to the rule after them) written 1-bit to
``tests/fixtures/synth-ocr/lost-rules/<stem>-p<page>.png``, with ``<stem>.json`` (the report's gold) and
``<stem>-p<page>.rows.json``: the template rows the table prints there, top to bottom (read off the page image
once; for synth_1916's page 2, table 三 under a stamp on a fax, the two rows of one grid row the test reads), and
the gold keys of its columns. Page 4 (table 三's second part, of which the fax kept the top rule and the
columns' rules only) is written whole, for the grid's test (no crop: the grid finds no table there without
``grid._closing``). Page 3 of ``synth_1916`` (a fax under a stamp): table 四, whose rule between its heads and its
values the fax lost (each of its fifteen cells a head over a number), cropped to the table, with the gold keys of
its fifteen values left to right (``lost_rules.split_heads``). Page 0 writes the text the scan reader gives the
tables' readers for the whole scan (``<stem>.txt``: the engine runs on every page), for the tests that read it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from page_fixture_cli import prepared_page, run, save_fixture  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "synth-ocr" / "lost-rules"

# synth_1918 page 3, table 三's first part: the template rows printing numbers, top to bottom (the heads
# 三、本年度办理结果 and （三）不予公开 print none)
ROWS = {
    "synth_1918-p3": [
        "new_received",
        "carried_over",
        "granted",
        "partially_granted",
        "withheld.state_secret",
        "withheld.prohibited_by_law",
        "withheld.three_safeties",
    ],
    # synth_1916 page 2 (a fax under a stamp): table 三, where 予以公开 and 部分公开 share a grid row (123 over 13),
    # the gap between their lines 28 px at 41 px text (a label's wrapped lines 11 px apart)
    "synth_1916-p2": ["granted", "partially_granted"],
    # synth_4145 page 4 (a fax, 300 dpi): table 三's second part, 6.属于四类过程性信息 and 7.属于行政执法案卷 in
    # one grid row (the rule between them lost), each value cell two zeros 345 px apart, read as one ``7``
    "synth_4145-p4": [
        "withheld.third_party_rights",
        "withheld.internal_affairs",
        "withheld.process_info",
        "withheld.enforcement_files",
        "withheld.query_matters",
        "unavailable.not_held",
    ],
}
# pages written whole, and the grid columns of the table the page prints (read off the page image once)
WHOLE = {"synth_1918-p4": 8}
# grid columns kept from the table's left edge: synth_1918's labels' one, 自然人, 商业企业, 科研机构; synth_1916's
# labels' three (a category, an item's number, its text), 自然人, 商业企业, 科研机构
COLUMNS = {"synth_1918-p3": 4, "synth_1916-p2": 6, "synth_4145-p4": 4}
# tables cropped whole, and the gold keys of the values their last row prints, left to right (synth_1916 p3: table 四)
HEADS = {
    "synth_1916-p3": [
        f"review_litigation/{group}/{col}"
        for group in ("review", "litigation_direct", "litigation_after_review")
        for col in ("upheld", "corrected", "other", "pending", "total")
    ]
}
KEYS = {
    "synth_1918-p3": ["natural_person", "commercial", "research"],
    "synth_1916-p2": ["natural_person", "commercial", "research"],
    "synth_4145-p4": ["natural_person", "commercial", "research"],
}


def record(folder: Path, stem: str, page: int) -> Path:
    if page == 0:
        return _text(folder, stem)
    prepared, tables, unit, dpi = prepared_page(folder, stem, page)
    name = f"{stem}-p{page}"
    if name in WHOLE:
        return save_fixture(OUT, name, prepared.binary, {"dpi": dpi, "unit": unit, "columns": WHOLE[name]})
    table = max(tables, key=lambda t: t.n_rows * t.n_cols)
    if name in HEADS:
        x0, y0, x1, y1 = table.box
        crop = prepared.binary[max(0, y0 - unit) : y1 + unit, max(0, x0 - unit) : x1 + unit]
        meta_heads = {"dpi": dpi, "unit": unit, "values": HEADS[name]}
        return save_fixture(OUT, name, crop, meta_heads, folder / f"{stem}.json")
    x0, y0, _, y1 = table.box
    x1 = table.xs[COLUMNS[name]] + unit  # past the rule after the kept columns
    crop = prepared.binary[max(0, y0 - unit) : y1 + unit, max(0, x0 - unit) : x1]
    meta = {"dpi": dpi, "unit": unit, "columns": KEYS[name], "rows": ROWS[name]}
    return save_fixture(OUT, name, crop, meta, folder / f"{stem}.json")


def _text(folder: Path, stem: str) -> Path:
    import pypdfium2

    from parsers.readers.ocr import extracted_from, read_pdf_pages

    data = (folder / f"{stem}.scan.pdf").read_bytes()
    n = len(pypdfium2.PdfDocument(data))
    text = extracted_from(read_pdf_pages(data, list(range(n))), "pdf", n).text
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{stem}.txt").write_text(text, encoding="utf-8")
    return OUT / f"{stem}.txt"


def main(argv: list[str] | None = None) -> int:
    return run(record, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
