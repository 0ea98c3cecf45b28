"""Controlled vocabularies shared by the knowledge schema, the brief parser and the engine.

`knowledge/README.md` documents the same lists; a test keeps the two in step.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "fr"]
Kind = Literal[
    "principle",
    "mechanic",
    "channel",
    "market",
    "calendar",
    "campaign",
    "glossary",
    "lesson",
    "playbook",
    "rule",
    "circle",
    "idea",
]
KINDS: tuple[str, ...] = get_args(Kind)  # the kinds, in order, said once

MARKETS: tuple[str, ...] = (
    "global",
    "europe",
    "fr",
    "de",
    "uk",
    "us",
    "es",
    "it",
    "be",
    "ch",
    "cn",
    "jp",
    "br",
    "gulf",
    "nl",
    "pt",
    "ca",
)
# Markets that have a profile and a calendar.
COUNTRY_MARKETS: tuple[str, ...] = tuple(m for m in MARKETS if m not in ("global", "europe"))

OBJECTIVES: tuple[str, ...] = (
    "awareness",
    "launch",
    "consideration",
    "conversion",
    "engagement",
    "reputation",
    "crisis",
    "b2b-leads",
    "employer-brand",
    "advocacy",
    "community",
    "thought-leadership",
    "loyalty",
)

# Cases every playbook can use in `[case]` tags without declaring them: what the brief already
# says (a date or deadline, a budget, a count of people or hires, the subject it wants to be
# heard on), so nothing asks it back; `eu` when a target market is in the European Union (a
# line about an EU directive is said only there), `us` when the United States is one and `fr`
# when France is (a French law is said only there).
BUILTIN_CASES: tuple[str, ...] = (
    "dated",
    "deadline",
    "budgeted",
    "counted",
    "themed",
    "eu",
    "us",
    "fr",
    "ruled-out",
    "conditioned",
    "listed",
    "banned",
    "local",
    "window",
    "foreign",
    "anniversary",
    "own-case",
)

SECTORS: tuple[str, ...] = (
    "beauty",
    "fashion",
    "luxury",
    "food-beverage",
    "alcohol",
    "retail",
    "tech",
    "telecom",
    "automotive",
    "mobility",
    "travel-tourism",
    "finance",
    "insurance",
    "health-pharma",
    "energy",
    "public-sector",
    "ngo",
    "sports",
    "entertainment-media",
    "gaming",
    "gambling",
    "b2b-industry",
    "agriculture",
    "consumer-goods",
    "home",
    "education",
    "culture",
)

# Sectors whose buyers are professionals (a plant, a farm): reached at work and at trade shows.
PRO_SECTORS: frozenset[str] = frozenset({"b2b-industry", "agriculture"})

AUDIENCES: tuple[str, ...] = (
    "gen-z",
    "millennials",
    "gen-x",
    "boomers",
    "parents",
    "students",
    "women",
    "men",
    "professionals",
    "b2b-decision-makers",
    "developers",
    "journalists",
    "policymakers",
    "employees",
    "candidates",
    "gamers",
    "health-professionals",
    "investors",
    "local-communities",
    "general-public",
)

# Audiences met at work: a lever or a campaign made for them only (a tech fair for investors, a
# developers' conference) is no model for a brief aimed at consumers.
PRO_AUDIENCES: frozenset[str] = frozenset(
    {
        "professionals",
        "b2b-decision-makers",
        "developers",
        "journalists",
        "policymakers",
        "employees",
        "candidates",
        "health-professionals",
        "investors",
    }
)

BUDGET_BANDS: tuple[str, ...] = ("low", "medium", "high", "very-high")
# Upper bound of each band in euros (very-high is open).
BUDGET_BAND_LIMITS_EUR: dict[str, float] = {
    "low": 50_000,
    "medium": 250_000,
    "high": 1_000_000,
    "very-high": float("inf"),
}

ROLES: tuple[str, ...] = ("paid", "earned", "shared", "owned")

FAMILIES: tuple[str, ...] = (
    "influencer",
    "earned",
    "community",
    "advocacy",
    "content",
    "experiential",
    "commerce",
    "crisis",
)

MECHANICS: dict[str, str] = {
    "mechanic-micro-influencer-swarm": "influencer",
    "mechanic-expert-kol-endorsement": "influencer",
    "mechanic-brand-ambassador-programme": "influencer",
    "mechanic-creator-commerce-affiliation": "commerce",
    "mechanic-employee-advocacy": "advocacy",
    "mechanic-ugc-challenge": "community",
    "mechanic-community-co-creation": "community",
    "mechanic-earned-media-stunt": "earned",
    "mechanic-data-report-barometer": "earned",
    "mechanic-newsjacking": "earned",
    "mechanic-thought-leadership": "content",
    "mechanic-event-experiential": "experiential",
    "mechanic-brand-partnership": "experiential",
    "mechanic-cause-led-activism": "advocacy",
    "mechanic-live-streaming-gaming": "community",
    "mechanic-b2b-analyst-relations": "earned",
    "mechanic-crisis-response": "crisis",
}

CHANNELS: tuple[str, ...] = (
    "channel-instagram",
    "channel-tiktok",
    "channel-youtube",
    "channel-linkedin",
    "channel-x",
    "channel-twitch",
    "channel-snapchat",
    "channel-facebook",
    "channel-podcasts",
    "channel-newsletters",
    "channel-press-national",
    "channel-press-regional",
    "channel-press-trade",
    "channel-events",
    "channel-wechat",
    "channel-weibo",
    "channel-xiaohongshu",
    "channel-douyin",
    "channel-owned-media",
)

CAMPAIGN_TYPES: tuple[str, ...] = ("b2c", "b2b", "ngo", "public", "crisis", "launch", "employer")
EVENT_TYPES: tuple[str, ...] = (
    "holiday",
    "school",
    "sales",
    "shopping",
    "event",
    "trade-show",
    "news",
    "quiet",
)
RULE_TOPICS: tuple[str, ...] = ("disclosure", "alcohol", "finance", "health", "privacy", "other")
# Topics of the `rule` kind: what a sector x market rule governs.
RULE_KINDS: tuple[str, ...] = (
    "alcohol",
    "alcohol-free",
    "gambling",
    "health-products",
    "food-supplements",
    "medicines",
    "finance",
    "crypto",
    "environmental-claims",
    "political",
    "minors",
    "tobacco-nicotine",
    "influencer-disclosure",
    "privacy",
    "data-breach",
    "product-safety",
    "food",
    "language",
    "employment",
    "cosmetics",
    "other",
)
SEVERITIES: tuple[str, ...] = ("decisive", "high", "medium", "low")
# What a question asks for, beside its situation.
ANSWER_KINDS: tuple[str, ...] = (
    "plan",
    "review",
    "when",
    "how-much",
    "compare",
    "explain",
    "ideas",
    "refuse",
)
# Units of a playbook's clock.
TIME_UNITS: tuple[str, ...] = ("hours", "days", "weeks", "months")
# The sections an answer can have: the engine knows how to build each one; a playbook picks
# and orders them.
SECTIONS: tuple[str, ...] = (
    "phases",
    "levers",
    "rules",
    "risks",
    "go-no-go",
    "targeting",
    "experts",
    "channels",
    "mechanics",
    "precedents",
    "cautionary",
    "kpis",
    "budget",
    "per-market",
    "market-practice",
    "points",
    "lesson",
    "ideas",
    "can-do",
    "questions",
)
# A product category's material (knowledge/ideas/categories.md): what makes an idea about the
# product.
CATEGORY_PLACEHOLDERS: tuple[str, ...] = (
    "years",
    "category",
    "gesture",
    "friction",
    "convention",
    "proof",
    "partners",
)
# Words every brief and many titles and tags use: sharing them says nothing about the case
# ("budget" in the question and "low budget" in a blood-donation campaign's tags; "brand" in the
# question and in "Brand partnership").
GENERIC_WORDS: frozenset[str] = frozenset(
    """budget brand brands marque marques campaign campagne campaigns campagnes launch lancer
    lancement market marche marches plan strategy strategie client clients public media medias
    social sociaux communication reseaux week semaine year annee month mois national nationale
    local locale digital numerique content contenu contenus global international""".split()  # noqa: SIM905
)
# Placeholders a playbook's text may use; `{name|fallback}` gives the words used when the brief
# or the knowledge has no value for it.
PLACEHOLDERS: tuple[str, ...] = (
    "years",
    "market",
    "markets",
    "origin",
    "subject",
    "sector",
    "audience",
    "budget",
    "rule",
    "rule_ref",
    "condition",
    "authority",
    "disclosure",
    "mechanic",
    "channels",
    "paid_channels",
    "moment",
    "period",
    "experts",
    "committee",
    "roles",
    "retailer",
    "lever",
    "city_at",
    "media",
    "local",
    "topic",
    "theme",
    "definition",
    "insight",
    "case",
    *CATEGORY_PLACEHOLDERS,
)
LEVELS: tuple[str, ...] = ("junior", "intermediate", "senior")

ID_PREFIX: dict[str, str] = {kind: f"{kind}-" for kind in KINDS}
