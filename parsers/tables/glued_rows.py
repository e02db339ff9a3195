"""Table 三 rows printed as runs of digits (cells glued by the extractor): each run split into the row's cells
so that the row total holds, the splits of all such rows chosen jointly so that every identity holds."""

from __future__ import annotations

from parsers.tables.align import Fit, Value
from parsers.tables.checks import (
    identities_at,
)
from parsers.tables.digit_runs import run_pieces
from parsers.tables.nbsp_runs import row_splits_by_nbsp
from parsers.tables.reading import Found, Reading
from parsers.tables.short_runs import alike_groups, read_alike, short_run_placements
from parsers.tables.solve import (
    Identity,
    choose_rows,
    row_total_holds,
    split_row,
)
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import (
    N_APP,
    RowDef,
)
from parsers.tables.text_layer import marks_of_ocr
from parsers.tables.tokens import (
    END,
    IS_VALUE,
    LINE,
    START,
    TEXT,
    Token,
)
from parsers.tables.wrong_total_runs import every_split, one_cell_off

MAX_CHOICES = 500  # choices holding every identity looked at at most where a short run's placements are among them


def after_text(r: Reading, first: Token) -> bool:
    """Whether the line of token ``first`` prints text (a label or a piece of one) before it: a row laid out
    on a line, not a line of values alone (a stream's)."""
    head = r.text[r.text.rfind("\n", 0, first[START]) + 1 : first[START]]
    return any(not (ch.isspace() or ch.isdigit()) for ch in head)


def inside_label(r: Reading, label: Token, vals: list[Token]) -> bool:
    """Whether a row's values print alone on the line right after its label's first line, the line after them text
    only (pdfplumber's ``extract_text``: a cell's lines and the next cell's interleave by their height, so a wrapped
    label's two lines stand above and below its row's one line of values, ``5.要求行政机关确认或重新出具已获取`` /
    ``0 01 0 01112`` / ``信息``): a row laid out on its label's lines as :func:`after_text`'s."""
    line = vals[0][LINE]
    if label[LINE] != line - 1 or any(t[LINE] != line for t in vals) or after_text(r, vals[0]):
        return False
    rest = r.line_tokens(line + 1)
    return bool(rest) and not any(t[IS_VALUE] for t in rest)


def glued_text_layer(r: Reading, found: list[Found | None], table_end: int) -> bool:
    """Whether table 三 (its first label found to ``table_end``) is a text layer's or a page's text, no OCR's:
    :func:`parsers.tables.text_layer.marks_of_ocr` finds none of OCR's marks in it (a table's rules read as bars or
    letters, brackets of both widths). Only there does a run of digits beginning with 0 tell that a gap was lost:
    OCR prints runs of digits glued or parted as its boxes fall, and reads specks as 0 (``0|101|101110``)."""
    first = next((f.index for f in found if f is not None), None)
    if first is None:
        return False
    last = r.tokens[min(max(table_end, first), len(r.tokens) - 1)]
    return not marks_of_ocr(r, r.where(r.tokens[first]).offset, r.where(last).end)


def is_glued_run(vals: list[Token]) -> bool:
    """A row printed as fewer runs of digits than it has cells (on a line after label text: the caller's check), its
    digits as many as its cells at least, one run at least printing a 0 before other digits (``3 05 0 008``,
    ``440120 0056``: a laid-out text that lost the gaps between narrow columns): no count prints a leading 0, so
    the runs hold several cells each."""
    return (
        1 < len(vals) < N_APP
        and all(t[TEXT].isdigit() for t in vals)
        and sum(len(t[TEXT]) for t in vals) >= N_APP
        and any(len(t[TEXT]) > 1 and t[TEXT][0] == "0" for t in vals)
    )


