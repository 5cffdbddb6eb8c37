"""Place names in the shared gold passages are found under the gold's canonical names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skyledger.places import find_places, load_gazetteer

SHARED = Path(__file__).resolve().parents[2] / "shared"
FILES = ("seeds_gold.jsonl", "dev_en.jsonl", "dev_ru_uk.jsonl")


def _passages():
    if not (SHARED / "eval").is_dir():
        pytest.skip("shared eval data not available")
    for name in FILES:
        path = SHARED / "eval" / name
        if path.exists():
            yield from (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_most_gold_locations_are_among_the_passage_mentions(capsys):
    found = total = 0
    for passage in _passages():
        named = {m.place.name for m in find_places(passage["text"], lang=passage.get("lang", "en"))}
        for location in {loc for claim in passage["claims"] for loc in claim["locations"]}:
            total += 1
            found += location in named
    with capsys.disabled():
        print(f"\n[places] gold locations found in passage mentions: {found}/{total}")
    assert total and found / total >= 0.9


def test_gold_location_strings_are_canonical_names():
    gaz = load_gazetteer()
    strings = {loc for p in _passages() for c in p["claims"] for loc in c["locations"]}
    known = {s for s in strings if gaz.by_name(s)}
    assert len(known) / len(strings) >= 0.85, sorted(strings - known)
