"""The shared parser: any report document's bytes → metadata, sections and the standard tables.

Independent of Scrapy. The one entry point is :func:`parse`.
"""

from __future__ import annotations

from parsers.api import PARSER_VERSION, parse, parse_extracted
from parsers.extracted import Extracted, UnreadableDocument
from parsers.model import Cell, Check, Report, Section, Where

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
