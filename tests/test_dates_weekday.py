"""A weekday is the latest such day on or before publication."""

from datetime import date

import pytest

from skyledger.dates import find_time_mentions, resolve

THURSDAY = date(2024, 3, 14)


def dates(text: str, lang: str, published: date | None = THURSDAY) -> list[str | None]:
    return [resolve(m, published).date for m in find_time_mentions(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The ministry said on Wednesday that two missiles were shot down.", "en", "2024-03-13"),
        ("The air force said Thursday that four drones were destroyed.", "en", "2024-03-14"),
        ("On Monday, three drones hit the depot.", "en", "2024-03-11"),
        ("В среду губернатор сообщил о двух дронах.", "ru", "2024-03-13"),
        ("У понеділок губернатор повідомив про два дрони.", "uk", "2024-03-11"),
        ("У п'ятницю губернатор повідомив про два дрони.", "uk", "2024-03-08"),
        ("В минувшую субботу сбиты два дрона.", "ru", "2024-03-09"),
    ],
)
def test_weekday_is_the_latest_on_or_before_publication(text: str, lang: str, expected: str) -> None:
    assert dates(text, lang) == [expected]


def test_an_evening_of_a_weekday_stays_on_that_weekday() -> None:
    assert dates("В среду вечером сбит ещё один дрон.", "ru") == ["2024-03-13"]


def test_weekday_without_publication_is_unresolved() -> None:
    assert dates("The ministry said on Wednesday that two missiles were shot down.", "en", None) == [None]


def test_ukrainian_among_is_not_wednesday() -> None:
    # "серед" means "among"; only the inflected weekday after a preposition counts.
    assert find_time_mentions("Серед уламків знайшли частини дрона.", lang="uk") == []
