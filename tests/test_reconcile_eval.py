"""Event-cluster evaluation: the pairwise metric, and the gate on our event test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from skyledger.models import Claim
from skyledger.reconcile import ClaimRecord, NamePlaceIndex, Reconciliation, reconcile
from skyledger.reconcile.evaluate import GoldEvent, GoldMember, load_gold, passages_to_records, read_passages, score_events

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds_gold.jsonl"
INDEX = NamePlaceIndex(
    {
        **{f"{n} Oblast": "Russia" for n in ("Bryansk", "Kursk", "Belgorod", "Rostov", "Voronezh", "Kaluga")},
        **{f"{n} Oblast": "Ukraine" for n in ("Kyiv", "Kharkiv", "Odesa", "Zaporizhzhia", "Dnipropetrovsk")},
        "Moscow": "Russia",
        "Krylatskoye": "Moscow",
        "Crimea": "Ukraine",
        "Dnipro": "Dnipropetrovsk Oblast",
    }
)


def rec(doc: str, count: int) -> ClaimRecord:
    claim = Claim(action="launched", weapon="drone", count=count, claimant="Ukrainian Air Force", claimant_side="UA",
                  date="2025-03-01")
    return ClaimRecord(claim=claim, claim_id=f"{doc}#{count}", doc_id=doc)


def gold(*clusters: tuple[tuple[str, int], ...]) -> list[GoldEvent]:
    return [
        GoldEvent(event=f"g{i}", members=tuple(GoldMember(doc, "launched", "drone", n) for doc, n in cluster))
        for i, cluster in enumerate(clusters)
    ]


def test_pairwise_scores_count_claim_pairs():
    records = [rec("a", 1), rec("b", 2), rec("c", 3)]
    result = reconcile(records, INDEX)  # one night, one event: all three pairs predicted together
    score = score_events(gold((("a", 1), ("b", 2)), (("c", 3),)), records, result)
    assert (score.gold_pairs, score.predicted_pairs, score.true_pairs) == (1, 3, 1)
    assert round(score.precision, 3) == 0.333 and score.recall == 1.0


def test_unmatched_gold_members_cost_recall():
    records = [rec("a", 1)]
    score = score_events(gold((("a", 1), ("b", 2))), records, reconcile(records, INDEX))
    assert score.matched == 1 and score.recall == 0.0


def test_splitting_everything_has_perfect_precision_and_no_recall():
    records = [rec("a", 1), rec("b", 2)]
    split = Reconciliation(events=())
    score = score_events(gold((("a", 1), ("b", 2))), records, split)
    assert score.predicted_pairs == 0 and score.recall == 0.0


def _gazetteer_index():
    pytest.importorskip("skyledger.places")
    from skyledger.reconcile.scope import GazetteerPlaceIndex
    from skyledger.places import load_gazetteer

    return GazetteerPlaceIndex(load_gazetteer())


@pytest.mark.parametrize("index_of", [lambda: INDEX, _gazetteer_index], ids=["name-index", "gazetteer"])
def test_event_test_set_pairwise_f1_is_at_least_0_90(index_of):
    paths = [GOLD_DIR / "events_corpus.jsonl"]
    clusters = load_gold(GOLD_DIR / "events_gold.jsonl")
    if SEEDS.exists():
        paths.append(SEEDS)
    else:
        clusters = [g for g in clusters if not g.members[0].doc.startswith("seed")]
    records = passages_to_records(read_passages(paths))
    score = score_events(clusters, records, reconcile(records, index_of()))
    assert score.matched == score.members
    assert score.f1 >= 0.90, score
    assert score.flags_found == score.flags_expected, score.missed_flags
