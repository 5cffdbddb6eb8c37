"""Ledger contents as files: CSV, JSON, GeoJSON, Parquet, and the missile_attacks_daily layout.

Files are written to a temporary name and renamed into place, so an
interrupted export never leaves half a file and re-running it is safe.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from skyledger.store.ledger import Ledger, LedgerError
from skyledger.store.mma import MMA_COLUMNS, mma_rows

FORMATS = ("csv", "json", "geojson", "parquet", "mma")
WHATS = ("claims", "events", "documents")


def collect(ledger: Ledger, what: str, **filters: Any) -> list[dict[str, Any]]:
    """The rows of one export: claims (filters as in ``Ledger.claims``), events or documents."""
    if what == "claims":
        return ledger.claims(**filters)
    if what == "events":
        return ledger.events()
    if what == "documents":
        return ledger.documents(with_text=True)
    raise LedgerError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")


def _csv_text(rows: list[dict[str, Any]], columns: list[str] | tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                         for k, v in row.items()})
    return buffer.getvalue()


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def _geojson(ledger: Ledger, what: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Claims (or events) as Point features at their first place that has coordinates."""
    coords = {p["place_id"]: (p["lon"], p["lat"]) for p in ledger.places()
              if p["lat"] is not None and p["lon"] is not None}
    if what == "documents":
        raise LedgerError("geojson export is for claims or events (documents have no place)")
    place_ids_of: Callable[[dict[str, Any]], list[str]]
    if what == "claims":
        def place_ids_of(row: dict[str, Any]) -> list[str]:
            return list(row.get("place_ids") or ())
    else:
        claim_places = {c["claim_id"]: c.get("place_ids") or [] for c in ledger.claims()}

        def place_ids_of(row: dict[str, Any]) -> list[str]:
            return [pid for cid in row.get("claim_ids", ()) for pid in claim_places.get(cid, ())]
    features = []
    for row in rows:
        point = next((coords[pid] for pid in place_ids_of(row) if pid in coords), None)
        if point is None:
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(point)},
                         "properties": row})
    return {"type": "FeatureCollection", "features": features}


def render(ledger: Ledger, fmt: str, what: str = "claims", **filters: Any) -> tuple[str, int]:
    """(file text, number of records) for every text format; parquet goes through ``write_export``."""
    if fmt == "mma":
        if what != "claims":
            raise LedgerError("--format mma exports claims only")
        rows = mma_rows(ledger.claims(**filters))
        return _csv_text(rows, MMA_COLUMNS), len(rows)
    rows = collect(ledger, what, **filters)
    if fmt == "csv":
        return _csv_text(rows, _columns(rows)), len(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n", len(rows)
    if fmt == "geojson":
        collection = _geojson(ledger, what, rows)
        return json.dumps(collection, ensure_ascii=False) + "\n", len(collection["features"])
    raise LedgerError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def _replace_atomically(dest: Path, write: Callable[[str], None]) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(handle)
    try:
        write(tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_parquet(rows: list[dict[str, Any]], dest: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    _replace_atomically(dest, lambda tmp: pq.write_table(table, tmp))


def write_export(ledger: Ledger, fmt: str, what: str = "claims", dest: Path | None = None,
                 stream: TextIO | None = None, **filters: Any) -> int:
    """Export to ``dest`` (atomically) or to ``stream``; returns the number of records written."""
    if fmt == "parquet":
        if dest is None:
            raise LedgerError("parquet is binary: give --out FILE")
        rows = collect(ledger, what, **filters)
        write_parquet(rows, dest)
        return len(rows)
    text, count = render(ledger, fmt, what, **filters)
    if dest is not None:
        _replace_atomically(dest, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    elif stream is not None:
        stream.write(text)
    else:
        raise LedgerError("nowhere to write the export")
    return count
