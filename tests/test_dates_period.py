"""Periods: a past day pins the publication date; weeks, months and seasons pin none."""

from datetime import date

import pytest

from skyledger.dates import find_time_mentions, resolve

PUBLISHED = date(2024, 3, 14)


def resolved(text: str, lang: str) -> list[tuple[str | None, str]]:
    out = []
    for mention in find_time_mentions(text, lang=lang):
        assert mention.kind == "period", mention
        r = resolve(mention, PUBLISHED)
        out.append((r.date, r.precision))
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Forty drones were destroyed over the past 24 hours.", "en"),
        ("За прошедшие сутки сбиты сорок дронов.", "ru"),
        ("В течение суток сбиты сорок дронов.", "ru"),
        ("Протягом доби збито сорок дронів.", "uk"),
        ("За минулу добу збито сорок дронів.", "uk"),
    ],
)
def test_the_past_day_is_the_publication_date(text: str, lang: str) -> None:
    assert resolved(text, lang) == [("2024-03-14", "day")]


@pytest.mark.parametrize(
    ("text", "lang", "precision"),
    [
        ("This week alone, three hundred bombs were dropped.", "en", "week"),
        ("Earlier this week, two missiles hit the city.", "en", "week"),
        ("За неделю сбиты сто дронов.", "ru", "week"),
        ("За тиждень збито сто дронів.", "uk", "week"),
        ("Over the weekend, sixty drones were launched.", "en", "week"),
        ("На выходных сбиты шестьдесят дронов.", "ru", "week"),
        ("During the winter months, nine thousand drones were launched.", "en", "season"),
        ("В последние месяцы сирены звучат часто.", "ru", "month"),
        ("Протягом трьох місяців збито сто дронів.", "uk", "month"),
        ("У червні 2024 року збито сто дронів.", "uk", "month"),
        ("In June 2024, a hundred drones were shot down.", "en", "month"),
        ("З початку повномасштабного вторгнення збито сто ракет.", "uk", "war"),
    ],
)
def test_longer_periods_pin_no_date(text: str, lang: str, precision: str) -> None:
    assert resolved(text, lang) == [(None, precision)]
