"""Reported windows: start and end times, dated by the end; an earlier end hour is the next day."""

from datetime import date

from skyledger.dates import ResolvedTime, find_time_mentions, resolve

PUBLISHED = date(2024, 3, 12)


def window(text: str, lang: str, published: date | None = PUBLISHED) -> ResolvedTime:
    [mention] = find_time_mentions(text, lang=lang)
    assert mention.kind == "window", mention
    return resolve(mention, published)


def test_english_window_ending_next_morning() -> None:
    r = window("From 18:00 on 11 March to 07:00, the enemy launched forty drones.", "en")
    assert r == ResolvedTime(date="2024-03-12", start="2024-03-11T18:00", end="2024-03-12T07:00", precision="window")


def test_ukrainian_window_ending_next_morning() -> None:
    r = window("З 18:00 11 березня до 07:00 ворог запустив сорок дронів.", "uk")
    assert (r.date, r.start, r.end) == ("2024-03-12", "2024-03-11T18:00", "2024-03-12T07:00")


def test_russian_window_with_both_dates() -> None:
    r = window("С 20:00 11 марта до 07:00 12 марта сбиты сорок дронов.", "ru")
    assert (r.date, r.start, r.end) == ("2024-03-12", "2024-03-11T20:00", "2024-03-12T07:00")


def test_open_window_from_an_evening_is_dated_by_the_next_morning() -> None:
    r = window("Ворог атакував сорока дронами (з 18:00 11 березня).", "uk")
    assert (r.date, r.start, r.end) == ("2024-03-12", "2024-03-11T18:00", None)


def test_window_within_one_day() -> None:
    r = window("Between 09:30 and 11:00 on March 10 sirens sounded.", "en")
    assert (r.date, r.start, r.end) == ("2024-03-10", "2024-03-10T09:30", "2024-03-10T11:00")
    r = window("From 09:30 on March 10 to 11:00, sirens sounded.", "en")
    assert (r.date, r.start, r.end) == ("2024-03-10", "2024-03-10T09:30", "2024-03-10T11:00")


def test_clock_only_window_is_placed_on_the_publication_morning() -> None:
    r = window("Дроны сбиты с 23:40 до 02:00.", "ru")
    assert (r.date, r.start, r.end) == ("2024-03-12", "2024-03-11T23:40", "2024-03-12T02:00")


def test_count_ranges_are_not_windows() -> None:
    assert find_time_mentions("from 10 to 12 drones were seen", lang="en") == []


def test_window_without_publication_or_year_is_unresolved() -> None:
    r = window("З 18:00 11 березня до 07:00 ворог запустив дрони.", "uk", published=None)
    assert r.date is None and r.precision == "unresolved"
