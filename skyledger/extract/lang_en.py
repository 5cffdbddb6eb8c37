"""English grammar for claim extraction: figures, their actions, and who asserts them.

The rules read a sentence as analysts do:

* a *figure* is a count in front of a weapon noun phrase ("23 Ukrainian
  drones", "two Iskander-M or KN-23 ballistic missiles", "a second drone"),
  or an elliptical count after one ("..., two over Voronezh");
* its *action* comes from the verb that governs it: a passive verb after it
  ("34 drones were shot down"), else the nearest action verb before it in
  the same clause ("air defences shot down 23 drones"), else a nominal
  ("the destruction of 38 drones");
* the *claimant* is the subject of a reporting verb ("the ministry said",
  "according to the Air Force", "X reported shooting down"), or is carried
  from the previous sentence by the engine.

Every regex here is linear: alternations of literals and bounded gaps only.
"""

from __future__ import annotations

import re

from skyledger.extract.claimants import load_claimants
from skyledger.extract.grammar import Attribution, RawFigure, SentenceReading, rank_attributions
from skyledger.extract.numbers import NumberWords, parse_digits, parse_number_words
from skyledger.extract.weapons import WeaponMention, merge_models

NUMBER_WORDS = NumberWords(
    units={
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    },
    multipliers={"hundred": 100, "thousand": 1000, "dozen": 12},
    joiners=frozenset({"and", "a"}),
)
_NW = NUMBER_WORDS.regex_alternation()
_NW_HEAD = "|".join(sorted((w for w in (*NUMBER_WORDS.units, *NUMBER_WORDS.multipliers)), key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_NW_HEAD})(?:[\s-]+(?:{_NW})){{0,5}})"

_QUALIFIERS = [
    ("at_least", r"at least|more than|over|upwards of|no fewer than|no less than|in excess of|just over|well over|over a"),
    ("approx", r"about|around|approximately|some|nearly|almost|roughly|an estimated|close to|circa|at about|some \d"),
    ("up_to", r"up to|as many as|at most|no more than"),
]
_QUAL_RE = re.compile(r"(?i)(?:^|\s)(" + "|".join(q for _, q in _QUALIFIERS) + r")\s*$")

# A count directly before a weapon noun phrase (the NP start is the end of the window).
_COUNT = re.compile(
    rf"(?i)(?<![\w-])(?P<num>\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+|\d{{1,6}}|a second|a third|one more|two more|three more|a single|one single|a dozen|{_WORDNUM}|another|both|each|an?)(?![\w-])"
)

# Words that may stand between a count and the weapon noun.
_MODIFIERS = {
    "ukrainian", "russian", "enemy", "hostile", "attack", "strike", "combat", "cruise", "ballistic", "guided",
    "aerial", "air", "tactical", "operational", "operational-tactical", "long-range", "short-range",
    "medium-range", "intermediate-range", "hypersonic", "air-launched", "sea-launched", "ground-launched",
    "fixed-wing", "aircraft-type", "airplane-type", "plane-type", "helicopter-type", "jet-powered", "jet",
    "kamikaze", "decoy", "iranian-made", "iranian", "north", "korean", "us-made", "u.s.-made", "american",
    "british", "french", "western", "more", "additional", "incoming", "type", "unmanned", "heavy", "other",
    "various", "different", "new", "newly", "developed", "experimental", "advanced", "anti-radar",
    "anti-aircraft", "surface-to-air", "guided-missile", "high-precision", "precision", "model", "types",
    "strike-type", "shahed-type", "russia-launched", "russian-launched", "russian-made", "ukraine-launched",
    "ukrainian-made", "foreign-made", "western-made", "long", "range", "medium", "rocket-assisted", "glide",
    "large", "small", "total", "in", "all", "of", "the", "and", "or", "/", "&", "aerodynamic", "reactive",
    "hostile", "uav-type", "multipurpose", "light", "heavy-duty", "unidentified", "unknown", "kinds", "kind",
}

_ACTIONS: list[tuple[str, str]] = [
    ("intercepted", r"shot down|shoot down|shoots down|shooting down|downed|downing|destroyed|destroying|destroys|destroy|"
                    r"intercepted|intercepting|intercepts|intercept|neutrali[sz]ed|neutrali[sz]ing|neutrali[sz]e|repelled|repelling|"
                    r"suppressed|suppressing|eliminated|brought down|taken down|took down|knocked out|jammed|"
                    r"the destruction of|destruction of|the interception of|interception of|the downing of|shootdown of|shoot-down of"),
    ("launched", r"launched|launching|launches|launch|fired|firing|fires|fire|sent|sending|used|using|uses|attacked|attacking|"
                 r"dropped|dropping|"
                 r"unleashed|deployed|lobbed|recorded|detected|tracked|the launch of|launch of|targeted|was attacked by|were attacked by"),
    ("impacted", r"struck|striking|strikes|hit|hitting|hits|pounded|slammed|was hit by|were hit by|was struck by|were struck by|"
                 r"failed to stop|could not stop|did not stop|failed to intercept|could not intercept"),
    ("lost", r"locationally lost|location-lost|lost"),
]
_ACTION_PATTERNS = [(act, re.compile(r"(?i)(?:" + pat + r")")) for act, pat in _ACTIONS]
_ACTION_RE = re.compile(r"(?i)(?<![\w-])(" + "|".join(
    sorted((w for _, pat in _ACTIONS for w in pat.split("|")), key=len, reverse=True)) + r")(?![\w-])")


def _action_of(word: str) -> str | None:
    word = re.sub(r"\s+", " ", word.lower())
    for act, pattern in _ACTION_PATTERNS:
        if pattern.fullmatch(word):
            return act
    return None
_USE_VERBS = {"used", "using", "uses", "deployed"}

