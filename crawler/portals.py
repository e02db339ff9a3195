"""The portals the project harvests: the registry's entries as spiders, which are bundled, and how to find one.

Each portal is an entry of ``crawler/registry.yaml`` (its domain, annual-report columns and their CMS
families, ``needs_browser``); :func:`crawler.spiders.registered.spider_for` builds its spider on the family's
base spider. ``crawler/registry-fixtures.yaml`` adds the fixture portals that exist only in the bundled
cassettes (``sample-*``: families no Inner Mongolia portal is known to run). A portal is *bundled* when
``cassettes/<id>.yaml`` holds it: ``nianbao harvest`` replays those by default. ``nianbao harvest --portal NAME``
takes registry ids. This module stays light: the CLI imports it to build its ``--help`` (no Scrapy here).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from crawler import registry

if TYPE_CHECKING:
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawler.spiders.base import ReportSpider

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
FIXTURES = Path(__file__).resolve().parent / "registry-fixtures.yaml"
# Spiders that are not a portal (they need arguments).
GENERIC = "generic"


class UnknownPortal(LookupError):
    pass


@cache
def fixture_registry() -> registry.Registry:
    return registry.load(FIXTURES) if FIXTURES.exists() else registry.Registry(())


@cache
def all_portals() -> registry.Registry:
    """The registry and the bundled fixture portals."""
    return registry.load().merged(fixture_registry())


def bundled_ids(cassettes: Path = CASSETTES) -> tuple[str, ...]:
    """The portals the bundled cassettes hold (``cassettes/<id>.yaml``), registry order, fixtures last."""
    if cassettes.is_file():  # one cassette: the portal it is named after
        return tuple(p.id for p in all_portals() if p.columns and p.id == cassettes.stem)
    return tuple(p.id for p in all_portals() if p.columns and (cassettes / f"{p.id}.yaml").is_file())


# Harvested by default in replay, in this order.
BUNDLED: tuple[str, ...] = bundled_ids()


def live_ids() -> tuple[str, ...]:
    """The portals a live harvest crawls by default: every registry portal (no fixture); those without a
    column start with discovery from their site (crawler.discovery)."""
    return tuple(p.id for p in registry.load())


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
    """The spider of a portal (a registry or fixture id), or of ``generic``."""
    from crawler.spiders.base import ReportSpider

    portals = all_portals()
    if name in portals:
        from crawler.spiders.registered import NoSpider, spider_for

        try:
            return spider_for(portals.get(name))
        except NoSpider as exc:
            raise UnknownPortal(str(exc)) from None
    if name != GENERIC:
        raise UnknownPortal(f"no portal spider named {name!r}: not in the registry (`nianbao portals` lists it)")
    cls = spider_loader().load(name)
    if not issubclass(cls, ReportSpider):
        raise UnknownPortal(f"spider {name!r} is not a report spider")
    return cls


def portal_spiders(
    names: Iterable[str] | None = None, *, replay: bool = True, cassettes: Path | None = None
) -> list[type[ReportSpider]]:
    """The spider classes for ``names``; by default, in replay the portals the cassettes under ``cassettes``
    hold (the bundled ones unless told), live every registry portal with a column."""
    if names:
        chosen = list(names)
    elif replay:
        chosen = list(BUNDLED if cassettes is None else bundled_ids(cassettes))
    else:
        chosen = list(live_ids())
    if GENERIC in chosen:
        raise UnknownPortal("the generic spider needs a URL: use `nianbao crawl URL`")
    return [spider_class(n) for n in chosen]


def needs_browser(spiders: Iterable[type[ReportSpider]]) -> bool:
    return any(getattr(s, "needs_browser", False) for s in spiders)
