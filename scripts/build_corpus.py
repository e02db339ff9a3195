"""Build the generalisation corpus: the rendered seeds as the text real tools and real users produce.

    .venv/bin/pip install -e '.[corpus]'          # the converters (build time only)
    .venv/bin/python scripts/build_corpus.py      # → tests/fixtures/corpus/ (text files + manifest.json)

From each seed's renderings in ``tests/fixtures/rendered/`` (PDF, DOCX, HTML, XLSX) this writes one text per
input convention:

- Markdown from real converters: pymupdf4llm (PDF, its plain and its layout mode), markitdown (PDF, DOCX, HTML,
  XLSX), docling (DOCX, HTML: its declarative backends; its PDF pipeline needs model downloads), html2text (HTML);
- OCR text from Tesseract (``chi_sim+eng``) on 200 dpi page images made by ``pdftoppm``, page-segmentation
  modes 3 (automatic), 4 (one column) and 6 (one block);
- OCR-service text from RapidOCR (PP-OCRv4, the ``ocr-rapidocr`` extra) on the same page images, its text boxes
  one per line (``ocr-rapidocr-boxes``) or grouped into lines (``ocr-rapidocr-lines``): ``scripts/rapidocr_text.py``
  says exactly how;
- PyMuPDF's plain text (``page.get_text()``, the most common one-liner users run on a PDF: each text span on a
  line of its own, in content order; ``text-pymupdf``) and the same sorted top-left to bottom-right
  (``get_text(sort=True)``: a row's cells joined on one line; ``text-pymupdf-sort``);
- poppler's ``pdftotext`` in raw mode (content-stream order) and default mode (layout mode is
  ``tests/fixtures/layout/``, built by ``scripts/layout_texts.sh``);
- from the HTML tables (``scripts/corpus_model.py``): the canonical TAB text, plain text with cells separated by
  runs of spaces, single spaces or nothing, whole Markdown pipe tables, and Markdown with embedded ``<table>``
  HTML (MinerU's convention);
- damaged texts: the seeded corrupter (``scripts/corpus_damage.py``) applies one named damage kind at a time
  (OCR-like kinds to the runs-of-spaces text, extraction-like kinds to the pipe Markdown), and all of them
  together; the manifest records every gold cell each damage touched;
- the text other extractors users run print (HTML, DOCX/DOC and PDF → text: w3m, lynx, pandoc, inscriptis,
  trafilatura, BeautifulSoup, html2text, docx2txt, mammoth, LibreOffice, antiword, catdoc, pypdf, pdfminer.six,
  pdfplumber, PyMuPDF blocks, ``pdftotext -layout`` of other printers' PDFs): ``scripts/build_extractors.py``
  (its own tools: ``bash scripts/setup_corpus.sh``).

Variants of seeds 000–002 are the tuning part, those of 003–004 are held back (``split`` in the manifest).
"""

from __future__ import annotations

import argparse
import copy
import importlib.metadata
import json
import re
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import rapidocr_text
from build_extractors import build_extractors
from build_extractors import tool_versions as extractor_versions
from corpus_damage import KINDS, MD_KINDS, OCR_KINDS, TABLE_KINDS, Touch, apply
from corpus_model import (
    Doc,
    flatten,
    read_model,
    render_html_tables,
    render_joined,
    render_pipe,
    render_tab,
)

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
GOLD = ROOT / "tests" / "fixtures" / "gold"
OUT = ROOT / "tests" / "fixtures" / "corpus"
TUNING = ("000", "001", "002")  # seeds whose variants may be tuned on; the rest are held back
OCR_DPI = 200
OCR_MODES = (3, 4, 6)


def split_of(stem: str) -> str:
    return "tuning" if stem[:3] in TUNING else "held_back"


def variant_seed(stem: str, convention: str) -> int:
    """The random seed of one variant: fixed by its seed report and convention, so rebuilds are identical."""
    return zlib.crc32(f"{stem}/{convention}".encode())


