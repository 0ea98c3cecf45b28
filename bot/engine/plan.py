"""The strategy plan: targeting, channels, timing, mechanics, KPIs, risks — each item cited."""

from __future__ import annotations

from bot.engine.channels import build_channels
from bot.engine.compliance import build_risks
from bot.engine.context import Context
from bot.engine.measure import build_kpis
from bot.engine.mechanics import BASE, CIRCLE, Scored, choose, evidence
from bot.engine.scoring import Reason
from bot.engine.targeting import build_targeting
from bot.engine.timing import build_timing
from bot.i18n import join, label, t
from bot.models import Plan, PlanItem

EVIDENCE_SHOWN = 2  # comparable campaigns per mechanic: enough to trust, short to read
LABEL_KIND = {
    "objective": "objective",
    "audience": "audience",
    "band": "band",
    "market": "market",
    "sector": "sector",
}


def reason_text(reason: Reason, lang: str) -> str:
    params = {
        k: label(LABEL_KIND.get(k, k), v, lang) if k in LABEL_KIND else v
        for k, v in reason.params.items()
    }
    if "band" in params:  # the band's euro limits would misstate a budget in another currency
        params["band"] = params["band"].split(" (")[0]
    return t(reason.key, lang, **params)


def build_mechanics(ctx: Context, selected: list[Scored]) -> list[PlanItem]:
    lang = ctx.lang
    items: list[PlanItem] = []
    for mech, scored in selected:
        campaigns = evidence(ctx.catalog, scored.mechanic_id, ctx.brief, k=EVIDENCE_SHOWN)
        sources = ctx.book.cite_all(mech.id)
        positives = [reason_text(r, lang) for r in scored.reasons if r.positive][:4]
        negatives = [reason_text(r, lang) for r in scored.reasons if not r.positive][:2]
        detail = join(positives, lang) or label("family", scored.family, lang)
        if negatives:
            detail += t("mx.limit", lang, limits=join(negatives, lang))
        if campaigns:
            names = []
            for c in campaigns:
                numbers = ctx.book.cite(c.id)
                sources += [n for n in numbers if n not in sources]
                names.append(f"{c.brand} ({c.year}) " + "".join(f"[{n}]" for n in numbers))
            detail += ". " + t("mx.evidence", lang, campaigns=", ".join(x.strip() for x in names))
        items.append(
            PlanItem(
                title=label("mechanic", scored.mechanic_id, lang),
                detail=detail,
                ref=scored.mechanic_id,
                score=scored.score,
                evidence=[c.id for c in campaigns],
                sources=sources,
            )
        )
    ids = {s[1].mechanic_id for s in selected}
    if ids & BASE and ids & CIRCLE:
        items.append(
            PlanItem(
                title=t("mx.combo", lang),
                sources=ctx.principle(
                    "principle-engagement-vs-influence", "principle-two-step-flow"
                ),
            )
        )
    return items


def build_plan(ctx: Context) -> tuple[Plan, list[Scored]]:
    """The plan for `ctx.brief`, and the mechanics it rests on (best first)."""
    selected, _ = choose(ctx.catalog, ctx.brief, ctx.lang)
    if not selected:
        return Plan(), []
    selected = sorted(selected, key=lambda s: -s[1].score)
    market = ctx.catalog.market(ctx.market, ctx.lang) if ctx.market else None
    plan = Plan()
    plan.targeting = build_targeting(ctx, selected, market)
    plan.channels = build_channels(ctx, selected, market)
    plan.timing = build_timing(ctx, selected)
    plan.mechanics = build_mechanics(ctx, selected)
    plan.kpis = build_kpis(ctx, selected)
    plan.risks = build_risks(ctx, selected, market)
    return plan, selected
