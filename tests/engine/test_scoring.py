"""Mechanic scoring: objective first, audience, budget band, market and sector, with reasons."""

from __future__ import annotations

import itertools

from bot.engine.mechanics import BASE, CIRCLE, evidence, select_mechanics
from bot.engine.scoring import rank_mechanics, score_mechanic
from bot.knowledge import vocab
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import Mechanic
from bot.models import Brief, Budget


def _mechanic(catalog: Catalog, mechanic_id: str) -> Mechanic:
    found = [m for m in catalog.mechanics() if m.id == mechanic_id]
    assert found, mechanic_id
    return found[0]


def _ranked_ids(catalog: Catalog, brief: Brief) -> list[str]:
    return [s.mechanic_id for _, s in rank_mechanics(catalog.mechanics(), brief)]


def test_crisis_objective_ranks_crisis_response_first(catalog: Catalog) -> None:
    brief = Brief(markets=["fr"], objectives=["crisis"], sector="food-beverage")
    ranked = _ranked_ids(catalog, brief)
    assert ranked[0] == "mechanic-crisis-response"
    top = rank_mechanics(catalog.mechanics(), brief)[0][1]
    assert top.reasons[0].key == "why.crisis_first"


def test_b2b_leads_ranks_analyst_relations_and_thought_leadership_high(catalog: Catalog) -> None:
    brief = Brief(
        markets=["de"],
        objectives=["b2b-leads"],
        sector="tech",
        audiences=["b2b-decision-makers"],
        budget=Budget(amount=300_000),
    )
    top3 = _ranked_ids(catalog, brief)[:3]
    assert "mechanic-b2b-analyst-relations" in top3
    assert "mechanic-thought-leadership" in top3 or "mechanic-data-report-barometer" in top3
    assert "mechanic-ugc-challenge" not in top3


def test_alcohol_in_france_penalises_influencer_mechanics(catalog: Catalog) -> None:
    beer = Brief(markets=["fr"], objectives=["launch"], sector="alcohol", audiences=["millennials"])
    cream = beer.model_copy(update={"sector": "beauty"})
    swarm = _mechanic(catalog, "mechanic-micro-influencer-swarm")
    penalised = score_mechanic(swarm, beer)
    assert penalised.score < 0.5 * score_mechanic(swarm, cream).score
    keys = {r.key for r in penalised.reasons if not r.positive}
    assert {"why.avoid_sector", "why.legal"} <= keys
    ranked = rank_mechanics(catalog.mechanics(), beer)
    assert ranked[0][1].family not in ("influencer", "commerce")
    # Outside France the Loi Évin does not apply (the sector caveat still does).
    uk = beer.model_copy(update={"markets": ["uk"]})
    assert score_mechanic(swarm, uk).score > penalised.score


def test_low_budget_penalises_expensive_mechanics(catalog: Catalog) -> None:
    event = _mechanic(catalog, "mechanic-event-experiential")
    base = Brief(markets=["fr"], objectives=["launch"], audiences=["millennials"])
    low = score_mechanic(event, base.model_copy(update={"budget": Budget(amount=20_000)}))
    high = score_mechanic(event, base.model_copy(update={"budget": Budget(amount=600_000)}))
    assert low.score < 0.7 * high.score
    assert any(r.key == "why.budget_low" and not r.positive for r in low.reasons)
    assert any(r.key == "why.budget" for r in high.reasons)


def test_budget_in_other_currencies_uses_euros(catalog: Catalog) -> None:
    event = _mechanic(catalog, "mechanic-event-experiential")
    brief = Brief(objectives=["launch"], budget=Budget(amount=40_000, currency="USD"))
    assert any(r.key == "why.budget_low" for r in score_mechanic(event, brief).reasons)


def test_scores_stay_in_unit_interval_and_are_deterministic(catalog: Catalog) -> None:
    mechanics = catalog.mechanics()
    for objective, sector, market in itertools.product(
        vocab.OBJECTIVES[:6], ("alcohol", "tech", None), ("fr", "cn", None)
    ):
        brief = Brief(
            objectives=[objective],
            sector=sector,
            markets=[market] if market else [],
            age_range=(18, 24),
            budget=Budget(amount=10_000),
        )
        first = rank_mechanics(mechanics, brief)
        assert first == rank_mechanics(mechanics, brief)
        for _, scored in first:
            assert 0.0 <= scored.score <= 1.0


def test_empty_brief_still_scores_everything(catalog: Catalog) -> None:
    ranked = rank_mechanics(catalog.mechanics(), Brief())
    assert len(ranked) == len(catalog.mechanics())


def test_selection_pairs_engagement_base_with_circle_of_influence(catalog: Catalog) -> None:
    brief = Brief(
        markets=["fr"],
        objectives=["launch"],
        sector="beauty",
        audiences=["women"],
        age_range=(25, 35),
        budget=Budget(amount=80_000),
    )
    chosen = select_mechanics(rank_mechanics(catalog.mechanics(), brief))
    ids = [s.mechanic_id for _, s in chosen]
    assert 1 <= len(ids) <= 3
    assert ids[0] == "mechanic-micro-influencer-swarm"
    assert set(ids) & CIRCLE and set(ids) & BASE


def test_evidence_prefers_same_market_and_sector(catalog: Catalog) -> None:
    brief = Brief(markets=["fr"], objectives=["launch"], sector="beauty")
    found = evidence(catalog, "mechanic-expert-kol-endorsement", brief)
    assert 1 <= len(found) <= 3
    assert found[0].id == "campaign-glowskin-swarm"
    assert all("mechanic-expert-kol-endorsement" in c.mechanics for c in found)


def test_evidence_never_uses_restricted_campaigns(catalog: Catalog) -> None:
    brief = Brief(markets=["fr"], objectives=["launch"], sector="beauty")
    found = evidence(catalog, "mechanic-micro-influencer-swarm", brief)
    assert "campaign-nightingale-confidential" not in {c.id for c in found}


def test_the_question_words_break_ties(catalog: Catalog) -> None:
    swarm = _mechanic(catalog, "mechanic-micro-influencer-swarm")
    plain = Brief(markets=["fr"], objectives=["launch"], audiences=["women"])
    asked = plain.model_copy(update={"topic": "Quelle stratégie d'influence pour ce lancement ?"})
    with_topic = score_mechanic(swarm, asked)
    assert with_topic.score > score_mechanic(swarm, plain).score
    assert any(r.key == "why.topic" for r in with_topic.reasons)
