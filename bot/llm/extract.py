"""Brief extraction with the model, merged into the rule-based brief.

The rule parser's brief comes in; the model sees it and the question, and answers by calling the
`record_brief` tool (function calling, `tool_choice="required"`: both work on OpenAI and on
compatible servers; no `response_format=json_schema`, which llama.cpp's server rejects). A plain
JSON object in the message content is accepted too (servers that answer tools in text).

Every code is checked against `bot.knowledge.vocab`; unknown codes are dropped. Merge policy:

- markets, objectives, audiences, sector, audience, topic, client: the model's valid values
  replace the rule values (it saw them and may correct them); when it gives none, the rule
  values stay;
- budget, timing, age range: the rule values win when present (parsed from the words
  themselves); the model fills them only when the rules found nothing;
- constraints: the union;
- language and intent: always the rule brief's (decided by the request).

On any error (HTTP, timeout, malformed or missing tool call) the rule brief is returned as is.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.knowledge import vocab
from bot.llm.client import ModelPool, estimate_tokens, failure_reason, text_of, usage_of
from bot.llm.deadline import call_within
from bot.llm.grounding import escape_data, quote_block
from bot.llm.prompts import Prompt, default_prompts
from bot.llm.trace import CallRecord, TraceStore
from bot.models import Brief, Budget, Timing, Turn
from bot.settings import Settings

log = logging.getLogger("levier.llm")

TOOL_NAME = "record_brief"
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "JPY", "CNY", "BRL", "AED", "SAR")
SEASONS = ("spring", "summer", "autumn", "winter")


def _codes(values: tuple[str, ...], what: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "enum": list(values)}, "description": what}


def brief_tool(situations: tuple[str, ...] = ()) -> dict[str, Any]:
    """The `record_brief` tool; with `situations`, the model also names the situation."""
    tool = copy.deepcopy(BRIEF_TOOL)
    if situations:
        tool["function"]["parameters"]["properties"]["situation"] = {
            "type": "string",
            "enum": list(situations),
            "description": "What the question is, as a situation id (what the consultant needs "
            "now: a crisis, a launch, a risk review, a lesson...).",
        }
    return tool


BRIEF_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": TOOL_NAME,
        "description": "Record the corrected brief understood from the consultant's question.",
        "parameters": {
            "type": "object",
            "properties": {
                "markets": _codes(
                    vocab.MARKETS,
                    "Market codes the plan TARGETS (where the campaign runs), not the brand's "
                    "home country.",
                ),
                "origin": {
                    "type": "string",
                    "enum": list(vocab.MARKETS),
                    "description": "The brand's home market when it targets another one.",
                },
                "sector": {"type": "string", "enum": list(vocab.SECTORS)},
                "objectives": _codes(vocab.OBJECTIVES, "Communication objectives."),
                "audiences": _codes(vocab.AUDIENCES, "Audience codes."),
                "audience": {"type": "string", "description": "The audience in the user's words."},
                "age_min": {"type": "integer"},
                "age_max": {"type": "integer"},
                "budget_amount": {"type": "number"},
                "budget_currency": {"type": "string", "enum": list(CURRENCIES)},
                "timing_text": {"type": "string", "description": "The timing in the user's words."},
                "start": {"type": "string", "description": "Start date, YYYY-MM-DD."},
                "end": {"type": "string", "description": "End date, YYYY-MM-DD."},
                "seasons": _codes(SEASONS, "Seasons mentioned."),
                "events": {"type": "array", "items": {"type": "string"}},
                "constraints": {"type": "array", "items": {"type": "string"}},
                "topic": {"type": "string", "description": "For learn/idea: the subject."},
                "client": {"type": "string", "description": "The client or brand, if named."},
            },
            "required": [],
        },
    },
}


class _Extracted(BaseModel):
    model_config = ConfigDict(extra="ignore")

    markets: list[str] = []
    sector: str | None = None
    objectives: list[str] = []
    audiences: list[str] = []
    audience: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    budget_amount: float | None = None
    budget_currency: str | None = None
    timing_text: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    seasons: list[str] = []
    events: list[str] = []
    constraints: list[str] = []
    topic: str | None = None
    client: str | None = None
    origin: str | None = None
    situation: str | None = None


class MalformedOutput(ValueError):
    """The model's answer is not a usable brief."""


