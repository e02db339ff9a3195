"""The corpus's extractor conventions run on synthetic reports: text other tools make of reports never seen (issue 8).

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth-x --seeds 500-519,900-919
    .venv/bin/python scripts/synth_extractors.py /tmp/synth-x              # every convention, every report
    .venv/bin/python scripts/synth_extractors.py /tmp/synth-x --conventions html-w3m pdf-pypdf
    .venv/bin/python scripts/synth_score.py /tmp/synth-x --kind html-w3m   # figures per convention and split
    .venv/bin/python scripts/synth_extractors.py /tmp/synth-x --slice      # the committed slice

The generalisation corpus (``tests/fixtures/corpus/``) runs these tools on five seed reports only; here the same
tools, by the same functions (``scripts/build_corpus.py``, ``scripts/build_extractors.py``: imported, not copied),
run on each synthetic report of a ``synth_reports.py`` folder (its portal page ``<stem>.html`` and its Chromium
PDF ``<stem>.pdf``), and on a DOCX LibreOffice Writer makes of the report's body (the print page
``synth_reports.print_page`` writes, imported by LibreOffice's ``HTML (StarWriter)`` filter and saved as
``MS Word 2007 XML``: the Word attachment an organ would publish). Each text is written as
``<stem>.<convention><suffix>`` (the corpus's suffix: ``.md`` for Markdown, ``.txt`` otherwise, so the parser gets
the hint the corpus gives it), and the convention is added as a kind to the report's gold ``inputs`` so
``scripts/synth_score.py`` scores it. The split is the generator's (``synth_reports.split_of``: seeds 900–999 are
held back). Texts already made are kept (``--force`` remakes them); a tool that prints nothing, or fails (html2text's
``pad_tables`` raises IndexError on some tables), is skipped and said.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_corpus as bc  # noqa: E402
import build_extractors as bx  # noqa: E402

SLICE = ROOT / "tests" / "fixtures" / "synth-extractors"
# the committed slice (about 650 kB): ten conventions' texts of 4 tuning and 3 held-back reports, chosen by their
# knobs (a blank table 四 row, a wrong total to flag, Hanweb's layout table, a 2019 report, a plain 2021 one)
SLICE_SEEDS = (500, 501, 504, 519, 900, 902, 903)
SLICE_CONVENTIONS = (
    "html-lynx", "html-pandoc-plain", "html-bs4-lines", "html-inscriptis", "docx-docx2txt", "pdf-pypdf",
    "pdf-pdfplumber", "md-pymupdf4llm", "md-pymupdf4llm-layout", "md-markitdown-pdf",
)  # fmt: skip

Maker = Callable[[Path, Path, Path, Path], str]  # (page, pdf, docx, work) → text


def _pdf(fn: Callable[[Path], str]) -> Maker:
    return lambda page, pdf, docx, work: fn(pdf)


def _page(fn: Callable[[Path], str]) -> Maker:
    return lambda page, pdf, docx, work: fn(page)


def _docx(fn: Callable[[Path], str]) -> Maker:
    return lambda page, pdf, docx, work: fn(docx)


GRID = "markdown-simple_tables-multiline_tables-pipe_tables"
# convention → (suffix, maker, source: "pdf" | "html" | "docx", or a ``synth_producers.py`` PDF kind: "lo-pdf" …)
CONVENTIONS: dict[str, tuple[str, Maker, str]] = {
    # PDF → text
    "md-pymupdf4llm": (".md", _pdf(lambda p: bc.pymupdf4llm_md(p, layout=False)), "pdf"),
    "md-pymupdf4llm-layout": (".md", _pdf(lambda p: bc.pymupdf4llm_md(p, layout=True)), "pdf"),
    "md-markitdown-pdf": (".md", _pdf(bc.markitdown_md), "pdf"),
    "pdf-pypdf": (".txt", _pdf(lambda p: bx.pypdf_text(p, layout=False)), "pdf"),
    "pdf-pypdf-layout": (".txt", _pdf(lambda p: bx.pypdf_text(p, layout=True)), "pdf"),
    "pdf-pdfminer": (".txt", _pdf(bx.pdfminer_text), "pdf"),
    # pdfminer.six's LAParams as users vary them (pdf2txt.py's flags): no advanced layout ordering (``boxes_flow=
    # None``, ``-F disabled``), layout analysis inside figures too (``-A``), vertical text (``-V``)
    "pdf-pdfminer-flow-none": (".txt", _pdf(lambda p: bx.pdfminer_text(p, "-F", "disabled")), "pdf"),
    "pdf-pdfminer-all-texts": (".txt", _pdf(lambda p: bx.pdfminer_text(p, "-A")), "pdf"),
    "pdf-pdfminer-vertical": (".txt", _pdf(lambda p: bx.pdfminer_text(p, "-V")), "pdf"),
    # pdfminer.six (default LAParams) on the other producers' PDFs (``scripts/synth_producers.py``: run it first)
    "pdf-lo-pdfminer": (".txt", _pdf(bx.pdfminer_text), "lo-pdf"),
    "pdf-lohtml-pdfminer": (".txt", _pdf(bx.pdfminer_text), "lohtml-pdf"),
    "pdf-wk-pdfminer": (".txt", _pdf(bx.pdfminer_text), "wk-pdf"),
    "pdf-pypdfium2": (".txt", _pdf(bx.pypdfium2_text), "pdf"),
    "pdf-pdfplumber": (".txt", _pdf(lambda p: bx.pdfplumber_text(p, layout=False)), "pdf"),
    "pdf-pdfplumber-layout": (".txt", _pdf(lambda p: bx.pdfplumber_text(p, layout=True)), "pdf"),
    "pdf-pymupdf-blocks": (".txt", _pdf(bx.pymupdf_blocks), "pdf"),
    "text-pymupdf": (".txt", _pdf(lambda p: bc.pymupdf_text(p, sort=False)), "pdf"),
    "pdftotext-raw": (".txt", _pdf(lambda p: bc.pdftotext(p, "-raw")), "pdf"),
    "pdftotext-default": (".txt", _pdf(bc.pdftotext), "pdf"),
    # HTML → text (the synthetic pages are UTF-8: pandoc reads them as they are)
    "md-markitdown-html": (".md", _page(bc.markitdown_md), "html"),
    "md-html2text": (".md", _page(bc.html2text_md), "html"),
    "html-html2text-wrapped": (".md", _page(lambda p: bx.html2text_text(p, pad=False)), "html"),
    "html-html2text-pad": (".md", _page(lambda p: bx.html2text_text(p, pad=True)), "html"),
    "html-inscriptis": (".txt", _page(bx.inscriptis_text), "html"),
    "html-trafilatura": (".txt", _page(lambda p: bx.trafilatura_text(p, markdown=False)), "html"),
    "html-trafilatura-md": (".md", _page(lambda p: bx.trafilatura_text(p, markdown=True)), "html"),
    "html-w3m": (".txt", _page(bx.w3m), "html"),
    "html-lynx": (".txt", _page(bx.lynx), "html"),
    "html-pandoc-plain": (".txt", _page(lambda p: bx.pandoc(p, "html", "plain")), "html"),
    "html-pandoc-gfm": (".md", _page(lambda p: bx.pandoc(p, "html", "gfm")), "html"),
    "html-pandoc-markdown": (".md", _page(lambda p: bx.pandoc(p, "html", "markdown")), "html"),
    "html-pandoc-grid": (".md", _page(lambda p: bx.pandoc(p, "html", GRID)), "html"),
    "html-pandoc-rst": (".txt", _page(lambda p: bx.pandoc(p, "html", "rst")), "html"),
    "html-bs4-lines": (".txt", _page(lambda p: bx.bs4_text(p, "\n")), "html"),
    "html-bs4-glued": (".txt", _page(lambda p: bx.bs4_text(p, "")), "html"),
    "html-chromium-innertext": (".txt", _page(bx.chromium_innertext), "html"),
    "md-markdownify": (".md", _page(bx.markdownify_md), "html"),
    "md-html-to-markdown": (".md", _page(bx.html_to_markdown_md), "html"),
    # turndown + its GFM plugin (Node: scripts/node), the converter many crawlers and reader services run
    "md-turndown": (".md", _page(bx.turndown_md), "html"),
    # docling's declarative backends (docling-slim: no model download), as the corpus runs them
    "md-docling-html": (".md", _page(bc.docling_md), "html"),
    # DOCX (LibreOffice's of the body) → text
    "md-markitdown-docx": (".md", _docx(bc.markitdown_md), "docx"),
    "docx-docx2txt": (".txt", _docx(bx.docx2txt_text), "docx"),
    "docx-mammoth-md": (".md", _docx(bx.mammoth_md), "docx"),
    "docx-pandoc-plain": (".txt", _docx(lambda p: bx.pandoc(p, "docx", "plain")), "docx"),
    "docx-pandoc-gfm": (".md", _docx(lambda p: bx.pandoc(p, "docx", "gfm")), "docx"),
    "docx-pandoc-markdown": (".md", _docx(lambda p: bx.pandoc(p, "docx", "markdown")), "docx"),
    "docx-pandoc-grid": (".md", _docx(lambda p: bx.pandoc(p, "docx", GRID)), "docx"),
    "md-docling-docx": (".md", _docx(bc.docling_md), "docx"),
    "docx-libreoffice-txt": (".txt", lambda page, pdf, docx, work: bx.libreoffice_txt(docx, work), "docx"),
}


def make_docx(folder: Path, stem: str, seed: int, work: Path) -> Path:
    """``<folder>/.docx/<stem>.docx``: LibreOffice Writer's DOCX of the report's print page (cached)."""
    from synth_reports import body_html, build, print_page

    out = folder / ".docx" / f"{stem}.docx"
    if out.exists():
        return out
    s, m = build(seed)
    src = work / f"{stem}.html"
    src.write_text(print_page(s, m, body_html(s, m)), encoding="utf-8")
    lo = work / "lo-docx"
    lo.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless", "--infilter=HTML (StarWriter)",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(lo), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    made = lo / f"{stem}.docx"
    if not made.exists():
        raise RuntimeError(f"LibreOffice made no DOCX of {src}")
    out.parent.mkdir(exist_ok=True)
    shutil.move(made, out)
    return out


def make(folder: Path, stem: str, conventions: list[str], force: bool) -> list[str]:
    """The conventions' texts of one report, written beside it; its gold's ``inputs`` gets them. Returns those made."""
    gold_file = folder / f"{stem}.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    page, pdf = folder / f"{stem}.html", folder / f"{stem}.pdf"
    made: list[str] = []
    with tempfile.TemporaryDirectory(prefix="synth-extractors-") as tmp:
        work = Path(tmp)
        docx = Path("/nonexistent")
        if any(CONVENTIONS[c][2] == "docx" for c in conventions):
            docx = make_docx(folder, stem, int(gold["synth"]["seed"]), work)
        for convention in conventions:
            suffix, maker, source = CONVENTIONS[convention]
            source_pdf = pdf if source == "pdf" else folder / f"{stem}.{source}.pdf"  # a producer's PDF
            if source not in ("html", "docx") and not source_pdf.exists():
                continue
            path = folder / f"{stem}.{convention}{suffix}"
            if force or not path.exists():
                try:
                    text = maker(page, source_pdf, docx, work)
                except Exception as e:  # the tool's own failure (html2text's pad_tables on some tables): said, skipped
                    print(f"  {convention}: failed on {stem}: {type(e).__name__}: {e}: skipped", file=sys.stderr)
                    continue
                if not text.strip():
                    print(f"  {convention}: printed nothing for {stem}: skipped", file=sys.stderr)
                    continue
                path.write_text(text, encoding="utf-8")
                print(f"  {path.name}", file=sys.stderr)
            made.append(convention)
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["inputs"] = {**gold["inputs"], **{c: f"{stem}.{c}{CONVENTIONS[c][0]}" for c in made}}
    gold_file.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    return made


def write_slice(source: Path, conventions: list[str]) -> None:
    """The committed slice from a folder already built: the conventions' texts and the gold pointing at them."""
    SLICE.mkdir(parents=True, exist_ok=True)
    for seed in SLICE_SEEDS:
        stem = f"synth_{seed:03d}"
        gold = json.loads((source / f"{stem}.json").read_text(encoding="utf-8"))
        have = [c for c in conventions if c in gold["inputs"]]
        gold["inputs"] = {c: gold["inputs"][c] for c in have}
        gold["input"] = gold["inputs"][have[0]]
        for c in have:
            shutil.copyfile(source / gold["inputs"][c], SLICE / gold["inputs"][c])
        (SLICE / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(SLICE_SEEDS)} reports, {len(conventions)} conventions → {SLICE}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_reports.py folder (HTML pages and PDFs)")
    ap.add_argument("--conventions", nargs="+", default=None, choices=list(CONVENTIONS))
    ap.add_argument("--stems", nargs="+", default=None, help="only these reports (synth_500 …)")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--slice", action="store_true", help=f"copy the slice's conventions from FOLDER into {SLICE}")
    args = ap.parse_args(argv)
    if args.slice:
        write_slice(args.folder, args.conventions or list(SLICE_CONVENTIONS))
        return 0
    stems = args.stems or sorted(p.stem for p in args.folder.glob("synth_*.json"))
    for stem in stems:
        print(stem, file=sys.stderr)
        make(args.folder, stem, args.conventions or list(CONVENTIONS), args.force)
    print(f"{len(stems)} reports → {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
