"""How fast documents parse, per input kind, against the floor the underlying library sets.

For each kind the rendered seed documents (tests/fixtures/rendered/; the seeds themselves for ``text``) are
parsed ``--repeat`` times with ``parsers.parse`` (reader + table parser) and with the reader alone; the floor
is the time the library alone needs to get the text out:

- text: ``bytes.decode``;
- html: ``lxml.html.document_fromstring`` + ``text_content()``;
- docx: python-docx, every paragraph's and every table cell's text;
- pdf: pdfplumber ``extract_text()`` per page, and pypdfium2 ``get_textpage().get_text_range()``;
- xlsx: python-calamine, every sheet ``to_python()``.

Run: ``.venv/bin/python benchmarks/parse.py [--repeat N] [--kinds html,pdf]``. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse  # noqa: E402
from parsers.detect import detect_kind  # noqa: E402
from parsers.readers import read  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def documents(kind: str) -> list[tuple[str, bytes]]:
    if kind == "text":
        paths = sorted((FIXTURES / "seeds").glob("*.txt"))
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


def floor_pdfplumber(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def floor_pdfium(data: bytes) -> int:
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


FLOORS: dict[str, list[tuple[str, Callable[[bytes], int]]]] = {
    "text": [("bytes.decode", floor_text)],
    "html": [("lxml text_content", floor_html)],
    "docx": [("python-docx text", floor_docx)],
    "pdf": [("pdfplumber extract_text", floor_pdfplumber), ("pypdfium2 get_text_range", floor_pdfium)],
    "xlsx": [("calamine to_python", floor_xlsx)],
}


# ---------------------------------------------------------------------------------------------- timing
def rate(docs: list[tuple[str, bytes]], fn: Callable[[str, bytes], object], repeat: int) -> float:
    """Documents per second over ``repeat`` passes (after one warm-up pass)."""
    for name, data in docs:
        fn(name, data)
    start = time.perf_counter()
    for _ in range(repeat):
        for name, data in docs:
            fn(name, data)
    elapsed = time.perf_counter() - start
    return len(docs) * repeat / elapsed


def _parse(name: str, data: bytes) -> object:
    return parse(data, name)


def _read(name: str, data: bytes) -> object:
    return read(data, detect_kind(data, name))


def _floor(floor: Callable[[bytes], int], _name: str, data: bytes) -> object:
    return floor(data)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=10, help="passes over the documents (default 10; PDF: half)")
    ap.add_argument("--kinds", default="text,html,docx,pdf,xlsx")
    args = ap.parse_args(argv)
    print("| kind | docs | parse docs/s | reader docs/s | floor | floor docs/s | reader ÷ floor | parse ÷ floor |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for kind in args.kinds.split(","):
        docs = documents(kind)
        if not docs:
            print(f"| {kind} | 0 | – | – | – | – | – | – |")
            continue
        repeat = max(1, args.repeat // 2) if kind == "pdf" else args.repeat
        parse_rate = rate(docs, _parse, repeat)
        read_rate = rate(docs, _read, repeat)
        for i, (label, floor) in enumerate(FLOORS[kind]):
            floor_rate = rate(docs, functools.partial(_floor, floor), repeat)
            first = i == 0
            print(
                f"| {kind if first else ''} | {len(docs) if first else ''} "
                f"| {f'{parse_rate:,.1f}' if first else ''} | {f'{read_rate:,.1f}' if first else ''} "
                f"| {label} | {floor_rate:,.1f} | {floor_rate / read_rate:,.1f}× | {floor_rate / parse_rate:,.1f}× |"
            )


if __name__ == "__main__":
    main()
