"""The parser modules compiled by mypyc, and the import hook that loads them only for the sources as they stand.

``scripts/build_native.py`` (run by ``scripts/setup.sh``) compiles :data:`MODULES` into
``.nianbao-native/<key>/`` beside the package, with the C extensions of :data:`EXTENSIONS`, ``<key>`` a hash of
every ``parsers/**/*.py`` and ``*.c`` source. At import,
:func:`install` hashes the sources again and loads the compiled modules only from the folder of that key: a
source edited since the build (any parser module, since a compiled module may have inlined another's constants)
has another key, finds no build, and runs as pure Python until the next build. ``NIANBAO_PURE_PYTHON=1`` turns
the compiled modules off. Without a build (no compiler, an install outside the repository) everything is pure
Python; the output is the same either way (``tests/test_compiled.py``).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

# The HTML reader, the shared parse's work per line and per token (every kind), and its tables' rows: the active table
# (and the modules split from ``active``), table 三 (its header's column names too, and the modules split from
# ``applications``), the fit of a row's values and
# the identities (issue 13); and the modules of an HTML or XLSX parse that handle no token (the entry point, the kind's
# detection and the zip's members, the sheet reader, the metadata, sections and verdict, the conventions: s41); the
# report's assembly and the table modules that compare no token by identity and hand tokens only to compiled
# modules (the legacy table, table 二's blocks and cut points, table 三's label heads, stacked pieces and lost
# column, the fraction counts, the identities' solver: s44). A
# compiled module held a token (then typed as a fixed tuple) unboxed and boxed it anew where it went into a list or a
# call; since a50 (fifteenth session) ``Token`` is typed as a ``NamedTuple`` and stays the same object
# (``tests/test_compiled.py``), but other fixed tuples (a row's readings, ``DERIVED``) are still held unboxed: never
# compare tokens with ``is`` or ``id()`` in these, nor in a module that is given tokens a compiled module made — which
# is why the other table modules stay Python (``head_blocks``, ``run_order``,
# ``review_displaced``, ``active_boxes``, ``box_order``, ``continued`` and ``displaced`` compare tokens by identity, and
# compiled, ``tables/review`` handed ``head_blocks`` tokens boxed anew: s41). The modules split from ``conventions``
# (``pipe_rows``, ``csv_rows``), ``tokens`` (``tokenizer``, ``ocr_digits``, ``token_numbers``) and ``reading``
# (``row_locate``, ``rows_by_order``, ``split_digits``) are compiled with them (s45); so are the zip package
# check split from ``readers/docx`` (``package_check``: d46) and table 三's pieces wrapped about a row
# (``centred_pieces``: a46), and its cells on both sides of their label in pdfminer's boxes (``box_sides``: b49),
# and a row's values after its label (``row_values``, split from ``applications`` in the fourteenth session).
MODULES = (
    "parsers.api",
    "parsers.conventions",
    "parsers.csv_rows",
    "parsers.detect",
    "parsers.extracted",
    "parsers.metadata",
    "parsers.narrative",
    "parsers.pipe_rows",
    "parsers.readers.chrome",
    "parsers.readers.html",
    "parsers.readers.html_grid",
    "parsers.readers.html_stream",
    "parsers.readers.package_check",
    "parsers.readers.sheet",
    "parsers.report",
    "parsers.review",
    "parsers.sections",
    "parsers.stored_zip",
    "parsers.tables.active",
    "parsers.tables.active_blocks",
    "parsers.tables.active_columns",
    "parsers.tables.active_glued",
    "parsers.tables.active_missing_rows",
    "parsers.tables.active_rows",
    "parsers.tables.align",
    "parsers.tables.applications",
    "parsers.tables.applications_start",
    "parsers.tables.box_sides",
    "parsers.tables.broken_numbers",
    "parsers.tables.centred_pieces",
    "parsers.tables.checks",
    "parsers.tables.count_fractions",
    "parsers.tables.cut_points",
    "parsers.tables.glued_rows",
    "parsers.tables.label_heads",
    "parsers.tables.labels_after_values",
    "parsers.tables.legacy",
    "parsers.tables.lost_column",
    "parsers.tables.merged_rows",
    "parsers.tables.named_columns",
    "parsers.tables.ocr_digits",
    "parsers.tables.procurement_cells",
    "parsers.tables.reading",
    "parsers.tables.realign",
    "parsers.tables.row_locate",
    "parsers.tables.row_values",
    "parsers.tables.rows_by_order",
    "parsers.tables.short_rows",
    "parsers.tables.solve",
    "parsers.tables.split_digits",
    "parsers.tables.stacked_pieces",
    "parsers.tables.token_numbers",
    "parsers.tables.tokenizer",
    "parsers.tables.tokens",
    "parsers.tables.values_first",
    "parsers.zip_members",
)
# C extensions built beside them (module -> its source under ``parsers/``): the PDF reader's loops over PDFium,
# its layout's ruled-table search, the layout's text (cell texts, text lines, fake bold), and the
# tokenizer's line loop (every kind).
EXTENSIONS = {
    "parsers.readers._pdfium_loops": "readers/_pdfium_loops.c",
    "parsers.readers._layout_tables": "readers/_layout_tables.c",
    "parsers.readers._layout_text": "readers/_layout_text.c",
    "parsers.tables._tokens": "tables/_tokens.c",
}
PACKAGE = Path(__file__).resolve().parent
BUILDS = PACKAGE.parent / ".nianbao-native"
PURE_ENV = "NIANBAO_PURE_PYTHON"


def source_key(package: Path = PACKAGE) -> str:
    """A hash of every ``.py`` and ``.c`` file under ``package`` (path and bytes) and of :data:`MODULES`."""
    h = hashlib.sha256("\n".join(MODULES).encode())
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.c")]):
        h.update(b"\0" + path.relative_to(package).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def group_name(key: str) -> str:
    """The name of the shared library mypyc builds for the compiled modules (a top-level module)."""
    return f"nianbao_native_{key}"


def build_files(folder: Path, key: str) -> dict[str, Path]:
    """Each module of a build (the compiled modules and their shared library) and the file it loads from."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    files = {name: folder / (name.replace(".", "/") + suffix) for name in (*MODULES, *EXTENSIONS)}
    files[group_name(key) + "__mypyc"] = folder / (group_name(key) + "__mypyc" + suffix)
    return files


class _Finder:
    """A meta path finder for the modules of one build, each from its file."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        file = self.files.get(fullname)
        return importlib.util.spec_from_file_location(fullname, file) if file is not None else None


def install(builds: Path = BUILDS, package: Path = PACKAGE) -> dict[str, Path]:
    """Load :data:`MODULES` from the build for the sources as they stand, if there is one whole (and
    ``NIANBAO_PURE_PYTHON`` is not set); the files it will load from (empty: pure Python)."""
    if os.environ.get(PURE_ENV) or not builds.is_dir():
        return {}
    key = source_key(package)
    files = build_files(builds / key, key)
    if not all(f.is_file() for f in files.values()):
        return {}
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder(files))
    return files


def compiled() -> list[str]:
    """The modules of :data:`MODULES` imported so far from a compiled build."""
    return [
        name for name in MODULES if (m := sys.modules.get(name)) is not None and not str(m.__file__).endswith(".py")
    ]
