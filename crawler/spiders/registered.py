"""Portal spiders built from the registry (``crawler/registry.yaml``): portals are data, not code.

For each registry entry with at least one column, :func:`spider_for` builds a spider class on its family's
base spider (plus the base spider of any column read by another family): ``name`` is the entry's id,
``allowed_domains`` its domain, ``columns`` its column URLs, ``needs_browser`` its flag. The classes are also
module attributes (``NmgSpider`` …), so Scrapy's own tools (``scrapy list``, ``scrapy crawl nmg``, Scrapyd)
see them; ``nianbao harvest`` resolves portals through :func:`crawler.portals.spider_class`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from crawler.registry import UNKNOWN, Portal, load
from crawler.spiders.base import ReportSpider
from crawler.spiders.easysite import EasysiteSpider
from crawler.spiders.epoint import EpointSpider
from crawler.spiders.generic import GenericSpider
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
        return discovering_spider(portal)
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


def discovering_spider(portal: Portal) -> type[ReportSpider]:
    """A portal the registry names by its site only: its crawl starts with discovery (:mod:`crawler.discovery`,
    from ``site``, or from the column an earlier run found), then reads the column with the family's base
    spider, or the generic spider's rules when the family is unknown."""
    attrs = {
        "__module__": __name__,
        "__doc__": f"{portal.publisher} ({portal.site}): registry entry {portal.id!r}, column found by discovery.",
        "name": portal.id,
        "family": portal.family,
        "portal_title": portal.publisher,
        "allowed_domains": (portal.domain,),
        "columns": (),
        "site": portal.site,
        "needs_browser": portal.needs_browser,
    }
    base = FAMILY_SPIDERS.get(portal.family)
    if base is None:
        attrs["__init__"] = _generic_from_site
        base = GenericSpider
    return type(class_name(portal.id), (base,), attrs)


def _generic_from_site(self: GenericSpider, *args: Any, **kwargs: Any) -> None:
    """The generic spider of a registry portal: started at its site, walking to its column (``discover``)."""
    kwargs.setdefault("discover", "1")
    GenericSpider.__init__(self, type(self).site, type(self).name, *args, **kwargs)  # type: ignore[attr-defined]


def _register() -> None:
    for portal in load().with_columns():
        if portal.family == UNKNOWN and not portal.columns:
            continue
        cls = spider_for(portal)
        globals()[cls.__name__] = cls


_register()
