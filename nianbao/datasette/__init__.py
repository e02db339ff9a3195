"""Datasette over the nianbao database: metadata (``metadata.yaml``), preparation and the app.

``prepare(store)`` gives the database what the canned queries read (the views of :mod:`nianbao.coverage`
and the full-text index of :mod:`nianbao.search`); ``build_datasette(db_path)`` returns a configured
``datasette.app.Datasette`` (``nianbao serve`` runs it with uvicorn).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from datasette.app import Datasette  # type: ignore[import-untyped]

    from storage.store import Store

HERE = Path(__file__).parent
METADATA = HERE / "metadata.yaml"
TEMPLATES = HERE / "templates"
DEFAULT_NAME = "nianbao"
SETTINGS: dict[str, Any] = {
    "truncate_cells_html": 160,  # report texts and provenance JSON stay readable in tables
    "default_page_size": 50,
    "sql_time_limit_ms": 5000,  # the coverage view scans every report
    "facet_time_limit_ms": 1000,
    "allow_download": False,
    "max_returned_rows": 10000,  # a chart's query returns every organ × year of the heatmap
}


def load_metadata(db_name: str = DEFAULT_NAME) -> dict[str, Any]:
    """The metadata, its database entry named ``db_name`` (Datasette names a database after its file)."""
    metadata: dict[str, Any] = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    if db_name != DEFAULT_NAME:
        metadata["databases"] = {db_name: metadata["databases"][DEFAULT_NAME]}
        metadata["description_html"] = metadata["description_html"].replace(
            f'href="/{DEFAULT_NAME}/', f'href="/{db_name}/'
        )
    return metadata


def column_descriptions() -> dict[str, dict[str, str]]:
    """Table or view → column → description (the data dictionary's descriptions)."""
    tables = load_metadata()["databases"][DEFAULT_NAME]["tables"]
    return {name: dict(spec.get("columns") or {}) for name, spec in tables.items()}


def table_descriptions() -> dict[str, str]:
    tables = load_metadata()["databases"][DEFAULT_NAME]["tables"]
    return {name: " ".join(str(spec.get("description", "")).split()) for name, spec in tables.items()}


def prepare(store: Store, *, index: bool = True, workers: int | None = None, progress: bool = False) -> None:
    """Create the views the canned queries read and bring the full-text index up to date."""
    from nianbao import charts
    from nianbao.coverage import ensure_views
    from nianbao.expected import sync
    from nianbao.organs import ensure_linked
    from nianbao.search import ensure_index, update_index

    sync(store.db)  # the registry's organs, for the registry_coverage view
    ensure_views(store.db)
    ensure_linked(store.db)
    charts.ensure_views(store.db)
    if index:
        update_index(store, workers=workers, progress=progress)
    else:
        ensure_index(store.db)


def build_datasette(db_path: str | Path, settings: dict[str, Any] | None = None) -> Datasette:
    from datasette.app import Datasette  # type: ignore[import-untyped]
    from datasette.plugins import pm  # type: ignore[import-untyped]
    from sqlite_utils import Database

    from nianbao import charts
    from nianbao.datasette import plugin

    if not pm.is_registered(plugin):  # the entry point registers it when the package is installed
        pm.register(plugin, name="nianbao")
    path = Path(db_path)
    metadata = load_metadata(path.stem)
    db = Database(path) if path.is_file() else None
    metadata.setdefault("plugins", {})["datasette-dashboards"] = charts.dashboards_config(path.stem, db)
    if db is not None:
        db.close()
    return Datasette(
        [str(path)],
        metadata=metadata,
        template_dir=str(TEMPLATES) if TEMPLATES.is_dir() else None,
        settings={**SETTINGS, **(settings or {})},
    )
