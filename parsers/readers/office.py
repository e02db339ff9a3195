"""Legacy Word binaries: DOC (antiword; LibreOffice → DOCX for tables) and WPS (LibreOffice → DOCX).

Both run external programs in a private temporary directory with a timeout. LibreOffice gets a private
profile (``-env:UserInstallation``) so that concurrent conversions do not fight over one profile lock.
A missing program raises :class:`UnreadableDocument` with code ``no_converter``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsers.detect import OLE_MAGIC
from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.docx import read_docx

ANTIWORD_TIMEOUT = 60
SOFFICE_TIMEOUT = 180
_SOFFICE_NAMES = ("soffice", "libreoffice", "lowriter")
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")


def _which(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def _check_ole(data: bytes, kind: str) -> None:
    if not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    if not data.startswith(OLE_MAGIC):
        raise UnreadableDocument(f"not an OLE2 compound file, so not a {kind.upper()} binary", code="corrupt")


def run(cmd: list[str], *, timeout: float, env: dict[str, str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    """Run a converter in its own process group; on timeout the whole group is killed (soffice is a wrapper
    that starts soffice.bin, which a plain kill of the wrapper would leave running)."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        env=env, cwd=cwd, start_new_session=True,
    )  # fmt: skip
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


# ---------------------------------------------------------------------------------------------- antiword
def antiword_text(data: bytes) -> str:
    """The document's text by antiword (UTF-8, no line wrapping); raises UnreadableDocument on failure."""
    exe = _which("antiword")
    if exe is None:
        raise UnreadableDocument("antiword is not installed (needed to read DOC)", code="no_converter")
    with tempfile.TemporaryDirectory(prefix="nianbao-antiword-") as tmp:
        path = Path(tmp) / "in.doc"
        path.write_bytes(data)
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        try:
            proc = run([exe, "-m", "UTF-8.txt", "-w", "0", str(path)], timeout=ANTIWORD_TIMEOUT, env=env, cwd=tmp)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(f"antiword timed out after {ANTIWORD_TIMEOUT}s", code="timeout") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        code = "encrypted" if "encrypt" in err.lower() else "corrupt"
        raise UnreadableDocument(f"antiword failed: {err or proc.returncode}", code=code)
    return proc.stdout.decode("utf-8", "replace")


def antiword_extracted(text: str, kind: str) -> Extracted:
    """antiword's output → Extracted: its ``|a|b|`` table rows become TAB-joined rows."""
    tb = TextBuilder()
    table: int | None = None
    row = 0
    for raw in text.replace("\r", "").split("\n"):
        m = _TABLE_ROW.match(raw)
        if m:
            if table is None:
                table = tb.new_table()
                row = 0
            tb.row([c.strip() for c in m.group(1).split("|")], table=table, row=row)
            row += 1
            continue
        if table is not None:
            tb.blank()
            table = None
        line = " ".join(raw.split())
        if line:
            tb.line(line)
    if table is not None:
        tb.blank()
    out = tb.text()
    if not out.strip():
        raise UnreadableDocument(f"{kind.upper()} without any text", code="empty")
    return Extracted(kind=kind, text=out, spans=tb.spans, grid=True)


# ---------------------------------------------------------------------------------------------- LibreOffice
def soffice_convert(data: bytes, suffix: str, target: str = "docx") -> bytes:
    """Convert with LibreOffice headless in a private profile; returns the converted file's bytes."""
    exe = _which(*_SOFFICE_NAMES)
    if exe is None:
        raise UnreadableDocument(
            "LibreOffice (soffice) is not installed (needed to convert DOC/WPS)", code="no_converter"
        )
    with tempfile.TemporaryDirectory(prefix="nianbao-soffice-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        cmd = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(src),
        ]
        try:
            proc = run(cmd, timeout=SOFFICE_TIMEOUT, env={**os.environ, "HOME": tmp}, cwd=tmp)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(
                f"LibreOffice conversion timed out after {SOFFICE_TIMEOUT}s", code="timeout"
            ) from exc
        result = out_dir / f"in.{target}"
        if proc.returncode != 0 or not result.exists():
            err = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
            raise UnreadableDocument(
                f"LibreOffice could not convert the {suffix} file: {err or 'no output'}", code="corrupt"
            )
        return result.read_bytes()


def _via_soffice(data: bytes, suffix: str, kind: str) -> Extracted:
    extracted = read_docx(soffice_convert(data, suffix))
    extracted.kind = kind
    extracted.notes.append(f"converted {kind.upper()} to DOCX with LibreOffice")
    return extracted


# ---------------------------------------------------------------------------------------------- readers
def read_doc(data: bytes) -> Extracted:
    """Word 97–2003 binary: antiword, and LibreOffice → DOCX when antiword fails or meets tables.

    antiword is fast and reads the text well, but prints tables as ``|a|b|`` lines that lose merged cells
    (spans collapse, rowspan rows vanish); the national template is all merged cells. So a document with
    tables goes through LibreOffice, whose DOCX keeps the real grid; antiword's tables are the fallback.
    """
    _check_ole(data, "doc")
    try:
        text = antiword_text(data)
    except UnreadableDocument as first:
        if first.code == "encrypted":
            raise
        try:
            extracted = _via_soffice(data, ".doc", "doc")
        except UnreadableDocument as second:
            if first.code == "no_converter" and second.code == "no_converter":
                raise UnreadableDocument(
                    "neither antiword nor LibreOffice (soffice) is installed (needed to read DOC)",
                    code="no_converter",
                ) from second
            raise
        extracted.notes.append(f"antiword failed: {first.reason}")
        return extracted
    has_tables = any(_TABLE_ROW.match(line) for line in text.split("\n"))
    if has_tables:
        try:
            return _via_soffice(data, ".doc", "doc")
        except UnreadableDocument as exc:
            extracted = antiword_extracted(text, "doc")
            extracted.notes.append(f"tables read by antiword (merged cells may be misplaced): {exc.reason}")
            return extracted
    return antiword_extracted(text, "doc")


def read_wps(data: bytes) -> Extracted:
    """Kingsoft WPS Writer: LibreOffice → DOCX, else (a Word-format WPS file) antiword."""
    _check_ole(data, "wps")
    word_format = "WordDocument".encode("utf-16-le") in data
    try:
        return _via_soffice(data, ".doc" if word_format else ".wps", "wps")
    except UnreadableDocument as first:
        if first.code != "no_converter" or not word_format:
            raise
        try:
            extracted = antiword_extracted(antiword_text(data), "wps")
        except UnreadableDocument as second:
            if second.code == "no_converter":
                raise UnreadableDocument(
                    "LibreOffice (soffice) is not installed (needed to convert WPS), nor is antiword",
                    code="no_converter",
                ) from second
            raise
        extracted.notes.append(f"LibreOffice unavailable ({first.reason}); read with antiword")
        return extracted
