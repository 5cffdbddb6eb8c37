"""Claims: filtered, paginated lists (JSON, CSV, GeoJSON) and single claims with their evidence.

Lists run newest first by (claim date, claim_id), a key that never changes for
a claim, so cursors are stable; SQLite walks ``claims_date`` to answer a page
without sorting the ledger.  Each claim carries ``figure``: where in its
``quote`` the figure was read, so a client can highlight it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from skyledger.api import cursor
from skyledger.api.dialect import dialect
from skyledger.api.envelope import ApiError, ok
from skyledger.api.filters import ClaimFilters, claim_filters, claim_where

router = APIRouter(prefix="/api", tags=["claims"])

_SELECT = ("SELECT c.*, d.url, d.outlet, d.published, d.source, d.title FROM claims c"
           " JOIN documents d ON d.doc_id = c.doc_id")
_SELECT_PAGE = ("SELECT c.rowid AS rowid_, c.*, d.url, d.outlet, d.published, d.source, d.title FROM claims c"
                " JOIN documents d ON d.doc_id = c.doc_id")
_LISTS = ("locations", "place_ids", "launch_places")
EXPORT_LIMIT = 100_000
FEW_DOCUMENTS = 2000  # up to this many matching reports, a search reads their claims directly
FEW_CLAIMS = 5000  # up to this many claims of a weapon, they are read through claims_weapon_action
CSV_COLUMNS = ("claim_id", "date", "claimant", "claimant_side", "action", "count", "count_qualifier", "weapon",
               "weapon_model", "attacker_side", "locations", "place_ids", "time_start", "time_end", "quote",
               "outlet", "published", "url", "doc_id")


def figure_span(quote: str, start: int, end: int, sentence_start: int) -> dict[str, int] | None:
    """Offsets of the figure's words inside the quote, or None when they fall outside it."""
    s, e = start - sentence_start, end - sentence_start
    return {"start": s, "end": e} if 0 <= s < e <= len(quote) else None


def claim_dict(row: Any) -> dict[str, Any]:
    d = dict(row)
    d.pop("rowid_", None)
    for key in _LISTS:
        if key in d:
            d[key] = json.loads(d[key] or "[]")
    d["start"], d["end"] = d.pop("span_start"), d.pop("span_end")
    d["figure"] = figure_span(d["quote"], d["start"], d["end"], d["sentence_start"])
    return d


def list_claims(conn: Any, f: ClaimFilters, after: str | None = None,
                limit: int = cursor.DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], str | None]:
    """One page of claims matching ``f``, newest first, and the cursor of the next page.

    SQLite walks ``claims_date`` from the cursor on, unless the claims come
    from a few documents (``doc_id``, or a search matching at most
    ``FEW_DOCUMENTS`` reports): then it reads those through ``claims_doc``.
    """
    key = cursor.decode("claims", after, 2)
    sql = dialect(conn)
    index, extra, extra_params = "claims_date", [], []
    docs = _matching_documents(conn, f.q) if f.q and not f.doc_id else None
    if f.doc_id:
        index = "claims_doc"
    elif docs is not None:
        f = replace(f, q=None)
        index, extra, extra_params = "claims_doc", [f"c.doc_id IN ({sql.json_values_sql})"], [json.dumps(docs)]
    elif rare_weapon(conn, f):
        index = "claims_weapon_action"
    dated, undated = claim_where(f, sql, dated=True), claim_where(f, sql, dated=False)
    ids = cursor.desc_keyset(
        conn, source=sql.indexed("claims c", index), rowid="c.rowid", a="c.date", b="c.claim_id",
        dated=(dated[0] + extra, dated[1] + extra_params), undated=(undated[0] + extra, undated[1] + extra_params),
        after=key, limit=limit)
    ids, nxt = cursor.page("claims", ids, limit, lambda r: [r["a_"], r["b_"]])
    rows = cursor.fetch_in_order(conn, f"{_SELECT_PAGE} WHERE c.rowid IN", [r["rowid_"] for r in ids])
    return [claim_dict(r) for r in rows], nxt


