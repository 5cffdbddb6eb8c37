"""Language of a text, restricted to the three skyledger reads: ``en``, ``ru``, ``uk``.

Letters unique to one alphabet decide first (і ї є ґ are Ukrainian only;
ы э ъ ё Russian only) because a statistical model confuses short Russian and
Ukrainian texts; py3langid's packaged model (no download) settles the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

LANGUAGES = ("en", "ru", "uk")

_UK_ONLY = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY = re.compile("[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")
_SAMPLE_CHARS = 5000  # enough to decide; keeps detection cheap on long documents


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """``en``, ``ru`` or ``uk`` (``en`` when the text has no letters to judge by)."""
    sample = text[:_SAMPLE_CHARS]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    uk = len(_UK_ONLY.findall(sample))
    ru = len(_RU_ONLY.findall(sample))
    if cyrillic == 0 or latin > 3 * cyrillic:
        return "en"
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    if uk and ru:  # quoted names or mixed text: a clear majority still decides
        if uk >= 3 * ru:
            return "uk"
        if ru >= 3 * uk:
            return "ru"
    lang, _score = _identifier().classify(sample)
    return lang if lang in ("ru", "uk") else "ru"
