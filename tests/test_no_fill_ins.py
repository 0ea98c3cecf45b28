"""On the real knowledge base: what reads as a template is left out or said properly. A
partnership is proposed only with a partner to name, a supplement's go conditions are about
claims and voices (an adult audience is alcohol's and betting's), and a brief's description of
the brand reads with its article."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.advise import advise
from bot.deps import Deps, build_deps
from bot.models import Request
from bot.settings import Settings

TODAY = dt.date(2026, 12, 6)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _body(deps: Deps, text: str) -> str:
    return advise(Request(text=text), deps).text


def test_no_partnership_is_proposed_without_a_partner_to_name(deps: Deps) -> None:
    body = _body(deps, "Online bookmaker wants more UK customers during the Premier League, £250k")
    assert "a name the target already trusts" not in body
    assert "Partnership and collaboration" not in body


def test_a_supplement_goes_on_claims_and_voices_not_on_an_adult_audience(deps: Deps) -> None:
    body = _body(
        deps, "Un complément alimentaire au magnésium veut des créatrices en France. Comment ?"
    )
    assert "chaque allégation figure sur la liste validée" in body
    assert "l'audience de chaque canal est majeure" not in body
    assert "moment de consommation ou de pari" not in body


def test_a_beer_still_goes_on_an_adult_audience(deps: Deps) -> None:
    body = _body(deps, "Une brasserie artisanale veut des créateurs en France, 40 k€.")
    assert "l'audience de chaque canal est majeure" in body


def test_a_described_brand_reads_with_its_article(deps: Deps) -> None:
    body = _body(
        deps, "A Swedish outdoor clothing brand wants to enter the US next year. Budget $250k."
    )
    assert "the Swedish outdoor clothing brand" in body
    assert "for Swedish outdoor clothing brand" not in body


def test_a_moment_three_weeks_away_gets_a_three_week_run_up(deps: Deps) -> None:
    body = _body(deps, "Lancement d'un lait d'avoine bio pour le Veganuary en France, 25 k€.")
    plan = body.split("**Le plan, semaine par semaine**")[1].split("\n\n")[0]
    assert "il reste 3 semaines, pas les 7" in plan
    assert "**Semaines 4–5 (1er janv. – 14 janv. 2027) · Le moment du lancement" in plan
    plan = re.sub(r" \([^)]*\) ·", " ·", plan)
    assert "**Semaines 1–2 ·" in plan and "**Semaine 3 ·" in plan
    assert "**Semaines 4–5 · Le moment du lancement" in plan
