"""Read a regex match of a time rule into ``TimeMention`` fields.

One builder per construction; each returns the fields (``kind`` included)
or None to reject a match that only looks like a time ("from 10 to 12").
Shared calendar decisions live here: a range of nights is dated by its
last day, a late evening by the next morning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from skyledger.dates.records import CALENDAR, DAY, NIGHT, PERIOD, RELATIVE_DAY, WEEKDAY, WINDOW
from skyledger.dates.vocabulary import MONTH_CYR, MONTH_EN, month_number, weekday_number

Fields = dict[str, Any]
Builder = Callable[["re.Match[str]"], Fields | None]

_MONTH_ANY = re.compile(rf"{MONTH_EN}|(?i:{MONTH_CYR})")
_NUMBER = re.compile(r"\d{1,4}")


def day_month_year(fragment: str) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) read from a matched date fragment; the last day number wins.

    "November 25-26" and "с 25 на 26 ноября" both name the 26th: a range of
    nights is dated by the morning it ends.
    """
    month_match = _MONTH_ANY.search(fragment)
    month = month_number(month_match.group()) if month_match else None
    day = year = None
    for number in _NUMBER.findall(fragment):
        if len(number) == 4:
            year = int(number)
        elif len(number) <= 2:
            day = int(number)
    return day, month, year


def _time(match: re.Match[str], n: int) -> tuple[int, int] | None:
    """(hour, minute) of time group ``n``; None when absent or not a clock time."""
    hour = match.group(f"h{n}")
    if hour is None:
        return None
    minute = match.group(f"mi{n}")
    ampm = match.groupdict().get(f"ap{n}")
    if minute is None and ampm is None:
        return None  # "from 10 to 12" is a count range, not a clock
    h = int(hour)
    if ampm:
        if h > 12 or h == 0:
            return None
        h = h % 12 + (12 if ampm.lower() == "p" else 0)
    return h, int(minute or 0)


def read_window(match: re.Match[str]) -> Fields | None:
    """Start clock (and day), end clock (and day); a count range without clock marks is rejected."""
    first = _time(match, 1)
    if first is None:
        return None
    fields: Fields = {"kind": WINDOW, "hour": first[0], "minute": first[1]}
    if match.group("date1"):
        fields["day"], fields["month"], fields["year"] = day_month_year(match.group("date1"))
    second = _time(match, 2) if match.group("h2") else None
    if match.group("h2") and second is None:
        return None
    if second is not None:
        fields["end_hour"], fields["end_minute"] = second
    if match.group("date2"):
        fields["end_day"], fields["end_month"], fields["end_year"] = day_month_year(match.group("date2"))
    return fields


def _calendar_fields(match: re.Match[str]) -> Fields:
    day, month, year = day_month_year(match.group("date"))
    fields: Fields = {"kind": CALENDAR, "day": day, "month": month, "year": year}
    rel = (match.groupdict().get("rel") or "").lower().lstrip(", \t\n")
    if year is None and rel:
        fields["year_offset"] = -1 if rel.startswith(("last", "прошл", "минул")) else 0
    return fields


# Part-of-day words around a date or weekday and what they do to it.
_LATE = re.compile(r"(?i)late|поздно|пізно")
_NIGHTLY = re.compile(r"(?i)night|ночью|вночі|уночі|early")


def _part_of_day(fields: Fields, *words: str | None) -> Fields:
    """Evening late on day D is reported under D+1's morning; "ночью"/"вночі" with D is D's night."""
    text = " ".join(w for w in words if w)
    if _LATE.search(text):
        return {**fields, "kind": NIGHT, "shift_days": 1}
    if _NIGHTLY.search(text):
        return {**fields, "kind": NIGHT}
    return fields


def read_calendar(match: re.Match[str]) -> Fields | None:
    """A named day, with the weekday and part-of-day words written around it."""
    fields = _calendar_fields(match)
    if fields["day"] is None or fields["month"] is None:
        return None
    gd = match.groupdict()
    if gd.get("wd"):
        fields["weekday"] = weekday_number(gd["wd"])
    return _part_of_day(fields, gd.get("pre"), gd.get("post"))


def read_numeric(match: re.Match[str]) -> Fields | None:
    """21.11.2024, 21/11/2024 or 2024-11-21: always with a year, so never ambiguous about it."""
    gd = match.groupdict()
    if gd.get("iy"):
        y, m, d = int(gd["iy"]), int(gd["im"]), int(gd["id"])
    else:
        y, m, d = int(gd["ny"]), int(gd["nm"]), int(gd["nd"])
    return {"kind": CALENDAR, "day": d, "month": m, "year": y}


