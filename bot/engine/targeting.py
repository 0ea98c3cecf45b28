"""Targeting: the core segment, the engagement base, the circle of influence and media targets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from bot.brief.audience import hires
from bot.brief.subject import with_french_article
from bot.brief.text import compiled, fold
from bot.engine.calendar import any_trigger, trigger_word
from bot.engine.category import category_in
from bot.engine.context import Context
from bot.engine.mechanics import BASE, CIRCLE, Scored
from bot.engine.profile import audience_codes, budget_band
from bot.i18n import join, label, t
from bot.knowledge import vocab
from bot.knowledge.schema import Circle, Market
from bot.models import PlanItem

PRESS = ("channel-press-national", "channel-press-regional", "channel-press-trade")
B2B = ("b2b-leads", "thought-leadership", "employer-brand")
# The audience an objective implies when the brief does not name it (hiring reaches candidates).
IMPLIED_AUDIENCE = {"employer-brand": "candidates", "b2b-leads": "b2b-decision-makers"}
# Audiences reached at work: a plan for them does not lead with national dailies or consumer apps.
PRO_AUDIENCES = frozenset(
    {
        "b2b-decision-makers",
        "candidates",
        "developers",
        "investors",
        "health-professionals",
        "professionals",
        "policymakers",
    }
)
# Audiences national dailies and broadcasters do reach: for the others (students, developers,
# gamers...), the audience's own media replace them.
GENERAL_AUDIENCES = frozenset(
    {
        "general-public",
        "parents",
        "millennials",
        "gen-x",
        "boomers",
        "women",
        "men",
        "local-communities",
    }
)
AUDIENCE_OUTLETS = 3  # per audience, before the first audiences' other outlets
MAX_AUDIENCE_OUTLETS = 6


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Audiences a hiring brief's words bring that are not the people it hires: the firm's
# "collaborateurs" are its employees, "opérateurs" read as professionals at large.
_NOT_THE_HIRES = frozenset({"employees", "professionals"})


def segment_text(ctx: Context) -> str:
    brief, lang = ctx.brief, ctx.lang
    codes = audience_codes(brief)
    stated = [c for c in codes if c in brief.audiences]
    cohorts = [c for c in codes if c not in brief.audiences]
    # a hiring brief targets the people it wants to hire, as it names them ("collaborateurs
    # juniors" are candidates for the firm, not its employees)
    hired = hires(ctx.text or "") if "employer-brand" in brief.objectives[:1] else None
    if hired:
        who = hired
        learners = re.search(
            r"apprent|alternan|etudiant|student|stagiaire|intern|graduate|diplome", fold(hired)
        )
        extra = [
            label("audience", c, lang)
            for c in codes
            if c not in _NOT_THE_HIRES
            and c != "candidates"
            and (c != "students" or learners)  # "chaudronniers", not students
            # "apprentis et chefs de chantier": one label cannot cover several groups
            and not re.search(r",| et | and ", hired)
        ]
    elif brief.audience:
        who = brief.audience
        extra = [label("audience", c, lang) for c in codes]
    elif stated:
        who = join([label("audience", c, lang) for c in stated], lang)
        extra = [label("audience", c, lang) for c in cohorts]
    elif brief.age_range:
        low, high = brief.age_range
        who = f"{low}–{high} {'ans' if lang == 'fr' else 'year-olds'}"
        extra = [label("audience", c, lang) for c in cohorts]
    else:
        b2b = "b2b-leads" in brief.objectives or brief.sector in vocab.PRO_SECTORS
        fallback = label("audience", "b2b-decision-makers" if b2b else "general-public", lang)
        # the people the product's category reaches first (home cooks who already cook from
        # scratch, for cast-iron pans), before the situation's generic default
        category = category_in(ctx, fold(ctx.text or ""))
        core = category.core.get(lang) if category and category.core else None
        who = core or ctx.default_audience or fallback
        extra = []
    extra = [
        e for e in extra if _fold(e.removeprefix("les ").removeprefix("la ")) not in _fold(who)
    ]
    if extra:
        who += f" ({join(extra, lang)})"
    if ctx.market:
        who += f", {label('market', ctx.market, lang)}"
    return who


def outlet_key(name: str) -> str:
    """An outlet's name without its gloss, for comparing: 'Famitsu (ファミ通)' is 'famitsu'."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip().casefold()


