"""One exception tree for everything dateline raises on purpose.

    DatelineError                 base: the CLI turns any of these into one line and exit 1
    ├── InputError                a source cannot be read as an article
    │   ├── SourceNotFound        a path or URL that does not exist / answer
    │   ├── EmptyInput            nothing to analyse (empty file, blank text)
    │   ├── BinaryInput           bytes that are not text (NULs, an image, an archive)
    │   ├── DecodeError           bytes that no supported encoding decodes
    │   ├── MalformedInput        a JSONL line, HTML page or WARC record that is broken
    │   └── InputTooLarge         over a size limit of ``dateline.limits`` (docs/limits.md)
    ├── OptionError               a bad option value (``--published``, ``--format``); lists valid values
    ├── ModelNotFound             no spaCy English pipeline installed; names the install command
    ├── ResourceError             a data file (gazetteer, lexicon) missing or corrupt; names the build command
    ├── StageError                an extraction stage crashed on one article (a bug: the batch goes on)
    ├── TimeBudgetExceeded        one article ran past its time budget (it fails alone)
    └── StoreError                the corpus store cannot be opened or written

Calling the API with the wrong type (``analyze(123)``, ``analyze(b"...")``) raises
``TypeError``, as Python does; ``Pipeline.pipe`` turns a wrong-typed item into a
``Failure`` so that one bad item never aborts a batch.

Problems *inside* an article (an unclosed quote, no publication date) are flags on the
article, never exceptions.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class InputError(DatelineError):
    """A source cannot be read as an article."""


class SourceNotFound(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class MalformedInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class OptionError(DatelineError):
    pass


class ModelNotFound(DatelineError):
    pass


class ResourceError(DatelineError):
    pass


class StageError(DatelineError):
    pass


class TimeBudgetExceeded(DatelineError):
    pass


class StoreError(DatelineError):
    pass


def value_invalid_msg(name: str, value: object, valid: object) -> str:
    """The message for a bad option value, listing what would have been accepted."""
    return f"invalid {name} {value!r}: expected one of {valid}"
