"""The batch driver: partitions → workers (Dask, or in-process) → Parquet → one writer → ledger → events.

Workers run ``process_partition`` (read, parse, extract, write that
partition's Parquet) and return a summary; they never open the ledger.  The
client is the single writer: for each finished partition it writes
``OUT/_done/<key>.json`` (after the worker's Parquet files were renamed into
place), then loads partitions into the ledger in plan order, recording
``OUT/_loaded/<ledger>/<key>.json`` after each load commits.  Loads are
idempotent (documents keyed by ``doc_id``, claims by ``claim_id``), so a batch
killed at any moment and run again skips finished partitions, loads what was
not loaded, and ends with the ledger an uninterrupted run would have built.
Finally events are rebuilt, reconciliation being partitioned by date.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skyledger.batch.plan import DEFAULT_PARTITION_DOCS, Partition, plan
from skyledger.batch.work import load_partition_records, partition_files, process_partition
from skyledger.extract import extract_document
from skyledger.ingest import DEFAULT_LIMITS, IngestError, Limits
from skyledger.pipeline import BATCH_SIZE, Extractor, extractor_name

log = logging.getLogger(__name__)

ENGINES = ("dask", "local")
LOAD_CACHE_KB = 256 * 1024  # SQLite page cache of the loading connection
Progress = Callable[[str, int], None]  # ("processed" | "loaded", partitions so far)


class BatchError(Exception):
    """A batch that cannot run (no Dask installed, scheduler unreachable, bad output directory)."""


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What one batch did; ``resumed`` partitions were finished by an earlier run and not redone."""

    partitions: int = 0
    processed: int = 0
    resumed: int = 0
    loaded: int = 0
    documents: int = 0
    claims: int = 0
    new: int = 0
    skipped: int = 0
    events: int | None = None
    failed: tuple[IngestError, ...] = ()
    failed_partitions: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    run_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"partitions": self.partitions, "processed": self.processed, "resumed": self.resumed,
                "loaded": self.loaded, "documents": self.documents, "claims": self.claims, "new": self.new,
                "skipped": self.skipped, "events": self.events, "failed": len(self.failed),
                "failures": [e.to_dict() for e in self.failed], "failed_partitions": list(self.failed_partitions),
                "seconds": self.seconds, "worker_peak_rss_mb": self.worker_peak_rss_mb, "run_id": self.run_id}


# -- the manifest ---------------------------------------------------------------------

def _write_json(path: Path, data: Any) -> None:
    """Durably: a temporary file, fsynced, renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def ledger_key(db: str) -> str:
    """A directory name for one ledger's load markers (a path made absolute, a URL without its password)."""
    from skyledger.store.factory import is_postgres, sqlite_path

    ident = db if is_postgres(db) else str(Path(sqlite_path(db)).resolve())
    if is_postgres(db):
        from skyledger.store.postgres import _redact

        ident = _redact(db)
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


class Manifest:
    """``OUT/_done/<key>.json`` per processed partition, ``OUT/_loaded/<ledger>/<key>.json`` per load."""

    def __init__(self, out: Path, db: str | None) -> None:
        self.out = out
        self.done_dir = out / "_done"
        self.loaded_dir = out / "_loaded" / ledger_key(db) if db else None

    def done(self, part: Partition) -> dict[str, Any] | None:
        marker = self.done_dir / f"{part.key}.json"
        if not marker.is_file() or not all(p.is_file() for p in partition_files(self.out, part.key)):
            return None
        try:
            return dict(json.loads(marker.read_text(encoding="utf-8")))
        except (OSError, ValueError):  # a damaged marker: redo the partition
            return None

    def mark_done(self, part: Partition, summary: dict[str, Any]) -> None:
        _write_json(self.done_dir / f"{part.key}.json", {**summary, "partition": part.to_dict()})

    def loaded(self, part: Partition) -> bool:
        return self.loaded_dir is not None and (self.loaded_dir / f"{part.key}.json").is_file()

    def mark_loaded(self, part: Partition, new: int, skipped: int) -> None:
        if self.loaded_dir is not None:
            _write_json(self.loaded_dir / f"{part.key}.json", {"new": new, "skipped": skipped})


