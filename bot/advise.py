"""The one Slack-free seam: `advise(request, deps) -> Advice`.

Parse the brief (merging a form's brief and the thread's previous brief), decide the mode, retrieve
once, build the plan / ideas / learn card from the catalog and the hits, number the sources, render
the offline text, then let the optional language-model writer rewrite the prose. Never raises: a
bad input gets a short helpful answer, an internal error a friendly one.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from bot.brief import parse as brief_parse
from bot.brief.parse import unprofiled_targets
from bot.brief.text import fold
from bot.deps import Deps
from bot.engine import rules as rule_engine
from bot.engine import understand
from bot.engine.answer import (
    CREATOR_FAMILIES,
    Situated,
    admissible,
    anchorable,
    asked_for,
    build_answer,
    cases_of,
    fill,
    mechanics_for,
    promote,
    relevant_moments,
    ruled_out_whole,
)
from bot.engine.category import category_of
from bot.engine.context import Context
from bot.engine.ideas import build_ideas
from bot.engine.learn import build_learn
from bot.engine.plan import build_plan
from bot.engine.profile import primary_market
from bot.engine.situation import Reading, without_amounts
from bot.engine.sources import SourceBook
from bot.engine.targeting import circle_topic, committee_texts, market_of_account, market_of_places
from bot.i18n import join, label, t
from bot.index.store import Hit
from bot.knowledge.vocab import COUNTRY_MARKETS
from bot.llm.deadline import answer_deadline
from bot.llm.grounding import strip_unknown_citations
from bot.models import Advice, Brief, Language, Mode, Passage, Request, Trace
from bot.render import finish, render_ideas, render_learn, render_plan

log = logging.getLogger("levier.advise")

_CREATOR_WORDS = re.compile(
    r"influenc|createur|creatrice|creator|streamer|streameu|youtubeu|youtuber|tiktokeu|"
    r"tiktoker|instagrameu|ambassad|egerie|finfluenc|ugc|blogueu|blogger|podcasteu|podcaster|"
    r"partenariat remunere|paid partnership|sponsored post|contenu sponsorise"
)

MAX_TEXT = 4000  # characters of a message the engine reads
MAX_PASSAGES = 8
WRITER_MODES = ("strategy", "idea", "learn")


def advise(request: Request, deps: Deps, on_delta: Callable[[str], None] | None = None) -> Advice:
    """Advice for `request`; `on_delta` receives streamed text when a writer is configured.

    Every model call of the answer shares one budget (`settings.answer_deadline_s`)."""
    budget = getattr(getattr(deps, "settings", None), "answer_deadline_s", None)
    with answer_deadline(budget if isinstance(budget, int | float) else None):
        return _advise(request, deps, on_delta)


def _advise(request: Request, deps: Deps, on_delta: Callable[[str], None] | None) -> Advice:
    started = time.perf_counter()
    try:
        advice, body = _offline(request, deps)
        # Text copied from documents keeps no `[n]` that matches none of our sources.
        advice, body = strip_unknown_citations(advice, body)
    except Exception as exc:  # never let one question break the caller
        # The type only: a traceback or message could carry the user's text.
        log.error("advise failed: %s", type(exc).__name__)
        lang: Language = request.language or "en"
        advice = Advice(
            language=lang, mode="other", brief=Brief(language=lang), text=t("notice.error", lang)
        )
        body = None
    advice.trace.latency_ms = (time.perf_counter() - started) * 1000
    if deps.writer is not None and body is not None and advice.mode in WRITER_MODES:
        advice = _write(request, deps, advice, body, on_delta)
        advice.trace.latency_ms = (time.perf_counter() - started) * 1000
    return advice


def _write(
    request: Request,
    deps: Deps,
    advice: Advice,
    body: str,
    on_delta: Callable[[str], None] | None,
) -> Advice:
    try:
        written = deps.writer.write(request=request, advice=advice, on_delta=on_delta)
        if not isinstance(written, Advice) or not written.text.strip():
            raise ValueError("the writer returned no text")
        return written
    except Exception as exc:
        log.warning("writer failed, keeping the offline answer: %s", type(exc).__name__)
        notices = [*advice.notices, t("notice.llm_unavailable", advice.language)]
        # trace.fallback tells a consumer that streamed to replace what it showed
        trace = advice.trace.model_copy(update={"fallback": type(exc).__name__})
        offline = advice.model_copy(update={"notices": notices, "trace": trace})
        offline.text = finish(body, offline)
        return offline


# ---- understanding ----------------------------------------------------------------------------


def _previous_brief(request: Request) -> Brief | None:
    for turn in reversed(request.history):
        if turn.brief is not None:
            return turn.brief
    return None


def understand_request(request: Request, text: str, today: Any) -> Brief:
    """The brief of `request`: parsed text, previous brief for follow-ups, form fields on top."""
    previous = _previous_brief(request)
    brief = brief_parse.parse_brief(
        text, fallback_language=request.language, previous=previous, today=today
    )
    follow_up = brief_parse.is_follow_up(text) or len(brief.missing_essentials()) >= 2
    if previous is not None and follow_up:
        intent = brief.intent
        brief = understand.merge(brief, previous)
        if intent in ("strategy", "other") and previous.intent != "other":
            brief.intent = previous.intent  # "and for Germany?" after ideas: more ideas
    if request.brief is not None:
        brief = understand.overlay(brief, request.brief)
        if _is_meaningless(text):  # a form alone: its brief says everything
            brief.language = request.language or request.brief.language
            brief.intent = request.brief.intent
    return brief


def _extract(deps: Deps, text: str, brief: Brief) -> Brief:
    if deps.extractor is None or not text.strip():
        return brief
    try:
        better = deps.extractor.extract(text, brief)
    except Exception as exc:
        log.warning("brief extractor failed, keeping the rule brief: %s", type(exc).__name__)
        return brief
    return better if isinstance(better, Brief) else brief


def _standalone(deps: Deps, request: Request, text: str) -> str:
    """A thread follow-up ("and for Germany?") as a standalone question, for retrieval: the
    model rewrites it when one is configured; otherwise the brief carries the context."""
    rewrite = getattr(deps.extractor, "rewrite_followup", None)
    if not request.history or rewrite is None:
        return text
    try:
        rewritten = rewrite(text, request.history, request.language or "en")
    except Exception as exc:
        log.warning("follow-up rewrite failed: %s", type(exc).__name__)
        return text
    return rewritten if isinstance(rewritten, str) and rewritten.strip() else text


def _clarifying(brief: Brief) -> str | None:
    return brief_parse.clarifying_question(brief) if brief.missing_essentials() else None


# ---- the offline answer ---------------------------------------------------------------------


def _is_meaningless(text: str) -> bool:
    return sum(c.isalpha() for c in text) < 2


def _help(lang: Language, brief: Brief, lead: str, notices: list[str]) -> tuple[Advice, str]:
    body = f"{t(lead, lang)} {t('help.how', lang)}"
    advice = Advice(language=lang, mode="other", brief=brief, text="", notices=notices)
    advice.text = finish(body, advice)
    return advice, body


def _query(text: str, brief: Brief) -> str:
    parts = [text[:1000]]
    if brief.topic and brief.topic not in text:
        parts.append(brief.topic)
    parts += [label("objective", o, "en") for o in brief.objectives[:2]]
    if brief.sector:
        parts.append(label("sector", brief.sector, "en"))
    parts += [label("market", m, "en") for m in brief.markets[:2]]
    if brief.audience:
        parts.append(brief.audience)
    return " ".join(p for p in parts if p)[:2000]


def _embed(deps: Deps, text: str) -> list[float] | None:
    store = getattr(deps.retriever, "store", None)
    embeddings = getattr(store, "embeddings", None)
    if embeddings is None:
        return None
    try:
        vector: list[float] = embeddings.embed_query(text)
    except Exception as exc:  # the embedder failed: read and retrieve without it
        log.warning("embedding failed: %s", type(exc).__name__)
        return None
    return vector


def _retrieve(
    request: Request, deps: Deps, query: str | list[float], brief: Brief
) -> tuple[list[Hit], bool]:
    try:
        hits = deps.retriever.search(query, access=request.access, brief=brief)
    except Exception as exc:  # the index is down: answer from the catalog alone
        log.warning("retrieval failed: %s", type(exc).__name__)
        return [], False
    return hits, True


def _offline(request: Request, deps: Deps) -> tuple[Advice, str]:
    raw = request.text if isinstance(request.text, str) else ""
    notices: list[str] = []
    text = raw.strip()
    today = deps.today()
    fallback: Language = request.language or "en"
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        notices.append("truncated")
    if _is_meaningless(text) and request.brief is None:
        lang = fallback
        brief = Brief(language=lang, intent="other")
        lead = "help.empty" if not text else "help.unclear"
        return _help(lang, brief, lead, [t("notice.truncated", lang, n=MAX_TEXT) for _ in notices])
    brief = understand_request(request, text, today)
    brief = _extract(deps, text, brief)
    if brief.sector is None:  # "un kéfir de fruits": its category's sector (food and drink)
        category = category_of(deps.catalog, fold(text))
        brief.sector = category.sector if category is not None else None
    lang = brief.language
    notices = [t("notice.truncated", lang, n=MAX_TEXT) for _ in notices]
    if deps.recogniser is not None:
        return _situated(request, deps, text, brief, notices, today)
    mode: Mode = request.mode or brief.intent
    brief.intent = mode
    if mode == "other":
        body = f"{t('other.redirect', lang)}\n\n{t('help.how', lang)}"
        advice = Advice(language=lang, mode="other", brief=brief, text="", notices=notices)
        advice.text = finish(body, advice)
        return advice, body

    hits, index_ok = _retrieve(
        request, deps, _query(_standalone(deps, request, text), brief), brief
    )
    if not index_ok:
        notices.append(t("notice.index_unavailable", lang))
    book = SourceBook(deps.catalog, request.access, lang)
    ctx = Context(brief=brief, lang=lang, catalog=deps.catalog, book=book, today=today, hits=hits)
    ctx.market = primary_market(brief)
    advice = Advice(language=lang, mode=mode, brief=brief, text="", notices=notices)

    if mode == "strategy":
        if ctx.market is None:
            ctx.market = market_of_places(deps.catalog.markets(), request.text)
        if ctx.market is None:
            if lang == "fr":
                # a French consultant's question with no market is about France: the heading
                # says so, and a "not stated" note would read as if the answer missed it
                ctx.market = "fr"
            else:
                ctx.assumptions.append(t("plan.assume_global", lang))
        if not brief.objectives:
            ctx.assumptions.append(t("plan.assume_objective", lang))
        if not brief.audience and not brief.audiences and brief.age_range is None:
            ctx.assumptions.append(t("plan.assume_audience", lang))
        # The plan works on the brief completed by the assumptions; the advice keeps what
        # was understood.
        ctx.brief = brief.model_copy(
            update={
                "objectives": brief.objectives or ["awareness"],
                "markets": brief.markets or ([ctx.market] if ctx.market else []),
                # the question's own words break ties between mechanics ("influence", "live")
                "topic": brief.topic or text[:300] or None,
            }
        )
        plan, selected = build_plan(ctx)
        advice.plan = plan
        if selected:
            body = render_plan(advice, market=ctx.market, assumptions=ctx.assumptions)
        else:
            body = t("plan.no_knowledge", lang)
        advice.clarifying_question = _clarifying(brief)
    elif mode == "idea":
        advice.ideas = build_ideas(ctx)
        names = {}
        for idea in advice.ideas:
            doc = deps.catalog.get(idea.pattern) if idea.pattern else None
            if doc is not None and idea.pattern:
                numbers = book.cite(idea.pattern)
                names[idea.pattern] = doc.meta.title + "".join(f" [{n}]" for n in numbers)
        body = render_ideas(advice, names)
    else:
        advice.learn = build_learn(ctx, text)
        body = render_learn(advice.learn, lang)

    advice.passages = _passages(hits, book, new_docs=3 if mode != "strategy" else 0)
    advice.sources = list(book.refs)
    advice.trace = Trace(retrieval_ms=getattr(deps.retriever, "last_ms", 0.0))
    advice.text = finish(body, advice)
    return advice, body


# ---- the answer a playbook calls for ----------------------------------------------------------

FORCED: dict[str, str] = {"idea": "ideas", "learn": "craft", "other": "out-of-scope"}


def _read(
    deps: Deps, request: Request, text: str, brief: Brief, vector: list[float] | None
) -> Reading | None:
    recogniser = deps.recogniser
    if recogniser is None:
        return None
    known = set(deps.catalog.situations())
    if brief.situation in known:  # the language model's extraction, checked against playbooks
        assert brief.situation is not None
        forced = recogniser.override(text)
        name = forced or brief.situation
        return Reading(situation=name, confidence=1.0, ranked=((name, 1.0),), rule=bool(forced))
    try:
        return recogniser.read(text, vector)
    except Exception as exc:  # the embedder failed: the brief's own intent decides
        log.warning("situation reading failed: %s", type(exc).__name__)
        return None


def _base_situation(deps: Deps, request: Request, reading: Reading | None, brief: Brief) -> str:
    known = set(deps.catalog.situations())
    forced = FORCED.get(request.mode or "")
    if forced in known and not (reading and reading.rule):
        assert forced is not None
        return forced
    if reading is not None and reading.situation in known:
        if request.mode == "strategy":
            book = deps.catalog.playbook(reading.situation, brief.language)
            if book is not None and book.mode != "strategy":
                return "launch" if "launch" in known else reading.situation
        return reading.situation
    fallback = FORCED.get(brief.intent, "launch")
    return fallback if fallback in known else sorted(known)[0]


def _situated(
    request: Request, deps: Deps, text: str, brief: Brief, notices: list[str], today: Any
) -> tuple[Advice, str]:
    lang = brief.language
    # One embedding per question: it reads the situation and finds the passages.
    query = _standalone(deps, request, text)[:2000]
    vector = _embed(deps, without_amounts(query))
    reading = _read(deps, request, text if query == text[:2000] else query, brief, vector)
    situation = _base_situation(deps, request, reading, brief)
    targets = [m for m in brief.markets if m in COUNTRY_MARKETS] or list(brief.markets)
    unprofiled = unprofiled_targets(text, brief.origin)  # named, but no profile to plan them
    going_abroad = bool(brief.origin) and bool(unprofiled)
    if not targets and not going_abroad:  # "un chantier à Saint-Nazaire": its places' market
        place = market_of_places(deps.catalog.markets(), text)
        targets = [place] if place else []
    account = market_of_account(deps.catalog.markets(), text)
    if account and account not in targets and len(targets) <= 1:
        # "a UK firm wants to win Vinci": the plan is for the account's market (a sale to one
        # account, not a brand's arrival there)
        targets = [account]
    book_ = SourceBook(deps.catalog, request.access, lang)
    ctx = Context(brief=brief, lang=lang, catalog=deps.catalog, book=book_, today=today)
    ctx.text = text
    # a French brief with no market is planned for France (said below): its rules count already
    assumed = targets or (["fr"] if lang == "fr" and not going_abroad else [])
    rules = rule_engine.applicable(deps.catalog, assumed, brief, text)
    ranked = [name for name, _ in reading.ranked] if reading else []
    chosen = reading is None or reading.rule or request.mode in FORCED
    sure = None if chosen or reading is None else dict(reading.ranked)
    situation = admissible(ctx, situation, [*ranked, "launch"], assumed, rules, sure)
    if not chosen:
        situation = asked_for(ctx, situation)
    situation = ruled_out_whole(ctx, situation, rules)
    situation, promoted_from = promote(ctx, situation, assumed, rules)
    book = deps.catalog.playbook(situation, lang)
    assert book is not None
    mode: Mode = book.mode
    brief.intent = mode
    if mode == "other":
        s = Situated(situation=situation, playbook=book, reading=reading, markets=targets)
        built = build_answer(ctx, s)
        advice = Advice(language=lang, mode="other", brief=brief, text="", notices=notices)
        advice.situation = s.info()
        advice.text = finish(built.body, advice)
        return advice, built.body

    hits, index_ok = _retrieve(request, deps, vector or _query(query, brief), brief)
    if not index_ok:
        notices.append(t("notice.index_unavailable", lang))
    ctx.hits = hits
    if not targets and mode in ("strategy", "idea") and not going_abroad:
        if lang == "fr":
            targets = ["fr"]  # said by the heading, as above
        elif not unprofiled:  # (a market named but not profiled is said below, not "unstated")
            ctx.assumptions.append(t("plan.assume_global", lang))
    ctx.market = targets[0] if targets else None
    missing = [c for c in unprofiled if c not in targets]
    if missing and mode in ("strategy", "idea"):
        names = join([label("market", c, lang) for c in missing], lang)
        # beside profiled markets, it keeps its place in the plan, for a local partner to fill
        key = "plan.unprofiled_multi" if targets and mode == "strategy" else "plan.unprofiled"
        ctx.assumptions.append(t(key, lang, markets=names))
        if key == "plan.unprofiled_multi":
            ctx.unprofiled = missing
    if mode == "strategy":
        ctx.brief = brief.model_copy(
            update={
                "objectives": brief.objectives or [],
                "markets": targets,
                "topic": brief.topic or text[:300] or None,
            }
        )
        if not brief.audience and not brief.audiences and brief.age_range is None:
            ctx.default_audiences = [a for a in book.audiences[:1] if a != "general-public"]
            # the playbook's words, with the sector's buying committee when it has one
            committee = committee_texts(ctx)[0]
            ctx.default_audience = (
                fill(book.audience, {"committee": committee}) if book.audience else None
            )
        if book.theme_from_circle and not ctx.brief.theme:
            ctx.brief = ctx.brief.model_copy(update={"theme": circle_topic(ctx)})
    s = Situated(
        situation=situation,
        playbook=book,
        reading=reading,
        promoted_from=promoted_from,
        markets=targets,
    )
    s.selected = mechanics_for(ctx, book) if mode == "strategy" else []
    creators = book.creators or any(sc[1].family in CREATOR_FAMILIES for sc in s.selected)
    if book.answer_kind == "review":
        # a review judges what the brief plans: the creators' disclosure law only when it
        # plans creators ("carbon neutral" on a pack is not an influencer question)
        creators = _CREATOR_WORDS.search(fold(text)) is not None
    s.rules = [
        a
        for a in rule_engine.applicable(deps.catalog, targets, brief, text, creators=creators)
        if (not book.rules_by or a.by in book.rules_by)
        and a.rule.topic not in book.rule_topics_excluded
    ]
    # the case's own rules first, and only them when it has some (a breach: the breach rules)
    topics = {k for case in cases_of(book, text) for k in book.case_rules.get(case, [])}
    if topics:
        own = [a for a in s.rules if a.rule.topic in topics]
        s.rules = own or rule_engine.of_topics(deps.catalog, targets, topics, brief)
    s.moments = anchorable(
        ctx, s, relevant_moments(ctx, ctx.market, book.moment_types, by_sector=book.sector_moments)
    )
    built = build_answer(ctx, s)
    brief.markets = targets  # the markets the answer is for, assumed ones included
    advice = Advice(language=lang, mode=mode, brief=brief, text="", notices=notices)
    advice.plan, advice.ideas, advice.learn = built.plan, built.ideas, built.learn
    advice.situation = s.info()
    advice.passages = _passages(hits, book_, new_docs=3 if mode != "strategy" else 0)
    advice.sources = list(book_.refs)
    advice.trace = Trace(retrieval_ms=getattr(deps.retriever, "last_ms", 0.0))
    advice.text = finish(built.body, advice)
    return advice, built.body


def _passages(hits: list[Hit], book: SourceBook, new_docs: int) -> list[Passage]:
    """The retrieved chunks, numbered like their sources (cited documents first)."""
    out: list[Passage] = []
    cited_first = sorted(hits, key=lambda h: book.number(h.doc_id) is None)
    for hit in cited_first:
        if len(out) >= MAX_PASSAGES:
            break
        if book.number(hit.doc_id) is None and len(out) >= new_docs:
            continue
        numbers = book.cite(hit.doc_id, str(hit.metadata.get("section") or ""))
        if not numbers:
            continue
        out.append(
            Passage(
                n=numbers[0],
                doc_id=hit.doc_id,
                section=str(hit.metadata.get("section") or ""),
                text=hit.text,
                score=round(hit.score, 4),
            )
        )
    return out
