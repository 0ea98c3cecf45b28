"""Rule-based brief understanding: free text (FR, EN or mixed) → `Brief`. Offline, deterministic.

The text is normalised (NFKC, odd spaces, quotes), capped at `MAX_CHARS`, folded (lower case, no
accents, one character for one) and tokenised once; each extractor reads what it needs:
`gazetteer` tables for markets, sectors, objectives, audiences and constraints, `amounts` for the
budget, `dates` for the timing, `audience` for ages, `intent` for the mode and topic. A follow-up
(`is_follow_up`) starts from the previous brief and overrides only what it says.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re

from bot.brief.amounts import parse_budget
from bot.brief.audience import find_audience
from bot.brief.dates import NUMBERS, build_timing, find_timing
from bot.brief.followup import adds_markets, is_follow_up
from bot.brief.gazetteer import (
    AUDIENCES,
    BRAND_NOUNS,
    BRANDS,
    CONSTRAINTS,
    FOREIGN_ORIGINS,
    LOWER_BUDGET,
    MARKETS,
    NOT_CLIENTS,
    OBJECTIVES,
    ORIGIN_ADJECTIVES,
    ORIGIN_PREFIXES,
    SECTORS,
    TARGET_PREFIXES,
    US_PLACES,
    is_place,
)
from bot.brief.intent import Signals, detect_intent
from bot.brief.language import detect_language, is_clear
from bot.brief.question import clarifying_question
from bot.brief.subject import find_subject, find_theme
from bot.brief.text import MAX_CHARS, Token, blank, fold, normalise, tokens
from bot.models import Brief, Budget, Language, Timing

log = logging.getLogger("levier.brief")

__all__ = [
    "MAX_CHARS",
    "clarifying_question",
    "detect_language",
    "is_follow_up",
    "parse_brief",
]

# Case-sensitive markers read on the original text ("us" is a pronoun, "ces" a French word).
_CASED_MARKETS = (
    (re.compile(r"(?<![\w.])(?:U\.S\.A?\.?|USA|US)(?![\w])"), "us"),
    (re.compile(r"\b(?:EU|UE)\b"), "europe"),
    (re.compile(r"\bEAU\b"), "gulf"),
    # French cities whose names are also common words or names: only as a place, capitalised
    # after a preposition ("à Angers", "in Tours", "sur Nancy")
    (re.compile(r"\b(?:à|a|in|sur|de|near|près d['’])\s+(?:Angers|Tours|Nancy|Orléans)\b"), "fr"),
)
_CASED_SECTORS = ((re.compile(r"\b(?:AI|IA|GenAI|IT)\b"), "tech"),)
_DERIVED = frozenset({"Loi Évin", "regulated: health", "regulated: finance", "regulated: alcohol"})
_LAUNCH_DELAY = re.compile(
    r"\b(?:launch|launching|lancer|lancement|lance|lancons|go live|live|sortie|release)\b"
    r"[^.?!\n]{0,60}?\b(?:dans|in|within|d'ici|sous|en moins de)\s+(\d{1,3}|un|une|deux|trois|"
    r"quatre|cinq|six|huit|dix|douze|one|two|three|four|five|six|eight|ten|twelve)\s+"
    r"(jours?|days?|semaines?|weeks?|mois|months?)\b"
)
_UNITS_EN = {
    "jour": "days",
    "day": "days",
    "semaine": "weeks",
    "week": "weeks",
    "mois": "months",
    "month": "months",
}
_EVENT_NOUNS = frozenset({"day", "days", "week", "month", "festival", "summit", "games", "cup"})
_CLIENT = re.compile(
    r"(?:\b(?i:client|cliente|brand|marque|annonceur|advertiser|account)[ \t]*:[ \t]*"
    r"|\b(?i:pour)\s+(?:(?i:la marque|le client|l'enseigne|le groupe|la société|notre client|"
    r"la start-?up)\s+)?"
    r"|\b(?i:for)\s+(?:(?i:the brand|our client|the client|client|brand|the startup)\s+)?"
    r"|\b(?i:notre client|our client|le client|the client|chez|at)\s+"
    r"|\(\s*(?i:marque|brand|enseigne|nom|name)[ \t]*:?[ \t]*)"  # "(marque Kargo)"
    r"(?P<name>[A-Z0-9][\w&'+.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z0-9][\w&'+.-]*){0,3})"
)


# Words before "from <market>" that make the market the buyers' ("leads from US suppliers").
_DEMAND = frozenset(
    {"leads", "buyers", "customers", "clients", "orders", "contracts", "prospects", "demand"}
)

# What separates markets named in one list ("France, Italie et Espagne").
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:et|and|ou|or|&|/|\+))\s*(?:(?:the|la|le|les|l')\s*)?")

# Markets whose seasons are the other way round ("l'été brésilien" is December to March).
SOUTHERN_MARKETS = frozenset({"br"})


def parse_brief(
    text: str,
    *,
    fallback_language: Language | None = None,
    previous: Brief | None = None,
    today: dt.date | None = None,
) -> Brief:
    """Understand a message. With `previous` and a follow-up message, merge into the old brief."""
    today = today or dt.date.today()
    original = normalise(text)
    fallback = fallback_language or (previous.language if previous else None)
    try:
        if previous is not None and is_follow_up(original):
            return _merge(previous, original, today)
        return _parse(original, today, fallback)
    except Exception as exc:  # pragma: no cover - the parser must never break a conversation
        log.warning("brief parsing failed, empty brief: %s", type(exc).__name__)
        return Brief(language=fallback or "en", intent="other" if not original else "strategy")


def _parse(original: str, today: dt.date, fallback: Language | None) -> Brief:
    folded = fold(original)
    toks = tokens(folded)
    language = detect_language(original, fallback)

    objectives = _objectives(toks)
    budget, amount_spans = parse_budget(original)
    # "communes de 5 000 à 50 000 habitants": a town's size, not its residents as an audience
    sizes = [m.span() for m in _POPULATION.finditer(folded)]
    audience = find_audience(folded, original, toks, exclude=[*amount_spans, *sizes])
    markets, origin = _markets(original, folded, toks, audience.spans)
    if not markets:  # "around the Premier League opening weekend": the league's country
        markets = [code for words, code in _NATIONAL_EVENTS if words.search(folded)][:1]
    if "be" in markets and _brussels_is_the_eu(folded, objectives):
        markets = list(dict.fromkeys("europe" if m == "be" else m for m in markets))
    if not markets:  # "an operator licensed by the ANJ": the regulator's country
        markets = [code for words, code in _REGULATORS if words.search(original)][:1]
    if budget is not None and _yuan_sign(original, budget.currency, markets):
        budget = budget.model_copy(update={"currency": "CNY"})
    if budget is None:
        budget, bare = _bare_thousands(original, markets)
        amount_spans = [*amount_spans, *bare]
    sector, brand = _sector(original, toks, audience.spans)
    timing_text = folded
    for a, b in amount_spans:
        timing_text = blank(timing_text, a, b)
    for span in _ROLLING_YEAR.finditer(timing_text):  # a span from now, not next January
        timing_text = blank(timing_text, span.start(), span.end())
    southern = bool(markets) and all(m in SOUTHERN_MARKETS for m in markets)
    found = find_timing(timing_text, original, today, language, southern=southern)
    timing = build_timing(found, original)
    client = _client(original) or brand

    constraints = list(dict.fromkeys(m.value for m in CONSTRAINTS.find(toks)))
    for f in found:
        if f.deadline and f.last:
            constraints.append(f"deadline: {f.last.isoformat()}")
    delay = _launch_delay(folded)
    if delay:
        constraints.append(delay)
    if sector in ("ngo", "public-sector") and "awareness" in objectives:
        objectives.append("advocacy")
    if "employer-brand" in objectives and _RECRUITED_CUSTOMERS.search(folded):
        # "recruit French bettors", "recruter de jeunes parieurs français": customers won,
        # whatever words stand between the verb and them
        objectives = [o for o in objectives if o != "employer-brand"]
        if "conversion" not in objectives:
            objectives.append("conversion")
    if "employer-brand" in objectives and _VOLUNTEERS.search(folded):
        # "recruter 50 nouveaux bénévoles": volunteers are won like a community, not hired
        objectives = [o for o in objectives if o != "employer-brand"]
        if "community" not in objectives:
            objectives.append("community")

    signals = Signals(
        markets=len(markets),
        objectives=len(objectives),
        sector=sector is not None,
        budget=budget is not None,
        audiences=len(audience.codes),
        timing=timing is not None,
    )
    intent = detect_intent(original, toks, signals)
    brief = Brief(
        language=language,
        intent=intent.mode,
        markets=markets,
        origin=origin,
        sector=sector,
        objectives=list(dict.fromkeys(objectives)),
        audience=audience.text,
        # a betting operator's "joueurs" are its customers, not video gamers
        audiences=[c for c in audience.codes if not (sector == "gambling" and c == "gamers")],
        age_range=audience.age_range,
        budget=budget,
        timing=timing,
        constraints=list(dict.fromkeys(constraints)),
        topic=intent.topic if intent.mode in ("learn", "idea") else None,
        subject=find_subject(original, language, avoid=_moment_words(timing)),
        theme=find_theme(original),
        client=client,
    )
    return _with_derived_constraints(brief)


def _moment_words(timing: Timing | None) -> list[str]:
    """The brief's moment, which is when, never what ("3 ideas for Eid al-Adha")."""
    if timing is None:
        return []
    return [w for w in [*timing.events, timing.text or ""] if w]


