"""Contradiction flags: each with a kind and a reason naming the claims."""

from __future__ import annotations

from dataclasses import replace

from skyledger.models import Claim
from skyledger.reconcile import ClaimRecord, NamePlaceIndex, fingerprint, reconcile

INDEX = NamePlaceIndex({"Kursk Oblast": "Russia", "Belgorod Oblast": "Russia", "Kharkiv Oblast": "Ukraine"})


def rec(doc: str, claimant: str | None, side: str | None, action: str, weapon: str, count: int, *,
        places: tuple[str, ...] = (), date: str | None = "2025-03-01", published: str | None = None,
        q: str = "exact", item: int = 0, n: int = 0, text: str = "") -> ClaimRecord:
    claim = Claim(action=action, weapon=weapon, count=count, count_qualifier=q, claimant=claimant,
                  claimant_side=side, locations=places, date=date, start=n, item=item)
    return ClaimRecord(claim=claim, claim_id=f"{doc}#{n}", doc_id=doc, outlet=doc.title(),
                       published=published or date, fingerprint=fingerprint(text) if text else ())


def kinds(result) -> list[str]:
    return sorted(f.kind for f in result.flags)


def test_two_claimants_of_one_side_differing_on_the_same_figure_disagree():
    result = reconcile([
        rec("mod", "Russian Defence Ministry", "RU", "intercepted", "drone", 10, places=("Belgorod Oblast",)),
        rec("gov", "Vyacheslav Gladkov", "RU", "intercepted", "drone", 12, places=("Belgorod Oblast",)),
    ], INDEX)
    (flag,) = result.flags
    assert flag.kind == "claimant_disagreement"
    assert "Russian Defence Ministry: 10 intercepted drones" in flag.reason
    assert "Vyacheslav Gladkov: 12 intercepted drones" in flag.reason


def test_qualified_counts_that_can_agree_do_not_disagree():
    result = reconcile([
        rec("a", "Ukrainian Air Force", "UA", "intercepted", "drone", 50, q="at_least"),
        rec("b", "Volodymyr Zelensky", "UA", "intercepted", "drone", 56),
    ], INDEX)
    assert result.flags == ()


def test_a_weapon_left_out_of_a_broader_statement_is_a_disagreement():
    result = reconcile([
        rec("rt", "Kursk Governor Alexei Smirnov", "RU", "intercepted", "missile", 7, places=("Kursk Oblast",), date=None),
        rec("rt", "Russian Ministry of Defence", "RU", "intercepted", "drone", 23, places=("Russia",), date=None, n=1),
    ], INDEX)
    (flag,) = result.flags
    assert flag.kind == "claimant_disagreement"
    assert "Kursk Governor Alexei Smirnov: 7 intercepted missiles (Kursk Oblast)" in flag.reason
    assert "Russian Ministry of Defence's statement" in flag.reason and "only drones" in flag.reason


def test_a_regional_figure_above_another_claimants_total_is_a_disagreement():
    result = reconcile([
        rec("mod", "Russian Defence Ministry", "RU", "intercepted", "drone", 30),
        rec("gov", "Vyacheslav Gladkov", "RU", "intercepted", "drone", 41, places=("Belgorod Oblast",)),
    ], INDEX)
    assert kinds(result) == ["claimant_disagreement"]
    assert "exceeds the total" in result.flags[0].reason


def test_more_intercepted_than_launched_is_flagged():
    result = reconcile([
        rec("kh", "Oleh Syniehubov", "UA", "launched", "drone", 10, places=("Kharkiv Oblast",)),
        rec("kh", "Oleh Syniehubov", "UA", "intercepted", "drone", 12, places=("Kharkiv Oblast",), n=1),
    ], INDEX)
    (flag,) = result.flags
    assert flag.kind == "intercepted_exceeds_launched"
    assert flag.reason == ("Oleh Syniehubov: 12 intercepted drones (Kharkiv Oblast) exceeds "
                           "Oleh Syniehubov: 10 launched drones (Kharkiv Oblast)")


def test_interceptions_within_the_launch_figure_are_fine():
    result = reconcile([
        rec("af", "Ukrainian Air Force", "UA", "launched", "drone", 70),
        rec("af", "Ukrainian Air Force", "UA", "intercepted", "drone", 56, n=1),
    ], INDEX)
    assert result.flags == ()


