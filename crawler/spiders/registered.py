"""Portal spiders built from the registry (``crawler/registry.yaml``): portals are data, not code.

For each registry entry with at least one column, :func:`spider_for` builds a spider class on its family's
base spider (plus the base spider of any column read by another family): ``name`` is the entry's id,
``allowed_domains`` its domain, ``columns`` its column URLs, ``needs_browser`` its flag. The classes are also
module attributes (``NmgSpider`` …), so Scrapy's own tools (``scrapy list``, ``scrapy crawl nmg``, Scrapyd)
see them; ``nianbao harvest`` resolves portals through :func:`crawler.portals.spider_class`.
"""

from __future__ import annotations

from functools import cache

from crawler.registry import UNKNOWN, Portal, load
from crawler.spiders.base import ReportSpider
from crawler.spiders.easysite import EasysiteSpider
from crawler.spiders.epoint import EpointSpider
from crawler.spiders.hanweb import HanwebSpider
from crawler.spiders.jeecms import JeecmsSpider
from crawler.spiders.meetfine import MeetfineSpider
from crawler.spiders.trs_api import TrsApiSpider
from crawler.spiders.trs_folder import TrsFolderSpider
from crawler.spiders.trs_list import TrsListSpider
from crawler.spiders.vsb import VsbSpider

FAMILY_SPIDERS: dict[str, type[ReportSpider]] = {
    "trs": TrsListSpider,
    "trs_folder": TrsFolderSpider,
    "trs_api": TrsApiSpider,
    "hanweb": HanwebSpider,
    "easysite": EasysiteSpider,
    "meetfine": MeetfineSpider,
    "epoint": EpointSpider,
    "jeecms": JeecmsSpider,
    "vsb": VsbSpider,
}


class NoSpider(ValueError):
    """A registry entry no spider can be built for (no column, or no family that reads one)."""


def class_name(portal_id: str) -> str:
    return "".join(part.capitalize() for part in portal_id.replace("-", "_").split("_")) + "Spider"


@cache
def spider_for(portal: Portal) -> type[ReportSpider]:
    """The spider class of a registry portal (built once per portal)."""
    if not portal.columns:
        raise NoSpider(f"{portal.id}: the registry knows no annual-report column for it")
    families = [c.family for c in portal.columns]
    unknown = [f for f in families if f not in FAMILY_SPIDERS]
    if unknown:
        raise NoSpider(f"{portal.id}: no base spider reads family {unknown[0]!r}")
    primary = portal.family if portal.family in FAMILY_SPIDERS else families[0]
    bases = tuple(dict.fromkeys(FAMILY_SPIDERS[f] for f in (primary, *families)))
    attrs = {
        "__module__": __name__,
        "__doc__": f"{portal.publisher} ({portal.site}): registry entry {portal.id!r}, family {primary}.",
        "name": portal.id,
        "family": primary,
        "portal_title": portal.publisher,
        "allowed_domains": (portal.domain,),
        "columns": tuple(c.url for c in portal.columns),
        "column_families": {c.url: c.family for c in portal.columns if c.family != primary},
        "needs_browser": portal.needs_browser,
    }
    return type(class_name(portal.id), bases, attrs)


def _register() -> None:
    for portal in load().with_columns():
        if portal.family == UNKNOWN and not portal.columns:
            continue
        cls = spider_for(portal)
        globals()[cls.__name__] = cls


_register()
