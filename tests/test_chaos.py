"""One harvest over the chaos bundle (tests/fixtures/chaos/, built by scripts/build_chaos.py): every fault and
hostile input next to good reports. The harvest must finish, store every good report with its gold cells, and
record every bad item with its reason; one test per fault below reads the database and the replay journal
(each request served, with when it was asked and answered).

The harvest runs once, in a subprocess (Twisted's reactor runs once per process), shared by every test.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAOS = ROOT / "tests" / "fixtures" / "chaos"
GOLD = ROOT / "tests" / "fixtures" / "gold"
MANIFEST = json.loads((CHAOS / "manifest.json").read_text(encoding="utf-8"))
NMG = "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/"
REPLAY_BACKOFF = 0.1  # crawler.run.REPLAY_BACKOFF
REDIRECT_MAX_TIMES = 10  # crawler.settings


@dataclass
class Served:
    asked: float
    answered: float
    url: str
    outcome: str


@dataclass
class Chaos:
    root: Path
    done: subprocess.CompletedProcess[str]
    journal: list[Served] = field(default_factory=list)

    @property
    def db(self) -> Path:
        return self.root / "nianbao.db"

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as con:
            return con.execute(sql, params).fetchall()

    def errors(self, code: str) -> dict[str, tuple[str, str, str]]:
        """URL → (portal, reason, evidence) of the errors with this code."""
        return {
            u: (p, r, e)
            for p, u, r, e in self.query("SELECT portal, url, reason, evidence FROM errors WHERE code = ?", code)
        }

    def served(self, url: str) -> list[Served]:
        return sorted((s for s in self.journal if s.url == url), key=lambda s: s.asked)

    def cells(self, url: str) -> dict[str, float | None]:
        return dict(
            self.query("SELECT c.key, c.value FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.url = ?", url)
        )

    def archived(self, url: str) -> bool:
        return bool(self.query("SELECT 1 FROM document_urls WHERE url = ?", url))


@pytest.fixture(scope="module")
def chaos(tmp_path_factory: pytest.TempPathFactory) -> Chaos:
    root = tmp_path_factory.mktemp("chaos")
    journal = root / "journal.tsv"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NIANBAO_REPLAY_JOURNAL": str(journal)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "nianbao.cli",
            "harvest",
            "--db",
            str(root / "nianbao.db"),
            "--replay",
            str(CHAOS),
            *MANIFEST["harvest_args"],
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    served = [
        Served(float(a), float(b), url, outcome)
        for a, b, _, url, outcome in (line.split("\t") for line in journal.read_text().splitlines())
    ]
    return Chaos(root, done, served)


def gold(stem: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def expected_errors(code: str) -> list[dict[str, Any]]:
    return [e for e in MANIFEST["errors"] if e["code"] == code]


# ------------------------------------------------------------------------------------------ the whole run
def test_the_harvest_finishes(chaos: Chaos) -> None:
    assert chaos.done.returncode == 0, chaos.done.stderr[-3000:]
    assert chaos.query("SELECT status FROM runs") == [("finished",)]
    assert chaos.query("SELECT code, url FROM errors WHERE code IN ('cassette_miss', 'internal', 'ignored')") == []
    assert "Errors (run 1) by portal and code" in chaos.done.stdout


REPORTS = MANIFEST["reports"]


@pytest.mark.parametrize("entry", REPORTS, ids=[r["url"].rsplit("/", 1)[-1] for r in REPORTS])
def test_every_good_report_is_stored_once_with_its_gold_cells(chaos: Chaos, entry: dict[str, Any]) -> None:
    urls = entry.get("any_of", [entry["url"]])
    stored = [u for u in urls if chaos.query("SELECT 1 FROM reports WHERE url = ?", u)]
    assert len(stored) == 1, stored
    assert chaos.cells(stored[0]) == gold(entry["seed"] or entry["derived_from"])["cells"]
    assert chaos.query("SELECT portal, source_kind, checks_failed FROM reports WHERE url = ?", stored[0]) == [
        (entry["portal"], entry["kind"], 0)
    ]


def test_nothing_else_is_stored_as_a_report(chaos: Chaos) -> None:
    assert chaos.query("SELECT count(*) FROM reports") == [(len(REPORTS),)]


def test_every_bad_item_is_recorded_with_its_reason(chaos: Chaos) -> None:
    got = chaos.query("SELECT portal, code, url, reason FROM errors")
    assert all(reason for *_, reason in got)
    recorded = {(p, c, u) for p, c, u, _ in got if c != "duplicate"}
    exact = {(e["portal"], e["code"], e["url"]) for e in MANIFEST["errors"] if "url" in e}
    prefixed = [e for e in MANIFEST["errors"] if "url_prefix" in e]
    assert exact <= recorded
    rest = recorded - exact
    assert len(rest) == len(prefixed)
    for e in prefixed:
        assert [u for p, c, u in rest if (p, c) == (e["portal"], e["code"]) and u.startswith(e["url_prefix"])]


# ------------------------------------------------------------------------------------------ HTTP faults
@pytest.mark.parametrize("code", ["http_404", "http_410"])
def test_not_found_and_gone_are_recorded_not_retried(chaos: Chaos, code: str) -> None:
    for e in expected_errors(code):
        assert e["url"] in chaos.errors(code)
        assert len(chaos.served(e["url"])) == 1


def test_server_errors_are_retried_with_backoff_then_recorded(chaos: Chaos) -> None:
    (e,) = expected_errors("http_500")
    attempts = chaos.served(e["url"])
    assert [s.outcome for s in attempts] == ["500"] * 3
    gaps = [b.asked - a.answered for a, b in pairwise(attempts)]
    assert gaps[0] >= REPLAY_BACKOFF * 0.9 and gaps[1] >= 2 * REPLAY_BACKOFF * 0.9  # doubled each time
    assert chaos.errors("http_500")[e["url"]][1] == "the portal answered HTTP 500"


def test_a_503_then_200_is_retried_and_stored(chaos: Chaos) -> None:
    url = next(r["url"] for r in REPORTS if "503" in r.get("note", ""))
    assert [s.outcome for s in chaos.served(url)] == ["503", "200"]
    assert chaos.query("SELECT 1 FROM reports WHERE url = ?", url) == [(1,)]


def test_retry_after_is_honoured(chaos: Chaos) -> None:
    url = next(r["url"] for r in REPORTS if "429" in r.get("note", ""))
    first, second = chaos.served(url)
    assert (first.outcome, second.outcome) == ("429", "200")
    assert second.asked - first.answered >= 0.95  # Retry-After: 1
    assert chaos.query("SELECT 1 FROM reports WHERE url = ?", url) == [(1,)]


def test_a_retry_after_over_the_cap_is_recorded_not_waited_for(chaos: Chaos) -> None:
    (e,) = expected_errors("http_429")
    assert len(chaos.served(e["url"])) == 1
    _, reason, evidence = chaos.errors("http_429")[e["url"]]
    assert "86400 s" in reason and "NIANBAO_RETRY_AFTER_MAX" in reason and evidence == "Retry-After: 86400"


def test_a_timeout_is_retried_then_recorded(chaos: Chaos) -> None:
    (e,) = expected_errors("timeout")
    assert [s.outcome for s in chaos.served(e["url"])] == ["timeout"] * 3
    assert e["url"] in chaos.errors("timeout") and not chaos.archived(e["url"])


def test_a_body_cut_short_is_never_stored(chaos: Chaos) -> None:
    cut = expected_errors("truncated")
    assert len(cut) == 3  # the connection cut (retried), a DOCX and a PDF cut short (not retried)
    for e in cut:
        assert len(chaos.served(e["url"])) == MANIFEST["attempts"][e["url"]]
        assert e["url"] in chaos.errors("truncated")
        assert not chaos.archived(e["url"])
        assert chaos.query("SELECT count(*) FROM documents WHERE first_url = ?", e["url"]) == [(0,)]
    reasons = " ".join(r for _, r, _ in chaos.errors("truncated").values())
    assert "Content-Length" in reasons and "%%EOF" in reasons and "central-directory" in reasons


def test_redirect_loops_are_bounded_and_recorded(chaos: Chaos) -> None:
    loops = chaos.errors("redirect_loop")
    assert set(loops) == {e["url"] for e in expected_errors("redirect_loop")}
    reasons = sorted(r for _, r, _ in loops.values())
    assert reasons[0].startswith(f"more than {REDIRECT_MAX_TIMES} redirects") and "redirect loop" in reasons[1]
    assert all("→" in evidence for _, _, evidence in loops.values())
    hops = [s for s in chaos.journal if "?hop=" in s.url]
    assert len(hops) == REDIRECT_MAX_TIMES  # the chain is cut, not followed forever


def test_redirects_off_the_portal_are_not_followed(chaos: Chaos) -> None:
    refused = chaos.errors("redirect_offsite")
    assert set(refused) == {e["url"] for e in expected_errors("redirect_offsite")}
    assert all(evidence.startswith("HTTP 302, Location: ") for _, _, evidence in refused.values())
    hosts = {urlsplit(s.url).hostname for s in chaos.journal}
    assert not hosts & {"www.baidu.com", "10.12.0.5", "127.0.0.1", "192.168.1.20"}


def test_a_redirect_within_the_portal_is_followed(chaos: Chaos) -> None:
    url = next(r["url"] for r in REPORTS if "301" in r.get("note", ""))
    assert chaos.query("SELECT page_url FROM reports WHERE url = ?", url) == [(url,)]


# ------------------------------------------------------------------------------------------ defences
@pytest.mark.parametrize(
    ("url", "evidence"),
    [
        ("https://www.etkqq.gov.cn/zwgk/zfxxgk/zfxxgknb/index_1.html", ["ruishu: HTTP 412"]),
        ("https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/index_1.html", ["jiasule: HTTP 521", "X-Via-JSL", "__jsluid"]),
        (
            "https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/202201/t20220125_1020001.html",
            ["block_page: HTTP 200", "365GCD"],
        ),
    ],
)
def test_each_defence_is_recorded_as_blocked_with_its_evidence(chaos: Chaos, url: str, evidence: list[str]) -> None:
    _, _, found = chaos.errors("blocked")[url]
    assert all(piece in found for piece in evidence), found
    assert not chaos.archived(url) and not chaos.query("SELECT 1 FROM reports WHERE url = ?", url)


@pytest.mark.parametrize("portal", ["etkqq", "qsq"])
def test_a_block_passes_every_good_report_of_its_portal_is_stored(chaos: Chaos, portal: str) -> None:
    blocked = {u for u, (p, _, _) in chaos.errors("blocked").items() if p == portal}
    assert blocked and not chaos.errors("paused")  # one or two blocked URLs never pause a portal
    for url in blocked:
        tries = chaos.served(url)
        assert len(tries) == 3  # tried again after cool-downs, then recorded with the evidence of each try
        assert chaos.errors("blocked")[url][2].startswith("blocked on each of 3 tries: ")
        # each retry waited for its cool-down (0.1 s, then 0.4 s in replay; tests/test_blocks.py checks that
        # nothing else left for the portal meanwhile)
        for (a, b), cool in zip(pairwise(tries), (0.1, 0.4), strict=True):
            assert b.asked - a.answered >= cool * 0.8
    # every good report of the portal is stored, the one listed after the block too
    expected = {r["url"] for r in REPORTS if r["portal"] == portal}
    assert len(expected) == 2
    assert {u for (u,) in chaos.query("SELECT url FROM reports WHERE portal = ?", portal)} == expected


# ------------------------------------------------------------------------------------------ bad documents
@pytest.mark.parametrize("code", ["corrupt", "encrypted", "no_text", "hostile", "too_large"])
def test_an_unreadable_document_is_recorded_under_the_parsers_code(chaos: Chaos, code: str) -> None:
    for e in expected_errors(code):
        assert e["url"] in chaos.errors(code), chaos.errors(code)
        assert not chaos.query("SELECT 1 FROM reports WHERE url = ?", e["url"])


def test_the_zip_bomb_and_the_oversized_download_are_both_too_large(chaos: Chaos) -> None:
    reasons = sorted(r for _, r, _ in chaos.errors("too_large").values())
    assert any("download cancelled" in r and "max size" in r for r in reasons)  # never downloaded
    assert any("zip expands to" in r for r in reasons)  # downloaded (200 KB), refused by the reader
    cancelled = next(u for u, (_, r, _) in chaos.errors("too_large").items() if "download cancelled" in r)
    assert not chaos.archived(cancelled)


def test_content_not_matching_its_extension_is_read_by_its_content(chaos: Chaos) -> None:
    url = next(r["url"] for r in REPORTS if "kind_mismatch" in r.get("note", ""))
    assert chaos.query(
        "SELECT w.code FROM warnings w JOIN reports r ON r.id = w.report_id"
        " WHERE r.url = ? AND w.code = 'kind_mismatch'",
        url,
    ) == [("kind_mismatch",)]


def test_gbk_pages_with_a_wrong_or_missing_charset_are_read(chaos: Chaos) -> None:
    titles = dict(chaos.query("SELECT url, title FROM reports WHERE url LIKE '%2023_700%' OR url LIKE '%tls_1841%'"))
    assert sorted(titles.values()) == [
        "通辽市2010年政府信息公开工作年度报告",
        "通辽市人民政府办公室2023年政府信息公开工作年度报告",
    ]


def test_an_empty_page_is_recorded_and_asked_again_next_run(chaos: Chaos) -> None:
    (e,) = expected_errors("empty")
    assert e["url"] in chaos.errors("empty") and not chaos.archived(e["url"])


def test_a_page_without_a_report_is_recorded(chaos: Chaos) -> None:
    no_report = chaos.errors("no_report")
    assert {e["url"] for e in expected_errors("no_report")} == set(no_report)


def test_an_infographic_of_the_report_is_never_requested(chaos: Chaos) -> None:
    # nmg's list links 内蒙古自治区2022年政府信息公开工作年度报告（图解）; the bundle holds no page for it, so a
    # request would have failed the replay
    infographic = f"{NMG}202301/t20230131_2218002.html"
    assert not chaos.archived(infographic)
    assert chaos.query("SELECT code FROM errors WHERE url = ?", infographic) == []


# ------------------------------------------------------------------------------------------ hostile links
def test_script_data_file_and_private_links_are_refused(chaos: Chaos) -> None:
    unsafe = chaos.errors("unsafe_link")
    assert set(unsafe) == {e["url"] for e in expected_errors("unsafe_link")}
    schemes = {urlsplit(u).scheme for u in unsafe}
    assert schemes == {"javascript", "data", "file", "http"}
    assert {urlsplit(u).hostname for u in unsafe if u.startswith("http")} == {"10.12.0.5", "127.0.0.1", "192.168.1.20"}
    assert "offsite" in {c for (c,) in chaos.query("SELECT code FROM errors WHERE url LIKE 'https://www.gov.cn/%'")}


def test_hostile_attachment_names_never_become_paths(chaos: Chaos) -> None:
    named = [r["url"] for r in REPORTS if "named" in r.get("note", "")]
    assert len(named) == 2 and all(chaos.query("SELECT 1 FROM reports WHERE url = ?", u) for u in named)
    for path in chaos.root.rglob("*"):
        if path.is_file() and path.parent.parent.name == "raw":
            sha = path.name.split(".")[0]
            assert path.parent.name == sha[:2] and hashlib.sha256(path.read_bytes()).hexdigest() == sha
        elif path.is_file():
            assert path.name.startswith(("nianbao.db", "journal.tsv")), path
    assert not Path("/tmp/nianbao-escape.pdf").exists() and not (ROOT / "tmp").exists()


def test_pagination_traps_are_capped_and_recorded(chaos: Chaos) -> None:
    caps = chaos.errors("page_cap")
    _, reason, evidence = caps[f"{NMG}index.html"]
    assert evidence == "countPage = 100000" and "NIANBAO_MAX_LIST_PAGES" in reason
    lists = [s.url for s in chaos.journal if s.url.startswith(NMG) and "/index" in s.url]
    assert sorted(lists) == [f"{NMG}index.html", f"{NMG}index_1.html", f"{NMG}index_2.html", f"{NMG}index_3.html"]
    chain = [u for u in caps if "bm_" in u]
    assert len(chain) == 1 and "NIANBAO_MAX_DEPTH_PAGES" in caps[chain[0]][1]
    tongliao_lists = [s for s in chaos.journal if "tongliao.gov.cn" in s.url and s.url.endswith("/")]
    assert len(tongliao_lists) == int(MANIFEST["harvest_args"][-1])  # --max-portal-pages, then no more


def test_one_document_under_three_urls_is_stored_once(chaos: Chaos) -> None:
    entry = next(r for r in REPORTS if "any_of" in r)
    stored = [u for u in entry["any_of"] if chaos.query("SELECT 1 FROM reports WHERE url = ?", u)]
    duplicates = chaos.errors("duplicate")
    assert set(duplicates) == set(entry["any_of"]) - set(stored)
    assert all(evidence == stored[0] for _, _, evidence in duplicates.values())
    shas = {
        sha
        for (sha,) in chaos.query("SELECT DISTINCT sha256 FROM document_urls WHERE url IN (?, ?, ?)", *entry["any_of"])
    }
    assert len(shas) == 1
    (sha,) = shas
    assert len([p for p in (chaos.root / "raw" / sha[:2]).iterdir() if p.name.startswith(sha)]) == 1


# ------------------------------------------------------------------------------------------ nianbao errors
def test_nianbao_errors_lists_the_failures_by_portal_and_reason(
    chaos: Chaos, capsys: pytest.CaptureFixture[str]
) -> None:
    from nianbao.cli import main

    assert main(["errors", "--db", str(chaos.db)]) == 0
    out = capsys.readouterr().out
    total = chaos.query("SELECT count(*) FROM errors")[0][0]
    assert out.startswith(f"{total} error(s) (run 1)")
    by_portal: dict[str, int] = defaultdict(int)
    for (portal,) in chaos.query("SELECT portal FROM errors"):
        by_portal[portal] += 1
    for portal, n in by_portal.items():
        assert f"\n{portal}: {n}\n" in out
    for code in ("[blocked]", "[timeout]", "[no_text]", "[redirect_loop]", "[unsafe_link]"):
        assert code in out
    for url in (e.get("url") for e in MANIFEST["errors"]):
        if url:
            assert url in out
    assert main(["errors", "--db", str(chaos.db), "--code", "blocked", "--code", "paused"]) == 0
    only = capsys.readouterr().out
    assert only.startswith("3 error(s) (run 1, code blocked, paused)") and "[timeout]" not in only
