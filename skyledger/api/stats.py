"""Stats and the timeline: what the ledger holds, and per-day figures for the dashboard's chart."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from skyledger.api.dialect import Dialect, dialect
from skyledger.api.envelope import ok
from skyledger.api.filters import Side, Weapon
from skyledger.store.factory import is_postgres

router = APIRouter(prefix="/api", tags=["stats"])

# Per event, side, weapon and action the largest current figure (a total and its
# breakdown by model are not added); breakdown events (with a parent) are left
# out so a region's share is not counted beside the national total.
_TIMELINE = """
SELECT day AS date, attacker_side, claimant_side, weapon, action, CAST(sum(n) AS INTEGER) AS count, count(*) AS events
FROM (
    SELECT e.date AS day, e.attacker_side AS attacker_side, {claimant_side} AS claimant_side,
           {weapon} AS weapon, {action} AS action, max({count}) AS n
    FROM events e JOIN event_details x ON x.event_id = e.event_id, {figures}
    WHERE e.parent_id IS NULL AND e.date IS NOT NULL AND coalesce({current}, 1 = 1) {where}
    GROUP BY e.event_id, 3, 4, 5
) AS per_event
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
"""


def _timeline_sql(sql: Dialect, where: str) -> str:
    return _TIMELINE.format(claimant_side=sql.field("claimant_side"), weapon=sql.field("weapon"),
                            action=sql.field("action"), count=sql.field("count", "integer"),
                            current=sql.field("current", "boolean"), figures=sql.figures_sql, where=where)


def timeline(conn: Any, *, since: date | None = None, until: date | None = None,
             weapon: str | None = None, attacker: str | None = None, side: str | None = None) -> list[dict[str, Any]]:
    """Rows of (date, attacker_side, claimant_side, weapon, action, count, events), oldest day first."""
    sql = dialect(conn)
    where, params = [], []
    for clause, value in (("e.date >= ?", since and since.isoformat()), ("e.date <= ?", until and until.isoformat()),
                          (f"{sql.field('weapon')} = ?", weapon), ("e.attacker_side = ?", attacker),
                          (f"{sql.field('claimant_side')} = ?", side)):
        if value:
            where.append(clause)
            params.append(value)
    return [dict(r) for r in conn.execute(_timeline_sql(sql, "".join(f" AND {w}" for w in where)), params)]


@router.get("/stats", summary="Counts of documents, claims, events, flags and places")
def stats_endpoint(request: Request) -> dict[str, Any]:
    return ok(request.app.state.pool.ledger().stats())


def _signature(path: str) -> tuple[int, ...]:
    """Changes whenever the ledger is written (the file or its WAL), so cached answers never go stale."""
    out: list[int] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


class TimelineCache:
    """The last answers of /api/timeline: it reads every event in range, so a repeat should not."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[Any, ...], list[dict[str, Any]]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = compute()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value


_cache = TimelineCache()


@router.get("/timeline", summary="Per day: launched / intercepted / lost / impacted by weapon class and side")
def timeline_endpoint(
    request: Request,
    since: Annotated[date | None, Query(description="From this day.")] = None,
    until: Annotated[date | None, Query(description="Up to this day.")] = None,
    weapon: Annotated[Weapon | None, Query(description="Weapon class.")] = None,
    attacker: Annotated[Side | None, Query(description="The attacker's side.")] = None,
    side: Annotated[Side | None, Query(description="The claimant's side.")] = None,
) -> dict[str, Any]:
    pool = request.app.state.pool
    if not pool.has_events:
        return ok([], None)

    def compute() -> list[dict[str, Any]]:
        with pool.reader() as conn:
            return timeline(conn, since=since, until=until, weapon=weapon, attacker=attacker, side=side)

    if is_postgres(pool.path):  # no file to watch for writes: the server answers afresh
        return ok(compute())
    key = (pool.path, _signature(pool.path), since, until, weapon, attacker, side)
    return ok(_cache.get(key, compute))
