"""Independent sources per figure: reprints of one wire copy count once."""

from __future__ import annotations

from skyledger.models import Claim
from skyledger.reconcile import ClaimRecord, NamePlaceIndex, fingerprint, reconcile
from skyledger.reconcile.corroboration import independent_sources
from skyledger.reconcile.fingerprint import is_reprint, similarity

WIRE = ("KYIV, Feb 10 - Russia attacked Ukraine overnight with 120 attack drones and five missiles, "
        "Ukraine's air force said on Monday, adding that 80 drones and four missiles were shot down.")
OWN = "Ukraine's air force said it downed 80 of the 120 drones Russia sent overnight, the largest attack this month."


def rec(doc: str, outlet: str, text: str) -> ClaimRecord:
    claim = Claim(action="launched", weapon="drone", count=120, claimant="Ukrainian Air Force", claimant_side="UA",
                  date="2025-02-10")
    return ClaimRecord(claim=claim, claim_id=f"{doc}#0", doc_id=doc, outlet=outlet, fingerprint=fingerprint(text))


def test_a_lightly_edited_reprint_is_recognised():
    edited = WIRE.replace("KYIV, Feb 10 - ", "") + " (Reporting by staff)"
    assert is_reprint(fingerprint(WIRE), fingerprint(edited))
    assert not is_reprint(fingerprint(WIRE), fingerprint(OWN))
    assert similarity(fingerprint(WIRE), ()) == 0.0


def test_reprints_count_once_and_own_reports_count_each():
    records = [rec("w", "Danube Wire", WIRE), rec("p", "Portal Bystro", WIRE), rec("b", "Black Sea Post", OWN)]
    assert independent_sources(records) == 2
    (event,) = reconcile(records, NamePlaceIndex()).events
    assert event.event.corroboration == 2
    (figure,) = event.figures
    assert figure.sources == 2 and len(figure.claim_ids) == 3


def test_one_outlet_reporting_twice_is_one_source():
    assert independent_sources([rec("a", "Kyiv Desk", WIRE), rec("b", "Kyiv  desk", OWN)]) == 1


def test_a_single_report_is_single_source():
    (event,) = reconcile([rec("a", "Kyiv Desk", OWN)], NamePlaceIndex()).events
    assert event.event.corroboration == 1 and event.event.status == "single_source"
