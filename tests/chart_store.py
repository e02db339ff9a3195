"""A richer test database for the charts and the report page (never used for figures in the README).

``build_chart_store(db_path)`` is :func:`seed_store.build_multi_year_store` (the five seeds, 通辽市 2020–2022,
内蒙古自治区 2018, 2021, 2022) plus a league's banners over three years: 鄂尔多斯市's 鄂托克前旗, 鄂托克旗, 乌审旗
and 杭锦旗 for 2021–2023, made from the real seeds 001 (鄂托克前旗 2022) and 003 (青山区 2022) renamed, on the
registry's portals, published on time, late or not at all. Some have their table 三 and 四 counts multiplied
(every identity still holds; the text then states other numbers than the table, so the narrative's checks
fail), and one has a broken row (an identity fails): a database with every review verdict and coverage state.
A report is re-saved under a new parse (a cell changed), so the report page has a history to show.
"""

from __future__ import annotations

import re
from pathlib import Path

from seed_store import SEEDS, build_multi_year_store, save_document

from storage.store import Store

BASE = "https://www.example.gov.cn/zwgk/ndbg/"
ETKQQ, QINGSHAN = SEEDS[1].read_bytes().decode("utf-8"), SEEDS[3].read_bytes().decode("utf-8")


def banner_text(seed: str, name: str, year: int, published: str) -> str:
    """A seed as another banner's report for another year (its name, region, years and date replaced)."""
    if seed == "etkqq":
        text = ETKQQ.replace("鄂托克前旗", name).replace("鄂前", name[:2])
        text = text.replace("2023", "\1").replace("2022", str(year)).replace("\1", str(year + 1))
    else:
        text = (
            QINGSHAN.replace("包头市青山区", f"鄂尔多斯市{name}")
            .replace("青山区", name)
            .replace("包头市", "鄂尔多斯市")
        )
        text = text.replace("2023年2月8日", "\0").replace("2023", "\1").replace("2022", str(year))
        text = text.replace("\1", str(year + 1))
        y, m, d = (int(part) for part in published.split("-"))
        text = text.replace("\0", f"{y}年{m}月{d}日")
    return text


def scale_tables(text: str, factor: int, break_row: bool = False) -> str:
    """The document with every count of its tables 三 and 四 multiplied by ``factor`` (every identity still
    holds; the text's own statements then disagree) and, with ``break_row``, the natural persons of
    本年新收 one higher (its row total then fails)."""
    lines = text.split("\n")
    inside = False
    for i, line in enumerate(lines):
        if "收到和处理政府信息公开申请情况" in line:
            inside = True
        elif re.search(r"^[#\s]*五、", line):
            inside = False
        if not inside or "\t" not in line:
            continue
        cells = line.split("\t")
        scaled = [str(int(c) * factor) if c.strip().isdigit() else c for c in cells]
        if break_row and "本年新收" in cells[0]:
            first = next(k for k, c in enumerate(scaled) if c.strip().isdigit())
            scaled[first] = str(int(scaled[first]) + 1)
        lines[i] = "\t".join(scaled)
    return "\n".join(lines)


# (banner, registry portal, seed, factor) and the years: published date, or None for no report
BANNERS = [
    ("鄂托克前旗", "etkqq", "etkqq", 1),
    ("鄂托克旗", "etkq", "etkqq", 4),
    ("乌审旗", "wsq", "qingshan", 2),
    ("杭锦旗", "hjq", "qingshan", 1),
]
YEARS: dict[str, dict[int, str | None]] = {
    "鄂托克前旗": {2021: "2022-01-25", 2022: "2023-01-30", 2023: "2024-01-29"},
    "鄂托克旗": {2021: "2022-01-20", 2022: "2023-03-15", 2023: "2024-01-31"},
    "乌审旗": {2021: "2022-01-28", 2022: None, 2023: "2024-02-20"},
    "杭锦旗": {2021: None, 2022: "2023-01-16", 2023: "2024-01-10"},
}


def build_chart_store(db_path: Path) -> Store:
    build_multi_year_store(db_path).close()
    store = Store(db_path)
    for name, portal, seed, factor in BANNERS:
        for year, published in YEARS[name].items():
            if published is None:
                continue
            text = banner_text(seed, name, year, published)
            broken = name == "乌审旗" and year == 2023
            data = scale_tables(text, factor + (year - 2021), break_row=broken).encode("utf-8")
            save_document(store, f"{BASE}{portal}{year}.txt", data, portal=portal, page={"published": published})
    # 鄂托克前旗 2023 read again from a corrected document (one more application): the page shows a history
    text = scale_tables(banner_text("etkqq", "鄂托克前旗", 2023, "2024-01-29"), 3, break_row=True)
    save_document(store, f"{BASE}etkqq2023.txt", text.encode("utf-8"), portal="etkqq", page={"published": "2024-01-29"})
    return store
