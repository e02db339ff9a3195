"""A rendered seed as a small document model (paragraphs and tables of cells), each data cell tied to its gold key.

Used by ``scripts/build_corpus.py``: the model is read from the seed's rendered HTML page
(``tests/fixtures/rendered/<stem>.html``) with lxml alone — independent of ``parsers/`` — and aligned with the
hand-read gold cells, so that the corrupter (``scripts/corpus_damage.py``) can record which gold cells each damage
touched. The renderers turn the model into the plain conventions users feed ``nianbao parse``: TAB text, runs of
spaces, single spaces, nothing between cells, whole Markdown pipe tables, and Markdown with embedded ``<table>``
HTML (as MinerU emits it).
"""

from __future__ import annotations

import html as html_lib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
BLANK = {"", "—", "-", "/", "－", "——"}


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # the gold key of a data cell
    header: bool = False  # a cell of a header row (no data in its row)
    line: bool = False  # a row of this one cell is a bare line of text amid the table (a page number, a label)


@dataclass
class Table:
    rows: list[list[Cell]]

    def grid(self) -> list[list[Cell | None]]:
        """Rows with spans expanded: a cell at its top-left position, ``None`` where a span covers the grid."""
        out: list[list[Cell | None]] = []
        pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        for row in self.rows:
            line: list[Cell | None] = []
            col = 0
            cells = list(row)
            while cells or any(c >= col and n > 0 for c, n in pending.items()):
                if pending.get(col, 0) > 0:
                    pending[col] -= 1
                    line.append(None)
                    col += 1
                    continue
                if not cells:
                    break
                cell = cells.pop(0)
                for k in range(cell.colspan):
                    line.append(cell if k == 0 else None)
                    if cell.rowspan > 1:
                        pending[col + k] = cell.rowspan - 1
                col += cell.colspan
            out.append(line)
        return out

    def keys(self) -> list[str]:
        return [c.key for row in self.rows for c in row if c.key]


@dataclass
class Para:
    text: str
    heading: int = 0  # Markdown heading level a converter would give it (0: plain paragraph)


Block = Para | Table


@dataclass
class Doc:
    stem: str
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def row_keys(self, row: list[Cell]) -> list[str]:
        return [c.key for c in row if c.key]


def _text(el: Any) -> str:
    return re.sub(r"\s+", "", el.text_content())


def _heading_level(text: str) -> int:
    if re.match(r"^[一二三四五六七八九十]+、", text) and len(text) < 40:
        return 2
    if re.match(r"^（[一二三四五六七八九十]+）", text) and len(text) < 30:
        return 3
    return 0


def read_model(html_path: Path, gold_cells: dict[str, Any]) -> Doc:
    """The rendered HTML page's article (title, paragraphs, tables), data cells aligned with the gold keys."""
    root = lxml_html.parse(str(html_path)).getroot()
    doc = Doc(stem=html_path.stem)
    title = root.find_class("article-title")
    if title:
        doc.blocks.append(Para(_text(title[0]), heading=1))
    view = root.find_class("view")[0]
    for el in view.iter("p", "table", "h1", "h2", "h3", "h4"):
        if el.tag == "table":
            rows = []
            for tr in el.iter("tr"):
                rows.append(
                    [
                        Cell(_text(td), int(td.get("rowspan", "1")), int(td.get("colspan", "1")))
                        for td in tr
                        if td.tag in ("td", "th")
                    ]
                )
            doc.blocks.append(Table(rows))
        elif el.getparent() is not None and any(a.tag == "table" for a in el.iterancestors()):
            continue  # paragraphs inside table cells belong to the cell
        else:
            text = el.text_content().strip()
            if text:
                doc.blocks.append(Para(text, heading=_heading_level(text)))
    _align(doc, gold_cells)
    return doc


def _value(text: str) -> float | None:
    if not NUMBER.match(text):
        return None
    return float(text.replace(",", ""))


