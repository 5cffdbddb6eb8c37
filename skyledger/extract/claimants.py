"""Who asserts a figure: canonical names and sides for bodies and officials.

Kept as data (``data/claimants.json``) so that a new governor or a new body
is added without touching the grammar.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class KnownClaimant:
    name: str | None      # canonical name, or None to keep the phrase as written
    side: str | None
    home: str | None      # the place a regional official's unplaced figures refer to


class ClaimantLexicon:
    def __init__(self, data: dict) -> None:
        self._bodies = [
            (re.compile(r"(?<!\w)(?:" + b["pattern"] + r")(?!\w)", re.IGNORECASE), KnownClaimant(b["name"], b["side"], b.get("home")))
            for b in data["bodies"]
        ]
        people: dict[str, KnownClaimant] = {}
        for p in data["people"]:
            for n in p["names"]:
                people[n.casefold()] = KnownClaimant(None, p["side"], p.get("home"))
        self._people = people
        self._people_re = re.compile(r"(?<!\w)(" + "|".join(sorted((re.escape(n) for n in people), key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
        self._media_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for m in sorted(data["media"], key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)

    def body(self, phrase: str) -> KnownClaimant | None:
        for pattern, known in self._bodies:
            if pattern.search(phrase):
                return known
        return None

    def person(self, phrase: str) -> KnownClaimant | None:
        m = self._people_re.search(phrase)
        return self._people[m.group(1).casefold()] if m else None

    def is_media(self, phrase: str) -> bool:
        return bool(self._media_re.search(phrase)) and not self.body(phrase) and not self.person(phrase)


@lru_cache(maxsize=1)
def load_claimants() -> ClaimantLexicon:
    raw = resources.files("skyledger.extract").joinpath("data/claimants.json").read_text(encoding="utf-8")
    return ClaimantLexicon(json.loads(raw))
