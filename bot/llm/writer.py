"""The model's voice: rewrite the offline advice as fluent prose, grounded and checked.

The offline engine's advice is the skeleton and the only source of facts. The model receives the
brief, the offline plan (or ideas, or learn card) and the retrieved passages as numbered, quoted
documents, and writes the answer in the question's language. Afterwards:

- citation numbers that match no source are removed (streamed text included) and flagged;
- an answer that cites nothing while sources exist is regenerated once, then replaced by the
  offline answer;
- an answer that reproduces the system prompt is replaced by the offline answer;
- any failure (timeout, HTTP error after retries, empty answer) gives the offline answer with a
  notice. The user never sees an error.

Streaming: `on_delta` receives the answer's body, citations cleaned. Nothing is released before
the first valid citation, so an answer that cites nothing is regenerated (and the second answer
streamed) or replaced without the user having seen it; a stream that starts reproducing the
system prompt stops at once (fewer than 12 of its words out). The final `Advice.text` is
`bot.render.finish(body, advice)`: the streamed body framed like every answer (clarifying
question, notices, sources), which consumers render from the advice's fields after the stream.
If the stream fails midway (HTTP error, leak, a connection cut with no finish reason), or the
answer's deadline (`bot.llm.deadline`, one budget for every model call of an answer) passes, the
advice is the offline one with a notice and `trace.fallback` set: a consumer that streamed
should then replace what it showed with `Advice.text` (the Slack app replaces the streamed
message with the offline card; the terminal prints the offline answer after a separator).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from bot.i18n import t
from bot.llm.client import ModelPool, estimate_tokens, failure_reason, text_of, usage_of
from bot.llm.deadline import DeadlineExceeded, DeltaGate, call_within
from bot.llm.grounding import (
    CitationFilter,
    LeakGuard,
    allowed_numbers,
    documents_block,
    escape_data,
    leaks_prompt,
    quote_block,
)
from bot.llm.prompts import Prompt, default_prompts
from bot.llm.trace import CallRecord, TraceStore
from bot.models import Advice, Brief, Idea, LearnCard, Plan, PlanItem, Request, Turn
from bot.render import finish
from bot.settings import Settings

log = logging.getLogger("levier.llm")

LANGUAGE_NAMES = {"en": "English", "fr": "French"}
PROMPT_FOR_MODE = {"strategy": "strategy", "idea": "ideas", "learn": "learn"}
HISTORY_TURNS = 3

_NOTICES = {
    "invalid_citations": {
        "en": "Removed citation(s) {numbers} that matched no source.",
        "fr": "Citation(s) {numbers} retirée(s) : elles ne correspondaient à aucune source.",
    },
    "unchecked": {
        "en": "The model's answer could not be checked against the sources; here is my offline "
        "answer.",
        "fr": "La réponse du modèle n'a pas pu être vérifiée sur les sources ; voici ma réponse "
        "hors ligne.",
    },
}


class StreamCut(Exception):
    """A streamed answer that ended without a finish reason (connection cut): not final."""


class _Rejected(Exception):
    """The model answered, but the answer cannot be used (reason in `args[0]`)."""


@dataclass
class _Generation:
    raw: str
    text: str  # citations cleaned
    cited: frozenset[int]
    unknown: tuple[int, ...]
    streamed: bool = False


class LLMWriter:
    """`AnswerWriter` over a chat model (see `bot.engine.writer.AnswerWriter`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        pool: ModelPool | None = None,
        prompts: Mapping[str, Prompt] | None = None,
        trace_store: TraceStore | None = None,
    ) -> None:
        self.settings = settings
        self.pool = pool or ModelPool(settings)
        self._prompts = prompts
        self.trace_store = trace_store or TraceStore.for_settings(settings)

    @property
    def prompts(self) -> Mapping[str, Prompt]:
        if self._prompts is None:
            self._prompts = default_prompts()
        return self._prompts

    def write(
        self,
        *,
        request: Request,
        advice: Advice,
        on_delta: Callable[[str], None] | None = None,
    ) -> Advice:
        if not should_write(advice):
            return advice
        task = self.prompts[PROMPT_FOR_MODE[advice.mode]]
        language_name = LANGUAGE_NAMES.get(advice.language, "English")
        system_text = self.prompts["system"].render(language_name=language_name)
        values = task_variables(request, advice, language_name)
        user_text = task.render(**{k: values[k] for k in task.variables if k in values})
        messages: list[BaseMessage] = [SystemMessage(system_text), HumanMessage(user_text)]
        allowed = allowed_numbers(advice)
        call = CallRecord(
            backend=self.pool.backend,
            model=self.pool.model_name,
            prompt_id=task.id,
            prompt_version=task.version,
            mode=advice.mode,
            language=advice.language,
            streamed=on_delta is not None,
        )
        model = self.pool.get(task.temperature, task.max_tokens)
        start = time.perf_counter()
        gate = DeltaGate(on_delta) if on_delta is not None else None

        def attempt() -> _Generation:
            gen = self._generate(model, messages, gate, allowed, call, system_text)
            if leaks_prompt(gen.raw, system_text):
                raise _Rejected("prompt-leak")
            if allowed and not gen.cited:
                log.info("llm answer cited no source; regenerating once")
                retry = [
                    *messages,
                    AIMessage(gen.raw),
                    HumanMessage(
                        self.prompts["recite"].render(
                            language_name=language_name, citations=_numbers_text(allowed)
                        )
                    ),
                ]
                # Nothing of the first answer was streamed (no citation, no release): the
                # second one may stream.
                gen = self._generate(model, retry, gate, allowed, call, system_text)
                if leaks_prompt(gen.raw, system_text):
                    raise _Rejected("prompt-leak")
                if not gen.cited:
                    raise _Rejected("no-citation")
            if not gen.text.strip():
                raise _Rejected("empty")
            return gen

        try:
            # One budget for the whole answer (extraction, writing, retries): past it, the
            # offline answer, and nothing more reaches the stream.
            gen = call_within(attempt)
        except _Rejected as rejected:
            return self._fallback(advice, call, start, str(rejected.args[0]), "unchecked")
        except (DeadlineExceeded, StreamCut) as exc:
            if gate is not None:
                gate.close()
            reason = "deadline" if isinstance(exc, DeadlineExceeded) else "stream-cut"
            return self._fallback(advice, call, start, reason, "unavailable")
        except Exception as exc:  # timeouts, HTTP errors after retries, bad payloads: all fall back
            if gate is not None:
                gate.close()
            return self._fallback(advice, call, start, failure_reason(exc), "unavailable")
        call.latency_ms = (time.perf_counter() - start) * 1000
        call.invalid_citations = len(gen.unknown)
        self._record(call)
        notices = list(advice.notices)
        if gen.unknown:
            numbers = ", ".join(f"[{n}]" for n in gen.unknown)
            notices.append(_NOTICES["invalid_citations"][advice.language].format(numbers=numbers))
        engine = f"llm:{call.model}"
        trace = advice.trace.model_copy(update=self._trace_fields(call, engine))
        trace.invalid_citations = list(gen.unknown)
        written = advice.model_copy(update={"engine": engine, "trace": trace, "notices": notices})
        # Framed like the offline answer (body, clarifying question, notices, sources). The
        # stream carried the body only: consumers render that frame from the advice's fields.
        body = gen.text if gen.streamed else gen.text.strip()
        written.text = finish(body, written)
        return written

    # ---- internals -----------------------------------------------------------------------------

    def _generate(
        self,
        model: BaseChatModel,
        messages: list[BaseMessage],
        on_delta: Callable[[str], None] | None,
        allowed: set[int],
        call: CallRecord,
        secret: str = "",
    ) -> _Generation:
        call.attempts += 1
        filt = CitationFilter(allowed=set(allowed))
        if on_delta is None:
            message = model.invoke(messages)
            raw = text_of(message.content)
            text = filt.feed(raw) + filt.flush()
            usage = usage_of(message)
        else:
            # Nothing reaches the consumer before the first valid citation: an answer that cites
            # nothing is regenerated (or replaced) without the user having seen it. After that,
            # the stream is live, and stops at once if it starts reproducing the system prompt.
            sink = _SafeSink(on_delta)
            guard = LeakGuard(secret) if secret else None
            held: list[str] = []
            live = not allowed
            pieces: list[str] = []
            out: list[str] = []
            usage = None
            finished = False
            for chunk in model.stream(messages):
                if (chunk.response_metadata or {}).get("finish_reason"):
                    finished = True
                piece = text_of(chunk.content)
                chunk_usage = usage_of(chunk)
                if chunk_usage is not None:
                    usage = chunk_usage
                if not piece:
                    continue
                pieces.append(piece)
                if guard is not None and guard.feed(piece):
                    raise _Rejected("prompt-leak")
                cleaned = filt.feed(piece)
                if not cleaned:
                    continue
                out.append(cleaned)
                if live:
                    sink(cleaned)
                else:
                    held.append(cleaned)
                    if filt.cited:
                        live = True
                        sink("".join(held))
            if not finished:
                # The connection ended without a finish: the text is cut, not an answer.
                raise StreamCut("the stream ended without a finish reason")
            rest = filt.flush()
            if rest:
                out.append(rest)
                if live:
                    sink(rest)
            raw, text = "".join(pieces), "".join(out)
        if usage is None:
            call.usage_estimated = True
            prompt_chars = "".join(text_of(m.content) for m in messages)
            usage = (estimate_tokens(prompt_chars), estimate_tokens(raw))
        call.tokens_in += usage[0]
        call.tokens_out += usage[1]
        return _Generation(
            raw, text, frozenset(filt.cited), tuple(filt.unknown), streamed=on_delta is not None
        )

    def _fallback(
        self, advice: Advice, call: CallRecord, start: float, reason: str, kind: str
    ) -> Advice:
        call.latency_ms = (time.perf_counter() - start) * 1000
        call.outcome = "fallback"
        call.error = reason
        self._record(call)
        log.warning("llm answer not used (%s); keeping the offline answer", reason)
        if kind == "unavailable":
            notice = t("notice.llm_unavailable", advice.language)
        else:
            notice = _NOTICES["unchecked"][advice.language]
        trace = advice.trace.model_copy(update=self._trace_fields(call, advice.trace.engine))
        trace.fallback = reason
        offline = advice.model_copy(update={"trace": trace, "notices": [*advice.notices, notice]})
        body = offline_body(advice)
        offline.text = finish(body, offline) if body is not None else f"{advice.text}\n\n_{notice}_"
        return offline

    def _trace_fields(self, call: CallRecord, engine: str) -> dict[str, object]:
        cost, _known = call.cost
        return {
            "engine": engine,
            "prompt_id": call.prompt_id,
            "prompt_version": call.prompt_version,
            "model": call.model,
            "tokens_in": call.tokens_in,
            "tokens_out": call.tokens_out,
            "latency_ms": round(call.latency_ms, 1),
            "cost_usd": cost,
        }

    def _record(self, call: CallRecord) -> None:
        log.info(
            "llm call model=%s prompt=%s@%s attempts=%d tokens=%d/%d latency=%.0fms outcome=%s",
            call.model,
            call.prompt_id,
            call.prompt_version,
            call.attempts,
            call.tokens_in,
            call.tokens_out,
            call.latency_ms,
            call.outcome,
        )
        self.trace_store.record(call)


