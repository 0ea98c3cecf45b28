"""Mechanic scoring: how well one catalog mechanic fits a brief, with the reasons (pure).

The objective weighs most; then audience, budget band, market and sector. A sector the mechanic
should avoid, or a legal constraint of the market (Loi Évin for alcohol in France), multiplies the
score down. Every reason is a message key of `bot.i18n` plus its parameters, so the same score
reads in French or English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from bot.engine.profile import audience_codes, budget_band
from bot.knowledge import vocab
from bot.knowledge.schema import Mechanic
from bot.models import Brief

WEIGHTS = {"objective": 0.45, "audience": 0.2, "budget": 0.15, "market": 0.1, "sector": 0.1}
AVOID_SECTOR_FACTOR = 0.35
LEGAL_FACTOR = 0.3
BUDGET_TOO_LOW_FACTOR = 0.6
CRISIS_OTHER_FACTOR = 0.6
TOPIC_BONUS = 0.06
_WORD = re.compile(r"[^\W\d_]{5,}")
STEM = 6

# The brief's own constraints (labels of the brief parser) -> (families, mechanic ids) they rule
# out, and the factor applied: a consultant who says "no influencers" gets none.
CONSTRAINT_RULES: dict[str, tuple[frozenset[str], frozenset[str], float]] = {
    "no influencers": (
        frozenset({"influencer", "commerce"}),
        frozenset({"mechanic-live-streaming-gaming", "mechanic-brand-ambassador-programme"}),
        0.05,
    ),
    "no events": (frozenset({"experiential"}), frozenset(), 0.05),
    "no celebrities": (frozenset(), frozenset({"mechanic-brand-ambassador-programme"}), 0.5),
}

# (market, sector) -> (families legally constrained there, the law's short name).
LEGAL_LIMITS: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("fr", "alcohol"): (frozenset({"influencer", "commerce", "community"}), "Loi Évin"),
    ("fr", "health-pharma"): (frozenset({"influencer", "commerce"}), "loi 2023-451"),
}


@dataclass(frozen=True)
class Reason:
    key: str  # an i18n message key, e.g. "why.objective"
    params: dict[str, str] = field(default_factory=dict)
    positive: bool = True


@dataclass(frozen=True)
class MechanicScore:
    mechanic_id: str
    score: float
    reasons: tuple[Reason, ...]
    family: str = ""


def _band_index(band: str) -> int:
    return vocab.BUDGET_BANDS.index(band)


def stems(text: str) -> dict[str, str]:
    return dict(_stems(text))  # a copy: the cached one is shared


@lru_cache(maxsize=8192)  # the same titles and tags for every question
def _stems(text: str) -> dict[str, str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w[:STEM]: w for w in _WORD.findall(plain)}


_GENERIC_STEMS = frozenset(w[:STEM] for w in vocab.GENERIC_WORDS)


def topic_match(mechanic: Mechanic, brief: Brief) -> str | None:
    """A word of the brief's topic or audience that names the mechanic (title or tags)."""
    said = " ".join(x for x in (brief.topic, brief.audience) if x)
    if not said:
        return None
    brief_stems = stems(said)
    mechanic_stems = stems(" ".join([mechanic.title, *mechanic.tags]))
    for stem, word in brief_stems.items():
        # "brand" in the brief does not make "Brand partnership" its subject
        if stem in mechanic_stems and stem not in _GENERIC_STEMS:
            return word
    return None


