"""DOCX → text in the seed convention: body paragraphs and tables in document order.

The body XML is walked directly (python-docx only opens the package): ``doc.paragraphs`` and
``doc.tables`` would lose the interleaving, and python-docx's ``row.cells`` repeats a merged cell's text in
every grid position it covers. Here a ``gridSpan`` continuation and a ``vMerge`` continuation are emitted as
empty cells. Headers and footers are ignored. Before anything is parsed, the zip is checked for bombs
(total uncompressed size), its XML parts for DTDs/entities and their CRCs
(:func:`parsers.readers.package_check.check_package`; the XLSX reader's variant, ``check_workbook``, also gives
calamine the parts it reads stored, inflated once).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.chrome import join_wrapped
from parsers.readers.package_check import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes) -> Extracted:
    if not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    check_package(data)
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise UnreadableDocument("python-docx is not installed", code="no_converter") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on broken packages
        raise UnreadableDocument(f"DOCX that python-docx cannot open: {exc!r}", code="corrupt") from exc
    try:
        tb = TextBuilder()
        _blocks(document.element.body, tb, _numbering(document))
        try:
            title = (document.core_properties.title or "").strip()
        except Exception:  # broken core properties are not worth failing the document for
            title = ""
    finally:
        # a package python-docx opened but cannot walk keeps its trees until the collector runs
        with contextlib.suppress(Exception):
            release_package(document.part.package)
    metadata: dict[str, str] = {}
    if title:
        metadata["title"] = title
    text = tb.text()
    if not text.strip():
        raise UnreadableDocument("DOCX without any text", code="empty")
    return Extracted(kind="docx", text=text, spans=tb.spans, metadata=metadata, grid=True)


def release_package(package: Any) -> None:
    """Empty a python-docx package and every part its relationships reach, now (nothing reads them after).

    python-docx's package is a web of reference cycles (each part refers to the package, which refers to its
    parts through the relationships; its own part walks leave closures that hold the parts they visited), so
    without this its parsed XML (a few hundred kB to a few MB a document, in libxml2's memory) lives until
    Python's cyclic collector next runs a full pass: a reparse of a folder of DOCX grows the heap by every
    document's trees in between (67 MB above the start over 30 reads of the 5 rendered seeds, against 18 MB
    emptied), and leaves it fragmented for whatever is parsed next. Each part's attributes are dropped (its
    tree, its bytes, its relationships, python-docx's cached properties), which breaks the cycles: reference
    counting frees the trees at once. The walk follows the relationships without python-docx's closures."""
    parts = [package]
    seen = {id(package)}
    for source in parts:  # grows while it is walked
        for rel in list(source.rels.values()):
            if rel.is_external:
                continue
            part = rel.target_part
            if id(part) not in seen:
                seen.add(id(part))
                parts.append(part)
    for source in parts:
        vars(source).clear()


def _numbering(document: Any) -> Numbering | None:
    part = document.part
    try:  # python-docx creates an empty numbering part when the package has none; look before touching it
        rels = [r for r in part.rels.values() if r.reltype.endswith("/numbering")]
        numbering = rels[0].target_part.element if rels else None
        styles = document.styles.element
    except Exception:  # broken numbering or styles parts only cost the list numbers
        return None
    return Numbering(numbering, styles) if numbering is not None else None


# ---------------------------------------------------------------------------------------------- numbering
_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CJK_PUNCT_END = tuple("、．.）)】〕」：:，,")


