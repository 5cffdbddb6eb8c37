"""Event commands: events, event, reconcile, eval-events.

Thin wrappers over ``skyledger.store.events`` (ledger queries and rebuilds)
and ``skyledger.reconcile.evaluate`` (scoring).  Registering these commands
also makes ingestion reconcile incrementally (``on_document_added`` hook).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from skyledger.reconcile.figures import weapon_words
from skyledger.cli.common import DEFAULT_DB, DbOption, fail, open_ledger, out
from skyledger.store import LedgerError
from skyledger.reconcile.evaluate import EventScore
from skyledger.store.events import get_event, list_events, rebuild_events, register_hook, score_ledger






def _figure_text(f: dict[str, Any]) -> str:
    places = f" ({', '.join(f['locations'])})" if f["locations"] else ""
    stale = " [revised]" if not f.get("current", True) else ""
    weapons = weapon_words(f["weapon"], f["count"])
    return f"{f['claimant'] or 'unattributed'}: {f['count']} {f['action']} {weapons}{places}{stale}"


def events_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    weapon: Annotated[str | None, typer.Option(help="drone, missile, guided_bomb, rocket, aircraft, other.")] = None,
    action: Annotated[str | None, typer.Option(help="launched, intercepted, lost, impacted.")] = None,
    side: Annotated[str | None, typer.Option(help="A claimant's side: RU, UA, other.")] = None,
    attacker: Annotated[str | None, typer.Option(help="Attacker's side: RU, UA, other.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, gazetteer id or ISO 3166-2 code.")] = None,
    claimant: Annotated[str | None, typer.Option(help="A claimant contains this text.")] = None,
    flagged: Annotated[bool, typer.Option("--flagged", help="Only events with contradiction flags.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the events as JSON.")] = False,
) -> None:
    """Events with their figures, corroboration (independent sources) and contradiction flags."""
    with open_ledger(db) as ledger:
        try:
            events = list_events(ledger.conn, since=since, until=until, weapon=weapon, action=action, side=side,
                                 attacker=attacker, place=place, claimant=claimant, flagged=flagged, limit=limit)
        except LedgerError as exc:
            raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(events, ensure_ascii=False, indent=1))
        return
    table = Table(title=f"{len(events)} events")
    for col in ("event", "date", "attacker", "figures", "sources", "flags"):
        table.add_column(col)
    for e in events:
        ident = e["event_id"] if e["parent_id"] is None else f"  └ {e['event_id']}"
        table.add_row(Text(ident), Text(e["date"] or "undated"), Text(e["attacker_side"] or "?"),
                      Text("\n".join(_figure_text(f) for f in e["figures"])), str(e["corroboration"]),
                      Text("\n".join(f["kind"] for f in e["flags"]) + ("\npossible link" if e["links"] else "")))
    out.print(table)
    for e in events:
        for f in e["flags"]:
            out.print(Text(f"{e['event_id']} {f['kind']}: {f['reason']}"))


def event_command(
    event_id: Annotated[str, typer.Argument(help="Event id (or an unambiguous prefix).")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the event as JSON.")] = False,
) -> None:
    """One event: every claim with its quote, source and flags, then the flags' reasons and links."""
    with open_ledger(db) as ledger:
        event = get_event(ledger.conn, event_id)
    if event is None:
        raise fail(f"no single event matches {event_id!r}")
    if as_json:
        typer.echo(json.dumps(event, ensure_ascii=False, indent=1))
        return
    head = f"{event['event_id']}  {event['date'] or 'undated'}  attacker {event['attacker_side'] or '?'}"
    head += f"  {event['status']}, {event['corroboration']} independent source(s)"
    out.print(Text(head, style="bold"))
    if event["parent_id"]:
        out.print(Text(f"part of {event['parent_id']}"))
    for child in event["children"]:
        out.print(Text(f"breakdown: {child}"))
    for c in event["claims"]:
        out.print(Text(f"\n- {_figure_text(c)}" + (f"  [{', '.join(c['flags'])}]" if c["flags"] else "")))
        out.print(Text(f'  "{c["quote"]}"'))
        out.print(Text(f"  {c['outlet'] or '?'} {c['published'] or ''} {c['url'] or c['doc_id']}"))
    for f in event["flags"]:
        out.print(Text(f"\n{f['kind']}: {f['reason']}"))
    for link in event["links"]:
        out.print(Text(f"\n{link['kind']} link to {link['event_id']}: {link['reason']}"))


def reconcile_command(db: DbOption = DEFAULT_DB) -> None:
    """Rebuild every event of the ledger from its claims."""
    with open_ledger(db) as ledger:
        count = rebuild_events(ledger)
        flags = ledger.conn.execute("SELECT count(*) FROM flags").fetchone()[0]
    out.print(Text(f"Reconciled: {count} events, {flags} flags"))


def eval_events_command(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold event clusters (docs/events-format.md).")],
    corpus: Annotated[list[Path] | None, typer.Option("--corpus", exists=True, dir_okay=False,
                                                      help="Passages (FORMAT.md); repeatable. Default: "
                                                           "events_corpus.jsonl next to GOLD.")] = None,
    extract: Annotated[bool, typer.Option("--extract", help="Use the extractor's claims, not the gold claims.")] = False,
    db: Annotated[Path | None, typer.Option("--db", help="Score this ledger's events instead (gold docs name "
                                                        "stored documents by source path, url or doc_id).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Pairwise precision, recall and F1 of reconciled events against gold clusters."""
    from skyledger.reconcile import reconcile
    from skyledger.reconcile.evaluate import gold_claims, load_gold, passages_to_records, read_passages, score_events

    if db is not None:
        clusters = load_gold(gold)
        with open_ledger(db, readonly=True) as ledger:
            _print_score(len(clusters), score_ledger(ledger, clusters), as_json)
        return
    paths = list(corpus or [])
    if not paths:
        sibling = gold.with_name("events_corpus.jsonl")
        if not sibling.exists():
            raise fail("no --corpus given and no events_corpus.jsonl next to GOLD")
        paths = [sibling]
    clusters = load_gold(gold)
    passages = read_passages(paths)
    known = {p["id"] for p in passages}
    clusters = [c for c in clusters if all(m.doc in known for m in c.members)]
    claims_of = _extractor() if extract else gold_claims
    records = passages_to_records(passages, claims_of)
    _print_score(len(clusters), score_events(clusters, records, reconcile(records)), as_json)


def _print_score(events: int, score: EventScore, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"events": events, **score.to_dict()}))
        return
    out.print(Text(f"{events} gold events, {score.members} claims ({score.matched} matched)"))
    out.print(Text(f"pairwise precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
                   f"  ({score.true_pairs} of {score.gold_pairs} gold pairs, {score.predicted_pairs} predicted)"))
    out.print(Text(f"flags and links found: {score.flags_found}/{score.flags_expected}"))
    for missed in score.missed_flags:
        out.print(Text(f"  missed {missed}"))


def _extractor():  # noqa: ANN202 - returns claims_of for passages
    from skyledger.extract import extract

    def claims_of(p: dict[str, Any]):  # noqa: ANN202
        return extract(p.get("text") or "", p.get("published"), p.get("lang"))

    return claims_of


def register(app: typer.Typer) -> None:
    register_hook()
    app.command("events")(events_command)
    app.command("event")(event_command)
    app.command("reconcile")(reconcile_command)
    app.command("eval-events")(eval_events_command)
