"""A seeded corrupter: the damage real OCR engines and PDF-to-Markdown converters do, one named kind at a time.

Each damage kind is a function ``(doc, rng) -> list[Touch]`` that changes a flattened document model
(``corpus_model.flatten``) in place and returns what it did: which gold cells it touched and whether the
damage left them recoverable from the text alone. Everything is drawn from ``random.Random(seed)``, so a
rebuild gives the same corpus. The kinds are what the issue lists and what real tools do; none turns a digit
into another digit (that is unrecoverable by anyone) — a letter that stands for exactly one digit
(``O``→0, ``l``→1, ``S``→5, ``B``→8) is recoverable, and so recorded.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus_model import NUMBER, Cell, Doc, Para, Table, is_line


@dataclass
class Touch:
    kind: str
    keys: list[str] = field(default_factory=list)
    detail: str = ""
    recoverable: bool = True  # False where the text alone no longer pins the value (the identities may)

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "keys": self.keys, "detail": self.detail, "recoverable": self.recoverable}


Damage = Callable[[Doc, random.Random], list[Touch]]

# ---- helpers ------------------------------------------------------------------------------------------------


def _tables(doc: Doc) -> list[Table]:
    return doc.tables()


def _data_cells(doc: Doc) -> list[Cell]:
    return [c for t in _tables(doc) for r in t.rows for c in r if c.key and NUMBER.match(c.text)]


def _data_rows(table: Table) -> list[int]:
    return [i for i, r in enumerate(table.rows) if not is_line(r) and any(c.key for c in r)]


UNITS = {"件", "条", "次", "人次", "个", "万元", "元", "人", "项", "篇", "场", "期", "家", "份", "天", "—"}


def _label_cell(row: list[Cell]) -> Cell | None:
    """The row's own label: the last text cell before its first data cell that is not a unit (件, 人次)."""
    label = None
    for c in row:
        if c.key:
            break
        if c.text and not NUMBER.match(c.text) and c.text not in UNITS:
            label = c
    return label


def _keys(row: list[Cell]) -> list[str]:
    return [c.key for c in row if c.key]


def _sample(rng: random.Random, items: list, share: float, at_least: int = 1) -> list:
    if not items:
        return []
    n = min(len(items), max(at_least, round(len(items) * share)))
    picked = rng.sample(range(len(items)), n)
    return [items[i] for i in sorted(picked)]


def _line(text: str) -> list[Cell]:
    return [Cell(text, line=True)]


# ---- OCR-like damage ------------------------------------------------------------------------------------------

_LOOKALIKE = {"0": "OoO〇", "1": "lI|l", "5": "S", "8": "B"}


def digit_letters(doc: Doc, rng: random.Random) -> list[Touch]:
    """0→O/o/〇, 1→l/I/|, 5→S, 8→B inside numbers, as Tesseract does on low-contrast scans."""
    touches = []
    cells = [c for c in _data_cells(doc) if any(d in c.text for d in _LOOKALIKE)]
    for c in _sample(rng, cells, 0.2):
        chars = list(c.text)
        spots = [i for i, ch in enumerate(chars) if ch in _LOOKALIKE]
        for i in _sample(rng, spots, 0.5):
            chars[i] = rng.choice(_LOOKALIKE[chars[i]])
        new = "".join(chars)
        # a lone "|" is a column rule to any reader: that digit is gone
        touches.append(Touch("digit_letters", [c.key or ""], f"{c.text}→{new}", recoverable=new != "|"))
        c.text = new
    return touches


_FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def fullwidth_digits(doc: Doc, rng: random.Random) -> list[Touch]:
    """Numbers in full-width digits (０１２３), as OCR services and some Word documents give them."""
    touches = []
    for c in _sample(rng, _data_cells(doc), 0.5):
        new = c.text.translate(_FULL)
        touches.append(Touch("fullwidth_digits", [c.key or ""], f"{c.text}→{new}"))
        c.text = new
    return touches


_WRONG = {
    "予": "子", "于": "干", "已": "己", "未": "末", "处": "外", "理": "埋", "申": "中", "请": "清",
    "政": "攻", "信": "倍", "息": "恩", "公": "八", "开": "幵", "本": "木", "年": "牟", "法": "怯",
    "行": "彳亍", "规": "观", "章": "竞", "数": "故", "量": "昼", "补": "朴", "正": "止", "期": "斯",
    "结": "洁", "转": "传", "提": "捉", "供": "洪", "机": "杌", "关": "美", "办": "为", "果": "杲",
}  # fmt: skip


