"""The pipeline: parse once, then run the extraction stages in order over one context.

Each stage declares what it requires and what it provides; the order is checked once,
when the pipeline is built, so a mis-ordered stage fails at start-up, not on article 900.
The same ``Pipeline`` object serves the CLI, the store, eval, the web UI and Spark.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.context import Context
from dateline.dates import parse_published
from dateline.documents import Document, Failure, check_document
from dateline.errors import DatelineError, StageError, TimeBudgetExceeded
from dateline.limits import ARTICLE_SECONDS, ARTICLE_SECONDS_PER_MILLION_CHARS, CHUNK_CHARS, MAX_ARTICLE_CHARS
from dateline.records import Article, Flag, article_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Document", "Failure", "Pipeline", "Stage", "analyze", "get_pipeline"]


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Context], None]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


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
        # the place stage drops mentions inside time expressions: it reads the times
        Stage("places", extract_places, ("doc", "entities", "times"), ("places",)),
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

    Limits (``dateline.limits``, docs/limits.md): a text over ``max_chars`` is refused;
    one over ``chunk_chars`` is parsed in chunks joined into one ``Doc`` over the whole
    text (offsets unchanged); an article whose extraction runs past ``time_budget``
    seconds (plus an allowance for its length) fails alone. Bad articles raise from
    ``analyze`` and are ``Failure`` records from ``pipe``, in one process or many.
    """

    max_chars: int = MAX_ARTICLE_CHARS
    chunk_chars: int = CHUNK_CHARS
    time_budget: float | None = ARTICLE_SECONDS

    def __init__(
        self,
        model: str | None = None,
        stages: list[Stage] | None = None,
        max_chars: int = MAX_ARTICLE_CHARS,
        chunk_chars: int = CHUNK_CHARS,
        time_budget: float | None = ARTICLE_SECONDS,
    ) -> None:
        from dateline.nlp.model import load_model

        self.model = model
        self.nlp: Language = load_model(model)
        self.stages = stages if stages is not None else default_stages()
        self.max_chars = max_chars
        self.chunk_chars = chunk_chars
        self.time_budget = time_budget
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
        _check_types(text=text, url=url, title=title, source=source, id=id)
        if published is not None and not isinstance(published, str | dt.date):
            raise TypeError(f"published must be a str or a date, got {type(published).__name__}")
        return self.analyze(
            Document(text, id=id, published=_iso(published), url=url, title=title, source=source)
        )

    def analyze(self, document: Document) -> Article:
        """One article; a bad one raises a ``DatelineError`` saying why (a non-Document: ``TypeError``)."""
        if not isinstance(document, Document):
            raise TypeError(f"analyze() takes a Document, got {type(document).__name__}")
        check_document(document, self.max_chars)
        with self._budget(document):
            doc = self._parse(document.text)
            return self._extract(document, doc)

    def _parse(self, text: str) -> Doc:
        """One text to one ``Doc``; a long one in chunks the parser accepts, joined."""
        size = min(self.chunk_chars or len(text), self.nlp.max_length)
        if len(text) <= size:
            return self.nlp(text)
        from spacy.tokens import Doc

        bounds = chunk_bounds(text, size)
        doc = Doc.from_docs([self.nlp(text[a:b]) for a, b in bounds], ensure_whitespace=False)
        if doc.text != text:  # from_docs must not add or drop a character: offsets depend on it
            raise StageError("the chunked parse does not reproduce the text; refusing wrong offsets")
        return doc

    @contextmanager
    def _budget(self, document: Document) -> Iterator[None]:
        what = f"article {document.id}" if document.id else "the article"
        with time_budget(self.seconds_for(document.text), what):
            yield

    def seconds_for(self, text: str) -> float | None:
        """The article's time budget: ``time_budget`` plus an allowance for its length."""
        if not self.time_budget:
            return None
        return self.time_budget + len(text) * ARTICLE_SECONDS_PER_MILLION_CHARS / 1_000_000

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
        budget = self.seconds_for(document.text)
        deadline = time.monotonic() + budget if budget else None
        for st in self.stages:
            try:
                st.run(ctx)
            except DatelineError:
                raise
            except Exception as exc:
                # a bug in one stage must cost one article, not the batch: name it and go on
                raise StageError(f"stage {st.name!r} failed: {type(exc).__name__}: {exc}") from exc
            if deadline is not None and time.monotonic() > deadline:
                # the cooperative check: a stage that swallowed the alarm still stops here
                raise TimeBudgetExceeded(_budget_msg(document.id, budget, st.name))
        if document.encoding:
            ctx.flags.append(
                Flag(
                    "guessed_encoding",
                    f"the bytes were not valid UTF-8; decoded as {document.encoding} (a guess)",
                )
            )
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
        items: Iterable[str | Document | Failure | Mapping[str, Any]],
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Article | Failure]:
        """Analyse many articles in order; bad ones come out as ``Failure`` records.

        An item is a text, a ``Document``, or a dict such as a DataFrame's
        ``to_dict("records")`` rows or a news-please article (``text``/``maintext``,
        ``id``, ``published``/``date_publish``, ``url``, ``title``, ``source``).
        With ``n_process > 1`` whole articles (parse and extraction) go to worker
        processes (``dateline.workers``), so extraction scales with the parse; a worker
        that dies costs its article, never the run.
        A ``Failure`` item (what readers yield for unreadable input) comes out as it went
        in, so ``pipe(iter_documents(...))`` keeps every input in order; any other item
        that is neither ``str`` nor ``Document`` is a ``Failure`` too: one bad item never
        aborts the batch.
        """
        documents = (_as_document(it) for it in items)
        if n_process <= 1:
            yield from self._pipe_local(documents, batch_size)
            return
        from dateline.workers import pipe_in_workers

        yield from pipe_in_workers(self, documents, batch_size, n_process)

    def _pipe_local(
        self, documents: Iterable[Document | Failure], batch_size: int
    ) -> Iterator[Article | Failure]:
        from dateline.workers import _batched

        for batch in _batched(documents, batch_size):
            yield from _analyze_batch(self, batch)


