"""What a language module supplies to the extraction engine.

The engine (``engine.py``) is language-agnostic: it segments, tracks context,
resolves places and dates, merges repeats and links totals to their parts.
A language plugs in as data (lexicons) plus one ``Grammar`` object that
finds, inside one sentence, the figures and the attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from skyledger.extract.weapons import WeaponMention


@dataclass(slots=True)
class RawFigure:
    """A figure as read from one sentence, before context is applied."""

    start: int                 # span of the words the figure was read from
    end: int
    count: int
    qualifier: str
    weapon: str
    model: str | None
    action: str | None         # None: the engine inherits it (elliptical parts) or drops the figure
    attacker: str | None = None
    singular_event: bool = False   # "a second drone", "another missile": never merged with another 1
    elliptical: bool = False       # "..., two over Voronezh": weapon and action from the previous figure
    anaphoric: bool = False        # "the two missiles": refers back to a figure already given
    all_of: bool = False           # "all 14 drones were shot down": launched == intercepted
    including: bool = False        # "including 2 flying towards Moscow": a sub-part, not a sibling
    each_of: bool = False          # "one drone over each of Bryansk and Oryol"
    launch_total: bool = False     # the Y of "X of Y": the launched total
    scope_start: int = 0           # where places for this figure may be read
    scope_end: int = 0
    type_reference: bool = False   # not an event figure ("a new missile", "used a missile")
    launch_places: tuple[str, ...] = ()
    cue_start: int = -1            # where the governing verb starts (-1: passive or none)
    attacker_unknown: bool = False # "a hostile drone": the report does not say whose
    more: bool = False             # "two more UAVs": same place as the figure before
    partitive: bool = False        # "one of the missiles": a part of a figure already given
    parts_expected: int = -1        # "38 drones across three regions": how many regional parts follow
    places_from: int = -1           # where the figure's places start when the grammar knows better
                                    # than "after the figure" ("над Брянской областью сбиты 5 БПЛА")
    deferred_action: str | None = None  # "6 of the 9 missiles ... were intercepted": used if no verb of its own


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts the figures of a sentence."""

    name: str | None           # canonical where known, else as written
    side: str | None
    start: int
    end: int
    kind: str = "explicit"     # explicit | pronoun | retro (names the claimant of the previous sentence)
    head: str | None = None    # for pronouns and "the ministry": what to look back for
    home_place: str | None = None   # a regional official's region ("his region" / default place)


@dataclass(slots=True)
class SentenceReading:
    figures: list[RawFigure] = field(default_factory=list)
    attribution: Attribution | None = None
    # "the drones were destroyed over X", "the Shahed drones": uncounted mentions that add a
    # model or places to a figure already given (count is 0)
    elaborations: list[RawFigure] = field(default_factory=list)
    deferred: bool = False         # no figures: attribution not read (the engine reads it if a later figure needs it)


def rank_attributions(candidates: list[Attribution]) -> list[Attribution]:
    """Reporting clauses that name a source, in text order; media relays only when nothing else does."""
    real = [c for c in candidates if c.name is not None or c.kind == "pronoun" or c.side]
    real.sort(key=lambda c: c.start)
    non_media = [c for c in real if c.kind != "media"]
    return non_media or [c for c in real if c.kind == "media"]


class Grammar(Protocol):
    lang: str

    def read(self, text: str, start: int, end: int, weapons: list[WeaponMention]) -> SentenceReading:
        """Figures and attribution of the sentence ``text[start:end]``."""
        ...

    def may_continue(self, text: str, start: int, end: int) -> bool:
        """Could this sentence without a weapon word continue the previous one's figures ("two over X")?"""
        ...

    def place_anaphora(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Spans like "the city", "the Russian capital", "his region" with a hint of what they refer to."""
        ...
