"""Front-matter models, one per kind of knowledge document.

This module is the executable form of `knowledge/README.md`. Every model forbids unknown keys, so
a typo in a field name is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from bot.knowledge import vocab

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MMDD_RE = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def _member(allowed: tuple[str, ...], what: str) -> Any:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
        return value

    return AfterValidator(check)


MarketCode = Annotated[str, _member(vocab.MARKETS, "market")]
Objective = Annotated[str, _member(vocab.OBJECTIVES, "objective")]
Sector = Annotated[str, _member(vocab.SECTORS, "sector")]
Audience = Annotated[str, _member(vocab.AUDIENCES, "audience")]
BudgetBand = Annotated[str, _member(vocab.BUDGET_BANDS, "budget band")]
Role = Annotated[str, _member(vocab.ROLES, "channel role")]
Family = Annotated[str, _member(vocab.FAMILIES, "mechanic family")]
MechanicId = Annotated[str, _member(tuple(vocab.MECHANICS), "mechanic id")]
ChannelId = Annotated[str, _member(vocab.CHANNELS, "channel id")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str = Field(min_length=2)
    url: str | None = None
    publisher: str | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    note: str | None = None

    @model_validator(mode="after")
    def _traceable(self) -> Source:
        if not self.url and not (self.publisher and self.year):
            raise ValueError("a source needs a url, or a publisher and a year")
        return self


class Doc(_Strict):
    """Fields every document has."""

    id: str
    kind: vocab.Kind
    title: str = Field(min_length=2)
    language: vocab.Language
    summary: str = Field(min_length=10, max_length=400)
    markets: list[MarketCode] = Field(default_factory=lambda: ["global"])
    sectors: list[Sector] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    translation_of: str | None = None
    visibility: Literal["public", "restricted"] = "public"
    allowed_channels: list[str] = Field(default_factory=list)
    allowed_groups: list[str] = Field(default_factory=list)
    updated: dt.date | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("ids are lowercase kebab-case, e.g. 'campaign-dove-real-beauty'")
        return value

    @model_validator(mode="after")
    def _common_rules(self) -> Doc:
        prefix = vocab.ID_PREFIX[self.kind]
        if not self.id.startswith(prefix):
            raise ValueError(f"id {self.id!r} must start with {prefix!r} for kind {self.kind}")
        if self.visibility == "restricted" and not (self.allowed_channels or self.allowed_groups):
            raise ValueError(
                "a restricted document needs allowed_channels or allowed_groups "
                "(or set visibility: public)"
            )
        if self.visibility == "public" and (self.allowed_channels or self.allowed_groups):
            raise ValueError("allowed_channels/allowed_groups only apply to visibility: restricted")
        if self.kind in SOURCES_REQUIRED and not self.sources:
            raise ValueError(f"a {self.kind} needs at least one entry in 'sources'")
        if not self.markets:
            raise ValueError("markets cannot be empty; use [global]")
        return self


SOURCES_REQUIRED = frozenset({"campaign", "market", "calendar", "principle", "channel"})


class Principle(Doc):
    kind: Literal["principle"]


class Mechanic(Doc):
    kind: Literal["mechanic"]
    family: Family
    objectives: list[Objective] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    budget_bands: list[BudgetBand] = Field(min_length=1)
    channels: list[ChannelId] = Field(min_length=1)
    duration_weeks: tuple[int, int]
    kpis: list[str] = Field(min_length=2)
    risks: list[str] = Field(min_length=1)
    avoid_sectors: list[Sector] = Field(default_factory=list)

    @field_validator("duration_weeks")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        if not 0 < value[0] <= value[1] <= 104:
            raise ValueError("duration_weeks is [min, max] with 0 < min <= max <= 104")
        return value


class Channel(Doc):
    kind: Literal["channel"]
    roles: list[Role] = Field(min_length=1)
    age_bands: list[str] = Field(min_length=1)
    formats: list[str] = Field(min_length=1)
    best_times: list[str] = Field(default_factory=list)

    @field_validator("age_bands")
    @classmethod
    def _bands(cls, value: list[str]) -> list[str]:
        for band in value:
            if not re.match(r"^\d{1,2}(-\d{1,2}|\+)$", band):
                raise ValueError(f"age band {band!r} must look like '18-24' or '55+'")
        return value


class MarketRule(_Strict):
    topic: Annotated[str, _member(vocab.RULE_TOPICS, "rule topic")]
    rule: str = Field(min_length=5)


class Market(Doc):
    kind: Literal["market"]
    code: MarketCode
    languages: list[str] = Field(min_length=1)
    top_channels: list[ChannelId] = Field(min_length=1)
    rules: list[MarketRule] = Field(min_length=1)


class Event(_Strict):
    name: str
    type: Annotated[str, _member(vocab.EVENT_TYPES, "event type")]
    start: str | None = None
    end: str | None = None
    dates: dict[int, str] = Field(default_factory=dict)
    sectors: list[Sector] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _when(self) -> Event:
        if self.start is None and not self.dates:
            raise ValueError(f"event {self.name!r} needs 'start' (MM-DD) or 'dates'")
        for value in (self.start, self.end):
            if value is not None and not _MMDD_RE.match(value):
                raise ValueError(f"event {self.name!r}: {value!r} is not a quoted 'MM-DD' date")
        for year, span in self.dates.items():
            parts = span.split("/")
            try:
                days = [dt.date.fromisoformat(p) for p in parts]
            except ValueError as exc:
                raise ValueError(
                    f"event {self.name!r}: dates[{year}] = {span!r} is not YYYY-MM-DD "
                    "or YYYY-MM-DD/YYYY-MM-DD"
                ) from exc
            if len(days) > 2 or days[0].year != year or days[-1] < days[0]:
                raise ValueError(f"event {self.name!r}: dates[{year}] = {span!r} is inconsistent")
        return self


class Calendar(Doc):
    kind: Literal["calendar"]
    code: MarketCode
    events: list[Event] = Field(min_length=8)


class Result(_Strict):
    metric: str
    value: str | int | float
    source: str = Field(min_length=2)
    year: int = Field(ge=1900, le=2100)


class Campaign(Doc):
    kind: Literal["campaign"]
    brand: str
    year: int = Field(ge=1900, le=2100)
    markets: list[MarketCode] = Field(min_length=1)
    sectors: list[Sector] = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    mechanics: list[MechanicId] = Field(min_length=1)
    channels: list[ChannelId] = Field(min_length=1)
    campaign_type: Annotated[str, _member(vocab.CAMPAIGN_TYPES, "campaign type")]
    budget_band: BudgetBand | None = None
    agency: str | None = None
    results: list[Result] = Field(default_factory=list)


class Term(_Strict):
    fr: str
    en: str
    definition_fr: str
    definition_en: str
    see: str | None = None


class Glossary(Doc):
    kind: Literal["glossary"]
    terms: list[Term] = Field(min_length=1)


class Lesson(Doc):
    kind: Literal["lesson"]
    order: int = Field(ge=0)
    level: Annotated[str, _member(vocab.LEVELS, "level")]
    related: list[str] = Field(min_length=2)
    check_question: str = Field(min_length=5)
    check_answer: str = Field(min_length=5)


MODELS: dict[str, type[Doc]] = {
    "principle": Principle,
    "mechanic": Mechanic,
    "channel": Channel,
    "market": Market,
    "calendar": Calendar,
    "campaign": Campaign,
    "glossary": Glossary,
    "lesson": Lesson,
}

AnyDoc = Principle | Mechanic | Channel | Market | Calendar | Campaign | Glossary | Lesson
