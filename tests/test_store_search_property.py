"""Whatever a user types, search and quote queries answer (possibly nothing), never raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_helpers import make_article
from dateline.store import open_store
from dateline.store.sqlite import fts_query


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st_ = open_store(tmp_path_factory.mktemp("s") / "c.db")
    for i in range(3):
        st_.put(make_article(i))
    yield st_
    st_.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40))
def test_any_text_is_a_safe_query(store, text: str) -> None:
    rows = store.search(text)
    assert isinstance(rows, list)
    assert isinstance(store.find_quotes(text, text), list)


@given(text=st.text(max_size=60))
def test_fts_query_quotes_every_word(text: str) -> None:
    query = fts_query(text)
    assert '""' not in query
    assert all(part.startswith('"') and part.endswith('"') for part in query.split())
