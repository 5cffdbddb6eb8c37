"""Contradiction flags, each with a kind and a reason naming the figures.

Kinds (``revision`` lives with the figures in ``figures.py``):

- ``breakdown_mismatch``: a claimant's regional parts do not add up to its total;
- ``claimant_disagreement``: two claimants of one side differ on the same
  action, weapon and places, a part exceeds another claimant's total, or one
  reports a weapon the other's broader statement leaves out;
- ``intercepted_exceeds_launched``: more interceptions than launches;
- ``date_conflict``: a figure dated after its report was published, or one
  wire copy carrying different dates.

Only current figures (not revised away) are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from skyledger.models import Flag
from skyledger.reconcile.cluster import Placed, figure_kind
from skyledger.reconcile.figures import describe, source_label, weapon_words
from skyledger.reconcile.claimants import same_claimant
from skyledger.reconcile.fingerprint import similarity
from skyledger.reconcile.scope import PlaceIndex, inside, union_covers

# Two dates on one copy is a strong charge: the copies must be all but identical.
SAME_COPY_SIMILARITY = 0.9
# Weapons an overnight summary is expected to cover; omitting one is telling.
_SUMMARY_WEAPONS = ("drone", "missile")


def counts_agree(a: int, qa: str, b: int, qb: str) -> bool:
    """True when two counts with qualifiers can describe the same number."""
    if a == b or "unknown" in (qa, qb):
        return True
    lo_a, hi_a = _range(a, qa)
    lo_b, hi_b = _range(b, qb)
    return lo_a <= hi_b and lo_b <= hi_a


def _range(n: int, q: str) -> tuple[float, float]:
    if q == "at_least":
        return n, float("inf")
    if q == "up_to":
        return 0, n
    if q == "approx":
        return n * 0.8, n * 1.2
    return n, n


def _upper(n: int, q: str) -> float:
    return _range(n, q)[1]


def _lower(n: int, q: str) -> float:
    return _range(n, q)[0]


def breakdown_mismatch(members: Sequence[Placed], parts: dict[int, int]) -> list[tuple[int, Flag]]:
    """Flag totals whose parts sum to something else (position of the total, flag)."""
    children: dict[int, list[int]] = defaultdict(list)
    for part, total in parts.items():
        children[total].append(part)
    out = []
    for t, kids in sorted(children.items()):
        total = members[t]
        kids.sort(key=lambda i: members[i].claim.start)
        sum_lo = sum(_lower(members[i].claim.count, members[i].claim.count_qualifier) for i in kids)
        exact = all(members[i].claim.count_qualifier == "exact" for i in kids + [t])
        covers = union_covers([members[i].scope for i in kids], total.scope)
        parts_sum = sum(members[i].claim.count for i in kids)
        if (covers and exact and parts_sum != total.claim.count) or sum_lo > _upper(
            total.claim.count, total.claim.count_qualifier
        ):
            terms = " + ".join(f"{members[i].claim.count} ({', '.join(members[i].claim.locations)})" for i in kids)
            reason = (
                f"{total.claim.claimant or 'unattributed'}: total {total.claim.count} {total.claim.action} "
                f"{weapon_words(total.claim.weapon)}, but regional figures {terms} = {parts_sum}"
            )
            out.append((t, Flag("breakdown_mismatch", reason, (total.claim_id, *(members[i].claim_id for i in kids)))))
    return out


def claimant_disagreement(
    members: Sequence[Placed], groups: Sequence[int], current: Sequence[int], index: PlaceIndex
) -> list[tuple[int, Flag]]:
    """Same side, different claimants, like compared with like."""
    out: list[tuple[int, Flag]] = []
    seen: set[tuple] = set()
    for i in current:
        for j in current:
            a, b = members[i], members[j]
            if groups[i] == groups[j] or not a.claim.claimant_side or a.claim.claimant_side != b.claim.claimant_side:
                continue
            if not (a.claim.claimant and b.claim.claimant):
                continue
            ca, cb = a.claim, b.claim
            same_kind = figure_kind(ca) == figure_kind(cb)
            if same_kind and i < j and a.scope.key == b.scope.key:
                if not counts_agree(ca.count, ca.count_qualifier, cb.count, cb.count_qualifier):
                    key = ("count", *sorted((groups[i], groups[j])), figure_kind(ca), a.scope.key)
                    if key not in seen:
                        seen.add(key)
                        out.append((i, Flag("claimant_disagreement", f"{describe(a)}; but {describe(b)}", (a.claim_id, b.claim_id))))
            elif same_kind and inside(a.scope, b.scope, index):
                if _lower(ca.count, ca.count_qualifier) > _upper(cb.count, cb.count_qualifier):
                    out.append(
                        (
                            j,
                            Flag(
                                "claimant_disagreement",
                                f"{describe(a)} exceeds the total {describe(b)}",
                                (a.claim_id, b.claim_id),
                            ),
                        )
                    )
    out.extend(_omitted_weapons(members, groups, current, index))
    return out


def _omitted_weapons(
    members: Sequence[Placed], groups: Sequence[int], current: Sequence[int], index: PlaceIndex
) -> list[tuple[int, Flag]]:
    """A claimant reports a weapon that another same-side claimant's broader statement leaves out."""
    weapons_of: dict[tuple[int, str], set[str]] = defaultdict(set)
    for i in current:
        weapons_of[(groups[i], members[i].claim.action)].add(members[i].claim.weapon)
    out = []
    seen: set[tuple] = set()
    for i in current:
        a = members[i]
        if a.claim.weapon not in _SUMMARY_WEAPONS or not a.claim.claimant or not a.claim.claimant_side:
            continue
        for j in current:
            b = members[j]
            gkey = (groups[j], b.claim.action)
            if (
                groups[j] == groups[i]
                or b.claim.claimant_side != a.claim.claimant_side
                or not b.claim.claimant
                or b.claim.action != a.claim.action
                or a.claim.weapon in weapons_of[gkey]
                or not (b.scope.key == a.scope.key or inside(a.scope, b.scope, index))
            ):
                continue
            key = (groups[i], groups[j], a.claim.action, a.claim.weapon)
            if key in seen:
                continue
            seen.add(key)
            others = [members[k] for k in current if (groups[k], members[k].claim.action) == gkey]
            mentioned = " and ".join(sorted({weapon_words(o.claim.weapon) for o in others}))
            figures = "; ".join(describe(o, with_claimant=False) for o in others)
            reason = (
                f"{describe(a)}; but {b.claim.claimant}'s statement on the same event mentions only "
                f"{mentioned} ({figures}), no {weapon_words(a.claim.weapon)}"
            )
            out.append((i, Flag("claimant_disagreement", reason, (a.claim_id, *(o.claim_id for o in others)))))
    return out


