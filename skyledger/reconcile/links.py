"""Possible links: undated events that may be the same attack as another event.

A claim with no resolved date is never merged (a ministry reports "23 drones"
on many nights).  Instead, an undated event is linked as ``possible`` to each
event holding a figure from the same claimant with the same action, weapon
and count over overlapping places.  The link names both figures, so a reader
can decide.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from skyledger.models import Claim, Figure
from skyledger.reconcile.claimants import same_claimant
from skyledger.reconcile.figures import weapon_words
from skyledger.reconcile.records import Link, ReconciledEvent
from skyledger.reconcile.scope import PlaceIndex, Scope, claim_scope, overlaps


def _scope(fig: Figure, attacker: str | None, index: PlaceIndex) -> Scope:
    stub = Claim(action=fig.action, weapon=fig.weapon, count=fig.count, locations=fig.locations)
    return claim_scope(stub, attacker, index)


def _say(fig: Figure) -> str:
    places = f" ({', '.join(fig.locations)})" if fig.locations else ""
    return f"{fig.claimant}: {fig.count} {fig.action} {weapon_words(fig.weapon, fig.count)}{places}"


def possible_links(
    undated: Sequence[ReconciledEvent], candidates: Sequence[ReconciledEvent], index: PlaceIndex
) -> tuple[Link, ...]:
    """Links from each undated event to events sharing one of its named figures."""
    by_figure: dict[tuple[str, str, int], list[tuple[ReconciledEvent, Figure]]] = defaultdict(list)
    for ev in candidates:
        for f in ev.figures:
            if f.figure.claimant:
                by_figure[(f.figure.action, f.figure.weapon, f.figure.count)].append((ev, f.figure))
    links: dict[tuple[str, str], Link] = {}
    for ev in undated:
        docs = {f.figure.doc_id for f in ev.figures}
        for f in ev.figures:
            mine = f.figure
            if not mine.claimant:
                continue
            for other, theirs in by_figure.get((mine.action, mine.weapon, mine.count), ()):
                if other.event_id == ev.event_id or (other.event.date is None and theirs.doc_id in docs):
                    continue
                if ev.event.attacker_side and other.event.attacker_side and ev.event.attacker_side != other.event.attacker_side:
                    continue
                if not same_claimant(mine.claimant, theirs.claimant, mine.claimant_side, theirs.claimant_side):
                    continue
                if not overlaps(
                    _scope(mine, ev.event.attacker_side, index), _scope(theirs, other.event.attacker_side, index), index
                ):
                    continue
                a, b = sorted((ev.event_id, other.event_id))
                if (a, b) in links:
                    continue
                when = other.event.date or "an unresolved date"
                reason = (
                    f"undated '{_say(mine)}' matches '{_say(theirs)}' of {when}; "
                    f"without a resolved date the two are linked as possible, not merged"
                )
                links[(a, b)] = Link("possible", ev.event_id, other.event_id, (mine.claim_id, theirs.claim_id), reason)
    return tuple(links[k] for k in sorted(links))
