"""The packaged gazetteer: places, their names in three languages, and lookups.

Loaded once from ``data/gazetteer.json.gz`` (built by ``skyledger.places.build``);
no network and no morphology at run time.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from skyledger.places.model import Place
from skyledger.places.normalize import fold_key

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.json.gz"


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One place a folded key can name: ``standalone`` (a name on its own), ``primary``
    (the canonical or geonames main name) or ``stem`` (names it only before a kind
    word: "Kursk" + "region")."""

    index: int
    standalone: bool
    primary: bool
    stem: bool


class Gazetteer:
    """Places plus an Aho-Corasick automaton over every folded name and stem."""

    def __init__(self, data: dict) -> None:
        places, subtypes, weights = [], [], []
        for place_id, name, kind, subtype, code, country, parent, lat, lon, weight in data["places"]:
            places.append(Place(place_id, name, kind, code, country, parent, lat, lon))
            subtypes.append(subtype)
            weights.append(weight)
        self.places: tuple[Place, ...] = tuple(places)
        self.subtypes: tuple[str, ...] = tuple(subtypes)
        self.weights: tuple[float, ...] = tuple(weights)
        self.person_first: frozenset[str] = frozenset(data["person_first"])
        self.built_from: dict[str, str] = data["built_from"]
        self._raw_keys: dict[str, list] = dict(data["keys"])
        self._entries: dict[str, tuple[NameEntry, ...]] = {}
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)  # a match yields the key's length
        for key in self._raw_keys:
            automaton.add_word(key)
        automaton.make_automaton()
        self.automaton = automaton
        self._by_id = {p.place_id: p for p in self.places}
        self._by_name = {p.name: p for p in self.places}
        self._index = {p.place_id: i for i, p in enumerate(self.places)}

    def entries(self, key: str) -> tuple[NameEntry, ...]:
        """The places a folded key can name (decoded on first use)."""
        found = self._entries.get(key)
        if found is None:
            found = tuple(
                NameEntry(index, "n" in flags or "a" in flags, "n" in flags, "s" in flags)
                for index, flags in self._raw_keys.get(key, ())
            )
            self._entries[key] = found
        return found

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def by_name(self, canonical_name: str) -> Place | None:
        return self._by_name.get(canonical_name)

    def subtype(self, place: Place) -> str:
        """oblast/krai/republic/okrug/city for admin-1 units; else the kind (or "site")."""
        return self.subtypes[self._index[place.place_id]]

    def lookup(self, name: str, lang: str | None = None) -> Place | None:
        """The place a name denotes, in any of its spellings, languages or cases.

        ``"Kharkov"``, ``"Харківщині"``, ``"Kursk region"``, ``"Курской области"``
        all resolve; a bare city-and-region name ("Kursk") is the city.
        ``lang`` is accepted for symmetry with ``find_places``; names of all three
        languages are always recognised.
        """
        from skyledger.places.resolve import find_places  # resolve imports this module

        if not isinstance(name, str):
            return None
        stripped = " ".join(name.split())[:200]
        if not stripped:
            return None
        key = fold_key(stripped)
        standalone = [e for e in self.entries(key) if e.standalone]
        if standalone:
            best = max(standalone, key=lambda e: (e.primary, self.weights[e.index]))
            return self.places[best.index]
        mentions = find_places(stripped, lang=lang or "en", require_capital=False)
        if len(mentions) == 1 and fold_key(stripped[mentions[0].end:]) == "":
            head = fold_key(stripped[: mentions[0].start])
            if head in ("", "the", "over", "in"):
                return mentions[0].place
        return None

    def contains(self, outer: Place, inner: Place) -> bool:
        """Administrative containment: country ⊃ admin-1 ⊃ city/district/site (and itself)."""
        if outer.place_id == inner.place_id:
            return True
        if outer.kind == "country":
            return inner.kind != "country" and inner.country == outer.country
        if outer.code is not None or outer.kind == "admin1":
            return inner.parent == outer.name
        return False


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (parsed once per process)."""
    with gzip.open(DATA_FILE, "rb") as handle:
        return Gazetteer(json.loads(handle.read().decode("utf-8")))
