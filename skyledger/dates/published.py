"""Read a publication date from what feeds, pages and exports put in their date fields."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from skyledger.dates.builders import day_month_year
from skyledger.dates.vocabulary import MONTH_CYR, MONTH_EN

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])"
    r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d{1,9})?)?"
    r"(?P<tz>Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
_WORDY = re.compile(
    rf"(?:{MONTH_EN}\s{{1,3}}{_DAY}(?:st|nd|rd|th)?,?\s{{1,3}}{_YEAR}"
    rf"|{_DAY}(?:st|nd|rd|th)?\s{{1,3}}(?:{MONTH_EN}|(?i:{MONTH_CYR})),?\s{{1,3}}{_YEAR})"
)
_NUMERIC = re.compile(rf"(?<!\d)(?P<d>{_DAY})[./](?P<m>1[0-2]|0?[1-9])[./](?P<y>{_YEAR})(?!\d)")
_CLOCK = re.compile(r"(?<![\d:])(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?![\d])")


def _iso(match: re.Match[str]) -> datetime | None:
    text = match.group()
    if match.group("tz") == "Z":
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _with_clock(day: date, text: str) -> datetime:
    clock = _CLOCK.search(text)
    hour, minute = (int(clock.group("H")), int(clock.group("M"))) if clock else (0, 0)
    return datetime(day.year, day.month, day.day, hour, minute)


def parse_published(value: str | date | datetime | None) -> datetime | None:
    """A publication datetime from ISO, RFC 2822, "November 22, 2024", "22 ноября 2024", "22.11.2024".

    Surrounding words are ignored ("Published November 22, 2024last updated …").
    The time zone is kept when the source gives one; None when nothing parses.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()[:500]
    if not text:
        return None
    iso = _ISO.search(text)
    if iso and (parsed := _iso(iso)) is not None:
        return parsed
    try:
        rfc = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        rfc = None
    if rfc is not None:
        return rfc
    wordy = _WORDY.search(text)
    if wordy:
        day, month, year = day_month_year(wordy.group())
        if day and month and year:
            try:
                return _with_clock(date(year, month, day), text[wordy.end():wordy.end() + 40])
            except ValueError:
                pass
    numeric = _NUMERIC.search(text)
    if numeric:
        try:
            d = date(int(numeric.group("y")), int(numeric.group("m")), int(numeric.group("d")))
        except ValueError:
            return None
        return _with_clock(d, text[numeric.end():numeric.end() + 40])
    return None
