from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def gold(stem: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=[p.stem for p in SEEDS])
def seed_stem(request: pytest.FixtureRequest) -> str:
    return str(request.param)
