"""Export the database as CSV, JSON Lines and Parquet, with a data dictionary generated from the schema.

Datasets (each written in every requested format, as ``<name>.csv``, ``<name>.jsonl``, ``<name>.parquet``):

- ``reports``: one row per report, every column of the ``reports`` table;
- ``cells``: the tidy cells, one row per report and cell, with the report's identifying columns;
- ``table_<name>`` for each standard table (``active``, ``applications``, ``review_litigation``,
  ``legacy``): wide, one row per report that has the table, one column per cell (``row/col``), the
  template's cells in the template's order (both formats), then any other cell the reports hold.

``data_dictionary.md`` and ``data_dictionary.json`` describe every file and column: types from the SQLite
schema, descriptions from ``nianbao/datasette/metadata.yaml``, cell labels from ``docs/SCHEMA.md``.
A blank published cell is empty/null, as in the database; in a wide table an absent cell is null too
(use ``cells`` to tell them apart). Rows are streamed, so the export runs in bounded memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from nianbao.datasette import column_descriptions, table_descriptions
from nianbao.dictionary import STANDARD_TABLES, TABLE_TITLES, describe_cell, standard_keys

FORMATS = ("csv", "jsonl", "parquet")
BATCH = 20_000
REPORT_KEYS = (
    "report_id",
    "organ_id",
    "division_code",
    "portal",
    "region",
    "publisher",
    "year",
    "format",
    "review",
    "url",
)
ORGAN_COLUMNS = ("organ_id", "organ_name", "division_code")  # appended to reports (nianbao/organs.py links them)
TYPES = {"INTEGER": "integer", "REAL": "number", "TEXT": "string"}


@dataclass
class Column:
    name: str
    type: str  # integer, number, string
    description: str = ""


@dataclass
class Dataset:
    name: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterator[tuple[Any, ...]]]
    count: int = 0


@dataclass
class ExportResult:
    out: Path
    formats: tuple[str, ...]
    datasets: list[Dataset] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _sql_type(declared: str) -> str:
    return TYPES.get(declared.upper().split("(")[0], "string")


def reports_dataset(db: Database) -> Dataset:
    described = {**column_descriptions().get("reports", {}), **column_descriptions().get("report_organs", {})}
    columns = [Column(c.name, _sql_type(c.type), described.get(c.name, "")) for c in db.table("reports").columns]
    names = ", ".join(f"r.{c.name}" for c in columns)
    columns += [Column(name, "string", described.get(name, "")) for name in ORGAN_COLUMNS]
    return Dataset(
        "reports",
        table_descriptions().get("reports", ""),
        columns,
        lambda: iter(
            db.execute(
                f"SELECT {names}, l.organ_id, o.name, o.division_code FROM reports r {_ORGAN_JOIN} ORDER BY r.id"
            )
        ),
    )


def _report_columns() -> list[Column]:
    described = {
        **column_descriptions().get("reports", {}),
        **column_descriptions().get("report_organs", {}),
        "report_id": "The report (reports.id)",
    }
    types = {"report_id": "integer", "year": "integer"}
    return [Column(k, types.get(k, "string"), described.get(k, "")) for k in REPORT_KEYS]


_REPORT_SELECT = "r.id, l.organ_id, o.division_code, r.portal, r.region, r.publisher, r.year, r.format, r.review, r.url"
_ORGAN_JOIN = "LEFT JOIN report_organs l ON l.report_id = r.id LEFT JOIN organs o ON o.id = l.organ_id"


def cells_dataset(db: Database) -> Dataset:
    described = column_descriptions().get("cells", {})
    cell_columns = [
        Column("table_name", "string", described.get("table_name", "")),
        Column("row", "string", described.get("row", "")),
        Column("col", "string", described.get("col", "")),
        Column("key", "string", described.get("key", "")),
        Column("value", "number", described.get("value", "")),
        Column("raw", "string", described.get("raw", "")),
        Column("provenance", "string", described.get("provenance", "")),
    ]
    sql = (
        f"SELECT {_REPORT_SELECT}, c.table_name, c.row, c.col, c.key, c.value, c.raw, c.provenance"
        f" FROM cells c JOIN reports r ON r.id = c.report_id {_ORGAN_JOIN} ORDER BY r.id, c.key"
    )
    return Dataset(
        "cells",
        table_descriptions().get("cells", ""),
        [*_report_columns(), *cell_columns],
        lambda: iter(db.execute(sql)),
    )


def wide_dataset(db: Database, table: str) -> Dataset:
    known = standard_keys().get(table, [])
    present = [
        f"{row}/{col}"
        for row, col in db.execute(
            "SELECT DISTINCT row, col FROM cells WHERE table_name = ? ORDER BY row, col", [table]
        )
    ]
    keys = [*known, *sorted(set(present) - set(known))]
    position = {key: i for i, key in enumerate(keys)}
    sql = (
        f"SELECT {_REPORT_SELECT}, c.row || '/' || c.col, c.value"
        f" FROM cells c JOIN reports r ON r.id = c.report_id {_ORGAN_JOIN} WHERE c.table_name = ? ORDER BY r.id"
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for head, group in groupby(db.execute(sql, [table]), key=lambda r: r[: len(REPORT_KEYS)]):
            values: list[Any] = [None] * len(keys)
            for record in group:
                values[position[record[-2]]] = record[-1]
            yield (*head, *values)

    columns = [
        *_report_columns(),
        *[Column(k, "number", f"{describe_cell(table, k)} (cell {table}/{k})") for k in keys],
    ]
    description = (
        f"{TABLE_TITLES.get(table, table)}: one row per report that has the table `{table}`,"
        " one column per cell (row/column)."
    )
    return Dataset(f"table_{table}", description, columns, rows)


def datasets(db: Database) -> list[Dataset]:
    from nianbao.datapackage import organ_datasets

    extra = [
        Dataset(d["name"], d["description"], [Column(*c) for c in d["columns"]], d["rows"]) for d in organ_datasets(db)
    ]
    return [reports_dataset(db), cells_dataset(db), *[wide_dataset(db, t) for t in STANDARD_TABLES], *extra]


# -- writers -----------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """An integral float as an int (counts read back from REAL columns), anything else as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class CsvSink:
    def __init__(self, path: Path, columns: list[Column], bom: bool) -> None:
        self.fh: IO[str] = path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="")
        self.writer = csv.writer(self.fh)
        self.writer.writerow([c.name for c in columns])

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        self.writer.writerows([[_plain(v) for v in row] for row in rows])

    def close(self) -> None:
        self.fh.close()


