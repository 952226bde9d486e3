"""Options shared by ``analyze`` and ``ingest``: which fields of a table hold what."""

from __future__ import annotations

from typing import Annotated

import typer

TextFieldOpt = Annotated[
    str | None,
    typer.Option("--text-field", help="Table/JSON field with the article text (default: text, maintext)."),
]
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="Table/JSON field with the id.")]
DateFieldOpt = Annotated[
    str | None,
    typer.Option("--date-field", help="Field with the publication date (default: published, date_publish)."),
]
UrlFieldOpt = Annotated[str | None, typer.Option("--url-field", help="Table/JSON field with the URL.")]
