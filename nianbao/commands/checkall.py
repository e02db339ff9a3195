"""``nianbao checkall``: check the portal registry, and every spider's name, file name and docstring.

The registry (``crawler/registry.yaml``, :func:`crawler.registry.validate`): ids unique ASCII slugs, names
unique, URLs well formed, families known, division codes valid (GB/T 2260, checked against
:mod:`crawler.divisions`), parents present, levels consistent. Division codes marked ``unknown`` are listed
(allowed, with a note); ``--notices`` also lists the portals whose family or column is not known yet.

Spiders (kingfisher-collect style):

For each module in ``crawler/spiders/``:

- a module defining a spider with a ``name`` is named after it (``crawler/spiders/nmg.py`` → ``nmg``), and
  its class is the CamelCase of that name plus ``Spider`` (``NmgSpider``);
- the module docstring of a portal spider starts with the section ``Domain`` and uses only the known
  sections, in order: Domain, Column, Spider arguments, Caveats; each section has an indented body;
- every spider class, named or base, has a docstring somewhere (the class's own or its module's);
- every registry portal with a column builds its spider (``crawler/spiders/registered.py``) on a family's base
  spider, and every bundled portal (``crawler.portals.BUNDLED``) is one of them.

Prints one line per problem; exit 1 if there is any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import scrapy

SECTIONS = ("Domain", "Column", "Spider arguments", "Caveats")
_SECTION_LINE = re.compile(r"^(?=\S)(.+)$")


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "checkall",
        help="check every spider's name, file name and docstring",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--notices",
        action="store_true",
        help="also list the registry's portals with an unknown family or no known column",
    )
    p.add_argument("--registry", type=Path, help="check this registry file instead of crawler/registry.yaml")
    p.set_defaults(run=run)


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Spider"


def spider_modules() -> list[ModuleType]:
    import crawler.spiders as package

    return [
        importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
        if not m.name.startswith("_")
    ]


def own_spiders(module: ModuleType) -> list[type[scrapy.Spider]]:
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, scrapy.Spider) and obj.__module__ == module.__name__
    ]


def check_sections(stem: str, doc: str) -> list[str]:
    problems: list[str] = []
    headings: list[str] = []
    lines = inspect.cleandoc(doc).splitlines()
    for i, line in enumerate(lines):
        if not line or line[0].isspace():
            continue
        if line not in SECTIONS:
            problems.append(f"{stem}: unknown docstring section {line!r} (known: {', '.join(SECTIONS)})")
            continue
        headings.append(line)
        body = lines[i + 1] if i + 1 < len(lines) else ""
        if not body.startswith(" ") or not body.strip():
            problems.append(f"{stem}: docstring section {line!r} has no indented body")
    if not headings or headings[0] != "Domain":
        problems.append(f"{stem}: the docstring must start with the section 'Domain'")
    if headings != sorted(headings, key=lambda h: SECTIONS.index(h) if h in SECTIONS else 99):
        problems.append(f"{stem}: docstring sections out of order ({', '.join(headings)})")
    if len(set(headings)) != len(headings):
        problems.append(f"{stem}: a docstring section is repeated")
    return problems


def check_module(module: ModuleType) -> list[str]:
    stem = module.__name__.rsplit(".", 1)[-1]
    problems: list[str] = []
    spiders = own_spiders(module)
    named = [s for s in spiders if getattr(s, "name", None)]
    if not (module.__doc__ or "").strip():
        problems.append(f"{stem}: the module has no docstring")
    for cls in spiders:
        if not (cls.__doc__ or "").strip() and not (module.__doc__ or "").strip():
            problems.append(f"{stem}: {cls.__name__} has no docstring")
    if len(named) > 1:
        problems.append(f"{stem}: more than one named spider in one module ({', '.join(s.name for s in named)})")
    for cls in named:
        if cls.name != stem:
            problems.append(f"{stem}: spider name {cls.name!r} differs from its file name {stem}.py")
        if cls.__name__ != camel(stem):
            problems.append(f"{stem}: class {cls.__name__} should be named {camel(stem)}")
        if module.__doc__:
            problems += check_sections(stem, module.__doc__)
    return problems


GENERATED = "registered"  # crawler/spiders/registered.py: the registry's spiders, checked through the registry


def check_registered() -> list[str]:
    """Every registry portal with a column builds a spider on a family's base spider, named after its id; every
    bundled portal is one of them."""
    from crawler.portals import BUNDLED, UnknownPortal, all_portals, spider_class
    from crawler.spiders.registered import FAMILY_SPIDERS

    problems: list[str] = []
    for portal in all_portals():
        if not portal.columns:
            continue
        try:
            cls = spider_class(portal.id)
        except UnknownPortal as exc:
            problems.append(f"{portal.id}: {exc}")
            continue
        if cls.name != portal.id:
            problems.append(f"{portal.id}: its spider is named {cls.name!r}")
        if not any(issubclass(cls, base) for base in FAMILY_SPIDERS.values()):
            problems.append(f"{portal.id}: its spider has no family base spider")
    for family, base in FAMILY_SPIDERS.items():
        if not hasattr(base, f"parse_{family}"):
            problems.append(f"{family}: the base spider {base.__name__} has no parse_{family}")
    for portal_id in BUNDLED:
        if portal_id not in all_portals():
            problems.append(f"{portal_id}: a bundled portal not in the registry")
    return problems


def check_all() -> list[str]:
    problems: list[str] = []
    for module in spider_modules():
        if module.__name__.rsplit(".", 1)[-1] != GENERATED:
            problems += check_module(module)
    return problems + check_registered()


def check_registry(path: Path | None = None) -> tuple[list[str], list[str], str]:
    """The registry's problems, its notices, and a one-line description of what it holds."""
    from crawler import registry
    from crawler.portals import FIXTURES

    try:
        reg = registry.load(path)
        fixtures = registry.load(FIXTURES) if path is None and FIXTURES.exists() else registry.Registry(())
    except registry.RegistryError as exc:
        return [f"registry: {exc}"], [], ""
    problems = [f"registry: {line}" for line in registry.validate(reg.merged(fixtures))]
    problems += [f"registry: {p.id}: marked fixture, in the registry of real portals" for p in reg if p.fixture]
    problems += [f"registry: {p.id}: in {FIXTURES.name} without fixture: true" for p in fixtures if not p.fixture]
    figures = registry.figures(reg)

    def show(counter: Any) -> str:
        return ", ".join(f"{k} {n}" for k, n in counter.most_common())

    about = (
        f"{len(reg)} portals (levels: {show(figures['level'])}; families: {show(figures['family'])}; "
        f"division codes: {show(figures['division_code'])}; {figures['columns']['with columns']} with a column)"
    )
    return problems, [f"registry: {n}" for n in registry.notices(reg)], about


def run(args: argparse.Namespace) -> int:
    problems = check_all()
    reg_problems, notices, about = check_registry(args.registry)
    problems += reg_problems
    for line in problems:
        print(line)
    for line in notices:
        if args.notices or "division code unknown" in line:
            print(line)
    if problems:
        print(f"nianbao checkall: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"nianbao checkall: {len(spider_modules())} spider modules OK; registry OK: {about}")
    return 0