class JsonlSink:
    def __init__(self, path: Path, columns: list[Column]) -> None:
        self.fh: IO[str] = path.open("w", encoding="utf-8")
        self.names = [c.name for c in columns]

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        for row in rows:
            record = {n: _plain(v) for n, v in zip(self.names, row, strict=True)}
            self.fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.fh.close()


class ParquetSink:
    def __init__(self, path: Path, columns: list[Column]) -> None:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        arrow = {"integer": pa.int64(), "number": pa.float64(), "string": pa.string()}
        self.pa = pa
        self.schema = pa.schema([pa.field(c.name, arrow[c.type]) for c in columns])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        columns: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)] or [[] for _ in self.schema]
        arrays = [self.pa.array(col, type=f.type) for col, f in zip(columns, self.schema, strict=True)]
        self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


Sink = CsvSink | JsonlSink | ParquetSink


def _sink(fmt: str, path: Path, columns: list[Column], bom: bool) -> Sink:
    if fmt == "csv":
        return CsvSink(path, columns, bom)
    if fmt == "jsonl":
        return JsonlSink(path, columns)
    return ParquetSink(path, columns)


def write_dataset(dataset: Dataset, out: Path, formats: tuple[str, ...], bom: bool = False) -> list[Path]:
    paths = [out / f"{dataset.name}.{fmt}" for fmt in formats]
    sinks = [_sink(fmt, path, dataset.columns, bom) for fmt, path in zip(formats, paths, strict=True)]
    try:
        batch: list[tuple[Any, ...]] = []
        for row in dataset.rows():
            batch.append(tuple(row))
            if len(batch) >= BATCH:
                for sink in sinks:
                    sink.write(batch)
                dataset.count += len(batch)
                batch = []
        if batch or dataset.count == 0:
            for sink in sinks:
                sink.write(batch)
            dataset.count += len(batch)
    finally:
        for sink in sinks:
            sink.close()
    return paths


# -- the data dictionary -------------------------------------------------------------------------------


def dictionary(result: ExportResult) -> dict[str, Any]:
    return {
        "formats": list(result.formats),
        "conventions": [
            "A cell is addressed as table/row/column (docs/SCHEMA.md); wide tables name a column row/column.",
            "A blank published cell is empty (CSV) or null (JSON Lines, Parquet), never 0.",
            "Counts are whole numbers; amounts (fees, procurement, budget) are in 万元.",
            "CSV and JSON Lines are UTF-8; Parquet is compressed with zstd.",
        ],
        "files": [
            {
                "name": d.name,
                "description": d.description,
                "rows": d.count,
                "files": [f"{d.name}.{fmt}" for fmt in result.formats],
                "columns": [{"name": c.name, "type": c.type, "description": c.description} for c in d.columns],
            }
            for d in result.datasets
        ],
    }


def dictionary_markdown(data: dict[str, Any]) -> str:
    lines = ["# Data dictionary", "", "Generated by `nianbao export` from the database schema.", ""]
    lines += [f"- {c}" for c in data["conventions"]]
    for f in data["files"]:
        lines += [
            "",
            f"## {f['name']}",
            "",
            f"{f['description']}",
            "",
            f"{f['rows']} rows; files: " + ", ".join(f"`{n}`" for n in f["files"]) + ".",
            "",
            "| column | type | description |",
            "|---|---|---|",
        ]
        lines += [f"| `{c['name']}` | {c['type']} | {c['description'].replace('|', '/')} |" for c in f["columns"]]
    return "\n".join(lines) + "\n"


def export(db: Database, out: Path, formats: tuple[str, ...] = FORMATS, *, bom: bool = False) -> ExportResult:
    """Write every dataset in every format to ``out`` (created), and the data dictionary."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export format(s) {sorted(unknown)}; choose from {FORMATS}")
    from nianbao.datapackage import write_datapackage
    from nianbao.organs import ensure_linked

    out.mkdir(parents=True, exist_ok=True)
    ensure_linked(db)
    result = ExportResult(out, tuple(formats))
    for dataset in datasets(db):
        result.files += write_dataset(dataset, out, result.formats, bom)
        result.datasets.append(dataset)
    data = dictionary(result)
    (out / "data_dictionary.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "data_dictionary.md").write_text(dictionary_markdown(data), encoding="utf-8")
    result.files += [out / "data_dictionary.json", out / "data_dictionary.md"]
    result.files.append(write_datapackage(out, data, result.formats))
    return result
