"""The shared parse's shortcuts of issue 13's third and fifth passes give what the plain definitions give.

Each test holds one shortcut to the definition it replaces, on the fixtures' texts, seeded damaged copies of them
and copies with OCR's letter-for-digit confusions (``tests/test_parse_speedups.py``'s). ``scripts/parse_snapshot.py``
compares whole outputs before and after.
"""

from __future__ import annotations

import dataclasses
import gc
import random
import re
from pathlib import Path

import pytest
from conftest import load_source

import parsers.tables
from parsers import sections
from parsers.extracted import Extracted
from parsers.model import Cell, Check, Where
from parsers.tables import (
    active_columns,
    active_rows,
    checks,
    column_order,
    ocr_digits,
    paragraph_cells,
    reading,
    realign,
    token_numbers,
    tokens,
)
from parsers.tables.reading import Reading
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_VALUE,
    LINE,
    OCR_RAW,
    SPACED,
    START,
    TABBED,
    TEXT,
)
from tests.test_parse_shortcuts import ALL
from tests.test_parse_speedups import CONFUSED


def _readings() -> list[Reading]:
    return [Reading(Extracted("text", text)) for text in ALL + CONFUSED]


READINGS = _readings()


def test_tokens_run_in_line_order_and_a_line_is_its_tokens() -> None:
    lines = 0
    for r in READINGS:
        assert [t[LINE] for t in r.tokens] == sorted(t[LINE] for t in r.tokens)
        for line in {t[LINE] for t in r.tokens} | {-1, 10**6}:
            assert r.line_tokens(line) == [t for t in r.tokens if t[LINE] == line]
            lines += 1
    assert lines > 5000


def test_running_heads_counted_among_the_labels_are_those_counted_among_all_tokens() -> None:
    heads = 0
    for r in READINGS:
        counts: dict[str, int] = {}
        for t in r.tokens:  # the plain definition: every token that starts a line, not a value
            if t[COL] == 0 and len(t[COMPACT]) >= 8 and not t[IS_VALUE]:
                counts[t[COMPACT]] = counts.get(t[COMPACT], 0) + 1
        for i in r._labels:  # asked of labels only (Reading._joins)
            tok = r.tokens[i]
            plain = len(tok[COMPACT]) >= 8 and counts.get(tok[COMPACT], 0) >= 3
            assert r._running_head(tok) == plain, tok[TEXT]
            heads += plain
    assert heads > 0


def test_a_check_is_blank_when_every_operand_is() -> None:
    rnd = random.Random(5)
    blanks = 0
    for _ in range(5000):
        lv = [rnd.choice([None, None, 0, 1, 2.5]) for _ in range(rnd.randint(0, 4))]
        rv = [rnd.choice([None, None, 0, 3]) for _ in range(rnd.randint(0, 3))]
        c = checks._check_values("x", ["a"] * len(lv), ["b"] * len(rv), lv, rv)
        assert c.blank == all(v is None for v in lv + rv)
        assert c.left == checks._tidy(sum(v for v in lv if v is not None))
        blanks += c.blank
    assert 100 < blanks < 4900


def test_a_blank_cell_is_the_token_of_an_empty_cell() -> None:
    for start, line, col in [(0, 0, 0), (17, 3, 5), (4096, 120, 14)]:
        made, plain = tokens.blank_cell(start, line, col), tokens.token("", start, start, line, col, True)
        assert made == plain


def test_a_tokens_derived_fields_are_its_texts_whatever_the_cache_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = 0
    for r in READINGS[:40]:
        for t in r.tokens:
            assert t[COMPACT:] == tokens._derive(t[TEXT])
            checked += 1
    assert checked > 5000
    # a small cache, emptied whenever it is full: the same fields, and it stays within its bound
    monkeypatch.setattr(tokens, "DERIVED", {})
    monkeypatch.setattr(tokens, "_DERIVED_MAX", 50)
    for r in READINGS[:5]:
        for t in r.tokens:
            again = tokens.token(t[TEXT], t[START], t[END], t[LINE], t[COL], t[TABBED])
            derived = again[tokens.COMPACT :]
            assert derived == tokens._derive(t[TEXT])
            assert len(tokens.DERIVED) <= 50


