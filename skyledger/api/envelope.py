"""The one success envelope and the one error shape every JSON endpoint answers with.

Success: ``{"ok": true, "data": ..., "next": cursor|null}``.
Error: ``{"ok": false, "error": {"status": int, "message": str, "errors": [...]}}``.
The exception handlers installed by ``install_handlers`` turn every failure
(HTTP errors, validation errors, ledger errors, crashes) into the error shape,
or into an escaped HTML page for dashboard routes.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from skyledger.store import LedgerError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A failure with an HTTP status and a message meant for the client."""

    def __init__(self, status: int, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def ok(data: Any, next_cursor: str | None = None) -> dict[str, Any]:
    return {"ok": True, "data": data, "next": next_cursor}


def error_body(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": {"status": status, "message": message, "errors": errors or []}}


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        loc = [str(part) for part in e.get("loc", ())]
        out.append({"location": ".".join(loc), "message": str(e.get("msg", "invalid"))})
    return out


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json"


def _respond(request: Request, status: int, message: str, errors: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> Response:
    if not _is_api(request):
        from skyledger.web.render import error_page  # the dashboard renders errors as (escaped) HTML

        return error_page(request, status, message, errors or [])
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def install_handlers(app: FastAPI) -> None:
    """Map every exception to the error shape (JSON under /api, HTML elsewhere)."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _respond(request, exc.status, exc.message, exc.errors,
                        {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, 422, "invalid request parameters", _validation_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _respond(request, exc.status_code, message)

    @app.exception_handler(LedgerError)
    async def _ledger(request: Request, exc: LedgerError) -> Response:
        return _respond(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal error")
