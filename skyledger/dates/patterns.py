"""The time expressions we recognise, one bounded regex per construction and language group.

Each ``Rule`` pairs a compiled pattern with a builder (``builders.py``) that
reads a match into ``TimeMention`` fields, and with a cheap trigger word
that every match contains.  Patterns contain only bounded repetition (``\\s{1,3}``, ``{0,4}``) and no nested quantifiers,
so their cost stays linear in the text.  English month and weekday names are
matched case-sensitively; the rest of the English wording through ``(?i:…)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from skyledger.dates.builders import (
    Builder,
    read_calendar,
    read_from_evening,
    read_night,
    read_night_dated,
    read_night_weekday,
    read_numeric,
    read_period,
    read_relative,
    read_weekday_cyr,
    read_weekday_en,
    read_window,
)
from skyledger.dates.records import (
    CALENDAR, DAY, MONTH, NIGHT, PERIOD, RELATIVE_DAY, SEASON, WAR, WEEK, WEEKDAY, WINDOW, YEAR,
)
from skyledger.dates.vocabulary import MONTH_CYR, MONTH_EN, WEEKDAY_CYR, WEEKDAY_EN


@dataclass(frozen=True, slots=True)
class Rule:
    """One construction: its pattern, the kind it yields and how to read a match."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    # A cheap pattern every match must contain; the full pattern only runs
    # near its hits, which keeps scanning fast on long texts.
    trigger: re.Pattern[str] | None = None


# No match of any rule is longer than this, so a rule's matches lie within
# REACH characters of a trigger hit.
REACH = 120


# --- shared fragments --------------------------------------------------------

S = r"\s{1,3}"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
YEAR_NUM = r"(?:19|20)\d\d"
ORD = r"(?:st|nd|rd|th)?"
DATE_EN = (
    rf"(?:{DAY_NUM}{ORD}{S}(?:of{S})?{MONTH_EN}|{MONTH_EN}{S}{DAY_NUM}{ORD}(?![\d:]))"
    rf"(?:,?{S}{YEAR_NUM}\b)?"
)
DATE_CYR = (
    rf"{DAY_NUM}(?:-?го)?{S}{MONTH_CYR}"
    rf"(?:{S}{YEAR_NUM}(?:\s{{0,2}}(?:года|году|г\.|року|році|р\.))?)?"
)
_CYR_LETTER = "а-яёіїєґ"
NOT_CYR = rf"(?![{_CYR_LETTER}])"

# --- English -----------------------------------------------------------------

_TZ_EN = r"(?:\s{0,2}\(?(?i:Kyiv|Kiev|Moscow|local|GMT|UTC)(?:\s(?i:time))?\)?)?"


def _clock_en(n: int) -> str:
    return (
        rf"(?P<h{n}>2[0-3]|[01]?\d)(?:[:.](?P<mi{n}>[0-5]\d))?(?:\s?(?P<ap{n}>[aApP])\.?[mM]\b\.?)?{_TZ_EN}"
    )