def intercepted_exceeds_launched(
    members: Sequence[Placed], current: Sequence[int], index: PlaceIndex
) -> list[tuple[int, Flag]]:
    """More weapons intercepted than the largest launch figure of the same kind over the same (or a wider) area.

    Comparing with the largest launch figure keeps a per-model subset ("4 Kh-59
    launched") from being read as the whole attack.
    """
    out = []
    for i in current:
        got = members[i]
        if got.claim.action != "intercepted":
            continue
        kind = ("launched", *figure_kind(got.claim)[1:])
        launches = [
            j for j in current
            if figure_kind(members[j].claim) == kind
            and (members[j].scope.key == got.scope.key or inside(got.scope, members[j].scope, index))
        ]
        if not launches:
            continue
        j = max(launches, key=lambda k: (_upper(members[k].claim.count, members[k].claim.count_qualifier), -k))
        sent = members[j]
        if _lower(got.claim.count, got.claim.count_qualifier) > _upper(sent.claim.count, sent.claim.count_qualifier):
            reason = f"{describe(got)} exceeds {describe(sent)}"
            out.append((j, Flag("intercepted_exceeds_launched", reason, (got.claim_id, sent.claim_id))))
    return out


def date_conflicts(members: Sequence[Placed], neighbours: Sequence[Placed] = ()) -> list[tuple[int, Flag]]:
    """Figures dated after their report, and one wire copy carrying two dates."""
    out = []
    near: dict[tuple[str, str, int], list[Placed]] = defaultdict(list)
    for q in neighbours:
        near[(q.claim.action, q.claim.weapon, q.claim.count)].append(q)
    for i, p in enumerate(members):
        date, published = p.claim.date, (p.record.published or "")[:10]
        if date and published and date > published:
            reason = f"{describe(p)} is dated {date}, after its report was published ({source_label(p)})"
            out.append((i, Flag("date_conflict", reason, (p.claim_id,))))
        for q in near.get((p.claim.action, p.claim.weapon, p.claim.count), ()):
            if (
                q.claim.date
                and date
                and q.claim.date != date
                and q.record.doc_id != p.record.doc_id
                and (q.claim.action, q.claim.weapon, q.claim.count) == (p.claim.action, p.claim.weapon, p.claim.count)
                and q.scope.key == p.scope.key
                and same_claimant(p.claim.claimant, q.claim.claimant, p.claim.claimant_side, q.claim.claimant_side)
                and similarity(p.record.fingerprint, q.record.fingerprint) >= SAME_COPY_SIMILARITY
            ):
                reason = (
                    f"{describe(p)} is dated {date} in {source_label(p)} but {q.claim.date} in "
                    f"{source_label(q)}, a reprint of the same copy"
                )
                out.append((i, Flag("date_conflict", reason, (p.claim_id, q.claim_id))))
    return out
