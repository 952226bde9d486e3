"""The Starlette application: routes, templates, static files and error pages.

Every page is rendered on the server from the read-only store; the little JavaScript
(keyboard, record panel, map, timeline brushing) is in ``static/`` and Leaflet comes from
the ``xstatic`` packages, so a page makes no request outside this server. Every query
parameter is checked (``filters.Filters.parse``): a bad one is a 400 naming what is
allowed, a missing record a 404, a query past its time cap a 503, never a 500.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from dateline.serve import incidents as incident_tables
from dateline.serve import triage
from dateline.serve.db import QueryTimeout, ReadOnlyDB
from dateline.serve.filters import FACETS, SORTS, BadRequest, Filters
from dateline.serve.highlight import LAYERS, marks_for, render_text
from dateline.serve.queries import ARTICLES_PER_PAGE, EXPORT_CAP, MAP_CAP, Queries
from dateline.serve.security import SecurityHeaders, allowed_hosts
from dateline.serve.timeline import TimelineChart, build_chart

HERE = Path(__file__).resolve().parent
log = logging.getLogger("dateline.serve")

FACET_LABELS = {
    "type": "PLOVER type",
    "acled_type": "ACLED type",
    "acled_subtype": "ACLED sub-type",
    "country": "Country",
    "admin1": "Admin1",
    "modality": "Modality",
}
EXPORTS = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "plover-jsonl": ("application/x-ndjson; charset=utf-8", "plover.jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "graphml": ("application/graphml+xml", "graphml"),
}


def _page_number(request: Request, allowed: tuple[str, ...], high: int = 200) -> int:
    for name in request.query_params:
        if name not in allowed:
            raise BadRequest(f"unknown parameter {name!r}; this page takes: {', '.join(allowed) or 'none'}")
    raw = request.query_params.get("page", "1") or "1"
    try:
        number = int(raw)
    except ValueError:
        raise BadRequest(f"page={raw!r} is not a whole number") from None
    if not 1 <= number <= high:
        raise BadRequest(f"page={number} is out of range: 1 to {high}")
    return number


def _canonical(request: Request, f: Filters, **extra: str | None) -> Response | None:
    """A redirect to the permalink form of this URL (no empty or default parameters), or None.

    A plain HTML form submits every field, empty ones too; redirecting keeps the address
    bar a short, shareable permalink without needing script.
    """
    qs = f.query_string()
    tail = urlencode({k: v for k, v in extra.items() if v})
    if tail:
        qs = f"{qs}&{tail}" if qs else f"?{tail}"
    given = sorted(parse_qsl(request.url.query, keep_blank_values=True))
    if given == sorted(parse_qsl(qs.lstrip("?"))):
        return None
    return RedirectResponse(request.url.path + qs, status_code=303)


def _pages(total: int, per_page: int, cap_rows: int) -> int:
    return max(1, (min(total, cap_rows) + per_page - 1) // per_page)


def create_app(
    db_path: str | Path, hosts: list[str] | None = None, query_seconds: float | None = None
) -> Starlette:
    """The app over one SQLite store; ``hosts`` is the Host header allow-list."""
    db = ReadOnlyDB(db_path) if query_seconds is None else ReadOnlyDB(db_path, query_seconds)
    queries = Queries(db)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(layers=LAYERS, facet_labels=FACET_LABELS, store_name=Path(db_path).name)

    def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context, status_code=status)

    # -- pages ------------------------------------------------------------------------------------
    def index(request: Request) -> Response:
        number = _page_number(request, ("q", "page"))
        q = (request.query_params.get("q") or "").strip()
        if len(q) > 200:
            raise BadRequest("q is longer than 200 characters")
        total, rows = queries.articles(q, number)
        return render(
            request,
            "index.html",
            counts=queries.counts(),
            articles=rows,
            total=total,
            q=q,
            page=number,
            pages=_pages(total, ARTICLES_PER_PAGE, ARTICLES_PER_PAGE * 200),
            incidents=incident_tables.discover(db).main is not None,
        )

    def article(request: Request) -> Response:
        for name in request.query_params:
            if name != "rec":
                raise BadRequest(f"unknown parameter {name!r}; the reader takes: rec")
        article_id = request.path_params["article_id"]
        art = queries.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id!r} in this store")
        marks = marks_for(art)
        keys = {m.key for m in marks} | {f"flag-{i}" for i in range(len(art.flags))}
        keys |= {f"quote-{q.id}" for q in art.quotes} | {f"event-{e.id}" for e in art.events}
        rec = request.query_params.get("rec")
        if rec is not None and rec not in keys:
            raise BadRequest(f"rec={rec!r} is not a record of this article")
        prev_id, next_id = queries.neighbours(article_id)
        layer_counts = {name: len({m.key for m in marks if m.layer == name}) for name in LAYERS}
        return render(
            request,
            "article.html",
            article=art,
            text_html=render_text(art.text, marks),
            anchors={m.anchor for m in marks},
            rec=rec,
            prev_id=prev_id,
            next_id=next_id,
            layer_counts=layer_counts,
            places={p.id: p for p in art.places},
            quotes={q.id: q for q in art.quotes},
        )

    def events(request: Request) -> Response:
        f = Filters.parse(request.query_params)
        if redirect := _canonical(request, f):
            return redirect
        total = queries.event_total(f)
        if f.page > 1 and f.offset >= total:
            raise BadRequest(f"page={f.page} is past the last page ({_pages(total, f.per_page, 10_000)})")
        rows = queries.events(f)
        queries.event_sentences(rows)
        return render(
            request,
            "events.html",
            f=f,
            rows=rows,
            total=total,
            pages=_pages(total, f.per_page, 10_000),
            facets=queries.facets(f),
            sorts=list(SORTS),
            exports=list(EXPORTS),
        )

    def map_page(request: Request) -> Response:
        f = Filters.parse(request.query_params)
        if redirect := _canonical(request, f):
            return redirect
        return render(request, "map.html", f=f, cap=MAP_CAP)

    def map_data(request: Request) -> Response:
        f = Filters.parse(request.query_params)
        keep = [
            "article_id", "event_id", "type", "acled_type", "acled_subtype", "trigger", "date", "actor",
            "target", "place", "country", "modality", "lat", "lon", "title",
        ]  # fmt: skip
        evs = queries.map_events(f, keep)
        return JSONResponse(
            {
                "events": evs,
                "places": queries.map_places(f),
                "capped": len(evs) >= MAP_CAP,
            }
        )

    def map_sentence(request: Request) -> Response:
        allowed = ("article", "event")
        for name in request.query_params:
            if name not in allowed:
                raise BadRequest(f"unknown parameter {name!r}; this endpoint takes: article, event")
        article_id, event_id = request.query_params.get("article"), request.query_params.get("event")
        if not article_id or not event_id:
            raise BadRequest("both article and event are required")
        sentence = queries.event_sentence(article_id, event_id)
        if sentence is None:
            raise HTTPException(404, f"no event {event_id!r} in article {article_id!r}")
        return JSONResponse({"sentence": sentence})

    def timeline(request: Request) -> Response:
        params = dict(request.query_params)
        by = params.pop("by", None)
        if by is not None and by not in ("year", "month", "day"):
            raise BadRequest(f"by={by!r} is not one of: year, month, day")
        f = Filters.parse(request.query_params, extra=("by",))
        if redirect := _canonical(request, f, by=by):
            return redirect
        chart: TimelineChart = build_chart(queries, f, by)
        if by:  # a bucket size chosen by hand survives a new range
            chart.base_qs += ("&" if chart.base_qs else "?") + urlencode({"by": by})
        return render(request, "timeline.html", f=f, chart=chart, by=by)

    def incidents(request: Request) -> Response:
        number = _page_number(request, ("page",), high=10_000)
        found = incident_tables.discover(db)
        total = incident_tables.total(db, found)
        return render(
            request,
            "incidents.html",
            found=found,
            rows=incident_tables.listing(db, found, number),
            total=total,
            page=number,
            pages=_pages(total, incident_tables.PER_PAGE, 10**9),
        )

    def incident(request: Request) -> Response:
        _page_number(request, ())
        found = incident_tables.discover(db)
        incident_id = request.path_params["incident_id"]
        if not found.main:
            raise HTTPException(404, "no incidents in this store")
        row, reports = incident_tables.detail(db, found, incident_id)
        if row is None:
            raise HTTPException(404, f"no incident {incident_id!r} in this store")
        return render(
            request,
            "incident.html",
            found=found,
            incident=row,
            reports=reports,
            view=incident_tables.merged(found, row, reports, queries.article),
            disputed=incident_tables.disputed,
        )

    def triage_page(request: Request) -> Response:
        number = _page_number(request, ("kind", "page"), high=10_000)
        kind = request.query_params.get("kind") or "unclosed"
        if kind not in triage.LISTS:
            raise BadRequest(f"kind={kind!r} is not one of: {', '.join(triage.LISTS)}")
        counts = queries.cached(("triage",), lambda: triage.counts(db))
        total = counts[kind]
        if number > 1 and (number - 1) * triage.PER_PAGE >= total:
            raise BadRequest(f"page={number} is past the last page ({_pages(total, triage.PER_PAGE, 10**9)})")
        return render(
            request,
            "triage.html",
            kind=kind,
            lists=triage.LISTS,
            counts=counts,
            rows=triage.page(db, kind, number),
            page=number,
            pages=_pages(total, triage.PER_PAGE, 10**9),
        )

    def export(request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in EXPORTS:
            raise HTTPException(404, f"no export format {fmt!r}; formats: {', '.join(EXPORTS)}")
        f = Filters.parse(request.query_params)
        from dateline.export import export as run_export

        articles = queries.export_articles(f)
        media, suffix = EXPORTS[fmt]
        with tempfile.TemporaryDirectory(prefix="dateline-serve-") as tmp:
            path = Path(tmp) / f"export.{suffix}"
            run_export(articles, fmt, path)
            body = path.read_bytes()
        return Response(
            body,
            media_type=media,
            headers={"content-disposition": f'attachment; filename="dateline-events.{suffix}"'},
        )

    # -- errors -----------------------------------------------------------------------------------
    def _error(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message}, status_code=status)
        return render(request, "error.html", status=status, code=status, message=message)

    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(request, 400, str(exc))

    async def timed_out(request: Request, exc: Exception) -> Response:
        return _error(request, 503, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, exc.status_code, str(exc.detail))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _error(request, 500, f"internal error: {type(exc).__name__} (see the server log)")

    from xstatic.pkg import leaflet, leaflet_markercluster

    routes = [
        Route("/", index),
        Route("/article/{article_id:path}", article),
        Route("/events", events),
        Route("/map", map_page),
        Route("/map/data.json", map_data),
        Route("/map/sentence.json", map_sentence),
        Route("/timeline", timeline),
        Route("/incidents", incidents),
        Route("/incidents/{incident_id:path}", incident),
        Route("/triage", triage_page),
        Route("/export/{fmt}", export),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        Mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet"),
        Mount("/vendor/markercluster", StaticFiles(directory=leaflet_markercluster.BASE_DIR), name="cluster"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=hosts or allowed_hosts("127.0.0.1")),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            BadRequest: bad_request,
            QueryTimeout: timed_out,
            HTTPException: http_error,
            Exception: server_error,
        },
    )
    app.state.db = db
    app.state.queries = queries
    return app


__all__ = ["EXPORTS", "EXPORT_CAP", "FACETS", "create_app"]
