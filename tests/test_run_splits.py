"""Table 二's glued runs cut by their columns' number shapes (``parsers.tables.run_splits``)."""

from __future__ import annotations

from parsers.tables.run_splits import split_run


def test_a_count_has_no_decimals_and_no_sign() -> None:
    assert split_run("74.2", ["items", "amount"]) == [("7", "4.2")]
    assert split_run("01.68", ["items", "amount"]) == [("0", "1.68")]
    assert split_run("134.67", ["items", "amount"]) == [("1", "34.67"), ("13", "4.67")]


def test_only_the_change_column_is_negative() -> None:
    assert split_run("58-2", ["prior_items", "change"]) == [("58", "-2")]
    assert split_run("28-70", ["prior_items", "change", "decisions"]) == [("28", "-7", "0")]
    assert split_run("21-1510", ["prior_items", "change", "decisions"]) == [
        ("21", "-1", "510"),
        ("21", "-15", "10"),
        ("21", "-151", "0"),
    ]
    assert split_run("5-2", ["prior_items", "decisions"]) == []


def test_thousands_commas_keep_their_groups() -> None:
    assert split_run("01,072", ["issued", "in_force"]) == [("0", "1,072")]
    assert split_run("1,0720", ["issued", "in_force"]) == [("1,072", "0")]
