"""The native line loop (``parsers/tables/_tokens.c``) keeps its own copies of the tokenizer's character lists and
limits: each must be the Python's (``parsers/tables/tokens.py``), or the C and the Python would read a line two
ways. Read from the C source as text, so the test runs where nothing is built."""

from __future__ import annotations

import re

from parsers import compiled
from parsers.tables import token_numbers, tokens

# the source beside the package's modules (a native build loads ``tokens`` from elsewhere: not beside its file)
SOURCE = (compiled.PACKAGE / "tables" / "_tokens.c").read_text(encoding="utf-8")


def _characters(c_text: str) -> set[str]:
    """The characters a piece of C names: hexadecimal code points (``0x2014``) and character literals (``'-'``)."""
    return {chr(int(h, 16)) for h in re.findall(r"0x([0-9A-Fa-f]+)", c_text)} | set(re.findall(r"'(.)'", c_text))


def _function_body(name: str) -> str:
    m = re.search(rf"\n{name}\([^)]*\)\n\{{(.*?)\n\}}", SOURCE, re.S)
    assert m is not None, f"{name} not found in _tokens.c"
    return m.group(1)


def _define(name: str) -> int:
    m = re.search(rf"^#define {name} (\d+)", SOURCE, re.M)
    assert m is not None, f"#define {name} not found in _tokens.c"
    return int(m.group(1))


def test_dashes_a_row_may_end_in_are_the_dash_markers() -> None:
    c_dashes = _characters(_function_body("is_dash_last"))
    assert c_dashes == set(token_numbers.DASH_LAST) == {c for m in tokens.DASH_MARKERS for c in m}
    assert tokens.DASH_MARKERS <= tokens.BLANK_MARKERS


def test_units_a_row_may_end_in_are_the_pythons() -> None:
    m = re.search(r"UNIT_LAST\[\] = \{([^}]*)\}", SOURCE)
    assert m is not None
    assert _characters(m.group(1)) == set(token_numbers.UNIT_LAST)


def test_limits_are_the_pythons() -> None:
    assert _define("LABEL_MAX") == tokens.LABEL_MAX
    assert _define("CACHED_MAX") == tokens.CACHED_MAX