# After the noun phrase: an auxiliary and a participle (passive), or the figure as a subject.
_PASSIVE_AFTER = re.compile(
    r"(?i)^[\s,]*(?:[\"”)]\s*)?(?:\([^()]{0,40}\)\s*)?(?:that |which |who )?(?:had |have |has )?(?P<aux>were|was|been|are|is|being|got|had been|have been|has been|will be)?"
    r"\s*(?P<neg>not |never |n't )?(?:also |all |successfully |reportedly |allegedly |subsequently |later |then |either |safely |eventually |likewise |reliably |promptly |each )*[\"“']?"
    r"(?P<verb>shot down|downed|destroyed|intercepted|neutrali[sz]ed|repelled|suppressed|eliminated|brought down|jammed|"
    r"launched|fired|sent|used|recorded|detected|tracked|struck|hit|lost|locationally lost|"
    r"fell to (?:air |the )?(?:defen[cs]es|air defen[cs]e)|failed to reach|did not reach|didn't reach|never reached|went missing|disappeared|"
    r"failed to stop|slammed into|crashed into|fell on|fell in|got through|broke through|violated|entered|crossed into|dropped|fell after being intercepted|fell after being shot down|"
    r"crashed after being intercepted|fell after being downed)(?![\w-])"
)
# "a drone flying towards Moscow has been shot down": a short participial modifier before the auxiliary
_PASSIVE_GAP = re.compile(
    r"(?i)^\s+(?:flying|heading|approaching|moving|aimed|headed|launched|fired|sent)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?P<aux>has been|have been|had been|was|were)\s+(?P<neg>not |never )?(?:also |all |successfully |reportedly |later |then )*"
    r"(?P<verb>shot down|downed|destroyed|intercepted|neutrali[sz]ed|repelled|suppressed|eliminated|brought down|jammed|struck|hit|lost)(?![\w-])"
)
_PARTICIPLE_ACTION = {
    "shot down": "intercepted", "downed": "intercepted", "destroyed": "intercepted", "intercepted": "intercepted",
    "neutralized": "intercepted", "neutralised": "intercepted", "repelled": "intercepted", "suppressed": "intercepted",
    "eliminated": "intercepted", "brought down": "intercepted", "jammed": "intercepted",
    "launched": "launched", "fired": "launched", "sent": "launched", "used": "launched", "recorded": "launched",
    "detected": "launched", "tracked": "launched", "struck": "impacted", "hit": "impacted", "lost": "lost",
    "locationally lost": "lost", "failed to reach": "lost", "did not reach": "lost", "didn't reach": "lost",
    "never reached": "lost", "went missing": "lost", "disappeared": "lost", "failed to stop": "impacted",
    "slammed into": "impacted", "crashed into": "impacted", "fell on": "impacted", "fell in": "impacted",
    "fell after being intercepted": "intercepted", "fell after being shot down": "intercepted",
    "crashed after being intercepted": "intercepted", "fell after being downed": "intercepted",
    "got through": "impacted", "broke through": "impacted", "violated": "launched", "entered": "launched",
    "crossed into": "launched", "dropped": "launched",
}
# Active verbs whose subject is the figure ("a drone struck a building"): no auxiliary needed.
_SUBJECT_VERBS = {"struck", "hit", "failed to reach", "did not reach", "didn't reach", "never reached", "went missing",
                  "disappeared", "slammed into", "crashed into", "fell on", "fell in", "failed to stop",
                  "fell after being intercepted", "fell after being shot down", "crashed after being intercepted",
                  "fell after being downed", "got through", "broke through", "violated", "entered", "crossed into"}

# Clause openers: the action verb of one clause does not govern a figure in the next.
_CLAUSE_BREAK = re.compile(
    r"(?i)(?:[;:]|\.\s|,\s*(?:while|but|whereas|although|though|as|when|after|before|since|and then|adding that|"
    r"which|who|where|damaging|killing|injuring|wounding|causing|sparking|leaving|setting)\b|\b(?:while|whereas|although|but)\b|\s[–—]\s)"
)
_BACKGROUND_OPENERS = re.compile(r"(?i)(?<![\w])(?:after|since|before|following|ahead of)\s+(?!(?:being|the|a|an|this|that|last|its|their|several|\d+|which)\b)")

_REPORT_VERBS = (r"said|says|say|reported|reports|report|announced|announces|stated|states|added|adds|wrote|writes|"
                 r"claimed|claims|confirmed|confirms|specified|noted|notes|posted|told|informed|declared|explained|"
                 r"clarified|tweeted|indicated|updated|publishes|published|shared|revealed|reporting|saying|stating|announcing|claiming|confirming")
_REPORT_RE = re.compile(rf"(?i)(?<![\w-])(?:has |have |had |also |later |earlier |further )?(?P<v>{_REPORT_VERBS})(?![\w-])")
_ACCORDING = re.compile(r"(?i)(?<![\w])(?:according to|citing|quoting|quoted|per)\s+(?P<np>[^,;.\"“”()]{2,120})")
_RETRO = re.compile(r"(?i)(?:^|\bthat\s)\s*(?:this|that|it|the (?:incident|attack|interception|strike|report|information))\s+(?:was|has been|had been)\s+(?:reported|announced|confirmed|stated)\s+by\s+(?P<np>[^;.]{2,120})")
_SAID_THIS = re.compile(r"(?i)^\s*(?P<np>[^,;.\"“”]{3,100}?)\s+(?:said|reported|announced|confirmed|wrote) (?:this|that)\b(?!\s+\w+\s+(?:were|was|had|have))")
_CONFIRMS_EVENT = re.compile(r"(?i)\s(?:confirmed|reported|announced)\s+(?:the|this|that)\s+(?:incident|attack|interception|strike|report|news|information|downing)\b")

