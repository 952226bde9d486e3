"""The bundled sample corpus is complete, well-formed and covers the constructions it promises."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.samples import SAMPLES_DIR, sample_documents, sample_index, sample_paths

SEED = "seed-palmyra-2016.txt"
REQUIRED_COVERS = {
    "direct",
    "mixed",
    "indirect",
    "pronoun_speaker",
    "nested_attribution",
    "unclosed_quote",
    "relative_dates",
    "misspelled_place",
    "protest",
    "arrest",
    "air_strike",
    "diplomacy",
}
KEYS = {"file", "id", "title", "published", "source", "url", "covers"}


def test_index_entries_have_all_keys_and_unique_ids():
    entries = sample_index()
    assert entries
    for entry in entries:
        assert set(entry) == KEYS, entry.get("file")
        assert isinstance(entry["covers"], list) and entry["covers"]
    assert len({e["id"] for e in entries}) == len(entries)
    assert len({e["file"] for e in entries}) == len(entries)


def test_every_listed_file_exists_and_is_non_empty_utf8():
    for path in sample_paths():
        assert path.is_file(), path
        text = path.read_bytes().decode("utf-8")
        assert text.strip(), path


def test_every_txt_is_listed():
    listed = {e["file"] for e in sample_index()}
    on_disk = {p.name for p in SAMPLES_DIR.glob("*.txt")}
    assert on_disk == listed


def test_published_is_iso_date_or_null():
    for entry in sample_index():
        if entry["published"] is not None:
            dt.date.fromisoformat(entry["published"])
    assert any(e["published"] is None for e in sample_index()), "one sample must lack a date"


def test_at_least_ten_original_articles():
    assert len([e for e in sample_index() if e["file"] != SEED]) >= 10


def test_covers_every_required_construction():
    covered = set().union(*(e["covers"] for e in sample_index()))
    assert covered >= REQUIRED_COVERS, REQUIRED_COVERS - covered


def test_original_articles_alone_cover_every_required_construction():
    covered = set().union(*(e["covers"] for e in sample_index() if e["file"] != SEED))
    assert covered >= REQUIRED_COVERS, REQUIRED_COVERS - covered


def test_seed_metadata():
    (seed,) = [e for e in sample_index() if e["file"] == SEED]
    assert seed["published"] == "2016-03-27"
    assert seed["source"] == "Australia Network News"


@pytest.mark.gold
def test_seed_copy_is_byte_identical(gold_dir):
    original = gold_dir / SEED
    if not original.is_file():
        pytest.skip("seed article not in ../shared/gold")
    assert (SAMPLES_DIR / SEED).read_bytes() == original.read_bytes()


def test_sample_documents_carry_text_and_metadata():
    docs = sample_documents()
    entries = sample_index()
    assert len(docs) == len(entries)
    for doc, entry in zip(docs, entries, strict=True):
        assert doc.id == entry["id"]
        assert doc.published == entry["published"]
        assert doc.title == entry["title"]
        assert doc.text == (SAMPLES_DIR / entry["file"]).read_text(encoding="utf-8")
