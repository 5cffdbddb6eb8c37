"""``skyledger batch``: sharded inputs through Dask workers into Parquet and (with ``--db``) a ledger.

Thin: it parses options, calls ``skyledger.batch.run_batch`` and prints the
report.  Also runnable alone: ``python -m skyledger.cli.batch_cmd INPUTS…``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from skyledger.batch import DEFAULT_PARTITION_DOCS, ENGINES, BatchError, BatchReport, run_batch
from skyledger.cli.common import err, out
from skyledger.store import LedgerError

DEFAULT_OUT = "skyledger-batch"


def _print_report(report: BatchReport, dest: Path, db: str | None) -> None:
    out.print(Text.assemble(
        ("Partitions: ", ""), (str(report.partitions), "bold"), (f" ({report.processed} processed, "
                                                                 f"{report.resumed} already finished); ", ""),
        (str(report.documents), "bold green"), (f" documents, {report.claims} claims as Parquet in {dest}.", ""),
    ), soft_wrap=True)
    if db is not None:
        events = "" if report.events is None else f"; {report.events} events"
        out.print(Text(f"Ledger {db}: {report.new} new documents, {report.skipped} already stored "
                       f"({report.loaded} partitions loaded){events}."), soft_wrap=True)
    if report.failed:
        out.print(Text(f"{len(report.failed)} failures (skipped):", style="bold red"))
        for failure in report.failed[:50]:
            out.print(Text.assemble(("  " + failure.where(), "red"), (": " + failure.reason, "")), soft_wrap=True)
    if report.failed_partitions:
        out.print(Text(f"{len(report.failed_partitions)} partitions did not finish; run the same command again "
                       "to resume them.", style="bold red"))


def batch_cmd(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, JSONL.gz, Parquet files, directories, globs (any ingest input).")],
    engine: Annotated[str, typer.Option(help=f"One of: {', '.join(ENGINES)} (local: in this process).")] = "dask",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address; else a local cluster.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local cluster.")] = 2,
    dest: Annotated[Path | None, typer.Option("--out", help=f"Parquet and manifest folder (default ./{DEFAULT_OUT}).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Load into this ledger: a path, sqlite:///path or postgresql://…")] = None,
    partition_docs: Annotated[int, typer.Option(min=1, help="Documents per JSONL partition.")] = DEFAULT_PARTITION_DOCS,
    reconcile: Annotated[bool, typer.Option(help="Rebuild events after loading.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Process inputs on Dask workers into Parquet claims and load them into a ledger through one writer (resumable)."""
    if dest is None and db is None:
        err.print(Text("Error: give --out DIR, --db URL, or both.", style="bold red"))
        raise typer.Exit(2)
    target = dest or Path(DEFAULT_OUT)
    try:
        report = run_batch(inputs, out=target, db=db, engine=engine, scheduler=scheduler, workers=workers,
                           partition_docs=partition_docs, reconcile=reconcile)
    except (BatchError, LedgerError) as exc:
        err.print(Text(f"Error: {exc}", style="bold red"))
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_report(report, target, db)
    if report.failed_partitions or (report.failed and report.documents == 0):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)


def main() -> None:
    standalone = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    standalone.command()(batch_cmd)
    standalone()


if __name__ == "__main__":
    main()
