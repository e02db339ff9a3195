"""Run a crawl in-process: settings for a mode, one Store run around the crawl, the figures at the end.

``harvest()`` is what ``nianbao harvest`` and ``nianbao crawl`` call. Twisted's reactor cannot be restarted,
so a process runs one harvest; tests run harvests in a subprocess.

Modes:

- ``replay``: every request is served from the cassettes under a directory by
  :class:`crawler.replay.ReplayDownloadHandler`; a request no cassette holds is recorded as a
  ``cassette_miss`` error, never made live. Delays and AutoThrottle are off (nothing to be polite to), and so
  is ROBOTSTXT_OBEY: the bundled cassettes do not hold robots.txt, whose request would be a miss. Retries stay
  on (a cassette may hold a 503 and the 200 of its retry), with a short backoff; ``Retry-After`` is honoured.
- ``live``: Scrapy's own downloader, with the politeness settings of :mod:`crawler.settings`, behind the
  browser handler of :mod:`crawler.browser` (it starts chromium only when a list page needs it; none with
  ``NIANBAO_BROWSER=off`` unless a portal has ``needs_browser``).
- ``record``: live, but through :class:`crawler.replay.RecordingDownloadHandler` (vcrpy + requests), which
  writes ``<dir>/<spider>.yaml`` cassettes that ``replay`` serves later. The Store records it as a live run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.browser import browser_settings, browser_wanted
from crawler.pipelines import store_from_settings
from crawler.portalruns import record_portal_runs
from crawler.portals import project_settings
from crawler.replay import cassette_files
from crawler.spiders.base import ReportSpider
from storage.recovery import recover

logger = logging.getLogger(__name__)

MODES = ("replay", "live", "record")
REPLAY_HANDLER = "crawler.replay.ReplayDownloadHandler"
RECORD_HANDLER = "crawler.replay.RecordingDownloadHandler"
REPLAY_BACKOFF = 0.1  # seconds before a first retry in replay (doubled for each next one)


class CannotRun(RuntimeError):
    """The crawl cannot start (no cassettes to replay, an unknown portal …)."""


def mode_settings(
    mode: str, *, replay_dir: Path | None = None, record_dir: Path | None = None, browser: bool = False
) -> dict[str, Any]:
    """The settings that make a crawl replay, record or go live."""
    if mode not in MODES:
        raise CannotRun(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
    out: dict[str, Any] = {"NIANBAO_MODE": mode}
    if mode == "replay":
        if replay_dir is None:
            raise CannotRun("replay needs a cassette directory")
        if not replay_dir.exists() or not cassette_files(replay_dir):
            raise CannotRun(f"no cassettes (*.yaml) under {replay_dir}")
        out.update(
            {
                "NIANBAO_REPLAY_DIR": str(replay_dir),
                "DOWNLOAD_HANDLERS": {"http": REPLAY_HANDLER, "https": REPLAY_HANDLER},
                "ROBOTSTXT_OBEY": False,
                "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False,
                "NIANBAO_RETRY_BACKOFF": REPLAY_BACKOFF,
                "NIANBAO_BLOCK_COOLDOWN": REPLAY_BACKOFF,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
            }
        )
    elif mode == "record":
        if record_dir is None:
            raise CannotRun("record needs a cassette directory")
        out.update(
            {
                "NIANBAO_RECORD_DIR": str(record_dir),
                "DOWNLOAD_HANDLERS": {"http": RECORD_HANDLER, "https": RECORD_HANDLER},
            }
        )
    return out


def build_settings(
    mode: str,
    *,
    db: Path,
    raw_root: Path | None = None,
    replay_dir: Path | None = None,
    record_dir: Path | None = None,
    browser: bool = False,
    obey_robots: bool | None = None,
    refresh: bool = False,
    log_level: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Settings:
    settings = project_settings()
    overrides = mode_settings(mode, replay_dir=replay_dir, record_dir=record_dir, browser=browser)
    overrides.update(
        {"NIANBAO_DB": str(db), "NIANBAO_RAW_ROOT": str(raw_root) if raw_root else None, "NIANBAO_REFRESH": refresh}
    )
    if obey_robots is not None and mode != "replay":
        overrides["ROBOTSTXT_OBEY"] = obey_robots
    if log_level:
        overrides["LOG_LEVEL"] = log_level
    overrides.update(extra or {})
    settings.setdict(overrides, priority="cmdline")
    if mode == "live" and browser:
        settings.setdict(browser_settings(settings), priority="cmdline")
    return settings


@dataclass
class Outcome:
    run_id: int
    ran: bool  # every crawler started and finished
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)  # spider name → Scrapy stats


def run_crawlers(
    settings: Settings, spiders: list[tuple[type[ReportSpider], dict[str, Any]]]
) -> tuple[bool, dict[str, dict[str, Any]]]:
    """Run the spiders together in this process (once per process: the reactor cannot restart)."""
    process = CrawlerProcess(settings)
    crawlers: list[Crawler] = []
    for spidercls, kwargs in spiders:
        crawler = process.create_crawler(spidercls)
        crawlers.append(crawler)
        process.crawl(crawler, **kwargs)
    process.start()
    stats: dict[str, dict[str, Any]] = {}
    for crawler, (spidercls, kwargs) in zip(crawlers, spiders, strict=True):
        # by portal: the generic spider crawls several portals under one spider name
        name = str(getattr(crawler.spider, "portal_name", None) or kwargs.get("portal") or spidercls.name)
        unique, n = name, 1
        while unique in stats:  # the same portal twice: both kept
            n += 1
            unique = f"{name} ({n})"
        stats[unique] = crawler.stats.get_stats() if crawler.stats else {}
    ran = not process.bootstrap_failed and all("finish_reason" in s for s in stats.values())
    return ran, stats


def harvest(
    spiders: list[tuple[type[ReportSpider], dict[str, Any]]],
    *,
    mode: str,
    db: Path,
    portals: list[str],
    raw_root: Path | None = None,
    replay_dir: Path | None = None,
    record_dir: Path | None = None,
    obey_robots: bool | None = None,
    refresh: bool = False,
    log_level: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Outcome:
    """One Store run around one crawl of ``spiders``; returns the run id and whether the crawl ran.

    Call it holding the harvest lock: it first recovers from an earlier harvest that was killed
    (:func:`storage.recovery.recover`)."""
    browser = mode == "live" and browser_wanted(spiders)
    settings = build_settings(
        mode,
        db=db,
        raw_root=raw_root,
        replay_dir=replay_dir,
        record_dir=record_dir,
        browser=browser,
        obey_robots=obey_robots,
        refresh=refresh,
        log_level=log_level,
        extra=extra,
    )
    store = store_from_settings(settings)
    assert store is not None
    recovered = recover(store)  # a harvest killed earlier: close its run, sweep the raw archive
    if recovered:
        logger.warning("%s", recovered.note())
    run_id = store.start_run("replay" if mode == "replay" else "live", portals)
    settings.set("NIANBAO_RUN_ID", run_id, priority="cmdline")
    notes = [recovered.note()] if recovered else []
    if mode == "record":
        notes.append(f"recording cassettes into {record_dir}")
    note = "; ".join(notes) or None
    try:
        ran, stats = run_crawlers(settings, spiders)
    except Exception as exc:
        store.finish_run(run_id, status="failed", note=f"the crawl could not run: {exc!r}")
        raise
    record_portal_runs(store, run_id, stats)
    store.finish_run(run_id, status="finished" if ran else "failed", **({"note": note} if note else {}))
    return Outcome(run_id=run_id, ran=ran, stats=stats)