def _align(doc: Doc, gold_cells: dict[str, Any]) -> None:
    """Walk the tables' cells in reading order beside the gold keys (kept in reading order) and tie each."""
    keys = list(gold_cells)
    i = 0
    for table in doc.tables():
        for row in table.rows:
            data_row = any(_value(c.text) is not None for c in row)
            for cell in row:
                if i >= len(keys):
                    break
                want = gold_cells[keys[i]]
                got = _value(cell.text)
                same_number = got is not None and want is not None and abs(got - float(want)) < 1e-9
                # a blank gold cell is an empty or dashed cell, never a row's label position unless empty
                blank = got is None and want is None and cell.text in BLANK and (cell is not row[0] or not cell.text)
                if same_number or blank:
                    cell.key = keys[i]
                    i += 1
            if not data_row:
                for cell in row:
                    cell.header = True
    if i != len(keys):
        raise ValueError(
            f"{doc.stem}: only {i} of {len(keys)} gold cells found in the rendered tables (stuck at {keys[i]})"
        )
    stray = [c.text for t in doc.tables() for r in t.rows for c in r if c.key is None and _value(c.text) is not None]
    if stray:
        raise ValueError(f"{doc.stem}: numbers in the tables that no gold cell accounts for: {stray[:5]}")


# ---- renderers ---------------------------------------------------------------------------------------------


def is_line(row: list[Cell | None]) -> bool:
    return len(row) == 1 and row[0] is not None and row[0].line


def _row_texts(table: Table) -> list[tuple[bool, list[str]]]:
    """The expanded grid as text: a spanned cell once at its top-left position, empty strings elsewhere.

    Each row comes with whether it is a bare line of text rather than a table row."""
    return [(is_line(row), [c.text if c is not None else "" for c in row]) for row in table.grid()]


def flatten(doc: Doc) -> Doc:
    """A copy whose tables have no spans: a spanned cell at its top-left position, empty cells elsewhere."""
    out = Doc(doc.stem)
    for b in doc.blocks:
        if isinstance(b, Para):
            out.blocks.append(Para(b.text, b.heading))
            continue
        rows = []
        for row in b.grid():
            rows.append(
                [Cell(c.text, key=c.key, header=c.header) if c is not None else Cell("", header=True) for c in row]
            )
        for row in rows:  # a filler cell is part of a header row only if its row is one
            hdr = all(c.header for c in row)
            for c in row:
                c.header = hdr
        out.blocks.append(Table(rows))
    return out


def render_tab(doc: Doc) -> str:
    """The parser's canonical convention: a paragraph per line, a table row per line, cells separated by TAB."""
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Para):
            lines.append(b.text)
        else:
            lines.extend(r[0] if line else "\t".join(r).rstrip("\t") for line, r in _row_texts(b))
    return "\n".join(lines) + "\n"


def render_joined(doc: Doc, sep: str | None, rng: random.Random | None = None) -> str:
    """Plain text as pasted from a table: empty cells vanish, the rest joined by ``sep``.

    ``sep=None`` joins by runs of 2–6 spaces (random, seeded); ``" "`` by single spaces; ``""`` by nothing.
    """
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Para):
            lines.append(b.text)
            continue
        for line, r in _row_texts(b):
            if line:
                lines.append(r[0])
                continue
            cells = [t for t in r if t]
            if not cells:
                continue
            if sep is None:
                assert rng is not None
                out = cells[0]
                for t in cells[1:]:
                    out += " " * rng.randint(2, 6) + t
                lines.append(out)
            else:
                lines.append(sep.join(cells))
    return "\n".join(lines) + "\n"


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(t.replace("|", "\\|") for t in cells) + " |"


def render_pipe(doc: Doc) -> str:
    """Whole Markdown: ``#`` headings for the title and section titles, each table one pipe table."""
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Para):
            lines.append(("#" * b.heading + " " if b.heading else "") + b.text)
            lines.append("")
            continue
        fresh = True  # the next table row opens a pipe table: it becomes its header row
        for line, r in _row_texts(b):
            if line:
                if not fresh:
                    lines.append("")
                lines.extend([r[0], ""] if r[0] else [])
                fresh = True
                continue
            lines.append(_pipe(r))
            if fresh:
                lines.append("|" + "---|" * len(r))
                fresh = False
        lines.append("")
    return "\n".join(lines)


def table_html(table: Table) -> str:
    """A table as MinerU writes it into its Markdown: one line of bare ``<table>`` HTML keeping the spans."""
    out = ["<table>"]
    for row in table.rows:
        out.append("<tr>")
        for c in row:
            attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else ""
            )
            out.append(f"<td{attrs}>{html_lib.escape(c.text, quote=False)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def render_html_tables(doc: Doc) -> str:
    """Markdown with each table embedded as HTML (MinerU's convention)."""
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Para):
            lines.append(("#" * b.heading + " " if b.heading else "") + b.text)
        else:
            lines.append(table_html(b))
        lines.append("")
    return "\n".join(lines)
