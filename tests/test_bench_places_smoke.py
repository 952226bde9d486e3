"""The place benchmark still runs: it swaps the stage's resolver, so a change of signature there breaks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "gold" / "seed-dev.jsonl"


@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared/gold beside the checkout")
def test_bench_places_runs_both_systems_on_the_seed() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_places.py"), str(SEED), "--limit", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert any(line.strip().startswith("dateline ") and "acc161 1.000" in line for line in lines), out.stdout
    assert any(line.strip().startswith("population ") for line in lines), out.stdout
