"""Runs of digits printed without separators: a row's cells glued into one token, and the pieces of a split."""

from __future__ import annotations

from parsers.tables.align import Value
from parsers.tables.tokens import COL, LINE, START, TABBED, TEXT, Token, token


def is_run(tok: Token, n: int) -> bool:
    """A run of digits long enough to be ``n`` cells printed without separators."""
    return tok[TEXT].isdigit() and n <= len(tok[TEXT]) <= 40


def run_pieces(vals: list[Token], values: tuple[Value, ...]) -> list[Token] | None:
    """The tokens of a split of one or more runs, each piece inside one run, with its own offsets."""
    out: list[Token] = []
    k = 0
    for tok in vals:
        at = 0
        while at < len(tok[TEXT]):
            if k >= len(values):
                return None
            piece = str(values[k])
            if not tok[TEXT].startswith(piece, at):
                return None
            out.append(
                token(
                    piece, tok[START] + at, tok[START] + at + len(piece), tok[LINE], tok[COL], tok[TABBED], split=True
                )
            )
            at += len(piece)
            k += 1
    return out if k == len(values) else None
