"""The HTML reader's fast paths give what the plain definitions give.

The reader takes shortcuts for speed (issue 13): hidden elements found once per tree, chrome patterns tried only
where a literal they need is present, a long candidate's needles taken from its ancestor's text, subtrees read
whole. Each test here checks a shortcut against the plain definition it replaces, on pages from the seeded
fuzzer of ``scripts/reader_snapshot.py`` (which also compares whole outputs before and after a change).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_script

from parsers.readers import chrome
from parsers.readers.html import (
    _AMPERSANDS,
    _BLOCK,
    _DISTINCT_STYLES,
    _HIDING,
    _LOWER,
    _NOT_LETTERS,
    _SKIP,
    _STYLE_VALUES,
    _char_reference,
    _collapsed_head,
    _hidden,
    _Marks,
    _plain,
    decode_html,
    hides_nothing,
    html_encoding,
    parse_tree,
)
from parsers.readers.html_grid import place, span_value

ROOT = Path(__file__).resolve().parent.parent


def _snapshot_module() -> ModuleType:
    return load_script("reader_snapshot")


@pytest.fixture(scope="module")
def fuzz_trees() -> list:
    snapshot = _snapshot_module()
    trees = []
    for seed in range(400):
        try:
            trees.append(parse_tree(snapshot.fuzz_page(seed)))
        except Exception:  # an empty page: nothing to compare
            continue
    return trees


def test_hidden_and_troubled_elements_are_those_the_per_element_test_finds(fuzz_trees: list) -> None:
    hidden_pages = 0
    for root in fuzz_trees:
        marks = _Marks(root)
        expected = {el for el in root.iter() if isinstance(el.tag, str) and _hidden(el)}
        assert marks.hidden == expected
        hidden_pages += bool(expected)
        troubled = {
            el
            for el in root.iter()
            if any(d in expected or (isinstance(d.tag, str) and d.tag in _SKIP) for d in el.iterdescendants())
        }
        assert marks.troubled >= troubled
        assert all(el in troubled for el in marks.troubled if root in (el, *el.iterancestors()))
    assert hidden_pages > 20  # the fuzzer does hide elements


def test_distinct_style_values_are_each_style_value_once(fuzz_trees: list) -> None:
    """EXSLT's ``set:distinct`` over the style attributes gives every value the plain query gives, each once,
    under every element (the walk asks it of the container)."""
    repeated = 0
    for root in fuzz_trees:
        for el in [root, *root.iter("div", "table", "td", "p")][:40]:
            values = _STYLE_VALUES(el)
            distinct = _DISTINCT_STYLES(el)
            assert len(distinct) == len(set(distinct))
            assert set(distinct) == set(values)
            repeated += len(values) > len(distinct)
    assert repeated > 20  # the fuzzer repeats style values


def test_a_plain_subtree_has_no_block_cell_or_skipped_element(fuzz_trees: list) -> None:
    structure = _BLOCK | _SKIP | {"td", "th"}
    for root in fuzz_trees:
        for el in root.iter():
            expected = not any(isinstance(d.tag, str) and d.tag in structure for d in el.iterdescendants())
            assert _plain(el) == expected


_FRAGMENTS = [
    "【", "】", "[", "]", " ", " ", "打印", "本页", "关闭", "窗口", "一、", "总体情况", "二、", "主动公开", "扫一扫",
    "扫一", "登录", "/", "注册", "大", "中", "小", "字号", "ICP", "备", "年度报告", "上一篇", "主办", "单位", "：",
    "相关", "链接", "统计指标", "五、", "存在", "政府信息公开工作", "四、", "行政复议", "x", "的",
    "【打印】", "[ 关闭 ]", "【 打印", "关闭 】", "【 大 中 小 】", "ICP 备", "登录 / 注册",
]  # fmt: skip


def _brute(text: str) -> frozenset[int]:
    return frozenset(i for i, p in enumerate(chrome._PATTERNS) if p.search(text))


def test_pattern_prefilter_finds_what_every_regex_finds() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        text = " ".join("".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 8))).split())
        assert chrome._found(text, chrome._PATTERNS_ALL) == _brute(text), text


def test_a_long_texts_needles_taken_from_its_ancestors_text_are_its_own() -> None:
    rng = random.Random(14)
    for _ in range(1500):
        outer = " ".join("".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(5, 40))).split())
        a = rng.randrange(len(outer))
        inner = " ".join(outer[a : rng.randint(a + 1, len(outer))].split())
        if not inner:
            continue
        occurrences = chrome._occurrences(inner, (outer, chrome._occurrences(outer)))
        assert chrome._found(inner, chrome._PATTERNS_ALL, occurrences) == _brute(inner), (outer, inner)


def test_the_patterns_found_among_fewer_candidates_are_those_the_text_shows() -> None:
    """``_found(text, candidates)`` is the patterns among ``candidates`` the text shows, for candidate sets with and
    without the bordered needle's pattern (扫一扫: looked for in the text only where its pattern is a candidate), on
    texts of their own and on stretches of a longer text whose needles are taken from it."""
    rng = random.Random(15)
    bordered = {i for n in chrome._BORDERED for i in chrome._BY_NEEDLE[n]}
    every = sorted(chrome._PATTERNS_ALL)
    without = 0
    for _ in range(3000):
        outer = " ".join("".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 30))).split())
        if not outer:
            continue
        a = rng.randrange(len(outer))
        inner = " ".join(outer[a : rng.randint(a + 1, len(outer))].split()) or outer
        candidates = frozenset(i for i in every if rng.random() < 0.5)
        without += candidates.isdisjoint(bordered) and "扫一扫" in inner
        occurrences = chrome._occurrences(inner, (outer, chrome._occurrences(outer)))
        for text, found in ((inner, occurrences), (inner, None), (outer, None)):
            assert chrome._found(text, candidates, found) == _brute(text) & candidates, (outer, inner, candidates)
    assert without > 50  # texts that hold the bordered needle, tried without its pattern


def _branches(pattern: str) -> list[list]:
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    items = list(parsed)
    if len(items) == 1 and items[0][0] == re._constants.BRANCH:  # type: ignore[attr-defined]
        return [list(branch) for branch in items[0][1][1]]
    return [items]


def _literal_prefix(items: list) -> str:
    out = []
    for op, arg in items:
        if op != re._constants.LITERAL:  # type: ignore[attr-defined]
            break
        out.append(chr(arg))
    return "".join(out)


def test_required_literals_and_leads_hold_for_every_branch_of_their_pattern() -> None:
    """Every branch of a pattern starts with one of its needles, or (with a lead) with one literal character
    and ``\\s*`` before it: what ``_search`` relies on to start a search at the needle."""
    for source, needles in chrome._REQUIRED.items():
        lead = chrome._LEAD.get(source, 0)
        assert lead in (0, 1)
        for branch in _branches(source):
            if _literal_prefix(branch).startswith(needles):
                continue
            assert lead == 1, source
            op, arg = branch[1]
            assert branch[0][0] == re._constants.LITERAL, source  # type: ignore[attr-defined]
            assert op == re._constants.MAX_REPEAT and arg[0] == 0 and "CATEGORY_SPACE" in str(arg), source  # type: ignore[attr-defined]
            assert _literal_prefix(branch[2:]).startswith(needles), source


def test_long_cells_are_those_whose_raw_text_is_long_enough(fuzz_trees: list) -> None:
    """``string-length()`` in libxml2 counts what ``len`` counts in ``raw_text`` (code points: characters
    beyond the BMP, ideographic and no-break spaces, zero-width characters included)."""
    pages = [
        "<table><tr><td>" + cell + "</td></tr></table>"
        for cell in (
            "𠀀" * 19, "𠀀" * 20, "\u3000" * 19 + "x", "a\u200b" * 10, "<p>一二三四五</p>" * 4, "&nbsp;" * 19,
            "<span>" + "字" * 10 + "</span><b>" + "字" * 9 + "</b>",
            "<select><option>" + "选" * 20 + "</option></select>",
        )
    ]  # fmt: skip
    trees = [*fuzz_trees, *(parse_tree(page) for page in pages)]
    found = 0
    for root in trees:
        expected = [td for td in root.iter("td") if len(chrome.raw_text(td)) >= 20]
        assert chrome._LONG_CELLS(root) == expected
        found += len(expected)
    assert found > 50


def test_link_text_is_the_sum_of_every_links_text(fuzz_trees: list) -> None:
    for root in fuzz_trees:
        facts = chrome._TreeFacts(root)
        for el in root.iter():
            expected = sum(len(chrome.raw_text(a)) for a in el.iter("a"))
            assert facts.link_text(el) == expected


def _nested_pages() -> list:
    """Candidates inside long cells and cells inside candidates, each kind before and after the other."""
    long = "长" * 25
    return [
        parse_tree(page)
        for page in (
            f"<div><table><tr><td>{long}<div>{long}</div></td><td><div>x</div>{long}</td></tr></table><div>y</div></div>",
            f"<body><center><table><tr><td><table><tr><td>{long}</td></tr></table><form>{long}</form></td></tr></table>"
            f"</center><font>{long}</font><table><tr><td>{long}</td><td>short</td></tr></table></body>",
            f"<table><tr><td>{long}</td></tr><tr><td><section><td>{long}</td></section></td></tr></table>",
        )
    ]


def test_the_candidates_are_taken_in_document_order_with_their_depths(fuzz_trees: list) -> None:
    """``chrome._taken`` (the elements of other tags, then the long cells, merged by their chains of ancestors)
    gives what one iteration over every candidate tag gives: the same elements in the same order, which of
    them are cells, and each one's count of ancestors."""
    merged = 0
    for root in [*fuzz_trees, *_nested_pages()]:
        for top in [root, *list(root.iter("td", "div", "table"))[:4]]:
            long_cells = set(chrome._LONG_CELLS(top))
            expected = [el for el in top.iter(*chrome._CANDIDATE_TAGS) if el in long_cells or el.tag != "td"]
            taken, cells, depths = chrome._taken(top)
            assert taken == expected
            assert cells == [el.tag == "td" for el in expected]
            assert depths == [sum(1 for _ in el.iterancestors()) for el in expected]
            merged += bool(long_cells) and len(expected) > len(long_cells)
    assert merged > 100


