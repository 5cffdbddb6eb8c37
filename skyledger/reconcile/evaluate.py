"""Scoring event clusters against gold: pairwise precision, recall and F1.

Gold (docs/events-format.md) lists each event's member claims by passage id
and figure.  Each gold member is matched to at most one predicted claim of
the same passage with equal action, weapon and count (preferring the same
claimant, then the most shared places).  A pair of gold members is
*predicted together* when their matched claims sit in the same predicted
event; unmatched members are singletons.  Parent and child events are
different events.  Predicted claims no gold member matches are ignored: they
are extraction errors, scored elsewhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from skyledger.models import Claim
from skyledger.reconcile.claimants import claimant_key, same_claimant
from skyledger.reconcile.records import ClaimRecord, Reconciliation


@dataclass(frozen=True, slots=True)
class GoldMember:
    doc: str
    action: str
    weapon: str
    count: int
    claimant: str | None = None
    locations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event: str
    members: tuple[GoldMember, ...]
    parent: str | None = None
    flags: tuple[str, ...] = ()
    possible: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventScore:
    precision: float
    recall: float
    f1: float
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    members: int
    matched: int
    flags_expected: int = 0
    flags_found: int = 0
    missed_flags: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "true_pairs": self.true_pairs,
            "members": self.members,
            "matched": self.matched,
            "flags_expected": self.flags_expected,
            "flags_found": self.flags_found,
            "missed_flags": list(self.missed_flags),
        }


def load_gold(path: str | Path) -> list[GoldEvent]:
    """Read gold event clusters (one JSON object per line; blank lines and # comments skipped)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        d = json.loads(line)
        members = tuple(
            GoldMember(
                doc=m["doc"],
                action=m["action"],
                weapon=m["weapon"],
                count=int(m["count"]),
                claimant=m.get("claimant"),
                locations=tuple(m.get("locations") or ()),
            )
            for m in d["claims"]
        )
        out.append(
            GoldEvent(
                event=d["event"],
                members=members,
                parent=d.get("parent"),
                flags=tuple(d.get("flags") or ()),
                possible=tuple(d.get("possible") or ()),
            )
        )
    return out


def gold_claims(passage: Mapping[str, Any]) -> list[Claim]:
    """A passage's gold claims (FORMAT.md), each numbered by its position so identical figures stay two."""
    out = []
    for k, c in enumerate(passage.get("claims") or ()):
        if c.get("count") is not None:
            out.append(Claim.from_dict({**c, "start": k, "end": k, "item": c.get("item", 0)}))
    return out


def passages_to_records(
    passages: Iterable[Mapping[str, Any]], claims_of: Callable[[Mapping[str, Any]], Sequence[Claim]] = gold_claims
) -> list[ClaimRecord]:
    """Claim records from FORMAT.md passages, keyed by passage id.

    ``claims_of`` gives a passage's claims: its gold claims by default (to
    score reconciliation alone), or an extractor's (end to end).

    Claims are named ``<passage id>#<position>``: content ids would make a
    reprint's claims collide with the original's.
    """
    from skyledger.reconcile.fingerprint import fingerprint

    records = []
    for p in passages:
        fp = fingerprint(p.get("text") or "")
        for k, claim in enumerate(claims_of(p)):
            records.append(
                ClaimRecord(
                    claim=claim,
                    claim_id=f"{p['id']}#{k}",
                    doc_id=p["id"],
                    outlet=p.get("outlet"),
                    url=p.get("url"),
                    published=p.get("published"),
                    fingerprint=fp,
                )
            )
    return records


def read_passages(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def match_members(gold: Sequence[GoldEvent], records: Sequence[ClaimRecord]) -> dict[tuple[int, int], str]:
    """Map (gold event index, member index) to a predicted claim id, one-to-one."""
    by_fig: dict[tuple[str, str, str, int], list[ClaimRecord]] = defaultdict(list)
    for r in records:
        by_fig[(r.doc_id, r.claim.action, r.claim.weapon, r.claim.count)].append(r)
    used: set[str] = set()
    out: dict[tuple[int, int], str] = {}
    for gi, ev in enumerate(gold):
        for mi, m in enumerate(ev.members):
            cands = [r for r in by_fig.get((m.doc, m.action, m.weapon, m.count), ()) if r.claim_id not in used]
            if not cands:
                continue
            best = max(cands, key=lambda r: _agreement(m, r.claim))
            used.add(best.claim_id)
            out[(gi, mi)] = best.claim_id
    return out


def _agreement(m: GoldMember, c: Claim) -> tuple[int, int]:
    same = int(same_claimant(m.claimant, c.claimant) or claimant_key(m.claimant) == claimant_key(c.claimant))
    return (same, len(set(m.locations) & set(c.locations)) - len(set(m.locations) ^ set(c.locations)))


def score_events(gold: Sequence[GoldEvent], records: Sequence[ClaimRecord], result: Reconciliation) -> EventScore:
    """Pairwise P/R/F1 of predicted events against gold clusters.

    ``flags_expected``/``flags_found`` also count gold ``possible`` links:
    a gold flag kind is found when a predicted event holding the gold
    event's claims carries it; a link when any two of their events are linked.
    """
    matched = match_members(gold, records)
    event_of = {cid: ev.event_id for ev in result.events for cid in ev.event.claim_ids}
    keys = [(gi, mi) for gi, ev in enumerate(gold) for mi in range(len(ev.members))]

    def predicted(k: tuple[int, int]) -> str:
        cid = matched.get(k)
        return event_of.get(cid, f"unmatched:{k}") if cid else f"unmatched:{k}"

    gold_pairs = pred_pairs = true_pairs = 0
    for a, b in combinations(keys, 2):
        g = a[0] == b[0]
        p = predicted(a) == predicted(b)
        gold_pairs += g
        pred_pairs += p
        true_pairs += g and p
    precision = true_pairs / pred_pairs if pred_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    flags_by_event = {ev.event_id: {f.kind for f in ev.event.flags} for ev in result.events}
    expected = found = 0
    missed = []
    for gi, ev in enumerate(gold):
        events = {predicted((gi, mi)) for mi in range(len(ev.members))}
        kinds = set().union(*(flags_by_event.get(e, set()) for e in events))
        for kind in ev.flags:
            expected += 1
            if kind in kinds:
                found += 1
            else:
                missed.append(f"{ev.event}:{kind}")
    index_of = {ev.event: gi for gi, ev in enumerate(gold)}
    linked = {frozenset((l.event_id, l.other_event_id)) for l in result.links}
    for gi, ev in enumerate(gold):
        for other in ev.possible:
            expected += 1
            ours = {predicted((gi, mi)) for mi in range(len(ev.members))}
            oi = index_of.get(other)
            theirs = {predicted((oi, mi)) for mi in range(len(gold[oi].members))} if oi is not None else set()
            if any(frozenset((a, b)) in linked for a in ours for b in theirs):
                found += 1
            else:
                missed.append(f"{ev.event}:possible->{other}")
    return EventScore(
        precision, recall, f1, gold_pairs, pred_pairs, true_pairs, len(keys), len(matched), expected, found, tuple(missed)
    )
