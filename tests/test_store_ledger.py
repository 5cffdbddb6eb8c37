"""The SQLite ledger stores documents and claims idempotently and atomically, and answers filtered queries."""

from __future__ import annotations

import dataclasses

import re
import sqlite3
from dataclasses import dataclass

import pytest

from skyledger.models import Claim, Document, Item, content_hash
from skyledger.store import Ledger, LedgerError
from skyledger.store.migrations import MIGRATIONS

PLACES = {"Kyiv": "UA-30", "Kursk Oblast": "RU-KRS"}


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    kind: str
    code: str
    country: str
    parent: str | None
    lat: float
    lon: float


class Gazetteer:
    places = {
        "UA-30": Place("UA-30", "Kyiv", "city", "UA-30", "UA", None, 50.45, 30.52),
        "RU-KRS": Place("RU-KRS", "Kursk Oblast", "oblast", "RU-KRS", "RU", None, 51.7, 36.2),
    }

    def get(self, place_id):
        return self.places.get(place_id)


def stub_extract(doc: Document, extractor: str = "stub.v1") -> list[Claim]:
    """One 'intercepted drone' claim per "N drones", placed at any known place name in the sentence."""
    claims = []
    for m in re.finditer(r"(\d+) drones", doc.text):
        names = tuple(n for n in PLACES if n in doc.text)
        claims.append(Claim(action="intercepted", weapon="drone", count=int(m.group(1)), claimant="Air Force",
                            claimant_side="UA", attacker_side="RU", locations=names,
                            place_ids=tuple(PLACES[n] for n in names), date=(doc.published or "")[:10] or None,
                            start=m.start(), end=m.end(), sentence_start=0, sentence_end=len(doc.text),
                            quote=doc.text, lang=doc.lang or "en", extractor=extractor))
    return claims


def make_doc(text: str, url: str | None = None, published: str | None = "2025-03-08", **kw) -> Document:
    return Document(doc_id=content_hash(text, url), text=text, source=url or "test", url=url,
                    published=published, lang="en", **kw)


@pytest.fixture
def ledger(tmp_path):
    with Ledger.open(tmp_path / "ledger.db", gazetteer=Gazetteer()) as opened:
        yield opened


def test_a_new_ledger_is_a_wal_file_with_every_migration_recorded(tmp_path):
    path = tmp_path / "new.db"
    Ledger.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [name for name, _ in MIGRATIONS]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "items", "claims", "claim_places", "places", "events", "event_claims", "flags",
            "ingest_runs", "ingest_errors", "documents_fts"} <= tables


def test_reopening_applies_no_migration_twice(tmp_path):
    for _ in range(2):
        with Ledger.open(tmp_path / "l.db") as ledger:
            assert ledger.schema_version == MIGRATIONS[-1][0]
    assert sqlite3.connect(tmp_path / "l.db").execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_a_file_that_is_not_a_ledger_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LedgerError, match="not a usable skyledger database"):
        Ledger.open(path)


def test_adding_a_stored_document_again_is_a_no_op(ledger):
    doc = make_doc("Air defence shot down 12 drones over Kyiv.", "https://a.example/1")
    assert ledger.add_document(doc, stub_extract(doc)) is True
    before = ledger.stats()
    assert ledger.add_document(doc, stub_extract(doc)) is False
    assert ledger.has_document(doc.doc_id)
    assert ledger.stats() == before == {**before, "documents": 1, "claims": 1}


def test_a_document_round_trips_with_its_items(ledger):
    doc = make_doc("First entry.\n\nSecond entry.", "https://a.example/live",
                   items=(Item(0, 0, 12, "07:00", "2025-03-08T07:00:00"), Item(1, 14, 27)))
    ledger.add_document(doc, [])
    assert ledger.document(doc.doc_id) == doc


def test_claims_keep_every_field_spans_and_quote(ledger):
    doc = make_doc("Air defence shot down 12 drones over Kyiv.", "https://a.example/1")
    (claim,) = stub_extract(doc)
    ledger.add_document(doc, [claim])
    (row,) = ledger.claims()
    stored = dataclasses.replace(claim, doc_id=doc.doc_id)  # claims are stored with their document
    assert row["claim_id"] == stored.claim_id and row["doc_id"] == doc.doc_id
    assert Claim.from_dict(row) == stored
    assert doc.text[row["start"]:row["end"]] == "12 drones"
    assert row["url"] == "https://a.example/1" and row["published"] == "2025-03-08"
    assert ledger.claim_objects([doc.doc_id]) == [(doc.doc_id, stored)]


