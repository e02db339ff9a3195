"""Coverage (publishers × years, missing and late reports) and the cross-year identity, on real seeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from seed_store import build_multi_year_store

from nianbao import exitcodes
from nianbao.cli import main
from nianbao.coverage import VIEWS, build_coverage, deadline, ensure_views, format_coverage, query_view
from storage.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with build_multi_year_store(tmp_path / "nianbao.db") as s:
        yield s


def test_deadlines_follow_the_regulation_in_force() -> None:
    assert deadline(2018) == "2019-03-31"  # 条例 (2008) 第三十一条
    assert deadline(2019) == "2020-01-31"  # 条例 (2019) 第五十条
    assert deadline(2022) == "2023-01-31"


def test_matrix_shows_present_missing_late_and_undated(store: Store) -> None:
    cov = build_coverage(store.db)
    assert cov.years == [2018, 2019, 2020, 2021, 2022]
    status = {p: {y: c["status"] for y, c in by_year.items()} for p, by_year in cov.matrix.items()}
    assert status == {
        "内蒙古自治区": {2018: "undated", 2019: "missing", 2020: "missing", 2021: "undated", 2022: "on time"},
        "通辽市": {2018: "missing", 2019: "missing", 2020: "on time", 2021: "late", 2022: "on time"},
        "鄂托克前旗": {2018: "missing", 2019: "missing", 2020: "missing", 2021: "missing", 2022: "undated"},
        "青山区": {2018: "missing", 2019: "missing", 2020: "missing", 2021: "missing", 2022: "late"},
    }
    assert cov.counts() == {"on time": 3, "late": 2, "undated": 3, "missing": 12}
    assert cov.matrix["通辽市"][2021]["days_late"] == 36  # 2022-03-08 after 2022-01-31
    assert cov.matrix["通辽市"][2022]["days_late"] is None  # published on the deadline itself
    assert [(r["publisher"], r["year"], r["days_late"]) for r in cov.late] == [
        ("通辽市", 2021, 36),
        ("青山区", 2022, 8),
    ]


def test_cross_year_identity_pairs_each_column(store: Store) -> None:
    cov = build_coverage(store.db)
    assert cov.identity_counts() == {"pairs": 21, "passed": 14, "failed": 7, "blank": 0}
    failures = [r for r in cov.identity if r["passed"] == 0]
    assert {(r["publisher"], r["year"], r["next_year"]) for r in failures} == {("内蒙古自治区", 2021, 2022)}
    total = next(r for r in failures if r["col"] == "total")
    assert (total["carried_forward"], total["next_carried_over"], total["difference"]) == (242, 125, -117)


def test_year_range_filters(store: Store) -> None:
    cov = build_coverage(store.db, 2021, 2022)
    assert cov.years == [2021, 2022]
    assert [r["year"] for r in cov.late] == [2021, 2022]
    assert cov.identity_counts()["pairs"] == 14  # 2021→2022 only


def test_text_report(store: Store) -> None:
    text = format_coverage(build_coverage(store.db))
    assert "4 publisher(s) × 5 year(s): 3 on time, 2 late, 3 undated, 12 missing" in text
    line = next(line for line in text.splitlines() if line.strip().startswith("通辽市"))
    assert line.split()[1:] == ["—", "—", "✓", "+36d", "✓"]
    assert "Late reports (2)" in text
    assert "21 checked, 14 hold, 7 fail, 0 blank" in text and "2021→2022" in text


def test_views_are_the_same_queries(store: Store) -> None:
    ensure_views(store.db)
    ensure_views(store.db)  # replaces, never duplicates
    for name in VIEWS:
        via_view = [dict(r) for r in store.db.query(f"SELECT * FROM {name}")]
        assert via_view == query_view(store.db, name), name
    failing = [dict(r) for r in store.db.query("SELECT * FROM failing_identities")]
    expected = store.db.execute(
        "SELECT count(*) FROM checks WHERE passed = 0 AND name NOT LIKE 'narrative_vs_table/%'"
    ).fetchone()[0]
    assert len(failing) == expected


def test_cli_coverage(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.db_path)
    assert main(["coverage", "--db", db]) == exitcodes.OK
    assert "Coverage: 4 publisher(s)" in capsys.readouterr().out
    assert main(["coverage", "--db", db, "--json", "--from", "2020"]) == exitcodes.OK
    data = json.loads(capsys.readouterr().out)
    assert data["years"] == [2020, 2021, 2022]
    assert data["matrix"]["通辽市"]["2021"]["status"] == "late"
    assert data["cross_year_identity"]["failed"] == 7 and len(data["cross_year_identity"]["failures"]) == 7
    assert main(["coverage", "--db", db + ".missing"]) == exitcodes.USAGE


def test_empty_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(tmp_path / "empty.db").close()
    assert main(["coverage", "--db", str(tmp_path / "empty.db")]) == exitcodes.OK
    assert "nothing to cover" in capsys.readouterr().out
