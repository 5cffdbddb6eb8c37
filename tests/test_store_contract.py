"""One contract, two backends: the SQLite ``Ledger`` and ``PostgresLedger`` behave the same.

Every test takes ``store_url`` (a fresh SQLite file, or a fresh PostgreSQL
database, skipped when no server is available) and opens it with
``skyledger.store.factory.open_store``.
"""

from __future__ import annotations

import threading

import pytest
from pg_server import pg_url  # noqa: F401 - fixture

from skyledger.models import Claim, Document, Item
from skyledger.store import LedgerError
from skyledger.store.factory import open_store
from skyledger.store.migrations import MIGRATIONS


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "contract.db")
    return request.getfixturevalue("pg_url")


def _doc(n: int, text: str | None = None, **kw) -> Document:
    return Document(doc_id=f"doc{n:04d}", text=text or f"Air defences shot down {n} drones over Kursk.",
                    source=f"feed.jsonl#line={n}", url=f"https://example.org/{n}", outlet=kw.pop("outlet", "Wire"),
                    published=kw.pop("published", f"2025-03-{n % 28 + 1:02d}"), lang=kw.pop("lang", "en"),
                    title=kw.pop("title", f"Report {n}"), **kw)


def _claim(doc: Document, **kw) -> Claim:
    base = dict(action="intercepted", weapon="drone", count=12, claimant="Ukrainian Air Force", claimant_side="UA",
                attacker_side="RU", locations=("Kursk Oblast",), place_ids=("admin1:RU-KRS",),
                date=doc.published[:10] if doc.published else None, start=0, end=10, sentence_start=0,
                sentence_end=len(doc.text), quote=doc.text, lang="en", extractor="test.v1", doc_id=doc.doc_id)
    base.update(kw)
    return Claim(**base)