class _SafeSink:
    """Calls `on_delta`; if the consumer fails (e.g. Slack), stops streaming, keeps generating."""

    def __init__(self, on_delta: Callable[[str], None]) -> None:
        self._on_delta = on_delta
        self.broken = False

    def __call__(self, piece: str) -> None:
        if self.broken:
            return
        try:
            self._on_delta(piece)
        except Exception as exc:
            self.broken = True
            log.warning("streaming consumer failed (%s); continuing without it", type(exc).__name__)


# ---- what the model receives -------------------------------------------------------------------


def offline_body(advice: Advice) -> str | None:
    """The offline text without its frame (clarifying question, notices, sources), if it has one.

    `bot.render.finish(body, advice)` framed it; None when the text is not laid out that way.
    """
    tail = finish("", advice)
    if not tail:
        return advice.text
    if advice.text == tail:
        return ""
    if advice.text.endswith("\n\n" + tail):
        return advice.text[: -len(tail) - 2]
    return None


def should_write(advice: Advice) -> bool:
    """Only answers with an offline skeleton get the model's voice (not 'other', not clarifying)."""
    if advice.mode not in PROMPT_FOR_MODE:
        return False
    has_plan = advice.plan is not None and any(
        getattr(advice.plan, name) for name in Plan.model_fields
    )
    return bool(has_plan or advice.ideas or advice.learn or advice.passages)


