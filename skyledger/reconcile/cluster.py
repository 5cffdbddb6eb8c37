"""Which claims can describe the same attack.

Claims are first partitioned by date (one partition per resolved date; an
undated document item is its own partition, so undated claims are never
merged across documents), then split by attacker side, then joined into
clusters where weapons are compatible and place scopes overlap or nest.
A cluster is one attack; ``engine`` later splits it into a parent event
and the children its breakdowns define.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from skyledger.models import Action, WeaponClass
from skyledger.reconcile.records import ClaimRecord
from skyledger.reconcile.scope import PlaceIndex, Scope, claim_scope, country_id, overlaps, place_ids

UNDATED = "undated"
_OPPOSITE = {"RU": "UA", "UA": "RU"}
# Long-range strike weapons and front-line weapons describe different attacks;
# aircraft and "other" may accompany either.
_WEAPON_FAMILY = {
    WeaponClass.DRONE.value: "strike",
    WeaponClass.MISSILE.value: "strike",
    WeaponClass.GUIDED_BOMB.value: "frontline",
    WeaponClass.ROCKET.value: "frontline",
}


@dataclass(frozen=True, slots=True)
class Placed:
    """A claim record with what clustering derives from it."""

    record: ClaimRecord
    attacker: str | None
    scope: Scope

    @property
    def claim(self):  # noqa: ANN201 - a Claim; property keeps call sites short
        return self.record.claim

    @property
    def claim_id(self) -> str:
        return self.record.claim_id


def figure_kind(claim) -> tuple[str, str, str | None]:  # noqa: ANN001 - a Claim
    """Action, weapon and model: figures are compared only with figures of the same kind.

    "55 Kh-101 intercepted" is not comparable with "62 missiles launched"
    in total, nor a revision of "4 Kh-59 launched".
    """
    model = " ".join(claim.weapon_model.lower().split()) if claim.weapon_model else None
    return (claim.action, claim.weapon, model)


def partition_key(record: ClaimRecord) -> str:
    """The partition a record is reconciled in: its date, or its own document item when undated."""
    if record.claim.date:
        return record.claim.date
    return f"{UNDATED}:{record.doc_id}:{record.claim.item}"


def partition(records: Iterable[ClaimRecord]) -> dict[str, list[ClaimRecord]]:
    parts: dict[str, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        parts[partition_key(r)].append(r)
    return dict(parts)


def attacker_side(record: ClaimRecord) -> str | None:
    """The side that launched the weapons, inferred from the claimant when not stated.

    A claimant reports on the other side's weapons: a Russian claimant's
    interceptions (and launches it reports) are of Ukrainian weapons.
    """
    c = record.claim
    if c.attacker_side:
        return c.attacker_side
    if c.claimant_side in _OPPOSITE and c.action in {a.value for a in Action}:
        return _OPPOSITE[c.claimant_side]
    return None


def weapons_compatible(a: str, b: str) -> bool:
    fa, fb = _WEAPON_FAMILY.get(a), _WEAPON_FAMILY.get(b)
    return fa is None or fb is None or fa == fb


def attacked_side(record: ClaimRecord, index: PlaceIndex) -> str | None:
    """For a defensive figure (intercepted, lost, impacted) whose places all lie in one
    country: the other side attacked.  Launch figures are left alone (their places may be launch sites)."""
    if record.claim.action == Action.LAUNCHED.value:
        return None
    ids = place_ids(record.claim, index)
    if not ids:
        return None
    for side, attacker in _OPPOSITE.items():
        home = country_id(side, index)
        if home and all(p == home or index.contains(home, p) for p in ids):
            return attacker
    return None


def place(records: Sequence[ClaimRecord], index: PlaceIndex) -> list[Placed]:
    """Attach attacker side and scope.

    The attacker is stated, or inferred from the claimant's side, then from the
    places, then from the other claims of the same report item, and finally
    from the partition's only attacker; else it stays unknown.
    """
    sides = [attacker_side(r) or attacked_side(r, index) for r in records]
    by_item: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r, side in zip(records, sides):
        if side:
            by_item[(r.doc_id, r.claim.item)].add(side)
    known = {s for s in sides if s}
    only = next(iter(known)) if len(known) == 1 else None
    out = []
    for r, side in zip(records, sides):
        if side is None:
            item_sides = by_item.get((r.doc_id, r.claim.item), set())
            side = next(iter(item_sides)) if len(item_sides) == 1 else only
        out.append(Placed(r, side, claim_scope(r.claim, side, index)))
    return out


def clusters(placed: Sequence[Placed], index: PlaceIndex) -> list[list[Placed]]:
    """Connected groups of same-attacker claims with compatible weapons and overlapping scopes."""
    out: list[list[Placed]] = []
    by_side: dict[str | None, list[Placed]] = defaultdict(list)
    for p in placed:
        by_side[p.attacker].append(p)
    for side in sorted(by_side, key=lambda s: s or ""):
        members = by_side[side]
        parent = list(range(len(members)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if find(i) == find(j):
                    continue
                a, b = members[i], members[j]
                if weapons_compatible(a.claim.weapon, b.claim.weapon) and overlaps(a.scope, b.scope, index):
                    parent[max(find(i), find(j))] = min(find(i), find(j))
        groups: dict[int, list[Placed]] = defaultdict(list)
        for i, m in enumerate(members):
            groups[find(i)].append(m)
        out.extend(groups[k] for k in sorted(groups))
    return out
