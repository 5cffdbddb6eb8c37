"""Scale benchmark: generated documents (about 2 % relevant) through ``skyledger batch``.

    .venv/bin/python bench/scale.py [--docs 1000000] [--shards 8] [--partition-docs 20000]
                                    [--pg postgresql://…] [--json RESULT.json]

Measures, on this machine:

1. documents/s through parse → extract → Parquet on a local Dask cluster with
   1 worker and with 2 workers (each from an empty output folder; the cluster's
   start-up is timed separately), the speed-up, and each worker's peak RSS;
2. the time to load the Parquet output into an empty SQLite ledger and into an
   empty PostgreSQL database (``--pg``, else ``SKYLEDGER_TEST_PG``, else a
   throwaway cluster as the tests start one), and to rebuild events;
3. end to end (2 workers, processing and loading into SQLite by the single
   writer as partitions finish, then reconciliation).

The targets (issue 8): 1 M documents end to end in under 10 minutes on
2 cores, and at least 1.8× from 1 to 2 workers.  Keep to ≤ 2 workers on a
shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pg_url(given: str | None) -> str | None:
    if given:
        return given
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from pg_server import server_dsn
    except ImportError:
        return None
    dsn = server_dsn()
    if dsn is None:
        return None
    import psycopg

    name = f"skyledger_bench_{os.getpid()}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    return dsn.rpartition("/")[0] + f"/{name}"


def _process(inputs: list[str], out: Path, workers: int, partition_docs: int) -> dict[str, object]:
    from skyledger.batch import dask_client, run_batch
    from skyledger.batch.driver import _close_client

    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    client = dask_client(workers=workers)
    client.wait_for_workers(workers)
    startup = time.perf_counter() - started
    try:
        report = run_batch(inputs, out=out, engine="dask", client=client, partition_docs=partition_docs)
    finally:
        _close_client(client)
    seconds = report.seconds["process"] + report.seconds["plan"]
    return {"workers": workers, "cluster_start_s": round(startup, 2), "seconds": round(seconds, 2),
            "plan_s": report.seconds["plan"], "process_s": report.seconds["process"],
            "docs_per_s": round(report.documents / seconds), "documents": report.documents,
            "claims": report.claims, "peak_rss_mb_per_worker": report.worker_peak_rss_mb}


def _load(inputs: list[str], out: Path, db: str, partition_docs: int) -> dict[str, object]:
    from skyledger.batch import run_batch

    report = run_batch(inputs, out=out, db=db, engine="local", partition_docs=partition_docs)
    assert report.processed == 0, "the Parquet output should have been complete"
    return {"load_s": report.seconds["load"], "reconcile_s": report.seconds.get("reconcile"),
            "new": report.new, "events": report.events,
            "docs_per_s": round(report.new / report.seconds["load"]) if report.seconds["load"] else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--partition-docs", type=int, default=10_000)
    parser.add_argument("--relevant", type=float, default=0.02)
    parser.add_argument("--work", default=None, help="Working folder (default: a temporary one, removed after).")
    parser.add_argument("--pg", default=None, help="PostgreSQL URL of an empty database for the load test.")
    parser.add_argument("--skip-end-to-end", action="store_true")
    parser.add_argument("--process-only", action="store_true", help="Only the 1- and 2-worker runs.")
    parser.add_argument("--json", default=None, help="Also write the results here.")
    args = parser.parse_args()

    from skyledger.batch.synthetic import write_shards

    work = Path(args.work or tempfile.mkdtemp(prefix="skyledger-scale-"))
    results: dict[str, object] = {"docs": args.docs, "relevant": args.relevant, "cpus": os.cpu_count(),
                                  "partition_docs": args.partition_docs}
    corpus = work / f"corpus-{args.docs}"
    if not corpus.is_dir():
        started = time.perf_counter()
        write_shards(corpus, args.docs, shards=args.shards, relevant=args.relevant, seed=42)
        results["generate_s"] = round(time.perf_counter() - started, 1)
    inputs = [str(corpus)]
    results["corpus_mb"] = round(sum(p.stat().st_size for p in corpus.iterdir()) / 2**20, 1)

    runs = [_process(inputs, work / f"out-{w}", w, args.partition_docs) for w in (1, 2)]
    results["process"] = runs
    results["speedup_1_to_2"] = round(runs[0]["seconds"] / runs[1]["seconds"], 2)  # type: ignore[operator]
    # the same without the client's serial scan of the inputs for line offsets (plan_s)
    results["speedup_1_to_2_workers_only"] = round(runs[0]["process_s"] / runs[1]["process_s"], 2)  # type: ignore[operator]
    print(json.dumps(results, indent=1), flush=True)
    if args.process_only:
        return

    out = work / "out-2"
    results["load_sqlite"] = _load(inputs, out, str(work / "ledger.db"), args.partition_docs)
    print("sqlite", results["load_sqlite"], flush=True)
    pg = _pg_url(args.pg)
    results["load_postgres"] = _load(inputs, out, pg, args.partition_docs) if pg else "skipped: no server"
    print("postgres", results["load_postgres"], flush=True)

    if not args.skip_end_to_end:
        from skyledger.batch import run_batch

        shutil.rmtree(work / "e2e", ignore_errors=True)
        started = time.perf_counter()
        report = run_batch(inputs, out=work / "e2e", db=str(work / "e2e.db"), engine="dask", workers=2,
                           partition_docs=args.partition_docs)
        results["end_to_end_sqlite_2_workers"] = {"seconds": round(time.perf_counter() - started, 1),
                                                  "phases": report.seconds, "documents": report.documents,
                                                  "claims": report.claims, "events": report.events}
    print(json.dumps(results, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