def test_a_line_prints_a_confusable_letter_where_the_class_finds_one() -> None:
    lines = 0
    for text in ALL + CONFUSED:
        norm = tokens.normalise(text)
        present = [c for c in ocr_digits.CONFUSABLE_CHARS if c in norm]
        for line in norm.split("\n"):
            assert any(c in line for c in present) == (ocr_digits._CONFUSABLE.search(line) is not None)
            lines += 1
    assert lines > 10000


HEADING_LINES = [
    "一、总体情况",
    "  二. 主动公开政府信息情况",
    "## 三、收到和处理政府信息公开申请情况 ",
    "**四、政府信息公开行政复议、行政诉讼情况**",
    "> 五 、 存在的主要问题及改进情况",
    "六、其他需要报告的事项\t1",
    "本机关一、二、三、四",
    "一、二、三、总体",
    "  一、",
    "三、" + "很" * 50,
    "一一、总体情况",
    "\t# 二、主动公开",
    "\r三、收到和处理",
    "x四、行政复议",
]


def test_heading_lines_are_those_the_whole_text_search_finds() -> None:
    rnd = random.Random(9)
    texts = [tokens.normalise(t) for t in ALL + CONFUSED]
    texts += ["\n".join(rnd.choice(HEADING_LINES) for _ in range(12)) for _ in range(300)]
    found = 0
    for norm in texts:
        plain = [(m.span(), m.groupdict()) for m in sections._HEADINGS.finditer(norm)]
        assert [(m.span(), m.groupdict()) for m in sections._heading_lines(norm)] == plain
        found += len(plain)
    assert found > 1000


# ---------------------------------------------------------------- the fifth pass


def test_a_decimal_digit_is_what_the_regex_calls_a_digit() -> None:
    digit = re.compile(r"\d")
    assert all((digit.fullmatch(chr(c)) is not None) == chr(c).isdecimal() for c in range(0x110000))


def test_a_label_that_ends_in_neither_a_digit_nor_a_comma_has_no_number_glued_to_it() -> None:
    texts = [t[TEXT] for r in READINGS for i in r._labels for t in [r.tokens[i]]]
    texts += _random_strings("规章0１9,. \t件a", 20000, 12, seed=3)
    glued = 0
    for text in texts:
        m = reading.GLUED_RE.match(text)
        if not text[-1:].isdecimal() and text[-1:] != ",":  # the shortcut in Reading.find: not asked
            assert m is None, text
        glued += m is not None
    assert glued > 100


