"""Misread digits of cells in two groups of failing identities, linked by one that holds (``correct._decide_part``).

synth_5452 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, photo), its face's dotted
zero read 8, 6, 4 or nothing: the scan reader printed table 三's 结转下年度 row ``108 4 6 4 8 8 108`` (the lone
digits chosen 0 by the page's glyph set), 自然人 and 总计 ``108`` for the page's 100, and 本机关不掌握相关政府信息's
总计 ``16`` for 15. Each 108 fails one balance (自然人's, 总计's: a group each), and no reading of one makes its
group hold: the row's total, which holds as read, fails once one is read alone. 16 fails the row's total and
（七）总计's column, with 总计's balance in the group (failing by the 108). Until version 275 all three were kept
(the 16 then blanked as doubtful): 2 wrong numbers and a blank. Since version 276 the one smallest set of readings
that makes two failing identities hold and every identity of its cells hold is taken, and the identities looked
at again: 16 → 15, then both 108 → 100, each warned ``ocr_corrected``, naming the reading taken with it.
Gold from the generator (``tests/fixtures/synth-ocr/part-repair/synth_5452-gold.json``: table 三's cells).
"""

from __future__ import annotations

import json
from pathlib import Path

from parsers.model import Cell, Warning_, Where
from parsers.ocr.correct import correct_misreadings
from parsers.tables.checks import application_checks

GOLD = Path(__file__).parent / "fixtures" / "synth-ocr" / "part-repair" / "synth_5452-gold.json"
A = "applications"
# the scan reader's readings (synth_5452 at version 274) of the cells it misread
READ = {
    f"{A}/carried_forward/natural_person": "108",
    f"{A}/carried_forward/total": "108",
    f"{A}/unavailable.not_held/total": "16",
}


def _gold() -> dict[str, int | float | None]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def _as_read(read: dict[str, str]) -> tuple[dict[str, Cell], list[Warning_]]:
    cells = {
        k: Cell(k, None if v is None else int(read.get(k, str(v))), read.get(k, str(v)), Where(0, 1))
        for k, v in _gold().items()
    }
    warnings: list[Warning_] = []
    return cells, warnings


def _checks(cells: dict[str, Cell]) -> list:  # type: ignore[type-arg]
    return application_checks(lambda k: cells[k].value if k in cells else None, "2021")


def test_the_gold_holds_and_the_readings_fail_in_separate_groups() -> None:
    cells, _ = _as_read({})
    assert all(c.passed for c in _checks(cells))
    cells, _ = _as_read(READ)
    failing = {c.name for c in _checks(cells) if not c.passed}
    assert failing == {
        f"{A}/balance/natural_person",
        f"{A}/balance/total",
        f"{A}/results_total/total",
        f"{A}/row_total/unavailable.not_held",
    }


def test_the_readings_two_identities_settle_are_taken_and_warned() -> None:
    cells, warnings = _as_read(READ)
    checks = correct_misreadings(cells, _checks(cells), warnings)
    gold = _gold()
    assert all(c.passed for c in checks)
    assert {k: cells[k].value for k in READ} == {k: gold[k] for k in READ}
    assert all((w := cells[k].where) is not None and w.read_as == v for k, v in READ.items())
    said = {w.key: w.message for w in warnings if w.code == "ocr_corrected"}
    assert set(said) == set(READ)
    assert f"with {A}/carried_forward/total '100'" in said[f"{A}/carried_forward/natural_person"]
    assert all("no group of failing identities is made to hold whole" in m for m in said.values())
