"""Dashboard pages: map, timeline, claims table, event, document; thin handlers over the API's queries.

Each handler calls the same function as its JSON twin (named in the Link
header) and renders the result; the map and timeline draw themselves in the
browser from the twin.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from skyledger.api import cursor
from skyledger.api.claims import list_claims
from skyledger.api.documents import get_document
from skyledger.api.envelope import ApiError
from skyledger.api.events import event_detail
from skyledger.api.filters import ACTIONS, SIDES, WEAPONS, ClaimFilters, claim_filters
from skyledger.web.render import marked_segments, page, query_string

router = APIRouter(include_in_schema=False)

CHOICES = {"weapons": WEAPONS, "actions": ACTIONS, "sides": SIDES}


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)]) -> HTMLResponse:
    query = query_string(f.query())
    return page(request, "map.html", twin=f"/api/events{query}", f=f, query=query, **CHOICES)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)]) -> HTMLResponse:
    params = {k: v for k, v in f.query().items() if k in ("since", "until", "weapon", "attacker", "side")}
    return page(request, "timeline.html", twin=f"/api/timeline{query_string(params)}", f=f, **CHOICES)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)],
                cursor_: Annotated[str | None, Query(alias="cursor", max_length=2000)] = None,
                limit: Annotated[int, Query(ge=1, le=cursor.MAX_LIMIT)] = cursor.DEFAULT_LIMIT) -> HTMLResponse:
    with request.app.state.pool.reader() as conn:
        rows, nxt = list_claims(conn, f, cursor_, limit)
    params: dict[str, Any] = {**f.query(), "cursor": cursor_, "limit": limit if limit != cursor.DEFAULT_LIMIT else None}
    return page(request, "claims.html", twin=f"/api/claims{query_string(params)}", f=f, rows=rows,
                filters=query_string(f.query()), next_page=query_string({**params, "cursor": nxt}) if nxt else None,
                first_page=query_string(f.query()) if cursor_ else None, **CHOICES)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    pool = request.app.state.pool
    if not pool.has_events:
        raise ApiError(404, f"no single event matches {event_id!r}")
    with pool.reader() as conn:
        event = event_detail(conn, event_id)
    return page(request, "event.html", twin=f"/api/events/{quote(event['event_id'], safe='')}", event=event)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    with request.app.state.pool.reader() as conn:
        doc = get_document(conn, doc_id)
    segments = marked_segments(doc["text"], [(c["start"], c["end"]) for c in doc["claims"]])
    return page(request, "document.html", twin=f"/api/documents/{quote(doc['doc_id'], safe='')}", doc=doc,
                segments=segments)
