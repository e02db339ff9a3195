"""The shared parse's shortcuts give what the plain definitions give.

``parsers.report.build_report`` takes shortcuts for speed (issue 13). In the narrative: prose lines that cannot
state a number are not read for statements, the subjects a line names are read only when a later statement needs
them, sentence and clause bounds are looked up among end characters found once per line. In the tables: a label,
dash or number cell is made whole without the splitting function, a label no row matches is passed over with one
search, ``first_index`` searches the labels joined by newlines, a cell's ``Where`` is made without the frozen
dataclass's ``__init__``, and table 三's reading by order is skipped when the reading by labels scores the most a
reading can; after tables 三 and 四 are read, which of them hold is looked at once for both (cells, checks,
warnings), the text is asked for OCR's marks before a row of table 三 is refused (``placement_open``) only where a
row is open, and table 三 known by its rows is looked for among the label tokens only. Each test checks
a shortcut against the plain definition it replaces, on the fixtures' texts and seeded damaged copies of them
(``scripts/parse_snapshot.py`` compares whole outputs before and after a change).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import itertools
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]
from conftest import load_source

from parsers import api, narrative, tables
from parsers.hard_breaks import HARD_BREAK
from parsers.model import Cell, Check, Warning_, Where
from parsers.readers import read
from parsers.tables import applications_start, text_layer, unconfirmed
from parsers.tables.checks import application_checks, review_checks
from parsers.tables.poppler_blocks import is_poppler_blocks
from parsers.tables.reading import Reading, new_where
from parsers.tables.templates import (
    ACTIVE_ROWS,
    APPLICANT_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    LEGACY_ROWS,
    RowDef,
    union,
)
from parsers.tables.text_layer import printed_empty
from parsers.tables.token_numbers import split_trailing_numbers
from parsers.tables.tokenizer import _add_cell
from parsers.tables.tokens import (
    COMPACT,
    END,
    GLUED,
    IS_LABELISH,
    IS_VALUE,
    OCR_RAW,
    SPACED,
    START,
    TABBED,
    Token,
    normalise,
    token,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _texts() -> list[str]:
    paths = sorted(FIXTURES.glob("seeds/*.txt")) + sorted(FIXTURES.glob("corpus/*/*.txt"))
    paths += sorted(FIXTURES.glob("corpus/*/*.md")) + sorted(FIXTURES.glob("layout/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += [read(p.read_bytes(), "html").text for p in sorted(FIXTURES.glob("rendered/*.html"))]
    for snippets in sorted(FIXTURES.glob("narrative/*.yaml")):  # real phrasing of statements, one per item
        texts += [item["text"] for item in yaml.safe_load(snippets.read_text(encoding="utf-8"))]
    # a bare number after 为 (no unit) is a statement of zero: phrasing the fixtures lack
    texts += ["本年度被申请行政复议数量为0，行政诉讼案件数为 0。", "收到申请数量为0；结转下年度继续办理为〇。"]
    return texts


def _damaged(texts: list[str], n: int) -> list[str]:
    """Seeded damaged copies (``scripts/parse_snapshot.py``'s, which compares whole outputs on them too)."""
    spec = importlib.util.spec_from_file_location("parse_snapshot", ROOT / "scripts" / "parse_snapshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["parse_snapshot"] = module
    spec.loader.exec_module(module)
    damaged: list[str] = module.damaged_texts(texts, n)
    return damaged


TEXTS = _texts()
ALL = TEXTS + _damaged(TEXTS, 60)


def test_corpus_is_not_trivial() -> None:
    assert len(TEXTS) >= 50


# ---------------------------------------------------------------- narrative


def _eager_statements(text: str, year: int | None) -> tuple[list[narrative.Statement], list[narrative.Unpinned]]:
    """``read_statements`` as plainly defined: every prose line read, the subjects folded in line by line."""
    norm = normalise(text)
    statements: list[narrative.Statement] = []
    unpinned: list[narrative.Unpinned] = []
    subject: str | None = None
    case: str | None = None
    for at, line in narrative._narrative_lines(norm):
        found, skipped = narrative._line_statements(
            line, text[at : at + len(line)], year, lambda which, s=subject, c=case: (s, c)[which]
        )
        statements += [
            dataclasses.replace(s, offset=s.offset + at, end=s.end + at, sentence_offset=s.sentence_offset + at)
            for s in found
        ]
        unpinned += [dataclasses.replace(u, offset=u.offset + at, end=u.end + at) for u in skipped]
        line_subject, line_case = narrative._subjects(line)
        subject, case = line_subject or subject, line_case or case
    return statements, unpinned


@pytest.mark.parametrize("year", [2023, None])
def test_read_statements_as_plainly_defined(year: int | None) -> None:
    stated = 0
    for text in ALL:
        got = narrative.read_statements(text, year)
        assert got == _eager_statements(text, year)
        stated += len(got[0])
    assert stated > 50


def test_prose_lines_as_plainly_defined() -> None:
    """``_narrative_lines`` passes a TAB row over before it strips the line: the lines the plain test keeps."""

    def plain(text: str) -> list[tuple[int, str]]:
        out, offset = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped and "\t" not in line and not stripped.startswith("|") and len(stripped) >= 6:
                out.append((offset, line))
            offset += len(line) + 1
        return out

    odd = ["  一二三四五六七  ", "\t甲乙丙丁戊己", "甲乙\t丙丁戊己", " | 甲乙丙丁戊"]
    odd += ["甲乙丙丁戊\t", "\u3000甲乙丙丁戊己", "甲乙丙丁戊己"]
    for text in [*ALL, "\n".join(odd)]:
        norm = normalise(text)
        assert list(narrative._narrative_lines(norm)) == plain(norm)


def test_a_line_that_may_state_nothing_states_nothing() -> None:
    skipped = kept = 0
    subjects: list[tuple[str | None, str | None]] = [(None, None), ("application", "review"), ("other", "litigation")]
    for text in ALL:
        for _, line in narrative._narrative_lines(normalise(text)):
            if narrative._may_state(line):
                kept += 1
                continue
            skipped += 1
            for named in subjects:
                assert narrative._line_statements(line, line, 2023, lambda which, n=named: n[which]) == ([], []), line
    assert skipped > kept > 0  # most prose lines are passed over, and the test sees both kinds


def _start_of_plain(text: str, pos: int, ends: str) -> int:
    i = pos
    while i > 0 and text[i - 1] not in ends:
        i -= 1
    return i


def _end_of_plain(text: str, pos: int, ends: str) -> int:
    i = pos
    while i < len(text) and text[i] not in ends:
        i += 1
    return i


def test_sentence_and_clause_bounds_as_plainly_defined() -> None:
    rnd = random.Random(7)
    alphabet = "申请复议，,。；;！!？?()（）、件12 \n"
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 30)))
        pos = rnd.randrange(0, len(text) + 1)
        for ends in (narrative._CLAUSE_END, narrative._SENTENCE_END):
            bounds = narrative._Bounds(text)
            assert bounds.start(pos, ends) == _start_of_plain(text, pos, ends)
            assert bounds.end(pos, ends) == _end_of_plain(text, pos, ends)


