"""The offline gazetteer: one read-only SQLite file, opened once per process.

Lookups go through the ``names`` index (exact name keys); fuzzy matching never scans
the whole table, only the names of the countries an article already mentions.
The file is a build artefact located (or built, once) by ``dateline.resolve.geodata``.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from dataclasses import dataclass

from dateline.errors import ResourceError
from dateline.resolve import geodata
from dateline.resolve.names import name_key

__all__ = ["Candidate", "Gazetteer", "gazetteer"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to; ``kind`` says how the name matched it."""

    eid: int
    gid: int | None
    name: str
    feature: str
    cc: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    pop: int
    kind: int = 0

    @property
    def first_level(self) -> bool:
        """A country or a first-level region (state, province): what a bare name most often means."""
        return self.feature == "country" or (self.feature == "admin" and not self.admin2)

    @property
    def us_state(self) -> bool:
        """A US state (or DC): US news names them bare, and local agencies after them.

        Other first-level regions are named bare less often than a town that shares the
        name, so several rules tell the two apart.
        """
        return self.feature == "admin" and not self.admin2 and self.cc == "US"

    @property
    def province(self) -> bool:
        """A first-level region outside the US (a province, a region, a divided region)."""
        return self.feature == "admin" and not self.admin2 and self.cc != "US"


_COLS = "e.eid, e.gid, e.name, e.feature, e.cc, e.admin1, e.admin2, e.lat, e.lon, e.pop"


class Gazetteer:
    """Read-only access to ``gazetteer.sqlite``; safe to share between threads."""

    def __init__(self, path: os.PathLike[str] | str | None = None) -> None:
        path = path if path is not None else geodata.gazetteer_path()
        if not os.path.exists(path):
            raise ResourceError(f"gazetteer not found at {path}: {geodata.HINT}")
        self.path = str(path)
        self._local = threading.local()
        try:
            meta = dict(self._db().execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise ResourceError(f"gazetteer at {path} is unreadable ({exc}): {geodata.HINT}") from exc
        self.counts = {k: int(v) for k, v in meta.items() if v.isdigit()}
        self.admin1: dict[tuple[str, str], Candidate] = {}
        for row in self._db().execute(
            f"SELECT {_COLS} FROM entries e WHERE e.feature = 'admin' AND e.admin2 IS NULL"
        ):
            cand = Candidate(*row)
            if cand.cc and cand.admin1:
                self.admin1[(cand.cc, cand.admin1)] = cand
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None or getattr(self._local, "pid", None) != os.getpid():
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Every entry whose name (or alternate name) has the key of ``text``."""
        key = name_key(text)
        if not key:
            return ()
        hit = self._cache.get(key)
        if hit is None:
            rows = (
                self._db()
                .execute(
                    f"SELECT {_COLS}, n.kind FROM names n JOIN entries e ON e.eid = n.eid WHERE n.key = ?",
                    (key,),
                )
                .fetchall()
            )
            hit = tuple(Candidate(*r) for r in rows)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def has(self, text: str) -> bool:
        return bool(self.lookup(text))

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - one gazetteer per process
    def names_in(self, cc: str, initial: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Name keys of one country's towns and regions that start with ``initial``.

        The ``fuzzy`` table is keyed by country, then name: one index range per call, so
        fuzzy matching a misspelling costs a millisecond, not a pass over every name.
        """
        hi = chr(ord(initial) + 1)
        rows = (
            self._db()
            .execute("SELECT key, eid FROM fuzzy WHERE cc = ? AND key >= ? AND key < ?", (cc, initial, hi))
            .fetchall()
        )
        return tuple(r[0] for r in rows), tuple(r[1] for r in rows)

    def entry(self, eid: int) -> Candidate | None:
        row = self._db().execute(f"SELECT {_COLS} FROM entries e WHERE e.eid = ?", (eid,)).fetchone()
        return Candidate(*row) if row else None

    def admin1_of(self, cand: Candidate) -> Candidate | None:
        if not cand.cc or not cand.admin1:
            return None
        return self.admin1.get((cand.cc, cand.admin1))


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened on first use (built once first if missing)."""
    return Gazetteer()
