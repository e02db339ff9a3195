"""Misread digits resolved by the tables' accounting identities, never silently.

OCR confuses digits that look alike (0/8, 1/7, 3/8, 5/6, 6/8 …) and loses or doubles one of two equal digits
side by side (``11`` read ``1``). When identities of an OCR'd report fail, they are taken in
groups that share cells; every cell of a group is tried with each single plausible confusion of its reading.
The readings are taken when they are the one smallest set (one cell; else two, as when two digits are
misread in one identity; else three) that makes every identity of the group, and every identity of the
cells changed, hold; and only cells that at least two identities check (a row and a column) are tried: a
single sum cannot tell which of its cells was misread. The cell then carries both
readings (``raw`` is the reading taken, ``where.read_as`` the one the engine gave) and a warning
``ocr_corrected`` names them and the identities. Otherwise the published reading is kept and the identity
fails (``identity_failed``), as for any report.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.extracted import GlyphSet, SureCell
from parsers.model import Cell, Check, Warning_
from parsers.ocr.contradicted import MIN_IDENTITIES
from parsers.ocr.glyph_members import blank_unconfirmed_members

# digits the engines confuse with each other (both ways)
CONFUSED = {frozenset(p) for p in ("08", "17", "38", "56", "68", "06", "09", "89", "35", "14", "27", "23", "57")}
_PARTNERS: dict[str, str] = {
    d: "".join(sorted(o for p in CONFUSED if d in p for o in p if o != d)) for d in "0123456789"
}


def lookalikes(digit: str) -> str:
    """The digits the engines confuse ``digit`` with (:data:`CONFUSED`)."""
    return _PARTNERS.get(digit, "")


GLYPH_MARGIN = 2  # identities a disputed glyph set's reading must make hold beyond any other reading of it
MAX_GLYPH_COMBOS = 4096  # combinations of the disputed sets' readings all tried (4 sets of 8 readings)
MAX_GLYPH_ROUNDS = 8  # rounds of choosing each set's reading in turn, past that many combinations
MAX_ROUNDS = 3  # rounds of correction: after a set :func:`_decide_part` takes, the readings are looked for again
PART_REPAIRED = 2  # failing identities a reading must repair where the rest of its group still fails
MAX_OPTIONS_FOR_THREE = 80  # three misread cells in one group are looked for among at most this many readings
_NUMBER = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")


def readings(raw: str) -> list[str]:
    """Every reading one plausible confusion away from ``raw`` (a number as printed)."""
    out: list[str] = []
    for i, ch in enumerate(raw):
        if not ch.isdigit():
            continue
        out += [raw[:i] + o + raw[i + 1 :] for o in _PARTNERS[ch]]
        out.append(raw[:i] + ch + raw[i:])  # a digit read once where the page has it twice
        if i + 1 < len(raw) and raw[i + 1] == ch:
            out.append(raw[:i] + raw[i + 1 :])  # … or twice where once
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        # no number is printed with a leading zero: the digit before it was lost (809 read 09; parsers/ocr/counts.py)
        out += [d + raw for d in "123456789"]
    seen: set[str] = set()
    kept = []
    for r in out:
        plain = r.replace(",", "")
        if (
            r != raw
            and r not in seen
            and _NUMBER.match(r)
            and not (len(plain) > 1 and plain[0] == "0" and "." not in plain[:2])
        ):
            seen.add(r)
            kept.append(r)
    return kept


def _value(text: str) -> int | float:
    plain = text.replace(",", "")
    return int(plain) if re.fullmatch(r"[+-]?\d+", plain) else float(plain)


def holds_under(check: Check, cells: dict[str, Cell], changes: dict[str, int | float]) -> bool:
    def get(k: str) -> int | float:
        if k in changes:
            return changes[k]
        c = cells.get(k)
        return c.value if c is not None and c.value is not None else 0

    return abs(sum(get(k) for k in check.left_keys) - sum(get(k) for k in check.right_keys)) < 1e-6


def recompute(check: Check, cells: dict[str, Cell]) -> Check:
    """``check`` summed again on ``cells`` as they now read."""
    values = [cells[k].value if k in cells else None for k in (*check.left_keys, *check.right_keys)]
    left = sum((cells[k].value or 0) for k in check.left_keys if k in cells)
    right = sum((cells[k].value or 0) for k in check.right_keys if k in cells)
    return replace(check, left=left, right=right, passed=abs(left - right) < 1e-6, blank=all(v is None for v in values))


def _components(failing: list[Check]) -> list[list[Check]]:
    """Failing identities grouped by the cells they share."""
    groups: list[tuple[set[str], list[Check]]] = []
    for check in failing:
        keys = check.cell_keys()
        joined = [g for g in groups if g[0] & keys]
        for g in joined:
            groups.remove(g)
            keys |= g[0]
        groups.append((keys, [c for g in joined for c in g[1]] + [check]))
    return [checks for _, checks in groups]


def _options(
    failing: list[Check], cells: dict[str, Cell], sure: frozenset[tuple[int, object, str]] = frozenset()
) -> list[tuple[str, str, int | float]]:
    out: list[tuple[str, str, int | float]] = []
    for key in sorted({k for c in failing for k in c.cell_keys()}):
        cell = cells.get(key)
        if cell is None or cell.value is None or not _NUMBER.match(cell.raw) or (cell.where and cell.where.read_as):
            continue
        if cell.where is not None and (cell.where.page, cell.where.box, cell.raw.replace(",", "")) in sure:
            continue  # read surely: a total printed wrong, not a digit misread (parsers/ocr/doubtful.py, SURE_CONF)
        out += [(key, alt, _value(alt)) for alt in readings(cell.raw)]
    return out


def _decide(
    group: list[Check],
    identities: list[Check],
    cells: dict[str, Cell],
    sure: frozenset[tuple[int, object, str]] = frozenset(),
) -> dict[str, str] | None:
    """The one smallest set of readings (of one, two or three cells) that makes every identity of the group
    and every identity of the cells changed hold; None when there is none, or more than one. A cell the engine read
    surely (``sure``: its page, box and digits) is never read otherwise."""
    touching, useful = _useful(group, identities, cells, sure)

    def ok(combo: tuple[tuple[str, str, int | float], ...]) -> bool:
        if (tried := _tried(combo, touching)) is None:
            return False
        changes, checks = tried
        checks.update({id(c): c for c in group})
        return all(holds_under(c, cells, changes) for c in checks.values())

    for size in (1, 2, 3):
        if size == 3 and len(useful) > MAX_OPTIONS_FOR_THREE:
            return None
        solutions = [combo for combo in itertools.combinations(useful, size) if ok(combo)]
        if solutions:
            return {k: alt for k, alt, _ in solutions[0]} if len(solutions) == 1 else None
    return None


def _tried(
    combo: tuple[tuple[str, str, int | float], ...], touching: dict[str, list[Check]]
) -> tuple[dict[str, int | float], dict[int, Check]] | None:
    """A set of readings as the values it gives its cells and the identities of those cells (by ``id``); None where
    it reads one cell twice."""
    changes = {k: v for k, _, v in combo}
    if len(changes) < len(combo):
        return None  # two readings of one cell
    return changes, {id(c): c for k in changes for c in touching[k]}


def _useful(
    group: list[Check],
    identities: list[Check],
    cells: dict[str, Cell],
    sure: frozenset[tuple[int, object, str]],
) -> tuple[dict[str, list[Check]], list[tuple[str, str, int | float]]]:
    """The readings of the group's cells worth trying (each a cell, a reading, its value), and each cell's
    identities."""
    options = _options(group, cells, sure)
    touching = {k: [c for c in identities if k in c.left_keys or k in c.right_keys] for k, _, _ in options}
    # one sum cannot tell which of its cells was misread: only a cell two identities check (its row and its
    # column) is ever corrected; the scan corpus at 150 dpi showed half the one-identity repairs wrong
    options = [o for o in options if len(touching[o[0]]) >= MIN_IDENTITIES]
    # a misread cell on its own repairs at least one identity of the group when read right
    useful = [o for o in options if any(holds_under(c, cells, {o[0]: o[2]}) for c in touching[o[0]] if not c.passed)]
    return touching, useful


def _decide_part(
    identities: list[Check], cells: dict[str, Cell], sure: frozenset[tuple[int, object, str]]
) -> dict[str, str] | None:
    """Where no group of failing identities is made to hold whole (another identity of it fails for another
    cause: a total printed wrong, a cell lost), the one smallest set of readings (of one or two cells, of any
    group) that makes at least :data:`PART_REPAIRED` failing identities hold and every identity of the cells
    changed hold: two identities settle each such reading (synth_5452: ``108`` under 结转下年度's 自然人 and 总计,
    the dotted zero read 8, read ``100`` by the 自然人 and 总计 columns' balances, the row's total holding as
    read); None when there is none, or more than one."""
    failing = [c for c in identities if not c.passed]
    touching, useful = _useful(failing, identities, cells, sure)

    def repaired(combo: tuple[tuple[str, str, int | float], ...]) -> bool:
        if (tried := _tried(combo, touching)) is None:
            return False
        changes, checks = tried
        if not all(holds_under(c, cells, changes) for c in checks.values()):
            return False
        return sum(id(c) in checks for c in failing) >= PART_REPAIRED

    for size in (1, 2):
        solutions = [combo for combo in itertools.combinations(useful, size) if repaired(combo)]
        if solutions:
            return {k: alt for k, alt, _ in solutions[0]} if len(solutions) == 1 else None
    return None


def correct_misreadings(
    cells: dict[str, Cell],
    checks: list[Check],
    warnings: list[Warning_],
    glyph_sets: Sequence[GlyphSet] = (),
    sure: Sequence[SureCell] = (),
) -> list[Check]:
    """Apply the corrections the identities decide (in ``cells`` and ``warnings``); returns the checks,
    recomputed. The disputed glyph sets (``glyph_sets``) are decided first (:func:`choose_glyphs`). The numbers
    read surely (``sure``: the engine's confidence at ``doubtful.SURE_CONF`` or more) keep their reading: a misread
    digit reads unsure, a total a report prints wrong reads as surely as any other number, and its identities fail
    as they must."""
    identities = [c for c in checks if c.kind == "identity"]
    if glyph_sets:
        choose_glyphs(cells, identities, warnings, glyph_sets)
        # a set's cell the engine read otherwise, in a failing identity, that no identity confirms: left blank
        members_of = {i: set_members(g, cells) for i, g in enumerate(glyph_sets)}
        blank_unconfirmed_members(cells, identities, warnings, glyph_sets, members_of)
    kept = frozenset((d.page, d.box, d.text.replace(",", "")) for d in sure)
    for _ in range(MAX_ROUNDS):
        # a set of readings :func:`_decide_part` took: the identities summed again and the readings looked for again
        if not _correct_round(cells, identities, warnings, kept):
            break
        identities = [recompute(c, cells) for c in identities]
    return recheck_identities(cells, checks, warnings)


def _correct_round(
    cells: dict[str, Cell],
    identities: list[Check],
    warnings: list[Warning_],
    kept: frozenset[tuple[int, object, str]],
) -> bool:
    """The readings the identities decide, group by group (:func:`_decide`), taken, or where none is, the one set
    :func:`_decide_part` finds; whether that set was (the identities then looked at again)."""
    taken = False
    for group in _components([c for c in identities if not c.passed]):
        decided = _decide(group, identities, cells, kept)
        if decided:
            _take_readings(cells, identities, warnings, decided, part=False)
            taken = True
    if taken or not (part := _decide_part(identities, cells, kept)):
        return False
    _take_readings(cells, identities, warnings, part, part=True)
    return True


def _take_readings(
    cells: dict[str, Cell], identities: list[Check], warnings: list[Warning_], decided: dict[str, str], *, part: bool
) -> None:
    """``decided``'s readings put in ``cells``, each warned ``ocr_corrected`` (the engine's in ``where.read_as``)."""
    for key, alt in decided.items():
        names = ", ".join(sorted(c.name for c in identities if key in c.cell_keys()))
        cell = cells[key]
        where = replace(cell.where, read_as=cell.raw) if cell.where is not None else None
        also = [f"{k} {a!r}" for k, a in decided.items() if k != key]
        said = (
            f"the one plausible misreading that makes every identity of the cell hold ({names})"
            if not part
            else "the one set of plausible misreadings"
            + (f" (with {', '.join(also)})" if also else "")
            + f" that makes {PART_REPAIRED} failing identities or more and every identity of its cells hold "
            f"({names}), where no group of failing identities is made to hold whole by its own cells"
        )
        warnings.append(
            Warning_("ocr_corrected", f"{key}: OCR read {cell.raw!r}, taken as {alt!r}: {said}", key, where)
        )
        cells[key] = Cell(key, _value(alt), alt, where)


def recheck_identities(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> list[Check]:
    """The checks, each identity summed again on ``cells`` (:func:`recompute`); the ``identity_failed`` warnings of
    those that now hold dropped from ``warnings``."""
    checks = [recompute(c, cells) if c.kind == "identity" else c for c in checks]
    passed = {c.name for c in checks if c.kind == "identity" and c.passed}
    warnings[:] = [w for w in warnings if not (w.code == "identity_failed" and w.key in passed)]
    return checks


# ------------------------------------------------------------------------------------- disputed glyph sets
def set_members(glyph_set: GlyphSet, cells: dict[str, Cell]) -> list[str]:
    """The report's cells of a set: on its page, at one of its boxes, holding one digit (the set's reading)."""
    spots = glyph_set.spots()
    return sorted(
        key
        for key, cell in cells.items()
        if cell.where is not None
        and (cell.where.page, cell.where.box) in spots
        and len(cell.raw) == 1
        and cell.raw.isdigit()
    )


def choose_glyphs(
    cells: dict[str, Cell], identities: list[Check], warnings: list[Warning_], glyph_sets: Sequence[GlyphSet]
) -> None:
    """The disputed sets (``parsers/ocr/glyphs.py``: cells printing one glyph the engine read in several ways)
    read by the tables' identities: the combination of the sets' readings (a set's cells all read alike) under
    which the fewest identities of their cells fail is found (:func:`_best_combination`), and taken for each set
    whose every other reading makes at least :data:`GLYPH_MARGIN` more of them fail (a report may print a wrong
    total: one identity fails whatever the reading). A set its readings do not decide tries the digits the engines
    confuse with them (:func:`lookalikes`: the printed digit may be one the engine never read twice, a filled zero
    read 6, 8 and 4), taken on the same margin. A set still undecided is decided cell by cell
    (:func:`_decided_cells`): a cell whose own identities hold under the set's best reading, and at least
    :data:`GLYPH_MARGIN` of them fail under each other reading tried, takes it; only the others are left blank:
    never a wrong number, and one doubtful cell no longer blanks every cell of its glyph. Warnings name the set's
    readings and its cells (``ocr_glyph_chosen``, ``ocr_glyph_lookalike``, ``ocr_glyph_cells_chosen``,
    ``ocr_glyph_undecided``); a cell changed keeps the engine's reading in ``where.read_as`` ("" where the engine
    read nothing)."""
    sets = [(g, m) for g in glyph_sets if (m := set_members(g, cells))]
    if not sets:
        return
    keys = {k for _, members in sets for k in members}
    touching = [c for c in identities if any(k in keys for k in c.cell_keys())]

    def changes(combo: tuple[str, ...]) -> dict[str, int | float]:
        return {k: int(r) for (_, members), r in zip(sets, combo, strict=True) for k in members}

    def failing(combo: tuple[str, ...]) -> int:
        changed = changes(combo)
        return sum(1 for c in touching if not holds_under(c, cells, changed))

    best = _best_combination([g.readings for g, _ in sets], failing)
    least = failing(best)
    for i, (glyph_set, members) in enumerate(sets):
        alternatives = {r: (*best[:i], r, *best[i + 1 :]) for r in glyph_set.readings if r != best[i]}
        # every other reading counted as tried, never assumed: a combination left untried is no evidence
        others = {r: failing(combo) for r, combo in alternatives.items()}
        mine = [c for c in touching if any(k in members for k in c.cell_keys())]
        if mine and all(f - least >= GLYPH_MARGIN for f in others.values()):
            _take(glyph_set, members, best[i], len(mine), least, others, cells, warnings)
            continue
        # the readings the engine gave do not decide: the printed digit may be one it never read twice (a dotted
        # or filled zero read 6, 8 and 4): their lookalikes are tried too, and taken on the same margin
        wider = tuple(dict.fromkeys((*glyph_set.readings, *(d for r in glyph_set.readings for d in lookalikes(r)))))
        if mine and len(wider) > len(glyph_set.readings):
            tried = {r: failing((*best[:i], r, *best[i + 1 :])) for r in wider}
            top = min(wider, key=lambda r: tried[r])
            rest_tried = {r: f for r, f in tried.items() if r != top}
            if top not in glyph_set.readings and all(f - tried[top] >= GLYPH_MARGIN for f in rest_tried.values()):
                best, least = (*best[:i], top, *best[i + 1 :]), tried[top]
                _take(glyph_set, members, top, len(mine), least, rest_tried, cells, warnings, lookalike=True)
                continue
        # a cell is decided against every reading tried, the lookalikes too
        widest = [(*best[:i], r, *best[i + 1 :]) for r in wider if r != best[i]]
        decided = _decided_cells(members, mine, cells, changes(best), [changes(a) for a in widest])
        if decided:
            _take(glyph_set, decided, best[i], len(mine), least, others, cells, warnings, by_cell=True)
        rest = [k for k in members if k not in decided]
        if rest:
            _blank(glyph_set, rest, len(mine), least, best[i], others, cells, warnings)


def _best_combination(readings: list[tuple[str, ...]], failing: Callable[[tuple[str, ...]], int]) -> tuple[str, ...]:
    """The combination of the sets' readings under which the fewest identities fail: every one tried when there
    are at most :data:`MAX_GLYPH_COMBOS`; else each set's reading chosen in turn, the others held, until none
    changes (the first reading of each, the most frequent, to start)."""
    total = 1
    for r in readings:
        total *= len(r)
    if total <= MAX_GLYPH_COMBOS:
        return min(itertools.product(*readings), key=failing)
    best = tuple(r[0] for r in readings)
    for _ in range(MAX_GLYPH_ROUNDS):
        before = best
        for i, options in enumerate(readings):
            best = min(((*best[:i], r, *best[i + 1 :]) for r in options), key=lambda c: (failing(c), c != best))
        if best == before:
            break
    return best


def _decided_cells(
    members: list[str],
    mine: list[Check],
    cells: dict[str, Cell],
    best: dict[str, int | float],
    alternatives: list[dict[str, int | float]],
) -> list[str]:
    """The cells of a set its identities do not decide as a whole that their own identities decide: checked by at
    least :data:`MIN_IDENTITIES`, every one holding under the best reading, and at least :data:`GLYPH_MARGIN` of
    them failing under each other reading of the set (a cell read otherwise alone fails all of them)."""
    out = []
    for key in members:
        own = [c for c in mine if key in c.cell_keys()]
        if len(own) < MIN_IDENTITIES or not all(holds_under(c, cells, best) for c in own):
            continue
        if all(sum(1 for c in own if not holds_under(c, cells, alt)) >= GLYPH_MARGIN for alt in alternatives):
            out.append(key)
    return out


def _said(glyph_set: GlyphSet) -> str:
    return ", ".join(f"{r or 'nothing'} ×{n}" for r, n in glyph_set.counts)


def _take(
    glyph_set: GlyphSet,
    members: list[str],
    reading: str,
    checked: int,
    failed: int,
    others: dict[str, int],
    cells: dict[str, Cell],
    warnings: list[Warning_],
    by_cell: bool = False,
    lookalike: bool = False,
) -> None:
    unread = glyph_set.unread_spots()
    changed = []
    for key in members:
        cell = cells[key]
        assert cell.where is not None
        engine = "" if (cell.where.page, cell.where.box) in unread else cell.raw
        if engine == reading:
            continue
        cells[key] = Cell(key, int(reading), reading, replace(cell.where, read_as=engine))
        changed.append(f"{key} ({engine or 'nothing'})")
    if lookalike:
        warnings.append(
            Warning_(
                "ocr_glyph_lookalike",
                f"{glyph_set.where()}: {len(members)} cell(s) print one glyph the engine read in several ways "
                f"({_said(glyph_set)}), none of which the identities choose: taken as {reading}, a digit the "
                f"engines confuse with those read, under which {failed} identity(ies) of the tables fail, against "
                f"{_against(others)} ({checked} identities check the cells); {len(changed)} cell(s) changed"
                + (f": {', '.join(changed)}" if changed else ""),
            )
        )
        return
    if by_cell:
        warnings.append(
            Warning_(
                "ocr_glyph_cells_chosen",
                f"{glyph_set.where()}: a glyph the engine read in several ways ({_said(glyph_set)}), too close to "
                f"choose for all its cells (read as {reading}, {failed} identity(ies) of the tables fail, against "
                f"{_against(others)}): taken as {reading} in {len(members)} cell(s) whose own identities all hold "
                f"under it and fail under each other reading: {', '.join(members)}; {len(changed)} cell(s) changed"
                + (f": {', '.join(changed)}" if changed else ""),
            )
        )
        return
    warnings.append(
        Warning_(
            "ocr_glyph_chosen",
            f"{glyph_set.where()}: {len(members)} cell(s) print one glyph the engine read in several ways "
            f"({_said(glyph_set)}): taken as {reading}, under which {failed} identity(ies) of the tables fail, "
            f"against {_against(others)} ({checked} identities check the cells); {len(changed)} cell(s) changed"
            + (f": {', '.join(changed)}" if changed else ""),
        )
    )


def _against(others: dict[str, int]) -> str:
    return ", ".join(f"{n} read as {r}" for r, n in others.items())


def _blank(
    glyph_set: GlyphSet,
    members: list[str],
    checked: int,
    failed: int,
    reading: str,
    others: dict[str, int],
    cells: dict[str, Cell],
    warnings: list[Warning_],
) -> None:
    for key in members:
        cell = cells[key]
        assert cell.where is not None
        cells[key] = Cell(key, None, "", replace(cell.where, read_as=cell.raw))
    why = (
        f"read as {reading}, {failed} identity(ies) of the tables fail, against {_against(others)}: too close to choose"
        if checked
        else "no identity checks the cells"
    )
    warnings.append(
        Warning_(
            "ocr_glyph_undecided",
            f"{glyph_set.where()}: {len(members)} cell(s) print one glyph the engine read in several ways "
            f"({_said(glyph_set)}): {why}, so they are left blank: {', '.join(members)}",
        )
    )