def pkg(name: str) -> str:
    return f"{name} {importlib.metadata.version(name)}"


def cli_version(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0].strip()


# ---- real converters ------------------------------------------------------------------------------------------


def pymupdf4llm_md(pdf: Path, layout: bool) -> str:
    # the mode is process-wide in pymupdf4llm: each mode runs in its own interpreter
    code = (
        "import sys, pymupdf4llm; pymupdf4llm.use_layout(sys.argv[2] == '1');"
        "sys.stdout.write(pymupdf4llm.to_markdown(sys.argv[1]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf), "1" if layout else "0"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def pymupdf_text(pdf: Path, sort: bool) -> str:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        return "".join(page.get_text("text", sort=sort) for page in doc)


def build_pymupdf_text(corpus: Corpus, stem: str, tools: dict[str, str]) -> None:
    pdf = RENDERED / f"{stem}.pdf"
    for convention, sort in (("text-pymupdf", False), ("text-pymupdf-sort", True)):
        tool = tools["PyMuPDF"] + (" get_text(sort=True)" if sort else " get_text()")
        corpus.add(stem, convention, pymupdf_text(pdf, sort), source=f"rendered/{pdf.name}", tool=tool, suffix=".txt")


def markitdown_md(path: Path) -> str:
    from markitdown import MarkItDown

    return str(MarkItDown(enable_plugins=False).convert(str(path)).text_content)


def docling_md(path: Path) -> str:
    # docling's declarative backends, as its SimplePipeline runs them (DocumentConverter itself imports torch)
    from docling.backend.html_backend import HTMLDocumentBackend
    from docling.backend.msword_backend import MsWordDocumentBackend
    from docling.datamodel.base_models import InputFormat
    from docling.datamodel.document import InputDocument

    fmt, backend = (
        (InputFormat.DOCX, MsWordDocumentBackend) if path.suffix == ".docx" else (InputFormat.HTML, HTMLDocumentBackend)
    )
    doc = InputDocument(path_or_stream=path, format=fmt, backend=backend)
    return str(doc._backend.convert().export_to_markdown())


def html2text_md(path: Path) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0  # no re-wrapping: lines as the page has them
    return str(h.handle(decode_page(path)))


def decode_page(path: Path) -> str:
    """An HTML page's text in its declared charset (some rendered seeds are GB2312, as their portals serve them)."""
    data = path.read_bytes()
    m = re.search(rb"charset=[\"']?([\w-]+)", data[:2048])
    charset = m.group(1).decode().lower() if m else "utf-8"
    return data.decode("gb18030" if charset in ("gb2312", "gbk") else charset)


def pdftotext(pdf: Path, *flags: str) -> str:
    out = subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def tesseract_pages(pdf: Path, workdir: Path) -> Path:
    """Page images of the PDF (``pdftoppm``, grey, OCR_DPI) and a list file naming them in page order."""
    prefix = workdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(workdir.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    listing = workdir / f"{pdf.stem}.list"
    listing.write_text("".join(f"{p}\n" for p in pages))
    return listing


def tesseract(listing: Path, psm: int) -> str:
    out = subprocess.run(
        ["tesseract", str(listing), "stdout", "-l", "chi_sim+eng", "--psm", str(psm)],
        capture_output=True,
        check=True,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    )
    return out.stdout.decode("utf-8")


# ---- the build ------------------------------------------------------------------------------------------------


class Corpus:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.variants: list[dict[str, object]] = []

    def add(
        self,
        stem: str,
        convention: str,
        text: str,
        *,
        source: str,
        tool: str,
        suffix: str,
        damage: list[str] | None = None,
        touches: list[Touch] | None = None,
        seed: int | None = None,
    ) -> None:
        rel = Path(convention) / f"{stem}{suffix}"
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        entry: dict[str, object] = {
            "path": str(rel),
            "seed_report": stem,
            "split": split_of(stem),
            "convention": convention,
            "source": source,
            "tool": tool,
            "damage": damage or [],
        }
        if seed is not None:
            entry["random_seed"] = seed
        if touches is not None:
            entry["touched"] = [t.as_json() for t in touches]
            entry["touched_keys"] = sorted({k for t in touches for k in t.keys})
            entry["unrecoverable_keys"] = sorted({k for t in touches if not t.recoverable for k in t.keys})
        self.variants.append(entry)
        print(f"  {rel} ({len(text.encode('utf-8')) // 1024} KB)", file=sys.stderr)

    def write_manifest(self, about: str, split: dict[str, object], **more: object) -> None:
        """``manifest.json`` (what ``scripts/score_corpus.py`` reads): ``about``, the split, ``more`` fields, then
        every variant added."""
        manifest = {"about": about, "split": split, **more, "variants": self.variants}
        text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
        (self.out / "manifest.json").write_text(text, encoding="utf-8")
        print(f"{len(self.variants)} variants in {self.out}", file=sys.stderr)


MODEL_TOOL = "lxml (scripts/corpus_model.py)"


def build_model_conventions(corpus: Corpus, stem: str, doc: Doc) -> None:
    src = f"rendered/{stem}.html"
    import random

    corpus.add(stem, "text-tab", render_tab(doc), source=src, tool=MODEL_TOOL, suffix=".txt")
    seed = variant_seed(stem, "plain-spaces")
    spaces = render_joined(doc, None, random.Random(seed))
    corpus.add(stem, "plain-spaces", spaces, source=src, tool=MODEL_TOOL, suffix=".txt", seed=seed)
    corpus.add(stem, "plain-single-space", render_joined(doc, " "), source=src, tool=MODEL_TOOL, suffix=".txt")
    corpus.add(stem, "plain-glued", render_joined(doc, ""), source=src, tool=MODEL_TOOL, suffix=".txt")
    corpus.add(stem, "md-pipe", render_pipe(doc), source=src, tool=MODEL_TOOL, suffix=".md")
    corpus.add(stem, "md-html-tables", render_html_tables(doc), source=src, tool=MODEL_TOOL, suffix=".md")


def build_damaged(corpus: Corpus, stem: str, doc: Doc) -> None:
    import random

    src = f"rendered/{stem}.html"
    plans: list[tuple[str, list[str], Callable[[Doc, random.Random], str], str]] = []
    for kind in OCR_KINDS:
        plans.append((f"damage-{kind}", [kind], lambda d, r: render_joined(d, None, r), ".txt"))
    for kind in MD_KINDS:
        plans.append((f"damage-{kind}", [kind], lambda d, r: render_pipe(d), ".md"))
    plans.append(("damage-mixed-ocr", list(OCR_KINDS), lambda d, r: render_joined(d, None, r), ".txt"))
    md_mix = ["label_chars", "fullwidth_digits", "page_noise", *MD_KINDS]
    plans.append(("damage-mixed-md", md_mix, lambda d, r: render_pipe(d), ".md"))
    # table-recognition damage, on the tables with their spans (MinerU's HTML in Markdown), zeros as letters also
    # on plain text laid out by spaces
    for kind in TABLE_KINDS:
        plans.append((f"damage-html-{kind}", [kind], lambda d, r: render_html_tables(d), ".md"))
    plans.append(("damage-zero_letters", ["zero_letters"], lambda d, r: render_joined(d, None, r), ".txt"))
    for convention, kinds, render, suffix in plans:
        assert all(k in KINDS for k in kinds)
        seed = variant_seed(stem, convention)
        damaged = copy.deepcopy(doc) if convention.startswith("damage-html-") else flatten(doc)
        touches = apply(damaged, kinds, seed)
        text = render(damaged, random.Random(seed + 1))
        corpus.add(
            stem, convention, text, source=src, tool="corrupter (scripts/corpus_damage.py)", suffix=suffix,
            damage=kinds, touches=touches, seed=seed,
        )  # fmt: skip


def build_converters(corpus: Corpus, stem: str, tools: dict[str, str], workdir: Path) -> None:
    pdf, docx, page, xlsx = (RENDERED / f"{stem}.{ext}" for ext in ("pdf", "docx", "html", "xlsx"))
    rel = lambda p: f"rendered/{p.name}"  # noqa: E731
    jobs: list[tuple[str, Path, str, Callable[[], str], str]] = [
        ("md-pymupdf4llm", pdf, tools["pymupdf4llm"], lambda: pymupdf4llm_md(pdf, layout=False), ".md"),
        ("md-pymupdf4llm-layout", pdf, tools["pymupdf4llm"] + " + " + tools["pymupdf-layout"],
         lambda: pymupdf4llm_md(pdf, layout=True), ".md"),
        ("md-markitdown-pdf", pdf, tools["markitdown"], lambda: markitdown_md(pdf), ".md"),
        ("md-markitdown-docx", docx, tools["markitdown"], lambda: markitdown_md(docx), ".md"),
        ("md-markitdown-html", page, tools["markitdown"], lambda: markitdown_md(page), ".md"),
        ("md-markitdown-xlsx", xlsx, tools["markitdown"], lambda: markitdown_md(xlsx), ".md"),
        ("md-docling-docx", docx, tools["docling"], lambda: docling_md(docx), ".md"),
        ("md-docling-html", page, tools["docling"], lambda: docling_md(page), ".md"),
        ("md-html2text", page, tools["html2text"], lambda: html2text_md(page), ".md"),
        ("pdftotext-raw", pdf, tools["pdftotext"] + " -raw", lambda: pdftotext(pdf, "-raw"), ".txt"),
        ("pdftotext-default", pdf, tools["pdftotext"], lambda: pdftotext(pdf), ".txt"),
    ]  # fmt: skip
    for convention, source, tool, make, suffix in jobs:
        corpus.add(stem, convention, make(), source=rel(source), tool=tool, suffix=suffix)
    build_pymupdf_text(corpus, stem, tools)
    listing = tesseract_pages(pdf, workdir)
    for psm in OCR_MODES:
        tool = f"{tools['tesseract']} -l chi_sim+eng --psm {psm}; pdftoppm -r {OCR_DPI} -gray"
        corpus.add(stem, f"ocr-tesseract-psm{psm}", tesseract(listing, psm), source=rel(pdf), tool=tool, suffix=".txt")
    build_rapidocr(corpus, stem, tools, listing)


def build_rapidocr(corpus: Corpus, stem: str, tools: dict[str, str], listing: Path) -> None:
    """RapidOCR on the Tesseract texts' page images, its boxes made text both ways users do it."""
    pages = rapidocr_text.read_pages([Path(line) for line in listing.read_text().split()])
    for name, make in rapidocr_text.CONVENTIONS.items():
        tool = f"{tools['rapidocr']}; pdftoppm -r {OCR_DPI} -gray; {name} (scripts/rapidocr_text.py)"
        corpus.add(stem, f"ocr-rapidocr-{name}", make(pages), source=f"rendered/{stem}.pdf", tool=tool, suffix=".txt")


def tool_versions() -> dict[str, str]:
    return {
        "pymupdf4llm": pkg("pymupdf4llm") + " (" + pkg("PyMuPDF") + ")",
        "pymupdf-layout": pkg("pymupdf-layout"),
        "PyMuPDF": pkg("PyMuPDF"),
        "markitdown": pkg("markitdown") + " (" + pkg("pdfminer.six") + ", " + pkg("mammoth") + ", "
        + pkg("markdownify") + ")",
        "docling": pkg("docling-slim") + " (" + pkg("docling-core") + ")",
        "html2text": pkg("html2text"),
        "pdftotext": cli_version(["pdftotext", "-v"]),
        "tesseract": cli_version(["tesseract", "--version"]) + " (" + cli_version(["pdftoppm", "-v"]) + ")",
        "rapidocr": rapidocr_text.tool(),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--only-model", action="store_true",
        help="rebuild only what comes from the HTML model (TAB, plain, Markdown, damage); keep the converters' texts",
    )  # fmt: skip
    ap.add_argument(
        "--only-rapidocr", action="store_true",
        help="rebuild only the RapidOCR texts (ocr-rapidocr-*); keep every other text and manifest entry",
    )  # fmt: skip
    ap.add_argument(
        "--only-pymupdf-text", action="store_true",
        help="rebuild only PyMuPDF's plain texts (text-pymupdf*); keep every other text and manifest entry",
    )  # fmt: skip
    args = ap.parse_args(argv)
    corpus = Corpus(args.out)
    old = args.out / "manifest.json"
    kept: list[dict[str, object]] = []
    tools: dict[str, str] = {}
    if args.only_model and old.exists():
        previous = json.loads(old.read_text(encoding="utf-8"))
        kept = [
            v
            for v in previous["variants"]
            if v["source"] != f"rendered/{v['seed_report']}.html"
            or not str(v["tool"]).startswith(("lxml", "corrupter"))
        ]
        tools = previous["tools"]
    elif args.only_rapidocr and old.exists():
        previous = json.loads(old.read_text(encoding="utf-8"))
        kept = [v for v in previous["variants"] if not str(v["convention"]).startswith("ocr-rapidocr-")]
        tools = {**previous["tools"], "rapidocr": rapidocr_text.tool()}
    elif args.only_pymupdf_text and old.exists():
        previous = json.loads(old.read_text(encoding="utf-8"))
        kept = [v for v in previous["variants"] if not str(v["convention"]).startswith("text-pymupdf")]
        tools = {**previous["tools"], "PyMuPDF": pkg("PyMuPDF")}
    elif not args.only_model:
        tools = tool_versions()
    extractors = extractor_versions() if not (args.only_model or args.only_rapidocr or args.only_pymupdf_text) else {}
    tools.update({f"extractor:{k}": v for k, v in extractors.items()})
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        for gold_path in sorted(GOLD.glob("*.json")):
            stem = gold_path.stem
            print(stem, file=sys.stderr)
            if args.only_rapidocr:
                build_rapidocr(corpus, stem, tools, tesseract_pages(RENDERED / f"{stem}.pdf", Path(tmp)))
                continue
            if args.only_pymupdf_text:
                build_pymupdf_text(corpus, stem, tools)
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))["cells"]
            doc = read_model(RENDERED / f"{stem}.html", gold)
            build_model_conventions(corpus, stem, doc)
            build_damaged(corpus, stem, doc)
            if not args.only_model:
                build_converters(corpus, stem, tools, Path(tmp))
                build_extractors(corpus, stem, extractors, Path(tmp))
    corpus.variants = sorted(kept + corpus.variants, key=lambda v: (str(v["convention"]), str(v["path"])))
    corpus.write_manifest(
        "The generalisation corpus of issue 8: the rendered seeds as real tools and real users produce "
        "text. Built by scripts/build_corpus.py; scored by scripts/score_corpus.py against tests/fixtures/gold/.",
        {
            "tuning": sorted({v["seed_report"] for v in corpus.variants if v["split"] == "tuning"}),  # type: ignore[misc]
            "held_back": sorted({v["seed_report"] for v in corpus.variants if v["split"] == "held_back"}),  # type: ignore[misc]
            "rule": "tune on the variants of seeds 000–002 only; measure on those of 003–004",
        },
        tools=tools,
        ocr={"dpi": OCR_DPI, "languages": "chi_sim+eng", "psm": list(OCR_MODES)},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
