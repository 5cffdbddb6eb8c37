"""The finder never raises and its spans always point at their surface, whatever the text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from skyledger.dates import find_time_mentions, resolve

# Text drawn from date words, digits and noise, so matches are frequent.
WORDS = st.sampled_from(
    ["overnight", "on", "Monday", "night", "of", "November", "25-26", "31", "October", "2024", "from",
     "18:00", "to", "07:00", "в", "ночь", "на", "22", "ноября", "у", "ніч", "листопада", "з", "до",
     "вечора", "протягом", "доби", "this", "week", "yesterday", "сьогодні", "вночі", "May", ",", ".",
     "\n", "30", "February", "İ", "ß", "—", "(", ")"]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, lo=st.integers(-5, 400), hi=st.one_of(st.none(), st.integers(-5, 400)),
       lang=st.sampled_from(["en", "ru", "uk", "xx"]))
def test_mentions_lie_inside_the_range_and_match_their_surface(text: str, lo: int, hi: int | None, lang: str) -> None:
    mentions = find_time_mentions(text, lo, hi, lang=lang)
    begin = max(0, lo)
    stop = len(text) if hi is None else max(0, min(hi, len(text)))
    previous_end = -1
    for m in mentions:
        assert begin <= m.start < m.end <= stop
        assert text[m.start:m.end] == m.surface
        assert m.start >= previous_end  # sorted and non-overlapping
        previous_end = m.end
        for published in (None, date(2024, 1, 1), date(2024, 12, 31)):
            resolve(m, published)  # never raises


def test_a_range_restricts_the_search() -> None:
    text = "Overnight drones came. On Monday missiles came."
    cut = text.index("On Monday")
    assert [m.surface for m in find_time_mentions(text, cut, lang="en")] == ["On Monday"]
    assert [m.surface for m in find_time_mentions(text, 0, cut, lang="en")] == ["Overnight"]


def test_adversarial_repetition_stays_fast() -> None:
    import time

    texts = ["в ночь с 1 на " * 3000, "from 1:11 " * 3000, "31 31 31 October " * 2000, "night of " * 4000, "1 " * 20000]
    began = time.perf_counter()
    for text in texts:
        find_time_mentions(text, lang="xx")
    assert time.perf_counter() - began < 2.0
