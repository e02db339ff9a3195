"""An :class:`Extracted` document → a :class:`Report` (metadata, sections, tables, checks, warnings)."""

from __future__ import annotations

import gc
import re

from parsers.extracted import Extracted
from parsers.metadata import read_metadata
from parsers.model import Report, Warning_
from parsers.narrative import narrative_checks
from parsers.review import set_verdict
from parsers.sections import read_sections
from parsers.tables import read_tables
from parsers.tables.spaced_counts import blank_spaced_fractions
from parsers.tables.tokens import normalise

_CODED_NOTE = re.compile(r"\[([a-z_]+)\] (.*)", re.S)


def note_code(note: str) -> tuple[str, str]:
    """A reader's note as a warning's code and message: ``[code] message`` names its code, else ``reader``."""
    found = _CODED_NOTE.match(note)
    return (found[1], found[2]) if found else ("reader", note)


def build_report(extracted: Extracted) -> Report:
    """The report of one extracted document, read with Python's cyclic garbage collector paused (and its state
    restored after): the reading allocates thousands of small objects (tokens, cells, their provenance) that
    form no cycle, and the collector's passes over them cost about 3 % of the reading (callgrind); whatever
    cycle a reading did leave is collected on the collector's next pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_report(extracted)
    finally:
        if enabled:
            gc.enable()


def _build_report(extracted: Extracted) -> Report:
    norm = normalise(extracted.text)  # once: metadata, tables and sections all read it
    metadata_notes: list[str] = []
    metadata = read_metadata(extracted, norm, metadata_notes)
    tables = read_tables(extracted, metadata.get("year"), norm)
    if not extracted.ocr:  # a count printed as a spaced decimal (``2． 649``): left blank (tables/spaced_counts.py)
        blank_spaced_fractions(tables.cells, tables.warnings)
    if extracted.ocr:  # OCR hook: metadata says so; misread digits resolved by the identities (parsers/ocr/correct.py)
        from parsers.ocr.agreed import contest_agreed
        from parsers.ocr.bounded_zeros import bounded_zeros
        from parsers.ocr.contradicted import blank_contradicted
        from parsers.ocr.contradicted_sets import blank_contradicted_sets
        from parsers.ocr.correct import correct_misreadings
        from parsers.ocr.counts import leading_zeros, negative_counts, whole_counts
        from parsers.ocr.doubtful import blank_doubtful
        from parsers.ocr.lost_digit_values import lost_digit_values
        from parsers.ocr.lost_ones import lost_ones
        from parsers.ocr.low_sums import blank_low_sums
        from parsers.ocr.one_sum_lookalikes import blank_lookalike_parts
        from parsers.ocr.procurement import lone_amount
        from parsers.ocr.short_counts import blank_short_counts

        metadata["ocr"] = True
        whole_counts(tables.cells, tables.warnings)
        lone_amount(tables.cells, tables.warnings)
        blank_short_counts(tables.cells, tables.warnings, extracted.short_readings)  # table 二's short readings
        tables.checks = contest_agreed(tables.cells, tables.checks, tables.warnings, extracted.agreed_glyphs)
        tables.checks = correct_misreadings(
            tables.cells, tables.checks, tables.warnings, extracted.glyph_sets, extracted.sure
        )
        leading_zeros(tables.cells, tables.checks, tables.warnings)
        blank_doubtful(tables.cells, tables.checks, tables.warnings, extracted.doubtful, extracted.glyph_sets)
        tables.checks = lost_ones(tables.cells, tables.checks, tables.warnings)
        tables.checks = lost_digit_values(
            tables.cells, tables.checks, tables.warnings, extracted.digits_lost, extracted.text, extracted.spans
        )
        blank_contradicted(tables.cells, tables.checks, tables.warnings)
        blank_contradicted_sets(tables.cells, tables.checks, tables.warnings)
        blank_low_sums(tables.cells, tables.checks, tables.warnings)  # a sum read below its parts in every sum
        blank_lookalike_parts(tables.cells, tables.checks, tables.warnings)  # a lone sum's lookalike part
        bounded_zeros(tables.cells, tables.checks, tables.warnings, extracted.empty_cells)  # lost cells bound to 0
        negative_counts(tables.cells, tables.warnings)  # after the identities' rules: they check it as read
    metadata["format"] = tables.format
    metadata["convention"] = tables.convention
    sections, section_warnings = read_sections(extracted.text, 5 if tables.format == "legacy" else 6, norm)
    warnings = [Warning_(*note_code(note)) for note in [*extracted.notes, *metadata_notes]]
    warnings += tables.warnings + section_warnings
    if tables.format == "none":
        found = "no standard table (2021, 2019 or 统计指标) found"
        warnings.append(Warning_("no_table", found + _no_body(section_warnings)))
    year = metadata.get("year")
    told, told_warnings = narrative_checks(
        extracted.text, tables.format, tables.cells, year if isinstance(year, int) else None, norm
    )
    report = Report(
        metadata=metadata,
        text=extracted.text,
        sections=sections,
        cells=tables.cells,
        checks=tables.checks + told,
        warnings=warnings + told_warnings,
    )
    set_verdict(report, extracted.metadata)
    return report


def _no_body(section_warnings: list[Warning_]) -> str:
    """What the no-table warning adds where the text prints none of the report's section headings either: the
    report's body is not in the text (html-to-markdown drops a page's ``<form>``, and the VSB portals hold the
    article in one), so its tables are missing, not unread."""
    if sum(w.code == "missing_section" for w in section_warnings) < 5:  # 6 sections (5 in the legacy format)
        return ""
    return (
        f"; nor any of its {len(section_warnings)} section headings: the report's body (its tables and sections) is "
        "missing from the text (an extractor that dropped the article, as html-to-markdown drops a page's <form>)"
    )