def target_audiences(ctx: Context, defaults: bool = True) -> list[str]:
    """Who the plan is for, as audience codes: those the brief names, then the one its objective
    implies (hiring reaches candidates), then the age cohorts; when the brief says none of
    this, the situation's default audience (a B2B playbook's buyers)."""
    brief = ctx.brief
    codes = audience_codes(brief)
    if "employer-brand" in brief.objectives[:1] and hires(ctx.text or ""):
        # the "collaborateurs" a firm wants to hire are candidates, not its employees
        codes = [c for c in codes if c not in _NOT_THE_HIRES]
    stated = [c for c in codes if c in brief.audiences]
    implied = [IMPLIED_AUDIENCE[o] for o in brief.objectives if o in IMPLIED_AUDIENCE]
    found = list(dict.fromkeys([*stated[:1], *implied, *stated, *codes]))
    return found or (list(ctx.default_audiences) if defaults else [])


def professional(ctx: Context, audiences: list[str] | None = None) -> bool:
    """A B2B, hiring or expert brief: reached at work, not through consumer media."""
    codes = target_audiences(ctx) if audiences is None else audiences
    b2b = any(o in B2B for o in ctx.brief.objectives) or ctx.brief.sector in vocab.PRO_SECTORS
    return b2b or bool(codes and codes[0] in PRO_AUDIENCES)


def circle_for(
    circles: list[Circle],
    sector: str | None,
    audiences: list[str],
    objectives: list[str],
    text: str = "",
    markets: list[str] | None = None,
) -> Circle | None:
    """The most specific circle that fits: the question's own subject (its trigger words) counts
    most, then its audience, then its objective, then its sector; among equals, the one of the
    brief's first audience, then the first written."""
    folded = fold(text)
    best: tuple[float, int] | None = None
    chosen = None
    for n, circle in enumerate(circles):
        if circle.sectors and sector not in circle.sectors:
            continue
        if circle.markets and markets and not set(circle.markets) & set(markets):
            continue  # France's cyber agency and forums are nothing to a plan for Germany
        if circle.objectives and not set(circle.objectives) & set(objectives):
            continue
        if circle.triggers and not any_trigger(circle.triggers, folded):
            continue
        if set(circle.not_objectives) & set(objectives):
            continue
        rank = len(audiences)
        if circle.audiences:
            hits = [i for i, a in enumerate(audiences) if a in circle.audiences]
            if not hits:
                continue
            rank = hits[0]
        score = (
            8 * bool(circle.triggers)
            + 4 * bool(circle.audiences)
            + 2 * bool(circle.objectives)
            + bool(circle.sectors)
            + 0.5 * bool(circle.markets)  # the target market's own bodies before anyone's
        )
        key = (score - rank / 100, -n)
        if best is None or key > best:
            best, chosen = key, circle
    return chosen


def circle_topic(ctx: Context) -> str | None:
    """The subject, as the question says it, that the brief's circle of experts was found by
    ("l'hydrogène vert" in "patron d'une PME de l'hydrogène vert"); None when the circle is only
    the sector's or the audience's."""
    circle = _brief_circle(ctx)
    text = ctx.text or ""
    spaced = fold(text).replace("-", " ")  # one character per character of `text`
    found: tuple[int, int] | None = None
    for word in circle.triggers if circle is not None else []:
        w = trigger_word(word)
        m = compiled(rf"(?<![a-z0-9]){re.escape(w)}").search(spaced) if w in spaced else None
        if m is not None and (found is None or m.end() - m.start() > found[1] - found[0]):
            found = (m.start(), m.end())
    if found is None:
        return None
    start, end = found
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1  # the whole word: "quantique" for "quantiq", "hydrogène" for "hydrogene"
    said = text[start:end].strip(" -'")
    first = said.split()[0] if said.split() else said
    if not first.isupper():  # "EU policymakers" keeps its acronym, "Quantique" reads "quantique"
        said = said[:1].lower() + said[1:]
    return with_french_article(said) if ctx.lang == "fr" else said


def _brief_circle(ctx: Context) -> Circle | None:
    """The circle of influence of the brief's own words (a situation's default audience is not
    the brief's word)."""
    brief = ctx.brief
    return circle_for(
        ctx.catalog.circles(),
        brief.sector,
        target_audiences(ctx, defaults=False),
        list(brief.objectives),
        ctx.text,
        _circle_markets(ctx),
    )


