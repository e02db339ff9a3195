"""An exception inside one table's reader (a bug the text found: an OCR word under a header name once stopped
``named_columns.by_names`` with ``ValueError: could not convert string to float: 'U'`` and two scans read nothing)
leaves that table's cells blank, the other tables read as before, a ``table_read_error`` warning naming the table and
the exception, and the report ``review: required`` (``parsers/tables/guarded.py``). With ``NIANBAO_TABLE_ERRORS=raise``
(set for the tests in ``conftest.py``) the exception is raised, so a test or CI run still stops on such a bug."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import parsers.tables as tables
from parsers.api import parse
from parsers.model import Report

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SEED_2021 = SEEDS / "000_ac91ced63409bf38.txt"  # a 2021-format report: tables 二, 三 and 四, review none
SEED_LEGACY = SEEDS / "002_153f5bf49180240b.txt"  # a legacy (统计指标) report


def _parse(path: Path) -> Report:
    return parse(path.read_bytes(), path.name)


def _raises(*_: Any, **__: Any) -> Any:
    raise ValueError("could not convert string to float: 'U'")


def _values(report: Report, table: str) -> dict[str, Any]:
    return {k: c.value for k, c in report.cells.items() if k.startswith(table + "/")}


@pytest.fixture
def guard_on(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """The guard as in use (not raising); the reader named broken."""
    monkeypatch.delenv("NIANBAO_TABLE_ERRORS", raising=False)

    def broken(reader: str) -> None:
        monkeypatch.setattr(tables, reader, _raises)

    return broken


@pytest.mark.parametrize(
    ("reader", "table", "name"),
    [
        ("read_active", "active", "table 二"),
        ("read_applications", "applications", "table 三"),
        ("read_review", "review_litigation", "table 四"),
    ],
)
def test_a_table_whose_reader_raises_is_blank_and_the_others_are_read(
    guard_on: Callable[[str], None], reader: str, table: str, name: str
) -> None:
    whole = _parse(SEED_2021)
    assert whole.metadata["review"] == "none"
    assert not [w for w in whole.warnings if w.code == "table_read_error"]
    guard_on(reader)
    report = _parse(SEED_2021)
    assert not any(v is not None for v in _values(report, table).values())
    for other in {"active", "applications", "review_litigation"} - {table}:
        assert _values(report, other) == _values(whole, other)
        assert any(v is not None for v in _values(report, other).values())
    (warned,) = [w for w in report.warnings if w.code == "table_read_error"]
    assert name in warned.message and table in warned.message
    assert "ValueError: could not convert string to float: 'U'" in warned.message
    assert "test_table_read_errors.py" in warned.message  # where it was raised
    assert report.metadata["review"] == "required"
    assert any(reason.startswith("table_read_error") for reason in report.metadata["review_reasons"])


def test_the_legacy_table_whose_reader_raises_is_blank(guard_on: Callable[[str], None]) -> None:
    assert any(v is not None for v in _values(_parse(SEED_LEGACY), "legacy").values())
    guard_on("read_legacy")
    report = _parse(SEED_LEGACY)
    assert not any(v is not None for v in _values(report, "legacy").values())
    (warned,) = [w for w in report.warnings if w.code == "table_read_error"]
    assert "the legacy table" in warned.message and "ValueError" in warned.message
    assert report.metadata["review"] == "required"


def test_tests_and_ci_still_see_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_TABLE_ERRORS", "raise")
    monkeypatch.setattr(tables, "read_applications", _raises)
    with pytest.raises(ValueError, match="could not convert string to float"):
        _parse(SEED_2021)


def test_the_scorer_names_a_report_whose_table_reader_raised(
    guard_on: Callable[[str], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import load_script

    synth_score = load_script("synth_score")
    guard_on("read_review")
    result = synth_score.score_one(tmp_path, _gold_for(tmp_path), "txt")
    assert result["error"] is None and "table_read_error" in result["warnings"]
    summary = synth_score.summarise([result])
    assert summary["txt"]["tuning"]["table_errors"] == 1


def _gold_for(folder: Path) -> dict[str, Any]:
    """A scorer's gold entry for the 2021 seed copied into ``folder`` (its cells as the unbroken parse reads them:
    the scorer's counts, not the reading, are under test here)."""
    (folder / "synth_000.txt").write_bytes(SEED_2021.read_bytes())
    cells = {k: c.value for k, c in _parse(SEED_2021).cells.items()}
    return {
        "inputs": {"txt": "synth_000.txt"},
        "cells": cells,
        "synth": {"expect_review": "none", "split": "tuning"},
        "metadata": {"region": None, "year": None, "format": "2021"},
    }
