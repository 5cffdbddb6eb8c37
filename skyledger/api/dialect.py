"""The SQL that differs between the ledger's backends, in one place: search, JSON arrays, index hints, tables.

Everything else the API runs is SQL both SQLite and PostgreSQL accept (the
``PostgresLedger`` adapter turns ``?`` into ``%s``).  What cannot be shared is
here, as ``SQLITE`` and ``POSTGRES``; ``dialect(conn)`` picks the one of a
connection.  Full-text search is FTS5 on SQLite and the ``fts`` tsvector column
(``skyledger.store.postgres.PG_OVERRIDES``) on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skyledger.store import fts_query
from skyledger.store.postgres import _tsquery


@dataclass(frozen=True)
class Dialect:
    name: str
    read_only: str  # run once on each reader connection: no request can write
    tables_sql: str  # the names of the ledger's tables
    fts_ids_sql: str  # documents.id of the reports matching one search parameter
    fts_probe_sql: str  # does report {doc_id} match the search parameter? ({doc_id}: an SQL expression)
    json_values_sql: str  # the values of one JSON array parameter, as rows
    figures_sql: str  # `x.figures` as rows `f(value)` (FROM clause item)
    field_sql: str  # one field of `f.value`: {name}, cast to {type} where the backend needs it
    index_hints: bool  # SQLite takes INDEXED BY; PostgreSQL's planner chooses for itself
    fts_param: Callable[[str], str | None]  # the user's words → the search parameter (None: nothing searchable)

    def indexed(self, source: str, index: str) -> str:
        """``source`` read through ``index`` where the backend takes such a hint."""
        return f"{source} INDEXED BY {index}" if self.index_hints else source

    def field(self, name: str, type_: str = "text") -> str:
        return self.field_sql.format(name=name, type=type_)

    def tables(self, conn: Any) -> set[str]:
        return {r[0] for r in conn.execute(self.tables_sql)}


SQLITE = Dialect(
    name="sqlite",
    read_only="PRAGMA query_only = ON",
    tables_sql="SELECT name FROM sqlite_master WHERE type = 'table'",
    fts_ids_sql="SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
    # a probe per claim (FTS5 seeks the rowid in the term's doclist): cheap when many reports match
    fts_probe_sql="EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND documents_fts.rowid ="
                  " (SELECT id FROM documents WHERE doc_id = {doc_id}))",
    json_values_sql="SELECT value FROM json_each(?)",
    figures_sql="json_each(x.figures) f",
    field_sql="json_extract(f.value, '$.{name}')",
    index_hints=True,
    fts_param=fts_query,
)

POSTGRES = Dialect(
    name="postgres",
    read_only="SET default_transaction_read_only = on",
    tables_sql="SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    fts_ids_sql="SELECT id FROM documents WHERE fts @@ to_tsquery('simple', ?)",
    fts_probe_sql="EXISTS (SELECT 1 FROM documents fd WHERE fd.doc_id = {doc_id}"
                  " AND fd.fts @@ to_tsquery('simple', ?))",
    json_values_sql="SELECT json_array_elements_text(?::json)",
    figures_sql="json_array_elements(x.figures::json) f(value)",
    field_sql="(f.value->>'{name}')::{type}",
    index_hints=False,
    fts_param=_tsquery,
)


def dialect(conn: Any) -> Dialect:
    """The dialect of a ledger connection (a ``sqlite3.Connection`` or ``PostgresLedger``'s adapter)."""
    return POSTGRES if hasattr(conn, "raw") else SQLITE
