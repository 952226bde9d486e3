"""``dateline spark``: the ingest of a large collection on Apache Spark (``dateline[spark]``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.render import output_console
from dateline.errors import OptionError


def spark(
    sources: Annotated[
        list[str] | None, typer.Argument(help="WARC/JSONL files or folders of them (local, s3://, https://).")
    ] = None,
    out: Annotated[str, typer.Option("--out", help="The Parquet store to write (a folder or a URI).")] = "",
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[*]",
    paths_from: Annotated[
        Path | None,
        typer.Option("--paths-from", help="A file listing inputs, one a line (gzip allowed: warc.paths.gz)."),
    ] = None,
    input_base_url: Annotated[
        str | None,
        typer.Option(
            "--input-base-url", help="Prefix for relative --paths-from lines (https://data.commoncrawl.org/)."
        ),
    ] = None,
    tasks: Annotated[
        int | None, typer.Option("--tasks", min=1, help="Spark tasks (default: one per input).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Prefer this spaCy pipeline.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per parse batch.")] = 16,
    max_failures: Annotated[
        int | None, typer.Option("--max-failures", min=1, help="Attempts per task before the job fails.")
    ] = None,
    conf: Annotated[
        list[str] | None, typer.Option("--conf", help="Spark setting key=value (repeatable).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan and stop.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Analyse WARC/JSONL collections on Spark into a Parquet store (resumable, one input per task)."""
    from dateline.spark import plan as planning
    from dateline.store.ingest import PIPELINE_FACTORY_ENV

    if not out:
        raise OptionError("--out is required: the folder or URI of the Parquet store to write")
    if not sources and not paths_from:
        raise OptionError("name the inputs: SOURCES... and/or --paths-from FILE")
    settings = _conf(conf or [])
    factory = os.environ.get(PIPELINE_FACTORY_ENV) or None
    version = planning.pipeline_version(model, factory)
    inputs = planning.expand(sources or [], paths_from, input_base_url)
    if not inputs:
        raise OptionError("no input files found (WARC, JSONL, text or HTML)")
    plan = planning.make_plan(inputs, out, version, tasks)
    if dry_run:
        _print_plan(plan, master, as_json)
        return
    from dateline.spark.driver import build_session, run_plan, worker_config

    cfg = worker_config(plan, model, factory, batch_size)
    summary_extra: dict[str, Any] = {"out": out, "master": master, "version": version}
    if plan.inputs:
        import time

        t0 = time.perf_counter()
        session = build_session(master, settings, max_failures)
        summary_extra["startup_seconds"] = round(time.perf_counter() - t0, 2)
        try:
            summary = run_plan(session, plan, cfg)
        finally:
            session.stop()
    else:
        from dateline.spark.driver import JobSummary

        summary = JobSummary(inputs=len(plan.done), skipped=len(plan.done))
    result = {**summary_extra, **summary.to_dict()}
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        output_console().print(
            f"spark into {out}: inputs {summary.inputs}, processed {summary.processed}, "
            f"skipped (committed) {summary.skipped}, failed {summary.failed}; "
            f"{summary.articles} articles, {summary.failures} failures, {summary.words} words "
            f"in {summary.seconds:.1f} s",
            markup=False,
        )
    if summary.failed:
        for row in result["failed_inputs"][:20]:
            typer.echo(f"dateline: input failed: {row['uri']}: {row['error']}", err=True)
        raise typer.Exit(1)


def _conf(pairs: list[str]) -> dict[str, str]:
    from dateline.spark.driver import parse_conf

    return parse_conf(pairs)


def _print_plan(plan: Any, master: str, as_json: bool) -> None:
    data = {"master": master, **plan.to_dict()}
    if as_json:
        sys.stdout.write(json.dumps(data) + "\n")
        return
    console = output_console()
    console.print(
        f"plan: {data['inputs']} inputs, {data['to_process']} to process, "
        f"{data['already_committed']} already committed; {data['tasks']} Spark tasks on {master}",
        markup=False,
    )
    console.print(f"pipeline version: {data['version']}", markup=False)
    console.print("output layout:", markup=False)
    for line in [*data["layout"]["tables"], data["layout"]["commit_markers"], data["layout"]["manifest"]]:
        console.print(f"  {line}", markup=False)
    for part in data["parts"][:50]:
        console.print(f"  {part['part']}  {part['uri']}", markup=False)
    if len(data["parts"]) > 50:
        console.print(f"  ... and {len(data['parts']) - 50} more", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(spark)
