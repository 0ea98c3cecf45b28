"""End to end through `advise()` on the fixture knowledge base, indexed with the real USE model."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from bot.advise import advise
from bot.deps import Deps
from bot.engine.writer import AnswerWriter
from bot.models import Access, Advice, Brief, Budget, Request, Timing, Turn

FR_BRIEF = Brief(
    language="fr",
    markets=["fr"],
    sector="beauty",
    objectives=["launch"],
    audience="femmes de 25-35 ans",
    audiences=["women", "millennials"],
    age_range=(25, 35),
    budget=Budget(amount=80_000),
)
EN_BRIEF = Brief(
    language="en",
    markets=["uk"],
    sector="retail",
    objectives=["awareness"],
    audiences=["gen-z"],
    age_range=(18, 24),
    budget=Budget(amount=40_000, currency="GBP"),
    timing=Timing(events=["black friday"]),
)
FR_TEXT = (
    "Lancement d'une marque de soins vegan en France auprès des femmes de 25-35 ans, "
    "budget 80 k€, au printemps"
)
EN_TEXT = "Awareness campaign in the UK for Gen Z, 40k GBP, around Black Friday"
PLAN_HEADINGS = {
    "fr": [
        "**Ciblage**",
        "**Canaux**",
        "**Calendrier**",
        "**Mécanique**",
        "**KPIs**",
        "**Risques & conformité**",
        "**Sources**",
    ],
    "en": [
        "**Targeting**",
        "**Channels**",
        "**Timing**",
        "**Mechanic**",
        "**KPIs**",
        "**Risks & compliance**",
        "**Sources**",
    ],
}


def _ask(deps: Deps, text: str, **kw: object) -> Advice:
    return advise(Request.model_validate({"text": text, **kw}), deps)


def _check_citations(advice: Advice) -> None:
    numbers = [s.n for s in advice.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    ids = [s.id for s in advice.sources]
    assert len(ids) == len(set(ids))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", advice.text)}
    assert cited <= set(numbers), (cited, numbers)
    if advice.plan:
        for section in ("targeting", "channels", "timing", "mechanics", "kpis", "risks"):
            for item in getattr(advice.plan, section):
                assert set(item.sources) <= set(numbers)
    for idea in advice.ideas:
        assert set(idea.sources) <= set(numbers)
    if advice.learn:
        assert set(advice.learn.sources) <= set(numbers)
    for passage in advice.passages:
        assert advice.sources[passage.n - 1].id == passage.doc_id


@pytest.mark.parametrize(
    ("text", "brief", "lang"), [(FR_TEXT, FR_BRIEF, "fr"), (EN_TEXT, EN_BRIEF, "en")]
)
def test_plan_is_complete_and_cited(deps: Deps, text: str, brief: Brief, lang: str) -> None:
    advice = _ask(deps, text, brief=brief)
    assert advice.mode == "strategy"
    assert advice.language == lang
    assert advice.plan is not None and advice.plan.is_complete()
    assert advice.plan.kpis and advice.plan.risks
    assert 1 <= len([m for m in advice.plan.mechanics if m.score is not None]) <= 3
    for section in ("targeting", "channels", "timing", "mechanics", "kpis", "risks"):
        for item in getattr(advice.plan, section):
            assert item.sources, (section, item.title)
    for item in advice.plan.channels:
        assert item.role in ("paid", "earned", "shared", "owned")
    roles = {item.role for item in advice.plan.channels}
    assert {"earned", "owned"} <= roles
    for item in advice.plan.timing:
        assert item.start is not None and item.end is not None
        assert item.start >= deps.today()
    mechanic = advice.plan.mechanics[0]
    assert mechanic.ref and mechanic.ref.startswith("mechanic-")
    assert mechanic.evidence, "a comparable campaign backs the first mechanic"
    positions = [advice.text.index(h) for h in PLAN_HEADINGS[lang]]
    assert positions == sorted(positions)
    assert advice.sources
    _check_citations(advice)
    json.dumps(advice.contract(), ensure_ascii=False)


def test_black_friday_brief_is_anchored(deps: Deps) -> None:
    advice = _ask(deps, EN_TEXT, brief=EN_BRIEF.model_copy(update={"markets": ["fr"]}))
    assert advice.plan is not None
    assert any("Black Friday" in item.detail for item in advice.plan.timing)


def test_french_question_gets_french_text_from_english_sources(deps: Deps) -> None:
    advice = _ask(deps, FR_TEXT, brief=FR_BRIEF)
    assert all(deps.catalog.get(s.id).meta.language == "en" for s in advice.sources)  # type: ignore[union-attr]
    body = advice.text.split("**Sources**")[0]
    assert "Ciblage" in body and "Calendrier" in body
    for english in (
        "When to use it",
        "KPI one",
        "Micro-influencer swarm",
        " the ",
        " and ",
        "Targeting",
        "why:",
    ):
        assert english not in body, english
    assert "Essaim de micro-influenceurs" in body
    assert "Loi influence 2023-451" in body or "2023-451" in body


def test_english_question_gets_english_text(deps: Deps) -> None:
    advice = _ask(deps, EN_TEXT, brief=EN_BRIEF)
    body = advice.text.split("**Sources**")[0]
    assert "Targeting" in body and "Ciblage" not in body
    assert "ASA" in body  # UK disclosure rule


def test_crisis_plan_starts_today(deps: Deps) -> None:
    brief = Brief(
        language="fr",
        markets=["fr"],
        objectives=["crisis"],
        sector="food-beverage",
        audiences=["parents"],
    )
    advice = _ask(deps, "Crise : rappel de lait infantile, bad buzz", brief=brief)
    assert advice.plan is not None
    assert advice.plan.mechanics[0].ref == "mechanic-crisis-response"
    assert advice.plan.timing[0].start == deps.today()
    assert "campaign-lactoserum-recall" in advice.plan.mechanics[0].evidence


def test_china_gets_chinese_platforms(deps: Deps) -> None:
    brief = Brief(
        language="fr",
        markets=["cn"],
        sector="beauty",
        objectives=["launch"],
        audiences=["women"],
        age_range=(20, 30),
        budget=Budget(amount=300_000),
    )
    advice = _ask(deps, "Lancement d'une marque de cosmétiques en Chine", brief=brief)
    assert advice.plan is not None
    refs = [item.ref for item in advice.plan.channels]
    assert refs[0] in ("channel-xiaohongshu", "channel-douyin", "channel-wechat", "channel-weibo")
    assert not {"channel-instagram", "channel-tiktok", "channel-youtube"} & set(refs)


def test_missing_essentials_add_a_question_alongside_the_plan(deps: Deps) -> None:
    advice = _ask(deps, "We need a plan", brief=Brief(sector="tech"))
    assert advice.plan is not None and advice.plan.is_complete()
    assert advice.clarifying_question
    assert advice.clarifying_question in advice.text
    _check_citations(advice)


def test_idea_mode_gives_three_to_five_distinct_mechanics(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Des idées pour une marque de cosmétiques en France",
        mode="idea",
        brief=Brief(language="fr", markets=["fr"], sector="beauty", audiences=["gen-z"]),
    )
    assert advice.mode == "idea"
    assert 3 <= len(advice.ideas) <= 5
    mechanics = [i.mechanic for i in advice.ideas]
    assert len(set(mechanics)) == len(mechanics)
    assert len({i.name for i in advice.ideas}) == len(advice.ideas)
    for idea in advice.ideas:
        assert idea.insight and idea.spread and idea.first_step
        assert idea.sources
        if idea.pattern:
            assert deps.catalog.get(idea.pattern) is not None
    patterns = [i.pattern for i in advice.ideas if i.pattern]
    assert len(patterns) == len(set(patterns))
    assert advice.language == "fr"
    _check_citations(advice)


def test_learn_mode_gives_explanation_and_check_question(deps: Deps) -> None:
    advice = _ask(deps, "What is the two-step flow?", mode="learn")
    assert advice.mode == "learn" and advice.learn is not None
    card = advice.learn
    assert card.check_question.endswith("?")
    assert card.explanation and card.sources
    assert card.glossary and "two-step flow" in card.glossary
    assert advice.sources[card.sources[0] - 1].id in {
        "principle-two-step-flow",
        "lesson-two-step-flow",
        "glossary-core",
    }
    _check_citations(advice)


def test_learn_in_french_uses_french_glossary_definitions(deps: Deps) -> None:
    advice = _ask(
        deps,
        "C'est quoi le modèle PESO ?",
        mode="learn",
        brief=Brief(language="fr", intent="learn"),
    )
    assert advice.language == "fr" and advice.learn is not None
    assert "médias payés" in advice.learn.explanation
    assert "Pour vérifier" in advice.text


BAD_INPUTS = [
    "",
    "   ",
    "?",
    "🙂🙂🙂🚀",
    "x" * 40_000,
    "Запуск 产品 launch в Париже 🚀 ?",
    "\x00\x01\x02",
    "!!!",
    "a",
    "<script>alert(1)</script>",
    "Lancement " * 5000,
]


@pytest.mark.parametrize("text", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_bad_inputs_never_raise(deps: Deps, text: str) -> None:
    advice = _ask(deps, text)
    assert advice.text.strip()
    assert len(advice.text) < 12_000
    _check_citations(advice)
    json.dumps(advice.contract(), ensure_ascii=False)


def test_long_input_is_truncated_with_a_notice(deps: Deps) -> None:
    advice = _ask(deps, "Launch in France for students. " * 2000)
    assert any("long" in n for n in advice.notices)


def test_greeting_is_redirected_without_a_plan(deps: Deps) -> None:
    for text in ("bonjour", "Hello!"):
        advice = _ask(deps, text, mode="other" if text == "Hello!" else None)
        assert advice.mode == "other"
        assert advice.plan is None and not advice.ideas and advice.learn is None
        assert "Levier" in advice.text


def test_empty_text_gets_help_in_the_fallback_language(deps: Deps) -> None:
    advice = _ask(deps, "", language="fr")
    assert advice.language == "fr" and "Par exemple" in advice.text


@pytest.mark.parametrize(
    ("text", "lang"), [("and for Germany?", "en"), ("et pour l'Allemagne ?", "fr")]
)
def test_follow_up_reuses_the_brief(deps: Deps, text: str, lang: str) -> None:
    previous = FR_BRIEF.model_copy(update={"language": lang})
    history = [Turn(question=FR_TEXT, brief=previous, answer="…")]
    advice = _ask(deps, text, history=history)
    assert advice.brief.markets == ["de"]
    assert advice.brief.objectives == ["launch"]
    assert advice.brief.sector == "beauty"
    assert advice.brief.budget == previous.budget
    assert advice.plan is not None and advice.plan.is_complete()
    assert any(s.id == "market-de" for s in advice.sources)
    assert advice.language == lang


def test_follow_up_after_ideas_gives_ideas(deps: Deps) -> None:
    previous = Brief(language="en", intent="idea", markets=["fr"], sector="beauty")
    history = [Turn(question="ideas for a beauty brand in France", brief=previous)]
    advice = _ask(deps, "and for Germany?", history=history)
    assert advice.mode == "idea" and 3 <= len(advice.ideas) <= 5
    assert advice.brief.markets == ["de"]


def test_form_brief_alone_gets_a_plan(deps: Deps) -> None:
    advice = _ask(deps, "", brief=FR_BRIEF, language="fr")
    assert advice.language == "fr"
    assert advice.plan is not None and advice.plan.is_complete()
    assert advice.brief.markets == ["fr"]


def test_form_brief_overrides_parsed_text(deps: Deps) -> None:
    advice = _ask(deps, "Launch in France for students", brief=Brief(markets=["uk"]))
    assert advice.brief.markets == ["uk"]


SECRET = "campaign-nightingale-confidential"
SECRET_TEXT = "Tell me about Project Nightingale confidential launch of vegan skincare"


@pytest.mark.parametrize(
    "access", [Access(), Access(channel_id="COTHER"), Access(channel_id="CSECRET01", external=True)]
)
@pytest.mark.parametrize("mode", ["strategy", "idea", "learn"])
def test_restricted_document_never_reaches_outsiders(deps: Deps, access: Access, mode: str) -> None:
    advice = _ask(
        deps, SECRET_TEXT, mode=mode, access=access, brief=FR_BRIEF if mode == "strategy" else None
    )
    assert SECRET not in {s.id for s in advice.sources}
    assert SECRET not in {p.doc_id for p in advice.passages}
    for leak in ("Project Nightingale confidential launch (2025)", "sold out", "debrief"):
        assert leak not in advice.text
    assert all(SECRET not in i.evidence for i in (advice.plan.mechanics if advice.plan else []))


def test_restricted_document_reaches_its_channel(deps: Deps) -> None:
    advice = _ask(deps, SECRET_TEXT, mode="learn", access=Access(channel_id="CSECRET01"))
    assert SECRET in {s.id for s in advice.sources}


class FakeWriter:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.seen: Advice | None = None

    def write(
        self, *, request: Request, advice: Advice, on_delta: Callable[[str], None] | None
    ) -> Advice:
        self.seen = advice
        if on_delta:
            on_delta("Hello ")
        if self.fail:
            raise TimeoutError("model timed out")
        return advice.model_copy(update={"text": "Rewritten [1]", "engine": "llm:fake"})


def test_writer_receives_the_offline_advice_and_replaces_the_text(deps: Deps) -> None:
    writer = FakeWriter()
    assert isinstance(writer, AnswerWriter)
    deps.writer = writer
    deltas: list[str] = []
    advice = advise(Request(text=FR_TEXT, brief=FR_BRIEF), deps, on_delta=deltas.append)
    assert advice.engine == "llm:fake" and advice.text == "Rewritten [1]"
    assert deltas == ["Hello "]
    assert writer.seen is not None and writer.seen.plan is not None
    assert writer.seen.passages and writer.seen.sources


def test_writer_failure_keeps_the_offline_answer_with_a_notice(deps: Deps) -> None:
    deps.writer = FakeWriter(fail=True)
    advice = advise(Request(text=FR_TEXT, brief=FR_BRIEF), deps)
    assert advice.engine == "offline"
    assert "Ciblage" in advice.text
    assert any("modèle de langage" in n for n in advice.notices)
    assert "modèle de langage" in advice.text


def test_extractor_failure_keeps_the_rule_brief(deps: Deps) -> None:
    class Broken:
        def extract(self, text: str, rule_brief: Brief) -> Brief:
            raise RuntimeError("boom")

    deps.extractor = Broken()
    advice = _ask(deps, FR_TEXT, brief=FR_BRIEF)
    assert advice.plan is not None and advice.brief.markets == ["fr"]


def test_extractor_result_is_used(deps: Deps) -> None:
    class Better:
        def extract(self, text: str, rule_brief: Brief) -> Brief:
            return rule_brief.model_copy(update={"markets": ["de"]})

    deps.extractor = Better()
    advice = _ask(deps, "Launch for students")
    assert advice.brief.markets == ["de"]


def test_index_failure_still_answers_from_the_catalog(
    deps: Deps, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("chroma down")

    monkeypatch.setattr(deps.retriever, "search", broken)
    advice = _ask(deps, FR_TEXT, brief=FR_BRIEF)
    assert advice.plan is not None and advice.plan.is_complete()
    assert advice.notices


def test_internal_error_becomes_a_friendly_answer(
    deps: Deps, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.advise as module

    def boom(*args: object, **kwargs: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr(module, "build_plan", boom)
    advice = _ask(deps, FR_TEXT, brief=FR_BRIEF, language="fr")
    assert advice.mode == "other" and "problème" in advice.text
