"""Table 三 in pdfminer's nested boxes with a band's first columns printed after its other columns (issue 8, parser
version 275): pdfminer groups the boxes of the columns beside the row labels (自然人, and 商业企业 with it where the
columns are narrow) with each other before the band's other groups; that taller group sorts after them. Where no
other order of ``parsers.tables.column_blocks`` gives a table on which every identity holds, that order is tried
(``left_last``): cells every kept table agrees on are read, the rest left blank (``placement_open``)."""

from __future__ import annotations

from tests.snippet_reports import snippet_report, three_against_draw

NAME = "synth-7623-pdfminer-table3.txt"


def test_table_three_band_with_its_first_columns_last_read_where_the_identities_agree() -> None:
    # tuning seed 7623 (/tmp/q56/tune, pdf-pdfminer): rows 15-20 print 科研机构 … 总计 column after column, then
    # 自然人 and 商业企业; before (version 274) no order of pdfminer's held every identity: 175 cells blank
    report, keys, got, warnings = three_against_draw(NAME, 7623)
    assert len(keys) == 175
    right = [k for k in keys if got[k] is not None]
    assert len(right) >= 140
    assert "left_last" in warnings["column_blocks"]
    blank = [k for k in keys if got[k] is None]
    assert all(k in warnings["placement_open"] for k in blank)  # each blank named
    assert report.metadata["review"] == "required"  # the text prints its tables column by column


def test_left_last_pass_reads_as_a_fresh_pass(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # version 287 (no output change): the left_last pass takes the strict pass's groups whole and reads only from
    # rows its bands reach from the top; its tables and its steps (the budget it spends) are a fresh pass's
    import parsers.tables.column_blocks as cb

    passes: list[cb._Nested] = []
    tables = cb._Nested.tables

    def kept(self: cb._Nested) -> list[tuple[int, cb.Rows]]:
        passes.append(self)
        return tables(self)

    monkeypatch.setattr(cb._Nested, "tables", kept)
    snippet_report(NAME)
    left = [p for p in passes if p.left_last]
    assert left and all(p._shared is not None for p in left)
    for p in left:
        fresh = cb._Nested(
            p.nums,
            p.n_rows,
            p.width,
            p.page_starts,
            limit=p.limit,
            heads=p.heads,
            natural_heads=p.natural_heads,
            left_last=True,
        )
        assert tables(fresh) == [(m, grid) for (m, _), grid in p.suffix[0].items()]
        assert fresh.steps == p.steps