def read_night_dated(match: re.Match[str]) -> Fields | None:
    """A night named by a date: dated by the morning it ends."""
    day, month, year = day_month_year(match.group("date"))
    if day is None or month is None:
        return None
    fields: Fields = {"kind": NIGHT, "day": day, "month": month, "year": year}
    # "the night of November 21" is the night that ends on the 22nd;
    # "night of 21-22", "night to 22", "в ночь на 22" already name the morning.
    lead = match.group("lead").lower()
    two_days = len(re.findall(r"(?<!\d)\d{1,2}(?!\d)", match.group("date"))) >= 2
    if lead.rstrip().endswith("of") and not two_days:
        fields["shift_days"] = 1
    return fields


def read_night_weekday(match: re.Match[str]) -> Fields | None:
    """"в ночь на воскресенье[, 7 мая]": the date wins when both are given."""
    if match.groupdict().get("date"):
        return read_night_dated(match)
    return {"kind": NIGHT, "weekday": weekday_number(match.group("wd"))}


def read_weekday_en(match: re.Match[str]) -> Fields | None:
    """"on Monday"; "Monday night"/"late on Monday" run into Tuesday's morning, "overnight into Monday" does not."""
    pre = (match.group("pre") or "").lower()
    post = (match.group("post") or "").lower()
    fields: Fields = {"kind": WEEKDAY, "weekday": weekday_number(match.group("wd"))}
    if "night of" in pre or "late" in pre or "night" in post:
        return {**fields, "kind": NIGHT, "shift_days": 1}
    if "night" in pre or "overnight" in pre or "early" in pre:
        return {**fields, "kind": NIGHT}
    return fields


def read_weekday_cyr(match: re.Match[str]) -> Fields | None:
    """"в среду", "у середу вранці", "поздно вечером в пятницу" (the last runs into Saturday)."""
    fields: Fields = {"kind": WEEKDAY, "weekday": weekday_number(match.group("wd"))}
    return _part_of_day(fields, match.group("pre"), match.group("post"))


def read_night(match: re.Match[str]) -> Fields | None:
    """An unnamed night ("overnight", "вночі"): the morning of publication."""
    return {"kind": NIGHT, "relative_days": 0}


_RELATIVE_OFFSETS: tuple[tuple[str, int, int], ...] = (
    # (prefix of the lower-cased surface, relative_days, shift_days)
    ("the day before yesterday", -2, 0),
    ("late yesterday", -1, 1),
    ("yesterday", -1, 0),
    ("позавч", -2, 0),
    ("вчера", -1, 0),
    ("вчора", -1, 0),
    ("учора", -1, 0),
    ("накануне", -1, 0),
    ("напередодні", -1, 0),
    ("the previous", -1, 0),
    ("the day before", -1, 0),
    ("a day", -1, 0),
    ("one day", -1, 0),
    ("two days", -2, 0),
    ("2 days", -2, 0),
    ("three days", -3, 0),
    ("3 days", -3, 0),
)


def read_relative(match: re.Match[str]) -> Fields | None:
    """Today, yesterday, the previous day: days counted from publication."""
    surface = " ".join(match.group().lower().split())
    for prefix, offset, shift in _RELATIVE_OFFSETS:
        if surface.startswith(prefix):
            return {"kind": RELATIVE_DAY, "relative_days": offset, "shift_days": shift}
    return {"kind": RELATIVE_DAY, "relative_days": 0}


def read_period(unit: str) -> Builder:
    """A span of time; only a one-day span ("past 24 hours") will resolve to a date."""
    def build(match: re.Match[str]) -> Fields | None:
        fields: Fields = {"kind": PERIOD, "unit": unit}
        if unit == DAY:
            fields["relative_days"] = 0
        return fields

    return build


def read_from_evening(match: re.Match[str]) -> Fields | None:
    """"з вечора 20 листопада", "з неділі ввечері": an attack running into the next morning."""
    gd = match.groupdict()
    fields: Fields = {"kind": NIGHT, "shift_days": 1}
    weekday = gd.get("wd") or gd.get("wd2")
    if gd.get("date"):
        day, month, year = day_month_year(gd["date"])
        fields.update(day=day, month=month, year=year)
    elif weekday:
        fields["weekday"] = weekday_number(weekday)
    else:
        fields["relative_days"] = -1  # "з вечора": yesterday evening
    return fields
