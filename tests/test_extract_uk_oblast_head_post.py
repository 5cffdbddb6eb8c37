"""Posts by heads of oblast military administrations and city mayors (Ukrainian)."""

from skyledger.extract import extract


def test_head_post_with_fronted_oblast():
    text = ("Про нічну атаку повідомив голова Одеської ОВА Олег Кіпер. "
            "«Над Одещиною сили ППО знищили 14 ударних безпілотників», – написав він.")
    claims = extract(text, "2025-02-01", lang="uk")
    assert [(c.action, c.count, c.locations, c.claimant_side, c.attacker_side) for c in claims] == [
        ("intercepted", 14, ("Odesa Oblast",), "UA", "RU")]
    assert claims[0].claimant == "Oleh Kiper"


def test_district_breakdown_with_distributive_po():
    text = ("Голова Дніпропетровської ОВА Сергій Лисак повідомив: по три «шахеди» збили у Нікопольському "
            "та Павлоградському районах.")
    got = sorted((c.count, c.weapon_model, c.locations) for c in extract(text, "2025-02-01", lang="uk"))
    assert got == [(3, "Shahed", ("Nikopol District",)), (3, "Shahed", ("Pavlohrad District",))]


def test_all_of_them_gives_launched_and_intercepted():
    text = "Сергій Лисак повідомив, що сили ППО збили всі шість ворожих дронів над областю."
    got = {(c.action, c.count) for c in extract(text, "2025-02-01", lang="uk")}
    assert got == {("intercepted", 6), ("launched", 6)}


def test_mayor_missiles_over_the_city():
    text = "Мер столиці Віталій Кличко повідомив, що над Києвом сили ППО збили дві крилаті ракети Х-101."
    c = extract(text, "2025-02-01", lang="uk")[0]
    assert (c.action, c.weapon, c.weapon_model, c.count, c.locations) == ("intercepted", "missile", "Kh-101", 2, ("Kyiv",))
    assert c.claimant_side == "UA"


def test_impact_with_guided_bombs_instrumental():
    text = "Росіяни атакували Харків, влучивши п'ятьма керованими авіабомбами по житловому кварталу, повідомив Ігор Терехов."
    got = [(c.action, c.weapon, c.count, c.attacker_side) for c in extract(text, "2025-02-01", lang="uk")]
    assert got == [("impacted", "guided_bomb", 5, "RU")]


def test_kab_and_partitive():
    # (a next sentence with no weapon word and no digit is not read by the engine yet: see docs/languages.md)
    text = "Ворог скинув на Запорізьку область 12 КАБів, один з них збили сили ППО, повідомив Іван Федоров."
    got = {(c.action, c.weapon, c.count) for c in extract(text, "2025-02-01", lang="uk")}
    assert ("launched", "guided_bomb", 12) in got
    assert ("intercepted", "guided_bomb", 1) in got


def test_official_not_in_the_lexicon_keeps_their_name():
    text = "Сили ППО збили над Київщиною 12 ударних безпілотників, повідомив начальник Київської ОВА Микола Калашник."
    c = extract(text, "2025-02-01", lang="uk")[0]
    assert (c.claimant, c.claimant_side, c.locations) == ("Mykola Kalashnyk", "UA", ("Kyiv Oblast",))
