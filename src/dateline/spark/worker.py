"""The unit of work of a distributed run, engine-agnostic: one input URI in, one part out.

``process_input`` reads one input with the existing readers, runs the existing ingest
driver (so a broken record is a failure row and a crashing stage costs one article, as in
``dateline ingest``) into a ``PartWriter``, then commits the part and writes the input's
manifest row. It knows nothing of Spark: a Dask or Ray adapter maps it over
``plan.InputTask`` values the same way. The pipeline is a lazy module-level singleton, built
once per worker process on first use and never pickled or shipped.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import resource
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from dateline.documents import Document, Failure
from dateline.pipeline import Pipeline
from dateline.spark.plan import InputTask, is_remote
from dateline.store.base import now_iso
from dateline.store.parts import COMMITS, MANIFEST, Folder, PartWriter

#: Test hook: kill the worker process on the first attempt of an input whose URI contains this.
KILL_ENV = "DATELINE_SPARK_KILL_FIRST_ATTEMPT"


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs besides the input; small and picklable."""

    out: str
    version: str
    model: str | None = None
    factory: str | None = None  # ``module:function`` returning a Pipeline (tests, custom stages)
    batch_size: int = 16
    kill_first_attempt: str | None = None


_PIPELINE: Pipeline | None = None
_PIPELINE_KEY: tuple[str | None, str | None] | None = None


def worker_pipeline(cfg: WorkerConfig) -> Pipeline:
    """This process's pipeline, loaded on first use (the md model takes a few seconds and ~1 GB)."""
    global _PIPELINE, _PIPELINE_KEY
    key = (cfg.model, cfg.factory)
    if _PIPELINE is None or key != _PIPELINE_KEY:
        if cfg.factory:
            module, _, name = cfg.factory.partition(":")
            _PIPELINE = getattr(importlib.import_module(module), name)()
        else:
            _PIPELINE = Pipeline(cfg.model)
        _PIPELINE_KEY = key
    return _PIPELINE


@contextlib.contextmanager
def local_copy(uri: str) -> Iterator[str]:
    """A local path for the input: the file itself, or a download into a temporary folder."""
    if not is_remote(uri):
        yield uri.removeprefix("file://")
        return
    tmp = Path(tempfile.mkdtemp(prefix="dateline-input-"))
    target = tmp / (Path(urlparse(uri).path).name or "input")
    try:
        if urlparse(uri).scheme in ("http", "https"):
            import httpx

            with httpx.stream("GET", uri, follow_redirects=True, timeout=60) as resp, target.open("wb") as fh:
                resp.raise_for_status()
                for chunk in resp.iter_bytes(1 << 20):
                    fh.write(chunk)
        else:
            folder = Folder(uri)
            with folder.fs.open_input_stream(folder.root) as src, target.open("wb") as fh:
                shutil.copyfileobj(src, fh, 1 << 20)
        yield str(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _renamed(items: Iterator[Document | Failure], local: str, uri: str) -> Iterator[Document | Failure]:
    """Failures name the input by its URI, not by the temporary copy."""
    for item in items:
        if isinstance(item, Failure) and local != uri:
            item.error = item.error.replace(local, uri)
            item.source = item.source.replace(local, uri) if item.source else item.source
        yield item


def process_input(task: InputTask, cfg: WorkerConfig) -> dict[str, Any]:
    """Analyse one input into its own committed part; returns (and stores) its manifest row.

    A committed input is skipped. Per-record problems become failure rows inside the part;
    a problem with the input as a whole (a download that fails, an output that cannot be
    written) leaves the part uncommitted and the row ``failed``, so a rerun tries again.
    """
    from dateline.ingest import read_source
    from dateline.store.ingest import ingest

    folder = Folder(cfg.out)
    manifest = folder.path(MANIFEST, f"{task.part}.json")
    previous = folder.read_json(manifest) or {}
    if folder.exists(folder.path(COMMITS, f"{task.part}.json")):
        return {**previous, "uri": task.uri, "part": task.part, "status": "skipped"}
    row: dict[str, Any] = {
        "uri": task.uri,
        "part": task.part,
        "version": cfg.version,
        "status": "running",
        "attempts": int(previous.get("attempts", 0)) + 1,
        "started_at": now_iso(),
        "host": os.uname().nodename,
    }
    folder.write_atomic(manifest, json.dumps(row).encode())
    t0, cpu0 = time.perf_counter(), time.process_time()
    writer = PartWriter(folder, task.part, task.seq)
    try:
        with local_copy(task.uri) as local:
            items = _renamed(read_source(local), local, task.uri)
            # a factory: an input whose records all fail to read never loads the model
            pipeline = functools.partial(worker_pipeline, cfg)
            summary = ingest(items, writer, pipeline=pipeline, batch_size=cfg.batch_size)
        rows = writer.finish()
        if cfg.kill_first_attempt and cfg.kill_first_attempt in task.uri and row["attempts"] == 1:
            os.kill(os.getpid(), signal.SIGKILL)  # test hook: files in place, marker not yet written
        writer.commit(source=task.uri, version=cfg.version)
    except Exception as exc:
        writer.abort()
        row.update(
            status="failed", error=f"{type(exc).__name__}: {exc}", seconds=round(time.perf_counter() - t0, 3)
        )
        folder.write_atomic(manifest, json.dumps(row).encode())
        return row
    row.update(
        status="committed",
        articles=rows["articles"],
        failures=summary.failed,
        words=summary.words,
        seconds=round(time.perf_counter() - t0, 3),
        cpu_seconds=round(time.process_time() - cpu0, 3),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        finished_at=now_iso(),
    )
    folder.write_atomic(manifest, json.dumps(row).encode())
    return row


def process_many(tasks: Iterator[InputTask], cfg: WorkerConfig) -> Iterator[dict[str, Any]]:
    """``process_input`` over an engine's batch of tasks (a Spark partition)."""
    for task in tasks:
        yield process_input(task, cfg)


def read_manifest(out: str) -> list[dict[str, Any]]:
    """Every input's latest manifest row."""
    folder = Folder(out)
    rows = [folder.read_json(folder.path(MANIFEST, n)) for n in folder.names(MANIFEST, ".json")]
    return [r for r in rows if r]
