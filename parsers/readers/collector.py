"""Python's cyclic garbage collector paused while a reader builds its many small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a reader allocates thousands of tuples and lists that hold no
    cycles (a PDF page's glyphs, a sheet's rows and cell spans), and the collector's passes over them, every
    700 allocations, cost a share of the reading for nothing. Garbage cycles made meanwhile are collected once
    it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