# "…cible 25-40 urbains, 40k, on démarre quand ?": a bare number of thousands standing alone
# between commas in a brief is its budget, in the target market's currency (euros by default:
# the agency is French). Not "40k abonnés", "40k followers" (a word follows) or "40k-follower".
_BARE_K = re.compile(
    r"(?:^|[,;:(]\s*|\s[-–]\s)(\d{1,4}(?:[.,]\d)?)\s?[kK]"
    r"(?=\s*(?:[,;.)?!]|$|\s+(?:total|en tout|tout compris|all in|max)\b))"
)
_MARKET_CURRENCY = {
    "uk": "GBP",
    "us": "USD",
    "ch": "CHF",
    "jp": "JPY",
    "cn": "CNY",
    "br": "BRL",
    "ca": "CAD",
}


def _bare_thousands(text: str, markets: list[str]) -> tuple[Budget | None, list[tuple[int, int]]]:
    m = _BARE_K.search(text)
    if m is None:
        return None, []
    value = float(m.group(1).replace(",", ".")) * 1000
    currency = next((_MARKET_CURRENCY[c] for c in markets if c in _MARKET_CURRENCY), "EUR")
    return Budget(amount=value, currency=currency), [m.span(1)]


def _merge(previous: Brief, original: str, today: dt.date) -> Brief:
    new = _parse(original, today, previous.language)
    folded = fold(original)
    toks = tokens(folded)
    update: dict[str, object] = {}
    update["language"] = new.language if is_clear(original) else previous.language
    intent = detect_intent(original, toks, Signals())
    if (intent.explicit and intent.mode != "other") or previous.intent == "other":
        update["intent"] = new.intent
        update["topic"] = new.topic
    if new.origin:
        update["origin"] = new.origin
    if new.markets:
        if adds_markets(folded):
            update["markets"] = list(dict.fromkeys([*previous.markets, *new.markets]))
        else:
            update["markets"] = new.markets
    if new.sector:
        update["sector"] = new.sector
    if new.objectives:
        update["objectives"] = new.objectives
    if new.audience or new.audiences:
        update["audience"] = new.audience
        update["audiences"] = new.audiences
        update["age_range"] = new.age_range
    constraints = [c for c in previous.constraints if c not in _DERIVED]
    if new.budget:
        update["budget"] = new.budget
        constraints = [c for c in constraints if c not in ("small budget", "lower budget")]
    else:
        direction = {m.value for m in LOWER_BUDGET.find(toks)}
        if "lower" in direction:
            if previous.budget:
                update["budget"] = Budget(
                    amount=round(previous.budget.amount / 2, 2), currency=previous.budget.currency
                )
            constraints.append("lower budget")
        elif "higher" in direction and previous.budget:
            update["budget"] = Budget(
                amount=previous.budget.amount * 2, currency=previous.budget.currency
            )
    if new.timing:
        update["timing"] = new.timing
    if new.client:
        update["client"] = new.client
    if new.subject:
        update["subject"] = new.subject
    if new.theme:
        update["theme"] = new.theme
    constraints.extend(c for c in new.constraints if c not in _DERIVED)
    update["constraints"] = list(dict.fromkeys(constraints))
    return _with_derived_constraints(previous.model_copy(update=update, deep=True))


