"""Random PDFs drawn with reportlab, to prove a change to the PDF reader leaves its output alone.

    .venv/bin/python scripts/build_pdf_fuzz.py --out /tmp/pdf-fuzz --count 120
    .venv/bin/python scripts/reader_snapshot.py /tmp/before.jsonl --pdf-dir /tmp/pdf-fuzz   # before the change
    .venv/bin/python scripts/reader_snapshot.py /tmp/after.jsonl --pdf-dir /tmp/pdf-fuzz    # after it

Each seed gives one to three pages of CJK and Latin text (ligatures, spaces, full-width characters), lines a
hair apart and across the 3 pt clustering tolerance, fake bold (a line printed twice, slightly offset), ruled
tables drawn with lines or rectangles (merged cells, edges a little off their neighbours), curves, running page
numbers, and now and then a rotated page (read by pdfplumber). The PDFs are not committed: the seeds rebuild them.
"""

from __future__ import annotations

import argparse
import io
import random
from pathlib import Path
from typing import Any

WORDS = [
    "信息内容", "本年制发件数", "行政许可", "规章", "一、总体情况", "二、主动公开政府信息情况", "Total 12",
    "ﬁle ﬂow", "（一）", "申请人数", "0", "133", "1,708", "12.5%", "其他", "三、收到和处理政府信息公开申请情况",
    "word  gap", "Ａ１",
]  # fmt: skip


def _page(c: Any, rng: random.Random) -> None:
    y = 800.0
    c.setFont("STSong-Light", rng.choice([9, 10.5, 11, 12, 14]))
    for _ in range(rng.randint(2, 10)):
        x = 72 + rng.choice([0, 0, 21, 0.4, 2.9, 3.1])
        text = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        for dx in (0, rng.choice([0.2, 0.5, 0.9, 1.4])) if rng.random() < 0.2 else (0,):
            c.drawString(x + dx, y, text)
        y -= rng.choice([12, 14, 16, 18, 3.5, 2.5])
    for _ in range(rng.randint(0, 2)):
        cols, rows = rng.randint(2, 6), rng.randint(2, 8)
        xs = [72.0]
        for _ in range(cols):
            xs.append(xs[-1] + rng.choice([40, 60, 90, 120]))
        ys = [y - 10]
        for _ in range(rows):
            ys.append(ys[-1] - rng.choice([18, 22, 30]))
        rects = rng.random() < 0.4
        for r in range(rows):
            for k in range(cols):
                if rects:
                    c.rect(xs[k], ys[r + 1], xs[k + 1] - xs[k], ys[r] - ys[r + 1])
                for _ in range(rng.choice([1, 1, 2])):
                    if rng.random() < 0.85:
                        dx, dy = rng.choice([2, 4, 0.5]), rng.choice([4, 6, 11])
                        c.drawString(xs[k] + dx, ys[r + 1] + dy, rng.choice(WORDS))
        if not rects:
            for line_y in ys:
                c.line(xs[0] + rng.choice([0, 0, 1.5]), line_y + rng.choice([0, 0, 0.8, 2.5]), xs[-1], line_y)
            for k, line_x in enumerate(xs):
                merged = 0 < k < len(xs) - 1 and rng.random() < 0.2
                c.line(line_x, ys[0], line_x, ys[len(ys) // 2] if merged else ys[-1])
        y = ys[-1] - 20
        if rng.random() < 0.3:
            path = c.beginPath()
            path.moveTo(80, y)
            path.curveTo(100, y - 10, 140, y + 10, 200, y)
            c.drawPath(path)
            y -= 20
    if rng.random() < 0.2:
        c.drawString(300, 30, str(rng.randint(1, 9)))  # a running page number


def make(seed: int) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rng = random.Random(seed)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.08:
            c.setPageRotation(90)
        _page(c, rng)
        c.showPage()
    c.save()
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--count", type=int, default=120)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in range(args.count):
        (args.out / f"gen-{seed:03d}.pdf").write_bytes(make(seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
