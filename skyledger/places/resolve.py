"""Find place names in text and resolve each to one gazetteer place.

Rules, in the order they apply:

* longest match wins, names never match inside words;
* stems followed by a kind word become that kind: "Kursk region" → Kursk
  Oblast, "Belgorod district" → Belgorod District, "Курской области";
* coordinated lists share the kind word: "the Bryansk, Kaluga and Kursk
  regions", "над Белгородской и Курской областями" → one mention each;
* otherwise a name stands for itself ("in Kursk" → the city) and must carry a
  capital letter; a name shared by several places goes to the one whose
  admin-1 unit or country is named elsewhere in the scanned text, else to the
  most populous.
"""

from __future__ import annotations

import re

from skyledger.places.gazetteer import Gazetteer, NameEntry, load_gazetteer
from skyledger.places.model import Place, PlaceMention
from skyledger.places.normalize import fold

MAX_SCAN_CHARS = 20_000_000

_ADMIN = ("oblast", "krai", "republic", "okrug")
_NOUN_CLASSES: dict[str, tuple[str, ...]] = {
    "admin": _ADMIN,
    "krai": ("krai", "oblast", "republic", "okrug"),
    "republic": ("republic",),
    "okrug": ("okrug",),
    "district": ("district",),
    "sea": ("sea",),
}
_KIND_WORD = re.compile(
    r"[ ]{0,3}(?:(?:border|frontier|neighbouring|neighboring|frontline|front-line|"
    r"приграничн[а-я]{0,4}|прикордонн[а-я]{0,4})[ ]{1,3})?(?:"
    r"(?P<okrug>autonomous okrugs?|okrugs?|autonomous districts?|автономн[а-яії]{1,3} округ[а-яі]{0,3})|"
    r"(?P<district>districts?|raions?|rayons?|municipal districts?|urban districts?|communit(?:y|ies)|hromadas?|"
    r"район(?:а|у|ом|е|ы|ов|ам|ами|ах|і|и|ів)?|(?:городск|муниципальн)[а-я]{1,3} округ[а-я]{0,3}|"
    r"громад(?:а|и|і|у|ою|ам|ах|ами)?)|"
    r"(?P<admin>regions?|oblasts?|provinces?|област(?:ь|и|ью|ей|ям|ями|ях|і|ю)|обл\.|"
    r"регион(?:а|у|ом|е|ы|ов|ам|ами|ах)?|регіон(?:у|і|ом|и|ів|ам|ами|ах)?)|"
    r"(?P<krai>krai|kray|territory|territories|кра(?:й|я|ю|ем|е|ях|ям|ями|ев|єві|ї|єм|їв))|"
    r"(?P<republic>republics?|республик(?:а|и|е|у|ой|ою|ам|ами|ах)?|республік(?:а|и|і|у|ою|ам|ами|ах)?)|"
    r"(?P<sea>seas?|мор(?:е|я|ю|ем|ей|ям|ями|ях|і|ів)))(?![\w'])"
)
_LEADING_KIND = re.compile(r"(?:(?P<admin>regions?|oblasts?|provinces?)|(?P<district>districts?))[ ]of[ ](?:the[ ])?$")
# A capitalised Cyrillic adjective left without its noun ("14 — в Ростовской,
# восемь — в Белгородской"): feminine forms stand for an oblast/republic,
# masculine/neuter ones for a district or krai.
_FEMININE_ENDINGS = ("ая", "ой", "ую", "ою", "ої", "ій", "ка", "ку")
_MASCULINE_ENDINGS = ("ий", "ый", "ого", "ому", "ым", "им", "ом", "ім", "ем")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
# Capitalised words that may precede a city without making it part of a name.
_FUNCTION_WORDS = frozenset(
    "in at over near from to on the of and by for into outside around across "
    "в во у на над под из с со до по и та а к біля під від поблизу".split()
)
_CONNECTOR_WORDS = frozenset({"and", "or", "the", "&", "и", "или", "та", "і", "й", "чи", "а", "also"})
_PRECISION = {"country": "country", "admin1": "admin1", "city": "city", "district": "district", "sea": "sea"}


def _precision(gaz: Gazetteer, place: Place) -> str:
    if place.kind == "area":
        return "point" if gaz.subtype(place) == "site" else "country"
    return _PRECISION.get(place.kind, "point")


def _is_connector(gap: str) -> bool:
    """A gap that joins list items: a comma and/or a conjunction, nothing else."""
    if len(gap) > 14:
        return False
    stripped = gap.replace(",", " ").split()
    return ("," in gap or bool(stripped)) and all(word in _CONNECTOR_WORDS for word in stripped)


class _Hit:
    __slots__ = ("start", "end", "entries", "surface")

    def __init__(self, start: int, end: int, entries: tuple[NameEntry, ...], surface: str) -> None:
        self.start, self.end, self.entries, self.surface = start, end, entries, surface

    @property
    def has_stem(self) -> bool:
        return any(e.stem for e in self.entries)


def _raw_hits(gaz: Gazetteer, folded: str, original: str) -> list[_Hit]:
    """All whole-word key occurrences, longest-first without overlaps."""
    found = []
    length = len(folded)
    for last, key_length in gaz.automaton.iter(folded):
        start, end = last - key_length + 1, last + 1
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "-'"):
            continue
        if end < length and (folded[end].isalnum() or folded[end] == "-"):
            continue
        found.append((start, -key_length))
    found.sort()
    hits: list[_Hit] = []
    boundary = 0
    for start, neg_len in found:
        if start < boundary:
            continue
        end = start - neg_len
        hits.append(_Hit(start, end, gaz.entries(folded[start:end]), original[start:end]))
        boundary = end
    return hits


