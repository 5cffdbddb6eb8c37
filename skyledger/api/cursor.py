"""Opaque, stable pagination cursors: the ordering key of the last row of a page.

Lists are ordered by keys that never change for a row (a date and a content
id), so a cursor keeps its place when rows are added before or after it.
A cursor is the JSON list of those key values, base64url-encoded, tagged with
the list it belongs to so one list's cursor is refused by another.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from typing import Any

from skyledger.api.envelope import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def encode(kind: str, key: list[Any]) -> str:
    raw = json.dumps([kind, *key], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(kind: str, cursor: str | None, size: int) -> list[Any] | None:
    """The key values in ``cursor``, or None for the first page; a 422 ApiError when it is not one of ours."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if (not isinstance(value, list) or len(value) != size + 1 or value[0] != kind
            or not all(v is None or isinstance(v, str | int) for v in value[1:])):
        raise ApiError(422, "invalid cursor", [{"location": "query.cursor",
                                                "message": f"not a cursor of this {kind} list"}])
    return value[1:]


def page(kind: str, rows: list[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    """Cut the ``limit + 1`` rows fetched to a page; the cursor of the next page when there is one."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode(kind, key(rows[-1]))


def desc_keyset(conn: sqlite3.Connection, *, source: str, rowid: str, a: str, b: str,
                dated: tuple[list[str], list[Any]], undated: tuple[list[str], list[Any]] | None,
                after: list[Any] | None, limit: int) -> list[sqlite3.Row]:
    """(rowid, a, b) of the rows after ``after`` in ``ORDER BY a DESC, b DESC`` order, NULL ``a`` last.

    Two plain queries instead of one with ORs, so SQLite walks the index on
    ``a`` (named in ``source`` with INDEXED BY) from the cursor on, instead of
    sorting every match: the rows where ``a`` is set (filtered by ``dated``),
    then, when the page is not full, those where it is NULL (filtered by
    ``undated``; None to leave them out).  ``b`` is unique and never NULL.
    Returns up to ``limit + 1`` rows: one more than a page tells there is a next.
    """
    rows: list[sqlite3.Row] = []
    if after is None or after[0] is not None:
        where, params = [*dated[0], f"{a} IS NOT NULL"], list(dated[1])
        if after is not None:
            where += [f"{a} <= ?", f"({a} < ? OR {b} < ?)"]
            params += [after[0], after[0], after[1]]
        rows = conn.execute(f"SELECT {rowid} AS rowid_, {a} AS a_, {b} AS b_ FROM {source}"
                            f" WHERE {' AND '.join(where)} ORDER BY {a} DESC, {b} DESC LIMIT ?",
                            [*params, limit + 1]).fetchall()
    if len(rows) <= limit and undated is not None:
        where, params = [*undated[0], f"{a} IS NULL"], list(undated[1])
        if after is not None and after[0] is None:
            where.append(f"{b} < ?")
            params.append(after[1])
        rows += conn.execute(f"SELECT {rowid} AS rowid_, {a} AS a_, {b} AS b_ FROM {source}"
                             f" WHERE {' AND '.join(where)} ORDER BY {b} DESC LIMIT ?",
                             [*params, limit + 1 - len(rows)]).fetchall()
    return rows


def fetch_in_order(conn: sqlite3.Connection, sql: str, rowids: list[Any], chunk: int = 500) -> list[sqlite3.Row]:
    """Rows of ``sql`` (selecting ``rowid_``, ending in ``WHERE <rowid> IN``) in the order of ``rowids``."""
    found: dict[Any, sqlite3.Row] = {}
    for start in range(0, len(rowids), chunk):
        part = rowids[start:start + chunk]
        found.update((r["rowid_"], r) for r in conn.execute(f"{sql} ({', '.join('?' for _ in part)})", part))
    return [found[i] for i in rowids if i in found]
