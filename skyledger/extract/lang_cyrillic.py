"""What Russian and Ukrainian share: the grammar of figures in Cyrillic reports.

The two languages write air-war reports the same way, so one grammar reads
both; ``lang_ru`` and ``lang_uk`` only choose the lexicon order and the
default side of "the enemy".  The lexicons below hold *both* languages'
forms, so a Russian quote inside a Ukrainian report (or a misrouted item)
still reads.

How a sentence is read (the same steps as the English grammar):

* a *figure* is a count in front of a weapon noun phrase ("двадцати трёх
  украинских БПЛА", "115-ма ударними БпЛА типу Shahed"), a singular class
  noun with no count ("сбила ракету ATACMS" = 1), "ещё один", an ordinal
  ("второй беспилотник"), "все N", or an elliptical count after one
  ("..., одиннадцать — над Курской областью", "два из них");
* its *action* is the verb or action noun that governs it: a verb right after
  it ("45 аппаратов были перехвачены", "7 безпілотників локаційно втрачено"),
  else the nearest cue before it in the clause ("силы ПВО сбили 72 дрона",
  "зафіксовано знищення 28 ..."), else the nearest cue after it in the clause
  (free word order: "Усі 11 безпілотників воїни ПвК «Захід» знищили");
* its *places* are those after it in its clause, else the fronted ones
  ("Над территорией Брянской области обнаружены и уничтожены шесть БПЛА");
  "з напрямків: Курськ, Орел" / "из Брянской области" are launch places;
* the *claimant* is the subject of a reporting verb before or after it
  ("сообщил губернатор Вячеслав Гладков", "Про це повідомили Повітряні сили
  ЗСУ", "отметили в Минобороны", "За словами Кіпера", "По данным ведомства").

Number words are read with stem rules (tables below, every case and gender);
pymorphy3 (ru + uk dictionaries) is used only to put claimants' names in the
nominative and to decide whether an uncounted weapon noun is singular; both
lookups are cached.  Every regex is linear: literal alternations and bounded
gaps only.  Nothing here raises on arbitrary text.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from skyledger.extract.claimants import load_claimants
from skyledger.extract.grammar import Attribution, RawFigure, SentenceReading, rank_attributions
from skyledger.extract.numbers import MAX_COUNT, NumberWords, parse_number_words
from skyledger.extract.weapons import WeaponMention, merge_models

# ---- number words ------------------------------------------------------------------
_APOS = "'’ʼ`"


def _forms(stem: str, endings: str) -> list[str]:
    return [stem + e for e in endings.split("|")]


def _number_table() -> dict[str, int]:
    t: dict[str, int] = {}

    def add(value: int, *groups: list[str] | str) -> None:
        for g in groups:
            for w in ([g] if isinstance(g, str) else g):
                t[w] = value

    # Russian
    add(1, _forms("од", "ин|ного|ному|ним|ном|на|ной|ну|но|ною"))
    add(2, _forms("дв", "а|е|ух|ум|умя"), "двое", "двоих", "оба", "обе", "обоих")
    add(3, _forms("тр", "и|ех|ём|ем|емя|ёх|ое|оих"))
    add(4, _forms("четыр", "е|ех|ём|ем|ьмя|ёх"), "четверо", "четверых")
    for stem, v in (("пят", 5), ("шест", 6), ("девят", 9), ("десят", 10), ("одиннадцат", 11), ("двенадцат", 12),
                    ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17),
                    ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30)):
        add(v, _forms(stem, "ь|и|ью"))
    add(7, "семь", "семи", "семью")
    add(8, "восемь", "восьми", "восемью", "восьмью")
    add(5, "пятеро", "пятерых")
    add(6, "шестеро", "шестерых")
    add(40, "сорок", "сорока")
    add(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
    add(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
    add(70, "семьдесят", "семидесяти", "семьюдесятью")
    add(80, "восемьдесят", "восьмидесяти", "восемьюдесятью")
    add(90, "девяносто", "девяноста")
    add(100, "сто", "ста")
    add(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
    add(300, "триста", "трехсот", "трёхсот", "тремстам", "тремястами")
    add(400, "четыреста", "четырехсот", "четырёхсот", "четырьмястами")
    for nom, obl, ins, v in (("пятьсот", "пяти", "пятью", 500), ("шестьсот", "шести", "шестью", 600), ("семьсот", "семи", "семью", 700),
                             ("восемьсот", "восьми", "восемью", 800), ("девятьсот", "девяти", "девятью", 900)):
        add(v, nom, obl + "сот", obl + "стам", ins + "стами", obl + "стах")
    add(200, "двумстам", "двумястами", "двухстах")
    add(300, "тремстам", "тремястами", "трехстах", "трёхстах")
    add(400, "четыремстам", "четырьмястами", "четырехстах", "четырёхстах")
    add(80, "восьмьюдесятью")
    add(2, "двоим", "двоими")
    add(3, "троим", "троими")
    add(4, "четверым", "четверыми")
    add(5, "пятерым", "пятерыми")
    add(6, "шестерым", "шестерыми")
    # Ukrainian
    add(1, _forms("од", "ин|на|не|но|ного|ному|нієї|ній|ну|ним|нією|ні|них|ними"))
    add(2, _forms("дв", "а|і|ох|ом|ома|оє|ох"), "обидва", "обидві", "обох")
    add(3, _forms("тр", "и|ьох|ьом|ьома|оє"))
    add(4, _forms("чотир", "и|ьох|ьом|ма|ьома"), "четверо")
    for stem, v in (("п'ят", 5), ("шіст", 6), ("дев'ят", 9), ("десят", 10), ("одинадцят", 11), ("дванадцят", 12),
                    ("тринадцят", 13), ("чотирнадцят", 14), ("п'ятнадцят", 15), ("шістнадцят", 16), ("сімнадцят", 17),
                    ("вісімнадцят", 18), ("дев'ятнадцят", 19), ("двадцят", 20), ("тридцят", 30),
                    ("п'ятдесят", 50), ("шістдесят", 60), ("сімдесят", 70), ("вісімдесят", 80)):
        add(v, _forms(stem, "ь|и|ьох|ьом|ьма|ьома|ох|ом|ома|ма" if not stem.endswith("десят") else "|и|ьох|ьом|ьма|ьома"))
    add(6, "шести", "шістьох", "шістьом", "шістьма")
    add(7, "сім", "семи", "сімох", "сьома", "сімом", "сімома", "сьоми", "семеро")
    add(8, "вісім", "восьми", "вісьмох", "восьма", "вісьмома", "восьмеро")
    add(5, "п'ятеро")
    add(9, "дев'ятеро")
    add(10, "десятеро")
    add(40, "сорок", "сорока", "сорокам", "сорокома")
    add(90, "дев'яносто", "дев'яноста")
    add(100, "сто", "ста", "стам")
    add(200, "двісті", "двохсот", "двомстам")
    add(300, "триста", "трьохсот", "трьомстам")
    add(400, "чотириста", "чотирьохсот")
    for nom, obl, ins, v in (("п'ятсот", "п'ят", "п'ятьма", 500), ("шістсот", "шест", "шістьма", 600), ("сімсот", "сем", "сьома", 700),
                             ("вісімсот", "восьм", "вісьма", 800), ("дев'ятсот", "дев'ят", "дев'ятьма", 900)):
        add(v, nom, obl + "исот", obl + "иста", obl + "истам", obl + "истах", ins + "стами")
    add(200, "двомастами", "двохстах", "двохста")
    add(300, "трьохста", "трьомастами", "трьохстах", "трьомстам")
    add(400, "чотирмастами", "чотирьохстах", "чотирьомстам")
    add(500, "п'ятьомастами")
    add(1, "одної", "однім", "оден")
    add(8, "вісьмом", "вісьма", "вісьмома")
    return t


_MULTIPLIERS = {w: 1000 for w in ("тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячью", "тысячам", "тысячами",
                                  "тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тисячами")}
NUMBER_WORDS = NumberWords(units=_number_table(), multipliers=_MULTIPLIERS, joiners=frozenset())

# "полтора десятка", "пів сотні": fixed phrases with their value
_FIXED_PHRASES = {
    "полтора десятка": 15, "півтора десятка": 15, "півтора десятки": 15, "полсотни": 50, "пол сотни": 50, "пів сотні": 50,
    "півсотні": 50, "пів сотні": 50, "десяток": 10, "десятка": 10, "десятком": 10, "дюжина": 12, "дюжину": 12, "дюжины": 12,
    "дюжини": 12, "сотню": 100, "сотня": 100,
    "полтысячи": 500, "півтисячі": 500, "півтори сотні": 150, "полторы сотни": 150, "півтори тисячі": 1500, "полторы тысячи": 1500,
}

_SINGULAR_WORDS = {"один", "одна", "одно", "одного", "одной", "одну", "одним", "одном", "одному", "одною",
                   "одне", "однієї", "одній", "однією"}
_ORDINALS = re.compile(r"(?i)^(?:втор(?:ой|ого|ому|ым|ая|ую)|трет(?:ий|ьего|ьему|ья|ью)|четв[её]рт(?:ый|ого|ая|ую)|"
                       r"друг(?:ий|ого|ому|а|у)|трет(?:ій|ього|я|ю)|четверт(?:ий|ого|а|у))$")

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁёІіЇїЄєҐґ'’ʼ`]+(?:[-‐‑][0-9A-Za-zА-Яа-яЁёІіЇїЄєҐґ'’ʼ`]+)*")
_DIGIT_TOKEN = re.compile(r"(\d{1,6})(?:[-‐‑]?(?:ти|ми|ма|х|м|ох|ьох|и|го|ю|я|ью|ью|у|ій|ий|і))?$")


def _norm_word(w: str) -> str:
    w = w.lower().replace("ё", "е")
    for a in _APOS[1:]:
        w = w.replace(a, "'")
    return w


@lru_cache(maxsize=65536)
def _number_value(token: str) -> int | None:
    """Value of one number token ('двадцати' -> 20, '115-ма' -> 115); None if not a number."""
    low = _norm_word(token)
    m = _DIGIT_TOKEN.fullmatch(low)
    if m:
        v = int(m.group(1))
        return v if 0 < v <= MAX_COUNT else None
    if low in NUMBER_WORDS.units:
        return NUMBER_WORDS.units[low]
    if low.replace("е", "ё") in NUMBER_WORDS.units:
        return NUMBER_WORDS.units[low.replace("е", "ё")]
    if low in NUMBER_WORDS.multipliers:
        return NUMBER_WORDS.multipliers[low]
    return None


def parse_number_tokens(tokens: list[str]) -> int | None:
    """Combine number tokens ('двадцати', 'трёх' -> 23; '2', 'тысячи' -> 2000; '1', '662' thousands)."""
    if not tokens:
        return None
    low = [_norm_word(t) for t in tokens]
    if len(low) == 1 and low[0] not in _FIXED_PHRASES:
        return _number_value(low[0])
    phrase = " ".join(low)
    if phrase in _FIXED_PHRASES:
        return _FIXED_PHRASES[phrase]
    if all(t.isdigit() for t in low):
        if len(low) == 1:
            return _number_value(low[0])
        if all(len(t) == 3 for t in low[1:]) and len(low[0]) <= 3:
            v = int("".join(low))
            return v if v <= MAX_COUNT else None
        return None
    if len(low) == 2 and _DIGIT_TOKEN.fullmatch(low[0]) and low[1] in NUMBER_WORDS.multipliers:
        v = (_number_value(low[0]) or 0) * 1000
        return v if 0 < v <= MAX_COUNT else None
    words = []
    for t in low:
        if t in NUMBER_WORDS.units or t in NUMBER_WORDS.multipliers:
            words.append(t)
        elif t.replace("е", "ё") in NUMBER_WORDS.units:
            words.append(t.replace("е", "ё"))
        else:
            return None
    return parse_number_words(words, NUMBER_WORDS)


def _is_number_token(tok: str) -> bool:
    return _number_value(tok) is not None


# ---- morphology (pymorphy3, cached, only on candidate tokens) -------------------------
@lru_cache(maxsize=2)
def _analyzer(lang: str):
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # the grammar still works with stem rules alone
        return None


@lru_cache(maxsize=65536)
def _parses(token: str, lang: str) -> tuple[tuple[str, str], ...]:
    morph = _analyzer(lang)
    if morph is None:
        return ()
    try:
        return tuple((p.normal_form, str(p.tag)) for p in morph.parse(token)[:4])
    except Exception:
        return ()


@lru_cache(maxsize=65536)
def is_singular_noun(token: str, lang: str) -> bool:
    """True when every likely reading of the noun is singular ('ракету', 'беспилотник'; not 'ракеты')."""
    low = token.lower()
    if not re.fullmatch(r"[а-яёіїєґ'’-]+", low):
        return False
    if token[:1].isupper() and token.isupper():
        return False   # "БПЛА", "КАБ": abbreviations do not show their number
    ps = [t for _, t in _parses(low, lang) if "NOUN" in t]
    if not ps:
        return False
    return all("plur" not in t and "Fixd" not in t and "Abbr" not in t and "Pltm" not in t for t in ps)


@lru_cache(maxsize=8192)
def is_adjective(token: str, lang: str) -> bool:
    low = token.lower()
    if _ADJ_END.search(low):
        return True
    ps = _parses(low, lang)
    return bool(ps) and any(t.startswith(("ADJF", "PRTF", "ADJS", "PRTS")) for _, t in ps[:2])


_ADJ_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ыми|ими|ого|его|ому|ему|ую|юю|ій|ої|ою|ім|іх|іми|ні|чі|ькі|ські|ці|ті|лі|ві|ані|ені|ені|ену|ану|ську|цьку|ну)$")

_MOD_WORDS = {
    "типа", "типу", "тип", "производства", "виробництва", "сша", "франции", "франції", "британии", "британії",
    "германии", "німеччини", "камикадзе", "камікадзе", "иранского", "іранського", "и", "і", "й", "та", "или", "або",
    "/", "ещё", "еще", "ще", "уже", "вже", "также", "також", "всего", "загалом", "всі", "все", "усі", "всех", "всіх",
    "усіх", "иных", "інших", "других", "разных", "різних", "систем", "системы", "системи", "залпового", "огня", "вогню",
    "модели", "моделі", "моделей", "марки", "серии", "серії", "большой", "великої", "дальности", "дальності", "класса",
    "класу", "наземного", "морского", "морського", "базирования", "базування", "ракеты", "ракети",
}
# words that end a noun phrase gap (nouns that are never modifiers)
_NEVER_MOD = {"из", "з", "із", "зі", "по", "в", "у", "на", "над", "до", "от", "від", "за", "о", "об", "при", "с", "со"}


def _only_modifiers(gap: str, lang: str) -> bool:
    if len(gap) > 80:
        return False
    rest = _WORD.sub(" ", gap)
    if re.search(r"[,;:.()!?]", rest):
        return False
    if re.search(r"\s[–—]\s", gap):
        return False
    for tok in _WORD.findall(gap):
        low = _norm_word(tok)
        if low in _NEVER_MOD:
            return False
        if low in _MOD_WORDS or is_adjective(low, lang) or re.fullmatch(r"[a-z][a-z0-9-]*", low):
            continue
        if "-" in low and all(is_adjective(p, lang) or p in _MOD_WORDS for p in low.split("-") if p):
            continue
        return False
    return True


# ---- qualifiers ------------------------------------------------------------------------
_QUALIFIERS = [
    ("at_least", r"не менее|не меньше|не менш ніж|не менше|более|больше|свыше|как минимум|по меньшей мере|по крайней мере|"
                 r"минимум|понад|більше|більш ніж|щонайменше|щонайменеше|принаймні|як мінімум|мінімум|не менше ніж"),
    ("approx", r"около|примерно|приблизительно|порядка|почти|практически|ориентировочно|близько|приблизно|майже|"
               r"орієнтовно|десь|до полутора|приблизно до"),
    ("up_to", r"до|не более|не больше|максимум|не більше|не більш ніж|аж до"),
]
_QUAL_RE = re.compile(r"(?i)(?:^|[\s(«\"“])(" + "|".join(q for _, q in _QUALIFIERS) + r")\s*$")

# ---- actions ---------------------------------------------------------------------------
_INTERCEPT = (
    r"сбит\w*|сбил\w*|сбива\w*|сбить|сбитие\w*|сбития|перехвач\w*|перехват\w*|уничтож\w*|ликвидир\w*|ликвидац\w*|"
    r"подавл\w*|подавил\w*|нейтрализ\w*|отраж\w*|отразил\w*|отбит\w*|приземлил\w*|поврежден\w*|"
    r"збит\w*|збил\w*|збив\w*|збити|збиття|збито|знищ\w*|перехопл\w*|перехопи\w*|перехоп\w*|ліквідов\w*|ліквідува\w*|"
    r"нейтраліз\w*|знешкод\w*|обезвред\w*|обезвреж\w*|подавлен\w*|подавил\w*|відбит\w*|відбил\w*|приземли\w*|уражен\w*|уражено|пошкоджено"
)
_LAUNCH = (
    r"запуст\w*|запущ\w*|запуск\w*|выпуст\w*|выпущ\w*|випуст\w*|випущ\w*|атакова\w*|атакува\w*|атакую\w*|атакує\w*|атакуют|"
    r"примен\w*|применя\w*|застосува\w*|застосов\w*|использова\w*|использу\w*|використа\w*|використову\w*|"
    r"направ\w*|направл\w*|спрямува\w*|спрямов\w*|скину\w*|скинул\w*|скинут\w*|скида\w*|сброси\w*|сбрасыва\w*|сброшен\w*|"
    r"пуск\w*|пусков|пуски|обнаруж\w*|виявлен\w*|виявил\w*|зафиксирова\w*|зафіксова\w*|зафіксовано|"
    r"находятся|находится|перебувають|перебуває|"
    r"нанес\w*|нанос\w*|завда\w*|завдав\w*|выстрел\w*|обстрел\w*|обстріля\w*|попытал\w* ударить|пытал\w* атаковать|"
    r"намагал\w* атакувати"
)
_IMPACT = (
    r"попал\w*|попада\w*|потрапил\w*|влуч\w*|поцілил\w*|поразил\w*|ударил\w*|ударили|ударить|вдарил\w*|вдарив|вдарити|"
    r"сдетонир\w*|досягл\w* (?:цілей|цілі|мети)|достигл\w* (?:целей|цели)|прилет\w*|приліт\w*|прильот\w*|упал\w* на|впал\w* на|врезал\w*|врізал\w*|поражен\w*"
)
_LOST = (
    r"локаційно втрачен\w*|локаційно втрачено|локационно потерян\w*|втрачен\w*|втрачено|втрат\w*|потерял\w* управление|"
    r"не досягл\w* (?:цілей|цілі|мети)|не достигл\w* (?:целей|цели)|не долетел\w*|не долетіл\w*|"
    r"зникл\w* з радар\w*|исчез\w* с радар\w*|потерян\w*|загубил\w*"
)
_REMAIN = r"залишал\w*|залишаються|залишається|остаются|остается|оставал\w*|продовжу\w*|продолжа\w*"
_CUE_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?P<remain>" + _REMAIN + r")|(?P<lost>" + _LOST + r")|(?P<intercepted>" + _INTERCEPT + r")|(?P<impacted>" + _IMPACT + r")|(?P<launched>" + _LAUNCH + r"))(?![\w-])"
)
# the verb that directly follows a figure: auxiliaries and adverbs may stand between
_AFTER_LEAD = re.compile(
    r"(?i)[\s,]*(?:[»”\"]\s*)?(?:[—–-]\s*)?(?:\([^()]{0,40}\)\s*)?(?:(?:которые|который|которая|которое|які|який|яка|яке|що)\s+)?"
    r"(?:(?:были|был|была|было|будут|будет|були|був|була|було|буде|будуть|уже|вже|также|також|успешно|успішно|сразу|одразу|"
    r"оперативно|вдалося|удалось|удалось|вдалось|ещё|еще|ще|все|всі|усі|тоже|теж|благополучно|ранее|раніше|"
    r"вскоре|потом|затем|згодом|пізніше|позже|імовірно|вероятно|предварительно|попередньо|оказались|виявились)\s+){0,3}"
)
_NEG_BEFORE = re.compile(r"(?i)(?<![\w])(?:не|ни|не\s+вдалося|не\s+удалось)\s+(?:(?:вдалося|удалось|было|було|были|були|был|був)\s+)?$")

_ACTION_NOUNS = re.compile(r"(?i)^(?:сбити\w*|сбития|перехват\w*|уничтожени\w*|ликвидаци\w*|збиття|знищення|перехоплення|"
                           r"запуск\w*|пуск\w*|влучання|влучанн\w*|втрат\w*|применени\w*|застосуванн\w*)$")

_CLAUSE_BREAK = re.compile(
    r"(?i)(?:;|:(?!\d)|\.\s|[!?]\s|,\s*(?:а(?!\s+(?:также|також))|но|однако|тогда как|в то время как|хотя|проте|але|однак|тоді як|хоча|"
    r"при этом|при цьому|после чего|після чого|причем|причому|где|де|когда|коли|который|которая|которые|которых|которого|"
    r"яка|який|які|яких|якого|що)\b|\s[–—]\s(?=\D))"
)
_REASON = re.compile(r"(?i)(?<![\w])(?:в результате|внаслідок|в наслідок|из-за|через те|в ответ на|у відповідь на|"
                     r"после того|після того|по сравнению|порівняно)(?![\w])")

# ---- sides -----------------------------------------------------------------------------
_UA_ADJ = re.compile(r"(?i)(?<![\w])(?:украинск\w*|українськ\w*|всу|киевск\w* режим\w*|київськ\w* режим\w*|"
                     r"вооруженных сил украины|збройних сил україни)(?![\w])")
_RU_ADJ = re.compile(r"(?i)(?<![\w])(?:российск\w*|русск\w*|россии|рф|росії|російськ\w*|рос\.|иранск\w*|іранськ\w*)(?![\w])")
_RU_AGENT = re.compile(r"(?i)(?<![\w])(?:росси[яи]|росія|росіяни|росіян|россияне|русские|рф|российск\w* (?:войска|военные|армия|оккупант\w*|агрессор\w*)|"
                       r"російськ\w* (?:війська|армія|окупант\w*|агресор\w*|терорист\w*|військов\w*)|оккупант\w*|окупант\w*|"
                       r"захватчик\w*|загарбник\w*|рашист\w*|терорист\w*|армія рф|армия рф|війська рф|войска рф)(?![\w])")
_UA_AGENT = re.compile(r"(?i)(?<![\w])(?:всу|вооруженные силы украины|вооруженных сил украины|украинск\w* (?:боевики|военные|войска|формирования|силы)|"
                       r"киевск\w* режим\w*|украина|україна|зсу)(?![\w])")
_ENEMY = re.compile(r"(?i)(?<![\w])(?:ворог\w*|ворож\w*|противник\w*)(?![\w])")
_UNKNOWN = re.compile(r"(?i)(?<![\w])(?:невстановлен\w*|неустановлен\w*|неопознан\w*|невідом\w*)(?![\w])")

# ---- attribution -----------------------------------------------------------------------
_REPORT = (
    r"сообщил\w*|сообща\w*|заявил\w*|заявля\w*|написал\w*|пишет|отметил\w*|отмеча\w*|рассказал\w*|подтвердил\w*|"
    r"уточнил\w*|уточня\w*|передает|передаёт|отчитал\w*|доложил\w*|информирует|проинформировал\w*|добавил\w*|"
    r"объявил\w*|опубликовал\w*|констатировал\w*|прокомментировал\w*|"
    r"повідомил\w*|повідомив|повідомля\w*|заявив|заявил\w*|заявля\w*|зазначив|зазначил\w*|зазнача\w*|написав|написал\w*|"
    r"розповів|розповіл\w*|уточнив|уточнил\w*|додав|додал\w*|інформу\w*|підтвердив|підтвердил\w*|поінформував|"
    r"наголосив|оголосив|звітува\w*|прозвітува\w*|опублікува\w*|попереджал\w*|попереджав"
)
_REPORT_RE = re.compile(r"(?i)(?<![\w-])(?:" + _REPORT + r")(?![\w-])")
_ACCORDING = re.compile(r"(?i)(?<![\w])(?:по данным|по словам|по информации|по сообщению|по его словам|по ее словам|по её словам|"
                        r"по их словам|за даними|за словами|за інформацією|за повідомленням|за його словами|за її словами|"
                        r"согласно|відповідно до даних|з посиланням на|со ссылкой на|джерело:|источник:)\s*(?P<np>[^,;.\"“”«»()]{0,120})")
_SAYS_IN = re.compile(r"(?i)(?:говорится|йдеться|сказано|зазначається|идет речь|ідеться)\s+(?:в|у)\s+(?:сообщении|повідомленні|заявлении|заяві|сводке|зведенні)\s*(?P<np>[^,;.\"“”«»()]{0,80})")

_HEADS = re.compile(
    r"(?i)(?<![\w])(?:губернатор\w*|мэр\w*|мер\w*|глав\w*|голов\w*|начальник\w*|очільник\w*|керівник\w*|командувач\w*|"
    r"командующ\w*|главнокомандующ\w*|головнокомандувач\w*|речник\w*|представител\w*|представник\w*|пресс-служб\w*|пресслужб\w*|"
    r"прес-служб\w*|министерств\w*|міністерств\w*|минобороны|міноборони|ведомств\w*|відомств\w*|сил\w*|командуванн\w*|командовани\w*|"
    r"генштаб\w*|штаб\w*|оперштаб\w*|администрац\w*|адміністрац\w*|ова|кмва|ода|мчс|дснс|канал\w*|паблік\w*|паблик\w*|"
    r"министр\w*|міністр\w*|президент\w*|спикер\w*|спікер\w*|чиновник\w*|посадовц\w*|мэрия|мерія)(?![\w])"
)
_PRONOUNS = {
    "он": "he", "она": "he", "они": "he", "він": "he", "вона": "he", "вони": "he",
    "глава региона": "he", "глава регіону": "he", "губернатор": "he", "мэр": "he", "мер": "he", "чиновник": "he",
    "очільник області": "he", "очільник ова": "he", "голова ова": "he", "глава области": "he", "посадовець": "he",
    "ведомство": "ministry", "ведомства": "ministry", "ведомстве": "ministry", "відомство": "ministry",
    "відомства": "ministry", "министерство": "ministry", "министерства": "ministry", "министерстве": "ministry",
    "міністерство": "ministry", "міністерства": "ministry",
}
_NAME_TOKEN = re.compile(r"[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’ʼ-]+")


# ---- transliteration (claimant names in English) --------------------------------------------
_TR_RU = dict(zip("абвгдезийклмнопрстуфыэ", ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "y", "e"]))
_TR_RU.update({"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"})
_TR_UK = dict(zip("абвгґдезиіклмнопрстуф", ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f"]))
_TR_UK.update({"є": "ye", "ж": "zh", "ї": "yi", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "'": "", "’": ""})


def transliterate(word: str, lang: str) -> str:
    table = _TR_UK if lang == "uk" or re.search(r"[іїєґ]", word.lower()) else _TR_RU
    out = []
    for ch in word:
        low = ch.lower()
        if low in table:
            t = table[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _latin_surnames() -> dict[str, str]:
    """Cyrillic surname (case-folded) -> the Latin spelling listed with it in claimants.json."""
    raw = resources.files("skyledger.extract").joinpath("data/claimants.json").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for p in json.loads(raw)["people"]:
        latin = next((n for n in p["names"] if re.fullmatch(r"[A-Za-z'\- ]+", n)), None)
        if latin is None:
            continue
        for n in p["names"]:
            if not re.fullmatch(r"[A-Za-z'\- ]+", n):
                out[n.casefold()] = latin
    return out


@lru_cache(maxsize=8192)
def _lemma(token: str, lang: str) -> str:
    """Nominative of a name token ('Гладкова' -> 'Гладков', 'Кіпера' -> 'Кіпер')."""
    ps = _parses(token.lower(), lang)
    for nf, tag in ps:
        if "Surn" in tag or "Name" in tag or "Patr" in tag:
            return nf.capitalize()
    if ps and "NOUN" in ps[0][1]:
        return ps[0][0].capitalize()
    return token


_ALL_WORDS = {"все", "всі", "всё", "оба", "обидва", "обе", "обидві", "один", "одна", "одну", "одного", "ещё", "ще"}


class CyrillicGrammar:
    """The grammar shared by Russian and Ukrainian (``lang`` picks morphology and the enemy's side)."""

    lang = "ru"
    enemy_side: str | None = None   # "ворог" in a Ukrainian report is Russia; in Russian text the claimant decides

    def __init__(self) -> None:
        self.claimants = load_claimants()
        self._attr_cache: dict = {}
        self._memo: dict = {}

    def may_continue(self, text: str, start: int, end: int) -> bool:
        """"Ще один – у Павлоградському", "все они были сбиты": a count in digits or words."""
        if re.search(r"\d", text[start:end]):
            return True
        return any(_number_value(w) is not None or w.lower() in _ALL_WORDS
                   for w in re.findall(r"[\w’']+", text[start:end]))

    # ---- figures -----------------------------------------------------------------------
    def read(self, text: str, start: int, end: int, weapons: list[WeaponMention]) -> SentenceReading:
        reading = SentenceReading()
        try:
            return self._read(text, start, end, weapons, reading)
        except (ValueError, IndexError, KeyError, RecursionError):  # a rule must never sink a document
            return SentenceReading()

    def _read(self, text, start, end, weapons, reading) -> SentenceReading:
        groups = self._group(text, weapons)
        figures: list[RawFigure] = []
        elaborations: list[RawFigure] = []
        used: set[int] = set()
        for g_start, g_end, weapon, model, head_is_class, head_tok in groups:
            if _COMPOUND_BEFORE.search(text, max(start, g_start - 30), g_start) and not self._has_count(text, start, g_start):
                continue  # "угроза атаки БПЛА", "обломки беспилотника": the weapon word modifies another noun
            found = self._counted(text, start, end, g_start, g_end, weapon, model, used)
            if found:
                figures.extend(found)
                continue
            if model and not head_is_class and figures and figures[-1].model is None and figures[-1].weapon == weapon \
                    and _APPOSED.fullmatch(text[figures[-1].end:g_start]):
                figures[-1].model = model   # "збили ракету, ймовірно «Калібр»"
                continue
            single = self._uncounted(text, start, g_start, g_end, weapon, model, head_is_class, head_tok, figures)
            if single is not None:
                figures.append(single)
            elif not _VAGUE_BEFORE.search(text, max(start, g_start - 40), g_start) and (model or head_is_class):
                elaborations.append(RawFigure(start=g_start, end=g_end, count=0, qualifier="exact", weapon=weapon,
                                              model=model, action=None))
        figures.extend(self._elliptical(text, start, end, figures, used))
        figures.sort(key=lambda f: f.start)
        cands = self.attributions(text, start, end)
        reading.attribution = _choose(cands, figures)
        if figures and (reading.attribution is None or reading.attribution.kind in ("pronoun", "media")):
            nxt = self._next_sentence_claimant(text, end) or self._quote_speaker(text, start, end)
            if nxt is not None:
                reading.attribution = nxt
            elif reading.attribution is None or (reading.attribution.kind == "actor" and reading.attribution.name is None):
                later = self._paragraph_claimant(text, start, end)
                if later is not None:   # "... Все беспилотники были перехвачены, отметили в Минобороны."
                    reading.attribution = later
            elif reading.attribution is not None and reading.attribution.kind == "pronoun" and reading.attribution.head == "he":
                back = self._previous_named(text, start)
                if back is not None:   # "он", "глава региона": the person or body named just before
                    a = reading.attribution
                    reading.attribution = Attribution(back.name, back.side, a.start, a.end, "explicit", None, back.home_place)
        self._actions(text, start, end, figures + elaborations, reading.attribution)
        _share_chain_actions(text, figures)
        if any(f.action is None for f in figures) and _BULLET.match(text, start, end):
            header = self._list_header(text, start)
            if header is not None:
                action, attacker = header
                for f in figures:
                    if f.action is None:
                        f.action = action
                        f.including = True
                        f.attacker = f.attacker or attacker
        for i, f in enumerate(figures):
            if f.partitive and f.action is None:
                # "Один з безпілотників був невстановленого типу": the action of the figure it is part of
                same = [g for g in figures[:i] if g.weapon == f.weapon and g.action] if f.weapon else []
                if not same and f.weapon:
                    mem = getattr(self, "_memory", None)
                    if mem is not None and mem[0] is text and 0 <= start - mem[1] <= 400:
                        same = [g for g in mem[2] if g.weapon == f.weapon and g.action]
                if same:
                    f.action = same[-1].action
                else:
                    f.elliptical = True
        self._same_weapons_as_launched(text, start, figures)
        for f in figures:
            if f.elliptical and not f.model:
                pm = _PREDICATE_MODEL.match(text, f.end, min(end, f.end + 60))
                if pm:   # "решта 13 були іранськими Shahed"
                    w = next((w for w in weapons if w.start == pm.end() and w.model), None)
                    if w is not None:
                        f.model, f.weapon = w.model, w.weapon
        self._attackers(text, start, end, figures)
        self._scopes(text, start, end, figures, reading.attribution)
        self._scopes(text, start, end, elaborations, reading.attribution)
        figures = self._distribute(text, start, end, figures)
        self._launch_places(text, start, end, figures)
        if reading.attribution is None and figures:
            reading.attribution = self._actor(text, start, figures)
        reading.figures = figures
        reading.elaborations = [e for e in elaborations if e.action not in (None, "negated")
                                and not any(f.start <= e.start < f.end for f in figures)]
        if _BACKGROUND.match(text, start, end):
            reading.elaborations = [e for e in reading.elaborations if e.model]
        if figures:
            self._memory = (text, end, [f for f in figures if f.action])
        return reading

    def _same_weapons_as_launched(self, text, start, figures) -> None:
        """"…сімома крилатими ракетами Х-101 та Іскандер-К… Знешкоджено 7 крилатих ракет": the launched ones' model."""
        mem = getattr(self, "_memory", None)
        if mem is None or mem[0] is not text or not 0 <= start - mem[1] <= 1500:
            return
        for f in figures:
            if f.model or f.elliptical or f.action not in ("intercepted", "lost", "impacted"):
                continue
            kind = _MISSILE_KIND.search(text, f.start, f.end)
            if kind is None:
                continue
            stem = kind.group(0).lower()[:6]
            same = [g for g in mem[2] if g.action == "launched" and g.model and g.weapon == f.weapon and g.count == f.count
                    and 0 <= g.start < g.end <= len(text) and stem in text[g.start:g.end].lower()]
            if len(same) == 1:
                f.model = same[0].model

    def _has_count(self, text, s_start, g_start) -> bool:
        m = _COMPOUND_BEFORE.search(text, max(s_start, g_start - 30), g_start)
        a = m.start() if m else g_start
        return any(_is_number_token(t.group(0)) for t in _WORD.finditer(text, a, g_start))

    def _group(self, text: str, weapons: list[WeaponMention]):
        """Adjacent weapon words are one noun phrase: "ударних БпЛА типу Shahed", "ракет "Искандер-М" и "Искандер-К"."""
        groups = []
        i = 0
        while i < len(weapons):
            w = weapons[i]
            g_start, g_end, weapon = w.start, w.end, w.weapon
            models = [w.model] if w.model else []
            head_is_class = w.model is None
            head_tok = w.surface.split()[-1] if head_is_class else ""
            j = i + 1
            while j < len(weapons):
                nxt = weapons[j]
                gap = text[g_end:nxt.start]
                if len(gap) > 45:
                    break
                bare = re.sub(r"[\"“”«»„'’\s]", "", gap)
                if bare == "," and models and nxt.model:
                    bare = "/"
                joinable = _only_modifiers(gap.replace("-", " "), self.lang) and not re.search(r"(?i)(?<!\w)(?:и|і|та|й|або|или)(?!\w)", gap)
                if bare in ("", "/", "и", "і", "та", "или", "або", "-") and models and nxt.model:
                    joinable = True
                if not joinable:
                    break
                if nxt.model and nxt.model not in models:
                    models.append(nxt.model)
                if nxt.model is None:
                    weapon = nxt.weapon
                    if not head_is_class:
                        head_tok = nxt.surface.split()[-1]
                    head_is_class = True
                elif not head_is_class:
                    weapon = nxt.weapon
                g_end = nxt.end
                j += 1
            model = "/".join(merge_models(models)) if models else None
            groups.append((g_start, g_end, weapon, model, head_is_class, head_tok))
            i = j
        return groups

    def _counted(self, text, s_start, s_end, g_start, g_end, weapon, model, used) -> list[RawFigure]:
        window_start = max(s_start, g_start - 110)
        toks = list(_WORD.finditer(text, window_start, g_start))
        # step back over modifiers to the count
        k = len(toks) - 1
        if k >= 1 and _norm_word(toks[k].group(0)) in ("з", "із", "из", "зі", "со") and _is_number_token(toks[k - 1].group(0)) \
                and re.fullmatch(r"\s+", text[toks[k - 1].end():toks[k].start()]) and _only_modifiers(text[toks[k].end():g_start], self.lang):
            v = _number_value(toks[k - 1].group(0))
            if v is not None and toks[k - 1].start() not in used:
                used.add(toks[k - 1].start())
                fig = RawFigure(start=toks[k - 1].start(), end=g_end, count=v, qualifier="exact", weapon=weapon, model=model, action=None)
                fig.partitive = True
                return [fig]
        while k >= 0:
            tok = toks[k].group(0)
            if _is_number_token(tok) or _ORDINALS.match(tok) or _norm_word(tok) in _FIXED_PHRASES \
                    or (k >= 1 and f"{_norm_word(toks[k - 1].group(0))} {_norm_word(tok)}" in _FIXED_PHRASES):
                break
            if not _only_modifiers(text[toks[k].start():g_start], self.lang):
                return []
            k -= 1
        if k < 0:
            return []
        if not _only_modifiers(text[toks[k].end():g_start].replace("-", " "), self.lang) and text[toks[k].end():g_start].strip() not in ("", "-"):
            return []
        last = k
        ordinal = bool(_ORDINALS.match(toks[k].group(0)))
        if ordinal:
            first = k
            value = 1
        else:
            first = k
            while first - 1 >= 0 and (_is_number_token(toks[first - 1].group(0)) or _norm_word(toks[first - 1].group(0)) in ("полтора", "півтора", "півтори", "полторы", "пів", "пол")) \
                    and re.fullmatch(r"[\s\u00a0\u202f]+", text[toks[first - 1].end():toks[first].start()]) and last - first < 5:
                first -= 1
            words = [t.group(0) for t in toks[first:last + 1]]
            value = parse_number_tokens(words)
            while value is None and first < last:
                first += 1
                words = words[1:]
                value = parse_number_tokens(words)
            if value is None:
                return []
            # a time or a date is not a count ("в 14:31", "15 июля")
            nxt_char = text[toks[last].end():toks[last].end() + 2]
            if re.match(r"[:.,]\d", nxt_char):
                return []
        num_start = toks[first].start()
        if num_start in used:
            return []
        before = text[max(s_start, num_start - 45):num_start]
        low_words = [_norm_word(w) for w in (t.group(0) for t in toks[first:last + 1])]
        qualifier = "exact"
        fig_start = num_start
        pre = before
        mm = re.search(r"(?i)(?<![\w])(?:ещё|еще|ще|и ещё|и еще|і ще|та ще)\s*$", pre)
        if mm:
            pre = pre[:mm.start()]
            fig_start = num_start - (len(before) - mm.start())
        qm = _QUAL_RE.search(pre)
        if qm:
            phrase = qm.group(1).lower()
            for name, pat in _QUALIFIERS:
                if re.fullmatch(pat, phrase):
                    qualifier = name
                    break
            fig_start = max(s_start, num_start - (len(before) - qm.start(1)))
        phrase = " ".join(low_words)
        if phrase in ("полтора десятка", "півтора десятка", "пів сотні", "полсотни", "півсотні", "десятка", "десяток") and qualifier == "exact":
            qualifier = "approx"
        fig = RawFigure(start=fig_start, end=g_end, count=value, qualifier=qualifier, weapon=weapon, model=model, action=None)
        fig.more = False   # "ще 28 ... локаційно втрачені": another figure, not "more at the same place"
        fig.singular_event = ordinal   # "ещё один" is often the same drone told again (summary, then the quote)
        if re.search(r"(?i)(?<![\w])(?:все|всі|усі|всех|всіх|усіх|всего|загалом)\s*$", pre):
            fig.all_of = bool(re.search(r"(?i)(?:все|всі|усі|всех|всіх|усіх)\s*$", pre))
        if re.search(r"(?i)(?<![\w])по\s*$", pre):
            fig.each_of = True   # "по четыре дрона над A, B и C": the count holds for each place
        if re.search(r"(?i)(?<![\w])(?:в том числе|у тому числі|включая|включно з|из них|з них|із них|серед них|среди них)[\s:,]*$", pre):
            fig.including = True
        used.add(num_start)
        if re.search(r"(?i)(?<![\w])(?:из|з|із|зі)\s*$", pre) and re.match(r"\s*,?\s*(?:\d|[а-яіїє']+\s*(?:[—–-]|був|було|були|был|было|были|сбит|збит|знищ|уничтож))", text[g_end:g_end + 40], re.I):
            nxt_tok = _WORD.match(text, len(text[:g_end]) + len(re.match(r"\s*,?\s*", text[g_end:]).group(0)))
            if nxt_tok and _is_number_token(nxt_tok.group(0)):
                fig.launch_total = True   # "з 50 ракет 44 було збито": 50 launched, 44 a part
        # "47 із 72 безпілотників": the NP count is the launched total and 47 a figure too
        xm = re.search(r"(?i)(?<![\w.,:])(\d{1,6}|[а-яёіїє']+)\s+(?:из|з|із|зі)\s+(?:общего числа\s+|загальної кількості\s+|)?$", pre)
        if xm and _is_number_token(xm.group(1)):
            x_val = _number_value(xm.group(1))
            x_start = max(s_start, num_start - (len(before) - xm.start(1)))
            if x_val is not None and x_start not in used:
                fig.launch_total = True
                fig.start = num_start
                part = RawFigure(start=x_start, end=x_start + len(xm.group(1)), count=x_val, qualifier="exact",
                                 weapon=weapon, model=model, action=None)
                used.add(x_start)
                return [part, fig]
        return [fig]

    def _uncounted(self, text, s_start, g_start, g_end, weapon, model, head_is_class, head_tok, figures):
        """A weapon NP with no count: one if its noun is singular ("сбила ракету ATACMS"); "все ракеты" = all of the last figure."""
        pre = text[max(s_start, g_start - 60):g_start]
        allm = re.search(r"(?i)(?<![\w])(?:все|всі|усі|всех|всіх|усіх)\s+(?:[\w'’«»\"“”-]+\s+){0,3}$", pre)
        if allm and _short_plain_gap(text, g_start - (len(pre) - allm.end()), g_start):
            f = RawFigure(start=g_start - (len(pre) - allm.start()), end=g_end, count=0, qualifier="exact", weapon=weapon,
                          model=model, action=None, elliptical=True, all_of=True)
            ante = [x for x in figures if x.end <= f.start and x.weapon == weapon]
            prev = self._last_figure(text, s_start, weapon)
            if ante:
                f.count, f.qualifier = ante[-1].count, ante[-1].qualifier
            elif prev is not None:
                f.count, f.qualifier = prev.count, prev.qualifier
            else:
                return None
            return f if f.count else None
        if not head_is_class or not head_tok:
            return None
        if re.search(r"(?i)(?<![\w])(?:несколько|кілька|декілька|ряд|десятки|десятк\w+|сотни|сотні|сотн\w+|много|багато|"
                     r"массированн\w*|масован\w*|группы|групи|групп\w*|волн\w*|хвил\w*|рой|рій|такие|такі|такой|такий|"
                     r"новую|нову|новий|новый|этот|этой|этого|цей|цього|цієї|тот|той|того|цю|эту|каждая|каждый|кожна|кожен|кожну|жодн\w*|ни одного|ни один)\s+(?:[\w'’«»\"“”-]+\s+){0,2}$", pre):
            return None
        if not is_singular_noun(head_tok, self.lang):
            return None
        fig = RawFigure(start=g_start, end=g_end, count=1, qualifier="exact", weapon=weapon, model=model, action=None)
        adj = re.search(r"(?i)(?:(?<![\w])(?:[\w'’-]+)\s+){1,3}$", pre)
        if adj and _only_modifiers(adj.group(0), self.lang):
            fig.start = g_start - len(adj.group(0))
        return fig

    def _last_figure(self, text, s_start, weapon):
        last = getattr(self, "_memory", None)
        if last is None:
            return None
        mem_text, end, figs = last
        if mem_text is not text or s_start < end or s_start - end > 400:
            return None
        same = [f for f in figs if (weapon is None or f.weapon == weapon) and f.action == "launched"]
        return same[-1] if same else None

    def _elliptical(self, text, s_start, s_end, figures, used) -> list[RawFigure]:
        """Bare counts after a figure: "..., одиннадцать — над Курской областью", "два из них были подавлены"."""
        out: list[RawFigure] = []
        toks = list(_WORD.finditer(text, s_start, s_end))
        i = 0
        while i < len(toks):
            t = toks[i]
            word = t.group(0)
            if not (_is_number_token(word) or _ORDINALS.match(word)) or t.start() in used or any(f.start <= t.start() < f.end for f in figures):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and _is_number_token(toks[j + 1].group(0)) and re.fullmatch(r"\s+", text[toks[j].end():toks[j + 1].start()]):
                j += 1
            words = [x.group(0) for x in toks[i:j + 1]]
            value = 1 if _ORDINALS.match(word) else parse_number_tokens(words)
            num_end = toks[j].end()
            i = j + 1
            if value is None:
                continue
            after = text[num_end:min(s_end, num_end + 60)]
            pre = text[max(s_start, t.start() - 40):t.start()]
            if re.match(r"[:.,/]\d|\s*(?:%|процент|відсот|км|кілометр|километр|метр|час|годин|минут|хвилин|раз|рок|лет|год|дн|доб|сут)", after, re.I):
                continue
            distributive = bool(re.search(r"(?i)(?<![\w])по\s*$", pre)) and bool(re.match(r"\s*[—–-]", after))
            if re.search(r"(?i)(?<![\w])(?:в|во|на|с|со|з|із|от|від|до|за|о|об|около|близько|после|після|через|к|по|під|под)\s*$", pre) \
                    and not re.search(r"(?i)(?:ещё|еще|ще)\s*$", pre) and not distributive:
                continue
            part_of = re.match(r"(?i)\s+(?:из|з|із)\s+(?:них|которых|яких|этих|цих)", after)
            of_which = re.search(r"(?i)(?:из них|из которых|з них|з яких|із них|із яких)[\s,:]*(?:[\w'’«»\"“”-]+\s+){0,5}$", pre)
            ante = [f for f in figures + out if f.end <= t.start()]
            more = bool(re.search(r"(?i)(?<![\w])(?:ещё|еще|ще)\s*$", pre))
            lead = re.match(r"(?i)\s*(?:[—–-]\s*|(?:над|в|во|у|на|под|біля|возле|поблизу|около|у районі|в районе)(?![\w])|"
                            r"(?:были|был|была|было|були|був|була|було)\s|" + _CUE_RE.pattern[4:] + r")", after)
            incl = re.search(r"(?i)(?<![\w])(?:включая|в том числе|у тому числі|зокрема|в т\.ч\.|із них|з них|из них)\s*$", pre)
            if incl and ante and re.match(r"\s*(?:[,)]|$)", after):
                fig = RawFigure(start=t.start(), end=num_end, count=value, qualifier="exact", weapon="", model=None, action=None,
                                elliptical=True, including=True)
                out.append(fig)
                used.add(t.start())
                continue
            if part_of:
                pass
            elif of_which and (ante or True):
                if not re.match(r"\s*[.,;!?)]|\s*$", after) and not lead:
                    continue
            elif lead and (ante or more or re.match(r"\s*[—–-]", after)):
                if not ante and not more and not re.match(r"\s*[—–-]", after):
                    continue
            else:
                continue
            if not ante and not more and not part_of and not of_which and t.start() - s_start > 3:
                continue
            end_pos = num_end + (part_of.end() if part_of else 0)
            fig = RawFigure(start=t.start() if not more else t.start() - len(pre) + re.search(r"(?i)(?:ещё|еще|ще)\s*$", pre).start(),
                            end=end_pos, count=value, qualifier="exact", weapon="", model=None, action=None, elliptical=True)
            fig.start = max(s_start, fig.start)
            fig.singular_event = bool(_ORDINALS.match(word))
            fig.each_of = distributive
            if part_of or of_which:
                fig.including = False
                fig.partitive = True
            out.append(fig)
            used.add(t.start())
        # "все они были уничтожены", "усі вони збиті": the antecedent's count again
        for m in _ALL_OF.finditer(text, s_start, s_end):
            ante = [f for f in figures + out if f.end <= m.start() and f.count]
            if not ante:
                prev = self._last_figure(text, s_start, None)
                if prev is None:
                    continue
                ante = [prev]
            a = ante[-1]
            out.append(RawFigure(start=m.start(), end=m.end(), count=a.count, qualifier=a.qualifier, weapon="", model=None,
                                 action=None, elliptical=True, all_of=True))
        return out

    # ---- actions ------------------------------------------------------------------------
    def _actions(self, text, s_start, s_end, figures, attribution) -> None:
        for i, f in enumerate(figures):
            nxt = next((g.start for g in figures[i + 1:] if g.start >= f.end), s_end)
            lead = _AFTER_LEAD.match(text, f.end, min(s_end, f.end + 120))
            pos = lead.end() if lead else f.end
            cm = _CUE_RE.match(text, pos, min(s_end, pos + 60))
            if cm and _PARTICIPLE_MOD.fullmatch(cm.group(0)):
                cm = None
            if cm and pos <= nxt + 1:
                if _NEG_BEFORE.search(text[max(s_start, cm.start() - 20):cm.start()]) and not cm.group("lost"):
                    f.action = "negated"
                    continue
                f.action = _action_of(cm)
                continue
            c_start = _clause_start(text, s_start, f.start)
            left = None
            for m in _CUE_RE.finditer(text, c_start, f.start):
                if attribution is not None and attribution.start <= m.start() < attribution.end:
                    continue
                if _PARTICIPLE_MOD.fullmatch(m.group(0)):
                    continue
                left = m
            if left is None and c_start > s_start and text[c_start - 1] == ":" and not any(g.end <= f.start and g.action for g in figures[:i]):
                # "противник завдав комбінованого удару: 14 ракет … та 250 БпЛА": the verb before the colon
                p_start = _clause_start(text, s_start, c_start - 1)
                for m in _CUE_RE.finditer(text, p_start, c_start - 1):
                    if not _PARTICIPLE_MOD.fullmatch(m.group(0)):
                        left = m
            if f.launch_total:
                f.action = "launched"
                continue
            if left is not None:
                if _NEG_BEFORE.search(text[max(s_start, left.start() - 20):left.start()]) and not left.group("lost"):
                    f.action = "negated"
                    continue
                f.action = _action_of(left)
                f.cue_start = left.start()
                continue
            limit = min(s_end, nxt if nxt > f.end else s_end)
            c_end = _clause_end(text, f.end, limit)
            rel = _RELATIVE.match(text, c_end, limit)
            if rel:   # "три ракети, які летіли в напрямку Києва, збили": step over the relative clause
                c_end = _clause_end(text, rel.end(), limit)
                search_from = rel.end()
            else:
                search_from = f.end
            for m in _CUE_RE.finditer(text, search_from, c_end):
                if _PARTICIPLE_MOD.fullmatch(m.group(0)):
                    continue
                if _NEG_BEFORE.search(text[max(s_start, m.start() - 20):m.start()]) and not m.group("lost"):
                    f.action = "negated"
                else:
                    f.action = _action_of(m)
                break

    def _attackers(self, text, s_start, s_end, figures) -> None:
        for f in figures:
            np_text = text[f.start:f.end]
            tail = text[f.end:min(s_end, f.end + 14)]
            if _UNKNOWN.search(np_text):
                f.attacker_unknown = True
                continue
            if _UA_ADJ.search(np_text) or re.match(r"(?i)\s+(?:всу|зсу|украины|україни)(?![\w])", tail):
                f.attacker = "UA"
            elif _RU_ADJ.search(np_text) or re.match(r"(?i)\s+(?:рф|россии|росії)(?![\w])", tail):
                f.attacker = "RU"
            elif self.enemy_side and _ENEMY.search(np_text):
                f.attacker = self.enemy_side
            if f.attacker or f.action not in ("launched", "impacted"):
                continue
            target = _TARGET_OF.search(text, f.end, min(s_end, f.end + 80))
            if target:   # "поразила позиции ВСУ": the target's side is not the attacker's
                f.attacker = "RU" if target.group("ua") else "UA"
                continue
            c_start = _clause_start(text, s_start, f.start)
            left = text[max(c_start, f.start - 200):f.start]
            if not (_RU_AGENT.search(left) or _UA_AGENT.search(left) or (self.enemy_side and _ENEMY.search(left))):
                left = text[max(s_start, f.start - 250):f.start]
            agents = [(m.start(), "RU") for m in _RU_AGENT.finditer(left)] + [(m.start(), "UA") for m in _UA_AGENT.finditer(left)]
            if self.enemy_side:
                agents += [(m.start(), self.enemy_side) for m in _ENEMY.finditer(left)]
            if not agents:
                # "Ворог завдав масованого удару. Застосовано 62 ракети": the agent of the sentence before
                back = text[max(0, s_start - 400):s_start]
                para = back.rfind("\n\n")
                back = back[para + 2:] if para >= 0 else back
                agents = [(m.start(), "RU") for m in _RU_AGENT.finditer(back)] + [(m.start(), "UA") for m in _UA_AGENT.finditer(back)]
                if self.enemy_side:
                    agents += [(m.start(), self.enemy_side) for m in _ENEMY.finditer(back)]
            if agents:
                f.attacker = max(agents)[1]

    # ---- places ---------------------------------------------------------------------------
    def _scopes(self, text, s_start, s_end, figures, attribution) -> None:
        for i, f in enumerate(figures):
            nxt = next((g.start for g in figures[i + 1:] if g.start >= f.end), s_end)
            f.scope_start = f.start
            f.scope_end = max(f.end, nxt)
            for cb in _CLAUSE_BREAK.finditer(text, f.end, f.scope_end):
                piece = text[cb.start():cb.end()]
                if re.match(r"(?i),\s*(?:которые|который|которая|які|який|яка|що)\s+(?:[\w'’-]+\s+){0,2}?(?:летел|летіл|летя|прямувал|направлял|рухал|летит|летить)", text[cb.start():cb.start() + 60]):
                    continue
                if re.match(r"(?i)[;!?]|\.\s|:(?!\d)|,\s*(?:где|де|после чего|після чого|а|но|але|однак|однако)\b", piece):
                    f.scope_end = cb.start()
                    break
            reason = _REASON.search(text, f.end, f.scope_end)
            if reason:
                f.scope_end = reason.start()
            if attribution is not None and f.end <= attribution.start < f.scope_end:
                pass  # the engine drops places inside the attribution
        self._fronted(text, s_start, s_end, figures, attribution)

    def _fronted(self, text, s_start, s_end, figures, attribution) -> None:
        """"Над территорией Брянской области обнаружены и уничтожены шесть БПЛА": a place before the figure.

        The engine reads a figure's places from the figure's end onwards; a fronted place is
        given to the figure by starting the figure's span at the place phrase (the span then
        covers "над территорией …"; see docs/languages.md for the engine hook that would
        make this unnecessary).
        """
        places = [(p.start, p.end) for p in _places(text, s_start, s_end, self.lang)
                  if not self.excluded_place(text, p.start, p.end)
                  and not (attribution is not None and attribution.start <= p.start < attribution.end)]
        places += [(a, b) for a, b, _ in self.place_anaphora(text, s_start, s_end)
                   if not any(pa <= a < pb for pa, pb in places)]
        places.sort()
        if not places:
            return
        for i, f in enumerate(figures):
            if f.count == 0:
                continue
            if any(f.end <= a < f.scope_end for a, _ in places):
                continue
            if f.elliptical and f.all_of:
                inside = [(a, b) for a, b in places if f.start <= a < f.end]
                if inside:   # "сбили все выпущенные по городу ракеты"
                    _pin(f, inside[0][0], inside[-1][1], s_start, keep_start=True)
                continue
            if f.elliptical:
                if not f.partitive:
                    continue
                ante = [g for g in figures[:i] if g.end <= f.start and not g.elliptical]
                if not ante:
                    continue
                g = ante[-1]
                own = [(a, b) for a, b in places if min(g.end, g.scope_start) <= a < g.scope_end and a < f.start]
                if own:
                    _pin(f, own[0][0], own[-1][1], s_start)
                continue
            prev_end = max([g.end for g in figures[:i] if g.end <= f.start] + [s_start])
            c_start = max(prev_end, _clause_start(text, s_start, f.start))
            front = [(a, b) for a, b in places if c_start <= a and b <= f.start
                     and (_LOCATIVE_LEAD.search(text, max(s_start, a - 30), a) or _OBJECT_LEAD.search(text, max(s_start, a - 70), a)
                          or re.match(r"(?i)(?:над|в|у|по|на)\s", text[a:b])
                          or _OBJECT_AFTER.match(text, b))]
            if not front:
                continue
            # the nearest place and those coordinated with it ("Белгородском районе и Яковлевском округе")
            group = [front[-1]]
            for a, b in reversed(front[:-1]):
                gap = text[b:group[0][0]]
                if len(gap) <= 40 and (re.fullmatch(r"(?i)\s*(?:,|и|і|та|й)\s*(?:(?:над|в|у|на|по)\s+)?(?:[\w'’-]+\s+){0,2}?", gap)
                                       or re.fullmatch(r"(?i)\s+(?:(?:у|в)\s+)?", gap)):
                    group.insert(0, (a, b))
                else:
                    break
            a0 = group[0][0]
            lead = _LOCATIVE_LEAD.search(text, max(s_start, a0 - 30), a0)
            _pin(f, a0, group[-1][1], s_start, lead_start=lead.start() if lead else None)

    def _distribute(self, text, s_start, s_end, figures) -> list[RawFigure]:  # noqa: C901
        """"по четыре дрона ... над Брянской, Липецкой и Нижегородской областями": one figure per place."""
        out: list[RawFigure] = []
        for f in figures:
            if not f.each_of:
                out.append(f)
                continue
            f.each_of = False
            places = [p for p in _places(text, s_start, s_end, self.lang)
                      if f.end <= p.start < f.scope_end and not self.excluded_place(text, p.start, p.end)]
            if len(places) < 2:
                out.append(f)
                continue
            first = replace(f, scope_end=places[0].end)
            out.append(first)
            for p in places[1:]:
                g = replace(f, singular_event=True)
                _pin(g, p.start, p.end, s_start, only_these=True)
                out.append(g)
        return out

    def _launch_places(self, text, s_start, s_end, figures) -> None:
        """"з напрямків: Курськ, Орел", "из Брянской области": where the weapons were launched from."""
        places = None
        for f in figures:
            if f.action != "launched" and not f.launch_total:
                continue
            if places is None:
                places = _places(text, s_start, s_end, self.lang)
            nxt = min([g.start for g in figures if g.start >= f.end] + [s_end])
            origin = [p.place.name for p in places if f.end <= p.start < nxt and self.excluded_place(text, p.start, p.end)]
            if origin:
                f.launch_places = tuple(dict.fromkeys(origin))

    def excluded_place(self, text: str, start: int, end: int, depth: int = 0) -> bool:
        """A launch origin ("з напрямку Курська", "из Брянской области") is not where the figure happened."""
        if self._origin(text, start, end):
            return True
        if depth < 8:
            # "з Криму, Брянської області, напрямків Таганрог і Єйськ": the rest of a list of origins
            prev = [p for p in _places(text, max(0, start - 80), start, self.lang) if p.end <= start]
            if prev and _ORIGIN_LIST_GAP.fullmatch(text, prev[-1].end, start):
                return self.excluded_place(text, prev[-1].start, prev[-1].end, depth + 1)
        return False

    def _origin(self, text: str, start: int, end: int) -> bool:
        if re.match(r"(?i)(?:росіян|россиян|русск|українц|украинц|київськ\w* режим|киевск\w* режим)", text[start:end]):
            return True
        lead = text[max(0, start - 45):start]
        if _POSSESSOR_LEAD.search(lead):
            return True   # "защитниками Украины", "Силами оборони України": whose forces, not where
        if _ORIGIN_LEAD.search(lead):
            return True
        base = max(0, start - 300)
        window = text[base:start].lower()
        # try the list pattern only next to its keyword: searching the whole window is slow
        for m in _DIRECTION_KEY.finditer(window):
            if _direction_list_before(text, max(base, base + m.start() - 40), start):
                return True
        return False

    def place_anaphora(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        key = ("ana", id(text), len(text), start, end)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is text:
            return list(hit[1])
        out = self._place_anaphora(text, start, end)
        self._remember(key, text, out)
        return list(out)

    def _remember(self, key, text, value) -> None:
        if len(self._memo) > 64:
            self._memo.clear()
        self._memo[key] = (text, value)

    def _place_anaphora(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        out = []
        low = text[start:end].lower()
        if "відповідальност" in low or "ответственност" in low:
            for m in _COMMAND_ZONE.finditer(text, start, end):   # Air Force command zones: 18 "Центр", 12 — "Південь"
                out.append((m.start(), m.end(), _ZONES[m.group("zone").lower()]))
        if not any(w in low for w in _ANAPHORA_STEMS):
            return out
        for m in _ANAPHORA.finditer(text, start, end):
            s = m.group(0).lower()
            if re.search(r"столиц|capital", s):
                hint = "Kyiv" if re.search(r"украин|україн", s) else ("Moscow" if re.search(r"росси|росі", s) else "@capital")
            elif re.search(r"город|міст", s):
                hint = self._last_region(text, m.start(), "city") or "@city"
            else:
                hint = self._last_region(text, m.start()) or "@region"
            out.append((m.start(), m.end(), hint))
        return out

    def _last_region(self, text: str, pos: int, kind: str = "admin1") -> str | None:
        """"над регионом", "в області", "по городу": the region (city) named just before (else the official's home)."""
        a = max(0, pos - 400)
        para = text.rfind("\n\n", a, pos)
        a = para + 2 if para >= 0 else a
        found = [p for p in _places(text, a, pos, self.lang) if p.place.kind == kind]
        return found[-1].place.name if found else None

    # ---- attribution -------------------------------------------------------------------
    def attribution(self, text: str, start: int, end: int) -> Attribution | None:
        found = self.attributions(text, start, end)
        return found[0] if found else None

    def attributions(self, text: str, start: int, end: int) -> list[Attribution]:
        key = ("attr", id(text), len(text), start, end)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is text:
            return list(hit[1])
        out = self._attributions(text, start, end)
        self._remember(key, text, out)
        return list(out)

    def _attributions(self, text: str, start: int, end: int) -> list[Attribution]:
        sent = text[start:end]
        cands: list[Attribution] = []
        for m in _ACCORDING.finditer(sent):
            np = m.group("np")
            head = m.group(0)[:m.start("np") - m.start()].lower()
            pron = re.search(r"(?:его|ее|её|их|його|її|їх)\s+словам", head)
            if pron:
                cands.append(Attribution(None, None, start + m.start(), start + m.end(), kind="pronoun", head="he"))
                continue
            attr = self._make_attr(np, start + m.start("np"), start + m.start("np") + len(np))
            if attr is not None:
                cands.append(Attribution(attr.name, attr.side, start + m.start(), attr.end, attr.kind, attr.head, attr.home_place))
        for m in _SAYS_IN.finditer(sent):
            np = m.group("np")
            if not np.strip():   # "– йдеться у повідомленні": the source named before
                cands.append(Attribution(None, None, start + m.start(), start + m.end(), kind="pronoun", head="he"))
            else:
                attr = self._make_attr(np, start + m.start("np"), start + m.end("np"))
                if attr is not None:
                    cands.append(attr)
        for m in _REPORT_RE.finditer(sent):
            attr = None
            after = sent[m.end():m.end() + 160]
            np_after = _np_after(after)
            before_np, before_off = _np_before(sent, m.start())
            if before_np:
                attr = self._make_attr(before_np, start + before_off, start + before_off + len(before_np))
            if (attr is None or attr.kind == "media") and np_after:
                off = m.end() + after.find(np_after)
                alt = self._make_attr(np_after, start + off, start + off + len(np_after))
                if alt is not None and (attr is None or alt.kind != "media"):
                    attr = alt
            if attr is not None:
                a0 = min(attr.start, start + m.start())
                a1 = max(attr.end, start + m.end())
                cands.append(Attribution(attr.name, attr.side, a0, a1, attr.kind, attr.head, attr.home_place))
        if not cands:
            m = re.match(r"\s*(?P<np>[^:\n.!?«»\"]{3,60}):\s", sent)   # "Минобороны РФ: за неделю сбиты ..."
            if m and not re.search(r"\d", m.group("np")) and not _CUE_RE.search(m.group("np")) and not _REPORT_RE.search(m.group("np")):
                attr = self._make_attr(m.group("np"), start + m.start("np"), start + m.end("np"))
                if attr is not None and attr.kind == "explicit" and (attr.name or attr.side):
                    cands.append(attr)
        if not cands:
            m = re.match(r"^\s*(?P<np>[^:\n]{3,80}):\s*$", sent)
            if m:
                attr = self._make_attr(m.group("np"), start, start + len(m.group("np")))
                if attr is not None:
                    cands.append(attr)
        return rank_attributions(cands)

    def confirms_previous(self, text: str, start: int, end: int) -> Attribution | None:
        """"Об этом сообщил мэр Сергей Собянин" / "Про це повідомив X": names the previous sentence's claimant."""
        m = _ABOUT_THIS.search(text, start, end)
        if not m:
            return None
        after = text[m.end():min(end, m.end() + 160)]
        np = _np_after(after)
        if not np:
            np2, off = _np_before(text[start:m.start()], m.start() - start)
            if not np2:
                return None
            return self._make_attr(np2, start + off, start + off + len(np2), kind="retro")
        off = m.end() + after.find(np)
        return self._make_attr(np, off, off + len(np), kind="retro")

    def _paragraph_claimant(self, text: str, start: int, end: int) -> Attribution | None:
        """A claimant named later in the same paragraph, when no sentence just before names one."""
        para_start = text.rfind("\n\n", max(0, start - 1500), start)
        a = max(para_start + 2 if para_start >= 0 else 0, start - 300)
        prev = re.search(r"[.!?…]\s+[^.!?…]*$", text[a:start])
        if prev is not None or a < start:
            p0 = a + prev.end() - len(prev.group(0)) + 1 if prev is not None else a
            if any(c.kind in ("explicit", "retro") and (c.name or c.side) for c in self.attributions(text, p0, start)):
                return None   # the engine carries the previous sentence's claimant
        stop = text.find("\n\n", end, end + 1200)
        b = stop if stop >= 0 else min(len(text), end + 1200)
        pos = end
        for m in re.finditer(r"[.!?…](?:[\s\"”»)]+|$)", text[end:b]):
            s1 = end + m.end()
            found = [c for c in self.attributions(text, pos, s1) if c.kind == "explicit" and c.name]
            if found:
                c = found[0]
                return Attribution(c.name, c.side, c.start, c.end, "explicit", None, c.home_place)
            pos = s1
        return None

    def _previous_named(self, text: str, start: int) -> Attribution | None:
        a = max(0, start - 500)
        chunk = text[a:start]
        bounds = [a] + [a + m.end() for m in re.finditer(r"[.!?…»”\"]\s+|\n", chunk)]
        for k in range(len(bounds) - 1, max(-1, len(bounds) - 4), -1):
            s0 = bounds[k]
            s1 = bounds[k + 1] if k + 1 < len(bounds) else start
            if s1 - s0 < 5:
                continue
            for c in reversed(self.attributions(text, s0, s1)):
                if c.kind in ("explicit", "retro") and c.name:
                    return c
        return None

    def _list_header(self, text: str, start: int):
        """"знешкоджено 370 засобів повітряного нападу:\n– 6 ракет Х-101;": the action of the line before the list."""
        pos = start
        for _ in range(12):
            line_start = text.rfind("\n", max(0, pos - 400), max(0, pos - 1)) + 1
            if line_start <= 0 and pos - 1 <= 0:
                return None
            line = text[line_start:pos].rstrip()
            if line.endswith(":"):
                cue = None
                for m in _CUE_RE.finditer(text, line_start, line_start + len(line)):
                    cue = m
                if cue is None:
                    return None
                agents = [(m.start(), "RU") for m in _RU_AGENT.finditer(line)] + [(m.start(), "UA") for m in _UA_AGENT.finditer(line)]
                if self.enemy_side:
                    agents += [(m.start(), self.enemy_side) for m in _ENEMY.finditer(line)]
                return _action_of(cue), (max(agents)[1] if agents else None)
            if not _BULLET.match(line) or line_start == 0:
                return None
            pos = line_start
        return None

    def _quote_speaker(self, text: str, start: int, end: int) -> Attribution | None:
        """A sentence inside a quotation: the speaker named after it ("«...», — написал глава региона")."""
        line_start = text.rfind("\n", max(0, start - 800), start) + 1
        before = text[max(line_start, start - 800):start + 1]
        opens = before.count("«") + before.count("“") + before.count("„")
        closes = before.count("»") + before.count("”")
        straight = before.count('"')
        if opens <= closes and straight % 2 == 0:
            return None
        m = _QUOTE_END.search(text, end - 1, min(len(text), end + 700))
        if m is None:
            return None
        b = text.find(".", m.end(), m.end() + 200)
        b = b if b > 0 else min(len(text), m.end() + 200)
        found = [c for c in self.attributions(text, m.start(), b) if c.kind != "media"]
        if not found:
            return None
        c = found[0]
        if c.kind == "pronoun" and c.head == "he":
            back = self._previous_named(text, line_start if line_start < start else start)
            if back is None:
                return None
            return Attribution(back.name, back.side, c.start, c.end, "explicit", None, back.home_place)
        if c.name is None and c.side is None:
            return None
        return Attribution(c.name, c.side, c.start, c.end, "explicit", c.head, c.home_place)

    def _next_sentence_claimant(self, text: str, end: int) -> Attribution | None:
        """"... сбиты шесть БПЛА. Об этом сообщил губернатор X": the next sentence names this one's claimant."""
        m = re.match(r"[\s\"”»)]*", text[end:end + 10])
        a = end + (m.end() if m else 0)
        stop = text.find(".", a, a + 220)
        b = stop if stop > 0 else min(len(text), a + 220)
        if not _ABOUT_THIS.match(text, a, b):
            return None
        found = self.confirms_previous(text, a, b)
        if found is None or found.kind == "media" or (found.name is None and found.side is None):
            return None
        return Attribution(found.name, found.side, found.start, found.end, "explicit", found.head, found.home_place)

    def _actor(self, text, s_start, figures) -> Attribution | None:
        """No reporting verb: the air defence of a named side did it ("российские средства ПВО перехватили")."""
        f = figures[0]
        if f.cue_start < 0:
            return None
        left = text[_clause_start(text, s_start, f.start):f.cue_start]
        known = self.claimants.body(left)
        if known is None or known.side is None:
            return None
        return Attribution(known.name, known.side, f.cue_start - len(left), f.cue_start, kind="actor")

    def _make_attr(self, phrase: str, a: int, b: int, kind: str = "explicit") -> Attribution | None:
        key = (phrase, kind)
        if key not in self._attr_cache:
            if len(self._attr_cache) > 20000:
                self._attr_cache.clear()
            found = self._make_attr_uncached(phrase, 0, 0, kind)
            self._attr_cache[key] = found
        found = self._attr_cache[key]
        if found is None:
            return None
        return Attribution(found.name, found.side, a, b, found.kind, found.head, found.home_place)

    def _make_attr_uncached(self, phrase: str, a: int, b: int, kind: str = "explicit") -> Attribution | None:
        phrase = _OWN_CHANNEL.sub(" ", phrase)
        ps = re.match(r"(?i)\s*(?:пресс-служб\w*|прес-служб\w*|пресслужб\w*|пресс-центр\w*|прес-центр\w*|представител\w*|представник\w*|"
                      r"речник\w*|спикер\w*|спікер\w*)\s+(?P<rest>\S.{2,})", phrase)
        if ps:   # "пресс-служба ведомства", "речник Повітряних сил": the body it speaks for
            inner = self._make_attr_uncached(ps.group("rest"), a, b, kind)
            if inner is not None and (inner.name or inner.side or inner.kind == "pronoun"):
                return inner
        phrase = re.sub(r"(?i)^(?:об этом|про це|о чем|про що|это|це|эту информацию|цю інформацію)\s+", "", phrase.strip())
        phrase = re.sub(r"(?i)^(?:\d{1,2}\s+[а-яіїє]+|в\s+\w+|у\s+\w+)\s+(?=(?:губернатор|мэр|мер|глава|голова|начальник|очільник)\b)", "", phrase)
        phrase = phrase.strip(" ,\"“”«»'’-–—\n\t")
        if not phrase or len(phrase) > 140:
            return None
        low = _norm_word(phrase)
        low = re.sub(r"\s+", " ", low)
        low_simple = re.sub(r"^(?:в|у|во)\s+", "", low)
        if low_simple in _PRONOUNS or low in _PRONOUNS:
            head = _PRONOUNS.get(low_simple) or _PRONOUNS.get(low)
            return Attribution(None, None, a, b, kind="pronoun", head=head)
        person = self._person(phrase)
        body = self.claimants.body(phrase)
        if person is not None:
            name, known = person
            return Attribution(name, known.side, a, b, kind=kind, home_place=known.home)
        if body is not None:
            name = body.name
            if name is None:
                name = None
            return Attribution(name, body.side, a, b, kind=kind, home_place=body.home)
        if self.claimants.is_media(phrase) or re.search(r"(?i)(?<![\w])(?:тасс|риа|интерфакс|інтерфакс|укрінформ|уніан|суспільне|рбк|сми|змі|издание|видання|агентство|газета|телеканал)(?![\w])", phrase):
            return Attribution(None, None, a, b, kind="media")
        if not _HEADS.search(phrase):
            return None
        named = _FULL_NAME.search(phrase)
        first = re.split(r"\s+", low_simple)[0]
        if first in _PRONOUNS:
            return Attribution(None, None, a, b, kind="pronoun", head=_PRONOUNS[first])
        side = None
        if re.search(r"(?i)украин|україн|зсу|всу|києв|киев|ова\b|кмва", phrase):
            side = "UA"
        elif re.search(r"(?i)росси|росі|рф\b|кремл|лнр|днр|москв", phrase):
            side = "RU"
        name = _english_head(phrase)
        if named is not None:   # an official not in claimants.json: "начальник Київської ОВА Микола Калашник"
            name = " ".join(transliterate(_lemma(w, self.lang), self.lang) for w in named.group(0).split())
        if name is None and side is None:
            return Attribution(None, None, a, b, kind="pronoun", head="he")
        return Attribution(name, side, a, b, kind=kind)

    def _person(self, phrase: str):
        toks = _NAME_TOKEN.findall(phrase)
        for k, tok in enumerate(toks):
            cands = [tok, _lemma(tok, "ru"), _lemma(tok, "uk")]
            stripped = re.sub(r"(?:ого|ому|ым|им|ом|ою|ой|ій|у|а|е|ю|і|я)$", "", tok)
            cands += [stripped, stripped + "ий", stripped + "ь"]
            for c in cands:
                known = self.claimants.person(c) if len(c) > 2 else None
                if known is None:
                    continue
                if re.fullmatch(r"[A-Za-z'\- ]+", c):
                    return c, known
                latin = _latin_surnames().get(c.casefold()) or transliterate(c, self.lang)
                first = ""
                if k > 0 and re.fullmatch(r"\s+", phrase[phrase.find(toks[k - 1]) + len(toks[k - 1]):phrase.find(tok)] or " "):
                    prev = toks[k - 1]
                    if not _HEADS.fullmatch(prev) and not re.search(r"(?i)ськ|ской|ского|ської", prev):
                        first = transliterate(_lemma(prev, self.lang if self.lang in ("ru", "uk") else "ru"), self.lang) + " "
                return first + latin, known
        return None


# ---- helpers ------------------------------------------------------------------------------
_COMPOUND_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:атак(?:а|и|у|ой|ою|ам|ами|ах|е|і)?|угроз\w*|загроз\w*|опасност\w*|небезпек\w*|обломк\w*|уламк\w*|фрагмент\w*|остатк\w*|залишк\w*|"
    r"падени\w*|падінн\w*|производств\w*|виробництв\w*|поставк\w*|постачанн\w*|налет\w*|наліт\w*|нальот\w*|удар(?:а|ом|у|ы|ів|ов|ами|и|ах)?|"
    r"обстрел\w*|обстріл\w*|операторы|оператори|операторов|операторів|применени\w*|застосуванн\w*|тревог\w*|тривог\w*|"
    r"сбитого|збитого|сбитых|збитих|сбитой|збитої|пусков\w*|пускові|запасы|запаси|режим\w*)\s+(?:[\w'’«»\"“”-]+\s+){0,2}$"
)
_OWN_CHANNEL = re.compile(r"(?i)(?<![\w])(?:в|у|на)\s+(?:своем|своём|своєму|своему|своей|своїй|официальном|офіційному|личном|особистому)?\s*"
                          r"(?:telegram|телеграм|телеграмм|фейсбук|facebook)?[- ]?(?:канале|каналі|каналу|странице|сторінці|аккаунте|акаунті)(?![\w])")
_BACKGROUND = re.compile(r"(?i)\s*(?:ранее|раніше|до этого|до цього|перед цим|перед этим|напомним|нагадаємо|нагадуємо|накануне|напередодні|"
                         r"вчера|вчора|позавчера|позавчора|в прошлом|минулого|у минулому|кроме того, ранее)(?![\w])")
_BULLET = re.compile(r"\s*(?:[–—•·*-]|\d{1,2}[.)])\s+")
_QUOTE_END = re.compile(r"[»”\"]\s*,?\s*[-–—]+\s*(?=(?:" + _REPORT + r"|говорится|йдеться|ідеться|сказано|зазначається)(?![\w-]))")
_TARGET_OF = re.compile(
    r"(?i)(?<![\w])(?:позици\w*|позиці\w*|объект\w*|об['’]єкт\w*|пункт\w*|склад\w*|скоплени\w*|скупченн\w*|техник\w*|технік\w*|"
    r"аэродром\w*|аеродром\w*|подразделени\w*|підрозділ\w*)\s+(?:(?P<ua>всу|украинск\w*|киевского режима)|(?P<ru>окупант\w*|російськ\w*|рф|ворога))(?![\w])")
_FULL_NAME = re.compile(r"(?<![\w'’-])[А-ЯІЇЄҐ][а-яіїєґё'’]{2,}\s+[А-ЯІЇЄҐ][а-яіїєґё'’-]{2,}$")
_PREDICATE_MODEL = re.compile(r"(?i)\s+(?:були|был|были|було|є|это|це|—|–|-)\s+(?:[а-яіїєґ'’]+(?:ими|ыми|ім|им|і|ые|ие)\s+){0,2}[«\"“]?")
_ORIGIN_LIST_GAP = re.compile(r"(?i)\s*(?:,|і|та|и|й)\s*(?:(?:з|із|зі|из|с|со)\s+)?(?:(?:напрямк\w*|напрямів|направлени\w*|району|районів|района|районов)\s*:?\s*)?")
_MISSILE_KIND = re.compile(r"(?i)(?<![\w])(?:крилат|крылат|балістичн|баллистическ|аеробалістичн|аэробаллистическ|керован\w* авіаційн|управляем\w* авиационн)\w*")
_ALSO = re.compile(r"(?i)(?:,\s*(?:а\s+)?(?:також|также|ещё|еще|ще)|,\s*а\s+ще|\s(?:та|і|и|й)|,)\s*$")
_DIRECTION_KEY = re.compile(r"напрям|направлен|район")
_DIRECTION_HEAD = re.compile(r"(?i)(?<![\w])(?:з|із|зі|с|со|из|от|від)\s+(?:[\w'’-]+\s+){0,2}?(?:напрямк\w*|напрямів|направлени\w*|районів|районов)\s*:?\s*")
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:і|та|и|й)\s+")


def _direction_list_before(text: str, head_from: int, start: int) -> bool:
    """Is the place at ``start`` an item of "з напрямків: Курськ, Орел та Міллерово"?

    Read as head + items split on separators (linear), not one regex with nested
    quantifiers, which was slow on long windows.
    """
    for head in _DIRECTION_HEAD.finditer(text, head_from, start):
        rest = text[head.end():start]
        if not rest:
            return True
        if any(c in rest for c in ".;:()"):
            continue
        items = _LIST_SEPARATOR.split(rest)
        # every earlier item is one or two words, and the place comes right after a separator
        if items[-1] == "" and len(items) <= 13 and all(1 <= len(i.split()) <= 2 and 2 <= len(i) <= 81 for i in items[:-1]):
            return True
    return False
_RELATIVE = re.compile(r"(?i),\s*(?:которые|который|которая|которое|которых|які|який|яка|яке|яких|що)\b[^,;.:!?]{0,80},")
_APPOSED = re.compile(r"(?i)[\s,]*(?:(?:ймовірно|вероятно|імовірно|предположительно|типа|типу|марки|модели|моделі|а саме|а именно|зокрема|в частности)[\s,:]*)?[«\"“„]?\s*|\s*[:—–-]\s*[«\"“„]?")
_VAGUE_BEFORE = re.compile(r"(?i)(?<![\w])(?:несколько|кілька|декілька|ряд|десятк\w*|сотн\w*|много|багато|масованої|массированной|"
                           r"групи|групп\w*|груп|хвил\w*|волн\w*|атак\w*|загроз\w*|угроз\w*|небезпек\w*|опасност\w*|обломк\w*|уламк\w*)\s+"
                           r"(?:[\w'’«»\"“”-]+\s+){0,2}$")
_ALL_OF = re.compile(r"(?i)(?<![\w])(?:все они|все из них|все их|их все|всі вони|усі вони|всіх їх|їх усі|їх всі|усіх їх|все цели|всі цілі|усі цілі)(?![\w])")
_LOCATIVE_LEAD = re.compile(
    r"(?i)(?<![\w])(?:над|в|во|у|на|под|під|біля|возле|около|поблизу|по|проти|против|в районе|у районі|в небе над|у небі над|"
    r"над территорией|над територією|над акваторией|над акваторією|в пределах|в межах|у межах)\s+"
    r"(?:(?:территорией|територією|акваторией|акваторією|районом|району|области|області|небом)\s+)?(?:[\w'’-]+\s+){0,1}$"
)
_OBJECT_LEAD = re.compile(r"(?i)(?<![\w])(?:атакува\w*|атакова\w*|атаку\w*|ударил\w*|вдарил\w*|вдарив|обстріля\w*|обстреля\w*)\s+(?:[\w'’-]+\s+){0,3}$")
_OBJECT_AFTER = re.compile(r"(?i)\s+(?:[\w'’-]+\s+){0,1}(?:атакува\w*|атакова\w*|атаку\w*|обстріля\w*|обстреля\w*)(?![\w])")
_POSSESSOR_LEAD = re.compile(r"(?i)(?<![\w])(?:защитник\w*|захисник\w*|сил\w*|оборон\w*|армі\w*|арми\w*|войск\w*|військ\w*|ппо|пво|зсу|всу|"
                             r"министерств\w*|міністерств\w*|президент\w*|народ\w*|посольств\w*|генштаб\w*)\s+$")
_ORIGIN_LEAD = re.compile(
    r"(?i)(?<![\w])(?:из|с|со|з|із|зі|от|від)\s+(?:(?:напрямк\w*|направлени\w*|напрямів|районов|району|района|районів|"
    r"акватор\w*|территори\w*|територі\w*|півночі|півдня|сходу|заходу|севера|юга|востока|запада|північної частини|"
    r"северной части|східного узбережжя|восточного побережья|тимчасово окупован\w*|временно оккупированн\w*|окупован\w*|"
    r"аэродром\w*|аеродром\w*|[\w'’-]+ напрямку|[\w'’-]+ направлени\w*)[\s:]+){0,3}(?:[\w'’-]+\s+){0,1}$"
)
_ZONES = {"центр": "central Ukraine", "південь": "southern Ukraine", "схід": "eastern Ukraine", "захід": "western Ukraine",
          "північ": "northern Ukraine", "юг": "southern Ukraine", "восток": "eastern Ukraine", "запад": "western Ukraine",
          "север": "northern Ukraine"}
_COMMAND_ZONE = re.compile(r"(?i)(?:зон\w* відповідальності\s+(?:повітряного\s+)?(?:командування\s+)?|зон\w* ответственности\s+(?:воздушного\s+)?(?:командования\s+)?|"
                           r"[—–]\s*)[«\"“„](?P<zone>центр|південь|схід|захід|північ|юг|восток|запад|север)[»\"”]")
_ANAPHORA_STEMS = ("регион", "област", "регіон", "місто", "міст", "город", "столиц", "территор", "територ")
_ANAPHORA = re.compile(r"(?i)(?<![\w])(?:(?:над )?территори\w* (?:региона|области|регіону|області)|"
                       r"(?:районів|районах|районе|районі|районов|громад\w*|населених пунктах|населенных пунктах) (?:області|области|регіону|региона)|над регионом|в регионе|по региону|над областью|в области|по области|над областю|в області|"
                       r"над містом|в місті|у місті|над городом|в городе|по городу|по місту|над столицей|над столицею|столицю|столицу|"
                       r"в столице|у столиці|по столиці|по столице|української столиці|российской столицы)(?![\w])")
_ABOUT_THIS = re.compile(r"(?i)(?<![\w])(?:об этом|про це|о чем|про що|эту информацию|цю інформацію|это|це|такі дані|такие данные)\s+"
                         r"(?:[\w'’-]+\s+){0,6}?(?:" + _REPORT + r")(?![\w])")
_PARTICIPLE_MOD = re.compile(r"(?i)(?:летевш\w*|летіл\w*|летел\w*|направлявш\w*|направляющ\w*|прямувал\w*|рухал\w*|выпущенн\w*|випущен\w*|запущенн\w*|сбитого|сбитых|збитих|"
                             r"пусков\w*|пускові|атакующ\w*|атакуюч\w*|запуск\w* которых)")


def _pin(f: RawFigure, a: int, b: int, s_start: int, lead_start: int | None = None, keep_start: bool = False,
         only_these: bool = False) -> None:
    """Give the places in ``text[a:b]`` (before or inside the figure's clause) to the figure.

    The figure's span is never moved: it keeps covering the words the count was read from.
    """
    f.places_from = lead_start if lead_start is not None and lead_start < a else a
    f.scope_end = b if only_these else max(f.scope_end, b)


def _action_of(m: re.Match) -> str:
    if m.group("remain"):
        return "negated"   # "ще 1 БпЛА залишався в повітрі": not an event figure of its own
    for name in ("lost", "intercepted", "impacted", "launched"):
        if m.group(name):
            return name
    return "launched"


def _clause_start(text: str, s_start: int, pos: int) -> int:
    st = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, pos):
        st = m.end()
    return st


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, limit)
    return m.start() if m else limit


