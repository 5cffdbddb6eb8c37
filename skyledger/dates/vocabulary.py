"""Month and weekday names in English, Russian and Ukrainian, as regex parts and lookups.

Russian and Ukrainian inflect month and day names ("22 ноября", "у ніч на
22 листопада", "в среду", "у середу"), so the Cyrillic alternations match a
stem plus a short bounded ending and the lookups key on the stem.  English
names are matched case-sensitively ("May 15", never "may 15").
"""

from __future__ import annotations

# --- regex fragments (no capture groups: callers wrap them) ----------------

MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
MONTH_RU = (
    r"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем|ём)"
    r"|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем))(?![а-яёіїєґ])"
)
# Exact case endings: a loose stem would read "5 травм" (five injuries) as 5 May.
MONTH_UK = (
    r"(?:(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні|нем|ню)"
    r"|лют(?:ий|ого|ому|им)|листопад(?:а|і|ом|у)?)(?![а-яёіїєґ])"
)
MONTH_CYR = rf"(?:{MONTH_RU}|{MONTH_UK})"

WEEKDAY_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
WEEKDAY_CYR = (
    r"(?:понедельник[а-я]{0,2}|вторник[а-я]{0,2}|сред[аеуы]|четверг[а-я]{0,2}|пятниц[аеуы]"
    r"|суббот[аеуы]|воскресень[еяю]"
    r"|понеділ(?:ок|ка|ку)|вівтор(?:ок|ка|ку)|серед[аиуі]|четвер(?:га|гу)?|п['’ʼ]?ятниц[яіюе]"
    r"|субот[аиуі]|неділ[яюі])(?![а-яёіїєґ])"
)

# --- lookups ---------------------------------------------------------------

_MONTH_PREFIXES: tuple[tuple[str, int], ...] = (
    # English (lower-cased, first three letters are unique)
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
    ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    # Russian; "мар" must precede "ма"
    ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7),
    ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12), ("ма", 5),
    # Ukrainian
    ("січ", 1), ("лют", 2), ("бер", 3), ("кві", 4), ("тра", 5), ("чер", 6),
    ("лип", 7), ("сер", 8), ("вер", 9), ("жов", 10), ("лис", 11), ("гру", 12),
)

_WEEKDAY_PREFIXES: tuple[tuple[str, int], ...] = (
    ("mon", 0), ("tue", 1), ("wed", 2), ("thu", 3), ("fri", 4), ("sat", 5), ("sun", 6),
    ("пон", 0), ("вто", 1), ("вів", 1), ("сре", 2), ("сер", 2), ("чет", 3),
    ("пят", 4), ("пя", 4), ("суб", 5), ("вос", 6), ("нед", 6),
)

_APOSTROPHES = str.maketrans("", "", "'’ʼ")


def month_number(word: str) -> int | None:
    """1-12 for a month name in any of the three languages and any case form."""
    w = word.lower().translate(_APOSTROPHES).rstrip(".")
    for prefix, number in _MONTH_PREFIXES:
        if w.startswith(prefix):
            return number
    return None


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 (Sunday) for a weekday name in any of the three languages."""
    w = word.lower().translate(_APOSTROPHES)
    for prefix, number in _WEEKDAY_PREFIXES:
        if w.startswith(prefix):
            return number
    return None
