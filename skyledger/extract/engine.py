"""The extraction engine: report text -> claims, the same way for every language.

Pipeline per document (all pure):

1. prefilter — one Aho-Corasick pass for weapon words; most news text stops here;
2. items — live-blog stories are processed separately so context never leaks;
3. sentences — each read by the language's ``Grammar`` into figures + attribution;
4. context — claimant carried from the previous sentence of the item,
   elliptical parts take weapon and action from their antecedent;
5. places and dates — resolved through the gazetteer and the date rules;
6. totals — a total with no places of its own takes its parts' places when
   they add up; "all N were shot down" also records N launched;
7. repeats — the same figure told twice in a document is one claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from skyledger.extract import segment
from skyledger.extract.grammar import Attribution, Grammar, RawFigure
from skyledger.extract.weapons import fold, load_taxonomy
from skyledger.models import Claim

EXTRACTOR_NAME = "skyledger.rules.v1"
MAX_DOCUMENT_CHARS = 2_000_000     # longer input is cut: no single report is this long
MAX_SENTENCE_CHARS = 3_000         # a "sentence" longer than this is page debris, not prose
MAX_FIGURES_PER_DOCUMENT = 2_000

_CYRILLIC = re.compile(r"[а-яА-ЯёЁіІїЇєЄґҐ]")
_UK_ONLY = re.compile(r"[іІїЇєЄґҐ]")
_RU_ONLY = re.compile(r"[ыЫэЭъЪёЁ]")


def guess_language(text: str) -> str:
    """en / ru / uk from the letters used (cheap, deterministic; enough to route a grammar)."""
    sample = text[:20_000]
    cyr = len(_CYRILLIC.findall(sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    if cyr <= latin:
        return "en"
    uk = len(_UK_ONLY.findall(sample))
    ru = len(_RU_ONLY.findall(sample))
    return "uk" if uk > ru else "ru"


def _item_language(item_text: str, hint: str | None) -> str:
    """The document's language, unless this item is plainly in another script (mixed live blogs)."""
    guessed = guess_language(item_text)
    if hint is None or (hint == "en") != (guessed == "en"):
        return guessed
    return hint


def _grammars() -> dict[str, Grammar]:
    global _GRAMMARS
    if _GRAMMARS is None:
        from skyledger.extract.lang_en import EnglishGrammar

        grammars: dict[str, Grammar] = {"en": EnglishGrammar()}
        try:  # Russian and Ukrainian grammars plug in the same way
            from skyledger.extract.lang_ru import RussianGrammar

            grammars["ru"] = RussianGrammar()
        except ImportError:
            pass
        try:
            from skyledger.extract.lang_uk import UkrainianGrammar

            grammars["uk"] = UkrainianGrammar()
        except ImportError:
            pass
        _GRAMMARS = grammars
    return _GRAMMARS


_GRAMMARS: dict[str, Grammar] | None = None


# ---- places and dates: provided by their own packages ----------------------------
def _find_places(text: str, start: int, end: int, lang: str):
    try:
        from skyledger.places import find_places
    except ImportError:
        return []
    return find_places(text, start, end, lang=lang)


def _gazetteer():
    try:
        from skyledger.places import load_gazetteer
    except ImportError:
        return None
    return load_gazetteer()


def _time_mentions(text: str, start: int, end: int, lang: str):
    try:
        from skyledger.dates import find_time_mentions
    except ImportError:
        return []
    return find_time_mentions(text, start, end, lang=lang)


def _resolve_time(mention, published):
    from skyledger.dates import resolve

    return resolve(mention, published)


def _default_date(published) -> str | None:
    try:
        from skyledger.dates import default_date
    except ImportError:
        return published.date().isoformat() if isinstance(published, datetime) else None
    return default_date(published)


