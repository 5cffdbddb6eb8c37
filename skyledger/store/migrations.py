"""The ledger's schema, as named migrations applied in order and recorded in ``_migrations``.

Names are shared with any other backend (a future PostgreSQL store applies
migrations of the same names), so never rename or edit a migration that has
shipped: add a new one.  docs/schema.md documents the resulting tables.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

INITIAL_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,             -- stable row number (the FTS index points here)
    doc_id TEXT NOT NULL UNIQUE,        -- content hash of text + url/source
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published TEXT,                     -- ISO date or datetime
    lang TEXT,
    title TEXT,
    text TEXT NOT NULL,
    extractor TEXT,                     -- extractor whose claims are stored
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE items (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    item INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    title TEXT,
    published TEXT,
    PRIMARY KEY (doc_id, item)
);

CREATE TABLE claims (
    claim_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    item INTEGER NOT NULL DEFAULT 0,
    claimant TEXT,
    claimant_side TEXT,
    action TEXT NOT NULL,
    weapon TEXT NOT NULL,
    weapon_model TEXT,
    attacker_side TEXT,
    count INTEGER NOT NULL,
    count_qualifier TEXT NOT NULL,
    locations TEXT NOT NULL DEFAULT '[]',      -- JSON array of place names
    place_ids TEXT NOT NULL DEFAULT '[]',      -- JSON array of gazetteer ids
    date TEXT,
    time_start TEXT,
    time_end TEXT,
    launch_places TEXT NOT NULL DEFAULT '[]',  -- JSON array
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    lang TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_date ON claims(date);
CREATE INDEX claims_weapon_action ON claims(weapon, action);

CREATE TABLE places (
    place_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,
    code TEXT,                           -- ISO 3166-2 where there is one
    country TEXT,
    parent TEXT,
    lat REAL,
    lon REAL
);

CREATE TABLE claim_places (
    claim_id TEXT NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    place_id TEXT,
    name TEXT NOT NULL,
    PRIMARY KEY (claim_id, ord)
);
CREATE INDEX claim_places_place ON claim_places(place_id);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    date TEXT,
    attacker_side TEXT,
    weapons TEXT NOT NULL DEFAULT '[]',        -- JSON array
    locations TEXT NOT NULL DEFAULT '[]',      -- JSON array
    parent_id TEXT,
    status TEXT NOT NULL DEFAULT 'single_source',
    corroboration INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_claims (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    PRIMARY KEY (event_id, claim_id)
);
CREATE INDEX event_claims_claim ON event_claims(claim_id);

CREATE TABLE flags (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    claim_ids TEXT NOT NULL DEFAULT '[]'       -- JSON array
);
CREATE INDEX flags_event ON flags(event_id);

CREATE TABLE ingest_runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL DEFAULT '[]',         -- JSON array, as typed
    extractor TEXT,
    new INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'     -- running | finished | interrupted
);

CREATE TABLE ingest_errors (
    run_id INTEGER NOT NULL REFERENCES ingest_runs(run_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    locator TEXT,
    reason TEXT NOT NULL
);
"""

DOCUMENTS_FTS = """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

# (name, SQL) in the order they are applied.
EVENT_DETAILS = """
-- reconciliation details: figures per event, possible links between events, documents per event
CREATE TABLE IF NOT EXISTS event_details (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    partition TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS event_details_partition ON event_details(partition);
CREATE TABLE IF NOT EXISTS event_links (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    other_event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    claim_ids TEXT NOT NULL DEFAULT '[]',
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_links_event ON event_links(event_id);
CREATE INDEX IF NOT EXISTS event_links_other ON event_links(other_event_id);
CREATE TABLE IF NOT EXISTS event_docs (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (event_id, doc_id)
);
CREATE INDEX IF NOT EXISTS event_docs_doc ON event_docs(doc_id);
CREATE INDEX IF NOT EXISTS claims_figure ON claims(action, weapon, count, date);
"""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial_schema", INITIAL_SCHEMA),
    ("0002_documents_fts", DOCUMENTS_FTS),
    ("0003_event_details", EVENT_DETAILS),
)


class MigrationError(Exception):
    """The ledger's recorded migrations are not ones this version knows."""


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; returns the names applied."""
    done = set(applied(conn))
    known = {name for name, _ in MIGRATIONS}
    unknown = done - known
    if unknown:
        raise MigrationError(f"written by a newer skyledger (unknown migrations: {', '.join(sorted(unknown))})")
    newly: list[str] = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        statements = _split(sql)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if name in set(applied(conn)):  # another process applied it while we waited for the lock
                conn.execute("COMMIT")
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        newly.append(name)
    return newly


def schema_version(conn: sqlite3.Connection) -> str | None:
    names = applied(conn)
    return names[-1] if names else None


def _split(sql: str) -> list[str]:
    """Statements of a migration script (triggers contain ';' so split with sqlite3.complete_statement)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements

