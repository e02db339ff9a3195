"""The portal registry (``crawler/registry.yaml``): typed loading and validation, no Scrapy.

Each entry of the YAML becomes a :class:`Portal` (its fields are described at the top of the YAML file);
:func:`load` reads a registry and raises :class:`RegistryError` when the file cannot be read as one (not YAML,
no ``portals`` list, an entry that is not a mapping or lacks a field, a field of the wrong type).
:func:`validate` then checks what makes a registry right, and returns one line per problem:

- ids unique ASCII slugs; names unique; organs unique;
- URLs well formed (``site`` and every column: http(s), a host, no spaces), columns on the portal's domain;
- families known (the portal's and each column's);
- division codes valid: 6 digits held by :mod:`crawler.divisions` whose name is the entry's name, whose rank
  matches the level (自治区 a province, 盟市 a prefecture, 旗县区 a county under its parent's prefecture, a
  部门 its parent's code), and ``region`` the code's province; ``unknown`` only with a note saying why;
- parents exist, and levels are consistent (自治区 has none, 盟市 under 自治区, 旗县区 under 盟市, 部门 under
  a government).

:func:`notices` lists what is allowed but worth saying (unknown codes and families, portals without a column).

This module is cheap to import (PyYAML and the standard library): the CLI uses it without loading Scrapy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from crawler import divisions

REGISTRY = Path(__file__).resolve().parent / "registry.yaml"

LEVELS = ("自治区", "盟市", "旗县区", "部门")
FAMILIES = ("trs", "trs_folder", "trs_api", "hanweb", "easysite", "meetfine", "epoint", "jeecms", "vsb", "unknown")
UNKNOWN = "unknown"
PARENT_LEVEL = {"自治区": (), "盟市": ("自治区",), "旗县区": ("盟市",), "部门": ("自治区", "盟市", "旗县区")}
RANK_OF_LEVEL = {"自治区": divisions.PROVINCE, "盟市": divisions.PREFECTURE, "旗县区": divisions.COUNTY}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "name", "level", "division_code", "site", "family")


class RegistryError(ValueError):
    """The registry file cannot be read as a registry (its path and what is wrong)."""


@dataclass(frozen=True)
class Column:
    url: str
    family: str  # the column's family (the portal's unless the entry says otherwise)


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    level: str
    division_code: str  # 6 digits, or "unknown"
    site: str
    family: str
    parent: str | None = None
    organ: str = ""
    region: str = ""
    columns: tuple[Column, ...] = ()
    needs_browser: bool = False
    notes: str = ""
    fixture: bool = False  # a portal that exists only in the bundled cassettes (crawler/registry-fixtures.yaml)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # fields we do not know

    @property
    def host(self) -> str:
        return (urlsplit(self.site).hostname or "").lower()

    @property
    def domain(self) -> str:
        """The portal's domain, its subdomains included (``www.nmg.gov.cn`` → ``nmg.gov.cn``)."""
        return self.host.removeprefix("www.")

    @property
    def publisher(self) -> str:
        return self.organ or self.name


@dataclass(frozen=True)
class Registry:
    portals: tuple[Portal, ...]
    path: Path | None = None

    def __iter__(self) -> Iterator[Portal]:
        return iter(self.portals)

    def __len__(self) -> int:
        return len(self.portals)

    def __contains__(self, portal_id: object) -> bool:
        return any(p.id == portal_id for p in self.portals)

    def get(self, portal_id: str) -> Portal:
        for p in self.portals:
            if p.id == portal_id:
                return p
        raise KeyError(portal_id)

    def ids(self) -> list[str]:
        return [p.id for p in self.portals]

    def children(self, portal_id: str) -> list[Portal]:
        return [p for p in self.portals if p.parent == portal_id]

    def ancestors(self, portal_id: str) -> list[Portal]:
        """The portal's parents, nearest first (stops at a missing parent or a cycle)."""
        out: list[Portal] = []
        seen = {portal_id}
        current = self.get(portal_id).parent
        while current and current not in seen and current in self:
            seen.add(current)
            out.append(self.get(current))
            current = out[-1].parent
        return out

    def with_columns(self) -> list[Portal]:
        return [p for p in self.portals if p.columns]

    def merged(self, other: Registry) -> Registry:
        """This registry followed by ``other``'s portals (ids must not repeat: :func:`validate` says so)."""
        return Registry(self.portals + other.portals, self.path)


