"""On the real knowledge base: a question about any core objective or any market, in French or
English, gets at least one principle, one mechanic and one comparable campaign cited."""

from __future__ import annotations

import pytest

from bot.advise import advise
from bot.deps import Deps, build_deps
from bot.knowledge import vocab
from bot.knowledge.stats import CORE_OBJECTIVES
from bot.models import Advice, Request
from bot.settings import Settings

OBJECTIVE_WORDS = {
    "awareness": ("notoriété", "brand awareness"),
    "launch": ("lancement d'un produit", "a product launch"),
    "reputation": ("améliorer la réputation", "improving our reputation"),
    "crisis": ("gérer une crise", "handling a crisis"),
    "b2b-leads": ("générer des leads B2B", "generating B2B leads"),
    "employer-brand": ("la marque employeur", "employer branding"),
    "advocacy": (
        "une campagne de plaidoyer pour une cause publique",
        "advocacy for a public cause",
    ),
}
MARKET_WORDS = {
    "fr": ("en France", "in France"),
    "de": ("en Allemagne", "in Germany"),
    "uk": ("au Royaume-Uni", "in the UK"),
    "us": ("aux États-Unis", "in the US"),
    "es": ("en Espagne", "in Spain"),
    "it": ("en Italie", "in Italy"),
    "be": ("en Belgique", "in Belgium"),
    "ch": ("en Suisse", "in Switzerland"),
    "cn": ("en Chine", "in China"),
    "jp": ("au Japon", "in Japan"),
    "br": ("au Brésil", "in Brazil"),
    "gulf": ("aux Émirats arabes unis", "in the UAE"),
    "nl": ("aux Pays-Bas", "in the Netherlands"),
    "pt": ("au Portugal", "in Portugal"),
    "ca": ("au Québec", "in Canada"),
}


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False)


def _advice(deps: Deps, text: str) -> Advice:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None, text
    assert advice.language == ("fr" if "Quelle" in text else "en"), text
    return advice


def _kinds(advice: Advice) -> set[str]:
    return {s.kind for s in advice.sources}


def test_the_word_lists_cover_the_vocabulary() -> None:
    assert set(OBJECTIVE_WORDS) == set(CORE_OBJECTIVES)
    assert set(MARKET_WORDS) == set(vocab.COUNTRY_MARKETS)


@pytest.mark.parametrize("objective", CORE_OBJECTIVES)
def test_each_objective_in_both_languages(deps: Deps, objective: str) -> None:
    """Every objective gets a playbook's answer grounded in more than the playbook itself."""
    fr, en = OBJECTIVE_WORDS[objective]
    for text in (
        f"Quelle stratégie pour {fr} en France auprès des 25-40 ans ?",
        f"What strategy do you recommend for {en} in the UK, targeting millennials?",
    ):
        advice = _advice(deps, text)
        kinds = _kinds(advice)
        assert "playbook" in kinds and len(kinds) >= 3, (text, kinds)
        assert advice.plan is not None and advice.plan.timing, text


@pytest.mark.parametrize("market", sorted(MARKET_WORDS))
def test_each_market_in_both_languages(deps: Deps, market: str) -> None:
    """A launch in any market is planned for that market, with its profile and its moments or
    rules cited, and a comparable campaign or a plain statement that none is close."""
    fr, en = MARKET_WORDS[market]
    for text in (
        f"Quelle stratégie de lancement {fr} pour une marque de cosmétiques, cible 25-35 ans ?",
        f"What launch strategy {en} for a cosmetics brand targeting 25-35 year olds?",
    ):
        advice = _advice(deps, text)
        kinds = _kinds(advice)
        assert advice.brief.markets == [market], (text, advice.brief.markets)
        assert {"playbook", "mechanic", "market"} <= kinds, (text, kinds)
        assert advice.plan is not None and advice.plan.mechanics and advice.plan.timing, text
        assert "campaign" in kinds or "précédent" in advice.text or "precedent" in advice.text
