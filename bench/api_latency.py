"""API latency on a large ledger: p50/p95 of the main list endpoints over 1 M claims.

Builds a synthetic ledger quickly (``executemany`` straight into the
documented tables: documents, claims, claim_places, places, events,
event_claims, event_details, flags), starts the app with uvicorn in a
separate process on 127.0.0.1 and times bounded loops of requests with one
httpx client (sequential, keep-alive), after a few warm-up requests.

    .venv/bin/python bench/api_latency.py                       # 1,000,000 claims in /tmp
    .venv/bin/python bench/api_latency.py --claims 100000 --requests 50
    .venv/bin/python bench/api_latency.py --db /tmp/big.db --reuse  # time an existing bench ledger again

Figures are claimed-style but random: 10 claims per document, one event per
document, 5 % of events flagged, dates spread over 1,000 days.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from skyledger.api.testing import free_port
from skyledger.store import Ledger
from skyledger.store.events import ensure_tables

CLAIMS_PER_DOC = 10
PLACES = [  # (place_id, name, code, country, lat, lon)
    ("admin1:UA-63", "Kharkiv Oblast", "UA-63", "UA", 49.99, 36.23), ("admin1:UA-30", "Kyiv", "UA-30", "UA", 50.45, 30.52),
    ("admin1:UA-51", "Odesa Oblast", "UA-51", "UA", 46.48, 30.72), ("admin1:UA-12", "Dnipropetrovsk Oblast", "UA-12",
                                                                     "UA", 48.46, 35.04),
    ("admin1:UA-59", "Sumy Oblast", "UA-59", "UA", 50.91, 34.8), ("admin1:UA-46", "Lviv Oblast", "UA-46", "UA", 49.84, 24.03),
    ("admin1:UA-53", "Poltava Oblast", "UA-53", "UA", 49.59, 34.55), ("admin1:UA-48", "Mykolaiv Oblast", "UA-48",
                                                                       "UA", 46.97, 31.99),
    ("admin1:RU-BEL", "Belgorod Oblast", "RU-BEL", "RU", 50.6, 36.58), ("admin1:RU-KRS", "Kursk Oblast", "RU-KRS",
                                                                         "RU", 51.73, 36.19),
    ("admin1:RU-BRY", "Bryansk Oblast", "RU-BRY", "RU", 53.27, 34.32), ("admin1:RU-MOS", "Moscow Oblast", "RU-MOS",
                                                                         "RU", 55.75, 37.62),
    ("admin1:RU-ROS", "Rostov Oblast", "RU-ROS", "RU", 47.23, 39.7), ("admin1:RU-KDA", "Krasnodar Krai", "RU-KDA",
                                                                       "RU", 45.04, 38.98),
]
WEAPONS = ("drone", "drone", "drone", "missile", "missile", "guided_bomb", "rocket")
ACTIONS = ("launched", "intercepted", "intercepted", "lost", "impacted")
CLAIMANTS = (("Ukrainian Air Force", "UA", "RU"), ("Russian Ministry of Defence", "RU", "UA"), (None, None, "RU"))
WORDS = ("shahed", "kalibr", "iskander", "overnight", "region", "defence", "air", "force", "said", "launched")


def _id(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=10).hexdigest()


def build(path: Path, n_claims: int, seed: int = 42) -> None:
    """Write a ledger of ``n_claims`` claims (and n_claims / 10 documents and events) at ``path``."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    ledger = Ledger.open(path)
    conn = ledger.conn
    ensure_tables(conn)
    conn.execute("PRAGMA synchronous = OFF")
    start = date(2023, 1, 1)
    n_docs = max(1, n_claims // CLAIMS_PER_DOC)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO places (place_id, name, kind, code, country, parent, lat, lon) VALUES (?,?,?,?,?,?,?,?)",
                     [(pid, name, "admin1", code, cc, None, lat, lon) for pid, name, code, cc, lat, lon in PLACES])
    t0 = time.perf_counter()
    for first in range(0, n_docs, 5000):
        docs, claims, cplaces, events, members, details, flags = [], [], [], [], [], [], []
        for i in range(first, min(first + 5000, n_docs)):
            day = (start + timedelta(days=rng.randrange(1000))).isoformat()
            doc_id = _id("doc", i)
            claimant, side, attacker = rng.choice(CLAIMANTS)
            place = rng.choice(PLACES)
            extra = " ".join(rng.choice(WORDS) for _ in range(12))
            sentences, figures, ids = [], [], []
            for k in range(CLAIMS_PER_DOC):
                weapon, action, count = rng.choice(WEAPONS), rng.choice(ACTIONS), rng.randint(1, 800)
                sentence = f"Air defence reported {count} {weapon}s {action} over {place[1]} ({extra})."
                offset = sum(len(s) + 1 for s in sentences)
                sentences.append(sentence)
                claim_id = _id("claim", i, k)
                ids.append(claim_id)
                span = (offset + 21, offset + 21 + len(f"{count} {weapon}s"))
                claims.append((claim_id, doc_id, 0, claimant, side, action, weapon, None, attacker, count, "exact",
                               json.dumps([place[1]]), json.dumps([place[0]]), day, None, None, "[]", span[0], span[1],
                               offset, offset + len(sentence), sentence, "en", "bench.v1"))
                cplaces.append((claim_id, 0, place[0], place[1]))
                figures.append({"claim_id": claim_id, "claimant": claimant, "claimant_side": side, "action": action,
                                "weapon": weapon, "weapon_model": None, "count": count, "count_qualifier": "exact",
                                "locations": [place[1]], "doc_id": doc_id, "claim_ids": [claim_id], "sources": 1,
                                "current": True})
            docs.append((i + 1, doc_id, f"bench/{i}.txt", f"https://bench.example.org/{i}", f"Outlet {i % 40}",
                         f"{day}T0{rng.randrange(10)}:00:00+00:00", "en", f"Overnight attack {i}", " ".join(sentences),
                         "bench.v1", "2026-01-01T00:00:00+00:00"))
            event_id = "ev_" + _id("event", i)
            events.append((event_id, day, attacker, json.dumps(sorted({f["weapon"] for f in figures})),
                           json.dumps([place[1]]), None, "single_source", 1))
            members += [(event_id, cid) for cid in ids]
            details.append((event_id, day, json.dumps(figures[:6])))
            if rng.random() < 0.05:
                flags.append((event_id, "intercepted_exceeds_launched", "bench flag", json.dumps(ids[:2])))
        conn.executemany("INSERT INTO documents (id, doc_id, source, url, outlet, published, lang, title, text,"
                         " extractor, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", docs)
        conn.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 24)})", claims)
        conn.executemany("INSERT INTO claim_places (claim_id, ord, place_id, name) VALUES (?,?,?,?)", cplaces)
        conn.executemany("INSERT INTO events (event_id, date, attacker_side, weapons, locations, parent_id, status,"
                         " corroboration) VALUES (?,?,?,?,?,?,?,?)", events)
        conn.executemany("INSERT INTO event_claims (event_id, claim_id) VALUES (?,?)", members)
        conn.executemany("INSERT INTO event_details (event_id, partition, figures) VALUES (?,?,?)", details)
        conn.executemany("INSERT INTO flags (event_id, kind, reason, claim_ids) VALUES (?,?,?,?)", flags)
        print(f"\r  {min(first + 5000, n_docs) * CLAIMS_PER_DOC:,} claims written", end="", file=sys.stderr, flush=True)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    print(f"\n  built in {time.perf_counter() - t0:.0f} s, {path.stat().st_size / 1e6:.0f} MB", file=sys.stderr)


