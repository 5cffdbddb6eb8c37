"""Which claims become one event: same attack, same night, both sides kept apart."""

from __future__ import annotations

from skyledger.models import Claim
from skyledger.reconcile import ClaimRecord, NamePlaceIndex, reconcile

INDEX = NamePlaceIndex(
    {
        "Kyiv Oblast": "Ukraine",
        "Odesa Oblast": "Ukraine",
        "Zaporizhzhia Oblast": "Ukraine",
        "Kursk Oblast": "Russia",
        "Bryansk Oblast": "Russia",
    }
)


def rec(doc: str, claimant: str | None, side: str | None, action: str, weapon: str, count: int, *,
        places: tuple[str, ...] = (), date: str | None = "2025-02-10", outlet: str | None = None,
        attacker: str | None = None, n: int = 0) -> ClaimRecord:
    claim = Claim(action=action, weapon=weapon, count=count, claimant=claimant, claimant_side=side,
                  attacker_side=attacker, locations=places, date=date, start=n)
    return ClaimRecord(claim=claim, claim_id=f"{doc}#{n}", doc_id=doc, outlet=outlet or doc, published=date)


def test_outlets_relaying_one_air_force_report_form_one_event():
    records = [
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 120),
        rec("b", "Ukraine's air force", "UA", "launched", "drone", 120),
        rec("c", "Ukrainian Air Force", "UA", "intercepted", "drone", 80, places=("Kyiv Oblast",)),
    ]
    result = reconcile(records, INDEX)
    assert len(result.events) == 1
    event = result.events[0].event
    assert set(event.claim_ids) == {"a#0", "b#0", "c#0"}
    assert event.attacker_side == "RU"  # inferred: a Ukrainian claimant reports Russian weapons
    assert event.corroboration == 3 and event.status == "corroborated"


def test_two_nights_are_two_events():
    records = [
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 90, date="2025-03-04"),
        rec("b", "Ukrainian Air Force", "UA", "launched", "drone", 90, date="2025-03-05"),
    ]
    result = reconcile(records, INDEX)
    assert sorted(ev.event.date for ev in result.events) == ["2025-03-04", "2025-03-05"]


def test_both_sides_figures_of_one_attack_share_an_event_as_separate_figures():
    records = [
        rec("ru", "Russian Defence Ministry", "RU", "intercepted", "drone", 35, places=("Kursk Oblast",)),
        rec("ua", "SBU source", "UA", "launched", "drone", 40, places=("Kursk Oblast", "Bryansk Oblast"), attacker="UA"),
    ]
    result = reconcile(records, INDEX)
    assert len(result.events) == 1
    figures = result.events[0].figures
    assert sorted((f.figure.claimant_side, f.figure.count) for f in figures) == [("RU", 35), ("UA", 40)]
    assert result.events[0].event.flags == ()  # different sides never "disagree"


def test_attacks_by_opposite_sides_on_one_day_stay_apart():
    records = [
        rec("ru", "Russian Defence Ministry", "RU", "intercepted", "drone", 45),
        rec("ua", "Ukrainian Air Force", "UA", "intercepted", "drone", 45),
    ]
    result = reconcile(records, INDEX)
    assert sorted(ev.event.attacker_side for ev in result.events) == ["RU", "UA"]


def test_glide_bombs_at_the_front_are_not_the_overnight_drone_strike():
    records = [
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 120),
        rec("b", "Ivan Fedorov", "UA", "launched", "guided_bomb", 6, places=("Zaporizhzhia Oblast",)),
    ]
    assert len(reconcile(records, INDEX).events) == 2


def test_disjoint_places_without_a_national_figure_stay_apart():
    records = [
        rec("a", "Oleh Kiper", "UA", "intercepted", "drone", 21, places=("Odesa Oblast",)),
        rec("b", "Kyiv city administration", "UA", "intercepted", "drone", 9, places=("Kyiv Oblast",)),
    ]
    assert len(reconcile(records, INDEX).events) == 2


def test_undated_claims_are_never_merged_across_documents_only_linked():
    records = [
        rec("dated", "Russian Defence Ministry", "RU", "intercepted", "drone", 23, places=("Kursk Oblast",)),
        rec("undated", "Russian Ministry of Defence", "RU", "intercepted", "drone", 23, date=None),
    ]
    result = reconcile(records, INDEX)
    assert len(result.events) == 2
    undated = result.event_of("undated#0")
    assert undated.event.date is None
    (link,) = result.links
    assert link.kind == "possible"
    assert {link.event_id, link.other_event_id} == {undated.event_id, result.event_of("dated#0").event_id}
    assert "23 intercepted drones" in link.reason


def test_undated_figures_of_different_claimants_or_counts_are_not_linked():
    records = [
        rec("dated", "Russian Defence Ministry", "RU", "intercepted", "drone", 23),
        rec("other-count", "Russian Defence Ministry", "RU", "intercepted", "drone", 24, date=None),
        rec("other-claimant", "Alexander Khinshtein", "RU", "intercepted", "drone", 23, date=None),
    ]
    assert reconcile(records, INDEX).links == ()


def test_event_ids_are_deterministic_and_independent_of_input_order():
    records = [
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 120),
        rec("b", "Ukrainian Air Force", "UA", "intercepted", "drone", 80),
        rec("c", "Russian Defence Ministry", "RU", "intercepted", "drone", 5, date="2025-02-11"),
    ]
    first = {ev.event_id for ev in reconcile(records, INDEX).events}
    again = {ev.event_id for ev in reconcile(list(reversed(records)), INDEX).events}
    assert first == again and len(first) == 2


def test_launch_sites_in_the_attackers_own_country_do_not_place_the_attack():
    records = [
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 103, places=("Kursk Oblast", "Bryansk Oblast")),
        rec("b", "Ukrainian Air Force", "UA", "intercepted", "drone", 61, places=("Kyiv Oblast",)),
    ]
    (event,) = reconcile(records, INDEX).events
    assert event.event.attacker_side == "RU" and len(event.event.claim_ids) == 2


def test_an_unattributed_interception_over_one_country_was_by_the_other_side():
    records = [
        rec("a", None, None, "intercepted", "drone", 17, places=("Bryansk Oblast",)),
        rec("b", "Ukrainian Air Force", "UA", "launched", "drone", 90),
    ]
    sides = {ev.event.claim_ids: ev.event.attacker_side for ev in reconcile(records, INDEX).events}
    assert sides == {("a#0",): "UA", ("b#0",): "RU"}
