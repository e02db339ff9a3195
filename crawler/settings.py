"""Scrapy settings for the nianbao crawler (``scrapy.cfg`` points here).

Politeness: the portals are government sites that answer slowly and ban eagerly, so the defaults are
conservative — two requests at a time per domain, a one-second delay with ±50 % jitter,
AutoThrottle on, retries few, and an honest User-Agent naming the project and a contact URL
(``NIANBAO_CONTACT_URL``; set it to a real address before a live crawl). ``ROBOTSTXT_OBEY`` is on unless
``NIANBAO_ROBOTSTXT_OBEY=0`` (or ``--ignore-robots``); replay turns it off, because the bundled cassettes do
not hold the portals' robots.txt and a robots.txt request would be a cassette miss (see :mod:`crawler.run`).

Modes (:func:`crawler.run.mode_settings` applies them): live (Scrapy's own HTTP handler), replay
(:class:`crawler.replay.ReplayDownloadHandler`, no delays, no robots.txt), record
(:class:`crawler.replay.RecordingDownloadHandler`, live through vcrpy + requests).

Nothing here keeps crawl state in memory only: duplicate requests are filtered by request fingerprints (the
scheduler and its dupefilter can be swapped for scrapy-redis's), and what was already harvested is read
from the Store, so several processes can share one queue.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

try:
    _version = version("nianbao")
except PackageNotFoundError:  # running from a checkout that is not installed
    _version = "0"

BOT_NAME = "nianbao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

CONTACT_URL = os.environ.get("NIANBAO_CONTACT_URL", "https://nianbao.example/contact")
USER_AGENT = f"nianbao/{_version} (+{CONTACT_URL}; harvester of government information-disclosure annual reports)"

ROBOTSTXT_OBEY = os.environ.get("NIANBAO_ROBOTSTXT_OBEY", "1") not in {"0", "false", "no"}

# Politeness
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay is DOWNLOAD_DELAY ± 50 %
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2  # 5xx, 429, timeouts, connections cut: three attempts in all (crawler.retries)
NIANBAO_RETRY_BACKOFF = 2.0  # seconds before the first retry, doubled for each next one …
NIANBAO_RETRY_BACKOFF_MAX = 60.0  # … up to this
NIANBAO_RETRY_AFTER_MAX = 300.0  # a longer Retry-After is not waited for: recorded, asked again next run
# Blocks (crawler.blocks): a block cools its portal down (30 s, then ×4 for each next block in a row, at most
# 10 min) and its URL is tried again last; a URL blocked on each of NIANBAO_BLOCK_TRIES tries is recorded
# `blocked`; K = NIANBAO_BLOCK_PAUSE_AFTER blocks in a row pause the portal for the run.
NIANBAO_BLOCK_COOLDOWN = float(os.environ.get("NIANBAO_BLOCK_COOLDOWN") or 30.0)
NIANBAO_BLOCK_COOLDOWN_FACTOR = float(os.environ.get("NIANBAO_BLOCK_COOLDOWN_FACTOR") or 4.0)
NIANBAO_BLOCK_COOLDOWN_MAX = float(os.environ.get("NIANBAO_BLOCK_COOLDOWN_MAX") or 600.0)
NIANBAO_BLOCK_PAUSE_AFTER = int(os.environ.get("NIANBAO_BLOCK_PAUSE_AFTER") or 3)
NIANBAO_BLOCK_TRIES = int(os.environ.get("NIANBAO_BLOCK_TRIES") or 3)
REDIRECT_MAX_TIMES = 10  # a longer chain is recorded as redirect_loop
DOWNLOAD_MAXSIZE = 200 * 1024 * 1024  # a scanned PDF can be large; a larger download is cancelled (too_large)
DOWNLOAD_WARNSIZE = 50 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True  # a body shorter than its Content-Length is a failure (truncated), never stored

COOKIES_ENABLED = True  # anti-bot defences set cookies; see crawler.middlewares for the offline PSL
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = os.environ.get("NIANBAO_LOG_LEVEL", "INFO")

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's retries with backoff and Retry-After (crawler.retries), in the place of Scrapy's own.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.retries.BackoffRetryMiddleware": 550,
    # Between the retry (550) and the downloader: a challenge or block page becomes a `blocked` failure and
    # pauses the portal for the rest of the run.
    "crawler.middlewares.BlockDetectionMiddleware": 580,
    # Scrapy's redirects, never off the portal nor round in circles (crawler.redirects).
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.redirects.PortalRedirectMiddleware": 600,
    # The per-domain gate (crawler.politeness): concurrency, and a block's cool-down, across every worker;
    # closer to the downloader than every middleware that turns a response into a new request.
    "crawler.politeness.GateMiddleware": 610,
    # Closest to the downloader, so it counts only requests that are really made (after robots.txt and
    # the dupefilter); a retry counts again.
    "crawler.middlewares.RequestAccountingMiddleware": 950,
}
SPIDER_MIDDLEWARES = {
    # A list page that brought nothing: rendered in a browser, or its column recorded as moved and looked for
    # again (crawler.browser, crawler.discovery).
    "crawler.listwatch.ListWatchMiddleware": 800,
}

ITEM_PIPELINES = {
    "crawler.pipelines.AttachmentsPipeline": 100,
    "crawler.pipelines.ReportPipeline": 300,
    "crawler.discovery.ColumnPipeline": 400,
}

# Where the Store lives (crawler.run overrides these from the command line).
NIANBAO_DB = os.environ.get("NIANBAO_DB", "data/nianbao.db")
NIANBAO_RAW_ROOT = None  # None: <directory of NIANBAO_DB>/raw
NIANBAO_RUN_ID = None  # the Store run the crawl's figures go to (None: a run is opened per crawler)
NIANBAO_MODE = "live"  # live | replay | record
NIANBAO_REPLAY_DIR = None
NIANBAO_RECORD_DIR = None
NIANBAO_REFRESH = False  # fetch again detail pages that were already read in an earlier run
NIANBAO_MAX_LIST_PAGES = 50  # cap on a column's pagination, whatever countPage says (page_cap error past it)
NIANBAO_MAX_DEPTH_PAGES = 2000  # cap on the list pages of one portal in one crawl (page_cap error past it)
# Replay only (crawler.replay): seconds added before every answer (a slow replay), and a journal file of the
# requests served (one line each: asked and answered in monotonic seconds, method, URL, status or fault).
NIANBAO_REPLAY_DELAY = float(os.environ.get("NIANBAO_REPLAY_DELAY") or 0)
NIANBAO_REPLAY_JOURNAL = os.environ.get("NIANBAO_REPLAY_JOURNAL") or None

# FilesPipeline needs a store URI; AttachmentsPipeline writes into the Store's raw archive instead.
FILES_STORE = "data/raw"
FILES_EXPIRES = 36500
MEDIA_ALLOW_REDIRECTS = True

# Lists only a browser renders (crawler.browser; live runs install its handler, which starts chromium only
# when a page needs it): pages per portal and run, seconds per page, settling time, pages at once.
NIANBAO_BROWSER = os.environ.get("NIANBAO_BROWSER", "auto")  # auto | off
NIANBAO_BROWSER_MAX_PAGES = 20
NIANBAO_BROWSER_TIMEOUT = 30.0
NIANBAO_BROWSER_SETTLE = 8.0
NIANBAO_BROWSER_CONCURRENCY = 2
PLAYWRIGHT_BROWSER_TYPE = "chromium"
# Discovery of a portal's annual-report column from its home page (crawler.discovery).
NIANBAO_DISCOVERY_HOPS = 3
NIANBAO_DISCOVERY_PAGES = 12
# A moved column is looked for again from the home page (default: live yes, replay no; crawler.listwatch).
# NIANBAO_REDISCOVER = True

FEED_EXPORT_ENCODING = "utf-8"
