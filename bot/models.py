"""The data that flows through Levier: request → brief → plan → advice.

These models are the seam's vocabulary. The CLI, Slack, the language-model layer and the evals all
speak them; `Advice.contract()` is the JSON of `levier ask --json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["en", "fr"]
Mode = Literal["strategy", "idea", "learn", "other"]


class Access(BaseModel):
    """Who is asking, for retrieval: restricted documents reach only their allowlist."""

    model_config = ConfigDict(frozen=True)

    channel_id: str | None = None
    user_groups: tuple[str, ...] = ()
    external: bool = False  # shared / Slack Connect channel with external members

    @property
    def principals(self) -> tuple[str, ...]:
        if self.external:
            return ()
        ids = [self.channel_id] if self.channel_id else []
        return tuple([*ids, *self.user_groups])

    def can_see(self, visibility: str, allowed: list[str] | tuple[str, ...]) -> bool:
        if visibility == "public":
            return True
        return any(p in allowed for p in self.principals)


# Approximate euro value of one unit of each currency (reference rates, rounded): enough to band
# a budget and to compare it with fees quoted in another currency, said as approximate.
EUR_RATES: dict[str, float] = {
    "EUR": 1.0,
    "USD": 0.92,
    "GBP": 1.17,
    "CHF": 1.05,
    "JPY": 0.0062,
    "CNY": 0.13,
    "BRL": 0.17,
    "AED": 0.25,
    "SAR": 0.25,
}


class Budget(BaseModel):
    amount: float
    currency: str = "EUR"

    def in_eur(self) -> float:
        return self.amount * EUR_RATES.get(self.currency, 1.0)

    def converted(self, amount: float, currency: str) -> float:
        """`amount` of this budget's currency in `currency` (approximate reference rates)."""
        eur = amount * EUR_RATES.get(self.currency, 1.0)
        return eur / EUR_RATES.get(currency, 1.0)


class Timing(BaseModel):
    text: str | None = None  # the words of the brief, e.g. "à la rentrée"
    start: dt.date | None = None
    end: dt.date | None = None
    seasons: list[str] = Field(default_factory=list)  # spring, summer, autumn, winter
    events: list[str] = Field(default_factory=list)  # e.g. "black friday", "rentrée"


class Brief(BaseModel):
    """What Levier understood of a question. Empty lists and None mean 'not said'."""

    language: Language = "en"
    intent: Mode = "strategy"
    markets: list[str] = Field(default_factory=list)  # target markets
    origin: str | None = None  # the brand's home market when the brief names another target
    sector: str | None = None
    objectives: list[str] = Field(default_factory=list)
    audience: str | None = None  # free text as understood, e.g. "25-35 ans, urbains"
    audiences: list[str] = Field(default_factory=list)  # audience codes from the vocabulary
    age_range: tuple[int, int] | None = None
    budget: Budget | None = None
    timing: Timing | None = None
    constraints: list[str] = Field(default_factory=list)
    topic: str | None = None  # for learn / idea: the concept or subject
    subject: str | None = None  # the product, service or brand the brief is about
    # What the brief wants people to talk about ("la santé mentale des agriculteurs"), as said,
    # distinct from the subject (the brand or product that speaks).
    theme: str | None = None
    situation: str | None = None  # a playbook situation, when a language model extracted one
    client: str | None = None

    def missing_essentials(self) -> list[str]:
        if self.intent != "strategy":
            return []
        missing = []
        if not self.markets:
            missing.append("market")
        if not self.objectives:
            missing.append("objective")
        if not self.audience and not self.audiences:
            missing.append("audience")
        return missing

    def contract(self) -> dict[str, Any]:
        return {
            "markets": list(self.markets),
            "origin": self.origin,
            "sector": self.sector,
            "objectives": list(self.objectives),
            "audience": self.audience,
            "budget": self.budget.model_dump() if self.budget else None,
            "timing": self.timing.model_dump(mode="json") if self.timing else None,
            "constraints": list(self.constraints),
        }


class PlanItem(BaseModel):
    """One recommendation; `sources` are numbers into `Advice.sources`."""

    title: str
    detail: str = ""
    sources: list[int] = Field(default_factory=list)
    ref: str | None = None  # the knowledge id it rests on, e.g. a mechanic id
    role: str | None = None  # channels: paid / earned / shared / owned
    start: dt.date | None = None  # timing phases
    end: dt.date | None = None
    score: float | None = None  # mechanics: fit score in [0, 1]
    evidence: list[str] = Field(default_factory=list)  # campaign ids