def _next_word_capitalised(original: str, end: int) -> bool:
    match = re.match(r"[ ]{1,2}([^\W\d_])", original[end : end + 3])
    return bool(match and match.group(1).isupper())


def _standalone(gaz: Gazetteer, hit: _Hit, original: str, require_capital: bool) -> list[NameEntry]:
    entries = [e for e in hit.entries if e.standalone]
    if not entries:
        return []
    if require_capital and not any(ch.isupper() for ch in hit.surface):
        return []
    key = " ".join(fold(hit.surface).split())
    if key in gaz.person_first and _next_word_capitalised(original, hit.end):
        return []
    if all(gaz.places[e.index].kind in ("city", "district") and gaz.places[e.index].code is None for e in entries):
        if " " not in key and _adjacent_capitalised(original, hit.start, hit.end):
            return []  # a person's name: "Александр Гусев", "President Vladimir"
    return entries


def _elliptic(gaz: Gazetteer, hit: _Hit) -> list[NameEntry]:
    """Admin-1 or district for a capitalised Cyrillic adjective whose noun is implied."""
    key = " ".join(fold(hit.surface).split())
    if not hit.surface[:1].isupper() or not _CYRILLIC.search(key):
        return []
    if key.endswith(_FEMININE_ENDINGS):
        return _stem_choice(gaz, hit, ("oblast", "republic"))
    if key.endswith(_MASCULINE_ENDINGS):
        return _stem_choice(gaz, hit, ("district", "krai", "okrug"))
    return []


_ELLIPSIS_FOLLOWER = re.compile(r"[ ]*(?:$|[^\w ])|[ ]{1,3}(?:и|та|і|й|а|или|чи)(?!\w)|[ ]{1,3}[А-ЯІЇЄҐ]{2,}(?!\w)")


def _elliptic_context(original: str, end: int) -> bool:
    """The adjective ends a phrase: punctuation, a conjunction or an abbreviation (ОВА) follows.

    "в Белгородской." and "Дніпропетровській ОВА" qualify; "Курская дуга" and
    "Киевская Русь" do not.
    """
    return bool(_ELLIPSIS_FOLLOWER.match(original[end : end + 12]))


def _adjacent_capitalised(text: str, start: int, end: int) -> bool:
    """True when the name touches another capitalised word ("Александр Гусев", "Артем Кореняко")."""
    before = re.search(r"([^\W\d_]+)[ ]$", text[max(0, start - 40) : start])
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in _FUNCTION_WORDS:
        return True
    return _next_word_capitalised(text, end)


def _stem_choice(gaz: Gazetteer, hit: _Hit, accepted: tuple[str, ...]) -> list[NameEntry]:
    for subtype in accepted:
        entries = [e for e in hit.entries if e.stem and gaz.subtypes[e.index] == subtype]
        if entries:
            return entries
    return []


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    lang: str = "en",
    *,
    require_capital: bool = True,
    gazetteer: Gazetteer | None = None,
) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]``: sorted, non-overlapping, offsets into ``text``.

    ``lang`` ("en", "ru", "uk") is a hint only; names of all three languages are
    always matched.  ``require_capital=False`` also accepts lower-cased names
    (used by ``Gazetteer.lookup``).
    """
    if not isinstance(text, str) or not text:
        return []
    gaz = gazetteer or load_gazetteer()
    start = max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    end = min(end, start + MAX_SCAN_CHARS)
    window = text[start:end]
    folded = fold(window)
    hits = _raw_hits(gaz, folded, window)

    # (start, end, candidates) in window coordinates
    resolved: list[tuple[int, int, list[NameEntry]]] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        if not hit.has_stem:
            resolved.append((hit.start, hit.end, _standalone(gaz, hit, window, require_capital)))
            i += 1
            continue
        run = [hit]
        j = i + 1
        while j < len(hits) and hits[j].has_stem and _is_connector(folded[run[-1].end : hits[j].start]):
            run.append(hits[j])
            j += 1
        kind = _KIND_WORD.match(folded, run[-1].end)
        classes: tuple[str, ...] = ()
        noun_end = None
        if kind:
            classes = _NOUN_CLASSES[kind.lastgroup]
            noun_end = kind.end()
        else:
            lead = _LEADING_KIND.search(folded[max(0, run[0].start - 30) : run[0].start])
            if lead:
                classes = _ADMIN if lead.group("admin") else _NOUN_CLASSES["district"]
        if noun_end is not None:
            while j < len(hits) and hits[j].start < noun_end:
                j += 1  # the kind word itself is not a place
        later = [" ".join(fold(m.surface).split()) for m in run]
        for position, member in enumerate(run):
            repeated = later[position] in later[position + 1 :]  # "Kyiv and the Kyiv region": city, then oblast
            chosen = _stem_choice(gaz, member, classes) if classes and not repeated else []
            if chosen:
                last = position == len(run) - 1 and noun_end is not None
                resolved.append((member.start, noun_end if last else member.end, chosen))
            else:
                alone = _standalone(gaz, member, window, require_capital)
                if not alone and not classes and _elliptic_context(window, member.end):
                    alone = _elliptic(gaz, member)
                resolved.append((member.start, member.end, alone))
        i = j

    context: set[str] = set()
    for _, _, candidates in resolved:
        if len({c.index for c in candidates}) == 1:
            place = gaz.places[candidates[0].index]
            context.update(filter(None, (place.name, place.parent, place.country)))

    mentions: list[PlaceMention] = []
    for s, e, candidates in resolved:
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda c: (
                gaz.places[c.index].parent in context or gaz.places[c.index].name in context,
                gaz.places[c.index].country in context,
                c.primary,
                gaz.weights[c.index],
            ),
        )
        place = gaz.places[best.index]
        mentions.append(PlaceMention(start + s, start + e, text[start + s : start + e], place, _precision(gaz, place)))
    return mentions