def _circle_markets(ctx: Context) -> list[str]:
    """The markets whose experts the brief needs: its targets, or the answer's market."""
    return list(ctx.brief.markets) or ([ctx.market] if ctx.market else [])


def experts_text(ctx: Context) -> str:
    """The few experts the brief's target listens to (the knowledge's circles of influence)."""
    circle = _brief_circle(ctx)
    fallback = circle is None or not (
        circle.sectors or circle.audiences or circle.objectives or circle.triggers
    )
    # a circle known only by the sector is less precise than the product's own category
    # ("premium cookware" is read as luxury: chefs and cookery writers, not collectors)
    by_sector_only = circle is not None and not (
        circle.audiences or circle.objectives or circle.triggers
    )
    if fallback or by_sector_only:
        # no circle for the brief: the people the product's own category works with (game
        # designers for a board game), before the knowledge's fallback
        partners = _category_partners(ctx)
        if partners:
            return partners
    if circle is None:
        return t("tgt.experts_default", ctx.lang)
    return circle.experts.get(ctx.lang)


def _category_partners(ctx: Context) -> str | None:
    """The partners of the product category the question names (its most specific word)."""
    category = category_in(ctx, fold(ctx.text or ""))
    return category.partners.get(ctx.lang) if category is not None else None


def committee_texts(ctx: Context) -> tuple[str | None, str | None]:
    """(who decides a purchase, the roles to meet one at a time) for a business buyer in the
    brief's sector or subject, from the most specific circle that says; (None, None) when none
    does, and the playbook's own words stay."""
    brief = ctx.brief
    circles = [c for c in ctx.catalog.circles() if c.committee is not None]
    circle = circle_for(
        circles,
        brief.sector,
        target_audiences(ctx),  # a B2B playbook's buyers are who the committee is
        list(brief.objectives),
        ctx.text,
        _circle_markets(ctx),
    )
    if circle is None or circle.committee is None:
        return None, None
    roles = circle.roles.get(ctx.lang) if circle.roles is not None else None
    return circle.committee.get(ctx.lang), roles


def audience_media(market: Market | None, audiences: list[str], sector: str | None) -> list[str]:
    """Where the brief's audiences are reached in the market: for each audience, its outlets in
    the brief's sector first, then its own."""
    if market is None:
        return []
    lists = [
        list(
            dict.fromkeys(
                [
                    *market.audience_media.get(f"{code}/{sector}", []),
                    *market.audience_media.get(code, []),
                ]
            )
        )
        for code in audiences
    ]
    out: list[str] = []
    # a few outlets of each audience first, then the rest of the first audiences' lists
    for names in [n[:AUDIENCE_OUTLETS] for n in lists] + lists:
        out += [n for n in names if n not in out]
    return out[:MAX_AUDIENCE_OUTLETS]


def named_places(
    places: Iterable[str], text: str, demonyms: Mapping[str, str] | None = None
) -> list[str]:
    """The places (accent-free keys of a market's maps: cities, regions) that the text names as
    whole words, by their name or by a word for their people ("genevoise" for "geneve")."""
    folded = fold(text)

    def said(word: str) -> bool:
        w = fold(word)
        return (
            w in folded
            and compiled(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])").search(folded) is not None
        )

    by_people = {city for word, city in (demonyms or {}).items() if said(word)}
    return [p for p in places if p in by_people or said(p)]


def market_of_places(markets: Iterable[Market], text: str) -> str | None:
    """The market whose cities or regions the question names when it names no country
    ("un chantier naval à Saint-Nazaire" is in France); None when none, or several, are."""
    found = {
        m.code
        for m in markets
        if named_places([*m.local_media, *m.city_languages], text, m.demonyms)
        and m.code != "global"
    }
    return found.pop() if len(found) == 1 else None


# A large company named as the account to win: after a verb of winning or selling ("win
# Vinci", "décrocher la SNCF"), or before "as a customer" ("Vinci comme client").
_WIN_BEFORE = re.compile(
    r"(?:\b(?:win|winning|land|landing|court|courting|woo|pitch(?:ing)?(?: to)?|sell(?:ing)? to|"
    r"sign|signing|get|convince|approach|approaching|break into|d[ée]crocher|convaincre|"
    r"s[ée]duire|vendre [àa]|signer|approcher|prospecter|r[ée]f[ée]rencer chez|entrer chez)"
    r"(?:\s+(?:the|a|an|la|le|les|l'|un|une))?\s*)$",
    re.IGNORECASE,
)
_WIN_AFTER = re.compile(
    r"^\s+(?:as (?:a|an|its|their|our) (?:customer|client|account)|comme (?:client|compte)|"
    r"en (?:client|compte))\b",
    re.IGNORECASE,
)


