"""The extractors users really run on a report, added to the generalisation corpus (issue 8, second round).

    bash scripts/setup_corpus.sh                          # apt: pandoc w3m lynx catdoc; pip: the corpus extra
    .venv/bin/python scripts/build_extractors.py          # → tests/fixtures/corpus/<convention>/ + manifest.json

``scripts/build_corpus.py`` calls :func:`build_extractors` for every seed in a full build; run alone, this script
rebuilds only its own conventions and keeps every other text and manifest entry. From each seed's renderings in
``tests/fixtures/rendered/`` it writes one text per tool, as the tool prints it with the options users type:

- HTML → text: ``w3m -dump`` and ``lynx -dump`` (tables as space-aligned columns, cells wrapped over several
  lines, 80 columns), pandoc ``-t plain`` (simple/multiline tables), ``-t gfm`` (pipe tables, or raw HTML tables
  where cells do not fit), ``-t markdown`` (simple and multiline tables, bracketed spans), the same with only grid
  tables allowed, and ``-t rst`` (grid tables: ``+---+`` rules, ``|`` between cells, cells wrapped), inscriptis
  (layout-aware tables), trafilatura (its default text, and its Markdown), BeautifulSoup ``get_text("\\n")``
  (one string per line) and ``get_text()`` (all glued), html2text with its defaults (lines wrapped at 78) and
  ``pad_tables``;
- DOCX/DOC → text: pandoc (plain, gfm, markdown, grid-only markdown, rst), docx2txt, mammoth's Markdown,
  LibreOffice ``--convert-to txt``, and ``antiword`` / ``catdoc`` on a ``.doc`` LibreOffice makes from the DOCX
  rendering;
- PDF → text: pypdf ``extract_text()`` plain and ``extraction_mode="layout"``, pdfminer.six's ``pdf2txt.py``
  (its default LAParams), pdfplumber ``extract_text()`` and ``extract_text(layout=True)``, PyMuPDF
  ``get_text("blocks")`` (each block's text, in order), ``pdftotext -layout`` and pypdf's layout mode on the PDFs
  other programs print from the HTML rendering (Chromium, LibreOffice Writer/Web, wkhtmltopdf when installed:
  ``scripts/build_pdf_variants.py``).

Variants of seeds 000–002 are the tuning part, those of 003–004 are held back (``split`` in the manifest).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
GOLD = ROOT / "tests" / "fixtures" / "gold"
OUT = ROOT / "tests" / "fixtures" / "corpus"
PREFIXES = ("html-", "docx-", "doc-", "pdf-")  # the conventions this script owns


def pkg(name: str) -> str:
    return f"{name} {importlib.metadata.version(name)}"


def cli(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return ((out.stdout or out.stderr).strip().splitlines() or ["?"])[0].strip()


def run(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    out = subprocess.run(cmd, capture_output=True, check=True, cwd=cwd, env=env, timeout=300)
    return out.stdout.decode("utf-8", errors="replace")


def charset_of(path: Path) -> str:
    m = re.search(rb"charset=[\"']?([\w-]+)", path.read_bytes()[:2048])
    charset = m.group(1).decode().lower() if m else "utf-8"
    return "gb18030" if charset in ("gb2312", "gbk") else charset


def page_text(path: Path) -> str:
    return path.read_bytes().decode(charset_of(path))


def utf8_page(path: Path, work: Path) -> Path:
    """The page re-encoded as UTF-8 with its meta charset saying so (pandoc reads UTF-8 only)."""
    text = re.sub(r"charset=[\"']?[\w-]+", "charset=utf-8", page_text(path), count=1)
    out = work / f"{path.stem}.utf8.html"
    out.write_text(text, encoding="utf-8")
    return out


# ---- HTML → text ----------------------------------------------------------------------------------------------


def w3m(page: Path) -> str:
    return run(["w3m", "-dump", "-I", charset_of(page), "-O", "UTF-8", "-T", "text/html", str(page)])


def lynx(page: Path) -> str:
    return run(["lynx", "-dump", "-nolist", f"-assume_charset={charset_of(page)}", "-display_charset=utf-8",
                str(page)])  # fmt: skip


def html_to_markdown_md(page: Path) -> str:
    """html-to-markdown 3 (its Rust core, default options): the converter of kreuzberg and other RAG pipelines."""
    import html_to_markdown

    return str(html_to_markdown.convert(page_text(page)).content)


def chromium_innertext(page: Path) -> str:
    """Chromium's ``document.body.innerText`` of the page (Playwright driving Debian's chromium): the text a user
    copies from the browser window and pastes into a file."""
    from chromium_browser import browser

    with browser() as b:
        tab = b.new_page()
        tab.goto(page.resolve().as_uri())
        return str(tab.evaluate("document.body.innerText"))


def markdownify_md(page: Path) -> str:
    """markdownify's defaults (the library markitdown wraps, as scripts call it directly)."""
    import markdownify

    return str(markdownify.markdownify(page_text(page)))


