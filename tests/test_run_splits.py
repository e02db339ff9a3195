"""Table 二's glued runs cut by their columns' number shapes (``parsers.tables.run_splits``)."""

from __future__ import annotations

from parsers.tables.run_splits import count_and_amount, split_marked, split_run
from parsers.tables.wrong_total_runs import every_split


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


def test_a_dash_is_a_cell_of_its_own() -> None:
    cols = ["issued", "repealed", "in_force"]
    assert split_marked("0—1", cols) == [("0", "—", "1")]
    assert split_marked("01—", cols) == [("0", "1", "—")]
    assert split_marked("12—34", cols) == [("12", "—", "34")]
    assert split_marked("0——1", cols) == [("0", "——", "1")]  # two dashes for one cell: the only fit
    assert split_marked("12—3", [*cols, "x"]) == [("1", "2", "—", "3")]
    assert split_marked("123—", cols) == [("1", "23", "—"), ("12", "3", "—")]  # more than one: the caller blanks
    assert split_marked("0—1—2", cols) == []  # more cells than columns
    assert split_marked("0—1a", cols) == []


def test_count_and_amount_apart_by_their_unit_or_separator() -> None:
    assert count_and_amount("1项/29万元") == ((0, 1), (3, 5))
    assert count_and_amount("2；4693.39") == ((0, 1), (2, 9))
    assert count_and_amount("32万元") is None  # no separator: a run (3 2, or 32 alone)
    assert count_and_amount("1.5；3") is None  # a count has no decimals


def test_every_split_of_a_run_none_but_zero_starting_with_zero() -> None:
    assert every_split("1010", 3) == [(1, 0, 10), (10, 1, 0)]
    assert every_split("12", 3) is None  # fewer digits than cells
    assert every_split("1" * 40, 7) is None  # too many cuts to try: the run is left as it is
