"""Length-preserving text normalisation shared by the build and the matcher.

Both sides fold case, Cyrillic ё→е, the Ukrainian apostrophe variants and
line breaks the same way, so a key built from the alias tables matches the
text character for character and offsets into the original stay valid.
"""

from __future__ import annotations

_FOLD = str.maketrans(
    {
        "ё": "е",
        "\u02bc": "'",  # modifier letter apostrophe (Ukrainian)
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\n": " ",
        "\r": " ",
        "\t": " ",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def fold(text: str) -> str:
    """Lower-case and fold ``text`` without changing its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare: a character whose lower case is longer (e.g. "İ")
        lowered = "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
    return lowered.translate(_FOLD)


def fold_key(name: str) -> str:
    """The lookup key of an alias: folded, inner whitespace collapsed."""
    return " ".join(fold(name).split())