def _with_derived_constraints(brief: Brief) -> Brief:
    """Regulation that follows from the sector and markets (Loi Évin for alcohol in France…)."""
    derived: list[str] = []
    if brief.sector == "alcohol":
        french = "fr" in brief.markets or (not brief.markets and brief.language == "fr")
        derived.append("Loi Évin" if french else "regulated: alcohol")
        if french and any(m != "fr" for m in brief.markets):
            derived.append("regulated: alcohol")
    elif brief.sector == "health-pharma":
        derived.append("regulated: health")
    elif brief.sector in ("finance", "insurance"):
        derived.append("regulated: finance")
    extra = [d for d in derived if d not in brief.constraints]
    if not extra:
        return brief
    return brief.model_copy(update={"constraints": [*brief.constraints, *extra]})


_ENTRY = re.compile(
    r"\b(?:entering|enters|enter|expanding (?:in)?to|expand (?:in)?to|moving into|arriv\w*|"
    r"s.implant\w*|implanter|debarqu\w*|opening (?:its|their|our) first)\b"
)
# "over the next year", "dans l'année qui vient": twelve months from now, not the calendar year
_ROLLING_YEAR = re.compile(
    r"\b(?:over|in|within|during|across|for) the (?:next|coming) (?:year|twelve months|12 months)\b"
    r"|\b(?:dans|sur|au cours de|pendant) (?:l'annee|l annee|les douze mois|les 12 mois) "
    r"(?:qui vient|a venir|qui viennent|prochaine)\b"
)


# "an estate from Jaén, Spain," / "une PME basée à Gand, en Belgique,": a city, then its country
_FROM_CITY = re.compile(
    r"\b(?:from|based in|of|de|basée? à|basée? a|installée? à|installée? a|originaire de)\s+"
    r"[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?,\s*(?:en\s+|in\s+)?$"
)


_MADE_IN = re.compile(
    r"\b(?:made|brewed|distilled|produced|grown|roasted|fabrique\w*|produite?s?|brasse\w*|"
    r"distille\w*|torrefie\w*|cultive\w*)\s+(?:in|a|en|au)\s+$"
)


def _market_named(first: int, last: int, toks: list[Token]) -> bool:
    """The nationality names a market: "le marché allemand", "the German market" (not "leader
    du marché français" nor "the French market leader", which describe the brand at home)."""
    before = toks[first - 1].text if first > 0 else ""
    if before in ("marche", "marches"):
        return not (first > 1 and toks[first - 2].text in ("du", "des"))
    after = [t.text for t in toks[last : last + 2]]
    return (
        bool(after)
        and after[0] in ("market", "markets")
        and after[1:] != ["leader"]
        and (after[1:] not in (["leaders"], ["share"]))
    )


_US_PLACE_SET = frozenset(US_PLACES)
# Competitions and events that belong to one country: the market when the brief names no other.
_NATIONAL_EVENTS = (
    (re.compile(r"\b(?<!indian )premier league\b|\bwimbledon\b|\bfa cup\b"), "uk"),
    (re.compile(r"\bbundesliga\b|\boktoberfest\b"), "de"),
    (re.compile(r"\bligue 1\b|\broland garros\b|\btop 14\b"), "fr"),
    (re.compile(r"\bla ?liga\b"), "es"),
    (re.compile(r"\bbrasileirao\b"), "br"),
    (re.compile(r"\bsuper bowl\b|\bnfl\b|\bnba\b|\bmarch madness\b"), "us"),
)
# Regulators and laws that belong to one country, as briefs write them (case-sensitive
# acronyms): the market when the brief names no other.
_REGULATORS = (
    (re.compile(r"\b(?:ANJ|ARPP|AMF|ACPR|CNIL|DGCCRF|ANSM|ARCOM|DGAL|[Ll]oi [EÉ]vin)\b"), "fr"),
    (re.compile(r"\b(?:FCA|ASA|CAP [Cc]ode|Gambling Commission|Ofcom|MHRA)\b"), "uk"),
    (re.compile(r"\b(?:BaFin|GlüStV|GGL|Wettbewerbszentrale|HWG)\b"), "de"),
    (re.compile(r"\b(?:DGOJ|CNMV|Autocontrol)\b"), "es"),
    (re.compile(r"\b(?:AGCOM|Consob)\b"), "it"),
)
_VOICE = re.compile(
    r"\b(?:voice|voix|visibility|visibilite|thought leader\w*|prise de parole|tribunes?|op-eds?|"
    r"policy|policymakers|decideurs|lobbying|affaires publiques|public affairs)\b"
)
# An event held abroad: the country after it is where it is played, not the brief's market
_EVENT_PLACE = re.compile(
    r"(?:coupe du monde|world cup|mondial|jeux olympiques|olympic games|olympics|"
    r"championnats? du monde|world championships?|grand prix|exposition universelle|world expo)"
    r"(?:\s+(?:feminine|masculine|de football|de rugby|of rugby|women's|men's|fifa|\d{4})){0,3}"
    r"\s+(?:au|aux|en|a|in|held in)(?:\s+the)?\s+$"
    # a trip somewhere is not a market ("an influencer trip to Dubai", "un voyage presse à Bali")
    r"|(?<![a-z])(?:trip|trips|junket|voyage|voyages|sejour|sejours|escapade|vacation|holiday|holidays|"
    r"vacances|retreat|getaway)\s+(?:presse\s+|de presse\s+|d'influenceurs?\s+)?"
    r"(?:to|in|a|au|aux|en|à)(?:\s+the)?\s+$"
)
_TRIP = re.compile(r"trip|junket|voyage|sejour|escapade|vacation|holiday|vacances|retreat|getaway")
_CUSTOMER_NOUNS = frozenset(
    """bettors punters players gamers customers consumers users shoppers buyers subscribers
    investors savers patients drivers riders parieurs joueurs consommateurs utilisateurs
    acheteurs abonnes epargnants investisseurs manufacturers industrials industriels fabricants
    retailers distributors distributeurs importers importateurs hospitals hopitaux farmers
    agriculteurs installers installateurs""".split()  # noqa: SIM905
)


