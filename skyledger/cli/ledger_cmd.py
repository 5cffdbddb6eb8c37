"""Ledger commands: ingest, claims, export, stats, search, reextract, demo.

Each command opens the ledger named by ``--db`` (or ``SKYLEDGER_DB``), calls
one library function and prints the result with rich; user text is always
printed as plain text, never as markup.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from skyledger import pipeline
from skyledger.ingest import Limits
from skyledger.ingest.base import MB
from skyledger.ingest.samples import sample_corpus
from skyledger.cli.common import DEFAULT_DB, DbOption, err, fail, open_ledger, out
from skyledger.store.export import FORMATS, WHATS, write_export

DASHBOARD_URL = "http://127.0.0.1:8000"
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"  # cannot occur in stored text (readers drop control characters)


@contextmanager
def _progress(label: str) -> Iterator[pipeline.Progress | None]:
    """A live document counter on an interactive terminal; nothing when output is piped or captured."""
    if not err.is_terminal:
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label)
        counts = {"document": 0, "error": 0}

        def update(event: str, count: int) -> None:
            counts[event] = count
            bar.update(task, description=f"{label}: {counts['document']} documents, {counts['error']} failures")

        yield update


def _print_report(report: pipeline.IngestReport) -> None:
    out.print(Text.assemble(
        ("Ingested ", ""), (str(report.new), "bold green"), (" new documents", ""),
        (f" ({report.claims} claims); ", ""), (str(report.skipped), "bold"), (" already stored; ", ""),
        (str(len(report.failed)), "bold red" if report.failed else "bold"), (" failed.", ""),
    ))
    if report.failed:
        out.print(Text("Failures (skipped):", style="bold red"))
        for failure in report.failed:  # one unwrapped line each, so paths can be copied and grepped
            out.print(Text.assemble(("  " + failure.where(), "red"), (": " + failure.reason, "")), soft_wrap=True)


def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs or http(s) URLs.")],
    db: DbOption = DEFAULT_DB,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any input fails (else only if every input fails).")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Size cap per document, in MB.")] = 20.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Read reports into the ledger; documents already stored are skipped, failures listed and skipped."""
    limits = Limits(max_document_bytes=int(max_mb * MB), max_file_bytes=max(int(max_mb * MB), 100 * MB))
    with open_ledger(db) as ledger, _progress("Ingesting") as progress:
        report = pipeline.ingest(inputs, ledger, limits=limits, progress=progress)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_report(report)
    if report.failed and (strict or report.new + report.skipped == 0):
        raise typer.Exit(1)  # --strict, or nothing at all could be read (a mistyped path, say)


def _claims_table(rows: list[dict[str, Any]], total: int) -> Table:
    table = Table("date", "claimant", "side", "action", "count", "weapon", "places", "outlet",
                  caption=f"{len(rows)} of {total} claims" if total > len(rows) else f"{total} claims")
    for row in rows:
        qualifier = "" if row["count_qualifier"] == "exact" else f" ({row['count_qualifier']})"
        weapon = row["weapon"] + (f": {row['weapon_model']}" if row.get("weapon_model") else "")
        table.add_row(*(Text(str(v or "")) for v in (
            row.get("date") or (row.get("published") or "")[:10], row.get("claimant"), row.get("claimant_side"),
            row["action"], f"{row['count']}{qualifier}", weapon, ", ".join(row.get("locations") or ()),
            row.get("outlet"))))
    return table


