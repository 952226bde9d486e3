"""``dateline serve``: the evidence reader, every record next to the words it came from.

A local web app over a SQLite corpus store: the article reader with record layers and
the chain of reporting, the events table with facets and full-text search, an offline
map, a timeline, incidents, quality triage and exports of the current view. It needs the
``serve`` extra (Starlette, Jinja2, uvicorn, Leaflet from the xstatic packages):

    pip install 'dateline[serve]'
    dateline serve --db dateline.db          # http://127.0.0.1:8000

The store is opened read-only; see ``docs/serve.md`` for the pages and the security model.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.errors import OptionError

__all__ = ["create_app", "serve"]

MISSING_EXTRA = "dateline serve needs the serve extra: pip install 'dateline[serve]' ({})"


def create_app(db_path: str | Path, hosts: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The Starlette app over ``db_path`` (imported lazily: the extra is optional)."""
    try:
        from dateline.serve.app import create_app as _create
    except ImportError as exc:
        raise OptionError(MISSING_EXTRA.format(exc)) from exc
    return _create(db_path, hosts=hosts)


def serve(
    db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_hosts: tuple[str, ...] = ()
) -> None:
    """Run the app with uvicorn until interrupted; warns when it listens beyond this machine."""
    from dateline.serve.security import allowed_hosts, is_loopback

    app = create_app(db_path, hosts=allowed_hosts(host, allow_hosts))
    import uvicorn

    if not is_loopback(host):
        sys.stderr.write(
            f"dateline serve: warning: listening on {host}, reachable from other machines; the store is "
            "read-only, but anyone who can reach this port can read it\n"
        )
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
