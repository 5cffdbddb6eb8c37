"""Counting independent sources behind a figure or an event.

Records from one document, from one outlet, or from reprints of one wire
copy (near-identical fingerprints) are one source.  Everything else counts
separately, so five outlets relaying the same agency story score 1, and
five outlets writing their own reports score 5.
"""

from __future__ import annotations

from collections.abc import Sequence

from skyledger.reconcile.fingerprint import is_reprint
from skyledger.reconcile.records import ClaimRecord


def _outlet_key(outlet: str | None) -> str | None:
    return " ".join(outlet.lower().split()) if outlet else None


def source_groups(records: Sequence[ClaimRecord]) -> list[int]:
    """A source number per record: equal numbers are one source."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first_by_key: dict[tuple[str, str], int] = {}
    for i, r in enumerate(records):
        for key in (("doc", r.doc_id), ("outlet", _outlet_key(r.outlet) or "")):
            if not key[1]:
                continue
            if key in first_by_key:
                union(i, first_by_key[key])
            else:
                first_by_key[key] = i
    # Reprints: claims read from near-identical copies in different documents.
    printed = [i for i, r in enumerate(records) if r.fingerprint]
    for a, i in enumerate(printed):
        for j in printed[a + 1 :]:
            if find(i) != find(j) and is_reprint(records[i].fingerprint, records[j].fingerprint):
                union(i, j)
    return [find(i) for i in range(len(records))]


def independent_sources(records: Sequence[ClaimRecord]) -> int:
    """How many independent sources report these records."""
    return len(set(source_groups(records))) if records else 0
