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
def quotes_only(nlp):
    """A pipeline of entities and quotes only, so quote tests do not depend on the other stages."""
    from dateline.extract.entities import extract_entities
    from dateline.extract.quotes import extract_quotes
    from dateline.pipeline import Pipeline, Stage

    pipe = Pipeline.__new__(Pipeline)
    pipe.model, pipe.nlp = None, nlp
    pipe.stages = [
        Stage("entities", extract_entities, ("doc",), ("entities",)),
        Stage("quotes", extract_quotes, ("doc", "entities"), ("quotes",)),
    ]
    return pipe


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    return GOLD


@pytest.fixture(scope="session")
def seed_text(gold_dir) -> str:
    return (gold_dir / "seed-palmyra-2016.txt").read_text(encoding="utf-8")


#: An article of our own whose text carries markup a scraped page could: it must show as text.
HOSTILE_ID = "hostile-markup"
HOSTILE_TEXT = (
    "Protesters marched through Lyon on Tuesday. <script>document.title = 'pwned';</script>\n\n"
    '"We will not be silenced," said Camille Roux, a nurse. <img src="x" onerror="document.title=\'pwned\'">\n\n'
    "Police said 12 people were detained near the prefecture."
)


@pytest.fixture(scope="session")
def serve_store(tmp_path_factory, pipeline) -> Path:
    """A SQLite store of the bundled samples plus ``HOSTILE_TEXT``, analysed once per session."""
    from dateline.documents import Document
    from dateline.samples import sample_documents
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("serve") / "serve.db"
    hostile = Document(text=HOSTILE_TEXT, id=HOSTILE_ID, published="2025-06-03", title="<b>Lyon</b> march")
    from dateline.incidents.store import incident_store

    store = open_store(path)
    try:
        incidents = incident_store(store)
        for article in pipeline.pipe([*sample_documents(), hostile]):
            assert not hasattr(article, "error"), article
            store.put(article)
            incidents.link(article)  # as ``dateline ingest`` does
    finally:
        store.close()
    return path