def turndown_md(page: Path) -> str:
    """turndown 7 with its GFM plugin (``scripts/node/turndown.js``; ``npm install --prefix scripts/node`` first):
    the Markdown of crawlers and reader services built on it. The page's text goes in decoded by its charset."""
    node = ROOT / "scripts" / "node"
    out = subprocess.run(
        ["node", str(node / "turndown.js")], input=page_text(page).encode("utf-8"), capture_output=True, check=True,
        cwd=node, timeout=300,
    )  # fmt: skip
    return out.stdout.decode("utf-8", errors="replace")


def pandoc(src: Path, fmt: str, to: str) -> str:
    return run(["pandoc", "-f", fmt, "-t", to, str(src)])


def inscriptis_text(page: Path) -> str:
    from inscriptis import get_text

    return str(get_text(page_text(page)))


def trafilatura_text(page: Path, markdown: bool) -> str:
    import trafilatura

    out = trafilatura.extract(
        page_text(page), include_tables=True, output_format="markdown" if markdown else "txt", favor_recall=True
    )
    return str(out or "")


def bs4_text(page: Path, sep: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_text(page), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return str(soup.get_text(sep))


def html2text_text(page: Path, pad: bool) -> str:
    import html2text

    h = html2text.HTML2Text()  # its defaults: body_width 78 (lines re-wrapped)
    h.pad_tables = pad
    return str(h.handle(page_text(page)))


# ---- DOCX/DOC → text ------------------------------------------------------------------------------------------


def docx2txt_text(docx: Path) -> str:
    import docx2txt

    return str(docx2txt.process(str(docx)))


def mammoth_md(docx: Path) -> str:
    import mammoth

    with docx.open("rb") as f:
        return str(mammoth.convert_to_markdown(f).value)


def soffice(src: Path, to: str, work: Path) -> Path:
    out = work / "lo-out"
    out.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless", "--convert-to", to,
         "--outdir", str(out), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    made = out / f"{src.stem}.{to.split(':')[0]}"
    if not made.exists():
        raise RuntimeError(f"LibreOffice made no {to} of {src}")
    return made


def libreoffice_txt(docx: Path, work: Path) -> str:
    return soffice(docx, "txt:Text (encoded):UTF8", work).read_text(encoding="utf-8-sig")


def antiword(doc: Path) -> str:
    return run(["antiword", "-m", "UTF-8.txt", str(doc)])


def catdoc(doc: Path) -> str:
    return run(["catdoc", "-d", "utf-8", str(doc)])


# ---- PDF → text -----------------------------------------------------------------------------------------------


def pypdf_text(pdf: Path, layout: bool) -> str:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)


def pypdfium2_text(pdf: Path) -> str:
    """pypdfium2's text of each page (``PdfTextPage.get_text_range()``: PDFium's own order, lines ending in CRLF),
    the pages a line apart: what LangChain's PyPDFium2Loader and other pipelines hand on."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def pdfminer_text(pdf: Path, *flags: str) -> str:
    """pdfminer.six's ``pdf2txt.py`` (default LAParams, or as ``flags`` set them: ``-F disabled``, ``-A``, ``-V``)."""
    return run([str(Path(sys.executable).parent / "pdf2txt.py"), *flags, str(pdf)])


def pdfplumber_text(pdf: Path, layout: bool) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text(layout=layout) for page in doc.pages)


def pymupdf_blocks(pdf: Path) -> str:
    import pymupdf

    parts: list[str] = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            parts.extend(str(block[4]) for block in page.get_text("blocks") if block[6] == 0)
    return "\n".join(parts)


def printer_pdfs(stem: str, work: Path) -> dict[str, Path]:
    """The seed's HTML rendering printed by other programs (scripts/build_pdf_variants.py), by printer name."""
    pv = Path(os.environ.get("NIANBAO_PDF_VARIANTS", work / "pdf-variants"))
    if not any(pv.glob(f"*-{stem}.pdf")):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf_variants.py"), "--out", str(pv)], check=True)
    return {p.name.split("-", 1)[0]: p for p in sorted(pv.glob(f"*-{stem}.pdf"))}