EN_RULES: tuple[Rule, ...] = (
    Rule("window", re.compile(
        rf"\b(?i:from|between|since){S}{_clock_en(1)}(?:,?{S}(?i:on{S})?(?P<date1>{DATE_EN}))?"
        rf"(?:{S}(?i:to|until|till|and){S}{_clock_en(2)}(?:,?{S}(?i:on{S})?(?P<date2>{DATE_EN}))?)?"
    ), read_window),
    Rule("night_dated", re.compile(
        rf"(?P<lead>\b(?i:(?:the{S})?night{S}(?:of|to|into|before)|overnight{S}(?:into|to|on)){S})"
        rf"(?P<date>(?:{MONTH_EN}{S}{DAY_NUM}{ORD}(?:\s?(?:[-–/]|to|into)\s?{DAY_NUM}{ORD})?"
        rf"|{DAY_NUM}{ORD}(?:\s?(?:[-–/]|to|into)\s?{DAY_NUM}{ORD})?{S}(?:of{S})?{MONTH_EN})"
        rf"(?:,?{S}{YEAR_NUM}\b)?)"
    ), read_night_dated),
    Rule("weekday", re.compile(
        rf"(?P<pre>\b(?i:(?:late|early){S}(?:on{S})?|(?:the{S})?night{S}(?:of|to|into){S}"
        rf"|overnight{S}(?:(?:into|to|on){S})?|(?:in{S})?the{S}early{S}hours{S}of{S}|on{S}))?"
        rf"\b(?P<wd>{WEEKDAY_EN})(?P<post>{S}(?i:night|evening|morning|afternoon)\b)?"
    ), read_weekday_en),
    Rule("calendar", re.compile(
        rf"(?P<pre>\b(?i:late{S}on|early{S}on){S})?"
        rf"(?:(?P<wd>{WEEKDAY_EN}),?{S})?\b(?P<date>{DATE_EN})"
        rf"(?P<rel>,?{S}(?i:this|last){S}(?i:year)\b)?"
    ), read_calendar),
    Rule("numeric_date", re.compile(
        rf"\b(?:(?P<nd>{DAY_NUM})[./](?P<nm>1[0-2]|0?[1-9])[./](?P<ny>{YEAR_NUM})"
        rf"|(?P<iy>{YEAR_NUM})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9]))\b"
    ), read_numeric),
    Rule("night", re.compile(
        rf"(?i:\b(?:overnight|over{S}night|last{S}night|tonight|(?:this|the){S}(?:past|last|previous){S}night"
        rf"|(?:during|in|through|throughout|over){S}the{S}night|the{S}night{S}before"
        rf"|(?:in{S})?the{S}early{S}hours(?:{S}of{S}(?:the{S})?(?:morning|today))?"
        rf"|(?:in{S})?the{S}small{S}hours|early{S}(?:this|today){S}morning)\b)"
    ), read_night),
    Rule("relative_day", re.compile(
        rf"(?i:\b(?:today|this{S}(?:morning|afternoon|evening)|earlier{S}today|later{S}today"
        rf"|earlier{S}this{S}morning|the{S}day{S}before{S}yesterday|late{S}yesterday"
        rf"|yesterday(?:{S}(?:morning|afternoon|evening))?|the{S}previous{S}(?:day|morning|evening)"
        rf"|the{S}day{S}before|(?:a|one){S}day{S}(?:earlier|before|after)"
        rf"|(?:two|three|[23]){S}days{S}(?:ago|earlier))\b)"
    ), read_relative),
    Rule("period_day", re.compile(
        rf"(?i:\b(?:(?:over|in|during|within|for){S}(?:the{S})?)?(?:past|last|previous){S}(?:24|twenty-four){S}hours"
        rf"|\b(?:over|in|during){S}the{S}(?:past|last){S}day\b)"
    ), read_period(DAY)),
    Rule("period_week", re.compile(
        rf"(?i:\b(?:earlier{S}(?:this|in{S}the){S}week|this{S}week|last{S}week|during{S}the{S}week"
        rf"|(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}(?:week|seven{S}days|7{S}days)"
        rf"|a{S}week{S}(?:ago|earlier)|(?:over|on|during|at){S}the{S}weekend|(?:this|last){S}weekend)\b)"
    ), read_period(WEEK)),
    Rule("period_month", re.compile(
        rf"(?i:\b(?:(?:earlier{S})?this{S}month|last{S}month|in{S}recent{S}months"
        rf"|(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}"
        rf"(?:month|(?:\d{{1,2}}|two|three|four|five|six|few|several){S}months))\b)"
        rf"|\b(?i:in|during|since|throughout|for){S}(?:{MONTH_EN})(?:{S}{YEAR_NUM}\b|(?!\s{{0,3}}\d))"
    ), read_period(MONTH)),
    Rule("period_season", re.compile(
        rf"(?i:\b(?:(?:during|in|over|throughout){S}(?:the{S})?|this{S}|last{S}|past{S})"
        rf"(?:winter|summer|spring|autumn)(?:{S}months)?\b)"
    ), read_period(SEASON)),
    Rule("period_year", re.compile(
        rf"(?i:\b(?:this{S}year|last{S}year|so{S}far{S}this{S}year"
        rf"|since{S}the{S}(?:start|beginning){S}of{S}(?:the{S}|this{S})?year)\b)"
        rf"|\b(?i:in|during|throughout){S}{YEAR_NUM}\b"
    ), read_period(YEAR)),
    Rule("period_war", re.compile(
        rf"(?i:\bsince{S}the{S}(?:start|beginning|outbreak){S}of{S}(?:the{S})?(?:full-scale{S}|full{S}scale{S})?"
        rf"(?:invasion|war)\b)"
    ), read_period(WAR)),
)


