"""Pandoc Markdown's bracketed spans (``[规章]{style="font-size:14px"}``) read as the text they wrap.

``pandoc -t markdown`` keeps every ``<span>`` of an HTML page that carries attributes as a bracketed span: the text
in brackets, its attributes in braces after it, nested as the page nests them (``[[1]{style=…}]{style=…}``), and a
number a CMS styled digit group by digit group comes out in pieces (``[2772661]{…}.[517]{…}``). The table rows
(simple and multiline tables) are laid out by spaces around that markup. Removing the brackets and the attribute
blocks leaves the text as the page shows it, its columns still apart by runs of spaces.

Only brackets closed by an attribute block are removed: a link (``[text](url)``), a footnote or a bracket in the
prose stays as it is.
"""

from __future__ import annotations

import re

# an attribute block right after a closing bracket: ``]{style="…"}``, ``]{.fr}``, ``]{#id .class key=value}``
_ATTRS = re.compile(r"\]\{(?:[#.][\w-]|[\w-]+=)[^{}\n|│]{0,300}\}")  # never across a table's cell border
MIN_SPANS = 3  # bracketed spans for a text to be read as pandoc Markdown


def strip_spans(text: str, min_spans: int = MIN_SPANS) -> tuple[str, list[int], list[int]] | None:
    """The text without the spans' markup, and its anchors: ``(text, canon, orig)``, where each canonical offset
    ``canon[i]`` stands for original offset ``orig[i]`` (the text between anchors copied as it stands). None when
    the text has fewer than ``min_spans`` spans."""
    closers = list(_ATTRS.finditer(text))
    if len(closers) < min_spans:
        return None
    cuts: list[tuple[int, int]] = []  # (start, end) of markup to drop
    for m in closers:
        opener = _opening_bracket(text, m.start())
        if opener is None:
            continue
        cuts.append((opener, opener + 1))
        cuts.append((m.start(), m.end()))
    if not cuts:
        return None
    cuts.sort()
    parts: list[str] = []
    canon: list[int] = []
    orig: list[int] = []
    at = length = 0
    for start, end in cuts:
        if start < at:
            continue
        if start > at:
            canon.append(length)
            orig.append(at)
            parts.append(text[at:start])
            length += start - at
        at = end
    if at < len(text):
        canon.append(length)
        orig.append(at)
        parts.append(text[at:])
    return "".join(parts), canon, orig


def _opening_bracket(text: str, close: int) -> int | None:
    """The ``[`` that the ``]`` at ``close`` closes, on the same line (nested brackets counted)."""
    depth = 0
    i = close - 1
    while i >= 0:
        c = text[i]
        if c == "\n":
            return None
        if c == "]":
            depth += 1
        elif c == "[":
            if depth == 0:
                return i
            depth -= 1
        i -= 1
    return None
