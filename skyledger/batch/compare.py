"""``ledger_snapshot``: what a ledger holds, independent of backend, load order and timestamps.

Two ledgers built from the same inputs, by ``ingest`` or by ``batch``, on
SQLite or on PostgreSQL, have equal snapshots.  Row numbers (``documents.id``),
``ingested_at`` and run records are left out: they say when, not what.
"""

from __future__ import annotations

import json
from typing import Any

_DOC_COLUMNS = ("doc_id", "source", "url", "outlet", "published", "lang", "title", "extractor")


def _canon(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)


def ledger_snapshot(ledger: Any) -> dict[str, list[str]]:
    """Sorted canonical rows of documents, items, claims, claim places, places and events (with flags)."""
    conn = ledger.conn

    def rows(sql: str) -> list[str]:
        return sorted(_canon(dict(r)) for r in conn.execute(sql))

    events = []
    for event in ledger.events():
        events.append(_canon({k: v for k, v in event.items()}))
    return {
        "documents": rows(f"SELECT {', '.join(_DOC_COLUMNS)}, length(text) AS chars FROM documents"),
        "items": rows("SELECT doc_id, item, span_start, span_end, title, published FROM items"),
        "claims": rows("SELECT * FROM claims"),
        "claim_places": rows("SELECT claim_id, ord, place_id, name FROM claim_places"),
        "places": rows("SELECT place_id, name, kind, code, country, parent, lat, lon FROM places"),
        "events": sorted(events),
    }


def differences(a: dict[str, list[str]], b: dict[str, list[str]], show: int = 3) -> dict[str, Any]:
    """Per table: rows only in ``a`` and only in ``b`` (a few of each), for readable test failures."""
    out: dict[str, Any] = {}
    for table in sorted(set(a) | set(b)):
        left, right = set(a.get(table, [])), set(b.get(table, []))
        if left != right:
            out[table] = {"only_a": sorted(left - right)[:show], "only_b": sorted(right - left)[:show],
                          "counts": (len(a.get(table, [])), len(b.get(table, [])))}
    return out
