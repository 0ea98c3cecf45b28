"""Phasing a campaign on real dates (pure functions, unit-tested).

A campaign runs teasing → launch → amplification → sustain; a crisis runs first hours → first
days → recovery. Dates come from the brief when it gives them, otherwise from the market's
calendar (align on sales, shopping and school events; keep a press launch out of quiet periods
such as August in France) and a default lead time for preparation.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from bot.brief.text import fold
from bot.knowledge.schema import Calendar, Event

DAY = dt.timedelta(days=1)
DEFAULT_LEAD_DAYS = 42  # preparation before a launch when the brief gives no date
TEASING_DAYS = 14
LAUNCH_DAYS = 7
BUILD_UP_DAYS = 14  # launch this long before a sales or shopping event
MAX_WEEKS = 26  # a plan covers at most six months unless the brief sets an end
PRESS_DAY = 1  # Tuesday: press launches land Tuesday to Thursday
ANCHOR_TYPES = ("sales", "shopping", "school", "event", "trade-show", "holiday", "news")
ANCHOR_PRIORITY = {
    "sales": 0,
    "shopping": 0,
    "event": 1,
    "trade-show": 1,
    "school": 2,
    "news": 3,
    "holiday": 4,
}
SEASON_START = {
    "spring": "03-20",
    "summer": "06-21",
    "autumn": "09-22",
    "fall": "09-22",
    "winter": "12-21",
    "printemps": "03-20",
    "été": "06-21",
    "automne": "09-22",
    "hiver": "12-21",
}


@dataclass(frozen=True)
class DatedEvent:
    name: str
    type: str
    start: dt.date
    end: dt.date
    sectors: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    note: str | None = None
    triggers: tuple[str, ...] = ()
    say: tuple[str, str] | None = None  # how the moment reads in a sentence: (English, French)
    # How well it serves the brief (set by the answer's moment choice): 3 and more when the brief
    # names it or it is its audience's own moment, 2 when only its sector shares it.
    fit: int = 0
    public: bool = False  # a show open to the public (see Event.public)
    not_for: tuple[str, ...] = ()  # words that rule the moment out (see Event.not_for)
    approx: bool = False  # only the usual window is known (see Event.approx)

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and self.end >= start

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Phase:
    key: str  # teasing, launch, amplification, sustain, first-hours, first-days, recovery
    start: dt.date
    end: dt.date
    anchors: tuple[str, ...] = ()
    notes: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=())


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


def _mmdd(year: int, mmdd: str) -> dt.date | None:
    try:
        return dt.date(year, int(mmdd[:2]), int(mmdd[3:5]))
    except ValueError:  # 02-29 in a common year
        return None


def occurrences(event: Event, years: Iterable[int]) -> list[DatedEvent]:
    """The event's dates in each of `years` (movable `dates` win over fixed `start`/`end`)."""
    out: list[DatedEvent] = []
    sectors = tuple(event.sectors)
    audiences, note, words = tuple(event.audiences), event.note, tuple(event.triggers)
    say = (event.say.en, event.say.fr) if event.say else None

    def dated(start: dt.date, end: dt.date) -> DatedEvent:
        return DatedEvent(
            event.name,
            event.type,
            start,
            end,
            sectors,
            audiences,
            note,
            words,
            say,
            public=event.public,
            not_for=tuple(event.not_for),
            approx=event.approx and year not in event.dates,
        )

    for year in years:
        span = event.dates.get(year)
        if span is not None:
            parts = [dt.date.fromisoformat(p) for p in span.split("/")]
            out.append(dated(parts[0], parts[-1]))
            continue
        if event.start is None:
            continue
        start = _mmdd(year, event.start)
        if start is None:
            continue
        end = _mmdd(year, event.end) if event.end else start
        if end is None:
            end = start
        if end < start:  # spans the new year, e.g. 12-20 → 01-05
            end = _mmdd(year + 1, event.end or event.start) or start
        out.append(dated(start, end))
    return out


def market_events(calendar: Calendar | None, today: dt.date, years: int = 2) -> list[DatedEvent]:
    """Every event of a market calendar from last year to `years` ahead, sorted by date (a
    fresh list of the dated events worked out once per calendar, day and span)."""
    if calendar is None:
        return []
    key = (id(calendar), today, years)
    cached = _EVENTS.get(key)
    if cached is None or cached[0] is not calendar:
        span = range(today.year - 1, today.year + years + 1)
        found = [occ for event in calendar.events for occ in occurrences(event, span)]
        if len(_EVENTS) >= MAX_CACHED_CALENDARS:
            _EVENTS.clear()
        cached = _EVENTS[key] = (calendar, sorted(found, key=lambda e: (e.start, e.name)))
    return list(cached[1])


# The dated events of each calendar a process has read (the calendar is kept with them, so a
# reused id never returns another calendar's events). DatedEvent is frozen: sharing is safe.
_EVENTS: dict[tuple[int, dt.date, int], tuple[Calendar, list[DatedEvent]]] = {}
MAX_CACHED_CALENDARS = 256