def task_variables(request: Request, advice: Advice, language_name: str) -> dict[str, str]:
    return {
        "language_name": language_name,
        "question": quote_block("question", request.text),
        "history": history_block(request.history),
        "brief": brief_text(advice.brief),
        "skeleton": skeleton_text(advice),
        "documents": documents_block(advice.sources, advice.passages),
        "citations": _numbers_text(allowed_numbers(advice)),
        "clarifying_question": advice.clarifying_question or "(none)",
        "situation": situation_block(advice),
    }


def situation_block(advice: Advice) -> str:
    """The situation the offline answer was built for, from its playbook (quoted data)."""
    info = advice.situation
    if info is None:
        return quote_block("situation", "(not recognised)")
    lines = [
        f"situation: {info.id} ({info.title})",
        f"what is asked: {info.answer_kind}",
        f"clock: {info.clock or 'none (no phases)'}",
        "never propose: " + (", ".join(info.forbidden) or "(nothing specific)"),
    ]
    return quote_block("situation", "\n".join(lines))


def _numbers_text(numbers: set[int]) -> str:
    return ", ".join(f"[{n}]" for n in sorted(numbers)) if numbers else "(none)"


def history_block(history: list[Turn]) -> str:
    turns = history[-HISTORY_TURNS:]
    if not turns:
        return "<conversation>\n(none)\n</conversation>"
    lines = []
    for turn in turns:
        lines.append(f"<turn>\nuser: {escape_data(turn.question.strip()[:600])}")
        if turn.answer:
            lines.append(f"levier: {escape_data(turn.answer.strip()[:600])}")
        lines.append("</turn>")
    return "<conversation>\n" + "\n".join(lines) + "\n</conversation>"


