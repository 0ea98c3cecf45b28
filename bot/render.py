"""Markdown rendering of an `Advice`, in the question's language, with inline `[n]` citations.

The offline engine composes from structured fields and its own phrase templates (`bot.i18n`):
titles are quoted, passages in another language are never pasted into the answer.
"""

from __future__ import annotations

import re

from bot.engine.sources import marks
from bot.i18n import fmt_date, join, label, t
from bot.models import Advice, Brief, Idea, LearnCard, Plan, PlanItem, SourceRef


def _score(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def _line(text: str, numbers: list[int]) -> str:
    cited = marks(numbers)
    return f"- {text} {cited}".rstrip()


def brief_headline(brief: Brief, lang: str, market: str | None = None) -> str:
    parts: list[str] = []
    if brief.objectives:
        parts.append(label("objective", brief.objectives[0], lang))
    markets = brief.markets or ([market] if market else [])
    if markets:
        names = [label("market", m, lang).removeprefix("the ") for m in markets]
        parts.append(join(names, lang))
    if brief.sector:
        parts.append(label("sector", brief.sector, lang))
    if brief.client:
        parts.append(brief.client)
    if brief.budget is not None:
        amount = brief.budget.amount
        if amount >= 1_000_000:
            parts.append(f"{amount / 1_000_000:g} M{_currency(brief.budget.currency)}")
        elif amount >= 1000:
            parts.append(f"{amount / 1000:g} k{_currency(brief.budget.currency)}")
        else:
            parts.append(f"{amount:g} {_currency(brief.budget.currency)}")
    if not parts and brief.topic:
        parts.append(brief.topic)
    return " · ".join(parts) or ("votre brief" if lang == "fr" else "your brief")


def _currency(code: str) -> str:
    return {"EUR": "€", "USD": "$", "GBP": "£"}.get(code, f" {code}")


def plan_items(plan: Plan, lang: str) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []

    def generic(item: PlanItem) -> str:
        text = item.title + (f" — {item.detail}" if item.detail else "")
        return _line(text, item.sources)

    sections.append((t("h.targeting", lang), [generic(i) for i in plan.targeting]))
    channels = []
    for item in plan.channels:
        role = label("role", item.role, lang) if item.role else ""
        text = t("ch.line", lang, channel=item.title, role=role, why=item.detail)
        channels.append(_line(text.rstrip(" :"), item.sources))
    sections.append((t("h.channels", lang), channels))
    timing = []
    for item in plan.timing:
        if item.start and item.end:
            text = t(
                "tm.line",
                lang,
                phase=item.title,
                start=fmt_date(item.start, lang),
                end=fmt_date(item.end, lang),
                what=item.detail,
            )
        else:
            text = item.title + (f" — {item.detail}" if item.detail else "")
        timing.append(_line(text, item.sources))
    sections.append((t("h.timing", lang), timing))
    mechanics = []
    for item in plan.mechanics:
        if item.score is None:
            mechanics.append(_line(item.title, item.sources))
            continue
        own = [n for n in item.sources if f"[{n}]" not in item.detail]
        text = t(
            "mx.line",
            lang,
            mechanic=item.title,
            cite=marks(own),
            score=_score(item.score, lang),
            reasons=item.detail,
        )
        mechanics.append("- " + text.replace("  ", " "))
    sections.append((t("h.mechanics", lang), mechanics))
    sections.append((t("h.kpis", lang), [generic(i) for i in plan.kpis]))
    sections.append((t("h.risks", lang), [generic(i) for i in plan.risks]))
    return [(h, lines) for h, lines in sections if lines]


def plan_summary(plan: Plan, lang: str) -> str | None:
    mechanics = [i.title for i in plan.mechanics if i.score is not None][:2]
    channels = [i.title for i in plan.channels][:3]
    dated = [i for i in plan.timing if i.start and i.end]
    if not mechanics or not dated:
        return None
    start = min(i.start for i in dated if i.start)
    end = max(i.end for i in dated if i.end)
    return t(
        "plan.summary",
        lang,
        mechanics=" + ".join(mechanics),
        channels=join(channels, lang),
        start=fmt_date(start, lang),
        end=fmt_date(end, lang),
    )


def render_sources(sources: list[SourceRef], lang: str) -> str:
    if not sources:
        return ""
    lines = [f"**{t('h.sources', lang)}**"]
    lines += [f"[{s.n}] {s.title} ({label('kind', s.kind, lang)})" for s in sources]
    return "\n".join(lines)


def render_plan(
    advice: Advice, market: str | None = None, assumptions: list[str] | None = None
) -> str:
    lang = advice.language
    plan = advice.plan or Plan()
    out = [f"**{t('plan.title', lang, what=brief_headline(advice.brief, lang, market))}**"]
    summary = plan_summary(plan, lang)
    if summary:
        out.append(summary)
    if assumptions:
        out.append(
            f"_{t('h.assumptions', lang)} : {'; '.join(assumptions)}._"
            if lang == "fr"
            else f"_{t('h.assumptions', lang)}: {'; '.join(assumptions)}._"
        )
    for heading, lines in plan_items(plan, lang):
        out.append(f"**{heading}**\n" + "\n".join(lines))
    return "\n\n".join(out)


def render_idea(idea: Idea, lang: str, index: int, guard: bool = True) -> str:
    rows = [
        f"**{index}. {idea.name}** {marks(idea.sources)}".rstrip(),
        f"- {t('idea.insight', lang)} : {idea.insight}"
        if lang == "fr"
        else f"- {t('idea.insight', lang)}: {idea.insight}",
    ]
    sep = " : " if lang == "fr" else ": "
    rows.append(f"- {t('idea.mechanic', lang)}{sep}{label('mechanic', idea.mechanic, lang)}")
    rows.append(f"- {t('idea.spread', lang)}{sep}{idea.spread}")
    rows.append(f"- {t('idea.first_step', lang)}{sep}{idea.first_step}")
    if idea.guard and guard:
        rows.append(f"- {t('idea.guard', lang)}{sep}{idea.guard}")
    return "\n".join(rows)


def shared_guard(ideas: list[Idea]) -> str | None:
    """The guard-rail every card carries, said once for all of them rather than on each."""
    guards = {idea.guard for idea in ideas}
    if len(ideas) > 1 and len(guards) == 1:
        return next(iter(guards))
    return None


def render_ideas(advice: Advice, pattern_names: dict[str, str]) -> str:
    lang = advice.language
    out = [f"**{t('idea.title', lang, what=brief_headline(advice.brief, lang))}**"]
    if not advice.ideas:
        out.append(t("idea.none", lang))
    common = shared_guard(advice.ideas)
    for i, idea in enumerate(advice.ideas, start=1):
        block = render_idea(idea, lang, i, guard=common is None)
        if idea.pattern and idea.pattern in pattern_names:
            sep = " : " if lang == "fr" else ": "
            block += f"\n- {t('idea.pattern', lang)}{sep}{pattern_names[idea.pattern]}"
        out.append(block)
    if common:
        out.append(f"**{t('idea.guard_all', lang)}** {common}")
    return "\n\n".join(out)


def render_learn(card: LearnCard, lang: str) -> str:
    sep = " : " if lang == "fr" else ": "
    out = [
        f"**{t('learn.title', lang, concept=card.concept)}**",
        (
            card.explanation
            if re.search(r"\[\d+\]", card.explanation)
            else f"{card.explanation} {marks(card.sources[:1])}".rstrip()
        ),
    ]
    if card.applied:
        out.append(f"**{t('learn.applied', lang)}**{sep}{card.applied}")
    if card.example:
        out.append(f"**{t('learn.example', lang)}**{sep}{card.example}")
    if card.glossary:
        out.append(f"**{t('learn.glossary', lang)}**{sep}{card.glossary}")
    out.append(f"**{t('learn.check', lang)}**{sep}{card.check_question}")
    return "\n\n".join(out)


def finish(body: str, advice: Advice) -> str:
    """Body + clarifying question + notices + sources."""
    lang = advice.language
    parts = [body]
    if advice.clarifying_question:
        parts.append(f"❓ {advice.clarifying_question}")
    for notice in advice.notices:
        parts.append(f"_{notice}_")
    sources = render_sources(advice.sources, lang)
    if sources:
        parts.append(sources)
    return "\n\n".join(p for p in parts if p)
