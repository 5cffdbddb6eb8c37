"""Extraction never raises, stays bounded on hostile input, and its spans always point inside the text."""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyledger import extract

_NUMBER_WORD = re.compile(
    r"(?i)\d|\b(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|dozen|both|all|second|third|more)\b"
)


@contextmanager
def time_limit(seconds: int):
    """A guard against catastrophic backtracking: fail instead of hanging (not a speed target)."""

    def _raise(signum, frame):
        raise TimeoutError(f"extraction took more than {seconds}s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


REPORTISH = st.lists(
    st.sampled_from(
        ["Russia", "launched", "shot down", "intercepted", "23", "seven", "a", "another", "Ukrainian", "drones",
         "drone", "missiles", "Kh-101", "Shahed", "over", "the", "Kursk", "region", ",", ".", "said", "the ministry",
         "of", "which", "were", "all", "\n", "Read next", "Беспилотники", "сбиты", "над", "Курской", "областью",
         "збито", "БпЛА", "у", "ніч", "на", "22", "листопада", "“", "”", "—", ":", "(", ")"]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), REPORTISH), st.sampled_from([None, "en", "ru", "uk"]),
       st.sampled_from([None, "2024-11-22", "not a date"]))
def test_extract_never_raises_and_spans_cover_the_figure(text, lang, published):
    for c in extract(text, published, lang):
        assert 0 <= c.start < c.end <= len(text)
        assert c.sentence_start <= c.start and c.end <= c.sentence_end <= len(text)
        assert c.quote == text[c.sentence_start:c.sentence_end]
        assert c.count > 0
        # the span holds the count (digits or a number word) the figure was read from
        assert _NUMBER_WORD.search(text[c.start:c.end]) or lang in ("ru", "uk") or not text.isascii()


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty", ""),
        ("whitespace", " \n\t " * 1000),
        ("binary bytes decoded leniently", bytes(range(256)).decode("latin-1") * 200),
        ("lone surrogates from invalid UTF-8", b"\xff\xfe drones \xc3\x28 23 missiles".decode("utf-8", "surrogateescape")),
        ("10,000 digits in a row", "Russia launched " + "7" * 10_000 + " drones overnight."),
        ("pathological punctuation", ("!?.,;:—()\"“”" * 20_000)),
        ("one sentence repeated without a full stop", "air defences shot down 3 drones and " * 20_000),
        ("nested quotes and brackets", "(" * 5_000 + "23 drones were shot down" + ")" * 5_000),
        ("many weapon words with no counts", "drone missile rocket " * 30_000),
    ],
)
def test_hostile_inputs_return_quickly(name, text):
    with time_limit(30):
        result = extract(text, "2024-11-22")
    assert isinstance(result, list)


def test_a_50_mb_single_line_is_bounded():
    line = ("The weather in the capital was mild and markets were calm " * 900_000)[:50_000_000]
    with time_limit(60):
        assert extract(line) == []


def test_non_string_input_gives_no_claims():
    assert extract(None) == []  # type: ignore[arg-type]
    assert extract(b"23 drones were shot down") == []  # type: ignore[arg-type]
