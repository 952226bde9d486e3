"""The ingest driver: sources -> pipeline -> store, idempotent and resumable.

Every article is committed on its own as soon as it is analysed, so killing the process
(even ``kill -9``) loses only the articles in flight; the next run skips every article
whose id is stored with the same text (sha256), re-analyses those whose text changed, and
reports unreadable inputs per article without stopping.
"""

from __future__ import annotations

import importlib
import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dateline.documents import Document, Failure, check_document
from dateline.errors import DatelineError, StoreError
from dateline.pipeline import Pipeline
from dateline.records import Article, article_id
from dateline.store.base import Store
from dateline.store.rows import text_sha256

#: ``module:function`` returning a Pipeline; lets tests run the real store path on a tiny pipeline.
PIPELINE_FACTORY_ENV = "DATELINE_PIPELINE_FACTORY"


@dataclass
class IngestSummary:
    """What one ingest run did.

    ``skipped``: already stored with the same text, not analysed again; ``unchanged``:
    analysed again (``--force``) with an identical result; ``failed``: unreadable inputs
    and failed analyses, each reported on its own.
    """

    read: int = 0
    skipped: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def analysed(self) -> int:
        return self.added + self.replaced

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["analysed"] = self.analysed
        out["articles_per_s"] = round(self.analysed / self.seconds, 2) if self.seconds else None
        out["words_per_s"] = round(self.words / self.seconds, 1) if self.seconds else None
        return out


def make_pipeline(model: str | None = None) -> Pipeline:
    """The pipeline ingest runs: the default one, or the factory named by the env variable."""
    spec = os.environ.get(PIPELINE_FACTORY_ENV)
    if spec:
        module, _, name = spec.partition(":")
        return getattr(importlib.import_module(module), name)()
    return Pipeline(model)


class Progress:
    """Progress callbacks: the CLI plugs a rich bar in; the library default is silent."""

    def start(self, total: int | None) -> None: ...
    def advance(self, summary: IngestSummary) -> None: ...
    def stop(self) -> None: ...


def _failure_key(failure: Failure) -> str:
    """The article id when known (a later success clears it), else where the input was."""
    return failure.id or failure.source or failure.error


_ONE_ARTICLE = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")
_JSONL = (".jsonl", ".ndjson")


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _JSONL:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    if suffix in _ONE_ARTICLE:
        return 1
    return None  # WARC and the rest: unknown without reading them


def estimate_total(sources: Iterable[str]) -> int | None:
    """How many articles the sources hold, when that is cheap to know (for an ETA), else None."""
    from dateline.ingest import folder_files

    total = 0
    for source in sources:
        path = Path(source)
        if source.startswith("sample:"):
            from dateline.samples import sample_documents

            wanted = source.removeprefix("sample:")
            total += sum(1 for d in sample_documents() if not wanted or d.id == wanted)
            continue
        files = list(folder_files(path)) if path.is_dir() else [path]  # what the reader will read
        for file in files:
            n = _count_file(file) if file.is_file() else None
            if n is None and not (path.is_dir() and file.suffix.lower() not in (".warc", ".gz")):
                return None
            total += n or 0
    return total


