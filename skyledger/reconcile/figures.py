"""Figures inside an event, their corroboration, and revisions.

Claims agreeing on claimant, action, weapon, scope and count are one figure;
the sources behind it are counted with reprints collapsed.  When a claimant
gives different counts for the same action, weapon and scope in different
reports (or later in a live blog), the figures form a revision series: all
are kept, the newest is ``current`` and a ``revision`` flag names them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from skyledger.models import Figure, Flag
from skyledger.reconcile.cluster import Placed, figure_kind
from skyledger.reconcile.corroboration import independent_sources
from skyledger.reconcile.records import EventFigure

_PLURAL = {"guided_bomb": "guided bombs", "aircraft": "aircraft", "other": "other weapons"}
_QUALIFIER = {"at_least": "at least ", "approx": "about ", "up_to": "up to "}


def weapon_words(weapon: str, count: int = 2) -> str:
    if count == 1:
        return weapon.replace("_", " ")
    return _PLURAL.get(weapon, weapon + "s")


def describe(p: Placed, with_claimant: bool = True) -> str:
    """'Russian Defense Ministry: 23 intercepted drones (Bryansk Oblast, Kursk Oblast)'."""
    c = p.claim
    places = ", ".join(c.locations)
    model = f"{c.weapon_model} " if c.weapon_model else ""
    text = f"{_QUALIFIER.get(c.count_qualifier, '')}{c.count} {c.action} {model}{weapon_words(c.weapon, c.count)}"
    if places:
        text += f" ({places})"
    if with_claimant:
        text = f"{c.claimant or 'unattributed'}: {text}"
    return text


def _places(p: Placed) -> str:
    return f" ({', '.join(p.claim.locations)})" if p.claim.locations else ""


def source_label(p: Placed) -> str:
    r = p.record
    label = r.outlet or r.url or f"document {r.doc_id[:12]}"
    label = f"{label} of {r.published}" if r.published else label
    return f"{label}, item {p.claim.item + 1}" if p.claim.item else label


def _order(p: Placed) -> tuple[str, int, int, str]:
    """Report order: publication time, then live-blog item, then position."""
    return (p.record.published or "", p.claim.item, p.claim.sentence_start, p.record.doc_id)


def figure_key(p: Placed, group: int) -> tuple:
    """(claimant group, kind, scope, count); a revision series shares all but the count."""
    return (group, figure_kind(p.claim), p.scope.key, p.claim.count)


def build_figures(members: Sequence[Placed], groups: Sequence[int]) -> tuple[tuple[EventFigure, ...], list[Flag]]:
    """The figures of one event, with revision series resolved and flagged."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(members):
        by_key[figure_key(p, groups[i])].append(i)

    series: dict[tuple, list[tuple]] = defaultdict(list)  # (group, kind, scope) -> figure keys
    for key in by_key:
        if members[by_key[key][0]].claim.claimant:
            series[key[:3]].append(key)

    superseded: set[tuple] = set()
    flags: list[Flag] = []
    for skey, fkeys in series.items():
        if len(fkeys) < 2:
            continue
        reports = {(members[i].record.doc_id, members[i].claim.item) for k in fkeys for i in by_key[k]}
        if len(reports) < 2:
            continue  # one report giving two counts describes two incidents, not a revision
        first_of = {k: min((members[i] for i in by_key[k]), key=_order) for k in fkeys}
        ordered = sorted(fkeys, key=lambda k: _order(first_of[k]))  # a figure is as new as its first report
        superseded.update(ordered[:-1])
        steps = " -> ".join(f"{first_of[k].claim.count} ({source_label(first_of[k])})" for k in ordered)
        last = first_of[ordered[-1]]
        flags.append(
            Flag(
                kind="revision",
                reason=(
                    f"{last.claim.claimant} revised its figure for {last.claim.action} "
                    f"{weapon_words(last.claim.weapon)}{_places(last)}: {steps}; {last.claim.count} is current"
                ),
                claim_ids=tuple(members[i].claim_id for k in ordered for i in by_key[k]),
            )
        )

    figures = []
    for key in sorted(by_key, key=lambda k: min(_order(members[i]) for i in by_key[k])):
        idx = by_key[key]
        first = min((members[i] for i in idx), key=_order)
        c = first.claim
        figures.append(
            EventFigure(
                figure=Figure(
                    claim_id=first.claim_id,
                    claimant=c.claimant,
                    claimant_side=c.claimant_side,
                    action=c.action,
                    weapon=c.weapon,
                    weapon_model=c.weapon_model,
                    count=c.count,
                    count_qualifier=c.count_qualifier,
                    locations=c.locations,
                    doc_id=first.record.doc_id,
                ),
                claim_ids=tuple(members[i].claim_id for i in idx),
                sources=independent_sources([members[i].record for i in idx]),
                current=key not in superseded,
            )
        )
    return tuple(figures), flags
