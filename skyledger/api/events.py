"""Events: reconciled attacks with their figures, flags and a map point; one event with its evidence.

Lists run newest first by (event date, event_id).  Claim filters select the
events with at least one matching member claim, as ``skyledger events`` does.
Each listed event carries ``point`` (the first of its places with
coordinates, towns before regions before countries) and ``size`` (its largest
current figure), which is all the map needs.  Events come from
``skyledger.store.events``; a ledger never reconciled has none.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from skyledger.api import cursor
from skyledger.api.claims import Limit, figure_span, rare_weapon
from skyledger.api.dialect import dialect
from skyledger.api.envelope import ApiError, ok
from skyledger.api.filters import ClaimFilters, claim_filters, claim_where
from skyledger.store.events import get_event

router = APIRouter(prefix="/api", tags=["events"])

_KIND_RANK = "CASE p.kind WHEN 'country' THEN 2 WHEN 'admin1' THEN 1 ELSE 0 END"


def list_events(conn: Any, f: ClaimFilters, *, flagged: bool = False, status: str | None = None,
                after: str | None = None, limit: int = cursor.DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events matching the filters, newest first, and the next page's cursor."""
    sql = dialect(conn)
    where: list[str] = []
    params: list[Any] = []
    if f.since:
        where.append("e.date >= ?")
        params.append(f.since.isoformat())
    if f.until:
        where.append("e.date <= ?")
        params.append(f.until.isoformat())
    if f.attacker:
        where.append("e.attacker_side = ?")
        params.append(f.attacker)
    if status:
        where.append("e.status = ?")
        params.append(status)
    if flagged:
        where.append("EXISTS (SELECT 1 FROM flags fl WHERE fl.event_id = e.event_id)")
    member, member_params = claim_where(replace(f, since=None, until=None, attacker=None), sql)
    if member:
        where.append("EXISTS (SELECT 1 FROM event_claims ec JOIN claims c ON c.claim_id = ec.claim_id"
                     f" WHERE ec.event_id = e.event_id AND {' AND '.join(member)})")
        params += member_params
    source = sql.indexed("events e", "events_date")
    if rare_weapon(conn, f):  # few claims of this weapon: start from them, not from every event
        where.append(f"e.event_id IN (SELECT ec.event_id FROM {sql.indexed('claims c', 'claims_weapon_action')}"
                     " JOIN event_claims ec ON ec.claim_id = c.claim_id WHERE c.weapon = ?"
                     + (" AND c.action = ?)" if f.action else ")"))
        params += [f.weapon] + ([f.action] if f.action else [])
        source = "events e"
    ids = cursor.desc_keyset(
        conn, source=source, rowid="e.rowid", a="e.date", b="e.event_id",
        dated=(where, params), undated=None if (f.since or f.until) else (where, params),
        after=cursor.decode("events", after, 2), limit=limit)
    ids, nxt = cursor.page("events", ids, limit, lambda r: [r["a_"], r["b_"]])
    rows = cursor.fetch_in_order(
        conn, "SELECT e.rowid AS rowid_, e.*, x.figures FROM events e"
              " LEFT JOIN event_details x ON x.event_id = e.event_id WHERE e.rowid IN", [r["rowid_"] for r in ids])
    return _summaries(conn, rows), nxt


def _summaries(conn: Any, rows: list[Any]) -> list[dict[str, Any]]:
    ids = [r["event_id"] for r in rows]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    flags: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for r in conn.execute(f"SELECT event_id, kind, reason, claim_ids FROM flags WHERE event_id IN ({marks})"
                          " ORDER BY rowid", ids):
        flags[r["event_id"]].append({"kind": r["kind"], "reason": r["reason"],
                                     "claim_ids": json.loads(r["claim_ids"] or "[]")})
    points = event_points(conn, ids)
    claims = dict(conn.execute(f"SELECT event_id, count(*) FROM event_claims WHERE event_id IN ({marks})"
                               " GROUP BY event_id", ids).fetchall())
    out = []
    for r in rows:
        figures = json.loads(r["figures"] or "[]")
        current = [fig["count"] for fig in figures if fig.get("current", True)]
        out.append({
            "event_id": r["event_id"], "date": r["date"], "attacker_side": r["attacker_side"],
            "weapons": json.loads(r["weapons"] or "[]"), "locations": json.loads(r["locations"] or "[]"),
            "parent_id": r["parent_id"], "status": r["status"], "corroboration": r["corroboration"],
            "claims": claims.get(r["event_id"], 0), "size": max(current, default=0),
            "figures": figures, "flags": flags[r["event_id"]], "point": points.get(r["event_id"]),
        })
    return out


def event_points(conn: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Where to draw each event: the most precise place with coordinates among its claims' places."""
    marks = ", ".join("?" for _ in ids)
    points: dict[str, dict[str, Any]] = {}
    for r in conn.execute(
        "SELECT ec.event_id, p.name, p.code, p.kind, p.lat, p.lon FROM event_claims ec"
        " JOIN claim_places cp ON cp.claim_id = ec.claim_id JOIN places p ON p.place_id = cp.place_id"
        f" WHERE ec.event_id IN ({marks}) AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
        f" ORDER BY ec.event_id, {_KIND_RANK}, ec.claim_id, cp.ord", ids,
    ):
        points.setdefault(r["event_id"], {"place": r["name"], "code": r["code"], "lat": r["lat"], "lon": r["lon"]})
    return points


def event_detail(conn: Any, event_id: str) -> dict[str, Any]:
    """One event (id or unique prefix) with every member claim's quote, figure span and source, flags and links."""
    event = get_event(conn, event_id)
    if event is None:
        raise ApiError(404, f"no single event matches {event_id!r}")
    ids = [c["claim_id"] for c in event["claims"]]
    spans = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        spans = {r["claim_id"]: r for r in conn.execute(
            f"SELECT claim_id, span_start, span_end, sentence_start, sentence_end, item FROM claims"
            f" WHERE claim_id IN ({marks})", ids)}
    for c in event["claims"]:
        s = spans.get(c["claim_id"])
        c["start"], c["end"] = (s["span_start"], s["span_end"]) if s else (None, None)
        c["figure"] = figure_span(c["quote"], s["span_start"], s["span_end"], s["sentence_start"]) if s else None
    event["point"] = event_points(conn, [event["event_id"]]).get(event["event_id"])
    return event


@router.get("/events", summary="Events, filtered like `skyledger events`, newest first")
def events_endpoint(
    request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)],
    flagged: Annotated[bool, Query(description="Only events with contradiction flags.")] = False,
    status: Annotated[str | None, Query(max_length=40, description="single_source, corroborated, conflicting…")] = None,
    cursor_: Annotated[str | None, Query(alias="cursor", max_length=2000)] = None,
    limit: Limit = cursor.DEFAULT_LIMIT,
) -> dict[str, Any]:
    pool = request.app.state.pool
    if not pool.has_events:
        cursor.decode("events", cursor_, 2)
        return ok([], None)
    with pool.reader() as conn:
        rows, nxt = list_events(conn, f, flagged=flagged, status=status, after=cursor_, limit=limit)
    return ok(rows, nxt)


@router.get("/events/{event_id}", summary="One event with figures, quotes, sources and flags")
def event_endpoint(request: Request, event_id: str) -> dict[str, Any]:
    pool = request.app.state.pool
    if not pool.has_events:
        raise ApiError(404, f"no single event matches {event_id!r}")
    with pool.reader() as conn:
        return ok(event_detail(conn, event_id))
