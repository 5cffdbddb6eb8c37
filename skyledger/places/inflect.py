"""Build-time case expansion of Russian and Ukrainian place names (pymorphy3).

Run time never touches morphology: the build writes every case form into the
gazetteer, so matching is a plain dictionary walk.  pymorphy3 is used rather
than suffix rules because city names decline irregularly (Київ → Києві,
Орёл → Орла, Кривий Ріг → Кривому Розі) and its dictionaries know them.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import pymorphy3

_ANALYZERS: dict[str, pymorphy3.MorphAnalyzer] = {}
_UK_ONLY = set("іїєґ'")
_RU_ONLY = set("ыэъё")
_MAX_FORMS = 64


def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    if lang not in _ANALYZERS:
        _ANALYZERS[lang] = pymorphy3.MorphAnalyzer(lang=lang)
    return _ANALYZERS[lang]


def guess_langs(name: str) -> tuple[str, ...]:
    """Which analyzers fit a Cyrillic name: its letters decide, else the dictionaries
    that know every word, else Russian."""
    letters = set(name.lower())
    if letters & _UK_ONLY:
        return ("uk",)
    if letters & _RU_ONLY:
        return ("ru",)
    words = name.lower().replace("-", " ").split()
    knowing = tuple(lang for lang in ("ru", "uk") if all(_analyzer(lang).word_is_known(w) for w in words))
    return knowing or ("ru",)


def _nominative_parse(word: str, lang: str, pos: str):
    for parse in _analyzer(lang).parse(word):
        if parse.tag.POS == pos and parse.tag.case == "nomn":
            return parse
    return None


def _forms_by_case(parse, gender: str | None, number: str | None) -> dict[str, set[str]]:
    """Forms of ``parse``'s lexeme grouped by case, keeping gender/number fixed."""
    out: dict[str, set[str]] = {}
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS or tag.case in (None, "voct"):
            continue
        if number and tag.number and tag.number != number:
            continue
        if gender and tag.gender and tag.gender != gender:
            continue
        out.setdefault(tag.case, set()).add(form.word)
    return out


@lru_cache(maxsize=None)
def phrase_forms(phrase: str, lang: str) -> frozenset[str]:
    """Every case form of a name phrase ("Курская область" → "курской области", …).

    Adjectives before the head noun agree with it; words after the head noun
    ("Республика Татарстан") stay as written.  Unknown words stay as written.
    """
    words = phrase.lower().split()
    head = None
    roles: list[tuple[str, object]] = []  # ("adj", parse) | ("noun", parse) | ("fixed", None)
    for i, word in enumerate(words):
        if head is not None:
            roles.append(("fixed", None))
            continue
        adj = _nominative_parse(word, lang, "ADJF")
        noun = _nominative_parse(word, lang, "NOUN")
        personal = noun is not None and bool({"Surn", "Name", "Patr"} & noun.tag.grammemes)
        if adj is not None and (i < len(words) - 1 or noun is None or personal):
            roles.append(("adj", adj))
            if i == len(words) - 1:
                head = adj
        elif noun is not None:
            roles.append(("noun", noun))
            head = noun
        else:
            roles.append(("fixed", None))
    if head is None:
        return frozenset({" ".join(words)})
    gender, number = head.tag.gender, head.tag.number or "sing"
    if gender is None and head.tag.POS == "ADJF":
        gender = "femn" if words[-1].endswith(("ая", "а", "яя", "я")) else "neut" if words[-1].endswith(("ое", "е", "є")) else "masc"
    per_word: list[dict[str, set[str]]] = []
    for (role, parse), word in zip(roles, words):
        if role == "fixed":
            per_word.append({})
        elif role == "adj":
            per_word.append(_forms_by_case(parse, gender if number != "plur" else None, number))
        else:
            per_word.append(_forms_by_case(parse, parse.tag.gender, number))
    cases = set().union(*(set(d) for d in per_word)) or {"nomn"}
    results: set[str] = {" ".join(words)}
    for case in sorted(cases):
        fallback = {"loc2": "loct", "gen2": "gent", "acc2": "accs"}.get(case, "nomn")
        options = []
        for word, forms in zip(words, per_word):
            options.append(sorted(forms.get(case) or forms.get(fallback) or {word}))
        for combo in itertools.islice(itertools.product(*options), _MAX_FORMS):
            results.add(" ".join(combo))
    return frozenset(results)


@lru_cache(maxsize=None)
def adjective_forms(adjective: str, lang: str) -> frozenset[str]:
    """All singular forms of an adjective, every gender ("курская" → "курской", "курского", …)."""
    parse = _nominative_parse(adjective.lower(), lang, "ADJF")
    if parse is None:
        return frozenset({adjective.lower()})
    forms = {form.word for form in parse.lexeme if form.tag.POS == "ADJF" and form.tag.number != "plur" and form.tag.case != "voct"}
    return frozenset(forms | {adjective.lower()})


def is_adjective(word: str, lang: str) -> bool:
    return _nominative_parse(word.lower(), lang, "ADJF") is not None
