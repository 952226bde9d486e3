"""One conftest: shared fixtures, the gold folder, and the session-wide model."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (spaCy model and all), loaded once for the whole test session."""
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def analyze(pipeline):
    """``analyze(text, published=...)`` with the session pipeline."""
    return pipeline


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    return GOLD


@pytest.fixture(scope="session")
def seed_text(gold_dir) -> str:
    return (gold_dir / "seed-palmyra-2016.txt").read_text(encoding="utf-8")