def _check_types(**values: object) -> None:
    text = values.pop("text")
    if isinstance(text, bytes | bytearray):
        raise TypeError(
            "the article text must be str, not bytes: decode it first (e.g. data.decode('utf-8'))"
        )
    if not isinstance(text, str):
        raise TypeError(f"the article text must be str, got {type(text).__name__}")
    for name, value in values.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")


def _as_document(item: object) -> Document | Failure:
    if isinstance(item, Document | Failure):  # a reader's failures pass through, in order
        return item
    if isinstance(item, str):
        return Document(item)
    if isinstance(item, Mapping):  # a DataFrame's to_dict("records") row, a news-please article
        from dateline.ingest.fields import document_from_mapping

        return document_from_mapping(item)
    return Failure(None, f"pipe() takes str, dict or Document items, got {type(item).__name__}")


def chunk_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` pieces of at most ``size`` characters covering ``text`` exactly.

    Each cut falls after the last paragraph break in the window, else the last line
    break, else the last sentence end (". "), else the last space; only a window with no
    space at all is cut mid-word. The pieces join back to the text, character for
    character, so offsets into the joined parse are offsets into the article.
    """
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        window = text[start : start + size]
        cut = 0
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep)
            if at > size // 4:
                cut = at + len(sep)
                break
        if cut == 0:
            at = window.rfind(" ")
            cut = at + 1 if at > 0 else size
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, n))
    return bounds


def _budget_msg(article: str | None, seconds: float | None, where: str) -> str:
    who = f"article {article}" if article else "the article"
    return f"{who} ran past its time budget of {seconds:.3g} s (in {where}; see docs/limits.md)"


@contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Raise ``TimeBudgetExceeded`` inside the block once ``seconds`` have passed.

    A SIGALRM timer interrupts pure-Python work (the stages) where it stands; it works in
    the main thread of a process (the CLI, ``ingest``, each ``n_process`` worker). In
    other threads only the check between stages applies. Nested budgets keep the outer.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded(f"{what} ran past its time budget of {seconds:.3g} s (see docs/limits.md)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def _analyze_batch(pipeline: Pipeline, batch: list[Document | Failure]) -> list[Article | Failure]:
    """A batch of documents to articles or failures; nothing in one article can sink the rest."""
    max_chars = getattr(pipeline, "max_chars", MAX_ARTICLE_CHARS)
    chunk = min(getattr(pipeline, "chunk_chars", CHUNK_CHARS) or max_chars, pipeline.nlp.max_length)
    checked: list[Document | Failure] = []
    for document in batch:
        if isinstance(document, Document):
            try:
                check_document(document, max_chars)
            except DatelineError as exc:
                document = Failure(document.id, str(exc), document.source)
        checked.append(document)
    short = [d for d in checked if isinstance(d, Document) and len(d.text) <= chunk]
    try:
        parsed: dict[int, Any] = dict(
            zip(map(id, short), pipeline.nlp.pipe([d.text for d in short]), strict=True)
        )
    except Exception:
        parsed = {}  # the batch parse failed: each article is parsed on its own below
    out: list[Article | Failure] = []
    for document in checked:
        if isinstance(document, Failure):
            out.append(document)
            continue
        try:
            with pipeline._budget(document):
                doc = parsed.pop(id(document), None)
                if doc is None:
                    doc = pipeline._parse(document.text)
                out.append(pipeline._extract(document, doc))
        except DatelineError as exc:
            out.append(Failure(document.id, str(exc), document.source))
        except Exception as exc:  # MemoryError, a parser bug: this article only
            out.append(Failure(document.id, f"internal error: {type(exc).__name__}: {exc}", document.source))
    return out


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
    """Analyse one article with the default pipeline (the model loads on the first call).

    Raises ``TypeError`` when ``text`` is not a ``str`` (bytes included: decode them
    first) and a ``DatelineError`` (an ``InputError``) for an empty, oversized or
    invalid text, before the model loads.
    """
    _check_types(text=text, url=url, title=title, source=source, id=id)
    check_document(Document(text, id=id, url=url, title=title, source=source))
    return get_pipeline()(text, published=published, url=url, title=title, source=source, id=id)
