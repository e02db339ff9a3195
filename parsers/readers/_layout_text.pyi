# The text side of pdf_layout (_layout_text.c), built by scripts/build_native.py; None: a value it does not cover.
from collections.abc import Callable, Sequence
from typing import Any

def extract(
    rows: list[list[tuple[float, float, float, float] | None]],
    chars: Sequence[Any],
    keys: list[float],
    order: list[int],
    h: list[float],
    v: list[float],
    cell_text: Callable[[Sequence[Any]], str],
    ligatures: dict[int, str],
    /,
) -> list[list[str | None]] | None: ...
def outside(
    chars: Sequence[Any], h: list[float], v: list[float], boxes: list[Any], slack: float, /
) -> list[Any] | None: ...
def text_lines(chars: Sequence[Any], /) -> list[tuple[list[Any], tuple[float, float, float, float]]] | None: ...
def has_duplicates(chars: Sequence[Any], /) -> bool | None: ...