# ---- the build ------------------------------------------------------------------------------------------------


def tool_versions() -> dict[str, str]:
    return {
        "w3m": cli(["w3m", "-version"]).split(",")[0],
        "lynx": cli(["lynx", "-version"]),
        "pandoc": cli(["pandoc", "--version"]),
        "inscriptis": pkg("inscriptis"),
        "trafilatura": pkg("trafilatura"),
        "bs4": pkg("beautifulsoup4") + " (html.parser)",
        "html2text": pkg("html2text"),
        "docx2txt": pkg("docx2txt"),
        "mammoth": pkg("mammoth"),
        "libreoffice": cli(["soffice", "--version"]),
        "antiword": "antiword " + (cli(["dpkg-query", "-W", "-f=${Version}", "antiword"])),
        "catdoc": cli(["catdoc", "-V"]),
        "pypdf": pkg("pypdf"),
        "pdfminer": pkg("pdfminer.six") + " pdf2txt.py",
        "pdfplumber": pkg("pdfplumber"),
        "PyMuPDF": pkg("PyMuPDF"),
        "pdftotext": cli(["pdftotext", "-v"]),
    }


Job = tuple[str, str, str, Callable[[], str], str]  # convention, source file name, tool, maker, suffix


def jobs_for(stem: str, tools: dict[str, str], work: Path) -> list[Job]:
    page, docx, pdf = (RENDERED / f"{stem}.{ext}" for ext in ("html", "docx", "pdf"))
    utf8 = utf8_page(page, work)
    p = tools["pandoc"]
    jobs: list[Job] = [
        ("html-w3m", page.name, tools["w3m"] + " -dump", lambda: w3m(page), ".txt"),
        ("html-lynx", page.name, tools["lynx"] + " -dump -nolist", lambda: lynx(page), ".txt"),
        ("html-pandoc-plain", page.name, p + " -t plain", lambda: pandoc(utf8, "html", "plain"), ".txt"),
        ("html-pandoc-gfm", page.name, p + " -t gfm", lambda: pandoc(utf8, "html", "gfm"), ".md"),
        ("html-pandoc-markdown", page.name, p + " -t markdown", lambda: pandoc(utf8, "html", "markdown"), ".md"),
        ("html-pandoc-grid", page.name, p + " -t markdown-simple_tables-multiline_tables-pipe_tables",
         lambda: pandoc(utf8, "html", "markdown-simple_tables-multiline_tables-pipe_tables"), ".md"),
        ("html-pandoc-rst", page.name, p + " -t rst", lambda: pandoc(utf8, "html", "rst"), ".txt"),
        ("html-inscriptis", page.name, tools["inscriptis"] + " get_text", lambda: inscriptis_text(page), ".txt"),
        ("html-trafilatura", page.name, tools["trafilatura"] + " extract(include_tables, favor_recall)",
         lambda: trafilatura_text(page, markdown=False), ".txt"),
        ("html-trafilatura-md", page.name, tools["trafilatura"] + " extract(output_format='markdown')",
         lambda: trafilatura_text(page, markdown=True), ".md"),
        ("html-bs4-lines", page.name, tools["bs4"] + ' get_text("\\n")', lambda: bs4_text(page, "\n"), ".txt"),
        ("html-bs4-glued", page.name, tools["bs4"] + " get_text()", lambda: bs4_text(page, ""), ".txt"),
        ("html-html2text-wrapped", page.name, tools["html2text"] + " (defaults: body_width 78)",
         lambda: html2text_text(page, pad=False), ".md"),
        ("html-html2text-pad", page.name, tools["html2text"] + " pad_tables=True",
         lambda: html2text_text(page, pad=True), ".md"),
        ("docx-pandoc-plain", docx.name, p + " -f docx -t plain", lambda: pandoc(docx, "docx", "plain"), ".txt"),
        ("docx-pandoc-gfm", docx.name, p + " -f docx -t gfm", lambda: pandoc(docx, "docx", "gfm"), ".md"),
        ("docx-pandoc-markdown", docx.name, p + " -f docx -t markdown", lambda: pandoc(docx, "docx", "markdown"),
         ".md"),
        ("docx-pandoc-grid", docx.name, p + " -f docx -t markdown-simple_tables-multiline_tables-pipe_tables",
         lambda: pandoc(docx, "docx", "markdown-simple_tables-multiline_tables-pipe_tables"), ".md"),
        ("docx-pandoc-rst", docx.name, p + " -f docx -t rst", lambda: pandoc(docx, "docx", "rst"), ".txt"),
        ("docx-docx2txt", docx.name, tools["docx2txt"], lambda: docx2txt_text(docx), ".txt"),
        ("docx-mammoth-md", docx.name, tools["mammoth"] + " convert_to_markdown", lambda: mammoth_md(docx), ".md"),
        ("docx-libreoffice-txt", docx.name, tools["libreoffice"] + " --convert-to txt",
         lambda: libreoffice_txt(docx, work), ".txt"),
        ("pdf-pypdf", pdf.name, tools["pypdf"] + " extract_text()", lambda: pypdf_text(pdf, layout=False), ".txt"),
        ("pdf-pypdf-layout", pdf.name, tools["pypdf"] + ' extract_text(extraction_mode="layout")',
         lambda: pypdf_text(pdf, layout=True), ".txt"),
        ("pdf-pdfminer", pdf.name, tools["pdfminer"] + " (default LAParams)", lambda: pdfminer_text(pdf), ".txt"),
        ("pdf-pdfplumber", pdf.name, tools["pdfplumber"] + " extract_text()",
         lambda: pdfplumber_text(pdf, layout=False), ".txt"),
        ("pdf-pdfplumber-layout", pdf.name, tools["pdfplumber"] + " extract_text(layout=True)",
         lambda: pdfplumber_text(pdf, layout=True), ".txt"),
        ("pdf-pymupdf-blocks", pdf.name, tools["PyMuPDF"] + ' get_text("blocks")', lambda: pymupdf_blocks(pdf), ".txt"),
    ]  # fmt: skip
    doc = soffice(docx, "doc", work)
    lo = tools["libreoffice"] + " --convert-to doc; "
    jobs.append(("doc-antiword", docx.name, lo + tools["antiword"] + " -m UTF-8.txt", lambda: antiword(doc), ".txt"))
    jobs.append(("doc-catdoc", docx.name, lo + tools["catdoc"] + " -d utf-8", lambda: catdoc(doc), ".txt"))
    for printer, printed in printer_pdfs(stem, work).items():
        by = f"{page.name} printed by {printer} (scripts/build_pdf_variants.py)"
        jobs.append(
            (f"pdf-{printer}-pdftotext-layout", by, tools["pdftotext"] + " -layout",
             lambda printed=printed: run(  # type: ignore[misc]
                 ["pdftotext", "-layout", "-enc", "UTF-8", str(printed), "-"]), ".txt")
        )  # fmt: skip
        jobs.append(
            (f"pdf-{printer}-pypdf-layout", by, tools["pypdf"] + ' extract_text(extraction_mode="layout")',
             lambda printed=printed: pypdf_text(printed, layout=True), ".txt")  # type: ignore[misc]
        )  # fmt: skip
    return jobs