def _brussels_is_the_eu(folded: str, objectives: list[str]) -> bool:
    """ "EU policy circles in Brussels", "a recognised voice … in France and in Brussels": the
    EU's institutions, not Belgian consumers (when nothing else in the brief is Belgian)."""
    policy = (
        "thought-leadership" in objectives or _VOICE.search(folded) or _EU_CAPITAL.search(folded)
    )
    return bool(policy and _BRUSSELS_ONLY.search(folded) and not _BELGIAN.search(folded))


_BRUSSELS_ONLY = re.compile(r"\b(?:brussels|bruxelles)\b")
_BELGIAN = re.compile(
    r"\b(?:belgi\w*|belge\w*|wallon\w*|wallonie|flandre\w*|flemish|flamand\w*|anvers|antwerp"
    r"|liege|gand|ghent|charleroi|namur)\b"
)
_VOLUNTEERS = re.compile(r"\b(?:benevoles?|volunteers?|volontaires)\b")


def _markets(
    original: str, folded: str, toks: list[Token], audience_spans: list[tuple[int, int]]
) -> tuple[list[str], str | None]:
    """(target market codes in order of mention, the brand's origin market or None).

    A nationality inside the audience ("touristes européens" for a hotel in Dubai) is not a
    market. A nationality next to the brand ("marque française … en Chine", "a French scale-up
    entering Germany") or a country after "from / basée en" is the origin when another market is
    the target.
    """
    hits: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []  # character span of each market named
    origins: set[int] = set()
    targeted: set[int] = set()
    adjectives: set[int] = set()
    # "(12 sites in Madrid)": a place in brackets describes the brand, it is not where it goes
    brackets = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", original)]
    inbound = bool(_INBOUND.search(folded))
    visitors: set[int] = set()
    # origins read from a bracket or from "already in": weaker than the brand's nationality
    hearsay: set[int] = set()
    regions: set[int] = set()
    event_places: list[tuple[int, str]] = []
    for m in MARKETS.find(toks):
        if _IN_A_NAME.match(original, m.start) and re.search(
            r"\b[A-ZÀ-Ý][\w'’-]*\s+$", original[max(0, m.start - 30) : m.start]
        ):
            continue  # "the Festival International des Jeux": part of a name, not a market
        if m.last < len(toks) and toks[m.last].text in ("born", "nee", "ne", "native"):
            continue  # "a Dutch-born founder": a person's birthplace, neither home nor target
        held = _EVENT_PLACE.search(folded[max(0, m.start - 50) : m.start])
        if held:
            # "pendant la Coupe du monde 2027 au Brésil": where the event is played, unless the
            # brief names no other place ("around the Rugby World Cup in France"); a trip's
            # destination is never the market
            if not _TRIP.search(held.group()):
                event_places.extend((m.start, code) for code in m.value)
            continue
        hits.extend((m.start, code) for code in m.value)
        spans.append((m.start, m.end))
        if len(m.value) > 1:
            regions.add(m.start)  # "Benelux", "DACH": several markets in one name
        before = toks[m.first - 1].text if m.first > 0 else ""
        if any(a <= m.start < b for a, b in brackets):
            origins.add(m.start)  # "from Jaén (Spain)", "(12 sites in Madrid)": the brand's own
            hearsay.add(m.start)
            continue
        if before == "from" and m.first > 1 and toks[m.first - 2].text in _DEMAND:
            targeted.add(m.start)  # "leads from German manufacturers": the buyers, not the home
            continue
        if inbound and _visitors(m.first, m.last, toks):
            targeted.add(m.start)  # "attract Spanish families": where the visitors come from
            visitors.add(m.start)
            continue
        if m.last < len(toks) and toks[m.last].text in (
            "based",
            "licensed",
            "registered",
            "headquartered",
            "owned",
        ):
            origins.add(m.start)  # "a Lyon-based cycling brand": its home
            continue
        if _MADE_IN.search(fold(original[max(0, m.start - 30) : m.start])):
            origins.add(m.start)  # "une marque de kombucha made in Lyon": where it is made
            continue
        if _FROM_CITY.search(original[max(0, m.start - 50) : m.start]):
            origins.add(m.start)  # "from Jaén, Spain", "basée à Gand, en Belgique": its home
            continue
        if _ALREADY.search(fold(original[max(0, m.start - 40) : m.start])):
            origins.add(m.start)  # "déjà leader en France": where it already is, its home
            hearsay.add(m.start)
            continue
        if _market_named(m.first, m.last, toks):
            targeted.add(m.start)  # "entrer sur le marché allemand", "the German market"
            continue
        if before in TARGET_PREFIXES - {"a", "pour", "for"} and before not in ORIGIN_PREFIXES:
            targeted.add(m.start)  # "en Suisse", "in Japan": a target, whatever follows
        elif _sold_to(m.first, m.last, toks):
            targeted.add(m.start)  # "selling software to mid-sized German manufacturers"
        elif any(t.text in _CUSTOMER_NOUNS for t in toks[m.last : m.last + 2]) or (
            before in _CUSTOMER_NOUNS  # "les installateurs français"
        ):
            targeted.add(m.start)  # "recruit French bettors": the customers to win
        elif _is_origin(m.first, m.last, toks) or before in ORIGIN_PREFIXES:
            origins.add(m.start)
        elif before in ("de", "from", "of") and m.first > 1 and _brand_noun(toks[m.first - 2].text):
            origins.add(m.start)  # "une boulangerie de Tokyo", "a bakery from Osaka"
        elif m.last - m.first == 1 and toks[m.first].text in ORIGIN_ADJECTIVES:
            adjectives.add(m.start)  # an origin if a target comes after it (below)
        elif fold(original[m.start : m.end]) in _US_PLACE_SET and re.search(
            r"\b(?:a|an|the|our)\s+$", original[max(0, m.start - 6) : m.start]
        ):
            adjectives.add(m.start)  # "a Texas barbecue sauce" (not "à Miami"): its home
        elif re.search(r"(?:^|\s)[àÀ]\s+$", original[max(0, m.start - 4) : m.start]):
            targeted.add(m.start)  # "faire connaître à Milan une marque française": where to go
        elif (
            (
                before in ("", "a", "an", "our", "the")
                # "a premium Andalusian olive oil producer": one word between the article and place
                or (m.first > 1 and toks[m.first - 2].text in ("a", "an", "our", "the"))
                # "a 100-year-old Dijon mustard brand": a descriptor before the place
                or (before.isalpha() and before not in TARGET_PREFIXES | _PLACE_LINKS)
            )
            and any(t.text in BRAND_NOUNS for t in toks[m.last : m.last + 4])
        ):
            adjectives.add(m.start)  # "an Osaka tea brand … enter Germany": its home city
        elif before in TARGET_PREFIXES or (m.first > 1 and toks[m.first - 2].text == "marche"):
            targeted.add(m.start)
    home: set[int] = set()
    if visitors:  # the place they are drawn to is the brand's home, not a second target
        home = {start for start, _ in spans if start not in visitors}
        origins |= home
        targeted -= home  # ("a hotel group in Lisbon … among British travellers")
    letters = [c for c in original if c.isalpha()]
    shouting = sum(c.isupper() for c in letters) > 0.6 * len(letters)  # "CONTACT US"
    for rx, code in _CASED_MARKETS:
        if not shouting:
            for cm in rx.finditer(original):
                hits.append((cm.start(), code))
                after = re.split(r"[^\w]+", fold(original[cm.end() : cm.end() + 60]).strip())
                ahead = fold(original[max(0, cm.start() - 20) : cm.start()]).split()
                if len(ahead) >= 2 and ahead[-1] == "from" and ahead[-2] in _DEMAND:
                    targeted.add(cm.start())  # "qualified leads from US suppliers": the buyers
                # "a US direct-to-consumer premium dog food brand": its home, however described
                elif any(w in BRAND_NOUNS for w in after[:8]) or (
                    ahead and ahead[-1] in ORIGIN_PREFIXES
                ):
                    origins.add(cm.start())
    if not hits and event_places:
        hits.extend(event_places)
        targeted |= {start for start, _ in event_places}
    hits.sort(key=lambda hit: hit[0])
    # "une campagne commune France, Italie, Espagne": markets listed together are all targets,
    # the brand's home among them
    for (a, end), (b, _) in itertools.pairwise(spans):
        inside = any(x <= a < y or x <= b < y for x, y in brackets)  # "(Madrid and Seville)"
        if a in home or b in home:
            continue  # "hotels in Lisbon and Porto" for British visitors: both its home
        if not inside and _LISTED.fullmatch(folded[end:b]):
            targeted |= {a, b}
            origins -= {a, b}
    # (the buyers' nationality is a market even inside the audience: "leads auprès des grandes
    # entreprises françaises" targets France)
    outside = [
        h for h in hits if h[0] in targeted or not any(a <= h[0] < b for a, b in audience_spans)
    ]
    # A lone nationality before a market named as a target ("French firm … into Germany"), and a
    # state or city of the US before it ("a Texas barbecue sauce … in France").
    if targeted:
        origins |= {a for a in adjectives if a < min(targeted)}
        origins |= {
            a
            for a, b in spans
            if a < min(targeted) and a not in targeted and fold(original[a:b]) in _US_PLACE_SET
        }  # "un vin de Californie … en France"
    elif adjectives and any(start not in adjectives for start, _ in hits):
        # "our Lyon jewellery label … three Beijing stockists": the brand's home, and the
        # market where the story is
        origins |= adjectives
    origin_codes = [code for start, code in outside if start in origins]
    explicit = {code for start, code in outside if start in targeted}
    targets = [
        h for h in outside if h[0] not in origins and (h[1] not in origin_codes or h[1] in explicit)
    ]
    # "a French brand, sold in France, is entering Germany": the home named again is not a target
    # when the brief is about entering another market
    entered = {code for start, code in outside if start in targeted} - set(origin_codes)
    if origin_codes and entered and _ENTRY.search(fold(original)):
        # (a region named as a target keeps the home it includes: "in France and Benelux")
        targets = [h for h in targets if h[1] not in origin_codes or h[0] in regions] or targets
    if not targets and outside and unprofiled_targets(original, None):
        # "a Lyon-based e-bike maker launching in the Netherlands": the only place it goes has
        # no profile; its home is where it comes from, not the market to plan
        return [], outside[0][1]
    codes = list(dict.fromkeys(code for _, code in (targets or outside or hits)))
    origin = next((c for c in origin_codes if c not in codes), None) if targets else None
    weak = origin is not None and all(
        start in hearsay for start, code in outside if code == origin and start in origins
    )
    if (origin is None or weak) and targets:
        # "a Korean skincare brand (already big in Korea and the US)": the brand's nationality
        # is its home, before a country it is merely present in
        origin = _foreign_origin(toks, min(h[0] for h in targets)) or origin
    return codes, origin


