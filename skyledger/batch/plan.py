"""Cutting inputs into partitions: the units of work, of Parquet output and of resumption.

A partition is a pure description (a frozen record that pickles for Dask):
a run of lines of a JSONL file, a whole ``.jsonl.gz`` file, one row group of
a Parquet file, or one input of any other kind ``skyledger ingest`` reads
(text, HTML, feeds, Telegram exports, URLs).  Its ``key`` hashes what it
covers and the file's size and modification time, so a resumed batch finds
its finished partitions again, and an edited input is never mistaken for one.
Inputs are listed in the order ``skyledger ingest`` reads them, so loading
partitions in plan order stores documents in the same order as ``ingest``.
"""

from __future__ import annotations

import glob
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from skyledger.ingest import IngestError, discover
from skyledger.ingest.discover import _walk, kind_of

DEFAULT_PARTITION_DOCS = 10_000
GZ_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: ``kind`` is ``jsonl`` (lines ``start``..``stop`` from byte ``offset``),
    ``jsonl.gz`` (every line), ``parquet`` (row group ``start``) or a reader kind of ``skyledger.ingest``."""

    key: str
    kind: str
    location: str
    start: int = 0
    stop: int = 0
    offset: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "kind": self.kind, "location": self.location, "start": self.start,
                "stop": self.stop, "offset": self.offset}


def _key(kind: str, location: str, index: int, *extra: object) -> str:
    stem = re.sub(r"[^\w.-]+", "_", Path(location).name)[:40] or "input"
    digest = hashlib.sha256(repr((kind, location, index, *extra)).encode()).hexdigest()[:10]
    return f"{stem}-{index:05d}-{digest}"


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _special(path: Path) -> str | None:
    name = path.name.lower()
    if name.startswith("."):
        return None
    if name.endswith(GZ_SUFFIXES):
        return "jsonl.gz"
    if name.endswith(".parquet"):
        return "parquet"
    return None


def _jsonl_partitions(path: Path, per: int) -> Iterator[Partition]:
    """Runs of ``per`` lines, each with the byte offset of its first line (one pass over the file)."""
    stat = _stat(path)
    location = str(path)
    start = offset = position = lines = 0
    index = 0
    with path.open("rb") as handle:
        for raw in handle:
            lines += 1
            position += len(raw)
            if lines - start == per:
                yield Partition(_key("jsonl", location, index, start, lines, *stat), "jsonl", location,
                                start, lines, offset)
                index += 1
                start, offset = lines, position
    if lines > start or index == 0:
        yield Partition(_key("jsonl", location, index, start, lines, *stat), "jsonl", location, start, lines, offset)


def _parquet_partitions(path: Path) -> Iterator[Partition]:
    import pyarrow.parquet as pq

    stat = _stat(path)
    groups = pq.ParquetFile(path).metadata.num_row_groups
    for group in range(max(groups, 1)):
        yield Partition(_key("parquet", str(path), group, *stat), "parquet", str(path), group, group + 1)


def _file_partitions(path: Path, kind: str, per: int) -> Iterator[Partition]:
    if kind == "jsonl":
        yield from _jsonl_partitions(path, per)
    elif kind == "parquet":
        yield from _parquet_partitions(path)
    else:
        yield Partition(_key(kind, str(path), 0, *_stat(path)), kind, str(path))


def plan(inputs: Iterable[str], partition_docs: int = DEFAULT_PARTITION_DOCS) -> tuple[list[Partition], list[IngestError]]:
    """Partitions of every input (in ``ingest``'s order) and the inputs that cannot be read at all."""
    partitions: list[Partition] = []
    errors: list[IngestError] = []
    seen: set[str] = set()

    def add_file(path: Path, explicit: bool) -> None:
        resolved = str(path.resolve())
        if resolved in seen:
            return
        seen.add(resolved)
        kind = _special(path) or kind_of(path, explicit=explicit)
        if kind is None:
            if explicit:
                errors.append(IngestError(str(path), f"unsupported file type {path.suffix or '(no extension)'!r}"))
            return
        try:
            partitions.extend(_file_partitions(path, kind, partition_docs))
        except Exception as exc:  # noqa: BLE001 - an unreadable input is reported, the others still run
            errors.append(IngestError(str(path), f"cannot read: {type(exc).__name__}: {exc}"[:300]))

    for raw in inputs:
        path = Path(raw).expanduser()
        if "://" not in raw and path.is_dir():
            for child in _walk(path):
                add_file(child, explicit=False)
        elif "://" not in raw and path.is_file():
            add_file(path, explicit=True)
        elif "://" not in raw and _GLOB_CHARS & set(raw) and glob.glob(raw, recursive=True):
            for match in sorted(glob.glob(raw, recursive=True)):
                found = Path(match)
                for child in (_walk(found) if found.is_dir() else [found]):
                    add_file(child, explicit=not found.is_dir())
        else:  # URLs, missing paths, empty globs: exactly as ingest reports them
            for found in discover([raw]):
                if isinstance(found, IngestError):
                    errors.append(found)
                elif found.location not in seen:
                    seen.add(found.location)
                    partitions.append(Partition(_key(found.kind, found.location, 0), found.kind, found.location))
    return partitions, errors
