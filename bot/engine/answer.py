"""The answer a playbook calls for: the lead that answers first, then the playbook's sections.

The engine interprets playbooks (`knowledge/playbooks/`): which situation wins (a launch with
several target markets becomes a multi-market plan, a launch under a decisive rule a regulated
brief), the placeholders of its text, and each section it lists, in its order. Nothing here knows
a situation by name: adding a situation is adding a playbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.brief.audience import hires
from bot.brief.dates import NUMBERS, add_months
from bot.brief.gazetteer import is_place
from bot.brief.subject import anniversary
from bot.brief.text import ask_sentence, compiled, fold
from bot.engine import precedents as prec
from bot.engine import rules as rulebook
from bot.engine.calendar import (
    DAY,
    DatedEvent,
    any_trigger,
    market_events,
    matches,
    names,
    trigger_in,
    word_pattern,
)
from bot.engine.category import category_in
from bot.engine.channels import build_channels
from bot.engine.channels import formats as channel_formats
from bot.engine.context import Context
from bot.engine.ideas import build_ideas, category_values, product_category, rides_on_moment
from bot.engine.ideas import in_sentence as idea_in_sentence
from bot.engine.ideas import moment_name as idea_moment_name
from bot.engine.ideas import named_subject as idea_named_subject
from bot.engine.learn import asked_concept, asker_case, build_learn, lesson_title
from bot.engine.levers import Found, market_levers, source_text
from bot.engine.mechanics import Scored, select_mechanics
from bot.engine.plan import reason_text
from bot.engine.profile import audience_codes, budget_band
from bot.engine.scoring import rank_mechanics
from bot.engine.situation import Reading, stem_pattern
from bot.engine.sources import marks
from bot.engine.targeting import (
    build_targeting,
    committee_texts,
    experts_text,
    key_outlets,
    local_media,
    named_places,
)
from bot.i18n import fix_french, fmt_date, fmt_month, join, label, t
from bot.knowledge import vocab
from bot.knowledge.schema import (
    Campaign,
    Channel,
    Market,
    Mechanic,
    Phase,
    Playbook,
    RuledOut,
    case_tags,
)
from bot.models import EUR_RATES, Idea, LearnCard, Plan, PlanItem, SituationInfo, Timing

CREATOR_FAMILIES = frozenset({"influencer", "commerce", "community"})
SMALL_BUDGET_EUR = 30_000
COSTLY_KPI = re.compile(r"survey|sondage|barom|panel|etude|étude|pre/post|avant/apr", re.I)
DEFAULT_SPLIT = {"paid": 0.25, "earned": 0.3, "shared": 0.3, "owned": 0.15}
PROMOTION_ORDER = ("several-markets", "regulated", "foreign-origin", "decisive-rule", "ruled-out")
MOMENT_HORIZON_DAYS = 300
AGENCY_LANGUAGES = ("fr", "en")  # the languages its consultants work in (see the README)
ADULT_AGE = 18
UNSURE = 0.4  # below it, the classifier's first reading yields to a signalled alternative
# people a firm may want to hire ("attirer des ML engineers"): evidence for a hiring reading
_WORKERS = frozenset({"candidates", "developers", "professionals", "health-professionals"})
HESITANT = 0.6  # below it, to an alternative that the closing question itself names
# An alternative the classifier gives less than this, with none of its words in the question, is
# no candidate: "A daily claims our mill discharges… How do we respond?" read 0.8 crisis, 0.04
# craft; when the crisis reading is not sure enough, the answer is not a lesson for all that.
FLOOR = 0.1
NAMED_MOMENT_HORIZON_DAYS = 366
# How far ahead a cause with no date looks for the moment to count its plan back from
UNDATED_HORIZON_DAYS = 150
# How much a long plan may stretch the preparation before its moment's phase
PREP_STRETCH = 1.5
# A moment soon after the window a brief gives (an April entry, Sun Awareness Week in May).
MOMENT_AFTER_WINDOW_DAYS = 30
BROAD_MOMENT_SECTORS = 3
STRONG_MOMENT_FIT = 3  # named by the brief, or its audience's own moment
NAMED_EARLIER_DAYS = 21  # how much earlier than its words' usual window a named event may fall


@dataclass
class Situated:
    """The situation this answer is for, and what the playbook needs to be filled in."""

    situation: str
    playbook: Playbook
    reading: Reading | None = None
    promoted_from: str | None = None
    markets: list[str] = field(default_factory=list)  # target markets (country codes first)
    rules: list[rulebook.Applied] = field(default_factory=list)
    selected: list[Scored] = field(default_factory=list)
    moments: list[DatedEvent] = field(default_factory=list)
    built: dict[str, list[PlanItem]] = field(default_factory=dict)  # parts built once

    def info(self) -> SituationInfo:
        ranked = self.reading.ranked if self.reading else ()
        return SituationInfo(
            id=self.situation,
            answer_kind=self.playbook.answer_kind,
            confidence=self.reading.confidence if self.reading else 1.0,
            alternatives=[name for name, _ in ranked if name != self.situation][:2],
            clock=self.playbook.clock,
            promoted_from=self.promoted_from,
            by_rule=bool(self.reading and self.reading.rule),
            title=self.playbook.title,
            forbidden=list(self.playbook.forbidden),
        )


@dataclass
class Built:
    """What `build_answer` returns: the Markdown body and the structured parts of the advice."""

    body: str
    plan: Plan | None = None
    ideas: list[Idea] = field(default_factory=list)
    learn: LearnCard | None = None


# ---- which situation -------------------------------------------------------------------------


def conditions(ctx: Context, markets: list[str], rules: list[rulebook.Applied]) -> dict[str, bool]:
    brief = ctx.brief
    return {
        "several-markets": len(markets) >= 2,
        "regulated": rulebook.regulated(rules),
        "foreign-origin": bool(brief.origin and markets and brief.origin not in markets),
        "decisive-rule": any(a.rule.severity == "decisive" and a.by != "creators" for a in rules),
        "ruled-out": bool(_named_outs(ctx, rules)),
    }


_CONTROVERSY = re.compile(
    r"tourne sur|tournent sur|s.enflamm|enflamme|polemique|bad buzz|tolle|indign|scandal|"
    r"outrage|backlash|viral|going viral|trending|boycott|syndicats? reagi|les syndicats|"
    r"unions? (?:react|are|have)|slammed|under fire|sous le feu|critiqu|choque|choqu|offens"
)


def admissible(
    ctx: Context,
    situation: str,
    ranked: list[str],
    markets: list[str],
    rules: list[rulebook.Applied],
    confidence: dict[str, float] | None = None,
) -> str:
    """`situation` if its playbook's requirement holds, else the next one in `ranked` whose
    requirement holds (a market entry with no foreign origin is a launch). With the
    classifier's `confidence`, a playbook that sets `min_confidence` is skipped when the
    reading is less sure than that and none of its signals is in the question."""
    holds = conditions(ctx, markets, rules)
    order = [situation, *ranked]
    if confidence is not None and confidence.get(situation, 1.0) < UNSURE:
        # an unsure reading: a close alternative whose own words are in the question comes first
        # ("anything to watch out for?" read 0.29 launch, 0.2 risk review)
        said = [n for n in ranked[:3] if n != situation and _signalled(ctx, n)]
        if said and not _signalled(ctx, situation):
            order = [said[0], *order]
    elif confidence is not None and confidence.get(situation, 1.0) < HESITANT:
        # a hesitant reading: what the closing question asks decides ("…to launch a gelato brand
        # in Italy. How should we split it?" is a budget question, not a launch plan)
        asked = ask_sentence(ctx.text or "")
        said = [n for n in ranked[:3] if n != situation and _signalled(ctx, n, asked)]
        if said and not _signalled(ctx, situation, asked):
            order = [said[0], *order]
        else:
            # or the alternative whose own first objective is the brief's ("recruter 300
            # soudeurs" read 0.43 launch, 0.3 employer brand: hiring is not a product launch)
            wanted = ctx.brief.objectives[:1]
            top = ctx.catalog.playbook(situation, ctx.lang)
            # (between plans only: a budget question or a review is what is asked, whatever
            # the objective)
            if (
                wanted
                and top is not None
                and top.answer_kind == "plan"
                and top.objectives[:1] != wanted
            ):
                own = [
                    n
                    for n in ranked[:2]
                    if n != situation
                    and (book := ctx.catalog.playbook(n, ctx.lang)) is not None
                    and book.answer_kind == "plan"
                    and book.objectives[:1] == wanted
                ]
                if own:
                    order = [own[0], *order]
    # Only a reading passed over for doubt keeps the unlikely ones out: one whose playbook
    # cannot hold (a market entry with no foreign origin) or that the brief's words rule out
    # (savers "recruited" are customers) still falls back to the next, however unlikely.
    read = ctx.catalog.playbook(situation, ctx.lang)
    doubted = (
        read is not None
        and confidence is not None
        and (read.requires is None or holds[read.requires])
        and not _sure(ctx, read, confidence.get(situation, 0.0))
    )
    for name in order:
        book = ctx.catalog.playbook(name, ctx.lang)
        if book is None or (book.requires is not None and not holds[book.requires]):
            continue
        if (
            name == "employer-brand"
            and "employer-brand" not in ctx.brief.objectives
            and confidence is not None
            and (
                ctx.brief.objectives
                or not (
                    _signalled(ctx, name)
                    or hires(ctx.text or "")
                    or set(ctx.brief.audiences) & _WORKERS
                )
            )
        ):
            # "recruter de nouveaux épargnants" acquires customers, and an olive-oil estate
            # entering Japan hires nobody: a hiring plan needs a word about hiring
            continue
        if (
            name == "exec-visibility"
            and "backlash" in ranked
            and (_CONTROVERSY.search(fold(ctx.text or "")) or _signalled(ctx, "backlash"))
        ):
            # "le PDG a dit que « les jeunes ne veulent plus travailler », l'extrait tourne":
            # a leader's remark that spreads is a backlash to handle, not visibility to build
            if ctx.catalog.playbook("backlash", ctx.lang) is not None:
                return "backlash"
            continue
        if confidence is not None and not _sure(ctx, book, confidence.get(name, 0.0)):
            continue
        if (
            confidence is not None
            and name != situation
            and doubted
            and confidence.get(name, 0.0) < FLOOR
            and not _signalled(ctx, name)
        ):
            continue
        return name
    return situation


def ruled_out_whole(ctx: Context, situation: str, rules: list[rulebook.Applied]) -> str:
    """A brief a rule rules out whole (a prescription drug promoted to patients) gets the
    regulated answer — the no-go and what remains possible — not a budget split or a launch
    plan around it; a crisis, a backlash or a review keeps its own answer."""
    if situation in _NO_PLAN_KEEPS or ctx.catalog.playbook("regulated", ctx.lang) is None:
        return situation
    return "regulated" if any(out.no_plan for _, out in _named_outs(ctx, rules)) else situation


# Situations that keep their own answer when a rule rules the brief out (a recall of a drug is
# still a crisis; a review already says no-go).
_NO_PLAN_KEEPS = frozenset(
    {"crisis", "backlash", "risk-review", "regulated", "out-of-scope", "craft"}
)


def _sure(ctx: Context, book: Playbook, confidence: float) -> bool:
    if book.min_confidence is None or confidence >= book.min_confidence:
        return True
    return _signalled(ctx, book.situation)


def _signalled(ctx: Context, situation: str, text: str | None = None) -> bool:
    """One of the situation's signals (either language's playbook) is in the question (or in
    `text`, a part of it)."""
    stems = [s for p in ctx.catalog.playbooks() if p.situation == situation for s in p.signals]
    pattern = stem_pattern(stems)
    return bool(pattern and pattern.search(fold(ctx.text or "" if text is None else text)))


def asked_for(ctx: Context, situation: str) -> str:
    """The situation the closing question asks for when a playbook's `asked` says so ("…a
    campaign in March. What should we watch out for?" is a review, not the plan it describes)."""
    text = ctx.text or ""
    # a message that asks nothing with "?" asks with its first sentence ("Donne-moi 3 idées
    # pour… Cible : … Budget 50 k€.")
    first = re.split(r"(?<=[.!])\s+|\n", text.strip(), maxsplit=1)[0]
    asked = ask_sentence(text) if "?" in text else first
    # every question the message asks ("Can they? What do you advise?"), the last one first
    questions = [fold(q.strip()) for q in re.findall(r"[^.?!\n]+\?", text)][::-1]
    closing = fold(asked)
    for book in ctx.catalog.playbooks():
        rule = book.asked
        if rule is None or situation not in rule.from_:
            continue
        said = stem_pattern(rule.when)
        if said is None or not any(said.search(q) for q in questions or [closing]):
            continue
        against = stem_pattern(rule.unless)
        if against is not None and against.search(closing):
            continue
        return book.situation
    return situation


def promote(
    ctx: Context, situation: str, markets: list[str], rules: list[rulebook.Applied]
) -> tuple[str, str | None]:
    """The situation after the playbooks' promotions, and the one it was promoted from."""
    holds = conditions(ctx, markets, rules)
    books = [p for p in ctx.catalog.playbooks() if p.promote is not None]
    for condition in PROMOTION_ORDER:
        if not holds[condition]:
            continue
        for book in books:
            assert book.promote is not None
            if book.promote.holds(condition) and situation in book.promote.from_:
                return book.situation, situation
    return situation, None


# ---- placeholders ----------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\|([^{}]*))?\}")


MARK = "\x00"  # where a filled value starts, for the contractions below
# "de" or "à" before a value that starts with "le"/"les": "Faire du grand âge…", not "de le"
_CONTRACTED = re.compile(r"\b([Dd]e|[Àà]) \x00(les?) ")
_CONTRACTIONS = {"de le": "du", "de les": "des", "à le": "au", "à les": "aux"}


def _contract(m: re.Match[str]) -> str:
    word = _CONTRACTIONS[f"{m.group(1).lower()} {m.group(2)}"]
    return (word.capitalize() if m.group(1)[0].isupper() else word) + " "


def fill(template: str, values: dict[str, str | None]) -> str | None:
    """`template` with its placeholders filled; None when a bare `{name}` has no value, or when
    the line quotes euro amounts and the brief's budget is in another currency."""
    tags, template = case_tags(template)
    if tags:  # said only in its case (or outside it)
        cases = set((values.get("_cases") or "").split())
        if any((t[1:] in cases) if t.startswith("!") else (t not in cases) for t in tags):
            return None
    if values.get("_currency") not in (None, "EUR") and "€" in template:
        return None
    missing = False
    plurals: set[str] = set()

    def one(m: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(m.group(1))
        if value:
            if value.endswith("s"):
                plurals.add(value)
            return MARK + value
        if m.group(2) is not None:
            return m.group(2)
        missing = True
        return ""

    out = _CONTRACTED.sub(_contract, _PLACEHOLDER.sub(one, template)).replace(MARK, "")
    for value in plurals:  # "electric vans' reputation", not "vans's"
        out = out.replace(f"{value}'s ", f"{value}' ")
    return None if missing else out


def _budget_text(ctx: Context) -> str | None:
    budget = ctx.brief.budget
    if budget is None:
        return None
    return money(budget.amount, budget.currency, ctx.lang)


def money(amount: float, currency: str, lang: str) -> str:
    """An amount as the answer's language writes it: "50 k£" in French, "£50k" in English."""
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, f" {currency}")
    if lang == "en" and currency in ("EUR", "USD", "GBP"):
        if amount >= 1_000_000:
            return symbol + f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
        if amount >= 1000:
            return symbol + f"{amount / 1000:.1f}".rstrip("0").rstrip(".") + "k"
        return f"{symbol}{amount:.0f}"
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + f" M{symbol}"
    elif amount >= 1000:
        text = f"{amount / 1000:.1f}".rstrip("0").rstrip(".") + f" k{symbol}"
    else:
        text = f"{amount:.0f} {symbol.strip()}"
    return text.replace(".", ",") if lang == "fr" else text


def _ideas_moment(ctx: Context, moment: DatedEvent | None) -> str | None:
    """The cards' own moment, dated when it is the plan's moment too."""
    name = idea_moment_name(ctx)
    if name is None or not rides_on_moment(ctx):
        return None  # the lead does not claim a moment its strongest idea does not use
    if moment is not None and moment.say is not None and name in moment.say:
        return _moment_text(moment, ctx.lang)
    return name