def split_runs(
    r: Reading, rows: list[RowDef], fmt: str, runs: dict[str, list[Token]], state: dict[str, list[Value]]
) -> dict[str, Fit]:
    """Rows printed as runs of digits (``374412512810103918``, or a few runs ``3 05 0 008``, :func:`is_glued_run`): each
    split into the row's cells so that the row total holds (:func:`parsers.tables.solve.split_row`), no cell
    across two runs, the splits of all such rows chosen jointly so that every identity of the table holds. A row
    whose split the identities leave open gets blank cells and an ``ambiguous_split`` warning naming the
    readings."""
    at = {row.key: i for i, row in enumerate(rows)}
    options: dict[int, list[tuple[Value, ...]]] = {}
    marked: set[str] = set()  # rows whose blank cells print as no-break spaces among their runs
    glued = r.canonical is not None and r.canonical.convention == "glued"
    # rows of one run shorter than the row (its empty cells printed as nothing): their placements, in groups alike
    # to every identity (:mod:`parsers.tables.short_runs`)
    short: dict[str, dict[tuple[Value, ...], list[tuple[Value, ...]]]] = {}
    for key, toks in runs.items():
        if (by_nbsp := nbsp_splits(r, toks)) is not None:
            options[at[key]] = by_nbsp
            marked.add(key)
            continue
        if glued and len(toks) == 1 and (groups := alike_groups(short_run_placements(toks[0][TEXT], N_APP))):
            short[key] = groups
            options[at[key]] = list(groups)
            continue
        found = split_row("".join(t[TEXT] for t in toks), N_APP)
        options[at[key]] = [o for o in found if run_pieces(toks, o) is not None] if found else []
    known = {(at[key], c): v for key, vals in state.items() for c, v in enumerate(vals)}
    solvable = {i: o for i, o in options.items() if o}
    if short:
        choices, complete = choose_rows(solvable, known, identities_at(rows, fmt), cap=MAX_CHOICES)
        complete = complete and len(choices) < MAX_CHOICES
    else:
        choices, complete = choose_rows(solvable, known, identities_at(rows, fmt))
    off = _wrong_total_run(runs, options, solvable, known, identities_at(rows, fmt), at) if glued else None
    if off is not None:  # a run no split of which holds its total, decided by the other identities
        solvable, choices, complete = off[0], [off[1]], True
    by_read = not choices and complete and not short and off is None and bool(solvable)
    if by_read:  # no choice holds every identity with the cells still unread as 0: those through none of them
        choices, complete = choose_rows(solvable, known, read_identities(identities_at(rows, fmt), solvable, known))
    out: dict[str, Fit] = {}
    for key, groups in short.items():
        i = at[key]
        kept = {options[i][c[i]] for c in choices} if choices and complete else set(groups)
        out[key] = _short_fit(r, key, runs[key][0], [p for values in kept for p in groups[values]])
    for key, toks in runs.items():
        if key in short:
            continue
        i = at[key]
        tok = toks[0]
        shown = " ".join(t[TEXT] for t in toks)
        picked = {choice[i] for choice in choices if i in choice} if choices and complete else set()
        if len(picked) == 1 or (i in solvable and len(solvable[i]) == 1):
            values = solvable[i][picked.pop() if len(picked) == 1 else 0]
            cells = _pieces_and_blanks(toks, values)
            if cells is not None:
                printed = " ".join("(blank)" if t is None else t[TEXT] for t in cells)
                alone = len(solvable[i]) == 1
                note = ", a no-break space printed for each blank cell where it stands," if key in marked else ""
                guess = f"{shown!r}{note} split as {printed}" + (
                    " (no split holds its total: the only one under which every identity holds but those through "
                    "one of its cells, the one published wrong)"
                    if not options[i]
                    else ""
                    if alone
                    else f" (of its {len(solvable[i])} splits whose total holds, the one under which every identity "
                    "through no unread cell holds: with the table's unread cells as 0 none held)"
                    if by_read
                    else f" (of its {len(solvable[i])} splits whose total holds)"
                )
                out[key] = Fit(list(cells), "split", [], guess=guess)
                continue
        readings = options[i]
        r.warn(
            "ambiguous_split",
            f"{T}/{key}: digits printed without separators, {shown!r}: "
            + (
                f"{len(readings)} splits satisfy the row total ("
                + "; ".join(" ".join(str(v) for v in o) for o in readings[:4])
                + ("; …" if len(readings) > 4 else "")
                + "), the table's identities do not single one out; cells left blank"
                if readings
                else "no split satisfies the row total; cells left blank"
            ),
            f"{T}/{key}",
            tok,
        )
        out[key] = Fit([None] * N_APP, "positional", [])
    return out


def read_identities(
    identities: list[Identity], solvable: dict[int, list[tuple[Value, ...]]], known: dict[tuple[int, int], Value]
) -> list[Identity]:
    """The ``identities`` through no cell left unread: every cell of each is a row's to split (``solvable``) or read
    (a number in ``known``, of a row whose total holds). A row read short or wrong (pdfplumber's wrapped label
    around a line of glued runs, read as whole runs) leaves cells blank that are no zeros, or numbers that are no
    cells: an identity through them decides no split."""
    by_row: dict[int, list[Value]] = {}
    for (row, col), v in known.items():
        by_row.setdefault(row, [None] * N_APP)[col] = v
    doubtful = {row for row, values in by_row.items() if not row_total_holds(values)}
    return [
        ident
        for ident in identities
        if all(c[0] in solvable or (c[0] not in doubtful and known.get(c) is not None) for c in ident.cells)
    ]