def build_extractors(corpus: Any, stem: str, tools: dict[str, str], work: Path) -> None:
    """Every extractor's text of one seed, added to ``corpus`` (a ``build_corpus.Corpus``)."""
    for convention, source, tool, make, suffix in jobs_for(stem, tools, work):
        text = make()
        if not text.strip():
            print(f"  {convention}: {tool} printed nothing for {stem}: skipped", file=sys.stderr)
            continue
        src = source if " " in source else f"rendered/{source}"
        corpus.add(stem, convention, text, source=src, tool=tool, suffix=suffix)


def main(argv: list[str] | None = None) -> int:
    from build_corpus import Corpus

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    previous = json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))
    kept = [v for v in previous["variants"] if not str(v["convention"]).startswith(PREFIXES)]
    for v in previous["variants"]:
        if str(v["convention"]).startswith(PREFIXES):
            (args.out / v["path"]).unlink(missing_ok=True)
    tools = tool_versions()
    corpus = Corpus(args.out)
    with tempfile.TemporaryDirectory(prefix="extractors-") as tmp:
        for gold_path in sorted(GOLD.glob("*.json")):
            print(gold_path.stem, file=sys.stderr)
            build_extractors(corpus, gold_path.stem, tools, Path(tmp))
    corpus.variants = sorted(kept + corpus.variants, key=lambda v: (str(v["convention"]), str(v["path"])))
    more = {k: v for k, v in previous.items() if k not in ("about", "split", "variants")}
    more["tools"] = {**previous.get("tools", {}), **{f"extractor:{k}": v for k, v in tools.items()}}
    corpus.write_manifest(previous["about"], previous["split"], **more)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
