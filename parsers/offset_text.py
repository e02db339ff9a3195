"""A text built piece by piece that remembers where its pieces came from in the text it was built from."""

from __future__ import annotations


class OffsetText:
    """The pieces written so far, their length, and the offset map: ``canon[i]`` in the new text is ``orig[i]``
    in the original (the conventions' ``Canonical`` maps are made of these two lists)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.canon: list[int] = []
        self.orig: list[int] = []

    def add(self, text: str, orig: int | None) -> None:
        """Append ``text``; ``orig``: where its first character sits in the original (None: synthetic)."""
        if not text:
            return
        if orig is not None:
            if self.canon and self.canon[-1] == self.length:
                self.orig[-1] = orig
            else:
                self.canon.append(self.length)
                self.orig.append(orig)
        self.parts.append(text)
        self.length += len(text)


def line_starts(lines: list[str]) -> list[int]:
    """The offset of each line's first character in the text the lines were split from at ``\\n``."""
    starts = [0] * len(lines)
    pos = 0
    for i, line in enumerate(lines):
        starts[i] = pos
        pos += len(line) + 1
    return starts
