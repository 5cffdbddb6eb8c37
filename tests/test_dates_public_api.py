"""The names the extraction engine imports from skyledger.dates."""

import dataclasses

import skyledger.dates as dates


def test_exports_exactly_the_documented_api() -> None:
    assert sorted(dates.__all__) == sorted(
        ["ResolvedTime", "TimeMention", "default_date", "find_time_mentions", "parse_published", "resolve"]
    )


def test_records_are_frozen() -> None:
    resolved = dates.ResolvedTime(date="2024-01-01")
    try:
        resolved.date = None  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("ResolvedTime must be frozen")
