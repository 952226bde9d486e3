"""A bad article is a ``Failure`` in every path, never the end of a batch (issue #13).

The tiny pipeline (a blank tokenizer and one cheap stage) runs the real batching,
chunking and budget code without the model; ``HOSTILE`` counts the bad inputs tried here.
"""

from __future__ import annotations

import os
import re
import signal
import time

import pytest

from corpus_helpers import tiny_pipeline
from dateline.context import Context
from dateline.documents import Document, Failure
from dateline.errors import DatelineError, EmptyInput, InputError, TimeBudgetExceeded
from dateline.pipeline import Pipeline, Stage, chunk_bounds

GOOD = 'The council met on Monday. "We agree," the mayor said. 14 people came.'

# one entry per hostile input the tests below feed the pipeline (counted for the report)
HOSTILE = {
    "over nlp.max_length in a batch": 1,
    "over max_chars": 2,
    "lone surrogate in text/id/title/url/source": 5,
    "empty and blank text": 2,
    "non-str items in pipe": 4,
    "stage that never ends": 2,
    "stage that swallows the alarm": 1,
    "API type errors": 6,
    "chunk texts without spaces": 3,
    "worker batch with a bad article, a crash of the batch": 2,
    "a worker process killed mid-article": 1,
    "a reader failure passed through pipe": 1,
}


def _ids(results: list) -> list[tuple[str | None, bool]]:
    return [(r.id, isinstance(r, Failure)) for r in results]


def test_an_article_over_the_parser_limit_is_chunked_not_a_batch_abort() -> None:
    pipe = tiny_pipeline()
    pipe.nlp.max_length = 2_000  # spaCy's own limit, small here: a 10x longer article must still parse
    long = "\n\n".join(f'Paragraph {i} says "quote {i}" twice.' for i in range(600))
    assert len(long) > 10 * pipe.nlp.max_length
    docs = [Document(GOOD, id="a"), Document(long, id="long"), Document(GOOD + " 2", id="c")]
    out = list(pipe.pipe(docs, batch_size=3))
    assert _ids(out) == [("a", False), ("long", False), ("c", False)]
    article = out[1]
    assert article.text == long
    assert len(article.quotes) == 600
    for q in article.quotes:  # offsets point into the whole text, across chunks
        assert long[q.span[0] : q.span[1]] == q.content
    assert [n.value for n in article.numbers][-1] == 599


def test_an_article_over_max_chars_is_its_own_failure_in_every_path() -> None:
    pipe = tiny_pipeline()
    pipe.max_chars = 500
    docs = [Document(GOOD, id="a"), Document("word " * 200, id="big"), Document(GOOD, id="c")]
    out = list(pipe.pipe(docs))
    assert _ids(out) == [("a", False), ("big", True), ("c", False)]
    assert "over the limit of 500" in out[1].error and "docs/limits.md" in out[1].error
    with pytest.raises(InputError, match="over the limit"):
        pipe.analyze(Document("word " * 200))


@pytest.mark.parametrize("field", ["text", "id", "title", "url", "source"])
def test_a_lone_surrogate_fails_its_article_only(field: str) -> None:
    pipe = tiny_pipeline()
    bad = Document(GOOD, id="bad", title="A title", url="https://news.example.org/a", source="S")
    setattr(bad, field, getattr(bad, field) + "\ud800")
    out = list(pipe.pipe([Document(GOOD, id="a"), bad, Document(GOOD, id="c")]))
    assert [isinstance(r, Failure) for r in out] == [False, True, False]
    assert "lone surrogate" in out[1].error and field in out[1].error


def test_empty_and_wrong_typed_items_are_failures_in_pipe() -> None:
    pipe = tiny_pipeline()
    items = [GOOD, "", "   \n", 123, b"bytes", None, ["a list"], Document(GOOD, id="z")]
    out = list(pipe.pipe(items, batch_size=3))  # type: ignore[arg-type]
    assert [isinstance(r, Failure) for r in out] == [False, True, True, True, True, True, True, False]
    assert "got int" in out[3].error and "got bytes" in out[4].error


def _endless(ctx: Context) -> None:
    if "LOOP" in ctx.text:
        while True:
            pass


def _swallows(ctx: Context) -> None:
    if "SWALLOW" in ctx.text:
        try:
            while True:
                pass
        except Exception:
            time.sleep(0.3)  # a stage that catches everything: the check between stages stops it


def _budget_pipeline(seconds: float) -> Pipeline:
    pipe = tiny_pipeline()
    pipe.time_budget = seconds
    pipe.stages = [
        *pipe.stages,
        Stage("endless", _endless, ("doc",), ()),
        Stage("eats", _swallows, ("doc",), ()),
    ]
    return pipe


def test_an_article_past_its_time_budget_fails_alone() -> None:
    pipe = _budget_pipeline(0.2)
    docs = [Document(GOOD, id="a"), Document(GOOD + " LOOP", id="loop"), Document(GOOD, id="c")]
    t0 = time.monotonic()
    out = list(pipe.pipe(docs))
    assert time.monotonic() - t0 < 5
    assert _ids(out) == [("a", False), ("loop", True), ("c", False)]
    assert re.search(r"time budget of 0\.2\d* s", out[1].error), out[1].error
    with pytest.raises(TimeBudgetExceeded):
        pipe.analyze(Document(GOOD + " LOOP"))


