"""Claim records in, events out: the reconciliation pipeline.

``reconcile_partition`` handles one partition (one date, or one undated
document item) and is pure, so a batch driver can run one per day.
``reconcile`` runs every partition and then links undated events to the
events they may describe.

Within a cluster (one attack, see ``cluster.py``) the events form a tree:
the root holds the totals and everything not broken down; each part of a
claimant's breakdown opens a child event (keyed by its places) that other
claimants' figures for exactly those places join.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, timedelta
from collections.abc import Iterable, Sequence

from skyledger.models import Event, Flag
from skyledger.reconcile import flags as flagging
from skyledger.reconcile.breakdown import parts_to_totals
from skyledger.reconcile.claimants import group_claimants
from skyledger.reconcile.cluster import UNDATED, Placed, clusters, partition, place
from skyledger.reconcile.corroboration import independent_sources
from skyledger.reconcile.figures import build_figures
from skyledger.reconcile.links import possible_links
from skyledger.reconcile.records import ClaimRecord, Reconciliation, ReconciledEvent
from skyledger.reconcile.scope import PlaceIndex, default_place_index

Node = tuple[tuple[str, ...], ...]  # path of scope keys from the cluster's root


def event_id(claim_ids: Iterable[str]) -> str:
    """Deterministic id from the member claims (it changes when membership does)."""
    h = hashlib.sha256("\n".join(sorted(claim_ids)).encode()).hexdigest()
    return "ev_" + h[:16]


def reconcile(records: Iterable[ClaimRecord], index: PlaceIndex | None = None) -> Reconciliation:
    """Reconcile every partition, then add possible links for undated events."""
    index = index or default_place_index()
    parts = partition(records)
    events: list[ReconciledEvent] = []
    for key in sorted(parts):
        neighbours = [r for d in _adjacent(key) if d in parts for r in parts[d]]
        events.extend(reconcile_partition(key, parts[key], index, neighbours))
    undated = [e for e in events if e.event.date is None]
    return Reconciliation(tuple(events), possible_links(undated, events, index))


def _adjacent(day: str) -> list[str]:
    """The days either side of a date partition (none for an undated one)."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return []
    return [(d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()]


def reconcile_partition(
    key: str,
    records: Sequence[ClaimRecord],
    index: PlaceIndex | None = None,
    neighbours: Sequence[ClaimRecord] = (),
) -> tuple[ReconciledEvent, ...]:
    """Events of one partition; ``neighbours`` (adjacent days) only inform date_conflict flags."""
    index = index or default_place_index()
    day = None if key.startswith(UNDATED) else key
    near = place(neighbours, index) if neighbours else []
    out: list[ReconciledEvent] = []
    for members in clusters(place(sorted(records, key=_record_order), index), index):
        out.extend(_cluster_events(members, day, index, near))
    return tuple(out)


def _record_order(r: ClaimRecord) -> tuple:
    return (r.published or "", r.doc_id, r.claim.item, r.claim.start, r.claim_id)


def _cluster_events(
    members: list[Placed], day: str | None, index: PlaceIndex, near: Sequence[Placed]
) -> list[ReconciledEvent]:
    groups = group_claimants([(p.claim.claimant, p.claim.claimant_side) for p in members])
    parts = parts_to_totals(members, groups, index)
    node_of = _assign_nodes(members, parts)

    by_node: dict[Node, list[int]] = defaultdict(list)
    for i, node in enumerate(node_of):
        by_node[node].append(i)

    # Figures (and revisions) per node; flags over the whole cluster on current figures.
    node_figures = {}
    node_flags: dict[Node, list[Flag]] = defaultdict(list)
    stale: set[str] = set()
    for node, idx in by_node.items():
        figs, revs = build_figures([members[i] for i in idx], [groups[i] for i in idx])
        node_figures[node] = figs
        node_flags[node].extend(revs)
        stale |= {cid for f in figs if not f.current for cid in f.claim_ids}
    current = [i for i, p in enumerate(members) if p.claim_id not in stale]

    found: list[tuple[int, Flag]] = []
    found += flagging.breakdown_mismatch(members, parts)
    found += flagging.claimant_disagreement(members, groups, current, index)
    found += flagging.intercepted_exceeds_launched(members, current, index)
    found += flagging.date_conflicts(members, [q for q in near if q.attacker == members[0].attacker])
    for pos, flag in found:
        node_flags[_flag_node(flag, members, node_of, pos)].append(flag)

    ids = {node: event_id(members[i].claim_id for i in idx) for node, idx in by_node.items()}
    events = []
    for node in sorted(by_node, key=lambda n: (len(n), n)):
        idx = by_node[node]
        recs = [members[i].record for i in idx]
        flags = tuple(dict.fromkeys(node_flags[node]))
        sources = independent_sources(recs)
        status = "conflicting" if flags else ("corroborated" if sources >= 2 else "single_source")
        parent = ids.get(node[:-1]) if node else None
        events.append(
            ReconciledEvent(
                event=Event(
                    event_id=ids[node],
                    date=day,
                    attacker_side=members[idx[0]].attacker,
                    weapons=tuple(sorted({members[i].claim.weapon for i in idx})),
                    locations=tuple(dict.fromkeys(loc for i in idx for loc in members[i].claim.locations)),
                    claim_ids=tuple(members[i].claim_id for i in idx),
                    parent_id=parent,
                    status=status,
                    corroboration=sources,
                    flags=flags,
                ),
                figures=node_figures[node],
            )
        )
    return events


def _assign_nodes(members: Sequence[Placed], parts: dict[int, int]) -> list[Node]:
    """Place each claim in the event tree: parts under their total, others by exact scope."""
    node_of: list[Node | None] = [None] * len(members)

    def node(i: int, depth: int = 0) -> Node:
        if node_of[i] is None:
            if i in parts and depth < 16:
                node_of[i] = node(parts[i], depth + 1) + (members[i].scope.key,)
            else:
                node_of[i] = ()
        return node_of[i]  # type: ignore[return-value]

    for i in parts:
        node(i)
    opened: dict[tuple[str, ...], Node] = {}
    for i in sorted(parts, key=lambda i: len(node(i))):
        opened.setdefault(members[i].scope.key, node(i))
    totals = set(parts.values())
    for i in range(len(members)):
        if i not in parts:
            joined = opened.get(members[i].scope.key) if i not in totals else None
            node_of[i] = joined if joined is not None else node(i)
    return [n if n is not None else () for n in node_of]


def _flag_node(flag: Flag, members: Sequence[Placed], node_of: Sequence[Node], pos: int) -> Node:
    """Attach a flag to the shallowest event holding one of its claims."""
    nodes = [node_of[i] for i, p in enumerate(members) if p.claim_id in flag.claim_ids]
    return min(nodes, key=len) if nodes else node_of[pos]
