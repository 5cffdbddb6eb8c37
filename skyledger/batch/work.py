"""What a worker does with one partition: read → parse → extract → Parquet.  It never touches the ledger.

``process_partition`` reads the partition's documents, extracts their claims
and writes two Parquet files under the output directory,
``documents/<key>.parquet`` and ``claims/<key>.parquet`` (to a temporary name,
fsynced, then renamed, so a file that exists is whole).  It returns a small
summary; the client, the single writer, records the partition as done and
loads the files into the ledger.  Running a partition twice (a worker died and
Dask ran it again) writes the same files.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from skyledger.batch.plan import Partition
from skyledger.ingest import DEFAULT_LIMITS, Input, Limits, read_input
from skyledger.ingest.base import IngestError, InputRejected
from skyledger.ingest.jsonl import read_jsonl_line, record_to_document
from skyledger.models import Claim, Document

_LIST_FIELDS = ("locations", "place_ids", "launch_places")


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    documents = pa.schema([
        ("seq", pa.int64()), ("doc_id", pa.string()), ("source", pa.string()), ("url", pa.string()),
        ("outlet", pa.string()), ("published", pa.string()), ("lang", pa.string()), ("title", pa.string()),
        ("text", pa.string()), ("items", pa.string()),  # items: JSON array of Item dicts
    ])
    claims = pa.schema([
        ("seq", pa.int64()), ("doc_id", pa.string()), ("claim_id", pa.string()), ("item", pa.int64()),
        ("claimant", pa.string()), ("claimant_side", pa.string()), ("action", pa.string()),
        ("weapon", pa.string()), ("weapon_model", pa.string()), ("attacker_side", pa.string()),
        ("count", pa.int64()), ("count_qualifier", pa.string()), ("locations", pa.list_(pa.string())),
        ("place_ids", pa.list_(pa.string())), ("date", pa.string()), ("time_start", pa.string()),
        ("time_end", pa.string()), ("launch_places", pa.list_(pa.string())), ("start", pa.int64()),
        ("end", pa.int64()), ("sentence_start", pa.int64()), ("sentence_end", pa.int64()), ("quote", pa.string()),
        ("lang", pa.string()), ("extractor", pa.string()),
    ])
    return documents, claims


# -- reading ------------------------------------------------------------------------

def read_partition(part: Partition, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    """The documents (and errors) of one partition, in input order."""
    if part.kind == "jsonl":
        with open(part.location, "rb") as handle:
            handle.seek(part.offset)
            for number in range(part.start + 1, part.stop + 1):
                record = read_jsonl_line(handle.readline(), part.location, number, limits)
                if record is not None:
                    yield record
    elif part.kind == "jsonl.gz":
        try:
            with gzip.open(part.location, "rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    record = read_jsonl_line(raw, part.location, number, limits)
                    if record is not None:
                        yield record
        except (OSError, EOFError) as exc:  # a truncated or corrupt archive: keep what was read
            yield IngestError(part.location, f"cannot decompress: {exc}"[:300])
    elif part.kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.ParquetFile(part.location).read_row_group(part.start)
        first = sum(pq.ParquetFile(part.location).metadata.row_group(g).num_rows for g in range(part.start))
        for offset, record in enumerate(table.to_pylist()):
            locator = f"row={first + offset + 1}"
            try:
                record = {k: v for k, v in record.items() if v is not None}
                yield record_to_document(record, f"{part.location}#{locator}")
            except InputRejected as exc:
                yield IngestError(part.location, str(exc), locator)
    else:
        yield from read_input(Input(part.kind, part.location), limits)


# -- writing Parquet ----------------------------------------------------------------

def _claim_row(seq: int, doc_id: str, claim: Claim) -> dict[str, Any]:
    row = claim.to_dict()
    row["seq"], row["doc_id"] = seq, doc_id
    return row


def _write_atomically(table: Any, dest: Path) -> None:
    import pyarrow.parquet as pq

    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, dest)


def partition_files(out: Path, key: str) -> tuple[Path, Path]:
    return out / "documents" / f"{key}.parquet", out / "claims" / f"{key}.parquet"


def process_partition(part: Partition, out: str, extractor: Any = None,
                      limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Read, parse, extract and write one partition's Parquet files; returns its summary (no ledger access)."""
    import pyarrow as pa

    from skyledger.pipeline import _safe_extract

    if extractor is None:
        from skyledger.extract import extract_document as extractor
    documents: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in read_partition(part, limits):
        if isinstance(record, IngestError):
            errors.append(record.to_dict())
            continue
        seq = len(documents)
        if record.doc_id in seen:  # a repeat within the partition: stored once, like ingest (no extraction)
            documents.append(_document_row(seq, record))
            continue
        seen.add(record.doc_id)
        found, problem = _safe_extract(extractor, record)
        if problem is not None:
            errors.append(problem.to_dict())
            continue
        documents.append(_document_row(seq, record))
        claims.extend(_claim_row(seq, record.doc_id, c) for c in found)
    doc_schema, claim_schema = _schemas()
    doc_path, claim_path = partition_files(Path(out), part.key)
    _write_atomically(pa.Table.from_pylist(documents, schema=doc_schema), doc_path)
    _write_atomically(pa.Table.from_pylist(claims, schema=claim_schema), claim_path)
    return {"key": part.key, "documents": len(documents), "claims": len(claims), "errors": errors,
            "pid": os.getpid(), "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _document_row(seq: int, doc: Document) -> dict[str, Any]:
    return {"seq": seq, "doc_id": doc.doc_id, "source": doc.source, "url": doc.url, "outlet": doc.outlet,
            "published": doc.published, "lang": doc.lang, "title": doc.title, "text": doc.text,
            "items": json.dumps([_item(i) for i in doc.items], ensure_ascii=False)}


def _item(item: Any) -> dict[str, Any]:
    return {"index": item.index, "start": item.start, "end": item.end, "title": item.title,
            "published": item.published}


# -- reading Parquet back (client side) -----------------------------------------------

def load_partition_records(out: Path, key: str) -> list[tuple[Document, list[Claim]]]:
    """The (document, claims) pairs of one finished partition, in input order."""
    import pyarrow.parquet as pq

    from skyledger.models import Item

    doc_path, claim_path = partition_files(out, key)
    by_seq: dict[int, list[Claim]] = {}
    for row in pq.read_table(claim_path).to_pylist():
        seq = row.pop("seq")
        row.pop("claim_id", None)
        by_seq.setdefault(seq, []).append(Claim.from_dict(row))
    pairs: list[tuple[Document, list[Claim]]] = []
    for row in pq.read_table(doc_path).to_pylist():
        seq = row.pop("seq")
        items = tuple(Item(**i) for i in json.loads(row.pop("items") or "[]"))
        pairs.append((Document(items=items, **row), by_seq.get(seq, [])))
    return pairs