def _valid(values: list[str], allowed: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(v.strip().lower() for v in values if v.strip().lower() in allowed))


def _short(text: str | None, limit: int = 200) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())[:limit]
    return text or None


def merge_brief(rule: Brief, got: _Extracted, situations: tuple[str, ...] = ()) -> Brief:
    """The rule brief, corrected and completed by the model's (validated) extraction."""
    update: dict[str, Any] = {}
    if got.situation and got.situation.strip().lower() in situations:
        update["situation"] = got.situation.strip().lower()
    if got.origin and got.origin.strip().lower() in vocab.MARKETS:
        update["origin"] = got.origin.strip().lower()
    for name, allowed in (
        ("markets", vocab.MARKETS),
        ("objectives", vocab.OBJECTIVES),
        ("audiences", vocab.AUDIENCES),
    ):
        codes = _valid(getattr(got, name), allowed)
        if codes:
            update[name] = codes
    if got.sector and got.sector.strip().lower() in vocab.SECTORS:
        update["sector"] = got.sector.strip().lower()
    for name in ("audience", "topic", "client"):
        value = _short(getattr(got, name))
        if value:
            update[name] = value
    if rule.budget is None and got.budget_amount is not None and got.budget_amount > 0:
        currency = (got.budget_currency or "EUR").upper()
        update["budget"] = Budget(
            amount=got.budget_amount, currency=currency if currency in CURRENCIES else "EUR"
        )
    if rule.timing is None:
        seasons = _valid(got.seasons, SEASONS)
        events = [e for e in (_short(x, 60) for x in got.events[:6]) if e]
        start, end = got.start, got.end
        if start and end and end < start:
            start, end = None, None
        if got.timing_text or start or end or seasons or events:
            update["timing"] = Timing(
                text=_short(got.timing_text), start=start, end=end, seasons=seasons, events=events
            )
    if (
        rule.age_range is None
        and got.age_min is not None
        and got.age_max is not None
        and 0 < got.age_min <= got.age_max < 120
    ):
        update["age_range"] = (got.age_min, got.age_max)
    extra = [c for c in (_short(x) for x in got.constraints[:8]) if c]
    if extra:
        update["constraints"] = list(dict.fromkeys([*rule.constraints, *extra]))
    return rule.model_copy(update=update)


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


def parse_tool_output(message: BaseMessage) -> _Extracted:
    """The `record_brief` arguments of a model answer; raises `MalformedOutput` otherwise."""
    calls = [c for c in getattr(message, "tool_calls", []) or [] if c.get("name") == TOOL_NAME]
    if calls:
        args: Any = calls[0].get("args")
    elif getattr(message, "invalid_tool_calls", None):
        raise MalformedOutput("invalid tool call arguments")
    else:
        content = _FENCE.sub("", text_of(message.content).strip())
        try:
            args = json.loads(content)
        except ValueError as exc:
            raise MalformedOutput("no tool call and no JSON object") from exc
        if isinstance(args, dict) and isinstance(args.get("arguments"), dict):
            args = args["arguments"]  # {"name": "record_brief", "arguments": {...}} in text
    if not isinstance(args, dict):
        raise MalformedOutput("tool arguments are not an object")
    try:
        return _Extracted.model_validate(args)
    except ValidationError as exc:
        raise MalformedOutput(f"{exc.error_count()} invalid field(s)") from exc


