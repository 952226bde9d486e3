"""The public API: what ``import dateline`` offers, pinned, and the Article it returns."""

from __future__ import annotations

import dataclasses

import pytest

import dateline
from dateline.records import Article, article_from_dict, article_id

EXPORTED = {
    "Actor", "Article", "Count", "DatelineError", "Document", "Entity", "Event", "EventDate",
    "Failure", "Flag", "Number", "Pipeline", "Place", "Quote", "Timex", "__version__", "analyze",
    "read_store", "to_pandas",
}  # fmt: skip


def test_public_names_are_pinned() -> None:
    assert set(dateline.__all__) == EXPORTED
    for name in dateline.__all__:
        assert hasattr(dateline, name)


def test_article_id_is_stable() -> None:
    assert article_id("text") == article_id("text")
    assert article_id("text", "https://a.example/x") == article_id("other", "https://a.example/x")
    assert len(article_id("x")) == 16


def test_record_field_names_follow_the_spec() -> None:
    names = {f.name for f in dataclasses.fields(Article)}
    assert {"id", "url", "source", "title", "published", "language", "text"} <= names
    assert {"entities", "quotes", "times", "places", "events", "numbers", "flags"} <= names
    quote = {f.name for f in dataclasses.fields(dateline.Quote)}
    assert quote >= {"id", "kind", "content", "span", "sentence", "cue", "cue_span", "speaker", "speaker_span",
                     "speaker_entity", "speaker_role", "via", "reported_by", "nested_in", "flags"}  # fmt: skip


@pytest.mark.model
def test_analyze_returns_an_article_that_round_trips(pipeline) -> None:
    text = "Syrian Culture Minister Issam Khalil said 40 people were hurt. Khalil spoke in Damascus."
    article = pipeline(text, published="2016-03-27")
    assert isinstance(article, Article)
    assert article.published == "2016-03-27"
    data = article.to_dict()
    assert article_from_dict(data).to_dict() == data
    for ent in article.entities:
        for start, end in ent.mentions:
            assert 0 <= start < end <= len(text)
    person = next(e for e in article.entities if e.type == "PERSON")
    assert person.name == "Issam Khalil" and len(person.mentions) == 2
    assert "Syrian Culture Minister" in person.roles


@pytest.mark.model
def test_pipe_keeps_ids_and_reports_empty_texts(pipeline) -> None:
    docs = [dateline.Document("Troops withdrew.", id="a"), dateline.Document("  ", id="b"),
            dateline.Document("Police arrested 3 men.", id="c")]  # fmt: skip
    out = list(pipeline.pipe(docs, batch_size=2))
    assert [o.id for o in out] == ["a", "b", "c"]
    assert isinstance(out[1], dateline.Failure)


@pytest.mark.model
def test_no_publication_date_is_flagged(pipeline) -> None:
    article = pipeline("Rebels attacked the town on Friday.")
    assert "no_publication_date" in {f.code for f in article.flags}


@pytest.mark.model
def test_every_record_points_at_its_words(pipeline, seed_text) -> None:
    article = pipeline(seed_text, published="2016-03-27")
    for kind in ("quotes", "times", "places", "events", "numbers"):
        for rec in getattr(article, kind):
            start, end = rec.span
            assert 0 <= start < end <= len(seed_text)
            assert isinstance(rec.sentence, int)
    for n in article.numbers:
        assert seed_text[n.span[0] : n.span[1]] == n.text


@pytest.mark.model
def test_a_crashing_stage_fails_one_article_and_the_batch_goes_on(pipeline) -> None:
    from dateline.pipeline import Pipeline, Stage

    def explode(ctx) -> None:
        if "boom" in ctx.text:
            raise ZeroDivisionError("division by zero")

    broken = Pipeline(stages=[*pipeline.stages, Stage("explode", explode, ("doc",), ())])
    out = list(broken.pipe([dateline.Document("All calm.", id="a"), dateline.Document("boom", id="b")]))
    assert isinstance(out[0], dateline.Article)
    assert isinstance(out[1], dateline.Failure) and "stage 'explode' failed" in out[1].error