def rare_weapon(conn: Any, f: ClaimFilters) -> bool:
    """True when at most ``FEW_CLAIMS`` claims have ``f``'s weapon (and action): read them by index and sort.

    Walking the date index for a weapon the ledger hardly holds would read it all.
    """
    if not f.weapon:
        return False
    sql = f"SELECT 1 FROM {dialect(conn).indexed('claims', 'claims_weapon_action')} WHERE weapon = ?"
    params = [f.weapon]
    if f.action:
        sql, params = sql + " AND action = ?", [*params, f.action]
    count = conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?) AS few", [*params, FEW_CLAIMS + 1]).fetchone()[0]
    return int(count) <= FEW_CLAIMS


def _matching_documents(conn: Any, q: str) -> list[str] | None:
    """doc_ids of the reports matching the search ``q`` when there are few of them, else None."""
    matching = dialect(conn).fts_ids_sql
    expression = dialect(conn).fts_param(q)
    if expression is None:
        return []
    count = conn.execute(f"SELECT count(*) FROM ({matching} LIMIT ?) AS m", (expression, FEW_DOCUMENTS + 1))
    if int(count.fetchone()[0]) > FEW_DOCUMENTS:
        return None
    return [r[0] for r in conn.execute(f"SELECT doc_id FROM documents WHERE id IN ({matching} LIMIT ?)",
                                       (expression, FEW_DOCUMENTS + 1))]


def get_claim(conn: Any, claim_id: str) -> dict[str, Any]:
    row = conn.execute(f"{_SELECT} WHERE c.claim_id = ?", (claim_id,)).fetchone()
    if row is None:
        raise ApiError(404, f"no claim {claim_id!r}")
    claim = claim_dict(row)
    claim["events"] = [r[0] for r in conn.execute(
        "SELECT event_id FROM event_claims WHERE claim_id = ? ORDER BY event_id", (claim_id,))] \
        if "event_claims" in dialect(conn).tables(conn) else []
    return claim


def export_rows(conn: Any, f: ClaimFilters, limit: int = EXPORT_LIMIT) -> list[dict[str, Any]]:
    """Every claim matching ``f`` (up to ``limit``), in list order: what the claims table shows, in full."""
    rows, _ = list_claims(conn, f, None, limit)
    return rows


def claims_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


def claims_geojson(conn: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Claims as Point features at the first of their places with coordinates (others are left out)."""
    coords = {r["place_id"]: (r["lon"], r["lat"]) for r in conn.execute(
        "SELECT place_id, lat, lon FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL")}
    features = []
    for row in rows:
        point = next((coords[p] for p in row["place_ids"] if p in coords), None)
        if point is None:
            continue
        props = {k: row.get(k) for k in CSV_COLUMNS}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(point)},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


Limit = Annotated[int, Query(ge=1, le=cursor.MAX_LIMIT, description="Rows per page.")]


@router.get("/claims", summary="Claims, filtered like `skyledger claims`, newest first")
def claims_endpoint(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)],
                    cursor_: Annotated[str | None, Query(alias="cursor", max_length=2000)] = None,
                    limit: Limit = cursor.DEFAULT_LIMIT) -> dict[str, Any]:
    with request.app.state.pool.reader() as conn:
        rows, nxt = list_claims(conn, f, cursor_, limit)
    return ok(rows, nxt)


@router.get("/claims.csv", summary="Matching claims as CSV (up to 100,000)", response_class=Response)
def claims_csv_endpoint(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)]) -> Response:
    with request.app.state.pool.reader() as conn:
        rows = export_rows(conn, f)
    return Response(claims_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="claims.csv"'})


@router.get("/claims.geojson", summary="Matching claims as GeoJSON points (up to 100,000)", response_class=Response)
def claims_geojson_endpoint(request: Request, f: Annotated[ClaimFilters, Depends(claim_filters)]) -> Response:
    with request.app.state.pool.reader() as conn:
        body = claims_geojson(conn, export_rows(conn, f))
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json",
                    headers={"Content-Disposition": 'attachment; filename="claims.geojson"'})


@router.get("/claims/{claim_id}", summary="One claim with its quote, source and events")
def claim_endpoint(request: Request, claim_id: str) -> dict[str, Any]:
    with request.app.state.pool.reader() as conn:
        return ok(get_claim(conn, claim_id))
