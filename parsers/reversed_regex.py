"""A regex read backwards: a pattern that ends at the end of the text (``…$``) tested at the start of the text
reversed, where the regex engine tries one position instead of every one.

``reversed_pattern(p)`` matches at the start of ``s[::-1]`` exactly when ``re.search(p, s)`` finds a match (the
language of a regular expression reversed is regular). Only what such patterns are made of is supported:
literals, classes, groups without flags, alternatives, repeats, and ``$`` as the last item; anything else (a
lookaround, a backreference, ``^``) gives None. Greedy and lazy repeats match the same strings, so a reversed
pattern answers whether there is a match, not which one a forward search would return.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # the parsed form of a pattern
import re._parser as _parser  # type: ignore[import-not-found]
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def reversed_pattern(pattern: str) -> str | None:
    """The pattern that matches ``pattern``'s matches read backwards, anchored where ``pattern`` ends (its
    trailing ``$``): to be used with ``match`` on the reversed text. None when ``pattern`` does not end in
    ``$`` or uses something not supported."""
    parsed: list[tuple[Any, Any]] = list(_parser.parse(pattern))
    if not parsed or parsed[-1] != (sre.AT, sre.AT_END):
        return None
    return _sequence(parsed[:-1])


def _sequence(items: list[tuple[Any, Any]]) -> str | None:
    parts = []
    for op, av in reversed(items):
        part = _item(op, av)
        if part is None:
            return None
        parts.append(part)
    return "".join(parts)


def _item(op: Any, av: Any) -> str | None:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return _class(av)
    if op is sre.BRANCH:
        alternatives = [_sequence(list(p)) for p in av[1]]
        if any(a is None for a in alternatives):
            return None
        return "(?:" + "|".join(a for a in alternatives if a is not None) + ")"
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, p = av
        inner = _sequence(list(p))
        return None if add_flags or del_flags or inner is None else f"(?:{inner})"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        lo, hi, p = av
        inner = _sequence(list(p))
        if inner is None:
            return None
        return f"(?:{inner}){{{lo},{'' if hi == sre.MAXREPEAT else hi}}}"
    return None


def _class(items: list[tuple[Any, Any]]) -> str | None:
    out = []
    for op, av in items:
        if op is sre.NEGATE:
            out.append("^")
        elif op is sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(out) + "]"
