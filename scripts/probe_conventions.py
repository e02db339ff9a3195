"""Extractor conventions the battery does not hold, made by real tools from a battery's PDFs and HTML pages: a check
that the parser generalises to texts no rule was tuned on (``synth_score.py`` scores the folder it writes).

    .venv/bin/python scripts/probe_conventions.py /tmp/bat31 /tmp/probe31 1260 1279
    .venv/bin/python scripts/synth_score.py /tmp/probe31 --workers 1

Conventions: ``pdf-pdfium`` (pypdfium2's ``get_text_range``, page by page), ``pdftotext-nopgbrk``,
``html-lxml-text`` (lxml's ``text_content``), ``html-markdownify`` (markdownify, ATX headings), pandoc's ``org``,
``asciidoc`` and ``commonmark_x`` writers, and ``html-pandoc-gfm-nosep`` (pandoc ``-t gfm`` with every pipe table's
``|---|`` rule left out: rows between bars with no rule, as some writers print them).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _texts(pdf: Path, html: Path) -> dict[str, tuple[str, bytes]]:
    """Convention → (file suffix, text) for one report."""
    import lxml.html
    import pypdfium2 as pdfium
    from markdownify import markdownify

    out: dict[str, tuple[str, bytes]] = {}
    doc = pdfium.PdfDocument(str(pdf))
    out["pdf-pdfium"] = ("txt", "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))).encode())
    doc.close()
    raw = html.read_bytes()
    out["html-lxml-text"] = ("txt", lxml.html.document_fromstring(raw).text_content().encode())
    out["html-markdownify"] = ("md", markdownify(raw.decode("utf-8", "replace"), heading_style="ATX").encode())
    for fmt, ext in (("org", "txt"), ("asciidoc", "txt"), ("commonmark_x", "md"), ("gfm", "md")):
        done = subprocess.run(["pandoc", "-f", "html", "-t", fmt, str(html)], capture_output=True, check=True)
        out[f"html-pandoc-{fmt}"] = (ext, done.stdout)
    gfm = out.pop("html-pandoc-gfm")[1].decode()
    out["html-pandoc-gfm-nosep"] = ("md", "\n".join(ln for ln in gfm.split("\n") if not _RULE.match(ln)).encode())
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-nopgbrk", str(pdf), "-"], capture_output=True, check=True)
    out["pdftotext-nopgbrk"] = ("txt", done.stdout)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("battery", type=Path, help="a folder scripts/synth_extractors.py wrote (PDFs, pages, gold)")
    ap.add_argument("out", type=Path)
    ap.add_argument("first", type=int)
    ap.add_argument("last", type=int)
    args = ap.parse_args()
    src, out = args.battery, args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").write_text((src / "manifest.json").read_text())
    for gold_dir in ("gold-html", "gold-pdf", "gold-layout", "gold-pymupdf"):
        if (src / gold_dir).exists() and not (out / gold_dir).exists():
            (out / gold_dir).symlink_to((src / gold_dir).resolve())
    for n in range(args.first, args.last + 1):
        stem = f"synth_{n}"
        gold = json.loads((src / f"{stem}.json").read_text())
        inputs = {}
        for conv, (ext, data) in _texts(src / f"{stem}.pdf", src / f"{stem}.html").items():
            name = f"{stem}.{conv}.{ext}"
            (out / name).write_bytes(data)
            inputs[conv] = name
        gold["inputs"] = inputs
        (out / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False))
    print(f"{args.last - args.first + 1} reports, {len(inputs)} conventions each, in {out}")


if __name__ == "__main__":
    main()