# -- engines ---------------------------------------------------------------------------

def _run_local(todo: Sequence[Partition], out: str, extractor: Extractor,
               limits: Limits) -> Iterator[tuple[Partition, dict[str, Any] | BaseException]]:
    for part in todo:
        try:
            yield part, process_partition(part, out, extractor, limits)
        except Exception as exc:  # noqa: BLE001 - one partition's failure is reported; the rest still run
            yield part, exc


def dask_client(scheduler: str | None = None, workers: int = 2) -> Any:
    """A distributed Client: to ``scheduler``, else to a new local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("--engine dask needs Dask: pip install 'skyledger[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    client._skyledger_owns_cluster = cluster  # closed with the client
    return client


def _close_client(client: Any) -> None:
    cluster = getattr(client, "_skyledger_owns_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _run_dask(client: Any, todo: Sequence[Partition], out: str, extractor: Extractor,
              limits: Limits) -> Iterator[tuple[Partition, dict[str, Any] | BaseException]]:
    from distributed import as_completed

    by_key: dict[str, Partition] = {}
    futures = []
    for part in todo:
        future = client.submit(process_partition, part, out, extractor, limits, key=f"skyledger-partition-{part.key}",
                               pure=False)
        by_key[future.key] = part
        futures.append(future)
    for future in as_completed(futures):
        part = by_key[future.key]
        try:
            yield part, future.result()
        except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated deaths: rerun resumes it
            yield part, exc
        future.release()


# -- the driver --------------------------------------------------------------------------

def run_batch(inputs: Sequence[str], *, out: str | Path, db: str | None = None, engine: str = "dask",
              scheduler: str | None = None, workers: int = 2, client: Any = None,
              partition_docs: int = DEFAULT_PARTITION_DOCS, extractor: Extractor = extract_document,
              limits: Limits = DEFAULT_LIMITS, reconcile: bool = True,
              progress: Progress | None = None) -> BatchReport:
    """Process ``inputs`` into Parquet under ``out`` and, with ``db``, load them into that ledger.

    ``engine`` is ``dask`` (a ``client`` given, else one to ``scheduler``, else a
    local cluster of ``workers`` processes) or ``local`` (in this process).
    Partitions finished by an earlier run into the same ``out`` are not redone.
    """
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    out_dir = Path(out).expanduser()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{out_dir}: {exc.strerror or exc}") from None
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    partitions, plan_errors = plan(inputs, partition_docs)
    _write_json(out_dir / "_plan.json", {"inputs": list(inputs), "partition_docs": partition_docs,
                                         "partitions": [p.to_dict() for p in partitions]})
    timings["plan"] = time.perf_counter() - t0
    manifest = Manifest(out_dir, db)
    summaries: dict[str, dict[str, Any]] = {}
    for part in partitions:
        if (summary := manifest.done(part)) is not None:
            summaries[part.key] = summary
    resumed = len(summaries)
    todo = [p for p in partitions if p.key not in summaries]

    ledger = None
    run_id = None
    name = extractor_name(extractor)
    if db is not None:
        from skyledger.store.factory import open_store

        ledger = open_store(db)
        _tune_for_loading(ledger)
        run_id = ledger.start_run(list(inputs), name)
    loader = _Loader(partitions, manifest, ledger, name, progress)
    failed_partitions: list[str] = []
    processed = 0
    own_client = None
    try:
        t1 = time.perf_counter()
        loader.advance(summaries)
        if todo:
            if engine == "local":
                results = _run_local(todo, str(out_dir), extractor, limits)
            else:
                if client is None:
                    client = own_client = dask_client(scheduler, workers)
                results = _run_dask(client, todo, str(out_dir), extractor, limits)
            for part, result in results:
                if isinstance(result, BaseException):
                    log.warning("partition %s failed: %s", part.key, result)
                    failed_partitions.append(part.key)
                    continue
                manifest.mark_done(part, result)
                summaries[part.key] = result
                processed += 1
                if progress:
                    progress("processed", resumed + processed)
                loader.advance(summaries)
        timings["process"] = time.perf_counter() - t1 - loader.seconds
        timings["load"] = loader.seconds
        errors = [*plan_errors, *(IngestError(e["source"], e["reason"], e.get("locator"))
                                  for p in partitions if p.key in summaries for e in summaries[p.key]["errors"])]
        events = None
        if ledger is not None:
            ledger.finish_run(run_id, new=loader.new, skipped=loader.skipped, errors=errors)  # type: ignore[arg-type]
            if reconcile and not failed_partitions:
                t2 = time.perf_counter()
                events = reconcile_ledger(ledger)
                timings["reconcile"] = time.perf_counter() - t2
    finally:
        if own_client is not None:
            _close_client(own_client)
        if ledger is not None:
            ledger.close()
    timings["total"] = time.perf_counter() - t0
    peaks: dict[str, float] = {}
    for key in summaries:
        summary = summaries[key]
        if key in {p.key for p in todo} and "pid" in summary:
            pid = str(summary["pid"])
            peaks[pid] = max(peaks.get(pid, 0.0), summary.get("max_rss_kb", 0) / 1024)
    return BatchReport(
        partitions=len(partitions), processed=processed, resumed=resumed, loaded=loader.loaded,
        documents=sum(s["documents"] for s in summaries.values()), claims=sum(s["claims"] for s in summaries.values()),
        new=loader.new, skipped=loader.skipped, events=events, failed=tuple(errors),
        failed_partitions=tuple(failed_partitions), seconds={k: round(v, 3) for k, v in timings.items()},
        worker_peak_rss_mb={k: round(v, 1) for k, v in peaks.items()}, run_id=run_id,
    )


def _tune_for_loading(ledger: Any) -> None:
    """A bigger page cache for this connection (SQLite's default 2 MB thrashes on the random doc_id index)."""
    import sqlite3

    if isinstance(ledger.conn, sqlite3.Connection):
        ledger.conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KB}")


