"""Cardinal numbers written in digits or words, for any language that supplies a word table.

A language gives ``units`` (word -> value, e.g. "seven": 7, "двадцати": 20)
and ``multipliers`` ("hundred": 100, "thousand": 1000, "dozen": 12);
``parse_number_words`` combines them ("two hundred thirty-one", "two dozen").
Digits accept thousands separators ("1,200", "1 200", "19.000" is not read as
a decimal).  Values are capped so that 10,000 digits in a row cost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COUNT = 100_000  # no single claim counts more objects than this; longer digit runs are not figures



@dataclass(frozen=True, slots=True)
class NumberWords:
    units: dict[str, int]
    multipliers: dict[str, int]
    joiners: frozenset[str] = frozenset()

    def regex_alternation(self) -> str:
        words = sorted(set(self.units) | set(self.multipliers) | set(self.joiners), key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)


def parse_digits(surface: str) -> int | None:
    """'1,200' -> 1200; None when the figure is implausibly large for a claim."""
    value = int(re.sub(r"[,\u00a0\u202f ]", "", surface))
    return value if value <= MAX_COUNT else None


def parse_number_words(tokens: list[str], words: NumberWords) -> int | None:
    """Combine number words: ['two', 'hundred', 'thirty', 'one'] -> 231; ['two', 'dozen'] -> 24."""
    total = 0
    current = 0
    seen = False
    for raw in tokens:
        tok = raw.lower()
        if tok in words.joiners:
            continue
        if tok in words.units:
            current += words.units[tok]
            seen = True
        elif tok in words.multipliers:
            mult = words.multipliers[tok]
            current = (current or 1) * mult
            if mult >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value if 0 < value <= MAX_COUNT else None
