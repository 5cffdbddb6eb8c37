"""Recognising reprints: the same wire copy republished by several outlets counts once.

A fingerprint is a MinHash signature (datasketch) over word 3-shingles of the
copy a claim was read from.  Two records whose signatures agree on at least
``REPRINT_SIMILARITY`` of their slots are reprints of one copy.  Signatures
are plain tuples of ints so records stay frozen, hashable and picklable.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence

from datasketch import MinHash

NUM_PERM = 64
REPRINT_SIMILARITY = 0.7  # short wire items lose a dateline or a credit line when reprinted
_SEED = 17


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    """Drawn once: building the permutations dominates the cost of hashing a sentence."""
    return MinHash(num_perm=num_perm, seed=_SEED)


def fingerprint(text: str, num_perm: int = NUM_PERM) -> tuple[int, ...]:
    """MinHash signature of a text's word 3-shingles (empty text -> empty tuple)."""
    words = re.findall(r"\w+", text.lower())
    if not words:
        return ()
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    template = _template(num_perm)
    mh = MinHash(num_perm=num_perm, seed=_SEED, permutations=template.permutations, scheme=template.scheme)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return tuple(int(v) for v in mh.hashvalues)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures (0 when either is missing)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    if a is b or a == b:
        return 1.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def is_reprint(a: Sequence[int], b: Sequence[int]) -> bool:
    return similarity(a, b) >= REPRINT_SIMILARITY