def test_store_migrations_recorded_by_name(store_url):
    with open_store(store_url) as ledger:
        assert ledger.schema_version == MIGRATIONS[-1][0]
        names = [r[0] for r in ledger.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [name for name, _ in MIGRATIONS]
    with open_store(store_url) as ledger:  # reopening applies nothing twice
        assert [r[0] for r in ledger.conn.execute("SELECT name FROM _migrations")] == names


def test_store_adds_and_skips_duplicate_documents(store_url):
    with open_store(store_url) as ledger:
        a, b = _doc(1), _doc(2)
        assert ledger.add_document(a, [_claim(a)]) is True
        assert ledger.add_documents([(a, [_claim(a)]), (b, [_claim(b, count=3)]), (b, [])]) == [False, True, False]
        assert ledger.has_document("doc0002") and not ledger.has_document("nope")
        stats = ledger.stats()
        assert (stats["documents"], stats["claims"]) == (2, 2)


def test_store_claims_round_trip(store_url):
    doc = _doc(3, items=(Item(0, 0, 20, "first", "2025-03-04T05:00:00+00:00"),))
    claim = _claim(doc, weapon_model="Shahed-136", count_qualifier="at_least", launch_places=("Kursk Oblast",),
                   time_start="2025-03-04 01:00", time_end="2025-03-04 05:00", quote="Кур'єр «тест» — 12")
    with open_store(store_url) as ledger:
        ledger.add_document(doc, [claim])
        [(doc_id, stored)] = ledger.claim_objects()
        assert doc_id == doc.doc_id and stored == claim and stored.claim_id == claim.claim_id
        assert ledger.document(doc.doc_id) == doc
        [row] = ledger.claims()
        assert row["locations"] == ["Kursk Oblast"] and row["start"] == 0 and row["url"] == doc.url


def _filled(ledger) -> None:
    docs = [_doc(n, outlet="Kyiv Ledger" if n % 2 else "Меридиан", lang="en" if n % 2 else "ru") for n in range(1, 9)]
    ledger.add_documents([
        (d, [_claim(d, count=n, weapon="drone" if n % 3 else "missile", action="launched" if n % 2 else "intercepted",
                    claimant="Міністерство оборони" if n == 4 else "Ukrainian Air Force",
                    claimant_side="RU" if n == 4 else "UA",
                    locations=("Kharkiv Oblast",) if n == 5 else ("Kursk Oblast",),
                    place_ids=("admin1:UA-63",) if n == 5 else ("admin1:RU-KRS",))])
        for n, d in enumerate(docs, start=1)])


def test_store_claim_filters_agree(store_url):
    with open_store(store_url) as ledger:
        _filled(ledger)
        assert len(ledger.claims()) == 8
        assert [c["count"] for c in ledger.claims(weapon="MISSILE")] == [3, 6]
        assert len(ledger.claims(action="launched")) == 4
        assert [c["count"] for c in ledger.claims(side="ru")] == [4]
        assert [c["count"] for c in ledger.claims(claimant="міністерство")] == [4]  # case-insensitive, Cyrillic
        assert [c["count"] for c in ledger.claims(place="UA-63")] == [5]
        assert [c["count"] for c in ledger.claims(place="kharkiv")] == [5]
        assert [c["date"] for c in ledger.claims(since="2025-03-04", until="2025-03-05")] == ["2025-03-04", "2025-03-05"]
        assert len(ledger.claims(text="KURSK", limit=3)) == 3
        assert [d["doc_id"] for d in ledger.documents(outlet="меридиан")] == ["doc0002", "doc0004", "doc0006", "doc0008"]
        with pytest.raises(LedgerError):
            ledger.claims(since="yesterday")


def test_store_stats_and_summary(store_url):
    with open_store(store_url) as ledger:
        _filled(ledger)
        stats = ledger.stats()
        assert stats["claims_by_weapon"] == {"drone": 6, "missile": 2}
        assert stats["documents_by_lang"] == {"en": 4, "ru": 4}
        summary = ledger.summary()
        assert summary["claims_by_side_action_weapon"][0] == {
            "claimant_side": "RU", "action": "intercepted", "weapon": "drone", "claims": 1, "total": 4}
        assert summary["documents_by_outlet"][0]["documents"] == 4


def test_store_search_is_safe_and_finds_words(store_url):
    with open_store(store_url) as ledger:
        a = _doc(1, text="Air defences shot down 40 drones over Belgorod overnight.", title="Belgorod raid")
        b = _doc(2, text="The harvest was good this year.", title="Farm news")
        ledger.add_documents([(a, []), (b, [])])
        assert [h["doc_id"] for h in ledger.search('"shot down"')] == ["doc0001"]
        assert [h["doc_id"] for h in ledger.search("belgor*")] == ["doc0001"]
        assert [h["doc_id"] for h in ledger.search("harvest")] == ["doc0002"]
        assert "[shot]" in ledger.search("shot")[0]["snippet"]
        for hostile in ('"', "AND OR NOT", "a) OR (b", "*", "NEAR(", "'; DROP TABLE documents; --", "x" * 2000):
            assert isinstance(ledger.search(hostile), list)
        assert ledger.stats()["documents"] == 2


def test_store_replace_claims_is_atomic(store_url):
    with open_store(store_url) as ledger:
        doc = _doc(1)
        ledger.add_document(doc, [_claim(doc, count=1), _claim(doc, count=2, start=20, end=25)])
        ledger.replace_claims(doc.doc_id, [_claim(doc, count=9, extractor="test.v2")], "test.v2")
        assert [c["count"] for c in ledger.claims()] == [9]
        bad = _claim(doc, count=10, extractor="test.v3")
        with pytest.raises(Exception):
            ledger.replace_claims(doc.doc_id, [bad, Claim(action=None, weapon="drone", count=1)], "test.v3")  # type: ignore[arg-type]
        assert [c["count"] for c in ledger.claims()] == [9]  # the failed swap left the old claims
        assert list(ledger.document_extractors()) == [(doc.doc_id, "test.v2")]
        with pytest.raises(LedgerError):
            ledger.replace_claims("missing", [])


def test_store_runs_are_recorded(store_url):
    with open_store(store_url) as ledger:
        first = ledger.start_run(["a.jsonl"], "test.v1")
        second = ledger.start_run(["b.jsonl"], "test.v1")  # the first was left running: interrupted
        ledger.finish_run(second, new=1, skipped=0, errors=[])
        runs = {r["run_id"]: r["status"] for r in ledger.runs()}
        assert runs == {first: "interrupted", second: "finished"}


def test_store_readonly_open_of_missing_ledger_fails_cleanly(store_url):
    with pytest.raises(LedgerError):
        open_store(store_url, readonly=True)


def test_store_single_writer_transactions_do_not_interleave(store_url):
    """Two writers storing overlapping batches at once: every document once, no error."""
    docs = [_doc(n) for n in range(1, 41)]
    with open_store(store_url):
        pass
    errors: list[BaseException] = []

    def write(part):
        try:
            with open_store(store_url) as ledger:
                for k in range(0, len(part), 5):
                    ledger.add_documents([(d, [_claim(d)]) for d in part[k:k + 5]])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(docs[i:i + 30],)) for i in (0, 10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(store_url) as ledger:
        assert (ledger.stats()["documents"], ledger.stats()["claims"]) == (40, 40)


def test_store_backends_agree_on_the_sample_corpus(tmp_path, pg_url):
    from skyledger import pipeline
    from skyledger.ingest.samples import sample_corpus
    from skyledger.store.events import register_hook

    register_hook()
    results = []
    for url in (str(tmp_path / "s.db"), pg_url):
        with open_store(url) as ledger:
            pipeline.ingest([str(sample_corpus())], ledger)
            stats = ledger.stats()
            results.append((ledger.claims(), ledger.events(), stats, ledger.claims(place="Kharkiv"),
                            [h["doc_id"] for h in ledger.search("drones", limit=500)]))
    (claims_a, events_a, stats_a, kh_a, hits_a), (claims_b, events_b, stats_b, kh_b, hits_b) = results
    assert claims_a == claims_b and events_a == events_b and stats_a == stats_b and kh_a == kh_b
    assert sorted(hits_a) == sorted(hits_b)  # ranking differs (bm25 vs ts_rank), the matches do not
