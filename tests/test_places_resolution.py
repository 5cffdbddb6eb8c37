"""How find_places reads place names in claim sentences (specification by example)."""

from __future__ import annotations

import pytest

from skyledger.places import find_places


def names(text: str, **kwargs) -> list[str]:
    return [m.place.name for m in find_places(text, **kwargs)]


# ------------------------------------------------------------ coordinated lists
def test_a_shared_region_word_makes_every_list_member_an_oblast():
    text = "Drones were downed over the Rostov, Belgorod, Kursk, Voronezh and Astrakhan Regions."
    mentions = find_places(text)
    assert [m.place.name for m in mentions] == [
        "Rostov Oblast", "Belgorod Oblast", "Kursk Oblast", "Voronezh Oblast", "Astrakhan Oblast",
    ]
    assert [m.surface for m in mentions] == ["Rostov", "Belgorod", "Kursk", "Voronezh", "Astrakhan Regions"]
    assert {m.precision for m in mentions} == {"admin1"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("23 UAVs over the Bryansk, Kaluga and Kursk regions", ["Bryansk Oblast", "Kaluga Oblast", "Kursk Oblast"]),
        ("attacks on Kursk and Belgorod provinces", ["Kursk Oblast", "Belgorod Oblast"]),
        ("the regions of Tula and Oryol", ["Tula Oblast", "Oryol Oblast"]),
        ("over the Black and Azov seas", ["Black Sea", "Sea of Azov"]),
        ("над Белгородской и Курской областями", ["Belgorod Oblast", "Kursk Oblast"]),
        ("у Сумській, Харківській та Полтавській областях", ["Sumy Oblast", "Kharkiv Oblast", "Poltava Oblast"]),
        ("в Синельниківському та Дніпровському районах", ["Synelnykove District", "Dnipro District"]),
    ],
)
def test_coordinated_lists_give_one_mention_per_name(text, expected):
    assert names(text) == expected


def test_a_name_repeated_before_its_region_word_is_the_city_then_the_region():
    assert names("in Kyiv and the Kyiv region") == ["Kyiv", "Kyiv Oblast"]
    assert names("Kharkiv and Kharkiv Oblast") == ["Kharkiv", "Kharkiv Oblast"]
    assert names("Crimea and the Kherson region") == ["Crimea", "Kherson Oblast"]
    assert names("Moscow and Kursk regions") == ["Moscow Oblast", "Kursk Oblast"]


# --------------------------------------------------------------- region vs city
def test_a_region_word_selects_the_oblast_and_a_bare_name_the_city():
    oblast, city = find_places("Debris fell in the Kursk region, not in Kursk itself.")
    assert (oblast.place.name, oblast.place.kind, oblast.place.code) == ("Kursk Oblast", "admin1", "RU-KRS")
    assert oblast.surface == "Kursk region"
    assert (city.place.name, city.place.kind, city.precision) == ("Kursk", "city", "city")
    assert city.place.parent == "Kursk Oblast"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscow region", "Moscow Oblast"),
        ("the Moscow Oblast", "Moscow Oblast"),
        ("in Moscow", "Moscow"),
        ("the Krasnodar Territory", "Krasnodar Krai"),
        ("the Altai Republic", "Altai Republic"),
        ("the Altai region", "Altai Krai"),
        ("the Belgorod district", "Belgorod District"),
        ("Republic of Crimea", "Crimea"),
        ("the Crimean peninsula", "Crimea"),
        ("Kharkov", "Kharkiv"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Dnipropetrovsk region", "Dnipropetrovsk Oblast"),
        ("Nizhny Novgorod Oblast", "Nizhny Novgorod Oblast"),
        ("the Sea of Azov", "Sea of Azov"),
        ("Tatarstan", "Tatarstan"),
    ],
)
def test_english_spellings_and_region_words(text, expected):
    assert names(text) == [expected]


# -------------------------------------------------------------- country phrases
@pytest.mark.parametrize(
    "text",
    ["drones over Russian territory", "over Russia", "over the territory of the Russian Federation"],
)
def test_russia_as_a_whole_is_a_country_mention(text):
    (mention,) = find_places(text)
    assert (mention.place.name, mention.place.kind, mention.precision) == ("Russia", "country", "country")


def test_ukraine_as_a_whole_is_a_country_mention():
    assert [(m.place.name, m.precision) for m in find_places("missiles launched over Ukraine")] == [("Ukraine", "country")]