def ingest(
    items: Iterable[Document | Failure],
    store: Store,
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    force: bool = False,
    progress: Progress | None = None,
    total: int | None = None,
) -> IngestSummary:
    """Analyse every new or changed document and store it; returns the run's summary.

    ``pipeline`` may be a factory so that a run where everything is already stored never
    loads the model. Should a stage crash on some article (a bug, not bad input), the
    batch in flight is analysed again one article at a time, the article that crashes is
    recorded as a failure, and the run goes on with the rest.
    """
    progress = progress or Progress()
    summary = IngestSummary()
    known = store.all_hashes()
    seen: dict[str, str] = {}
    reader_failures: deque[Failure] = deque()
    sent: deque[Document] = deque()  # handed to the pipeline, result not yet stored
    t0 = time.perf_counter()

    def todo() -> Iterator[Document]:
        source = iter(items)
        while True:
            try:
                item = next(source)
            except StopIteration:
                return
            except Exception as exc:  # a reader bug: say so and stop, never end the run silently
                summary.read += 1
                reader_failures.append(
                    Failure(None, f"reading the sources stopped: internal error: {type(exc).__name__}: {exc}")
                )
                return
            summary.read += 1
            if isinstance(item, Failure):
                reader_failures.append(item)
                continue
            try:
                # the size limit is the pipeline's to apply; the rest must hold before hashing
                check_document(item, max_chars=0)
                if not item.id:
                    item.id = article_id(item.text, item.url)
                sha = text_sha256(item.text)
            except Exception as exc:
                error = str(exc) if isinstance(exc, DatelineError) else f"internal error: {exc!r}"
                reader_failures.append(Failure(_safe(item.id), error, _safe(item.source)))
                continue
            if not force and (known.get(item.id) == sha or seen.get(item.id) == sha):
                summary.skipped += 1
                continue
            seen[item.id] = sha
            sent.append(item)
            yield item

    def record_failures() -> None:
        while reader_failures:
            _fail(store, summary, reader_failures.popleft())

    def handle(result: Article | Failure) -> None:
        record_failures()
        if isinstance(result, Failure):
            _fail(store, summary, result)
        else:
            _store(store, summary, result)
            if incidents is not None:
                incidents.link(result)
        summary.seconds = time.perf_counter() - t0
        progress.advance(summary)

    incidents = _incidents(store)
    progress.start(total)
    stream = todo()
    first = next(stream, None)
    record_failures()
    try:
        if incidents is not None:
            incidents.catch_up(store.get_article)  # what a killed run stored but did not link
        if first is not None:
            if pipeline is None:
                pipeline = make_pipeline()
            elif not isinstance(pipeline, Pipeline):
                pipeline = pipeline()
            # itertools.chain, not ``yield from``: a crash must not close the shared stream
            documents: Iterator[Document] = itertools.chain([first], stream)
            while True:
                try:
                    for result in pipeline.pipe(documents, batch_size=batch_size, n_process=n_process):
                        sent.popleft()
                        handle(result)
                    break
                except StoreError:
                    raise
                except Exception:
                    in_flight = list(sent)
                    sent.clear()
                    for document in in_flight:
                        handle(_analyze_one(pipeline, document))
                    documents = stream
        record_failures()
    finally:
        summary.seconds = time.perf_counter() - t0
        progress.advance(summary)
        progress.stop()
    return summary


def _incidents(store: Store) -> Any:
    """The store's incident linker (SQLite only; other backends store no incidents)."""
    from dateline.incidents.store import incident_store

    return incident_store(store)


def _analyze_one(pipeline: Pipeline, document: Document) -> Article | Failure:
    """One article on its own, any crash turned into that article's failure."""
    try:
        return pipeline.analyze(document)
    except DatelineError as exc:
        return Failure(document.id, str(exc), document.source)
    except Exception as exc:
        return Failure(document.id, f"internal error: {type(exc).__name__}: {exc}", document.source)


def _safe(value: object) -> str | None:
    """A string fit to store (lone surrogates escaped), or None."""
    if not isinstance(value, str):
        return None
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _store_fault(exc: BaseException) -> bool:
    """Whether an error is the store's (disk full, read-only file, lost lock), not the article's."""
    if isinstance(exc, OSError | StoreError):
        return True
    return type(exc).__name__ in _FAULTS and type(exc).__module__.split(".")[0] in ("sqlite3", "_duckdb")


#: DB-API errors that mean the store cannot take any article (full, read-only, locked,
#: corrupt), as opposed to one article it cannot take (an integrity or data error).
_FAULTS = {"OperationalError", "DatabaseError", "IOException", "PermissionException", "FatalException"}


def _store(store: Store, summary: IngestSummary, article: Article) -> None:
    """Store one article; an article the store cannot take is that article's failure.

    A fault of the store itself (disk full, read-only file) stops the run with a
    ``StoreError`` naming the cause: every article committed so far stays.
    """
    try:
        outcome = store.put(article)
    except Exception as exc:
        if _store_fault(exc):
            raise StoreError(f"cannot write to the store: {exc}") from exc
        _fail(store, summary, Failure(article.id, f"cannot store the article: {type(exc).__name__}: {exc}"))
        return
    if outcome == "added":
        summary.added += 1
    elif outcome == "replaced":
        summary.replaced += 1
    else:
        summary.unchanged += 1
    summary.words += len(article.text.split())


def _fail(store: Store, summary: IngestSummary, failure: Failure) -> None:
    summary.failed += 1
    summary.failures.append(failure.to_dict())
    key, aid, origin, error = (
        _safe(v) for v in (_failure_key(failure), failure.id, failure.source, failure.error)
    )
    try:
        store.put_failure(key or "?", aid, origin, error or "?")
    except Exception as exc:
        raise StoreError(f"cannot write to the store: {exc}") from exc
