"""Targeting: the core segment, the engagement base, the circle of influence and media targets."""

from __future__ import annotations

import unicodedata

from bot.engine.context import Context
from bot.engine.mechanics import BASE, CIRCLE, Scored
from bot.engine.profile import audience_codes, budget_band
from bot.i18n import join, label, t
from bot.knowledge.schema import Market
from bot.models import PlanItem

# Experts who make a circle of influence, per sector: (English, French).
EXPERTS: dict[str, tuple[str, str]] = {
    "beauty": ("dermatologists, cosmetic chemists", "dermatologues, formulateurs"),
    "fashion": ("stylists, fashion editors", "stylistes, rédacteurs mode"),
    "luxury": (
        "craft masters, fashion editors, collectors",
        "artisans d'art, rédacteurs mode, collectionneurs",
    ),
    "food-beverage": ("chefs, nutritionists", "chefs, nutritionnistes"),
    "alcohol": ("sommeliers, trade journalists", "sommeliers, journalistes spécialisés"),
    "retail": ("consumer journalists, retail analysts", "journalistes conso, analystes retail"),
    "tech": (
        "industry analysts, engineers, tech reviewers",
        "analystes, ingénieurs, testeurs tech",
    ),
    "telecom": ("tech reviewers, network engineers", "testeurs tech, ingénieurs réseau"),
    "automotive": ("motoring journalists, engineers", "journalistes auto, ingénieurs"),
    "mobility": ("urbanists, mobility researchers", "urbanistes, chercheurs en mobilité"),
    "travel-tourism": ("travel writers, local guides", "journalistes voyage, guides locaux"),
    "finance": ("economists, certified advisers", "économistes, conseillers certifiés"),
    "insurance": ("actuaries, consumer advocates", "actuaires, associations de consommateurs"),
    "health-pharma": (
        "physicians, pharmacists, patient associations",
        "médecins, pharmaciens, associations de patients",
    ),
    "energy": ("engineers, climate scientists", "ingénieurs, climatologues"),
    "public-sector": ("academics, local elected officials", "universitaires, élus locaux"),
    "ngo": ("field experts, researchers", "experts de terrain, chercheurs"),
    "sports": ("athletes, coaches", "sportifs, entraîneurs"),
    "entertainment-media": ("critics, fan-community leaders", "critiques, leaders de fandoms"),
    "gaming": ("streamers, game critics", "streamers, critiques jeux vidéo"),
    "gambling": (
        "sports journalists, tipsters with adult audiences, responsible-gambling experts",
        "journalistes sportifs, pronostiqueurs à audience majeure, experts du jeu responsable",
    ),
    "b2b-industry": (
        "industry analysts, trade-press editors",
        "analystes, rédacteurs de presse professionnelle",
    ),
    "consumer-goods": (
        "product testers, consumer journalists",
        "testeurs produits, journalistes conso",
    ),
    "home": ("architects, interior designers", "architectes, designers d'intérieur"),
    "education": ("teachers, researchers", "enseignants, chercheurs"),
    "culture": ("critics, curators", "critiques, commissaires d'exposition"),
}
DEFAULT_EXPERTS = (
    "recognised experts of the field, trusted journalists",
    "experts reconnus du domaine, journalistes de confiance",
)
PRESS = ("channel-press-national", "channel-press-regional", "channel-press-trade")
B2B = ("b2b-leads", "thought-leadership", "employer-brand")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def segment_text(ctx: Context) -> str:
    brief, lang = ctx.brief, ctx.lang
    codes = audience_codes(brief)
    stated = [c for c in codes if c in brief.audiences]
    cohorts = [c for c in codes if c not in brief.audiences]
    if brief.audience:
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
        b2b = "b2b-leads" in brief.objectives or brief.sector == "b2b-industry"
        fallback = label("audience", "b2b-decision-makers" if b2b else "general-public", lang)
        who = ctx.default_audience or fallback
        extra = []
    extra = [
        e for e in extra if _fold(e.removeprefix("les ").removeprefix("la ")) not in _fold(who)
    ]
    if extra:
        who += f" ({join(extra, lang)})"
    if ctx.market:
        who += f", {label('market', ctx.market, lang)}"
    return who


def named_media(market: Market | None, sector: str | None, k: int = 6) -> list[str]:
    """The market's trade titles for the sector first, then its national outlets."""
    if market is None:
        return []
    trade = list(market.trade_media.get(sector or "", []))[:3]
    return list(dict.fromkeys([*trade, *market.media]))[:k]


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
            items.append(
                PlanItem(
                    title=t("tgt.base", lang, n=n),
                    ref=base[0],
                    sources=ctx.book.cite_all(
                        doc_of[base[0]], "principle-micro-vs-macro-influence"
                    ),
                )
            )
    experts_pair = EXPERTS.get(brief.sector or "", DEFAULT_EXPERTS)
    experts = experts_pair[1] if lang == "fr" else experts_pair[0]
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
    press = [c for c in (market.top_channels if market else []) if c in PRESS]
    if any(o in B2B for o in brief.objectives) and "channel-press-trade" not in press:
        press.append("channel-press-trade")
    if not press:
        press = ["channel-press-national"]
    beat = label("sector", brief.sector, lang) if brief.sector else None
    media = join([label("channel", c, lang) for c in press[:3]], lang)
    if beat:
        media += f" ({beat})"
    named = named_media(market, brief.sector)
    if named:
        media += f": {', '.join(named)}"
    items.append(
        PlanItem(
            title=t("tgt.media", lang, media=media),
            sources=ctx.book.cite_all(market.id if market else None, press[0]),
        )
    )
    return items
