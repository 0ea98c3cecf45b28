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
