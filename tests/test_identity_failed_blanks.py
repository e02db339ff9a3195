"""``identity_failed`` on an identity some of whose cells are blank: the message names the blank cells and says they
are not counted, instead of printing sums that read them as 0 (t45, issue 8)."""

from __future__ import annotations

from snippet_reports import snippet_report


def test_failed_identity_names_its_blank_cells() -> None:
    # scripts/build_extractor_snippets.py's bare-cells report printed by inscriptis: table 三's result rows read
    # with blank cells, so 总计's identities fail with blanks among their operands
    report = snippet_report("own-bare-middle-inscriptis.txt")
    checks = {c.name: c for c in report.checks}
    failed = [w for w in report.warnings if w.code == "identity_failed"]
    assert failed
    with_blanks = 0
    for w in failed:
        c = checks[w.key]
        keys = list(dict.fromkeys((*c.left_keys, *c.right_keys)))
        blank = [k for k in keys if k not in report.cells or report.cells[k].value is None]
        if not blank:
            assert "not counted" not in w.message
            continue
        with_blanks += 1
        assert f"{len(blank)} of its cells blank, not counted" in w.message
        listed = w.message.split("(not 0: unknown): ", 1)[1].removesuffix(" (published values kept)").split(", ")
        assert listed == blank
        assert f"{c.left} ≠ {c.right}, the sums of the cells read only" in w.message
    assert with_blanks
