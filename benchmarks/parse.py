"""How fast documents parse, per input kind, against the floor the underlying library sets; and how much memory.

For each kind the rendered seed documents (tests/fixtures/rendered/; the seeds themselves for ``text``) are
parsed with ``parsers.parse`` (reader + table parser) and read with the reader alone; the floor is the time the
library alone needs to get the text out:

- text: ``bytes.decode``;
- html: ``lxml.html.document_fromstring`` + ``text_content()``;
- docx: python-docx, every paragraph's and every table cell's text;
- pdf: pypdfium2, every page loaded and its text page's ``get_text_range()``;
- xlsx: python-calamine, every sheet ``to_python()``.

**Timing is interleaved**: in each of ``--rounds`` rounds every document goes through the floor, the reader and
the parse back to back, and each document keeps its fastest time per function. The machine is shared: other
processes' load only ever adds time, so the minimum is the least disturbed figure, and a ratio is taken between
figures measured side by side in the same run (absolute documents per second still move with the load).

**Memory**: each kind runs in a child process; its peak resident set (``ru_maxrss``, C libraries included)
after reading all its documents, less the resident set after the imports, and Python's own peak
(``tracemalloc``). A synthetic 200-page PDF (the rendered PDFs' pages repeated, built with pypdfium2) is read
the same way, beside a 20-page one: a reader that holds one page at a time peaks alike on both.

**PDF fallback**: the pages the PDF reader handed to pdfplumber (``parsers.readers.pdf.FALLBACK``), by reason.

**PDF per producer** (``--pdf-producers DIR``): each folder of ``DIR`` (one per program that made the PDFs:
LibreOffice, wkhtmltopdf, Chromium, …) timed as the ``pdf`` kind is, its parse ÷ floor and its pdfplumber pages
given on a row of its own, after the kinds' table.

Run: ``.venv/bin/python benchmarks/parse.py [--rounds N] [--kinds html,pdf] [--pdf-dir DIR] [--per-doc N]
[--pdf-producers DIR]`` (``--pdf-dir`` times the PDFs of a folder as the ``pdf`` kind, e.g. a set of real reports,
or a part of ``scripts/build_pdf_timing_set.py``'s set; ``--per-doc N`` lists each kind's N documents with the
highest parse ÷ floor, with their pages and pdfplumber pages). Prints markdown tables.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse  # noqa: E402
from parsers.detect import detect_kind  # noqa: E402
from parsers.readers import read  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
KINDS = ("text", "html", "docx", "pdf", "xlsx")
FLOOR_NAMES = {
    "text": "bytes.decode",
    "html": "lxml text_content",
    "docx": "python-docx text",
    "pdf": "pypdfium2 get_text_range",
    "xlsx": "calamine to_python",
}


def documents(kind: str, pdf_dir: Path | None = None) -> list[tuple[str, bytes]]:
    if kind == "text":
        paths = sorted((FIXTURES / "seeds").glob("*.txt"))
    elif kind == "pdf" and pdf_dir is not None:
        paths = sorted(pdf_dir.glob("*.pdf"))
    else:
        paths = sorted((FIXTURES / "rendered").glob(f"*.{kind}"))
    return [(p.name, p.read_bytes()) for p in paths]


# ---------------------------------------------------------------------------------------------- floors
def floor_text(data: bytes) -> int:
    return len(data.decode("utf-8"))


def floor_html(data: bytes) -> int:
    from lxml import html

    return len(html.document_fromstring(data).text_content())


def floor_docx(data: bytes) -> int:
    import docx

    document = docx.Document(io.BytesIO(data))
    n = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            n += sum(len(cell.text) for cell in row.cells)
    return n


def floor_pdf(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = 0
    try:
        for page in pdf:
            textpage = page.get_textpage()
            n += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return n


def floor_xlsx(data: bytes) -> int:
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return sum(len(wb.get_sheet_by_name(name).to_python()) for name in wb.sheet_names)


FLOORS: dict[str, Callable[[bytes], int]] = {
    "text": floor_text,
    "html": floor_html,
    "docx": floor_docx,
    "pdf": floor_pdf,
    "xlsx": floor_xlsx,
}


def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


# ---------------------------------------------------------------------------------------------- timing
def best_times_per_doc(
    docs: list[tuple[str, bytes]], fns: dict[str, Callable[[str, bytes], object]], rounds: int
) -> dict[str, list[float]]:
    """Seconds per document for each function: the fastest of ``rounds`` runs. The functions run interleaved,
    document by document, so that they see the same load."""
    for name, data in docs:  # warm-up: imports, caches
        for fn in fns.values():
            fn(name, data)
    best = {key: [float("inf")] * len(docs) for key in fns}
    for _ in range(rounds):
        for i, (name, data) in enumerate(docs):
            for key, fn in fns.items():
                start = time.perf_counter()
                fn(name, data)
                best[key][i] = min(best[key][i], time.perf_counter() - start)
    return best


def best_times(
    docs: list[tuple[str, bytes]], fns: dict[str, Callable[[str, bytes], object]], rounds: int
) -> dict[str, float]:
    """Seconds per pass over ``docs`` for each function: every document's fastest of ``rounds`` runs, summed."""
    return {key: sum(times) for key, times in best_times_per_doc(docs, fns, rounds).items()}


