"""Number words with case and gender inflection (stem tables), digits with case endings."""

import pytest

from skyledger.extract import extract
from skyledger.extract.lang_cyrillic import parse_number_tokens


@pytest.mark.parametrize("words,value", [
    ("двадцать три", 23), ("двадцати трёх", 23), ("двадцати трех", 23), ("сорока одного", 41), ("одну", 1),
    ("двумстам", 200), ("двухсот пятидесяти", 250), ("ста двенадцати", 112), ("девяноста", 90),
    ("восьмью", 8), ("две тысячи", 2000), ("полтора десятка", 15), ("1 662", 1662), ("четверо", 4),
    # Ukrainian
    ("двадцять три", 23), ("двадцятьох", 20), ("двадцятьох трьох", 23), ("п'ятьома", 5), ("п’ятьма", 5),
    ("дев’ятьох", 9), ("сорока", 40), ("двохсот", 200), ("одну", 1), ("115-ма", 115), ("37-ми", 37), ("пів сотні", 50), ("півтори сотні", 150),
])
def test_number_words(words, value):
    assert parse_number_tokens(words.split()) == value


@pytest.mark.parametrize("words", ["кілька", "несколько", "десятки", "сотни", "ракета", ""])
def test_not_numbers(words):
    assert parse_number_tokens(words.split()) is None


def test_oblique_case_count_in_sentence():
    text = "Минобороны России сообщило о перехвате двадцати трёх беспилотников над Брянской областью."
    c = extract(text, "2025-01-01", lang="ru")[0]
    assert (c.count, c.action, c.locations) == (23, "intercepted", ("Bryansk Oblast",))


def test_qualifiers():
    text = "Минобороны: силы ПВО сбили более 30 беспилотников, около десяти ракет и до пяти управляемых авиабомб."
    got = {(c.weapon, c.count, c.count_qualifier) for c in extract(text, "2025-01-01", lang="ru")}
    assert got == {("drone", 30, "at_least"), ("missile", 10, "approx"), ("guided_bomb", 5, "up_to")}


def test_times_and_dates_are_not_counts():
    text = "В 14:31 по московскому времени 18 ноября ВСУ выпустили по Белгороду ракету Точка-У."
    got = [(c.action, c.count, c.weapon_model) for c in extract(text, "2025-11-19", lang="ru")]
    assert got == [("launched", 1, "Tochka-U")]