def reconcile_ledger(ledger: Any) -> int | None:
    """Rebuild the ledger's events; reconciliation runs per date partition (``skyledger.store.events``)."""
    try:
        from skyledger.store.events import rebuild_events
    except ImportError:  # reconciliation not installed in this build
        return None
    return int(rebuild_events(ledger))


class _Loader:
    """The single writer: loads finished partitions into the ledger strictly in plan order."""

    def __init__(self, partitions: Sequence[Partition], manifest: Manifest, ledger: Any, extractor: str,
                 progress: Progress | None) -> None:
        self.partitions = partitions
        self.manifest = manifest
        self.ledger = ledger
        self.extractor = extractor
        self.progress = progress
        self.next = 0
        self.new = self.skipped = self.loaded = 0
        self.seconds = 0.0

    def advance(self, finished: dict[str, dict[str, Any]]) -> None:
        if self.ledger is None:
            return
        while self.next < len(self.partitions) and self.partitions[self.next].key in finished:
            part = self.partitions[self.next]
            if not self.manifest.loaded(part):
                started = time.perf_counter()
                self._load(part)
                self.seconds += time.perf_counter() - started
                self.loaded += 1
                if self.progress:
                    self.progress("loaded", self.loaded)
            self.next += 1

    def _load(self, part: Partition) -> None:
        pairs = load_partition_records(self.manifest.out, part.key)
        new = skipped = 0
        for start in range(0, len(pairs), BATCH_SIZE * 5):
            added = self.ledger.add_documents(pairs[start:start + BATCH_SIZE * 5], self.extractor)
            new += sum(added)
            skipped += len(added) - sum(added)
        self.manifest.mark_loaded(part, new, skipped)
        self.new += new
        self.skipped += skipped
