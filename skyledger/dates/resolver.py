"""Turn a TimeMention into a date, given the publication date.

Rules (evidence in docs/dates.md):
  * an unyeared calendar date takes the year that puts it nearest before the
    publication date, allowing at most two months after it; no publication
    date and no year means no date — a year is never invented;
  * a weekday is the latest such day on or before publication;
  * nights are dated by the morning they end; evenings that run into the
    night ("late on Monday", "з вечора 20 листопада") move to the next day,
    but never past the publication date;
  * windows are dated by their end; an end hour earlier than the start hour
    falls on the next day;
  * periods longer than a day ("this week", "за неделю") pin no date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from skyledger.dates.published import parse_published
from skyledger.dates.records import DAY, PERIOD, WINDOW, ResolvedTime, TimeMention

# Aware publication times are read on the clock of the war zone (Moscow and
# summer Kyiv are UTC+3), so a 23:30 UTC post lands on the local morning's date.
WAR_ZONE = timezone(timedelta(hours=3))

# An unyeared date may lie at most this far after publication (announcements
# of what is planned); further ahead it is read as last year's.
_MAX_DAYS_AHEAD = 62


def publication_day(published: str | date | datetime | None) -> date | None:
    """The calendar day of publication, on the war zone's clock when the time is aware.

    A string is parsed as ``parse_published`` would, so callers may pass a
    document's raw date field.
    """
    if isinstance(published, str):
        published = parse_published(published)
    if published is None:
        return None
    if isinstance(published, datetime):
        if published.tzinfo is not None:
            return published.astimezone(WAR_ZONE).date()
        return published.date()
    return published


def default_date(published: str | date | datetime | None) -> str | None:
    """The date of a claim whose text names no time: the publication day.

    In every dated gold passage, figures without their own time expression
    are dated by the publication day (the reports are same-day updates).
    """
    day = publication_day(published)
    return day.isoformat() if day else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, pub: date) -> date | None:
    """The date with this month and day nearest publication, not months after it."""
    best: date | None = None
    for year in (pub.year + 1, pub.year, pub.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is None or (candidate - pub).days > _MAX_DAYS_AHEAD:
            continue
        if best is None or abs((candidate - pub).days) < abs((best - pub).days):
            best = candidate
    return best


def _calendar_day(year: int | None, month: int | None, day: int | None,
                  year_offset: int | None, pub: date | None) -> date | None:
    if month is None or day is None:
        return None
    if year is not None:
        return _safe_date(year, month, day)
    if pub is None:
        return None
    if year_offset is not None:
        return _safe_date(pub.year + year_offset, month, day)
    return infer_year(month, day, pub)


def _latest_weekday(weekday: int, pub: date) -> date:
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _anchor(m: TimeMention, pub: date | None) -> date | None:
    """The day the mention names, before any evening-to-morning shift."""
    if m.month is not None and m.day is not None:
        return _calendar_day(m.year, m.month, m.day, m.year_offset, pub)
    if pub is None:
        return None
    if m.weekday is not None:
        return _latest_weekday(m.weekday, pub)
    return pub + timedelta(days=m.relative_days or 0)


def _shifted(anchor: date, shift: int, pub: date | None) -> date:
    moved = anchor + timedelta(days=shift)
    if shift > 0 and pub is not None and moved > pub:
        return anchor  # a report cannot describe a morning that has not come
    return moved


def _clock(day: date, hour: int | None, minute: int | None) -> str:
    if hour is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, hour, minute or 0).isoformat(timespec="minutes")


def _resolve_window(m: TimeMention, pub: date | None) -> ResolvedTime:
    start_day = _calendar_day(m.year, m.month, m.day, m.year_offset, pub)
    end_day: date | None = None
    if m.end_day is not None and m.end_month is not None:
        year = m.end_year
        if year is None and start_day is not None:
            end_day = infer_year(m.end_month, m.end_day, start_day + timedelta(days=1))
        else:
            end_day = _calendar_day(year, m.end_month, m.end_day, None, pub)
    overnight = m.end_hour is not None and m.hour is not None and (m.end_hour, m.end_minute or 0) < (m.hour, m.minute or 0)
    if m.end_hour is None:  # open window: "з 18:00 21 листопада"
        if start_day is None and m.month is None and pub is not None:
            start_day = pub
        if start_day is None:
            return ResolvedTime(date=None, precision="unresolved")
        evening = m.hour is not None and m.hour >= 12
        day = _shifted(start_day, 1 if evening else 0, pub)
        return ResolvedTime(date=day.isoformat(), start=_clock(start_day, m.hour, m.minute), precision=WINDOW)
    if end_day is None and start_day is not None:
        end_day = start_day + timedelta(days=1 if overnight else 0)
    if start_day is None and end_day is not None:
        start_day = end_day - timedelta(days=1 if overnight else 0)
    if start_day is None and end_day is None and m.month is None and m.end_month is None and pub is not None:
        end_day = pub  # "с 00:20 до 02:00" in a report dated by its publication
        start_day = pub - timedelta(days=1 if overnight else 0)
    if end_day is None or start_day is None:
        return ResolvedTime(date=None, precision="unresolved")
    return ResolvedTime(
        date=end_day.isoformat(),
        start=_clock(start_day, m.hour, m.minute),
        end=_clock(end_day, m.end_hour, m.end_minute),
        precision=WINDOW,
    )


def resolve(mention: TimeMention, published: str | date | datetime | None) -> ResolvedTime:
    """The date (and window) a mention refers to, read against the publication date."""
    pub = publication_day(published)
    if mention.kind == WINDOW:
        return _resolve_window(mention, pub)
    if mention.kind == PERIOD and mention.unit != DAY:
        return ResolvedTime(date=None, precision=mention.unit or "unresolved")
    anchor = _anchor(mention, pub)
    if anchor is None:
        return ResolvedTime(date=None, precision="unresolved")
    day = _shifted(anchor, mention.shift_days, pub)
    return ResolvedTime(date=day.isoformat(), precision="day")