def market_of_account(markets: Iterable[Market], text: str) -> str | None:
    """The market of the large company a B2B brief names as the account to win ("a UK
    safety-software firm wants to win Vinci as a customer" is a plan for France), from the
    markets' `companies`; None when none, or companies of several markets, are named so."""
    found = set()
    for market in markets:
        for name in market.companies:
            if name not in text:
                continue
            for hit in compiled(rf"(?<![\w-]){re.escape(name)}(?![\w-])").finditer(text):
                before = text[max(0, hit.start() - 40) : hit.start()]
                if _WIN_BEFORE.search(before) or _WIN_AFTER.match(text[hit.end() :]):
                    found.add(market.code)
    return found.pop() if len(found) == 1 else None


def local_media(market: Market | None, text: str) -> tuple[list[str], list[str]] | None:
    """(the cities the question names, their outlets), from the market's `local_media`."""
    if market is None or not market.local_media:
        return None
    # "Le Parisien is already asking questions": a newspaper named, not Paris
    for outlet in {o for outlets in market.local_media.values() for o in outlets}:
        if outlet in text:
            text = text.replace(outlet, " ")
    cities = named_places(market.local_media, text, market.demonyms)
    if not cities:
        return None
    outlets = list(dict.fromkeys(o for c in cities for o in market.local_media[c]))
    return [c.title() for c in cities], outlets[:MAX_AUDIENCE_OUTLETS]


def category_media(ctx: Context, market: Market | None) -> list[str]:
    """The outlets that cover the brief's product category in `market` (the food press for
    cookware), from the knowledge's category media; empty when none is known."""
    if market is None:
        return []
    category = category_in(ctx, fold(ctx.text or ""))
    return ctx.catalog.category_media(category.id, market.code) if category is not None else []


def named_media(
    market: Market | None,
    sector: str | None,
    k: int = 6,
    audiences: list[str] | None = None,
    pro: bool = False,
    category: list[str] | None = None,
) -> list[str]:
    """The audience's own media first, then the titles that cover the product's category, the
    market's trade titles for the sector, then its national outlets: not for a B2B or hiring
    brief that has its own media, nor for an audience the national dailies do not reach
    (students, developers...) when it has its own."""
    if market is None:
        return []
    codes = audiences or []
    own = audience_media(market, codes, sector)
    covering = list(category or [])[:4]
    # the category's own titles say more than the sector's ("cookware" is not "home")
    trade = [] if covering else list(market.trade_media.get(sector or "", []))[:3]
    if pro and codes and f"{codes[0]}/{sector}" in market.audience_media:
        trade = []  # the audience's titles in this sector are its trade media
    elif "candidates" in codes and any(
        a != "candidates" and a in PRO_AUDIENCES and market.audience_media.get(a) for a in codes
    ):
        trade = []  # engineers to hire read their profession's titles, not the car magazines
    niche = own and not GENERAL_AUDIENCES & set(codes)
    general = [] if (pro and (own or trade or covering)) or niche else list(market.media)
    if own:
        k = max(k, len(own) + 2)
    out: list[str] = []
    for name in [
        *own,
        *covering,
        *trade,
        *general,
    ]:  # one mention per outlet, however it is glossed
        if outlet_key(name) not in {outlet_key(n) for n in out}:
            out.append(name)
    return out[:k]


def key_outlets(ctx: Context, market: Market | None, k: int = 3) -> list[str]:
    """The few outlets a consultant would call first for this brief: the named city's own, then
    the audience's, the sector's trade titles and the national ones (platforms left out)."""
    if market is None:
        return []
    audiences = target_audiences(ctx)
    local = local_media(market, ctx.text)
    names = [
        *(local[1] if local else []),
        *named_media(
            market,
            ctx.brief.sector,
            audiences=audiences,
            pro=professional(ctx),
            category=category_media(ctx, market),
        ),
    ]
    platforms = {outlet_key(label("channel", c, ctx.lang)) for c in vocab.CHANNELS}
    platforms |= {"linkedin", "xing", "tiktok", "instagram", "youtube", "facebook", "x", "twitch"}
    out: list[str] = []
    for name in names:
        key = outlet_key(name)
        if key not in platforms and key not in {outlet_key(n) for n in out}:
            out.append(name)
    return out[:k]


