"""The tokenizer's line loop in C (``parsers/tables/_tokens.c``) against the Python it stands for
(``tokenizer.tokenize_by_python``): the tokens of every text fixture (the corpus's extractor conventions and damaged
variants, the synthetic reports, the extractor snippets, the OCR texts), of each one canonicalised, of what the
readers make of the rendered seeds (HTML, DOCX, XLSX, XLS), and of 10,000 made texts (lines of TAB cells, spaces
of every kind, numbers with units and signs, confusable letters, lone full stops, no-break spaces, digits that are
not ASCII, texts past the derived fields' cache) must be the same tuples, field for field, and the confusable
letters each text prints the same; and the C must tokenize the common lines itself."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parsers.conventions import canonicalise
from parsers.readers import read
from parsers.tables import ocr_digits, token_numbers, tokenizer, tokens

pytestmark = pytest.mark.skipif(
    tokenizer.NATIVE is None,
    reason="no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)",
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _texts() -> list[tuple[str, str]]:
    out = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.suffix in (".txt", ".md") and p.is_file():
            text = p.read_text(encoding="utf-8", errors="replace")
            out += [(str(p), text), (f"{p} canonicalised", canonicalise(text).text)]
    for p in sorted((FIXTURES / "rendered").iterdir()):
        if p.suffix in (".html", ".docx", ".xlsx", ".xls"):
            out.append((str(p), read(p.read_bytes(), p.suffix[1:]).text))
    return out


def test_every_fixture_text_makes_the_same_tokens() -> None:
    texts = _texts()
    assert len(texts) > 1000
    differ = [name for name, text in texts if tokenizer.tokenize(text) != tokenizer.tokenize_by_python(text)]
    assert differ == []
    norms = [tokens.normalise(text) for _, text in texts]
    chars = ocr_digits.CONFUSABLE_CHARS
    assert [tokenizer.NATIVE.present(norm, chars) for norm in norms] == [[c for c in chars if c in n] for n in norms]


PIECES = [
    *("0", "1", "12", "3.5", "1,234", "007", "-", "+", "—", "——", "/", "无", "一"),
    *(" ", "  ", "\t", "\t\t", "\u3000", "\xa0", "\x1c", "\u2028", "\x85", "\r", "\x0b"),
    *("。", " 。", "，", ";", "；", ")", "(", "]", "[", "{", ".", ",", ":", "!"),
    *("万元", "件", "项", "元", "人次", "条", "份"),
    *("行政许可", "（一）", "三、", "1.", "本机关", "申请", "第2页", "- 3 -", "a", "f", "j"),
    *("O", "o", "l", "I", "i", "|", "S", "s", "D", "Q", "B", "Z", "〇", "θ", "Θ", "ø", "Ø"),
    *("①", "²", "５", "٣", "⻓", "例", "⾏"),
    *("政府信息公开工作年度报告", "1234567890", "，其中", "、"),  # long texts: their derived fields made in C
]


def _made_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.3:  # a row of TAB cells
            cells = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(1, 6))]
            lines.append("\t".join(cells))
        else:
            lines.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, rng.choice([12, 40])))))
    return "\n".join(lines)


def test_made_texts_make_the_same_tokens() -> None:
    rng = random.Random(28)
    texts = [_made_text(rng) for _ in range(10_000)]
    differ = [text for text in texts if tokenizer.tokenize(text) != tokenizer.tokenize_by_python(text)]
    assert differ == []


def test_the_common_lines_are_tokenized_in_c() -> None:
    """Of an HTML seed's lines, the TAB rows and the plain lines that end in no number never reach the Python."""
    seed = next(p for p in sorted((FIXTURES / "rendered").iterdir()) if p.suffix == ".html")
    text = read(seed.read_bytes(), "html").text
    norm = tokens.normalise(text)
    present = tokenizer.NATIVE.present(norm, ocr_digits.CONFUSABLE_CHARS)
    assert present == [c for c in ocr_digits.CONFUSABLE_CHARS if c in norm]
    ruled, nbsp_lines = tokenizer._text_facts(text, norm, present)
    mixed_lines: list[tuple[int, int]] = []
    by_python: list[str] = []

    def line_fn(found: list[tokens.Token], line: str, pos: int, lineno: int) -> None:
        by_python.append(line)
        tokenizer._tokenize_text_line(present, ruled, mixed_lines, found, line, pos, lineno)

    found: list[tokens.Token] = []
    split = token_numbers.split_trailing_numbers
    tokenizer.NATIVE.tokenize(
        norm, found, "".join(present), nbsp_lines, tokens.DERIVED, tokens.derived_fields, split, line_fn
    )
    if present:
        tokenizer._lone_confusables(found, mixed_lines)
    assert found == tokenizer.tokenize_by_python(text)
    lines = [line for line in norm.split("\n") if line]
    assert sum("\t" in line for line in lines) > 40
    assert not [line for line in by_python if "\t" in line and not any(c in line for c in [*present, "。"])]
    assert len(by_python) < len(lines) / 4


def test_no_whitespace_past_the_ideographic_space() -> None:
    """``_tokens.c`` reads a character past U+3000 as no whitespace without asking (``LAST_SPACE``)."""
    assert max(c for c in range(0x110000) if chr(c).isspace()) == 0x3000


def test_long_texts_have_the_same_derived_fields() -> None:
    """Around the derived fields' cache (40 characters) and a label's longest (80, spaces aside): plain lines and
    TAB cells of ideographs, with spaces, a full stop or a semicolon, digits and signs alone."""
    texts = []
    for n in range(36, 90):
        stops = ("政" * (n - 1) + "。", "；" + "政" * (n - 1))
        for body in ("政" * n, "政 " * (n // 2), *stops, "1" * n, "+1,2." * (n // 5)):
            texts += [body, f"表\t{body}\t", f"{body}\u3000政"]
    assert [tokenizer.tokenize(t) for t in texts] == [tokenizer.tokenize_by_python(t) for t in texts]