def claims_cmd(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    weapon: Annotated[str | None, typer.Option(help="drone, missile, guided_bomb, rocket, aircraft, other.")] = None,
    action: Annotated[str | None, typer.Option(help="launched, intercepted, lost, impacted.")] = None,
    side: Annotated[str | None, typer.Option(help="Claimant's side: RU, UA, other.")] = None,
    attacker: Annotated[str | None, typer.Option(help="Attacker's side: RU, UA, other.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, gazetteer id or ISO 3166-2 code.")] = None,
    claimant: Annotated[str | None, typer.Option(help="Claimant contains this text.")] = None,
    text: Annotated[str | None, typer.Option(help="Quoted sentence contains this text.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown in the table.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="All matching claims as JSON.")] = False,
) -> None:
    """List claims, newest report last, filtered by date, weapon, action, side, place, claimant or text."""
    with open_ledger(db, readonly=True) as ledger:
        rows = ledger.claims(since=since, until=until, weapon=weapon, action=action, side=side,
                             attacker=attacker, place=place, claimant=claimant, text=text)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(_claims_table(rows[:limit], len(rows)))


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")],
    what: Annotated[str, typer.Option(help=f"One of: {', '.join(WHATS)}.")] = "claims",
    dest: Annotated[Path | None, typer.Option("--out", help="Write here (stdout if omitted).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export claims, events or documents as CSV, JSON, GeoJSON, Parquet, or the missile_attacks_daily layout."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise fail(f"unknown --what {what!r}: choose one of {', '.join(WHATS)}")
    with open_ledger(db, readonly=True) as ledger:
        count = write_export(ledger, fmt, what, dest=dest, stream=None if dest else sys.stdout)
    if dest is not None:
        err.print(Text(f"Wrote {count} records to {dest}"))


def stats_cmd(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Counts of documents, claims, events and places in the ledger."""
    with open_ledger(db, readonly=True) as ledger:
        stats = ledger.stats()
    if as_json:
        sys.stdout.write(json.dumps(stats, ensure_ascii=False, sort_keys=True) + "\n")
        return
    table = Table("what", "count", title=f"Ledger {db}", title_justify="left")
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        table.add_row(Text(key), Text(str(value)))
    out.print(table)


def _highlighted(snippet: str) -> Text:
    text = Text()
    for i, part in enumerate(snippet.replace(_MARK_CLOSE, _MARK_OPEN).split(_MARK_OPEN)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


def search_cmd(
    query: Annotated[str, typer.Argument(help='Words to find (all must match); "a phrase", prefix*.')],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most results.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON ([ ] mark the hits).")] = False,
) -> None:
    """Full-text search over document titles and text, with highlighted snippets."""
    with open_ledger(db, readonly=True) as ledger:
        hits = ledger.search(query, limit=limit, marks=("[", "]") if as_json else (_MARK_OPEN, _MARK_CLOSE))
    if as_json:
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        out.print(Text(f"No documents match {query!r}."))
        return
    for hit in hits:
        heading = " · ".join(str(v) for v in (hit.get("published"), hit.get("outlet"), hit.get("title")) if v)
        out.print(Text(heading or hit["doc_id"], style="bold"))
        out.print(Text(hit.get("url") or hit["source"], style="dim"))
        out.print(_highlighted(hit["snippet"]))
        out.print()


def reextract_cmd(
    db: DbOption = DEFAULT_DB,
    force: Annotated[bool, typer.Option(help="Re-extract every document, not only outdated ones.")] = False,
) -> None:
    """Re-run claim extraction on documents stored by an older extractor (each swap is atomic)."""
    with open_ledger(db) as ledger, _progress("Re-extracting") as progress:
        report = pipeline.reextract(ledger, force=force, progress=progress)
    out.print(Text(f"Re-extracted {report.documents} documents ({report.claims} claims); "
                   f"{len(report.failed)} failed."))
    for failure in report.failed:
        out.print(Text(f"  {failure.where()}: {failure.reason}"), soft_wrap=True)


def _summary_tables(summary: dict[str, list[dict[str, Any]]]) -> list[Table]:
    titles = {"claims_by_side_action_weapon": "Claims by claimant side, action and weapon",
              "top_places": "Places most claimed about", "documents_by_outlet": "Documents by outlet"}
    tables = []
    for key, title in titles.items():
        rows = summary.get(key) or []
        if not rows:
            continue
        table = Table(*rows[0].keys(), title=title, title_justify="left")
        for row in rows:
            table.add_row(*(Text(str(v)) for v in row.values()))
        tables.append(table)
    return tables


def _has_command(app: typer.Typer, name: str) -> bool:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    return name in names or any(g.name == name for g in app.registered_groups)


def register(app: typer.Typer) -> None:
    """Add the ledger commands; ``demo`` (the one-command tour) comes first in --help."""
    @app.command("demo")
    def demo_cmd(db: DbOption = DEFAULT_DB) -> None:
        """Build a ledger from the packaged sample corpus and show what it holds (safe to re-run)."""
        try:
            samples = sample_corpus()
        except FileNotFoundError as exc:
            raise fail(f"{exc} (this installation ships no samples)") from None
        with open_ledger(db) as ledger, _progress("Ingesting samples") as progress:
            report = pipeline.ingest([str(samples)], ledger, progress=progress)
            summary = ledger.summary()
            totals = ledger.stats()
        _print_report(report)
        out.print(Text(f"The ledger now holds {totals['documents']} documents, {totals['claims']} claims, "
                       f"{totals['events']} events and {totals['flags']} contradiction flags ({db})."),
                  soft_wrap=True)
        for table in _summary_tables(summary):
            out.print(table)
        db_arg = "" if str(db) == DEFAULT_DB else f" --db {db}"
        out.print(Text("Next commands to try:", style="bold"))
        for command in (f"skyledger claims{db_arg} --weapon drone --action intercepted",
                        f"skyledger search{db_arg} \"shot down\"",
                        f"skyledger stats{db_arg} --json",
                        f"skyledger export{db_arg} --format mma --out claims_mma.csv"):
            out.print(Text(f"  {command}"), soft_wrap=True)
        if _has_command(app, "events"):
            out.print(Text(f"  skyledger events{db_arg}   # claims reconciled into attacks, with contradictions"),
                      soft_wrap=True)
        if _has_command(app, "serve"):
            out.print(Text(f"  skyledger serve{db_arg}   # dashboard at {DASHBOARD_URL}"), soft_wrap=True)

    app.command("ingest")(ingest_cmd)
    app.command("claims")(claims_cmd)
    app.command("export")(export_cmd)
    app.command("stats")(stats_cmd)
    app.command("search")(search_cmd)
    app.command("reextract")(reextract_cmd)
