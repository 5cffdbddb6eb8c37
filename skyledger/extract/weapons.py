"""The weapon taxonomy: class + canonical model + spellings in English, Russian and Ukrainian.

The data lives in ``data/weapons.json`` so that a new spelling or model is a
data change, not a code change.  Two matchers are built from it:

* a prefilter (Aho-Corasick over case-folded text) that tells in one pass
  whether, and where, a document mentions any weapon at all — most news text
  does not, and extraction must cost little more than this scan on it;
* per-language regexes that find the exact weapon mentions inside a sentence.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

LANGS = ("en", "ru", "uk")

# Aliases that are also ordinary words: matched only when written with the
# capitals given in the taxonomy ("HARM" the missile, not "harm").
_CASE_SENSITIVE = {"harm", "hammer", "vampire", "grad", "neptune", "taurus", "grom", "onyx", "lancet",
                   "flamingo", "orlan", "tochka", "zircon", "kab", "kabs", "pav", "pavs", "sdb", "scalp",
                   "geran", "gerans", "gerbera", "gerberas", "uragan", "smerch", "град", "гром", "грім",
                   "ураган", "смерч", "нептун", "циркон", "точка-у", "орлан", "кинжал", "калибр", "калібр",
                   "герань", "кинджал"}


@dataclass(frozen=True, slots=True)
class WeaponMention:
    start: int
    end: int
    surface: str
    weapon: str          # weapon class: drone, missile, guided_bomb, rocket, aircraft, other
    model: str | None    # canonical model, None for a bare class noun ("drones")


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    weapon: str
    model: str | None


class Taxonomy:
    """Loaded once; matching is pure."""

    def __init__(self, data: dict) -> None:
        self.version: int = data["version"]
        self.models: dict[str, str] = {m["model"]: m["class"] for m in data["models"]}
        aliases: dict[str, list[_Alias]] = {lang: [] for lang in LANGS}
        for cls, by_lang in data["classes"].items():
            for lang in LANGS:
                aliases[lang].extend(_Alias(a, cls, None) for a in by_lang.get(lang, []))
        for m in data["models"]:
            for lang in LANGS:
                aliases[lang].extend(_Alias(a, m["class"], m["model"]) for a in m["aliases"].get(lang, []))
        self._aliases = aliases
        # per language: every spelling key (case-folded; hyphen, space or nothing between parts) -> alias
        self._lookup: dict[str, dict[str, _Alias]] = {}
        for lang in LANGS:
            table: dict[str, _Alias] = {}
            for a in sorted(aliases[lang], key=lambda a: -len(a.text)):
                for key in _spelling_keys(a.text):
                    table.setdefault(key, a)
            self._lookup[lang] = table
        self._automaton = self._build_automaton()

    def _build_automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for table in self._lookup.values():
            for key in table:
                if len(key) >= 2 and key not in auto:
                    auto.add_word(key, len(key))
        auto.make_automaton()
        return auto

    def hits(self, folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Whole-word alias hits in ``folded[start:end]``, longest first where they overlap."""
        hits: list[tuple[int, int]] = []
        n = len(folded)
        end = n if end is None else end
        for last, length in self._automaton.iter(folded, start, end):
            s = last - length + 1
            e = last + 1
            if s > 0 and (folded[s - 1].isalnum() or folded[s - 1] == "-"):
                continue
            if e < n and folded[e].isalnum():
                continue
            hits.append((s, e))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int]] = []
        for h in hits:
            if out and h[0] < out[-1][1]:
                continue
            out.append(h)
        return out

    def candidate_offsets(self, folded_text: str) -> list[int]:
        """Offsets of whole-word weapon spellings in folded text: the cheap test run on every document."""
        return [s for s, _ in self.hits(folded_text)]

    def mentions(self, text: str, start: int = 0, end: int | None = None, lang: str = "en",
                 folded: str | None = None, hits: list[tuple[int, int]] | None = None) -> list[WeaponMention]:
        """Weapon mentions in ``text[start:end]`` with offsets into ``text``.

        ``folded`` (``fold(text)``) and ``hits`` (``self.hits(folded)``) can be passed when
        scanning many sentences of one document, so the document is scanned once.
        """
        end = len(text) if end is None else end
        folded = fold(text) if folded is None else folded
        if hits is None:
            in_range = self.hits(folded, start, end)
        else:
            lo = bisect.bisect_left(hits, (start, -1))
            hi = bisect.bisect_left(hits, (end, -1))
            in_range = [h for h in hits[lo:hi] if h[1] <= end]
        table = self._lookup.get(lang, self._lookup["en"])
        found: list[WeaponMention] = []
        for s, e in in_range:
            alias = table.get(folded[s:e])
            if alias is None:
                continue
            surface = text[s:e]
            if alias.text.lower() in _CASE_SENSITIVE and not surface[:1].isupper():
                continue  # "harm", "grad": ordinary words unless capitalised
            if alias.model is None and text.startswith("-type", e):
                continue  # "aircraft-type drones": a description of the drone, not an aircraft
            if alias.model is not None:
                variant = _VARIANT.match(text, e)
                if variant:  # "Neptune-MD", "Kinzhal-M": the model with a variant suffix
                    e = variant.end()
                    surface = text[s:e]
            found.append(WeaponMention(s, e, surface, alias.weapon, alias.model))
        return found

    def weapon_class_of(self, model: str) -> str | None:
        return self.models.get(model)


_VARIANT = re.compile(r"-(?!type\b|class\b|made\b|launched\b|range\b|based\b)[A-Za-zА-Яа-яІіЇїЄє0-9]{1,4}\b")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower-case with hyphen variants unified, keeping every offset (one char in, one char out)."""
    low = text.lower()
    if any(ch in low for ch in "‐‑–\u00a0"):
        low = low.translate(_HYPHENS)
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text.translate(_HYPHENS))


def _spelling_keys(alias: str) -> set[str]:
    """"Kh-101" is also written "Kh 101" and "Kh101"."""
    low = fold(alias)
    return {k for k in (low, low.replace("-", " "), low.replace("-", "")) if len(k) >= 2}


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    raw = resources.files("skyledger.extract").joinpath("data/weapons.json").read_text(encoding="utf-8")
    return Taxonomy(json.loads(raw))


def merge_models(models: list[str]) -> list[str]:
    """Models named together in one noun phrase, without repeats ("Shahed" is implied by "Shahed-136/131")."""
    out: list[str] = []
    for m in models:
        if any(m in o.split("/") or m == o for o in out):
            continue
        if m == "Shahed" and any(o.startswith("Shahed-") for o in out):
            continue
        out = [o for o in out if not (o == "Shahed" and m.startswith("Shahed-"))]
        out.append(m)
    return out
