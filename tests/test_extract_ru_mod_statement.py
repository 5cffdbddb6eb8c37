"""Russian MoD daily statements: totals with a regional breakdown, number words in every case."""

from skyledger.extract import extract


def _rows(text, published="2025-06-02"):
    return [(c.action, c.weapon, c.count, tuple(c.locations), c.claimant, c.attacker_side) for c in extract(text, published, lang="ru")]


def test_total_and_breakdown_with_dashes():
    text = ("Дежурными средствами ПВО перехвачены и уничтожены двадцать три украинских беспилотных летательных аппарата "
            "самолетного типа, сообщили в Минобороны России. Двенадцать беспилотников были перехвачены над территорией "
            "Брянской области, семь — над Курской областью, три — над Орловской областью и один — над акваторией Черного моря.")
    rows = _rows(text)
    assert ("intercepted", "drone", 23, ("Bryansk Oblast", "Kursk Oblast", "Oryol Oblast", "Black Sea"), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 12, ("Bryansk Oblast",), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 7, ("Kursk Oblast",), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 3, ("Oryol Oblast",), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 1, ("Black Sea",), "Russian Ministry of Defence", "UA") in rows
    assert len(rows) == 5


def test_oblique_case_number_words_after_verb_noun():
    text = "В Минобороны РФ сообщили об уничтожении сорока двух украинских беспилотников над Белгородской областью."
    rows = _rows(text)
    assert rows == [("intercepted", "drone", 42, ("Belgorod Oblast",), "Russian Ministry of Defence", "UA")]


def test_distributive_po_gives_one_figure_per_place():
    text = "По данным Минобороны, по пять беспилотников были сбиты над Тульской, Калужской и Смоленской областями."
    rows = _rows(text)
    assert sorted(r[3] for r in rows) == [("Kaluga Oblast",), ("Smolensk Oblast",), ("Tula Oblast",)]
    assert all(r[:3] == ("intercepted", "drone", 5) for r in rows)


def test_mixed_weapons_share_the_verb():
    text = ("Средствами противовоздушной обороны сбиты четыре управляемые авиационные бомбы, две ракеты «Нептун», "
            "пять реактивных снарядов HIMARS и 117 беспилотных летательных аппаратов, говорится в сводке Минобороны России.")
    got = {(c.weapon, c.weapon_model, c.count) for c in extract(text, "2025-06-02", lang="ru") if c.action == "intercepted"}
    assert got == {("guided_bomb", None, 4), ("missile", "Neptune", 2), ("rocket", "HIMARS", 5), ("drone", None, 117)}


def test_fronted_place_and_reversed_order():
    text = "Над территорией Курской области обнаружены и уничтожены восемь беспилотников, отметили в Минобороны."
    assert _rows(text) == [("intercepted", "drone", 8, ("Kursk Oblast",), "Russian Ministry of Defence", "UA")]


def test_atacms_with_cyrillic_and_latin_spellings():
    text = "Минобороны России: над Крымом сбиты три ракеты АТАКМС и две ракеты Storm Shadow."
    got = {(c.weapon_model, c.count) for c in extract(text, "2025-06-02", lang="ru")}
    assert got == {("ATACMS", 3), ("Storm Shadow", 2)}


def test_distributive_elliptical_part():
    text = ("Минобороны России: перехвачены 30 беспилотников. 12 — над Брянской областью, по девять — над Орловской "
            "и Тульской областями.")
    rows = _rows(text)
    assert ("intercepted", "drone", 30, ("Bryansk Oblast", "Oryol Oblast", "Tula Oblast"), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 9, ("Oryol Oblast",), "Russian Ministry of Defence", "UA") in rows
    assert ("intercepted", "drone", 9, ("Tula Oblast",), "Russian Ministry of Defence", "UA") in rows


def test_all_of_them_in_the_same_sentence():
    text = "ВСУ выпустили по Курской области пять ракет ATACMS, все они были сбиты, сообщили в Минобороны РФ."
    got = {(c.action, c.count, c.weapon_model) for c in extract(text, "2025-06-02", lang="ru")}
    assert got == {("launched", 5, "ATACMS"), ("intercepted", 5, "ATACMS")}


def test_claimant_named_at_the_end_of_the_paragraph():
    text = ("Больше всего дронов — 30 — было перехвачено над Брянской областью. Еще пять беспилотников сбиты над Курской "
            "областью. Все беспилотники были перехвачены дежурными средствами ПВО, отметили в Минобороны.")
    claims = extract(text, "2025-06-02", lang="ru")
    assert {(c.count, c.claimant) for c in claims} >= {(5, "Russian Ministry of Defence")}


def test_press_service_of_the_ministry():
    text = "Средствами ПВО сбиты 14 беспилотников, сообщила пресс-служба Минобороны России."
    c = extract(text, "2025-06-02", lang="ru")[0]
    assert (c.claimant, c.claimant_side, c.attacker_side) == ("Russian Ministry of Defence", "RU", "UA")


def test_target_side_decides_the_attacker():
    text = "Ракета «Искандер-М» поразила позиции ВСУ под Харьковом, сообщили в Минобороны."
    c = extract(text, "2025-06-02", lang="ru")[0]
    assert (c.action, c.count, c.attacker_side, c.claimant_side) == ("impacted", 1, "RU", "RU")
