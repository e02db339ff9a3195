"""A distributed run's ``portal_runs`` (storage.portalstate.compose_portal_runs): the workers' shares added up,
the reports as the writer stored them, the errors as recorded, and the portal's status from all of them."""

from __future__ import annotations

from pathlib import Path

from storage.ingest import apply, portal_run_op
from storage.store import Store


def share(store: Store, run: int, portal: str, finished: bool, requests: int, lists: int) -> dict[str, object]:
    op = portal_run_op(
        run,
        portal,
        finished=finished,
        reason="finished" if finished else "shutdown",
        figures={"requests": requests, "list_pages": lists, "new_reports": 99},  # a worker's count is ignored
        columns=[f"http://{portal}/col/"],
    )
    apply(store, op)
    return op


def test_shares_add_up_and_the_status_follows_what_was_read(tmp_path: Path) -> None:
    from storage.portalstate import compose_portal_runs, count_portal_report

    store = Store(tmp_path / "db.sqlite")
    run = store.start_run("live", ["a", "b", "c", "d", "e"])
    again = share(store, run, "a", True, 7, 1)
    share(store, run, "a", False, 3, 0)
    apply(store, again)  # the writer applied it twice (killed before acknowledging): counted once
    for _ in range(4):
        count_portal_report(store.db, run, "a", "new")
    count_portal_report(store.db, run, "a", "unchanged")
    store.record_error(run_id=run, portal="a", url="http://a/x", code="http_404", reason="gone")
    share(store, run, "b", False, 2, 1)  # no worker finished
    share(store, run, "c", True, 1, 0)  # finished, no list read, nothing stored
    share(store, run, "d", True, 1, 0)  # the worker that read the list was killed: its reports are stored
    count_portal_report(store.db, run, "d", "new")
    with store.db.atomic():
        compose_portal_runs(store.db, run, ["a", "b", "c", "d", "e"])
    rows = {
        r[0]: r[1:]
        for r in store.db.execute(
            "SELECT portal, status, requests, list_pages, new_reports, unchanged_reports, errors, columns, note"
            " FROM portal_runs WHERE run_id = ?",
            [run],
        ).fetchall()
    }
    assert rows["a"][:7] == ("ok", 10, 1, 4, 1, 1, '["http://a/col/"]')
    assert rows["a"][7] == "a worker's crawl did not finish (shutdown)"
    assert rows["b"][0] == "failed" and rows["b"][7].startswith("no worker finished its crawl")
    assert rows["c"][0] == "failed" and rows["c"][7].startswith("no list page was read")
    assert rows["d"][0] == "ok" and rows["d"][7].startswith("no list page counted")
    assert rows["e"][0] == "failed" and rows["e"][7] == "no worker told of its crawl of the portal"


def test_a_worker_telling_as_it_goes_replaces_its_last_telling_and_the_final_one_stays(tmp_path: Path) -> None:
    from crawler.portalruns import part_id
    from crawler.shares import UNFINISHED
    from storage.portalstate import compose_portal_runs

    store = Store(tmp_path / "db.sqlite")
    run = store.start_run("live", ["a", "b"])

    def tell(worker: str, portal: str, requests: int, *, final: bool) -> dict[str, object]:
        op = portal_run_op(
            run,
            portal,
            finished=final,
            reason="finished" if final else UNFINISHED,
            figures={"requests": requests, "list_pages": 1},
            columns=[],
            part=part_id(worker, run, portal),
            final=final,
        )
        apply(store, op)
        return op

    tell("w1", "a", 3, final=False)
    tell("w1", "a", 8, final=False)  # replaces the telling before: 8 requests so far, not 11
    last = tell("w1", "a", 12, final=True)
    tell("w1", "a", 9, final=False)  # a telling applied late (or again) never replaces the final one
    apply(store, last)  # the final one applied again: counted once
    tell("w2", "a", 5, final=False)  # w2 was killed after telling 5 requests
    tell("w2", "b", 2, final=False)  # …and b's only worker was w2
    with store.db.atomic():
        compose_portal_runs(store.db, run, ["a", "b"])
    rows = dict(
        ((p, (s, r, n)) for p, s, r, n in store.db.execute(
            "SELECT portal, status, requests, note FROM portal_runs WHERE run_id = ?", [run]
        ).fetchall())
    )  # fmt: skip
    assert rows["a"] == ("ok", 17, f"a worker's crawl did not finish ({UNFINISHED})")
    assert rows["b"][:2] == ("failed", 2) and rows["b"][2].startswith("no worker finished its crawl")


def test_a_database_made_before_the_tellings_gets_their_column(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as con:
        con.execute(
            "CREATE TABLE portal_run_parts (id TEXT PRIMARY KEY, run_id INTEGER NOT NULL, portal TEXT NOT NULL,"
            " finished INTEGER NOT NULL, reason TEXT, figures TEXT NOT NULL, columns TEXT NOT NULL)"
        )
        con.execute("INSERT INTO portal_run_parts VALUES ('x', 1, 'a', 1, 'finished', '{}', '[]')")
    with Store(db) as store:
        assert store.db.execute("SELECT final FROM portal_run_parts").fetchall() == [(1,)]
