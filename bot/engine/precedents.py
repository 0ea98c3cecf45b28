"""Comparable campaigns: ranked by how much they share with the brief, with the reason why.

Similarity counts the sector, the situation, the objectives, the market (and its region), the
audience and the budget band. A campaign needs the sector or an objective in common (or the
situation and the question's subject) to be offered at all: when nothing in the base is close, the
answer says so instead of stretching.
Cautionary campaigns (a scandal, a backlash, a fine) are only ever warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.brief.gazetteer import is_place
from bot.brief.text import compiled, fold
from bot.engine.profile import (
    audience_codes,
    budget_band,
    for_professionals,
    only_professionals,
)
from bot.knowledge import vocab
from bot.knowledge.schema import Campaign, CampaignCard
from bot.models import Brief

EUROPE = frozenset({"fr", "de", "uk", "es", "it", "be", "ch", "europe"})
MIN_SCORE = 4.0
RESTRICTED_SECTORS = frozenset({"alcohol", "gambling"})
CRISIS_SITUATIONS = frozenset({"crisis", "backlash", "risk-review"})
_WORD = re.compile(r"[a-z0-9]{4,}")


@dataclass(frozen=True)
class Comparable:
    campaign: Campaign
    score: float
    shared: tuple[str, ...]  # what it shares: "sector", "situation", "objective", "market", …


@dataclass(frozen=True)
class Similarity:
    campaign: CampaignCard
    score: float
    shared: tuple[str, ...]


def similarity(
    campaign: CampaignCard,
    brief: Brief,
    situation: str,
    markets: list[str],
    text: str = "",
    category: frozenset[str] = frozenset(),
) -> Similarity:
    score = 0.0
    shared: list[str] = []
    hits = len(_words(text) & _tag_words(tuple(campaign.tags))) if text else 0
    if hits:  # the question's own words in the campaign's tags: the same kind of case
        score += min(hits, 2) * 1.0
        shared.append("subject")
    if category and _names_category(campaign, category):
        score += 1.0  # a word of the brief's product category in its tags or title
        shared.append("product")
    if brief.sector and brief.sector in campaign.sectors:
        score += 3
        shared.append("sector")
    if situation in campaign.situations:
        score += 2.5
        shared.append("situation")
    objectives = set(brief.objectives[:3]) & set(campaign.objectives)
    if objectives:
        score += 1.5 * len(objectives)
        shared.append("objective")
    if any(m in campaign.markets for m in markets):
        score += 2
        shared.append("market")
    elif markets and set(markets) <= EUROPE and set(campaign.markets) & EUROPE:
        score += 0.5
        shared.append("region")
    if set(audience_codes(brief)) & set(campaign.audiences):
        score += 1
        shared.append("audience")
    band = budget_band(brief)
    if band and campaign.budget_band == band:
        score += 0.5
        shared.append("budget")
    if _within_budget(campaign, band):
        shared.append("scale")
    return Similarity(campaign=campaign, score=score, shared=tuple(shared))


def _within_budget(campaign: CampaignCard, band: str | None) -> bool:
    """Whether the campaign was run on no more than the brief's budget band (any campaign, for a
    brief without a budget): the Téléthon is no model for a 2 k€ neighbourhood association."""
    if band is None:
        return True
    if campaign.budget_band is None:  # unknown: too big a stretch only for a small budget
        return band != vocab.BUDGET_BANDS[0]
    bands = vocab.BUDGET_BANDS
    return bands.index(campaign.budget_band) <= bands.index(band)


def _names_category(campaign: CampaignCard, words: frozenset[str]) -> bool:
    """Whether the campaign's tags or title say a word of the brief's product category
    ("alcohol-free beer" for a 0.0 lager)."""
    said = _said_of(tuple(campaign.tags), campaign.title)
    return any(
        w in said and compiled(rf"(?<![a-z0-9]){re.escape(w)}").search(said) is not None
        for w in words
    )


@lru_cache(maxsize=4096)  # per campaign: folded once, not once per question
def _said_of(tags: tuple[str, ...], title: str) -> str:
    return fold(" ".join([*tags, title]))


# Words of four letters or more that say nothing about the case ("sans" alcool is not the
# homeless of "sans-abri"; a "small" charity's "dons" made a Swiss village's Facebook page and a
# smoothie maker's knitted hats models for young carers and for Giving Tuesday).
_FUNCTION_WORDS = frozenset(
    """sans avec pour dans plus sous with from into over their your nous notre leur what when
    where which comment quoi faire veut veulent want wants tres very aussi also entre between
    chez apres avant after before mais this that these those cette
    small petit petite petits petites collectif collective buzz video videos leads
    credibility credibilite""".split()  # noqa: SIM905
)


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    # a place is the market's to score ("Germany" in the question and in Beyond Meat's tags is
    # not the same kind of case as electric vans for German fleets)
    words = frozenset(_WORD.findall(fold(text))) - vocab.GENERIC_WORDS - _FUNCTION_WORDS
    return frozenset(w for w in words if not is_place(w))


@lru_cache(maxsize=65536)  # per campaign: computed once, not once per question
def _tag_words(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for tag in tags for w in _WORD.findall(fold(tag)))


def _close(c: Similarity, needs: frozenset[str] = frozenset(), sector_known: bool = False) -> bool:
    """Close enough to offer: its sector in common, or the situation with the question's own
    subject (sharing only a situation and a market is how a fast-food return to France ends up
    comparable for office furniture); an objective in common only when the brief names no
    sector, or in the same market (a launch is not a model for every launch); and whatever the
    playbook `needs` (a crisis answer wants crises)."""
    shared = set(c.shared)
    if "product" in shared:  # its tags or title name the brief's product: the same subject
        shared.add("subject")
    if c.score < MIN_SCORE or not needs <= shared:
        return False
    if "sector" in shared or {"situation", "subject"} <= shared:
        return True
    return "objective" in shared and (not sector_known or "market" in shared)


def rank(
    campaigns: list[CampaignCard],
    resolve: Callable[[str], Campaign | None],
    brief: Brief,
    situation: str,
    markets: list[str],
    *,
    cautionary: bool = False,
    k: int = 3,
    text: str = "",
    needs: frozenset[str] = frozenset(),
    avoid_tags: frozenset[str] = frozenset(),
    trade: bool = True,
    category: frozenset[str] = frozenset(),
) -> list[Comparable]:
    """The `k` closest campaigns (patterns, or with `cautionary` the warnings), best first;
    without `trade`, none made for professionals only when the brief is not aimed at them.
    Ranked on the campaigns' cards; `resolve` gives the whole campaign of the `k` kept."""
    consumers = not trade and not for_professionals(brief)
    # an alcohol or betting campaign is no model for a brand outside those sectors (a liqueur's
    # film offered for Ramadan dates and coffee)
    pool = [
        c
        for c in campaigns
        if c.cautionary == cautionary
        and not (avoid_tags and {fold(t) for t in c.tags} & avoid_tags)
        # VivaTech's creation is no model for a phone subscription's launch to students
        and not (consumers and only_professionals(c.audiences))
        # a crisis response is a model for crises, not for a launch (KFC's "FCK" apology)
        and (c.campaign_type != "crisis" or situation in CRISIS_SITUATIONS or cautionary)
        and (
            cautionary
            or not (set(c.sectors) & RESTRICTED_SECTORS)
            or brief.sector in set(c.sectors) & RESTRICTED_SECTORS
            # a beer brand's 0.0 launch is the model for an alcohol-free beer
            or (category and _names_category(c, category))
        )
    ]
    scored = [similarity(c, brief, situation, markets, text, category) for c in pool]
    if not cautionary and brief.sector not in RESTRICTED_SECTORS:
        # from a restricted sector, only the case of this very product (a beer brand's 0.0
        # launch for an alcohol-free beer, not its lager's summer films)
        scored = [
            c
            for c in scored
            if not set(c.campaign.sectors) & RESTRICTED_SECTORS
            or {"product", "subject"} <= set(c.shared)
        ]
    close = [c for c in scored if _close(c, needs, brief.sector is not None)]
    if cautionary:
        # a warning must be about this kind of case: the question's own words in its tags, or
        # this sector in this situation (Decathlon's hijab is no lesson for a data breach)
        close = [
            c for c in close if "subject" in c.shared or {"sector", "situation"} <= set(c.shared)
        ]
    elif any("sector" in c.shared for c in close):
        # with the brief's own sector on offer, a campaign from another sector needs the same
        # kind of case too (Burger King's return is no model for cargo bikes entering France)
        close = [
            c for c in close if "sector" in c.shared or {"situation", "subject"} <= set(c.shared)
        ]
    close.sort(key=lambda c: (-c.score, -c.campaign.year, c.campaign.id))
    out: list[Comparable] = []
    brands: set[str] = set()
    for c in close:
        if c.campaign.brand in brands or c.campaign.translation_of in {x.campaign.id for x in out}:
            continue
        campaign = resolve(c.campaign.id)
        if campaign is None:
            continue
        brands.add(c.campaign.brand)
        out.append(Comparable(campaign=campaign, score=c.score, shared=c.shared))
        if len(out) == k:
            break
    return out
