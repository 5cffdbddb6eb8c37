"""Records that reconciliation reads and writes.

``models.Claim`` knows nothing of where it was published; reconciliation
needs that context (which document, which outlet, when, and a fingerprint of
the copy it was read from) to count independent sources and to tell a
revision from a disagreement.  ``ClaimRecord`` carries it.  The outputs add
what ``models.Event`` has no room for: per-figure corroboration, which
figure of a revised series is current, and "possible" links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skyledger.models import Claim, Event, Figure, Flag


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim with the document context reconciliation needs.

    ``fingerprint`` is a MinHash signature of the copy the claim was read
    from (see ``fingerprint.py``): two records whose fingerprints nearly agree
    come from the same wire copy and count as one source.
    """

    claim: Claim
    claim_id: str
    doc_id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    fingerprint: tuple[int, ...] = ()

    @property
    def date(self) -> str | None:
        return self.claim.date

    @classmethod
    def of(cls, claim: Claim, doc_id: str, **context: Any) -> ClaimRecord:
        """Wrap a claim, taking its content id as ``claim_id``."""
        return cls(claim=claim, claim_id=claim.claim_id, doc_id=doc_id, **context)


@dataclass(frozen=True, slots=True)
class EventFigure:
    """One distinct figure inside an event and every claim that reports it.

    Claims with the same claimant, action, weapon, places and count are one
    figure; ``sources`` counts the independent sources behind it (reprints of
    one wire copy count once).  ``current`` is False for a figure its own
    claimant later revised.
    """

    figure: Figure
    claim_ids: tuple[str, ...]
    sources: int
    current: bool = True

    def to_dict(self) -> dict[str, Any]:
        f = self.figure
        return {
            "claim_id": f.claim_id,
            "claimant": f.claimant,
            "claimant_side": f.claimant_side,
            "action": f.action,
            "weapon": f.weapon,
            "weapon_model": f.weapon_model,
            "count": f.count,
            "count_qualifier": f.count_qualifier,
            "locations": list(f.locations),
            "doc_id": f.doc_id,
            "claim_ids": list(self.claim_ids),
            "sources": self.sources,
            "current": self.current,
        }


@dataclass(frozen=True, slots=True)
class ReconciledEvent:
    """An event together with its figures, as the ledger stores and serves it."""

    event: Event
    figures: tuple[EventFigure, ...] = ()

    @property
    def event_id(self) -> str:
        return self.event.event_id

    def to_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "event_id": e.event_id,
            "date": e.date,
            "attacker_side": e.attacker_side,
            "weapons": list(e.weapons),
            "locations": list(e.locations),
            "parent_id": e.parent_id,
            "status": e.status,
            "corroboration": e.corroboration,
            "claim_ids": list(e.claim_ids),
            "figures": [f.to_dict() for f in self.figures],
            "flags": [flag_to_dict(f) for f in e.flags],
        }


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two events that is suspected but not merged.

    ``kind`` is ``"possible"``: an undated event whose figures match a
    figure of another event; without a date they are never merged.
    """

    kind: str
    event_id: str
    other_event_id: str
    claim_ids: tuple[str, ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "event_id": self.event_id,
            "other_event_id": self.other_event_id,
            "claim_ids": list(self.claim_ids),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The result of reconciling a set of claim records."""

    events: tuple[ReconciledEvent, ...] = ()
    links: tuple[Link, ...] = field(default_factory=tuple)

    def event(self, event_id: str) -> ReconciledEvent:
        for ev in self.events:
            if ev.event_id == event_id:
                return ev
        raise KeyError(event_id)

    def event_of(self, claim_id: str) -> ReconciledEvent:
        """The event holding a claim (each claim belongs to exactly one)."""
        for ev in self.events:
            if claim_id in ev.event.claim_ids:
                return ev
        raise KeyError(claim_id)

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(f for ev in self.events for f in ev.event.flags)


def flag_to_dict(flag: Flag) -> dict[str, Any]:
    return {"kind": flag.kind, "reason": flag.reason, "claim_ids": list(flag.claim_ids)}
