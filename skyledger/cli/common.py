"""What every command shares: the --db option, the consoles, opening the ledger, failing cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from skyledger.store import Ledger, LedgerError
from skyledger.store.factory import database_errors, open_store

DEFAULT_DB = "skyledger.db"
DbOption = Annotated[str, typer.Option("--db", envvar="SKYLEDGER_DB", show_default=True,
                                       help="The ledger: an SQLite file, or a postgresql://user@host/db URL.")]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def fail(message: str) -> typer.Exit:
    """Print the reason in red and return the exit to raise (exit code 1)."""
    err.print(Text(f"Error: {message}", style="bold red"), soft_wrap=True)  # never wrap a path mid-word
    return typer.Exit(1)


@contextmanager
def open_ledger(db: str | Path, *, readonly: bool = False) -> Iterator[Ledger]:
    """The ledger at ``db`` (SQLite path or PostgreSQL URL), closed afterwards; errors become clean exits."""
    try:
        ledger = open_store(db, readonly=readonly)
    except LedgerError as exc:
        raise fail(str(exc)) from None
    try:
        yield ledger
    except LedgerError as exc:
        raise fail(str(exc)) from None
    except database_errors() as exc:  # a damaged or foreign database, a lost server: say so, no traceback
        raise fail(f"{db}: database error: {exc}") from None
    finally:
        ledger.close()