def _category_values(ctx: Context) -> dict[str, str | None]:
    """The product category's material ({partners}, {gesture}...), when the brief names one."""
    category = product_category(ctx)
    return category_values(category, ctx.lang) if category is not None else {}


def _local_values(ctx: Context) -> dict[str, str | None]:
    """{local}: the outlets of the city the question names (La Voix du Nord for Lille), and
    {city_at}: "à Lille", "in Lille"; None when it names no city the market knows the press of."""
    market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
    local = local_media(market, ctx.text or "")
    if not local:
        return {"local": None, "city_at": None}
    at = "à" if ctx.lang == "fr" else "in"
    return {
        "local": join(local[1][:3], ctx.lang),
        "city_at": f"{at} {local[0][0]}" if local[0] else None,
    }


def slot_values(ctx: Context, s: Situated, text: str) -> dict[str, str | None]:
    brief, lang = ctx.brief, ctx.lang
    markets = [label("market", m, lang) for m in s.markets]
    decisive = rulebook.decisive(s.rules)
    condition = _condition(decisive, lang)
    authority = next((rulebook.authority(a.rule, lang) for a in s.rules if a.rule.authority), None)
    # a hiring brief's audience is the people it wants, as it names them
    hired = hires(text) if "employer-brand" in brief.objectives[:1] else None
    audience = (
        hired
        or brief.audience
        or join([label("audience", c, lang) for c in audience_codes(brief)[:2]], lang)
    )
    moment = _brief_moment(ctx, s)
    committee, roles = committee_texts(ctx)
    retailer = named_retailer(ctx, s.markets)
    return {
        "market": markets[0] if markets else None,
        "markets": join(markets, lang) if markets else None,
        "origin": label("market", brief.origin, lang) if brief.origin else None,
        # ideas are for what the brief is about, not its goal ("faire parler d'une fromagerie")
        "subject": _idea_subject_text(ctx)
        if s.situation == "ideas"
        # a description reads with its article ("the Danish furniture brand"), a name bare
        else (idea_in_sentence(ctx, brief.subject) if brief.subject else brief.client),
        "sector": label("sector", brief.sector, lang) if brief.sector else None,
        "audience": audience or None,
        "budget": _budget_text(ctx),
        "rule": first_sentence(decisive.rule.decides.get(lang)) if decisive else None,
        "rule_ref": rulebook.reference(decisive.rule, lang) if decisive else None,
        # the creator-disclosure rule of the market, with its reference (a paid post that hid
        # the partnership is judged by it)
        "disclosure": next(
            (
                f"{first_sentence(a.rule.decides.get(lang))} ({rulebook.reference(a.rule, lang)})"
                for a in s.rules
                if a.rule.topic == "influencer-disclosure"
            ),
            None,
        ),
        "condition": condition,
        "authority": authority,
        "mechanic": (
            label("mechanic_said", s.selected[0][1].mechanic_id, lang) if s.selected else None
        ),
        "channels": _channel_names(ctx, s),
        "paid_channels": _channel_names(ctx, s, boosted=True),
        # the ideas' lead names the moment their cards are built on
        "moment": _ideas_moment(ctx, moment)
        if s.situation == "ideas"
        else (_moment_text(moment, lang) if moment else None),
        "period": _period_text(ctx),
        "experts": experts_text(ctx),
        "committee": committee,
        "roles": roles,
        "retailer": retailer,
        "lever": _first_lever(ctx, s),
        "media": _key_outlets(ctx, s),
        **_local_values(ctx),
        **_category_values(ctx),
        "topic": brief.topic or text[:80],
        "theme": brief.theme,
        "_currency": brief.budget.currency if brief.budget else None,
        "_cases": " ".join(
            [
                *cases_of(s.playbook, text),
                *given(ctx, text),
                *(["listed"] if retailer else []),
                *(["ruled-out"] if ruled_out(ctx, s) else []),
                *(["conditioned"] if condition else []),
                *(["banned"] if banned(ctx, s) else []),
            ]
        ),
    }


def _condition(decisive: rulebook.Applied | None, lang: str) -> str | None:
    """The deciding rule's condition for a go, as a verdict runs on with it ("no under-16
    appears…"), without its full stop; None when it states none."""
    check = decisive.rule.check if decisive is not None else None
    if check is None:
        return None
    text = check.get(lang).strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first[1:2].islower():  # "Aucun", "Every"; "TV", "STIVA" stay as they are
        text = text[:1].lower() + text[1:]
    return text


_COUNTED = re.compile(
    r"(?<![\d.,])\d[\d  .,]*\s+(?!%|k\b|m\b|€|\$|£|eur|euro|usd|gbp|chf|ans?\b|years?\b|h\b|"
    r"heures?|hours?|jours?|days?|semaines?|weeks?|mois\b|months?)[a-zà-ÿ]",
    re.IGNORECASE,
)


def _period_text(ctx: Context) -> str | None:
    """The brief's own period as a sentence says it, with its dates ("février-avril 2027
    (1er févr. 2027 – 30 avr. 2027)"), or None when it gives no dated period."""
    timing = ctx.brief.timing
    if timing is None or timing.start is None or timing.end is None or not timing.text:
        return None
    # "over March", not "over in March": the period's own preposition goes
    text = _LEADING_PREPOSITION.sub("", timing.text)
    if _whole_month(timing.start, timing.end):
        return fmt_month(timing.start, ctx.lang)  # not "avril 2027 (1er avr. – 30 avr. 2027)"
    when = f"{fmt_date(timing.start, ctx.lang)} – {fmt_date(timing.end, ctx.lang)}"
    return f"{text} ({when})"


def _whole_month(start: dt.date, end: dt.date) -> bool:
    """The span is one calendar month, which its name already says."""
    same = (end.year, end.month) == (start.year, start.month)
    return same and start.day == 1 and (end + DAY).day == 1


def _levers(ctx: Context, s: Situated, code: str, limit: int) -> list[Found]:
    """Market `code`'s levers for this brief, as the situation's playbook scopes them."""
    book = s.playbook
    months = _plan_months(ctx, s)
    return market_levers(
        ctx, code, limit, book.sector_levers, book.lever_audiences, months, book.trade_levers
    )


# How long after its moment a plan keeps working (the amplification and sustain phases).
AFTER_MOMENT_DAYS = 56


def _plan_months(ctx: Context, s: Situated) -> frozenset[int]:
    """The months the plan runs through: from today to the end of its phases, or to the end of
    the brief's own period when that comes later (a launch next September)."""
    book = phases(ctx, s)
    days = 90
    if book and book[-1].unit in ("weeks", "months"):
        days = book[-1].end * (7 if book[-1].unit == "weeks" else 31)
    begin = ctx.today
    anchor = next((p for p in book if p.moment), None)
    moment = _brief_moment(ctx, s) if anchor is not None else None
    if anchor is not None and moment is not None and moment.start > ctx.today:
        # counted back from a moment months away: the plan starts at its go-ahead (a May
        # campaign does not run through December's giving season)
        begin = max(begin, _back(moment.start, anchor.unit, _run_up(anchor)))
    end = begin + dt.timedelta(days=days)
    timing = ctx.brief.timing
    window = _window_end(ctx)
    if window is not None:
        end = window  # "H1 2027": nothing in August
    elif timing is not None and timing.start is not None:
        end = max(end, (timing.end or timing.start) + dt.timedelta(days=AFTER_MOMENT_DAYS))
    out: set[int] = set()
    day = begin.replace(day=1)
    while day <= end and len(out) < 12:
        out.add(day.month)
        day = add_months(day, 1)
    return frozenset(out)


def _first_lever(ctx: Context, s: Situated) -> str | None:
    """The first target market's strongest lever for the brief, as a lead can say it."""
    found = _levers(ctx, s, s.markets[0], 1) if s.markets else []
    if not found:
        return None
    text = found[0].lever.text.get(ctx.lang).rstrip(".")
    # "la fête des pères", but "VivaTech", "Devoxx France" and "UFC-Que Choisir" as they are
    return text[:1].lower() + text[1:] if _COMMON_OPENING.match(text) else text


# The first words of a lever that a sentence can run on in lower case: an article, a
# determiner, a preposition; anything else may be a name.
_COMMON_OPENING = re.compile(
    r"(?:Le|La|Les|L'|L’|Un|Une|Des|Du|De|D'|D’|En|Au|Aux|À|Pour|Dans|Chaque|Avec|Sur|Ce|Cette|"
    r"Ces|Tout|Tous|Toute|Toutes|The|A|An|In|For|Each|Every|Most|With|On|At|From|Its|Their|"
    r"This|These|Many|Some)\b"
)


def named_retailer(ctx: Context, markets: list[str]) -> str | None:
    """A retailer of a target market the question names as it is spelt ("dm", "Waitrose"): the
    listing the brand already has there."""
    text = ctx.text or ""
    for code in markets:
        market = ctx.catalog.market(code, ctx.lang)
        for name in market.retailers if market is not None else []:
            if name in text and compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])").search(text):
                return name
    return None


def deadline_of(ctx: Context) -> dt.date | None:
    """The date the brief says everything must be done by ("d'ici fin 2027"), or None."""
    found = next((c[10:] for c in ctx.brief.constraints if c.startswith("deadline: ")), None)
    return dt.date.fromisoformat(found) if found else None


def given(ctx: Context, text: str) -> list[str]:
    """The built-in cases: what the brief already says, so no question asks it back."""
    brief = ctx.brief
    out = []
    due = deadline_of(ctx)
    if (
        brief.timing is not None
        or due is not None
        or _span_of(text) is not None  # "sur 6 mois", "within 18 months": the period is given
    ):
        out.append("dated")
    if due is not None:
        out.append("deadline")  # "d'ici fin 2027": a date to be done by, not a moment to meet
    if brief.budget is not None:
        out.append("budgeted")
    timing = brief.timing
    if (
        timing is not None
        and timing.start is not None
        and timing.end is not None
        and (timing.end - timing.start).days > 21
        and not timing.events
    ):
        out.append("window")  # "février-avril", "this spring": a period to pace, not a day
    market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
    cities = local_media(market, ctx.text or "")
    if cities and any(c.lower() != "paris" for c in cities[0]):
        out.append("local")  # "à Nantes": the city's own press exists (Paris is national news)
    if _COUNTED.search(text):
        out.append("counted")
    if brief.theme:
        out.append("themed")
    if brief.origin and brief.origin not in brief.markets:
        out.append("foreign")  # "an Italian maker selling in France": it arrives from elsewhere
    if brief.age_range is not None and brief.age_range[0] < ADULT_AGE:
        out.append("minors")  # "16-24 ans": part of the audience is under age
    if any(in_eu(ctx, code) for code in brief.markets):
        out.append("eu")
    if "us" in brief.markets:
        out.append("us")  # no data-protection authority to notify, but states and the SEC
    if "fr" in brief.markets:
        out.append("fr")  # France's own laws (the 2023 influencer law) are said only there
    if asker_case(text):
        out.append("own-case")  # "un CP pour l'ouverture de notre restaurant": their own case
    if anniversary(text) is not None:
        out.append("anniversary")  # "les 150 ans d'une marque": a birthday to make news of
    return out


def in_eu(ctx: Context, market: str) -> bool:
    """The EU's rule book applies to this market (its `applies_to` says which markets)."""
    return any(book.code == "europe" for book in ctx.catalog.rulebooks(market))


def cases_of(book: Playbook, text: str) -> list[str]:
    """The playbook's cases this question is in (its stems found in the question)."""
    folded = fold(text)
    found = []
    for name, stems in book.cases.items():
        # a stem written "!pub" keeps the case out ("une vendeuse" in an ad is no staff case)
        pattern = stem_pattern([s for s in stems if not s.startswith("!")])
        unless = stem_pattern([s[1:] for s in stems if s.startswith("!")])
        if (
            pattern is not None
            and pattern.search(folded)
            and (unless is None or not unless.search(folded))
        ):
            found.append(name)
    return found


def first_sentence(text: str) -> str:
    """The first sentence of `text` (a rule's gist for the opening lines)."""
    m = re.search(r"(?<=[a-zà-ÿ0-9)»”])(?:\.(?=\s+[A-ZÀ-Ý«(])|\s?;(?=\s))", text)
    return text[: m.start()].rstrip() + "." if m else text


def _moment_text(moment: DatedEvent, lang: str) -> str:
    """The moment as a sentence says it, in the answer's language, with its dates (its month
    when only the usual window is known)."""
    when = fmt_date(moment.start, lang)
    if moment.type == "brief" and _whole_month(moment.start, moment.end):
        return fmt_month(moment.start, lang)  # "avril 2027", which says its dates already
    if moment.type == "brief" and moment.start == moment.end:
        bare = _LEADING_PREPOSITION.sub("", moment.name.strip())
        if re.fullmatch(r"[\d\s]*\w+\.?\s*\d{0,2},?\s*(?:20\d\d)?", bare) or fold(bare) == fold(
            when
        ):
            # "28 May 2027" says its date already, "du 28 mai" is that date
            said = bare if bare[:1].isdigit() else when
            return f"le {said}" if lang == "fr" and said[:1].isdigit() else said
    if moment.approx:
        middle = moment.start + (moment.end - moment.start) / 2  # the window's likeliest month
        when = t("ans.approx_when", lang, month=fmt_month(middle, lang))
    elif moment.type == "brief" and _SEASON_SAID.search(fold(moment.name)):
        # "spring 2027" is its months, not the equinox to the solstice (20 Mar – 20 Jun)
        when = f"{fmt_month(moment.start, lang)} – {fmt_month(moment.end, lang)}"
    elif moment.end != moment.start:
        when += f" – {fmt_date(moment.end, lang)}"
    name = moment.name
    if moment.say is not None:
        name = moment.say[1] if lang == "fr" else moment.say[0]
    return f"{name} ({when})"


_SEASON_SAID = re.compile(r"\b(?:printemps|spring|ete|summer|automne|autumn|fall|hiver|winter)\b")
_SPAN = re.compile(
    r"\b(?:en|sur|over|within|in|pendant|durant|d'ici|for|across)\s+(?:the\s+next\s+|les\s+)?"
    r"(\d{1,2}|[a-z-]+)\s+(mois|months?|semaines|weeks?|ans?|years?)\b"
    r"|\b(\d{1,2}|[a-z]+)[- ](month|week|year)\b(?![- ]olds?\b)"
    # "6 mois, 50 k€": a bare span closing its clause (not "il y a 6 mois", "depuis 6 mois")
    r"|(?<!il y a )(?<!depuis )(?<!ago )\b(\d{1,2}) (mois|months)(?=\s*[,.;:]|\s*$)",
)


_SPAN_UNITS = {
    "mois": "months",
    "month": "months",
    "semaine": "weeks",
    "week": "weeks",
    "an": "years",
    "year": "years",
}


def _span_of(text: str) -> tuple[int, str] | None:
    """The span the brief gives without a date ("en 18 mois", "over 12 months", "a 6-month
    plan"), as (number, unit): the plan runs over it from the go-ahead."""
    folded = fold(text)
    if re.search(
        r"\b(?:over|within|during|in) the (?:next|coming) year\b"
        r"|\b(?:dans|sur|au cours de) l.annee (?:qui vient|a venir)\b"
        r"|\bfull[- ]year\b|\b(?:for|over) (?:a|the|one) (?:full |whole )?year\b|\byear-long\b"
        r"|\bannual budget\b|\bbudget annuel\b|\bsur (?:un|l.|toute l.)\s?an(?:nee)?\b"
        r"|\ba l.annee\b|\bannee complete\b",
        folded,
    ):
        return 1, "years"
    for m in _SPAN.finditer(folded):  # "per month" is no span: the next one may be
        number, unit = next(
            (m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i) is not None
        )
        n = int(number) if number.isdigit() else NUMBERS.get(number)
        if n and n <= 60:
            return n, next((v for k, v in _SPAN_UNITS.items() if unit.startswith(k)), "months")
    return None


