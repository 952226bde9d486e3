"""What a Spark run will do: its inputs, their part names, and the pipeline version.

An input's part is named by a hash of its URI and the pipeline version, so a rerun finds
what it already committed, a retried task writes the same files, and a new dateline or
model version writes new parts (newer ``_seq``) that supersede the old rows.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

from dateline.errors import OptionError, SourceNotFound
from dateline.store.parquet_rows import PARQUET_TABLES
from dateline.store.parts import COMMITS, MANIFEST, Folder, committed

INPUT_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".ndjson", ".txt", ".text", ".md", ".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class InputTask:
    """One input file and where its results go: the unit a Spark task (or any engine) runs."""

    uri: str
    part: str
    seq: int


@dataclass
class Plan:
    inputs: list[InputTask]
    done: list[InputTask]
    out: str
    version: str
    tasks: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "version": self.version,
            "inputs": len(self.inputs) + len(self.done),
            "to_process": len(self.inputs),
            "already_committed": len(self.done),
            "tasks": self.tasks,
            "layout": {
                "tables": [f"{self.out.rstrip('/')}/{t.name}/<part>.parquet" for t in PARQUET_TABLES],
                "commit_markers": f"{self.out.rstrip('/')}/{COMMITS}/<part>.json",
                "manifest": f"{self.out.rstrip('/')}/{MANIFEST}/<part>.json",
            },
            "parts": [asdict(t) for t in self.inputs],
        }


def is_remote(uri: str) -> bool:
    scheme = urlparse(uri).scheme
    return len(scheme) > 1 and scheme != "file"


def pipeline_version(model: str | None, factory: str | None = None) -> str:
    """dateline's version and the spaCy package it will load: what makes results differ."""
    from dateline import __version__
    from dateline.nlp.model import candidates

    if factory:
        return f"dateline-{__version__}/{factory}"
    found = candidates(model)
    label = found[0][0] if found else (model or "none")
    try:
        dist = importlib.metadata.version(label)
        label = f"{label}-{dist}"
    except importlib.metadata.PackageNotFoundError:
        pass
    return f"dateline-{__version__}/{label}"


def part_name(uri: str, version: str) -> str:
    return "input-" + hashlib.sha256(f"{uri}\n{version}".encode()).hexdigest()[:24]


def read_paths_file(path: Path, base_url: str | None) -> list[str]:
    """A list of inputs, one a line (``#`` comments, gzip allowed: Common Crawl's ``warc.paths.gz``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read the paths file ({exc.strerror})") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise SourceNotFound(f"{path}: broken gzip file ({exc})") from None
    lines = [line.strip() for line in data.decode("utf-8", errors="replace").splitlines()]
    paths = [line for line in lines if line and not line.startswith("#")]
    if base_url:
        base = base_url if base_url.endswith("/") else base_url + "/"
        paths = [p if is_remote(p) else urljoin(base, p.lstrip("/")) for p in paths]
    return paths


def expand(sources: list[str], paths_from: Path | None = None, base_url: str | None = None) -> list[str]:
    """Every input file, in order, once: folders become their files, local paths absolute."""
    from dateline.ingest import SAMPLE_PREFIX

    if base_url and not paths_from:
        raise OptionError("--input-base-url needs --paths-from")
    out: list[str] = []
    listed = [*sources, *(read_paths_file(paths_from, base_url) if paths_from else [])]
    for source in listed:
        if is_remote(source) or source.startswith(SAMPLE_PREFIX):
            out.append(source)
            continue
        path = Path(source.removeprefix("file://")).absolute()
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name.lower().endswith(INPUT_SUFFIXES)
            )
            out.extend(str(p) for p in files)
        elif path.is_file():
            out.append(str(path))
        else:
            raise SourceNotFound(f"{source}: no such file or folder")
    return list(dict.fromkeys(out))


def make_plan(inputs: list[str], out: str, version: str, tasks: int | None = None) -> Plan:
    """Name each input's part, skip the committed ones, number the rest after the newest part."""
    folder = Folder(out)
    markers = committed(folder)
    have = {p for m in markers for p in [m["part"], *m.get("absorbed", [])]}  # compaction folds parts in
    base = max((m["seq"] for m in markers), default=0) + 1
    todo: list[InputTask] = []
    done: list[InputTask] = []
    for uri in inputs:
        part = part_name(uri, version)
        if part in have:
            done.append(InputTask(uri, part, 0))
        else:
            todo.append(InputTask(uri, part, base + len(todo)))
    n_tasks = min(tasks, len(todo)) if tasks else len(todo)
    return Plan(todo, done, out, version, max(n_tasks, 1) if todo else 0)
