"""Worker processes for ``Pipeline.pipe(n_process=N)``: batches out, results back, in order.

A worker that dies — killed for memory, a segfault in a C extension — must cost its
article, not hang or end the run (``multiprocessing.Pool`` waits forever for a task
whose worker was killed). So the batches go to a ``ProcessPoolExecutor``, which reports a
dead worker as ``BrokenProcessPool``; the batches then in flight are analysed again one
article per fresh process, the article that kills its process again becomes a
``Failure`` naming the cause, and a new pool takes the rest.

On POSIX the workers are forked from the parent with its pipeline already loaded (copy
on write: no second model load, and a pipeline built in code, stages and all, works
as is); elsewhere each worker builds ``Pipeline(model)`` with the parent's limits.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from dateline.documents import Document, Failure

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline
    from dateline.records import Article

Batch = list[Document | Failure]

_PARENT: Pipeline | None = None  # the parent's pipeline, inherited by forked workers
_WORKER: Pipeline | None = None  # the pipeline of this worker process


def _init(settings: tuple[Any, ...]) -> None:
    global _WORKER
    if _PARENT is not None:
        _WORKER = _PARENT
        return
    from dateline.pipeline import Pipeline

    model, max_chars, chunk_chars, time_budget = settings
    _WORKER = Pipeline(model, max_chars=max_chars, chunk_chars=chunk_chars, time_budget=time_budget)


def run_batch(batch: Batch) -> list[Article | Failure]:
    """Runs in a worker: whatever happens, the batch comes back as articles and failures."""
    from dateline.pipeline import _analyze_batch

    assert _WORKER is not None
    try:
        return _analyze_batch(_WORKER, batch)
    except Exception as exc:  # never let one batch's crash end the run (Ctrl-C still does)
        return [
            d if isinstance(d, Failure) else Failure(d.id, f"internal error: {type(exc).__name__}", d.source)
            for d in batch
        ]


def _batched(items: Iterable[Document | Failure], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, pipeline: Pipeline, n_process: int) -> None:
        global _PARENT
        fork = os.name == "posix"
        _PARENT = pipeline if fork else None
        self.ctx = mp.get_context("fork" if fork else "spawn")
        self.n_process = n_process
        self.settings = (pipeline.model, pipeline.max_chars, pipeline.chunk_chars, pipeline.time_budget)
        self.executor = self._new(n_process)

    def _new(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=self.ctx, initializer=_init, initargs=(self.settings,))

    def submit(self, batch: Batch) -> Future:
        return self.executor.submit(run_batch, batch)

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new(self.n_process)

    def alone(self, document: Document | Failure) -> Article | Failure:
        """One article in a process of its own: if that process dies, the article failed."""
        if isinstance(document, Failure):
            return document
        with self._new(1) as single:
            try:
                return single.submit(run_batch, [document]).result()[0]
            except BrokenProcessPool:
                return Failure(
                    document.id,
                    "the worker process died while analysing this article (killed, or out of memory?)",
                    document.source,
                )

    def close(self) -> None:
        global _PARENT
        self.executor.shutdown(wait=True, cancel_futures=True)
        _PARENT = None


def pipe_in_workers(
    pipeline: Pipeline, documents: Iterable[Document | Failure], batch_size: int, n_process: int
) -> Iterator[Article | Failure]:
    """Results of ``documents`` in order, analysed by ``n_process`` worker processes."""
    pool = _Pool(pipeline, n_process)
    window = 2 * n_process  # batches in flight: enough to keep every worker busy
    pending: deque[tuple[Batch, Future]] = deque()

    def drain(keep: int) -> Iterator[Article | Failure]:
        while len(pending) > keep:
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # a worker died: every batch in flight is lost; redo them an article at a time
                redo = [batch, *(b for b, _ in pending)]
                pending.clear()
                pool.renew()
                for lost in redo:
                    for document in lost:
                        yield pool.alone(document)
                return
            yield from results

    try:
        for batch in _batched(documents, batch_size):
            pending.append((batch, pool.submit(batch)))
            yield from drain(window - 1)
        yield from drain(0)
    finally:
        pool.close()
