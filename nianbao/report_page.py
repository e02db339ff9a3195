"""One report as the national form shows it: what the Datasette report page (``nianbao/datasette/plugin.py``) renders.

:func:`report_context` reads everything the page needs from the database: the report and its organ, its
tables laid out as the national form (国办公开办函〔2021〕30号; 〔2019〕60号; the legacy 统计指标 table) with
every cell's key, value and state (blank, failing an identity, contradicted by the text), its checks (the
failing identities with both sides; the narrative's statements with their sentence), warnings, the archived
original, its history (parser versions, what changed) and the organ's other years. :func:`cell_provenance`
gives one cell's provenance (the text read, where, and the text around it), fetched when a cell is clicked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from parsers.tables import templates as t
from storage import history

CONTEXT_CHARS = 80

# -- the national form ---------------------------------------------------------------------------------------

APPLICANT_HEAD = [
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_org", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
]
# (label as the form prints it, row key or None for a heading row, indent)
APPLICATION_FORM: list[tuple[str, str | None, int]] = [
    ("一、本年新收政府信息公开申请数量", "new_received", 0),
    ("二、上年结转政府信息公开申请数量", "carried_over", 0),
    ("三、本年度办理结果", None, 0),
    ("（一）予以公开", "granted", 1),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted", 1),
    ("（三）不予公开", None, 1),
    ("1.属于国家秘密", "withheld.state_secret", 2),
    ("2.其他法律行政法规禁止公开", "withheld.prohibited_by_law", 2),
    ("3.危及“三安全一稳定”", "withheld.three_safeties", 2),
    ("4.保护第三方合法权益", "withheld.third_party_rights", 2),
    ("5.属于三类内部事务信息", "withheld.internal_affairs", 2),
    ("6.属于四类过程性信息", "withheld.process_info", 2),
    ("7.属于行政执法案卷", "withheld.enforcement_files", 2),
    ("8.属于行政查询事项", "withheld.query_matters", 2),
    ("（四）无法提供", None, 1),
    ("1.本机关不掌握相关政府信息", "unavailable.not_held", 2),
    ("2.没有现成信息需要另行制作", "unavailable.needs_creation", 2),
    ("3.补正后申请内容仍不明确", "unavailable.unclear_after_correction", 2),
    ("（五）不予处理", None, 1),
    ("1.信访举报投诉类申请", "not_processed.petition", 2),
    ("2.重复申请", "not_processed.duplicate", 2),
    ("3.要求提供公开出版物", "not_processed.publication", 2),
    ("4.无正当理由大量反复申请", "not_processed.excessive", 2),
    ("5.要求行政机关确认或重新出具已获取信息", "not_processed.confirm_existing", 2),
    ("（六）其他处理", "other", 1),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other.no_correction", 2),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other.unpaid_fee", 2),
    ("3.其他", "other.other", 2),
    ("（七）总计", "results_total", 1),
    ("四、结转下年度继续办理", "carried_forward", 0),
]
REVIEW_GROUPS = [("review", "行政复议", ""), ("litigation_direct", "行政诉讼", "未经复议直接起诉")]
REVIEW_GROUPS += [("litigation_after_review", "行政诉讼", "复议后起诉")]
REVIEW_HEAD = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")]
REVIEW_HEAD += [("total", "总计")]
ACTIVE_ITEMS = {
    "rules": "第二十条第（一）项",
    "normative_docs": "第二十条第（一）项",
    "licensing": "第二十条第（五）项",
    "other_services": "第二十条第（五）项",
    "penalty": "第二十条第（六）项",
    "coercion": "第二十条第（六）项",
    "fees": "第二十条第（八）项",
    "procurement": "第二十条第（九）项",
}
ACTIVE_ROW_LABELS = {
    "rules": "规章",
    "normative_docs": "行政规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
    "procurement": "政府集中采购",
}
ACTIVE_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "prior_items": "上一年项目数量",
    "change": "本年增/减",
    "items": "采购项目数量",
}
PROCUREMENT_AMOUNT = "采购总金额（单位：万元）"


@dataclass
class FormCell:
    key: str
    value: float | int | None = None
    present: bool = False
    states: list[str] = field(default_factory=list)  # blank, fail, told, told_fail, missing
    notes: list[str] = field(default_factory=list)  # the checks it takes part in that fail

    @property
    def text(self) -> str:
        if not self.present:
            return ""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value)

    @property
    def css(self) -> str:
        return " ".join(["cell", *self.states])


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


class Cells:
    """The report's cells by key, with the states the checks give them."""

    def __init__(self, values: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        self.values = values
        self.used: set[str] = set()
        self.states: dict[str, list[str]] = {}
        self.notes: dict[str, list[str]] = {}
        for check in checks:
            if check["passed"]:
                continue
            state = "told_fail" if check["kind"] == "narrative_vs_table" else "fail"
            for key in [*check["left_keys"], *check["right_keys"]]:
                if state not in self.states.setdefault(key, []):
                    self.states[key].append(state)
                self.notes.setdefault(key, []).append(check["name"])

    def cell(self, key: str) -> FormCell:
        self.used.add(key)
        present = key in self.values
        value = self.values.get(key)
        states = list(self.states.get(key, []))
        if not present:
            states.append("missing")
        elif value is None:
            states.append("blank")
        return FormCell(key, _plain(value), present, states, self.notes.get(key, []))

    def has_row(self, table: str, row: str) -> bool:
        prefix = f"{table}/{row}/"
        return any(k.startswith(prefix) for k in self.values)

    def leftovers(self) -> list[FormCell]:
        return [self.cell(k) for k in sorted(set(self.values) - self.used)]


def application_table(cells: Cells, fmt: str) -> list[dict[str, Any]]:
    template = {r.key for r in (t.APPLICATION_ROWS_2019 if fmt == "2019" else t.APPLICATION_ROWS_2021)}
    rows: list[dict[str, Any]] = []
    for label, key, indent in APPLICATION_FORM:
        if key is None:
            rows.append({"label": label, "indent": indent, "heading": True, "cells": []})
        elif key in template or cells.has_row("applications", key):
            row_cells = [cells.cell(f"applications/{key}/{col}") for col, _ in APPLICANT_HEAD]
            rows.append({"label": label, "indent": indent, "heading": False, "key": key, "cells": row_cells})
        elif key == "other":  # the 2021 form: （六）其他处理 heads its three rows
            rows.append({"label": label, "indent": indent, "heading": True, "cells": []})
    return rows


def review_table(cells: Cells) -> list[FormCell]:
    return [cells.cell(f"review_litigation/{row}/{col}") for row, _, _ in REVIEW_GROUPS for col, _ in REVIEW_HEAD]


def active_blocks(cells: Cells, fmt: str) -> list[dict[str, Any]]:
    """Table 二 as the form prints it: a block per 第二十条 item, with its own column headings."""
    defaults = t.ACTIVE_DEFAULTS.get(fmt, t.ACTIVE_DEFAULTS["2021"])
    blocks: list[dict[str, Any]] = []
    for row in t.ACTIVE_ROWS:
        columns = list(defaults.get(row.key, ()))
        present = sorted(
            k.rsplit("/", 1)[1] for k in cells.values if k.startswith(f"active/{row.key}/") and k.count("/") == 2
        )
        columns += [c for c in present if c not in columns]
        if not columns or (row.key not in defaults and not present):
            continue
        heads = [
            PROCUREMENT_AMOUNT if (row.key, c) == ("procurement", "amount") else ACTIVE_COLUMN_LABELS.get(c, c)
            for c in columns
        ]
        item = ACTIVE_ITEMS.get(row.key, "")
        line = {
            "label": ACTIVE_ROW_LABELS.get(row.key, row.key),
            "cells": [cells.cell(f"active/{row.key}/{c}") for c in columns],
        }
        if blocks and blocks[-1]["item"] == item and blocks[-1]["heads"] == heads:
            blocks[-1]["rows"].append(line)
        else:
            blocks.append({"item": item, "heads": heads, "rows": [line]})
    return blocks


def legacy_rows(cells: Cells, labels: dict[str, str]) -> list[dict[str, Any]]:
    return [{"label": labels.get(r.key, r.key), "cell": cells.cell(f"legacy/{r.key}/value")} for r in t.LEGACY_ROWS]


# -- the report -------------------------------------------------------------------------------------------------


def _checks(db: Database, report_id: int) -> list[dict[str, Any]]:
    out = []
    for row in db.query("SELECT * FROM checks WHERE report_id = ? ORDER BY name", [report_id]):
        detail = json.loads(row["detail"] or "{}")
        out.append(
            {
                "name": row["name"],
                "passed": bool(row["passed"]),
                "left": _plain(row["left_value"]),
                "right": _plain(row["right_value"]),
                "blank": bool(row["blank"]),
                "kind": detail.get("kind", "identity"),
                "left_keys": detail.get("left_keys", []),
                "right_keys": detail.get("right_keys", []),
                "sentence": detail.get("sentence", ""),
            }
        )
    return out


def _one(db: Database, sql: str, params: Iterable[Any]) -> dict[str, Any] | None:
    rows = list(db.query(sql, list(params)))
    return rows[0] if rows else None


def report_context(db: Database, report_id: int) -> dict[str, Any] | None:
    """Everything the report page shows, or None when there is no such report."""
    from nianbao.dictionary import labels

    report = _one(db, "SELECT * FROM reports WHERE id = ?", [report_id])
    if report is None:
        return None
    organ = None
    if db.table("report_organs").exists():
        organ = _one(
            db,
            "SELECT l.organ_id, l.name, l.name_source, l.rules, l.reason, o.name AS organ_name, o.kind, o.level,"
            " o.division_code FROM report_organs l LEFT JOIN organs o ON o.id = l.organ_id WHERE l.report_id = ?",
            [report_id],
        )
    document = None
    if report["document_sha256"]:
        document = _one(db, "SELECT * FROM documents WHERE sha256 = ?", [report["document_sha256"]])
    values = {k: v for k, v in db.execute("SELECT key, value FROM cells WHERE report_id = ?", [report_id])}
    checks = _checks(db, report_id)
    cells = Cells(values, checks)
    fmt = report["format"] or "none"
    tables: dict[str, Any] = {}
    if any(k.startswith("active/") for k in values):
        tables["active"] = active_blocks(cells, fmt)
    if any(k.startswith("applications/") for k in values):
        tables["applications"] = application_table(cells, fmt)
    if any(k.startswith("review_litigation/") for k in values):
        tables["review_litigation"] = review_table(cells)
    if any(k.startswith("legacy/") for k in values):
        tables["legacy"] = legacy_rows(cells, labels().get("legacy", {}))
    leftovers = cells.leftovers()
    identities = [c for c in checks if c["kind"] == "identity"]
    told = [c for c in checks if c["kind"] == "narrative_vs_table"]
    warnings = [dict(w) for w in db.query("SELECT code, message, key FROM warnings WHERE report_id = ?", [report_id])]
    other_years: list[dict[str, Any]] = []
    if organ and organ["organ_id"]:
        other_years = list(
            db.query(
                "SELECT r.id, r.year, r.title, r.published, r.portal FROM report_organs l"
                " JOIN reports r ON r.id = l.report_id WHERE l.organ_id = ? AND r.id != ? ORDER BY r.year DESC, r.id",
                [organ["organ_id"], report_id],
            )
        )
        years = [o["year"] for o in other_years] + [report["year"]]
        for o in other_years:  # a year found twice (two portals, two documents): say where each is from
            o["shared"] = years.count(o["year"]) > 1
    return {
        "report": report,
        "organ": organ,
        "document": document,
        "format": fmt,
        "tables": tables,
        "leftovers": leftovers,
        "applicant_head": APPLICANT_HEAD,
        "review_groups": REVIEW_GROUPS,
        "review_head": REVIEW_HEAD,
        "failing": [c for c in identities if not c["passed"]],
        "identities": {
            "passed": sum(c["passed"] for c in identities),
            "failed": sum(not c["passed"] for c in identities),
        },
        "told": told,
        "warnings": warnings,
        "history": history.history(db, report_id),
        "other_years": other_years,
        "cells_count": len(values),
    }


def cell_provenance(db: Database, report_id: int, key: str) -> dict[str, Any] | None:
    """One cell: its value, the text it was read from, where, and the text around it (when the text is kept)."""
    row = _one(db, "SELECT key, value, raw, provenance FROM cells WHERE report_id = ? AND key = ?", [report_id, key])
    if row is None:
        return None
    where = json.loads(row["provenance"] or "null") or {}
    out: dict[str, Any] = {"key": key, "value": _plain(row["value"]), "raw": row["raw"], "where": where}
    text = None
    if db.table("report_texts").exists():
        found = _one(db, "SELECT text FROM report_texts WHERE report_id = ?", [report_id])
        text = found["text"] if found else None
    if text and "offset" in where:
        start, end = int(where["offset"]), int(where.get("end", where["offset"]))
        out["context"] = {
            "before": text[max(0, start - CONTEXT_CHARS) : start],
            "text": text[start:end],
            "after": text[end : end + CONTEXT_CHARS],
        }
    else:
        out["context"] = None
    from nianbao.dictionary import describe_cell

    table, _, rest = key.partition("/")
    out["label"] = describe_cell(table, rest)
    return out