def _random_strings(alphabet: str, n: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def test_number_lines_counted_from_their_newlines_are_those_the_multiline_search_finds() -> None:
    texts = ALL + CONFUSED + _random_strings("0１9,.-+ \t\n\r件条a", 20000, 30, seed=4)
    found = 0
    for text in texts:
        plain = len(column_order._NUMBER_LINES.findall(text))
        assert column_order.count_number_lines(text) == plain, text
        found += plain
    assert found > 5000


def test_numbers_in_paragraphs_of_their_own_counted_from_their_newlines_are_those_the_lookbehind_finds() -> None:
    """``is_paragraph_cells`` counts them by the newline before the blank line (issue 13, s42: the lookbehind had
    sre try a match at every character of every text a parse reads)."""
    texts = ALL + CONFUSED + _random_strings("0１9,.-+ \t\n\n\n件a", 20000, 30, seed=7)
    texts += ["\n\n".join(texts[k : k + 40]) for k in range(0, len(ALL), 40)]  # the fixtures' lines as paragraphs
    found = 0
    for text in texts:
        plain = len(paragraph_cells._PARAGRAPH_NUMBER.findall(text))
        assert len(paragraph_cells._PARAGRAPH_NUMBER_AHEAD.findall(text)) == plain, text
        found += plain
    assert found > 3000


def test_a_unit_or_slash_is_found_by_its_characters() -> None:
    plain = re.compile(rf"{token_numbers._UNIT}|[/;；]")  # a unit, or the slash or semicolon between count and amount
    texts = [t[TEXT] for r in READINGS for t in r.tokens if t[TEXT][:1].isdigit()]
    texts += _random_strings("万亿元件项个次人条家场期篇份/;；0.中", 20000, 6, seed=5)
    units = 0
    for text in texts:
        assert (token_numbers._UNIT_OR_SLASH.search(text) is not None) == (plain.search(text) is not None), text
        units += plain.search(text) is not None
    assert units > 1000


def test_a_text_without_the_radicals_blocks_prints_no_radical() -> None:
    for c in map(chr, range(0x110000)):
        if tokens._RADICAL_RE.search(c):
            assert tokens._may_print_radicals("中" + c + "a")
        elif not 0x2E00 <= ord(c) <= 0x2FFF and not 0xF900 <= ord(c) <= 0xFAFF and not 0xD800 <= ord(c) <= 0xDFFF:
            assert not tokens._may_print_radicals("中" + c + "a"), hex(ord(c))
    radicals = sorted(tokens._RADICAL_MAP)
    rnd = random.Random(6)
    texts = ALL[:200] + ["".join(rnd.choice([*radicals, "中", "a", "１"]) for _ in range(300)) for _ in range(50)]
    for text in texts:
        assert tokens.normalise(text) == text.translate(tokens._TABLE)


def test_value_only_lines_are_the_lines_whose_every_token_is_a_value() -> None:
    lines = 0
    for r in READINGS:
        plain: dict[int, bool] = {}
        for t in r.tokens:
            plain[t[LINE]] = plain.get(t[LINE], True) and t[IS_VALUE]
        assert r.value_only_lines() == {line for line, only in plain.items() if only}
        lines += len(r.value_only_lines())
    assert lines > 1000


def _after_header_plain(label: str) -> tuple[str, object] | None:
    if active_rows.LABELS is None:
        return None
    for whole in active_rows.LABELS_LONGEST_FIRST:
        head = label[: -len(whole)]
        if label.endswith(whole) and head and active_columns.header_keys(head):
            row = next((row for row in active_rows.ACTIVE_ROWS if row.matches(whole)), None)
            return (head, row) if row is not None else None
    return None


def test_a_label_after_a_header_is_found_as_the_loop_over_the_labels_finds_it() -> None:
    assert active_rows.LABELS
    labels = [r.tokens[i][COMPACT] for r in READINGS for i in r._labels]
    heads = ["本年增/减", "本年制发件数", "现行有效件数", "处理决定数量", "x", ""]
    labels += [h + whole for h in heads for whole in active_rows.LABELS]
    found = 0
    for label in labels:
        assert active_columns.after_header(label) == _after_header_plain(label), label
        found += _after_header_plain(label) is not None
    assert found > 20


def _span_readings() -> list[Reading]:
    """Readings of the rendered documents (cells with the reader's spans) and of texts read as text."""
    from parsers.readers import read

    rendered = Path(__file__).resolve().parent / "fixtures" / "rendered"
    paths = sorted(rendered.glob("*.html")) + sorted(rendered.glob("*.xlsx"))
    docs = [read(p.read_bytes(), p.suffix[1:]) for p in paths]
    return [Reading(e) for e in docs] + READINGS[:30]


def _where_plain(r: Reading, tok: tokens.Token) -> Where:
    start = tok[START] if r.canonical is None or r.canonical.identity else r.canonical.to_original(tok[START])
    end = start + (tok[END] - tok[START])
    holding = [s for s in r.extracted.spans if s.start <= start]
    span = holding[-1] if holding else None  # the last span that starts at or before the cell
    if span is not None and start < span.end:
        return Where(start, end, span.page, span.table, span.row, span.col, span.box)
    return Where(start, end)


def test_a_tokens_where_is_the_reader_span_that_holds_it_with_where_s_fields() -> None:
    spanned = 0
    for r in _span_readings():
        for tok in r.tokens:
            made, plain = r.where(tok), _where_plain(r, tok)
            assert made == plain and hash(made) == hash(plain) and made.as_dict() == plain.as_dict()
            assert list(vars(made)) == [f.name for f in dataclasses.fields(Where)]
            spanned += made.table is not None
    assert spanned > 1000


def test_cells_recorded_in_place_are_the_cells_the_dataclass_makes() -> None:
    recorded = 0
    for r in _span_readings():
        values = [t for t in r.tokens if t[IS_VALUE]]
        keys = [f"t/{k}/c" for k in range(len(values))]
        r.cells = {}
        r.put_cells(keys, values, r.tokens[0])
        for key, tok in zip(keys, values, strict=True):
            cell = r.cells[key]
            plain = Cell(key, tokens.number_value(tok[TEXT]), tok[OCR_RAW] or tok[SPACED] or tok[TEXT], r.where(tok))
            assert cell == plain and list(vars(cell)) == list(vars(plain))
            # its Where made in place is the Where of the reader's span that holds the cell, with Where's fields
            assert cell.where == _where_plain(r, tok) and list(vars(cell.where)) == list(vars(plain.where))
            recorded += 1
    assert recorded > 1000


def test_the_cells_after_a_token_on_its_line_are_those_a_loop_finds() -> None:
    asked = 0
    for r in READINGS:
        for index, tok in enumerate(r.tokens):
            plain = []
            if tok[TABBED]:
                for t in r.tokens[index + 1 :]:
                    if t[LINE] != tok[LINE]:
                        break
                    plain.append(t)
            assert r.line_after(index) == plain
            asked += len(plain)
    assert asked > 10000


def _random_rows(rnd: random.Random, fmt: str) -> dict[str, list[checks.Value]]:
    rows, _ = checks._flat_operands(fmt)
    out: dict[str, list[checks.Value]] = {}
    for row in rows:
        if rnd.random() < 0.1:
            continue  # a row not given: blank
        out[row] = [rnd.choice([None, 0, 0.0, 1, 2, 3, 7, 12, 1.5, 0.25, 44.9]) for _ in range(checks.N_COLUMNS)]
    return out


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_identities_passed_summed_in_c_are_those_the_loop_counts(fmt: str) -> None:
    rnd = random.Random(7)
    operands = checks._application_operands(fmt)
    seen = set()
    for _ in range(3000):
        rows = _random_rows(rnd, fmt)
        if rnd.random() < 0.5:  # rows that add up: their identities hold
            for row in rows:
                rows[row] = [0] * checks.N_COLUMNS
        if rnd.random() < 0.05 and rows:  # a row of another width
            rows[next(iter(rows))] = [1] * (checks.N_COLUMNS + 1)
        passed = checks.application_passed(rows, fmt)
        assert passed == checks._passed(rows, operands, False)
        seen.add(passed)
    assert len(seen) > 5


def _check_plain(name: str, left: list[str], right: list[str], get: checks.Getter) -> Check:
    lv, rv = [get(k) for k in left], [get(k) for k in right]
    lp, rp = [v for v in lv if v is not None], [v for v in rv if v is not None]
    ls, rs = sum(lp), sum(rp)
    return Check(name, left, right, checks._tidy(ls), checks._tidy(rs), abs(ls - rs) < 1e-6, not lp and not rp)


def test_checks_built_in_c_are_the_plain_checks() -> None:
    rnd = random.Random(8)
    for _ in range(300):
        values = {}
        for fmt in ("2021", "2019"):
            for _, left, right in checks._application_specs(fmt)[0]:
                for k in (*left, *right):
                    values.setdefault(k, rnd.choice([None, 0, 1, 2, 2.5]))
        for row in checks.REVIEW_ROWS:
            for c in checks.REVIEW_COLUMNS:
                values[f"review_litigation/{row}/{c}"] = rnd.choice([None, 0, 1, 2, 2.5])
        get = values.get
        for fmt in ("2021", "2019"):
            specs, _ = checks._application_specs(fmt)
            plain = [_check_plain(name, list(left), list(right), get) for name, left, right in specs]
            assert checks.application_checks(get, fmt) == plain
        plain_review = [
            _check_plain(
                f"review_litigation/row_total/{row}",
                [f"review_litigation/{row}/{c}" for c in checks.REVIEW_COLUMNS[:-1]],
                [f"review_litigation/{row}/total"],
                get,
            )
            for row in checks.REVIEW_ROWS
        ]
        assert checks.review_checks(get) == plain_review


def test_mojibake_evidence_by_regex_is_the_plain_check() -> None:
    """reverse_mojibake tells runs with evidence by EVIDENT (in C); the plain definition is _evidence."""
    import random

    from parsers.mojibake import _IMAGE, EVIDENT, _evidence

    alphabet = sorted(_IMAGE)
    rng = random.Random(15)
    for _ in range(3000):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        if rng.random() < 0.5:
            run = "".join(c for c in run if c.isascii()) or run
        assert (EVIDENT.search(run) is not None) == _evidence(run), run


def test_a_report_built_with_the_collector_paused_is_the_report_built_with_it_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parsers import report

    assert gc.isenabled()
    for text in ALL[:25]:
        e = Extracted("text", text)
        assert report.build_report(e) == report._build_report(e)  # the latter with the collector running
        assert gc.isenabled()  # its state restored
    # paused while the report is built, and left as it was found, also when the reading raises
    seen: list[bool] = []

    def fails(e: Extracted) -> None:
        seen.append(gc.isenabled())
        raise ValueError("bad input")

    source = load_source("parsers.report")  # its own calls see the patched name, compiled or not
    monkeypatch.setattr(source, "_build_report", fails)
    with pytest.raises(ValueError):
        source.build_report(Extracted("text", ALL[0]))
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ValueError):
            source.build_report(Extracted("text", ALL[0]))
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False]


