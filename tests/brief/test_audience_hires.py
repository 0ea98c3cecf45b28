"""Who a hiring brief wants to recruit, in its own words."""

from __future__ import annotations

import pytest

from bot.brief.audience import hires


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Cabinet d'avocats qui veut recruter 20 collaborateurs juniors d'ici septembre.",
            "collaborateurs juniors",
        ),
        (
            "Groupe de BTP qui doit recruter 200 conducteurs de travaux en France en 2027.",
            "conducteurs de travaux",
        ),
        (
            "UK accountancy firm needs to hire 50 graduate trainees for September 2027.",
            "graduate trainees",
        ),
        ("Hospital group hiring 300 nurses in Lyon", "nurses"),
        (
            "Usine qui doit recruter 500 soudeurs et chaudronniers d'ici 2028.",
            "soudeurs et chaudronniers",
        ),
        ("On veut recruter des développeurs Python à Nantes.", "développeurs Python"),
        ("We need to recruit faster.", None),
        ("Comment améliorer notre marque employeur ?", None),
    ],
)
def test_the_people_a_hiring_brief_names(text: str, who: str | None) -> None:
    assert hires(text) == who


def test_what_a_brand_of_something_makes_is_its_subject() -> None:
    from bot.brief.subject import find_subject

    assert find_subject("Brand of organic ice lollies launching in the UK.", "en") == (
        "organic ice lollies"
    )
    assert find_subject("Une association genevoise veut faire parler d'elle.", "fr") is None


def test_a_city_then_its_country_after_from_is_the_brands_home() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "A ham producer from Parma, Italy, is entering the UK.", today=dt.date(2026, 12, 6)
    )
    assert (brief.markets, brief.origin) == (["uk"], "it")


def test_a_season_mostly_gone_is_next_years_unless_it_is_this_one() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    today = dt.date(2026, 12, 6)
    later = parse_brief("We want to open with the autumn menu in Spain.", today=today)
    assert later.timing is not None and later.timing.start == dt.date(2027, 9, 23)
    this = parse_brief("On veut ouvrir cet automne en Espagne.", today=today)
    assert this.timing is not None and this.timing.start == dt.date(2026, 9, 23)
    year = parse_brief("Elle veut prendre la parole en France cette année.", today=today)
    assert year.timing is not None and year.timing.end == dt.date(2027, 12, 5)


def test_the_clients_own_role_is_not_the_audience_and_a_voice_is_thought_leadership() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "Notre client est PDG d'une banque lyonnaise ; il veut devenir une voix qui compte sur "
        "la finance durable cette année.",
        today=dt.date(2026, 12, 6),
    )
    assert "b2b-decision-makers" not in brief.audiences
    assert brief.objectives[:1] == ["thought-leadership"]
    assert brief.theme == "la finance durable"


def test_a_city_people_word_next_to_the_brand_is_its_home() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "Une chaîne de boulangeries bâloise ouvre trois boutiques à Lyon.",
        today=dt.date(2026, 12, 6),
    )
    assert (brief.markets, brief.origin) == (["fr"], "ch")


def test_an_energy_bar_is_food_and_what_is_launched_is_the_subject() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "3 ideas for launching an oat-based energy bar in the UK.", today=dt.date(2026, 12, 6)
    )
    assert brief.sector == "food-beverage"
    assert brief.subject == "oat-based energy bar"


def test_leads_among_a_countrys_companies_target_that_country() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "Un éditeur suisse de logiciels RH veut des leads auprès des grandes entreprises "
        "allemandes.",
        today=dt.date(2026, 12, 6),
    )
    assert (brief.markets, brief.origin) == (["de"], "ch")


def test_volunteers_before_christmas_are_a_community_with_a_deadline() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief(
        "Association bordelaise qui doit recruter 30 nouveaux bénévoles avant Noël, 3 000 €.",
        today=dt.date(2026, 12, 6),
    )
    assert "employer-brand" not in brief.objectives and "community" in brief.objectives
    assert "deadline: 2026-12-24" in brief.constraints


def test_a_quarter_of_next_year_is_that_quarter() -> None:
    import datetime as dt

    from bot.brief.parse import parse_brief

    brief = parse_brief("Launch in Spain and Italy in Q2 next year.", today=dt.date(2026, 12, 6))
    assert brief.timing is not None
    assert (brief.timing.start, brief.timing.end) == (dt.date(2027, 4, 1), dt.date(2027, 6, 30))
