"""find_places never fails on arbitrary text and its spans are always honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skyledger.places import find_places, load_gazetteer

_PIECES = st.sampled_from(
    ["Kursk", " region", " and ", ", ", "Курской", " области", "Харківщині", "İ", "ё", "ʼ", "\n", "Sea", "Black",
     "the ", "Moscow", "-", "обл.", "Bar", "'s", "Russian territory", "  "]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, start=st.integers(-5, 400), end=st.one_of(st.none(), st.integers(-5, 400)))
def test_find_places_never_raises_and_spans_are_in_range(text, start, end):
    mentions = find_places(text, start, end)
    low = max(0, min(start, len(text)))
    high = len(text) if end is None else max(low, min(end, len(text)))
    previous_end = low
    for mention in mentions:
        assert low <= mention.start < mention.end <= high
        assert text[mention.start : mention.end] == mention.surface
        assert mention.start >= previous_end  # sorted, non-overlapping
        previous_end = mention.end


@settings(max_examples=100, deadline=None)
@given(name=st.text(max_size=80))
def test_lookup_never_raises(name):
    load_gazetteer().lookup(name)


def test_non_text_input_gives_no_mentions():
    assert find_places(None) == []  # type: ignore[arg-type]
    assert find_places("") == []
