"""The verdict on a report: can its numbers be trusted as read, or should a person look?

``review`` is ``none`` (every cell read plainly, every identity holds), ``suggested`` (something was read by
a guess the parser reports: a label matched by meaning, an OCR'd digit, a split number, a merged row, a
blank cell placed by the identities, a check of the narrative against the tables that failed, a scanned
report) or ``required`` (an accounting identity fails, a row or a table is missing, no table was found,
printed numbers left blank because no reading of them is certain, an identity that failed as OCR read the page
made to hold by taking a digit as another).
``review_reasons`` says why, one short entry per kind of cause.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from parsers.model import Report

# warnings that leave cells blank or numbers in doubt (placement_open, ambiguous_split: printed cells left blank):
# a person must look
REQUIRED = {
    "missing_row",
    "missing_table",
    "no_table",
    "identity_failed",
    "placement_open",
    "zero_led_run",  # a digit run led by 0 read as one number: several cells glued, left blank (zero_led_runs.py)
    "placement_unconfirmed",  # table 三's identities fail on a reading in doubt: left blank (tables/unconfirmed.py)
    "ambiguous_split",
    "ambiguous_value",  # the identities leave a number's column open: the tie-break chose
    "spaced_fraction_in_count",  # a count printed as a spaced decimal (``2． 649``): left blank (spaced_counts.py)
    "column_order",  # the text prints the tables column by column: no cell read (parsers/tables/column_order.py)
    # an OCR'd digit the engine read plainly, taken as another because the identities hold under it: as read, an
    # identity failed, and the page cannot tell a misread from a total printed wrong (synth_444: the digit read
    # right, the published total wrong, the "correction" making it agree)
    "ocr_corrected",
    # an OCR'd glyph read one digit in every cell, taken as a lookalike the identities single out (ocr/agreed.py)
    "ocr_glyph_contested",
    # a disputed OCR glyph the identities could not decide: its printed numbers left blank (parsers/ocr/correct.py)
    "ocr_glyph_undecided",
    # a disputed OCR glyph's cell the engine read as another digit, that no identity confirms as the set's reading
    # while one of its identities fails: left blank (parsers/ocr/glyph_members.py)
    "ocr_glyph_unconfirmed",
    # an OCR'd number read unsure of, in an identity that failed: left blank (parsers/ocr/doubtful.py)
    "ocr_doubtful",
    # an OCR'd number one of whose digits prints a disputed glyph, in an identity that failed: left blank
    # (parsers/ocr/glyph_digits.py)
    "ocr_glyph_doubtful",
    # an OCR'd count whose every identity fails and would hold with one other value in it: left blank
    # (parsers/ocr/contradicted.py)
    "ocr_contradicted",
    # two or three OCR'd numbers the identities single out together: left blank (parsers/ocr/contradicted_sets.py)
    "ocr_contradicted_set",
    # an OCR'd sum read below its parts in every identity it is a sum in: left blank (parsers/ocr/low_sums.py)
    "ocr_sum_below_parts",
    # a part of a lone failing sum a lookalike reading of it makes hold: left blank (ocr/one_sum_lookalikes.py)
    "ocr_part_lookalike",
    # OCR text: a table 三 result cell read above its column's (七)总计, whose row holds: left blank
    # (parsers/tables/parts_above_sum.py)
    "ocr_part_above_sum",
    # OCR text: a cell read from digits a rule mark splits (``19|1``): left blank (parsers/tables/barred_numbers.py)
    "ocr_rule_in_number",
    # an OCR'd count read with a fraction that is no thousands separator: left blank (parsers/ocr/counts.py)
    "ocr_fraction_in_count",
    # an OCR'd count read with a leading zero, an identity of it failing: a digit lost, left blank (ocr/counts.py)
    "ocr_leading_zero_blank",
    # a stack of digits the engine read as one word: the printed number left blank (parsers/ocr/cell_digits.py)
    "ocr_stack_unread",
    # an OCR'd number read with fewer digits than its ink is wide: left blank (parsers/ocr/lost_digits.py)
    "ocr_digits_lost",
    # a table's grid row holding several template rows (its rules lost on the scan) split by its blank bands, the
    # page read again on the split grid (parsers/ocr/lost_rules.py)
    "ocr_rows_split",
    # a table 三 row whose label cell the engine lost, placed by the template's order at the table's start or end, or
    # with a disputed glyph's reading or a cell read as no number (parsers/tables/lost_labels.py)
    "lost_label_placed",
    # an OCR'd procurement amount read without its count, whose digits may be its first: left blank (ocr/procurement.py)
    "ocr_amount_alone",
    # a table's reader raised: that table's cells left blank, the exception named (parsers/tables/guarded.py)
    "table_read_error",
    # an OCR'd count read below zero (only 本年增/减 is signed): left blank (parsers/ocr/counts.py)
    "ocr_sign_in_count",
    # table 二's count read with a fraction: not its cell's number, left blank (parsers/tables/count_fractions.py)
    "fraction_in_count",
    # table 二's number cut at its point across two grid cells: left blank (parsers/tables/cut_points.py)
    "number_cut_blank",
    # a text printing the tables column by column: the template's rows left without a cell, by table
    # (parsers/tables/unread_rows.py)
    "rows_not_read",
    # table 四's header prints no head of a row, its values the other rows': that row's cells blank, not printed (a
    # table cut at the page's edge; parsers/tables/review.py)
    "row_not_printed",
    # table 三's total wrapped below its row's line in a narrow cell, no one reading of the pieces holding the row
    # total: the piece below left blank (parsers/tables/wrapped_digits.py)
    "wrapped_digits_blank",
}
# warnings that do not touch the numbers read
IGNORED = {"missing_section", "kind_mismatch", "images_not_read", "text_not_upright", "ofd_scaled", "zip_member"}
NARRATIVE_KIND = "narrative_vs_table"
LEVELS = ("none", "suggested", "required")


def review_verdict(report: Report, extracted_metadata: dict[str, Any] | None = None) -> tuple[str, list[str]]:
    """The verdict and its reasons (most serious first)."""
    required: Counter[str] = Counter()
    suggested: Counter[str] = Counter()
    for c in report.checks:
        if c.passed:
            continue
        if _is_narrative(c):
            suggested[NARRATIVE_KIND] += 1
        else:
            required["identity_failed"] += 1
    for w in report.warnings:
        if w.code in IGNORED or w.code == "identity_failed" or w.code.startswith("narrative"):
            continue
        (required if w.code in REQUIRED else suggested)[w.code] += 1
    ocr = report.metadata.get("ocr") or (extracted_metadata or {}).get("ocr")
    if ocr and str(ocr).lower() not in ("0", "false", "no"):
        suggested["ocr"] += 1
    reasons = [f"{code} ×{n}" if n > 1 else code for code, n in (*required.items(), *suggested.items())]
    if required:
        return "required", reasons
    if suggested:
        return "suggested", reasons
    return "none", reasons


def _is_narrative(check: Any) -> bool:
    kind = getattr(check, "kind", None)
    return kind == NARRATIVE_KIND or str(getattr(check, "name", "")).startswith(("narrative", NARRATIVE_KIND))


def set_verdict(report: Report, extracted_metadata: dict[str, Any] | None = None) -> None:
    """Write ``review`` and ``review_reasons`` into the report's metadata."""
    level, reasons = review_verdict(report, extracted_metadata)
    report.metadata["review"] = level
    report.metadata["review_reasons"] = reasons
