"""Who is speaking: telling one claimant's wordings apart from another claimant.

"Russian Ministry of Defence", "Russia's Ministry of Defense" and "Russian
Defense Ministry" are one claimant; "Kursk Governor Alexei Smirnov" and
"Alexei Smirnov" too.  A revision (same claimant) and a disagreement
(different claimants) hinge on this, so it is kept in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

_SPELLING = {
    "defence": "defense",
    "russia's": "russian",
    "ukraine's": "ukrainian",
    "mod": "ministry defense",
    "airforce": "air force",
}
_STOP = {"of", "the", "s", "and", "its", "official"}
SAME_CLAIMANT_SCORE = 90.0


@lru_cache(maxsize=65536)
def claimant_key(name: str | None) -> str:
    """A normalised, order-free form of a claimant's name ("" when unknown)."""
    if not name:
        return ""
    words = re.findall(r"[\w']+", name.lower())
    out: list[str] = []
    for w in words:
        out.extend(_SPELLING.get(w, w).split())
    return " ".join(sorted(w for w in set(out) if w not in _STOP))


def same_claimant(a: str | None, b: str | None, side_a: str | None = None, side_b: str | None = None) -> bool:
    """True when two claimant names plausibly denote the same speaker.

    Unknown claimants are never the same as anyone: an anonymous figure can
    neither revise nor contradict a named one.
    """
    if side_a and side_b and side_a != side_b:
        return False
    ka, kb = claimant_key(a), claimant_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return fuzz.token_set_ratio(ka, kb) >= SAME_CLAIMANT_SCORE


def group_claimants(names: list[tuple[str | None, str | None]]) -> list[int]:
    """Assign a group number to each (name, side); same number = same claimant.

    Unknown claimants each get their own group.
    """
    groups: list[int] = []
    reps: list[tuple[str | None, str | None]] = []
    for name, side in names:
        for gi, (rname, rside) in enumerate(reps):
            if same_claimant(name, rname, side, rside):
                groups.append(gi)
                break
        else:
            reps.append((name, side))
            groups.append(len(reps) - 1)
    return groups