# Words that tie a place to what precedes it: "leads from", "the market of", "et", "and"
_PLACE_LINKS = frozenset(("de", "du", "des", "from", "of", "and", "et", "or", "ou", "with", "avec"))
_IN_A_NAME = re.compile(r"Internationa(?:l|le|ux)\b")
# Where the brand already is ("déjà leader en France", "already sells well in Spain"): its home
_ALREADY = re.compile(r"\b(?:deja|already)\b[^.,;!?()]{0,30}\b(?:en|in|au|aux)\s*$")
# The EU's institutions, which "Brussels" stands for in such a brief
_EU_CAPITAL = re.compile(
    r"\b(?:eu|ue)\b[^.?!]{0,40}\b(?:polic\w*|politiques?|institutions?|affairs|affaires|"
    r"regulat\w*|reglementation|law\w*|legislat\w*|lobby\w*|decision.makers|decideurs)\b"
    r"|\b(?:european commission|commission europeenne|european parliament|parlement europeen|"
    r"meps?|eurodeputes?|public affairs|affaires publiques|policy ?makers)\b"
)
# Bringing people in: a nationality on the visitors ("attract Spanish families", "séduire les
# touristes allemands") is the market to reach; the place they come to is the brand's home.
_INBOUND = re.compile(
    r"\b(?:attract\w*|draw\w*|bring\w* in|lure\w*|welcom\w*|win over|attir\w*|seduire|"
    r"faire venir|accueill\w*|conquerir|capter|bookings?|reservations?|targeting|ciblant|"
    r"among|aupres)\b"
)
_VISITOR_NOUNS = frozenset(
    """families family tourists tourist visitors visitor travellers travelers guests holidaymakers
    vacationers skiers shoppers customers clientele clients familles famille touristes visiteurs
    voyageurs vacanciers skieurs clientes""".split()  # noqa: SIM905
)


