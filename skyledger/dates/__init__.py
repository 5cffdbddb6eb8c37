"""Time resolution: find time expressions in report text and date them against publication.

``find_time_mentions`` reads what the text says ("overnight", "в ночь на
22 ноября", "з 18:00 21 листопада до 07:00"); ``resolve`` says which day
that is once the publication date is known; ``default_date`` dates figures
whose sentence names no time; ``parse_published`` reads publication dates
as feeds and pages write them.  All pure and deterministic.
"""

from skyledger.dates.finder import find_time_mentions
from skyledger.dates.published import parse_published
from skyledger.dates.records import ResolvedTime, TimeMention
from skyledger.dates.resolver import default_date, resolve

__all__ = [
    "ResolvedTime",
    "TimeMention",
    "default_date",
    "find_time_mentions",
    "parse_published",
    "resolve",
]
