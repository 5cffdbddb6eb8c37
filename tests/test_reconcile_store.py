"""Events in the ledger: a new document re-reconciles only what it touches."""

from __future__ import annotations

import pytest

from skyledger.models import Claim, Document
from skyledger.reconcile import NamePlaceIndex
from skyledger.store import Ledger
from skyledger.store.events import get_event, list_events, rebuild_events, update_for_document

INDEX = NamePlaceIndex({"Belgorod Oblast": "Russia", "Kursk Oblast": "Russia"})
MOD = "Russian Defence Ministry"


def claim(count: int, places: tuple[str, ...] = (), date: str | None = "2025-02-11", claimant: str = MOD,
          action: str = "intercepted", n: int = 0, quote: str | None = None) -> Claim:
    quote = quote or f"{claimant} said {count} drones were {action} over {', '.join(places) or 'Russia'} ({n})."
    return Claim(action=action, weapon="drone", count=count, claimant=claimant, claimant_side="RU", locations=places,
                 date=date, start=n, end=n + 1, quote=quote, extractor="test")


def add(ledger: Ledger, name: str, claims: list[Claim], published: str | None = "2025-02-11") -> str:
    doc = Document(doc_id=f"doc-{name}", text=" ".join(c.quote for c in claims), source=name, outlet=name.title(),
                   published=published)
    ledger.add_document(doc, claims)
    update_for_document(ledger, doc.doc_id, INDEX)
    return doc.doc_id


@pytest.fixture()
def ledger():
    with Ledger.open(":memory:") as led:
        yield led


def event_rows(ledger: Ledger) -> dict[str, tuple]:
    return {r["event_id"]: (r["date"], r["status"]) for r in ledger.conn.execute("SELECT * FROM events")}


def test_a_document_creates_its_events_flags_and_figures(ledger):
    add(ledger, "mod", [claim(46, ("Belgorod Oblast", "Kursk Oblast")), claim(30, ("Belgorod Oblast",), n=1),
                        claim(15, ("Kursk Oblast",), n=2)])
    (top,) = list_events(ledger.conn, flagged=True)
    assert [f["kind"] for f in top["flags"]] == ["breakdown_mismatch"]
    assert "total 46 intercepted drones" in top["flags"][0]["reason"]
    assert top["figures"][0]["count"] == 46 and top["corroboration"] == 1
    assert len(list_events(ledger.conn)) == 3


def test_a_new_document_joins_the_existing_event_and_leaves_other_days_alone(ledger):
    add(ledger, "mod", [claim(45)])
    add(ledger, "old", [claim(9, date="2025-01-05")], published="2025-01-05")
    before = event_rows(ledger)
    add(ledger, "tass", [claim(45, n=7, quote="Air defence crews brought down 45 Ukrainian UAVs overnight, Moscow said.")])
    after = event_rows(ledger)
    (old_id,) = [k for k, v in before.items() if v[0] == "2025-01-05"]
    assert old_id in after  # untouched partition keeps its event
    (today,) = list_events(ledger.conn, since="2025-02-11")
    assert today["corroboration"] == 2 and today["status"] == "corroborated"
    assert len(today["figures"]) == 1 and len(today["figures"][0]["claim_ids"]) == 2


def test_an_undated_document_is_linked_not_merged(ledger):
    add(ledger, "mod", [claim(45)])
    add(ledger, "telegram", [claim(45, date=None)], published=None)
    events = list_events(ledger.conn)
    assert len(events) == 2
    undated = next(e for e in events if e["date"] is None)
    (link,) = undated["links"]
    assert link["kind"] == "possible" and "45 intercepted drones" in link["reason"]


def test_a_dated_document_arriving_later_is_linked_to_an_older_undated_one(ledger):
    add(ledger, "telegram", [claim(45, date=None)], published=None)
    add(ledger, "mod", [claim(45)])
    dated = next(e for e in list_events(ledger.conn) if e["date"])
    assert [link["kind"] for link in dated["links"]] == ["possible"]


def test_incremental_updates_equal_a_full_rebuild(ledger):
    add(ledger, "mod", [claim(45, ("Belgorod Oblast", "Kursk Oblast")), claim(30, ("Belgorod Oblast",), n=1)])
    add(ledger, "gladkov", [claim(31, ("Belgorod Oblast",), claimant="Vyacheslav Gladkov")])
    add(ledger, "next", [claim(12, date="2025-02-12")], published="2025-02-12")
    add(ledger, "telegram", [claim(45, ("Belgorod Oblast", "Kursk Oblast"), date=None)], published=None)

    def snapshot():
        return sorted((e["event_id"], e["parent_id"], tuple(f["kind"] for f in e["flags"]), len(e["links"]))
                      for e in list_events(ledger.conn))

    incremental = snapshot()
    rebuild_events(ledger, INDEX)
    assert snapshot() == incremental


def test_event_detail_lists_every_claim_with_quote_source_and_flags(ledger):
    add(ledger, "mod", [claim(10, ("Belgorod Oblast",))])
    add(ledger, "gladkov", [claim(12, ("Belgorod Oblast",), claimant="Vyacheslav Gladkov")])
    (event,) = list_events(ledger.conn)
    detail = get_event(ledger.conn, event["event_id"][:10])
    assert {c["outlet"] for c in detail["claims"]} == {"Mod", "Gladkov"}
    assert all(c["quote"] and c["flags"] == ["claimant_disagreement"] for c in detail["claims"])
    assert get_event(ledger.conn, "ev_nope") is None


def test_filters_match_member_claims(ledger):
    add(ledger, "mod", [claim(10, ("Belgorod Oblast",))])
    add(ledger, "gladkov", [claim(3, ("Kursk Oblast",), claimant="Alexander Khinshtein", date="2025-02-13")],
        published="2025-02-13")
    assert len(list_events(ledger.conn, claimant="khinshtein")) == 1
    assert len(list_events(ledger.conn, place="belgorod")) == 1
    assert len(list_events(ledger.conn, weapon="missile")) == 0
    assert len(list_events(ledger.conn, until="2025-02-12")) == 1


def test_re_extraction_moves_a_document_out_of_its_old_events(ledger):
    doc_id = add(ledger, "mod", [claim(45)])
    add(ledger, "other", [claim(7, date="2025-02-20", claimant="Ukrainian Air Force")], published="2025-02-20")
    ledger.replace_claims(doc_id, [claim(45, date="2025-02-14", n=3)])
    update_for_document(ledger, doc_id, INDEX)
    dates = sorted(e["date"] for e in list_events(ledger.conn))
    assert dates == ["2025-02-14", "2025-02-20"]