def test_a_candidate_is_mostly_links_where_its_links_hold_more_than_half_its_text(fuzz_trees: list) -> None:
    """``_TreeFacts.mostly_links`` (links not counted where the whole tree's do not reach half the text) against
    the plain share, for every element and text lengths on both sides of the tree's own link text."""
    checked = set()
    for root in fuzz_trees:
        plain = chrome._TreeFacts(root)
        total = plain.link_text(root)
        for n in sorted({21, max(21, total), max(21, 2 * total), max(21, 2 * total + 1), 10_000}):
            facts = chrome._TreeFacts(root)
            for el in root.iter():
                if isinstance(el.tag, str):
                    expected = plain.link_text(el) / n > 0.5
                    assert facts.mostly_links(el, n) == expected
                    checked.add(expected)
    assert checked == {True, False}


def _place_plainly(rows: list) -> list[list[str]]:
    """The full grid by the plain definition: a dict of taken positions, each cell at the first free one."""
    taken: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            rowspan_raw, colspan_raw, text = (None, None, cell) if isinstance(cell, str) else cell
            while (r, c) in taken:
                c += 1
            rowspan = min(span_value(rowspan_raw), len(rows) - r) if rowspan_raw else 1
            colspan = span_value(colspan_raw) if colspan_raw else 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = ""
            taken[(r, c)] = text
            c += colspan
    width = max((c + 1 for _, c in taken), default=0)
    return [[taken.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def test_grid_placement_matches_the_plain_definition() -> None:
    rng = random.Random(15)
    spans = [None, None, None, "", "1", "2", "3", "x", "0", " 2 ", "2abc"]
    for _ in range(3000):
        rows: list = []
        for r in range(rng.randint(0, 6)):
            if rng.random() < 0.4:  # a row written as its texts (no span in it)
                rows.append([f"t{r}{c}" for c in range(rng.randint(1, 5))])
            else:
                rows.append([(rng.choice(spans), rng.choice(spans), f"c{r}{c}") for c in range(rng.randint(0, 5))])
        assert place([list(row) for row in rows], None) == _place_plainly(rows), rows


def test_a_page_is_decoded_once_as_its_codec_decodes_it() -> None:
    """``decode_html`` gives the text of the strict decode that chose the codec: what decoding with the codec
    :func:`html_encoding` names gives."""
    snapshot = _snapshot_module()
    text = "<html><head><meta charset='{}'></head><body><p>政府信息公开 年度报告 ÿ</p></body></html>"
    samples = [snapshot.fuzz_page(seed) for seed in range(300)]
    for declared in ("gbk", "gb2312", "big5", "utf-8", "nonsense", "latin-1", "shift_jis"):
        for codec in ("utf-8", "gb18030", "big5", "utf-16", "utf-8-sig"):
            samples.append(text.format(declared).encode(codec, errors="replace"))
    rng = random.Random(16)
    samples += [bytes(rng.randrange(256) for _ in range(80)) for _ in range(200)]
    for data in samples:
        assert decode_html(data) == data.decode(html_encoding(data), errors="replace"), data


def test_libxml2_flags_invalid_utf8_exactly_where_the_strict_decode_fails() -> None:
    """``parse_tree`` keeps a page's bytes read as UTF-8 where libxml2 reported no invalid encoding while it parsed
    them: that must be exactly the pages Python's strict UTF-8 decode reads (else the text would differ from
    what :func:`decode_html` gives). Fuzzed pages, with bytes no strict decode accepts (stray continuation
    bytes, truncated or overlong sequences, surrogates, code points above U+10FFFF, GBK) put in anywhere."""
    from lxml import etree

    from parsers.readers.html import _INVALID_ENCODING, _parsers, _strict_utf8

    snapshot = _snapshot_module()
    odd = [
        b"\x80", b"\xbf", b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
        b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xff", b"\xfe", b"\xe4\xb8", b"\xf0\x9f\x98",
        b"\xc3", "中文".encode("gbk"), "\ufffe\U0010ffff😀é\x01\x7f".encode(),
    ]  # fmt: skip
    rng = random.Random(17)
    _for_text, for_utf8 = _parsers()
    flagged_pages = 0
    for seed in range(600):
        page = snapshot.fuzz_page(seed)
        data = page.encode() if isinstance(page, str) else page
        for _ in range(seed % 3):
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] + rng.choice(odd) + data[cut:]
        if b"\x00" in data:
            continue
        try:
            etree.fromstring(data, for_utf8)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            continue
        flagged = bool(for_utf8.error_log.filter_types(_INVALID_ENCODING))
        flagged_pages += flagged
        assert flagged != _strict_utf8(data), data
    assert flagged_pages > 100  # the check met many pages that are not UTF-8


def _hiding_pages() -> list[bytes]:
    """Pages that hide an element in every way :func:`_hidden` reads, spelled plainly, in other cases, behind
    character references, in UTF-16, GBK (declared or not) and other charsets, with a NUL inside the rule: and the
    same pages with the rule broken (``displa y``) or absent, which hide nothing."""
    rules = [
        '<p style="display:none">', '<p style="DISPLAY : NONE">', '<p style="color:red;visibility:\thidden">',
        "<p hidden>", "<p HIDDEN=x>", '<p style="dis&#112;lay:none">', '<p style="display:&#x6E;one">',
        '<p style="visibility:hi&#100;den">', '<p style="displ\x00ay:none">', '<p hid\x00den>',
        '<p style="displa y:none">', '<p style="border:none">', "<p>", '<p class="hidden-xs">',
        '<p style="visibility:visible">',
    ]  # fmt: skip
    pages: list[bytes] = []
    for rule in rules:
        for charset in ("", "utf-8", "gbk", "utf-16", "cp500", "hz-gb-2312"):
            meta = f'<meta charset="{charset}">' if charset else ""
            page = f"<html><head>{meta}</head><body><div>政府信息公开 年度报告{rule}隐藏的内容</p></div></body></html>"
            for codec in ("utf-8", "gb18030", "utf-16", "cp500", "utf-8-sig"):
                try:
                    pages.append(page.encode(codec))
                except UnicodeEncodeError:
                    continue
        # a charset declared in ASCII whose bytes are not (EBCDIC): the markup after the declaration read in it
        pages.append(
            b'<meta charset="cp500">'
            + f"<html><body><div>text{rule}hidden text</p></div></body></html>".encode("cp500")
        )
    return pages


def test_a_page_that_hides_nothing_by_its_bytes_has_no_hidden_element(fuzz_trees: list) -> None:
    """``hides_nothing(data)``: the tree's hidden elements (``_Marks``, every element asked) are none. Fuzzed pages
    (their hidden styles and ``hidden`` attributes, upper-case) and pages that hide an element behind character
    references, a NUL, in UTF-16 or in a charset whose bytes are not ASCII."""
    snapshot = _snapshot_module()
    pages = [snapshot.fuzz_page(seed) for seed in range(400)] + _hiding_pages()
    told = hiding = 0
    for data in pages:
        try:
            root = parse_tree(data)
        except Exception:  # an empty page: nothing to compare
            continue
        hidden = {el for el in root.iter() if isinstance(el.tag, str) and _hidden(el)}
        hiding += bool(hidden)
        if hides_nothing(data):
            told += 1
            assert not hidden, data
            assert _Marks(root, hides=False).hidden == _Marks(root).hidden
    assert told >= 60 and hiding >= 60, (told, hiding)  # both kinds of page are met


def test_the_hiding_rules_are_searched_in_the_markups_letters() -> None:
    """``hides_nothing`` searches the markup's ASCII letters alone, lower-cased (``data.translate(_LOWER,
    _NOT_LETTERS)``), where it searched the markup lowered: every rule the lowered markup spells, its letters spell
    (the search may find more, never less: where it finds more the tree is asked, whose answer is exact). Random
    bytes rich in the rules' letters in both cases, letters of other alphabets and the bytes between, and the
    rendered seeds, which spell no rule either way (their pages keep the shortcut)."""
    rng = random.Random(44)
    alphabet = [b"p", b"L", b"a", b"Y", b"d", b"D", b"e", b"N", b"P", b"y", b"n", b"-", b" ", b":", b"\xc3", b"\x80"]
    alphabet += [b"<p>", b"&#", b"\xe4\xb8\x80", b"1", b"\x00", b"K", b"\xe2\x84\xaa", b"S"]
    more = 0
    for _ in range(20000):
        data = b"".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        lowered = any(needle in data.lower() for needle in _HIDING)
        letters = any(needle in data.translate(_LOWER, _NOT_LETTERS) for needle in _HIDING)
        assert letters or not lowered, data
        more += letters and not lowered
    assert more > 0  # the search of the letters alone does find more (a weaker test would pass with no deletion)
    pages = sorted((ROOT / "tests" / "fixtures" / "rendered").glob("*.html"))
    assert pages and all(hides_nothing(p.read_bytes()) for p in pages)


def test_a_character_reference_is_found_from_each_ampersand() -> None:
    """``_char_reference(data)`` is ``b"&#" in data``: random bytes of ``&``, ``#`` and others, with fewer and more
    ``&`` than it looks at one by one (the ``&#`` before, at and past that count), and the HTML seeds."""
    rng = random.Random(13)
    for _ in range(4000):
        n = rng.randrange(0, 3 * _AMPERSANDS)
        data = bytes(rng.choice(b"&&&#ab<") for _ in range(n))
        if rng.random() < 0.5:
            data = data.replace(b"&#", b"&x")  # pages with many ``&`` and no reference
            if rng.random() < 0.5:
                cut = rng.randrange(len(data) + 1)
                data = data[:cut] + b"&#" + data[cut:]
        assert _char_reference(data) == (b"&#" in data), data
    for k in (_AMPERSANDS - 1, _AMPERSANDS, _AMPERSANDS + 1, 5 * _AMPERSANDS):
        assert _char_reference(b"&amp;" * k + b"&#112;") and not _char_reference(b"&amp;" * k + b"#")
    pages = sorted((Path(__file__).parent / "fixtures" / "rendered").glob("*.html"))
    assert pages and all(_char_reference(p.read_bytes()) == (b"&#" in p.read_bytes()) for p in pages)


def test_a_texts_collapsed_head_is_the_head_of_its_collapsed_text(fuzz_trees: list) -> None:
    """``_collapsed_head(raw, n)`` (the title check's first characters of a container's visible text, collapsed
    from a stretch of the raw text: s42) is ``" ".join(raw.split())[:n]``: random strings of words and every kind of
    space, short and long, for n around the stretch's bounds, and the raw texts of the fuzzed pages' elements."""
    rng = random.Random(42)
    spaces = [" ", "  ", "\n", "\t", "\u3000", "\xa0", "\r\n", " \n \n  "]
    words = ["a", "年度", "报告", "x" * 7, "二、主动公开", "0"]
    raws = []
    for _ in range(3000):
        parts = [rng.choice(spaces if rng.random() < 0.5 else words) for _ in range(rng.randrange(0, 400))]
        raws.append("".join(parts))
    raws += [chrome.raw_text(el) for tree in fuzz_trees[:100] for el in tree.iter()]
    for raw in raws:
        for n in (0, 1, 3, 40, 399, 400, 401):
            assert _collapsed_head(raw, n) == " ".join(raw.split())[:n], (raw, n)
