"""Build the .doc snippet texts of ``tests/fixtures/doc_snippets/``: catdoc's and antiword's text of a Word 97
document LibreOffice makes from a short report written here (not from the seeds).

    .venv/bin/python scripts/build_doc_snippets.py      # needs soffice, catdoc and antiword (scripts/setup_corpus.sh)

The HTML below goes to DOCX and then to DOC with LibreOffice (as ``scripts/build_extractors.py`` makes the corpus's
``.doc``), then ``catdoc -d utf-8`` and ``antiword -m UTF-8.txt`` print it. Its paragraphs are long runs of
Chinese text with no ASCII space or punctuation, so that catdoc reads some 256-byte blocks as 8-bit text
(``parsers/mojibake.py`` says why); its tables are the 2021 template's table 二 and table 四.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "doc_snippets"

PROSE_1 = "本年度本机关坚持以公开为常态不公开为例外的原则持续深化政务公开工作全面提升政府信息公开质量和实效" * 4
PROSE_2 = "我们围绕群众关切的教育医疗养老就业住房等领域加大信息发布力度主动回应社会关切不断增强公开的针对性和实效性" * 4

HTML = f"""<html><head><meta charset="utf-8"></head><body>
<p>某某县人民政府2023年政府信息公开工作年度报告</p>
<p>{PROSE_1}</p>
<p>一、总体情况</p>
<p>{PROSE_2}</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>12</td><td>3</td><td>45</td></tr>
</table>
<table border="1">
<tr><td>信息内容</td><td>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>316</td></tr>
</table>
<p>{PROSE_1}{PROSE_2}</p>
</body></html>
"""


def _soffice(src: Path, to: str, work: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless", "--convert-to", to,
         "--outdir", str(work), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return work / (src.stem + "." + to.split(":")[0])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        html = work / "own.html"
        html.write_text(HTML, encoding="utf-8")
        docx = _soffice(html, 'docx:"MS Word 2007 XML"'.replace('"', ""), work)
        doc = _soffice(docx, "doc", work)
        catdoc = subprocess.run(["catdoc", "-d", "utf-8", str(doc)], check=True, capture_output=True).stdout
        (OUT / "own-catdoc.txt").write_bytes(catdoc)
    print(f"wrote {OUT / 'own-catdoc.txt'}")


if __name__ == "__main__":
    main()
