"""Budgets in every way consultants write them."""

from __future__ import annotations

import pytest

from bot.brief import parse_brief
from bot.brief.amounts import parse_number


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("budget 40k€", 40_000, "EUR"),
        ("on a 40 k€", 40_000, "EUR"),
        ("40 000 € pour la campagne", 40_000, "EUR"),
        ("budget: €40,000", 40_000, "EUR"),
        ("about $250k", 250_000, "USD"),
        ("250k$ max", 250_000, "USD"),
        ("1,5 M€ sur l'année", 1_500_000, "EUR"),
        ("1.5M EUR", 1_500_000, "EUR"),
        ("2 millions d'euros", 2_000_000, "EUR"),
        ("£80k", 80_000, "GBP"),
        ("budget de 100 000 euros", 100_000, "EUR"),
        ("CHF 50k", 50_000, "CHF"),
        ("budget of USD 120,000", 120_000, "USD"),
        ("budget: 80k", 80_000, "EUR"),
        ("entre 50 et 80 k€", 80_000, "EUR"),
        ("50-80k€", 80_000, "EUR"),
        ("40 kEUR", 40_000, "EUR"),
        ("Budget\u00a040\u202f000\u00a0€", 40_000, "EUR"),
        ("budget ４０ｋ€", 40_000, "EUR"),
        ("1.250.000 €", 1_250_000, "EUR"),
        ("R$ 500 000", 500_000, "BRL"),
        ("AED 200k", 200_000, "AED"),
        ("une enveloppe de 1,2 million d'euros", 1_200_000, "EUR"),
        ("CA de 2 M€ mais budget de 30k€", 30_000, "EUR"),
        ("après une levée de 10 M€, on a 50k€", 50_000, "EUR"),
    ],
)
def test_budget(text: str, amount: float, currency: str) -> None:
    brief = parse_brief(text)
    assert brief.budget is not None, text
    assert (brief.budget.amount, brief.budget.currency) == (amount, currency)


@pytest.mark.parametrize(
    "text",
    [
        "budget pour 2027",
        "un budget en 3 phases",
        "10 km de course",
        "les 25-35 ans",
        "Q2 2027",
        "24/7",
        "20-30 influenceurs",
    ],
)
def test_no_budget(text: str) -> None:
    assert parse_brief(text).budget is None


@pytest.mark.parametrize(
    ("text", "constraint"),
    [
        ("un petit budget", "small budget"),
        ("we have a tight budget", "small budget"),
        ("budget serré", "small budget"),
        ("limited budget, no paid", "small budget"),
    ],
)
def test_small_budget_is_a_constraint(text: str, constraint: str) -> None:
    brief = parse_brief(text)
    assert brief.budget is None
    assert constraint in brief.constraints


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("40 000", 40_000),
        ("40,000", 40_000),
        ("40.000", 40_000),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("2", 2),
        ("1 250 000,50", 1_250_000.5),
    ],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value