def label_chars(doc: Doc, rng: random.Random) -> list[Touch]:
    """One or two wrong characters inside row labels (予→子, 理→埋, 申→中), as OCR misreads Chinese glyphs."""
    touches = []
    rows = [r for t in _tables(doc) for i in _data_rows(t) for r in [t.rows[i]]]
    for row in _sample(rng, rows, 0.3):
        label = _label_cell(row)
        if label is None:
            continue
        spots = [i for i, ch in enumerate(label.text) if ch in _WRONG]
        if not spots:
            continue
        chars = list(label.text)
        for i in _sample(rng, spots, 0.0, at_least=rng.choice((1, 1, 2))):
            chars[i] = _WRONG[chars[i]]
        new = "".join(chars)
        touches.append(Touch("label_chars", _keys(row), f"{label.text}→{new}"))
        label.text = new
    return touches


def split_digits(doc: Doc, rng: random.Random) -> list[Touch]:
    """A space inside a number (``1 0``), as OCR splits wide-set digits."""
    touches = []
    cells = [c for c in _data_cells(doc) if len(re.sub(r"\D", "", c.text)) >= 2]
    for c in _sample(rng, cells, 0.2):
        gaps = [i for i in range(1, len(c.text)) if c.text[i - 1].isdigit() and c.text[i].isdigit()]
        if not gaps:
            continue
        i = rng.choice(gaps)
        new = c.text[:i] + " " + c.text[i:]
        touches.append(Touch("split_digits", [c.key or ""], f"{c.text}→{new}"))
        c.text = new
    return touches


_DASHES = ("—", "-", "一", "－")


def dash_confusion(doc: Doc, rng: random.Random) -> list[Touch]:
    """``—``, ``-`` and ``一`` confused: in numbered labels (一、→—、) and in blank cells (—→一)."""
    touches = []
    for t in _tables(doc):
        for row in t.rows:
            for c in row:
                if c.text in _DASHES and rng.random() < 0.7:
                    new = rng.choice([d for d in _DASHES if d != c.text])
                    touches.append(Touch("dash_confusion", [c.key] if c.key else [], f"blank {c.text}→{new}"))
                    c.text = new
            label = _label_cell(row) if any(c.key for c in row) else None
            if label is not None and label.text.startswith("一、") and rng.random() < 0.8:
                new = rng.choice(("—、", "-、", "－、")) + label.text[2:]
                touches.append(Touch("dash_confusion", _keys(row), f"{label.text}→{new}"))
                label.text = new
    for b in doc.blocks:
        if isinstance(b, Para) and b.text.startswith("一、"):
            b.text = rng.choice(("—、", "-、")) + b.text[2:]
            touches.append(Touch("dash_confusion", [], f"heading 一、→{b.text[:2]}"))
    return touches


def page_noise(doc: Doc, rng: random.Random) -> list[Touch]:
    """Stray page numbers and running heads between table rows, where a table crosses a page break."""
    touches = []
    title = next((b.text for b in doc.blocks if isinstance(b, Para)), "")
    page = rng.randint(2, 5)
    for t in _tables(doc):
        rows = _data_rows(t)
        for i in sorted(_sample(rng, rows[1:], 0.12), reverse=True):
            noise = [_line(rng.choice((f"- {page} -", f"{page}", f"第 {page} 页", f"— {page} —")))]
            if rng.random() < 0.6:
                noise.append(_line(title))
            t.rows[i:i] = noise
            touches.append(
                Touch(
                    "page_noise",
                    [],
                    f"before row {_label_text(t.rows[i + len(noise)])!r}: " + " / ".join(n[0].text for n in noise),
                )
            )
            page += 1
    return touches


def _label_text(row: list[Cell]) -> str:
    label = _label_cell(row)
    return label.text if label else ""


def rows_merged(doc: Doc, rng: random.Random) -> list[Touch]:
    """Two table rows read as one line (the second row's label and numbers after the first's)."""
    touches = []
    for t in _tables(doc):
        rows = _data_rows(t)
        pairs = [i for i in rows if i + 1 in rows]
        done: set[int] = set()
        for i in sorted(_sample(rng, pairs, 0.12), reverse=True):
            if i in done or i + 1 in done:
                continue
            a, b = t.rows[i], t.rows[i + 1]
            touches.append(Touch("rows_merged", _keys(a) + _keys(b), f"{_label_text(a)!r} + {_label_text(b)!r}"))
            t.rows[i : i + 2] = [a + b]
            done |= {i, i + 1}
    return touches


