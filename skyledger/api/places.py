"""Places: the gazetteer entries the ledger's claims refer to, with coordinates."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from skyledger.api import cursor
from skyledger.api.claims import Limit
from skyledger.api.envelope import ok

router = APIRouter(prefix="/api", tags=["places"])


@router.get("/places", summary="Places claims refer to (ordered by place_id)")
def places_endpoint(
    request: Request,
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166-1 alpha-2 code: UA, RU…")] = None,
    cursor_: Annotated[str | None, Query(alias="cursor", max_length=2000)] = None,
    limit: Limit = cursor.MAX_LIMIT,
) -> dict[str, Any]:
    key = cursor.decode("places", cursor_, 1)
    where, params = [], []
    if country:
        where.append("country = ?")
        params.append(country.upper())
    if key is not None:
        where.append("place_id > ?")
        params.append(key[0])
    with request.app.state.pool.reader() as conn:
        rows = conn.execute(f"SELECT * FROM places {'WHERE ' + ' AND '.join(where) if where else ''}"
                            " ORDER BY place_id LIMIT ?", [*params, limit + 1]).fetchall()
    rows, nxt = cursor.page("places", rows, limit, lambda r: [r["place_id"]])
    return ok([dict(r) for r in rows], nxt)