def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One list counter in a Word number format (``decimal``, ``chineseCounting`` …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "japaneseCounting", "koreanCounting"):  # fmt: skip
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if fmt == "ideographTraditional" else _chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """Renders Word's automatic paragraph numbers (``一、``, ``（二）``, ``3.``), which are not in the text runs.

    Counters are kept per list (``numId``) and level; a level's counter restarts when a higher level advances.
    Bullets are left out.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, text, start)
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int | None]] = {}
        self.style_base: dict[str, str] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iterchildren(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iterchildren(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0, limit=9)
                levels[ilvl] = (
                    _val(lvl, f"{W}numFmt") or "decimal",
                    _val(lvl, f"{W}lvlText") or "",
                    _int(_val(lvl, f"{W}start"), 1, limit=10**6),
                )
            abstract[an.get(f"{W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{W}num"):
            levels = dict(abstract.get(_val(num, f"{W}abstractNumId") or "", {}))
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0, limit=9)
                start = _val(override, f"{W}startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1, limit=10**6))
            self.levels[num.get(f"{W}numId", "")] = levels

    def _read_styles(self, root: Any) -> None:
        for style in root.iterchildren(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            based = _val(style, f"{W}basedOn")
            if based:
                self.style_base[sid] = based
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, f"{W}numId")
                ilvl = _val(num_pr, f"{W}ilvl")
                if num_id is not None:
                    self.style_num[sid] = (num_id, None if ilvl is None else _int(ilvl, 0, limit=9))

    def _num_of(self, p: Any) -> tuple[str, int] | None:
        p_pr = p.find(f"{W}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if p_pr is not None:
            num_pr = p_pr.find(f"{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, f"{W}numId")
                raw = _val(num_pr, f"{W}ilvl")
                ilvl = None if raw is None else _int(raw, 0, limit=9)
            style = _val(p_pr, f"{W}pStyle")
            seen: set[str] = set()
            while style and style not in seen and (num_id is None or ilvl is None):
                seen.add(style)
                if style in self.style_num:
                    s_num, s_lvl = self.style_num[style]
                    num_id = num_id if num_id is not None else s_num
                    ilvl = ilvl if ilvl is not None else s_lvl
                style = self.style_base.get(style)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        return num_id, ilvl or 0

    def label(self, p: Any) -> str:
        """The number Word shows before this paragraph ("" if none); advances the list's counter."""
        if not self.levels:
            return ""
        found = self._num_of(p)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        fmt, text, start = levels[ilvl]
        counters[ilvl] = start if counters[ilvl] == 0 else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt in ("bullet", "none") or not text:
            return ""
        out = text
        for k in range(ilvl, -1, -1):  # %1 … %9, deepest first so that %1 does not eat %10-like text
            level = levels.get(k, ("decimal", "", 1))
            value = counters[k] if counters[k] else level[2]
            out = out.replace(f"%{k + 1}", format_number(value, level[0]))
        return out


def _prefix(label: str, line: str) -> str:
    if not label:
        return line
    return label + line if label.endswith(_CJK_PUNCT_END) else f"{label} {line}"


