"""Ukrainian grammar for claim extraction: the shared Cyrillic grammar with Ukrainian morphology.

In Ukrainian reports "ворог"/"ворожі"/"противник" is Russia, so a figure
whose noun phrase or clause names the enemy gets Russia as attacker even when
the claimant (e.g. "моніторингові канали") has no side.
"""

from __future__ import annotations

from skyledger.extract.lang_cyrillic import CyrillicGrammar


class UkrainianGrammar(CyrillicGrammar):
    lang = "uk"
    enemy_side = "RU"