# ---------------------------------------------------------------- tables


def _cells(texts: list[str]) -> set[str]:
    return {c.strip() for t in texts for line in normalise(t).split("\n") for c in line.split("\t") if c.strip()}


def test_a_cell_is_added_as_splitting_makes_it() -> None:
    cells = _cells(ALL)
    cells |= {w for c in cells for w in c.split()} | {"12项/3.5万元", "规章 0 0 0", "2772661 . 517", "行政许可1708"}
    whole = 0
    for cell in cells:
        added: list[Token] = []
        _add_cell(added, cell, 5, 1, 2, True)
        assert added == split_trailing_numbers(cell, 5, 1, 2, True), cell
        whole += added == [token(cell, 5, 5 + len(cell), 1, 2, True)]
    assert len(cells) > whole > 500


@pytest.mark.parametrize(
    "rows",
    [ACTIVE_ROWS, APPLICATION_ROWS_2021, APPLICATION_ROWS_2019, LEGACY_ROWS],
    ids=["active", "2021", "2019", "legacy"],
)
def test_union_finds_a_label_exactly_where_a_row_does(rows: list[RowDef]) -> None:
    rx = union(rows)
    labels = {"".join(c.split()) for c in _cells(ALL)}
    hits = 0
    for label in labels:
        expected = any(row.matches(label) for row in rows)
        assert (rx.search(label) is not None) == expected, label
        hits += expected
    assert 0 < hits < len(labels)


def test_wrapped_may_match_only_fails_where_no_row_matches_wrapped() -> None:
    rx = union(ACTIVE_ROWS)
    checked = 0
    for text in ALL[:40]:
        r = Reading(read(text.encode("utf-8"), "text"))
        for i, tok in enumerate(r.tokens):
            if not tok[IS_LABELISH] or r.wrapped_may_match(rx, i):
                continue
            checked += 1
            assert not any(r.matches_wrapped(row, i) for row in ACTIVE_ROWS)
    assert checked > 100


@pytest.mark.parametrize(
    "args",
    [(0, 3), (5, 9, 1, 0, 2, 3, None), (7, 8, 2, 1, 0, 0, (1.0, 2.0, 3.0, 4.0)), (1, 1, None, 4, None, 2)],
)
def test_new_where_is_where(args: tuple[object, ...]) -> None:
    made, plain = new_where(*args), Where(*args)  # type: ignore[arg-type]
    assert made == plain and hash(made) == hash(plain) and made.as_dict() == plain.as_dict()
    assert repr(made) == repr(plain) and dataclasses.asdict(made) == dataclasses.asdict(plain)
    # every field of Where is set (a field added to Where must be added to new_where)
    assert set(vars(made)) == {f.name for f in dataclasses.fields(Where)}


