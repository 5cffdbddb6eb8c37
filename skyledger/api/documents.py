"""Documents: the stored reports, newest first, and one report with its text and claims."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from skyledger.api import cursor
from skyledger.api.claims import Limit, claim_dict
from skyledger.api.dialect import dialect
from skyledger.api.envelope import ApiError, ok

router = APIRouter(prefix="/api", tags=["documents"])

_COLUMNS = "d.id, d.doc_id, d.source, d.url, d.outlet, d.published, d.lang, d.title, d.extractor, d.ingested_at"


def list_documents(conn: Any, *, outlet: str | None = None, lang: str | None = None,
                   since: date | None = None, until: date | None = None, q: str | None = None,
                   after: str | None = None, limit: int = cursor.DEFAULT_LIMIT) -> tuple[list[dict[str, Any]], str | None]:
    """Newest first by (published, row id): the ``documents_published`` index gives that order directly."""
    sql = dialect(conn)
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("instr(casefold(d.outlet), casefold(?)) > 0")
        params.append(outlet)
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    if since:
        where.append("d.published >= ?")
        params.append(since.isoformat())
    if until:
        where.append("d.published < ?")  # ISO text: every time of that day sorts before the next day
        params.append((until + timedelta(days=1)).isoformat())
    if q:
        expression = sql.fts_param(q)
        where.append(f"d.id IN ({sql.fts_ids_sql})" if expression else "1 = 0")
        params += [expression] if expression else []
    key = cursor.decode("documents", after, 2)
    if key is not None and not isinstance(key[1], int):
        raise ApiError(422, "invalid cursor", [{"location": "query.cursor", "message": "not a documents cursor"}])
    ids = cursor.desc_keyset(
        conn, source=sql.indexed("documents d", "documents_published"), rowid="d.id", a="d.published", b="d.id",
        dated=(where, params), undated=None if (since or until) else (where, params), after=key, limit=limit)
    ids, nxt = cursor.page("documents", ids, limit, lambda r: [r["a_"], r["b_"]])
    rows = cursor.fetch_in_order(
        conn, f"SELECT d.id AS rowid_, {_COLUMNS}, (SELECT count(*) FROM claims c WHERE c.doc_id = d.doc_id) AS claims"
              " FROM documents d WHERE d.id IN", [r["rowid_"] for r in ids])
    return [{k: r[k] for k in r.keys() if k not in ("id", "rowid_")} for r in rows], nxt


def get_document(conn: Any, doc_id: str) -> dict[str, Any]:
    row = conn.execute(f"SELECT {_COLUMNS}, d.text FROM documents d WHERE d.doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise ApiError(404, f"no document {doc_id!r}")
    doc = {k: row[k] for k in row.keys() if k != "id"}
    doc["claims"] = [claim_dict(r) for r in conn.execute(
        "SELECT c.*, d.url, d.outlet, d.published, d.source, d.title FROM claims c JOIN documents d"
        " ON d.doc_id = c.doc_id WHERE c.doc_id = ? ORDER BY c.item, c.span_start, c.claim_id", (doc_id,))]
    return doc


@router.get("/documents", summary="Stored reports, newest first")
def documents_endpoint(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet contains this text.")] = None,
    lang: Annotated[str | None, Query(max_length=10, description="en, ru, uk.")] = None,
    since: Annotated[date | None, Query(description="Published on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search over title and text.")] = None,
    cursor_: Annotated[str | None, Query(alias="cursor", max_length=2000)] = None,
    limit: Limit = cursor.DEFAULT_LIMIT,
) -> dict[str, Any]:
    with request.app.state.pool.reader() as conn:
        rows, nxt = list_documents(conn, outlet=outlet, lang=lang, since=since, until=until, q=q,
                                   after=cursor_, limit=limit)
    return ok(rows, nxt)


@router.get("/documents/{doc_id}", summary="One report: metadata, cleaned text and its claims")
def document_endpoint(request: Request, doc_id: str) -> dict[str, Any]:
    with request.app.state.pool.reader() as conn:
        return ok(get_document(conn, doc_id))
