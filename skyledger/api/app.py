"""The app factory: JSON API, dashboard pages and static files over one ledger, with security headers.

``create_app(db, token=None)`` opens the ledger (an SQLite path or a
``postgresql://`` URL) read-only; ``POST /api/ingest``
is on only when a token is given.  Every response carries a strict
Content-Security-Policy (scripts and styles from this origin only, nothing
inline), so even text that slipped past escaping could not run.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from skyledger.api import claims, documents, events, ingest, places, stats
from skyledger.api.db import LedgerPool
from skyledger.api.envelope import install_handlers

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The ASGI app serving ``db``: read-only, plus ``POST /api/ingest`` when ``token`` is set."""
    pool = LedgerPool(db)
    if token:
        from skyledger.store.events import register_hook

        register_hook()  # ingested documents are reconciled into events, as with `skyledger ingest`

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="skyledger", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="The ledger of air-war claims: documents, claims, events, places, stats. "
                              "Every answer is {ok, data, next} or {ok: false, error: {status, message, errors}}.")
    app.state.pool = pool
    app.state.token = token or None
    install_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    for module in (documents, claims, events, places, stats, ingest):
        app.include_router(module.router)
    from skyledger.web import pages

    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
