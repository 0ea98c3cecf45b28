"""With a model, a thread follow-up is rewritten as a standalone question for retrieval."""

from __future__ import annotations

from typing import Any

from bot.advise import advise
from bot.deps import Deps
from bot.models import Brief, Request, Turn

FIRST = "Lancement d'une marque de soins en France pour les 25-35 ans, 80k€"


class _Extractor:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls: list[tuple[str, int, str]] = []

    def extract(self, text: str, rule_brief: Brief) -> Brief:
        return rule_brief

    def rewrite_followup(self, question: str, history: list[Turn], language: str) -> str:
        self.calls.append((question, len(history), language))
        if self.fail:
            raise TimeoutError("model down")
        return "Lancement d'une marque de soins en Allemagne pour les 25-35 ans, 80k€"


def _spy(deps: Deps) -> list[str]:
    queries: list[str] = []
    search = deps.retriever.search

    def spy(query: str, **kw: Any) -> Any:
        queries.append(query)
        return search(query, **kw)

    deps.retriever.search = spy  # type: ignore[method-assign]
    return queries


def test_the_rewritten_question_drives_retrieval(deps: Deps) -> None:
    first = advise(Request(text=FIRST), deps)
    deps.extractor = _Extractor()
    queries = _spy(deps)
    history = [Turn(question=FIRST, brief=first.brief, answer=first.text)]
    advice = advise(Request(text="Et pour l'Allemagne ?", history=history, language="fr"), deps)
    assert deps.extractor.calls == [("Et pour l'Allemagne ?", 1, "fr")]
    assert "marque de soins en Allemagne" in queries[0]
    assert advice.brief.markets == ["de"] and advice.plan is not None


def test_a_failed_rewrite_keeps_the_question(deps: Deps) -> None:
    first = advise(Request(text=FIRST), deps)
    deps.extractor = _Extractor(fail=True)
    queries = _spy(deps)
    history = [Turn(question=FIRST, brief=first.brief)]
    advice = advise(Request(text="Et pour l'Allemagne ?", history=history), deps)
    assert queries[0].startswith("Et pour l'Allemagne ?")
    assert advice.plan is not None and advice.brief.markets == ["de"]


def test_no_history_no_rewrite(deps: Deps) -> None:
    deps.extractor = _Extractor()
    advise(Request(text=FIRST), deps)
    assert deps.extractor.calls == []
