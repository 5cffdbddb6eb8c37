"""The embedded SQLite ledger: schema migrations, storage and queries, exports."""

from __future__ import annotations

from skyledger.store.ledger import Ledger, LedgerError, fts_query

__all__ = ["Ledger", "LedgerError", "fts_query"]
