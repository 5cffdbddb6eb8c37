"""Language routing per item (mixed live blogs) and robustness on arbitrary text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from skyledger.extract import extract, guess_language


def test_mixed_language_live_blog_routes_each_item():
    text = (
        "Russian air defences downed drones overnight\n"
        "Russia's defence ministry said air defences shot down 12 Ukrainian drones over Kursk Oblast.\n\n"
        "Повітряні сили: збито 40 ворожих БпЛА\n"
        "Повітряні сили ЗСУ повідомили, що протиповітряною обороною збито 40 ворожих БпЛА.\n\n"
        "Минобороны: сбиты семь беспилотников\n"
        "Минобороны России сообщило, что над Брянской областью сбиты семь беспилотников.\n"
    )
    got = {(c.lang, c.count) for c in extract(text, "2025-01-01")}
    assert {("en", 12), ("uk", 40), ("ru", 7)} <= got


def test_guess_language():
    assert guess_language("Повітряні сили повідомили, що збито 40 ворожих БпЛА.") == "uk"
    assert guess_language("Минобороны сообщило, что сбиты семь беспилотников.") == "ru"


_ALPHABET = st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ АБВГДЕЖЗІЇЄ0123456789.,;:—–-«»\"'’()\n")
                            + ["БПЛА ", "беспилотник ", "ракет ", "збито ", "сбиты ", "по ", "ще ", "из них ", "Х-101 ",
                               "над Курской областью ", "Об этом сообщил ", "двадцати трёх ", "115-ма ", "всі ", "з напрямків: "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(["ru", "uk"]))
def test_never_raises_and_spans_inside(text, lang):
    for c in extract(text, "2025-01-01", lang=lang):
        assert 0 <= c.start <= c.end <= len(text)
        assert 0 <= c.sentence_start <= c.sentence_end <= len(text)
        assert c.count > 0


def test_pathological_inputs():
    for text in ["", "1" * 10000, "по " * 3000 + "БПЛА", "«" * 5000 + "ракет", "з напрямків: " + "Курськ, " * 2000]:
        for lang in ("ru", "uk"):
            extract(text, None, lang=lang)
