"""Build the MHTML fixtures (``tests/fixtures/mhtml/``): rendered seed pages saved as one file, by real writers.

    .venv/bin/python scripts/build_mhtml_fixtures.py     # Debian's chromium (scripts/setup.sh installs it)

- ``<stem>.chromium.mhtml``: Chromium's own snapshot (DevTools ``Page.captureSnapshot``, what "Save page as… single
  file" writes): quoted-printable HTML, its style sheets as parts.
- ``<stem>.gbk-base64.mht``: the page in GBK (its ``<meta>`` charset too), base64, as Internet Explorer's ``.mht``,
  written by Python's ``email`` package (a MIME writer), with an image part before the page.
"""

from __future__ import annotations

from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
OUT = ROOT / "tests" / "fixtures" / "mhtml"
STEMS = ("003_b42612b20553a5ab", "004_779f9be447f66d1d")


def chromium_mhtml(page: Path) -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(page.as_uri())
        session = tab.context.new_cdp_session(tab)
        data: str = session.send("Page.captureSnapshot", {"format": "mhtml"})["data"]
        browser.close()
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


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for stem in STEMS:
        page = RENDERED / f"{stem}.html"
        (OUT / f"{stem}.chromium.mhtml").write_bytes(chromium_mhtml(page).encode("utf-8"))
        (OUT / f"{stem}.gbk-base64.mht").write_bytes(ie_style_mht(page))
    print(f"wrote {len(STEMS) * 2} files to {OUT}")


if __name__ == "__main__":
    main()