# ---------------------------------------------------------------------------------------------- walking
def _blocks(parent: Any, tb: TextBuilder, numbering: Numbering | None = None) -> None:
    """Body-level content in order: paragraphs, tables, and the content of structured-document tags."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            label = numbering.label(child) if numbering else ""
            for i, line in enumerate(paragraph_lines(child)):
                tb.line(_prefix(label, line) if i == 0 else line)
        elif tag == f"{W}tbl":
            _table(child, tb, numbering)
        elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
            content = child.find(f"{W}sdtContent")
            _blocks(content if content is not None else child, tb, numbering)


def _iter_text(el: Any) -> Iterator[str]:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag == _MC_FALLBACK:
            continue
        if tag == f"{W}t":
            yield child.text or ""
        elif tag == f"{W}tab":
            yield " "
        elif tag in (f"{W}br", f"{W}cr"):
            yield "\n"
        elif tag in (f"{W}txbxContent", f"{W}del", f"{W}pPr", f"{W}rPr"):
            continue
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        else:
            yield from _iter_text(child)


def paragraph_lines(p: Any) -> list[str]:
    """A paragraph's text (line breaks inside it kept), then the paragraphs of any text box it anchors."""
    text = "".join(_iter_text(p))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out = [line for line in lines if line]
    for box in p.iter(f"{W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for bp in box.iter(f"{W}p"):
            line = " ".join("".join(_iter_text(bp)).split())
            if line:
                out.append(line)
    return out


def _val(el: Any, path: str) -> str | None:
    found = el.find(path)
    if found is None:
        return None
    return found.get(f"{W}val", "")


def _int(raw: str | None, default: int, limit: int = 200) -> int:
    try:
        return max(0, min(int(raw or default), limit))
    except ValueError:
        return default


def _cell_content(tc: Any) -> str:
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{W}p":
            lines.extend(paragraph_lines(child))
        elif child.tag == f"{W}tbl":  # a table nested in a data cell: its cells' text, in order
            for tr in child.iter(f"{W}tr"):
                row = [join_wrapped(_cell_lines(tc2)) for tc2 in tr.iterchildren(f"{W}tc")]
                lines.append(" ".join(c for c in row if c))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines.extend(_cell_lines(content))
    return join_wrapped(lines)


def _cell_lines(el: Any) -> list[str]:
    out: list[str] = []
    for p in el.iter(f"{W}p"):
        out.extend(paragraph_lines(p))
    return out


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            yield from _row_cells(content if content is not None else child)


def _rows(tbl: Any) -> Iterator[Any]:
    for child in tbl.iterchildren():
        if child.tag == f"{W}tr":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            yield from _rows(content if content is not None else child)


def _is_layout_table(tbl: Any) -> bool:
    """A table that lays out the page: one cell only, or a cell holding another table."""
    cells = [tc for tr in _rows(tbl) for tc in _row_cells(tr)]
    if len(cells) <= 1:
        return True
    return any(tc.find(f".//{W}tbl") is not None for tc in cells)


def _table(tbl: Any, tb: TextBuilder, numbering: Numbering | None = None) -> None:
    if _is_layout_table(tbl):
        for tr in _rows(tbl):
            for tc in _row_cells(tr):
                _blocks(tc, tb, numbering)
        return
    grid = table_grid(tbl)
    t = tb.new_table()
    emitted = False
    for r, cells in enumerate(grid):
        if any(cells):
            tb.row(cells, table=t, row=r)
            emitted = True
    if emitted:
        tb.blank()


def table_grid(tbl: Any) -> list[list[str]]:
    """Rows of cell texts; ``gridSpan``/``hMerge``/``vMerge`` continuations and grid gaps are ""."""
    # each position: (text, cell number); a cell's text sits at its first position only
    grid: list[list[tuple[str, int]]] = []
    cell_no = 0
    for tr in _rows(tbl):
        tr_pr = tr.find(f"{W}trPr")
        row: list[tuple[str, int]] = []
        if tr_pr is not None:
            row.extend(("", -1) for _ in range(_int(_val(tr_pr, f"{W}gridBefore"), 0)))
        for tc in _row_cells(tr):
            tc_pr = tc.find(f"{W}tcPr")
            span = 1
            continuation = False
            if tc_pr is not None:
                span = max(1, _int(_val(tc_pr, f"{W}gridSpan"), 1))
                vmerge = _val(tc_pr, f"{W}vMerge")
                hmerge = _val(tc_pr, f"{W}hMerge")
                continuation = (vmerge is not None and vmerge != "restart") or (
                    hmerge is not None and hmerge != "restart"
                )
            cell_no += 1
            row.append(("" if continuation else _cell_content(tc), cell_no))
            row.extend(("", cell_no) for _ in range(span - 1))
        if tr_pr is not None:
            row.extend(("", -1) for _ in range(_int(_val(tr_pr, f"{W}gridAfter"), 0)))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    padded = [r + [("", -1)] * (width - len(r)) for r in grid]
    for j in reversed(_sliver_columns(tbl, width)):
        _drop_column(padded, j)
    return [[text for text, _ in row] for row in padded]


SLIVER_TWIPS = 60  # about 1 mm: a grid column this narrow is a border misalignment, not a column


def _sliver_columns(tbl: Any, width: int) -> list[int]:
    grid_el = tbl.find(f"{W}tblGrid")
    if grid_el is None:
        return []
    widths = [_int(col.get(f"{W}w"), 10**6, limit=10**6) for col in grid_el.iterchildren(f"{W}gridCol")]
    return [j for j, w in enumerate(widths[:width]) if w < SLIVER_TWIPS and j + 1 < width]


def _drop_column(grid: list[list[tuple[str, int]]], j: int) -> None:
    """Remove grid column ``j`` if no cell lives in it alone (a text there moves right, into its own span)."""
    for row in grid:
        text, cell = row[j]
        if text and row[j + 1][1] != cell:
            return  # a cell of its own sits in this column: keep it
    for row in grid:
        text, cell = row[j]
        if text:
            row[j + 1] = (text, cell)
        del row[j]
