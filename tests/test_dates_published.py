"""Publication dates as feeds, pages and exports write them."""

from datetime import date, datetime, timedelta, timezone

import pytest

from skyledger.dates import default_date, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-22", datetime(2024, 11, 22)),
        ("2024-11-22T06:15:00", datetime(2024, 11, 22, 6, 15)),
        ("2024-11-22T06:15:00Z", datetime(2024, 11, 22, 6, 15, tzinfo=timezone.utc)),
        ("2024-11-22T06:15:00+02:00", datetime(2024, 11, 22, 6, 15, tzinfo=timezone(timedelta(hours=2)))),
        ("Fri, 22 Nov 2024 06:15:00 +0000", datetime(2024, 11, 22, 6, 15, tzinfo=timezone.utc)),
        ("November 22, 2024", datetime(2024, 11, 22)),
        ("22 November 2024 09:40", datetime(2024, 11, 22, 9, 40)),
        ("Published November 22, 2024last updated November 23, 2024", datetime(2024, 11, 22)),
        ("22 ноября 2024, 10:15", datetime(2024, 11, 22, 10, 15)),
        ("22 листопада 2024", datetime(2024, 11, 22)),
        ("22.11.2024 08:05", datetime(2024, 11, 22, 8, 5)),
        (date(2024, 11, 22), datetime(2024, 11, 22)),
    ],
)
def test_parses_common_publication_formats(value: object, expected: datetime) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [None, "", "yesterday", "no date here", "2024-13-45", "31.02.2024"])
def test_unparseable_values_give_none(value: object) -> None:
    assert parse_published(value) is None


def test_default_date_is_the_publication_day() -> None:
    assert default_date(datetime(2024, 11, 22, 6, 15)) == "2024-11-22"
    assert default_date(date(2024, 11, 22)) == "2024-11-22"
    assert default_date(None) is None


def test_default_date_reads_aware_times_on_the_war_zone_clock() -> None:
    assert default_date(datetime(2024, 11, 21, 23, 30, tzinfo=timezone.utc)) == "2024-11-22"


def test_dates_accept_a_raw_publication_string() -> None:
    from skyledger.dates import find_time_mentions, resolve

    [mention] = find_time_mentions("Drones were downed overnight.", lang="en")
    assert resolve(mention, "Fri, 22 Nov 2024 05:00:00 +0000").date == "2024-11-22"
    assert default_date("22 листопада 2024") == "2024-11-22"
    assert default_date("not a date") is None