def _share_chain_actions(text: str, figures: list[RawFigure]) -> None:
    """"шесть управляемых авиабомб, две ракеты и 1662 беспилотника" share the verb of the list."""
    for i in range(1, len(figures)):
        f, prev = figures[i], figures[i - 1]
        if f.action is None and prev.action and re.fullmatch(r"(?i)[\s,]*(?:и|і|та|й|а также|а також|або|или)?[\s,]*", text[prev.end:f.start]):
            f.action = prev.action
    for i in range(1, len(figures)):
        f, prev = figures[i], figures[i - 1]
        gap = text[prev.end:f.start]
        if f.action is None and prev.action and not f.elliptical and re.fullmatch(r"\s*[:;]\s*(?:[–—•·*-]\s+)?", gap):
            f.action = prev.action   # "атакував 741 засобом повітряного нападу: 728 ударними БпЛА …", bulleted lists
            f.including = prev.including or ":" in gap
            f.attacker = f.attacker or prev.attacker
        if f.action is None and prev.action and not f.elliptical and f.start - prev.end < 300 \
                and _ALSO.search(text, max(prev.end, f.start - 25), f.start):
            f.action = prev.action   # "атакував 98 БпЛА з напрямків: Курськ, Орел, а також 4 ракетами"
    for i in range(len(figures) - 2, -1, -1):
        f, nxt = figures[i], figures[i + 1]
        if f.action is None and nxt.action and re.fullmatch(r"(?i)[\s,]*(?:и|і|та|й|а также|а також|або|или)?[\s,]*", text[f.end:nxt.start]):
            f.action = nxt.action


