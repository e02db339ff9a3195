"""``nianbao portals``: the registry with each portal's last harvest, from what the store recorded.

The store is filled through its own API (:mod:`storage.portalstate`) as a crawl fills it: two runs, a portal
that succeeded then failed, a column that moved and was found again, one that moved and was not, a portal
crawled that the registry does not hold. Then the command's table and JSON are checked field by field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.registry import load
from nianbao.cli import main
from storage.portalstate import record_column, record_portal_run
from storage.store import Store

FIGURES = {"requests": 12, "list_pages": 3, "new_reports": 2, "changed_reports": 0, "unchanged_reports": 1,
           "errors": 1, "browser_pages": 0, "browser_ms": 0}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nb.db"
    with Store(path) as store:
        one = store.start_run("live", ["nmg", "etkqq", "qsq"])
        record_portal_run(store.db, one, "nmg", status="ok", figures=FIGURES, columns=["https://www.nmg.gov.cn/a/"])
        record_portal_run(store.db, one, "etkqq", status="ok", figures={**FIGURES, "errors": 0})
        record_column(store.db, "etkqq", "https://www.etkqq.gov.cn/old/", status="moved", source="registry",
                      run_id=one, reason="the column answers HTTP 404")  # fmt: skip
        record_column(store.db, "etkqq", "https://www.etkqq.gov.cn/zwgk/zfxxgknb/", status="found",
                      source="discovered", run_id=one, found_on="https://www.etkqq.gov.cn/zwgk/",
                      link_text="政府信息公开年报", replaces="https://www.etkqq.gov.cn/old/")  # fmt: skip
        record_column(store.db, "qsq", "https://www.qsq.gov.cn/nb/", status="moved", source="registry",
                      run_id=one, reason="the column lists no report")  # fmt: skip
        store.finish_run(one)
        two = store.start_run("live", ["nmg", "example.org"])
        failed = {**FIGURES, "list_pages": 0, "new_reports": 0, "unchanged_reports": 0, "errors": 4}
        note = "no list page was read (see the portal's errors)"
        record_portal_run(store.db, two, "nmg", status="failed", figures=failed, note=note)
        record_portal_run(store.db, two, "example.org", status="ok", figures={**FIGURES, "browser_pages": 2})
        store.finish_run(two)
    return path


def portals(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["portals", *args]) == 0
    return capsys.readouterr().out


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in json.loads(portals(capsys, *args, "--json"))}


def test_every_registry_portal_is_listed_with_its_last_harvest(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_json(capsys, "--db", str(db))
    assert set(load().ids()) <= set(rows) and len(rows) == len(load()) + 1
    nmg = rows["nmg"]  # its last harvest failed; its last success was the run before
    assert (nmg["last_run"], nmg["status"], nmg["found"], nmg["errors"]) == (2, "failed", 0, 4)
    assert nmg["last_success_run"] == 1 and nmg["last_success"] <= nmg["last_harvest"]
    assert nmg["note"] == "no list page was read (see the portal's errors)"
    etkqq = rows["etkqq"]
    assert (etkqq["last_run"], etkqq["status"], etkqq["found"], etkqq["errors"]) == (1, "ok", 3, 0)
    assert etkqq["column"] == "moved → found again"
    assert rows["qsq"]["column"] == "moved" and rows["qsq"]["last_harvest"] is None
    assert rows["huhhot"]["last_harvest"] is None and rows["huhhot"]["columns"] == 0  # never; discovery
    other = rows["example.org"]
    assert (other["in_registry"], other["status"], other["browser_pages"]) == (False, "ok", 2)


def test_the_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = portals(capsys, "--db", str(db))
    first = out.splitlines()[0]
    assert first.startswith(f"Registry: {len(load())} portals (1 自治区, 12 盟市,")
    assert "2 harvested" in first and "1 failed last time" in first and "2 column(s) moved" in first
    assert "1 harvested portal(s) not in the registry" in first
    assert "etkqq: column moved: https://www.etkqq.gov.cn/old/ (the column answers HTTP 404)" in out
    assert "etkqq: found again at https://www.etkqq.gov.cn/zwgk/zfxxgknb/ ('政府信息公开年报'" in out
    assert "qsq: column moved: https://www.qsq.gov.cn/nb/ (the column lists no report)" in out
    [huhhot] = [line for line in out.splitlines() if line.split()[:1] == ["huhhot"]]
    assert "discover" in huhhot and "never" in huhhot


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--moved"], {"etkqq", "qsq"}),
        (["--failed"], {"nmg"}),
        (["--level", "自治区"], {"nmg"}),
    ],
)
def test_filters(db: Path, capsys: pytest.CaptureFixture[str], args: list[str], ids: set[str]) -> None:
    assert set(as_json(capsys, "--db", str(db), *args)) == ids


def test_never_harvested_and_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portals", "--db", str(tmp_path / "none.db"), "--never", "--json"]) == 0
    out, err = capsys.readouterr()
    assert {r["id"] for r in json.loads(out)} == set(load().ids())
    assert "no database" in err
