"""The numbers and variants of one synthetic report (``scripts/synth_reports.py``): from an integer seed, an organ,
a year, a table format and every table cell, drawn so that the national template's accounting identities hold
(or, for the ``wrong_total`` variant, so that exactly one published total is off and the identity must fail).

Everything here is data; ``synth_markup.py`` turns it into a portal page. The rates of every knob are in ``RATES``
(README "Synthetic reports" quotes them).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# knob → probability (per report unless said otherwise)
RATES: dict[str, float] = {
    "format_2019": 0.25,  # the 国办公开办函〔2019〕60号 table format (reports for 2019–2020)
    "wrong_total": 0.10,  # one published total (column, row or 总计) off by 1–9: the identity must fail
    "merged_other": 0.08,  # 2021 format with （六）其他处理 printed as one row (keyed applications/other/*)
    "label_typo": 0.15,  # one or two template labels printed with a realistic near-miss character
    "active_reordered": 0.10,  # the 第二十条 blocks in another order
    "active_missing": 0.05,  # one 第二十条 block left out (a missing row: review required)
    "procurement_row": 0.80,  # 2019 format: the optional 政府集中采购 row printed (block OPTIONAL_BLOCK)
    "procurement_one_cell": 0.40,  # …with its count and amount in one cell
    "thousands": 0.12,  # numbers ≥ 1000 printed with thousands separators
    "long_decimals": 0.15,  # amounts with 3–6 decimals (5949.088667) rather than 0–2
    "unit_in_cell": 0.06,  # the fee amount printed with its unit in the cell (12.5万元)
    "blank_review_row": 0.06,  # a review/litigation row of zeros printed as blank cells (gold null)
    "dash_zero": 0.05,  # zero cells of table 二 printed as — (gold null: an explicit blank)
    "fullwidth_minus": 0.15,  # 2019 format: negative 本年增/减 printed with － rather than -
    "department": 0.45,  # the organ is a department, not a government
}


PROVINCES = [
    ("河北省", ["石家庄市", "唐山市", "邯郸市", "保定市"], ["长安区", "正定县", "迁安市", "涿州市"]),
    ("山西省", ["太原市", "大同市", "长治市", "晋中市"], ["小店区", "平遥县", "介休市", "襄垣县"]),
    ("辽宁省", ["沈阳市", "大连市", "鞍山市", "锦州市"], ["和平区", "庄河市", "海城市", "黑山县"]),
    ("吉林省", ["长春市", "吉林市", "延边朝鲜族自治州"], ["朝阳区", "桦甸市", "延吉市", "农安县"]),
    ("江苏省", ["南京市", "苏州市", "无锡市", "徐州市"], ["玄武区", "昆山市", "江阴市", "沛县"]),
    ("浙江省", ["杭州市", "宁波市", "温州市", "金华市"], ["西湖区", "余姚市", "乐清市", "义乌市"]),
    ("安徽省", ["合肥市", "芜湖市", "安庆市", "阜阳市"], ["蜀山区", "无为市", "桐城市", "临泉县"]),
    ("福建省", ["福州市", "厦门市", "泉州市", "漳州市"], ["鼓楼区", "思明区", "晋江市", "龙海区"]),
    ("江西省", ["南昌市", "赣州市", "九江市", "上饶市"], ["东湖区", "瑞金市", "瑞昌市", "婺源县"]),
    ("山东省", ["济南市", "青岛市", "烟台市", "潍坊市"], ["历下区", "即墨区", "龙口市", "寿光市"]),
    ("河南省", ["郑州市", "洛阳市", "开封市", "南阳市"], ["金水区", "偃师区", "兰考县", "邓州市"]),
    ("湖北省", ["武汉市", "宜昌市", "襄阳市", "恩施土家族苗族自治州"], ["江汉区", "枝江市", "枣阳市", "利川市"]),
    ("湖南省", ["长沙市", "株洲市", "岳阳市", "湘西土家族苗族自治州"], ["芙蓉区", "醴陵市", "汨罗市", "吉首市"]),
    ("广东省", ["广州市", "深圳市", "佛山市", "东莞市"], ["天河区", "南山区", "顺德区", "增城区"]),
    ("广西壮族自治区", ["南宁市", "柳州市", "桂林市"], ["青秀区", "柳江区", "阳朔县", "荔浦市"]),
    ("四川省", ["成都市", "绵阳市", "宜宾市", "凉山彝族自治州"], ["锦江区", "江油市", "叙州区", "西昌市"]),
    ("贵州省", ["贵阳市", "遵义市", "黔东南苗族侗族自治州"], ["云岩区", "仁怀市", "凯里市", "赤水市"]),
    ("云南省", ["昆明市", "大理白族自治州", "红河哈尼族彝族自治州"], ["五华区", "大理市", "个旧市", "安宁市"]),
    ("陕西省", ["西安市", "宝鸡市", "咸阳市", "榆林市"], ["雁塔区", "凤翔区", "兴平市", "神木市"]),
    ("甘肃省", ["兰州市", "天水市", "酒泉市"], ["城关区", "麦积区", "敦煌市", "玉门市"]),
    ("宁夏回族自治区", ["银川市", "石嘴山市", "吴忠市"], ["兴庆区", "灵武市", "青铜峡市", "平罗县"]),
    ("新疆维吾尔自治区", ["乌鲁木齐市", "克拉玛依市", "伊犁哈萨克自治州"], ["天山区", "独山子区", "伊宁市", "奎屯市"]),
    ("黑龙江省", ["哈尔滨市", "齐齐哈尔市", "大庆市", "牡丹江市"], ["南岗区", "讷河市", "肇州县", "宁安市"]),
    ("海南省", ["海口市", "三亚市", "儋州市"], ["美兰区", "吉阳区", "琼海市", "文昌市"]),
]
DEPARTMENTS = [
    "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "民政局", "司法局", "财政局",
    "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
    "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局",
    "统计局", "医疗保障局", "林业和草原局", "退役军人事务局", "信访局", "行政审批局",
]  # fmt: skip

APPLICANTS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
RESULTS_2021 = (
    "granted", "partially_granted",
    "withheld.state_secret", "withheld.prohibited_by_law", "withheld.three_safeties",
    "withheld.third_party_rights", "withheld.internal_affairs", "withheld.process_info",
    "withheld.enforcement_files", "withheld.query_matters",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction",
    "not_processed.petition", "not_processed.duplicate", "not_processed.publication", "not_processed.excessive",
    "not_processed.confirm_existing",
    "other.no_correction", "other.unpaid_fee", "other.other",
)  # fmt: skip
RESULTS_MERGED = (*RESULTS_2021[:-3], "other")
REVIEW_ROWS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLS = ("upheld", "corrected", "other", "pending")
# probability that a result row is non-zero, per applicant column kind (natural persons ask most)
_NONZERO = {
    "granted": 0.85, "partially_granted": 0.35, "withheld.state_secret": 0.05, "withheld.prohibited_by_law": 0.1,
    "withheld.three_safeties": 0.06, "withheld.third_party_rights": 0.15, "withheld.internal_affairs": 0.12,
    "withheld.process_info": 0.15, "withheld.enforcement_files": 0.08, "withheld.query_matters": 0.12,
    "unavailable.not_held": 0.6, "unavailable.needs_creation": 0.2, "unavailable.unclear_after_correction": 0.15,
    "not_processed.petition": 0.2, "not_processed.duplicate": 0.15, "not_processed.publication": 0.05,
    "not_processed.excessive": 0.06, "not_processed.confirm_existing": 0.08, "other.no_correction": 0.15,
    "other.unpaid_fee": 0.03, "other.other": 0.2, "other": 0.3,
}  # fmt: skip
ACTIVE_2021 = {
    "rules": ("issued", "repealed", "in_force"),
    "normative_docs": ("issued", "repealed", "in_force"),
    "licensing": ("decisions",),
    "penalty": ("decisions",),
    "coercion": ("decisions",),
    "fees": ("amount",),
}
ACTIVE_2019 = {
    "rules": ("new_made", "new_published", "total_published"),
    "normative_docs": ("new_made", "new_published", "total_published"),
    "licensing": ("prior_items", "change", "decisions"),
    "other_services": ("prior_items", "change", "decisions"),
    "penalty": ("prior_items", "change", "decisions"),
    "coercion": ("prior_items", "change", "decisions"),
    "fees": ("prior_items", "change"),
    "procurement": ("items", "amount"),
}
# the 第二十条 blocks: item → rows
OPTIONAL_BLOCK = "（九）"  # 2019: 政府集中采购, printed or not (RATES["procurement_row"])
BLOCKS = {
    "2021": [("（一）", ["rules", "normative_docs"]), ("（五）", ["licensing"]), ("（六）", ["penalty", "coercion"]),
             ("（八）", ["fees"])],
    "2019": [("（一）", ["rules", "normative_docs"]), ("（五）", ["licensing", "other_services"]),
             ("（六）", ["penalty", "coercion"]), ("（八）", ["fees"]), ("（九）", ["procurement"])],
}  # fmt: skip

Value = int | Decimal | None


@dataclass
class Synth:
    """One synthetic report: who, when, which format, every cell, and the variants drawn."""

    seed: int
    region: str
    year: int
    published: str
    format: str
    cells: dict[str, Value]
    blocks: list[tuple[str, list[str]]]
    knobs: dict[str, Any] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)  # identities that must fail (the wrong_total variant)

    @property
    def expect_required(self) -> bool:
        """A failed identity or a required row left out. 2019's （九） block (政府集中采购) is optional
        (``procurement_row``): a report without it reads like one that never printed it, so leaving it out is
        no missing row."""
        missing = self.knobs.get("active_missing")
        return bool(self.broken) or (bool(missing) and missing != OPTIONAL_BLOCK)

    @property
    def results(self) -> tuple[str, ...]:
        if self.format == "2019" or self.knobs.get("merged_other"):
            return RESULTS_MERGED
        return RESULTS_2021


def _count(rng: random.Random, scale: float, nonzero: float) -> int:
    if rng.random() >= nonzero:
        return 0
    return max(1, int(rng.lognormvariate(0, 1.2) * scale))


def _amount(rng: random.Random, long_decimals: bool) -> Decimal:
    places = rng.randint(3, 6) if long_decimals else rng.choice((0, 1, 2, 2, 2))
    whole = int(rng.lognormvariate(4, 2.2))
    frac = rng.randrange(10**places) if places else 0
    text = f"{whole}.{frac:0{places}d}" if places else str(whole)
    value = Decimal(text)
    return value if value else Decimal(rng.randint(1, 99))


def organ(rng: random.Random, department: bool) -> str:
    province, cities, counties = rng.choice(PROVINCES)
    level = rng.choice(("province", "city", "city", "county", "county"))
    place = {"province": province, "city": rng.choice(cities), "county": rng.choice(counties)}[level]
    if department:
        dep = rng.choice(DEPARTMENTS)
        if level == "province" and dep.endswith("局"):
            dep = dep[:-1] + "厅"
        return place + dep
    return place


def draw(seed: int) -> Synth:
    rng = random.Random(seed)
    knobs: dict[str, Any] = {k: rng.random() < p for k, p in RATES.items()}
    fmt = "2019" if knobs["format_2019"] else "2021"
    year = rng.choice((2019, 2020)) if fmt == "2019" else rng.choice((2021, 2022, 2023, 2024))
    region = organ(rng, knobs["department"])
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    if fmt == "2019":
        knobs["merged_other"] = False
    size = rng.choice((0.5, 1, 2, 5, 20, 80)) * (0.3 if knobs["department"] else 1)
    cells: dict[str, Value] = {}
    # ------------------------------------------------------------------ table 二
    blocks = [(item, list(rows)) for item, rows in BLOCKS[fmt]]
    if fmt == "2019" and not knobs["procurement_row"]:
        blocks = [b for b in blocks if b[0] != OPTIONAL_BLOCK]
    if knobs["active_reordered"]:
        head, rest = blocks[0], blocks[1:]
        rng.shuffle(rest)
        blocks = [head, *rest]
    if knobs["active_missing"]:
        dropped = rng.randrange(1, len(blocks))
        knobs["active_missing"] = blocks[dropped][0]
        del blocks[dropped]
    for _, rows in blocks:
        for row in rows:
            for col in (ACTIVE_2019 if fmt == "2019" else ACTIVE_2021)[row]:
                cells[f"active/{row}/{col}"] = _active_value(rng, row, col, size, knobs)
    if fmt == "2019":
        for _, rows in blocks:
            for row in rows:
                if f"active/{row}/change" in cells:
                    prior = cells[f"active/{row}/prior_items"]
                    assert isinstance(prior, int)
                    cells[f"active/{row}/change"] = rng.choice((0, 0, 0, rng.randint(-min(prior, 30), 30)))
    # ------------------------------------------------------------------ table 三
    results = RESULTS_MERGED if (fmt == "2019" or knobs["merged_other"]) else RESULTS_2021
    for col in APPLICANTS:
        scale = size * (4 if col == "natural_person" else 0.6)
        active = rng.random() < (0.97 if col == "natural_person" else 0.3)
        vals = {r: (_count(rng, scale, _NONZERO[r]) if active else 0) for r in results}
        total = sum(vals.values())
        forward = _count(rng, scale / 3, 0.3) if active else 0
        over = rng.randint(0, total + forward) if active and rng.random() < 0.35 else 0
        cells[f"applications/new_received/{col}"] = total + forward - over
        cells[f"applications/carried_over/{col}"] = over
        for r, v in vals.items():
            cells[f"applications/{r}/{col}"] = v
        cells[f"applications/results_total/{col}"] = total
        cells[f"applications/carried_forward/{col}"] = forward
    for row in ("new_received", "carried_over", *results, "results_total", "carried_forward"):
        cells[f"applications/{row}/total"] = sum(int(cells[f"applications/{row}/{c}"] or 0) for c in APPLICANTS)
    # ------------------------------------------------------------------ table 四
    blank_row = rng.choice(REVIEW_ROWS) if knobs["blank_review_row"] else None
    for row in REVIEW_ROWS:
        vals4 = {c: _count(rng, max(size / 10, 1), 0.25) for c in REVIEW_COLS}
        if row == blank_row:
            vals4 = dict.fromkeys(REVIEW_COLS, 0)
        for c, v in vals4.items():
            cells[f"review_litigation/{row}/{c}"] = None if row == blank_row else v
        cells[f"review_litigation/{row}/total"] = None if row == blank_row else sum(vals4.values())
    knobs["blank_review_row"] = blank_row or False
    # ------------------------------------------------------------------ a wrong published total
    broken: list[str] = []
    if knobs["wrong_total"]:
        choices = [f"applications/results_total/{c}" for c in (*APPLICANTS, "total")]
        choices += [f"applications/{r}/total" for r in ("new_received", "granted", "results_total")]
        choices += [f"review_litigation/{r}/total" for r in REVIEW_ROWS if r != blank_row]
        key = rng.choice(choices)
        old = cells[key]
        assert isinstance(old, int)
        cells[key] = old + rng.randint(1, 9)
        knobs["wrong_total"] = key
        broken.append(key)
    # ------------------------------------------------------------------ explicit blanks (— for 0) in table 二
    if knobs["dash_zero"]:
        zeros = [k for k, v in cells.items() if k.startswith("active/") and v == 0]
        dashed = rng.sample(zeros, min(len(zeros), rng.randint(1, 3)))
        for k in dashed:
            cells[k] = None
        knobs["dash_zero"] = dashed or False
    return Synth(seed, region, year, published, fmt, cells, blocks, knobs, broken)


def _active_value(rng: random.Random, row: str, col: str, size: float, knobs: dict[str, Any]) -> Value:
    if row in ("rules", "normative_docs"):
        scale = size * (0.3 if row == "rules" else 2)
        if col in ("in_force", "total_published"):
            return _count(rng, scale * 8, 0.7)
        return _count(rng, scale, 0.4 if row == "rules" else 0.6)
    if col == "amount":
        if row == "fees" and rng.random() < 0.4:
            return Decimal(0)
        return _amount(rng, knobs["long_decimals"])
    if col == "items":
        return _count(rng, size * 3, 0.8)
    if col in ("decisions", "prior_items"):
        big = {"licensing": 300.0, "penalty": 40.0, "coercion": 3.0, "other_services": 20.0, "fees": 2.0}[row]
        return _count(rng, size * big, 0.75)
    return 0  # change: drawn after prior_items


def gold_value(v: Value) -> int | float | None:
    if v is None or isinstance(v, int):
        return v
    return int(v) if v == v.to_integral_value() and v.as_tuple().exponent >= 0 else float(v)