def test_fit_picks_what_a_stable_sort_of_every_placement_picks() -> None:
    """``align.fit`` computes the tie-break only for the top-ranked placements and the rivals: its reading, its
    ambiguity and its disputed columns are those of the plain definition (every placement sorted, stably, by
    the identities' score and then the tie-break, the first taken; the rest that score as much and give other
    values are the tied ones)."""
    from itertools import combinations

    from parsers.tables import align

    rng = random.Random(17)
    cases = 0
    for _ in range(300):
        n = rng.randint(3, 9)
        k = rng.randint(1, n - 1)
        vals = [tokens.token(str(rng.randint(0, 9)), 3 * i, 3 * i + 1, 0, 0, False) for i in range(k)]
        mod = rng.randint(2, 4)
        weights = [rng.randint(0, 3) for _ in range(n)]

        def score(values: list[object], weights: list[int] = weights, mod: int = mod) -> int:
            return sum(w * v for w, v in zip(weights, values, strict=True) if isinstance(v, int)) % mod

        got = align.fit(vals, n, score)
        placements: list[list[tokens.Token | None]] = []
        for slots in combinations(range(n), k):
            row: list[tokens.Token | None] = [None] * n
            for slot, tok in zip(slots, vals, strict=True):
                row[slot] = tok
            placements.append(row)
        ranked = sorted(
            placements,
            key=lambda row: (score([tokens.number_value(t[TEXT]) if t else None for t in row]), align._edge(row)),
            reverse=True,
        )
        best = ranked[0]
        top = score([tokens.number_value(t[TEXT]) if t else None for t in best])
        best_values = [tokens.number_value(t[TEXT]) if t else None for t in best]
        tied = [
            row
            for row in ranked[1:]
            if score(values := [tokens.number_value(t[TEXT]) if t else None for t in row]) == top
            and values != best_values
        ]
        assert got.how == "padded"
        # the same tokens in the same places (by value: each token has its own offsets; compiled, ``fit`` hands
        # back copies of its tokens, not the objects given)
        assert got.tokens == best
        assert got.ambiguous == bool(tied)
        assert got.disputed == align._disputed(best, tied)
        cases += bool(tied)
    assert cases > 50  # ties are what the shortcut is about