def build_targeting(ctx: Context, selected: list[Scored], market: Market | None) -> list[PlanItem]:
    lang, brief = ctx.lang, ctx.brief
    ids = [s[1].mechanic_id for s in selected]
    doc_of = {s[1].mechanic_id: s[0].id for s in selected}
    items = [
        PlanItem(
            title=t("tgt.core", lang, who=segment_text(ctx)),
            detail=t("tgt.core_why", lang),
            sources=ctx.principle("principle-fine-targeting", "principle-right-channel-right-time"),
        )
    ]
    crisis = "crisis" in brief.objectives[:1]
    if crisis:
        who = join(
            [label("audience", a, lang) for a in ("employees", "journalists", "policymakers")], lang
        )
        items.append(
            PlanItem(
                title=t("tgt.stakeholders", lang, who=who),
                sources=ctx.book.cite_all("mechanic-crisis-response"),
            )
        )
    base = [i for i in ids if i in BASE]
    if base and not crisis:
        size = {"low": "15–30", "medium": "30–80", "high": "80–200", "very-high": "200+"}
        n = size.get(budget_band(brief) or "low", "20–50")
        if base[0] == "mechanic-employee-advocacy":
            items.append(
                PlanItem(
                    title=t("tgt.internal", lang), ref=base[0], sources=ctx.book.cite_all(base[0])
                )
            )
        else:
            pro_base = professional(ctx)  # buyers and talent follow peers, not lifestyle creators
            items.append(
                PlanItem(
                    title=t("tgt.base_pro" if pro_base else "tgt.base", lang, n=n),
                    ref=base[0],
                    sources=ctx.book.cite_all(
                        doc_of[base[0]], "principle-micro-vs-macro-influence"
                    ),
                )
            )
    experts = experts_text(ctx)
    circle = [i for i in ids if i in CIRCLE]
    items.append(
        PlanItem(
            title=t("tgt.circle", lang, experts=experts),
            ref=circle[0] if circle else None,
            sources=ctx.book.cite_all(
                doc_of[circle[0]] if circle else None,
                "principle-two-step-flow"
                if ctx.book.has("principle-two-step-flow")
                else "principle-engagement-vs-influence",
            ),
        )
    )
    audiences = target_audiences(ctx)
    pro = professional(ctx, audiences)
    press = [c for c in (market.top_channels if market else []) if c in PRESS]
    if pro:  # trade press first; national dailies are not where buyers or talent are won
        press = ["channel-press-trade", *[c for c in press if c == "channel-press-regional"]]
    if not press:
        press = ["channel-press-national"]
    own = audience_media(market, audiences, brief.sector)
    beat = label("sector", brief.sector, lang) if brief.sector else None
    media = join([label("channel", c, lang) for c in press[:3]], lang)
    if beat:
        media += f" ({beat})"
    colon = " :" if lang == "fr" else ":"
    rest = [
        n
        for n in named_media(
            market, brief.sector, audiences=audiences, pro=pro, category=category_media(ctx, market)
        )
        if n not in own
    ]
    if rest:
        media += f"{colon} {', '.join(rest)}"
    elif own:
        media = ""  # the audience's own media are all this brief needs
    local = local_media(market, ctx.text)
    if local:  # the cities the brief names: their own outlets come first
        cities, outlets = local
        where = t("tgt.media_local", lang, cities=join(cities, lang))
        media = f"{where}{colon} {', '.join(outlets)}" + (
            f"{' ;' if lang == 'fr' else ';'} {media}" if media else ""
        )
    if own and market is not None:
        reached = [
            a
            for a in audiences
            if market.audience_media.get(a) or market.audience_media.get(f"{a}/{brief.sector}")
        ]
        who = join([label("audience", a, lang) for a in reached[:2]], lang)
        where = t("tgt.media_audience", lang, who=who)
        then = f"{' ;' if lang == 'fr' else ';'} {media}" if media else ""
        media = f"{where}{colon} {', '.join(own)}{then}"
    items.append(
        PlanItem(
            title=t("tgt.media", lang, media=media),
            sources=ctx.book.cite_all(market.id if market else None, press[0]),
        )
    )
    return items
