"""Incremental reconciliation: time to re-reconcile after adding one document to a large ledger.

Generates a ledger of N claims (default 100,000) spread over about three years
of nights: each night Ukrainian Air Force reports relayed by several outlets,
Russian Ministry of Defence totals with regional breakdowns, governors'
figures, and a few undated reposts.  Builds every event once (full rebuild,
timed), then adds one new document to a mid-range night and times
``skyledger.store.events.update_for_document`` (the ``on_document_added``
hook), which re-reconciles only the partitions that document touches.

    .venv/bin/python bench/reconcile_incremental.py               # 100k claims
    .venv/bin/python bench/reconcile_incremental.py --claims 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from skyledger.models import Claim, Document
from skyledger.reconcile import default_place_index
from skyledger.store import Ledger
from skyledger.store.events import rebuild_events, update_for_document

OUTLETS = ("Kyiv Desk", "Danube Wire", "Black Sea Post", "Volga Herald", "Oskol Daily", "Seym News", "Lake Gazette")
RU_REGIONS = ("Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Voronezh Oblast", "Rostov Oblast")
UA_REGIONS = ("Kyiv Oblast", "Kharkiv Oblast", "Odesa Oblast", "Sumy Oblast", "Dnipropetrovsk Oblast")
START = date(2022, 3, 1)


_SERIAL = iter(range(10**9))


def _claim(rng: random.Random, n: int, **fields) -> Claim:
    n = next(_SERIAL)  # distinct offsets: relayed copies are distinct claims
    quote = (f"{fields.get('claimant')} said {fields['count']} {fields['weapon']}s were {fields['action']} over "
             f"{', '.join(fields.get('locations', ())) or 'the country'} ({rng.random():.6f}).")
    return Claim(start=n * 200, end=n * 200 + 20, sentence_start=n * 200, sentence_end=n * 200 + 150, quote=quote,
                 extractor="bench", **fields)


def night_documents(day: date, rng: random.Random, serial: int, relays: int = 3) -> list[tuple[Document, list[Claim]]]:
    """A night's reports: the Air Force report relayed ``relays`` times, two ministry reports with
    breakdowns, governors' figures and sometimes an undated repost (about 22 claims at 3 relays)."""
    d = day.isoformat()
    docs: list[tuple[Document, list[Claim]]] = []
    launched = rng.randint(20, 200)
    down = rng.randint(10, launched)
    missiles = rng.randint(0, 8)
    af = dict(claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU", weapon="drone", date=d)
    for k in range(relays):  # the Air Force report, relayed
        claims = [_claim(rng, 0, action="launched", count=launched, **af),
                  _claim(rng, 1, action="intercepted", count=down, **af),
                  _claim(rng, 2, action="launched", count=missiles, **{**af, "weapon": "missile"})]
        docs.append((_doc(serial, k, d, claims), claims))
    regions = rng.sample(RU_REGIONS, 3)
    parts = [rng.randint(1, 30) for _ in regions]
    mod = dict(claimant="Russian Defence Ministry", claimant_side="RU", attacker_side="UA", weapon="drone",
               action="intercepted", date=d)
    for k in range(relays, relays + 2):
        claims = [_claim(rng, 0, count=sum(parts), locations=tuple(regions), **mod)]
        claims += [_claim(rng, i + 1, count=n, locations=(r,), **mod) for i, (n, r) in enumerate(zip(parts, regions))]
        docs.append((_doc(serial, k, d, claims), claims))
    gov = dict(claimant_side="UA", attacker_side="RU", weapon="drone", action="intercepted", date=d)
    governors = [_claim(rng, i, claimant=f"Governor of {r}", count=rng.randint(1, down // 4), locations=(r,), **gov)
                 for i, r in enumerate(rng.sample(UA_REGIONS, 4))]
    docs.append((_doc(serial, relays + 2, d, governors), governors))
    undated = [_claim(rng, 0, **{**mod, "date": None, "count": sum(parts)})] if rng.random() < 0.2 else []
    reposts = undated + [
        _claim(rng, 1, claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU", weapon="guided_bomb",
               action="launched", count=rng.randint(5, 60), locations=(rng.choice(UA_REGIONS),), date=d)]
    docs.append((_doc(serial, relays + 3, None, reposts), reposts))
    return docs


def _doc(serial: int, k: int, published: str | None, claims: list[Claim]) -> Document:
    outlet = OUTLETS[(serial + k) % len(OUTLETS)]
    text = f"{outlet}, report {serial}-{k}, {published or 'undated'}. " + " ".join(c.quote for c in claims)
    return Document(doc_id=f"bench-{serial:06d}-{k}", text=text, source=f"bench:{serial}:{k}", outlet=outlet,
                    published=published)


def build(path: Path, n_claims: int, seed: int, relays: int = 3) -> tuple[Ledger, int]:
    rng = random.Random(seed)
    ledger = Ledger.open(path)
    total = serial = 0
    batch: list[tuple[Document, list[Claim]]] = []
    while total < n_claims:
        for doc, claims in night_documents(START + timedelta(days=serial), rng, serial, relays):
            batch.append((doc, claims))
            total += len(claims)
        serial += 1
        if len(batch) >= 1000:
            ledger.add_documents(batch)
            batch = []
    if batch:
        ledger.add_documents(batch)
    return ledger, serial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="New documents added (one at a time, each timed).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--relays", type=int, default=3, help="Outlets relaying each night's Air Force report.")
    args = parser.parse_args()

    index = default_place_index()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ledger, nights = build(Path(tmp) / "bench.db", args.claims, args.seed, args.relays)
        t_build = time.perf_counter() - t0
        claims = ledger.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        t0 = time.perf_counter()
        events = rebuild_events(ledger, index)
        t_full = time.perf_counter() - t0
        rng = random.Random(args.seed + 1)
        timings = []
        for k in range(args.repeat):
            day = START + timedelta(days=rng.randrange(nights))
            doc, new_claims = night_documents(day, rng, 900_000 + k, args.relays)[args.relays]  # one more ministry report, with breakdown
            ledger.add_document(doc, new_claims)
            t0 = time.perf_counter()
            touched = update_for_document(ledger, doc.doc_id, index)
            timings.append(time.perf_counter() - t0)
        flags = ledger.conn.execute("SELECT count(*) FROM flags").fetchone()[0]
        kinds = dict(ledger.conn.execute("SELECT kind, count(*) FROM flags GROUP BY kind ORDER BY kind").fetchall())
        ledger.close()
    print(f"ledger: {claims} claims over {nights} nights (generated and stored in {t_build:.1f} s)")
    print(f"full rebuild: {events} events, {flags} flags in {t_full:.1f} s ({kinds})")
    print(f"incremental, one new document ({len(new_claims)} claims): "
          f"median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
          f"over {len(timings)} documents; last touched {len(touched)} events")


if __name__ == "__main__":
    main()
