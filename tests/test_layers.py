"""Layers point one way: parsers ← storage ← crawler ← nianbao (the command line). No module imports a layer
above its own, whether at the top of the file or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("parsers", "storage", "crawler", "nianbao")


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_runs_upward(layer: str) -> None:
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    offences = [
        f"{path.relative_to(ROOT)} imports {sorted(imported_packages(path) & above)}"
        for path in sorted((ROOT / layer).rglob("*.py"))
        if imported_packages(path) & above
    ]
    assert offences == []
