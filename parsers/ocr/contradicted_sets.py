"""Two or three numbers the identities single out together: left blank, never silently.

:mod:`parsers.ocr.contradicted` blanks one count whose every identity gives it one same other value. Where the engine
misread two or three numbers of a table (a seal's ink over a corner of table 三, synth_497: ``7088`` for 2690 in
本年新收's 总计 and ``9`` for 149 in 上年结转's; a 1-bit fax's specks, synth_492: ``915`` and ``1.658`` for 515 and
1858 in （七）总计, a ``9`` for a 0 two rows above), each identity those cells are in fails, and no one cell
explains the failures.

Here the identities of a table are taken as equations, every cell read blank an unknown (it may print anything), and
the smallest set of readings (one, else two, else three) is looked for whose cells, taken as unknowns too, let every
identity hold, each of those cells then given one value by the identities (a whole number, 0 or more, not the
reading), every blank the identities give a value given one of 0 or more. Where exactly one set of two or three
readings does so and no single reading does, those readings are not the page's numbers: they are left blank, the
reading kept in ``where.read_as``, and ``ocr_contradicted_set`` names the readings, the values the identities give and
the identities (review required). The values are not taken: a report can print a total that does not add up
(synth_402's 1811), and in a table where one of those is printed the values the other cells give are wrong. A single
reading that explains every failure is left to the rules before (a lookalike corrected, a count contradicted, or a
total printed wrong by the report itself, kept). The checks stay as read.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np

from parsers.model import Cell, Check, Number, Warning_

MIN_SET, MAX_SET = 2, 3  # readings blanked together: one alone is the other rules' (or the report's own total)
MAX_CANDIDATES = 240  # readings a group's failing identities hold, at most
MAX_SETS = 200_000  # sets of one size tried, at most (each must touch every identity the readings fail)
EPS = 1e-6


def blank_contradicted_sets(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> None:
    """Blank the one smallest set of two or three readings the identities single out (see the module's doc), in each
    group of identities that share cells."""
    identities = [c for c in checks if c.kind == "identity"]
    for group in _groups(identities):
        found = _singled_out(cells, group)
        if found is None:
            continue
        keys, values = found
        names = ", ".join(sorted(c.name for c in group if not c.passed and set(keys) & c.cell_keys()))
        shown = ", ".join(f"{k}: {cells[k].raw!r} ({v} by the identities)" for k, v in zip(keys, values, strict=True))
        for key in keys:
            cell = cells[key]
            assert cell.where is not None
            cells[key] = Cell(key, None, "", replace(cell.where, read_as=cell.raw))
        for key in keys:
            warnings.append(
                Warning_(
                    "ocr_contradicted_set",
                    f"{key}: OCR's readings {shown} are the one set of {len(keys)} that, given other values, lets "
                    f"every identity of the table hold ({names} fail as read): not the page's numbers; left blank "
                    "(the values not taken)",
                    key,
                    cells[key].where,
                )
            )


def _groups(identities: list[Check]) -> list[list[Check]]:
    """The identities in groups that share cells (table 三's, table 四's), each with a failing one."""
    groups: list[tuple[set[str], list[Check]]] = []
    for check in identities:
        keys = check.cell_keys()
        touching = [g for g in groups if g[0] & keys]
        merged_keys, merged = set(keys), [check]
        for g in touching:
            merged_keys |= g[0]
            merged += g[1]
            groups.remove(g)
        groups.append((merged_keys, merged))
    return [g for _, g in groups if any(not c.passed and not c.blank for c in g)]


def _singled_out(cells: dict[str, Cell], group: list[Check]) -> tuple[list[str], list[int]] | None:
    keys = sorted({k for c in group for k in c.cell_keys()})
    index = {k: i for i, k in enumerate(keys)}
    a = np.zeros((len(group), len(keys)))
    for row, check in enumerate(group):
        for k in check.left_keys:
            a[row, index[k]] += 1
        for k in check.right_keys:
            a[row, index[k]] -= 1
    values: list[Number | None] = [cells[k].value if k in cells else None for k in keys]
    blank = [i for i, v in enumerate(values) if v is None]
    read = [i for i, v in enumerate(values) if v is not None]
    if any(not isinstance(values[i], int) for i in read):
        return None  # amounts: no count's identities
    v = np.array([0.0 if (x := values[i]) is None else float(x) for i in range(len(keys))])
    b = -(a[:, read] @ v[read])  # a_blank · x_blank + a_freed · d = b, d the freed cells' change from their reading
    # the blanks projected out: what the identities ask of the read cells whatever the blanks hold
    ab = a[:, blank]
    if blank:
        u, s, _ = np.linalg.svd(ab, full_matrices=True)
        rank = int((s > EPS).sum())
        proj = u[:, rank:] @ u[:, rank:].T
    else:
        proj = np.eye(len(group))
    m, c = proj @ a[:, read], proj @ b
    if np.abs(c).max(initial=0.0) < EPS:
        return None  # every identity can hold with the readings as they are
    failing = {k for check in group if not check.passed for k in check.cell_keys()}
    candidates = [
        j
        for j, i in enumerate(read)
        if keys[i] in failing and _is_reading(cells[keys[i]]) and np.abs(m[:, j]).max() > EPS
    ]
    if len(candidates) > MAX_CANDIDATES:
        return None
    gram, mc, cc = m.T @ m, m.T @ c, float(c @ c)
    touching = [{j for j in candidates if abs(m[r, j]) > EPS} for r in range(len(group)) if abs(c[r]) > EPS]
    for size in range(1, MAX_SET + 1):
        combos = _touching_all(touching, candidates, size)
        if combos is None:
            return None
        sets = []
        for chosen in _consistent(combos, size, gram, mc, cc):
            d = _solved(m[:, chosen], c)
            if d is None:
                continue
            new = [v[read[j]] + dj for j, dj in zip(chosen, d, strict=True)]
            if any(x < -EPS or abs(dj) < 0.5 for x, dj in zip(new, d, strict=True)):
                continue
            if not _blanks_fit(a, v, blank, read, chosen, d):
                continue
            sets.append(([keys[read[j]] for j in chosen], [round(x) for x in new]))
            if len(sets) > 1:
                return None  # two sets would do: the identities do not say which
        if sets:
            return sets[0] if size >= MIN_SET else None
    return None


def _touching_all(touching: list[set[int]], candidates: list[int], size: int) -> list[tuple[int, ...]] | None:
    """The sets of ``size`` readings (of ``candidates``) with a reading in every identity that fails after the blanks
    (``touching`` holds each one's readings): no other set can make them all hold. None past :data:`MAX_SETS`."""
    found: set[tuple[int, ...]] = set()

    def grow(chosen: frozenset[int]) -> bool:
        left = [t for t in touching if not t & chosen]
        if not left:
            rest = size - len(chosen)
            others = sorted(set(candidates) - chosen) if rest else []
            for extra in itertools.combinations(others, rest):
                found.add(tuple(sorted(chosen | set(extra))))
                if len(found) > MAX_SETS:
                    return False
            return True
        if len(chosen) == size:
            return True
        fewest: set[int] = min(left, key=len)
        return all(grow(chosen | {j}) for j in sorted(fewest))

    if not grow(frozenset()):
        return None
    return sorted(found)


def _consistent(
    combos_in: list[tuple[int, ...]], size: int, gram: np.ndarray, mc: np.ndarray, cc: float
) -> list[tuple[int, ...]]:
    """The sets of ``size`` readings whose change can let every identity hold (least squares by the normal
    equations, all sets at once; each then solved exactly by :func:`_solved`)."""
    if not combos_in:
        return []
    combos = np.array(combos_in, dtype=np.intp).reshape(len(combos_in), size)
    g = gram[combos[:, :, None], combos[:, None, :]]
    rhs = mc[combos]
    ok = np.abs(np.linalg.det(g)) > EPS
    combos, g, rhs = combos[ok], g[ok], rhs[ok]
    if not len(combos):
        return []
    d = np.linalg.solve(g, rhs[:, :, None])[:, :, 0]
    residual = cc - np.einsum("ni,ni->n", d, rhs)  # |c - m d|² at the least-squares d
    return [tuple(int(j) for j in row) for row in combos[residual < 1e-6 * (1.0 + cc)]]


def _solved(m: np.ndarray, c: np.ndarray) -> np.ndarray | None:
    """The one change of the chosen readings that lets every identity hold, in whole numbers; None if none or many."""
    if np.linalg.matrix_rank(m, tol=EPS) < m.shape[1]:
        return None
    d, *_ = np.linalg.lstsq(m, c, rcond=None)
    if np.abs(m @ d - c).max() > EPS or np.abs(d - np.round(d)).max() > EPS:
        return None
    return np.asarray(np.round(d))


def _blanks_fit(
    a: np.ndarray, v: np.ndarray, blank: list[int], read: list[int], chosen: tuple[int, ...], d: np.ndarray
) -> bool:
    """Every blank the identities give one value (the chosen readings changed by ``d``) is a whole number, 0 or more."""
    if not blank:
        return True
    x = v.copy()
    for j, dj in zip(chosen, d, strict=True):
        x[read[j]] += dj
    ab = a[:, blank]
    rhs = -(a[:, read] @ x[read])
    sol, *_ = np.linalg.lstsq(ab, rhs, rcond=None)
    _, s, vt = np.linalg.svd(ab, full_matrices=True)
    rank = int((s > EPS).sum())
    null = vt[rank:]  # directions the blanks may move in: a blank with none of them is fixed
    fixed = np.abs(null).max(axis=0, initial=0.0) < EPS if null.size else np.ones(len(blank), dtype=bool)
    return bool(np.all((sol[fixed] > -EPS) & (np.abs(sol[fixed] - np.round(sol[fixed])) < EPS)))


def _is_reading(cell: Cell) -> bool:
    """A count as OCR read it, no rule having changed or set it aside."""
    return isinstance(cell.value, int) and cell.where is not None and cell.where.read_as is None
