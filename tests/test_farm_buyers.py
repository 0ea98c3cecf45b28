"""On the real knowledge base: a business that sells to farmers gets a farm's buying committee,
the farming press and the farm shows, not an IT committee, analysts and the business dailies; the
sector's committee is knowledge (circles), and other B2B sectors keep their own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.advise import advise
from bot.brief.parse import parse_brief
from bot.deps import Deps, build_deps
from bot.engine.answer import money
from bot.models import Request
from bot.settings import Settings

TODAY = dt.date(2026, 12, 6)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _ask(deps: Deps, text: str) -> tuple[str, str]:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None
    return advice.situation.id, advice.text


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        (
            "Notre start-up vend des capteurs d'humidité du sol aux maraîchers bretons.",
            "agriculture",
        ),
        ("We sell feed-efficiency software to dairy farmers in Wisconsin.", "agriculture"),
        # the words a consumer brief uses too stay a hint
        ("A farm-to-table bistro in Bristol wants more bookings this spring.", "food-beverage"),
    ],
)
def test_a_farm_brief_is_read_as_agriculture(text: str, sector: str) -> None:
    assert parse_brief(text).sector == sector


def test_gps_in_capitals_is_a_technology_not_general_practitioners() -> None:
    assert (
        "health-professionals"
        not in parse_brief(
            "We make GPS auto-steer kits for tractors and want dealer leads in Ireland."
        ).audiences
    )
    assert (
        "health-professionals"
        in parse_brief("How do we get GPs to recommend our sleep app in the UK?").audiences
    )


def test_a_french_farm_b2b_plan_speaks_to_farmers_at_their_show(deps: Deps) -> None:
    situation, body = _ask(
        deps,
        "Nos semoirs de précision se vendent mal chez les céréaliers du Centre. Il nous faut "
        "150 demandes d'essai avant Innov-Agri, avec 60 k€.",
    )
    assert situation == "b2b", body[:300]
    lead = body.split("**", 3)[2]
    assert "exploitant" in lead and "concessionnaire" in lead, lead
    assert "DSI" not in body and "RSSI" not in body
    assert "Innov-Agri" in lead
    assert "La France Agricole" in body
    # no analyst programme for farmers: advisers and dealers try the machine on a farm instead
    assert "Relations analystes" not in body
    assert "Briefer les analystes" not in body
    assert "ferme cliente" in body


def test_an_english_farm_b2b_plan_names_its_show_and_press(deps: Deps) -> None:
    situation, body = _ask(
        deps,
        "Our slurry-injection kit needs 200 qualified leads from UK livestock farmers before "
        "LAMMA. Budget £45k.",
    )
    assert situation == "b2b", body[:300]
    assert "LAMMA" in body.split("**", 3)[2]
    assert "Farmers Weekly" in body
    assert "CISO" not in body and "CIO" not in body
    assert "£45k" in body and "45 k£" not in body


def test_an_it_b2b_plan_keeps_its_it_committee(deps: Deps) -> None:
    situation, body = _ask(
        deps,
        "Notre éditeur de logiciel de sauvegarde veut 80 rendez-vous avec des ETI françaises "
        "cette année.",
    )
    assert situation == "b2b", body[:300]
    assert "DSI" in body.split("**", 3)[2]


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "said"),
    [
        (45_000, "GBP", "en", "£45k"),
        (1_200_000, "USD", "en", "$1.2M"),
        (80_000, "EUR", "en", "€80k"),
        (80_000, "EUR", "fr", "80 k€"),
        (2_500_000, "EUR", "fr", "2,5 M€"),
    ],
)
def test_money_is_written_the_way_each_language_writes_it(
    amount: float, currency: str, lang: str, said: str
) -> None:
    assert money(amount, currency, lang) == said