def _parse_published(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        from skyledger.dates import parse_published
    except ImportError:
        try:
            return datetime.fromisoformat(str(value)[:19])
        except ValueError:
            return None
    return parse_published(value)


# ---- engine ------------------------------------------------------------------------
@dataclass
class _Context:
    """What carries from one sentence to the next inside one item."""

    claimant: Attribution | None = None
    history: list[Attribution] = field(default_factory=list)
    last_city: str | None = None
    last_capital: str | None = None
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    attacker: str | None = None
    pending: segment.Span | None = None      # the last prose sentence, read only if a figure needs it
    seen: list = field(default_factory=list)  # sentences read so far, for "the city" look-backs


@dataclass
class _Draft:
    fig: RawFigure
    claimant: Attribution | None
    sentence: segment.Span
    item: int
    lang: str
    locations: list = field(default_factory=list)   # list of (name, place_id)
    launch_places: tuple[str, ...] = ()
    date: str | None = None
    date_explicit: bool = False
    time_start: str | None = None
    time_end: str | None = None
    attacker: str | None = None
    home_default: bool = False
    quote_np: str = ""               # the words of the figure, kept for checks after reading
    pre_scope: bool = False
    antecedent: "_Draft | None" = None


def extract_text(text: str, published=None, lang: str | None = None) -> list[Claim]:
    if not isinstance(text, str) or not text:
        return []
    text = text[:MAX_DOCUMENT_CHARS]
    taxonomy = load_taxonomy()
    folded = fold(text)
    hits = taxonomy.hits(folded)
    if not hits:
        return []
    doc_lang = lang or guess_language(text)
    gate = getattr(_grammars().get(doc_lang), "may_have_figure", None)
    if gate is not None and not any(gate(text, s) for s, _ in hits):
        return []  # weapon words, but none with a count in front: nothing to record
    pub = _parse_published(published)
    drafts: list[_Draft] = []
    for item_index, item in enumerate(segment.split_items(text)):
        item_lang = _item_language(text[item.start:item.end], lang)
        grammar = _grammars().get(item_lang)
        if grammar is None:
            continue
        if not any(item.start <= h[0] < item.end for h in hits):
            continue
        drafts.extend(_read_item(text, folded, hits, item, item_index, item_lang, grammar, pub))
        if len(drafts) > MAX_FIGURES_PER_DOCUMENT:
            break
    claims = [_to_claim(text, d) for d in drafts]
    return _merge_repeats(claims, drafts)


def _read_item(text: str, folded: str, hits: list[tuple[int, int]], item: segment.Span, item_index: int, lang: str, grammar: Grammar, pub) -> list[_Draft]:
    taxonomy = load_taxonomy()
    ctx = _Context()
    drafts: list[_Draft] = []
    elaborations: list[_Draft] = []
    prev_sentence_drafts: list[_Draft] = []
    sentences = [s for s in segment.split_sentences(text, item.start, item.end)
                 if s.end - s.start <= MAX_SENTENCE_CHARS and not segment.is_chrome_line(text, s.start, s.end)]
    weapons_of = [taxonomy.mentions(text, s.start, s.end, lang, folded, hits) for s in sentences]
    for i, sent in enumerate(sentences):
        weapons = weapons_of[i]
        near_figures = weapons or (i + 1 < len(weapons_of) and weapons_of[i + 1]) or (i > 0 and weapons_of[i - 1])
        if not near_figures:
            # prose far from any weapon word: it only breaks the carrying of a claimant
            ctx.claimant = None
            prev_sentence_drafts = []
            continue
        ctx.seen.append(sent)
        continues = prev_sentence_drafts and grammar.may_continue(text, sent.start, sent.end)
        reading = grammar.read(text, sent.start, sent.end, weapons) if weapons or continues else None
        if reading is None or reading.deferred:
            # a sentence without figures: it may name who said the previous figures, or break the carry
            _prose_sentence(text, sent, grammar, ctx, prev_sentence_drafts)
            prev_sentence_drafts = []
            continue
        if reading.attribution is None and ctx.pending is not None and hasattr(grammar, "attribution"):
            carried = grammar.attribution(text, ctx.pending.start, ctx.pending.end)
            if carried is not None and carried.kind == "explicit" and carried.name:
                ctx.claimant = carried
                ctx.history.append(carried)
        ctx.pending = None
        attribution = _resolve_attribution(reading.attribution, ctx)
        if reading.attribution is not None and reading.attribution.kind == "retro" and prev_sentence_drafts:
            for d in prev_sentence_drafts:
                if d.claimant is None or _vague(d.claimant):
                    d.claimant = attribution
        if attribution is not None and attribution.kind != "media":
            ctx.claimant = attribution
            ctx.history.append(attribution)
        claimant = ctx.claimant
        sentence_drafts: list[_Draft] = []
        previous_draft = drafts[-1] if drafts and drafts[-1].sentence.end >= sent.start - 400 else None
        antecedent: RawFigure | None = previous_draft.fig if previous_draft else None
        for fig in reading.figures:
            ante_draft = next((d for d in reversed(sentence_drafts) if d.fig.end <= fig.start), previous_draft)
            if fig.partitive and not fig.model:
                same = [d.fig.model for d in drafts + sentence_drafts if d.fig.weapon == fig.weapon and d.fig.model]
                if same:
                    fig.model = same[-1]
            if fig.action is None and fig.including and ante_draft is not None:
                fig.action = ante_draft.fig.action
            if fig.action is None and _AMONG.search(text, sent.start, fig.start):
                # "Among the missiles were eight Kh-101": a breakdown of a figure already given
                same = [d for d in drafts + sentence_drafts if d.fig.weapon == fig.weapon]
                launched = [d for d in same if d.fig.action == "launched"]
                if same:
                    fig.action = (launched or same)[-1].fig.action
            if fig.elliptical:
                ante = _antecedent(fig, sentence_drafts, antecedent)
                if ante is None and fig.weapon and fig.action:
                    ante = fig  # the grammar already named its weapon ("Kalibr missiles: 60 were launched")
                if ante is None:
                    continue
                fig.weapon = fig.weapon or ante.weapon
                fig.model = fig.model or ante.model
                if fig.action is None:
                    fig.action = ante.action
                if fig.all_of and fig.count == ante.count and not fig.attacker:
                    fig.attacker = ante.attacker
            if fig.action in (None, "negated") or fig.type_reference or not fig.weapon:
                continue
            d = _Draft(fig=fig, claimant=claimant, sentence=sent, item=item_index, lang=lang, antecedent=ante_draft,
                       quote_np=text[fig.start:fig.end])
            sentence_drafts.append(d)
            antecedent = fig
        _resolve_places(text, sentence_drafts, reading, grammar, ctx, lang)
        if reading.elaborations:
            notes = [_Draft(fig=e, claimant=claimant, sentence=sent, item=item_index, lang=lang) for e in reading.elaborations]
            _resolve_places(text, notes, reading, grammar, _Context(claimant=None, last_city=ctx.last_city), lang)
            elaborations.extend(notes)
        _resolve_dates(text, sentence_drafts, sent, lang, ctx, pub)
        _resolve_sides(sentence_drafts, ctx)
        _all_of_launches(sentence_drafts)
        drafts.extend(sentence_drafts)
        prev_sentence_drafts = sentence_drafts
    _apply_elaborations(drafts, elaborations)
    _totals_take_parts_places(text, drafts)
    return drafts


def _apply_elaborations(drafts: list[_Draft], notes: list[_Draft]) -> None:
    """"The Shahed drones were downed over X and Y": the model and places of a figure given nearby."""
    for note in notes:
        near = [d for d in drafts if d.fig.weapon == note.fig.weapon and abs(d.sentence.start - note.sentence.start) <= 400]
        if note.fig.model:
            for d in near:
                mixed = re.search(r"(?i)\b(?:types|kinds|models)\b", d.quote_np)
                if d.fig.model is None and not mixed:
                    d.fig.model = note.fig.model
        if note.locations and note.fig.action:
            before = [d for d in near if d.fig.action == note.fig.action and d.sentence.start < note.sentence.start]
            after = [d for d in near if d.fig.action == note.fig.action and d.sentence.start > note.sentence.start]
            target = before[-1] if before else (after[0] if after else None)
            if target is not None and (not target.locations or target.home_default or _coarser(target.locations, note.locations)):
                target.locations = list(note.locations)
                target.home_default = False


def _coarser(current: list, finer: list) -> bool:
    """True when every current place is a country or sea the finer list refines."""
    gaz = _gazetteer()
    if gaz is None:
        return False
    kinds = [getattr(gaz.by_name(n), "kind", None) for n, _ in current]
    return all(k in ("country",) for k in kinds)




def _prose_sentence(text: str, sent: segment.Span, grammar: Grammar, ctx: _Context, prev: list[_Draft]) -> None:
    """Context effects of a sentence without figures.

    "Mayor X confirmed the incident" names the claimant of the figures just before;
    an ordinary sentence is read lazily (only a later figure without a source needs it).
    """
    if not prev:
        ctx.claimant = None
        ctx.pending = sent
        return
    attr = grammar.attribution(text, sent.start, sent.end) if hasattr(grammar, "attribution") else None
    retro = grammar.confirms_previous(text, sent.start, sent.end) if hasattr(grammar, "confirms_previous") else None
    if retro is None and attr is not None and attr.kind == "retro":
        retro = attr
    if retro is not None:
        for d in prev:
            if d.claimant is None or _vague(d.claimant):
                d.claimant = retro
        ctx.claimant = retro
        ctx.history.append(retro)
    elif attr is not None and attr.kind == "explicit" and attr.name:
        ctx.claimant = attr
        ctx.history.append(attr)
    else:
        ctx.claimant = None  # attribution carries to the next sentence only, not across unrelated prose


def _vague(attr: Attribution) -> bool:
    return attr.name is None or attr.name.lower() in {"russia", "ukraine", "russian authorities", "ukrainian authorities", "moscow", "kyiv"}


def _resolve_attribution(attr: Attribution | None, ctx: _Context) -> Attribution | None:
    if attr is None:
        return None
    if attr.kind == "pronoun":
        head = attr.head or ""
        for past in reversed(ctx.history):
            if head in {"it", "he", "she", "they"} or (past.name and head in past.name.lower()):
                return past
        if head == "ministry":
            return Attribution("Russian Ministry of Defence", "RU", attr.start, attr.end)
        if head == "force":
            return Attribution("Ukrainian Air Force", "UA", attr.start, attr.end)
        return ctx.claimant
    return attr


def _antecedent(fig: RawFigure, same_sentence: list[_Draft], previous: RawFigure | None) -> RawFigure | None:
    before = [d.fig for d in same_sentence if d.fig.end <= fig.start]
    if before:
        return before[-1]
    return previous


def _last_city_before(text: str, ctx: _Context, pos: int, lang: str) -> str | None:
    """The city most recently named before ``pos`` in this item ("... Dnipro. ... at the city")."""
    for sent in reversed(ctx.seen[-6:]):
        end = min(sent.end, pos)
        if end <= sent.start:
            continue
        cities = [m for m in _find_places(text, sent.start, end, lang) if m.place.kind == "city"]
        if cities:
            return cities[-1].place.name
    return None


def _resolve_places(text, drafts: list[_Draft], reading, grammar, ctx: _Context, lang: str) -> None:
    if not drafts:
        return
    sent = drafts[0].sentence
    mentions = _find_places(text, sent.start, sent.end, lang)
    attr = reading.attribution
    if attr is not None:
        mentions = [m for m in mentions if not (attr.start <= m.start < attr.end)]
    if hasattr(grammar, "excluded_place"):
        mentions = [m for m in mentions if not grammar.excluded_place(text, m.start, m.end)]
    # "Krylatskoye, a district within Moscow Oblast": the description's container is not another place
    mentions = [m for m in mentions if not _APPOSITIVE_CONTAINER.search(text, max(sent.start, m.start - 60), m.start)]
    anaphora = grammar.place_anaphora(text, sent.start, sent.end) if hasattr(grammar, "place_anaphora") else []
    gaz = _gazetteer()
    home = ctx.claimant.home_place if ctx.claimant is not None else None

    def resolve_anaphor(hint: str, pos: int):
        if hint == "@region":
            return home
        if hint in ("@city", "@capital"):
            return _last_city_before(text, ctx, pos, lang) or ctx.last_city or (home if hint == "@capital" else None)
        return hint

    def places_in(a: int, b: int) -> list[tuple[str, str | None, int]]:
        out = []
        for m in mentions:
            if a <= m.start < b:
                out.append((m.place.name, m.place.place_id, m.start))
        for s, e, hint in anaphora:
            if a <= s < b:
                name = resolve_anaphor(hint, s)
                if name and not any(o[0] == name for o in out):
                    place = gaz.by_name(name) if gaz is not None else None
                    out.append((name, place.place_id if place else None, s))
        out.sort(key=lambda t: t[2])
        seen, uniq = set(), []
        for n, pid, _ in out:
            if n not in seen:
                seen.add(n)
                uniq.append((n, pid))
        return uniq

    for i, d in enumerate(drafts):
        f = d.fig
        begin = f.places_from if f.places_from >= 0 else f.end
        d.locations = places_in(begin, f.scope_end) if f.scope_end > begin else []
    # coordinated figures share trailing places: "31 drones and 2 missiles at Ukraine"
    for i in range(len(drafts) - 2, -1, -1):
        d, nxt = drafts[i], drafts[i + 1]
        gap = text[d.fig.end:nxt.fig.start]
        if not d.locations and re.fullmatch(r"(?i)[\s,]*(?:and|or|as well as|plus|including|,)?[\s,]*(?:also\s+)?", gap) and not d.fig.elliptical:
            d.locations = list(nxt.locations)
    fronted = getattr(grammar, "fronted_place", lambda text, lead_start, start, end: False)
    for i, d in enumerate(drafts):
        f = d.fig
        if d.locations:
            continue
        if f.all_of and f.elliptical:
            prev = [p for p in drafts[:i] if p.fig.count == f.count]
            if prev:
                d.locations = list(prev[-1].locations)
                continue
        if (f.more or (f.elliptical and re.search(r"(?i)of (?:which|those|them|these)[,\s]*$", text[max(sent.start, f.start - 20):f.start]))) and d.antecedent is not None:
            d.locations = list(d.antecedent.locations)
            if d.locations:
                continue
        # fronted place: "In the Belgorod region alone, 34 drones were shot down"
        prev_end = drafts[i - 1].fig.end if i > 0 else sent.start
        if 0 <= f.cue_start < f.start:
            prev_end = max(prev_end, f.cue_start)  # active verb: only its object's places ("attacked Dnipro with")
        elif hasattr(grammar, "clause_start"):
            prev_end = max(prev_end, grammar.clause_start(text, sent.start, f.start))
        pre = []
        for name, pid in places_in(prev_end, f.start):
            pm = next((m for m in mentions if m.place.name == name and prev_end <= m.start < f.start), None)
            if pm is None:
                continue
            if fronted(text, max(sent.start, pm.start - 30), pm.start, pm.end):
                pre.append((name, pid))
        if pre:
            d.locations = pre
            d.pre_scope = True
            continue
        if i > 0 and drafts[i - 1].pre_scope and re.fullmatch(r"(?i)[\s,]*(?:and|or)[\s,]*", text[drafts[i - 1].fig.end:f.start]):
            d.locations = list(drafts[i - 1].locations)  # "attacked Ukraine with 67 missiles and 194 drones"
            d.pre_scope = True
            continue
        if home and not f.elliptical:
            place = gaz.by_name(home) if gaz is not None else None
            d.locations = [(home, place.place_id if place else None)]
            d.home_default = True
    # in a regional breakdown, a bare regional capital means its region ("two in Voronezh")
    if gaz is not None:
        def is_region(name: str) -> bool:
            place = gaz.by_name(name)
            return place is not None and place.kind == "admin1"

        for d in drafts:
            siblings = [o for o in drafts if o is not d and o.fig.start != d.fig.start]
            # a list of regional figures: its bare city names are the regions ("two in Voronezh")
            if not d.fig.including and any(is_region(n) for o in siblings for n, _ in o.locations):
                promoted = [_promote_capital(gaz, n, pid, text, d) for n, pid in d.locations]
                d.locations = list(dict.fromkeys(promoted))
    # launch sites: kept as places (as analysts record them) and, for launches, as launch_places
    origin = getattr(grammar, "launch_origin", None)
    if origin is not None:
        for d in drafts:
            if d.fig.action != "launched" or d.fig.launch_places:
                continue
            sites = [m.place.name for m in mentions if d.fig.end <= m.start < max(d.fig.scope_end, d.fig.end)
                     and origin(text, m.start, m.end)]
            if sites:
                d.launch_places = tuple(dict.fromkeys(sites))
        for d, nxt in zip(reversed(drafts[:-1]), reversed(drafts[1:])):
            # "105 drones and one missile from the Voronezh region": coordinated launches share the origin
            if d.fig.action == nxt.fig.action == "launched" and not d.launch_places and d.locations == nxt.locations:
                d.launch_places = nxt.launch_places
    # "one drone over each of Bryansk and Oryol": one figure per place
    expanded = []
    for d in drafts:
        if re.search(r"(?i)\beach of\b", text[d.fig.end:d.fig.scope_end]) and len(d.locations) > 1:
            for loc in d.locations:
                expanded.append(replace(d, locations=[loc]))
        else:
            expanded.append(d)
    drafts[:] = expanded
    for d in drafts:
        for name, _pid in d.locations:
            place = gaz.by_name(name) if gaz is not None else None
            if place is not None and place.kind == "city":
                ctx.last_city = name


_AMONG = re.compile(r"(?i)\bamong (?:them|those|these|the [\w-]+)\b|\bсреди (?:них|которых)\b|\bсеред (?:них|яких)\b")
_APPOSITIVE_CONTAINER = re.compile(
    r"(?i),\s+an?\s+(?:[\w-]+\s+){0,2}(?:district|city|town|village|suburb|region|area|settlement|neighbou?rhood)\s+"
    r"(?:in|within|of|near|outside)\s+(?:the\s+)?$"
)


def _promote_capital(gaz, name: str, pid, text: str = "", d: "_Draft | None" = None):
    place = gaz.by_name(name)
    if place is None or place.kind != "city":
        return (name, pid)
    if d is not None and re.search(r"(?i)\bcity of\s+" + re.escape(name), text[d.sentence.start:d.sentence.end]):
        return (name, pid)  # "the city of Voronezh" stays the city
    for suffix in (" Oblast", " Krai", ""):
        region = gaz.by_name(name + suffix) if suffix else None
        if region is not None and region.kind == "admin1":
            return (region.name, region.place_id)
    return (name, pid)


def _resolve_dates(text, drafts: list[_Draft], sent, lang, ctx: _Context, pub) -> None:
    if not drafts:
        return
    mentions = _time_mentions(text, sent.start, sent.end, lang)
    resolved = []
    for m in mentions:
        try:
            r = _resolve_time(m, pub)
        except Exception:  # a date rule must never sink a document
            continue
        if r is not None and (r.date or r.start or r.end or r.precision in _PERIODS):
            resolved.append((m, r))
    days = [r for m, r in resolved if m.kind in ("weekday", "calendar", "relative_day") and r.date]
    if days and pub is not None:
        # "overnight, ... the air force said on Wednesday": the night before the named day
        resolved = [(m, days[0]) if m.kind == "night" and r.date == _default_date(pub) else (m, r) for m, r in resolved]
    if resolved:
        # sentence-level date carries to the next sentences of the item; a reported window is the most precise
        m, r = next(((m, r) for m, r in resolved if m.kind == "window"), resolved[0])
        ctx.date, ctx.date_start, ctx.date_end = r.date, r.start, r.end
    for d in drafts:
        if resolved:
            best = min(resolved, key=lambda mr: _distance(mr[0], d.fig))
            d.date, d.time_start, d.time_end = best[1].date, best[1].start, best[1].end
            d.date_explicit = True
        elif ctx.date or ctx.date_start:
            d.date, d.time_start, d.time_end = ctx.date, ctx.date_start, ctx.date_end
            d.date_explicit = True
        else:
            d.date = _default_date(pub)


_PERIODS = {"week", "month", "season", "year", "war"}


def _distance(mention, fig: RawFigure) -> int:
    if mention.end <= fig.start:
        return fig.start - mention.end
    if mention.start >= fig.end:
        return mention.start - fig.end
    return 0


def _opposite(side: str | None) -> str | None:
    return {"RU": "UA", "UA": "RU"}.get(side or "")


def _resolve_sides(drafts: list[_Draft], ctx: _Context) -> None:
    for d in drafts:
        f = d.fig
        side = d.claimant.side if d.claimant is not None else None
        if f.attacker_unknown:
            d.attacker = None
            continue
        attacker = f.attacker or _opposite(side) or ctx.attacker
        d.attacker = attacker
    known = [d.attacker for d in drafts if d.attacker]
    for d in drafts:
        if d.attacker is None and known and not d.fig.attacker_unknown:
            d.attacker = known[0]
    if known:
        ctx.attacker = known[-1]


def _all_of_launches(drafts: list[_Draft]) -> None:
    """"All 14 drones were shot down" also says 14 were launched."""
    extra = []
    for d in drafts:
        f = d.fig
        if f.all_of and f.action == "intercepted" and not f.elliptical:
            if not any(o.fig.action == "launched" and o.fig.count == f.count and o.fig.weapon == f.weapon for o in drafts):
                g = replace(f, action="launched", all_of=False)
                extra.append(replace(d, fig=g, locations=list(d.locations)))
    drafts.extend(extra)


def _totals_take_parts_places(text: str, drafts: list[_Draft]) -> None:
    """A total without places of its own carries the union of its parts' places when they add up."""
    for i, total in enumerate(drafts):
        if (total.locations and not total.home_default) or (total.fig.elliptical and not total.fig.all_of):
            continue
        parts: list[_Draft] = []
        running = 0
        for d in drafts[i + 1:]:
            if d.fig.action != total.fig.action or d.fig.weapon != total.fig.weapon:
                break
            if d.fig.including:
                continue
            if not d.locations:
                break
            parts.append(d)
            running += d.fig.count
            if running >= total.fig.count:
                break
        if len(parts) < 2:
            continue
        if running == total.fig.count or (total.fig.parts_expected == len(parts)):
            union: list = []
            for p in parts:
                for loc in p.locations:
                    if loc not in union:
                        union.append(loc)
            total.locations = union


def _to_claim(text: str, d: _Draft) -> Claim:
    f = d.fig
    claimant = d.claimant
    return Claim(
        action=f.action or "",
        weapon=f.weapon,
        count=f.count,
        count_qualifier=f.qualifier,
        claimant=claimant.name if claimant is not None else None,
        claimant_side=claimant.side if claimant is not None else None,
        weapon_model=f.model,
        attacker_side=d.attacker,
        locations=tuple(n for n, _ in d.locations),
        place_ids=tuple(pid or "" for _, pid in d.locations),
        date=d.date,
        time_start=d.time_start,
        time_end=d.time_end,
        launch_places=d.launch_places or f.launch_places,
        start=f.start,
        end=f.end,
        sentence_start=d.sentence.start,
        sentence_end=d.sentence.end,
        quote=text[d.sentence.start:d.sentence.end],
        item=d.item,
        lang=d.lang,
        extractor=f"{EXTRACTOR_NAME}.{d.lang}",
    )


def _info(c: Claim, d: _Draft) -> int:
    score = 0
    if c.claimant and not _vague(d.claimant):
        score += 2
    if c.weapon_model:
        score += 1
    if d.date_explicit:
        score += 1
    if c.locations:
        score += 1
    return score


def _compatible(a: Claim, b: Claim, a_soft: bool = False, b_soft: bool = False) -> bool:
    """Could ``a`` and ``b`` be one figure told twice?  ``*_soft``: places only defaulted from the claimant."""
    if (a.action, a.weapon, a.count) != (b.action, b.weapon, b.count):
        return False
    if a.count_qualifier != b.count_qualifier and "exact" not in (a.count_qualifier, b.count_qualifier):
        return False
    if a.claimant_side and b.claimant_side and a.claimant_side != b.claimant_side:
        return False
    if a.weapon_model and b.weapon_model and a.weapon_model != b.weapon_model:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    la = set() if a_soft else set(a.locations)
    lb = set() if b_soft else set(b.locations)
    if la and lb and not (la <= lb or lb <= la):
        return False
    return True


def _merge_repeats(claims: list[Claim], drafts: list[_Draft]) -> list[Claim]:
    """One claim per figure: a figure told twice in a document (headline and body, two wordings) is kept once."""
    kept: list[tuple[Claim, _Draft]] = []
    for c, d in zip(claims, drafts):
        if not c.action:
            continue
        if d.fig.singular_event:
            kept.append((c, d))
            continue
        if d.fig.anaphoric:
            target = next((k for k in range(len(kept) - 1, -1, -1)
                           if (kept[k][0].action, kept[k][0].weapon, kept[k][0].count) == (c.action, c.weapon, c.count)), None)
            if target is not None:
                kc, kd = kept[target]
                better_claimant = kd.claimant is None or _vague(kd.claimant)
                kept[target] = (replace(kc, weapon_model=kc.weapon_model or c.weapon_model,
                                        claimant=c.claimant if better_claimant and c.claimant else kc.claimant,
                                        claimant_side=kc.claimant_side or c.claimant_side), kd)
                continue
        for k, (kc, kd) in enumerate(kept):
            if kd.fig.singular_event or not _compatible(c, kc, d.home_default, kd.home_default):
                continue
            if kd.item == d.item and kd.sentence == d.sentence and kd.fig.start != d.fig.start:
                # two figures of one sentence are two claims (e.g. "three over X, three over Y")
                continue
            best_c, best_d = (c, d) if _info(c, d) > _info(kc, kd) else (kc, kd)
            model = best_c.weapon_model or kc.weapon_model or c.weapon_model
            claimant = best_c.claimant
            side = best_c.claimant_side or kc.claimant_side or c.claimant_side
            attacker = best_c.attacker_side or kc.attacker_side or c.attacker_side
            qualifier = kc.count_qualifier if kc.count_qualifier != "exact" else c.count_qualifier
            kept[k] = (replace(best_c, weapon_model=model, claimant=claimant, claimant_side=side, attacker_side=attacker,
                               count_qualifier=qualifier), best_d)
            break
        else:
            kept.append((c, d))
    return [c for c, _ in kept]
