"""Choosing the mechanics of a plan: the best fit, its complement, and comparable campaigns."""

from __future__ import annotations

from bot.engine.profile import audience_codes, primary_market
from bot.engine.scoring import MechanicScore, rank_mechanics
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import CampaignCard, Mechanic
from bot.models import Brief

# Many small acts of engagement (the base) ...
BASE = frozenset(
    {
        "mechanic-micro-influencer-swarm",
        "mechanic-ugc-challenge",
        "mechanic-community-co-creation",
        "mechanic-employee-advocacy",
        "mechanic-creator-commerce-affiliation",
        "mechanic-live-streaming-gaming",
        "mechanic-brand-ambassador-programme",
    }
)
# ... meeting strong circles of influence (few credible experts).
CIRCLE = frozenset(
    {
        "mechanic-expert-kol-endorsement",
        "mechanic-thought-leadership",
        "mechanic-b2b-analyst-relations",
        "mechanic-data-report-barometer",
    }
)
COMPLEMENT_RATIO = 0.6
EXTRA_RATIO = 0.8
MIN_COMPLEMENT = 0.5
MISS_KEYS = frozenset({"why.objective_miss", "why.avoid_sector", "why.legal", "why.constraint"})

Scored = tuple[Mechanic, MechanicScore]


def select_mechanics(ranked: list[Scored], k: int = 3) -> list[Scored]:
    """The best mechanic; then the base of engagement and the circle of influence it lacks;
    then a strong mechanic of another family."""
    if not ranked:
        return []
    top = ranked[0]
    chosen = [top]
    best = top[1].score

    def best_of(pool: frozenset[str], ratio: float) -> Scored | None:
        for item in ranked[1:]:
            misses = any(r.key in MISS_KEYS for r in item[1].reasons)
            strong = item[1].score >= max(ratio * best, MIN_COMPLEMENT)
            if item[1].mechanic_id in pool and strong and not misses:
                return item
        return None

    if top[1].family == "crisis":
        pools = [CIRCLE | {"mechanic-employee-advocacy"}]
    else:
        pools = [BASE, CIRCLE]
    for pool in pools:
        if len(chosen) < k and not any(c[1].mechanic_id in pool for c in chosen):
            found = best_of(pool, COMPLEMENT_RATIO)
            if found is not None and found not in chosen:
                chosen.append(found)
    for item in ranked[1:]:
        if len(chosen) >= k:
            break
        if item in chosen or item[1].score < EXTRA_RATIO * best:
            continue
        if all(item[1].family != c[1].family for c in chosen):
            chosen.append(item)
    return chosen[:k]


def choose(catalog: Catalog, brief: Brief, lang: str) -> tuple[list[Scored], list[Scored]]:
    """(selected, all ranked) mechanics for the brief, in the answer's language when possible."""
    ranked = rank_mechanics(catalog.mechanics(lang), brief)
    return select_mechanics(ranked), ranked


def campaign_overlap(campaign: CampaignCard, brief: Brief) -> float:
    score = 0.0
    market = primary_market(brief)
    if market and market in campaign.markets:
        score += 3
    elif market and ({"global", "europe"} & set(campaign.markets)):
        score += 1
    if brief.sector and brief.sector in campaign.sectors:
        score += 2
    score += 2 * len(set(brief.objectives[:2]) & set(campaign.objectives))
    score += len(set(audience_codes(brief)) & set(campaign.audiences))
    return score


def evidence(catalog: Catalog, mechanic_id: str, brief: Brief, k: int = 3) -> list[CampaignCard]:
    """Past campaigns that used the mechanic, most comparable to the brief first."""
    found = catalog.campaigns_for_mechanic(mechanic_id)
    ranked = sorted(found, key=lambda c: (-campaign_overlap(c, brief), -c.year, c.id))
    relevant = [c for c in ranked if campaign_overlap(c, brief) > 0]
    return (relevant or ranked[:1])[:k]
