"""A place in brackets describes the brand ("12 shops in Lisbon"): it is not a target."""

from __future__ import annotations

import datetime as dt

from bot.brief.parse import parse_brief

TODAY = dt.date(2026, 12, 6)


def test_the_brands_home_sites_in_brackets_are_its_origin() -> None:
    brief = parse_brief(
        "Spanish bakery chain (20 shops in Madrid and Seville) opens two bakeries in Paris "
        "next spring. How do we launch?",
        today=TODAY,
    )
    assert brief.markets == ["fr"]
    assert brief.origin == "es"


def test_a_bracketed_city_of_a_target_market_keeps_the_market() -> None:
    brief = parse_brief("Lancement en France et en Belgique (Bruxelles d'abord)", today=TODAY)
    assert brief.markets == ["fr", "be"]


def test_a_nationality_before_a_platform_or_exchange_is_its_origin() -> None:
    brief = parse_brief(
        "A Japanese crypto exchange wants a creator campaign in Germany next quarter. Risks?",
        today=TODAY,
    )
    assert brief.markets == ["de"]
    assert brief.origin == "jp"