# ------------------------------------------------------------------------------------------ loading
def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            raise RegistryError(f"{where}: missing field {key!r}")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RegistryError(f"{where}: field {key!r} must be text, not {type(value).__name__}")
    return str(value).strip()


def _columns(raw: Any, family: str, where: str) -> tuple[Column, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RegistryError(f"{where}: 'columns' must be a list")
    out: list[Column] = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            out.append(Column(item.strip(), family))
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            out.append(Column(item["url"].strip(), str(item.get("family") or family).strip()))
        else:
            raise RegistryError(f"{where}: column {i + 1} must be a URL or {{url: URL, family: FAMILY}}")
    return tuple(out)


KNOWN_FIELDS = {*REQUIRED, "parent", "organ", "region", "columns", "needs_browser", "notes", "fixture"}


def portal_from(entry: Any, where: str) -> Portal:
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: an entry must be a mapping")
    pid = _text(entry, "id", where, required=True)
    where = f"{where} ({pid})"
    for key in REQUIRED:
        _text(entry, key, where, required=True)
    family = _text(entry, "family", where, required=True)
    browser = entry.get("needs_browser", False)
    fixture = entry.get("fixture", False)
    if not isinstance(browser, bool) or not isinstance(fixture, bool):
        raise RegistryError(f"{where}: 'needs_browser' and 'fixture' must be true or false")
    code = _text(entry, "division_code", where, required=True)
    region = _text(entry, "region", where)
    if not region and code != UNKNOWN:
        province = divisions.province_of(code)
        region = province.name if province else ""
    return Portal(
        id=pid,
        name=_text(entry, "name", where, required=True),
        level=_text(entry, "level", where, required=True),
        division_code=code,
        site=_text(entry, "site", where, required=True),
        family=family,
        parent=_text(entry, "parent", where) or None,
        organ=_text(entry, "organ", where),
        region=region,
        columns=_columns(entry.get("columns"), family, where),
        needs_browser=browser,
        notes=_text(entry, "notes", where),
        fixture=fixture,
        extra={k: v for k, v in entry.items() if k not in KNOWN_FIELDS},
    )


def parse_registry(text: str, path: Path | None = None) -> Registry:
    where = str(path) if path else "registry"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{where}: not YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("portals"), list):
        raise RegistryError(f"{where}: expected a mapping with a 'portals' list")
    portals = tuple(portal_from(e, f"{where}: entry {i + 1}") for i, e in enumerate(data["portals"]))
    return Registry(portals, path)


def load(path: Path | str | None = None) -> Registry:
    """The registry at ``path`` (default: ``crawler/registry.yaml``; that one is read once per process)."""
    if path is None:
        return _default()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return parse_registry(text, p)


@lru_cache(maxsize=1)
def _default() -> Registry:
    return load(REGISTRY)


# ------------------------------------------------------------------------------------------ validation
def url_problem(url: str) -> str | None:
    """Why ``url`` is not a well-formed http(s) URL, or ``None``."""
    if not url or url != url.strip() or any(c.isspace() for c in url):
        return "empty or contains spaces"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"malformed ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or 'missing'!r} (http or https only)"
    host = parts.hostname or ""
    if not host or not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", host):
        return f"bad host {host!r}"
    if port is not None and not 0 < port < 65536:
        return f"bad port {port}"
    return None


def _duplicates(values: list[str]) -> list[str]:
    return sorted(v for v, n in Counter(values).items() if n > 1 and v)


def validate(registry: Registry) -> list[str]:
    """Every problem of the registry, one line each (``id: what is wrong``); empty when it is right."""
    problems: list[str] = []
    by_id = {p.id: p for p in registry}
    for dup in _duplicates([p.id for p in registry]):
        problems.append(f"{dup}: id used by more than one entry")
    for key in ("name", "organ"):
        for dup in _duplicates([getattr(p, key) for p in registry]):
            owners = ", ".join(p.id for p in registry if getattr(p, key) == dup)
            problems.append(f"{owners}: {key} {dup!r} is not unique")
    for p in registry:
        problems += [f"{p.id}: {m}" for m in _portal_problems(p, by_id)]
    return problems