def _visitors(first: int, last: int, toks: list[Token]) -> bool:
    """The nationality qualifies visitors: "Spanish families", "des touristes allemands"."""
    after = toks[last].text if last < len(toks) else ""
    before = toks[first - 1].text if first > 0 else ""
    if after in _VISITOR_NOUNS or before in _VISITOR_NOUNS:
        return True
    # "British and German travellers": the visitors are named after the next nationality
    conj = ("and", "et", "or", "ou")
    ahead = [t.text for t in toks[last : last + 4]]
    if ahead and ahead[0] in conj and any(w in _VISITOR_NOUNS for w in ahead[2:4]):
        return True
    # "des familles belges et suisses": the visitors were named before the first nationality
    behind = [t.text for t in toks[max(0, first - 4) : first]][::-1]
    return bool(behind) and behind[0] in conj and any(w in _VISITOR_NOUNS for w in behind[2:4])


def _yuan_sign(original: str, currency: str, markets: list[str]) -> bool:
    """ "¥2m" in a brief for China is yuan: the sign is shared with the yen, and only the
    market tells them apart (a brief for Japan, or for both, keeps yen)."""
    return currency == "JPY" and "¥" in original and "cn" in markets and "jp" not in markets


def unprofiled_targets(text: str, origin: str | None) -> list[str]:
    """Countries the knowledge base has no profile for, named as places the brief goes ("in
    Paris, Amsterdam and Milan", "France, Italy and the Netherlands"), not as a brand's home:
    the answer says it cannot plan them rather than dropping them silently."""
    toks = tokens(fold(text))
    out: list[str] = []
    for m in FOREIGN_ORIGINS.find(toks):
        before = [t.text for t in toks[max(0, m.first - 2) : m.first]]
        if before and before[-1] in ("the", "les", "le", "la", "l"):
            before = before[:-1]
        prev = before[-1] if before else ""
        listed = prev in ("and", "et", "or", "ou") or is_place(prev)
        going = prev in TARGET_PREFIXES - {"a", "pour", "for"}
        if (going or listed) and m.value != origin and m.value not in out:
            out.append(m.value)
    return out


def _foreign_origin(toks: list[Token], target_start: int) -> str | None:
    """A home the knowledge base has no profile for, said before the target: a nationality
    next to the brand ("a Danish maker", "une marque coréenne") or after "from / basée en"."""
    for m in FOREIGN_ORIGINS.find(toks):
        before = toks[m.first - 1].text if m.first > 0 else ""
        near_brand = any(
            t.text in BRAND_NOUNS or t.text.endswith("erie")
            for t in toks[max(0, m.first - 6) : m.first] + toks[m.last : m.last + 5]
        )
        after = toks[m.last].text if m.last < len(toks) else ""
        if after in ("born", "nee", "ne"):  # a person's birthplace ("Dutch-born founder")
            continue
        if (before in ORIGIN_PREFIXES or near_brand) and m.start < target_start:
            return m.value
    return None


_ARTICLES = frozenset(("a", "an", "un", "une", "our", "notre", "we", "nous", "est", "is", "sommes"))


def _brand_noun(word: str) -> bool:
    return word in BRAND_NOUNS or word.endswith("erie")


# "selling … to (mid-sized) German manufacturers", "qui vend aux PME allemandes": the buyers'
# nationality is the target, not the seller's origin.
_SELLING = frozenset(
    (
        "sell", "sells", "selling", "sold", "pitch", "pitching", "market", "marketing", "target",
        "targets", "targeting", "aimed", "vend", "vendre", "vendant", "vendons", "vendent",
        "cible", "ciblant", "cibler", "prospecter", "prospecte", "demarcher", "supply",
        "supplying", "supplies", "fournit", "fournir",
        # "générer des leads auprès des grandes entreprises françaises": whom it sells to
        "leads", "lead", "generer", "generate", "prospects", "win", "gagner", "decrocher",
        "conquerir", "signer",
    )
)  # fmt: skip
_TO_BUYERS = frozenset(
    (
        "to",
        "at",
        "a",
        "aux",
        "aupres",
        "towards",
        "targeting",
        "ciblant",
        "from",
        "among",
        "chez",
        "with",
    )
)
_BUYER_WORDS = frozenset(
    (
        "small", "mid", "sized", "medium", "large", "big", "independent", "leading", "family",
        "owned", "the", "des", "les", "de", "petites", "petits", "moyennes", "grandes", "grands",
        "entreprises", "companies", "firms", "businesses", "corporates", "groupes", "groups",
        "societes", "pme", "eti",
        "independants", "independantes", "manufacturers", "retailers", "industriels",
        "distributeurs", "clients", "customers", "buyers", "acheteurs", "hospitals", "hopitaux",
        "banks", "banques", "insurers", "schools", "ecoles", "hotels", "chains", "chaines",
        "restaurants", "pharmacies", "farmers", "agriculteurs", "utilities", "fleets", "flottes",
    )
)  # fmt: skip


