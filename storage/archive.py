"""The raw archive: every downloaded body, stored once under its SHA-256.

Layout: ``root/<sha[:2]>/<sha><ext>``. The extension is only a convenience for a human opening the file;
a hash is stored under one name only (the first extension it was put with), and lookups find it
whatever its extension.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_EXT_RE = re.compile(r"[^.a-z0-9]")


def sanitise_ext(ext: str) -> str:
    """Lower-case, keep ``[.a-z0-9]`` only, at most 8 characters, with one leading dot (or "")."""
    cleaned = _EXT_RE.sub("", ext.lower()).strip(".")
    cleaned = cleaned.replace(".", "")
    return f".{cleaned[:7]}" if cleaned else ""


def _check_sha(sha256: str) -> str:
    if not _SHA_RE.match(sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    return sha256


class RawArchive:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _dir(self, sha256: str) -> Path:
        return self.root / _check_sha(sha256)[:2]

    def _existing(self, sha256: str) -> Path | None:
        folder = self._dir(sha256)
        if not folder.is_dir():
            return None
        exact = folder / sha256
        if exact.is_file():
            return exact
        for candidate in sorted(folder.glob(f"{sha256}.*")):
            if candidate.is_file() and not candidate.name.endswith(".tmp"):
                return candidate
        return None

    def path(self, sha256: str) -> Path:
        """Where the body is (or would be stored, without an extension, if it is not archived)."""
        return self._existing(sha256) or self._dir(sha256) / sha256

    def has(self, sha256: str) -> bool:
        return self._existing(sha256) is not None

    def get(self, sha256: str) -> bytes:
        found = self._existing(sha256)
        if found is None:
            raise KeyError(f"{sha256} is not in the archive at {self.root}")
        return found.read_bytes()

    def put(self, body: bytes, ext: str = "") -> tuple[str, Path]:
        """Store ``body`` (idempotent) and return its hash and path. Writes atomically and fsyncs."""
        sha256 = hashlib.sha256(body).hexdigest()
        found = self._existing(sha256)
        if found is not None:
            return sha256, found
        folder = self._dir(sha256)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{sha256}{sanitise_ext(ext)}"
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{sha256[:8]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(folder)
        return sha256, target


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
