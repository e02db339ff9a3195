"""The key of a warning about a run of rows."""

from __future__ import annotations


def run_key(table: str, rows: list[str]) -> str:
    """A warning's key for a run of rows read (or left blank) together: the row, or the table where the run holds
    several (the warning is about each of them: its key must name each one's cells)."""
    return f"{table}/{rows[0]}" if len(rows) == 1 else table
