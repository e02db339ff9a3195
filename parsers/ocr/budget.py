"""A page's OCR time limit, counted in CPU seconds of the thread that reads the page.

A limit on the wall clock made the result depend on the machine's load: a page that needs 70 s of work ran
past 120 s on a machine shared by five jobs (synth_489's page 2) and was not read, while on a quiet machine it
was. The work a page takes (rendering, preprocessing, the grid, every engine call) runs in one thread — the
pool's worker, or the parsing thread for a one-page scan — so :func:`time.thread_time` counts it and nothing
else: not another thread's page, not the wait for the engine's lock, not the time the process waited for a core.

A deadline is a value of that clock (:func:`deadline_after`), checked before and after each engine call
(:func:`check`). Tesseract's own ``Recognize(timeout=…)`` counts wall-clock milliseconds; it is given
:data:`WALL_FACTOR` times the CPU seconds left (:func:`engine_ms`), only so that one call can never hang a page:
on a machine loaded less than that, the CPU check decides. The pool's wait for a worker's result
(``document.read_pages``) is bounded the same way.
"""

from __future__ import annotations

import time

WALL_FACTOR = 10.0  # wall-clock seconds allowed per CPU second, as a backstop against a call that hangs


class PageTimeout(Exception):
    """A page took more CPU time than its time limit."""


def now() -> float:
    """CPU seconds of the calling thread."""
    return time.thread_time()


def deadline_after(seconds: float) -> float:
    return time.thread_time() + seconds


def check(deadline: float) -> None:
    if time.thread_time() > deadline:
        raise PageTimeout()


def engine_ms(deadline: float) -> int:
    """The wall-clock milliseconds an engine call may take (the backstop); :class:`PageTimeout` when the page's CPU
    time is already spent."""
    left = deadline - time.thread_time()
    if left <= 0:
        raise PageTimeout()
    return max(1, int(left * WALL_FACTOR * 1000))
