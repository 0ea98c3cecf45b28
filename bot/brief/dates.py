"""Timing: dates, months, quarters, seasons, calendar events and delays, resolved against `today`.

Everything without a year resolves to its *next* occurrence (the current one if it is not over).
Patterns run on the folded text (lower case, no accents) in a fixed order; each match blanks its
span so later patterns do not read it twice. Event dates are approximations good enough to plan
backwards from; the market calendars in the knowledge base hold the exact ones.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.brief.text import blank
from bot.models import Timing

D = dt.date

MONTHS: dict[str, int] = {
    "janvier": 1,
    "january": 1,
    "fevrier": 2,
    "february": 2,
    "mars": 3,
    "march": 3,
    "avril": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "june": 6,
    "juillet": 7,
    "july": 7,
    "aout": 8,
    "august": 8,
    "septembre": 9,
    "september": 9,
    "octobre": 10,
    "october": 10,
    "novembre": 11,
    "november": 11,
    "decembre": 12,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"janvier|january|fevrier|february|mars|march|avril|april|mai|may|juin|june|juillet|july|"
    r"aout|august|septembre|september|octobre|october|novembre|november|decembre|december"
)
_MONTH_ABBR_RE = r"jan|feb|apr|jun|jul|aug|sep|oct|nov|dec"
# Months as a range abbreviates them, English and French, accent-free.
_ABBR: dict[str, int] = {
    "jan": 1, "janv": 1, "feb": 2, "fev": 2, "fevr": 2, "mar": 3, "mars": 3, "apr": 4,
    "avr": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6, "jul": 7, "juil": 7, "aug": 8,
    "aout": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ABBR_ALT = "|".join(sorted(_ABBR, key=len, reverse=True))
_ABBR_MONTH_YEAR = re.compile(
    r"\b(jan|janv|feb|fev|fevr|apr|avr|jun|jul|juil|aug|sep|sept|oct|nov|dec)\.?\s+(20\d\d)\b"
)
_ABBR_RANGE = re.compile(rf"\b({_ABBR_ALT})\.?\s*[-–—/]\s*({_ABBR_ALT})\.?\s+(20\d\d)\b")
NUMBERS: dict[str, int] = {
    "un": 1,
    "une": 1,
    "one": 1,
    "a": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
    "onze": 11,
    "eleven": 11,
    "douze": 12,
    "twelve": 12,
    "quinze": 15,
    "fifteen": 15,
}
_NUMBER_RE = r"\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
SEASONS: dict[str, str] = {
    "printemps": "spring",
    "spring": "spring",
    "ete": "summer",
    "summer": "summer",
    "automne": "autumn",
    "autumn": "autumn",
    "fall": "autumn",
    "hiver": "winter",
    "winter": "winter",
}


@dataclass
class Found:
    start: int
    end: int
    first: D | None = None
    last: D | None = None
    events: list[str] = field(default_factory=list)
    seasons: list[str] = field(default_factory=list)
    deadline: bool = False


def month_end(year: int, month: int) -> D:
    return D(year, month, calendar.monthrange(year, month)[1])


def nth_weekday(year: int, month: int, weekday: int, n: int) -> D:
    """n-th `weekday` (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = D(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> D:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return D(year, month, day)


def add_months(day: D, months: int) -> D:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return D(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# Movable dates (approximate, from public calendars) for the years Levier plans in.
_CHINESE_NEW_YEAR = {
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2027: D(2027, 2, 6),
    2028: D(2028, 1, 26),
    2029: D(2029, 2, 13),
    2030: D(2030, 2, 3),
}
_RAMADAN = {
    2025: (D(2025, 3, 1), D(2025, 3, 30)),
    2026: (D(2026, 2, 18), D(2026, 3, 19)),
    2027: (D(2027, 2, 8), D(2027, 3, 9)),
    2028: (D(2028, 1, 28), D(2028, 2, 26)),
    2029: (D(2029, 1, 16), D(2029, 2, 14)),
    2030: (D(2030, 1, 6), D(2030, 2, 4)),
}


def _cny(y: int) -> tuple[D, D]:
    day = _CHINESE_NEW_YEAR.get(y, D(y, 2, 1))
    return day - dt.timedelta(days=14), day + dt.timedelta(days=14)  # the festive season


# Qixi, the seventh day of the seventh lunar month (the Chinese Valentine's Day).
_QIXI = {2026: D(2026, 8, 19), 2027: D(2027, 8, 8), 2028: D(2028, 8, 26)}


def _qixi(y: int) -> tuple[D, D]:
    day = _QIXI.get(y, D(y, 8, 15))
    return day, day


def _ramadan(y: int) -> tuple[D, D]:
    return _RAMADAN.get(y, (D(y, 3, 1), D(y, 3, 30)))


def _sales(y: int) -> tuple[D, D]:
    # French winter sales (≈ 2nd Wednesday of January, four weeks); see also summer sales
    return nth_weekday(y, 1, 2, 2), nth_weekday(y, 1, 2, 2) + dt.timedelta(days=27)


def _summer_sales(y: int) -> tuple[D, D]:
    start = nth_weekday(y, 6, 2, -1)
    return start, start + dt.timedelta(days=27)


def _black_friday(y: int) -> tuple[D, D]:
    friday = nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1)  # the day after Thanksgiving
    return friday, friday + dt.timedelta(days=3)


def _fixed(m1: int, d1: int, m2: int, d2: int) -> Callable[[int], tuple[D, D]]:
    return lambda y: (D(y, m1, d1), D(y, m2, d2))


def _week_of(month: int, weekday: int, n: int, days: int) -> Callable[[int], tuple[D, D]]:
    def window(y: int) -> tuple[D, D]:
        start = nth_weekday(y, month, weekday, n)
        return start, start + dt.timedelta(days=days)

    return window


def _from_table(table: dict[int, tuple[D, D]]) -> Callable[[int], tuple[D, D] | None]:
    return table.get


# Events that are not yearly (approximate dates).
_OLYMPICS = {
    2026: (D(2026, 2, 6), D(2026, 2, 22)),
    2028: (D(2028, 7, 14), D(2028, 7, 30)),
    2030: (D(2030, 2, 1), D(2030, 2, 17)),
    2032: (D(2032, 7, 23), D(2032, 8, 8)),
}
_WORLD_CUP = {  # 2027: the women's World Cup, in Brazil
    2026: (D(2026, 6, 11), D(2026, 7, 19)),
    2027: (D(2027, 6, 24), D(2027, 7, 25)),
    2030: (D(2030, 6, 13), D(2030, 7, 21)),
}
_RUGBY_WORLD_CUP = {  # in Australia in 2027
    2027: (D(2027, 10, 1), D(2027, 11, 13)),
}
_EURO = {  # the men's European football championship (UK and Ireland in 2028)
    2028: (D(2028, 6, 9), D(2028, 7, 9)),
}

# event key → (phrases (folded, regex), window for a year, None when it does not happen)
EVENTS: list[tuple[str, str, Callable[[int], tuple[D, D] | None]]] = [
    (
        "chinese new year",
        r"chinese new year|lunar new year|nouvel an (?:chinois|lunaire)|"
        r"spring festival|fete du printemps chinois|cny",
        _cny,
    ),
    (
        "singles day",
        r"singles'? ?day|double (?:11|eleven|onze)|11[./]11|fete des celibataires",
        _fixed(11, 11, 11, 11),
    ),
    ("black friday", r"black friday|cyber monday|black week", _black_friday),
    (
        # the year-end holidays run to New Year's Eve, Christmas alone to the 25th
        "christmas",
        r"(?:les )?fetes de fin d'annee|holiday season|festive season",
        _fixed(12, 1, 12, 31),
    ),
    (
        "christmas",
        r"noel|christmas|xmas|les fetes|the holidays",
        _fixed(12, 1, 12, 25),
    ),
    (
        "new year",
        r"nouvel an|new year'?s? eve|new year|reveillon|saint[- ]sylvestre",
        _fixed(12, 31, 12, 31),
    ),
    (
        "qixi",
        r"qixi|chinese valentine'?s? day|chinese valentine|saint[- ]valentin chinoise|"
        r"double seventh",
        _qixi,
    ),
    (
        "valentine",
        r"(?<!chinese )(?:saint[- ]valentin(?! chinoise)|st[- ]valentin|valentine'?s? day|"
        r"valentines? day|valentine)",
        _fixed(2, 14, 2, 14),
    ),
    ("ramadan", r"ramadan|ramadhan|ramazan", _ramadan),
    ("sales", r"soldes d'ete|summer sales", _summer_sales),
    (
        "sales",
        r"(?:les |des |the |winter |january )?soldes(?: d'hiver)?|january sales|"
        r"winter sales",
        _sales,
    ),
    (
        "summer holidays",
        r"vacances d'ete|grandes vacances|summer (?:holidays?|break|vacations?)",
        _fixed(7, 4, 8, 31),
    ),
    ("back to school", r"back[- ]to[- ]school", _fixed(8, 15, 9, 10)),
    (
        "rentrée",
        # "la rentrée de janvier" (after the winter break) is January, not September
        r"(?:la |a la |de la |pour la |d'ici la )?rentree"
        r"(?! (?:de |d')(?:janvier|fevrier|mars|avril|novembre|hiver|la toussaint|noel|printemps))"
        r"(?: scolaire| de septembre)?",
        _fixed(9, 1, 9, 15),
    ),
    ("cannes lions", r"cannes lions", _week_of(6, 0, 3, 4)),
    ("vivatech", r"viva ?tech(?:nology)?", _week_of(6, 2, 2, 3)),
    ("mothers day", r"fete des meres|mother'?s'? day|mothers day", _week_of(5, 6, -1, 0)),
    ("fathers day", r"fete des peres|father'?s'? day|fathers day", _week_of(6, 6, 3, 0)),
    ("halloween", r"halloween", _fixed(10, 31, 10, 31)),
    ("dry january", r"dry january|janvier sobre", _fixed(1, 1, 1, 31)),
    ("movember", r"movember", _fixed(11, 1, 11, 30)),
    ("pride", r"pride month|pride week|mois des fiertes|marche des fiertes", _fixed(6, 1, 6, 30)),
    ("fete de la musique", r"fete de la musique", _fixed(6, 21, 6, 21)),
    ("easter", r"paques|easter", lambda y: (easter(y) - dt.timedelta(days=2), easter(y))),
    (
        "olympics",
        r"jeux olympiques|olympics|olympic games|les jo|jeux paralympiques|paralympics",
        _from_table(_OLYMPICS),
    ),
    (
        "euro",
        r"uefa euro(?: 20\d\d)?|euro 20(?:28|32)|l'euro 20(?:28|32)|"
        r"championnat d'europe de football",
        _from_table(_EURO),
    ),
    (
        "rugby world cup",
        r"coupe du monde de rugby|rugby world cup|mondial de rugby",
        _from_table(_RUGBY_WORLD_CUP),
    ),
    (
        "world cup",
        r"coupe du monde(?: de football)?|world cup|fifa world cup",
        _from_table(_WORLD_CUP),
    ),
    (
        "womens day",
        r"journee (?:internationale )?des (?:droits des )?femmes|"
        r"international women'?s day|women'?s day|8 mars",
        _fixed(3, 8, 3, 8),
    ),
]
_EVENT_RES = [(key, re.compile(rf"\b(?:{rx})\b(?:\s+(20\d\d)\b)?"), fn) for key, rx, fn in EVENTS]
_CES = re.compile(r"\bCES\b(?:\s+(20\d\d)\b)?")  # case-sensitive: "ces" is a French word


def _ces(y: int) -> tuple[D, D]:
    start = nth_weekday(y, 1, 1, 1)
    if start.day < 4:
        start += dt.timedelta(days=7)
    return start, start + dt.timedelta(days=3)


_SOUTHERN_SEASON = {"summer": "winter", "winter": "summer", "spring": "autumn", "autumn": "spring"}


def _season_window(season: str, y: int) -> tuple[D, D]:
    if season == "spring":
        return D(y, 3, 20), D(y, 6, 20)
    if season == "summer":
        return D(y, 6, 21), D(y, 9, 22)
    if season == "autumn":
        return D(y, 9, 23), D(y, 12, 20)
    return D(y, 12, 21), D(y + 1, 3, 19)


def next_window(
    window: Callable[[int], tuple[D, D] | None], today: D, *, strictly_after: bool = False
) -> tuple[D, D]:
    """The first occurrence that is not over (or, strictly, not started) at `today`."""
    last: tuple[D, D] | None = None
    for y in range(today.year - 1, today.year + 5):
        occurrence = window(y)
        if occurrence is None:
            continue
        start, end = occurrence
        last = occurrence
        if (start > today) if strictly_after else (end >= today):
            return start, end
    return last or (today, today)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return y + 2000 if y < 100 else y


_ISO = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(
    r"\b(?:(?:le|du|au|on|by|from|until|before|avant le|jusqu'au|d'ici le|des le|starting)\s+)?"
    r"(\d{1,2})/(\d{1,2})(?:/(20\d\d|\d\d))?\b"
)
_DAY_MONTH = re.compile(
    rf"\b(?:(?:le|du|au|on|by|from|until|avant le|jusqu'au|d'ici le|des le|the)\s+)?"
    rf"(\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE}|{_MONTH_ABBR_RE})\.?"
    rf"(?:,?\s+(20\d\d))?\b"
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE}|{_MONTH_ABBR_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)"
    rf"(?:,?\s+(20\d\d))?"
)
_QUALIFIER = (
    r"(?:(debut|early|beginning of|mi|mid|fin|late|end of|courant|en|in|d'ici|by|before|avant|"
    r"pour|for|from|des|starting|until|jusqu'en|jusqu'a)[\s-]+)?"
)
_MONTH_YEAR = re.compile(
    rf"\b{_QUALIFIER}(?:(?:le mois de|the month of)\s+)?({_MONTH_RE})(?:\s+(20\d\d))?\b"
)
# "Q2 next year", "T3 de l'an prochain": the year of the quarter just before
_NEXT_YEAR_AFTER = re.compile(
    r"\s*(?:of\s+|,\s*)?(?:next year|(?:de\s+)?l'an prochain|(?:de\s+)?l'annee prochaine)"
)
_QUARTER = re.compile(
    r"\b(?:(?:q|t)([1-4])(?:[\s-]*(20\d\d))?|(20\d\d)[\s-]*q([1-4])|"
    r"(premier|1er|deuxieme|second|2e|2nd|troisieme|3e|3rd|quatrieme|4e|4th|first|third|"
    r"fourth|dernier|last)\s+(?:trimestre|quarter)(?:\s+(?:de\s+|of\s+)?(20\d\d))?)\b"
)
_ORDINAL = {
    "premier": 1,
    "1er": 1,
    "first": 1,
    "deuxieme": 2,
    "second": 2,
    "2e": 2,
    "2nd": 2,
    "troisieme": 3,
    "3e": 3,
    "3rd": 3,
    "third": 3,
    "quatrieme": 4,
    "4e": 4,
    "4th": 4,
    "fourth": 4,
    "dernier": 4,
    "last": 4,
}
_HALF = re.compile(
    r"\b(?:h([12])|s([12]))[\s-]*(20\d\d)\b|\b(premier|second|1er|2nd|first)\s+"
    r"(?:semestre|half)(?:\s+(?:de\s+|of\s+)?(20\d\d))?\b"
    # "€120k for H1", "sur le S2": a half said without its year
    r"|(?:(?<=\bfor )|(?<=\bin )|(?<=\bover )|(?<=\bduring )|(?<=\bpour )|(?<=\ben )|"
    r"(?<=\bau )|(?<=\bsur )|(?<=\bdu )|(?<=\bthe )|(?<=\ble ))(?:h([12])|s([12]))(?![\w-])"
)
# University words: a student's "premier semestre" runs September to January. (A school's
# pupils and "harcèlement scolaire" keep the calendar's halves.)
_ACADEMIC = re.compile(
    r"\b(?:etudiants?|etudiantes?|students?|universit\w*|fac|facs|campus|grandes? ecoles?|"
    r"academic|universitaire)\b"
)
# a season said as a kind of product: "winter outerwear", "summer dresses", "spring collection"
_SEASON_PRODUCT = re.compile(
    r"[\s-]+(?:outerwear|coats?|jackets?|parkas?|clothing|clothes|wear|boots|tyres?|tires?|"
    r"collections?|range|ranges|dresses|shoes|sports?|gear|drinks?|cocktails?|"
    r"skincare|fashion|wardrobe|line|lines|edition|produce|vegetables|fruits?)\b"
)
_SEASON = re.compile(
    r"\b(?:(d'ici|avant|by|before|jusqu'a)\s+)?"
    r"(?:(?:l'|le |la |cet |ce |cette |this |the |en |au |in |in the |pour l'|for |d'|next |"
    r"early |late |debut |fin de l'|fin du |end of |during |durant l'|pendant l')\s*)?"
    r"(printemps|ete|automne|hiver|spring|summer|autumn|fall|winter)"
    r"(?:\s+(prochain|next|20\d\d))?\b"
)
_SEASON_NEEDS_ARTICLE = {"ete", "fall"}  # "a été", "sales fall": only with an article or a year
_RELATIVE = re.compile(
    rf"\b(dans|in|d'ici|within|sous|en moins de|in less than|under|under|over the next|"
    rf"d'ici a|au cours des|in the next|d'ici les)\s+({_NUMBER_RE})\s+"
    rf"(jours?|days?|semaines?|weeks?|mois|months?|ans?|years?)\b"
)
_NEXT = re.compile(
    r"\b(le mois prochain|next month|la semaine prochaine|next week|l'annee prochaine|"
    r"next year|l'an prochain|cette annee|this year|d'ici la fin de l'annee|by the end of the "
    r"year|by year end|by year-end|fin d'annee|end of the year|year end|d'ici la fin du mois|"
    r"fin du mois|end of the month)\b"
)
_BY_END_OF_YEAR = re.compile(
    r"\b(?:d'ici|by|avant|before)\s+(?:la\s+|the\s+)?(?:fin|end)(?:\s+of|\s+de|-)?\s*(20\d\d)\b"
)
_YEAR_ALONE = re.compile(
    r"\b(?:(debut|early|mi|mid|fin|late|courant|en|in|pour|for|from|des|d'ici|by|during|"
    r"pendant|starting)[\s-]+)?(20\d\d)\b"
)


def _qualify(qualifier: str | None, first: D, last: D) -> tuple[D, D]:
    """Narrow a period by "early/mid/late" (début/mi/fin)."""
    if not qualifier:
        return first, last
    part = {
        "debut": 0,
        "early": 0,
        "beginning of": 0,
        "mi": 1,
        "mid": 1,
        "fin": 2,
        "late": 2,
        "end of": 2,
    }.get(qualifier)
    if part is None:
        return first, last
    if (last - first).days > 200:  # a year: early = Q1, mid = May-Aug, late = Q4
        y = first.year
        return [(D(y, 1, 1), D(y, 3, 31)), (D(y, 5, 1), D(y, 8, 31)), (D(y, 10, 1), D(y, 12, 31))][
            part
        ]
    if (last - first).days > 40:  # a season or a quarter: thirds
        third = (last - first).days // 3
        return first + dt.timedelta(days=third * part), (
            last if part == 2 else first + dt.timedelta(days=third * (part + 1) - 1)
        )
    return [
        (first, first.replace(day=10)),
        (first.replace(day=11), first.replace(day=20)),
        (first.replace(day=21), last),
    ][part]


def _safe_date(y: int, m: int, d: int) -> D | None:
    try:
        return D(y, m, d)
    except ValueError:
        return None


# "before Forum InCyber in Lille (", "avant le Salon du Bourget, en": a named event, then its date
_BEFORE_NAMED = re.compile(
    r"\b(?i:before|ahead of|avant|en amont d[eu]|in the run-up to|leading up to)\s+"
    r"(?:the\s+|le\s+|la\s+|l['’]|du\s+)?[A-ZÀ-Ý][\w'’-]*"
    r"(?:\s+(?:(?:de|du|des|of|la|le)\s+)?(?:l['’]|d['’])?[A-ZÀ-Ý0-9][\w'’-]*){0,4}\s*"
    r"(?:(?:in|at|à|de)\s+[A-ZÀ-Ý][\w'’-]+\s*)?[(,]\s*(?:in\s+|en\s+|au\s+|this\s+|next\s+)?$"
)


# "avant l'échéance de (septembre 2027)", "ahead of the deadline in": a date to be ready by
# "before a Series B in late 2027", "avant notre levée de fonds fin 2027": a milestone the work
# must be done by, said with its date.
_BEFORE_MILESTONE = re.compile(
    r"\b(?i:before|ahead of|avant|en amont d[eu])\s+(?i:a |an |our |the |its |their |notre |nos |"
    r"la |le |l['’]|sa |son |une |un |leur )?[^.?!;]{0,25}?(?i:series [a-e]\b|ipo\b|"
    r"introduction en bourse|lev[ée]e de fonds|fundraising|funding round|tour de table|fundraise)"
    r"[^.?!;]{0,12}?(?:\b(?i:in|en|au|at|by|pour|for)\s+)?$"
)
_BEFORE_DUE = re.compile(
    r"\b(?i:before|ahead of|avant|en amont d[eu])\s+(?i:l['’]|le |la |les |the |its |son |sa )?"
    r"(?i:[ée]ch[ée]ance|deadline|date limite|entr[ée]e en vigueur|obligation|due date|"
    r"reform|r[ée]forme|cut-?off)\b[^.?!;]{0,30}$"
)


def find_timing(
    folded: str, original: str, today: D, language: str = "en", southern: bool = False
) -> list[Found]:
    """All timing expressions, each resolved to dates; `original` gives back case (CES)."""
    work = folded
    found: list[Found] = []

    def take(
        m: re.Match[str],
        first: D | None,
        last: D | None = None,
        events: list[str] | None = None,
        seasons: list[str] | None = None,
        deadline: bool = False,
    ) -> None:
        nonlocal work
        if (
            not deadline
            and first is not None
            and first > today
            and any(
                rx.search(original[max(0, m.start() - 80) : m.start()])
                for rx in (_BEFORE_NAMED, _BEFORE_DUE, _BEFORE_MILESTONE)
            )
        ):
            # "before Forum InCyber in Lille (spring 2027)": the date is the event's, and the
            # work must be done by then, not start then
            first, last, deadline = today, first - dt.timedelta(days=1), True
        found.append(Found(m.start(), m.end(), first, last, events or [], seasons or [], deadline))
        work = blank(work, m.start(), m.end())

    # 1. calendar events
    implicit: list[tuple[int, Callable[[int], tuple[D, D] | None]]] = []  # no year said
    for key, rx, fn in _EVENT_RES:
        for m in rx.finditer(work):
            explicit = fn(int(m.group(1))) if m.group(1) else None
            if explicit:
                first, last = explicit
            else:
                first, last = next_window(fn, today)
                implicit.append((m.start(), fn))
                if key == "sales" and fn is _sales:  # the next sales, winter or summer
                    first, last = min((first, last), next_window(_summer_sales, today))
            before = work[max(0, m.start() - 12) : m.start()]
            if key == "christmas" and re.search(r"\b(?:avant|before|by|d'ici)\s*$", before):
                # "avant Noël": done by Christmas Eve, from now
                take(m, first=today, last=D(first.year, 12, 24), events=[key], deadline=True)
                continue
            take(m, first=first, last=last, events=[key])
    for m in _CES.finditer(original):
        if work[m.start() : m.end()].strip():
            first, last = _ces(int(m.group(1))) if m.group(1) else next_window(_ces, today)
            take(m, first=first, last=last, events=["ces"])

    # 1b. an abbreviated month range with its year ("Jan–Mar 2027", "janv.-mars 2027")
    for m in _ABBR_RANGE.finditer(work):
        first_month, last_month = _ABBR[m.group(1)], _ABBR[m.group(2)]
        span_year = int(m.group(3))
        if first_month <= last_month and today.year <= span_year <= today.year + 5:
            take(m, first=D(span_year, first_month, 1), last=month_end(span_year, last_month))

    # 2. explicit dates
    for m in _ISO.finditer(work):
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            take(m, first=day)
    for m in _NUMERIC.finditer(work):
        a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if y is None and not re.match(r"[a-z]", m.group()):
            continue  # "24/7", "50/50": only with a year or a "le / on / by" before
        day_n, month_n = (a, b) if (language == "fr" or a > 12) else (b, a)
        candidate = _safe_date(y or today.year, month_n, day_n)
        if candidate is None:
            continue
        if y is None and candidate < today:
            candidate = _safe_date(today.year + 1, month_n, day_n) or candidate
        take(m, first=candidate)
    for rx, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        for m in rx.finditer(work):
            if order == "dm":
                d_raw, mon, y_raw = m.group(1), m.group(2), m.group(3)
            else:
                mon, d_raw, y_raw = m.group(1), m.group(2), m.group(3)
                if mon == "may" and not y_raw and int(d_raw) > 31:
                    continue
            y = _year(y_raw)
            month = MONTHS[mon]
            candidate = _safe_date(y or today.year, month, int(d_raw))
            if candidate is None:
                continue
            if y is None and candidate < today:
                candidate = _safe_date(today.year + 1, month, int(d_raw)) or candidate
            take(m, first=candidate)

    # 3. quarters and halves
    for m in _QUARTER.finditer(work):
        if m.group(1):
            q, y = int(m.group(1)), _year(m.group(2))
        elif m.group(4):
            q, y = int(m.group(4)), _year(m.group(3))
        else:
            q, y = _ORDINAL[m.group(5)], _year(m.group(6))
        if m.group(1) and not m.group(2) and m.group().startswith("t") and language != "fr":
            continue  # "T2" alone is French; "t1" in English text is rarely a quarter

        def quarter(year: int, q: int = q) -> tuple[D, D]:
            return D(year, 3 * q - 2, 1), month_end(year, 3 * q)

        following = _NEXT_YEAR_AFTER.match(work, m.end())
        if y is None and following:
            y = today.year + 1  # "in Q2 next year": that quarter, not the whole year
            work = blank(work, m.end(), following.end())
        first, last = quarter(y) if y else next_window(quarter, today)
        take(m, first=first, last=last)
    for m in _HALF.finditer(work):
        if m.group(3):
            h, y = int(m.group(1) or m.group(2)), _year(m.group(3))
        elif m.group(6) or m.group(7):
            h, y = int(m.group(6) or m.group(7)), None
        else:
            h, y = (1 if m.group(4) in ("premier", "1er", "first") else 2), _year(m.group(5))

        def half(year: int, h: int = h) -> tuple[D, D]:
            return (D(year, 1, 1), D(year, 6, 30)) if h == 1 else (D(year, 7, 1), D(year, 12, 31))

        if not m.group(3) and _ACADEMIC.search(work):
            # students' semesters: the first runs September to January, the second February to
            # June ("le second semestre" of a student charity is the spring, not July)
            def half(year: int, h: int = h) -> tuple[D, D]:
                return (
                    (D(year, 9, 1), D(year + 1, 1, 31))
                    if h == 1
                    else (D(year, 2, 1), D(year, 6, 30))
                )

        if y is None and not m.group(3) and (m.group(6) or m.group(7)):
            # "for H1": the year the brief names, else the next half still to come
            said = re.search(r"\b20\d\d\b", work)
            y = int(said.group()) if said else None
            if y is None:
                first, last = next_window(half, today, strictly_after=True)
                take(m, first=first, last=last)
                continue
        first, last = half(y) if y else next_window(half, today)
        take(m, first=first, last=last)

    # 4. months
    for m in _MONTH_YEAR.finditer(work):
        qualifier, mon, y = m.group(1), m.group(2), _year(m.group(3))
        if mon == "may" and not y and not qualifier:
            continue  # "we may launch"
        if mon == "mars" and not y and not qualifier and language == "en":
            continue
        month = MONTHS[mon]

        def month_window(year: int, month: int = month) -> tuple[D, D]:
            return D(year, month, 1), month_end(year, month)

        first, last = month_window(y) if y else next_window(month_window, today)
        deadline = qualifier in ("d'ici", "by", "before", "avant", "until", "jusqu'en", "jusqu'a")
        if deadline:
            take(
                m,
                first=today,
                last=first - dt.timedelta(days=1) if qualifier in ("before", "avant") else last,
                deadline=True,
            )
            continue
        first, last = _qualify(qualifier, first, last)
        take(m, first=first, last=last)

    # "(Oct 2027)", "Sept. 2027": an abbreviated month with its year
    for m in _ABBR_MONTH_YEAR.finditer(work):
        month, y = _ABBR[m.group(1)], int(m.group(2))
        take(m, first=D(y, month, 1), last=month_end(y, month))

    # 5. seasons
    for m in _SEASON.finditer(work):
        by, word, after = m.group(1), m.group(2), m.group(3)
        text = m.group()
        if word in _SEASON_NEEDS_ARTICLE and text.strip() == word and not after:
            continue
        if not after and _SEASON_PRODUCT.match(work, m.end()):
            continue  # "a winter outerwear brand", "collection printemps": what, not when
        season = SEASONS[word]
        y = _year(after) if after and after.isdigit() else None
        strictly = bool(after and not after.isdigit()) or " next " in f" {text} "

        def window(year: int, season: str = season) -> tuple[D, D]:
            if southern:  # the Brazilian summer is December to March
                flipped = _SOUTHERN_SEASON[season]
                return _season_window(flipped, year - 1 if flipped == "winter" else year)
            return _season_window(season, year)

        first, last = window(y) if y else next_window(window, today, strictly_after=strictly)
        if by and not y and first <= today:  # "before autumn" in December: next year's autumn
            first, last = window(first.year + 1)
        this = re.search(r"\b(?:this|cet|cette|ce)\b", work[max(0, m.start() - 8) : m.end()])
        if not by and not y and not this and first <= today and (last - today) < (last - first) / 2:
            # "land with the autumn harvest" in December: most of this autumn is gone, so the
            # plan is for the next one ("this autumn" keeps the one under way)
            first, last = window(first.year + 1)
        if by:
            take(m, first=today, last=first - dt.timedelta(days=1), seasons=[season], deadline=True)
        else:
            take(m, first=first, last=last, seasons=[season])

    # 6. delays ("dans 3 mois", "within 6 weeks") and relative periods
    for m in _RELATIVE.finditer(work):
        word, raw, unit = m.group(1), m.group(2), m.group(3)
        n = int(raw) if raw.isdigit() else NUMBERS[raw]
        if unit.startswith(("jour", "day")):
            target = today + dt.timedelta(days=n)
        elif unit.startswith(("semaine", "week")):
            target = today + dt.timedelta(weeks=n)
        elif unit.startswith(("mois", "month")):
            target = add_months(today, n)
        else:
            target = add_months(today, 12 * n)
        if word in ("dans", "in"):
            take(m, first=target)
        else:
            take(m, first=today, last=target, deadline=True)
    for m in _NEXT.finditer(work):
        phrase = m.group()
        if ("mois" in phrase and "prochain" in phrase) or phrase == "next month":
            first = add_months(today.replace(day=1), 1)
            take(m, first=first, last=month_end(first.year, first.month))
        elif "semaine" in phrase or "week" in phrase:
            first = today + dt.timedelta(days=7 - today.weekday())
            take(m, first=first, last=first + dt.timedelta(days=6))
        elif "prochain" in phrase or "next" in phrase:
            take(m, first=D(today.year + 1, 1, 1), last=D(today.year + 1, 12, 31))
        elif "mois" in phrase or "month" in phrase:
            take(m, first=today, last=month_end(today.year, today.month), deadline=True)
        elif ("cette" in phrase or "this year" in phrase) and any(f.events for f in found):
            # "Christmas this year", "Noël cette année": which Christmas, not a year-long span
            work = blank(work, m.start(), m.end())
        elif "cette" in phrase or "this year" in phrase:
            last = D(today.year, 12, 31)
            if (last - today).days < 60:
                # "this year" said in December means the year ahead, not three weeks
                last = add_months(today, 12) - dt.timedelta(days=1)
            take(m, first=today, last=last)
        else:  # end of the year ("fin d'année 2027": that year's)
            year = re.match(r"\s+(20\d\d)\b", work[m.end() :])
            y = int(year.group(1)) if year else today.year
            if year:
                work = blank(work, m.end(), m.end() + year.end())
            take(m, first=max(today, D(y, 11, 1)), last=D(y, 12, 31))

    # 7. a year alone ("en 2027", "fin 2027")
    for m in _BY_END_OF_YEAR.finditer(work):  # "d'ici fin 2027": a deadline, not a start
        y = int(m.group(1))
        if today.year <= y <= today.year + 5:
            take(m, first=today, last=D(y, 12, 31), deadline=True)
    for m in _YEAR_ALONE.finditer(work):
        qualifier, y = m.group(1), int(m.group(2))
        if not qualifier and re.search(r"\d\s*$", work[max(0, m.start() - 8) : m.start()]):
            continue
        if y < today.year or y > today.year + 5:
            continue
        first, last = _qualify(qualifier, D(y, 1, 1), D(y, 12, 31))
        if qualifier in ("d'ici", "by"):
            take(m, first=today, last=D(y, 12, 31), deadline=True)
        else:
            take(m, first=first, last=last)
    _after_dated(found, implicit)
    found.sort(key=lambda f: f.start)
    return found


def _after_dated(
    found: list[Found], implicit: Sequence[tuple[int, Callable[[int], tuple[D, D] | None]]]
) -> None:
    """An event said without its year comes after the dated period the brief sets: "out in
    September 2027, aiming at Christmas" is Christmas 2027, not the one under way."""
    by_start = dict(implicit)
    dated = [f for f in found if f.start not in by_start and f.first and not f.deadline]
    if not dated:
        return
    after = max(f.first for f in dated if f.first)
    for i, f in enumerate(found):
        fn = by_start.get(f.start)
        if fn is None or f.deadline or f.last is None or f.last >= after:
            continue
        first, last = next_window(fn, after)
        found[i] = dataclasses.replace(f, first=first, last=last)


_RANGE_GAP = re.compile(
    r"\s*(?:to|until|through|till|-|–|—|à|a|au|jusqu'(?:à|a|au|en)|jusqu’(?:à|a|au|en))\s*",
    re.IGNORECASE,
)


def build_timing(found: list[Found], original: str) -> Timing | None:
    if not found:
        return None
    # "in 2027 … €120k for H1": the half or quarter says which part of the year
    found = [f for f in found if not _year_narrowed(f, found)]
    starts = [f.first for f in found if f.first]
    ends = [d for d in (f.last or f.first for f in found) if d is not None]
    events: list[str] = []
    seasons: list[str] = []
    for f in found:
        events.extend(e for e in f.events if e not in events)
        seasons.extend(s for s in f.seasons if s not in seasons)
    text = ", ".join(dict.fromkeys(original[f.start : f.end].strip(" ,") for f in found))
    if len(found) == 2 and _RANGE_GAP.fullmatch(original[found[0].end : found[1].start]):
        text = original[found[0].start : found[1].end].strip(" ,")  # "April to June 2027"
    start = min(starts) if starts else None
    end = max(ends) if ends else None
    if start and end and end == start and all(f.last is None for f in found):
        end = None  # a single day: a start, no period
    return Timing(text=text or None, start=start, end=end, seasons=seasons, events=events)


def _whole_year(f: Found) -> bool:
    return (
        f.first is not None
        and f.last is not None
        and (f.first.month, f.first.day, f.last.month, f.last.day) == (1, 1, 12, 31)
        and f.first.year == f.last.year
    )


def _year_narrowed(f: Found, found: list[Found]) -> bool:
    """`f` is a whole year that a half or a quarter of it, also named, narrows."""
    if f.first is None or not _whole_year(f):
        return False
    for other in found:
        if other is f or other.first is None or other.last is None:
            continue
        months = (other.last.year - other.first.year) * 12 + other.last.month - other.first.month
        if (
            other.first.year == f.first.year
            and other.first.day == 1
            and other.first.month in (1, 4, 7, 10)
            and months in (2, 5)
        ):
            return True
    return False
