"""Audiences: age ranges, generation codes and the words kept for `Brief.audience`."""

from __future__ import annotations

import pytest

from bot.brief import parse_brief
from bot.brief.audience import generations


@pytest.mark.parametrize(
    ("text", "age_range"),
    [
        ("pour les 25-35 ans", (25, 35)),
        ("cible 18–24", (18, 24)),
        ("between 25 and 40", (25, 40)),
        ("entre 25 et 40 ans", (25, 40)),
        ("les 15-25", (15, 25)),
        ("aged 30 to 45", (30, 45)),
        ("the 21-35 year olds", (21, 35)),
        ("moins de 30 ans", (18, 29)),
        ("under 18s", (13, 17)),
        ("over 50", (50, 99)),
        ("plus de 50 ans", (50, 99)),
        ("les 50 ans et plus", (50, 99)),
        ("women 25-40", (25, 40)),
        ("people in their 30s", (30, 39)),
        ("les trentenaires", (30, 39)),
    ],
)
def test_age_range(text: str, age_range: tuple[int, int]) -> None:
    assert parse_brief(text).age_range == age_range


@pytest.mark.parametrize(
    "text",
    ["10-15 influenceurs", "20-30 posts", "budget 50-80k€", "Q2-Q3", "2026-2027", "50/50"],
)
def test_not_an_age(text: str) -> None:
    assert parse_brief(text).age_range is None


@pytest.mark.parametrize(
    ("age_range", "codes"),
    [
        ((18, 24), ["gen-z"]),
        ((15, 25), ["gen-z"]),
        ((25, 35), ["millennials"]),
        ((18, 29), ["gen-z"]),
        ((35, 50), ["millennials", "gen-x"]),
        ((50, 99), ["gen-x", "boomers"]),
        ((65, 99), ["boomers"]),
    ],
)
def test_generations(age_range: tuple[int, int], codes: list[str]) -> None:
    assert generations(age_range) == codes


@pytest.mark.parametrize(
    ("text", "codes", "words"),
    [
        ("auprès des DSI de grands comptes", ["b2b-decision-makers"], "DSI de grands comptes"),
        ("among CIOs in Germany", ["b2b-decision-makers"], "CIOs"),
        ("pour les jeunes parents urbains", ["parents"], "jeunes parents urbains"),
        ("urban millennials", ["millennials"], "urban millennials"),
        ("Gen Z et millennials", ["gen-z", "millennials"], "Gen Z, millennials"),
        ("médecins et pharmaciens", ["health-professionals"], "médecins, pharmaciens"),
        ("les journalistes tech", ["journalists"], "journalistes tech"),
        ("les élus locaux", ["policymakers"], "élus"),
        ("nos salariés", ["employees"], "salariés"),
        ("des développeurs", ["developers"], "développeurs"),
        ("les gamers", ["gamers"], "gamers"),
        ("le grand public", ["general-public"], "grand public"),
        ("investors and shareholders", ["investors"], "investors, shareholders"),
        ("les riverains du site", ["local-communities"], "riverains"),
        ("étudiants et jeunes diplômés", ["students"], "étudiants, jeunes diplômés"),
    ],
)
def test_audience_codes_and_words(text: str, codes: list[str], words: str) -> None:
    brief = parse_brief(text)
    assert brief.audiences == codes
    assert brief.audience == words
