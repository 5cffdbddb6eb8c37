"""Cyrillic weapon names and abbreviations, inflected."""

import pytest

from skyledger.extract import extract


@pytest.mark.parametrize("lang,text,model,weapon", [
    ("ru", "Над Крымом сбиты пять беспилотников «Герань-2».", "Shahed-136/131", "drone"),
    ("ru", "Минобороны: сбиты три ракеты Х-59/69.", "Kh-59/69", "missile"),
    ("ru", "ВСУ выпустили по Курску две ракеты «Нептун».", "Neptune", "missile"),
    ("uk", "Ворог випустив 8 ракет «Калібр» з акваторії Чорного моря.", "Kalibr", "missile"),
    ("uk", "Сили ППО збили 4 ракети Х-101 над Київщиною.", "Kh-101", "missile"),
    ("uk", "Противник застосував 2 ракети «Кинджал».", "Kinzhal", "missile"),
    ("uk", "Росіяни атакували область 30 ударними БпЛА типу Shahed.", "Shahed", "drone"),
    ("uk", "ППО збили 6 шахедів над Сумщиною.", "Shahed", "drone"),
    ("ru", "ПВО сбили четыре ракеты ATACMS.", "ATACMS", "missile"),
    ("ru", "Россия выпустила по Харькову три ракеты «Искандер-М».", "Iskander-M", "missile"),
])
def test_models(lang, text, model, weapon):
    claims = extract(text, "2025-01-01", lang=lang)
    assert claims and claims[0].weapon_model == model and claims[0].weapon == weapon


def test_kab_forms():
    text = "За сутки противник сбросил 25 КАБов на Сумскую область, сообщили в ОВА."
    c = extract(text, "2025-01-01", lang="ru")[0]
    assert (c.action, c.weapon, c.count) == ("launched", "guided_bomb", 25)


def test_apposed_model_after_singular():
    text = "14 червня сили ППО збили ракету, ймовірно «Калібр», повідомив Максим Козицький."
    c = extract(text, "2025-01-01", lang="uk")[0]
    assert (c.count, c.weapon_model) == (1, "Kalibr")


def test_compound_nouns_are_not_figures():
    text = "В Белгородской области объявлена угроза атаки БПЛА. Обломки беспилотника упали на крышу дома."
    assert extract(text, "2025-01-01", lang="ru") == []
