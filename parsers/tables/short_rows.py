"""Table 三 rows short of values (cells a text lost or left blank): placed by the grid's columns, the header's
column names, the lines above, the gaps between values, or the rows' rules, where the identities decide."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from itertools import combinations

from parsers.tables.align import Fit, Value, first_and_total, fit
from parsers.tables.band_placing import lay_by_bands
from parsers.tables.blank_rows import (
    blanks_by_lines,
    column_bands,
    leading_newlines,
)
from parsers.tables.checks import (
    identities_at,
)
from parsers.tables.grid_columns import by_grid_columns, own_grid
from parsers.tables.named_columns import names_by_ruler
from parsers.tables.reading import Found, Reading, original_spans
from parsers.tables.rules import Piece, prints_rules, rule_readings
from parsers.tables.solve import (
    MAX_SOLUTIONS,
    Identity,
    choose_rows,
    row_total_holds,
)
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    N_APP,
    RowDef,
)
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import (
    COL,
    END,
    IS_VALUE,
    LINE,
    OCR_RAW,
    START,
    TABBED,
    TEXT,
    Token,
    normalise,
    number_value,
    token,
)


def short_rows_by_grid(
    r: Reading, pending: dict[str, list[Token]], scorer_for: Callable[[str], Callable[[list[Value]], int]]
) -> dict[str, Fit]:
    """Rows of table 三 short of values in the parser's own OCR or PDF reading of a ruled table, read by the grid
    fields the nearest whole rows of their grid print their values in
    (:func:`parsers.tables.grid_columns.by_grid_columns`),
    when the identities like that placement as well as the order's. The cells no value stands in are left blank
    (a cell the engine read nothing in, or printed empty), the unreadable ones named. Reported as
    ``grid_columns`` (a guess: the page's grid, not the identities, places the values)."""
    if not pending or not own_grid(r):
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if (grid := by_grid_columns(r, vals, N_APP)) is None:
            continue
        laid, unreadable = grid
        score = scorer_for(key)
        placed = Fit(laid, "positional", [])
        if score(placed.values()) < score(fit(vals, N_APP, score, edge=first_and_total).values()):
            continue
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "grid_columns",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, each read in the column whose grid field the "
            "nearest whole rows of its table print their values in ("
            + ("a scan's grid" if r.extracted.ocr else "the PDF reader's grid")
            + "); "
            f"{', '.join(blank)} blank"
            + (f" ({', '.join(repr(t[TEXT]) for t in unreadable)} unreadable)" if unreadable else "")
            + (", the row's total holding" if row_total_holds(placed.values()) else ", the row's total not holding"),
            f"{T}/{key}",
            vals[0],
        )
        out[key] = placed
    return out


def short_rows_by_names(r: Reading, pending: dict[str, list[Token]]) -> dict[str, Fit]:
    """Rows of table 三 short of cells in a pandoc table laid out by spaces, whose values each stand under a column
    name its header prints (:func:`parsers.tables.named_columns.names_by_ruler`): read by the names, the column
    no name heads left blank (never summed). Reported as ``named_columns``."""
    assert r.canonical is not None
    if not pending or r.canonical.convention in ("tab", "markdown", "markdown_html"):
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 1 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        columns = names_by_ruler(r.extracted.text, spans, N_APP)
        if columns is None:
            continue
        laid: list[Token | None] = [None] * N_APP
        for t, col in zip(vals, columns, strict=True):
            laid[col] = t
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "named_columns",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, each read under the column name the table's "
            f"header prints above it (a pandoc table laid out by spaces); {', '.join(blank)} not printed in this "
            "row: blank",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out


