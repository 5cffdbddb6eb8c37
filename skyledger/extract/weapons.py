"""The weapon taxonomy: class + canonical model + spellings in English, Russian and Ukrainian.

The data lives in ``data/weapons.json`` so that a new spelling or model is a
data change, not a code change.  Two matchers are built from it:

* a prefilter (Aho-Corasick over case-folded text) that tells in one pass
  whether, and where, a document mentions any weapon at all — most news text
  does not, and extraction must cost little more than this scan on it;
* per-language regexes that find the exact weapon mentions inside a sentence.
"""

from __future__ import annotations

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


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[-‐‑ ]", alias)]
    return r"[-‐‑ ]?".join(parts)


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
        self._lookup: dict[str, dict[str, _Alias]] = {}
        self._regex: dict[str, re.Pattern[str]] = {}
        for lang in LANGS:
            table: dict[str, _Alias] = {}
            patterns: list[str] = []
            for a in sorted(aliases[lang], key=lambda a: -len(a.text)):
                key = _norm(a.text)
                table.setdefault(key, a)
                pat = _alias_pattern(a.text)
                # longest alias first, so "Geran-2" wins over "Geran"
                patterns.append(pat if a.text.lower() in _CASE_SENSITIVE else "(?i:" + pat + ")")
            self._lookup[lang] = table
            alternation = "|".join(patterns)
            self._regex[lang] = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w])")
        self._automaton = self._build_automaton()

    def _build_automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for lang in LANGS:
            for a in self._aliases[lang]:
                folded = a.text.casefold()
                # hyphen and space spellings of one alias are both keys ("Kh-101", "Kh 101", "Kh101")
                for key in {folded, folded.replace("-", " "), folded.replace("-", "")}:
                    if len(key) >= 2 and key not in auto:
                        auto.add_word(key, len(key))
        auto.make_automaton()
        return auto

    def candidate_offsets(self, folded_text: str) -> list[int]:
        """Offsets of whole-word weapon aliases in case-folded text: the cheap test run on every document."""
        out: list[int] = []
        n = len(folded_text)
        for end, length in self._automaton.iter(folded_text):
            start = end - length + 1
            if start > 0 and folded_text[start - 1].isalnum():
                continue
            if end + 1 < n and folded_text[end + 1].isalnum():
                continue
            out.append(start)
        return out

    def mentions(self, text: str, start: int = 0, end: int | None = None, lang: str = "en") -> list[WeaponMention]:
        """Weapon mentions in ``text[start:end]`` with offsets into ``text``."""
        end = len(text) if end is None else end
        regex = self._regex.get(lang, self._regex["en"])
        table = self._lookup.get(lang, self._lookup["en"])
        found: list[WeaponMention] = []
        for m in regex.finditer(text, start, end):
            alias = table.get(_norm(m.group(0)))
            if alias is None:  # spelled with another separator than the data
                alias = _fuzzy_lookup(table, m.group(0))
            if alias is None:
                continue
            if alias.model is None and text.startswith("-type", m.end()):
                continue  # "aircraft-type drones": a description of the drone, not an aircraft
            found.append(WeaponMention(m.start(), m.end(), m.group(0), alias.weapon, alias.model))
        return found

    def weapon_class_of(self, model: str) -> str | None:
        return self.models.get(model)


def _norm(s: str) -> str:
    return re.sub(r"[-‐‑ ]", "", s.casefold())


def _fuzzy_lookup(table: dict[str, _Alias], surface: str) -> _Alias | None:
    return table.get(_norm(surface))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    raw = resources.files("skyledger.extract").joinpath("data/weapons.json").read_text(encoding="utf-8")
    return Taxonomy(json.loads(raw))
