"""Where a figure applies: place scopes and how they nest.

A claim's *scope* is the set of canonical places its figure covers.  A claim
that names no place covers the whole target country (a Russian ministry's
overnight interceptions of Ukrainian drones are over Russia).  Two figures
can belong to one event only when their scopes overlap or nest; a regional
figure is a *part* of a total only when its scope sits strictly inside the
total's.

Containment comes from a ``PlaceIndex``: the project gazetteer
(``skyledger.places``) when it is installed, else a name-only fallback in
which places nest only inside the two countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from skyledger.models import Claim

TARGET_COUNTRY = {"UA": "Russia", "RU": "Ukraine"}  # attacker side -> attacked country
OWN_COUNTRY = {"RU": "Russia", "UA": "Ukraine"}


class PlaceIndex(Protocol):
    """What reconciliation needs from a gazetteer."""

    def resolve(self, name: str) -> str | None:
        """The canonical id of a place name, or None when unknown."""

    def contains(self, outer: str, inner: str) -> bool:
        """True when place ``inner`` lies inside place ``outer`` (not equal)."""


@dataclass(frozen=True, slots=True)
class Scope:
    """The places a figure covers.

    ``places`` holds canonical ids (or ``"?name"`` for names the index does
    not know); ``whole`` is True for a figure that names no place and so
    covers the whole target country; ``places`` is then that country (or
    empty when the attacker is unknown, which overlaps everything).
    """

    places: frozenset[str]
    whole: bool = False

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(sorted(self.places))


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


class NamePlaceIndex:
    """A gazetteer stand-in: places are their normalised names, nested by a parent map.

    Used when ``skyledger.places`` is not available, and as the test double:
    ``NamePlaceIndex({"Kursk": "Kursk Oblast", "Kursk Oblast": "Russia"})``.
    """

    def __init__(self, parents: dict[str, str] | None = None) -> None:
        self._parent = {_norm(k): _norm(v) for k, v in (parents or {}).items()}

    def resolve(self, name: str) -> str | None:
        return _norm(name) or None

    def contains(self, outer: str, inner: str) -> bool:
        seen = set()
        node = self._parent.get(inner)
        while node is not None and node not in seen:
            if node == outer:
                return True
            seen.add(node)
            node = self._parent.get(node)
        return False


class GazetteerPlaceIndex:
    """Adapter over ``skyledger.places.Gazetteer`` (``lookup``/``by_name``, ``get``, ``contains``)."""

    def __init__(self, gazetteer: Any) -> None:
        self._gaz = gazetteer

    @lru_cache(maxsize=65536)  # noqa: B019 - one index per process; names repeat endlessly
    def resolve(self, name: str) -> str | None:
        place = self._gaz.by_name(name) or self._gaz.lookup(name)
        return place.place_id if place is not None else None

    @lru_cache(maxsize=262144)  # noqa: B019
    def contains(self, outer: str, inner: str) -> bool:
        if outer == inner:
            return False
        a, b = self._gaz.get(outer), self._gaz.get(inner)
        return a is not None and b is not None and bool(self._gaz.contains(a, b))


def default_place_index() -> PlaceIndex:
    """The project gazetteer when importable, else the name-only fallback."""
    try:
        from skyledger.places import load_gazetteer

        return _gazetteer_index(load_gazetteer())
    except Exception:  # noqa: BLE001 - reconciliation still works on names without the gazetteer
        return NamePlaceIndex()


@lru_cache(maxsize=1)
def _gazetteer_index(gazetteer: Any) -> GazetteerPlaceIndex:
    return GazetteerPlaceIndex(gazetteer)


def country_id(side: str | None, index: PlaceIndex) -> str | None:
    """The gazetteer id of a side's own country ("RU" -> Russia)."""
    name = OWN_COUNTRY.get(side or "")
    return (index.resolve(name) or "?" + _norm(name)) if name else None


def place_ids(claim: Claim, index: PlaceIndex) -> list[str]:
    ids: list[str] = list(claim.place_ids)
    if not ids:
        ids = [index.resolve(name) or "?" + _norm(name) for name in claim.locations]
    return ids


def claim_scope(claim: Claim, attacker: str | None, index: PlaceIndex) -> Scope:
    """The scope of one claim: its resolved places, or the attacked country.

    A launch figure's places inside the attacker's own country are launch
    sites ("fired from the Kursk region"), not targets, and are left out.
    """
    ids = place_ids(claim, index)
    own = country_id(attacker, index)
    if claim.action == "launched" and own:
        ids = [p for p in ids if p != own and not index.contains(own, p)]
    if ids:
        return Scope(frozenset(ids))
    country = TARGET_COUNTRY.get(attacker or "")
    if country is None:
        return Scope(frozenset(), whole=True)
    cid = index.resolve(country) or "?" + _norm(country)
    return Scope(frozenset({cid}), whole=True)


def _within(inner: str, outer: str, index: PlaceIndex) -> bool:
    return inner == outer or index.contains(outer, inner)


def overlaps(a: Scope, b: Scope, index: PlaceIndex) -> bool:
    """True when two scopes share, or one nests inside the other, at least one place.

    An empty whole scope (unknown attacker) overlaps everything; a whole
    country overlaps places the index cannot place (seas, unknown names).
    """
    if not a.places or not b.places:
        return True
    for x in a.places:
        for y in b.places:
            if _within(x, y, index) or _within(y, x, index):
                return True
    if a.whole and any(p.startswith("?") for p in b.places):
        return True
    if b.whole and any(p.startswith("?") for p in a.places):
        return True
    return False


def inside(inner: Scope, outer: Scope, index: PlaceIndex) -> bool:
    """True when every place of ``inner`` lies in (or equals) a place of ``outer``, and the scopes differ."""
    if not outer.places or not inner.places or inner.places == outer.places:
        return False
    return all(any(_within(p, q, index) for q in outer.places) for p in inner.places)


def union_covers(parts: Iterable[Scope], total: Scope) -> bool:
    """True when the parts' places together are exactly the total's named places."""
    if total.whole:
        return False
    joined: set[str] = set()
    for s in parts:
        joined |= s.places
    return joined == set(total.places)