def test_a_claimant_changing_its_figure_later_is_a_revision_with_the_newest_current():
    result = reconcile([
        rec("blog", "Ukrainian Air Force", "UA", "intercepted", "drone", 50, published="2025-03-01T08:10"),
        rec("blog", "Ukrainian Air Force", "UA", "intercepted", "drone", 56, published="2025-03-01T08:10", item=1, n=1),
    ], INDEX)
    (flag,) = result.flags
    assert flag.kind == "revision"
    assert "50" in flag.reason and "56 is current" in flag.reason
    figures = {f.figure.count: f.current for f in result.events[0].figures}
    assert figures == {50: False, 56: True}


def test_a_revised_figure_is_not_also_a_disagreement():
    result = reconcile([
        rec("a", "Ukrainian Air Force", "UA", "intercepted", "drone", 50, published="2025-03-01T08:00"),
        rec("b", "Ukrainian Air Force", "UA", "intercepted", "drone", 56, published="2025-03-01T12:00"),
        rec("c", "Volodymyr Zelensky", "UA", "intercepted", "drone", 56, published="2025-03-01T13:00"),
    ], INDEX)
    assert kinds(result) == ["revision"]


def test_two_counts_in_one_report_are_two_incidents_not_a_revision():
    result = reconcile([
        rec("m", "Sergei Sobyanin", "RU", "intercepted", "drone", 1, places=("Moscow",)),
        rec("m", "Sergei Sobyanin", "RU", "intercepted", "drone", 2, places=("Moscow",), n=1),
    ], INDEX)
    assert result.flags == ()


def test_a_figure_dated_after_its_report_is_a_date_conflict():
    result = reconcile([
        rec("a", "Ukrainian Air Force", "UA", "launched", "drone", 70, date="2025-03-02", published="2025-03-01"),
    ], INDEX)
    (flag,) = result.flags
    assert flag.kind == "date_conflict" and "2025-03-02" in flag.reason and "2025-03-01" in flag.reason


def test_one_wire_copy_carrying_two_dates_is_a_date_conflict_on_both_days():
    copy = "Russian air defences downed 17 Ukrainian drones over Rostov Oblast overnight, the ministry said."
    result = reconcile([
        rec("wire", "Russian Defence Ministry", "RU", "intercepted", "drone", 17, date="2025-04-02", text=copy),
        rec("late", "Russian Defence Ministry", "RU", "intercepted", "drone", 17, date="2025-04-03", text=copy),
    ], INDEX)
    assert len(result.events) == 2
    assert kinds(result) == ["date_conflict", "date_conflict"]


def test_different_copies_on_adjacent_days_are_not_a_date_conflict():
    result = reconcile([
        rec("a", "Russian Defence Ministry", "RU", "intercepted", "drone", 17, date="2025-04-02",
            text="Air defences downed 17 drones over Rostov overnight, the ministry said on Wednesday."),
        rec("b", "Russian Defence Ministry", "RU", "intercepted", "drone", 17, date="2025-04-03",
            text="Another night, another 17 drones: the Russian ministry reported them over Belgorod and Kursk."),
    ], INDEX)
    assert result.flags == ()


def test_a_per_model_launch_subset_is_not_the_whole_attack():
    def missile(n: int, action: str, count: int, model: str | None) -> ClaimRecord:
        r = rec("af", "Ukrainian Air Force", "UA", action, "missile", count, n=n)
        return ClaimRecord(claim=replace(r.claim, weapon_model=model), claim_id=r.claim_id, doc_id="af", outlet="Af")

    result = reconcile([missile(0, "launched", 62, "Kh-101"), missile(1, "launched", 4, "Kh-59"),
                        missile(2, "intercepted", 55, "Kh-101"), missile(3, "intercepted", 4, "Kh-59"),
                        missile(4, "launched", 66, None), missile(5, "intercepted", 59, None)], INDEX)
    assert result.flags == ()


def test_different_models_from_two_reports_are_not_a_revision():
    a = rec("a", "Ukrainian Air Force", "UA", "launched", "missile", 4)
    b = rec("b", "Ukrainian Air Force", "UA", "launched", "missile", 2)
    records = [ClaimRecord(claim=replace(a.claim, weapon_model="Kh-59"), claim_id="a#0", doc_id="a"),
               ClaimRecord(claim=replace(b.claim, weapon_model="KN-23"), claim_id="b#0", doc_id="b")]
    assert reconcile(records, INDEX).flags == ()
