"""Overnight reports are dated by the morning the night ends (FORMAT.md: "the morning date")."""

from datetime import date

import pytest

from skyledger.dates import find_time_mentions, resolve

PUBLISHED = date(2024, 3, 14)  # a Thursday


def only_date(text: str, lang: str, published: date | None = PUBLISHED) -> str | None:
    mentions = find_time_mentions(text, lang=lang)
    assert len(mentions) == 1, mentions
    assert mentions[0].kind == "night", mentions[0]
    return resolve(mentions[0], published).date


@pytest.mark.parametrize(
    "text",
    [
        "Air defence units downed twelve drones overnight, officials said.",
        "Twelve drones were downed last night over the region.",
        "During the night, twelve drones were destroyed.",
        "This past night, air defences destroyed twelve drones.",
        "In the early hours, twelve drones were destroyed.",
        "In the small hours, twelve drones were destroyed.",
    ],
)
def test_english_night_words_take_the_publication_morning(text: str) -> None:
    assert only_date(text, "en") == "2024-03-14"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("За минувшую ночь сбиты двенадцать дронов.", "ru"),
        ("Ночью над областью сбили двенадцать дронов.", "ru"),
        ("Минулої ночі збито дванадцять дронів.", "uk"),
        ("Вночі над областю збили дванадцять дронів.", "uk"),
        ("Цієї ночі область атакували дрони.", "uk"),
        ("Під час нічної масованої атаки збито дрони.", "uk"),
    ],
)
def test_cyrillic_night_words_take_the_publication_morning(text: str, lang: str) -> None:
    assert only_date(text, lang) == "2024-03-14"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("В ночь на 12 марта сбиты три дрона.", "ru", "2024-03-12"),
        ("У ніч на 12 березня збито три дрони.", "uk", "2024-03-12"),
        ("У ніч проти 12 березня збито три дрони.", "uk", "2024-03-12"),
        ("В ночь с 11 на 12 марта сбиты три дрона.", "ru", "2024-03-12"),
        ("Three drones were downed on the night of March 11-12.", "en", "2024-03-12"),
        ("Three drones were downed on the night of March 11.", "en", "2024-03-12"),
    ],
)
def test_a_named_night_is_dated_by_its_morning(text: str, lang: str, expected: str) -> None:
    assert only_date(text, lang) == expected


def test_a_night_named_by_weekday_takes_that_morning() -> None:
    assert only_date("В ночь на вторник сбиты три дрона.", "ru") == "2024-03-12"


def test_late_evening_is_reported_under_the_next_morning() -> None:
    assert only_date("Вчора пізно ввечері збили п'ять дронів.", "uk") == "2024-03-14"
    assert only_date("Drones struck the port late on Tuesday.", "en") == "2024-03-13"


def test_an_attack_running_from_an_evening_is_dated_by_the_next_morning() -> None:
    assert only_date("З вечора 12 березня ворог атакував дронами.", "uk") == "2024-03-13"
    assert only_date("З середи ввечері ворог атакував дронами.", "uk") == "2024-03-14"


def test_an_evening_shift_never_runs_past_publication() -> None:
    # Published on the evening itself: the next morning has not come yet.
    assert only_date("З вечора 14 березня ворог атакував дронами.", "uk") == "2024-03-14"


def test_without_publication_an_undated_night_stays_unresolved() -> None:
    assert only_date("Twelve drones were downed overnight.", "en", published=None) is None
