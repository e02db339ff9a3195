"""Rows of the document's own table cells never reach the readers of narrow print's pieces.

A grid reader (an HTML ``<table>``, a DOCX table, a sheet) takes each cell whole: no narrow column breaks a number
over lines there, and the lines beside a row are other rows. ``Extracted.grid`` says so, and ``Reading.exact`` /
``exact_cells`` ask it of a row's tokens; the readers of broken numbers' pieces (versions 203–222's among them, which
ran on every row of an XLSX and made it parse 4–9 % slower than at 182) are not asked for such rows. The rendered
seeds (tests/fixtures/rendered) read to gold with each of those readers made to raise; a text kind still reaches
them (tests/test_snippets_review_pieces.py, test_snippets_centred_pieces.py, ...)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parsers import parse
from parsers.detect import detect_kind
from parsers.readers import read
from parsers.tables.read_alike import cells_read_alike
from parsers.tables.reading import Reading
from parsers.tables.tokens import TABBED, TEXT, token

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RENDERED = sorted(p for p in (FIXTURES / "rendered").iterdir() if p.suffix in (".html", ".docx", ".xlsx", ".xls"))

# the readers of narrow print's pieces, where each table's reading calls them
NARROW_READERS = [
    ("parsers.tables.applications", "joined_starts"),
    ("parsers.tables.applications", "centred_row"),
    ("parsers.tables.applications", "pieces_before_next"),
    ("parsers.tables.applications", "pieces_open"),
    ("parsers.tables.applications", "beside_labels"),
    ("parsers.tables.applications", "unjoined_pieces"),
    ("parsers.tables.active", "wrapped_under"),
    ("parsers.tables.review", "centred_review"),
    ("parsers.tables.review", "pieces_below"),
    ("parsers.tables.anchored_rows", "is_block_cells"),
    ("parsers.tables.unread_rows_by_totals", "is_block_cells"),
    ("parsers.tables.rows_cut_from_runs", "is_block_cells"),
]


def _raises(name: str) -> Callable[..., Any]:
    def called(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError(f"{name} asked of a row of exact cells")

    return called


@pytest.mark.parametrize("path", RENDERED, ids=lambda p: p.name)
def test_exact_cells_skip_narrow_print_readers(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    for module, name in NARROW_READERS:
        monkeypatch.setattr(importlib.import_module(module), name, _raises(name))
    gold = json.loads((FIXTURES / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
    report = parse(path.read_bytes(), path.name).as_json()
    assert not [w for w in report["warnings"] if w["code"] == "table_read_error"]
    wrong = {k: (v, report["cells"].get(k)) for k, v in gold["cells"].items() if report["cells"].get(k) != v}
    assert not wrong


def test_grid_readers_say_their_cells_exact() -> None:
    xlsx = FIXTURES / "rendered" / "000_ac91ced63409bf38.xlsx"
    data = xlsx.read_bytes()
    extracted = read(data, detect_kind(data, xlsx.name))
    assert extracted.grid
    r = Reading(extracted)
    tabbed = [t for t in r.tokens if t[TABBED] and t[TEXT]]
    assert tabbed and all(r.exact(t) for t in tabbed)
    # the same text as a plain text file (a converter's TAB rows): no reader vouches for its cells
    text = extracted.text.encode("utf-8")
    plain = read(text, detect_kind(text, "report.txt"))
    assert not plain.grid
    rp = Reading(plain)
    assert not any(rp.exact(t) for t in rp.tokens)


def test_cells_read_alike() -> None:
    # 6010's shape (review_pieces): two placements of the pieces, the cells they read alike kept, the first's tokens
    a = [token(x, i, i + len(x), 0, i, False) for i, x in enumerate(["11", "0", "1", "3"])]
    b = [a[0], a[1], token("10", 2, 4, 0, 2, False), a[3]]
    assert cells_read_alike([a, b], 4) == [a[0], a[1], None, a[3]]
    assert cells_read_alike([a], 4) == a
