from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# a table reader that raises stops the test, not only its table (parsers/tables/guarded.py: in use, that table is read
# blank with a table_read_error warning); tests/test_table_read_errors.py turns it off where it tests the guard
os.environ.setdefault("NIANBAO_TABLE_ERRORS", "raise")

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def run_nianbao(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m nianbao.cli ARGS`` in a child process, the project on its path, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "nianbao.cli", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def gold(stem: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def off_gold(report: Any, stem: str) -> dict[str, tuple[Any, Any]]:
    """The gold cells of seed ``stem`` that ``report`` reads otherwise: key → (gold, read); empty when all are right,
    and the year as read against the gold's under ``"metadata/year"``."""
    want = gold(stem)
    got = report.as_json()["cells"]
    off = {k: (v, got.get(k)) for k, v in want["cells"].items() if got.get(k) != v}
    if report.metadata.get("year") != want["metadata"]["year"]:
        off["metadata/year"] = (want["metadata"]["year"], report.metadata.get("year"))
    return off


@pytest.fixture(params=[p.stem for p in SEEDS])
def seed_stem(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module (the scripts are not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    return _from_file(name, ROOT / "scripts" / f"{name}.py", register=True)


def load_source(module: str) -> ModuleType:
    """A fresh copy of parser module ``module`` run from its source, apart from the one imported: a test that
    patches a name on it reaches its own calls, which a mypyc-compiled module (``parsers/compiled.py``) makes
    directly, never through the name."""
    return _from_file(f"source_of_{module}", ROOT.joinpath(*module.split(".")).with_suffix(".py"))


def _from_file(name: str, path: Path, register: bool = False) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if register:  # in sys.modules before it runs, as an import puts it
        sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