def score_mechanic(mechanic: Mechanic, brief: Brief) -> MechanicScore:
    """Fit of `mechanic` to `brief` in [0, 1], with positive and negative reasons."""
    reasons: list[Reason] = []
    base_id = mechanic.translation_of or mechanic.id

    # Objective: the first objective of the brief counts double; the mechanic lists its
    # objectives most fitting first.
    if brief.objectives:
        total = weight_sum = 0.0
        for i, objective in enumerate(brief.objectives):
            weight = 1.0 if i == 0 else 0.5
            weight_sum += weight
            if objective in mechanic.objectives:
                rank = mechanic.objectives.index(objective)
                fit = max(0.55, 1.0 - 0.12 * rank)
                total += weight * fit
                key = "why.objective" if rank <= 1 else "why.objective_partial"
                reasons.append(Reason(key, {"objective": objective}))
            elif i == 0:
                reasons.append(Reason("why.objective_miss", {"objective": objective}, False))
        objective_score = total / weight_sum
    else:
        objective_score = 0.5

    # Audience.
    codes = audience_codes(brief)
    if codes:
        matched = [c for c in codes if c in mechanic.audiences]
        if matched:
            audience_score = 0.6 + 0.4 * len(matched) / len(codes)
            reasons.append(Reason("why.audience", {"audience": matched[0]}))
        else:
            audience_score = 0.1
            reasons.append(Reason("why.audience_miss", {"audience": codes[0]}, False))
    else:
        audience_score = 0.5

    # Budget band.
    factor = 1.0
    band = budget_band(brief)
    if band is None:
        budget_score = 0.6
    elif band in mechanic.budget_bands:
        budget_score = 1.0
        reasons.append(Reason("why.budget", {"band": band}))
    elif _band_index(band) < min(_band_index(b) for b in mechanic.budget_bands):
        budget_score = 0.0
        factor *= BUDGET_TOO_LOW_FACTOR
        reasons.append(Reason("why.budget_low", {"band": band}, False))
    else:
        budget_score = 0.7
        reasons.append(Reason("why.budget_high", {"band": band}, False))

    # Market.
    markets = [m for m in brief.markets if m != "global"]
    if not markets:
        market_score = 0.6
    elif "global" in mechanic.markets or any(m in mechanic.markets for m in markets):
        market_score = 1.0
        reasons.append(Reason("why.market", {"market": markets[0]}))
    elif "europe" in mechanic.markets and markets[0] not in ("cn", "jp", "br", "us", "gulf"):
        market_score = 0.9
    else:
        market_score = 0.3
        reasons.append(Reason("why.market_miss", {"market": markets[0]}, False))

    # Sector.
    sector = brief.sector
    if sector is None:
        sector_score = 0.6
    elif sector in mechanic.sectors:
        sector_score = 1.0
        reasons.append(Reason("why.sector", {"sector": sector}))
    elif not mechanic.sectors:
        sector_score = 0.7
    else:
        sector_score = 0.4
    if sector is not None and sector in mechanic.avoid_sectors:
        factor *= AVOID_SECTOR_FACTOR
        reasons.append(Reason("why.avoid_sector", {"sector": sector}, False))
    for market in markets:
        limit = LEGAL_LIMITS.get((market, sector or ""))
        if limit is not None and mechanic.family in limit[0]:
            factor *= LEGAL_FACTOR
            reasons.append(
                Reason(
                    "why.legal", {"sector": sector or "", "market": market, "law": limit[1]}, False
                )
            )
            break

    for constraint in brief.constraints:
        rule = CONSTRAINT_RULES.get(constraint)
        if rule is not None and (mechanic.family in rule[0] or base_id in rule[1]):
            factor *= rule[2]
            reasons.append(Reason("why.constraint", {"constraint": constraint}, False))

    # A crisis is answered by crisis response first.
    if "crisis" in brief.objectives[:1]:
        if mechanic.family == "crisis":
            reasons.insert(0, Reason("why.crisis_first"))
        else:
            factor *= CRISIS_OTHER_FACTOR

    # The brief's own words (topic, audience) naming the mechanic's subject: a tie-breaker.
    word = topic_match(mechanic, brief)
    bonus = TOPIC_BONUS if word else 0.0
    if word:
        reasons.append(Reason("why.topic", {"word": word}))

    raw = bonus + (1.0 - TOPIC_BONUS) * (
        WEIGHTS["objective"] * objective_score
        + WEIGHTS["audience"] * audience_score
        + WEIGHTS["budget"] * budget_score
        + WEIGHTS["market"] * market_score
        + WEIGHTS["sector"] * sector_score
    )
    score = round(min(1.0, max(0.0, raw * factor)), 3)
    ordered = sorted(reasons, key=lambda r: not r.positive)  # stable: positives first
    return MechanicScore(base_id, score, tuple(ordered), mechanic.family)


def rank_mechanics(mechanics: list[Mechanic], brief: Brief) -> list[tuple[Mechanic, MechanicScore]]:
    """All mechanics, best fit first (ties broken by id, so the order is deterministic)."""
    scored = [(m, score_mechanic(m, brief)) for m in mechanics]
    return sorted(scored, key=lambda pair: (-pair[1].score, pair[1].mechanic_id))
