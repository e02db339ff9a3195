"""Exit codes of the ``nianbao`` commands, so that scripts and schedulers can tell outcomes apart.

=========  =====  ===========================================================================================
name       code   meaning
=========  =====  ===========================================================================================
OK         0      the command did everything it was asked
FAILED     1      the command failed as a whole (nothing useful was done)
USAGE      2      bad arguments, or an input that does not exist (no database at ``--db`` …)
PARTIAL    3      the command finished, but some items failed (reports that could not be re-parsed …);
                  the failures are listed on stderr and recorded in the ``errors`` table
LOCKED     75     another nianbao process holds the harvest lock of this database; try again later
                  (``EX_TEMPFAIL`` of BSD ``sysexits.h``, which cron and systemd treat as temporary)
INTERRUPT  130    stopped by Ctrl-C (SIGINT), as shells report it
=========  =====  ===========================================================================================
"""

from __future__ import annotations

from typing import Final

OK: Final = 0
FAILED: Final = 1
USAGE: Final = 2
PARTIAL: Final = 3
LOCKED: Final = 75
INTERRUPT: Final = 130

MEANINGS: Final[dict[int, str]] = {
    OK: "ok",
    FAILED: "failed",
    USAGE: "usage error or missing input",
    PARTIAL: "finished with some failures",
    LOCKED: "another nianbao process holds the harvest lock",
    INTERRUPT: "interrupted",
}


def describe(code: int) -> str:
    """A short phrase for an exit code (``"exit code N"`` for one this module does not define)."""
    return MEANINGS.get(code, f"exit code {code}")
