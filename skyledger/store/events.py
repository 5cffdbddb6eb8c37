"""Events in the ledger: incremental re-reconciliation and the queries that serve them.

``update_for_document`` is the ``on_document_added`` hook: it reloads only the
partitions a new document touches (its claims' dates ± 1 day, or its own
undated items), reconciles them again and swaps their events, flags, figures
and links in one transaction.  ``rebuild_events`` does the same for every
partition.  Reconciliation itself is pure (``skyledger.reconcile``).

Besides the shared ``events``/``event_claims``/``flags`` tables this module
keeps three of its own (created on first use): ``event_details`` (the
partition an event came from and its figures as JSON), ``event_links`` and
``event_docs`` (which documents an event draws on, to find the events a
re-extracted document used to be in).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from skyledger.models import Claim, Event, Figure, Flag
from skyledger.reconcile import (
    ClaimRecord,
    ReconciledEvent,
    fingerprint,
    partition,
    partition_key,
    possible_links,
    reconcile_partition,
)
from skyledger.reconcile.cluster import UNDATED
from skyledger.store.filters import claim_conditions
from skyledger.store.migrations import EVENT_DETAILS
from skyledger.reconcile.evaluate import EventScore, GoldEvent, score_events
from skyledger.reconcile.records import EventFigure, Link, Reconciliation
from skyledger.reconcile.scope import PlaceIndex, default_place_index

# The tables live in the named migration 0003_event_details; kept importable under this name.
EVENT_TABLES = EVENT_DETAILS


_RECORD_SQL = (
    "SELECT c.*, d.outlet, d.url, coalesce(i.published, d.published) AS doc_published,"
    " CASE WHEN i.doc_id IS NULL THEN d.text ELSE substr(d.text, i.span_start + 1, i.span_end - i.span_start) END"
    " AS copy_text FROM claims c"
    " JOIN documents d ON d.doc_id = c.doc_id"
    " LEFT JOIN items i ON i.doc_id = c.doc_id AND i.item = c.item"
)


def ensure_tables(conn: sqlite3.Connection) -> None:
    for statement in EVENT_TABLES.strip().split(";"):
        if statement.strip():
            conn.execute(statement)


# -- loading claim records ----------------------------------------------------


def _record(row: sqlite3.Row, fingerprints: dict[tuple[str, int], tuple[int, ...]]) -> ClaimRecord:
    d = dict(row)
    for key in ("locations", "place_ids", "launch_places"):
        d[key] = json.loads(d[key] or "[]")
    d["start"], d["end"] = d.pop("span_start"), d.pop("span_end")
    claim = Claim.from_dict(d)
    copy = (d["doc_id"], claim.item)
    if copy not in fingerprints:
        fingerprints[copy] = fingerprint(d["copy_text"] or claim.quote)
    return ClaimRecord(
        claim=claim,
        claim_id=d["claim_id"],
        doc_id=d["doc_id"],
        outlet=d["outlet"],
        url=d["url"],
        published=d["doc_published"],
        fingerprint=fingerprints[copy],
    )


def _load(conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[ClaimRecord]:
    """Claim records; each fingerprinted by the copy it was read from (its live-blog item, else its document)."""
    fingerprints: dict[tuple[str, int], tuple[int, ...]] = {}
    return [_record(r, fingerprints) for r in conn.execute(f"{_RECORD_SQL} {where}", params)]


def _records_on(conn: sqlite3.Connection, days: Iterable[str]) -> list[ClaimRecord]:
    days = sorted(set(days))
    if not days:
        return []
    return _load(conn, f"WHERE c.date IN ({', '.join('?' for _ in days)})", days)


def _undated_records(conn: sqlite3.Connection, doc_id: str) -> list[ClaimRecord]:
    return _load(conn, "WHERE c.doc_id = ? AND c.date IS NULL", (doc_id,))


def _around(day: str, radius: int) -> list[str]:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return [day]
    return [(d + timedelta(days=k)).isoformat() for k in range(-radius, radius + 1)]


# -- writing ------------------------------------------------------------------


def _write(conn: sqlite3.Connection, events: Sequence[tuple[str, ReconciledEvent]], doc_of: dict[str, str]) -> None:
    for key, rev in events:
        e = rev.event
        conn.execute(
            "INSERT OR REPLACE INTO events (event_id, date, attacker_side, weapons, locations, parent_id, status,"
            " corroboration) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (e.event_id, e.date, e.attacker_side, json.dumps(list(e.weapons)),
             json.dumps(list(e.locations), ensure_ascii=False), e.parent_id, e.status, e.corroboration),
        )
        conn.executemany("INSERT OR IGNORE INTO event_claims (event_id, claim_id) VALUES (?, ?)",
                         [(e.event_id, cid) for cid in e.claim_ids])
        conn.executemany("INSERT INTO flags (event_id, kind, reason, claim_ids) VALUES (?, ?, ?, ?)",
                         [(e.event_id, f.kind, f.reason, json.dumps(list(f.claim_ids))) for f in e.flags])
        conn.executemany("INSERT OR IGNORE INTO event_docs (event_id, doc_id) VALUES (?, ?)",
                         [(e.event_id, d) for d in sorted({doc_of[c] for c in e.claim_ids if c in doc_of})])
        conn.execute(
            "INSERT OR REPLACE INTO event_details (event_id, partition, figures) VALUES (?, ?, ?)",
            (e.event_id, key, json.dumps([f.to_dict() for f in rev.figures], ensure_ascii=False)),
        )


def _write_links(conn: sqlite3.Connection, links: Iterable[Link]) -> None:
    for link in links:
        exists = conn.execute(
            "SELECT 1 FROM event_links WHERE (event_id = ? AND other_event_id = ?) OR (event_id = ? AND other_event_id = ?)",
            (link.event_id, link.other_event_id, link.other_event_id, link.event_id),
        ).fetchone()
        if exists is None:
            conn.execute(
                "INSERT INTO event_links (event_id, other_event_id, kind, claim_ids, reason) VALUES (?, ?, ?, ?, ?)",
                (link.event_id, link.other_event_id, link.kind, json.dumps(list(link.claim_ids)), link.reason),
            )


def _delete_partitions(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    keys = sorted(set(keys))
    if not keys:
        return
    marks = ", ".join("?" for _ in keys)
    ids = [r[0] for r in conn.execute(f"SELECT event_id FROM event_details WHERE partition IN ({marks})", keys)]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        m = ", ".join("?" for _ in chunk)
        conn.execute(f"DELETE FROM flags WHERE event_id IN ({m})", chunk)
        conn.execute(f"DELETE FROM event_claims WHERE event_id IN ({m})", chunk)
        conn.execute(f"DELETE FROM event_links WHERE event_id IN ({m}) OR other_event_id IN ({m})", chunk + chunk)
        conn.execute(f"DELETE FROM event_details WHERE event_id IN ({m})", chunk)
        conn.execute(f"DELETE FROM event_docs WHERE event_id IN ({m})", chunk)
        conn.execute(f"DELETE FROM events WHERE event_id IN ({m})", chunk)


# -- reading reconciled events back (for links) --------------------------------


def _load_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> list[ReconciledEvent]:
    out = []
    for event_id in sorted(set(event_ids)):
        row = conn.execute(
            "SELECT e.*, x.figures FROM events e JOIN event_details x ON x.event_id = e.event_id WHERE e.event_id = ?",
            (event_id,),
        ).fetchone()
        if row is None:
            continue
        figures = tuple(
            EventFigure(
                figure=Figure(
                    claim_id=f["claim_id"], claimant=f["claimant"], claimant_side=f["claimant_side"],
                    action=f["action"], weapon=f["weapon"], weapon_model=f["weapon_model"], count=f["count"],
                    count_qualifier=f["count_qualifier"], locations=tuple(f["locations"]), doc_id=f.get("doc_id"),
                ),
                claim_ids=tuple(f["claim_ids"]), sources=f["sources"], current=f["current"],
            )
            for f in json.loads(row["figures"])
        )
        event = Event(event_id=row["event_id"], date=row["date"], attacker_side=row["attacker_side"],
                      weapons=tuple(json.loads(row["weapons"])), locations=tuple(json.loads(row["locations"])),
                      claim_ids=(), parent_id=row["parent_id"], status=row["status"],
                      corroboration=row["corroboration"])
        out.append(ReconciledEvent(event, figures))
    return out


def _events_with_figures(conn: sqlite3.Connection, figures: Iterable[tuple[str, str, int]], undated_only: bool) -> list[str]:
    ids: set[str] = set()
    extra = " AND c.date IS NULL" if undated_only else ""
    for action, weapon, count in set(figures):
        ids.update(
            r[0]
            for r in conn.execute(
                "SELECT ec.event_id FROM claims c JOIN event_claims ec ON ec.claim_id = c.claim_id"
                f" WHERE c.action = ? AND c.weapon = ? AND c.count = ?{extra}",
                (action, weapon, count),
            )
        )
    return sorted(ids)


# -- the two entry points --------------------------------------------------------


def reconcile_partitions(
    conn: sqlite3.Connection, keys: set[str], context: Sequence[ClaimRecord], index: PlaceIndex, *, everything: bool = False
) -> list[ReconciledEvent]:
    """Re-reconcile the given partitions from ``context`` (which also holds their neighbours) and store them.

    With ``everything`` (a full rebuild) links are found among the new events alone.
    """
    by_key = partition(context)
    fresh: list[tuple[str, ReconciledEvent]] = []
    for key in sorted(keys):
        neighbours = [r for d in _around(key, 1) if d != key for r in by_key.get(d, ())]
        for ev in reconcile_partition(key, by_key.get(key, ()), index, neighbours):
            fresh.append((key, ev))
    _delete_partitions(conn, keys)
    _write(conn, fresh, {r.claim_id: r.doc_id for r in context})
    events = [ev for _, ev in fresh]
    # Possible links touching the new events, in both directions.
    undated = [ev for ev in events if ev.event.date is None]
    if everything:
        _write_links(conn, possible_links(undated, events, index))
        return events
    dated = [ev for ev in events if ev.event.date is not None]
    figs_u = [(f.figure.action, f.figure.weapon, f.figure.count) for ev in undated for f in ev.figures]
    figs_d = [(f.figure.action, f.figure.weapon, f.figure.count) for ev in dated for f in ev.figures]
    candidates = _load_events(conn, _events_with_figures(conn, figs_u, undated_only=False))
    links = list(possible_links(undated, candidates, index))
    older_undated = [ev for ev in _load_events(conn, _events_with_figures(conn, figs_d, undated_only=True))
                     if ev.event_id not in {e.event_id for e in events}]
    links += possible_links(older_undated, dated, index)
    _write_links(conn, links)
    return events


def update_for_document(ledger: Any, doc_id: str, index: PlaceIndex | None = None) -> list[ReconciledEvent]:
    """Re-reconcile only what ``doc_id`` touches; the ``on_document_added`` hook.

    Reads and writes happen in one transaction, so readers see the old events or the new.
    """
    conn: sqlite3.Connection = ledger.conn
    index = index or default_place_index()
    ensure_tables(conn)
    with ledger.transaction():
        rows = conn.execute("SELECT DISTINCT date, item FROM claims WHERE doc_id = ?", (doc_id,)).fetchall()
        days = {r["date"] for r in rows if r["date"]}
        keys = {d for day in days for d in _around(day, 1)}
        context = _records_on(conn, {d for day in days for d in _around(day, 2)})
        if any(r["date"] is None for r in rows):
            undated = _undated_records(conn, doc_id)
            context += undated
            keys |= {partition_key(r) for r in undated}
        # After a re-extraction, the partitions the document's old claims were in are rebuilt too.
        stale = {r[0] for r in conn.execute(
            "SELECT DISTINCT x.partition FROM event_docs ed JOIN event_details x ON x.event_id = ed.event_id"
            " WHERE ed.doc_id = ?", (doc_id,))}
        for key in stale - keys:
            keys.add(key)
            if key.startswith(UNDATED + ":"):
                _, other_doc, _ = key.split(":", 2)
                context += [r for r in _undated_records(conn, other_doc) if partition_key(r) == key]
            else:
                context += _records_on(conn, _around(key, 1))
        return reconcile_partitions(conn, keys, _unique(context), index)


def _unique(records: Sequence[ClaimRecord]) -> list[ClaimRecord]:
    return list({(r.doc_id, r.claim_id): r for r in records}.values())


def rebuild_events(ledger: Any, index: PlaceIndex | None = None) -> int:
    """Throw away every event and reconcile the whole ledger again; returns the number of events."""
    conn: sqlite3.Connection = ledger.conn
    index = index or default_place_index()
    ensure_tables(conn)
    with ledger.transaction():
        records = _load(conn, "", ())
        for table in ("event_links", "event_docs", "flags", "event_claims", "event_details", "events"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
        events = reconcile_partitions(conn, set(partition(records)), records, index, everything=True)
    return len(events)


def register_hook() -> None:
    """Reconcile incrementally after every stored document (idempotent)."""
    from skyledger import pipeline

    if update_for_document not in pipeline.on_document_added:
        pipeline.on_document_added.append(update_for_document)


# -- queries for the CLI and API -------------------------------------------------


def list_events(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    weapon: str | None = None,
    action: str | None = None,
    side: str | None = None,
    attacker: str | None = None,
    place: str | None = None,
    claimant: str | None = None,
    flagged: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events with figures, corroboration and flags, filtered like claims (a filter matches any member claim)."""
    ensure_tables(conn)
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    if attacker:
        where.append("e.attacker_side = ?")
        params.append(attacker)
    if flagged:
        where.append("EXISTS (SELECT 1 FROM flags f WHERE f.event_id = e.event_id)")
    member, values = claim_conditions(weapon=weapon, action=action, side=side, claimant=claimant, place=place)
    params += values
    if member:
        where.append(
            "EXISTS (SELECT 1 FROM event_claims ec JOIN claims c ON c.claim_id = ec.claim_id"
            f" WHERE ec.event_id = e.event_id AND {' AND '.join(member)})"
        )
    sql = (
        "SELECT e.*, x.figures FROM events e LEFT JOIN event_details x ON x.event_id = e.event_id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY e.date IS NULL, e.date, e.parent_id IS NOT NULL,"
        " e.event_id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    _casefold(conn)
    return [_event_dict(conn, row) for row in conn.execute(sql, params).fetchall()]


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event with every member claim (quote and source), its flags, children and links."""
    ensure_tables(conn)
    row = conn.execute(
        "SELECT e.*, x.figures FROM events e LEFT JOIN event_details x ON x.event_id = e.event_id"
        " WHERE e.event_id = ? OR e.event_id LIKE ? ORDER BY e.event_id LIMIT 2",
        (event_id, event_id + "%"),
    ).fetchall()
    if len(row) != 1:
        return None
    event = _event_dict(conn, row[0])
    event["claims"] = [
        {**dict(r), "locations": json.loads(r["locations"] or "[]")}
        for r in conn.execute(
            "SELECT c.claim_id, c.claimant, c.claimant_side, c.action, c.weapon, c.weapon_model, c.count,"
            " c.count_qualifier, c.locations, c.date, c.quote, c.doc_id, d.outlet, d.url, d.published"
            " FROM event_claims ec JOIN claims c ON c.claim_id = ec.claim_id JOIN documents d ON d.doc_id = c.doc_id"
            " WHERE ec.event_id = ? ORDER BY d.published, c.doc_id, c.item, c.span_start",
            (event["event_id"],),
        )
    ]
    flagged = {cid: [] for cid in (c["claim_id"] for c in event["claims"])}
    for f in event["flags"]:
        for cid in f["claim_ids"]:
            if cid in flagged:
                flagged[cid].append(f["kind"])
    for c in event["claims"]:
        c["flags"] = flagged[c["claim_id"]]
    event["children"] = [r[0] for r in conn.execute(
        "SELECT event_id FROM events WHERE parent_id = ? ORDER BY event_id", (event["event_id"],))]
    return event


def _event_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    e = dict(row)
    figures = json.loads(e.pop("figures") or "[]")
    e["weapons"] = json.loads(e["weapons"] or "[]")
    e["locations"] = json.loads(e["locations"] or "[]")
    e["figures"] = figures
    e["flags"] = [
        {"kind": f["kind"], "reason": f["reason"], "claim_ids": json.loads(f["claim_ids"] or "[]")}
        for f in conn.execute("SELECT kind, reason, claim_ids FROM flags WHERE event_id = ? ORDER BY rowid", (e["event_id"],))
    ]
    e["links"] = [
        {"kind": r["kind"], "event_id": r["other"], "reason": r["reason"]}
        for r in conn.execute(
            "SELECT kind, reason, CASE WHEN event_id = ? THEN other_event_id ELSE event_id END AS other"
            " FROM event_links WHERE event_id = ? OR other_event_id = ? ORDER BY rowid",
            (e["event_id"], e["event_id"], e["event_id"]),
        )
    ]
    return e


def _casefold(conn: sqlite3.Connection) -> None:
    conn.create_function("casefold", 1, lambda s: s.casefold() if isinstance(s, str) else s, deterministic=True)


# -- evaluation against a ledger ------------------------------------------------------


def load_reconciliation(conn: sqlite3.Connection) -> Reconciliation:
    """The ledger's events (members and flags) and links, as a ``Reconciliation`` for scoring."""
    ensure_tables(conn)
    members: dict[str, list[str]] = {}
    for event_id, claim_id in conn.execute("SELECT event_id, claim_id FROM event_claims ORDER BY event_id, claim_id"):
        members.setdefault(event_id, []).append(claim_id)
    flags: dict[str, list[Flag]] = {}
    for event_id, kind, reason, claim_ids in conn.execute("SELECT event_id, kind, reason, claim_ids FROM flags"):
        flags.setdefault(event_id, []).append(Flag(kind, reason, tuple(json.loads(claim_ids or "[]"))))
    events = tuple(
        ReconciledEvent(Event(event_id=r["event_id"], date=r["date"], attacker_side=r["attacker_side"], weapons=(),
                              locations=(), claim_ids=tuple(members.get(r["event_id"], ())), parent_id=r["parent_id"],
                              status=r["status"], corroboration=r["corroboration"],
                              flags=tuple(flags.get(r["event_id"], ()))))
        for r in conn.execute("SELECT * FROM events ORDER BY event_id")
    )
    links = tuple(
        Link(r["kind"], r["event_id"], r["other_event_id"], tuple(json.loads(r["claim_ids"] or "[]")), r["reason"])
        for r in conn.execute("SELECT * FROM event_links ORDER BY rowid")
    )
    return Reconciliation(events, links)


def score_ledger(ledger: Any, gold: Sequence[GoldEvent]) -> EventScore:
    """Score the ledger's events against gold whose ``doc`` names a stored document.

    A gold ``doc`` names a document by its ``doc_id``, its ``url``, or the end of
    its ``source`` path (``statements/s11_2025-01-05_ru_mod.txt``).
    """
    conn: sqlite3.Connection = ledger.conn
    wanted = {m.doc for ev in gold for m in ev.members}
    alias: dict[str, str] = {}
    for row in conn.execute("SELECT doc_id, source, url FROM documents"):
        for key in wanted:
            if key in (row["doc_id"], row["url"]) or (row["source"] or "").endswith("/" + key) or row["source"] == key:
                alias[row["doc_id"]] = key
    records = [replace(r, doc_id=alias[r.doc_id]) for r in _load(conn, "", ()) if r.doc_id in alias]
    return score_events(gold, records, load_reconciliation(conn))
