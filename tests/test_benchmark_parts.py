"""``benchmarks/pdf_parts.py --root DIR`` measures the parser of DIR, not the checkout the script runs from."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_FAKE = {
    "__init__.py": "def parse(data, name=None):\n    return 'fake parse'\n",
    "api.py": "def parse_extracted(extracted):\n    return extracted\n",
    "detect.py": "def detect_kind(data, name=None):\n    return 'pdf'\n",
    "readers/__init__.py": "def read(data, kind):\n    return f'fake {kind} of {len(data)} bytes'\n",
}


def test_pdf_parts_reads_with_the_parser_of_its_root(tmp_path: Path) -> None:
    root, folder, out = tmp_path / "root", tmp_path / "pdfs", tmp_path / "extracted.pkl"
    for name, source in _FAKE.items():
        (root / "parsers" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "parsers" / name).write_text(source)
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"not a pdf at all")  # this checkout's reader would refuse it
    script = ROOT / "benchmarks" / "pdf_parts.py"
    run = [sys.executable, str(script), str(folder), "--run", "save", "--root", str(root), "--extracted", str(out)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert pickle.loads(out.read_bytes()) == ["fake pdf of 16 bytes"]
