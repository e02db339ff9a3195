"""Build the zip fixtures (``tests/fixtures/zip/``): rendered seeds zipped by real archivers, as portals attach them.

    apt-get install zip libarchive-tools     # Info-ZIP's zip, libarchive's bsdtar
    .venv/bin/python scripts/build_zip_fixtures.py

- ``report-and-readme.zip`` (Info-ZIP ``zip``: UTF-8 names without the zip's UTF-8 flag): seed 003's PDF under a
  Chinese name beside a short read-me text.
- ``gbk-copies.zip`` (``bsdtar --options hdrcharset=CP936``: GBK names, as Windows' Chinese zip tools write them):
  seed 004's DOCX and its PDF copy.
- ``two-reports.zip`` (Info-ZIP): seeds 000 and 001, two organs' reports, as DOCX.
- ``encrypted.zip`` (Info-ZIP ``-P``): seed 002's PDF behind a password.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
OUT = ROOT / "tests" / "fixtures" / "zip"
README = "附件为本机关年度工作情况说明，如需纸质版请联系办公室。\n"


def _seed(prefix: str, suffix: str) -> Path:
    return next(RENDERED.glob(f"{prefix}_*{suffix}"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(_seed("003", ".pdf"), work / "青山区2022年政府信息公开工作年度报告.pdf")
        (work / "说明.txt").write_text(README, encoding="utf-8")
        shutil.copy(_seed("004", ".docx"), work / "2021年度报告.docx")
        shutil.copy(_seed("004", ".pdf"), work / "2021年度报告（PDF版）.pdf")
        shutil.copy(_seed("000", ".docx"), work / "甲单位年报.docx")
        shutil.copy(_seed("001", ".docx"), work / "乙单位年报.docx")
        shutil.copy(_seed("002", ".pdf"), work / "年报.pdf")
        report = "青山区2022年政府信息公开工作年度报告.pdf"
        runs = {
            "report-and-readme.zip": ["zip", "-q", "-X", "{out}", report, "说明.txt"],
            "gbk-copies.zip": [
                "bsdtar", "--format", "zip", "--options", "hdrcharset=CP936", "-cf", "{out}",
                "2021年度报告.docx", "2021年度报告（PDF版）.pdf",
            ],
            "two-reports.zip": ["zip", "-q", "-X", "{out}", "甲单位年报.docx", "乙单位年报.docx"],
            "encrypted.zip": ["zip", "-q", "-X", "-P", "secret", "{out}", "年报.pdf"],
        }  # fmt: skip
        for name, command in runs.items():
            target = OUT / name
            target.unlink(missing_ok=True)
            subprocess.run([str(target) if c == "{out}" else c for c in command], cwd=work, check=True)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