def short_glued_row(r: Reading, vals: list[Token]) -> bool:
    """A row of table 三 printed, in text that glues every cell to the next (convention ``glued``), as one run of
    fewer digits than its cells that some split holding the row total reads (its empty cells printed as nothing:
    :mod:`parsers.tables.short_runs`)."""
    return (
        r.canonical is not None
        and r.canonical.convention == "glued"
        and len(vals) == 1
        and bool(short_run_placements(vals[0][TEXT], N_APP))
    )


def _short_fit(r: Reading, key: str, tok: Token, placements: list[tuple[Value, ...]]) -> Fit:
    """A short run's row (:func:`short_glued_row`) read from the ``placements`` the table's identities keep: each
    cell every one of them reads alike (a number, or a blank), the others blank and said (``placement_open``)."""
    cells, open_cols = read_alike(placements)
    pieces = _pieces_and_blanks([tok], placements[0])
    assert pieces is not None  # (every placement's pieces are the run's own)
    tokens = [None if c in open_cols else t for c, t in enumerate(pieces)]
    printed = " ".join("(blank)" if v is None else str(v) for v in cells)
    guess = (
        f"{tok[TEXT]!r}, fewer digits than the row's {N_APP} cells (its empty cells printed as nothing), read as "
        f"{printed}"
    )
    if not open_cols:
        return Fit(tokens, "split", [], guess=f"{guess}, the only placement of its pieces")
    r.warn(
        "placement_open",
        f"{T}/{key}: {guess}: {len(placements)} placements of its pieces hold the table's identities; which cells "
        f"the report left empty is not in the text (a 0 and a blank are alike to every identity): the cells in doubt "
        "left blank",
        f"{T}/{key}",
        tok,
    )
    return Fit(tokens, "positional", [])


def nbsp_splits(r: Reading, toks: list[Token]) -> list[tuple[Value, ...]] | None:
    """A row of table 三 printed as runs of digits whose blank cells print as no-break spaces among them, on one
    line (BeautifulSoup's glued text: ``（二）部分公开…22\xa0000022``): its splits with a blank where each no-break
    space stands, whose total holds (:func:`parsers.tables.nbsp_runs.row_splits_by_nbsp`); None where the row is not
    so printed (its runs then split as runs)."""
    if len({t[LINE] for t in toks}) != 1:
        return None
    text = r.text
    stop = text.find("\n", toks[-1][END])
    found = row_splits_by_nbsp(text[toks[0][START] : len(text) if stop < 0 else stop], N_APP)
    if found is None:
        return None
    return [o for o in found if run_pieces(toks, tuple(v for v in o if v is not None)) is not None]


def _pieces_and_blanks(toks: list[Token], values: tuple[Value, ...]) -> list[Token | None] | None:
    """:func:`run_pieces` of a split whose blank cells (None) print as no spaces between the runs: the pieces, a
    None for each blank, in order."""
    pieces = run_pieces(toks, tuple(v for v in values if v is not None))
    if pieces is None:
        return None
    out: list[Token | None] = []
    k = 0
    for v in values:
        if v is None:
            out.append(None)
        else:
            out.append(pieces[k])
            k += 1
    return out


def _wrong_total_run(
    runs: dict[str, list[Token]],
    options: dict[int, list[tuple[Value, ...]]],
    solvable: dict[int, list[tuple[Value, ...]]],
    known: dict[tuple[int, int], Value],
    identities: list[Identity],
    at: dict[str, int],
) -> tuple[dict[int, list[tuple[Value, ...]]], dict[int, int]] | None:
    """In glued text, the one run whose splits all fail its row total (a wrong published total) split by the other
    identities (:mod:`parsers.tables.wrong_total_runs`): the candidates with its splits and the one choice; None
    when there is no such run, more than one, or the identities leave it open."""
    lost = [key for key in runs if not options[at[key]]]
    if len(lost) != 1:
        return None
    toks = runs[lost[0]]
    every = every_split("".join(t[TEXT] for t in toks), N_APP)
    if not every:
        return None
    i = at[lost[0]]
    splits: list[tuple[Value, ...]] = [s for s in every if run_pieces(toks, s) is not None]
    choice = one_cell_off(i, splits, solvable, known, identities, N_APP)
    return None if choice is None else ({**solvable, i: splits}, choice)
