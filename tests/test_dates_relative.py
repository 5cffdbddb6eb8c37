"""Days named relative to publication: today, yesterday, the previous day."""

from datetime import date

import pytest

from skyledger.dates import find_time_mentions, resolve

PUBLISHED = date(2024, 3, 14)


def dates(text: str, lang: str, published: date | None = PUBLISHED) -> list[str | None]:
    return [resolve(m, published).date for m in find_time_mentions(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Today three drones were destroyed.", "en", "2024-03-14"),
        ("The ministry reported this morning that three drones were destroyed.", "en", "2024-03-14"),
        ("Three drones were destroyed yesterday.", "en", "2024-03-13"),
        ("It came a day after a missile hit the port.", "en", "2024-03-13"),
        ("The previous day a missile hit the port.", "en", "2024-03-13"),
        ("Сегодня сбиты три дрона.", "ru", "2024-03-14"),
        ("Вчера сбиты три дрона.", "ru", "2024-03-13"),
        ("Накануне сбиты три дрона.", "ru", "2024-03-13"),
        ("Напередодні збито три дрони.", "uk", "2024-03-13"),
        ("Вчора збито три дрони.", "uk", "2024-03-13"),
        ("Зранку збито три дрони.", "uk", "2024-03-14"),
    ],
)
def test_relative_days_count_from_publication(text: str, lang: str, expected: str) -> None:
    assert dates(text, lang) == [expected]


def test_relative_days_need_a_publication_date() -> None:
    assert dates("Three drones were destroyed yesterday.", "en", None) == [None]


def test_aware_publication_times_are_read_on_the_war_zone_clock() -> None:
    from datetime import datetime, timezone

    late_utc = datetime(2024, 3, 13, 22, 30, tzinfo=timezone.utc)  # 01:30 on the 14th in Kyiv/Moscow
    assert dates("Today three drones were destroyed.", "en", late_utc) == ["2024-03-14"]
