"""Regional governors' and mayors' posts: claimant after the verb, singular nouns, 'Об этом сообщил'."""

from skyledger.extract import extract


def test_governor_singular_noun_counts_one():
    text = "Губернатор Брянской области Александр Богомаз сообщил, что над Погарским районом уничтожен беспилотник."
    claims = extract(text, "2025-05-01", lang="ru")
    assert [(c.action, c.weapon, c.count, c.claimant_side) for c in claims] == [("intercepted", "drone", 1, "RU")]
    assert "Bogomaz" in claims[0].claimant


def test_plural_noun_without_count_is_not_a_figure():
    text = "Губернатор Гладков сообщил, что беспилотники атаковали Шебекино. Пострадавших нет."
    assert extract(text, "2025-05-01", lang="ru") == []


def test_mayor_next_sentence_names_claimant():
    text = ("Силы ПВО Минобороны отразили атаку двух беспилотников, летевших на Москву. "
            "Об этом в своем телеграм-канале сообщил мэр Москвы Сергей Собянин.")
    claims = extract(text, "2025-05-01", lang="ru")
    assert [(c.action, c.count, c.locations) for c in claims] == [("intercepted", 2, ("Moscow",))]
    assert claims[0].claimant == "Sergey Sobyanin" and claims[0].claimant_side == "RU"


def test_quote_speaker_after_the_quote():
    text = ("Вячеслав Гладков прокомментировал ночную атаку. «Над Белгородским районом ПВО сбили пять беспилотников. "
            "Пострадавших нет», — написал губернатор.")
    claims = extract(text, "2025-05-01", lang="ru")
    assert [(c.action, c.count, c.claimant) for c in claims] == [("intercepted", 5, "Vyacheslav Gladkov")]


def test_still_in_the_air_and_partitive():
    text = "Сейчас в небе над Курском находятся семь украинских БПЛА, три из них уже подавлены средствами РЭБ, сообщил губернатор Хинштейн."
    got = {(c.action, c.count) for c in extract(text, "2025-05-01", lang="ru")}
    assert got == {("launched", 7), ("intercepted", 3)}


def test_impact_verb():
    text = "По словам губернатора Гусева, два беспилотника упали на территорию промышленного предприятия в Воронеже."
    got = [(c.action, c.count, c.locations) for c in extract(text, "2025-05-01", lang="ru")]
    assert got == [("impacted", 2, ("Voronezh",))]
