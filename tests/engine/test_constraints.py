"""The brief's own constraints ("no influencers", "pas de TikTok", "no paid media") are obeyed."""

from __future__ import annotations

from bot.advise import advise
from bot.deps import Deps
from bot.engine.scoring import rank_mechanics
from bot.knowledge import vocab
from bot.knowledge.catalog import Catalog
from bot.models import Brief, Budget, Request

LAUNCH = {
    "markets": ["fr"],
    "objectives": ["launch"],
    "sector": "beauty",
    "audiences": ["gen-z"],
    "budget": Budget(amount=80_000),
}


def _families(deps: Deps, text: str) -> tuple[set[str], set[str], set[str | None]]:
    advice = advise(Request(text=text), deps)
    assert advice.plan is not None
    mechanics = {m.ref for m in advice.plan.mechanics if m.ref}
    families = {vocab.MECHANICS[deps.catalog.original_id(m)] for m in mechanics}
    channels = {c.ref for c in advice.plan.channels}
    roles = {c.role for c in advice.plan.channels}
    return families, channels, roles


def test_no_influencers_rules_out_influencer_mechanics(catalog: Catalog) -> None:
    free = rank_mechanics(catalog.mechanics(), Brief(**LAUNCH))
    assert free[0][1].family == "influencer" or any(
        s.family == "influencer" for _, s in free[:3]
    ), "the fixture brief should favour influencers when allowed"
    ranked = rank_mechanics(catalog.mechanics(), Brief(**LAUNCH, constraints=["no influencers"]))
    for _, score in ranked[:3]:
        assert score.family not in ("influencer", "commerce")
    excluded = [s for _, s in ranked if s.family == "influencer"]
    assert all(any(r.key == "why.constraint" for r in s.reasons) for s in excluded)


def test_constraints_in_words_reach_the_plan(deps: Deps) -> None:
    families, channels, _ = _families(
        deps,
        "Lancement d'une marque de soins en France pour la Gen Z, 80k€, "
        "pas d'influenceurs et pas de TikTok. Quelle stratégie ?",
    )
    assert not families & {"influencer", "commerce"}
    assert "channel-tiktok" not in channels


def test_no_paid_media_means_no_paid_channel(deps: Deps) -> None:
    _, _, roles = _families(
        deps, "Launch a skincare brand for Gen Z in France, €200k, no paid media. Strategy?"
    )
    assert "paid" not in roles