def test_referenced_places_are_copied_from_the_gazetteer(ledger):
    doc = make_doc("Over Kyiv 12 drones were downed; Kursk Oblast reported nothing.", "https://a.example/2")
    ledger.add_document(doc, stub_extract(doc))
    assert [p["place_id"] for p in ledger.places()] == ["RU-KRS", "UA-30"]
    assert ledger.places()[1]["lat"] == pytest.approx(50.45)


def test_a_failing_write_leaves_nothing_of_the_document(ledger):
    doc = make_doc("Shot down 3 drones.", "https://a.example/3")
    bad = Claim(action="intercepted", weapon="drone", count=None)  # type: ignore[arg-type]  # NOT NULL violation
    with pytest.raises(sqlite3.IntegrityError):
        ledger.add_document(doc, [*stub_extract(doc), bad])
    assert not ledger.has_document(doc.doc_id)
    assert ledger.stats()["claims"] == 0


def test_replace_claims_swaps_a_documents_claims_in_one_step(ledger):
    doc = make_doc("Air defence shot down 12 drones and 3 drones later.", "https://a.example/4")
    other = make_doc("Elsewhere 7 drones were downed.", "https://a.example/5")
    ledger.add_document(doc, stub_extract(doc), "stub.v1")
    ledger.add_document(other, stub_extract(other), "stub.v1")
    new_claims = stub_extract(doc, extractor="stub.v2")[:1]
    ledger.replace_claims(doc.doc_id, new_claims, "stub.v2")
    assert [r["extractor"] for r in ledger.claims(doc_id=doc.doc_id)] == ["stub.v2"]
    assert len(ledger.claims(doc_id=other.doc_id)) == 1
    assert dict(ledger.document_extractors()) == {doc.doc_id: "stub.v2", other.doc_id: "stub.v1"}


def test_replace_claims_is_rolled_back_entirely_on_failure(ledger):
    doc = make_doc("Shot down 12 drones.", "https://a.example/6")
    ledger.add_document(doc, stub_extract(doc))
    broken = Claim(action="intercepted", weapon="drone", count=None)  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        ledger.replace_claims(doc.doc_id, [*stub_extract(doc, "stub.v2"), broken])
    assert [r["extractor"] for r in ledger.claims()] == ["stub.v1"]


def test_replace_claims_of_an_unknown_document_is_an_error(ledger):
    with pytest.raises(LedgerError, match="no document"):
        ledger.replace_claims("nope", [])


def test_claim_filters_combine(ledger):
    docs = [
        make_doc("Over Kyiv 12 drones were downed.", "https://a.example/k", "2025-03-08"),
        make_doc("Over Kursk Oblast 30 drones were downed.", "https://a.example/r", "2025-03-10"),
    ]
    for doc in docs:
        ledger.add_document(doc, stub_extract(doc))
    assert [r["count"] for r in ledger.claims(since="2025-03-09")] == [30]
    assert [r["count"] for r in ledger.claims(until="2025-03-08")] == [12]
    assert [r["count"] for r in ledger.claims(place="kyiv")] == [12]
    assert [r["count"] for r in ledger.claims(place="RU-KRS")] == [30]
    assert [r["count"] for r in ledger.claims(text="KURSK")] == [30]
    assert [r["count"] for r in ledger.claims(weapon="drone", action="intercepted", side="UA")] == [12, 30]
    assert ledger.claims(weapon="missile") == []
    assert ledger.claims(claimant="air") and ledger.claims(claimant="navy") == []
    assert len(ledger.claims(limit=1)) == 1
    with pytest.raises(LedgerError, match="since must be a date"):
        ledger.claims(since="last week")


def test_hostile_filter_values_are_data_not_sql(ledger):
    doc = make_doc("Shot down 12 drones.", "https://a.example/x")
    ledger.add_document(doc, stub_extract(doc))
    for value in ("'; DROP TABLE claims; --", "%", "_", '" OR 1=1 --'):
        assert ledger.claims(claimant=value) == []
        assert ledger.claims(place=value) == []
    assert ledger.stats()["claims"] == 1


