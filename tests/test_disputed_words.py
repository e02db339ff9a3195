"""An ``ambiguous_value`` warning in text no OCR read is worded by the step that leaves its cells blank
(``text_layer.blank_disputed`` through ``Reading.say_disputed``), from the parts it was made of, not rewritten by a
string replace that stops matching silently when the words it is made with change."""

from __future__ import annotations

import pytest
import snippets as s

from parsers import parse, tables
from parsers.tables import reading
from parsers.tables.templates import REVIEW_TABLE

# table 四 short of five cells, ten values for its fifteen: the identities tie on where they go (a text no OCR read)
_VALUES = [0, 3, 0, None, None, 2, 2, None, 2, 8, 0, None, 0, 2, None]


def _said(monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[list[str], list[int | float | None]]:
    report = parse(s.to_spaces(s.report(review=s.review_table(_VALUES))).encode("utf-8"), "report.txt")
    said = [w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == REVIEW_TABLE]
    cells = [c.value for k, c in report.cells.items() if k.startswith(REVIEW_TABLE + "/")]
    return said, cells


def test_the_blanking_step_words_the_tie_warning() -> None:
    said, cells = _said()
    assert len(said) == 1
    assert "; in text no OCR read those cells are left blank (the tie-break's guess would read " in said[0]
    assert "read as the tie-break chose" not in said[0]
    assert cells and all(v is None for v in cells)


def test_the_words_come_from_the_warnings_parts_not_a_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    # the warning made with other words for the tie-break's reading: the step that blanks still says the cells blank
    # (at 286 a string replace looked for the old words and, not finding them, left the warning naming a reading the
    # cells no longer hold)
    made, _ = _said()
    monkeypatch.setattr(reading, "DISPUTED_READ", "kept as the tie-break read it ({read})")
    said, cells = _said()
    assert said == made and all(v is None for v in cells)


def test_not_blanked_the_warning_names_the_tie_breaks_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # the same readings and the same tie-break's reading, said as kept where no step blanks the cells
    blanked, _ = _said()
    monkeypatch.setattr(tables, "blank_disputed", lambda r: None)
    said, cells = _said()
    assert len(said) == 1 and "; read as the tie-break chose (" in said[0]
    assert said[0].split("; read as the tie-break chose (")[1] == blanked[0].split("guess would read ")[1]
    assert said[0].split("); read as")[0] == blanked[0].split("); in text no OCR")[0]
    assert any(v is not None for v in cells)
