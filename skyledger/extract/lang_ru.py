"""Russian grammar for claim extraction: the shared Cyrillic grammar with Russian morphology.

Russian and Ukrainian reports share their structure (see ``lang_cyrillic``);
what differs is the morphology dictionary used for names and nouns, and that
"вражеский"/"противник" in Russian text names no side by itself (Russian
officials use it for Ukraine, Ukrainian outlets writing in Russian for Russia),
so the enemy's side comes from the claimant.
"""

from __future__ import annotations

from skyledger.extract.lang_cyrillic import CyrillicGrammar


class RussianGrammar(CyrillicGrammar):
    lang = "ru"
    enemy_side = None
