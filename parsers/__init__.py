"""The shared parser: any report document's bytes → metadata, sections and the standard tables.

Independent of Scrapy. The one entry point is :func:`parse`.
"""

from __future__ import annotations

from parsers import compiled

compiled.install()  # the mypyc build of the sources as they stand, if there is one: before the modules it holds

from parsers.api import PARSER_VERSION, parse, parse_extracted  # noqa: E402
from parsers.extracted import Extracted, UnreadableDocument  # noqa: E402
from parsers.model import Cell, Check, Report, Section, Where  # noqa: E402

__all__ = [
    "PARSER_VERSION",
    "Cell",
    "Check",
    "Extracted",
    "Report",
    "Section",
    "UnreadableDocument",
    "Where",
    "parse",
    "parse_extracted",
]
