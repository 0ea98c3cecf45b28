"""Timing items of a plan: the phases of `bot.engine.calendar` as plan items with real dates."""

from __future__ import annotations

import datetime as dt

from bot.engine.calendar import Phase, market_events, phase_plan
from bot.engine.context import Context
from bot.engine.mechanics import Scored
from bot.i18n import fmt_date, join, t
from bot.models import PlanItem

B2B = frozenset({"b2b-leads", "thought-leadership"})
CAMPAIGN_PHASES = frozenset({"teasing", "launch", "amplification", "sustain"})


def phases_for(ctx: Context, selected: list[Scored]) -> list[Phase]:
    brief = ctx.brief
    timing = brief.timing
    calendar = ctx.catalog.calendar(ctx.market, ctx.lang) if ctx.market else None
    events = market_events(calendar, ctx.today)
    top = selected[0][0] if selected else None
    crisis = "crisis" in brief.objectives[:1]
    return phase_plan(
        today=ctx.today,
        kind="crisis" if crisis else "campaign",
        events=events,
        start=timing.start if timing else None,
        end=timing.end if timing else None,
        wanted_events=timing.events if timing else (),
        seasons=timing.seasons if timing else (),
        duration_weeks=top.duration_weeks if top else (4, 8),
        sector=brief.sector,
        press=True,
    )


def build_timing(ctx: Context, selected: list[Scored]) -> list[PlanItem]:
    lang = ctx.lang
    calendar = ctx.catalog.calendar(ctx.market, lang) if ctx.market else None
    items: list[PlanItem] = []
    for phase in phases_for(ctx, selected):
        b2b = any(o in B2B for o in ctx.brief.objectives[:1])
        employer = "employer-brand" in ctx.brief.objectives[:1]
        suffix = ""
        if phase.key in CAMPAIGN_PHASES:
            suffix = ".b2b" if b2b else ".employer" if employer else ""
        what = [t(f"phase.do.{phase.key}{suffix}", lang)]
        sources: list[int] = []
        if phase.anchors:
            what.append(t("tm.anchor", lang, events=join(list(phase.anchors), lang)))
            if calendar is not None:
                sources += ctx.book.cite(calendar.id)
        for key, params in phase.notes:
            kw = dict(params)
            if "date" in kw:
                kw["date"] = fmt_date(dt.date.fromisoformat(kw["date"]), lang)
            what.append(t(key, lang, **kw))
            if calendar is not None:
                sources += [n for n in ctx.book.cite(calendar.id) if n not in sources]
        if phase.key == "launch":
            what.append(t("tm.pitch", lang))
            sources += [
                n
                for n in ctx.principle(
                    "principle-earned-media-relations", "principle-right-channel-right-time"
                )
                if n not in sources
            ]
        if not sources and selected:  # the mechanic's typical duration sets the phases
            sources = ctx.book.cite(selected[0][0].id)
        items.append(
            PlanItem(
                title=t(f"phase.{phase.key}", lang),
                detail="; ".join(what),
                start=phase.start,
                end=phase.end,
                ref=phase.key,
                sources=sources,
            )
        )
    return items
