"""The numbers a report's text states, against its tables (parsers/narrative.py).

Snippets of real phrasing in ``tests/fixtures/narrative/``: ``tune.yaml`` (the rules were developed on it) and
``held.yaml`` (written before tuning, measured, then kept as a regression set; README gives both figures).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]
from seed_store import GOLD, SEEDS, build_seed_store, seed_url

from parsers import parse
from parsers.model import Check
from parsers.narrative import CONCEPT_KEYS, KIND, cn_number, narrative_checks, read_statements
from parsers.tables.templates import APPLICANT_COLUMNS

SNIPPETS = Path(__file__).parent / "fixtures" / "narrative"


def load(name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((SNIPPETS / f"{name}.yaml").read_text(encoding="utf-8")))


def read(item: dict[str, Any]) -> tuple[Counter[tuple[str, float]], int]:
    statements, unpinned = read_statements(item["text"], item["year"])
    concepts = CONCEPT_KEYS[item.get("format", "2021")]
    return Counter((s.concept, s.value) for s in statements if s.concept in concepts), len(unpinned)


@pytest.mark.parametrize("name", ["tune", "held"])
def test_snippets_read_exactly_what_they_state(name: str) -> None:
    wrong = []
    for item in load(name):
        got, unpinned = read(item)
        want = Counter((c, v) for c, v in item["expect"])
        if got != want or ("unpinned" in item and unpinned != item["unpinned"]):
            wrong.append((item["text"], dict(got), dict(want), unpinned))
    assert not wrong


@pytest.mark.parametrize(
    ("text", "value"),
    [("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("零", 0), ("三千", 3000), ("一二", None)],
)
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "办理政府信息公开申请500余件。",  # approximate
        "答复率达到98件。",  # nothing names a cell (答复率)
        "收到申请同比增加5件。",  # a difference
        "收到政府信息公开申请占总数的35%。",  # a share
        "2021年共收到政府信息公开申请30件。",  # another year (the report is on 2022)
        "去年共收到政府信息公开申请30件。",
        "全年共办理网民留言1200件，已答复1180件。",  # answers to messages, not to applications
        "部门共收到政府信息公开申请30件。",  # part of the organ
    ],
)
def test_what_is_never_compared(text: str) -> None:
    statements, _ = read_statements(text, 2022)
    assert statements == []


def _cells(**values: float | None) -> dict[str, Any]:
    """A 2021-format table: every applications and review_litigation cell 0, but those given."""
    from parsers.model import Cell, Where

    keys = [
        f"applications/{row}/{col}" for row in ("new_received", "carried_over", "granted") for col in APPLICANT_COLUMNS
    ]
    keys += [f"applications/withheld.{r}/total" for r in ("state_secret", "process_info")]
    keys += [f"review_litigation/{row}/total" for row in ("review", "litigation_direct", "litigation_after_review")]
    out = {k: Cell(k, 0, "0", Where(0, 1)) for k in keys}
    for key, value in values.items():
        k = key.replace("__", "/").replace("_dot_", ".")
        out[k] = Cell(k, value, "" if value is None else str(value), Where(0, 1))
    return out


def test_a_disagreement_is_a_failed_check_with_both_values_and_the_sentence() -> None:
    text = "一、总体情况\n本年度共收到政府信息公开申请14件，予以公开12件。被申请行政复议1件，行政诉讼2起。"
    cells = _cells(
        applications__new_received__total=13,
        applications__granted__total=12,
        review_litigation__review__total=1,
        review_litigation__litigation_direct__total=1,
        review_litigation__litigation_after_review__total=1,
    )
    checks, warnings = narrative_checks(text, "2021", cells, 2022)
    by_name = {c.name: c for c in checks}
    received = by_name["narrative_vs_table/received"]
    assert (received.left, received.right, received.passed) == (14, 13, False)
    assert received.kind == KIND and received.right_keys == ["applications/new_received/total"]
    assert received.sentence == "本年度共收到政府信息公开申请14件，予以公开12件。"
    assert received.where is not None and text[received.where.offset : received.where.end] == "14件"
    assert by_name["narrative_vs_table/granted"].passed
    assert by_name["narrative_vs_table/review"].passed
    litigation = by_name["narrative_vs_table/litigation"]  # 行政诉讼 is the sum of both lawsuit rows
    assert litigation.passed and litigation.right_keys == [
        "review_litigation/litigation_direct/total",
        "review_litigation/litigation_after_review/total",
    ]
    assert warnings == []


def test_a_sum_of_rows_and_a_blank_cell() -> None:
    cells = _cells(applications__withheld_dot_state_secret__total=1, applications__withheld_dot_process_info__total=2)
    checks, _ = narrative_checks("依申请公开方面，不予公开3件。", "2021", cells, 2022)
    assert [(c.left, c.right, c.passed) for c in checks] == [(3, 3, True)]
    assert checks[0].right_keys == [
        "applications/withheld.process_info/total",
        "applications/withheld.state_secret/total",
    ]

    blank = _cells(applications__new_received__total=None)
    checks, warnings = narrative_checks("本年度共收到政府信息公开申请5件。", "2021", blank, 2022)
    assert checks == []  # blank is not zero: nothing to compare, and said so
    assert [w.code for w in warnings] == ["narrative_blank_cell"]
    assert "applications/new_received/total" in warnings[0].message


def test_a_statement_about_part_of_the_organ_is_a_warning_not_a_check() -> None:
    text = "全市共收到政府信息公开申请300件。其中，市本级收到政府信息公开申请120件。"
    checks, warnings = narrative_checks(text, "2021", _cells(applications__new_received__total=300), 2022)
    assert [(c.left, c.passed) for c in checks] == [(300, True)]
    assert [w.code for w in warnings] == ["narrative_unpinned"]
    assert "市本级收到政府信息公开申请120件" in warnings[0].message


def test_no_table_no_check() -> None:
    assert narrative_checks("本年度共收到政府信息公开申请14件。", "none", {}, 2022) == ([], [])
    assert narrative_checks("本年度共收到政府信息公开申请14件。", "2021", {}, 2022) == ([], [])


def _narrative(stem: str) -> list[Check]:
    path = next(p for p in SEEDS if p.stem == stem)
    return [c for c in parse(path.read_bytes(), path.name).checks if c.kind == KIND]


def test_the_seeds() -> None:
    """The real reports: what their text states, against their tables (values from the gold files)."""
    qingshan = _narrative("003_b42612b20553a5ab")  # 我区共收到依申请公开政府信息 13 件
    assert [(c.name, c.left, c.right, c.passed) for c in qingshan] == [("narrative_vs_table/received", 13, 13, True)]
    tongliao = _narrative("004_779f9be447f66d1d")  # 全市政府信息公开申请总数239件(其中…118件,旗县市区121件)
    assert [(c.left, c.right, c.passed) for c in tongliao] == [(239, 239, True)]
    # 鄂托克前旗 2022 states both: 共收到 6 件依申请, and in its fees paragraph 未收到和处理政府信息公开申请
    etkqq = _narrative("001_641fc7d161c03c36")
    assert [(c.left, c.right, c.passed) for c in etkqq] == [(6, 6, True), (0, 6, False)]
    assert etkqq[1].sentence == "（一）收费情况：2022年，我旗未收到和处理政府信息公开申请，未收取信息处理费。"
    legacy = _narrative("002_153f5bf49180240b")  # 内蒙古 2018: 18 statements, all as in its 统计指标 table
    assert len(legacy) == 18 and all(c.passed for c in legacy)
    gold = GOLD["002_153f5bf49180240b"]["cells"]
    assert all(c.left == sum(gold[k] for k in c.right_keys) for c in legacy)
    assert {c.name.split("/")[1] for c in legacy} >= {"received", "review", "review_upheld", "litigation", "fees"}


def test_identities_are_counted_apart_and_their_json_is_unchanged() -> None:
    path = next(p for p in SEEDS if p.stem == "001_641fc7d161c03c36")
    report = parse(path.read_bytes(), path.name)
    assert report.checks_failed == 0 and report.narrative_failed == 1
    data = report.as_json()["checks"]
    assert all("kind" not in c for c in data if not c["name"].startswith("narrative_vs_table/"))
    told = [c for c in data if c["name"].startswith("narrative_vs_table/")]
    assert told[1]["kind"] == KIND and told[1]["where"]["offset"] > 0 and "未收到" in told[1]["sentence"]


def test_stored_with_kind_and_sentence(tmp_path: Path) -> None:
    with build_seed_store(tmp_path / "n.db") as store:
        rows = list(
            store.db.query(
                "SELECT c.name, c.passed, c.left_value, c.right_value, c.detail FROM checks c"
                " JOIN reports r ON r.id = c.report_id WHERE r.url = ? AND c.name LIKE 'narrative_vs_table/%'"
                " ORDER BY c.name",
                [seed_url("001_641fc7d161c03c36")],
            )
        )
        failed = store.db.execute(
            "SELECT checks_failed FROM reports WHERE url = ?", [seed_url("001_641fc7d161c03c36")]
        ).fetchone()[0]
    assert [(r["name"], r["passed"], r["left_value"], r["right_value"]) for r in rows] == [
        ("narrative_vs_table/received", 1, 6, 6),
        ("narrative_vs_table/received#2", 0, 0, 6),
    ]
    detail = json.loads(rows[1]["detail"])
    assert detail["kind"] == KIND and detail["right_keys"] == ["applications/new_received/total"]
    assert "未收到和处理政府信息公开申请" in detail["sentence"]
    assert failed == 0  # reports.checks_failed counts accounting identities only