def test_summary_groups_claims_places_and_outlets(ledger):
    doc = make_doc("Over Kyiv 12 drones were downed.", "https://a.example/k", outlet="Fixture Wire")
    ledger.add_document(doc, stub_extract(doc))
    summary = ledger.summary()
    assert summary["claims_by_side_action_weapon"] == [
        {"claimant_side": "UA", "action": "intercepted", "weapon": "drone", "claims": 1, "total": 12}]
    assert summary["top_places"] == [{"place": "Kyiv", "code": "UA-30", "claims": 1}]
    assert summary["documents_by_outlet"] == [{"outlet": "Fixture Wire", "documents": 1, "claims": 1}]


def test_events_written_by_reconciliation_are_read_back_with_claims_and_flags(ledger):
    doc = make_doc("Shot down 12 drones.", "https://a.example/e")
    (claim,) = stub_extract(doc)
    ledger.add_document(doc, [claim])
    with ledger.transaction() as conn:
        conn.execute("INSERT INTO events (event_id, date, attacker_side, weapons, locations, status, corroboration)"
                     " VALUES ('e1', '2025-03-08', 'RU', '[\"drone\"]', '[\"Kyiv\"]', 'conflicting', 2)")
        conn.execute("INSERT INTO event_claims VALUES ('e1', ?)", (claim.claim_id,))
        conn.execute("INSERT INTO flags VALUES ('e1', 'count_mismatch', 'UA says 12, RU says 20', ?)",
                     (f'["{claim.claim_id}"]',))
    (event,) = ledger.events(since="2025-03-01", status="conflicting")
    assert event["weapons"] == ["drone"] and event["claim_ids"] == [claim.claim_id]
    assert event["flags"] == [{"kind": "count_mismatch", "reason": "UA says 12, RU says 20",
                               "claim_ids": [claim.claim_id]}]
    assert ledger.stats()["events"] == 1 and ledger.stats()["flags"] == 1


def test_a_readonly_ledger_cannot_be_written_and_a_missing_one_is_a_clear_error(tmp_path):
    with pytest.raises(LedgerError, match="no ledger here"):
        Ledger.open(tmp_path / "missing.db", readonly=True)
    Ledger.open(tmp_path / "l.db").close()
    with Ledger.open(tmp_path / "l.db", readonly=True) as ro:
        with pytest.raises(sqlite3.OperationalError):
            ro.add_document(make_doc("Shot down 1 drones."), [])


def test_an_sqlite_file_that_is_not_a_ledger_is_refused_when_reading(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(LedgerError, match="not a skyledger ledger"):
        Ledger.open(path, readonly=True)


from hypothesis import given, settings  # noqa: E402 - the property tests below
from hypothesis import strategies as st  # noqa: E402

_texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
_optional = st.none() | _texts


@settings(max_examples=60, deadline=None)
@given(text=_texts, url=_optional, title=_optional, outlet=_optional, count=st.integers(0, 10**6),
       locations=st.lists(_texts, max_size=3), qualifier=st.sampled_from(["exact", "approx", "at_least"]))
def test_any_document_and_claim_round_trip_through_the_ledger(text, url, title, outlet, count, locations, qualifier):
    doc = Document(doc_id=content_hash(text, url), text=text, source="prop", url=url, title=title, outlet=outlet)
    claim = Claim(action="launched", weapon="missile", count=count, count_qualifier=qualifier,
                  locations=tuple(locations), quote=text[:50], extractor="prop.v1")
    with Ledger.open(":memory:") as ledger:
        assert ledger.add_document(doc, [claim])
        assert ledger.document(doc.doc_id) == doc
        assert ledger.claim_objects() == [(doc.doc_id, dataclasses.replace(claim, doc_id=doc.doc_id))]
        assert [r["name"] for r in ledger.conn.execute("SELECT name FROM claim_places ORDER BY ord")] == locations


def test_a_ledger_from_a_newer_version_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "future.db"
    Ledger.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="newer skyledger.*9999_from_the_future"):
        Ledger.open(path)