_HEADS = re.compile(
    r"(?i)(?<![\w])(?:ministry|mod|forces?|air force|governor|mayor|officials?|authorities|military|army|command|staff|"
    r"president|spokes(?:man|woman|person)|head|commander|minister|administration|service|intelligence|agency|"
    r"department|chief|leader|representatives?|government|defen[cs]es?|channels?|monitoring|general|adviser|advisor|"
    r"kremlin|ukraine|russia|moscow|kyiv|kiev|poland|belarus|romania|moldova)(?![\w])"
)
_PRONOUN = re.compile(r"(?i)^(?:it|he|she|they|the (?:regional |local |acting |city |defen[cs]e |military )?(?:ministry|air force|military|governor|mayor|department|agency|command|statement|army|official|spokesman|spokesperson|general staff))$")
_NAME = re.compile(r"(?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'\-]+|[A-Z]\.)){1,3}")

_UA_ADJ = re.compile(r"(?i)(?<![\w])(?:ukrainian|ukraine['’]s|ukraine-launched|kyiv['’]s|kiev['’]s|of the kiev regime|of the kyiv regime|ukrainian-made)(?![\w])")
_RU_ADJ = re.compile(r"(?i)(?<![\w])(?:russian|russia['’]s|russia-launched|russian-launched|moscow['’]s|of the russian federation|russian-made)(?![\w])")
_RU_AGENT = re.compile(r"(?i)(?<![\w])(?:russia|russian forces|russian troops|russian army|the russians|moscow|the kremlin|the occupiers|russian military|the enemy|russian federation|putin|the russian president|occupation forces)(?![\w])")
_UA_AGENT = re.compile(r"(?i)(?<![\w])(?:ukraine|ukrainian forces|ukrainian troops|the ukrainians|kyiv|kiev|the kiev regime|the kyiv regime|ukrainian military|ukrainian armed forces)(?![\w])")

_ELLIPTICAL = re.compile(
    rf"(?i)(?<![\w.,-])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{_WORDNUM}|one more)(?P<more>\s+more|\s+others?)?(?P<of>\s+of (?:them|those|these|which))?\s*(?=(?:[–—-]\s*)?(?:over|in|above|near|across|on|at|into|from|within|toward|towards|each)\b|[–—-]\s|were\b|was\b|had been\b|have been\b|fell\b|failed\b|struck\b|hit\b|disappeared\b|vanished\b|crashed\b|launched\b|fired\b)"
)
_ALL_OF = re.compile(r"(?i)\ball (?:of )?(?:which|them|these|those)\b")
_X_OF_Y = re.compile(rf"(?i)(?P<x>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{_WORDNUM})\s+(?:of|out of)\s+(?:the\s+|a\s+|those\s+|these\s+)?(?:total\s+(?:of\s+)?|overall\s+)?(?=\S)")
_INCLUDING = re.compile(r"(?i)\b(?:including|of which|of them|among them)\s*$")
_DEFINITE = re.compile(r"(?i)(?:\bthe|\bthese|\bthose|\bboth|\bits|\btheir)\s*$")