def _sold_to(first: int, last: int, toks: list[Token]) -> bool:
    """A nationality that describes the buyers a seller sells to ("selling software to small
    Dutch retailers", "qui vend aux PME allemandes")."""
    if last - first != 1 or toks[first].text not in ORIGIN_ADJECTIVES:
        return False
    i = first - 1
    between: list[str] = []  # "auprès des industriels agroalimentaires français"
    while i >= 0 and first - i <= 4 and toks[i].text not in _TO_BUYERS:
        between.append(toks[i].text)
        i -= 1
    if i < 0 or toks[i].text not in _TO_BUYERS:
        return False
    if between and not any(w in _BUYER_WORDS or w in BRAND_NOUNS for w in between):
        return False
    # "wants credibility and leads with French SME manufacturers": a demand word counts too
    return any(t.text in _SELLING or t.text in _DEMAND for t in toks[max(0, i - 8) : i])


def _is_origin(first: int, last: int, toks: list[Token]) -> bool:
    """ "marque française", "French luxury brand": a nationality next to a brand noun."""
    if last - first != 1 or toks[first].text not in ORIGIN_ADJECTIVES:
        return False
    window = toks[max(0, first - 6) : first] + toks[last : last + 5]
    # "biscuiterie", "chocolaterie", "maroquinerie": a maker's trade is a brand noun too
    return any(t.text in BRAND_NOUNS or t.text.endswith("erie") for t in window)


def _sector(
    original: str, toks: list[Token], audience_spans: list[tuple[int, int]]
) -> tuple[str | None, str | None]:
    """(sector, client from a known brand). The best-scoring sector; ties go to the first said.

    Generic words inside the audience ("talents tech") do not make the sector; a known brand
    counts as one specific word.
    """
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for m in SECTORS.find(toks):
        code, weight = m.value
        if weight < 1 and any(a <= m.start and m.end <= b for a, b in audience_spans):
            continue
        scores[code] = scores.get(code, 0.0) + weight
        first.setdefault(code, m.start)
    for rx, code in _CASED_SECTORS:
        for cm in rx.finditer(original):
            if any(a <= cm.start() < b for a, b in audience_spans):
                continue  # "IT managers" is an audience, not a sector
            scores[code] = scores.get(code, 0.0) + 0.6
            first.setdefault(code, cm.start())
    brand_name: str | None = None
    others = _others(original)
    for bm in BRANDS.find(toks):
        if any(a <= bm.start < b for a, b in others):
            continue  # "sold in Monoprix", "losing candidates to Airbus": not the brand
        if original[bm.start].isupper() or original[bm.start].isdigit():
            brand_name = original[bm.start : bm.end]
            scores[bm.value] = scores.get(bm.value, 0.0) + 1.0
            first.setdefault(bm.value, bm.start)
            break
    folded = fold(original)
    if "alcohol" in scores and _ALCOHOL_FREE.search(folded) and not _BRAND_LINK.search(folded):
        # a 0.0 beer sold under its own name is a soft drink (≤ 1.2 %), not alcohol: its own
        # rule (indirect advertising) still comes from its words
        del scores["alcohol"]
        scores["food-beverage"] = scores.get("food-beverage", 0.0) + 1.0
        first.setdefault("food-beverage", 0)
    if not scores:
        return None, brand_name
    # A sector whose rules decide the whole plan wins over the setting it is brought into: a
    # whisky brand sponsoring a music festival is an alcohol brief, not a culture one.
    decisive = [c for c in _DECISIVE_SECTORS if c in scores]
    if decisive:
        return decisive[0], brand_name
    best = max(scores, key=lambda c: (scores[c], -first[c]))
    return best, brand_name


_DECISIVE_SECTORS = ("alcohol", "gambling")
_ALCOHOL_FREE = re.compile(
    r"\b(?:sans alcool|alcohol-free|alcohol free|non-alcoholic|zero alcool|0[.,]0\s*%?|"
    r"mocktails?|alcoolfreie?s?|alkoholfrei\w*)"
)
# the 0.0 of an alcohol brand ("sister brand of a well-known gin") advertises that brand
_BRAND_LINK = re.compile(
    r"\b(?:sister brand|marque s(?:oe|œ)ur|same brand|meme marque|sous la marque|under the brand|"
    r"brand extension|line extension|declinaison|version sans alcool de|0\.0 version of|"
    r"alcohol-free version of)"
)
# Where the product is already sold ("sold in Monoprix/Sephora", "référencée chez Carrefour"):
# the names that follow are stockists, not the client.
_MARKETPLACES = (
    r"(?:amazon|zalando|cdiscount|ebay|etsy|tmall|jd|rakuten|otto|bol|allegro|aliexpress|temu|"
    r"manomano|vinted|back\s?market)"
)
_STOCKISTS = re.compile(
    r"\b(?:sold|sells?|selling|stocked|listed|available|distributed|carried|vendue?s?|r[ée]f[ée]renc[ée]e?s?|"
    r"distribu[ée]e?s?|disponibles?|pr[ée]sente?s?)\s+(?:in|at|by|on|through|chez|en|par|dans)"
    r"\s+[^.;:!?),]*(?:,\s*[A-Z][^.;:!?),]*)*"
    # "distribution Carrefour + K-marts", "retail partner: Boots": the stockists, not the client
    r"|\b(?:distribution|distributeurs?|distributors?|stockists?|retail partners?|listings?)"
    r"\s*(?:chez|via|at|with|:)?\s+[A-Z][^.;:!?)]*"
    # "launching in France via Sephora", "lancée chez Monoprix": the retailer it goes through
    r"|\b(?:via|through)\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)?"
    r"|\b(?:launch(?:ing|es|ed)?|lanc[ée]e?s?|lancement|arrive[sd]?|arriving|arriv[ée]e?s?|"
    r"d[ée]barque\w*|debut(?:s|ing)?)\s+(?:at|chez)\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)?"
    # a marketplace it sells on ("e-commerce + Amazon.de", "sur Zalando"): a channel, not the client
    r"|(?:\be-?commerce\s*\+?\s*|\b(?:sur|on|via)\s+|\+\s*)" + _MARKETPLACES + r"(?:\.[a-z.]{2,6})?"
    r"|\b" + _MARKETPLACES + r"\.[a-z]{2,3}(?:\.[a-z]{2})?\b",
    re.IGNORECASE,
)


