"""Small lookups every export shares: an event's place, country, dates and context sentence,
and the safety rules every writer follows (CSV cells, XML text, atomic files)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dateline.country_codes import Country, country
from dateline.dates import event_dates as event_dates  # re-exported for the writers
from dateline.errors import OptionError
from dateline.records import Actor, Article, Event, Place

#: Modalities an event-level export keeps unless told otherwise: what the article says
#: happened (or that someone says happened). Negated, planned and hypothetical events
#: did not happen, and ACLED or a map must not count them.
DEFAULT_MODALITIES = frozenset({"asserted", "claimed"})


def place_of(article: Article, event: Event) -> Place | None:
    if not event.place:
        return None
    return next((p for p in article.places if p.id == event.place), None)


def actor_label(actor: Actor | None) -> str:
    """The normalised name where there is one, else the words as written."""
    if actor is None:
        return ""
    return actor.name or actor.text or ""


def country_info(code: str | None) -> tuple[str, str, str, int | None]:
    """(alpha-2, alpha-3, name, ISO numeric) for a country code; empty parts when unknown."""
    found = country(code)
    if found is None:
        return ("", "", "", None)
    return (found.alpha2, found.alpha3, found.name, found.numeric)


def event_country(article: Article, event: Event) -> Country | None:
    """Where the event happened: its place's country, else the actor's affiliation."""
    place = place_of(article, event)
    if place and place.country:
        return country(place.country)
    if event.actor and event.actor.country:
        return country(event.actor.country)
    return None


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def keep_event(event: Event, modalities: Iterable[str] | None) -> bool:
    """Whether an event of this modality belongs in an export that keeps ``modalities``."""
    wanted = DEFAULT_MODALITIES if modalities is None else frozenset(modalities)
    return (event.modality or "asserted") in wanted


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n+")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding a span (split on end punctuation or line breaks), for notes columns."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    return text[left:right].strip()[:limit]


# -- safety rules ---------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading ``'``.

    OWASP's CSV-injection rule: ``=``, ``+``, ``-``, ``@``, tab and carriage return start
    formulas in Excel, LibreOffice and Google Sheets. Only text is touched; numbers
    (a negative longitude) are written as numbers.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/FFFF
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """Text an XML file can hold: control characters and NULs (from scraped pages) removed."""
    return _XML_ILLEGAL.sub("", value)


@contextlib.contextmanager
def atomic_output(path: Path | str, binary: bool = False) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``path`` only when the block succeeds.

    The export goes to a temporary file beside the target and is renamed over it at the
    end, so a failed or interrupted export never leaves half a file or destroys the
    previous one. ``-`` writes to standard output instead.
    """
    if str(path) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise OptionError(f"cannot write the export to {target}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    except OSError as exc:
        raise OptionError(f"cannot write the export to {target}: {exc.strerror}") from None
    try:
        mode = "wb" if binary else "w"
        kwargs: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
