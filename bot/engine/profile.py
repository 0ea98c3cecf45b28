"""Derived facts about a brief that several engine steps need (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge import vocab
from bot.models import Brief

# Approximate birth-cohort ages in 2026 (README: gen-z ≈13–27, millennials ≈28–43).
AGE_COHORTS: tuple[tuple[str, int, int], ...] = (
    ("gen-z", 13, 27),
    ("millennials", 28, 43),
    ("gen-x", 44, 59),
    ("boomers", 60, 80),
)


def budget_band(brief: Brief) -> str | None:
    """The budget band of the brief's budget, in euros."""
    if brief.budget is None:
        return None
    amount = brief.budget.in_eur()
    for band in vocab.BUDGET_BANDS:
        if amount < vocab.BUDGET_BAND_LIMITS_EUR[band]:
            return band
    return "very-high"


def audience_codes(brief: Brief) -> list[str]:
    """The brief's audience codes, plus the cohorts its age range overlaps."""
    codes = [a for a in brief.audiences if a in vocab.AUDIENCES]
    if brief.age_range is not None:
        low, high = brief.age_range
        # the cohort most of the range belongs to first ("25-45 ans" are millennials before
        # gen Z); one the range only grazes (under five years of it) is left out
        overlaps = sorted(
            (
                (min(high, b) - max(low, a) + 1, -n, code)
                for n, (code, a, b) in enumerate(AGE_COHORTS)
                if low <= b and high >= a
            ),
            reverse=True,
        )
        for years, _, code in overlaps:
            if code not in codes and (years >= 5 or years == overlaps[0][0]):
                codes.append(code)
    return codes


def for_professionals(brief: Brief) -> bool:
    """Whether the brief is aimed at people at work: a professional audience, or a sector whose
    buyers are professionals."""
    return bool(set(brief.audiences) & vocab.PRO_AUDIENCES) or brief.sector in vocab.PRO_SECTORS


def only_professionals(audiences: Sequence[str]) -> bool:
    """Whether a lever's or a campaign's audiences are all people at work."""
    return bool(audiences) and set(audiences) <= vocab.PRO_AUDIENCES


def primary_market(brief: Brief) -> str | None:
    for market in brief.markets:
        if market in vocab.COUNTRY_MARKETS:
            return market
    return brief.markets[0] if brief.markets else None


def band_overlaps(band: str, age_range: tuple[int, int]) -> bool:
    """Whether a channel age band such as '18-24' or '55+' overlaps `age_range`."""
    try:
        if band.endswith("+"):
            low, high = int(band[:-1]), 120
        else:
            a, b = band.split("-")
            low, high = int(a), int(b)
    except ValueError:
        return False
    return low <= age_range[1] and high >= age_range[0]
