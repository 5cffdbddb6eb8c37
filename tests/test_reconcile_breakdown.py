"""A national total and its regional parts: parent and children, never merged."""

from __future__ import annotations

from skyledger.models import Claim
from skyledger.reconcile import ClaimRecord, NamePlaceIndex, reconcile

INDEX = NamePlaceIndex(
    {"Belgorod": "Belgorod Oblast", "Belgorod Oblast": "Russia", "Bryansk Oblast": "Russia", "Kursk Oblast": "Russia"}
)
MOD = "Russian Defence Ministry"


def rec(doc: str, claimant: str | None, count: int, places: tuple[str, ...], n: int = 0, item: int = 0) -> ClaimRecord:
    claim = Claim(action="intercepted", weapon="drone", count=count, claimant=claimant, claimant_side="RU",
                  locations=places, date="2025-02-11", start=n, item=item)
    return ClaimRecord(claim=claim, claim_id=f"{doc}#{n}", doc_id=doc, outlet=doc)


def mod_breakdown(total: int, parts: tuple[int, int, int]) -> list[ClaimRecord]:
    regions = ("Bryansk Oblast", "Kursk Oblast", "Belgorod Oblast")
    return [rec("mod", MOD, total, regions)] + [
        rec("mod", MOD, n, (region,), i + 1) for i, (n, region) in enumerate(zip(parts, regions))
    ]


def test_parts_become_child_events_of_the_total():
    result = reconcile(mod_breakdown(45, (20, 15, 10)), INDEX)
    parent = result.event_of("mod#0").event
    children = [ev.event for ev in result.events if ev.event.parent_id == parent.event_id]
    assert parent.parent_id is None and parent.claim_ids == ("mod#0",)
    assert sorted(c.claim_ids for c in children) == [("mod#1",), ("mod#2",), ("mod#3",)]
    assert all(f.kind != "breakdown_mismatch" for f in result.flags)


def test_parts_that_do_not_add_up_are_flagged_naming_the_figures():
    result = reconcile(mod_breakdown(46, (20, 15, 10)), INDEX)
    (flag,) = [f for f in result.flags if f.kind == "breakdown_mismatch"]
    assert flag.reason == (
        "Russian Defence Ministry: total 46 intercepted drones, but regional figures "
        "20 (Bryansk Oblast) + 15 (Kursk Oblast) + 10 (Belgorod Oblast) = 45"
    )
    assert set(flag.claim_ids) == {"mod#0", "mod#1", "mod#2", "mod#3"}
    assert flag in result.event_of("mod#0").event.flags


def test_partial_breakdown_of_a_national_figure_is_not_a_mismatch():
    records = [rec("mod", MOD, 130, ()), rec("mod", MOD, 34, ("Belgorod Oblast",), 1)]
    result = reconcile(records, INDEX)
    assert result.event_of("mod#1").event.parent_id == result.event_of("mod#0").event_id
    assert result.flags == ()


def test_parts_exceeding_the_total_are_flagged_even_when_partial():
    records = [rec("mod", MOD, 10, ()), rec("mod", MOD, 34, ("Belgorod Oblast",), 1)]
    assert [f.kind for f in reconcile(records, INDEX).flags] == ["breakdown_mismatch"]


def test_another_claimants_figure_for_a_part_joins_that_child_event():
    records = mod_breakdown(45, (20, 15, 10)) + [rec("gladkov", "Vyacheslav Gladkov", 10, ("Belgorod Oblast",))]
    result = reconcile(records, INDEX)
    child = result.event_of("gladkov#0").event
    assert set(child.claim_ids) == {"mod#3", "gladkov#0"}
    assert child.parent_id == result.event_of("mod#0").event_id
    assert child.corroboration == 2


def test_breakdowns_nest():
    records = [
        rec("mod", MOD, 130, ()),
        rec("mod", MOD, 40, ("Belgorod Oblast", "Kursk Oblast"), 1),
        rec("mod", MOD, 30, ("Belgorod Oblast",), 2),
        rec("mod", MOD, 10, ("Kursk Oblast",), 3),
    ]
    result = reconcile(records, INDEX)
    top, mid, leaf = (result.event_of(f"mod#{i}").event for i in (0, 1, 2))
    assert mid.parent_id == top.event_id and leaf.parent_id == mid.event_id


def test_a_figure_from_another_report_is_not_a_part():
    records = [rec("mod", MOD, 45, ("Bryansk Oblast", "Kursk Oblast")), rec("tass", MOD, 20, ("Bryansk Oblast",))]
    result = reconcile(records, INDEX)
    assert len(result.events) == 1 and result.flags == ()


def test_an_unattributed_statement_breaks_down_its_own_total():
    records = [rec("mod", None, 31, ("Bryansk Oblast", "Kursk Oblast")), rec("mod", None, 14, ("Bryansk Oblast",), 1),
               rec("mod", None, 9, ("Kursk Oblast",), 2)]
    result = reconcile(records, INDEX)
    parent = result.event_of("mod#0").event_id
    assert [result.event_of(f"mod#{i}").event.parent_id for i in (1, 2)] == [parent, parent]
    assert [f.kind for f in result.flags] == ["breakdown_mismatch"]
