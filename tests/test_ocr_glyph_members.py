"""A disputed glyph set's cell the engine read as another digit, in an identity that fails once the set is read,
that no identity confirms as the set's reading: left blank (parser version 297, ``parsers/ocr/glyph_members.py``),
on made-up tables (no OCR engine needed).

The shape is synth_5489's (a tuning scan, 150 dpi, JPEG and toner): the toner's filled zeros, read 6 and nothing,
and two printed 6s blotted alike make one set, which the identities read 0; the 6s' column sum fails for a cell the
scan lost, and their row holds whether they read 0 or 6. Until version 296 both 6s were read 0: two wrong numbers.
"""

from __future__ import annotations

from parsers.extracted import GlyphSet
from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.correct import correct_misreadings
from parsers.review import review_verdict

ROWS = ("a", "b", "c", "s")  # s: the column sums
COLS = ("1", "2", "t")  # t: the row totals


def _box(key: str) -> tuple[float, float, float, float]:
    r, c = ROWS.index(key[0]), COLS.index(key[1])
    return (100.0 + 40 * c, 100.0 + 20 * r, 140.0 + 40 * c, 120.0 + 20 * r)


def _read(*rows: str) -> dict[str, str | None]:
    """The engine's readings, a row a string (``-``: a cell lost)."""
    pairs = zip(ROWS, rows, strict=True)
    return {f"{r}{c}": (None if v == "-" else v) for r, row in pairs for c, v in zip(COLS, row.split(), strict=True)}


def _table(read: dict[str, str | None]) -> tuple[dict[str, Cell], list[Check]]:
    """A 3×2 table with its row totals and column sums, each cell at its own box on page 1 (None: a cell lost)."""
    cells = {
        k: Cell(k, None if v is None else int(v), v or "", Where(0, 1, page=1, box=_box(k))) for k, v in read.items()
    }

    def check(name: str, left: list[str], right: list[str]) -> Check:
        lv = sum(cells[k].value or 0 for k in left)
        rv = sum(cells[k].value or 0 for k in right)
        return Check(name, left, right, lv, rv, lv == rv)

    checks = [check(f"row_{r}", [f"{r}1", f"{r}2"], [f"{r}t"]) for r in ROWS]
    checks += [check(f"col_{c}", [f"a{c}", f"b{c}", f"c{c}"], [f"s{c}"]) for c in COLS]
    return cells, checks


def _set(keys: list[str], readings: tuple[str, ...], unread: tuple[str, ...] = ()) -> GlyphSet:
    return GlyphSet(1, tuple(_box(k) for k in keys), readings, tuple(_box(k) for k in unread), ((readings[0], 1),))


def test_a_printed_digit_in_a_zeros_set_that_no_identity_confirms_is_left_blank() -> None:
    # printed: a 0 0 | 0, b 6 0 | 6, c 3 0 | 3, s 9 0 | 9. The zeros (a1, a2, at, b2, c2, s2) and b1 and bt, two
    # printed 6s blotted alike, are one set, read 6 and nothing; c1 is lost. Under 0 the column 1 fails (c1 lost)
    # and the row b holds whether b1 and bt read 0 or 6: nothing confirms 0 for them. a1, read 6 too, is confirmed
    # 0 by its row (6 0 | 0 cannot hold).
    cells, checks = _table(_read("6 6 6", "6 6 6", "- 6 3", "9 6 9"))
    # (a2, at and b2 read nothing: they carry the set's placeholder reading, 6)
    glyph = _set(["a1", "a2", "at", "b1", "b2", "bt", "c2", "s2"], ("6", "0"), ("a2", "at", "b2"))
    warnings: list[Warning_] = []
    correct_misreadings(cells, checks, warnings, [glyph])
    assert [cells[k].value for k in ("a1", "a2", "at", "b2", "c2", "s2")] == [0] * 6  # the zeros: read 0
    # b1 and bt: neither 0 (never printed) nor 6 (a guess): blank, the engine's reading kept
    assert cells["b1"].value is None and cells["bt"].value is None
    assert [cells[k].where.read_as for k in ("b1", "bt")] == ["6", "6"]  # type: ignore[union-attr]
    said = [w for w in warnings if w.code == "ocr_glyph_unconfirmed"]
    assert [w.key for w in said] == ["b1", "bt"]
    assert "OCR read '6'" in said[0].message and "taken as 0" in said[0].message and "col_1" in said[0].message
    verdict, reasons = review_verdict(Report(metadata={"ocr": True}, text="", warnings=warnings))
    assert verdict == "required" and reasons[0] == "ocr_glyph_unconfirmed ×2"


def _taken(read: dict[str, str | None], reading: str) -> tuple[dict[str, Cell], list[Check]]:
    """``read`` as the engine read it, every key of ``reading``'s set (the digits in ``read``) already taken as
    ``reading`` (its read_as the engine's): the state :func:`choose_glyphs` leaves."""
    cells, checks = _table(read)
    for k, c in list(cells.items()):
        if c.raw and c.raw != reading and k in SET:
            cells[k] = Cell(k, int(reading), reading, Where(0, 1, page=1, box=_box(k), read_as=c.raw))
    return cells, checks


SET = ("a1", "a2", "b1", "b2")


def test_a_cell_a_failing_identity_holds_but_a_confirming_one_keeps_the_sets_reading() -> None:
    # printed: a 0 0 | 0, b 0 0 | 0, c 4 0 | 4, s 5 0 | 5 (the report's column sum printed wrong: column 1 fails
    # whatever the zeros read). The engine read a1 and a2 6: the row a, 6 6 | 0, cannot hold with either or both:
    # it confirms 0 for each.
    cells, checks = _taken(_read("6 6 0", "0 0 0", "4 0 4", "5 0 5"), "0")
    from parsers.ocr.glyph_members import blank_unconfirmed_members

    warnings: list[Warning_] = []
    members = {0: list(SET)}
    assert not blank_unconfirmed_members(cells, checks, warnings, [_set(list(SET), ("0", "6"))], members)
    assert [cells[k].value for k in SET] == [0, 0, 0, 0] and not warnings


def test_a_cell_whose_every_identity_holds_keeps_the_sets_reading() -> None:
    # the glyph comparison is all the evidence there is where nothing contradicts it
    cells, checks = _taken(_read("6 0 0", "0 0 0", "4 0 4", "4 0 4"), "0")
    from parsers.ocr.glyph_members import blank_unconfirmed_members

    warnings: list[Warning_] = []
    assert not blank_unconfirmed_members(cells, checks, warnings, [_set(list(SET), ("0", "6"))], {0: list(SET)})
    assert cells["a1"].value == 0 and not warnings
