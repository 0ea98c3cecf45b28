"""A plan names what decides on the ground in its *target* market for its sector (the drugstore
chains and test magazines for cosmetics in Germany), from the market documents' `levers`, each
with its source; a malformed lever fails validation."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from bot.advise import advise
from bot.deps import Deps, build_deps
from bot.knowledge.schema import Market
from bot.models import Request
from bot.settings import Settings

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _section(body: str, heading: str) -> str:
    start = body.index(f"**{heading}**")
    end = body.find("\n\n**", start + 1)
    return body[start : end if end > 0 else None]


def test_an_entry_into_germany_names_germanys_levers_for_its_sector(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une marque française de cosmétiques bio veut se lancer en Allemagne au "
            "printemps 2027 avec 150 k€. Quelle stratégie ?"
        ),
        deps,
    ).text
    levers = _section(body, "Ce qui compte sur place")
    assert "dm" in levers and "Rossmann" in levers, levers
    assert "Öko-Test" in levers, levers
    assert "2024)" in levers, levers  # each lever says who says so, and when
    # the lead says it too, before the plan
    assert "Sur place, ce qui décide" in body.split("**Les règles")[0], body[:1500]


def test_a_launch_at_home_does_not_borrow_another_markets_levers(deps: Deps) -> None:
    body = advise(
        Request(text="We launch an organic face serum in France next spring with €80k."),
        deps,
    ).text
    assert "Öko-Test" not in body and "Rossmann" not in body, body


def _market(**extra: object) -> dict[str, object]:
    return {
        "id": "market-zz",
        "kind": "market",
        "code": "de",
        "title": "Test market",
        "language": "en",
        "summary": "A market profile used by the schema tests.",
        "markets": ["de"],
        "sources": [{"title": "A public source", "url": "https://example.org/source"}],
        "languages": ["de"],
        "top_channels": ["channel-instagram"],
        "rules": [{"topic": "other", "rule": "Some rule text."}],
        **extra,
    }


_TEXT = {"en": "Get listed at the drugstore chains.", "fr": "Se faire référencer en droguerie."}
_SOURCE = {"title": "Annual report", "publisher": "IKW", "year": 2024}


@pytest.mark.parametrize(
    "lever",
    [
        {"text": _TEXT, "source": _SOURCE},  # for no sector and no audience
        {"sectors": ["cosmetics"], "text": _TEXT, "source": _SOURCE},  # not a sector code
        {"sectors": ["beauty"], "text": _TEXT, "source": {"title": "Annual report"}},  # untraceable
        {"sectors": ["beauty"], "text": {"en": "Get listed."}, "source": _SOURCE},  # no French
        {"sectors": ["beauty"], "text": _TEXT, "source": _SOURCE, "why": "x"},  # unknown key
    ],
)
def test_a_malformed_lever_is_rejected(lever: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Market.model_validate(_market(levers=[lever]))


def test_a_well_formed_lever_is_accepted() -> None:
    market = Market.model_validate(
        _market(levers=[{"sectors": ["beauty"], "text": _TEXT, "source": _SOURCE}])
    )
    assert market.levers[0].text.get("fr").startswith("Se faire")


def test_a_lever_about_one_corner_of_its_sector_needs_its_words(deps: Deps) -> None:
    savings = advise(
        Request(text="Lancement d'une appli d'épargne en France au printemps, 100 k€. Quel plan ?"),
        deps,
    ).text
    crypto = advise(
        Request(text="Lancement d'une plateforme d'échange de crypto en France, 100 k€. Plan ?"),
        deps,
    ).text
    assert "Livret A" in savings, savings[:2500]
    assert "Livret A" not in crypto, crypto[:2500]


def test_a_brief_without_a_circle_names_its_categorys_people_not_a_placeholder(
    deps: Deps,
) -> None:
    body = advise(
        Request(text="3 big ideas for a board game publisher in France next spring"), deps
    ).text
    assert "recognised experts of the field" not in body and "to name with the client" not in body