def matches(wanted: str, event_name: str) -> bool:
    """Whether a brief's event words ('black friday', 'rentrée') name a calendar event."""
    w, name = _norm(wanted).strip(), _norm(event_name)
    if not w:
        return False
    if w in name or name in w:
        return True
    words = [x for x in w.split() if len(x) > 3]
    return bool(words) and all(x in name for x in words)


def names(wanted: str, event: DatedEvent) -> bool:
    """`matches` on the event's name or on how a sentence says it in either language ("the
    Christmas shopping" is the French calendar's "Achats de Noël")."""
    return any(matches(wanted, n) for n in (event.name, *(event.say or ())))


def relevant(event: DatedEvent, sector: str | None) -> bool:
    return not event.sectors or (sector is not None and sector in event.sectors)


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _future(day: dt.date, today: dt.date) -> dt.date:
    """`day`, moved by whole years until it is after `today` (a month named in the brief)."""
    while day <= today:
        try:
            day = day.replace(year=day.year + 1)
        except ValueError:
            day = day.replace(year=day.year + 1, day=28)
    return day


def _season_day(season: str, today: dt.date) -> dt.date | None:
    mmdd = SEASON_START.get(_norm(season)) or SEASON_START.get(season.lower())
    if mmdd is None:
        return None
    day = _mmdd(today.year, mmdd)
    return _future(day, today + dt.timedelta(days=13)) if day else None


def _quiet_at(day: dt.date, events: Sequence[DatedEvent], sector: str | None) -> DatedEvent | None:
    for event in events:
        if event.type == "quiet" and relevant(event, sector) and event.contains(day):
            return event
    return None


def _escape_quiet(
    day: dt.date, events: Sequence[DatedEvent], sector: str | None
) -> tuple[dt.date, DatedEvent | None]:
    """The first press day after the quiet period(s) `day` falls in."""
    first: DatedEvent | None = None
    for _ in range(6):
        quiet = _quiet_at(day, events, sector)
        if quiet is None:
            break
        first = first or quiet
        day = _next_weekday(quiet.end + DAY, PRESS_DAY)
    return day, first


def choose_launch(
    *,
    today: dt.date,
    events: Sequence[DatedEvent] = (),
    start: dt.date | None = None,
    wanted_events: Sequence[str] = (),
    seasons: Sequence[str] = (),
    sector: str | None = None,
    press: bool = True,
) -> tuple[dt.date, list[DatedEvent], tuple[str, tuple[tuple[str, str], ...]] | None]:
    """The launch day, the calendar events the brief asked for, and an optional timing note."""
    wanted: list[DatedEvent] = []
    for words in wanted_events:
        future = [e for e in events if matches(words, e.name) and e.start > today]
        if future:
            wanted.append(min(future, key=lambda e: e.start))
    note: tuple[str, tuple[tuple[str, str], ...]] | None = None
    if start is not None:
        launch = start if start > today else _future(start, today)
        if press:
            quiet = _quiet_at(launch, events, sector)
            if quiet is not None:
                after, _ = _escape_quiet(launch, events, sector)
                note = ("tm.quiet_kept", (("event", quiet.name), ("date", after.isoformat())))
        return launch, wanted, note
    if wanted:
        target = min(wanted, key=lambda e: e.start)
        if target.type in ("sales", "shopping"):  # build up to it from a press day
            build_up = target.start - dt.timedelta(days=BUILD_UP_DAYS)
            launch = max(_next_weekday(build_up, PRESS_DAY), today + 7 * DAY)
        else:  # launch on the day itself (la rentrée, a trade show)
            launch = max(target.start, today + 7 * DAY)
    elif seasons and (day := _season_day(seasons[0], today)) is not None:
        launch = _next_weekday(day, PRESS_DAY)
    else:
        launch = _next_weekday(today + dt.timedelta(days=DEFAULT_LEAD_DAYS), PRESS_DAY)
    if press:
        moved, quiet = _escape_quiet(launch, events, sector)
        if quiet is not None:
            launch = moved
            note = ("tm.quiet", (("event", quiet.name),))
    return launch, wanted, note


def _anchors(
    start: dt.date,
    end: dt.date,
    events: Sequence[DatedEvent],
    wanted: Sequence[DatedEvent],
    sector: str | None,
    limit: int = 2,
) -> tuple[str, ...]:
    chosen = [e for e in wanted if e.overlaps(start, end)]
    others = sorted(
        (
            e
            for e in events
            if e.type in ANCHOR_TYPES
            and e.overlaps(start, end)
            and relevant(e, sector)
            and e not in chosen
        ),
        key=lambda e: (ANCHOR_PRIORITY.get(e.type, 9), e.start),
    )
    names: list[str] = []
    for event in [*chosen, *others]:
        if event.name not in names:
            names.append(event.name)
    return tuple(names[: max(limit, len(chosen))])