# --- Russian and Ukrainian ---------------------------------------------------

_TZ_CYR = rf"(?:{S}(?:по{S})?(?:московскому|киевскому|київським|київському|мск)(?:{S}(?:времени|часом|часу))?)?"


def _clock_cyr(n: int) -> str:
    return rf"(?P<h{n}>2[0-3]|[01]?\d)[:.](?P<mi{n}>[0-5]\d){_TZ_CYR}"


_PART_CYR = (
    r"(?:утром|вечером|днем|днём|ночью|вночі|уночі|вранці|зранку|уранці|ввечері|увечері|вдень"
    rf"|поздно{S}вечером|пізно{S}(?:ввечері|увечері)|рано{S}утром)"
)
_WD_MOD_CYR = (
    r"(?:минувший|прошлый|прошлую|минувшую|прошлое|минувшее|эту|этот|это|минулий|минулу|минулої|цей|цю|ту)"
)
_MONTH_LOC = (
    r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
    r"|січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні)"
)
_COUNT_WORD = rf"(?:\d{{1,3}}|[{_CYR_LETTER}]{{3,12}})"

CYR_RULES: tuple[Rule, ...] = (
    Rule("window", re.compile(
        rf"\b(?:с|со|з|із|від|от){S}{_clock_cyr(1)}(?:{S}(?P<date1>{DATE_CYR}))?"
        rf"(?:{S}(?:до|по){S}{_clock_cyr(2)}(?:{S}(?P<date2>{DATE_CYR}))?)?",
        re.I,
    ), read_window),
    Rule("night_dated", re.compile(
        rf"(?P<lead>\b(?:в|во|у){S}(?:ночь|ніч){S})"
        rf"(?P<date>(?:(?:с|з|із){S}{DAY_NUM}(?:{S}{MONTH_CYR})?{S})?(?:на|проти){S}{DATE_CYR})",
        re.I,
    ), read_night_dated),
    Rule("night_weekday", re.compile(
        rf"(?P<lead>\b(?:в|во|у){S}(?:ночь|ніч){S})(?:на|проти){S}(?P<wd>{WEEKDAY_CYR})"
        rf"(?:,?{S}(?P<date>{DATE_CYR}))?",
        re.I,
    ), read_night_weekday),
    Rule("from_evening", re.compile(
        rf"\b(?:с|з|із){S}(?:(?:вечера|вечора){S}(?:(?P<date>{DATE_CYR})|(?P<wd>{WEEKDAY_CYR}))"
        rf"|(?P<wd2>{WEEKDAY_CYR}){S}(?:вечера|ввечері|увечері|вечером|вечора)|(?:вечера|вечора)\b)",
        re.I,
    ), read_from_evening),
    Rule("calendar", re.compile(
        rf"(?:\b(?P<pre>{_PART_CYR}),?{S})?"
        rf"(?:\b(?:в|во|у){S}(?:{_WD_MOD_CYR}{S})?(?P<wd>{WEEKDAY_CYR}),?{S})?"
        rf"\b(?P<date>{DATE_CYR})"
        rf"(?:{S}(?P<rel>этого|текущего|прошлого|цього|поточного|минулого){S}(?:года|року))?"
        rf"(?:,?{S}(?P<post>{_PART_CYR}))?{NOT_CYR}",
        re.I,
    ), read_calendar),
    Rule("numeric_date", re.compile(
        rf"\b(?:(?P<nd>{DAY_NUM})\.(?P<nm>1[0-2]|0?[1-9])\.(?P<ny>{YEAR_NUM})"
        rf"|(?P<iy>{YEAR_NUM})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9]))\b"
    ), read_numeric),
    Rule("weekday", re.compile(
        rf"(?:\b(?P<pre>{_PART_CYR}){S})?\b(?:в|во|у){S}(?:{_WD_MOD_CYR}{S})?(?P<wd>{WEEKDAY_CYR})"
        rf"(?:{S}(?P<post>{_PART_CYR}){NOT_CYR})?",
        re.I,
    ), read_weekday_cyr),
    Rule("night", re.compile(
        rf"\b(?:(?:этой|сегодня|прошлой|минувшей|прошедшей|вчера){S}ночью|ночью"
        rf"|за{S}(?:(?:минувшую|прошедшую|прошлую|эту|минулу|цю){S})?(?:ночь|ніч)"
        rf"|в{S}течение{S}ночи|(?:протягом|упродовж|впродовж){S}ночі"
        rf"|(?:сьогодні|минулої|вчора|учора){S}(?:вночі|уночі)|(?:цієї|минулої){S}ночі|вночі|уночі"
        rf"|ночн(?:ая|ой|ую|ые|ых|ым|ыми|ое){S}(?:[{_CYR_LETTER}]{{3,14}}{S})?"
        rf"(?:атак|удар|налет|налёт|обстрел)[{_CYR_LETTER}]{{0,4}}"
        rf"|нічн(?:а|ої|у|ій|і|их|им|ими|е|ого){S}(?:[{_CYR_LETTER}']{{3,14}}{S})?"
        rf"(?:атак|удар|обстріл|нальот)[{_CYR_LETTER}]{{0,4}}"
        rf"|(?:вчера{S}|вчора{S}|учора{S})?(?:поздно{S}вечером|пізно{S}(?:ввечері|увечері)))"
        rf"{NOT_CYR}",
        re.I,
    ), read_night),
    Rule("relative_day", re.compile(
        rf"\b(?:сегодня(?:{S}(?:утром|днем|днём|вечером))?"
        rf"|сьогодні(?:{S}(?:вранці|зранку|вдень|ввечері|увечері))?"
        rf"|вчера(?:{S}(?:утром|днем|днём|вечером))?|(?:вчора|учора)(?:{S}(?:вранці|зранку|вдень|ввечері|увечері))?"
        rf"|позавчера|позавчора|накануне|напередодні|утром|вранці|зранку|уранці|вечером|ввечері|увечері)"
        rf"{NOT_CYR}",
        re.I,
    ), read_relative),
    Rule("period_day", re.compile(
        rf"\b(?:за{S}(?:(?:прошедшие|минувшие|последние|истекшие){S})?сутки"
        rf"|в{S}течение{S}(?:(?:прошедших|минувших|последних){S})?суток"
        rf"|за{S}(?:(?:минулу|останню|цю){S})?добу|(?:протягом|упродовж|впродовж){S}(?:(?:минулої|останньої){S})?доби"
        rf"|за{S}(?:последние|останні){S}24{S}(?:часа|години))"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(DAY)),
    Rule("period_week", re.compile(
        rf"\b(?:за{S}(?:(?:прошедшую|минувшую|последнюю|эту){S})?неделю|на{S}(?:этой|прошлой|минувшей){S}неделе"
        rf"|в{S}течение{S}недели|в{S}начале{S}(?:этой{S})?недели|на{S}(?:прошлых{S}|минувших{S})?выходных"
        rf"|на{S}(?:минулих{S})?вихідних"
        rf"|за{S}(?:(?:минулий|останній|цей){S})?тиждень|(?:цього|минулого){S}тижня"
        rf"|на{S}(?:цьому|минулому){S}тижні|(?:протягом|упродовж){S}тижня|на{S}початку{S}(?:цього{S})?тижня)"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(WEEK)),
    Rule("period_month", re.compile(
        rf"\b(?:за{S}(?:(?:прошедший|минувший|последний){S})?месяц|в{S}(?:этом|прошлом){S}месяце"
        rf"|в{S}последние{S}месяцы|за{S}последние{S}{_COUNT_WORD}{S}месяц[{_CYR_LETTER}]{{0,3}}"
        rf"|в{S}течение{S}{_COUNT_WORD}{S}месяц[{_CYR_LETTER}]{{0,3}}|в{S}начале{S}(?:этого{S})?месяца"
        rf"|за{S}місяць|(?:цього|минулого){S}місяця|на{S}початку{S}(?:цього{S}|минулого{S})?місяця"
        rf"|(?:протягом|упродовж|впродовж){S}{_COUNT_WORD}{S}місяц[{_CYR_LETTER}]{{0,3}}"
        rf"|за{S}останні{S}{_COUNT_WORD}{S}місяц[{_CYR_LETTER}]{{0,3}}|останніми{S}місяцями"
        rf"|(?:в|у){S}{_MONTH_LOC}(?:{S}{YEAR_NUM}(?:{S}(?:года|году|року|році))?)?)"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(MONTH)),
    Rule("period_season", re.compile(
        rf"\b(?:(?:этой|прошлой){S})?(?:зимой|летом|весной|осенью)|за{S}(?:зиму|лето|весну|осень|осінь|літо)"
        rf"|взимку|узимку|влітку|улітку|навесні|восени|(?:цієї|минулої){S}(?:зими|весни|осені)"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(SEASON)),
    Rule("period_year", re.compile(
        rf"\b(?:в{S}(?:этом|прошлом){S}году|с{S}начала{S}(?:этого{S})?года|за{S}год|(?:цього|минулого){S}року"
        rf"|з{S}початку{S}(?:цього{S})?року|за{S}рік|(?:в|у){S}{YEAR_NUM}{S}(?:году|році))"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(YEAR)),
    Rule("period_war", re.compile(
        rf"\b(?:с{S}начала{S}(?:специальной{S}военной{S}операции|СВО|спецоперации|войны|вторжения)"
        rf"|з{S}початку{S}(?:повномасштабного{S})?(?:вторгнення|війни))"
        rf"{NOT_CYR}",
        re.I,
    ), read_period(WAR)),
)


# Triggers run on the lower-cased text, as plain alternations of lower-case
# stems: much faster than case-insensitive patterns.
_EN_TRIGGERS: dict[str, str] = {
    "window": r"from|between|since",
    "night_dated": r"night",
    "weekday": r"monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "calendar": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "numeric_date": YEAR_NUM,
    "night": r"night|early|small",
    "relative_day": r"today|morning|afternoon|evening|yesterday|previous|day",
    "period_day": r"hours|day",
    "period_week": r"week|days",
    "period_month": r"month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "period_season": r"winter|summer|spring|autumn",
    "period_year": rf"year|{YEAR_NUM}",
    "period_war": r"invasion|war",
}
_MONTH_STEMS_CYR = (
    "январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    "|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд"
)
_CYR_TRIGGERS: dict[str, str] = {
    "window": r"\d[:.][0-5]\d",
    "night_dated": r"ночь|ніч",
    "night_weekday": r"ночь|ніч",
    "from_evening": r"вечер|вечор",
    "calendar": _MONTH_STEMS_CYR,
    "numeric_date": YEAR_NUM,
    "weekday": r"понед|вторн|сред|четв|пятн|суббот|воскрес|понеділ|вівтор|серед|ятниц|субот|неділ",
    "night": r"ноч|ніч|вечер",
    "relative_day": r"сегодн|сьогодн|вчера|вчора|учора|позавч|накануне|напередодн|утром|ранці|зранку|вечер",
    "period_day": r"сутки|суток|добу|доби|24",
    "period_week": r"недел|тижн|тиждень|выходн|вихідн",
    "period_month": rf"месяц|місяц|{_MONTH_STEMS_CYR}",
    "period_season": r"зим|лет|весн|осен|осін|літ",
    "period_year": rf"год|року|році|рік|{YEAR_NUM}",
    "period_war": r"начала|початку",
}


def _with_triggers(rules: tuple[Rule, ...], triggers: dict[str, str]) -> tuple[Rule, ...]:
    return tuple(replace(rule, trigger=re.compile(triggers[rule.name])) for rule in rules)


EN_RULES = _with_triggers(EN_RULES, _EN_TRIGGERS)
CYR_RULES = _with_triggers(CYR_RULES, _CYR_TRIGGERS)


def rules_for(lang: str | None) -> tuple[Rule, ...]:
    """English rules for English, Cyrillic rules for Russian and Ukrainian, both otherwise."""
    if lang == "en":
        return EN_RULES
    if lang in ("ru", "uk"):
        return CYR_RULES
    return EN_RULES + CYR_RULES


# Preference among overlapping mentions of equal length: the more specific kind wins.
KIND_RANK: dict[str, int] = {WINDOW: 0, NIGHT: 1, CALENDAR: 2, WEEKDAY: 3, RELATIVE_DAY: 4, PERIOD: 5}
