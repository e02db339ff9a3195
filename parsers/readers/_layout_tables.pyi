# The table search of pdf_layout (_layout_tables.c), built by scripts/build_native.py.
from typing import Any

def tables(lines: Any, rects: Any, curves: Any, /) -> list[list[tuple[float, float, float, float]]] | None: ...
