"""Typed records that flow between the pipeline stages.

ingest -> Document -> extract -> Claim -> reconcile -> Event -> store/serve.
Every record is frozen and JSON-round-trippable (``to_dict`` / ``from_dict``)
so that it pickles cleanly for Dask and can be stored verbatim.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any


class Side(StrEnum):
    """A party to the war, as recorded in FORMAT.md (``RU``, ``UA``, ``other``)."""

    RU = "RU"
    UA = "UA"
    OTHER = "other"


class Action(StrEnum):
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"
    LOST = "lost"
    IMPACTED = "impacted"


class WeaponClass(StrEnum):
    DRONE = "drone"
    MISSILE = "missile"
    GUIDED_BOMB = "guided_bomb"
    ROCKET = "rocket"
    AIRCRAFT = "aircraft"
    OTHER = "other"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    APPROX = "approx"
    UP_TO = "up_to"
    UNKNOWN = "unknown"


# The fields of a claim that FORMAT.md defines, in its order.  The eval dump
# writes exactly these.
FORMAT_FIELDS: tuple[str, ...] = (
    "claimant",
    "claimant_side",
    "action",
    "weapon",
    "weapon_model",
    "attacker_side",
    "count",
    "count_qualifier",
    "locations",
    "date",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure asserted by one claimant, linked to the characters it was read from.

    ``start``/``end`` cover the words the figure was read from (the number and
    the weapon noun at least); ``sentence_start``/``sentence_end`` the sentence
    quoted as evidence.  Offsets index the text given to ``extract``.
    """

    action: str
    weapon: str
    count: int
    count_qualifier: str = Qualifier.EXACT.value
    claimant: str | None = None
    claimant_side: str | None = None
    weapon_model: str | None = None
    attacker_side: str | None = None
    locations: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()
    date: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    launch_places: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    quote: str = ""
    item: int = 0
    lang: str = "en"
    extractor: str = ""
    doc_id: str | None = None   # the document it was read from; two reprints give two claims


    @property
    def claim_id(self) -> str:
        """Content id: stable across runs for the same figure at the same place in the same text."""
        key = json.dumps(
            [self.format_dict(), self.start, self.end, self.item, self.extractor, self.doc_id],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def format_dict(self) -> dict[str, Any]:
        """The claim with exactly FORMAT.md's field names and values."""
        d = {name: getattr(self, name) for name in FORMAT_FIELDS}
        d["locations"] = list(self.locations)
        return d

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("locations", "place_ids", "launch_places"):
            d[key] = list(d[key])
        d["claim_id"] = self.claim_id
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        for key in ("locations", "place_ids", "launch_places"):
            if key in kwargs:
                kwargs[key] = tuple(kwargs[key] or ())
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Item:
    """One self-contained part of a document: a live-blog entry, a feed entry, the whole article.

    Context (claimant, date) never crosses an item boundary.
    """

    index: int
    start: int
    end: int
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A report as ingested: ``doc_id`` is the hash of its normalised text and source metadata."""

    doc_id: str
    text: str
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    title: str | None = None
    items: tuple[Item, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["items"] = [asdict(i) for i in self.items]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["items"] = tuple(Item(**i) for i in kwargs.get("items") or ())
        return cls(**kwargs)


def content_hash(text: str, *parts: str | None) -> str:
    """Hash of the text plus identifying metadata; the id that makes re-ingestion a no-op."""
    h = hashlib.sha256()
    h.update(text.encode("utf-8", "surrogatepass"))
    for p in parts:
        h.update(b"\x00")
        h.update((p or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Figure:
    """One claimant's figure inside an event (a view of a claim)."""

    claim_id: str
    claimant: str | None
    claimant_side: str | None
    action: str
    weapon: str
    weapon_model: str | None
    count: int
    count_qualifier: str
    locations: tuple[str, ...]
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A contradiction found while reconciling, with a reason a person can read."""

    kind: str
    reason: str
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Claims from many sources about one attack; each side's figures kept apart."""

    event_id: str
    date: str | None
    attacker_side: str | None
    weapons: tuple[str, ...]
    locations: tuple[str, ...]
    claim_ids: tuple[str, ...]
    parent_id: str | None = None
    status: str = "single_source"
    corroboration: int = 1
    flags: tuple[Flag, ...] = field(default_factory=tuple)
