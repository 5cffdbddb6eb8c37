"""Calendar dates: inflected month names, and a year taken from publication, never invented."""

from datetime import date

import pytest

from skyledger.dates import find_time_mentions, resolve


def dates(text: str, lang: str, published: date | None) -> list[str | None]:
    return [resolve(m, published).date for m in find_time_mentions(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two missiles were fired on October 31.", "en"),
        ("Two missiles were fired on 31 October.", "en"),
        ("Two missiles were fired on Oct. 31.", "en"),
        ("Две ракеты запущены 31 октября.", "ru"),
        ("Дві ракети запущено 31 жовтня.", "uk"),
    ],
)
def test_unyeared_date_takes_the_publication_year(text: str, lang: str) -> None:
    assert dates(text, lang, date(2024, 11, 2)) == ["2024-10-31"]


def test_a_late_december_date_in_an_early_january_report_is_last_year() -> None:
    assert dates("Drones attacked on December 30.", "en", date(2025, 1, 2)) == ["2024-12-30"]
    assert dates("Дроны атаковали 30 декабря.", "ru", date(2025, 1, 2)) == ["2024-12-30"]


def test_an_early_january_date_in_a_late_december_report_is_next_year() -> None:
    assert dates("Talks are set for January 3.", "en", date(2024, 12, 30)) == ["2025-01-03"]


def test_a_date_months_after_publication_is_read_as_last_year() -> None:
    assert dates("A strike on September 20 hit the plant.", "en", date(2024, 3, 1)) == ["2023-09-20"]


def test_explicit_year_wins_over_publication() -> None:
    assert dates("Двадцять ракет 15 травня 2023 року.", "uk", date(2024, 6, 1)) == ["2023-05-15"]
    assert dates("Missiles were launched on May 15, 2023.", "en", None) == ["2023-05-15"]


def test_this_year_and_last_year_pin_the_year() -> None:
    assert dates("On May 15 this year, five missiles were destroyed.", "en", date(2024, 5, 16)) == ["2024-05-15"]
    assert dates("15 мая прошлого года сбиты пять ракет.", "ru", date(2024, 5, 16)) == ["2023-05-15"]
    assert dates("On May 15, last year, five missiles were destroyed.", "en", date(2024, 5, 16)) == ["2023-05-15"]


def test_without_publication_an_unyeared_date_stays_unresolved() -> None:
    [mention] = find_time_mentions("Две ракеты запущены 31 октября.", lang="ru")
    assert (mention.month, mention.day, mention.year) == (10, 31, None)
    assert resolve(mention, None).date is None
    assert resolve(mention, None).precision == "unresolved"


def test_numeric_dates_need_a_year() -> None:
    assert dates("Звіт від 21.11.2024 про атаку.", "uk", None) == ["2024-11-21"]
    assert dates("Report of 2024-11-21 on the attack.", "en", None) == ["2024-11-21"]


def test_impossible_dates_do_not_resolve() -> None:
    assert dates("Sirens sounded on February 30.", "en", date(2024, 3, 1)) == [None]


def test_part_of_day_before_a_date_keeps_the_date() -> None:
    assert dates("Вранці 12 березня ворог атакував.", "uk", date(2024, 3, 12)) == ["2024-03-12"]
    assert dates("Ввечері 11 березня ворог атакував.", "uk", date(2024, 3, 12)) == ["2024-03-11"]


def test_weekday_and_date_together_read_as_the_date() -> None:
    [mention] = find_time_mentions("Во вторник, 12 марта, сбиты дроны.", lang="ru")
    assert mention.kind == "calendar" and mention.weekday == 1
    assert resolve(mention, date(2024, 3, 14)).date == "2024-03-12"


def test_may_the_verb_is_not_a_month() -> None:
    assert find_time_mentions("Officials may 15 times revise the figure.", lang="en") == []


def test_injuries_are_not_may() -> None:
    # "травм" (injuries) shares its stem with "травня" (of May).
    assert find_time_mentions("Троє людей отримали 5 травм різного ступеня.", lang="uk") == []