def cases(client: httpx.Client) -> dict[str, str]:
    """The requests timed: the main list endpoints, plain and filtered, and deep pages through cursors."""
    deep = "/api/claims?limit=50"
    for _ in range(20):  # a cursor 20 pages in
        deep = "/api/claims?limit=50&cursor=" + client.get(deep).json()["next"]
    deep_events = "/api/events?limit=50"
    for _ in range(20):
        deep_events = "/api/events?limit=50&cursor=" + client.get(deep_events).json()["next"]
    return {
        "claims": "/api/claims",
        "claims, 20 pages in": deep,
        "claims ?weapon=missile&action=intercepted": "/api/claims?weapon=missile&action=intercepted",
        "claims ?side=UA&since&until (one month)": "/api/claims?side=UA&since=2024-06-01&until=2024-06-30",
        "claims ?place=UA-63": "/api/claims?place=UA-63",
        "claims ?weapon=aircraft (none stored)": "/api/claims?weapon=aircraft",
        "claims ?q=shahed (full text)": "/api/claims?q=shahed",
        "claims ?limit=500": "/api/claims?limit=500",
        "events": "/api/events",
        "events, 20 pages in": deep_events,
        "events ?weapon=drone": "/api/events?weapon=drone",
        "events ?weapon=guided_bomb&flagged": "/api/events?weapon=guided_bomb&flagged=true",
        "events ?weapon=aircraft (none stored)": "/api/events?weapon=aircraft",
        "documents": "/api/documents",
        "documents ?outlet=Outlet 7": "/api/documents?outlet=Outlet%207",
        "places": "/api/places",
    }


def measure(base: str, requests: int) -> list[tuple[str, float, float, float]]:
    results = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in cases(client).items():
            for _ in range(5):
                client.get(url).raise_for_status()
            times = []
            for _ in range(requests):
                t = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200 and response.json()["ok"], url
            times.sort()
            results.append((name, statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], times[-1]))
    return results


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn, sys; from skyledger.api import create_app;"
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/places?limit=1", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/skyledger-bench-api.db"))
    parser.add_argument("--reuse", action="store_true", help="time the ledger at --db as it is")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per endpoint")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        print(f"Building a ledger of {args.claims:,} claims at {args.db}", file=sys.stderr)
        build(args.db, args.claims)
    port = free_port()
    proc = serve(args.db, port)
    try:
        results = measure(f"http://127.0.0.1:{port}", args.requests)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with Ledger.open(args.db, readonly=True) as ledger:
        claims = ledger.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    print(f"\n{claims:,} claims; {args.requests} sequential requests per endpoint over HTTP (uvicorn, 1 process)\n")
    print(f"{'endpoint':45} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, p50, p95, worst in results:
        print(f"{name:45} {p50:8.1f} {p95:8.1f} {worst:8.1f}")


if __name__ == "__main__":
    main()
