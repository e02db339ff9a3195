# The C loops of pdfium_page (_pdfium_loops.c), built by scripts/build_native.py.
from collections.abc import Callable
from typing import Any

def bind(addresses: tuple[int | None, ...], /) -> None: ...
def read_chars(
    tp: int,
    text: str,
    check_unmapped: bool,
    height: float,
    shown: tuple[float, float, float, float, float, float] | None,
    infos: dict[int, Any],
    by_key: dict[Any, Any],
    make_info: Callable[[Any], Any],
    read_info: Callable[[int, int], Any],
    not_upright: Any,
    chars: list[Any],
    skipped: list[str],
    /,
) -> int: ...
def objects(holder: int, top: bool, /) -> list[tuple[int, Any, Any]]: ...
