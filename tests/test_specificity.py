"""On the real knowledge base: an answer names this brief's particulars (the brand's home even
when the base has no profile for it, the subject's own experts, what to run on each channel, in
the answer's language) and does not stretch (a season is not a moment that only runs into it, a
word every brief uses does not make a campaign comparable)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.advise import advise
from bot.brief.parse import parse_brief
from bot.deps import Deps, build_deps
from bot.knowledge.schema import Channel
from bot.models import Advice, Request
from bot.settings import Settings

TODAY = dt.date(2026, 11, 26)
HEARING = "We're a Danish maker of hearing aids entering Germany next spring, budget €250k."


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _ask(deps: Deps, text: str) -> Advice:
    return advise(Request(text=text), deps)


@pytest.mark.parametrize(
    ("text", "markets", "origin"),
    [
        (HEARING, ["de"], "dk"),
        ("Une marque coréenne de soins arrive en France en mars.", ["fr"], "kr"),
        ("A skincare brand from Korea entering Spain next year.", ["es"], "kr"),
        # a person's birthplace is not the brand's home
        (
            "Our CEO, a Dutch-born founder of a Barcelona proptech, wants a voice in Spain.",
            ["es"],
            None,
        ),
    ],
)
def test_a_home_without_a_profile_is_still_the_brands_home(
    text: str, markets: list[str], origin: str | None
) -> None:
    brief = parse_brief(text, today=TODAY)
    assert (brief.markets, brief.origin) == (markets, origin)


def test_a_brand_from_a_country_without_a_profile_gets_a_market_entry(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert advice.situation is not None and advice.situation.id == "market-entry"
    assert "Denmark" in advice.text


def test_the_subjects_own_experts_are_named(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert "audiologists" in advice.text
    assert "Heilmittelwerbegesetz" in advice.text  # hearing aids are medical devices


def test_a_hiring_brief_keeps_the_experts_candidates_listen_to(deps: Deps) -> None:
    advice = _ask(deps, "Nos restaurants à Lyon peinent à recruter des cuisiniers : quel plan ?")
    assert "critiques et guides gastronomiques" not in advice.text
    assert "salariés" in advice.text


def test_a_season_is_not_replaced_by_a_moment_that_only_runs_into_it(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    lead = advice.text.split("**The rules")[0]
    assert "next spring" in lead
    assert "flu season" not in advice.text


def test_a_word_every_brief_uses_does_not_make_a_campaign_comparable(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert "NHS Blood" not in advice.text  # its tags say "low budget"; the brief says budget


def _channel_lines(text: str, heading: str) -> list[str]:
    section = text.split(f"**{heading}**")[1].split("\n\n")[0]
    return [line for line in section.splitlines() if line.startswith("- ") and " — " in line]


def test_each_channel_says_what_to_run_there_in_the_answers_language(deps: Deps) -> None:
    en = _channel_lines(_ask(deps, HEARING).text, "Channels")
    fr = _channel_lines(
        _ask(deps, "Lancement d'une marque de biscuits bio à Lyon en mars, 60 k€.").text, "Canaux"
    )
    assert any("dedicated reviews" in line for line in en), en  # the experts' mechanic on YouTube
    assert not [line for line in en + fr if "most used" in line or "plus utilisés" in line]
    english = r"collab posts|partnership ads|short vertical video|dedicated reviews|launch events"
    assert all(not re.search(english, line) for line in fr), fr
    assert any("Reels" in line or "collaboration" in line for line in fr), fr


def test_french_formats_must_pair_with_the_english_ones() -> None:
    base = Channel.model_validate(
        {
            "id": "channel-test",
            "kind": "channel",
            "title": "Test",
            "language": "en",
            "summary": "A test channel for the validation of its formats.",
            "markets": ["global"],
            "roles": ["shared"],
            "age_bands": ["18-24"],
            "formats": ["reels", "stories"],
            "formats_fr": ["reels", "stories"],
            "sources": [{"title": "A source", "publisher": "Someone", "year": 2025}],
        }
    )
    assert base.formats_in("fr") == ["reels", "stories"]
    with pytest.raises(ValueError, match="same order"):
        Channel.model_validate({**base.model_dump(), "formats_fr": ["reels"]})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Donne-moi trois idées pour faire parler d'une fromagerie savoyarde au Japon",
            "la fromagerie savoyarde",
        ),
        ("Three ideas to get people talking about a Welsh cider brand in the UK", "cider"),
    ],
)
def test_ideas_are_for_what_the_brief_is_about_not_its_goal(
    deps: Deps, text: str, named: str
) -> None:
    advice = advise(Request(text=text, mode="idea"), deps)
    assert advice.ideas, advice.text[:300]
    for idea in advice.ideas:
        assert not re.match(r"(?i)(faire parler|get people talking)", idea.name), idea.name
    assert named in advice.text
    assert "remplacez faire parler" not in advice.text
