"""Front-matter models, one per kind of knowledge document.

This module is the executable form of `knowledge/README.md`. Every model forbids unknown keys, so
a typo in a field name is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, NamedTuple

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
RuleKind = Annotated[str, _member(vocab.RULE_KINDS, "rule topic")]
Severity = Annotated[str, _member(vocab.SEVERITIES, "severity")]
AnswerKind = Annotated[str, _member(vocab.ANSWER_KINDS, "answer kind")]
TimeUnit = Annotated[str, _member(vocab.TIME_UNITS, "time unit")]
SectionId = Annotated[str, _member(vocab.SECTIONS, "section")]
_PLACEHOLDER_RE = re.compile(r"\{([^{}|]*)(?:\|([^{}]*))?\}")


def placeholders(text: str) -> list[str]:
    """The placeholder names used in `text` (`{market}`, `{authority|the authority}`)."""
    return [m.group(1) for m in _PLACEHOLDER_RE.finditer(text)]


_CASE_TAGS = re.compile(r"^((?:\[!?[a-z0-9-]+\]\s*)+)")


def case_tags(text: str) -> tuple[list[str], str]:
    """The `[case]` / `[!case]` tags a line starts with, and the line without them."""
    m = _CASE_TAGS.match(text)
    if not m:
        return [], text
    return re.findall(r"\[(!?[a-z0-9-]+)\]", m.group(1)), text[m.end() :]


def _check_placeholders(field: str, texts: list[str]) -> None:
    for text in texts:
        if "{" in text.replace("{{", "") and not _PLACEHOLDER_RE.search(text):
            raise ValueError(f"{field}: unbalanced braces in {text[:60]!r}")
        for name in placeholders(text):
            if name not in vocab.PLACEHOLDERS:
                raise ValueError(
                    f"{field}: unknown placeholder {{{name}}} in {text[:60]!r}; "
                    f"use one of: {', '.join(vocab.PLACEHOLDERS)}"
                )


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Bilingual(_Strict):
    en: str = Field(min_length=3)
    fr: str = Field(min_length=3)

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


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
    # Words of the channels' formats this mechanic runs on ("dedicated reviews", "challenge"),
    # most telling first: a channel line names what to run there for this mechanic.
    channel_formats: list[str] = Field(default_factory=list)
    # What it does for a brief, in one clause ("borrows the authority of a few experts the
    # audience already trusts"): the answer says it before why it fits this brief.
    does: Bilingual | None = None
    # What it becomes for this brief, said after `does` when its placeholders can be filled
    # ("here, with dermatologists and lifeguards": a partnership names its partner).
    in_brief: Bilingual | None = None
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

    @field_validator("in_brief")
    @classmethod
    def _in_brief(cls, value: Bilingual | None) -> Bilingual | None:
        if value is not None:
            _check_placeholders("in_brief", [value.en, value.fr])
        return value


CreatorTier = Literal["nano", "micro", "mid", "macro", "mega"]


class CreatorFees(_Strict):
    """What one sponsored post costs per creator tier on a platform: a published range (low,
    high; a single number is "from"), in one currency, with where it comes from."""

    currency: Literal["EUR", "USD", "GBP"]
    per: Literal["post", "video"] = "post"
    tiers: dict[CreatorTier, list[float]] = Field(min_length=1)
    source: str = Field(min_length=5)
    year: int = Field(ge=2015, le=2100)
    estimate: bool = True  # an industry rule of thumb, not a measured market rate

    @field_validator("tiers")
    @classmethod
    def _ranges(cls, value: dict[str, list[float]]) -> dict[str, list[float]]:
        for tier, pair in value.items():
            if not 1 <= len(pair) <= 2 or any(x <= 0 for x in pair) or pair != sorted(pair):
                raise ValueError(f"creator fees for {tier!r}: [low, high] or [from], positive")
        return value


class Channel(Doc):
    kind: Literal["channel"]
    roles: list[Role] = Field(min_length=1)
    age_bands: list[str] = Field(min_length=1)
    formats: list[str] = Field(min_length=1)
    # The same formats in French, in the same order (a French answer names them in French).
    formats_fr: list[str] = Field(default_factory=list)
    best_times: list[str] = Field(default_factory=list)
    creator_fees: CreatorFees | None = None
    # How a question names the platform ("insta", "Twitter"): named channels come first.
    aliases: list[str] = Field(default_factory=list)

    @field_validator("age_bands")
    @classmethod
    def _bands(cls, value: list[str]) -> list[str]:
        for band in value:
            if not re.match(r"^\d{1,2}(-\d{1,2}|\+)$", band):
                raise ValueError(f"age band {band!r} must look like '18-24' or '55+'")
        return value

    @model_validator(mode="after")
    def _formats_paired(self) -> Channel:
        if self.formats_fr and len(self.formats_fr) != len(self.formats):
            raise ValueError(
                f"formats_fr has {len(self.formats_fr)} entries for {len(self.formats)} formats:"
                " give each format its French name, in the same order"
            )
        return self

    def formats_in(self, language: str) -> list[str]:
        """The formats in `language` (English ones are written in the knowledge's language)."""
        if language == "fr" and self.language != "fr":
            return self.formats_fr
        return self.formats if language == self.language else []


class MarketRule(_Strict):
    topic: Annotated[str, _member(vocab.RULE_TOPICS, "rule topic")]
    rule: str = Field(min_length=5)


def _audience_key(value: str) -> str:
    audience, _, sector = value.partition("/")
    if audience not in vocab.AUDIENCES:
        raise ValueError(
            f"unknown audience {audience!r} in audience_media; use one of: "
            f"{', '.join(vocab.AUDIENCES)} (or audience/sector)"
        )
    if sector and sector not in vocab.SECTORS:
        raise ValueError(
            f"unknown sector {sector!r} in {value!r}; use one of: {', '.join(vocab.SECTORS)}"
        )
    return value


class Lever(_Strict):
    """What decides in a market for one sector or audience: the retailer, trust mark, community,
    medium or habit a local strategist would name first, with its source."""

    sectors: list[Sector] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    # Accent-free words of the question without which the lever is not shown, for a lever about
    # one corner of its sector (the Livret A is about savings, not about every finance brief).
    triggers: list[str] = Field(default_factory=list)
    text: Bilingual
    source: Source
    # The months its event happens in (1-12), for a lever that is a dated event (BIG each
    # October): shown only to a plan that runs through one of them.
    months: list[Annotated[int, Field(ge=1, le=12)]] = Field(default_factory=list)
    # "national": a lever only a national campaign can pull (the Grande Cause nationale, a
    # televised telethon), not shown to a brief about one city
    reach: Literal["any", "national"] = "any"
    # A lever about shoppers (consumer tests, electronics retailers, deal sites): a brief aimed
    # at people at work (B2B, hiring) never sees it.
    consumer: bool = False

    @model_validator(mode="after")
    def _aimed(self) -> Lever:
        if not self.sectors and not self.audiences:
            raise ValueError("a lever names the sectors or audiences it is for")
        return self


class Market(Doc):
    kind: Literal["market"]
    code: MarketCode
    languages: list[str] = Field(min_length=1)
    top_channels: list[ChannelId] = Field(min_length=1)
    rules: list[MarketRule] = Field(min_length=1)
    # Named outlets: the national media a consultant pitches first, and trade media per sector.
    media: list[str] = Field(default_factory=list)
    trade_media: dict[Sector, list[str]] = Field(default_factory=dict)
    # Where an audience is reached in this market: its outlets, platforms and communities,
    # keyed by audience code, or `audience/sector` for the audience within one sector.
    audience_media: dict[Annotated[str, AfterValidator(_audience_key)], list[str]] = Field(
        default_factory=dict
    )
    # The outlets of a city, keyed by its accent-free name as a brief writes it ("lyon",
    # "manchester"): a local launch is pitched to them first.
    local_media: dict[str, list[str]] = Field(default_factory=dict)
    # The languages of a city where the market has several (keyed like `local_media`): a Geneva
    # association speaks French, a Madrid opening Spanish, not every official language.
    city_languages: dict[str, list[str]] = Field(default_factory=dict)
    # Words that name one of those cities ("genevoise", "lyonnais"), keyed like the cities: "une
    # association genevoise" is in Geneva.
    demonyms: dict[str, str] = Field(default_factory=dict)
    # How media relations work here, for a consultant who has never pitched this market: the
    # gatekeepers, the customs and the traps, in both languages (taught in craft answers).
    media_practice: Bilingual | None = None
    # The retailers a brief may name as already listing the product ("a dm listing", "stocked
    # by Waitrose"), written as they are spelt: the listing becomes the arrival's stage.
    retailers: list[str] = Field(default_factory=list)
    # The market's large companies, as they are spelt, that a B2B brief may name as the account
    # to win ("win Vinci as a customer"): the plan is for that account's market.
    companies: list[str] = Field(default_factory=list)
    # Population in millions, with its source in `sources` (World Bank): a multi-market budget
    # gives the markets after the lead shares that grow with their size.
    population_m: float | None = Field(default=None, gt=0)
    # What decides here for a sector or an audience (a drugstore chain's listing, a consumer
    # test magazine, the platform students use): the plan names it instead of a generic move.
    levers: list[Lever] = Field(default_factory=list)

    @model_validator(mode="after")
    def _city_languages_spoken_here(self) -> Market:
        for city, langs in self.city_languages.items():
            unknown = [x for x in langs if x not in self.languages]
            if unknown or not langs:
                raise ValueError(
                    f"city_languages[{city!r}]: {unknown or 'none'} not among the market's"
                    f" languages {self.languages}"
                )
        for word, city in self.demonyms.items():
            if city not in self.local_media and city not in self.city_languages:
                raise ValueError(
                    f"demonyms[{word!r}]: {city!r} is not a city of local_media or city_languages"
                )
        return self

    @field_validator("audience_media", "trade_media")
    @classmethod
    def _named(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for key, names in value.items():
            if not names or any(not n.strip() for n in names):
                raise ValueError(f"{key}: name each outlet (or leave the key out)")
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                raise ValueError(f"{key}: outlets named twice: {', '.join(dupes)}")
        return value


class Event(_Strict):
    name: str
    type: Annotated[str, _member(vocab.EVENT_TYPES, "event type")]
    start: str | None = None
    end: str | None = None
    dates: dict[int, str] = Field(default_factory=dict)
    sectors: list[Sector] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    # Words of a question that make the moment relevant whatever the sector ("sans alcool" for
    # a month without alcohol, which is the worst moment for an alcohol brand).
    triggers: list[str] = Field(default_factory=list)
    note: str | None = None
    # Human truths of the moment a creative idea can start from (iftar prepared in a rush before
    # sunset), each in both languages: what people feel or do then, not a figure.
    insights: list[Bilingual] = Field(default_factory=list)
    # How the moment reads inside a sentence ("la rentrée scolaire", "back-to-school").
    say: Bilingual | None = None
    # How an idea evokes it without naming it, where a rule forbids a non-sponsor to name it
    # ("la quinzaine de la terre battue" for Roland-Garros).
    say_unnamed: Bilingual | None = None
    # A show open to the public (a motor show, Gamescom): a consumer brief's moment too, where a
    # trade-only show (Gulfood, Hannover Messe) is only a buyers' one.
    public: bool = False
    # Words of a question that rule the moment out whatever its sector: a carnival parade is no
    # moment for baby food.
    not_for: list[str] = Field(default_factory=list)
    # `start`/`end` is only the usual window: the organiser sets the exact days each year, so an
    # answer says the month ("March 2027, dates to confirm"), never the window as the event's days.
    approx: bool = False

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
    year: int = Field(ge=1850, le=2100)
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
    # A scandal, a backlash or a fine: shown as "what not to do", never as a pattern to borrow.
    cautionary: bool = False
    caution: str | Bilingual | None = None  # the lesson: one sentence, or {en, fr}

    def caution_in(self, language: str) -> str | None:
        """The lesson in `language` (None when only the other language is written)."""
        if isinstance(self.caution, Bilingual):
            return self.caution.get(language)
        return self.caution if self.caution and self.language == language else None

    situations: list[str] = Field(default_factory=list)  # playbook situations it illustrates
    # Its tags in the other language (a French campaign's in English, an English one's in
    # French), names aside: a question in either language finds the same kind of case.
    translated_tags: list[str] = Field(default_factory=list)

    def card(self) -> CampaignCard:
        return CampaignCard(
            id=self.id,
            language=self.language,
            translation_of=self.translation_of,
            visibility=self.visibility,
            title=self.title,
            brand=self.brand,
            year=self.year,
            markets=tuple(self.markets),
            sectors=tuple(self.sectors),
            objectives=tuple(self.objectives),
            audiences=tuple(self.audiences),
            mechanics=tuple(self.mechanics),
            situations=tuple(self.situations),
            tags=(*self.tags, *self.translated_tags),
            campaign_type=self.campaign_type,
            budget_band=self.budget_band,
            cautionary=self.cautionary,
        )

    @model_validator(mode="after")
    def _caution(self) -> Campaign:
        if self.cautionary and not self.caution:
            raise ValueError("a cautionary campaign needs 'caution': the lesson, in one sentence")
        return self


class CampaignCard(NamedTuple):
    """What ranking campaigns reads of one (its short front-matter fields): kept beside the
    document in the parse cache and read without it, so ranking thousands of case studies does
    not unpickle their bodies."""

    id: str
    language: str
    translation_of: str | None
    visibility: str
    title: str
    brand: str
    year: int
    markets: tuple[str, ...]
    sectors: tuple[str, ...]
    objectives: tuple[str, ...]
    audiences: tuple[str, ...]
    mechanics: tuple[str, ...]
    situations: tuple[str, ...]
    tags: tuple[str, ...]  # in both languages (its `translated_tags` too)
    campaign_type: str
    budget_band: str | None
    cautionary: bool


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
    # The lesson applied to the asker's own case, in the lesson's language, shown when the
    # question names what they work on: "For {case}, start by…" ({case} once; {media|…} and
    # {market|…} optional).
    apply: str | None = Field(default=None, min_length=20)

    @field_validator("apply")
    @classmethod
    def _apply_case(cls, value: str | None) -> str | None:
        if value is None:
            return value
        _check_placeholders("apply", [value])
        used = placeholders(value)
        if used.count("case") != 1:
            raise ValueError("apply: says {case} exactly once (the asker's own case)")
        extra = sorted(set(used) - {"case", "media", "market"})
        if extra:
            raise ValueError(f"apply: only {{case}}, {{media|…}} and {{market|…}}, not {extra}")
        return value


class RuledOut(_Strict):
    """A move a brief may ask for that the rule rules out, and what to tell the client."""

    triggers: list[str] = Field(min_length=1)  # accent-free words of a question naming the move
    say: Bilingual  # the verdict and what to do instead, in one or two sentences
    # What it rules out is the whole brief (Italy bans every gambling ad): the answer stops at
    # the no-go and what remains, with the built-in case `banned`, and shows no go-live plan.
    no_plan: bool = False
    # The event the move was tied to is no moment to time the plan on either (an alcohol brand
    # that may not sponsor Roland-Garros does not time its arrival on it).
    unanchored: bool = False


class Rule(_Strict):
    """One rule of a market that can decide a plan: its topic, where it applies, its reference."""

    id: str
    topic: RuleKind
    sectors: list[Sector] = Field(default_factory=list)
    triggers: list[str] = Field(default_factory=list)  # words of a brief that bring the rule
    # Sectors the rule never covers, whatever the words (general product safety is not food).
    not_sectors: list[Sector] = Field(default_factory=list)
    # Sectors the rule is only for, however it is brought (an ICT-incident report for banks and
    # insurers, not for a ticketing site's breach).
    only_sectors: list[Sector] = Field(default_factory=list)
    severity: Severity = "high"
    reference: str = Field(min_length=4)  # the law or code, with its number
    # The same said in French, for French answers, when `reference` is written in English (the
    # title of a foreign law may stay as its country writes it, in quotes or brackets).
    reference_fr: str | None = Field(default=None, min_length=4)
    year: int = Field(ge=1800, le=2100)
    authority: str | None = None  # the regulator or body that enforces it
    authority_fr: str | None = None  # the same in French, when `authority` is in English
    decides: Bilingual  # the rule in one sentence: what it allows and forbids
    allowed: Bilingual | None = None  # what a plan can still do
    check: Bilingual | None = None  # the condition for a go (risk reviews)
    # Rules this one replaces when it applies (an alcohol-free drink is not under the alcohol
    # regime, though its sector is alcohol).
    supersedes: list[str] = Field(default_factory=list)
    # What a plan under this rule leaves out: channels whose audience the rule keeps away (TikTok
    # for alcohol under the loi Évin) and audiences whose own media it excludes (gen-z: minors).
    excludes_channels: list[ChannelId] = Field(default_factory=list)
    excludes_audiences: list[Audience] = Field(default_factory=list)
    # Moves a brief may name that this rule rules out (a festival sponsorship under the loi
    # Évin): said first, by name, with what to do instead.
    rules_out: list[RuledOut] = Field(default_factory=list)
    # Under this rule an idea never names the event it rides on (a non-sponsor of a sports
    # event evokes it through the event's `say_unnamed`).
    unnamed_events: bool = False
    # The rule applies only to a brief that reaches people younger than this (its age range
    # starts below it, or it names children or teenagers): HFSS ads aimed at under-16s.
    audience_under: int | None = Field(default=None, ge=1, le=25)
    # A brief whose age range starts below this age brings the rule, whatever its words: a
    # campaign with 15-17-year-old creators or for 13-17s is under the minors' rules.
    applies_under: int | None = Field(default=None, ge=1, le=25)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("rule ids are lowercase kebab-case, e.g. 'fr-alcohol-evin'")
        return value

    @model_validator(mode="after")
    def _applies(self) -> Rule:
        if not self.sectors and not self.triggers and self.topic != "influencer-disclosure":
            raise ValueError(f"rule {self.id!r} needs 'sectors' or 'triggers' (when it applies)")
        return self


class RuleBook(Doc):
    """The rules of one market (`code`), for the sectors and topics they govern."""

    kind: Literal["rule"]
    code: MarketCode
    applies_to: list[MarketCode] = Field(default_factory=list)  # e.g. EU rules: its members
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> RuleBook:
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"rule ids repeated in this file: {', '.join(dupes)}")
        if self.markets != [self.code]:
            raise ValueError(f"markets must be [{self.code}] for the rules of market {self.code}")
        return self


class Phase(_Strict):
    name: str = Field(min_length=2)
    unit: TimeUnit
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    actions: list[str] = Field(min_length=1)
    # who leads this phase; a list gives alternatives with case tags, the first that holds
    # is said ("[recall] … quality …", "[breach] … IT security …", then a plain default)
    owner: str | list[str] | None = None
    # The brief's moment (a named event, or the calendar's) falls at this phase's start or end:
    # the plan counts back from it instead of starting on it.
    moment: Literal["starts", "ends"] | None = None
    # When that moment is a short buying occasion (a holiday, a celebration: New Year's Eve,
    # Valentine's Day), this phase ends on it instead: people buy before the day, not after.
    short_moment: Literal["ends"] | None = None
    # What a unit of this phase costs against a unit live at full strength (1.0): a week of
    # preparation costs less than the launch week; unset, 0.4 before the moment and 1.0 after.
    spend: float | None = Field(default=None, ge=0, le=5)

    @model_validator(mode="after")
    def _span(self) -> Phase:
        if self.end <= self.start:
            raise ValueError(f"phase {self.name!r}: end ({self.end}) must be after start")
        return self


# `decisive-rule`: a rule the brief's sector or words bring decides the plan (crypto promoted by
# creators), not merely frames it.
# `ruled-out`: the brief names a move a rule of its target market rules out ("carbon neutral"
# thanks to offsetting in the EU).
Condition = Literal["several-markets", "regulated", "foreign-origin", "decisive-rule", "ruled-out"]


class Promotion(_Strict):
    """Becomes this situation when the classifier said one of `from_` and one of `when` holds."""

    from_: list[str] = Field(alias="from", min_length=1)
    when: Condition | list[Condition]

    def holds(self, condition: str) -> bool:
        return condition in (self.when if isinstance(self.when, list) else [self.when])


class Asked(_Strict):
    """Becomes this situation when the classifier said one of `from_` and the question the
    message closes on says one of `when` and none of `unless` ("…in March. What should we
    watch out for?" asks a review, whatever the brief before it describes)."""

    from_: list[str] = Field(alias="from", min_length=1)
    when: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)


