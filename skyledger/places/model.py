"""The two records the place resolver hands to the rest of skyledger."""

from __future__ import annotations

from dataclasses import dataclass

# Place.kind values, coarsest first.
KINDS: tuple[str, ...] = ("country", "sea", "area", "admin1", "city", "district")

# PlaceMention.precision values.
PRECISIONS: tuple[str, ...] = ("country", "sea", "admin1", "city", "district", "point")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a canonical English name plus where it sits.

    ``code`` is the ISO 3166-2 code of an admin-1 unit (also set on the cities
    that are admin-1 units themselves: Moscow, Saint Petersburg, Kyiv,
    Sevastopol).  ``parent`` is the canonical name of the admin-1 unit that
    contains a city, district or site.  ``country`` is an ISO 3166-1 alpha-2
    code, ``None`` for seas.
    """

    place_id: str
    name: str
    kind: str
    code: str | None
    country: str | None
    parent: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    place: Place
    precision: str
