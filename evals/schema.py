"""The eval datasets' schema: YAML files under evals/datasets/, validated on load."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DATASETS = Path(__file__).resolve().parent / "datasets"

Suite = Literal["retrieval", "answer", "adversarial", "idea", "learn", "fit"]


class _Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    language: Literal["fr", "en"]
    question: str
    channel: str | None = None  # Slack channel id whose access applies
    groups: list[str] = Field(default_factory=list)
    repeat: int = Field(default=1, ge=1, le=5000)  # for huge inputs: the question repeated
    note: str | None = None

    @property
    def text(self) -> str:
        return self.question * self.repeat


class RetrievalCase(_Case):
    """`relevant`: document ids (a translation of one counts as the same document)."""

    relevant: list[str] = Field(min_length=1)
    cross_language: bool = False  # the relevant documents are in the other language


class AnswerCase(_Case):
    mode: Literal["strategy", "idea", "learn", "other"] = "strategy"
    # Each entry is a set of alternatives separated by '|' (case-insensitive substrings).
    must_include: list[str] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)
    mechanic_families: list[str] = Field(default_factory=list)  # top mechanic in one of these
    channels: list[str] = Field(default_factory=list)  # at least one in the plan's channels
    markets: list[str] = Field(default_factory=list)  # the brief must find these markets
    families_absent: list[str] = Field(default_factory=list)  # no plan mechanic of these
    channels_absent: list[str] = Field(default_factory=list)  # no plan channel among these


class AdversarialCase(_Case):
    expect: Literal["refuse", "redirect", "clarify", "answer"]
    must_not_include: list[str] = Field(default_factory=list)
    must_include: list[str] = Field(default_factory=list)


class IdeaCase(_Case):
    min_ideas: int = 3
    must_include: list[str] = Field(default_factory=list)


class LearnCase(_Case):
    expect_sources: list[str] = Field(default_factory=list)  # any of these ids is cited
    must_include: list[str] = Field(default_factory=list)


class Move(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    # What the move is about, for the judgement figures: `rule` (the rule expected for the
    # brief's sector and target market), `moment` (an anchor relevant to its sector or audience).
    kind: Literal["rule", "moment"] | None = None
    any: list[str] = Field(min_length=1)  # regexes on the folded answer (evals/fit.py)


class FitCase(_Case):
    """A case that can fail on fit: its situation, target markets, clock and the moves a senior
    strategist's answer must make and must never make (see evals/datasets/fit.yaml)."""

    situation: str
    markets: list[str] = Field(default_factory=list)
    origin: str | None = None
    clock: Literal["hours", "days", "weeks", "months"] | None = None
    lead: list[str] = Field(min_length=1)
    required: list[Move] = Field(default_factory=list)
    forbidden: list[Move] = Field(default_factory=list)


CASE_MODELS: dict[str, type[_Case]] = {
    "retrieval": RetrievalCase,
    "answer": AnswerCase,
    "adversarial": AdversarialCase,
    "idea": IdeaCase,
    "learn": LearnCase,
    "fit": FitCase,
}


class DatasetError(Exception):
    pass


def load_suite(suite: str, root: Path = DATASETS) -> list[_Case]:
    path = root / f"{suite}.yaml"
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DatasetError(f"{path}: cannot read ({exc})") from exc
    if isinstance(data, list):  # a bare list of cases (the fit suite)
        data = {"suite": suite, "cases": data}
    if (
        not isinstance(data, dict)
        or data.get("suite") != suite
        or not isinstance(data.get("cases"), list)
    ):
        raise DatasetError(f"{path}: expected 'suite: {suite}' and a 'cases' list")
    model = CASE_MODELS[suite]
    cases: list[_Case] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["cases"]):
        try:
            case = model.model_validate(raw)
        except ValidationError as exc:
            raise DatasetError(f"{path}: case #{i + 1}: {exc}") from exc
        if case.id in seen:
            raise DatasetError(f"{path}: duplicate case id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    return cases


def load_all(root: Path = DATASETS) -> dict[str, list[_Case]]:
    return {suite: load_suite(suite, root) for suite in CASE_MODELS}