# ------------------------------------------------------------ Cyrillic inflection
@pytest.mark.parametrize(
    "text, expected",
    [
        ("над территорией Курской области", "Kursk Oblast"),
        ("в Брянской области", "Bryansk Oblast"),
        ("на Харківщині", "Kharkiv Oblast"),
        ("Одещина", "Odesa Oblast"),
        ("у Києві", "Kyiv"),
        ("Київська область", "Kyiv Oblast"),
        ("Дніпропетровщина", "Dnipropetrovsk Oblast"),
        ("Московский регион", "Moscow Oblast"),
        ("над Брянщиной", "Bryansk Oblast"),
        ("в Подмосковье", "Moscow Oblast"),
        ("над акваторией Черного моря", "Black Sea"),
        ("над акваторією Чорного моря", "Black Sea"),
        ("в Крыму", "Crimea"),
        ("в Курске", "Kursk"),
        ("в Краснодарском крае", "Krasnodar Krai"),
        ("над Кривим Рогом", "Kryvyi Rih"),
        ("у Запоріжжі", "Zaporizhzhia"),
        ("на Запорожье", "Zaporizhzhia"),
        ("у Кривому Розі", "Kryvyi Rih"),
        ("у Слов'янську", "Sloviansk"),  # geonames also lists this name under Nikopol
        ("в Нижнем Новгороде", "Nizhny Novgorod"),
    ],
)
def test_russian_and_ukrainian_case_forms(text, expected):
    assert names(text) == [expected]


def test_an_adjective_whose_noun_is_implied_by_the_list_still_names_the_oblast():
    text = "14 сбиты в Ростовской области, восемь — в Белгородской."
    assert names(text) == ["Rostov Oblast", "Belgorod Oblast"]
    assert names("два — в Волгоградской и один — в Крыму") == ["Volgograd Oblast", "Crimea"]
    assert names("голова Дніпропетровської ОВА") == ["Dnipropetrovsk Oblast"]
    assert names("у Павлоградському, де уламки впали") == ["Pavlohrad District"]


@pytest.mark.parametrize("text", ["Курская дуга", "Киевская Русь", "Московская биржа"])
def test_an_adjective_inside_another_name_is_not_a_region(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [("shelling of the DPR", "Donetsk Oblast"), ("в ЛНР", "Luhansk Oblast"),
     ("the Donetsk People's Republic", "Donetsk Oblast")],
)
def test_names_of_occupation_entities_resolve_to_the_ukrainian_oblasts(text, expected):
    assert names(text) == [expected]


# ------------------------------------------------------------------ false hits
@pytest.mark.parametrize(
    "text",
    [
        "Mirror of the bar, the bor and the mir.",  # common words that are also town names
        "Kurskaya oblastnaya",  # never inside a longer word
        "Kharkivska",
        "President Vladimir Putin said so.",  # a person, not the city of Vladimir
        "губернатор Александр Гусев сообщил",
        "kursk and kharkiv in lower case",  # lower-case standalone names are not trusted
        "The Black smoke rose.",  # a stem without its kind word
    ],
)
def test_no_false_places(text):
    assert names(text) == []


def test_names_inside_other_words_do_not_match():
    assert names("Belgorodskiy and Moscowite") == []
    assert names("Ivano-Frankivsk") == ["Ivano-Frankivsk"]  # not "Frankivsk" inside it
    assert names("Rostov-on-Don") == ["Rostov-on-Don"]


# --------------------------------------------------------------- disambiguation
def test_a_shared_name_goes_to_the_place_whose_region_is_named_nearby():
    assert names("A drone hit Donetsk.") == ["Donetsk"]
    rostov = find_places("In the Rostov region, a drone hit Donetsk.")[1].place
    assert rostov.country == "RU" and rostov.parent == "Rostov Oblast"
    ukr = find_places("A drone hit Donetsk.")[0].place
    assert ukr.country == "UA" and ukr.parent == "Donetsk Oblast"


# ------------------------------------------------------------------- scanning
def test_offsets_index_the_full_text_when_scanning_a_slice():
    text = "Preamble about Kursk. Then drones over Bryansk region. Tail about Kyiv."
    start = text.index("Then")
    end = text.index("Tail")
    (mention,) = find_places(text, start, end)
    assert text[mention.start : mention.end] == mention.surface == "Bryansk region"
    assert mention.place.name == "Bryansk Oblast"


def test_precision_of_sites_is_point():
    (mention,) = find_places("A strike on Belbek airfield.")
    assert mention.place.name == "Belbek airfield" and mention.precision == "point"
    assert mention.place.parent == "Sevastopol"