def rows_split(doc: Doc, rng: random.Random) -> list[Touch]:
    """A row read as two lines: its label alone above its numbers, or its label broken with the rest below."""
    touches = []
    for t in _tables(doc):
        for i in sorted(_sample(rng, _data_rows(t), 0.15), reverse=True):
            row = t.rows[i]
            label = _label_cell(row)
            if label is None or len(label.text) < 4:
                continue
            if rng.random() < 0.5:
                touches.append(Touch("rows_split", _keys(row), f"label {label.text!r} on its own line above"))
                t.rows.insert(i, _line(label.text))
                label.text = ""
            else:
                cut = rng.randint(2, len(label.text) - 2)
                head, tail = label.text[:cut], label.text[cut:]
                touches.append(Touch("rows_split", _keys(row), f"label broken: {head!r} / {tail!r} below"))
                label.text = head
                t.rows.insert(i + 1, _line(tail))
    return touches


# ---- extraction-like damage (Markdown converters) ----------------------------------------------------------


def md_split_tables(doc: Doc, rng: random.Random) -> list[Touch]:
    """One table cut into several pipe tables (a page break: blank line, the next row taken as a header row)."""
    touches = []
    for t in _tables(doc):
        for i in sorted(_sample(rng, _data_rows(t)[1:], 0.12), reverse=True):
            touches.append(Touch("md_split_tables", [], f"new pipe table at {_label_text(t.rows[i])!r}"))
            t.rows.insert(i, _line(""))
    return touches


def md_header_repeat(doc: Doc, rng: random.Random) -> list[Touch]:
    """The header rows repeated mid-table, after a page break, as converters repeat a table's heading rows."""
    touches = []
    for t in _tables(doc):
        data = _data_rows(t)
        header = [r for r in t.rows[: data[0]] if all(c.header for c in r)] if data else []
        if not header:
            continue
        for i in sorted(_sample(rng, data[1:], 0.08), reverse=True):
            copies = [[Cell(c.text, header=True) for c in r] for r in header]
            t.rows[i:i] = [_line(""), *copies]
            touches.append(
                Touch(
                    "md_header_repeat",
                    [],
                    f"{len(copies)} header rows before {_label_text(t.rows[i + 1 + len(copies)])!r}",
                )
            )
    return touches


def md_header_fragments(doc: Doc, rng: random.Random) -> list[Touch]:
    """Header cells as one loose line of fragments (``商业企科研机社会公法律服``), outside the pipe table."""
    touches = []
    for t in _tables(doc):
        data = _data_rows(t)
        if not data:
            continue
        for i in range(data[0] - 1, -1, -1):
            row = t.rows[i]
            if is_line(row) or not all(c.header for c in row):
                continue
            texts = [c.text for c in row if c.text]
            if len(texts) < 3 or rng.random() < 0.3:
                continue
            frag = "".join(s[: rng.choice((2, 3, 3, 4))] for s in texts)
            t.rows[i] = _line(frag)
            touches.append(Touch("md_header_fragments", [], f"{' '.join(texts)} → {frag}"))
    return touches


def md_labels_apart(doc: Doc, rng: random.Random) -> list[Touch]:
    """Labels on lines of their own, their numbers in label-less pipe rows further down."""
    touches = []
    for t in _tables(doc):
        data = _data_rows(t)
        runs = [data[j : j + 3] for j in range(0, len(data), 3)]
        for run in sorted(_sample(rng, runs, 0.3), reverse=True):
            if run != list(range(run[0], run[0] + len(run))):
                continue
            labels = []
            keys: list[str] = []
            for i in run:
                lab = _label_cell(t.rows[i])
                if lab is not None:
                    labels.append(lab.text)
                    lab.text = ""
                keys += _keys(t.rows[i])
            t.rows[run[0] : run[0]] = [_line(s) for s in labels] + [_line("")]
            touches.append(Touch("md_labels_apart", keys, " / ".join(labels)))
    return touches


