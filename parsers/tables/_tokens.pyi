# tokens.tokenize_by_python's line loop (_tokens.c), built by scripts/build_native.py.
from collections.abc import Callable
from typing import Any

def tokenize(
    norm: str,
    tokens: list[Any],
    present: str,
    nbsp_lines: frozenset[int],
    derived: dict[str, tuple[str, bool, bool, bool, bool]],
    derived_fn: Callable[[str], tuple[str, bool, bool, bool, bool]],
    split_fn: Callable[[str, int, int, int, bool], list[Any]],
    line_fn: Callable[[list[Any], str, int, int], None],
    /,
) -> None: ...
def present(norm: str, chars: str, /) -> list[str]: ...