def _portal_problems(p: Portal, by_id: dict[str, Portal]) -> Iterator[str]:
    if not ID.match(p.id):
        yield "id must be an ASCII slug (a-z, 0-9, single hyphens)"
    if p.level not in LEVELS:
        yield f"unknown level {p.level!r} (one of {', '.join(LEVELS)})"
    if p.family not in FAMILIES:
        yield f"unknown family {p.family!r} (one of {', '.join(FAMILIES)})"
    if p.extra:
        yield f"unknown field(s) {', '.join(sorted(p.extra))}"
    problem = url_problem(p.site)
    if problem:
        yield f"site {p.site!r}: {problem}"
    for column in p.columns:
        problem = url_problem(column.url)
        if problem:
            yield f"column {column.url!r}: {problem}"
        elif p.domain and not _on_domain(column.url, p.domain):
            yield f"column {column.url!r} is not on the portal's domain {p.domain}"
        if column.family not in FAMILIES or column.family == UNKNOWN:
            yield f"column {column.url!r}: family {column.family!r} cannot crawl it (a known family is needed)"
    for dup in _duplicates([c.url for c in p.columns]):
        yield f"column {dup!r} listed twice"
    if p.fixture:  # a cassette-only portal: no place in the administrative tree
        if p.division_code != UNKNOWN or p.parent:
            yield "a fixture portal has no parent and division_code unknown"
        return
    parent = by_id.get(p.parent) if p.parent else None
    yield from _level_problems(p, parent)
    yield from _code_problems(p, parent)


def _on_domain(url: str, domain: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == domain or host.endswith("." + domain)


def _level_problems(p: Portal, parent: Portal | None) -> Iterator[str]:
    allowed = PARENT_LEVEL.get(p.level)
    if allowed is None:
        return
    if not allowed:
        if p.parent:
            yield f"a {p.level} entry has no parent (found {p.parent!r})"
        return
    if not p.parent:
        yield f"a {p.level} entry needs a parent ({' or '.join(allowed)})"
    elif parent is None:
        yield f"parent {p.parent!r} is not in the registry"
    elif parent.level not in allowed:
        yield f"parent {parent.id} is a {parent.level}; a {p.level} belongs under {' or '.join(allowed)}"


def _code_problems(p: Portal, parent: Portal | None) -> Iterator[str]:
    code = p.division_code
    if code == UNKNOWN:
        if not p.notes:
            yield "division_code is unknown and the notes do not say why"
        return
    if not divisions.CODE.match(code):
        yield f"division_code {code!r} is not 6 digits (or the word unknown)"
        return
    found = divisions.division(code)
    if found is None:
        yield f"division_code {code} is not a division in {divisions.SOURCE}"
        return
    province = divisions.province_of(code)
    if p.region and province and p.region != province.name:
        yield f"region {p.region!r} but division_code {code} is in {province.name}"
    if p.level == "部门":
        if parent is not None and parent.division_code not in (UNKNOWN, code):
            yield f"a department carries its parent's division_code ({parent.division_code}), not {code}"
        return
    rank = RANK_OF_LEVEL.get(p.level)
    if rank and found.rank != rank:
        yield f"division_code {code} is a {found.rank} ({found.name}); a {p.level} is a {rank}"
    if found.name != p.name:
        yield f"division_code {code} is {found.name}, not {p.name}"
    if parent is not None and parent.division_code != UNKNOWN and rank:
        expected_parent = found.parent
        if expected_parent and expected_parent != parent.division_code:
            yield f"division_code {code} lies under {expected_parent}, not under its parent's {parent.division_code}"


def notices(registry: Registry) -> list[str]:
    """What is allowed but worth saying: unknown codes and families, portals without a known column."""
    out: list[str] = []
    for p in registry:
        if p.fixture:
            continue
        if p.division_code == UNKNOWN:
            out.append(f"{p.id}: division code unknown ({p.notes})")
        if p.family == UNKNOWN:
            out.append(f"{p.id}: CMS family unknown")
        if not p.columns:
            out.append(f"{p.id}: no annual-report column known")
    return out


def figures(registry: Registry) -> dict[str, Counter[str]]:
    """Counts by level, by family, and of division codes known/unknown."""
    return {
        "level": Counter(p.level for p in registry),
        "family": Counter(p.family for p in registry),
        "division_code": Counter("unknown" if p.division_code == UNKNOWN else "known" for p in registry),
        "columns": Counter("with columns" if p.columns else "without" for p in registry),
    }