def _span(text: str, lang: str) -> str | None:
    found = _span_of(text)
    if found is None:
        return None
    n, key = found
    return t(f"ans.span_{key}" if n > 1 else f"ans.span_one_{key}", lang, n=n)


def phases(ctx: Context, s: Situated) -> list[Phase]:
    """The playbook's phases, fitted to the span the brief gives ("a 6-month programme": the
    twelve months of the playbook become six, in the same proportions), or to the time left
    before the moment they build up to (Veganuary three weeks away: three weeks of run-up,
    not nine)."""
    fitted = _fit_to_span(ctx, s)
    if fitted != list(s.playbook.phases):
        return _within_window(ctx, s, fitted)
    return _within_window(ctx, s, _fit_to_moment(ctx, s, _before_short_moment(ctx, s, fitted)))


def _within_window(ctx: Context, s: Situated, book: list[Phase]) -> list[Phase]:
    """A plan counted back to the window the brief gives ("a roll-out in Q2") ends inside it:
    the phases from the moment's on are fitted into the window's weeks, not run on past it."""
    at = next((i for i, p in enumerate(book) if p.moment == "starts"), None)
    moment = _brief_moment(ctx, s) if at is not None else None
    if at is None or moment is None or not _is_window(moment):
        return book
    if any(p.unit != "weeks" for p in book[at:]):
        return book
    weeks = max(len(book) - at, -(-((moment.end - moment.start).days + 1) // 7))
    start, span = book[at].start, book[-1].end - book[at].start
    if span <= weeks:
        return book

    def place(x: int) -> int:
        return start + int((x - start) * weeks / span + 0.5)

    out = list(book[:at])
    for i, p in enumerate(book[at:]):
        first = place(p.start)
        last = start + weeks if at + i == len(book) - 1 else place(p.end)
        out.append(p.model_copy(update={"start": first, "end": max(last, first + 1)}))
    return out


# A moment this short (New Year's Eve, Valentine's Day) is a day people buy before.
SHORT_MOMENT_DAYS = 7
SHORT_MOMENT_WEEKS = 3  # the phase that ends on it runs in the weeks that lead to it


# Named moments that are no buying occasion: a trade show, a match, a conference is where a
# launch happens, on the day.
_NOT_BUYING = re.compile(
    r"salon|fair|show|expo|summit|sommet|conferen|congr|forum|festival|week|semaine|tech|"
    r"messe|cup|coupe|match|marathon|open|tour|grand prix|championnat|championship|launch|"
    r"lancement|sortie|release|ouverture|opening"
)


def _buying_moment(ctx: Context, moment: DatedEvent) -> bool:
    """A holiday or celebration people buy for (the calendar's, or one the brief names, such
    as "le réveillon"), not a trade show, a match or a bare launch date."""
    if moment.type in ("holiday", "shopping"):
        return True
    timing = ctx.brief.timing
    named = bool(timing and timing.events)
    return moment.type == "brief" and named and not _NOT_BUYING.search(fold(moment.name))


def _before_short_moment(ctx: Context, s: Situated, book: list[Phase]) -> list[Phase]:
    """The playbook's phases with the one marked `short_moment` ending on a short buying
    moment (the calendar's, not a launch date the brief gives) instead of starting on it."""
    at = next((i for i, p in enumerate(book) if p.moment), None)
    if at is None or book[at].short_moment != "ends":
        return book
    moment = _brief_moment(ctx, s)
    if (
        moment is None
        or not _buying_moment(ctx, moment)
        or (moment.end - moment.start).days > SHORT_MOMENT_DAYS
        or moment.start <= ctx.today
    ):
        return book
    anchor = book[at]
    end = anchor.start + min(anchor.end - anchor.start, SHORT_MOMENT_WEEKS)
    shift = end - anchor.end
    return [
        *book[:at],
        anchor.model_copy(update={"end": end, "moment": "ends"}),
        *_shifted(book[at + 1 :], shift),
    ]


def _shifted(book: Sequence[Phase], shift: int) -> list[Phase]:
    """The phases moved by `shift` units, each keeping its length."""
    return [p.model_copy(update={"start": p.start + shift, "end": p.end + shift}) for p in book]


# A moment longer than this is a window to land in ("early 2027"), not a date to meet.
WINDOW_DAYS = 21


def _is_window(moment: DatedEvent) -> bool:
    """A span the brief gives to land in ("early 2027", "next spring"), not a date to meet."""
    return moment.type == "brief" and (moment.end - moment.start).days > WINDOW_DAYS


# The share of a window a full run-up may eat before a plan cuts its run-up instead: a launch
# "in January" that would only land on the 25th has missed the month it was meant for.
WINDOW_EARLY = 0.5


def _lands_early(ctx: Context, moment: DatedEvent, unit: str, offset: int) -> bool:
    """Whether a full run-up from today lands in the first part of the window."""
    lands = _back(ctx.today, unit, -offset)
    return lands <= moment.start + (moment.end - moment.start) * WINDOW_EARLY


def _run_up(anchor: Phase) -> int:
    """The units of the plan before its moment: up to the phase that starts on it, or through
    the one that ends on it."""
    return anchor.start if anchor.moment == "starts" else anchor.end


def _fit_to_moment(ctx: Context, s: Situated, book: list[Phase]) -> list[Phase]:
    """The phases before the moment's phase, shortened in the same proportions to the whole
    units left before it; the phases from the moment on keep their length."""
    at = next((i for i, p in enumerate(book) if p.moment), None)
    if at is None or s.playbook.clock not in ("weeks", "months"):
        return book
    anchor = book[at]
    if any(p.unit != anchor.unit for p in book):
        return book
    moment = _brief_moment(ctx, s)
    if moment is None:
        return book
    offset = _run_up(anchor)
    if _is_window(moment) and _lands_early(ctx, moment, anchor.unit, offset):
        return book  # the full run-up still lands early in the window the brief gives
    if moment.start <= ctx.today:
        if deadline_of(ctx) is not None:
            return book  # "before summer 2027": a date to be done by, not a moment under way
        return _fit_under_way(ctx, book, at, moment)
    if _back(moment.start, anchor.unit, offset) >= ctx.today:
        return book  # there is time for the whole run-up
    days = (moment.start - ctx.today).days
    left = days // 7 if anchor.unit == "weeks" else days // 30
    # the phases squeezed: those before the moment's phase, and that phase too when it ends on
    # the moment (a campaign live in the weeks before New Year's Eve)
    before = book[:at] if anchor.moment == "starts" else book[: at + 1]
    if not before or left < len(before) or offset <= 0:
        return book  # too close to fit one unit per phase: said so, not squeezed
    out: list[Phase] = []
    for i, p in enumerate(before):
        first = int(p.start * left / offset + 0.5)
        last = left if i == len(before) - 1 else int(p.end * left / offset + 0.5)
        out.append(p.model_copy(update={"start": first, "end": max(last, first + 1)}))
    return out + _shifted(book[len(before) :], out[-1].end - offset)


def _fit_under_way(ctx: Context, book: list[Phase], at: int, moment: DatedEvent) -> list[Phase]:
    """A moment under way with weeks still to run (the year-end holidays on 7 December): the
    run-up is done in the first week, all its phases at once, and the moment's phase runs to
    the moment's end, not weeks after it; what follows keeps its length."""
    anchor = book[at]
    if (
        anchor.unit != "weeks"
        or anchor.moment != "starts"
        or at == 0
        or not _still_running(moment, ctx.today)
    ):
        return book
    weeks = max(2, -(-(moment.end - ctx.today).days // 7))  # whole weeks to the moment's end
    out = [p.model_copy(update={"start": 0, "end": 1}) for p in book[:at]]
    out.append(anchor.model_copy(update={"start": 1, "end": weeks}))
    return out + _shifted(book[at + 1 :], weeks - anchor.end)


def _still_running(moment: DatedEvent, today: dt.date) -> bool:
    """A moment under way with weeks still to run and a third of it left (the year-end
    holidays on 7 December): worth a short plan now, not next year's edition."""
    left = (moment.end - today).days
    return left >= UNDER_WAY_DAYS and left * 3 >= max((moment.end - moment.start).days, 1)


def _fit_to_span(ctx: Context, s: Situated) -> list[Phase]:
    book = s.playbook.phases
    found = _span_of(ctx.text or "") or _until_deadline(ctx, book, s.playbook.stretch_to_deadline)
    if not book or found is None or s.playbook.clock not in ("weeks", "months"):
        return list(book)
    n, unit = found
    months = n * {"years": 12.0, "months": 1.0, "weeks": 12 / 52}[unit]
    unit_of = book[-1].unit
    target = round(months) if unit_of == "months" else round(months * 52 / 12)
    length = book[-1].end
    if target < len(book) or target == length or any(p.unit != unit_of for p in book):
        return list(book)
    # Stretched, the preparation before the moment's phase grows at most PREP_STRETCH times:
    # a 12-month plan in a regulated sector maps its rule in weeks, not in five months, and
    # the time it adds goes to the phases that run live.
    at = next((i for i, p in enumerate(book) if p.moment), None)
    prep = book[at].start if at else 0
    if target > length and prep and length > prep:
        new_prep = max(prep, round(prep * min(target / length, PREP_STRETCH)))

        def place(x: int) -> int:
            if x <= prep:
                return int(x * new_prep / prep + 0.5)
            return new_prep + int((x - prep) * (target - new_prep) / (length - prep) + 0.5)

    else:

        def place(x: int) -> int:
            return int(x * target / length + 0.5)

    out: list[Phase] = []
    for i, p in enumerate(book):
        first = place(p.start)
        last = target if i == len(book) - 1 else place(p.end)
        out.append(p.model_copy(update={"start": first, "end": max(last, first + 1)}))
    return out


def _until_deadline(
    ctx: Context, book: list[Phase], stretch: bool = False
) -> tuple[int, str] | None:
    """The weeks left before the brief's deadline ("d'ici le 24 décembre") when they are fewer
    than the playbook's phases take: the plan is fitted into them; with `stretch`, also when
    they are more (a programme runs until its date)."""
    deadline = deadline_of(ctx)
    due = deadline or _window_end(ctx)
    if due is None or not book:
        return None
    weeks = (due - ctx.today).days // 7
    planned = book[-1].end if book[-1].unit == "weeks" else book[-1].end * 52 / 12
    if 0 < weeks < planned:
        return (weeks, "weeks")
    # a programme given until a date further off ("a recognised voice by end of 2027") runs
    # until it, not for its usual six months and then stops
    if stretch and deadline is not None and planned < weeks <= planned * MAX_STRETCH:
        return (weeks, "weeks")
    return None


MAX_STRETCH = 2.5  # a programme runs at most this much longer than its playbook's phases


# A period this long is the campaign's own window ("H1 2027", "Q2"): the plan ends with it.
CAMPAIGN_WINDOW_DAYS = 80


def _window_end(ctx: Context) -> dt.date | None:
    """The end of the period the brief runs in ("over H1 2027", "au premier semestre"), when it
    is a season or longer, not a launch day or month to build up to."""
    timing = ctx.brief.timing
    if timing is None or timing.start is None or timing.end is None:
        return None
    return timing.end if (timing.end - timing.start).days >= CAMPAIGN_WINDOW_DAYS else None


def _key_outlets(ctx: Context, s: Situated) -> str | None:
    market = ctx.catalog.market(s.markets[0], ctx.lang) if s.markets else None
    names = key_outlets(ctx, market)
    return join(names, ctx.lang) if names else None


def _channel_names(ctx: Context, s: Situated, boosted: bool = False) -> str | None:
    """The answer's first three channels as a sentence names them; with `boosted`, only those
    money can push (paid and social ones: no paid reach "on the national press")."""
    if not s.markets or ctx.catalog.market(s.markets[0], ctx.lang) is None:
        return None
    # the answer's own channel mix (its audience's platforms first), not the market's top three
    items = [i for i in channel_items(ctx, s) if i.ref]
    if boosted:
        items = [i for i in items if i.role in ("paid", "shared")]
    names = [_in_sentence_name(i) for i in items][:3]
    return join(names, ctx.lang) if names else None


# Channels named by what they are, not by a brand: lower case inside a sentence, without the
# bracketed gloss of their heading ("sur LinkedIn, événements et médias propriétaires").
_KIND_CHANNELS = frozenset(
    (
        "channel-press-national",
        "channel-press-regional",
        "channel-press-trade",
        "channel-events",
        "channel-owned-media",
        "channel-newsletters",
        "channel-podcasts",
    )
)


def _in_sentence_name(item: PlanItem) -> str:
    if item.ref not in _KIND_CHANNELS:
        return item.title
    plain = re.sub(r"\s*\([^)]*\)$", "", item.title)
    return plain[:1].lower() + plain[1:]


# ---- what the playbook works with -------------------------------------------------------------


def mechanics_for(ctx: Context, book: Playbook) -> list[Scored]:
    """The brief's best mechanics among those the playbook allows, its preferred ones first."""
    ranked = _category_nudge(ctx, rank_mechanics(ctx.catalog.mechanics(ctx.lang), ctx.brief))
    excluded = {
        *book.mechanics_excluded,
        *(
            m
            for case in cases_of(book, ctx.text or "")
            for m in book.case_mechanics_excluded.get(case, ())
        ),
    }
    allowed = [r for r in ranked if r[1].mechanic_id not in excluded and _has_material(ctx, r[0])]
    if book.mechanics_fit:
        fit = [r for r in allowed if r[1].mechanic_id in book.mechanics_fit]
        chosen = select_mechanics(fit, k=2) if fit else []
        if chosen:
            return chosen
    # the brief's constraints ruled out every preferred mechanic: the best of the others
    return select_mechanics(allowed, k=2)


# How much a mechanic the product category's own ideas run on gains, as a share of the best
# score: strategists wrote those ideas for the category, so a kéfir and a bank do not get the
# same plan.
CATEGORY_NUDGE = 0.25


def _category_nudge(ctx: Context, ranked: list[Scored]) -> list[Scored]:
    """The ranking, with the mechanics of the category's authored ideas moved up."""
    category = category_in(ctx, fold(ctx.text or ""))
    if category is None or not ranked:
        return ranked
    used = {seed.mechanic for _, seed in ctx.catalog.category_seeds(category.id)}
    if not used:
        return ranked
    best = max(s.score for _, s in ranked)
    nudged = [
        (m, dataclasses.replace(s, score=s.score + CATEGORY_NUDGE * best))
        if s.mechanic_id in used and s.family != "crisis"
        else (m, s)
        for m, s in ranked
    ]
    return sorted(nudged, key=lambda r: -r[1].score)


_FALLBACK_SLOT = re.compile(r"\{([a-z_]+)\|")


def _has_material(ctx: Context, mech: Mechanic) -> bool:
    """Whether the brief gives the mechanic something real to work with: a partnership needs a
    partner the category knows (a pasta brand's chefs and grocers) or one the question names;
    otherwise it would be said with a fill-in ("a name the target already trusts")."""
    if mech.in_brief is None:
        return True
    needed = [
        n
        for n in _FALLBACK_SLOT.findall(mech.in_brief.get(ctx.lang))
        if n in vocab.CATEGORY_PLACEHOLDERS
    ]
    if not needed:
        return True
    values = _category_values(ctx)
    if all(values.get(n) for n in needed):
        return True
    asked = stem_pattern([*mech.tags, mech.title])
    return asked is not None and asked.search(fold(ctx.text or "")) is not None


def relevant_moments(
    ctx: Context, market: str | None, types: list[str] | None = None, by_sector: bool = True
) -> list[DatedEvent]:
    """Upcoming moments of the market that serve this brief's sector or audience (and only
    those): none when nothing in the calendar is about them."""
    if market is None:
        return []
    calendar = ctx.catalog.calendar(market, ctx.lang)
    brief = ctx.brief
    audiences = set(audience_codes(brief))
    start = ctx.today
    if brief.timing and brief.timing.start:
        start = brief.timing.start
    # A brief that gives a window ("in April", "this summer") is anchored inside it, not on a
    # moment months after it.
    until = brief.timing.end if brief.timing and brief.timing.start else None
    folded = fold(ctx.text)
    # a brief that sells to businesses (or hires, or speaks to a profession) meets them at shows
    trade = (
        any(o in ("b2b-leads", "thought-leadership") for o in brief.objectives)
        or brief.sector in vocab.PRO_SECTORS
        or bool(audiences & {"b2b-decision-makers", "professionals", "health-professionals"})
        or bool(types and "trade-show" in types)
    )
    scored: list[tuple[int, bool, DatedEvent]] = []
    for event in market_events(calendar, ctx.today):
        # the event the brief names by its word ("la rentrée") counts on the market's own date,
        # even a little before the window those words suggest elsewhere
        early = event.end < start and not (
            event.end >= ctx.today
            and (start - event.end).days <= NAMED_EARLIER_DAYS
            and brief.timing is not None
            and named_by(brief.timing, event)
        )
        if early or (event.start - start).days > NAMED_MOMENT_HORIZON_DAYS:
            continue
        if event.end < ctx.today and not (brief.timing and named_by(brief.timing, event)):
            # over already (Giving Tuesday on 1 December, for "les fêtes et l'hiver" asked on
            # the 7th), unless the brief names it: no anchor, no moment to ride
            continue
        if until is not None and (event.start - until).days > MOMENT_AFTER_WINDOW_DAYS:
            continue
        if until is not None and brief.timing and brief.timing.seasons and event.start > until:
            continue  # a summer plan is not anchored on a September fashion week
        if (types and event.type not in types) or event.type == "quiet":
            continue
        if (
            event.type == "trade-show"
            and not (trade or event.public)
            and not named_in(event.name, folded)
        ):
            continue  # a trade-only show is a buyers' moment (Gulfood is not a food app's)
        by_audience = bool(audiences & set(event.audiences))
        by_name = brief.timing is not None and named_by(brief.timing, event)
        by_name = by_name or named_in(event.name, folded)
        if not by_name and any_trigger(event.not_for, folded):
            continue  # "baby food": not a carnival's moment, whatever the sector shares
        by_trigger = any_trigger(event.triggers, folded)
        named = by_name or by_trigger
        # a subject's month (Pink October is breast cancer) is not every woman's moment
        by_audience = by_audience and (not event.triggers or named)
        # a moment with trigger words is about a subject (Pink October is breast cancer): its
        # sector alone does not make it a sleep supplement's moment, only with its subject
        sector_shared = (
            by_sector
            and brief.sector is not None
            and brief.sector in event.sectors
            # a show with subject words (robotics, milking robots) is that subject's, not every
            # farm brief's
            and (not event.triggers or named)
        )
        # A show or event for many sectors (a consumer-tech show) anchors a brief of one of them
        # only when its audience is this brief's too; a shopping or cultural season (Ramadan,
        # White Friday) is shared by many sectors by nature.
        broad = len(event.sectors) > BROAD_MOMENT_SECTORS and event.type in ("trade-show", "event")
        # the audience's own moment (freshers' week for students) is more precise than one its
        # whole sector shares
        if not named and (event.start - start).days > MOMENT_HORIZON_DAYS:
            continue
        if (
            not by_name
            and brief.timing is None
            and (brief.sector == "ngo" or "advocacy" in brief.objectives)
            and (event.start - start).days > UNDATED_HORIZON_DAYS
        ):
            # a cause with no date starts now: a moment nine months off is no anchor for it (an
            # association that needs volunteers is not told to wait for October); a launch
            # still builds up to its audience's moment (freshers' week for students)
            continue  # a moment the brief names is its anchor even eleven months away
        # named by its name ("caler sur la Chandeleur") beats named by a word it is about
        # ("galette" is also Epiphany's)
        score = 3 * named + by_name + (1 if broad else 2) * sector_shared + 3 * by_audience
        # named in full ("le Tournoi des Six Nations") beats named by a word it shares with
        # others ("rugby" is the World Cup's word too)
        said = [len(w) for w in event.triggers if trigger_in(w, folded)] if by_trigger else []
        if by_name:
            said.append(sum(len(w) + 1 for w in _name_words(event.name)))
        score += 3 * (max(said, default=0) >= SPECIFIC_NAMING)
        if score >= 2:
            scored.append((score, named, dataclasses.replace(event, fit=score)))
    # The brief's own moment first, then what serves both its sector and its audience; at equal
    # fit, a moment the brief's words name ("graduate trainees": the milkround) before one its
    # audience merely shares (freshers' week for students), a buying moment before a news season
    # ("la rentrée" for a school bag is the school one, not the media one), then the soonest.
    scored.sort(key=lambda x: (-x[0], not x[1], x[2].type == "news", x[2].start))
    return [e for _, _, e in scored[:3]]


# A trigger this long names one event ("tournoi des six nations"), not a topic several share.
SPECIFIC_NAMING = 12

_GENERIC_EVENT_WORDS = frozenset(
    (
        "international",
        "national",
        "season",
        "saison",
        "week",
        "semaine",
        "month",
        "mois",
        "year",  # "next year" does not name New Year's Day
        "years",
        "annee",
        "annees",
        "day",
        "journee",
        "jour",
        "paris",
        "london",
        "londres",
        "fair",
        "salon",
        "festival",
        "the",
        "des",
        "les",
        "and",
        "pour",
        "with",
        "avec",
        "world",
        "mondial",
        "mondiale",
        # a sport names its clubs and teams as much as its cup: "a women's rugby club" does not
        # name the Rugby World Cup
        "rugby",
        "football",
        "soccer",
        "basketball",
        "handball",
        "women",
        "womens",
        "feminine",
        # "Start of the ski season" is not named by a startup, the "Autumn Budget" by a brief
        # that launches in autumn with a budget
        "start",
        "budget",
        "autumn",
        "spring",
        "summer",
        "winter",
        "automne",
        "printemps",
        "hiver",
        "opening",
        "beginning",
        "debut",
        "ouverture",
        "open",
        "official",
        "usual",
        "window",
        # a month names when, not which event: "launching in January" is not Dry January
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    )
)


@lru_cache(maxsize=4096)  # a few hundred event names, read for every question
def _name_words(event_name: str) -> tuple[str, ...]:
    """The distinctive words of an event's name (not "world", "week" or a year)."""
    return tuple(
        w
        for w in re.findall(r"[a-z0-9]+", fold(event_name.split("(")[0]))
        if len(w) > 3 and w not in _GENERIC_EVENT_WORDS and not re.fullmatch(r"\d{4}", w)
    )


def named_in(event_name: str, folded_text: str) -> bool:
    """The question names the event itself ("avant le Salon de l'agriculture", "for Giving
    Tuesday"): its distinctive words all appear in the question."""
    words = _name_words(event_name)
    if words and all(is_place(w) for w in words):
        return False  # "Art Basel" is not named by a firm in Basel: the city is not the event
    return bool(words) and all(
        w in folded_text and word_pattern(w).search(folded_text) for w in words
    )


# ---- sections ---------------------------------------------------------------------------------

Section = Callable[[Context, Situated, dict[str, str | None]], list[str]]


def _line(text: str, numbers: list[int]) -> str:
    return f"- {text} {marks(numbers)}".rstrip()


def _cite_book(ctx: Context, s: Situated) -> list[int]:
    return ctx.book.cite(s.playbook.id)


def _unit_span(phase: Phase, lang: str) -> str:
    a, b = phase.start, phase.end
    if phase.unit == "hours":
        return f"{a}–{b} h"
    words = {
        "days": ("Days", "Jours"),
        "weeks": ("Weeks", "Semaines"),
        "months": ("Months", "Mois"),
    }[phase.unit]
    word = words[1] if lang == "fr" else words[0]
    first = a + 1 if phase.unit in ("weeks", "months") else a
    if first == b:
        single = {
            "Days": "Day",
            "Weeks": "Week",
            "Months": "Month",
            "Jours": "Jour",
            "Semaines": "Semaine",
        }
        return f"{single.get(word, word)} {b}"
    return f"{word} {first}–{b}"


def _back(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "months":
        return add_months(day, -n)
    return day - dt.timedelta(days=n * (7 if unit == "weeks" else 1))


# A single date that is an event to build up to ("the race on Dec 31", "le gala du 12 mars"),
# not the day the plan starts.
_DAY_EVENT = re.compile(
    r"\b(?:race|marathon|match|final|finale|festival|concert|gala|premiere|first night|"
    r"course|soiree|inauguration|grand opening|launch event|ceremony|ceremonie|tournament|"
    r"tournoi|derby|show|defile|fashion show|journee|day|anniversary|anniversaire|opens?|"
    r"opening|ouvre|ouvrons|ouverture|launch(?:es)?|lance|lancons|lancement|"
    # "faire parler d'elles autour du 28 mai": a date to build up to, not to start on
    r"autour du|autour de|around|aux alentours du|in the run-up to|ahead of)\b"
)
_LEADING_PREPOSITION = re.compile(
    r"^(?:autour\s+du|autour\s+de|vers\s+le|pour|en|à|a|au|aux|dès|pendant|vers|du|le|for|"
    r"in|during|by|at|around|ahead of|before|on)\s+",
    re.IGNORECASE,
)


def named_by(timing: Timing, event: DatedEvent) -> bool:
    """Whether the brief's event words name the event: by its own name, or by how a sentence
    says it ("Christmas" for the Achats de Noël) when the brief's own dates do not run past it
    ("les fêtes de fin d'année" run to New Year's Eve)."""
    if any(matches(w, event.name) for w in timing.events):
        return True
    end = timing.end or timing.start
    return any(names(w, event) for w in timing.events) and (
        end is None or (end - event.end).days <= SAID_NAME_SLACK_DAYS
    )


SAID_NAME_SLACK_DAYS = 3


def _brief_moment(ctx: Context, s: Situated) -> DatedEvent | None:
    """The moment the plan is built towards: the one the brief names, else the calendar's
    most relevant one (None: the brief gives a plain start date, or nothing fits)."""
    timing = ctx.brief.timing
    if timing and timing.start:
        end = timing.end or timing.start
        # in a window ("next year", "in Q2") a moment too close for the run-up is no anchor: New
        # Year three weeks off does not open "next year" for a brand entering Japan
        moments = s.moments
        if (end - timing.start).days > WINDOW_DAYS and not timing.events:
            # (a moment the brief's own words bring, inside its window, stays: Dry January for
            # an alcohol-free beer "début 2027" is its moment, with a shortened run-up)
            folded = fold(ctx.text or "")
            moments = [
                m
                for m in moments
                if _run_up_fits(ctx, s, m, WINDOW_RUN_UP_SHARE)
                or (
                    m.start >= timing.start
                    and any(trigger_in(w, folded) for w in m.triggers)
                    and _run_up_fits(ctx, s, m, BRIEF_MOMENT_RUN_UP_SHARE)
                )
            ]
        # the event the brief names, on the market's own date: "la rentrée" in Belgium is the
        # last Monday of August, not the French first days of September the words suggest
        by_name = [m for m in moments if named_by(timing, m)]
        by_name.sort(key=lambda m: not any(matches(w, m.name) for w in timing.events))
        if by_name and not timing.seasons:
            return by_name[0]
        named = [m for m in moments if m.start <= timing.start <= m.end]
        if timing.events and named:
            return named[0]
        if end == timing.start and not timing.seasons:
            # one day: the calendar's moment on it ("the São Silvestre race on Dec 31"), or an
            # event of the brief's own on that day; the plan builds up to it, not from it
            if named and named[0].fit >= STRONG_MOMENT_FIT:
                return named[0]
            if _DAY_EVENT.search(fold(ctx.text or "")):
                text = _LEADING_PREPOSITION.sub("", timing.text or "")
                return DatedEvent(name=text, type="brief", start=timing.start, end=timing.start)
        # a season or a month: the calendar's moment inside it when it is the brief's own ("this
        # summer" for a cold drink in Japan is the festival and fireworks season; "in April" for
        # libraries is National Library Week), not one its sector merely shares (Mother's Day)
        inside = [
            m for m in moments if timing.start <= m.start <= end and m.fit >= STRONG_MOMENT_FIT
        ]
        if (timing.seasons or timing.end) and inside:
            if _year_long(ctx):
                # "en 2027": the first of the brief's own moments the run-up still reaches, so
                # the plan runs over that year and not mostly over the next
                fitting = _year_anchor(ctx, s, inside)
                if fitting is not None:
                    return fitting
            return inside[0]
        # a window ("en juin", "in Q2") is when it must happen: the plan counts back from it
        if timing.events or timing.seasons or timing.end:
            if timing.events and named:
                return named[0]
            # a season: a moment of its own that covers most of it ("this winter" for skis is
            # the ski season), not one that merely runs into its first days (the flu season for
            # "next spring")
            covering = [
                m
                for m in named
                if m.fit >= STRONG_MOMENT_FIT
                and (min(m.end, end) - max(m.start, timing.start)).days
                >= (end - timing.start).days / 2
            ]
            if covering and covering[0].start < timing.start <= covering[0].end:
                # a season under way ("la reprise de la Ligue 1 début janvier"): the brief's own
                # window inside it is the moment, not the season's next opening in August
                text = _LEADING_PREPOSITION.sub("", timing.text or "")
                return DatedEvent(name=text, type="brief", start=timing.start, end=end)
            if covering:
                return covering[0]
            if timing.end and not timing.seasons:
                # a month: the market's own moment in it (la rentrée in September, Ramadan in
                # February) before the bare month
                # February, not one that only runs into its first day (the Salon de
                # l'agriculture, ending on 1 March, is no launch moment for "en mars")
                overlapping = [m for m in named if m.fit >= 2 and m.start >= timing.start] + [
                    m for m in moments if timing.start <= m.start <= end
                ]
                if overlapping:
                    return overlapping[0]
            if _year_long(ctx):
                # "en 2027": a year is when the plan runs, not a moment to meet; the plan counts
                # back from the situation's own moment inside it (the sector's trade show), if any
                within = [m for m in s.moments if timing.start <= m.start <= end]
                # the first one the run-up still reaches, so that the plan runs over that year
                # and not mostly over the next (Forum InCyber in April, not October's Cybermoi/s)
                # (with its run-up cut a little, as in any window); when none is reachable the
                # plan runs from the year's start, not towards a moment in its last months
                return _year_anchor(ctx, s, within)
            text = _LEADING_PREPOSITION.sub("", timing.text or ", ".join(timing.events))
            return DatedEvent(name=text, type="brief", start=timing.start, end=end)
        return None
    # a season the brief names that is under way with months to run ("around the Ligue 1
    # season" in December): the plan lands inside what is left of it, not at next August's start
    folded = fold(ctx.text or "")
    best = max((m.fit for m in s.moments if m.start > ctx.today), default=0)
    for m in s.moments:
        if (
            m.start <= ctx.today < m.end
            and (m.end - m.start).days > WINDOW_DAYS
            and _still_running(m, ctx.today)
            and m.fit >= max(STRONG_MOMENT_FIT, best)
            and any(trigger_in(w, folded) for w in m.triggers)
            and not _SEASON_START.search(folded)
        ):
            said = m.name if m.say is None else m.say[1 if ctx.lang == "fr" else 0]
            rest = t("ans.rest_of", ctx.lang, moment=said)
            return DatedEvent(name=rest, type="brief", start=ctx.today, end=m.end, fit=m.fit)
    # a moment the calendar offers, not one the brief names: the first that leaves time for the
    # whole run-up (New Year three weeks away is no arrival date for a brand entering Japan)
    # (nor one already under way: Christmas shopping that started three weeks ago)
    ahead = [m for m in s.moments if m.start > ctx.today]
    if s.playbook.answer_kind == "how-much" and _span_of(ctx.text or "") is not None:
        # money "sur 3 mois" is split over the next three months: not timed on a moment after
        first, after = _split_span(ctx)
        inside = [m for m in ahead if first <= m.start < after]
        return inside[0] if inside else None
    fits = [m for m in ahead if m.fit >= STRONG_MOMENT_FIT or _run_up_fits(ctx, s, m)]
    if _span_of(ctx.text or "") is not None:
        # "a 6-month plan": it runs from now over that span, so a moment is its anchor only when
        # the go-ahead it asks for is about now (SantExpo in May does not push the start to March)
        fits = [m for m in fits if not _run_up_fits(ctx, s, m, share=1.0, slack=SPAN_START_SLACK)]
        return fits[0] if fits else None
    return fits[0] if fits else (ahead[0] if ahead else None)


# In a year-long window, a moment this far into it still leaves the plan's later phases in it.
YEAR_ANCHOR_MONTHS = 8


def _year_anchor(ctx: Context, s: Situated, moments: list[DatedEvent]) -> DatedEvent | None:
    """The moment a plan over a whole year ("en 2027") counts back from: one its run-up still
    reaches (cut a little, as in any window) in the year's first months, of the kind the
    playbook meets its audience at first (a B2B plan's trade show before an awareness month),
    then the best-fitting, then the earliest; else the first reachable one. None: the plan
    runs from the year's start rather than towards a moment in its last months."""
    timing = ctx.brief.timing
    reachable = [m for m in moments if _run_up_fits(ctx, s, m, WINDOW_RUN_UP_SHARE)]
    if not reachable or timing is None or timing.start is None:
        return None
    early = add_months(timing.start, YEAR_ANCHOR_MONTHS)
    types = s.playbook.moment_types or []

    def rank(m: DatedEvent) -> tuple[int, int, dt.date]:
        kind = types.index(m.type) if m.type in types else len(types)
        return (kind, -m.fit, m.start)

    first_months = [m for m in reachable if m.start <= early]
    if first_months:
        return min(first_months, key=rank)
    return min(reachable, key=lambda m: m.start)


def _span_end(ctx: Context) -> dt.date:
    """The last day of the span the brief gives ("a 6-month plan"), counted from today."""
    found = _span_of(ctx.text or "")
    if found is None:
        return ctx.today
    n, unit = found
    if unit in ("years", "months"):
        return add_months(ctx.today, n * (12 if unit == "years" else 1))
    return ctx.today + dt.timedelta(weeks=n)


def _split_span(ctx: Context, anchor: DatedEvent | None = None) -> tuple[dt.date, dt.date]:
    """(first day, day after) of the months an undated budget is split over: from next month,
    for the span the brief gives ("sur 3 mois", "a full year"); with no span, the three
    months from the one before the budget's moment (an ice cream's season), else from next
    month."""
    found = _span_of(ctx.text or "")
    n = DEFAULT_MONTHS
    if found is not None:
        n = min(12, max(1, round(found[0] * {"years": 12, "months": 1}.get(found[1], 0.25))))
    first = add_months(ctx.today.replace(day=1), 1)
    if found is None and anchor is not None and anchor.start > ctx.today:
        first = max(first, add_months(anchor.start.replace(day=1), -1))
    return first, add_months(first, n)


# A moment under way with this many days left (and a third of it still to run) is still worth a
# short plan, not next year's.
UNDER_WAY_DAYS = 10
# A window up to this long ("en janvier") is one to arrive by: the moment just after it counts.
MONTH_WINDOW_DAYS = 45
MIN_MONTH_DAYS = 20  # shorter, it is a date, not a month
# A window this long is the year the plan runs over ("in 2027"), not a moment to count back from.
YEAR_DAYS = 300


def _year_long(ctx: Context) -> bool:
    timing = ctx.brief.timing
    if timing is None or timing.start is None or timing.end is None:
        return False
    if timing.events or timing.seasons:
        return False
    if deadline_of(ctx) is not None:
        return False  # "d'ici fin 2027" is a date to meet
    return (timing.end - timing.start).days >= YEAR_DAYS


def _run_up_fits(
    ctx: Context, s: Situated, moment: DatedEvent, share: float = 1.0, slack: int = 0
) -> bool:
    """Whether the playbook's phases before its moment fit between today and `moment` (with
    `share`, whether that part of them does: a run-up cut by a quarter still reaches it; with
    `slack`, whether they fit with that many days to spare before they must start)."""
    anchor = next((p for p in s.playbook.phases if p.moment), None)
    if anchor is None:
        return True
    offset = math.ceil(_run_up(anchor) * share)
    return _back(moment.start, anchor.unit, offset) >= ctx.today + dt.timedelta(days=slack)


# A moment the brief's own words bring still anchors a window with its run-up cut to this share
# (a launch's seven weeks fit in three before Dry January; an entry's groundwork does not)
BRIEF_MOMENT_RUN_UP_SHARE = 0.35


# A plan over a span ("a 6-month plan") counts back from a moment only when the go-ahead it asks
# for falls within this many days.
SPAN_START_SLACK = 31


# In a window, a moment whose run-up can be cut to this share of the usual one is still its
# anchor: Ramadan nine weeks away is a food brand's arrival in the Gulf, not Eid after it.
WINDOW_RUN_UP_SHARE = 0.7


# "the start of the Premier League season", "la reprise de la Ligue 1": its next opening, not
# what is left of the season under way
_SEASON_START = re.compile(
    r"\b(?:start|starts|opening|kick.?off|opener|debut|coup d.envoi|ouverture|"
    r"saison prochaine)\b"
    r"|\b(?:new|next|upcoming|nouvelle|prochaine)\b[^.?!]{0,30}\b(?:season|saison)\b"
)


def _counted_back(ctx: Context, s: Situated) -> str | None:
    """ "Counted back from the moment": when the plan must start so that the phase that falls
    on the moment does, or why there is not that much time left."""
    anchor = next((p for p in phases(ctx, s) if p.moment), None)
    moment = _brief_moment(ctx, s)
    if anchor is None or moment is None:
        return None
    lang, today = ctx.lang, ctx.today
    offset = _run_up(anchor)
    go = _back(moment.start, anchor.unit, offset)
    phase = fill(anchor.name, {}) or anchor.name
    values = {"moment": _moment_text(moment, lang), "phase": phase}
    if go < today and _is_window(moment):
        # a window ("early 2027", "next spring", the rest of a season under way): the whole
        # run-up still lands inside it
        lands = _back(today, anchor.unit, -offset)
        if lands <= moment.end:
            return t("ans.moment_window", lang, date=fmt_date(lands, lang), **values)
    if moment.start <= today and _still_running(moment, today):
        still = f"{(moment.end - today).days} {label('unit', 'days', lang)}"
        return t("ans.moment_running", lang, left=still, **values)
    if moment.start <= today:
        # its next edition, a year on (the calendar's exact dates are confirmed nearer the time),
        # and when that one needs the go-ahead
        years = 1
        while _back(add_months(moment.start, 12 * years), anchor.unit, offset) < today:
            years += 1
        nxt = add_months(moment.start, 12 * years)
        values |= {
            "next": fmt_date(nxt, lang),
            "go": fmt_date(_back(nxt, anchor.unit, offset), lang),
        }
        key = "ans.moment_past" if moment.end < today else "ans.moment_now"
        return t(key, lang, **values)
    if go < today:
        days = (moment.start - today).days
        if days < 14:
            word = label("unit", "days" if days > 1 else "day", lang)
            return t("ans.moment_short", lang, left=f"{days} {word}", **values)
        left = days // 30 if anchor.unit == "months" else days // 7
        if anchor.unit == "months" and left < 2:
            left, unit = days // 7, "weeks"
        else:
            unit = anchor.unit
        word = label("unit", unit if left != 1 else unit[:-1], lang)
        return t("ans.moment_short", lang, left=f"{max(left, 0)} {word}", **values)
    book = _before_short_moment(ctx, s, list(s.playbook.phases))
    planned = next((p for p in book if p.moment), anchor)
    cut_by_time = _back(moment.start, planned.unit, _run_up(planned)) < today
    if _run_up(anchor) < _run_up(planned) and cut_by_time:  # the run-up was cut to the time left
        # the time there really is to the moment, which the cut run-up may not fill
        days = (moment.start - today).days
        left = max(_run_up(anchor), days // 7 if anchor.unit == "weeks" else days // 30)
        unit = label("unit", anchor.unit if left != 1 else anchor.unit[:-1], lang)
        values |= {"left": f"{left} {unit}", "planned": str(_run_up(planned))}
        squeezed = t("ans.moment_squeezed", lang, go=fmt_date(go, lang), **values)
        lull = _quiet_in_run_up(ctx, s, max(go, today), moment.start)
        if lull is None:
            return squeezed
        return f"{squeezed} " + t("ans.quiet_run_up", lang, quiet=_moment_text(lull, lang))
    key = "ans.moment_starts" if anchor.moment == "starts" else "ans.moment_ends"
    said = t(key, lang, go=fmt_date(go, lang), **values)
    quiet = _quiet_in_run_up(ctx, s, go, moment.start)
    if quiet is None:
        return said
    return f"{said} " + t("ans.quiet_run_up", lang, quiet=_moment_text(quiet, lang))


def _quiet_in_run_up(ctx: Context, s: Situated, go: dt.date, moment: dt.date) -> DatedEvent | None:
    """The market's quiet period (France's summer lull) that the run-up from `go` to the moment
    runs through, when the brief's sector has one: its weeks do not count as working weeks."""
    code = s.markets[0] if s.markets else None
    calendar = ctx.catalog.calendar(code, ctx.lang) if code else None
    for event in market_events(calendar, ctx.today):
        if (
            event.type == "quiet"
            and (min(event.end, moment) - max(event.start, go)).days >= QUIET_DAYS
            and (not event.sectors or ctx.brief.sector in event.sectors)
        ):
            return event
    return None


# a lull that long empties newsrooms and offices (the year-end break); a long weekend does not
QUIET_DAYS = 10


def _anchor_line(
    ctx: Context, s: Situated, moment: DatedEvent, share: float | None = WINDOW_RUN_UP_SHARE
) -> str:
    """The moment the plan is anchored on; or, when it comes too soon for the run-up the
    playbook asks (Dry January three weeks away: the arrival lands near its end), what to do
    with it instead."""
    text = _moment_text(moment, ctx.lang)
    if share is not None and moment.start > ctx.today and not _run_up_fits(ctx, s, moment, share):
        return t("ans.too_close", ctx.lang, moment=text)
    return t("ans.anchor", ctx.lang, moment=text)


def sec_phases(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    lines = []
    start = ctx.brief.timing.start if ctx.brief.timing else None
    due = deadline_of(ctx)
    planned = s.playbook.clock in ("weeks", "months")
    back = _counted_back(ctx, s) if planned and due is None else None
    if due is not None:  # "d'ici fin 2027" is when it must be done, not when it starts
        weeks = (due - ctx.today).days // 7
        book = s.playbook.phases
        if planned and book and book[-1].unit == "weeks" and weeks < len(book):
            # two weeks before Christmas: no 12-week plan "by then", say what still fits
            left = f"{max(weeks, 0)} {label('unit', 'weeks' if weeks != 1 else 'week', lang)}"
            if weeks < 1:
                days = max((due - ctx.today).days, 0)
                left = f"{days} {label('unit', 'days' if days != 1 else 'day', lang)}"
            lines.append(t("ans.deadline_short", lang, date=fmt_date(due, lang), left=left))
        else:
            lines.append(t("ans.deadline", lang, date=fmt_date(due, lang)))
    elif back:
        lines.append(back[:1].upper() + back[1:])
        moment = _brief_moment(ctx, s)
        # a bare month to arrive by and the market's moment just after it to ride (Eid after a
        # February opening); a season's moment inside it (a July race is not a spring launch's)
        season = bool(ctx.brief.timing and ctx.brief.timing.seasons)
        after = [
            m
            for m in s.moments
            if moment
            and moment.start <= m.start
            and (not season or m.start <= moment.end)
            # a window of several months ("April to June") is ridden inside it, not after it
            and ((moment.end - moment.start).days <= MONTH_WINDOW_DAYS or m.start <= moment.end)
            # a month to arrive by, not a day: 28 May is not anchored on September's rentrée
            and (moment.end - moment.start).days >= MIN_MONTH_DAYS
            and (m.start - moment.end).days <= MONTH_WINDOW_DAYS
        ]
        # or the moment the brief's own words bring that its date falls in (an alcohol-free
        # beer out mid-January lands in the Défi de Janvier)
        inside = [
            m
            for m in s.moments
            if moment
            and m.fit >= STRONG_MOMENT_FIT
            and m.start <= moment.start <= m.end
            and m.name != moment.name
        ]
        if moment is not None and moment.type == "brief" and (after or inside):
            timing = ctx.brief.timing
            # the brief's own month ("lancement en janvier") is when it chose to arrive: its
            # moment is the anchor however short the run-up; a longer window may start later
            month = (
                timing is not None
                and timing.start is not None
                and timing.end is not None
                and (timing.end - timing.start).days <= MONTH_WINDOW_DAYS
            )
            lines.append(_anchor_line(ctx, s, (after or inside)[0], share=None if month else 1.0))
    elif start and planned and _year_long(ctx):
        when = _LEADING_PREPOSITION.sub("", ctx.brief.timing.text or "") if ctx.brief.timing else ""
        lines.append(t("ans.year_window", lang, when=when or str(start.year)))
        if s.moments:
            lines.append(t("ans.anchor", lang, moment=_moment_text(s.moments[0], lang)))
    elif start and planned:
        lines.append(t("ans.from_date", lang, date=fmt_date(start, lang)))
        if s.moments:
            lines.append(_anchor_line(ctx, s, s.moments[0]))
    elif planned and (span := _span(ctx.text, lang)):
        lines.append(t("ans.span", lang, span=span))
        inside = [m for m in s.moments if m.start <= _span_end(ctx)]
        if inside:  # the moment inside the span, not one after it (November for a 6-month plan)
            lines.append(t("ans.anchor", lang, moment=_moment_text(inside[0], lang)))
    elif s.moments and planned:
        lines.append(_anchor_line(ctx, s, s.moments[0]))
    elif planned:
        months = s.playbook.clock == "months"
        lines.append(t("ans.relative_months" if months else "ans.relative", lang))
    cite = _cite_book(ctx, s)
    fitted = phases(ctx, s)
    origin = _plan_origin(ctx, s, fitted)
    for phase in fitted:
        actions = [a for a in (fill(x, v) for x in phase.actions) if a]
        name = fill(phase.name, v) or phase.name
        who = phase.owner if isinstance(phase.owner, list) else [phase.owner or ""]
        lead = next((x for x in (fill(o, v) for o in who) if x), "")
        owner = f" ({lead})" if lead else ""
        sep = " :" if lang == "fr" else ":"
        when = _unit_span(phase, lang)
        if origin is not None:
            when = f"{when} ({_phase_dates(origin, phase, lang)})"
        lines.append(_line(f"**{when} · {name}**{owner}{sep}", cite))
        lines.extend(f"  - {action}" for action in actions)
    return lines


def _plan_origin(ctx: Context, s: Situated, fitted: Sequence[Phase]) -> dt.date | None:
    """The day the plan's first week or month starts when the plan is dated: today for a plan
    fitted to a deadline or to a moment under way, the go-ahead counted back from the moment,
    or the start the brief gives. None for a plan in relative weeks (no moment, no date)."""
    if not fitted or s.playbook.clock not in ("weeks", "months"):
        return None
    if any(p.unit != fitted[0].unit for p in fitted):
        return None
    if deadline_of(ctx) is not None:
        return ctx.today
    anchor = next((p for p in fitted if p.moment), None)
    moment = _brief_moment(ctx, s)
    if anchor is not None and moment is not None:
        if moment.start <= ctx.today:
            return ctx.today if _still_running(moment, ctx.today) else None
        go = _back(moment.start, anchor.unit, _run_up(anchor))
        return go if go >= ctx.today else None
    start = ctx.brief.timing.start if ctx.brief.timing else None
    return start if start is not None and start >= ctx.today else None


def _phase_days(origin: dt.date, phase: Phase) -> tuple[dt.date, dt.date]:
    """The first and last day of a phase of a plan that starts on `origin`."""
    if phase.unit == "months":
        first, after = add_months(origin, phase.start), add_months(origin, phase.end)
    else:
        first = origin + dt.timedelta(weeks=phase.start)
        after = origin + dt.timedelta(weeks=phase.end)
    return first, after - dt.timedelta(days=1)


def _phase_dates(origin: dt.date, phase: Phase, lang: str) -> str:
    """ "11 janv. – 24 janv. 2027": the days a phase of a dated plan runs."""
    first, last = _phase_days(origin, phase)
    head = fmt_date(first, lang, year=first.year != last.year)
    return f"{head} – {fmt_date(last, lang)}"


def _named_moves(ctx: Context, s: Situated) -> list[tuple[rulebook.Applied, RuledOut]]:
    """The moves the brief names that a rule of the answer rules out, with their rule."""
    return _named_outs(ctx, s.rules)


def _named_outs(
    ctx: Context, rules: list[rulebook.Applied]
) -> list[tuple[rulebook.Applied, RuledOut]]:
    folded = fold(ctx.text or "")
    return [
        (applied, out)
        for applied in rules
        for out in applied.rule.rules_out
        if any(trigger_in(w, folded) for w in out.triggers)
    ]


def anchorable(ctx: Context, s: Situated, moments: list[DatedEvent]) -> list[DatedEvent]:
    """`moments` without the event a ruled-out move was tied to (an alcohol brand that may not
    sponsor Roland-Garros does not time its arrival on it either)."""
    if not any(out.unanchored for _, out in _named_moves(ctx, s)):
        return moments
    folded = fold(ctx.text or "")
    return [m for m in moments if not named_in(m.name, folded)]


def ruled_out(ctx: Context, s: Situated) -> list[str]:
    """What the brief asks for that a rule of the target market rules out, said by name first
    ("Drop the festival sponsorship: …"), each once."""
    lines: list[str] = []
    for applied, out in _named_moves(ctx, s):
        text = f"**{t('ans.ruled_out', ctx.lang)}** {out.say.get(ctx.lang)}"
        line = _line(text, ctx.book.cite(applied.doc_id))
        if line not in lines:
            lines.append(line)
    return lines


def banned(ctx: Context, s: Situated) -> bool:
    """Whether a rule of the answer rules out the whole brief (its `no_plan` verdict applies)."""
    return any(out.no_plan for _, out in _named_moves(ctx, s))


def _first_of(s: Situated, *sections: str) -> str | None:
    """Which of `sections` the answer shows first (what is ruled out is said there)."""
    return next((x for x in s.playbook.sections if x in sections), None)


def sec_rules(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    lines = ruled_out(ctx, s) if _first_of(s, "risks", "rules") == "rules" else []
    for n, applied in enumerate(s.rules[:5]):
        rule = applied.rule
        enforcer = rulebook.authority(rule, lang)
        who = f"{enforcer}, " if enforcer else ""
        # the rule that decides in full; the others by their gist and what they leave open, so
        # the same law is not recited word for word in every answer that touches it
        said = rule.decides.get(lang) if n == 0 else first_sentence(rule.decides.get(lang))
        text = f"**{rulebook.reference(rule, lang)}** ({who}{rule.year}) — {said}"
        if rule.allowed:
            left = rule.allowed.get(lang) if n == 0 else first_sentence(rule.allowed.get(lang))
            text += f" {t('ans.allowed', lang)} {left}"
        lines.append(_line(text, ctx.book.cite(applied.doc_id)))
    if not lines and s.markets:
        lines.append(
            t("ans.no_rule", lang, market=join([label("market", m, lang) for m in s.markets], lang))
        )
    return lines


def sec_risks(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    lines = ruled_out(ctx, s) if _first_of(s, "risks", "rules") == "risks" else []
    # the rules section says each rule in full: here, its gist ranks the risk, said once
    rules_said = "rules" in s.playbook.sections
    n = 0
    # ranked: what can cost most first (a decisive or high rule before a medium one)
    ranked = sorted(s.rules, key=lambda a: vocab.SEVERITIES.index(a.rule.severity))
    for applied in ranked[:4]:
        n += 1
        rule = applied.rule
        severity = label("severity", rule.severity, lang)
        said = rule.decides.get(lang)
        if rules_said or n > 2:
            said = first_sentence(said)
        elif rule.allowed:
            # no rules section to say the two gravest in full and what they leave open: here
            said += f" {t('ans.allowed', lang)} {first_sentence(rule.allowed.get(lang))}"
        lines.append(
            f"{n}. **{severity}** — {said} "
            f"({rulebook.reference(rule, lang)}) {marks(ctx.book.cite(applied.doc_id))}".rstrip()
        )
    cite = _cite_book(ctx, s)
    # the playbook's general risks complete the brief's own, they do not pad them
    general = [x for x in (fill(risk, v) for risk in s.playbook.risks) if x]
    for text in general[: MAX_GENERAL_RISKS if n else len(general)]:
        n += 1
        lines.append(f"{n}. {text} {marks(cite)}".rstrip())
    return lines


MAX_GENERAL_RISKS = 3  # after the brief's own rules


def sec_go(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    checks = [a for a in s.rules if a.rule.check]
    if not checks:
        return [t("ans.go_default", lang)]
    return [
        _line(f"{a.rule.check.get(lang)}", ctx.book.cite(a.doc_id))
        for a in checks[:4]
        if a.rule.check
    ]


def _items(items: list[PlanItem]) -> list[str]:
    return [_line(i.title + (f" — {i.detail}" if i.detail else ""), i.sources) for i in items]


def sec_targeting(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    return _items(targeting_items(ctx, s))


def sec_experts(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    if "targeting" in s.playbook.sections:
        return []  # the targeting already names the circle of influence: not said twice
    cite = ctx.principle("principle-two-step-flow", "principle-engagement-vs-influence")
    return [_line(t("ans.experts", ctx.lang, experts=v.get("experts") or ""), cite)]


def market_languages(ctx: Context, code: str | None) -> str | None:
    """The languages to speak in `code` when it is not simply the asker's language."""
    market = ctx.catalog.market(code, ctx.lang) if code else None
    if market is None:
        return None
    spoken = market.languages
    cities = named_places(market.city_languages, ctx.text, market.demonyms)
    if cities:  # the cities the brief names speak their own languages, not every official one
        spoken = list(dict.fromkeys(x for c in cities for x in market.city_languages[c]))
    if ctx.lang in spoken and len(spoken) < (2 if cities else 3):
        return None  # the asker's language is the market's (several only where it is usual,
        # or where the places the brief names speak several: Brussels, "flamand et francophone")
    if set(spoken) <= set(AGENCY_LANGUAGES):
        return None  # the agency works in French and English: no need to tell it to speak them
    return join([label("lang", x, ctx.lang) for x in spoken], ctx.lang)


def language_note(ctx: Context, code: str | None) -> str | None:
    names = market_languages(ctx, code)
    return t("ans.languages", ctx.lang, languages=names) if names else None


def targeting_items(ctx: Context, s: Situated) -> list[PlanItem]:
    """The targeting of this answer, built once for its section and its plan."""
    if "targeting" not in s.built:
        market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
        s.built["targeting"] = build_targeting(ctx, s.selected, market)
    return s.built["targeting"]


def channel_items(ctx: Context, s: Situated) -> list[PlanItem]:
    """The channel mix of this answer, built once for its section and its plan."""
    if "channels" not in s.built:
        market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
        book = s.playbook
        by_rule = [a.rule for a in s.rules]
        # the playbook's cases and the built-in ones (a city named, a dated window)
        active = [*cases_of(book, ctx.text or ""), *given(ctx, ctx.text or "")]
        excluded = {
            *book.channels_excluded,
            *(c for case in active for c in book.case_channels_excluded.get(case, ())),
            *(c.id for c in named_channels(ctx, ruled_out=True)),
            *(c for r in by_rule for c in r.excludes_channels),
        }
        audiences_out = frozenset(a for r in by_rule for a in r.excludes_audiences)
        avoid = tuple(fold(w) for w in book.forbidden)
        campaign_time = book.clock not in ("hours", "days")  # a crisis runs no campaign formats
        items = [
            i
            for i in build_channels(ctx, s.selected, market, audiences_out, avoid, campaign_time)
            if i.ref not in excluded
        ]
        named = named_channels(ctx)
        own = [
            *(c for case in active for c in book.case_channels_fit.get(case, ())),
            *book.channels_fit,
        ]
        fit = sorted(
            (c for c in ctx.catalog.channels(ctx.lang) if c.id in own and c.id not in excluded),
            key=lambda c: own.index(c.id),
        )
        # where the conversation is, as the question says; then this situation's own stages
        for docs, why, order in (
            (named, "ch.why_named", ("shared", "earned", "owned", "paid")),
            (fit, "ch.why_fit", ("earned", "shared", "owned", "paid")),
        ):
            for doc in docs:
                if not any(i.ref == doc.id for i in items):
                    role = next(r for r in (*order, *doc.roles) if r in doc.roles)
                    # what to run there says more than "the usual stage for this kind of brief"
                    runs = channel_formats(doc, role, ctx.lang, (), avoid, campaign_time)
                    items.append(
                        PlanItem(
                            title=label("channel", doc.id, ctx.lang),
                            detail=", ".join(runs) if runs else t(why, ctx.lang),
                            role=role,
                            ref=doc.id,
                            sources=ctx.book.cite(doc.id),
                        )
                    )
        first = [d.id for d in named] + own
        # the audience's own outlets (no channel id) stay first, then named and fit channels
        items.sort(
            key=lambda i: (
                -1 if i.ref is None else first.index(i.ref) if i.ref in first else len(first)
            )
        )
        s.built["channels"] = _with_local_press(ctx, market, items)
    return s.built["channels"]


def _with_local_press(ctx: Context, market: Market | None, items: list[PlanItem]) -> list[PlanItem]:
    """The channels with the named city's or region's own papers first (a Breton bank's boss,
    a Nantes opening): in the regional-press line when there is one, else a line of their own."""
    local = local_media(market, ctx.text or "")
    if market is None or not local or all(c.lower() == "paris" for c in local[0]):
        return items
    cities, outlets = local
    named = ", ".join(outlets)
    at = next((n for n, i in enumerate(items) if i.ref == "channel-press-regional"), None)
    if at is not None:
        item = items[at]
        detail = f"{named} — {item.detail}" if item.detail else named
        return [item.model_copy(update={"detail": detail}), *items[:at], *items[at + 1 :]]
    line = PlanItem(
        title=t("ch.local", ctx.lang, cities=join(cities, ctx.lang)),
        detail=named,
        role="earned",
        sources=ctx.book.cite_all(market.id),
    )
    return [line, *items]


def named_channels(ctx: Context, *, ruled_out: bool = False) -> list[Channel]:
    """The platforms the question names ("on TikTok", "sur X"), by their aliases; with
    `ruled_out`, those it names to exclude ("pas de TikTok", "never on Snapchat")."""
    folded = fold(ctx.text or "")
    found = []
    for channel in ctx.catalog.channels(ctx.lang):
        pattern = stem_pattern(channel.aliases)
        if pattern is None:
            continue
        hits = pattern.finditer(folded, whole_words=True)
        negated = any(_NEGATED.search(folded[max(0, h.start() - 20) : h.start()]) for h in hits)
        if hits and negated == ruled_out:
            found.append(channel)
    return found


# "pas de TikTok", "no TikTok", "sans Instagram": a channel named to rule it out.
_NEGATED = re.compile(
    r"(?:\bpas (?:de |d'|sur |par )?|\bno |\bnot (?:on )?|\bwithout |\bsans |\bexcept |"
    r"\bexcluding |\bhors |\bni |\bavoid |\bnever (?:on )?|\bjamais (?:sur )?)(?:le |la |les )?$"
)


def sec_channels(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
    lines = []
    note = language_note(ctx, ctx.market)
    if note:
        lines.append(_line(note, ctx.book.cite(market.id) if market else []))
    for item in channel_items(ctx, s)[:5]:
        role = label("role", item.role, ctx.lang) if item.role else ""
        # what this situation does there, when its playbook says (a crisis pins its statement)
        use = s.playbook.channel_use.get(item.ref or "")
        said = fill(use, v) if use else None
        text = t("ch.line", ctx.lang, channel=item.title, role=role, why=said or item.detail)
        sources = ctx.book.cite(s.playbook.id) if said else item.sources
        lines.append(_line(text.rstrip(" :"), sources))
    return lines


def sec_mechanics(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    lines = []
    for mech, scored in s.selected:
        # what it does first; then why it fits, the brief's own reasons (objective, audience,
        # sector, the words it used) before the budget band and the market, which most share
        positive = [r for r in scored.reasons if r.positive]
        positive.sort(key=lambda r: r.key in ("why.budget", "why.market"))
        reasons = [reason_text(r, lang) for r in positive][:2]
        does = mech.does
        text = f"**{label('mechanic', scored.mechanic_id, lang)}**"
        if does is not None:
            text += f" — {does.get(lang)}"
            # and what it becomes here: a partnership names its partners
            here = fill(mech.in_brief.get(lang), v) if mech.in_brief is not None else None
            here = here or _seeded_here(ctx, scored.mechanic_id, v)
            if here:
                text += f"; {here}"
        if reasons:
            text += f" — {join(reasons, lang)}" if does is None else f" ({join(reasons, lang)})"
        lines.append(_line(text, ctx.book.cite(mech.id)))
    return lines


SEEDED_HERE_CHARS = 240  # the idea's first move, not its whole story


def _seeded_here(ctx: Context, mechanic: str, v: dict[str, str | None]) -> str | None:
    """What the mechanic becomes for this product, from the category's authored idea that runs
    on it ("here, “The kefir grain library”: the brand sets up grain libraries…"), or None."""
    category = category_in(ctx, fold(ctx.text or ""))
    if category is None or (ctx.brief.sector == "ngo" and category.sector != "ngo"):
        return None  # a tutoring firm's idea (its clients' statements) is no homework club's
    lang = ctx.lang
    brand = "la marque" if lang == "fr" else "the brand"
    said = v.get("subject") or ""
    # a name ("Kefira") or a described brand with its article ("la marque bretonne"); a bare
    # product ("savings app") would read as the one who acts
    named = said[:1].isupper() or re.match(r"(?i)(?:the|le|la|les|l['’])\s?", said) is not None
    values = {"subject": said if named else brand, "market": v.get("market"), "moment": None}
    for _, seed in ctx.catalog.category_seeds(category.id):
        if seed.mechanic != mechanic or seed.moments:
            continue
        spread = fill(seed.spread.get(lang), values)
        title = fill(seed.title.get(lang), values)
        if not spread or not title:
            continue
        first = re.split(r"(?<=[a-zà-ÿ0-9)»”])\s*[;.]\s", spread)[0].rstrip(" .;")
        if len(first) > SEEDED_HERE_CHARS:
            # at the last clause that ends before the limit, never mid-phrase with "…"; a
            # sentence with no such clause is said whole
            cut = max(first.rfind(sep, 0, SEEDED_HERE_CHARS) for sep in (", ", " — ", " : "))
            first = first[:cut] if cut >= SEEDED_HERE_CHARS // 3 else first
        first = first[:1].lower() + first[1:] if not first[:2].isupper() else first
        return t("ans.seeded_here", lang, title=title, what=first)
    return None


def _why_comparable(c: prec.Comparable, ctx: Context) -> str:
    """What it shares with the brief, and where it ran when that is not the target market."""
    words = [
        label("shared", k, ctx.lang) for k in c.shared if k not in ("budget", "region", "scale")
    ]
    parts = [t("ans.comparable_why", ctx.lang, what=join(words, ctx.lang))] if words else []
    if "market" not in c.shared:
        places = [m for m in c.campaign.markets[:2] if m != "global"]
        if places:
            where = join([label("market", m, ctx.lang) for m in places], ctx.lang)
            parts.append(t("ans.comparable_where", ctx.lang, where=where))
        else:  # a worldwide campaign did not run "in global"
            parts.append(t("ans.comparable_worldwide", ctx.lang))
    return (" ; " if ctx.lang == "fr" else "; ").join(parts)


def _category_words(ctx: Context) -> frozenset[str]:
    """The words of the brief's product category, long enough to name it in a campaign's tags
    ("biere sans alcool", "cargo bike"), not a sector's fallback."""
    category = category_in(ctx, fold(ctx.text or ""))
    if category is None or category.fallback:
        return frozenset()
    return frozenset(fold(w) for w in category.words if len(w) >= CATEGORY_WORD_CHARS)


CATEGORY_WORD_CHARS = 5


def contracted(text: str) -> str:
    """French "de"/"à" before "le"/"les", contracted as `fill` does it at a filled value:
    "de les standards" → "des standards"."""
    return _SPACED_CONTRACTION.sub(_contract, text)


_SPACED_CONTRACTION = re.compile(r"\b([Dd]e|[Àà]) (les?) ")


def _avoid_tags(s: Situated, v: dict[str, str | None]) -> frozenset[str]:
    """The campaign tags this brief's cases keep out of its comparables and its warnings (a
    data breach's: product recalls, drug scandals)."""
    return frozenset(
        fold(tag)
        for case in (v.get("_cases") or "").split()
        for tag in s.playbook.case_avoid_tags.get(case, ())
    )


def sec_precedents(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    found = prec.rank(
        ctx.catalog.campaign_cards(),
        ctx.catalog.campaign,
        ctx.brief,
        s.situation,
        s.markets,
        text=ctx.text,
        needs=frozenset(s.playbook.precedents_need),
        trade=s.playbook.trade_levers,
        category=_category_words(ctx),
        avoid_tags=_avoid_tags(s, v),
    )
    if not found:
        # said of this brief's own subject, or of its sector, so the line is not the same in
        # every answer; "de les standards" reads "des standards"
        here = "ce brief" if ctx.lang == "fr" else "this brief"
        sector = v.get("sector")
        said = f"ce brief du secteur {sector}" if ctx.lang == "fr" else f"this {sector} brief"
        what = v.get("subject") or (said if sector else here)
        line = t("ans.no_precedent", ctx.lang, what=what)
        return [fix_french(contracted(line)) if ctx.lang == "fr" else line]
    items = [
        PlanItem(
            # the title only in its own language: the source list gives it whatever the language
            title=f"{c.campaign.brand} ({c.campaign.year})"
            + (f" — {c.campaign.title}" if c.campaign.language == ctx.lang else ""),
            detail=_why_comparable(c, ctx),
            ref=c.campaign.id,
            sources=ctx.book.cite(c.campaign.id),
        )
        for c in found
    ]
    s.built["precedents"] = items
    colon = " : " if ctx.lang == "fr" else ": "
    return [_line(f"{i.title}{colon}{i.detail}", i.sources) for i in items]


def sec_cautionary(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    found = prec.rank(
        ctx.catalog.campaign_cards(),
        ctx.catalog.campaign,
        ctx.brief,
        s.situation,
        s.markets,
        cautionary=True,
        k=2,
        text=ctx.text,
        # a data breach's warnings are not about product recalls or drug scandals
        avoid_tags=_avoid_tags(s, v),
    )
    lines = []
    for c in found:
        lesson = c.campaign.caution_in(ctx.lang)
        if lesson is None:  # written in the other language only: name it, do not quote it
            lesson = t("ans.caution_other", ctx.lang)
        item = PlanItem(
            title=f"{c.campaign.brand} ({c.campaign.year})",
            detail=lesson,
            ref=c.campaign.id,
            sources=ctx.book.cite(c.campaign.id),
        )
        s.built.setdefault("warnings", []).append(item)
        lines.append(_line(f"{item.title} — {lesson}", item.sources))
    return lines


def _small_budget(ctx: Context, s: Situated) -> bool:
    budget = ctx.brief.budget
    return budget is not None and budget.in_eur() < SMALL_BUDGET_EUR


def sec_kpis(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    cite = _cite_book(ctx, s)
    lines = []
    for kpi in s.playbook.kpis:
        text = fill(kpi, v)
        if not text or (_small_budget(ctx, s) and COSTLY_KPI.search(text)):
            continue
        lines.append(_line(text, cite))
    return lines


PREP_WEIGHT = 0.4  # a week of preparation against a week live


def sec_budget(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang, budget = ctx.lang, ctx.brief.budget
    if budget is None:  # only a budget question needs to say that the figure is missing
        return [t("ans.no_budget", lang)] if s.playbook.answer_kind == "how-much" else []
    split = budget_split(ctx, s)
    parts = [
        f"{label('role', role, lang)} {round(share * 100)} % "
        f"({money(budget.amount * share, budget.currency, lang)})"
        for role, share in sorted(split.items(), key=lambda x: -x[1])
        if share > 0
    ]
    lines = [_line(t("ans.split_peso", lang, parts=join(parts, lang)), _cite_book(ctx, s))]
    by_market = _market_split(ctx, s)
    if by_market:
        lines.append(_line(by_market, []))
    fitted = phases(ctx, s)
    if fitted:
        # the weeks before the moment prepare (rules, claims, briefs, contracts): they cost
        # less per week than the weeks the campaign is live and paid for
        at = next((i for i, p in enumerate(fitted) if p.moment), 1)
        weights = [
            (p.end - p.start) * (p.spend if p.spend is not None else PREP_WEIGHT if i < at else 1.0)
            for i, p in enumerate(fitted)
        ]
        total = sum(weights) or 1.0
        per = []
        for p, weight in zip(fitted, weights, strict=True):
            amount = money(budget.amount * weight / total, budget.currency, lang)
            per.append(f"{fill(p.name, v) or p.name} {amount}")
        lines.append(_line(t("ans.split_phase", lang, parts="; ".join(per)), []))
    elif s.playbook.answer_kind == "how-much":
        anchor = _brief_moment(ctx, s)
        by_month = _month_split(ctx, budget.amount, budget.currency, s.moments, anchor)
        lines.append(_line(by_month, []))
    band = budget_band(ctx.brief)
    # paid creator posts are paid media: a plan that funds none (a cause's) does not price them
    # and a regulated plan does not count creators (playbook `price_creators`)
    priced = bool(split.get("paid")) and s.playbook.price_creators
    creators = _creators_line(ctx, s, split.get("shared", 0.0), band) if priced else None
    if creators:
        lines.append(creators)
    band_lines = [x for x in (fill(b, v) for b in s.playbook.by_band.get(band or "", [])) if x]
    lines += [_line(x, _cite_book(ctx, s)) for x in band_lines]
    if not band_lines and budget.in_eur() < SMALL_BUDGET_EUR:
        lines.append(_line(t("ans.small_budget", lang), []))
    return lines


# How a budget question's money is paced: a reserve held back, a first burst, then a base.
RESERVE_SHARE = 0.15
FIRST_MONTH_SHARE = 0.35
RUN_UP_SHARE = 0.20  # the month before the moment: creators and media booked, content made
DEFAULT_MONTHS = 3


def _month_split(
    ctx: Context,
    amount: float,
    currency: str,
    moments: Sequence[DatedEvent] = (),
    anchor: DatedEvent | None = None,
) -> str:
    """The money month by month over the brief's period (its span, or three months): a
    first burst, an even base after it, and a reserve for what works; the burst goes to the
    month of the market's own moment when one falls inside the period (Ramadan in the Gulf)."""
    lang, timing = ctx.lang, ctx.brief.timing
    months: list[str] = []
    firsts: list[dt.date] = []
    if timing is not None and timing.start is not None and timing.end is not None:
        day = timing.start.replace(day=1)
        while day <= timing.end and len(months) < 12:
            months.append(fmt_month(day, lang))
            firsts.append(day)
            day = add_months(day, 1)
    if not months:
        # months named from next month on, so that the market's moments land in theirs (a
        # year of bedding: Black Friday's November, not "month 11")
        first, after = _split_span(ctx, anchor)
        day = first
        while day < after:
            firsts.append(day)
            day = add_months(day, 1)
        months = [fmt_month(day, lang) for day in firsts]
    spend = 1 - RESERVE_SHARE
    key = "ans.split_month"
    if len(months) == 1 and timing is not None and timing.start is not None:
        # one month ("ouverture en mars") is a date to build up to: the month before books
        # creators and press, the month itself carries the burst, the month after the follow-up
        before, after = add_months(timing.start, -1), add_months(timing.start, 1)
        months = [fmt_month(before, lang), months[0], fmt_month(after, lang)]
        shares = [0.30, 0.45, spend - 0.75]
        if before.replace(day=1) < ctx.today.replace(day=1):
            months, shares = months[1:], [0.70, spend - 0.70]
    elif len(months) > 1:
        peaks = list(
            dict.fromkeys(
                n
                for m in moments
                if m.fit >= STRONG_MOMENT_FIT or m.type in ("holiday", "shopping", "sales")
                for n, first in enumerate(firsts)
                if first <= m.start < add_months(first, 1)
            )
        )
        if len(months) >= LONG_SPLIT_MONTHS and len(peaks) > 1:
            shares = _several_peaks(len(months), sorted(peaks[:MAX_PEAKS]), spend)
            key = "ans.split_month_peaks"
        else:
            shares = _peaked(len(months), peaks[0] if peaks else 0, spend)
    else:
        shares = [spend]
    percents = _whole_percents(shares, round(sum(shares) * 100))
    parts = [
        f"{name} {pct} % ({money(amount * pct / 100, currency, lang)})"
        for name, pct in zip(months, percents, strict=True)
    ]
    reserve = f"{round(RESERVE_SHARE * 100)} % ({money(amount * RESERVE_SHARE, currency, lang)})"
    return t(
        key,
        lang,
        parts=(" ; " if lang == "fr" else "; ").join(parts),
        reserve=reserve,
    )


def _whole_percents(shares: list[float], total: int) -> list[int]:
    """Shares as whole percents that add up to `total` (largest remainders round up): eleven
    months of 4.5 % each are not said "5 %" eleven times, which would add up to more than the
    budget."""
    exact = [share * 100 for share in shares]
    whole = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - whole[i]), i))
    for i in order[: max(0, total - sum(whole))]:
        whole[i] += 1
    return whole


LONG_SPLIT_MONTHS = 6  # from half a year, the money follows the market's moments, not one burst
MAX_PEAKS = 3
PEAK_SHARE = 0.15  # each of several peaks
PEAK_RUN_UP_SHARE = 0.05  # and the month before it


def _several_peaks(n: int, peaks: list[int], spend: float) -> list[float]:
    """`spend` over `n` months with a burst on each of the `peaks` (the market's moments in the
    period) and a run-up the month before each; an even base on the other months."""
    shares = [0.0] * n
    for p in peaks:
        shares[p] = PEAK_SHARE
    for p in peaks:
        if p > 0 and shares[p - 1] == 0.0:
            shares[p - 1] = PEAK_RUN_UP_SHARE
    if not _even_base(shares, spend):
        shares = [x * spend / sum(shares) for x in shares]
    return shares


def _peaked(n: int, peak: int, spend: float) -> list[float]:
    """`spend` over `n` months with the burst on month `peak` and a run-up the month before."""
    shares = [0.0] * n
    shares[peak] = FIRST_MONTH_SHARE
    if peak > 0:
        shares[peak - 1] = RUN_UP_SHARE
    if not _even_base(shares, spend):
        shares[peak] += spend - sum(shares)
    return shares


def _even_base(shares: list[float], spend: float) -> bool:
    """The months with no share yet get an even part of what is left of `spend`; False when
    every month already had one (nothing was filled)."""
    rest = [i for i in range(len(shares)) if shares[i] == 0.0]
    left = spend - sum(shares)
    for i in rest:
        shares[i] = left / len(rest)
    return bool(rest)


# Several markets: the first named leads; a share is held centrally for what they share.
LEAD_MARKET_SHARE = 0.40
CENTRAL_SHARE = 0.10


def _market_split(ctx: Context, s: Situated) -> str | None:
    """The budget by market when the brief names several: the first named leads, the others
    share the rest equally, and a tenth pays for what they share (one creative platform,
    translations, legal checks). A starting point, said as one."""
    budget = ctx.brief.budget
    markets = [m for m in s.markets if m not in ("global", "europe")] + ctx.unprofiled
    if budget is None or len(markets) < 2:
        return None
    lang = ctx.lang
    shares = [LEAD_MARKET_SHARE, *_follower_shares(ctx, markets[1:])]
    parts = [
        f"{label('market', m, lang)} {round(share * 100)} % "
        f"({money(budget.amount * share, budget.currency, lang)})"
        for m, share in zip(markets, shares, strict=True)
    ]
    central = money(budget.amount * CENTRAL_SHARE, budget.currency, lang)
    return t(
        "ans.split_market",
        lang,
        parts=join(parts, lang),
        central=f"{round(CENTRAL_SHARE * 100)} % ({central})",
    )


def _follower_shares(ctx: Context, markets: list[str]) -> list[float]:
    """The shares of the markets after the lead: growing with the square root of their
    population (the knowledge's `population_m`), so Germany gets more than Belgium but not
    seven times more; equal when one has no figure. Rounded to 5 %, the rounding put on the
    largest."""
    total = 1 - LEAD_MARKET_SHARE - CENTRAL_SHARE
    sizes = []
    for code in markets:
        market = ctx.catalog.market(code, ctx.lang)
        sizes.append(market.population_m if market is not None else None)
    if any(size is None for size in sizes):
        return [total / len(markets)] * len(markets)
    weights = [math.sqrt(size or 0.0) for size in sizes]
    raw = [total * w / sum(weights) for w in weights]
    fives = [max(round(r * 20) / 20, 0.05) for r in raw]
    top = max(range(len(fives)), key=lambda i: raw[i])
    fives[top] = round(fives[top] + total - sum(fives), 2)
    return fives


# How much the answer's own channel mix moves the situation's PESO split (the rest stays the
# playbook's): two briefs of one situation with different channels get different splits.
MIX_WEIGHT = 0.4


def budget_split(ctx: Context, s: Situated) -> dict[str, float]:
    """The PESO split of this brief: the playbook's, moved towards the roles of the channels the
    answer recommends, with paid media halved on a small budget (it buys little there). Only
    the roles the playbook funds are funded; shares are rounded to 5 % and add up to 100 %."""
    base = s.playbook.budget_split or DEFAULT_SPLIT
    funded = [r for r, share in base.items() if share > 0]
    roles = [i.role for i in channel_items(ctx, s) if i.role in funded]
    split = dict(base)
    if roles:
        for role in funded:
            mix = roles.count(role) / len(roles)
            split[role] = (1 - MIX_WEIGHT) * base[role] + MIX_WEIGHT * mix
    if budget_band(ctx.brief) == "low" and split.get("paid", 0.0) > 0 and "earned" in funded:
        half = split["paid"] / 2
        split["paid"] -= half
        split["earned"] += half
    return _to_fives(split)


def _to_fives(split: dict[str, float]) -> dict[str, float]:
    """Shares rounded to 5 %, the rounding put on the largest so that they add up to 100 %."""
    total = sum(split.values()) or 1.0
    fives = {r: round(v / total * 20) / 20 for r, v in split.items()}
    if fives:
        top = max(fives, key=lambda r: fives[r])
        fives[top] = round(fives[top] + 1.0 - sum(fives.values()), 2)
    return {r: v for r, v in fives.items() if v > 0}


# The creator mix a budget band buys: each tier's share of the creator money.
TIERS_BY_BAND: dict[str, tuple[tuple[str, float], ...]] = {
    "low": (("nano", 0.4), ("micro", 0.6)),
    "medium": (("micro", 0.6), ("mid", 0.4)),
    "high": (("micro", 0.5), ("mid", 0.35), ("macro", 0.15)),
    "very-high": (("mid", 0.4), ("macro", 0.4), ("mega", 0.2)),
}


# Sponsored posts per creator in a plan (an agency working assumption), and the most creators of
# one tier worth naming: past it, the money buys more posts or boosts, not more faces.
POSTS_PER_CREATOR = {"nano": 3, "micro": 3, "mid": 2, "macro": 1, "mega": 1}
MAX_CREATORS = 60


def _creators_line(ctx: Context, s: Situated, share: float, band: str | None) -> str | None:
    """The creator mix the shared line buys, counted from the platform's published fee ranges
    (an estimate, said so), fees in their own currency beside the line's amount."""
    budget, lang = ctx.brief.budget, ctx.lang
    if budget is None or share <= 0 or band is None:
        return None
    if not any(sc[1].family in CREATOR_FAMILIES for sc in s.selected):
        return None
    platform = None
    for item in channel_items(ctx, s):
        found = ctx.catalog.get(item.ref or "")
        if found is not None and isinstance(found.meta, Channel) and found.meta.creator_fees:
            platform = found.meta
            break
    if platform is None or platform.creator_fees is None:
        return None
    fees = platform.creator_fees
    pot = budget.converted(budget.amount * share, fees.currency)
    parts = []
    for tier, part in TIERS_BY_BAND[band]:
        pair = fees.tiers.get(tier)  # type: ignore[call-overload]
        if not pair:
            continue
        low, high = pair[0], (pair[1] if len(pair) == 2 else pair[0] * 2)
        typical = (low * high) ** 0.5  # the middle of a range that spans ten times
        each = POSTS_PER_CREATOR[tier]
        count = round(pot * part / (typical * each))
        if count < 1:
            continue
        shown = f"{MAX_CREATORS}+" if count > MAX_CREATORS else str(count)
        top = pair[1] if len(pair) == 2 else None
        if budget.currency != fees.currency:  # said in the brief's money, converted
            rate = EUR_RATES.get(fees.currency, 1.0) / EUR_RATES.get(budget.currency, 1.0)
            price = "≈ " + money_range(
                _round_fee(low * rate),
                _round_fee(top * rate) if top else None,
                budget.currency,
                lang,
            )
        else:
            price = money_range(low, top, fees.currency, lang)
        parts.append(
            t(
                "ans.creator_tier",
                lang,
                count=shown,
                each=each,
                tier=label("tier", tier, lang),
                price=price,
                per=label("per", fees.per + ("s" if each > 1 else ""), lang),
            )
        )
    if not parts:
        return None
    line = t(
        "ans.creators",
        lang,
        platform=label("channel", platform.id, lang),
        amount=money(budget.amount * share, budget.currency, lang),
        mix=join(parts, lang),
        source=f"{fees.source}, {fees.year}"
        + (
            t("ans.fees_converted", lang, currency=fees.currency)
            if budget.currency != fees.currency
            else ""
        ),
    )
    return _line(line, ctx.book.cite(platform.id))


def _round_fee(amount: float) -> float:
    """A converted fee to two significant figures (an estimate should not look precise)."""
    if amount <= 0:
        return amount
    digits = len(str(int(amount))) - 2
    return float(round(amount, -digits if digits > 0 else 0))


def money_range(low: float, high: float | None, currency: str, lang: str) -> str:
    if high is None:
        return t("ans.from_amount", lang, amount=money(low, currency, lang))
    a, b = money(low, currency, lang), money(high, currency, lang)
    return f"{a}–{b}"


def sec_per_market(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    lang = ctx.lang
    lines = []
    creators = any(sc[1].family in CREATOR_FAMILIES for sc in s.selected)
    for code in s.markets[:5]:
        market = ctx.catalog.market(code, lang)
        parts = []
        if market is not None:
            channels = join([label("channel", c, lang) for c in market.top_channels[:3]], lang)
            parts.append(t("ans.pm_channels", lang, channels=channels))
        rules = rulebook.applicable(ctx.catalog, [code], ctx.brief, ctx.text, creators=creators)
        top = rulebook.decisive(rules)
        if top is not None:
            parts.append(t("ans.pm_rule", lang, rule=rulebook.reference(top.rule, lang)))
        moments = relevant_moments(
            ctx, code, s.playbook.moment_types, by_sector=s.playbook.sector_moments
        )
        if moments:
            parts.append(t("ans.pm_moment", lang, moment=_moment_text(moments[0], lang)))
        outlets = key_outlets(ctx, market)
        if outlets:
            parts.append(t("ans.pm_media", lang, media=join(outlets, lang)))
        names = market_languages(ctx, code)
        if names:
            parts.append(t("ans.pm_languages", lang, languages=names))
        numbers = ctx.book.cite_all(market.id if market else None, top.doc_id if top else None)
        name = label("market", code, lang)
        sep = " ; " if lang == "fr" else "; "
        lines.append(_line(f"**{name[:1].upper() + name[1:]}** — " + sep.join(parts), numbers))
    for code in ctx.unprofiled[: max(0, 5 - len(s.markets))]:
        name = label("market", code, lang)
        eu = t("ans.pm_unprofiled_eu", lang) if code in UNPROFILED_EU else ""
        lines.append(
            f"- **{name[:1].upper() + name[1:]}** — " + t("ans.pm_unprofiled", lang, eu=eu)
        )
    return lines


# Member states of the EU among the markets the knowledge has no profile for yet.
UNPROFILED_EU = frozenset({"at", "dk", "fi", "ie", "pl", "se"})


def sec_points(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    cite = _cite_book(ctx, s)
    return [_line(text, cite) for text in (fill(p, v) for p in s.playbook.points) if text]


def sec_questions(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    return [f"- {text}" for text in (fill(q, v) for q in s.playbook.questions) if text]


def sec_can_do(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    return [f"- {line}" for line in t("ans.can_do", ctx.lang).split("\n")]


def sec_levers(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    """What decides on the ground in each target market for this sector and audience (the
    drugstore chains and the consumer-test magazine for organic cosmetics in Germany)."""
    lines = []
    several = len(s.markets) > 1
    for code in s.markets[:4]:
        for found in _levers(ctx, s, code, 2 if several else 3):
            said = found.lever.text.get(ctx.lang).rstrip(". ")
            text = f"{said} ({source_text(found.lever)})."
            if several:
                name = label("market", code, ctx.lang)
                text = f"**{name[:1].upper() + name[1:]}** — {text}"
            lines.append(_line(text, ctx.book.cite(found.market.id)))
    return lines


def sec_market_practice(ctx: Context, s: Situated, v: dict[str, str | None]) -> list[str]:
    """How media relations work in the markets the question names (a craft question about
    pitching in Japan gets Japan's customs, not only the general lesson)."""
    lines = []
    for code in s.markets[:3]:
        market = ctx.catalog.market(code, ctx.lang)
        if market is None or market.media_practice is None:
            continue
        name = label("market", code, ctx.lang)
        text = market.media_practice.get(ctx.lang)
        lines.append(_line(f"**{name[:1].upper() + name[1:]}** — {text}", ctx.book.cite(market.id)))
    return lines


SECTIONS: dict[str, Section] = {
    "phases": sec_phases,
    "rules": sec_rules,
    "risks": sec_risks,
    "go-no-go": sec_go,
    "targeting": sec_targeting,
    "experts": sec_experts,
    "channels": sec_channels,
    "mechanics": sec_mechanics,
    "precedents": sec_precedents,
    "cautionary": sec_cautionary,
    "kpis": sec_kpis,
    "budget": sec_budget,
    "per-market": sec_per_market,
    "market-practice": sec_market_practice,
    "levers": sec_levers,
    "points": sec_points,
    "questions": sec_questions,
    "can-do": sec_can_do,
}


def heading(book: Playbook, section: str, lang: str) -> str:
    if section in book.headings:
        return book.headings[section]
    if section == "phases":
        return t(f"ans.h.phases.{book.clock or 'weeks'}", lang)
    return t(f"ans.h.{section}", lang)


# ---- the whole answer --------------------------------------------------------------------------


def _idea_subject_text(ctx: Context) -> str | None:
    """The ideas' subject in a sentence, or None when the brief names none."""
    what = idea_named_subject(ctx)
    return idea_in_sentence(ctx, what) if what else None


def lead_lines(book: Playbook, values: dict[str, str | None]) -> list[str]:
    out = []
    for template in book.lead:
        text = fill(template, values)
        if text:
            out.append(text)
        if len(out) == 4:
            break
    return out


# "Comment on écrit un communiqué" → "écrire un communiqué": a question's verb, said as a title.
FR_INFINITIVES = {
    "écrit": "écrire",
    "ecrit": "écrire",
    "rédige": "rédiger",
    "fait": "faire",
    "construit": "construire",
    "choisit": "choisir",
    "mesure": "mesurer",
    "gère": "gérer",
    "organise": "organiser",
    "prépare": "préparer",
    "pitche": "pitcher",
    "trouve": "trouver",
    "calcule": "calculer",
    "présente": "présenter",
    "anime": "animer",
    "répond": "répondre",
    "cible": "cibler",
}


def title_of(ctx: Context, s: Situated) -> str:
    name = re.sub(r"^(?:playbook|fiche|guide)\s*:\s*", "", s.playbook.title, flags=re.I)
    name = re.sub(r"\s*\(.*?\)\s*$", "", name)
    if s.playbook.mode == "other":
        return ""  # a refusal is short and plain: no title
    if s.playbook.mode == "learn":
        asked = re.split(r"\s*[?!]\s*|\.\s+", asked_concept(ctx.text, ctx.brief.topic))[0]
        asked = _ASIDE_OPENER.sub("", asked)  # "Junior here - how do I…", "Question bête : …"
        concept = re.sub(
            r"^(?:how (?:do|can|should) (?:i|we|you)|how to|comment (?:on |je |faire )?|"
            r"i |we |je |on )+",
            "",
            asked,
            flags=re.I,
        ).strip()
        if ctx.lang == "fr":
            first, _, rest = concept.partition(" ")
            concept = f"{FR_INFINITIVES.get(first.lower(), first)} {rest}".strip()
        title = name[:1].upper() + name[1:]
        if _POOR_CONCEPT.match(concept) or len(concept) > 60 or len(concept.split()) < 2:
            # the asker's words say nothing one could teach ("s'y prend", "do it well", "dois
            # rédiger un dossier…"): the lesson that answers it says what is taught
            taught = lesson_title(ctx, asked_concept(ctx.text or "", ctx.brief.topic))
            if taught:
                return f"**{title} — {taught}**"
        if len(concept) > 60:
            concept = concept[:60].rsplit(" ", 1)[0] + "…"
        return f"**{title} — {concept}**" if concept else f"**{title}**"
    what = idea_named_subject(ctx) if s.playbook.mode == "idea" else ctx.brief.subject
    bits = [x for x in (what or ctx.brief.client,) if x]
    bits += [label("market", m, ctx.lang) for m in [*s.markets, *ctx.unprofiled][:3]]
    title = name[:1].upper() + name[1:]
    return f"**{title} — {' · '.join(bits)}**" if bits else f"**{title}**"


# A concept that starts like the rest of a sentence, not like a skill: "s'y prend", "do it
# well", "dois rédiger…", "Et comment…"
_POOR_CONCEPT = re.compile(
    r"^(?:s['’]y|y|en|et|and|so|do|does|it|this|that|dois|doit|peux|peut|veux|veut|faut|"
    r"must|should|can|need|have to|is|are|est|sont|there|never|jamais|first time|"
    r"premi[eè]re fois)\b",
    re.IGNORECASE,
)


_ASIDE_OPENER = re.compile(
    r"^(?:(?:je suis |i'?m |i am )?(?:un |une |a )?(?:junior|new here|d[ée]butante?|nouveau|"
    r"nouvelle|stagiaire|intern)(?: here| ici)?\s*[-:,–—]\s*|(?:question b[êe]te|quick question|"
    r"petite question|silly question|dumb question)\s*[:,-]\s*)",
    re.IGNORECASE,
)


def build_answer(ctx: Context, s: Situated) -> Built:
    """The body of the answer for situation `s`, following its playbook."""
    lang, book = ctx.lang, s.playbook
    values = slot_values(ctx, s, ctx.text)
    case = asker_case(ctx.text or "")  # the asker's own case, when a lesson can be applied to it
    card = (
        build_learn(
            ctx, ctx.text, apply=lambda tpl: fill(tpl, {**values, "case": case}) if case else None
        )
        if "lesson" in book.sections
        else None
    )
    if card is not None:  # the lesson's first sentence can open the answer
        first = first_sentence(card.explanation.split("\n")[0])
        values["definition"] = first if not first.startswith("**") else None
    out = [title_of(ctx, s), "\n".join(lead_lines(book, values))]
    if ctx.assumptions:
        sep = " : " if lang == "fr" else ": "
        out.append(f"_{t('h.assumptions', lang)}{sep}{'; '.join(ctx.assumptions)}._")
    built = Built(body="")
    plan = Plan()
    sections = list(book.sections)
    active = set((values.get("_cases") or "").split())
    hidden = {x for case in active for x in book.case_sections_excluded.get(case, ())}
    sections = [x for x in sections if x not in hidden]
    flagged = [a for a in s.rules if a.by != "creators" and a.rule.severity in ("decisive", "high")]
    if flagged and not {"rules", "risks"} & set(sections) and book.clock in ("weeks", "months"):
        sections.insert(0, "rules")  # regulation as a flag: the rule comes to the top
    for section in sections:
        if section == "lesson" and card is not None:
            built.learn = card
            rest = card.explanation
            if values.get("definition") and rest.startswith(values["definition"] or ""):
                rest = rest[len(values["definition"] or "") :].strip()
            shown = card.model_copy(update={"explanation": rest})
            out.append(_render_lesson(shown, lang, heading(book, section, lang)))
            continue
        if section == "ideas":
            built.ideas = build_ideas(ctx)
            out.append(_render_ideas(ctx, built.ideas, heading(book, section, lang)))
            continue
        builder = SECTIONS.get(section)
        if builder is None:
            continue
        lines = builder(ctx, s, values)
        if lines:
            out.append(f"**{heading(book, section, lang)}**\n" + "\n".join(lines))
    if book.mode == "strategy":
        fitted = phases(ctx, s)
        origin = _plan_origin(ctx, s, fitted)
        plan.timing = [
            PlanItem(
                title=f"{_unit_span(p, lang)} · {fill(p.name, values) or p.name}",
                detail="; ".join(a for a in (fill(x, values) for x in p.actions) if a),
                sources=ctx.book.cite(book.id),
                start=_phase_days(origin, p)[0] if origin else None,
                end=_phase_days(origin, p)[1] if origin else None,
            )
            for p in fitted
        ]
        plan.mechanics = [
            PlanItem(
                title=label("mechanic", sc.mechanic_id, lang),
                ref=sc.mechanic_id,
                score=sc.score,
                sources=ctx.book.cite(m.id),
            )
            for m, sc in s.selected
        ]
        if "targeting" in book.sections:
            plan.targeting = targeting_items(ctx, s)
        if "channels" in book.sections:
            plan.channels = channel_items(ctx, s)
        plan.precedents = list(s.built.get("precedents", []))
        plan.warnings = list(s.built.get("warnings", []))
        plan.risks = [
            PlanItem(
                title=rulebook.reference(a.rule, lang),
                detail=a.rule.decides.get(lang),
                ref=a.rule.id,
            )
            for a in s.rules
        ]
        built.plan = plan
    body = "\n\n".join(p for p in out if p.strip())
    built.body = fix_french(body) if lang == "fr" else body
    return built


def _render_lesson(card: LearnCard, lang: str, title: str) -> str:
    sep = " : " if lang == "fr" else ": "
    # the definition alone was already said in the lead: no empty paragraph under the heading
    parts = [f"**{title}**", *([card.explanation] if card.explanation.strip() else [])]
    if card.applied:
        parts.append(f"**{t('learn.applied', lang)}**{sep}{card.applied}")
    if card.example:
        parts.append(f"**{t('learn.example', lang)}**{sep}{card.example}")
    if card.glossary:
        parts.append(f"**{t('learn.glossary', lang)}**{sep}{card.glossary}")
    parts.append(f"**{t('learn.check', lang)}**{sep}{card.check_question}")
    return "\n\n".join(parts)


def _render_ideas(ctx: Context, ideas: list[Idea], title: str) -> str:
    from bot.render import render_idea, shared_guard

    blocks = [f"**{title}**"]
    common = shared_guard(ideas)
    for i, idea in enumerate(ideas, start=1):
        block = render_idea(idea, ctx.lang, i, guard=common is None)
        doc = ctx.catalog.get(idea.pattern) if idea.pattern else None
        if doc is not None:
            sep = " : " if ctx.lang == "fr" else ": "
            name = doc.meta.title
            if isinstance(doc.meta, Campaign) and doc.meta.language != ctx.lang:
                name = f"{doc.meta.brand} ({doc.meta.year})"  # its title is in the other language
            block += f"\n- {t('idea.pattern', ctx.lang)}{sep}{name}"
        blocks.append(block)
    if common:  # the same care for every card: said once, after them
        blocks.append(f"**{t('idea.guard_all', ctx.lang)}** {common}")
    return "\n\n".join(blocks)
