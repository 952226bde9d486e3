"""The pipeline: parse once, then run the extraction stages in order over one context.

Each stage declares what it requires and what it provides; the order is checked once,
when the pipeline is built, so a mis-ordered stage fails at start-up, not on article 900.
The same ``Pipeline`` object serves the CLI, the store, eval, the web UI and Spark.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.context import Context
from dateline.dates import parse_published
from dateline.errors import DatelineError, EmptyInput, StageError
from dateline.records import Article, article_id

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Context], None]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


@dataclass
class Document:
    """One article to analyse: its text and the metadata its reader found."""

    text: str
    id: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass
class Failure:
    """A per-article error inside a batch: reported, and the batch goes on."""

    id: str | None
    error: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, "source": self.source}


def default_stages() -> list[Stage]:
    """The stages in run order; imported lazily so ``import dateline`` stays cheap."""
    from dateline.extract.entities import extract_entities
    from dateline.extract.events import extract_events
    from dateline.extract.flags import final_flags
    from dateline.extract.numbers import extract_numbers
    from dateline.extract.places import extract_places
    from dateline.extract.quotes import extract_quotes
    from dateline.extract.times import extract_times

    return [
        Stage("entities", extract_entities, ("doc",), ("entities",)),
        Stage("numbers", extract_numbers, ("doc",), ("numbers",)),
        Stage("times", extract_times, ("doc",), ("times",)),
        Stage("places", extract_places, ("doc", "entities"), ("places",)),
        Stage("quotes", extract_quotes, ("doc", "entities"), ("quotes",)),
        Stage(
            "events", extract_events, ("doc", "entities", "times", "places", "quotes", "numbers"), ("events",)
        ),
        Stage("flags", final_flags, ("quotes", "times", "places"), ("flags",)),
    ]


def check_order(stages: list[Stage]) -> None:
    available = {"doc", "flags"}
    for st in stages:
        missing = [r for r in st.requires if r not in available]
        if missing:
            raise DatelineError(f"stage {st.name!r} requires {missing}, which no earlier stage provides")
        available.update(st.provides)


class Pipeline:
    """Parse with spaCy, extract every record kind, return ``Article`` values.

    ``nlp`` is the spaCy ``Language`` it parses with, so that benchmarks can time the
    parse alone. Build one and reuse it: the model loads once.
    """

    def __init__(self, model: str | None = None, stages: list[Stage] | None = None) -> None:
        from dateline.nlp.model import load_model

        self.model = model
        self.nlp: Language = load_model(model)
        self.stages = stages if stages is not None else default_stages()
        check_order(self.stages)

    def __call__(
        self,
        text: str,
        published: str | dt.date | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        id: str | None = None,
    ) -> Article:
        return self.analyze(
            Document(text, id=id, published=_iso(published), url=url, title=title, source=source)
        )

    def analyze(self, document: Document) -> Article:
        if not document.text or not document.text.strip():
            raise EmptyInput("the article text is empty")
        doc = self.nlp(document.text)
        return self._extract(document, doc)

    def _extract(self, document: Document, doc: Any) -> Article:
        published = parse_published(document.published) if document.published else None
        ctx = Context(
            text=document.text,
            doc=doc,
            published=published,
            published_raw=document.published,
            url=document.url,
            title=document.title,
            source=document.source,
        )
        for st in self.stages:
            try:
                st.run(ctx)
            except DatelineError:
                raise
            except Exception as exc:
                # a bug in one stage must cost one article, not the batch: name it and go on
                raise StageError(f"stage {st.name!r} failed: {type(exc).__name__}: {exc}") from exc
        return Article(
            id=document.id or article_id(document.text, document.url),
            text=document.text,
            url=document.url,
            source=document.source,
            title=document.title,
            published=document.published,
            entities=ctx.entities,
            quotes=ctx.quotes,
            times=ctx.times,
            places=ctx.places,
            events=ctx.events,
            numbers=ctx.numbers,
            flags=ctx.flags,
        )

    def pipe(
        self,
        items: Iterable[str | Document | Mapping[str, Any]],
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Article | Failure]:
        """Analyse many articles in order; bad ones come out as ``Failure`` records.

        An item is a text, a ``Document``, or a dict such as a DataFrame's
        ``to_dict("records")`` rows or a news-please article (``text``/``maintext``,
        ``id``, ``published``/``date_publish``, ``url``, ``title``, ``source``).
        With ``n_process > 1`` whole articles (parse and extraction) go to worker
        processes that each load the pipeline once, so extraction scales with the parse.
        """
        documents = _documents(items)
        if n_process <= 1:
            yield from self._pipe_local(documents, batch_size)
            return
        ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(n_process, initializer=_worker_init, initargs=(self.model,)) as pool:
            yield from _flatten(pool.imap(_worker_analyze, _batched(documents, batch_size), chunksize=1))

    def _pipe_local(self, documents: Iterable[Document], batch_size: int) -> Iterator[Article | Failure]:
        for batch in _batched(documents, batch_size):
            yield from _analyze_batch(self, batch)


def _documents(items: Iterable[str | Document | Mapping[str, Any]]) -> Iterator[Document]:
    """Texts and dicts as Documents; a dict that is no article becomes an empty Document that
    fails with its reason (so ids and order are kept)."""
    for item in items:
        if isinstance(item, str):
            yield Document(item)
        elif isinstance(item, Mapping):
            from dateline.ingest.fields import document_from_mapping

            doc = document_from_mapping(item)
            yield doc if isinstance(doc, Document) else _Invalid("", id=doc.id, reason=doc.error)
        else:
            yield item


@dataclass
class _Invalid(Document):
    """A dict that could not become a document; analysing it reports ``reason``."""

    reason: str = ""


def _analyze_batch(pipeline: Pipeline, batch: list[Document]) -> list[Article | Failure]:
    out: list[Article | Failure] = []
    good = [d for d in batch if d.text and d.text.strip()]
    docs = iter(pipeline.nlp.pipe([d.text for d in good]))
    for document in batch:
        if isinstance(document, _Invalid):
            out.append(Failure(document.id, document.reason, document.source))
            continue
        if not (document.text and document.text.strip()):
            out.append(Failure(document.id, "the article text is empty", document.source))
            continue
        doc = next(docs)
        try:
            out.append(pipeline._extract(document, doc))
        except DatelineError as exc:
            out.append(Failure(document.id, str(exc), document.source))
    return out


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _flatten(batches: Iterable[list[Article | Failure]]) -> Iterator[Article | Failure]:
    for batch in batches:
        yield from batch


_WORKER: Pipeline | None = None


def _worker_init(model: str | None) -> None:
    global _WORKER
    _WORKER = Pipeline(model)


def _worker_analyze(batch: list[Document]) -> list[Article | Failure]:
    assert _WORKER is not None
    return _analyze_batch(_WORKER, batch)


def _iso(value: str | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_DEFAULT: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The process-wide default pipeline, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyze(
    text: str,
    published: str | dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    id: str | None = None,
) -> Article:
    """Analyse one article with the default pipeline (the model loads on the first call)."""
    return get_pipeline()(text, published=published, url=url, title=title, source=source, id=id)