class Playbook(Doc):
    """A situation and the answer it calls for: what leads, which sections, which clock."""

    kind: Literal["playbook"]
    situation: str
    mode: Literal["strategy", "idea", "learn", "other"] = "strategy"
    answer_kind: AnswerKind = "plan"
    # the opening lines; most carry a case tag, so one answer shows only a few of them
    lead: list[str] = Field(min_length=1, max_length=40)
    sections: list[SectionId] = Field(default_factory=list)
    headings: dict[SectionId, str] = Field(default_factory=dict)
    clock: TimeUnit | None = None
    phases: list[Phase] = Field(default_factory=list)
    mechanics_fit: list[MechanicId] = Field(default_factory=list)
    mechanics_excluded: list[MechanicId] = Field(default_factory=list)
    kpis: list[str] = Field(default_factory=list)
    points: list[str] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    signals: list[str] = Field(default_factory=list)
    # Regular expressions on the folded question (lower case, no accents) that decide this
    # situation before the classifier: injected instructions, illegal requests.
    overrides: list[str] = Field(default_factory=list)
    promote: Promotion | None = None
    asked: Asked | None = None
    # Channels this situation speaks through first, and those it never proposes.
    channels_fit: list[ChannelId] = Field(default_factory=list)
    channels_excluded: list[ChannelId] = Field(default_factory=list)
    # What this situation does on a channel ("pin the statement, answer in the comments"): said
    # on the channel's line instead of its usual formats and reasons. Case tags and placeholders
    # work as in the lead.
    channel_use: dict[ChannelId, str] = Field(default_factory=dict)
    # Only applies when this holds (a market entry needs a foreign origin): otherwise the
    # classifier's next situation is taken.
    requires: Condition | None = None
    # Taken only when the classifier is at least this sure or one of the signals is in the
    # question: a refusal must not be a guess (a legal betting brief is not an illegal one).
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    # How a rule must come in to count here (empty: any way). A crisis is framed by the rules
    # its incident's words bring (a breach, a recall), not by its sector's advertising rules.
    rules_by: list[Literal["sector", "trigger", "creators"]] = Field(default_factory=list)
    # Rule topics that never frame this situation, whatever words bring them: a child who
    # drowned makes a crisis, not a question of advertising to minors.
    rule_topics_excluded: list[RuleKind] = Field(default_factory=list)
    # The plan works with paid or gifted creators whatever its mechanic (a launch seeds them): the
    # target market's disclosure rule is then cited.
    creators: bool = False
    # Whether the budget section counts how many creators the shared line buys (not in a plan
    # where the rule restricts who may speak and to whom: alcohol, betting, medicines).
    price_creators: bool = True
    # For a case of the situation, the rule topics that frame it (a data breach is framed by the
    # breach rules, not by the medicines rule its pharmacy's words also bring).
    case_rules: dict[str, list[RuleKind]] = Field(default_factory=dict)
    # What a comparable campaign must share with the brief here, on top of the usual closeness
    # (a crisis or a backlash answer offers responses to crises or backlashes, not launches).
    # "scale": run on no more than the brief's budget band, when the brief gives a budget.
    precedents_need: list[
        Literal["sector", "situation", "objective", "subject", "product", "scale"]
    ] = Field(default_factory=list)
    # Kinds of case within the situation (a recall, a data breach; a discriminatory ad), each
    # with the accent-free stems that recognise it. A line of text that starts with `[case]`
    # is said only in that case, `[!case]` only outside it.
    cases: dict[str, list[str]] = Field(default_factory=dict)
    # In a case, comparables carrying one of these tags are not offered (a hurtful ad is not
    # answered with a campaign that stood firm through a boycott).
    case_avoid_tags: dict[str, list[str]] = Field(default_factory=dict)
    # In a case, mechanics that are never offered (no challenge format for suicide prevention).
    case_mechanics_excluded: dict[str, list[MechanicId]] = Field(default_factory=dict)
    # In a case, channels that are never proposed (no LinkedIn to win bettors).
    case_channels_excluded: dict[str, list[ChannelId]] = Field(default_factory=dict)
    # In a case, channels it speaks through first (a neighbourhood bar: the city's own press).
    case_channels_fit: dict[str, list[ChannelId]] = Field(default_factory=dict)
    # In a case, sections that are not shown (a banned brief gets no plan, budget or creators).
    case_sections_excluded: dict[str, list[Annotated[str, _member(vocab.SECTIONS, "section")]]] = (
        Field(default_factory=dict)
    )
    audience: str | None = None  # who the plan targets when the brief does not say
    # The calendar moments that can anchor this situation's timing (empty: any type).
    moment_types: list[Annotated[str, _member(vocab.EVENT_TYPES, "event type")]] = Field(
        default_factory=list
    )
    # Whether a moment its sector merely shares can anchor this situation (the hay-fever season
    # is a pharma brand's moment, not the moment its lab technicians are hired).
    sector_moments: bool = True
    # False when the market's levers for the brief's sector do not apply to this situation (an
    # employer brand needs where candidates look, not the sector's trade fair): audience only.
    sector_levers: bool = True
    # The audiences whose levers this situation shows, whatever the brief's audience (an employer
    # brand shows where candidates look, not the students' culture pass); empty: the brief's.
    lever_audiences: list[Audience] = Field(default_factory=list)
    # False when levers and comparables made for professionals only (a tech fair for investors,
    # a developers' conference) do not fit this situation unless the brief is aimed at
    # professionals: a consumer launch gets no VivaTech.
    trade_levers: bool = True
    # True for a programme (a voice, a hiring drive, a lead pipeline) whose phases stretch to a
    # deadline further off than their usual length ("a recognised voice by end of 2027").
    stretch_to_deadline: bool = False
    # True when the answer is built on a topic ("the ground to own is hydrogen"): a brief that
    # names none takes the subject its circle of experts was found by ("PME de l'hydrogène vert").
    theme_from_circle: bool = False
    # Share of a stated budget per PESO role (paid, earned, shared, owned), summing to 1.
    budget_split: dict[Role, float] = Field(default_factory=dict)
    # What a budget of each band buys and cannot buy, with a verdict: shown for the brief's band
    # (bands are in euros; a budget in another currency is converted to find its band).
    by_band: dict[BudgetBand, list[str]] = Field(default_factory=dict)

    @field_validator("overrides")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"overrides: {pattern!r} is not a regex: {exc}") from exc
        return value

    @field_validator("budget_split")
    @classmethod
    def _split(cls, value: dict[str, float]) -> dict[str, float]:
        if value and abs(sum(value.values()) - 1.0) > 0.01:
            raise ValueError("budget_split shares must add up to 1")
        return value

    @field_validator("situation")
    @classmethod
    def _situation_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("situation ids are lowercase kebab-case, e.g. 'crisis'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Playbook:
        if self.phases and self.clock is None:
            raise ValueError("a playbook with phases needs 'clock' (hours, days, weeks, months)")
        if "phases" in self.sections and not self.phases:
            raise ValueError("section 'phases' needs 'phases'")
        if "points" in self.sections and not self.points:
            raise ValueError("section 'points' needs 'points'")
        if sum(p.moment is not None for p in self.phases) > 1:
            raise ValueError("only one phase can fall on the brief's moment ('moment')")
        clash = sorted(set(self.mechanics_fit) & set(self.mechanics_excluded))
        if clash:
            raise ValueError(f"mechanics both fit and excluded: {', '.join(clash)}")
        for name, texts in (
            ("by_band", [x for lines in self.by_band.values() for x in lines]),
            ("lead", self.lead),
            ("kpis", self.kpis),
            ("points", self.points),
            ("risks", self.risks),
            ("questions", self.questions),
            ("headings", list(self.headings.values())),
            ("channel_use", list(self.channel_use.values())),
        ):
            _check_placeholders(name, texts)
        for phase in self.phases:
            _check_placeholders(f"phases[{phase.name}]", [phase.name, *phase.actions])
        tagged = [
            *self.lead,
            *self.kpis,
            *self.points,
            *self.risks,
            *self.questions,
            *self.channel_use.values(),
            *(a for p in self.phases for a in p.actions),
        ]
        for text in tagged:
            for name in case_tags(text)[0]:
                if (
                    name.lstrip("!") not in self.cases
                    and name.lstrip("!") not in vocab.BUILTIN_CASES
                ):
                    raise ValueError(
                        f"unknown case [{name}] in {text[:60]!r}; declare it under 'cases'"
                    )
        for name, stems in self.cases.items():
            if not _ID_RE.match(name) or not [s for s in stems if s.strip()]:
                raise ValueError(f"case {name!r}: a kebab-case name and at least one stem")
        for name in [*self.case_avoid_tags, *self.case_mechanics_excluded]:
            if name not in self.cases:
                raise ValueError(f"unknown case {name!r}; declare it under 'cases'")
        for name in [*self.case_channels_excluded, *self.case_channels_fit]:
            if name not in self.cases and name not in vocab.BUILTIN_CASES:
                raise ValueError(f"unknown case {name!r}; declare it under 'cases'")
        for name in self.case_sections_excluded:
            if name not in self.cases and name not in vocab.BUILTIN_CASES:
                raise ValueError(f"unknown case {name!r}; declare it under 'cases'")
        return self


class Circle(_Strict):
    """Who the few real experts are for briefs that match: a sector, an audience, an objective.

    Empty filters match anything; an entry with no filter is the fallback."""

    sectors: list[Sector] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    # Accent-free words of the question that name its subject (olive oil, offshore wind): the
    # experts of that subject, more precise than the sector's or the audience's.
    triggers: list[str] = Field(default_factory=list)
    # Objectives it does not serve: the experts of a product are not who candidates listen to.
    not_objectives: list[Objective] = Field(default_factory=list)
    # The target markets it holds in, when it names one market's bodies (ANSSI, Forum InCyber):
    # a brief for another market takes a wider circle.
    markets: list[MarketCode] = Field(default_factory=list)
    experts: Bilingual
    # For a business buyer: who signs, uses and can block a purchase in this sector (a farm's
    # owner, co-op adviser and dealer; a hospital's pharmacy, biomedical engineers and buyers),
    # and the roles to meet one at a time. A B2B plan names them instead of an IT committee.
    committee: Bilingual | None = None
    roles: Bilingual | None = None

    def key(self) -> tuple[tuple[str, ...], ...]:
        return (
            tuple(sorted(self.sectors)),
            tuple(sorted(self.audiences)),
            tuple(sorted(self.objectives)),
            tuple(sorted(self.triggers)),
            tuple(sorted(self.markets)),
        )


class CircleBook(Doc):
    """The circles of influence: by sector, refined by the audience and the objective."""

    kind: Literal["circle"]
    circles: list[Circle] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> CircleBook:
        keys = [c.key() for c in self.circles]
        dupes = sorted({str(k) for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"circles repeated (same sectors, audiences, objectives): {dupes}")
        unfiltered = [c for c in self.circles if not (c.sectors or c.audiences or c.objectives)]
        if sum(not c.triggers for c in unfiltered) != 1:
            raise ValueError("exactly one circle has no filter: the fallback for any brief")
        return self


class OnTheme(_Strict):
    """How a pattern reads when the brief names what people should talk about (its theme, "la
    santé mentale des agriculteurs"): the idea sentence and the truth built on {theme}."""

    spread: Bilingual  # the idea in one sentence, built on {theme}
    truth: Bilingual  # the human truth about the theme it starts from (said as a hypothesis)
    first_step: Bilingual | None = None  # a first step about the theme, when it differs

    @model_validator(mode="after")
    def _theme(self) -> OnTheme:
        for name, text in (("spread", self.spread), ("truth", self.truth)):
            for language in ("en", "fr"):
                if "{theme}" not in text.get(language):
                    raise ValueError(f"on_theme.{name}.{language} must use {{theme}}")
        texts = [("spread", self.spread), ("truth", self.truth)]
        if self.first_step is not None:
            texts.append(("first_step", self.first_step))
        for name, text in texts:
            _check_placeholders(f"on_theme.{name}", [text.en, text.fr])
        return self


class OnProduct(_Strict):
    """How a pattern reads when the brief's product belongs to a known category (sun care,
    coffee, cargo bikes): the card built on the category's gesture, friction, convention, proof
    or partners instead of a fill-in."""

    spread: Bilingual
    first_step: Bilingual | None = None
    headline: Bilingual | None = None

    @model_validator(mode="after")
    def _product(self) -> OnProduct:
        texts = [("spread", self.spread)]
        texts += [("first_step", self.first_step)] if self.first_step is not None else []
        texts += [("headline", self.headline)] if self.headline is not None else []
        for name, text in texts:
            _check_placeholders(f"on_product.{name}", [text.en, text.fr])
            if sorted(set(placeholders(text.en))) != sorted(set(placeholders(text.fr))):
                raise ValueError(f"on_product.{name} uses different placeholders in en and fr")
        for language in ("en", "fr"):
            if not set(placeholders(self.spread.get(language))) & set(vocab.CATEGORY_PLACEHOLDERS):
                raise ValueError(
                    f"on_product.spread.{language} names none of the category's material; "
                    f"use one of: {', '.join('{' + n + '}' for n in vocab.CATEGORY_PLACEHOLDERS)}"
                )
        if self.headline is not None:
            for language in ("en", "fr"):
                if "{subject}" not in self.headline.get(language):
                    raise ValueError(f"on_product.headline.{language} must name {{subject}}")
        return self


class ProductCategory(_Strict):
    """A product category an idea can be about: the words that reveal it in a brief, the usage
    truths an insight starts from, and the concrete material of its ideas (the product's own
    gesture, the friction people meet with it, the category's convention, a proof that shows it
    works, the partners who make sense for it). Observed, no figures."""

    id: str
    name: Bilingual  # "sun care", "les protections solaires"
    # The sector a brief about it is in when it names no other ("un kéfir" is food and drink)
    sector: Sector | None = None
    # A sector's fallback: used for a brief of that sector that no category's words match (a
    # sleep-tracking ring is tech), never found by its words alone over a more specific one
    fallback: bool = False
    words: list[str] = Field(min_length=1)  # words of a brief that reveal it, both languages
    truths: list[Bilingual] = Field(min_length=2)
    gesture: Bilingual  # the product's own moment of use, as a noun phrase
    friction: Bilingual  # the problem people meet with the category, as a noun phrase
    convention: Bilingual  # what every brand of the category shows or says
    proof: Bilingual  # a public test that shows the product works
    partners: Bilingual  # who makes sense to create with, for this category
    # who a plan for it reaches first when the brief names no one: its first buyers or users
    # by what they already do (for a cause, the people it needs first), as a noun phrase
    core: Bilingual | None = None

    @model_validator(mode="after")
    def _fallback_has_sector(self) -> ProductCategory:
        if self.fallback and self.sector is None:
            raise ValueError(f"category {self.id!r}: a fallback category needs its sector")
        return self

    @field_validator("partners")
    @classmethod
    def _partners_without_article(cls, value: Bilingual) -> Bilingual:
        # "List ten {partners}", "× {partners}": an English article would read "ten the …"
        if re.match(r"(?i)(?:the|a|an)\s", value.en):
            raise ValueError("partners.en starts without an article ('bistro chefs', not 'the …')")
        return value

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("category ids are lowercase kebab-case, e.g. 'sun-care'")
        return value


class IdeaPattern(_Strict):
    """A creative pattern a senior strategist reaches for ("the product becomes the ritual of the
    moment"): the mechanic it runs on, the templates of its card, what it suits and avoids."""

    id: str
    mechanic: MechanicId
    name: Bilingual  # the pattern, in a few words
    headline: Bilingual  # the card's title; must name {subject}
    spread: Bilingual  # how it spreads
    first_step: Bilingual  # what happens first, and who does it
    # The human truth it starts from when the brief's moment has none (said as a hypothesis).
    truth: Bilingual
    objectives: list[Objective] = Field(min_length=1)
    budget_bands: list[BudgetBand] = Field(min_length=1)
    situations: list[str] = Field(default_factory=list)  # briefs it suits: launch, cause...
    avoid_sectors: list[Sector] = Field(default_factory=list)
    avoid_audiences: list[Audience] = Field(default_factory=list)
    avoid: Bilingual  # what an idea of this pattern must never do
    strength: float = Field(default=0.5, ge=0.0, le=1.0)  # how often it wins a pitch (judgement)
    # Playful patterns (stunts, limited editions, contests, humour) never serve a sensitive theme;
    # serious ones (testimony, experts, a useful service or tool) are preferred there.
    tone: Literal["playful", "neutral", "serious"] = "neutral"
    # The occasion a pattern is written for (a birthday): used only when the brief has it, and
    # then before the product's own ideas ({years} is the anniversary's number when said).
    occasions: list[Literal["anniversary"]] = Field(default_factory=list)
    # The pattern needs a moment people live at home or among their own (a holiday, a season),
    # not a fair or a festival they visit: it is left out when the brief's moment is one.
    home_moment: bool = False
    # The card when the brief names its theme; a pattern without it is left out of such briefs.
    on_theme: OnTheme | None = None
    # The card when the brief's product is of a known category (its gesture, friction...).
    on_product: OnProduct | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("pattern ids are lowercase kebab-case, e.g. 'ritual-of-the-moment'")
        return value

    @model_validator(mode="after")
    def _templates(self) -> IdeaPattern:
        for language in ("en", "fr"):
            if "{subject}" not in self.headline.get(language):
                raise ValueError(
                    f"pattern {self.id!r}: headline.{language} must name {{subject}} "
                    "(an idea's title names what the brief is about)"
                )
        for name, text in (
            ("headline", self.headline),
            ("spread", self.spread),
            ("first_step", self.first_step),
            ("truth", self.truth),
        ):
            _check_placeholders(name, [text.en, text.fr])
            if sorted(set(placeholders(text.en))) != sorted(set(placeholders(text.fr))):
                raise ValueError(
                    f"pattern {self.id!r}: {name} uses different placeholders in en and fr"
                )
        return self

    def needs(self) -> set[str]:
        """The placeholders its texts use: a pattern on {moment} needs the brief's moment."""
        texts: tuple[Bilingual, ...] = (self.headline, self.spread, self.first_step, self.truth)
        if self.on_theme is not None:
            texts += (self.on_theme.spread, self.on_theme.truth)
        return {name for t in texts for lang in ("en", "fr") for name in placeholders(t.get(lang))}


class SensitiveTopic(_Strict):
    """A theme that asks for care (mental health, grief, illness, poverty, violence...): the
    words that reveal it, the human truths an idea about it starts from, and its guard-rail."""

    id: str
    name: Bilingual
    words: list[str] = Field(min_length=1)  # words of a brief that reveal it, both languages
    truths: list[Bilingual] = Field(min_length=2)  # observed, no figures; may use {theme}
    guard: Bilingual  # the care every idea on it takes, in one line
    experts: Bilingual | None = None  # who is credible on it (psychologists, social workers)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("sensitive topic ids are lowercase kebab-case, e.g. 'mental-health'")
        return value

    @model_validator(mode="after")
    def _texts(self) -> SensitiveTopic:
        for i, truth in enumerate(self.truths):
            _check_placeholders(f"truths[{i}]", [truth.en, truth.fr])
        _check_placeholders("guard", [self.guard.en, self.guard.fr])
        return self


_SEED_PLACEHOLDERS = ("subject", "market", "moment")


class Seed(_Strict):
    """One authored idea for a product category: a whole card a strategist would pitch, with
    only the brief's subject, market and moment left to fill."""

    title: Bilingual  # the card's title; may name {subject}
    insight: Bilingual  # the human truth it starts from, specific to the category
    mechanic: MechanicId
    spread: Bilingual  # what happens and how it travels, concretely
    first_step: Bilingual  # what the team does on Monday
    # Accent-free stems of the moments it is built for ("paques", "easter", "noel"); empty:
    # any time of year. An idea for Easter is offered first for an Easter brief, never for
    # another named moment.
    moments: list[str] = Field(default_factory=list)
    tone: Literal["playful", "neutral", "serious"] = "neutral"

    @model_validator(mode="after")
    def _texts(self) -> Seed:
        for name, text in (
            ("title", self.title),
            ("insight", self.insight),
            ("spread", self.spread),
            ("first_step", self.first_step),
        ):
            for language in ("en", "fr"):
                for used in placeholders(text.get(language)):
                    if used not in _SEED_PLACEHOLDERS:
                        raise ValueError(
                            f"seed {name}.{language}: unknown placeholder {{{used}}}; use "
                            + ", ".join("{" + p + "}" for p in _SEED_PLACEHOLDERS)
                        )
        return self


class CategorySeeds(_Strict):
    """Authored ideas for one product category (its id in a `categories` list)."""

    category: str
    ideas: list[Seed] = Field(min_length=3)


class CategoryMedia(_Strict):
    """The outlets that cover one product category, per market: the food press for cookware,
    the cycling press for bikes, not the national dailies."""

    category: str
    markets: dict[MarketCode, list[str]] = Field(min_length=1)

    @field_validator("markets")
    @classmethod
    def _outlets(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for code, outlets in value.items():
            if not 2 <= len(outlets) <= 6 or any(len(o.strip()) < 2 for o in outlets):
                raise ValueError(f"media for {code}: two to six outlet names")
        return value


class IdeaBook(Doc):
    """A set of creative patterns, grouped by the kind of idea they make."""

    kind: Literal["idea"]
    patterns: list[IdeaPattern] = Field(default_factory=list)
    # Human truths of an audience (observed tensions, no figures) an idea starts from when the
    # brief's moment gives none.
    truths: dict[Audience, list[Bilingual]] = Field(default_factory=dict)
    # Themes that ask for care: they rule out playful patterns and bring their own truths.
    sensitive: list[SensitiveTopic] = Field(default_factory=list)
    # Product categories: what an idea about a product of the category is made of.
    categories: list[ProductCategory] = Field(default_factory=list)
    # Authored ideas per category, and the outlets that cover each category per market.
    seeds: list[CategorySeeds] = Field(default_factory=list)
    media: list[CategoryMedia] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> IdeaBook:
        if not (
            self.patterns
            or self.truths
            or self.sensitive
            or self.categories
            or self.seeds
            or self.media
        ):
            raise ValueError(
                "an idea document needs 'patterns', 'truths', 'sensitive', 'categories', "
                "'seeds' or 'media'"
            )
        categories = [c.id for c in self.categories]
        if len(set(categories)) != len(categories):
            raise ValueError("category ids repeated in this file")
        topics = [t.id for t in self.sensitive]
        if len(set(topics)) != len(topics):
            raise ValueError("sensitive topic ids repeated in this file")
        ids = [p.id for p in self.patterns]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"pattern ids repeated in this file: {', '.join(dupes)}")
        return self


MODELS: dict[str, type[Doc]] = {
    "principle": Principle,
    "mechanic": Mechanic,
    "channel": Channel,
    "market": Market,
    "calendar": Calendar,
    "campaign": Campaign,
    "glossary": Glossary,
    "lesson": Lesson,
    "playbook": Playbook,
    "rule": RuleBook,
    "circle": CircleBook,
    "idea": IdeaBook,
}

AnyDoc = (
    Principle
    | Mechanic
    | Channel
    | Market
    | Calendar
    | Campaign
    | Glossary
    | Lesson
    | Playbook
    | RuleBook
    | CircleBook
    | IdeaBook
)
