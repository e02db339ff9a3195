"""Who should publish: the registry's organs, kept in the store so coverage (and Datasette) can say "missing".

The notion of *missing*, kept simple so others can build on it:

- every portal of the registry (``crawler/registry.yaml``) is one organ that must publish a report each year;
- a report *counts for* an organ when it was harvested from the organ's portal or from a portal above it (the
  region's portal keeps the leagues' reports: ``lineage``), and the publisher it names (its ``region``, else
  its ``publisher``, as in :mod:`nianbao.coverage`) is one of the organ's ``names``: the area (通辽市), the
  organ (通辽市人民政府), the organ without 人民政府/行政公署 (包头市青山区), its 办公室/办公厅. A report naming
  no publisher counts for the portal it came from;
- the years are those the database covers (the first to the last year of any report, 2008 at the earliest);
- an organ × year with no report counting for it is **missing**; otherwise on time, late or undated, as in
  ``coverage``.

:func:`sync` writes the registry into ``registry_portals`` (:func:`storage.portalstate.sync_registry`);
``nianbao harvest``, ``nianbao coverage`` and ``nianbao serve`` call it, so the view ``registry_coverage``
follows the registry. Matching names beyond these exact variants (abbreviations, renamed organs) is organ
identity's work, not this module's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from crawler.registry import Portal, Registry

ORGAN_SUFFIXES = ("人民政府", "行政公署")
OFFICES = ("办公室", "办公厅")


def names_of(portal: Portal) -> list[str]:
    """The publisher names a report of this organ may give (exact strings; see the module docstring)."""
    names = [portal.name, portal.organ or portal.name]
    organ = portal.organ or ""
    for suffix in ORGAN_SUFFIXES:
        if organ.endswith(suffix) and len(organ) > len(suffix):
            names.append(organ[: -len(suffix)])
    if organ:
        names += [organ + office for office in OFFICES]
    return list(dict.fromkeys(n for n in names if n))


def registry_rows(registry: Registry) -> list[dict[str, Any]]:
    rows = []
    for p in registry:
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "organ": p.publisher,
                "level": p.level,
                "parent": p.parent,
                "division_code": p.division_code,
                "region": p.region,
                "site": p.site,
                "family": p.family,
                "needs_browser": p.needs_browser,
                "columns": [c.url for c in p.columns],
                "names": names_of(p),
                "lineage": [p.id, *[a.id for a in registry.ancestors(p.id)]],
            }
        )
    return rows


def sync(db: Database, registry: Registry | None = None) -> int:
    """Write the registry (default: ``crawler/registry.yaml``) into the store; returns the number of organs."""
    from crawler.registry import load
    from storage.portalstate import sync_registry

    return sync_registry(db, registry_rows(registry if registry is not None else load()))
