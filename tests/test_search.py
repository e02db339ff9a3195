"""Full-text search over the reports' text: FTS5 trigram finds Chinese where the default tokenizer cannot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from seed_store import build_seed_store, seed_url

from nianbao import exitcodes
from nianbao.cli import main
from nianbao.reparse import parse_document, reparse
from nianbao.search import FTS_TABLE, TEXT_TABLE, ensure_index, has_index, search, snippet, update_index
from parsers.model import Report
from storage.store import Store

TONGLIAO = seed_url("004_779f9be447f66d1d")
QINGSHAN = seed_url("003_b42612b20553a5ab")
MARKER = "独一无二的检索标记"


def parser_adding_a_sentence(data: bytes, url: str) -> Report:
    """A parser change that alters seed 003's text and one of its cells."""
    report = parse_document(data, url)
    if url == QINGSHAN:
        report.text += f"\n{MARKER}\n"
        report.cells["applications/new_received/total"].value = 12345
    return report


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with build_seed_store(tmp_path / "nianbao.db") as s:
        yield s


@pytest.fixture
def indexed(store: Store) -> Store:
    figures = update_index(store, workers=2)
    assert (figures.indexed, figures.from_sections, figures.current) == (5, 0, 0)
    return store


def urls(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.url for h in hits]


def test_the_default_tokenizer_finds_no_chinese_word_but_trigram_does(indexed: Store) -> None:
    db = indexed.db
    db.execute("CREATE VIRTUAL TABLE plain_fts USING fts5(text)")  # unicode61, the default
    db.execute(f"INSERT INTO plain_fts (rowid, text) SELECT rowid, text FROM {TEXT_TABLE}")
    for word in ("政务公开", "信息公开"):  # inside every report, but never a whole "token" between spaces
        assert db.execute("SELECT count(*) FROM plain_fts WHERE plain_fts MATCH ?", [f'"{word}"']).fetchone()[0] == 0
        assert len(search(db, word)) == 5
    tokenizer = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone()[0]
    assert "trigram" in tokenizer and "FTS5" in tokenizer.upper()
    assert urls(search(db, "蒙速办")) == [TONGLIAO]


def test_terms_combine_and_short_terms_fall_back_to_a_scan(indexed: Store) -> None:
    db = indexed.db
    assert len(search(db, "复议")) == 5  # two characters: below the trigram size, matched by LIKE
    assert urls(search(db, "蒙速办 复议")) == [TONGLIAO]
    assert urls(search(db, "蒙速办 青山区")) == []
    assert search(db, "不存在的词语组合") == []
    # punctuation is literal, never an FTS syntax error
    assert QINGSHAN in urls(search(db, "100%")) and search(db, '"引号') == [] and search(db, "a_b") == []


def test_filters_and_snippets(indexed: Store) -> None:
    db = indexed.db
    legacy = search(db, "依申请公开", year=2018)
    assert [h.year for h in legacy] == [2018]
    assert len(search(db, "依申请公开", limit=2)) == 2
    assert search(db, "依申请公开", portal="elsewhere") == []
    hit = search(db, "蒙速办")[0]
    assert "【蒙速办】" in hit.snippet and hit.matches >= 1 and hit.publisher == "通辽市人民政府"
    assert snippet("abcdef", ["cd"], context=1) == "…b【cd】e…"


def test_index_is_incremental_and_reparse_keeps_it_current(indexed: Store) -> None:
    again = update_index(indexed, workers=1)
    assert (again.indexed, again.current) == (0, 5)
    result = reparse(indexed, workers=2, parse_fn=parser_adding_a_sentence)
    assert result.changed == 1
    assert urls(search(indexed.db, MARKER)) == [QINGSHAN]  # no re-index needed
    assert update_index(indexed, workers=1).indexed == 0


def test_missing_raw_document_falls_back_to_stored_sections(store: Store) -> None:
    sha = store.db.execute("SELECT document_sha256 FROM reports WHERE url = ?", [QINGSHAN]).fetchone()[0]
    store.archive.path(sha).unlink()
    figures = update_index(store, workers=1)
    assert (figures.indexed, figures.from_sections) == (5, 1)
    source = store.db.execute(
        f"SELECT t.source FROM {TEXT_TABLE} t JOIN reports r ON r.id = t.report_id WHERE r.url = ?", [QINGSHAN]
    ).fetchone()[0]
    assert source == "sections"
    assert QINGSHAN in urls(search(store.db, "青山区"))


def test_search_without_an_index_finds_nothing(store: Store) -> None:
    assert not has_index(store.db)
    assert search(store.db, "蒙速办") == []
    ensure_index(store.db)
    ensure_index(store.db)  # idempotent
    assert has_index(store.db)


def test_cli_search(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.db_path)
    assert main(["search", "--db", db, "蒙速办", "--json"]) == exitcodes.OK
    captured = capsys.readouterr()
    assert [h["url"] for h in json.loads(captured.out)] == [TONGLIAO]
    assert "5 report(s) indexed" in captured.err
    assert main(["search", "--db", db, "行政复议", "--year", "2022"]) == exitcodes.OK
    out = capsys.readouterr().out
    assert "report(s) contain '行政复议'" in out and "【行政复议】" in out
    assert main(["search", "--db", db, "--index"]) == exitcodes.OK
    assert "0 report(s) indexed, 5 already current" in capsys.readouterr().err
    assert main(["search", "--db", db, "没有这个词"]) == exitcodes.OK
    assert "No report contains" in capsys.readouterr().out
    assert main(["search", "--db", db]) == exitcodes.USAGE
    assert main(["search", "--db", db + ".missing", "x"]) == exitcodes.USAGE
