"""The sector of a brief decides its rules, experts, media and precedents: read it as meant."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.brief.parse import parse_brief

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        (
            "Trois idées pour une appli de livraison de repas à Riyad pendant le Ramadan",
            "food-beverage",
        ),
        ("An Italian olive oil brand wants to enter Germany", "food-beverage"),
        ("Lancement d'une protection solaire minérale en Espagne", "beauty"),
        ("Opérateur de paris en ligne : recruter des parieurs pour l'Euro", "gambling"),
        ("A mobile operator in Spain is launching a 5G plan", "telecom"),
    ],
)
def test_the_sector_is_the_one_meant(text: str, sector: str) -> None:
    assert parse_brief(text, today=TODAY).sector == sector
