"""The portals the project harvests: which spiders are bundled, and how to find a portal's spider.

Each portal is configured as class attributes of its spider (``crawler/spiders/<name>.py``: domains, the
annual-report columns, ``needs_browser``) on top of its CMS family's base spider. This module lists them
and resolves names; ``nianbao harvest --portal NAME`` takes these names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module stays light: the CLI imports it to build its --help
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawler.spiders.base import ReportSpider

# Harvested by default, in this order; each has a cassette cassettes/<name>.yaml.
BUNDLED: tuple[str, ...] = ("nmg", "tongliao", "etkqq", "qsq")
# Spiders that are not a portal (they need arguments).
GENERIC = "generic"
CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"


class UnknownPortal(LookupError):
    pass


def project_settings() -> Settings:
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return settings


def spider_loader() -> SpiderLoader:
    from scrapy.spiderloader import SpiderLoader

    return SpiderLoader(project_settings())


def all_spider_names() -> list[str]:
    return sorted(spider_loader().list())


def spider_class(name: str) -> type[ReportSpider]:
    from crawler.spiders.base import ReportSpider

    try:
        cls = spider_loader().load(name)
    except KeyError:
        known = ", ".join(n for n in all_spider_names() if n != GENERIC)
        raise UnknownPortal(f"no portal spider named {name!r} (known: {known})") from None
    if not issubclass(cls, ReportSpider):
        raise UnknownPortal(f"spider {name!r} is not a report spider")
    return cls


def portal_spiders(names: Iterable[str] | None = None) -> list[type[ReportSpider]]:
    """The spider classes for ``names`` (default: every bundled portal)."""
    chosen = list(names) if names else list(BUNDLED)
    if GENERIC in chosen:
        raise UnknownPortal("the generic spider needs a URL: use `nianbao crawl URL`")
    return [spider_class(n) for n in chosen]


def needs_browser(spiders: Iterable[type[ReportSpider]]) -> bool:
    return any(getattr(s, "needs_browser", False) for s in spiders)