# The competitors a brief names ("keeps losing candidates to Airbus and Safran", "face à
# Decathlon"): the names that follow are rivals, not the client.
_RIVALS = re.compile(
    r"\b(?:losing\s+\w+\s+to|lose\s+\w+\s+to|versus|vs\.?|compared\s+(?:to|with)|"
    r"rather\s+than|as\s+big\s+as|bigger\s+than|competitors?(?:\s+(?:like|such\s+as))?|"
    r"face\s+(?:à|a|aux)|concurrents?(?:\s+(?:comme|tels?\s+que))?|plut[ôo]t\s+que|"
    r"que\s+chez|au\s+profit\s+d(?:e|')|qui\s+part(?:ent)?\s+chez|"
    r"struggl(?:e|es|ing)\s+against|compet(?:e|es|ing)\s+(?:with|against)|up\s+against|"
    r"against\s+(?=[A-Z])|rivals?(?:\s+(?:like|such\s+as))?|"
    r"(?:se\s+bat|lutte|luttent|peine)\s+(?:face\s+)?(?:à|a|contre)|contre\s+(?=[A-Z])|"
    r"en\s+concurrence\s+avec)"
    r"\s*[^.;:!?),]*(?:,\s*[A-Z][^.;:!?),]*)*",
    re.IGNORECASE,
)


def _objectives(toks: list[Token]) -> list[str]:
    return list(dict.fromkeys(m.value for m in OBJECTIVES.find(toks)))


_POPULATION = re.compile(
    r"\d[\d\s.,]*(?:k|000)?\s*(?:habitants|inhabitants|residents|hab\b|people\b(?=\s*[,.;)]))"
    # "(50–500 staff)", "de 20 à 200 salariés": a firm's size, not its employees as an audience
    r"|\d[\d\s.,]*\s*(?:-|–|a|à|to)\s*\d[\d\s.,]*\s*(?:staff|employees|salaries|"
    r"collaborateurs|people|personnes)\b"
)


def _others(original: str) -> list[tuple[int, int]]:
    """Where the brief names businesses that are not the client: its stockists and its rivals."""
    return [m.span() for rx in (_STOCKISTS, _RIVALS) for m in rx.finditer(original)]


# Events a brief places its client at, never the client itself.
_NAMED_EVENT = re.compile(
    r"\b(?:roland[- ]garros|wimbledon|tour de france|six nations|vivatech|cannes lions|"
    r"fashion week|olympi\w*|super bowl|glastonbury|coachella|oktoberfest|hellfest|"
    r"solidays|eurockeennes|vieilles charrues|we love green|art basel|frieze|"
    r"salone del mobile|maison&objet|maison et objet|mobile world congress|web summit)\b"
)


# After an acronym: a lower-case noun it qualifies ("CNC machines", "SaaS tools"), not a verb
# or a preposition that would follow a client's name
_COMMON_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|on|at|to|and|or|is|are|was|has|have|wants?|needs?|en|et|ou|est|a|veut|"
    r"doit|pour|for|with|avec|dans|sur|who|qui|that|which|launch\w*|lance\w*)\b)[a-zà-ÿ]{3,}"
)
_RECRUITED_CUSTOMERS = re.compile(
    r"\b(?:recrut\w*|recruit\w*)\s+(?:\S+\s+){0,3}?"
    r"(?:bettors|punters|players|users|customers|subscribers|donors|members|savers|investors|"
    r"parieurs|parieuses|joueurs|joueuses|clients|clientes|utilisateurs|utilisatrices|abonnes|"
    r"donateurs|membres|epargnants|investisseurs)\b"
)
_PERIOD_NAME = re.compile(r"[HQTS][1-4]|FY\d{2,4}|Q[1-4][ -]?\d{2,4}")


def _client(original: str) -> str | None:
    others = _others(original)
    for m in _CLIENT.finditer(original):
        if any(a <= m.start("name") < b for a, b in others):
            continue  # "vendue chez Carrefour", "face à Airbus": not the client
        # "€120k for H1. What's the plan?": a name ends where a sentence does
        name = re.split(r"[.!?]\s", m.group("name"), maxsplit=1)[0].rstrip(".,;:!?'-")
        name = re.sub(r"'s$", "", name)
        if _PERIOD_NAME.fullmatch(name):
            continue  # "for H1", "pour le T3", "for Q4": a period of the year, not a name
        end = m.start("name") + len(name)
        if name.isupper() and _COMMON_NOUN_AFTER.match(original, end):
            continue  # "maintenance for CNC machines": an acronym that qualifies a noun
        words = tokens(fold(name))
        if not words or words[0].text in NOT_CLIENTS or words[0].text.isdigit():
            continue
        if MARKETS.find(words) or re.search(r"\d{4}", name):
            continue
        if AUDIENCES.find(words) and not BRANDS.find(words):
            continue
        if len(name) < 2 or words[-1].text in _EVENT_NOUNS:
            continue
        if _NAMED_EVENT.search(fold(name)):
            continue  # "a VIP lounge at Roland-Garros": where it happens, not who pays
        return name
    return None


def _launch_delay(folded: str) -> str | None:
    m = _LAUNCH_DELAY.search(folded)
    if not m:
        return None
    raw, unit = m.group(1), m.group(2)
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw, 1)
    key = next(k for k in _UNITS_EN if unit.startswith(k))
    return f"must launch in {n} {_UNITS_EN[key] if n != 1 else _UNITS_EN[key][:-1]}"
