"""Totals and their regional parts.

Within one claimant's figures in one report (same document item), a claim
whose scope strictly contains another's, for the same action and weapon, is
its *total* and the other a *part* ("38 drones over three regions: 34 over
Belgorod, 2 over Voronezh, 1 over Crimea").  Parts are never merged into the
total: they become child events.  When several totals contain a part, the
nearest one (smallest count) is its parent, so breakdowns can nest.
"""

from __future__ import annotations

from collections.abc import Sequence

from skyledger.reconcile.cluster import Placed, figure_kind
from skyledger.reconcile.scope import PlaceIndex, inside


def same_statement(a: Placed, b: Placed, group_a: int, group_b: int) -> bool:
    """Same claimant in the same document item, about the same action, weapon and model.

    Unattributed figures of one item are the item's own voice (an official
    statement rarely names itself), so they count as one claimant here.
    """
    ca, cb = a.claim, b.claim
    return (
        (group_a == group_b or (not ca.claimant and not cb.claimant))
        and a.record.doc_id == b.record.doc_id
        and ca.item == cb.item
        and figure_kind(ca) == figure_kind(cb)
    )


def parts_to_totals(members: Sequence[Placed], groups: Sequence[int], index: PlaceIndex) -> dict[int, int]:
    """Map each part (by position) to the position of its total."""
    parent: dict[int, int] = {}
    for i, part in enumerate(members):
        candidates = [
            j
            for j, total in enumerate(members)
            if j != i
            and same_statement(part, total, groups[i], groups[j])
            and inside(part.scope, total.scope, index)
        ]
        if candidates:
            parent[i] = min(candidates, key=lambda j: (members[j].claim.count, len(members[j].scope.places), j))
    return parent
