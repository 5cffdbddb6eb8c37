"""``skyledger serve``: the JSON API and dashboard over one ledger, with uvicorn.

The ledger is an SQLite file or a ``postgresql://`` URL.  Read-only unless a token is given (``--token`` or ``SKYLEDGER_TOKEN``), which
turns on ``POST /api/ingest`` for requests carrying ``Authorization: Bearer``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from skyledger.cli.common import DEFAULT_DB, DbOption
from skyledger.store import LedgerError
from skyledger.store.factory import is_postgres, open_store

err = Console(stderr=True, highlight=False)


def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="SKYLEDGER_TOKEN", show_default=False,
                                              help="Enable POST /api/ingest for this bearer token "
                                                   "(prefer the SKYLEDGER_TOKEN variable).")] = None,
) -> None:
    """Serve the dashboard and JSON API (OpenAPI at /openapi.json); read-only unless a token is set."""
    try:
        import uvicorn

        from skyledger.api import create_app
    except ImportError as exc:
        err.print(Text(f"Error: a web dependency is missing ({exc.name}): reinstall skyledger (pip install -e .)",
                       style="bold red"), soft_wrap=True)
        raise typer.Exit(1) from None
    target: str | Path = db if is_postgres(db) else Path(db)
    shown = str(target)
    try:
        if is_postgres(target):
            from skyledger.store.postgres import _redact

            shown = _redact(db)
            if token:
                open_store(target).close()  # a writable server may start from an empty database
        elif token and not Path(target).exists():
            open_store(target).close()  # a writable server may start from an empty ledger
        app = create_app(target, token=token)
    except LedgerError as exc:
        err.print(Text(f"Error: {exc}", style="bold red"), soft_wrap=True)
        raise typer.Exit(1) from None
    mode = "ingest enabled (bearer token)" if token else "read-only"
    err.print(Text(f"Serving {shown} at http://{host}:{port}/ ({mode}); Ctrl+C to stop."), soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
