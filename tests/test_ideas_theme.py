"""Idea cards built on the brief's theme (what people should talk about), careful on sensitive
themes, with the decisive rule of the sector and market as a guard-rail."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.brief.subject import find_subject, find_theme
from bot.deps import Deps, build_deps
from bot.knowledge.schema import OnTheme
from bot.settings import Settings
from tests.test_ideas_from_knowledge import _ideas

TODAY = dt.date(2026, 11, 26)
PLAYFUL = {
    "mechanic-earned-media-stunt",
    "mechanic-brand-partnership",
    "mechanic-ugc-challenge",
    "mechanic-community-co-creation",
    "mechanic-newsjacking",
    "mechanic-creator-commerce-affiliation",
}


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


@pytest.mark.parametrize(
    ("text", "subject", "theme"),
    [
        (
            "Brainstorm pour une enseigne de bricolage : faire parler de la rénovation "
            "énergétique des logements",
            "enseigne de bricolage",
            "la rénovation énergétique des logements",
        ),
        (
            "Ideas for a sportswear brand to get people talking about men's mental health in "
            "the UK",
            "sportswear brand",
            "men's mental health",
        ),
        ("Des idées pour sensibiliser aux violences conjugales à Marseille", None, None),
        ("Lancer une bière sans alcool en France", "bière sans alcool", None),
    ],
)
def test_the_theme_is_read_apart_from_the_subject(
    text: str, subject: str | None, theme: str | None
) -> None:
    if subject is not None:
        assert find_subject(text, "fr" if " pour " in text or "Lancer" in text else "en") == subject
    expected = theme or ("les violences conjugales" if "violences" in text else None)
    assert find_theme(text) == expected


def test_every_card_is_built_on_the_theme(deps: Deps) -> None:
    advice = _ideas(
        deps,
        "Brainstorm : trois idées pour une enseigne de bricolage qui veut faire parler de la "
        "rénovation énergétique des logements",
    )
    assert len(advice.ideas) == 3
    for idea in advice.ideas:
        assert "enseigne de bricolage" in idea.name.lower(), idea.name
        assert "rénovation énergétique" in idea.spread, idea.spread
        assert "rénovation énergétique" in idea.insight, idea.insight


def test_a_sensitive_theme_gets_no_playful_pattern_and_a_guard_rail(deps: Deps) -> None:
    advice = _ideas(
        deps,
        "Give me 3 ideas for a sportswear brand to get people talking about men's mental "
        "health in the UK",
    )
    assert len(advice.ideas) == 3
    assert not {i.mechanic for i in advice.ideas} & PLAYFUL
    for idea in advice.ideas:
        assert "men's mental health" in idea.spread and "mental health" in idea.insight.lower()
        assert idea.guard and "helpline" in idea.guard, idea.guard
        assert idea.pattern is None  # no borrowed stunt or challenge
    assert "Guard-rail" in advice.text


def test_an_alcohol_brief_in_france_carries_the_loi_evin(deps: Deps) -> None:
    advice = _ideas(
        deps,
        "Brainstorm : des idées pour une maison de champagne qui veut faire parler de la "
        "biodiversité des vignes",
    )
    for idea in advice.ideas:
        assert idea.guard and "Évin" in idea.guard, idea.guard
        assert "biodiversité des vignes" in idea.spread
    assert "Garde-fou" in advice.text


def test_no_guard_rail_when_nothing_asks_for_one(deps: Deps) -> None:
    advice = _ideas(deps, "Brainstorm big ideas for a pasta brand in Italy")
    assert all(i.guard is None for i in advice.ideas)


def test_a_theme_template_must_use_the_theme() -> None:
    ok = {"en": "a story on {theme}", "fr": "une histoire sur {theme}"}
    OnTheme.model_validate({"spread": ok, "truth": ok})
    with pytest.raises(ValueError, match="theme"):
        OnTheme.model_validate({"spread": {"en": "a story", "fr": "une histoire"}, "truth": ok})


def test_the_goal_is_not_the_name_of_what_the_ideas_are_for(deps: Deps) -> None:
    advice = _ideas(deps, "Brainstorm : 3 idées pour rajeunir une marque de charcuterie auvergnate")
    cards = [f"{i.name} {i.spread} {i.first_step}" for i in advice.ideas]
    assert all("rajeunir" not in c.lower() for c in cards), cards
    assert any("La marque de charcuterie auvergnate" in c for c in cards), cards
