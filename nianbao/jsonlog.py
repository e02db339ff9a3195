"""An optional JSON Lines log of a run, for log shippers: one object per log record, then the run's summary."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any


class JsonLinesHandler(logging.Handler):
    def __init__(self, stream: IO[str], level: int = logging.INFO) -> None:
        super().__init__(level)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            event = {
                "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname,
                "logger": record.name,
                "message": record.getMessage(),
            }
            if record.exc_info and record.exc_info[0] is not None:
                event["exception"] = record.exc_info[0].__name__
            self.write(event)
        except Exception:  # a log handler must never break the run
            self.handleError(record)

    def write(self, event: dict[str, Any]) -> None:
        self.stream.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()


@contextmanager
def json_log(path: Path | None, level: int = logging.INFO) -> Iterator[JsonLinesHandler | None]:
    """Attach a JSON Lines handler to the root logger for the duration of the block (nothing when ``path``
    is None). The file is appended to, so a scheduled job can keep one log."""
    if path is None:
        yield None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as stream:
        handler = JsonLinesHandler(stream, level)
        logging.getLogger().addHandler(handler)
        try:
            yield handler
        finally:
            logging.getLogger().removeHandler(handler)