class Plan(BaseModel):
    targeting: list[PlanItem] = Field(default_factory=list)
    channels: list[PlanItem] = Field(default_factory=list)
    timing: list[PlanItem] = Field(default_factory=list)
    mechanics: list[PlanItem] = Field(default_factory=list)
    kpis: list[PlanItem] = Field(default_factory=list)
    risks: list[PlanItem] = Field(default_factory=list)
    # comparable campaigns offered as patterns, and cautionary ones offered as warnings (`ref`:
    # the campaign id, `detail`: why it is comparable)
    precedents: list[PlanItem] = Field(default_factory=list)
    warnings: list[PlanItem] = Field(default_factory=list)

    def is_complete(self) -> bool:
        return all((self.targeting, self.channels, self.timing, self.mechanics))


class Idea(BaseModel):
    name: str
    insight: str
    mechanic: str  # mechanic id
    spread: str  # how it spreads
    first_step: str
    pattern: str | None = None  # campaign id whose pattern it borrows
    guard: str | None = None  # the care or rule the idea must respect (sensitive theme, law)
    sources: list[int] = Field(default_factory=list)


class LearnCard(BaseModel):
    concept: str
    explanation: str
    example: str | None = None
    glossary: str | None = None
    check_question: str
    sources: list[int] = Field(default_factory=list)
    # The lesson applied to the asker's case, filled in ("For the opening of a fish restaurant in
    # Bordeaux, start by…"), when the question names its case and the lesson says how.
    applied: str | None = None


class SourceRef(BaseModel):
    n: int
    id: str
    title: str
    path: str
    kind: str
    section: str | None = None
    url: str | None = None


class Passage(BaseModel):
    """A retrieved chunk, numbered like the source it belongs to."""

    n: int
    doc_id: str
    section: str
    text: str
    score: float


class Turn(BaseModel):
    """A previous exchange in the same conversation (thread memory)."""

    question: str
    brief: Brief | None = None
    answer: str | None = None


class Request(BaseModel):
    text: str
    mode: Mode | None = None  # force a mode (e.g. `/levier idea`); None = detect
    language: Language | None = None  # fallback when the text is unclear (Slack locale)
    access: Access = Field(default_factory=Access)
    history: list[Turn] = Field(default_factory=list)
    brief: Brief | None = None  # a structured brief (e.g. from the Slack modal), merged in
    stream: bool = False


class SituationInfo(BaseModel):
    """The situation an answer was built for (a playbook's id) and how it was recognised."""

    id: str
    answer_kind: str = "plan"
    confidence: float = 1.0
    alternatives: list[str] = Field(default_factory=list)
    clock: str | None = None  # hours, days, weeks, months; None: no phases
    promoted_from: str | None = None  # e.g. a launch with several markets → multi-market
    by_rule: bool = False  # decided by a playbook's override rule, not by the classifier
    title: str = ""  # the playbook's title
    forbidden: list[str] = Field(default_factory=list)  # moves this situation never proposes


class Trace(BaseModel):
    """What it cost and how it was made; recorded per answer."""

    engine: str = "offline"
    prompt_id: str | None = None
    prompt_version: str | None = None
    model: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: float = 0.0
    cost_usd: float = 0.0
    retrieval_ms: float = 0.0
    # Language-model layer: citation numbers removed because they matched no source, and why
    # the offline answer was kept instead of the model's (None when the model's answer is used).
    invalid_citations: list[int] = Field(default_factory=list)
    fallback: str | None = None


class Advice(BaseModel):
    language: Language
    mode: Mode
    engine: str = "offline"
    brief: Brief
    plan: Plan | None = None
    ideas: list[Idea] = Field(default_factory=list)
    learn: LearnCard | None = None
    text: str
    sources: list[SourceRef] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    clarifying_question: str | None = None
    notices: list[str] = Field(default_factory=list)
    trace: Trace = Field(default_factory=Trace)
    situation: SituationInfo | None = None

    def contract(self) -> dict[str, Any]:
        """The JSON contract of `levier ask --json`."""
        empty_plan: dict[str, list[Any]] = {
            k: []
            for k in (
                "targeting",
                "channels",
                "timing",
                "mechanics",
                "kpis",
                "risks",
                "precedents",
                "warnings",
            )
        }
        return {
            "language": self.language,
            "mode": self.mode,
            "engine": self.engine,
            "brief": self.brief.contract(),
            "plan": self.plan.model_dump(mode="json") if self.plan else empty_plan,
            "ideas": [i.model_dump(mode="json") for i in self.ideas],
            "learn": self.learn.model_dump(mode="json") if self.learn else None,
            "text": self.text,
            "sources": [
                {"n": s.n, "id": s.id, "title": s.title, "path": s.path, "kind": s.kind}
                for s in self.sources
            ],
            "clarifying_question": self.clarifying_question,
            "situation": self.situation.model_dump(mode="json") if self.situation else None,
            "notices": list(self.notices),
            "trace": self.trace.model_dump(mode="json"),
        }