def speed_per_doc(kind: str, docs: list[tuple[str, bytes]], rounds: int) -> dict[str, list[float]]:
    floor = FLOORS[kind]
    fns: dict[str, Callable[[str, bytes], object]] = {
        "floor": lambda _name, data: floor(data),
        "reader": lambda name, data: read(data, detect_kind(data, name)),
        "parse": lambda name, data: parse(data, name),
    }
    return best_times_per_doc(docs, fns, rounds)


def pdf_fallbacks(data: bytes) -> int:
    """The pages of one PDF its reader hands to pdfplumber."""
    from parsers.readers import pdf as pdf_reader

    before = sum(pdf_reader.FALLBACK.values())
    read(data, "pdf")
    return sum(pdf_reader.FALLBACK.values()) - before


def print_producers(root: Path, rounds: int) -> None:
    """The ``pdf`` kind's row for each folder of ``root`` (its PDFs, one producer's), with its pdfplumber pages."""
    from parsers.readers import pdf as pdf_reader

    print("\n| producer | docs | pages | parse docs/s | floor docs/s | reader ÷ floor | parse ÷ floor | pdfplumber |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = documents("pdf", folder)
        if not docs:
            continue
        fallback, page_reads = sum(pdf_reader.FALLBACK.values()), pdf_reader.PAGES["read"]
        t = {key: sum(times) for key, times in speed_per_doc("pdf", docs, rounds).items()}
        fallback, page_reads = sum(pdf_reader.FALLBACK.values()) - fallback, pdf_reader.PAGES["read"] - page_reads
        n, pages = len(docs), sum(pdf_pages(data) for _, data in docs)
        print(
            f"| {folder.name} | {n} | {pages} | {fmt(n / t['parse'])} | {fmt(n / t['floor'])} "
            f"| {t['reader'] / t['floor']:.2f}× | {t['parse'] / t['floor']:.2f}× | {fallback} of {page_reads} reads |"
        )


# ---------------------------------------------------------------------------------------------- memory
def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child_memory(kind: str, paths: list[str], what: str) -> dict[str, float]:
    """In a child process: import, load the documents' bytes, reset the peak resident set, read every document,
    note the peak (C libraries included) and Python's own peak (tracemalloc), the input bytes excluded."""
    import tracemalloc

    import lxml.html  # noqa: F401  (the libraries every kind may load, imported before the baseline)
    import pypdfium2  # noqa: F401

    datas = [(Path(path).name, Path(path).read_bytes()) for path in paths]
    try:  # Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one
        Path("/proc/self/clear_refs").write_text("5")
        base = _status_kb("VmRSS")
    except OSError:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    for name, data in datas:
        if what == "floor":
            FLOORS[kind](data)
        elif what == "reader":
            read(data, detect_kind(data, name))
        else:
            parse(data, name)
    _, python_peak = tracemalloc.get_traced_memory()
    peak = _status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_mb": peak / 1024, "above_base_mb": (peak - base) / 1024, "python_peak_mb": python_peak / 2**20}


def memory(kind: str, paths: list[str], what: str = "parse") -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-memory", kind, what, *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------------------------------------- large PDF
def pdf_volume(sources: list[Path], pages: int) -> bytes:
    """One PDF of ``pages`` pages: the sources' pages in turn, repeated (also ``scripts/build_pdf_timing_set.py``'s
    volumes)."""
    import pypdfium2 as pdfium

    docs = [pdfium.PdfDocument(p.read_bytes()) for p in sources]
    out = pdfium.PdfDocument.new()
    i = 0
    while len(out) < pages:
        src = docs[i % len(docs)]
        out.import_pages(src, list(range(min(len(src), pages - len(out)))))
        i += 1
    buf = io.BytesIO()
    out.save(buf)
    for d in docs:
        d.close()
    out.close()
    return buf.getvalue()


def synthetic_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` pages: the rendered PDFs' pages, repeated."""
    return pdf_volume(sorted((FIXTURES / "rendered").glob("*.pdf")), pages)


# ---------------------------------------------------------------------------------------------- report
def fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def main(argv: list[str] | None = None) -> None:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--child-memory":
        kind, what, *paths = sys.argv[2:]
        print(json.dumps(child_memory(kind, paths, what)))
        return
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed runs per document (default 5); the fastest counts")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--pdf-dir", type=Path, help="time the PDFs of this folder as the pdf kind")
    ap.add_argument("--large-pages", type=int, default=200, help="pages of the synthetic large PDF (0: skip)")
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--per-doc", type=int, default=0, help="list the N documents of each kind with the highest ratio")
    ap.add_argument("--pdf-producers", type=Path, help="time each folder of this one's PDFs apart (one per producer)")
    args = ap.parse_args(argv)
    kinds = args.kinds.split(",")
    load = os.getloadavg()[0]
    print(
        f"load average {load:.1f} on {os.cpu_count()} cores; fastest of {args.rounds} interleaved runs per document\n"
    )

    from parsers.readers import pdf as pdf_reader

    worst: dict[str, tuple[list[tuple[str, bytes]], dict[str, list[float]]]] = {}
    print("| kind | docs | parse docs/s | reader docs/s | floor | floor docs/s | reader ÷ floor | parse ÷ floor |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for kind in kinds:
        docs = documents(kind, args.pdf_dir)
        if not docs:
            print(f"| {kind} | 0 | – | – | – | – | – | – |")
            continue
        per_doc = speed_per_doc(kind, docs, args.rounds)
        t = {key: sum(times) for key, times in per_doc.items()}
        if args.per_doc:
            worst[kind] = (docs, per_doc)
        n = len(docs)
        print(
            f"| {kind} | {n} | {fmt(n / t['parse'])} | {fmt(n / t['reader'])} | {FLOOR_NAMES[kind]} "
            f"| {fmt(n / t['floor'])} | {t['reader'] / t['floor']:.2f}× | {t['parse'] / t['floor']:.2f}× |"
        )

    if "pdf" in kinds:
        pages = sum(pdf_pages(data) for _, data in documents("pdf", args.pdf_dir))
        fallback = sum(pdf_reader.FALLBACK.values())
        reasons = ", ".join(f"{reason}: {count}" for reason, count in pdf_reader.FALLBACK.most_common()) or "none"
        print(
            f"\nPDF pages read with pdfplumber instead of PDFium: {fallback} of {pdf_reader.PAGES['read']} page reads "
            f"({pages} distinct pages); reasons: {reasons}"
        )

    if args.pdf_producers is not None:
        print_producers(args.pdf_producers, args.rounds)

    for kind, (docs, per_doc) in worst.items():
        order = sorted(range(len(docs)), key=lambda i: -per_doc["parse"][i] / per_doc["floor"][i])
        print(f"\n{kind}: the {min(args.per_doc, len(docs))} documents of {len(docs)} with the highest parse ÷ floor\n")
        extra = " pages | pdfplumber pages |" if kind == "pdf" else ""
        print(f"| document | floor ms | reader ms | parse ms | reader ÷ floor | parse ÷ floor |{extra}")
        print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if kind == "pdf" else ""))
        for i in order[: args.per_doc]:
            name, data = docs[i]
            f, r, p = (per_doc[key][i] for key in ("floor", "reader", "parse"))
            cols = f" {pdf_pages(data)} | {pdf_fallbacks(data)} |" if kind == "pdf" else ""
            print(f"| {name} | {f * 1000:.1f} | {r * 1000:.1f} | {p * 1000:.1f} | {r / f:.2f}× | {p / f:.2f}× |{cols}")

    if args.no_memory:
        return
    print("\n| kind | peak RSS MB (parse) | peak above start MB | Python peak MB | floor: peak above start MB |")
    print("|---|---:|---:|---:|---:|")
    for kind in kinds:
        paths = [str(p) for p in _paths(kind, args.pdf_dir)]
        if not paths:
            continue
        ours = memory(kind, paths)
        floor = memory(kind, paths, "floor")
        print(
            f"| {kind} | {fmt(ours['peak_mb'])} | {fmt(ours['above_base_mb'])} | {fmt(ours['python_peak_mb'])} "
            f"| {fmt(floor['above_base_mb'])} |"
        )

    if args.large_pages and "pdf" in kinds:
        print(
            "\n| synthetic PDF | MB | reader s | floor s | reader ÷ floor | reader: peak above start MB "
            "| Python peak MB | floor: peak above start MB |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        with tempfile.TemporaryDirectory() as tmp:
            for pages in (args.large_pages // 10, args.large_pages):
                data = synthetic_pdf(pages)
                path = Path(tmp) / f"synthetic-{pages}.pdf"
                path.write_bytes(data)
                t = best_times(
                    [(path.name, data)],
                    {"floor": lambda _n, d: floor_pdf(d), "reader": lambda n, d: read(d, "pdf")},
                    max(1, args.rounds // 2),
                )
                ours = memory("pdf", [str(path)], "reader")
                floor = memory("pdf", [str(path)], "floor")
                print(
                    f"| {pages} pages | {len(data) / 2**20:.1f} | {t['reader']:.2f} | {t['floor']:.2f} "
                    f"| {t['reader'] / t['floor']:.2f}× | {fmt(ours['above_base_mb'])} "
                    f"| {fmt(ours['python_peak_mb'])} | {fmt(floor['above_base_mb'])} |"
                )


def _paths(kind: str, pdf_dir: Path | None) -> list[Path]:
    if kind == "text":
        return sorted((FIXTURES / "seeds").glob("*.txt"))
    if kind == "pdf" and pdf_dir is not None:
        return sorted(pdf_dir.glob("*.pdf"))
    return sorted((FIXTURES / "rendered").glob(f"*.{kind}"))


if __name__ == "__main__":
    main()
