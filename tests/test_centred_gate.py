"""The gate of table 三's wrapped-number reading (``centred_pieces.first_pieces_beside``, issue 13) answers as the
lines ``centred_row`` reads its first pieces from: values before the row's label on its own line and no other
text there, or a line of values only (empty cells aside) among the two above the label's line, each found by the
plain definition (``Reading.line_tokens``, the lists the reading makes). Asked of every label on the fixtures'
texts, seeded damaged copies of them, and the extractor snippets (PDF texts with wrapped numbers' pieces, pipe
rows of markitdown's PDF text among them). ``scripts/parse_snapshot.py`` compares whole outputs before and after.
"""

from __future__ import annotations

from pathlib import Path

from parsers.extracted import Extracted
from parsers.tables.centred_pieces import first_pieces_beside
from parsers.tables.reading import Reading
from parsers.tables.tokens import IS_LABELISH, IS_VALUE, LINE, START, TEXT, Token
from tests.test_parse_shortcuts import ALL

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"


def _values_only(tokens: list[Token]) -> bool:
    texts = [t for t in tokens if t[TEXT]]
    return bool(texts) and all(t[IS_VALUE] for t in texts)


def _after_text(tokens: list[Token], label_lines: set[int]) -> bool:
    """Values after all of a line's other text, on no row's label line (a wrapped label's first piece)."""
    texts = [t for t in tokens if t[TEXT]]
    if not texts or texts[0][IS_VALUE] or texts[0][LINE] in label_lines:
        return False
    kinds = [t[IS_VALUE] for t in texts]
    first = kinds.index(True) if True in kinds else len(kinds)
    return first < len(kinds) and all(kinds[first:])


def _plain(r: Reading, label: int, label_lines: set[int]) -> bool:
    """``centred_row``'s first pieces' lines as it reads them, any of them there."""
    head = r.tokens[label]
    line = head[LINE]
    lead = [t for t in r.line_tokens(line) if t[START] < head[START] and t[TEXT]]
    return _values_only(lead) or any(
        _values_only(r.line_tokens(line - d)) or _after_text(r.line_tokens(line - d), label_lines) for d in (1, 2)
    )


def test_the_gate_answers_as_the_lines_centred_row_reads() -> None:
    texts = ALL + [p.read_text(encoding="utf-8") for p in sorted(SNIPPETS.glob("*")) if p.suffix in (".txt", ".md")]
    answers: list[bool] = []
    for text in texts:
        r = Reading(Extracted("text", text))
        # the label lines: every other labelish token's (the table's rows found), and none
        for label_lines in ({t[LINE] for t in r.tokens[1::2] if t[IS_LABELISH]}, set()):
            for i, t in enumerate(r.tokens):
                if t[IS_LABELISH]:
                    got = first_pieces_beside(r, i, label_lines)
                    assert got == _plain(r, i, label_lines), (t[TEXT], t[LINE])
                    answers.append(got)
    assert 100 < sum(answers) < len(answers) - 100  # both answers given often


def test_rows_of_a_table_on_its_lines_are_not_looked_at() -> None:
    # an HTML table's rows, a sheet's: each row its label and its values on one line, the line above another row's
    text = "三、本年度办理结果\n（一）予以公开\t3\t0\t0\t0\t0\t0\t3\n（二）部分公开\t1\t0\t0\t0\t0\t0\t1\n"
    r = Reading(Extracted("text", text))
    labels = [i for i, t in enumerate(r.tokens) if t[TEXT].endswith(("予以公开", "部分公开"))]
    lines = {r.tokens[i][LINE] for i in labels}
    assert [first_pieces_beside(r, i, lines) for i in labels] == [False, False]
    # … a line of values after text no row's label: a wrapped label's first piece, its numbers' first pieces after it
    assert [first_pieces_beside(r, i, set()) for i in labels] == [False, True]
    # a wrapped number's first pieces on a line of their own above the label, empty cells beside them (pipe rows)
    text = "（一）予以公开\t3\t0\t0\t0\t0\t0\t3\n\t7\t\t\t\t\t\t7\n（二）部分公开\n\t4\t0\t0\t0\t0\t0\t4\n"
    r = Reading(Extracted("text", text))
    label = next(i for i, t in enumerate(r.tokens) if t[TEXT].endswith("部分公开"))
    assert first_pieces_beside(r, label)


def test_long_lines_beside_the_label_are_read_whole() -> None:
    # the line above the label holds 70 values (a long pipe row): after a label at its start it is no line of
    # pieces, alone (or among empty cells) it is; and 70 values before the label on its own line (a48; the other
    # rows' label lines passed as the table's rows found)
    values = "\t".join(str(k % 10) for k in range(70))
    for above, want in ((f"（一）其他\t{values}", False), (f"\t{values}", True), (values.replace("\t", "\t\t"), True)):
        text = f"三、本年度办理结果\n{above}\n（二）部分公开\t1\t0\t0\t0\t0\t0\t1\n"
        r = Reading(Extracted("text", text))
        label = next(i for i, t in enumerate(r.tokens) if t[TEXT].endswith("部分公开"))
        rows = {t[LINE] for t in r.tokens if t[IS_LABELISH] and t[LINE] != r.tokens[label][LINE]}
        assert label > 70
        assert first_pieces_beside(r, label, rows) is want == _plain(r, label, rows)
    text = f"三、本年度办理结果\n{values}\t（二）部分公开\t1\n"
    r = Reading(Extracted("text", text))
    label = next(i for i, t in enumerate(r.tokens) if t[TEXT].endswith("部分公开"))
    assert first_pieces_beside(r, label, set()) is _plain(r, label, set()) is True