class LLMExtractor:
    """`BriefExtractor` over a chat model (see `bot.engine.writer.BriefExtractor`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        pool: ModelPool | None = None,
        prompts: Mapping[str, Prompt] | None = None,
        trace_store: TraceStore | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        situations: tuple[str, ...] = (),
    ) -> None:
        self.settings = settings
        self.situations = situations
        self.pool = pool or ModelPool(settings)
        self._prompts = prompts
        self.trace_store = trace_store or TraceStore.for_settings(settings)
        self.today = today

    @property
    def prompts(self) -> Mapping[str, Prompt]:
        if self._prompts is None:
            self._prompts = default_prompts()
        return self._prompts

    def extract(self, text: str, rule_brief: Brief) -> Brief:
        prompt = self.prompts["extract"]
        rule_json = rule_brief.model_dump_json(exclude_none=True)
        system = prompt.render(
            today=self.today().isoformat(),
            rule_brief=quote_block("rule_brief", rule_json),
            markets=", ".join(vocab.MARKETS),
            sectors=", ".join(vocab.SECTORS),
            objectives=", ".join(vocab.OBJECTIVES),
            audiences=", ".join(vocab.AUDIENCES),
        )
        messages: list[BaseMessage] = [
            SystemMessage(system),
            HumanMessage(quote_block("question", text)),
        ]
        call = self._call(prompt, rule_brief.language)
        start = time.perf_counter()
        try:
            model = self.pool.get(prompt.temperature, prompt.max_tokens)
            bound = model.bind_tools([brief_tool(self.situations)], tool_choice="required")
            call.attempts = 1
            message = call_within(bound.invoke, messages)  # within the answer's budget
            self._usage(call, message, messages)
            brief = merge_brief(rule_brief, parse_tool_output(message), self.situations)
        except Exception as exc:  # malformed output, HTTP error, timeout: keep the rules' brief
            call.outcome, call.error = "fallback", failure_reason(exc)
            self._finish(call, start)
            return rule_brief
        self._finish(call, start)
        return brief

    def rewrite_followup(self, question: str, history: list[Turn], language: str = "en") -> str:
        """A follow-up rewritten as a standalone question (for retrieval); the question on error.

        `advise()` calls it for messages that have a thread history.
        """
        if not history:
            return question
        prompt = self.prompts["followup"]
        turns = "\n".join(
            f"<turn>\nuser: {escape_data(t.question[:600])}\n</turn>" for t in history[-3:]
        )
        rendered = prompt.render(
            language_name="French" if language == "fr" else "English",
            history=f"<conversation>\n{turns}\n</conversation>",
            question=quote_block("question", question),
        )
        messages: list[BaseMessage] = [HumanMessage(rendered)]
        call = self._call(prompt, language)
        start = time.perf_counter()
        try:
            call.attempts = 1
            model = self.pool.get(prompt.temperature, prompt.max_tokens)
            message = call_within(model.invoke, messages)  # within the answer's budget
            self._usage(call, message, messages)
            rewritten = " ".join(text_of(message.content).split())
            if not rewritten or len(rewritten) > 4 * len(question) + 400:
                raise MalformedOutput("empty or overlong rewrite")
        except Exception as exc:
            call.outcome, call.error = "fallback", failure_reason(exc)
            self._finish(call, start)
            return question
        self._finish(call, start)
        return rewritten

    def _call(self, prompt: Prompt, language: str) -> CallRecord:
        return CallRecord(
            backend=self.pool.backend,
            model=self.pool.model_name,
            prompt_id=prompt.id,
            prompt_version=prompt.version,
            language=language,
        )

    def _usage(self, call: CallRecord, message: BaseMessage, sent: list[BaseMessage]) -> None:
        usage = usage_of(message)
        if usage is None:
            call.usage_estimated = True
            usage = (
                estimate_tokens("".join(text_of(m.content) for m in sent)),
                estimate_tokens(text_of(message.content)),
            )
        call.tokens_in, call.tokens_out = usage

    def _finish(self, call: CallRecord, start: float) -> None:
        call.latency_ms = (time.perf_counter() - start) * 1000
        if call.outcome != "ok":
            log.warning("brief extraction fell back to the rules (%s)", call.error)
        self.trace_store.record(call)