def short_rows_by_lines(
    r: Reading,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """Rows of table 三 short of cells, printed a value a line by a tool that prints an empty cell as an empty
    paragraph (docx2txt, LibreOffice's text, BeautifulSoup's lines): their blank cells placed where the text
    prints the extra empty lines (:func:`parsers.tables.blank_rows.blanks_by_lines`; before the first value,
    against the gap the table's full rows print there), when the identities like that placement as well as any
    other. Reported as ``blank_cells_placed``."""
    text = r.extracted.text
    starts: list[int] = []
    for f in fits.values():
        if f.how != "exact" or (spans := original_spans(r, [t for t in f.tokens if t is not None])) is None:
            continue
        if all(text.count("\n", a[1], b[0]) >= 1 for a, b in itertools.pairwise(spans)):
            starts.append(leading_newlines(text, spans[0][0]))
    base = None
    if len(starts) >= 3 and (top := max(set(starts), key=starts.count)) and starts.count(top) * 3 >= len(starts) * 2:
        base = top
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 2 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        cols = blanks_by_lines(text, spans, N_APP, base)
        if cols is None or cols[-1] >= N_APP:
            continue
        laid: list[Token | None] = [None] * N_APP
        for t, c in zip(vals, cols, strict=True):
            laid[c] = t
        score = scorer_for(key)
        if score(Fit(laid, "padded", []).values()) < score(fit(vals, N_APP, score, edge=first_and_total).values()):
            continue
        blank = [c + 1 for c in range(N_APP) if laid[c] is None]
        r.warn(
            "blank_cells_placed",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, printed a value a line with empty lines "
            f"for empty cells: cells {', '.join(map(str, blank))} read as blank where the empty lines are (a guess)",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out


def short_rows_by_columns(
    r: Reading,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """Rows of table 三 short of cells, printed on one line laid out in columns by spaces by a tool that lays
    the page on a character grid (poppler's ``-layout``, pypdf's and pdfplumber's layout modes) or a terminal's
    (pandoc's plain tables, a CJK character two columns): a blank cell
    prints nothing but keeps its room, so each value is the column whose place on the line the table's whole rows
    print their values in (:func:`parsers.tables.blank_rows.column_bands`: a run of three such rows at least,
    agreeing, around the row or, a page break between, next to it before or after it),
    when the identities like that placement as well as any other. The cells no value stands in are blanks the
    report printed, not cells the text lost (they are not deduced 0). Reported as ``blank_cells_placed``."""
    if not pending:
        return {}
    text = r.extracted.text
    whole = [
        spans
        for f in fits.values()
        if f.how in ("exact", "positional")
        and None not in f.tokens
        and (spans := original_spans(r, [t for t in f.tokens if t is not None])) is not None
    ]
    # a character grid (poppler, pypdf, pdfplumber) first, a terminal's (pandoc's plain tables) else
    # a text laid out as a whole (``layout``) may print a narrow table's columns a single space apart
    laid_out = r.canonical is not None and r.canonical.convention == "layout"
    grids = [
        (wide, runs)
        for wide in (False, True)
        if (runs := column_bands(text, sorted(whole), N_APP, wide, single_spaced=laid_out))
    ]
    if not grids:
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 1 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        how = (
            "on one line laid out in columns by spaces: each value read in the column the table's whole rows "
            "print at its place"
        )
        if (laid := lay_by_bands(r, key, vals, 0, spans, grids, scorer_for(key), how)) is not None:
            out[key] = laid
    return out


# a cell of zeros and marks that are a 1 or a table rule (``101``, ``1010``, ``|0|``): 0 between two rules, or a
# number with 1s in it; or a cell with a rule inside it read as a 1 (``101|14``); or two letters alone, a rule
# and a letter o (``lo``, ``oI``: a 0 beside its rule, read 10 or 01)
_RULE_OR_DIGIT = re.compile(r"^(?=.*0)(?=.*[1lI|])[01lI|oO]{3,}$|^[lI|][oO〇]$|^[oO〇][lI|]$")


def blank_rule_or_digit_cells(r: Reading, fits: dict[str, Fit]) -> None:
    """In OCR'd text (no TAB or Markdown cells), a row whose reading is in doubt (cells lost, or a total that
    fails) and that holds a cell like ``101`` — a 0 between two rules OCR read as 1s, or a number — or a cell
    with a bar inside (``101|14``) has that cell left blank (``rule_or_digit``): nothing in the row confirms
    either reading. In text that glues every row's cells (convention ``glued``: no rules printed), a row split
    from its run of digits (``split``: its total holds, the split chosen by the table's identities) is in no doubt."""
    assert r.canonical is not None
    if r.canonical.convention in ("tab", "markdown", "markdown_html"):
        return
    sure = (
        ("exact", "positional", "rules", "split")
        if r.canonical.convention == "glued"
        else ("exact", "positional", "rules")
    )
    for key, f in fits.items():
        if f.how in sure and row_total_holds(f.values()):
            continue
        for c, tok in enumerate(f.tokens):
            if tok is None:
                continue
            raw = tok[OCR_RAW] or tok[TEXT]
            if not (_RULE_OR_DIGIT.match(raw) or "|" in raw.strip("|")):
                continue  # ``101114`` printed ``101|14``: a rule inside, read as a 1
            f.tokens[c] = None
            r.warn(
                "rule_or_digit",
                f"{T}/{key}/{APPLICANT_COLUMNS[c]}: {raw!r} may be a 0 between the table's rules "
                "or a number, and the row does not add up either way; left blank",
                f"{T}/{key}/{APPLICANT_COLUMNS[c]}",
                tok,
            )


def rule_glued_rows(
    r: Reading, rows: list[RowDef], fmt: str, found: list[Found | None], fits: dict[str, Fit], stops: dict[str, int]
) -> dict[str, Fit]:
    """Rows whose reading fails the row total (or lost cells), read again from the printed line with the
    table's rules glued to the digits (:mod:`parsers.tables.rules`): each such row's readings whose total holds,
    chosen together by the table's other identities over the rows that read plainly. A row is taken only when
    one choice remains; reported ``rule_glued`` with the printed text. Only in a table printed with its rules
    (:func:`parsers.tables.rules.prints_rules`): elsewhere a total that fails is the published one, kept."""
    placed = [f.index for f in found if f is not None]
    if not placed:
        return {}
    assert r.canonical is not None
    start, end = r.tokens[placed[0]][START], r.tokens[max(stops.values(), default=placed[-1]) - 1][END]
    if not prints_rules(r.canonical.convention, r.text[start:end]):
        return {}
    at = {row.key: i for i, row in enumerate(rows)}
    options: dict[int, list[tuple[Value, ...]]] = {}
    pieces: dict[int, tuple[list[tuple[Piece, ...]], int, Token]] = {}
    stop_of: dict[int, int] = {}
    for row, f in zip(rows, found, strict=True):
        current = fits.get(row.key)
        if f is None or current is None:
            continue
        guessed = current.how in ("split", "merged")  # a number split or joined: a guess the rules may undo
        if current.how not in ("padded", "short", "dropped") and row_total_holds(current.values()) and not guessed:
            continue  # read whole with its total holding
        label = r.tokens[f.index]
        # from the row's first value (on the label's line, or the next line when the label wrapped above it)
        end = stops.get(row.key, f.index + 1)
        first = next((t for t in r.tokens[f.index + 1 : end] if t[IS_VALUE]), None)
        begin = label[END] if first is None or first[LINE] == label[LINE] else first[START]
        begin = f.glued[START] if f.glued is not None else begin
        if begin == label[END] and (m := _LABEL_TAIL_CELLS.search(r.text, label[START], label[END])):
            begin = m.start()  # the row's first cells OCR ran into its label (``合法权益 fo | o fo``)
        stop = r.text.find("\n", begin)
        stop = len(r.text) if stop < 0 else stop
        readings = rule_readings(normalise(r.text[begin:stop]), N_APP)
        if not readings:
            continue
        if [p.value for p in readings[0]] == current.values() and len(readings) == 1:
            continue
        options[at[row.key]] = [tuple(p.value for p in reading) for reading in readings]
        if guessed:
            if tuple(current.values()) in options[at[row.key]]:
                del options[at[row.key]]
                continue  # the guess is a reading by the rules too
            options[at[row.key]].append(tuple(current.values()))  # last: kept when it is chosen
        pieces[at[row.key]] = (readings, begin, label)
        stop_of[at[row.key]] = stop
    if not options:
        return {}
    firm = {
        at[key]
        for key, f in fits.items()
        if at[key] not in options and f.how in ("exact", "positional") and not f.ambiguous
        and row_total_holds(f.values())
    }  # fmt: skip
    known = {(at[key], c): v for key, f in fits.items() if at[key] in firm for c, v in enumerate(f.values())}
    usable = _usable(identities_at(rows, fmt), firm, options)
    choices, complete = choose_rows(options, known, usable)
    if not complete or not choices:
        return {}
    out: dict[str, Fit] = {}
    for i, (readings, begin, label) in pieces.items():
        picked = {choice[i] for choice in choices}
        by_rules = [j for j in picked if j < len(readings)]
        own = fits[rows[i].key].how
        if len(by_rules) != 1 or len(picked) > 2 or (len(picked) == 2 and own != "split"):
            continue  # open, or the row's own reading (a split or join) chosen
        j = by_rules[0]  # over a split of the digits the identities equally allow: the rules explain the text
        reading = readings[j]
        cells: list[Token | None] = [
            token(str(p.value), begin + p.start, begin + p.end, label[LINE], label[COL], label[TABBED], split=True)
            for p in reading
        ]
        printed = " ".join(r.text[begin : stop_of[i]].split())
        key = rows[i].key
        how = (
            "the only reading whose row total holds"
            if len(readings) == 1
            else f"of its {len(readings)} readings whose row total holds, the only one the table's identities allow"
        )
        read = " ".join(t[TEXT] for t in cells if t)
        guess = f"{printed!r} read as {read} (the table's rules printed as 1 or glued to the digits; {how})"
        out[key] = Fit(cells, "rules", [], guess=guess)
        stale = ("unreadable_cell", "unknown_row")  # what the plain reading said of the cells now read
        r.warnings[:] = [w for w in r.warnings if not (w.key == f"{T}/{key}" and w.code in stale)]
    return out


# cells with their rules glued on, at the end of a label token (``… 4.保护第三方合法权益 fo``): a space before them
_LABEL_TAIL_CELLS = re.compile(r"(?<=\s)(?:[\[\]|!fjJ{}]{0,2}[0-9oO〇]{1,3}[\]|!}]?\s*)+$")


def place_short_rows(
    r: Reading, rows: list[RowDef], fmt: str, short: dict[str, list[Token]], fits: dict[str, Fit]
) -> dict[str, Fit]:
    """Rows that print fewer values than columns (cells lost: OCR drops lone zeros, text drops blank cells):
    each row's values kept in order, in every placement whose row total holds; the placements of all such rows
    chosen together by the table's other identities (the per-column sums, the balance), over the rows read
    plainly. Taken only when exactly one choice satisfies them all (``placed_by_identities``); otherwise the
    rows keep their reading (reported ``ambiguous``)."""
    at = {row.key: i for i, row in enumerate(rows)}
    laid_out = r.canonical is not None and r.canonical.convention == "layout"
    whole = _whole_lines(fits) if laid_out else []
    options: dict[int, list[tuple[Value, ...]]] = {}
    slots: dict[int, list[tuple[int, ...]]] = {}
    gapped: set[int] = set()  # rows whose placements the gaps in the printed line narrowed
    lost_cells: dict[int, Value] = {}  # rows short of one non-zero cell: the value the row total wants there
    for key, vals in short.items():
        values = [number_value(t[TEXT]) for t in vals]
        for cols in combinations(range(N_APP), len(vals)):
            row: list[Value] = [None] * N_APP
            for c, v in zip(cols, values, strict=True):
                row[c] = v
            if row_total_holds(row):
                options.setdefault(at[key], []).append(tuple(row))
                slots.setdefault(at[key], []).append(cols)
        i = at[key]
        if i not in options and (lost := _lost_value(values)) is not None:
            # no placement holds the row total: one cell the text lost was not 0. Each column may be the lost
            # one, valued what the total wants, for the table's other identities to choose; it stays blank.
            for c in range(N_APP - 1):
                cols = tuple(k for k in range(N_APP) if k != c)
                row = [None] * N_APP
                for k, v in zip(cols, values, strict=True):
                    row[k] = v
                row[c] = lost
                options.setdefault(i, []).append(tuple(row))
                slots.setdefault(i, []).append(cols)
            lost_cells[i] = lost
        if i in slots and len(slots[i]) > 1 and (keep := _by_gaps(vals, slots[i], _ordinary_gap(vals, whole))):
            gapped.add(i)
            options[i] = [options[i][k] for k in keep]
            slots[i] = [slots[i][k] for k in keep]
    if not options:
        return {}
    firm = {
        at[key]
        for key, f in fits.items()
        if key not in short and f.how in ("exact", "positional") and not f.ambiguous and row_total_holds(f.values())
    }
    known = {(at[key], c): v for key, f in fits.items() if at[key] in firm for c, v in enumerate(f.values())}
    usable = _usable(identities_at(rows, fmt), firm, options)
    choices, complete = choose_rows(options, known, usable)
    if not choices or not complete or len(choices) >= MAX_SOLUTIONS:
        return {}  # none, or more than the search lists: no row can be said to have one placement
    out: dict[str, Fit] = {}
    for key, vals in short.items():
        i = at[key]
        if i not in options or len({choice[i] for choice in choices}) != 1:
            continue  # this row's placement is left open by the identities
        cols = slots[i][choices[0][i]]
        cells: list[Token | None] = [None] * N_APP
        for c, tok in zip(cols, vals, strict=True):
            cells[c] = tok
        if i in lost_cells:
            blank = next(c for c in range(N_APP) if c not in cols)
            r.warn(
                "placed_by_identities",
                f"{T}/{key}: {len(vals)} values for {N_APP} cells ({' '.join(t[TEXT] for t in vals)}) and no "
                f"placement holds the row total: a lost cell was {lost_cells[i]}, and only in column "
                f"{APPLICANT_COLUMNS[blank]} does that satisfy the table's identities; the values placed around "
                "it, that cell left blank",
                f"{T}/{key}",
                vals[0],
            )
        elif Fit(cells, "padded", []).values() != fits[key].values() or fits[key].ambiguous:
            r.warn(
                "placed_by_identities",
                f"{T}/{key}: {len(vals)} values for {N_APP} cells ({' '.join(t[TEXT] for t in vals)}); placed in "
                f"columns {', '.join(APPLICANT_COLUMNS[c] for c in cols)}, the only placement of the table's short "
                "rows that satisfies every identity"
                + (" among those the gaps in the printed row allow" if i in gapped else "")
                + " (a guess: the other cells are blank)",
                f"{T}/{key}",
                vals[0],
            )
        out[key] = Fit(cells, "padded", [])
    return out


def _lost_value(values: list[Value]) -> Value:
    """A row short of exactly one cell, its total printed: what the lost cell was when it was not 0 (the total
    less the others), else None."""
    printed = [v for v in values if v is not None]
    if len(values) != N_APP - 1 or len(printed) != len(values):
        return None
    lost = printed[-1] - sum(printed[:-1])
    return lost if lost > 1e-6 else None


def _usable(identities: list[Identity], firm: set[int], options: dict[int, list[tuple[Value, ...]]]) -> list[Identity]:
    """The identities a joint choice can check: every row in them read firmly or to be chosen, one at least to be
    chosen (one among firm rows alone that fails says nothing of the choice)."""
    return [
        i
        for i in identities
        if all(row in firm or row in options for row in i.rows) and any(row in options for row in i.rows)
    ]


GAP_RATIO = 2.0  # a gap this many times the widest ordinary gap between cells marks cells lost there


def _whole_lines(fits: dict[str, Fit]) -> list[list[Token]]:
    """The values of the rows read whole, every cell printed, on one line each (a laid-out table's own spacing)."""
    out = []
    for f in fits.values():
        toks = [t for t in f.tokens if t is not None]
        if f.how in ("exact", "positional") and len(toks) == N_APP and len({t[LINE] for t in toks}) == 1:
            out.append(toks)
    return out


def _ordinary_gap(vals: list[Token], whole: list[list[Token]]) -> int | None:
    """The widest gap a whole row next to a short row's line prints between its cells (the nearest above and the
    nearest below, the narrower of the two: a table split in two may be laid out wider in one part), or None where
    no whole row is on either side."""
    line = vals[0][LINE]
    above = [w for w in whole if w[0][LINE] < line]
    below = [w for w in whole if w[0][LINE] > line]
    near = [max(above, key=lambda w: w[0][LINE])] if above else []
    near += [min(below, key=lambda w: w[0][LINE])] if below else []
    if not near:
        return None
    return min(max(b[START] - a[END] for a, b in itertools.pairwise(w)) for w in near)


def _by_gaps(vals: list[Token], placements: list[tuple[int, ...]], ordinary: int | None = None) -> list[int]:
    """The placements (indexes into ``placements``) that put the lost cells where the printed row has its wide
    gaps (OCR and layout text keep a lost cell's room as spaces: ``11      2            1      0   14``): every
    gap that holds a lost cell at least :data:`GAP_RATIO` times the widest gap that holds none, and, where the
    text is laid out by spaces as a whole and a whole row of the table prints next to the row (``ordinary``: the
    widest gap such a row prints, :func:`_ordinary_gap`), wider than that: a narrow grid may print a wider column's
    ordinary gap as 2 beside gaps of 1 (``0  0 0 0 0 0 0``, a whole row), which is no lost cell's room in a row
    printed the same way (``0  0 0 0 0 0``). Empty when the values are not on one line or the gaps tell nothing
    apart."""
    if len(vals) < 2 or len({t[LINE] for t in vals}) != 1:
        return []
    gaps = [b[START] - a[END] for a, b in itertools.pairwise(vals)]
    keep = []
    for k, cols in enumerate(placements):
        lost = [cols[j + 1] - cols[j] - 1 for j in range(len(gaps))]
        wide = [g for g, n in zip(gaps, lost, strict=True) if n]
        narrow = [g for g, n in zip(gaps, lost, strict=True) if not n]
        if wide and narrow and min(wide) >= GAP_RATIO * max(narrow) and (ordinary is None or min(wide) > ordinary):
            keep.append(k)
    return keep
