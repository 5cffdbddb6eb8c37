"""The ledger: one SQLite file (WAL) holding documents, claims, places, events and ingestion runs.

Plain tables with JSON arrays as TEXT, so any SQLite tool (Datasette, the
sqlite3 shell) can open it; docs/schema.md describes every table.  All SQL is
parameterised.  Every write happens in one transaction, so a process killed
mid-run leaves whole documents or none.  One writer at a time.
"""

from __future__ import annotations

import json
from dataclasses import replace
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

from skyledger.models import Claim, Document, Item
from skyledger.store.filters import claim_conditions
from skyledger.store.migrations import MigrationError, migrate, schema_version

_LIST_COLUMNS = ("locations", "place_ids", "launch_places")
_CLAIM_COLUMNS = (
    "claim_id", "doc_id", "item", "claimant", "claimant_side", "action", "weapon", "weapon_model",
    "attacker_side", "count", "count_qualifier", "locations", "place_ids", "date", "time_start", "time_end",
    "launch_places", "span_start", "span_end", "sentence_start", "sentence_end", "quote", "lang", "extractor",
)
_INSERT_CLAIM = (
    f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CLAIM_COLUMNS)}) ON CONFLICT (claim_id) DO NOTHING"
)
_MAX_QUERY_CHARS = 500
_MAX_QUERY_TERMS = 32


