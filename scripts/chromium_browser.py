"""Debian's chromium as the build scripts run it: driven by Playwright (a page's ``innerText``, its MHTML snapshot)
or on the command line (a page printed to PDF). One place for the binary and its flags, so that every fixture and
synthetic text is made by the same browser the same way.

    from chromium_browser import browser, PRINT_TO_PDF
    with browser() as b:
        tab = b.new_page()
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EXECUTABLE = "/usr/bin/chromium"  # Debian's (scripts/setup.sh installs it), not Playwright's download
LAUNCH_ARGS = ["--no-sandbox"]  # run as root in a container
# headless print of a page to PDF, no header or footer (the page's own margins); the caller adds --print-to-pdf=…,
# its profile (--user-data-dir=…) when it wants one, and the page's URI
PRINT_TO_PDF = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]


@contextmanager
def browser() -> Iterator[Any]:
    """Debian's chromium launched by Playwright (headless), closed on leaving."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=EXECUTABLE, args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()
