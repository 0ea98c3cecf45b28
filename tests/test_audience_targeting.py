"""On the real knowledge base: the targeting names the audience's own media and the experts that
audience listens to (knowledge, not Python tables), and a B2B or hiring brief does not lead with
national dailies or consumer magazines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.advise import advise
from bot.brief import parse_brief
from bot.deps import Deps, build_deps
from bot.engine import targeting
from bot.knowledge import vocab
from bot.knowledge.loader import load_knowledge
from bot.knowledge.schema import Circle, CircleBook, Market
from bot.models import Request
from bot.settings import Settings
from tests.kbfactory import write_doc

ROOT = Path(__file__).resolve().parent.parent / "knowledge"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _line(text: str, *starts: str) -> str:
    """The first line of the answer that starts (after its bullet) with one of `starts`."""
    for line in text.splitlines():
        if line.lstrip("- ").startswith(starts):
            return line
    raise AssertionError(f"no line starting with {starts} in:\n{text}")


def _ask(deps: Deps, text: str) -> str:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None
    return advice.text


# ---- behaviour a consultant would notice ------------------------------------------------------


def test_hiring_young_apprentices_in_france_names_school_media_not_business_dailies(
    deps: Deps,
) -> None:
    body = _ask(
        deps,
        "Une entreprise de travaux publics cherche 120 alternants pour septembre 2027 dans "
        "ses chantiers en France. Comment les attirer ?",
    )
    media = _line(body, "Cibles médias")
    first = media.split(":", 1)[1]
    assert "L'Étudiant" in first or "Onisep" in first, media
    # the audience's own media come before any business daily
    assert "Les Échos" not in media and "Le Monde" not in media, media
    circle = _line(body, "Cercle d'influence")
    assert "CFA" in circle or "enseignants" in circle, circle
    assert "analystes" not in circle, circle


def test_hiring_engineers_in_germany_names_the_german_job_platforms(deps: Deps) -> None:
    body = _ask(
        deps,
        "Our fintech opens an office in Berlin and needs 30 backend developers next year. "
        "How do we build our employer brand there?",
    )
    text = body.lower()
    assert "xing" in text and "kununu" in text and "stepstone" in text, body[:3000]
    circle = _line(body, "Circle of influence")
    assert "meetup" in circle or "open-source" in circle, circle


def test_us_industrial_b2b_brief_names_trade_media_not_car_magazines(deps: Deps) -> None:
    body = _ask(
        deps,
        "We make brake components and want procurement teams at US automakers to shortlist us "
        "as a supplier. What should our B2B plan be?",
    )
    media = _line(body, "Media targets")
    assert re.search(r"Automotive News|WardsAuto|Assembly Magazine|Modern Machine Shop", media)
    for consumer in ("Car and Driver", "MotorTrend", "The New York Times", "USA Today"):
        assert consumer not in media, media
    circle = _line(body, "Circle of influence")
    assert "motoring journalists" not in circle, circle
    assert "purchasing" in circle or "engineers" in circle, circle


def test_a_uk_recall_of_baby_food_names_the_parents_communities(deps: Deps) -> None:
    body = _ask(
        deps,
        "A batch of our infant formula sold in Britain may be contaminated and we must recall "
        "it today. What do we do?",
    )
    assert "Mumsnet" in body, body[:3000]
    assert "TikTok challenge" not in body


def test_the_subject_of_the_brief_names_its_experts(deps: Deps) -> None:
    # cargo bikes for young parents: cyclists and mechanics, not paediatricians
    body = _ask(
        deps,
        "On lance des vélos cargo électriques à Lyon, cible jeunes parents, 60 k€. Un plan ?",
    )
    circle = _line(body, "Cercle d'influence")
    assert "cyclistes" in circle and "pédiatres" not in circle, circle
    # wind-turbine software sold to offshore operators: their engineers, not IT analysts
    body = _ask(
        deps,
        "German predictive-maintenance software for wind turbines wants leads among UK offshore "
        "wind operators, £60k.",
    )
    circle = _line(body, "Circle of influence")
    assert "wind-farm operators" in circle and "Gartner" not in circle, circle


def test_a_b2b_plan_keeps_consumer_apps_out_of_its_channels(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A Swiss asset manager wants to reach institutional investors and wealth "
            "advisers in Switzerland. What plan?"
        ),
        deps,
    )
    assert advice.plan is not None
    refs = {c.ref for c in advice.plan.channels}
    assert "channel-tiktok" not in refs and "channel-snapchat" not in refs, refs


def test_a_leader_visibility_brief_without_an_audience_uses_the_situations_audience(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Comment faire de notre directrice financière une voix reconnue sur la "
            "fiscalité des entreprises, en France ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"
    assert advice.plan is not None
    refs = {c.ref for c in advice.plan.channels}
    assert "channel-tiktok" not in refs and "channel-snapchat" not in refs, refs
    assert "Les Échos" in advice.text


# ---- the brief parser recognises who the audience is ------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Recruter des apprentis maçons en Bretagne", "students"),
        ("Nous cherchons des alternants pour nos agences", "students"),
        ("An apprenticeship scheme for young apprentices in Leeds", "students"),
        ("Hiring software engineers for our Lisbon hub", "developers"),
        ("We sell coatings to Tier 1 suppliers in Mexico", "b2b-decision-makers"),
        ("Une campagne pour les parents d'élèves en Belgique", "parents"),
        ("Relaunch of our baby food range in Italy", "parents"),
    ],
)
def test_audience_words_map_to_audience_codes(text: str, code: str) -> None:
    brief = parse_brief(text, today=TODAY)
    assert code in brief.audiences, (text, brief.audiences)


def test_a_product_for_babies_does_not_become_the_audience_wording() -> None:
    brief = parse_brief("Recall of baby food jars in the UK", today=TODAY)
    assert "parents" in brief.audiences
    assert brief.audience is None or "baby food" not in brief.audience


# ---- the knowledge, and its validation ----------------------------------------------------------


def test_the_engine_holds_no_table_of_experts() -> None:
    source = Path(targeting.__file__).read_text("utf-8")
    assert "dermatologists" not in source and "EXPERTS" not in source


def test_every_sector_has_its_circle_and_every_market_its_audience_media() -> None:
    report = load_knowledge(ROOT)
    books = [d.meta for d in report.docs if isinstance(d.meta, CircleBook)]
    assert books
    circles = [c for b in books for c in b.circles]
    for sector in vocab.SECTORS:
        assert any(c.sectors == [sector] and not c.audiences for c in circles), sector
    markets = [d.meta for d in report.docs if isinstance(d.meta, Market)]
    assert {m.code for m in markets} == set(vocab.COUNTRY_MARKETS)
    for market in markets:
        assert "candidates" in market.audience_media, market.code
        assert len(market.audience_media) >= 6, market.code


def test_the_finest_circle_wins() -> None:
    report = load_knowledge(ROOT)
    circles = [c for d in report.docs if isinstance(d.meta, CircleBook) for c in d.meta.circles]
    hiring = targeting.circle_for(circles, "b2b-industry", ["students"], ["employer-brand"])
    assert hiring is not None and "CFA" in hiring.experts.fr
    industry = targeting.circle_for(circles, "automotive", ["b2b-decision-makers"], ["b2b-leads"])
    assert industry is not None and "purchasing" in industry.experts.en
    sector_only = targeting.circle_for(circles, "beauty", [], ["launch"])
    assert sector_only is not None and sector_only.experts.en.startswith("dermatologists")
    fallback = targeting.circle_for(circles, None, [], [])
    assert fallback is not None and not (fallback.sectors or fallback.audiences)


def _market(**extra: object) -> dict[str, object]:
    return {
        "id": "market-zz",
        "kind": "market",
        "code": "fr",
        "title": "Test market",
        "language": "en",
        "summary": "A market profile used by the schema tests.",
        "markets": ["fr"],
        "sources": [{"title": "A public source", "url": "https://example.org/source"}],
        "languages": ["fr"],
        "top_channels": ["channel-instagram"],
        "rules": [{"topic": "other", "rule": "Some rule text."}],
        **extra,
    }


@pytest.mark.parametrize(
    "audience_media",
    [
        {"apprentices": ["Onisep"]},  # not an audience code
        {"candidates/bakery": ["Indeed"]},  # not a sector code
        {"parents": []},  # an empty list
        {"students": ["Onisep", "Onisep"]},  # a name twice
    ],
)
def test_a_malformed_audience_media_entry_is_rejected(audience_media: object) -> None:
    with pytest.raises(ValidationError):
        Market.model_validate(_market(audience_media=audience_media))


def test_a_malformed_circle_fails_kb_validate(tmp_path: Path) -> None:
    front = {
        "id": "circle-test",
        "kind": "circle",
        "title": "Circles",
        "language": "en",
        "summary": "Circles of influence used by the schema tests.",
        "circles": [
            {"experts": {"en": "trusted experts", "fr": "experts de confiance"}},
            {"audiences": ["toddlers"], "experts": {"en": "nannies", "fr": "nounous"}},
        ],
    }
    write_doc(tmp_path, "circles/bad.md", front, "# Circles\n")
    report = load_knowledge(tmp_path)
    assert not report.ok
    assert any("toddlers" in str(p) for p in report.problems), report.problems


def test_a_circle_book_needs_exactly_one_fallback() -> None:
    entry = Circle(sectors=["beauty"], experts={"en": "dermatologists", "fr": "dermatologues"})
    with pytest.raises(ValidationError):
        CircleBook.model_validate(
            {
                "id": "circle-x",
                "kind": "circle",
                "title": "Circles",
                "language": "en",
                "summary": "Circles of influence used by the schema tests.",
                "circles": [entry.model_dump()],
            }
        )


def test_an_outlet_is_named_once_however_it_is_glossed() -> None:
    report = load_knowledge(ROOT)
    japan = next(d.meta for d in report.docs if isinstance(d.meta, Market) and d.meta.code == "jp")
    named = targeting.named_media(japan, "gaming", audiences=["gamers"])
    keys = [targeting.outlet_key(n) for n in named]
    assert keys[0] == "famitsu" and keys.count("famitsu") == 1, named
