from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(params=[p.stem for p in SEEDS])
def seed_stem(request: pytest.FixtureRequest) -> str:
    return str(request.param)
