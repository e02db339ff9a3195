"""Build the MHTML fixtures (``tests/fixtures/mhtml/``): rendered seed pages saved as one file, by real writers.

    .venv/bin/python scripts/build_mhtml_fixtures.py     # Debian's chromium (scripts/setup.sh installs it)

- ``<stem>.chromium.mhtml``: Chromium's own snapshot (DevTools ``Page.captureSnapshot``, what "Save page as… single
  file" writes): quoted-printable HTML, its style sheets as parts.
- ``<stem>.gbk-base64.mht``: the page in GBK (its ``<meta>`` charset too), base64, as Internet Explorer's ``.mht``,
  written by Python's ``email`` package (a MIME writer), with an image part before the page.
- ``001_…-page-images.chromium.mhtml``: Chromium's snapshot of a detail page served from 127.0.0.1 whose report is
  a column of two page images (seed 001's scanned pages 1 and 2, in black and white): the images are parts of the
  file.
"""

from __future__ import annotations

from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from chromium_browser import browser

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
OUT = ROOT / "tests" / "fixtures" / "mhtml"
STEMS = ("003_b42612b20553a5ab", "004_779f9be447f66d1d")
SCANS = ROOT / "tests" / "fixtures" / "scans"
SCAN = "001_641fc7d161c03c36"


def chromium_mhtml(page: Path) -> str:
    with browser() as b:
        tab = b.new_page()
        tab.goto(page.as_uri())
        session = tab.context.new_cdp_session(tab)
        data: str = session.send("Page.captureSnapshot", {"format": "mhtml"})["data"]
    return data


def ie_style_mht(page: Path) -> bytes:
    html = (
        page.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=gbk").replace("charset=utf-8", "charset=gbk")
    )
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Windows Internet Explorer 11>"
    message["Subject"] = "annual report"
    image = MIMEBase("image", "gif")
    image.set_payload(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    encoders.encode_base64(image)
    image["Content-Location"] = "http://www.example.gov.cn/images/logo.gif"
    message.attach(image)
    part = MIMEText(html, "html", "gbk")  # base64 for a non-ASCII charset
    part["Content-Location"] = "http://www.example.gov.cn/zwgk/2022/report.html"
    message.attach(part)
    return message.as_bytes()


def image_column_mhtml() -> str:
    """Chromium's snapshot of a detail page whose report is a column of two page images (seed 001's pages 1 and 2
    at 200 dpi, ``tests/fixtures/scans``, in black and white), served from 127.0.0.1 as a portal serves it."""
    import http.server
    import io
    import tempfile
    import threading
    from functools import partial

    from PIL import Image

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        names = []
        for i in (1, 2):
            image = Image.open(SCANS / f"{SCAN}-200-clean-p{i}.png").convert("L")
            buffer = io.BytesIO()  # black and white, as a portal's scanner often saves a page (50 KB, not 300)
            image.point(lambda v: 255 if v > 160 else 0).convert("1").save(buffer, "PNG", optimize=True)
            names.append(f"W02023012000{i}.png")
            (folder / names[-1]).write_bytes(buffer.getvalue())
        column = "".join(f'<p style="text-align:center"><img src="./{n}" width="800" alt=""></p>' for n in names)
        (folder / "t20230120_1.html").write_text(
            '<html><head><meta charset="utf-8"><title>鄂托克前旗2022年政府信息公开工作年度报告</title></head><body>'
            '<div class="header">首页 政务公开</div><h1>鄂托克前旗2022年政府信息公开工作年度报告</h1>'
            f'<div class="view TRS_UEDITOR trs_paper_default">{column}</div><div class="footer">网站标识码</div>'
            "</body></html>",
            encoding="utf-8",
        )
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=work)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with browser() as b:
                tab = b.new_page()
                tab.goto(f"http://127.0.0.1:{server.server_address[1]}/t20230120_1.html")
                session = tab.context.new_cdp_session(tab)
                data: str = session.send("Page.captureSnapshot", {"format": "mhtml"})["data"]
        finally:
            server.shutdown()
    return data


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for stem in STEMS:
        page = RENDERED / f"{stem}.html"
        (OUT / f"{stem}.chromium.mhtml").write_bytes(chromium_mhtml(page).encode("utf-8"))
        (OUT / f"{stem}.gbk-base64.mht").write_bytes(ie_style_mht(page))
    (OUT / f"{SCAN}-page-images.chromium.mhtml").write_bytes(image_column_mhtml().encode("utf-8"))
    print(f"wrote {len(STEMS) * 2 + 1} files to {OUT}")


if __name__ == "__main__":
    main()