def _short_plain_gap(text: str, a: int, b: int) -> bool:
    """"все выпущенные по городу ракеты": words between "все" and the noun, no punctuation."""
    gap = text[a:b]
    if len(gap) > 50 or re.search(r"[,;:.()]", gap):
        return False
    return True


def _choose(cands: list[Attribution], figures: list[RawFigure]) -> Attribution | None:
    if not cands:
        return None
    if not figures:
        return cands[0]
    first = figures[0].start
    before = [c for c in cands if c.start < first]
    return before[-1] if before else cands[0]


def _np_after(after: str) -> str:
    """The subject after a reporting verb: "сообщил губернатор Вячеслав Гладков", "отметили в Минобороны"."""
    m = re.match(r"(?i)\s*(?:(?:на|в|у)\s+(?:своем|своём|своєму|своему|своїй|своей)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:(?:в|у|во)\s+)?"
                 r"(?P<np>[^,;.:\"“”«»()\n]{2,120}?)(?=\s*(?:[,;.:\"“”«»()\n]|$|\s+(?:в своем|в своём|у своєму|в telegram|у telegram|в телеграм|у телеграм|"
                 r"на своей|на своем|на сторінці|на странице|что|що|о том|про те|об |про |в ходе|під час|в эфире|в ефірі|во время|у )))", after)
    if not m:
        return ""
    return m.group("np").strip()


