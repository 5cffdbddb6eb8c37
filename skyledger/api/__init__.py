"""The ledger over HTTP: a read-only JSON API (FastAPI) and the web dashboard served beside it.

``create_app(db)`` builds the ASGI app; ``skyledger serve`` runs it with uvicorn.
Every JSON answer is ``{"ok": true, "data": ..., "next": cursor|null}`` or
``{"ok": false, "error": {"status", "message", "errors"}}`` (docs/api.md).
"""

from __future__ import annotations

from skyledger.api.app import create_app

__all__ = ["create_app"]
