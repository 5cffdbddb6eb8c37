"""`skyledger eval GOLD.jsonl`: extraction quality against a gold file (FORMAT.md layout)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from skyledger.scoring import GoldFileError, evaluate, read_gold, skyledger_extractor


def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="Gold JSONL (FORMAT.md layout)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    dump: Path | None = typer.Option(None, "--dump", help="Write predictions, one line per passage, for external scorers."),
    by: str | None = typer.Option(None, "--by", help="Break the scores down: 'lang'."),
) -> None:
    """Run extraction on every passage of GOLD and print precision, recall, F1, field accuracy and location F1."""
    try:
        passages = read_gold(gold)
    except GoldFileError as exc:
        raise typer.BadParameter(str(exc)) from exc
    result, predictions = evaluate(passages, skyledger_extractor)
    if dump is not None:
        with open(dump, "w", encoding="utf-8") as fh:
            for line in predictions:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    if as_json:
        if by != "lang":
            result = {k: v for k, v in result.items() if k != "by_lang"}
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    console = Console()
    rows = [("all", result)]
    if by == "lang":
        rows += list(result["by_lang"].items())
    table = Table(title=f"skyledger eval {gold.name} ({len(passages)} passages)")
    for col in ("set", "P", "R", "F1", "loc F1", "date acc", "pred", "gold", "matched"):
        table.add_column(col, justify="right" if col != "set" else "left")
    for name, r in rows:
        table.add_row(name, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", f"{r['location_f1']:.3f}",
                      "-" if r["date_accuracy"] is None else f"{r['date_accuracy']:.3f}",
                      str(r["predicted"]), str(r["gold"]), str(r["matched"]))
    console.print(table)
    fields = Table(title="field accuracy on matched claims")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    for f, v in result["fields"].items():
        fields.add_row(f, "-" if v is None else f"{v:.3f}")
    console.print(fields)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
