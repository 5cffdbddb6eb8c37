"""The two records of time resolution: what the text says, and what it means.

A ``TimeMention`` keeps the words as found (span, surface) and the calendar
fields they name; it knows nothing of the publication date.  ``resolve`` turns
it into a ``ResolvedTime`` once the publication date is known, so one mention
can be re-resolved when a better publication date turns up.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of mention, from most to least specific.
WINDOW = "window"  # from 18:00 on 21 November to 07:00
NIGHT = "night"  # overnight, last night, в ночь на 22 ноября: dated by the morning it ends
CALENDAR = "calendar"  # October 31, 22 ноября, 31 жовтня 2024
WEEKDAY = "weekday"  # on Monday, в среду
RELATIVE_DAY = "relative_day"  # today, yesterday, this morning, напередодні
PERIOD = "period"  # past 24 hours, this week, during the winter, за неделю

KINDS: tuple[str, ...] = (WINDOW, NIGHT, CALENDAR, WEEKDAY, RELATIVE_DAY, PERIOD)

# Units of a PERIOD mention; only DAY periods ("past 24 hours") pin a date.
DAY, WEEK, MONTH, SEASON, YEAR, WAR = "day", "week", "month", "season", "year", "war"


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in text, with the fields needed to date it.

    The anchor day is taken, in order, from ``month``/``day`` (with ``year``
    or ``year_offset`` when given), from ``weekday``, from ``relative_days``
    (days from publication), or else the publication day itself.
    ``shift_days`` moves from the anchor to the day the figure is dated by:
    an evening or "Monday night" is reported under the next morning's date.
    Windows carry their end in the ``end_*`` fields.
    """

    start: int
    end: int
    surface: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_offset: int | None = None  # "this year" = 0, "last year" = -1
    weekday: int | None = None  # Monday = 0
    relative_days: int | None = None  # today = 0, yesterday = -1
    shift_days: int = 0
    hour: int | None = None
    minute: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_hour: int | None = None
    end_minute: int | None = None
    unit: str | None = None  # for PERIOD: day | week | month | season | year | war
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """What a mention means against a publication date.

    ``date`` is the ISO day the figure is recorded under (FORMAT.md: the
    morning date for overnight reports), or None when the text does not pin
    one day.  ``start``/``end`` are ISO datetimes of a reported window.
    """

    date: str | None
    start: str | None = None
    end: str | None = None
    # day | window | unresolved (a day was named but cannot be placed), or a
    # period's unit when no single day is meant: week | month | season | year | war
    precision: str = "day"