def brief_text(brief: Brief) -> str:
    data = brief.model_dump(mode="json", exclude_none=True)
    data = {k: v for k, v in data.items() if v not in ([], {}, "")}
    return quote_block("brief", json.dumps(data, ensure_ascii=False, indent=1))


def _cite(numbers: list[int]) -> str:
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


def _plan_item(item: PlanItem) -> str:
    parts = [item.title]
    if item.detail:
        parts.append(f"— {item.detail}")
    extras = []
    if item.role:
        extras.append(f"role: {item.role}")
    if item.start or item.end:
        extras.append(f"dates: {item.start or '?'} → {item.end or '?'}")
    if item.score is not None:
        extras.append(f"fit: {item.score:.2f}")
    if item.ref:
        extras.append(f"ref: {item.ref}")
    if extras:
        parts.append(f"({'; '.join(extras)})")
    return "- " + " ".join(parts) + _cite(item.sources)


def _idea(idea: Idea) -> str:
    return (
        f"- {idea.name}{_cite(idea.sources)}\n  insight: {idea.insight}\n"
        f"  mechanic: {idea.mechanic}\n  how it spreads: {idea.spread}\n"
        f"  first step: {idea.first_step}"
        + (f"\n  borrows from: {idea.pattern}" if idea.pattern else "")
    )


def _learn(card: LearnCard) -> str:
    lines = [f"concept: {card.concept}{_cite(card.sources)}", f"explanation: {card.explanation}"]
    if card.applied:
        lines.append(f"applied to the asker's case: {card.applied}")
    if card.example:
        lines.append(f"example: {card.example}")
    if card.glossary:
        lines.append(f"glossary: {card.glossary}")
    lines.append(f"check question: {card.check_question}")
    return "\n".join(lines)


def skeleton_text(advice: Advice) -> str:
    """The offline engine's structured answer, as the model's outline (escaped, quoted)."""
    sections: list[str] = []
    if advice.situation is not None:  # the playbook's answer, already in its order
        body = offline_body(advice) or advice.text
        return quote_block("offline_plan", body[:6000])
    if advice.plan is not None:
        for name in Plan.model_fields:
            items: list[PlanItem] = getattr(advice.plan, name)
            if items:
                sections.append(f"## {name}\n" + "\n".join(_plan_item(i) for i in items))
    if advice.ideas:
        sections.append("## ideas\n" + "\n".join(_idea(i) for i in advice.ideas))
    if advice.learn is not None:
        sections.append("## learn card\n" + _learn(advice.learn))
    if not sections:
        sections.append("## offline answer\n" + (offline_body(advice) or advice.text)[:4000])
    return quote_block("offline_plan", "\n\n".join(sections))