def _np_before(sent: str, verb_pos: int) -> tuple[str, int]:
    left = sent[max(0, verb_pos - 160):verb_pos]
    offset = max(0, verb_pos - 160)
    cut = max(left.rfind(c) for c in ".;:\"“”«»(")
    for m in re.finditer(r"(?i)(?<![\w])(?:что|що|как|як|и|і|та|а|но|але)\s|[–—]\s|,\s", left):
        cut = max(cut, m.end() - 1)
    seg = left[cut + 1:]
    np = seg.strip(" ,")
    np = re.sub(r"(?i)^(?:также|також|ранее|раніше|позже|пізніше|затем|потім|кроме того|крім того|тем временем|тим часом|"
                r"во вторник|в понедельник|в среду|в четверг|в пятницу|в субботу|в воскресенье|сегодня|сьогодні|вчера|вчора)\s*,?\s*", "", np)
    np = re.sub(r"(?i)\s+(?:также|також|ранее|раніше|уже|вже|позже|пізніше|дополнительно|додатково)$", "", np)
    if not np or len(np) > 130:
        return "", 0
    idx = seg.find(np)
    return np, offset + cut + 1 + max(0, idx)


_HEAD_EN = [
    (r"телеграм-канал|telegram-канал|телеграм канал", "Telegram channels"),
    (r"моніторингов|мониторингов", "Monitoring channels"),
    (r"представител\w* (?:аннексированной )?лнр|представник\w* лнр", "LNR representatives"),
    (r"губернатор", "governor"),
    (r"мэр|мер\b|міськ\w* голов", "mayor"),
    (r"пресс-служб|прес-служб|пресслужб", "press service"),
]


def _english_head(phrase: str) -> str | None:
    for pat, name in _HEAD_EN:
        if re.search(pat, phrase, re.I):
            return name
    return None


_PLACE_MEMO: dict = {}


def _places(text: str, start: int, end: int, lang: str):
    """Place mentions of a span (recent answers are kept: one sentence asks several times)."""
    key = (id(text), len(text), start, end, lang)
    hit = _PLACE_MEMO.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    try:
        from skyledger.places import find_places
    except ImportError:
        return []
    try:
        found = find_places(text, start, end, lang=lang)
    except Exception:
        found = []
    if len(_PLACE_MEMO) > 32:
        _PLACE_MEMO.clear()
    _PLACE_MEMO[key] = (text, found)
    return found
