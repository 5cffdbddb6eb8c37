"""`skyledger places TEXT`: show which places the gazetteer resolves in a piece of text."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from skyledger.places import find_places

MAX_INPUT_CHARS = 1_000_000


def places_command(
    text: str = typer.Argument(..., help="Text to scan; '-' reads standard input."),
    lang: str = typer.Option("en", "--lang", help="Language hint: en, ru or uk (all three are matched anyway)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per mention."),
) -> None:
    """Print every place mention: surface, canonical name, kind, code, parent, lat/lon, precision."""
    if text == "-":
        text = sys.stdin.read(MAX_INPUT_CHARS)
    mentions = find_places(text[:MAX_INPUT_CHARS], lang=lang)
    if as_json:
        for mention in mentions:
            record = {"start": mention.start, "end": mention.end, "surface": mention.surface,
                      "precision": mention.precision, **asdict(mention.place)}
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    table = Table(title=f"{len(mentions)} place mention(s)")
    for column in ("surface", "place", "kind", "code", "parent", "lat, lon", "precision"):
        table.add_column(column)
    for mention in mentions:
        place = mention.place
        coords = "-" if place.lat is None else f"{place.lat:.3f}, {place.lon:.3f}"
        table.add_row(escape(mention.surface), escape(place.name), place.kind, place.code or "-",
                      escape(place.parent or "-"), coords, mention.precision)
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("places")(places_command)