class EnglishGrammar:
    lang = "en"

    def __init__(self) -> None:
        self.claimants = load_claimants()

    # ---- figures -------------------------------------------------------
    def read(self, text: str, start: int, end: int, weapons: list[WeaponMention]) -> SentenceReading:
        reading = SentenceReading()
        groups = _group_noun_phrases(text, weapons)
        figures: list[RawFigure] = []
        elaborations: list[RawFigure] = []
        used_numbers: set[int] = set()
        for g_start, g_end, weapon, model in groups:
            tail = _OF_TYPES.match(text, g_end)
            if tail:
                g_end = tail.end()  # "78 missiles of various types were launched"
            if _COMPOUND_NEXT.match(text, g_end):
                continue  # "missile attack", "drone strike": the weapon word modifies another noun
            found = self._counted_np(text, start, end, g_start, g_end, weapon, model, used_numbers)
            if found:
                if model is None:
                    apposed = _APPOSED_MODEL.match(text, g_end)
                    if apposed:
                        found[-1].model = next((w.model for w in weapons if w.start >= apposed.start(1) and w.model), None)
                figures.extend(found)
            elif _DEFINITE.search(text[max(start, g_start - 40):g_start]) or model:
                elaborations.append(RawFigure(start=g_start, end=g_end, count=0, qualifier="exact", weapon=weapon,
                                              model=model, action=None))
        for f in self._elliptical(text, start, end, figures + elaborations, used_numbers):
            named = [e for e in elaborations if e.end <= f.start and not any(g.end <= f.start and g.start > e.end for g in figures)]
            if named and not [g for g in figures if g.end <= f.start and g.start > named[-1].end]:
                f.weapon, f.model = named[-1].weapon, named[-1].model
            figures.append(f)
        figures.sort(key=lambda f: f.start)
        if not figures and not elaborations:
            reading.deferred = True  # nothing to attribute: the engine reads the attribution only if needed
            return reading
        attributions = self.attributions(text, start, end)
        reading.attribution = _choose_attribution(attributions, figures)
        self._assign_actions(text, start, end, figures + elaborations, reading.attribution)
        _share_chain_actions(text, figures)
        self._assign_attackers(text, start, end, figures)
        self._scopes(text, start, end, figures, reading.attribution)
        self._scopes(text, start, end, elaborations, reading.attribution)
        if reading.attribution is None and figures:
            reading.attribution = self._actor(text, start, figures[0])
        reading.figures = figures
        reading.elaborations = [e for e in elaborations if e.action not in (None, "negated")
                                and not any(f.start <= e.start < f.end for f in figures)]
        return reading

    def _actor(self, text: str, s_start: int, fig: RawFigure) -> Attribution | None:
        """No reporting verb: a named body that did the intercepting ("Ukraine's air defense shot down ...")."""
        if fig.cue_start < 0:
            return None
        subject, offset = _subject_before(text[s_start:fig.cue_start], fig.cue_start - s_start)
        if not subject:
            return None
        known = self.claimants.body(subject)
        if known is None or known.side is None:
            return None
        return Attribution(known.name or _clean_name(subject), known.side, s_start + offset, s_start + offset + len(subject), kind="actor")

    def may_continue(self, text: str, start: int, end: int) -> bool:
        return bool(_CONTINUES.search(text, start, end))

    def clause_start(self, text: str, s_start: int, pos: int) -> int:
        return _clause_start(text, s_start, pos)

    def may_have_figure(self, text: str, weapon_start: int) -> bool:
        """Cheap test: is there a count right before this weapon word? (No count, no figure.)"""
        window = text[max(0, weapon_start - 90):weapon_start]
        if any(_only_modifiers(window[m.end():]) for m in _COUNT.finditer(window)):
            return True
        # "Kalibr cruise missiles: 60 were launched", "drones - 23": a count right after the weapon words
        return bool(_COUNT_AFTER.search(text, weapon_start, weapon_start + 80))

    def launch_origin(self, text: str, start: int, end: int) -> bool:
        """"from the directions of Kursk", "launched from Chauda", "from Primorsko-Akhtarsk direction"."""
        lead = text[max(0, start - 60):start]
        return bool(_FROM_LEAD.search(lead) or re.match(r"\s+directions?\b", text[end:end + 12], re.I)
                    or (re.search(r"(?i)directions?\s+(?:of\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,6}$", lead)))

    def fronted_place(self, text: str, lead_start: int, start: int, end: int) -> bool:
        """A place before its figure that is where it happened: "In the Belgorod region, 34 drones were …",
        "attacked Dnipro with …", "Moscow's skies"."""
        return bool(_FRONTED_LEAD.search(text[lead_start:start].lower()) or _SKIES.match(text, end))

    def excluded_place(self, text: str, start: int, end: int) -> bool:
        """A place named as the agent ("Moscow launched", "fired by Ukraine") is not where the figure happened."""
        return bool(_AGENT_AFTER.match(text, end) or _AGENT_BEFORE.search(text[max(0, start - 12):start]))

    def _counted_np(self, text, s_start, s_end, g_start, g_end, weapon, model, used) -> list[RawFigure]:
        window_start = max(s_start, g_start - 90)
        window = text[window_start:g_start]
        best = None
        for m in _COUNT.finditer(window):
            gap = window[m.end():]
            if _only_modifiers(gap):
                best = m
        if best is None:
            return []
        num_text = best.group("num")
        num_start = window_start + best.start("num")
        lowered = num_text.lower()
        if lowered == "each":
            return []
        value = _value(num_text)
        if value is None:
            return []
        before = text[max(s_start, num_start - 40):num_start]
        qualifier = "exact"
        qm = _QUAL_RE.search(before)
        if qm:
            qualifier = _qualifier_name(qm.group(1))
        fig_start = num_start
        if qm:
            fig_start = max(s_start, num_start - (len(before) - qm.start(1)))
        fig = RawFigure(start=fig_start, end=g_end, count=value, qualifier=qualifier, weapon=weapon, model=model, action=None)
        np_gap = text[num_start + len(num_text):g_start].lower()
        fig.more = bool(re.match(r"\s*more\b", np_gap)) or "more" in lowered
        fig.partitive = bool(re.search(r"\bof (?:the|those|these|them)\b", np_gap))
        if re.search(r"(?i)\b(?:out of|of)\s+(?:the\s+|a\s+)?(?:total\s+(?:of\s+)?)?$", text[max(s_start, fig_start - 25):fig_start]) \
                and re.search(r"(?i)\d|\b(?:drones?|missiles?|UAVs?)\b", text[max(s_start, fig_start - 60):fig_start]):
            fig.launch_total = True
        fig.singular_event = lowered in {"another", "a second", "a third", "one more"} or "more" in lowered
        if lowered in {"a", "an"}:
            # "a new missile", "an experimental missile": a type, not a counted event
            gap = text[num_start + len(num_text):g_start].lower()
            fig.type_reference = bool(re.search(r"\b(?:such|experimental|novel|latest)\b", gap))
        pre = text[max(s_start, fig_start - 30):fig_start]
        if re.search(r"(?i)\ball\s*$", pre) or lowered == "both":
            fig.all_of = True
            fig.start = max(s_start, fig_start - len(pre) + re.search(r"(?i)\ball\s*$|$", pre).start()) if re.search(r"(?i)\ball\s*$", pre) else fig.start
        if _DEFINITE.search(pre) and lowered not in {"both"}:
            fig.anaphoric = True
        if _INCLUDING.search(text[max(s_start, fig_start - 20):fig_start]):
            fig.including = True
        # "28 of the total 33 drones": this NP is the launched total and "28" is a figure too.
        xm = None
        for m in _X_OF_Y.finditer(text, max(s_start, fig_start - 60), fig_start + 1):
            if m.end() == fig_start or (m.end() <= fig_start and _only_modifiers(text[m.end():fig_start])):
                xm = m
        used.add(num_start)
        if xm is not None:
            x_val = _value(xm.group("x"))
            if x_val is not None:
                fig.launch_total = True
                part = RawFigure(start=xm.start("x"), end=xm.end("x"), count=x_val, qualifier="exact", weapon=weapon, model=model,
                                 action=None)
                after_total = text[g_end:min(s_end, g_end + 90)]
                pm = _PASSIVE_GAP.match(after_total) or _PASSIVE_AFTER.match(after_total)
                if pm and pm.group("aux") and not pm.group("neg"):
                    part.deferred_action = _PARTICIPLE_ACTION.get(pm.group("verb").lower())
                used.add(xm.start("x"))
                return [part, fig]
        return [fig]

    def _elliptical(self, text, s_start, s_end, figures, used) -> list[RawFigure]:
        """Bare counts after a figure: "34 drones were shot down, while two fell ... and one in Crimea"."""
        out: list[RawFigure] = []
        flat = list(figures)
        for m in _ELLIPTICAL.finditer(text, s_start, s_end):
            pos = m.start("num")
            if pos in used or any(f.start <= pos < f.end for f in flat):
                continue
            value = _value(m.group("num"))
            if value is None:
                continue
            # must follow an antecedent figure, or "of those" / "of which"
            ante = [f for f in flat if f.end <= pos and (f.count or text[f.end:pos].lstrip().startswith(":") or re.fullmatch(r"[\s:]*", text[f.end:pos]))]
            pre = text[max(s_start, pos - 25):pos]
            list_line = not text[s_start:pos].strip(" \t-–—•*")  # "1 – over the Tver region." continues a list
            if not ante and not list_line and not re.search(r"(?i)(?:of (?:those|which|them|these)|out of them)[,\s]*$", pre):
                continue
            # a year or a time is not a count ("in 2024", "at 23.00")
            after = text[m.end("num"):m.end("num") + 2]
            if after.startswith((".", ":")) and after[1:2].isdigit():
                continue
            if re.search(r"(?i)(?:\bin|\bon|\bat|\bsince|\bby|\bof|\bfrom|\bto|\buntil|\bnear|\bper|\bmore than|\bover|\babout)\s*$", pre) and not re.search(r"(?i)(?:of (?:those|which|them|these)|out of them)[,\s]*$", pre):
                continue
            fig = RawFigure(start=pos, end=m.end("num") + (len(m.group("more")) if m.group("more") else 0), count=value,
                            qualifier="exact", weapon="", model=None, action=None, elliptical=True)
            qm = _QUAL_RE.search(text[max(s_start, pos - 40):pos])
            if qm:
                fig.qualifier = _qualifier_name(qm.group(1))
                fig.start = max(s_start, pos - 40) + qm.start(1)
            if m.group("of"):
                fig.end = m.end("of")
                fig.including = True  # "30 drones ..., 12 of them over Kursk": a part of the figure before
            if re.search(r"(?i)\b(?:out of|of)\s+(?:the\s+)?(?:total\s+(?:of\s+)?)?$", pre) and re.match(r"\s*(?:launched|fired)\b", text[m.end():]):
                fig.launch_total = True  # "58 drones out of the 90 launched"
            if _INCLUDING.search(text[max(s_start, pos - 20):pos]):
                fig.including = True
            if m.group("num").lower() == "one more" or m.group("more"):
                fig.singular_event = value == 1
            out.append(fig)
            used.add(pos)
        # "all of which were shot down" / "intercepted all of them": the antecedent's count again
        for m in _ALL_OF.finditer(text, s_start, s_end):
            ante = [f for f in flat + out if f.end <= m.start()]
            if not ante:
                continue
            a = ante[-1]
            fig = RawFigure(start=m.start(), end=m.end(), count=a.count, qualifier=a.qualifier, weapon="", model=None,
                            action=None, elliptical=True)
            fig.all_of = True
            out.append(fig)
        return out

    # ---- actions ---------------------------------------------------------
    def _assign_actions(self, text, s_start, s_end, figures, attribution) -> None:
        taken: set[int] = set()   # verbs already read as the passive of an earlier figure
        for i, f in enumerate(figures):
            if f.action is not None:
                continue
            after = text[f.end:min(s_end, f.end + 90)]
            pm = _PASSIVE_AFTER.match(after) or _PASSIVE_GAP.match(after)
            if pm:
                verb = pm.group("verb").lower()
                taken.add(f.end + pm.start("verb"))
                if pm.group("neg"):
                    f.action = "negated"
                    continue
                if pm.group("aux") or verb in _SUBJECT_VERBS or verb.startswith("fell to"):
                    action = "intercepted" if verb.startswith("fell to") else _PARTICIPLE_ACTION.get(verb)
                    if action:
                        f.action = action
                        continue
                reduced = "intercepted" if verb.startswith("fell to") else _PARTICIPLE_ACTION.get(verb)
            else:
                reduced = None
            if reduced is None and _RELATIVE_LAUNCH.match(after):
                reduced = "launched"  # "of the 85 drones Russia launched": launched, unless a verb governs it
            if reduced and re.search(r"(?i)\bwith\s+(?:another\s+|a further\s+|an additional\s+)?$", text[max(s_start, f.start - 25):f.start]):
                f.action = reduced  # "with another 29 drones lost to jamming": the participle governs
                continue
            clause_start = _clause_start(text, s_start, f.start)
            left = None
            for m in _ACTION_RE.finditer(text, clause_start, f.start):
                if m.start() not in taken:
                    left = m
            if attribution is not None and left is not None and attribution.start <= left.start() < attribution.end:
                left = None
            if left is not None:
                word = left.group(1).lower()
                f.action = _action_of(word)
                f.cue_start = left.start()
                if word in _USE_VERBS and f.count == 1 and not f.elliptical and f.qualifier == "exact" and re.match(r"(?i)an? ", text[f.start:f.start + 3]):
                    f.type_reference = True
                if f.launch_total:
                    f.action = "launched"
                continue
            if f.launch_total:
                f.action = "launched"
                continue
            if reduced:
                f.action = reduced
            if f.action is None:
                f.action = f.deferred_action

    def _assign_attackers(self, text, s_start, s_end, figures) -> None:
        for f in figures:
            np_text = text[f.start:f.end]
            if re.search(r"(?i)\b(?:hostile|unidentified|unknown|unidentified)\b", np_text):
                f.attacker_unknown = True
                continue
            if _UA_ADJ.search(np_text):
                f.attacker = "UA"
            elif _RU_ADJ.search(np_text):
                f.attacker = "RU"
            if f.attacker or f.launch_total:
                continue
            clause_start = _clause_start(text, s_start, f.start)
            left = text[clause_start:f.cue_start if f.cue_start >= clause_start else f.start]
            right = text[f.end:min(s_end, f.end + 80)]
            m = re.search(r"(?i)\b(?:launched|fired|sent)\s+by\s+(russia|ukraine|the russian|the ukrainian|russian|ukrainian)", right)
            if m:
                f.attacker = "RU" if "russ" in m.group(1).lower() else "UA"
                continue
            if f.action == "launched" or f.action == "impacted":
                # the subject of the launch verb: the last agent named before the verb
                agents = [(m.start(), "RU") for m in _RU_AGENT.finditer(left)] + [(m.start(), "UA") for m in _UA_AGENT.finditer(left)]
                if agents:
                    f.attacker = max(agents)[1]

    # ---- places: which part of the sentence belongs to which figure ------
    def _scopes(self, text, s_start, s_end, figures, attribution) -> None:
        for i, f in enumerate(figures):
            nxt = next((g.start for g in figures[i + 1:] if g.start >= f.end), s_end)
            f.scope_start = f.start
            f.scope_end = nxt
            for cb in _CLAUSE_BREAK.finditer(text, f.end, nxt):
                if re.match(r"(?i)\.\s|;|,\s*(?:which|who|where|damaging|killing|injuring|wounding|causing|sparking|leaving|setting)\b", text[cb.start():cb.end()]):
                    f.scope_end = cb.start()
                    break
            across = _ACROSS.search(text, f.end, f.scope_end)
            if across and (n := _value(across.group(1))):
                f.parts_expected = n
            reason = _SCOPE_END.search(text, f.end, f.scope_end)
            if reason:
                f.scope_end = reason.start()
            # background: a figure in an "after ..." clause with no reporting verb of its own
            opener = None
            for m in _BACKGROUND_OPENERS.finditer(text, s_start, min(s_end, f.end)):
                if m.end() <= f.start:  # (searching past f.start lets the look-ahead see the figure itself)
                    opener = m
            if opener is not None:
                between = text[opener.end():f.start]
                if "," not in between and not _REPORT_RE.search(between):
                    f.type_reference = True

    def place_anaphora(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        out = []
        for m in re.finditer(r"(?i)\bthe (?:russian|ukrainian) capital\b|\bthe capital(?: city)?\b|\bthe city\b|\b(?:his|her|their|the) region\b", text[start:end]):
            surface = m.group(0).lower()
            if "russian capital" in surface:
                hint = "Moscow"
            elif "ukrainian capital" in surface:
                hint = "Kyiv"
            elif "region" in surface:
                hint = "@region"
            elif "capital" in surface:
                hint = "@capital"
            else:
                hint = "@city"
            out.append((start + m.start(), start + m.end(), hint))
        return out

    # ---- attribution ---------------------------------------------------
    def attribution(self, text: str, start: int, end: int) -> Attribution | None:
        """The sentence's attribution when it has no figures (used for context and retro-attribution)."""
        found = self.attributions(text, start, end)
        return found[0] if found else None

    def attributions(self, text: str, start: int, end: int) -> list[Attribution]:
        """Every reporting clause of the sentence, in order, media relays last."""
        sent = text[start:end]
        m = _RETRO.search(sent)
        if m:
            attr = self._make_attr(m.group("np"), start + m.start("np"), start + m.end("np"), kind="retro")
            if attr:
                return [attr]
        m = _SAID_THIS.match(sent)
        if m:
            attr = self._make_attr(m.group("np"), start + m.start("np"), start + m.end("np"), kind="retro")
            if attr and attr.kind == "retro":
                return [attr]
        candidates: list[Attribution] = []
        for m in _ACCORDING.finditer(sent):
            np = re.split(r"(?i)\s+(?:on|in|via|who|which|that|at|as)\s|['’]s\s+(?:statement|announcement|report|post|message|data|information|telegram)", m.group("np"))[0]
            np = re.sub(r"(?i)^(?:the information of|the data of|the telegram channel of|a statement by|the statement of)\s+", "", np)
            attr = self._make_attr(np, start + m.start("np"), start + m.start("np") + len(np))
            if attr:
                candidates.append(attr)
        for m in _REPORT_RE.finditer(sent):
            np_text, np_start = _subject_before(sent, m.start())
            attr = None
            if np_text:
                attr = self._make_attr(np_text, start + np_start, start + np_start + len(np_text))
            if attr is None:
                # "said the ministry"
                after = re.match(r"\s+(the [\w’' ]{2,60}?|[A-Z][\w’'\- ]{2,60}?)(?=[,.;]|\s+(?:on|in|said|that)\b|$)", sent[m.end():])
                if after:
                    attr = self._make_attr(after.group(1), start + m.end() + after.start(1), start + m.end() + after.end(1))
            if attr:
                # the reporting clause itself is not a place scope for figures
                candidates.append(Attribution(attr.name, attr.side, attr.start, start + m.end(), attr.kind, attr.head, attr.home_place))
        if not candidates:
            m = re.match(r"^\s*(?P<np>[^:\n]{3,80}):\s*$|^\s*(?P<np2>[^:\n]{3,80}):\s*\n", sent)
            if m:
                np = m.group("np") or m.group("np2")
                attr = self._make_attr(np, start, start + len(np))
                if attr:
                    candidates.append(attr)
        return rank_attributions(candidates)

    def confirms_previous(self, text: str, start: int, end: int) -> Attribution | None:
        """"Mayor X confirmed the incident": names the claimant of the previous sentence's figures."""
        m = _CONFIRMS_EVENT.search(text, start, end)
        if not m:
            return None
        np, np_start = _subject_before(text[start:end], m.start() - start)
        if not np:
            return None
        return self._make_attr(np, start + np_start, start + np_start + len(np), kind="retro")

    def _make_attr(self, phrase: str, a: int, b: int, kind: str = "explicit") -> Attribution | None:
        phrase = phrase.strip(" ,\"“”'’-–—")
        phrase = re.sub(r"^[A-Z]{3,}(?:[ ,]+[A-Z][a-z]+\.? \d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[-–—:]+\s*", "", phrase)
        phrase = re.sub(r"^[^()]{0,40}\([^()]{1,30}\)\s*[-–—]\s*", "", phrase)
        phrase = re.sub(r"(?i)^(?:meanwhile|separately|however|also|earlier|later|in a statement|in a post on \w+|on \w+ \d+)\s*,?\s*", "", phrase)
        phrase = re.sub(r"(?i)(?:\s+(?:has|have|had|also|later|earlier|further|then|previously|reportedly|subsequently))+$", "", phrase)
        if not phrase or len(phrase) > 120:
            return None
        low = phrase.lower()
        if _PRONOUN.match(low):
            head = low.split()[-1]
            return Attribution(None, None, a, b, kind="pronoun", head=head)
        person = self.claimants.person(phrase)
        body = self.claimants.body(phrase)
        if body is None and person is None and not _HEADS.search(phrase) and not _NAME.search(phrase):
            return None
        if self.claimants.is_media(phrase):
            return Attribution(None, None, a, b, kind="media")
        name = phrase
        side = None
        home = None
        if person is not None:
            name = _clean_name(phrase)
            side, home = person.side, person.home
        elif body is not None:
            name = body.name or _clean_name(phrase)
            side, home = body.side, body.home
        else:
            name = _clean_name(phrase)
            if re.search(r"(?i)\bukrain|\bkyiv\b|\bkiev\b", phrase):
                side = "UA"
            elif re.search(r"(?i)\bruss|\bmoscow\b|\bkremlin\b", phrase):
                side = "RU"
            elif re.search(r"(?i)\b(?:poland|polish|belarus|romania|moldova|nato)\b", phrase):
                side = "other"
        return Attribution(name, side, a, b, kind=kind, home_place=home)


_APPOSED_MODEL = re.compile(r"(?i),?\s+(?:namely|specifically|i\.e\.|such as|of the type)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?=\S)(.)")
_AGENT_AFTER = re.compile(r"(?i)(?:['’]s\s+(?:army|forces|military|troops)\s+)?\s*(?:has |have |had )?(?:launched|fired|sent|used|attacked|struck|hit|said|claimed|reported|says|calls|launches)\b")
_AGENT_BEFORE = re.compile(r"(?i)\bby\s+(?:the\s+)?$")


def _qualifier_name(phrase: str) -> str:
    """"more than" -> at_least, "about" -> approx, "up to" -> up_to."""
    phrase = phrase.lower()
    for name, pattern in _QUALIFIERS:
        if re.fullmatch(pattern, phrase):
            return name
    return "exact"


def _choose_attribution(candidates: list[Attribution], figures: list[RawFigure]) -> Attribution | None:
    """The reporting clause nearest before the first figure, else the first after it."""
    if not candidates:
        return None
    if not figures:
        return candidates[0]
    first = figures[0].start
    before = [c for c in candidates if c.start < first]
    return before[-1] if before else candidates[0]


def _share_chain_actions(text: str, figures: list[RawFigure]) -> None:
    """"1,720 drones, 1,300 bombs and 100 missiles were used": a list shares the verb of its last member."""
    for i in range(len(figures) - 2, -1, -1):
        f, nxt = figures[i], figures[i + 1]
        if f.action is None and nxt.action and re.fullmatch(r"(?i)[\s,]*(?:and|or)?[\s,]*", text[f.end:nxt.start]):
            f.action = nxt.action


# A place after these belongs to the reason or the background, not to the figure.
_SCOPE_END = re.compile(r"(?i)\b(?:in response to|in retaliation for|because|due to|amid|despite|in exchange for|on behalf of)\b"
                        r"|,\s*(?:as\s+)?(?:reported|according|citing|quoting)\b|\bas (?:the|a|an|it|they|he|she)\b|\bwhen\b")
_RELATIVE_LAUNCH = re.compile(
    r"\s+(?:that |which )?(?:Russia|Russian forces|Russian troops|Moscow|Ukraine|Ukrainian forces|Kyiv|the enemy|the Russians|the occupiers)"
    r"\s+(?:had |has |have )?(?:launched|fired|sent|used)\b")
_FROM_LEAD = re.compile(r"(?i)\bfrom\s+(?:the\s+)?(?:directions?\s+of\s+)?(?:the\s+)?(?:occupied\s+|russian\s+|border\s+)*(?:region of\s+)?$")
_CONTINUES = re.compile(r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|all|both)\b")
_ACROSS = re.compile(r"(?i)across (\w+) regions")
_FRONTED_LEAD = re.compile(r"(?:\bin|\bover|\babove|\bnear|\bacross|\bat|\bon|\btoward|\btowards|\binto|\bof|\bagainst|"
                           r"\btargeting|\battacked|\bstruck|\bhit|\btargeted|\bpounded)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_SKIES = re.compile(r"(?i)['’]s\s+(?:skies|airspace)")
_COUNT_AFTER = re.compile(r"[:–—-]\s*\d")
_OF_TYPES = re.compile(r"(?i)\s+of (?:various|different|several|unknown|unidentified|other|all) (?:types|kinds|models|classes)")
_COMPOUND_NEXT = re.compile(
    r"(?i)[\s-]+(?:attacks?|strikes?|threats?|launch(?:es|ers?)?|programs?|programmes?|alerts?|danger|defen[cs]es?|systems?|"
    r"production|manufacturers?|makers?|technolog(?:y|ies)|components?|fragments?|debris|wreckage|parts|factory|plants?|"
    r"units?|operators?|pilots?|crews?|squadrons?|batteries|regiments?|divisions?|complexes|warfare|raids?|barrages?|salvos?|waves?|assaults?|campaigns?|sites?|bases?|"
    r"stockpiles?|supplies|deliveries|shipments?|sales|prices?|costs?|industry|sector|forces|troops|brigades?|"
    r"capabilit(?:y|ies)|carriers?|hunters?|interceptors?|developers?|engines?|incursions?|sightings?|swarms?|activity|"
    r"danger|hazard|shelters?)\b"
)
_MOD_TOKEN = re.compile(r"[\w.’'\-/&]+|[\"“”«»]")


def _only_modifiers(gap: str) -> bool:
    if len(gap) > 70:
        return False
    for tok in _MOD_TOKEN.findall(gap):
        low = tok.lower()
        if tok in "\"“”«»":
            continue
        if low in _MODIFIERS or re.fullmatch(r"[\w.]+-(?:type|launched|made|range|wing|powered|guided|based|class)", low):
            continue
        return False
    rest = _MOD_TOKEN.sub("", gap)
    return not re.search(r"[,;:.()]", rest)


def _value(num_text: str) -> int | None:
    low = num_text.lower().strip()
    if low in {"a", "an", "another", "a second", "a third", "one more", "a single", "one single"}:
        return 1
    if low == "both":
        return 2
    if low == "a dozen":
        return 12
    if low.endswith(" more"):
        return _value(low[:-5])
    if low[0].isdigit():
        return parse_digits(low)
    return parse_number_words(re.split(r"[\s-]+", low), NUMBER_WORDS)


def _clause_start(text: str, s_start: int, pos: int) -> int:
    start = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, pos):
        start = m.end()
    return start


def _subject_before(sent: str, verb_pos: int) -> tuple[str, int]:
    """The noun phrase before a reporting verb, back to a clause boundary (one apposition allowed)."""
    left = sent[max(0, verb_pos - 140):verb_pos]
    offset = max(0, verb_pos - 140)
    rel = re.search(r"(?i),?\s*\b(?:who|which)\s+(?:[\w’']+\s+){0,4}$", left)
    if rel:
        # "an earlier report from Sobyanin, who had moments before announced": the antecedent speaks
        before = left[:rel.start()]
        pieces = re.split(r"(?i)\b(?:from|by|of|with|to|follows|that|said|reported)\b", before)
        cand = pieces[-1].strip(" ,")
        if cand and (_HEADS.search(cand) or _NAME.search(cand) or load_claimants().person(cand)):
            idx = left.rfind(cand, 0, rel.start())
            return cand, offset + max(0, idx)
        return "", 0
    # cut at the last strong boundary
    cut = max(left.rfind(c) for c in ".;:\"“”(")
    cut_that = max((m.end() for m in re.finditer(r"(?i)\b(?:that|and|but|while|after|as|when|so|what|whether|if)\s|[–—]\s|\)\s*[-–—]\s*", left)), default=-1)
    cut = max(cut, cut_that - 1)
    seg = left[cut + 1:]
    seg_offset = offset + cut + 1
    parts = seg.split(",")
    # nearest comma-part first; step back over one apposition ("the country's spokesman, Yurii Ihnat")
    acc_start = len(seg)
    for k in range(len(parts) - 1, max(-1, len(parts) - 4), -1):
        part = parts[k]
        acc_start -= len(part) + (1 if k < len(parts) - 1 else 0)
        cand = re.sub(r"(?i)^(?:with|as|while|and)\s+", "", part.strip())
        if not cand or re.match(r"(?i)(?:\w+ing|\w+ed|in|on|at|near|over|from|who|which)\b", cand) and not _NAME.fullmatch(cand):
            continue
        if _HEADS.search(cand) or _NAME.search(cand) or _PRONOUN.match(cand.lower()) or load_claimants().person(cand):
            # include the rest of the appositive chain up to the verb
            chunk = seg[acc_start:].strip(" ,")
            if k < len(parts) - 1 and (_HEADS.search(cand) and not _NAME.search(",".join(parts[k + 1:]))):
                chunk = seg[acc_start:].strip(" ,")
            elif k < len(parts) - 1:
                chunk = ",".join(parts[k + 1:]).strip(" ,") if _NAME.search(",".join(parts[k + 1:])) else chunk
            start_idx = seg.find(chunk)
            return chunk, seg_offset + max(0, start_idx)
    return "", 0


def _clean_name(phrase: str) -> str:
    phrase = re.sub(r"(?i)^(?:the|a|an)\s+", "", phrase.strip())
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase.strip(" ,")


def _group_noun_phrases(text: str, weapons: list[WeaponMention]) -> list[tuple[int, int, str, str | None]]:
    """Merge adjacent weapon words into one NP: "Shahed attack drones", "Iskander-M or KN-23 ballistic missiles"."""
    groups: list[tuple[int, int, str, str | None]] = []
    i = 0
    while i < len(weapons):
        w = weapons[i]
        g_start, g_end, weapon, models = w.start, w.end, w.weapon, ([w.model] if w.model else [])
        head_is_class = w.model is None
        j = i + 1
        while j < len(weapons):
            nxt = weapons[j]
            gap = text[g_end:nxt.start]
            if len(gap) > 40:
                break
            gap_low = gap.lower().strip(" \"“”'’")
            joinable = _only_modifiers(gap) and not re.search(r"\b(?:and|&)\b", gap_low)
            if re.fullmatch(r"[\"“”'’\s]*(?:/|or|and)?[\"“”'’\s]*", gap) and models and nxt.model:
                joinable = True
            if re.search(r"\b(?:and)\b", gap_low) and not (models and nxt.model and not head_is_class):
                joinable = False
            if not joinable:
                break
            if nxt.model and nxt.model not in models:
                models.append(nxt.model)
            if nxt.model is None:
                weapon = nxt.weapon
                head_is_class = True
            elif not head_is_class:
                weapon = nxt.weapon
            g_end = nxt.end
            j += 1
        if models:
            # a class noun fixes the class ("Shahed attack drones"); a model alone gives its own
            model = "/".join(merge_models(models))
        else:
            model = None
        groups.append((g_start, g_end, weapon, model))
        i = j
    return groups
