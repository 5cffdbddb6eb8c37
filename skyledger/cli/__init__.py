"""The ``skyledger`` command: a thin typer layer over the library.

Each command group lives in its own module and adds itself to ``app`` through
``register(app)``; a command parses options, calls one library function and
turns domain errors into clean exits.
"""

from __future__ import annotations

import typer

from skyledger.cli import batch_cmd, eval_cmd, events_cmd, ledger_cmd, places_cmd, serve_cmd

app = typer.Typer(
    name="skyledger",
    help="A source-linked ledger of aerial-warfare claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (ledger_cmd, eval_cmd, places_cmd, events_cmd, serve_cmd, batch_cmd):
    _module.register(app)


def main() -> None:
    app()
