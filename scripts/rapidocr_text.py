"""OCR-service text: RapidOCR's text boxes turned into text the two ways users do it.

OCR services that run PaddleOCR-family models (Baidu's OCR API, PaddleOCR, RapidOCR, Umi-OCR …) return a list of
text boxes, each a quadrilateral, a string and a score, not text. Users make text of it in one of two ways, and
the generalisation corpus holds both (``scripts/build_corpus.py``; more renderings for tuning in
``scripts/build_ocr_text.py --engine rapidocr``):

- ``boxes`` — one box per line, in the order the engine returns them (Baidu's ``words_result``, Umi-OCR's
  default "none" layout): RapidOCR sorts the detected boxes top to bottom, and boxes whose top edges lie within
  10 pixels of each other left to right. A table row arrives as its label's box(es) and one line per number.
- ``lines`` — boxes grouped into lines (Umi-OCR's "single column" layout parser, most users' scripts): boxes are
  taken in order of their vertical centre; a box joins the line being built when its vertical extent overlaps
  that line's (the union of its boxes' extents) by at least half the smaller of the two heights; each line's
  boxes are ordered by their left edge and joined by one space. Pages are separated by an empty line.

RapidOCR runs ``rapidocr-onnxruntime`` (the ``ocr-rapidocr`` extra; PP-OCRv4 detection and recognition models
inside the wheel), without the angle classifier, one onnxruntime thread.
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import Any

Box = dict[str, Any]  # {"box": [[x, y] * 4], "text": str, "score": float}

_ENGINE: list[Any] = []


def engine() -> Any:
    if not _ENGINE:
        from rapidocr_onnxruntime import RapidOCR

        _ENGINE.append(RapidOCR(use_cls=False, intra_op_num_threads=1, inter_op_num_threads=1))
    return _ENGINE[0]


def tool() -> str:
    return (
        f"rapidocr-onnxruntime {importlib.metadata.version('rapidocr-onnxruntime')} "
        f"(onnxruntime {importlib.metadata.version('onnxruntime')}; PP-OCRv4 det+rec, no angle classifier)"
    )


def read_pages(images: list[Path], cache: Path | None = None) -> list[list[Box]]:
    """Each page image's boxes in engine order; kept as JSON in ``cache`` (the OCR takes seconds a page)."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    pages: list[list[Box]] = []
    for image in images:
        result, _ = engine()(str(image), use_cls=False)
        boxes = []
        for quad, text, score in result or []:
            corners = [[round(float(x), 1), round(float(y), 1)] for x, y in quad]
            boxes.append({"box": corners, "text": text, "score": round(float(score), 4)})
        pages.append(boxes)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return pages


def boxes_text(pages: list[list[Box]]) -> str:
    """One box per line, engine order; pages separated by an empty line."""
    return "\n\n".join("\n".join(b["text"] for b in page) for page in pages) + "\n"


def _extent(b: Box) -> tuple[float, float, float]:
    ys = [p[1] for p in b["box"]]
    xs = [p[0] for p in b["box"]]
    return min(ys), max(ys), min(xs)


def group_lines(page: list[Box]) -> list[list[Box]]:
    """The page's boxes grouped into lines by vertical overlap (see the module's docstring), each left to right."""
    lines: list[tuple[float, float, list[Box]]] = []
    for b in sorted(page, key=lambda b: (_extent(b)[0] + _extent(b)[1]) / 2):
        top, bottom, _ = _extent(b)
        if lines:
            ltop, lbottom, members = lines[-1]
            overlap = min(bottom, lbottom) - max(top, ltop)
            if overlap >= 0.5 * min(bottom - top, lbottom - ltop):
                lines[-1] = (min(top, ltop), max(bottom, lbottom), [*members, b])
                continue
        lines.append((top, bottom, [b]))
    return [sorted(members, key=lambda b: _extent(b)[2]) for _, _, members in lines]


def lines_text(pages: list[list[Box]]) -> str:
    """Boxes grouped into lines, left to right, joined by one space; pages separated by an empty line."""
    texts = ("\n".join(" ".join(b["text"] for b in line) for line in group_lines(page)) for page in pages)
    return "\n\n".join(texts) + "\n"


CONVENTIONS = {"boxes": boxes_text, "lines": lines_text}