def test_rows_with_a_value_on_their_labels_line_are_never_read_from_the_line_above(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``labels_after_values.labels_after_values`` returns at once when every row of table 二 has a value on its
    label's line: the whole reading (``_read_labels_after_values``) finds nothing then, warns nothing and changes no
    row."""
    from parsers.tables import read_tables

    gated = read = 0
    source = load_source("parsers.tables.active")  # its own calls see the patched name, compiled or not
    after_values = load_source("parsers.tables.labels_after_values")
    plain = source.labels_after_values

    def both(r: Reading, rows: list, boundaries: list[int], defaults: dict) -> dict:
        nonlocal gated, read
        toks = r.tokens
        inline = [any(t[IS_VALUE] for t in toks[i + 1 : stop] if t[LINE] == toks[i][LINE]) for i, _, _, stop in rows]
        before, copy = len(r.warnings), [(i, key, list(cols), stop) for i, key, cols, stop in rows]
        whole = after_values._read_labels_after_values(r, copy, boundaries, defaults, inline)
        warned = r.warnings[before:]
        del r.warnings[before:]
        out = plain(r, rows, boundaries, defaults)
        if all(inline):
            gated += 1
            assert out == whole == {} and not warned and copy == rows
        else:
            read += 1
            assert out == whole and r.warnings[before:] == warned and copy == rows
        return out

    monkeypatch.setattr(source, "labels_after_values", both)
    monkeypatch.setattr(parsers.tables, "read_active", source.read_active)
    snippets = Path(__file__).parent / "fixtures" / "extractor_snippets"
    texts = [*ALL, *(p.read_text(encoding="utf-8") for p in sorted(snippets.glob("*")) if p.suffix != ".html")]
    for text in texts:
        read_tables(Extracted("text", text))
    assert gated > 50 and read > 0


def test_table_three_rows_are_given_lines_in_order_only_where_a_row_holds_two_full_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``realign.realign_rows`` returns at once unless a row of table 三 holds more than two lines' worth of tokens
    (``may_realign``): the whole reading (``realign_lines``) moves nothing and warns nothing then."""
    from parsers.tables import read_tables

    applications = load_source("parsers.tables.applications")  # its own calls see the patched name, compiled or not
    gated = read = moved = 0

    def both(r: Reading, rows: list, found: list, stops: dict[int, int]) -> dict:
        nonlocal gated, read, moved
        before = len(r.warnings)
        whole = realign.realign_lines(r, rows, found, stops)
        warned = r.warnings[before:]
        del r.warnings[before:]
        if not realign.may_realign(found, stops):
            gated += 1
            assert whole == {} and not warned
        else:
            read += 1
            moved += bool(whole)
        r.warnings += warned
        return whole

    monkeypatch.setattr(applications, "realign_rows", both)
    monkeypatch.setattr(parsers.tables, "read_applications", applications.read_applications)
    snippets = Path(__file__).parent / "fixtures" / "extractor_snippets"
    texts = [
        *ALL,
        *CONFUSED,
        *(p.read_text(encoding="utf-8") for p in sorted(snippets.glob("*")) if p.suffix != ".html"),
    ]
    for text in texts:
        read_tables(Extracted("text", text))
    assert gated > 50 and read > 0 and moved > 0


def test_header_cells_with_the_rows_asked_before_is_header_cells_walked_back_in_full() -> None:
    """``named_columns.header_cells`` walks back to a pipe table's first token only as far as the token asked about
    before (``firsts``): each TAB token of every text, asked in order with one ``firsts``, gets the header that the
    full walk back (an empty ``firsts``) gets; both with an empty cache of headers."""
    from parsers.tables.named_columns import header_cells

    snippets = sorted((Path(__file__).parent / "fixtures" / "extractor_snippets").glob("*.md"))
    texts = [Reading(Extracted("text", p.read_text(encoding="utf-8"))) for p in snippets]
    asked = named = 0
    for r in READINGS + texts:
        firsts: dict[int, int] = {}
        for i, t in enumerate(r.tokens):
            if not t[TABBED]:
                continue
            shared = header_cells(r, i, {}, firsts)
            assert shared == header_cells(r, i, {}, {}), (i, t[TEXT])
            asked += 1
            named += shared is not None
    assert asked > 5000 and named > 100


def test_the_lines_above_a_row_are_gathered_only_where_its_reading_looks_at_them() -> None:
    """``applications._label_fits`` gathers a row's lines above (``unclaimed_above``) only where ``reads_above``
    says ``broken_numbers.broken_boxes_read`` looks at them: the tables read so are the tables read with the lines
    above gathered for every row (the form before), cells and warnings, on texts where some row it skips prints
    values above."""
    from parsers.tables import broken_numbers, read_tables

    gathered: list[bool] = []  # per row asked in the eager form: its lines above print values, unread

    def run(eager: bool) -> list[tuple[dict, list]]:
        applications = load_source("parsers.tables.applications")  # its own calls see the patched names
        if eager:

            def every(vals: list, pos: list | None) -> bool:
                gathered.append(not broken_numbers.reads_above(vals, pos))
                return True

            def above(r: Reading, label: int, claimed: set[int]) -> list:
                got = broken_numbers.unclaimed_above(r, label, claimed)
                gathered[-1] = gathered[-1] and bool(got)
                return got

            def boxes(r: Reading, vals: list, pos: list | None, above: list, below: list, key: str, reads: bool):
                # the form before: the row's reading asks ``reads_above`` itself, whatever was gathered
                return broken_numbers.broken_boxes_read(
                    r, vals, pos, above, below, key, broken_numbers.reads_above(vals, pos)
                )

            applications.reads_above = every
            applications.unclaimed_above = above
            applications.broken_boxes_read = boxes
        saved = parsers.tables.read_applications
        parsers.tables.read_applications = applications.read_applications
        try:
            out = []
            for text in texts:
                tables = read_tables(Extracted("text", text))
                out.append(({k: (c.value, c.raw) for k, c in tables.cells.items()}, [str(w) for w in tables.warnings]))
            return out
        finally:
            parsers.tables.read_applications = saved

    texts = ALL
    assert run(eager=False) == run(eager=True)
    assert len(gathered) > 500 and sum(gathered) > 0  # rows whose values above the lazy form leaves unread
