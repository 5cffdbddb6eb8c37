"""Every admin-1 unit of Russia and Ukraine, as listed by pycountry, resolves from
its English, Russian and Ukrainian names in several grammatical cases.

The list of units and the expected ISO code come from pycountry; the Russian and
Ukrainian nominatives come from the alias table, and the other cases are derived
here with pymorphy3 word by word (independently of the build's expansion).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pymorphy3
import pytest

from skyledger.places import find_places, load_gazetteer

TABLE = Path(__file__).resolve().parents[1] / "skyledger" / "places" / "data" / "admin1.tsv"
SUBDIVISIONS = sorted(
    (s for s in pycountry.subdivisions if s.country_code in ("RU", "UA")), key=lambda s: s.code
)
_MORPH = {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in ("ru", "uk")}


def _table() -> dict[str, list[str]]:
    rows = {}
    with TABLE.open(encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            rows[row[0]] = row
    return rows


ROWS = _table()


def _nominative(word: str, lang: str, last: bool):
    parses = [p for p in _MORPH[lang].parse(word.lower()) if p.tag.case == "nomn"]
    wanted = "NOUN" if last else "ADJF"
    return next((p for p in parses if p.tag.POS == wanted), parses[0] if parses else None)


def _decline(phrase: str, lang: str, case: str) -> str:
    """Put the words up to the head noun into ``case`` (adjectives keep the noun's gender)."""
    words = phrase.split()
    parses = [_nominative(w, lang, i == len(words) - 1) for i, w in enumerate(words)]
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), len(words) - 1)
    out = []
    for i, (word, parse) in enumerate(zip(words, parses)):
        form = parse.inflect({case}) if parse is not None and i <= head else None
        text = form.word if form else word.lower()
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return " ".join(out)


def test_the_alias_table_covers_every_pycountry_subdivision():
    assert {s.code for s in SUBDIVISIONS} <= set(ROWS)
    assert len(SUBDIVISIONS) == 83 + 27


@pytest.mark.parametrize("sub", SUBDIVISIONS, ids=lambda s: s.code)
def test_english_names_resolve(sub):
    gaz = load_gazetteer()
    canonical = ROWS[sub.code][1]
    for name in (sub.name, canonical):
        assert gaz.lookup(name).code == sub.code, name
        sentence = f"Air defences shot down drones over {name} on Monday."
        codes = [m.place.code for m in find_places(sentence)]
        assert sub.code in codes, (name, codes)
    possessive = f"{canonical}'s governor reported debris."
    assert find_places(possessive)[0].place.code == sub.code


@pytest.mark.parametrize("lang", ["ru", "uk"])
@pytest.mark.parametrize("sub", SUBDIVISIONS, ids=lambda s: s.code)
def test_cyrillic_names_resolve_in_three_cases(sub, lang):
    gaz = load_gazetteer()
    nominative = ROWS[sub.code][4 if lang == "ru" else 5].split(";")[0]
    frame = "Беспилотники сбиты: {} — сообщили власти." if lang == "ru" else "Дрони збито: {} — повідомила влада."
    for case in ("nomn", "gent", "loct"):
        form = _decline(nominative, lang, case)
        assert gaz.lookup(form, lang=lang) is not None and gaz.lookup(form, lang=lang).code == sub.code, form
        mentions = find_places(frame.format(form), lang=lang)
        assert [m.place.code for m in mentions] == [sub.code], (form, mentions)
        assert mentions[0].surface == form
