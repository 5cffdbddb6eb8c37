"""Against the shared gold: every dated claim's date is reachable from its passage.

For each gold claim in a passage with a publication date, some time mention in
the passage must resolve to the claim's date (None included), or the default
date must give it.  The extractor then only has to pick the right candidate.
"""

import json
from pathlib import Path

import pytest

from skyledger.dates import default_date, find_time_mentions, parse_published, resolve

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_FILES = ("seeds_gold.jsonl", "dev_en.jsonl", "dev_ru_uk.jsonl")


def dated_passages() -> list[dict]:
    eval_dir = SHARED / "eval"
    if not eval_dir.is_dir():
        pytest.skip("shared gold not available")
    passages = []
    for name in GOLD_FILES:
        path = eval_dir / name
        if path.exists():
            passages += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [p for p in passages if p.get("published") and p.get("claims")]


def test_gold_claim_dates_are_reachable_from_their_passage() -> None:
    reached = total = 0
    misses = []
    for passage in dated_passages():
        published = parse_published(passage["published"])
        assert published is not None, passage["published"]
        candidates = {resolve(m, published).date for m in find_time_mentions(passage["text"], lang=passage["lang"])}
        candidates.add(default_date(published))
        for claim in passage["claims"]:
            total += 1
            if claim["date"] in candidates:
                reached += 1
            else:
                misses.append((passage["id"], claim["date"]))
    rate = reached / total
    print(f"\ngold dates reachable: {reached}/{total} = {rate:.3f}; misses: {misses}")
    assert total > 0
    assert rate >= 0.95, misses


def test_default_date_alone_dates_most_claims() -> None:
    """The rule behind default_date: undated figures in a dated report carry its publication day."""
    hits = total = 0
    for passage in dated_passages():
        published = parse_published(passage["published"])
        for claim in passage["claims"]:
            total += 1
            hits += claim["date"] == default_date(published)
    print(f"\ndefault date alone: {hits}/{total} = {hits / total:.3f}")
    assert hits / total >= 0.85
