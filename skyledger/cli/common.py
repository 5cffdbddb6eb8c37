"""What every command shares: the --db option, the consoles, opening the ledger, failing cleanly."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from skyledger.store import Ledger, LedgerError

DEFAULT_DB = Path("skyledger.db")
DbOption = Annotated[Path, typer.Option("--db", envvar="SKYLEDGER_DB", help="Ledger file (SQLite).",
                                        show_default=True)]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def fail(message: str) -> typer.Exit:
    """Print the reason in red and return the exit to raise (exit code 1)."""
    err.print(Text(f"Error: {message}", style="bold red"), soft_wrap=True)  # never wrap a path mid-word
    return typer.Exit(1)


@contextmanager
def open_ledger(db: Path, *, readonly: bool = False) -> Iterator[Ledger]:
    """The ledger at ``db``, closed afterwards; ledger and database errors become clean exits."""
    try:
        ledger = Ledger.open(db, readonly=readonly)
    except LedgerError as exc:
        raise fail(str(exc)) from None
    try:
        yield ledger
    except LedgerError as exc:
        raise fail(str(exc)) from None
    except sqlite3.Error as exc:  # a damaged or foreign database: say so instead of a traceback
        raise fail(f"{db}: database error: {exc}") from None
    finally:
        ledger.close()