def test_a_stage_that_swallows_the_alarm_is_still_stopped_between_stages() -> None:
    pipe = _budget_pipeline(0.1)
    (out,) = list(pipe.pipe([Document(GOOD + " SWALLOW", id="s")]))
    assert isinstance(out, Failure) and "time budget" in out.error and "eats" in out.error


def test_the_budget_leaves_no_alarm_behind() -> None:
    import signal

    pipe = _budget_pipeline(5)
    list(pipe.pipe([Document(GOOD, id="a")]))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


@pytest.mark.parametrize(
    ("call", "exc"),
    [
        (lambda p: p(123), TypeError),
        (lambda p: p(b"Troops withdrew."), TypeError),
        (lambda p: p(GOOD, url=5), TypeError),
        (lambda p: p(GOOD, published=3.5), TypeError),
        (lambda p: p(""), EmptyInput),
        (lambda p: p.analyze("not a Document"), TypeError),
    ],
)
def test_api_type_errors_are_type_errors_or_dateline_errors(call, exc) -> None:
    pipe = tiny_pipeline()
    with pytest.raises(exc) as info:
        call(pipe)
    assert isinstance(info.value, TypeError | DatelineError)
    assert str(info.value)  # says what was wrong


def test_module_analyze_checks_types_before_loading_the_model(monkeypatch) -> None:
    import dateline.pipeline as pl

    def no_model():
        raise AssertionError("the model must not load for a type error")

    monkeypatch.setattr(pl, "get_pipeline", no_model)
    with pytest.raises(TypeError, match="bytes"):
        pl.analyze(b"Troops withdrew.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pl.analyze(123)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="lone surrogate"):
        pl.analyze("Troops \udc80 withdrew.")


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1000,  # no space at all: cut mid-word
        ("word " * 300) + ("y" * 400),
        "\n\n".join("A sentence. Another one." for _ in range(80)),
    ],
)
def test_chunks_cover_the_text_exactly_and_respect_the_size(text: str) -> None:
    bounds = chunk_bounds(text, 128)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= 128 for a, b in bounds)
    assert all(bounds[i][1] == bounds[i + 1][0] for i in range(len(bounds) - 1))


def test_the_worker_path_turns_every_crash_into_failures(monkeypatch) -> None:
    """What each ``n_process`` worker runs: a bad article, or a crash of the whole batch,
    comes back as failures, so the pool never raises for the list."""
    import dateline.pipeline as pl
    from dateline import workers

    monkeypatch.setattr(workers, "_WORKER", tiny_pipeline())
    batch = [Document(GOOD, id="a"), Document("x\ud800", id="bad"), Failure(None, "unreadable", "f")]
    out = workers.run_batch(batch)
    assert _ids(out) == [("a", False), ("bad", True), (None, True)]

    def boom(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pl, "_analyze_batch", boom)
    out = workers.run_batch(batch)
    assert [isinstance(r, Failure) for r in out] == [True, True, True]
    assert "MemoryError" in out[0].error


def _dies(ctx: Context) -> None:
    if "DIE" in ctx.text:
        os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does


@pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")
def test_a_worker_killed_mid_article_costs_that_article_not_the_run() -> None:
    """Before: multiprocessing.Pool waited forever for the lost task (the run hung)."""
    pipe = tiny_pipeline()
    pipe.stages = [*pipe.stages, Stage("dies", _dies, ("doc",), ())]
    docs = [Document(f"{GOOD} {i}", id=f"d{i}") for i in range(9)]
    docs[4] = Document(GOOD + " DIE", id="killer")
    t0 = time.monotonic()
    out = list(pipe.pipe(docs, batch_size=2, n_process=2))
    assert time.monotonic() - t0 < 60
    assert [r.id for r in out] == [d.id for d in docs]
    assert [isinstance(r, Failure) for r in out] == [i == 4 for i in range(9)]
    assert "worker process died" in out[4].error


@pytest.mark.model
def test_a_chunked_article_keeps_its_records_and_offsets(pipeline) -> None:
    """The real model on a sample cut into ~600-character chunks: records point into the
    text as given, and what the chunks find is what the whole parse finds."""
    import copy

    from dateline.samples import sample_documents

    doc = max(sample_documents(), key=lambda d: len(d.text))
    chunked = copy.copy(pipeline)
    chunked.chunk_chars = 600
    assert len(chunk_bounds(doc.text, 600)) >= 3
    whole, parts = pipeline.analyze(doc), chunked.analyze(doc)
    assert parts.text == doc.text
    for record in [*parts.times, *parts.numbers, *parts.places]:
        assert parts.text[record.span[0] : record.span[1]] == record.text
    for q in parts.quotes:
        assert 0 <= q.span[0] < q.span[1] <= len(parts.text)
    for kind in ("times", "numbers", "places"):
        found = {r.span for r in getattr(whole, kind)}
        kept = found & {r.span for r in getattr(parts, kind)}
        assert len(kept) >= 0.8 * len(found), kind


def test_reader_failures_pass_through_pipe_in_order(tmp_path) -> None:
    from dateline.ingest import iter_documents

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "c.txt").write_text(GOOD + " Again.", encoding="utf-8")
    out = list(tiny_pipeline().pipe(iter_documents([str(tmp_path)])))
    assert [isinstance(r, Failure) for r in out] == [False, True, False]
    assert "binary data" in out[1].error
