"""An :class:`Extracted` document → a :class:`Report` (metadata, sections, tables, checks, warnings)."""

from __future__ import annotations

from parsers.extracted import Extracted
from parsers.metadata import read_metadata
from parsers.model import Report, Warning_
from parsers.sections import read_sections
from parsers.tables import read_tables


def build_report(extracted: Extracted) -> Report:
    metadata = read_metadata(extracted)
    tables = read_tables(extracted, metadata.get("year"))
    metadata["format"] = tables.format
    sections, section_warnings = read_sections(extracted.text, 5 if tables.format == "legacy" else 6)
    warnings = [Warning_("reader", note) for note in extracted.notes]
    warnings += tables.warnings + section_warnings
    if tables.format == "none":
        warnings.append(Warning_("no_table", "no standard table (2021, 2019 or 统计指标) found"))
    return Report(
        metadata=metadata,
        text=extracted.text,
        sections=sections,
        cells=tables.cells,
        checks=tables.checks,
        warnings=warnings,
    )