class LedgerError(Exception):
    """A ledger that cannot be opened or a query that cannot be answered, with a readable reason."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso_day(value: str | date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise LedgerError(f"{name} must be a date like 2025-03-08, got {text[:40]!r}") from None


def fts_query(text: str) -> str | None:
    """User words → a safe FTS5 expression: every term quoted, so no syntax can leak through.

    ``"exact phrase"`` stays a phrase, ``word*`` stays a prefix search and all
    terms must match (AND).  Returns None when nothing searchable remains.
    """
    terms: list[str] = []
    for phrase, bare in re.findall(r'"([^"]*)"?|(\S+)', text[:_MAX_QUERY_CHARS]):
        words = re.findall(r"\w+", phrase or bare)
        if not words:
            continue
        expression = '"' + " ".join(words) + '"'
        if bare and bare.endswith("*"):
            expression += "*"
        terms.append(expression)
    return " ".join(terms[:_MAX_QUERY_TERMS]) or None


def _claim_row(doc_id: str, claim: Claim, claim_id: str) -> tuple[Any, ...]:
    return (
        claim_id, doc_id, claim.item, claim.claimant, claim.claimant_side, claim.action, claim.weapon,
        claim.weapon_model, claim.attacker_side, claim.count, claim.count_qualifier,
        json.dumps(list(claim.locations), ensure_ascii=False), json.dumps(list(claim.place_ids), ensure_ascii=False),
        claim.date, claim.time_start, claim.time_end, json.dumps(list(claim.launch_places), ensure_ascii=False),
        claim.start, claim.end, claim.sentence_start, claim.sentence_end, claim.quote, claim.lang, claim.extractor,
    )


def _claim_dict(row: sqlite3.Row) -> dict[str, Any]:
    """A stored claim as a plain dict: Claim's field names plus its document's metadata."""
    d = dict(row)
    for key in _LIST_COLUMNS:
        if key in d:
            d[key] = json.loads(d[key] or "[]")
    d["start"] = d.pop("span_start")
    d["end"] = d.pop("span_end")
    return d


class Ledger:
    """Read and write access to one ledger file; use ``Ledger.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: str, gazetteer: Any = None) -> None:
        self.conn = conn
        self.path = path
        if gazetteer is not None:  # else loaded from skyledger.places on first use
            self.__dict__["_gazetteer"] = gazetteer

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, gazetteer: Any = None) -> Ledger:
        """Open (creating and migrating when needed) the ledger at ``path``; ``":memory:"`` works too.

        ``gazetteer`` (anything with ``get(place_id) -> Place | None``) fills the
        ``places`` table; by default ``skyledger.places.load_gazetteer()``.
        """
        target = str(path)
        try:
            if readonly:
                if not Path(target).is_file():
                    raise LedgerError(f"{target}: no ledger here (run `skyledger ingest` first)")
                conn = sqlite3.connect(f"{Path(target).resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            else:
                if target != ":memory:":
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("casefold", 1, lambda s: s.casefold() if isinstance(s, str) else s,
                                 deterministic=True)
            if readonly:
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_migrations'").fetchone() is None:
                    conn.close()
                    raise LedgerError(f"{target}: an SQLite file, but not a skyledger ledger")
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"{target}: not a usable skyledger database ({exc})") from None
        except MigrationError as exc:
            raise LedgerError(f"{target}: {exc}") from None
        except OSError as exc:
            raise LedgerError(f"{target}: {exc.strerror or exc}") from None
        return cls(conn, target, gazetteer)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> str | None:
        return schema_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (taken at once, so a second writer waits instead of failing midway)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:  # SQLite may already have rolled back (disk full, I/O error)
                self.conn.execute("ROLLBACK")
            raise

    # -- documents and claims ------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, claims: Sequence[Claim], extractor: str | None = None) -> bool:
        """Store a document with its claims in one transaction; False (nothing written) if already stored."""
        return self.add_documents([(doc, claims)], extractor)[0]

    def add_documents(self, batch: Iterable[tuple[Document, Sequence[Claim]]],
                      extractor: str | None = None) -> list[bool]:
        """Store several documents atomically (all or none); one flag per document: newly stored?"""
        added: list[bool] = []
        with self.transaction():
            for doc, claims in batch:
                added.append(self._insert_document(doc, claims, extractor))
        return added

    def _insert_document(self, doc: Document, claims: Sequence[Claim], extractor: str | None) -> bool:
        name = extractor if extractor is not None else _extractor_name(claims)
        cursor = self.conn.execute(
            "INSERT INTO documents (doc_id, source, url, outlet, published, lang, title, text, extractor,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO NOTHING",
            (doc.doc_id, doc.source, doc.url, doc.outlet, doc.published, doc.lang, doc.title, doc.text, name, _now()),
        )
        if cursor.rowcount == 0:
            return False
        self.conn.executemany(
            "INSERT INTO items (doc_id, item, span_start, span_end, title, published) VALUES (?, ?, ?, ?, ?, ?)",
            [(doc.doc_id, it.index, it.start, it.end, it.title, it.published) for it in doc.items],
        )
        self._insert_claims(doc.doc_id, claims)
        return True

    def _insert_claims(self, doc_id: str, claims: Sequence[Claim]) -> None:
        for claim in claims:
            if claim.doc_id != doc_id:
                claim = replace(claim, doc_id=doc_id)  # ids are per document: a reprint keeps its own claims
            claim_id = claim.claim_id  # a content hash: computed once per claim
            cursor = self.conn.execute(_INSERT_CLAIM, _claim_row(doc_id, claim, claim_id))
            if cursor.rowcount == 0:
                continue  # the same claim (same text, span, fields) is already stored
            self._insert_claim_places(claim, claim_id)

    def _insert_claim_places(self, claim: Claim, claim_id: str) -> None:
        names = list(claim.locations)
        ids: list[str | None] = list(claim.place_ids)
        if len(ids) != len(names):  # no one-to-one pairing: keep names and ids as separate rows
            pairs = [(name, None) for name in names] + [(None, pid) for pid in ids]
        else:
            pairs = list(zip(names, ids, strict=True))
        for ord_, (name, place_id) in enumerate(pairs):
            place = self._remember_place(place_id) if place_id else None
            self.conn.execute(
                "INSERT INTO claim_places (claim_id, ord, place_id, name) VALUES (?, ?, ?, ?)",
                (claim_id, ord_, place_id, name or (place.name if place else place_id)),
            )

    @cached_property
    def _gazetteer(self) -> Any:
        try:
            from skyledger.places import load_gazetteer  # type: ignore[attr-defined]

            return load_gazetteer()
        except Exception:  # noqa: BLE001 - places are enrichment; a missing gazetteer must not stop storage
            return None

    def _remember_place(self, place_id: str) -> Any:
        """Copy a referenced place from the gazetteer into ``places`` (once)."""
        place = self._gazetteer.get(place_id) if self._gazetteer is not None else None
        if place is None:
            return None
        self.conn.execute(
            "INSERT OR IGNORE INTO places (place_id, name, kind, code, country, parent, lat, lon)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (place_id, place.name, getattr(place, "kind", None), getattr(place, "code", None),
             getattr(place, "country", None), getattr(place, "parent", None),
             getattr(place, "lat", None), getattr(place, "lon", None)),
        )
        return place

    def replace_claims(self, doc_id: str, claims: Sequence[Claim], extractor: str | None = None) -> None:
        """Swap a document's claims for a new extraction, atomically (readers see old or new, never a mix)."""
        with self.transaction():
            if not self.has_document(doc_id):
                raise LedgerError(f"no document {doc_id!r} in the ledger")
            self.conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
            self._insert_claims(doc_id, claims)
            self.conn.execute("UPDATE documents SET extractor = ? WHERE doc_id = ?",
                              (extractor if extractor is not None else _extractor_name(claims), doc_id))

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        items = tuple(
            Item(index=r["item"], start=r["span_start"], end=r["span_end"], title=r["title"], published=r["published"])
            for r in self.conn.execute("SELECT * FROM items WHERE doc_id = ? ORDER BY item", (doc_id,))
        )
        return Document(doc_id=row["doc_id"], text=row["text"], source=row["source"], url=row["url"],
                        outlet=row["outlet"], published=row["published"], lang=row["lang"], title=row["title"],
                        items=items)

    def document_extractors(self) -> Iterator[tuple[str, str | None]]:
        """(doc_id, extractor name) of every stored document, oldest first."""
        for row in self.conn.execute("SELECT doc_id, extractor FROM documents ORDER BY id").fetchall():
            yield row["doc_id"], row["extractor"]

    def documents(self, *, outlet: str | None = None, lang: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = None, with_text: bool = False) -> list[dict[str, Any]]:
        where, params = [], []
        if outlet:
            where.append("instr(casefold(outlet), casefold(?)) > 0")
            params.append(outlet)
        if lang:
            where.append("lang = ?")
            params.append(lang)
        if since := _iso_day(since, "since"):
            where.append("substr(published, 1, 10) >= ?")
            params.append(since)
        if until := _iso_day(until, "until"):
            where.append("substr(published, 1, 10) <= ?")
            params.append(until)
        text_col = ", text" if with_text else ""
        sql = (f"SELECT doc_id, source, url, outlet, published, lang, title, extractor, ingested_at,"
               f" (SELECT count(*) FROM claims c WHERE c.doc_id = documents.doc_id) AS claims{text_col}"
               f" FROM documents {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY published, id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [dict(r) for r in self.conn.execute(sql, params)]

    def claims(self, *, since: str | date | None = None, until: str | date | None = None, weapon: str | None = None,
               action: str | None = None, side: str | None = None, attacker: str | None = None,
               place: str | None = None, claimant: str | None = None, text: str | None = None,
               doc_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored claims matching every filter given, with their document's url, outlet and date.

        ``side`` is the claimant's side, ``attacker`` the attacker's; ``place``
        matches a place name (case-insensitive substring), gazetteer id or ISO
        code; ``claimant`` and ``text`` (in the quote) are case-insensitive
        substrings; ``since``/``until`` bound the claim's date (else the
        document's publication day).
        """
        where: list[str] = []
        params: list[Any] = []
        day = "coalesce(c.date, substr(d.published, 1, 10))"
        if since_day := _iso_day(since, "since"):
            where.append(f"{day} >= ?")
            params.append(since_day)
        if until_day := _iso_day(until, "until"):
            where.append(f"{day} <= ?")
            params.append(until_day)
        conditions, values = claim_conditions(weapon=weapon, action=action, side=side, attacker=attacker,
                                              doc_id=doc_id, claimant=claimant, text=text, place=place)
        where += conditions
        params += values
        sql = (
            "SELECT c.*, d.url, d.outlet, d.published, d.source, d.title FROM claims c"
            " JOIN documents d ON d.doc_id = c.doc_id"
            f" {'WHERE ' + ' AND '.join(where) if where else ''}"
            f" ORDER BY {day}, d.published, d.id, c.item, c.span_start, c.claim_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_claim_dict(r) for r in self.conn.execute(sql, params)]

    def claim_objects(self, doc_ids: Iterable[str] | None = None) -> list[tuple[str, Claim]]:
        """(doc_id, Claim) pairs as stored, for reconciliation; all documents when ``doc_ids`` is None."""
        rows: list[sqlite3.Row] = []
        if doc_ids is None:
            rows = self.conn.execute("SELECT * FROM claims ORDER BY doc_id, item, span_start, claim_id").fetchall()
        else:
            for doc_id in dict.fromkeys(doc_ids):
                rows.extend(self.conn.execute(
                    "SELECT * FROM claims WHERE doc_id = ? ORDER BY item, span_start, claim_id", (doc_id,)))
        return [(row["doc_id"], Claim.from_dict(_claim_dict(row))) for row in rows]

    def places(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM places ORDER BY place_id")]

    # -- search --------------------------------------------------------------

    def search(self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Documents matching ``query`` (all words; "phrases" and prefix* allowed), best first, with snippets.

        Any user text is safe: it is reduced to quoted terms before it reaches FTS5.
        """
        expression = fts_query(query)
        if expression is None:
            return []
        sql = (
            "SELECT d.doc_id, d.url, d.outlet, d.published, d.title, d.source,"
            " snippet(documents_fts, -1, ?, ?, '…', 16) AS snippet"
            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return [dict(r) for r in self.conn.execute(sql, (marks[0], marks[1], expression, max(1, int(limit))))]
        except sqlite3.OperationalError as exc:  # should not happen with quoted terms; never crash a search
            raise LedgerError(f"search failed for {query[:80]!r}: {exc}") from None

    # -- events (written by skyledger.store.events) ---------------------------

    def events(self, *, since: str | None = None, until: str | None = None, status: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        where, params = [], []
        if since_day := _iso_day(since, "since"):
            where.append("date >= ?")
            params.append(since_day)
        if until_day := _iso_day(until, "until"):
            where.append("date <= ?")
            params.append(until_day)
        if status:
            where.append("status = ?")
            params.append(status)
        sql = f"SELECT * FROM events {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY date, event_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        events = []
        for row in self.conn.execute(sql, params).fetchall():
            event = dict(row)
            event["weapons"] = json.loads(event["weapons"] or "[]")
            event["locations"] = json.loads(event["locations"] or "[]")
            event["claim_ids"] = [r[0] for r in self.conn.execute(
                "SELECT claim_id FROM event_claims WHERE event_id = ? ORDER BY claim_id", (row["event_id"],))]
            event["flags"] = [
                {"kind": f["kind"], "reason": f["reason"], "claim_ids": json.loads(f["claim_ids"] or "[]")}
                for f in self.conn.execute("SELECT * FROM flags WHERE event_id = ? ORDER BY rowid", (row["event_id"],))
            ]
            events.append(event)
        return events

    # -- summary -------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts of what the ledger holds (stable across re-ingestion of the same inputs)."""
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names

        def grouped(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in self.conn.execute(sql)}

        return {
            "documents": count("documents"),
            "items": count("items"),
            "claims": count("claims"),
            "events": count("events"),
            "flags": count("flags"),
            "places": count("places"),
            "claims_by_action": grouped("SELECT action, count(*) FROM claims GROUP BY action ORDER BY action"),
            "claims_by_weapon": grouped("SELECT weapon, count(*) FROM claims GROUP BY weapon ORDER BY weapon"),
            "documents_by_lang": grouped(
                "SELECT coalesce(lang, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 1"),
            "schema_version": self.schema_version,
        }

    def summary(self, top: int = 10) -> dict[str, list[dict[str, Any]]]:
        """What a newcomer wants to see first: claims by side × action × weapon, top places, outlets."""
        def rows(sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
            return [dict(r) for r in self.conn.execute(sql, params)]

        return {
            "claims_by_side_action_weapon": rows(
                "SELECT coalesce(claimant_side, '?') AS claimant_side, action, weapon, count(*) AS claims,"
                " sum(count) AS total FROM claims GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
            "top_places": rows(
                "SELECT cp.name AS place, coalesce(p.code, '') AS code, count(DISTINCT cp.claim_id) AS claims"
                " FROM claim_places cp LEFT JOIN places p ON p.place_id = cp.place_id"
                " GROUP BY cp.name ORDER BY claims DESC, cp.name LIMIT ?", (top,)),
            "documents_by_outlet": rows(
                "SELECT coalesce(d.outlet, '?') AS outlet, count(DISTINCT d.doc_id) AS documents,"
                " count(c.claim_id) AS claims FROM documents d LEFT JOIN claims c ON c.doc_id = d.doc_id"
                " GROUP BY 1 ORDER BY documents DESC, 1 LIMIT ?", (top,)),
        }

    # -- ingestion runs ------------------------------------------------------

    def start_run(self, inputs: Sequence[str], extractor: str | None) -> int:
        """Record a run; runs left 'running' by a killed process are marked 'interrupted'."""
        with self.transaction():
            self.conn.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            cursor = self.conn.execute(
                "INSERT INTO ingest_runs (started_at, inputs, extractor) VALUES (?, ?, ?)",
                (_now(), json.dumps(list(inputs), ensure_ascii=False), extractor),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, new: int, skipped: int, errors: Sequence[Any]) -> None:
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO ingest_errors (run_id, source, locator, reason) VALUES (?, ?, ?, ?)",
                [(run_id, e.source, e.locator, e.reason) for e in errors],
            )
            self.conn.execute(
                "UPDATE ingest_runs SET finished_at = ?, new = ?, skipped = ?, failed = ?, status = 'finished'"
                " WHERE run_id = ?",
                (_now(), new, skipped, len(errors), run_id),
            )

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_runs ORDER BY run_id DESC LIMIT ?", (limit,))]


def _extractor_name(claims: Sequence[Claim]) -> str | None:
    names = sorted({c.extractor for c in claims if c.extractor})
    return names[0] if names else None