def test_order_reading_is_skipped_only_where_it_cannot_win(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the shortcut skips the reading by order, that reading (made anyway) never scores higher."""
    calls: list[tuple[object, ...]] = []
    skipped = 0
    source = load_source("parsers.tables.applications")  # its own calls see the patched name, compiled or not
    real: Callable[..., object] = source.fits_by_order

    def spy(r: Reading, rows: list[RowDef], start: int, end: int, fmt: str) -> object:
        calls.append((r, rows, start, end))
        return real(r, rows, start, end, fmt)

    monkeypatch.setattr(source, "fits_by_order", spy)
    monkeypatch.setattr(tables, "read_applications", source.read_applications)
    from parsers import parse

    for text in ALL:
        calls.clear()
        report = parse(text.encode("utf-8"), "report.txt")
        if calls or report.metadata.get("format") not in ("2021", "2019"):
            continue
        if any(w.code == "column_order" for w in report.warnings):
            continue  # text in column order: no table is read at all (parsers/tables/column_order.py)
        if any(w.code == "missing_table" and w.key == "applications" for w in report.warnings):
            continue  # no table 三 in the text: tables 二 and 四 read alone (parsers/tables/__init__.py)
        skipped += 1
        # the reading by labels read every cell of table 三 and every identity of it holds
        app = {k: c for k, c in report.cells.items() if k.startswith("applications/")}
        assert app and all(c.value is not None for c in app.values())
        assert all(c.passed for c in report.checks if c.name.startswith("applications/"))
    assert skipped >= 5


def _first_index_plain(r: Reading, pattern: str, start: int, end: int | None) -> int | None:
    rx = re.compile(pattern)
    stop = len(r.tokens) if end is None else min(end, len(r.tokens))
    return next((i for i in range(start, stop) if r.tokens[i][IS_LABELISH] and rx.search(r.tokens[i][COMPACT])), None)


_PATTERNS = [
    r"第二十条第\S{0,4}项",
    r"^(?:规章|(?:行政)?规范性文件)\d*$",
    r"主动公开政府信息情况$",
    r"行政复议|^四[、.]",
    r"^五[、.]|存在的主要问题|主要问题及改进|问题及改进|^六[、.]",
    r"本年增/?减",
    r"结转下年度",
    r"[^，]{3}处理",
    r"\d$|^\d",
    r"公开.*申请",
    r"(?:^|处理)[^\d]",
    r"^$|^.{1,2}$",
    r"(?<=行政)复议",  # a lookaround: asked label by label
    r"",
]


def test_first_index_as_plainly_defined() -> None:
    rnd = random.Random(5)
    found = 0
    for text in ALL[::3]:
        r = Reading(read(text.encode("utf-8"), "text"))
        n = len(r.tokens)
        for pattern in _PATTERNS:
            for _ in range(6):
                start = rnd.randrange(0, n + 1)
                end = rnd.choice([None, rnd.randrange(start, n + 2), n + 50])
                got = r.first_index(pattern, start, end)
                assert got == _first_index_plain(r, pattern, start, end), (pattern, start, end)
                found += got is not None
    assert found > 300


# ---------------------------------------------------------------- text conventions

_MARKED_TEXTS = [
    "规章\t0\t1\n| 规章 | 0 | 1 |\n|---|---|\n| 规范性文件 | 2 | 3 |\n",  # Markdown's pipe table
    "规章| 0| 1| 1\n---|---|---\n规范性文件| 2| 3| 4\n",  # html2text's, without the outer pipes
    "# 一、总体情况\n规章 0 1\n",  # a Markdown heading, no pipe
    "前言\n<TABLE><tr><td>规章</td><td>0</td></tr></TABLE>\n后记",  # an HTML table in upper case
    "《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》\n规章\t0\t1\n",  # '<' without a table
    "a <tables> b | c\n",
]


def test_a_text_without_pipes_or_html_tables_is_plain_as_the_marked_up_reading_finds() -> None:
    """``canonicalise``'s shortcut: a text with no ``|`` and no HTML table goes to ``_plain`` at once, without
    ``_marked_up``'s split into lines and scans of each line: what ``_marked_up`` makes of it."""
    from parsers import conventions

    short = 0
    for text in ALL + _MARKED_TEXTS:
        assert conventions._marked_or_plain(text) == conventions._marked_up(text), text[:200]
        short += "|" not in text and "<table" not in text.lower()
    assert short >= 100


# ---------------------------------------------------------------- tables 三 and 四 after their reading


def _read_tables_state(text: str) -> tuple[Reading, list[Check]] | None:
    """A text's Reading after tables 二, 三 and 四 are read row by row (as ``read_tables`` reads them), with the
    checks ``_reread_by_boxes`` is given; None for a text without table 三 of the 2019 or 2021 format."""
    r = Reading(read(text.encode("utf-8"), "text"))
    start = applications_start.find_applications_start(r)
    if start is None:
        return None
    fmt = tables._format(r, start, None, None)
    if fmt not in ("2021", "2019"):
        return None
    app_fmt = tables._read_three_tables(r, fmt, start)
    get = tables._values_getter(r)
    return r, application_checks(get, app_fmt) + review_checks(get)


STATES = [s for s in map(_read_tables_state, ALL) if s is not None]
_BOTH = ("applications", "review_litigation")
# keys a warning or a cell may carry: the tables', a prefix of one without its slash, others, none
_KEYS = [
    "applications/new_received/natural",
    "applications",
    "applicationsX/1",
    "review_litigation/review_upheld/total",
    "review_litigation",
    "review",
    "active/rules/new",
    None,
]


def _holds_plain(checks: list[Check], table: str, r: Reading) -> bool:
    """``_holds`` as it was defined, one table at a time."""
    return (
        all(c.passed and not c.blank for c in checks if c.name.startswith(table + "/"))
        and all(c.value is not None for k, c in r.cells.items() if k.startswith(table + "/"))
        and not any(w.code in tables._IN_DOUBT and w.key is not None and w.key.startswith(table) for w in r.warnings)
    )


def test_which_tables_hold_as_plainly_defined() -> None:
    """``_holding`` (every table's cells and warnings looked at once) is ``_holds`` asked of each table, on the
    readings of the texts and on copies of them with cells blanked, checks failed and warnings added."""
    rnd = random.Random(24)
    seen: set[tuple[str, bool]] = set()
    assert len(STATES) >= 40
    for r0, checks0 in STATES:
        for trial in range(6):
            r = Reading(r0.extracted, r0.norm, r0.canonical)
            r.cells, r.warnings, checks = dict(r0.cells), list(r0.warnings), list(checks0)
            for _ in range(trial and rnd.randint(0, 2)):
                if r.cells and rnd.random() < 0.5:
                    key = rnd.choice(list(r.cells))
                    r.cells[key] = Cell(key, None, "", None)
                else:
                    key = rnd.choice([k for k in _KEYS if k is not None])
                    r.cells[key] = Cell(key, None if rnd.random() < 0.7 else 1, "", None)
            for _ in range(trial and rnd.randint(0, 2)):
                if checks:
                    k = rnd.randrange(len(checks))
                    checks[k] = dataclasses.replace(checks[k], **rnd.choice([{"passed": False}, {"blank": True}]))
            for _ in range(trial and rnd.randint(0, 2)):
                code = rnd.choice([*sorted(tables._IN_DOUBT), "spaced_number", "duplicate_table"])
                r.warnings.append(Warning_(code, "", rnd.choice(_KEYS)))
            holding = tables._holding(checks, r)
            for table in _BOTH:
                plain = _holds_plain(checks, table, r)
                assert (table in holding) == plain, (table, trial)
                seen.add((table, plain))
    assert seen == {(t, h) for t in _BOTH for h in (True, False)}


def _refuse_open_rows_plain(r: Reading) -> None:
    """``refuse_open_rows`` as it was defined: the text asked whether OCR read it before the rows are looked at."""
    if text_layer.read_by_ocr(r):
        return
    rows = {w.key for w in r.warnings if w.code == "ambiguous" and w.key and w.key.startswith("applications/")}
    for row in sorted(rows):
        cells = [r.cells.get(f"{row}/{c}") for c in APPLICANT_COLUMNS]
        if any(c is None for c in cells):
            continue
        printed = [c for c in cells if c is not None and c.value is not None]
        lost = [c for c in cells if c is not None and c.value is None and c.raw == "" and not printed_empty(c)]
        if not printed or not lost:
            continue
        for c in printed:
            r.cells[c.key] = Cell(c.key, None, "", c.where)
        r.warn("placement_open", f"{row}: ...", row)


def _states_both_ways() -> Iterator[tuple[Reading, bool, Any, dict[str, Cell], list[Warning_]]]:
    """Each reading of ``STATES`` as text OCR read and as text no OCR read: the reading, whether OCR read it, its
    extracted text so marked, and copies of its cells and warnings to change."""
    for r0, _ in STATES:
        for ocr in (False, True):
            yield r0, ocr, dataclasses.replace(r0.extracted, ocr=ocr), dict(r0.cells), list(r0.warnings)


def test_open_rows_are_refused_as_plainly_defined() -> None:
    """``refuse_open_rows`` looks for OCR's marks only where a row is open: the same cells and warnings (codes and
    keys) as asking first, on the readings with rows made open (cells blanked, ``ambiguous`` warnings added), in
    text OCR read (``ocr``) and in text no OCR read."""
    rnd = random.Random(13)
    refused = kept_by_ocr = 0
    for r0, ocr, extracted, cells, warnings in _states_both_ways():
        rows = [k.rsplit("/", 1)[0] for k in cells if k.startswith("applications/")]
        for row in rnd.sample(sorted(set(rows)), min(3, len(set(rows)))):
            warnings.append(Warning_("ambiguous", "", row))
            key = f"{row}/{rnd.choice(APPLICANT_COLUMNS)}"
            if key in cells and rnd.random() < 0.7:
                cells[key] = Cell(key, None, "", None)
        outcomes = []
        for refuse in (text_layer.refuse_open_rows, _refuse_open_rows_plain):
            r = Reading(extracted, r0.norm, r0.canonical)
            r.cells, r.warnings = dict(cells), list(warnings)
            refuse(r)
            outcomes.append((r.cells, [(w.code, w.key) for w in r.warnings]))
        assert outcomes[0] == outcomes[1]
        n = sum(code == "placement_open" for code, _ in outcomes[0][1][len(warnings) :])
        refused += n
        kept_by_ocr += ocr and any(v.value is not None for v in cells.values())
    assert refused >= 20 and kept_by_ocr >= 20


def _by_its_rows_plain(r: Reading, start: int) -> int | None:
    """``_table_three_by_its_rows`` as it was defined: every token from ``start`` asked whether it is a TAB label a
    row matches."""
    rows = applications_start.ROWS_WITHOUT_TITLE
    tokens = r.tokens
    labels = [
        k
        for k in range(start, len(tokens))
        if tokens[k][IS_LABELISH]
        and tokens[k][TABBED]
        and applications_start.ANY_ROW_WITHOUT_TITLE.search(tokens[k][COMPACT])
    ]
    for n, first in enumerate(labels):
        seen: set[str] = set()
        for k in labels[n:]:
            if k >= first + 200:
                break
            seen.update(key for key, row in rows.items() if row.matches(tokens[k][COMPACT]))
            if len(seen) >= applications_start.MIN_ROWS_WITHOUT_TITLE:
                return applications_start.block_start(r, first)
    return None


def test_table_three_by_its_rows_as_plainly_defined() -> None:
    """The TAB labels a row matches, asked of the label tokens only, are those a pass over every token finds: the same
    table start from every 7th token of the texts (TAB tables: the rendered seeds' HTML and XLSX texts, whole
    and with table 三's title and first row misread, as the faxed scan printed them; the other texts)."""
    texts = [read(p.read_bytes(), p.suffix[1:]).text for p in sorted(FIXTURES.glob("rendered/*.xls*"))]
    texts += [read(p.read_bytes(), "html").text for p in sorted(FIXTURES.glob("rendered/*.html"))]
    misread = {"收到和处理政府信息公开申请": "收到和处理改府信息公并", "本年新收": "术年新路"}
    texts += [functools.reduce(lambda s, m: s.replace(*m), misread.items(), t) for t in texts]
    found = 0
    for text in texts + ALL[::3]:
        r = Reading(read(text.encode("utf-8"), "text"))
        for start in range(0, len(r.tokens) + 1, 7):
            got = applications_start.table_three_by_its_rows(r, start)
            assert got == _by_its_rows_plain(r, start), start
            found += got is not None
    assert found >= 100


# ---------------------------------------------------------------- OCR's digits


# the words ``ocr_digits`` reads as it was defined: a search whose lookbehind and lookahead keep to whole words between
# spaces (``ocr_digits._OCR_WORD`` is now the word alone, fullmatched on each run of non-spaces)
_OCR_WORD_BETWEEN_SPACES = re.compile(
    r"(?<![^\s])[{}]?[0-9OoDQIil|!SsBZz〇θΘøØ][0-9OoDQIil|!SsBZz〇θΘøØ,.]*[{}]?(?![^\s])"
)


def _ocr_digits_plain(line: str, *, ruled: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """``ocr_digits.ocr_digits`` as it was defined: the line's rule marks counted and its characters copied before
    any word is looked at, the copy joined back whatever changed."""
    from parsers.tables import ocr_digits as t

    glued_rules = t._rule_cells(line)
    if glued_rules is not None:
        return glued_rules
    if "|" in line and (m := t._LABEL_BAR.search(line)) is not None:
        return t._label_bars(line, m, ruled)
    has_numbers: bool | None = None
    ruled = ruled or sum(map(line.count, "|[]{}")) >= t.RULED_MARKS
    out = list(line)
    fixes: list[tuple[int, int]] = []
    for m in _OCR_WORD_BETWEEN_SPACES.finditer(line):
        word, at = m.group(), m.start()
        if word in ("|", "||", "!"):
            out[at : m.end()] = " " * len(word)
            continue
        edges = "|{}" if ruled else "{}"
        core = word.strip(edges)
        if core != word and t.DIGIT.search(core):
            lead = len(word) - len(word.lstrip(edges))
            if core[:1] in ",." and core[1:2].isdigit():
                core, lead = core[1:], lead + 1
            out[at : at + lead] = " " * lead
            out[at + lead + len(core) : m.end()] = " " * (len(word) - lead - len(core))
            fixes.append((at, m.end()))
            word, at = core, at + lead
        mixed = t.DIGIT.search(word) and t._CONFUSABLE.search(word) and word[0] not in ",." and word[-1] not in ",."
        lone = t._LONE_CONFUSABLE.fullmatch(word) is not None
        if lone and has_numbers is None:
            has_numbers = bool(t._REAL_NUMBER.search(line) or t.LETTER_ROW.search(line))
        lone = lone and bool(has_numbers)
        if mixed or lone:
            fixed = word.translate(t.OCR_MAP)
            if t.NUMBER_RE.fullmatch(fixed):
                out[at : at + len(word)] = fixed
                fixes.append((at, at + len(word)))
    return "".join(out), fixes


# lines as OCR prints them: rules alone and at a number's edge (on a line of rule marks or not), braces, specks,
# confusable letters in and as numbers, and prose that holds a confusable letter and a digit apart
_OCR_LINES = [
    "行政许可 | 3628| 123 | 3 |",
    "行政许可 3744| 12 |138| 0",
    "规章 {1060 2 |.241 5",
    "规章 1O l4 〇 S5 o l",
    "规章 o l 0 ! || 7",
    "行政处罚 O O O O O",
    "完成政府门户网站IPV6改造,二级链接支持率达到100%。",
    "共收到申请 12 件,其中 l 件 in 2022 were Iisted",
    "[12] |3 fo lo Jo [lo",
]


@pytest.mark.parametrize("ruled", [False, True])
def test_ocr_digits_as_plainly_defined(ruled: bool) -> None:
    """``ocr_digits`` counts a line's rule marks only when a word asks, and copies its characters only when one
    changes (most lines that come to it are prose that prints a confusable letter and a digit apart, returned
    as they are): what the plain definition gives, on every line of the texts and OCR's lines."""
    from parsers.tables import ocr_digits as t

    lines = [ln for text in ALL for ln in normalise(text).split("\n") if t._CONFUSABLE.search(ln)] + _OCR_LINES
    changed = same = 0
    for line in lines:
        got = t.ocr_digits(line, ruled=ruled)
        assert got == _ocr_digits_plain(line, ruled=ruled), line
        changed += got[0] != line
        same += got[0] == line and not got[1]
    assert changed >= 8 and same >= 100, (changed, same)


# ---------------------------------------------------------------- canonicalise's marks, a cell's reader span


def _canonicalise_plain(text: str) -> object:
    """``canonicalise`` as it was defined: each two-character mark searched for where a branch asks for it."""
    from parsers import conventions as c

    if "]{" in text and "+-" in text and (rejoined := c.rejoin_cut_frames(text)) is not None:
        return c._on_top(
            _canonicalise_plain(rejoined[0]),  # type: ignore[arg-type]
            c.Canonical(rejoined[0], "frame_rejoined", rejoined[1], rejoined[2], notes=[rejoined[3]]),
        )
    if "]{" in text and (stripped := c.strip_spans(text)) is not None:
        return c._on_top(
            _canonicalise_plain(stripped[0]),  # type: ignore[arg-type]
            c.Canonical(stripped[0], "pandoc_spans", stripped[1], stripped[2]),
        )
    if c.EVIDENT.search(text) and (reversed_ := c.reverse_mojibake(text)) is not None:
        return c._on_top(
            _canonicalise_plain(reversed_[0]),  # type: ignore[arg-type]
            c.Canonical(reversed_[0], "mojibake", reversed_[1], reversed_[2], notes=reversed_[3]),
        )
    if c._PICTURE_END in text and (picture := c._picture_text(text)) is not None:
        return c._on_top(
            _canonicalise_plain(picture[0]),  # type: ignore[arg-type]
            c.Canonical(picture[0], "picture_text", [0], [0], notes=[picture[1]]),
        )
    if "\\" in text and (unbroken := c.read_hard_breaks(text)) is not None:
        return c._on_top(
            _canonicalise_plain(unbroken),  # type: ignore[arg-type]
            c.Canonical(unbroken, "hard_breaks", [0], [0]),
        )
    if ("\n." in text or "\\" in text or c._SHORT_NUMBER_LINE.search(text)) and (pieces := c.join_pieces(text)):
        return c._on_top(
            _canonicalise_plain(pieces[0]),  # type: ignore[arg-type]
            c.Canonical(pieces[0], "joined", pieces[1], pieces[2], notes=pieces[3]),
        )
    if "+-" in text and (unframed := c._unframe(text)) is not None:
        return c._on_top(
            _canonicalise_plain(unframed[0]),  # type: ignore[arg-type]
            c.Canonical(unframed[0], "unframed", [0], [0], notes=[unframed[1]]),
        )
    if "+-" in text and (rewrapped := c.rejoin_wrapped_grids(text)) is not None:
        return c._on_top(
            _canonicalise_plain(rewrapped[0]),  # type: ignore[arg-type]
            c.Canonical(rewrapped[0], "rewrapped", rewrapped[1], rewrapped[2], notes=[rewrapped[3]]),
        )
    if ("\u2502" in text or "+-" in text) and (drawn := c.redraw(text)) is not None:
        inner = _canonicalise_plain(drawn[0])
        inner.convention = "drawn"  # type: ignore[attr-defined]
        return c._on_top(inner, c.Canonical(drawn[0], "drawn", drawn[1], drawn[2]))  # type: ignore[arg-type]
    if (dashed := c.em_dashes(text)) is not None:
        return c._on_top(c._marked_or_plain(dashed), c.Canonical(dashed, "em_dashes"))
    return c._marked_or_plain(text)


# texts that print the marks: pandoc's bracketed spans, grid-table frames, both, a brace or a plus alone
_MARK_TEXTS = [
    "一、总体情况\n[规章]{.underline}\t0\t1\n[规范性文件]{.mark}\t2\t3\n",
    "+----------+-----+\n| 规章     | 0   |\n+----------+-----+\n| 规范性文件 | 2   |\n+----------+-----+\n",
    "+--------------------+\n| [规章]{.u} 0 1       |\n+--------------------+\n"
    "| [规范性文件]{.u} 2 3 |\n+--------------------+\n",
    "[注] 本表{单位：件}\n合计 1+2-3\n",
    "a ]{ b +- c\n\u2502 规章 \u2502 0 \u2502\n",
]


def test_canonicalise_asks_each_mark_as_plainly_defined() -> None:
    """``canonicalise`` asks ``]{`` and ``+-`` once each, and only where ``]`` and ``+`` are printed: the same
    canonical text, convention and offsets as asking each branch's mark where it stands."""
    from parsers import conventions

    marked = 0
    for text in ALL + _MARKED_TEXTS + _MARK_TEXTS:
        assert conventions.canonicalise(text) == _canonicalise_plain(text), text[:200]
        marked += "]{" in text or "+-" in text
    assert marked >= len(_MARK_TEXTS)


def _value_rows(r: Reading) -> list[list[Token]]:
    """The value tokens of a reading, in runs of up to seven (a row's cells), as ``put_cells`` is given them."""
    values = [t for t in r.tokens if t[IS_VALUE]]
    return [values[k : k + 7] for k in range(0, len(values), 7)]


def test_a_cells_span_is_the_span_bisect_finds() -> None:
    """``put_cells`` takes the span after the last cell's when it holds the cell's offset by its own start and the
    next span's: the span ``bisect`` finds (``Reading._where_at``) for every cell, the rows put in text order,
    in reverse, shuffled, and with the reader's spans shuffled (then every cell is searched)."""
    rnd = random.Random(5)
    docs = [read(p.read_bytes(), p.suffix[1:]) for p in sorted((FIXTURES / "rendered").glob("*.htm*"))]
    docs += [read(p.read_bytes(), p.suffix[1:]) for p in sorted((FIXTURES / "rendered").glob("*.xlsx"))]
    recorded = hinted = 0
    for doc, order in itertools.product(docs, ("text", "reversed", "shuffled", "spans shuffled")):
        r = Reading(doc)
        assert r._identity and r.extracted.spans
        rows = _value_rows(r)
        if order == "reversed":
            rows = [row[::-1] for row in reversed(rows)]
        elif order == "shuffled":
            rnd.shuffle(rows)
        elif order == "spans shuffled":
            pairs = list(zip(r._spans, r._span_starts, strict=True))
            rnd.shuffle(pairs)
            r._spans, r._span_starts = [p[0] for p in pairs], [p[1] for p in pairs]
            assert not r.spans_ordered()
        for n, row in enumerate(rows):
            keys = [f"t/{n}/{k}" for k in range(len(row))]
            r.put_cells(keys, row, r.tokens[0])
            for key, tok in zip(keys, row, strict=True):
                cell = r.cells[key]
                if tok[SPACED] is not None or tok[GLUED] or tok[OCR_RAW] is not None:
                    continue
                plain = r._where_at(tok[START], tok[END])
                assert cell.where == plain and list(vars(cell.where)) == list(vars(plain)), (order, key, tok)
                recorded += 1
        hinted += r._span_hint >= 0
    assert recorded > 3000 and hinted >= len(docs) * 3


def _readable_share_plainly(text: str, sample: int = 20000) -> float:
    """``api.readable_share`` as it was defined: the non-space characters counted, the unreadable ones found."""
    head = text[:sample]
    chars = len("".join(head.split()))
    if chars < 200:
        return 1.0
    return (chars - len(api._UNREADABLE.findall(head))) / chars


def test_readable_share_as_plainly_defined() -> None:
    """A text read whole by the run of readable characters is 1.0, as counting finds it; any other as counted
    (an unreadable character anywhere in the sample, at its start or end, or only past it)."""
    rng = random.Random(13)
    readable = ["政", "府", "信", "息", "1", "a", "。", "，", "①", "Ⅱ", "─", "\u3000", "\u00a0", "é", "ж"]
    spaces = [" ", "\t", "\n", "\r", "\x0b", "\x1c", "\u2028", "\u3000"]
    unreadable = ["\x00", "\x07", "\ue000", "\U00020000", "\u0e01", "\ufffd", "\x7f", "\u3040"]
    for _ in range(1500):
        n = rng.choice([0, 5, 150, 199, 200, 201, 260, 800])
        chars = [rng.choice(readable + spaces) for _ in range(n)]
        for _ in range(rng.choice([0, 0, 1, 3, 40])):
            if chars:
                chars[rng.randrange(len(chars))] = rng.choice(unreadable)
        text = "".join(chars)
        sample = rng.choice([20000, 20000, 100, 250])
        assert api.readable_share(text, sample) == _readable_share_plainly(text, sample), (text, sample)
    assert api.readable_share("政" * 20000 + "\x00") == 1.0  # past the sample
    assert api.readable_share("\x00" * 300) == 0.0


def _refuse_lone_totals_plain(r: Reading) -> list[str]:
    """``refuse_lone_totals`` as it was defined: the text asked for OCR's marks first, whether a row lost its
    cells or not."""
    if text_layer.read_by_ocr(r):
        return []
    return unconfirmed.refuse_lone_totals(r)


def test_lone_totals_are_refused_as_plainly_defined() -> None:
    """``refuse_lone_totals`` asks the text for OCR's marks only where a row of table 三 lost its applicants' cells
    (``missing_cell``): the same cells, warnings and keys as asking first, on the readings with rows made lone
    (applicant cells blanked, ``missing_cell`` warnings added, on table 三's rows and on others), in text OCR read
    and in text no OCR read."""
    rnd = random.Random(17)
    refused = kept_by_ocr = 0
    for r0, ocr, extracted, cells, warnings in _states_both_ways():
        rows = sorted({k.rsplit("/", 1)[0] for k in cells if k.startswith("applications/")})
        for row in rnd.sample(rows, min(rnd.choice([0, 1, 3]), len(rows))):
            warnings.append(Warning_("missing_cell", "", rnd.choice([row, row + "/natural", "review_litigation"])))
            for col in APPLICANT_COLUMNS[:-1]:
                key = f"{row}/{col}"
                if key in cells and rnd.random() < 0.9:
                    cells[key] = Cell(key, None, "", None)
        outcomes = []
        for refuse in (unconfirmed.refuse_lone_totals, _refuse_lone_totals_plain):
            r = Reading(extracted, r0.norm, r0.canonical)
            r.cells, r.warnings = dict(cells), list(warnings)
            outcomes.append((refuse(r), r.cells, [(w.code, w.key) for w in r.warnings]))
        assert outcomes[0] == outcomes[1]
        refused += len(outcomes[0][0])
        kept_by_ocr += ocr and any(w.code == "missing_cell" for w in warnings)
    assert refused >= 20 and kept_by_ocr >= 20


def _marks_of_ocr_plain(r: Reading, lo: int, hi: int) -> bool:
    """``marks_of_ocr`` as it was defined: the hard breaks, ``Col`` names and Markdown escapes replaced in every
    region, whether it prints a backslash or ``Col`` or not."""
    if r.extracted.ocr:
        return True
    assert r.canonical is not None
    if r.canonical.convention == "drawn":
        return False  # (version 361: a drawn table is a converter's)
    region = r.extracted.text[lo:hi]
    if any(code == "layout_table" for code, _ in r.canonical.notes):
        region = text_layer._FRAME_BARS.sub(" ", region)
    region = text_layer._MD_ESCAPES.sub(" ", text_layer._COL_NAMES.sub(" ", HARD_BREAK.sub(" ", region)))
    mixed = text_layer._MIXED_PARENS[0].search(region) and text_layer._MIXED_PARENS[1].search(region)
    if mixed and not is_poppler_blocks(r.extracted.text):  # (poppler's default text: brackets of both widths typed)
        return True
    if r.canonical.convention in ("markdown", "markdown_html"):
        tags = text_layer._CUT_TAGS.sub("", text_layer._TAGS.sub("", region))  # (version 361: cut tags too)
        return text_layer._OCR_MARKS_MD.search(tags) is not None
    return text_layer._OCR_MARKS.search(region) is not None


def test_marks_of_ocr_as_plainly_defined() -> None:
    """``marks_of_ocr`` replaces pandoc's hard breaks and Markdown's escapes only in a region that prints a
    backslash, and PyMuPDF4LLM's ``Col`` names only in one that prints ``Col``: the same answer as replacing them
    always, on windows of the fixtures' texts and of copies with hard breaks, escapes, ``Col`` names and marks put
    in at random."""
    rnd = random.Random(19)
    pieces = ["\\", "本年\\", "情\\  ", "1\\.", "\\(", "Col2", "XCol3", "Col", "col4", "|", "(", "）", "A", "\\\\"]
    found = {True: 0, False: 0}
    for r0, _ in STATES:
        text = r0.extracted.text
        variants = [text]
        for _ in range(4):
            chars = list(text)
            for _ in range(rnd.choice([1, 3, 10])):
                at = rnd.randrange(len(chars) + 1)
                chars.insert(at, rnd.choice(pieces) + rnd.choice(["", "\n", " ", "0"]))
            variants.append("".join(chars))
        for variant in variants:
            r = Reading(dataclasses.replace(r0.extracted, text=variant), r0.norm, r0.canonical)
            for _ in range(6):
                lo = rnd.randrange(len(variant) + 1)
                hi = rnd.choice([lo + rnd.randrange(2000), len(variant)])
                got = text_layer.marks_of_ocr(r, lo, hi)
                assert got == _marks_of_ocr_plain(r, lo, hi), (variant[lo:hi][:300], lo, hi)
                found[got] += 1
    assert min(found.values()) >= 50
