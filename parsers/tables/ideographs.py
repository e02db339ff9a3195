"""A text's CJK ideographs alone: what the table readers compare when they match a label or a header piece, whatever
the extractor printed between them (spaces, digits, punctuation, a grid's rules)."""

import re

_NOT_IDEOGRAPH = re.compile(r"[^\u4e00-\u9fff]+")


def ideographs(text: str) -> str:
    """``text`` with everything but its CJK unified ideographs (U+4E00–U+9FFF) taken out."""
    return _NOT_IDEOGRAPH.sub("", text)