def phase_plan(
    *,
    today: dt.date,
    kind: Literal["campaign", "crisis"] = "campaign",
    events: Sequence[DatedEvent] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    wanted_events: Sequence[str] = (),
    seasons: Sequence[str] = (),
    duration_weeks: tuple[int, int] = (4, 8),
    sector: str | None = None,
    press: bool = True,
) -> list[Phase]:
    """The phases of a campaign (or crisis) with real dates, all after `today`."""
    if kind == "crisis":
        return [
            Phase("first-hours", today, today + DAY),
            Phase("first-days", today + 2 * DAY, today + 13 * DAY),
            Phase("recovery", today + 14 * DAY, today + 89 * DAY),
        ]
    launch, wanted, note = choose_launch(
        today=today,
        events=events,
        start=start,
        wanted_events=wanted_events,
        seasons=seasons,
        sector=sector,
        press=press,
    )
    weeks = min(MAX_WEEKS, max(3, math.ceil((duration_weeks[0] + duration_weeks[1]) / 2)))
    last = launch + dt.timedelta(weeks=weeks) - DAY
    if end is not None and end > launch + 6 * DAY:
        last = end
    for event in wanted:  # the campaign runs through the events the brief named
        if event.end > last and event.start <= launch + dt.timedelta(weeks=26):
            last = event.end + 7 * DAY
    phases: list[Phase] = []
    teasing_start = max(today + DAY, launch - dt.timedelta(days=TEASING_DAYS))
    if (launch - teasing_start).days >= 3:
        phases.append(Phase("teasing", teasing_start, launch - DAY))
    launch_end = min(last, launch + dt.timedelta(days=LAUNCH_DAYS - 1))
    phases.append(Phase("launch", launch, launch_end, notes=(note,) if note else ()))
    rest = (last - launch_end).days
    if rest >= 14:
        split = launch_end + dt.timedelta(days=math.ceil(rest * 0.5))
        phases.append(Phase("amplification", launch_end + DAY, split))
        phases.append(Phase("sustain", split + DAY, last))
    elif rest >= 1:
        phases.append(Phase("amplification", launch_end + DAY, last))
    out: list[Phase] = []
    seen: set[str] = set()
    for p in phases:  # each event anchors only the first phase it overlaps
        names = [
            n for n in _anchors(p.start, p.end, events, wanted, sector, limit=4) if n not in seen
        ]
        seen.update(names)
        out.append(Phase(p.key, p.start, p.end, tuple(names[:2]), p.notes))
    return out


def trigger_in(word: str, folded_text: str) -> bool:
    """A trigger word at the start of a word of the (folded) question: "vegan" in "vegane"."""
    # "predictive-maintenance" is "predictive maintenance"
    return trigger_in_spaced(word, _spaced(folded_text))


@lru_cache(maxsize=2048)  # per rule or lever: split once, not once per question
def split_triggers(triggers: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A trigger list's "!" words, which keep its rule or lever out ("!serum": vitamin C in a
    face serum is no food supplement; "!restaurant": no supermarket buyers for an opening),
    and the words that bring it."""
    keep_out = tuple(w[1:] for w in triggers if w.startswith("!"))
    bring = tuple(w for w in triggers if w.strip() and not w.startswith("!"))
    return keep_out, bring


@lru_cache(maxsize=64)  # the same few texts are read against thousands of trigger words
def _spaced(folded_text: str) -> str:
    return folded_text.replace("-", " ")


def trigger_in_spaced(word: str, text: str) -> bool:
    """`trigger_in` on a text already folded with its hyphens made spaces, for a caller that
    tries thousands of words on one text."""
    w = trigger_word(word)
    # the substring test first: thousands of triggers, few in a question, none compiled in vain
    return bool(w) and w in text and _trigger_pattern(w).search(text) is not None


def any_trigger(words: Sequence[str], folded_text: str) -> bool:
    """Whether one of `words` is a trigger in the (folded) text: `trigger_in` for a whole list
    at once, one compiled alternation per list instead of a call per word."""
    if not words:
        return False
    pattern = _any_pattern(tuple(words))
    return pattern is not None and pattern.search(_spaced(folded_text)) is not None


@lru_cache(maxsize=4096)  # one per trigger list of the knowledge
def _any_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [_trigger_body(w) for w in dict.fromkeys(trigger_word(x) for x in words) if w]
    return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(parts)})") if parts else None


@lru_cache(maxsize=16384)  # thousands of trigger words, read for every question
def trigger_word(word: str) -> str:
    """A trigger as it is looked for: folded, its hyphens made spaces."""
    return fold(word).strip().replace("-", " ")


@lru_cache(maxsize=16384)
def _trigger_pattern(w: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){_trigger_body(w)}")


def _trigger_body(w: str) -> str:
    """A trigger's pattern after the start of a word: a short word is a whole word (its plural
    too): "spa" is not "Spain", "don" not "données", "mom" not "moment"; "spf" still reads
    "spf50"."""
    return f"{re.escape(w)}s?(?![a-z])" if len(w) <= SHORT_TRIGGER else re.escape(w)


SHORT_TRIGGER = 3  # letters


@lru_cache(maxsize=16384)
def word_pattern(word: str) -> re.Pattern[str]:
    """A folded word as a whole word, plural and feminine endings allowed (compiled once)."""
    return re.compile(rf"\b{re.escape(word)}(?:s|es|e|x)?\b")
