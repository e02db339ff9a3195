"""A value word alone on its line between a broken row label's pieces (parsers/tables/label_words.py)."""

from __future__ import annotations

from parsers.extracted import Extracted
from parsers.tables.label_words import is_label_word
from parsers.tables.reading import Reading


def _words(text: str) -> list[tuple[str, bool]]:
    """Each 一 / 无 token of ``text`` and whether it is read as label text."""
    r = Reading(Extracted("text", text))
    return [(t[0], is_label_word(r, k)) for k, t in enumerate(r.tokens) if t[0] in ("一", "无")]


def test_none_word_between_a_labels_pieces_is_label_text() -> None:
    # 1.申请人无正当理由… wrapped with its 无 alone, the group heading's piece 理 printed before it (poppler's blocks)
    assert _words("（六）其他处\n\n1、申请人\n\n理\n\n无\n正当理由逾\n期不补正、\n") == [("无", True)]
    assert _words("（四）\n无\n法提供\n") == [("无", True)]
    assert _words("3、危及“三安全\n一\n稳定”\n") == [("一", True)]


def test_none_word_printed_as_a_cell_stays_a_value() -> None:
    # the piece before already holds the label's 无: the 无 between is a cell printed between the pieces
    assert _words("1、申请人无\n无\n正当理由逾\n") == [("无", False)]
    # after a value, or before one: a cell among cells
    assert _words("0\n无\n0\n") == [("无", False)]
    assert _words("2、重复申请\n无\n0\n") == [("无", False)]
    # no label goes on from 无 with the next piece
    assert _words("2、重复申请\n无\n3、要求提供\n") == [("无", False)]
