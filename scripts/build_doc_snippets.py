"""Build the .doc snippet texts of ``tests/fixtures/doc_snippets/``: catdoc's and antiword's text of a Word 97
document LibreOffice makes from a short report written here (not from the seeds).

    .venv/bin/python scripts/build_doc_snippets.py      # needs soffice, catdoc and antiword (scripts/setup_corpus.sh)

The HTML below goes to DOCX and then to DOC with LibreOffice (as ``scripts/build_extractors.py`` makes the corpus's
``.doc``), then ``catdoc -d utf-8`` and ``antiword -m UTF-8.txt`` print it. Its paragraphs are long runs of
Chinese text with no ASCII space or punctuation, so that catdoc reads some 256-byte blocks as 8-bit text
(``parsers/mojibake.py`` says why); its tables are parts of the 2021 template's tables 二 and 三 and its table 四.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "doc_snippets"

PROSE_1 = "本年度本机关坚持以公开为常态不公开为例外的原则持续深化政务公开工作全面提升政府信息公开质量和实效" * 4
PROSE_2 = "我们围绕群众关切的教育医疗养老就业住房等领域加大信息发布力度主动回应社会关切不断增强公开的针对性和实效性" * 4


def _tr(*cells: str | int) -> str:
    """A table row; a cell given as ``"n|text"`` spans n columns."""
    out = []
    for c in cells:
        span, _, text = str(c).rpartition("|")
        out.append(f'<td colspan="{span}">{text}</td>' if span else f"<td>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


TABLE_THREE = "\n".join(
    [
        _tr("3|（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "7|申请人情况"),
        _tr("3|", "1|自然人", "5|法人或其他组织", "1|总计"),
        _tr("3|", "1|", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "1|"),
        _tr("3|一、本年新收政府信息公开申请数量", 21, 4, 0, 0, 1, 0, 26),
        _tr("3|二、上年结转政府信息公开申请数量", 2, 0, 0, 0, 0, 0, 2),
        _tr("1|三、本年度办理结果", "2|（一）予以公开", 17, 3, 0, 0, 1, 0, 21),
        _tr("1|", "2|（七）总计", 22, 4, 0, 0, 1, 0, 27),
        _tr("3|四、结转下年度继续办理", 1, 0, 0, 0, 0, 0, 1),
    ]
)

HTML = """<html><head><meta charset="utf-8"></head><body>
<p>某某县人民政府2023年政府信息公开工作年度报告</p>
<p>{PROSE_1}</p>
<p>一、总体情况</p>
<p>{PROSE_2}</p>
<p>二、主动公开政府信息情况</p>
<table border="1"{WIDTH}>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>12</td><td>3</td><td>45</td></tr>
</table>
<table border="1"{WIDTH}>
<tr><td colspan="2">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>316</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"{WIDTH}>
{TABLE_THREE}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"{WIDTH}>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
<td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>3</td><td>1</td><td>0</td><td>0</td><td>4</td><td>2</td><td>0</td><td>0</td><td>1</td><td>3</td>
<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>五、存在的主要问题及改进情况</p>
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
    # the tables at the page's width, and as narrow as their words allow (antiword wraps their labels)
    for name, width in (("own", ' width="100%"'), ("own-narrow", "")):
        html = HTML.replace("{WIDTH}", width).replace("{TABLE_THREE}", TABLE_THREE)
        html = html.replace("{PROSE_1}", PROSE_1).replace("{PROSE_2}", PROSE_2)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            src = work / f"{name}.html"
            src.write_text(html, encoding="utf-8")
            docx = _soffice(src, "docx:MS Word 2007 XML", work)
            doc = _soffice(docx, "doc", work)
            if name == "own":  # catdoc prints no layout: the narrow tables' text is the same
                catdoc = subprocess.run(["catdoc", "-d", "utf-8", str(doc)], check=True, capture_output=True).stdout
                (OUT / f"{name}-catdoc.txt").write_bytes(catdoc)
            antiword = subprocess.run(["antiword", "-m", "UTF-8.txt", str(doc)], check=True, capture_output=True)
            (OUT / f"{name}-antiword.txt").write_bytes(antiword.stdout)
        print(f"wrote {name}'s text in {OUT}")


if __name__ == "__main__":
    main()