def md_wrong_label(doc: Doc, rng: random.Random) -> list[Touch]:
    """A pipe row carrying its neighbour's label (a converter repeating a spanned label into the next row)."""
    touches = []
    for t in _tables(doc):
        data = _data_rows(t)
        pairs = [i for i in data if i - 1 in data]
        for i in _sample(rng, pairs, 0.06):
            own, prev = _label_cell(t.rows[i]), _label_cell(t.rows[i - 1])
            if own is None or prev is None or own.text == prev.text:
                continue
            touches.append(
                Touch("md_wrong_label", _keys(t.rows[i]), f"{own.text!r} → {prev.text!r}", recoverable=False)
            )
            own.text = prev.text
    return touches


def placeholders(doc: Doc, rng: random.Random) -> list[Touch]:
    """Empty cells filled by the converter: ``-`` in blank cells, ``数据1``/``Col2`` in empty header cells."""
    touches = []
    n = 0
    for t in _tables(doc):
        for row in t.rows:
            if is_line(row):
                continue
            for c in row:
                if c.text:
                    continue
                if c.header or not any(x.key for x in row):
                    n += 1
                    c.text = rng.choice((f"数据{n}", f"Col{n}", "-"))
                elif c.key or rng.random() < 0.5:
                    c.text = "-"
                    if c.key:
                        touches.append(Touch("placeholders", [c.key], "blank cell → -"))
    touches.append(Touch("placeholders", [], f"{n} empty header cells filled"))
    return touches


# ---- table-recognition damage (an OCR model's table structure, as MinerU and PP-Structure write it) ----------


def zero_letters(doc: Doc, rng: random.Random) -> list[Touch]:
    """A row whose every value is 0 read with every 0 as one letter (O, o or 〇, one per row): the row's label,
    then nothing but letters, as a table-recognition OCR reads a row of zeros."""
    touches = []
    for t in _tables(doc):
        for i in _data_rows(t):
            cells = [c for c in t.rows[i] if c.key]
            if len(cells) < 3 or any(c.text != "0" for c in cells):
                continue
            letter = rng.choice("OoO〇")
            for c in cells:
                c.text = letter
            touches.append(Touch("zero_letters", _keys(t.rows[i]), f"{len(cells)} zeros as {letter}"))
    return touches


def cells_merged(doc: Doc, rng: random.Random) -> list[Touch]:
    """Two neighbouring value cells of a row read as one cell (``11 24``: a column boundary the model missed),
    in about one row in three: the row is a cell short (the HTML reader pads it at its end)."""
    touches = []
    for t in _tables(doc):
        for i in _sample(rng, _data_rows(t), 0.33):
            row = t.rows[i]
            pairs = [
                j
                for j in range(len(row) - 1)
                if row[j].key
                and row[j + 1].key
                and NUMBER.match(row[j].text)
                and NUMBER.match(row[j + 1].text)
                and row[j].rowspan == row[j + 1].rowspan == 1
                and row[j].colspan == row[j + 1].colspan == 1
            ]
            if not pairs:
                continue
            j = rng.choice(pairs)
            a, b = row[j], row[j + 1]
            detail = f"{a.text} | {b.text} → {a.text} {b.text}"
            touches.append(Touch("cells_merged", [a.key or "", b.key or ""], detail))
            a.text = f"{a.text} {b.text}"
            del row[j + 1]
    return touches


OCR_KINDS: dict[str, Damage] = {
    "digit_letters": digit_letters,
    "fullwidth_digits": fullwidth_digits,
    "label_chars": label_chars,
    "split_digits": split_digits,
    "dash_confusion": dash_confusion,
    "page_noise": page_noise,
    "rows_merged": rows_merged,
    "rows_split": rows_split,
}
MD_KINDS: dict[str, Damage] = {
    "md_split_tables": md_split_tables,
    "md_header_repeat": md_header_repeat,
    "md_header_fragments": md_header_fragments,
    "md_labels_apart": md_labels_apart,
    "md_wrong_label": md_wrong_label,
    "placeholders": placeholders,
}
TABLE_KINDS: dict[str, Damage] = {"zero_letters": zero_letters, "cells_merged": cells_merged}
KINDS: dict[str, Damage] = {**OCR_KINDS, **MD_KINDS, **TABLE_KINDS}


def apply(doc: Doc, kinds: list[str], seed: int) -> list[Touch]:
    """Apply the named damage kinds in order to ``doc`` (flattened, changed in place), all from one seed."""
    rng = random.Random(seed)
    touches: list[Touch] = []
    for kind in kinds:
        touches += KINDS[kind](doc, rng)
    return touches
